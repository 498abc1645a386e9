//! CSV text → records of cells, each with its row number, read by `csv-core` (RFC 4180 quoting;
//! it never fails, it prefers a reading to none). Rows are numbered as a spreadsheet numbers
//! them: every line break (CRLF, LF or a lone CR) starts a row, unless it is inside quotes.

use csv_core::{ReadRecordResult, Reader, ReaderBuilder};

/// Records of one text under one separator, in order.
pub(super) struct Records<'t> {
    reader: Reader,
    text: &'t [u8],
    /// Bytes of `text` handed to the reader so far.
    read: usize,
    /// Line breaks before `read`, and those of them inside quoted cells.
    breaks: LineBreaks,
    breaks_quoted: usize,
    fields: Vec<u8>,
    ends: Vec<usize>,
}

/// One record: its row number (from 1) and its cells.
pub(super) struct Record {
    pub row: usize,
    pub cells: Vec<String>,
}

impl<'t> Records<'t> {
    pub fn new(text: &'t str, separator: u8) -> Records<'t> {
        Records {
            reader: ReaderBuilder::new().delimiter(separator).build(),
            text: text.as_bytes(),
            read: 0,
            breaks: LineBreaks::default(),
            breaks_quoted: 0,
            fields: vec![0; 256],
            ends: vec![0; 8],
        }
    }

    /// Blank lines are skipped by the reader: count them, so the record's row is where it starts.
    fn skip_blank_lines(&mut self) {
        let rest = self.text.get(self.read..).unwrap_or_default();
        let blank = rest
            .iter()
            .take_while(|b| matches!(b, b'\r' | b'\n'))
            .count();
        self.breaks.add(rest.get(..blank).unwrap_or_default());
        self.read += blank;
    }

    /// The next record's cells as bytes and their ends, or `None` at the end of the text.
    fn next_fields(&mut self) -> Option<usize> {
        let (mut written, mut ended) = (0, 0);
        loop {
            let input = self.text.get(self.read..).unwrap_or_default();
            let output = self.fields.get_mut(written..).unwrap_or_default();
            let ends = self.ends.get_mut(ended..).unwrap_or_default();
            let (result, nin, nout, nend) = self.reader.read_record(input, output, ends);
            let consumed = input.get(..nin).unwrap_or_default();
            self.breaks.add(consumed);
            self.read += nin;
            written += nout;
            ended += nend;
            match result {
                ReadRecordResult::InputEmpty => {}
                ReadRecordResult::OutputFull => self.fields.resize(self.fields.len() * 2, 0),
                ReadRecordResult::OutputEndsFull => self.ends.resize(self.ends.len() * 2, 0),
                ReadRecordResult::Record => return Some(ended),
                ReadRecordResult::End => return None,
            }
        }
    }

    fn cells(&self, count: usize) -> Vec<String> {
        let mut start = 0;
        let ends = self.ends.get(..count).unwrap_or_default();
        ends.iter()
            .map(|&end| {
                let cell = self.fields.get(start..end).unwrap_or_default();
                start = end;
                // Cells are cut from UTF-8 text at ASCII bytes, so this copies without loss.
                String::from_utf8_lossy(cell).into_owned()
            })
            .collect()
    }
}

impl Iterator for Records<'_> {
    type Item = Record;

    fn next(&mut self) -> Option<Record> {
        self.skip_blank_lines();
        let row = 1 + self.breaks.count.saturating_sub(self.breaks_quoted);
        let count = self.next_fields()?;
        let cells = self.cells(count);
        self.breaks_quoted += cells.iter().map(|cell| line_breaks(cell)).sum::<usize>();
        Some(Record { row, cells })
    }
}

/// Line breaks counted across pieces of text, a CRLF once even when cut between two pieces.
#[derive(Default)]
struct LineBreaks {
    count: usize,
    after_cr: bool,
}

impl LineBreaks {
    fn add(&mut self, bytes: &[u8]) {
        for &byte in bytes {
            let second_of_crlf = byte == b'\n' && self.after_cr;
            self.after_cr = byte == b'\r';
            if !second_of_crlf {
                self.count += usize::from(matches!(byte, b'\n' | b'\r'));
            }
        }
    }
}

/// Line breaks in one text.
fn line_breaks(text: &str) -> usize {
    let mut breaks = LineBreaks::default();
    breaks.add(text.as_bytes());
    breaks.count
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(text: &str, separator: u8) -> Vec<(usize, Vec<String>)> {
        Records::new(text, separator)
            .map(|record| (record.row, record.cells))
            .collect()
    }

    #[test]
    fn rows_count_line_breaks_outside_quotes() {
        let text = "a,b\n\nc,\"d\r\ne\"\rf\r\n\r\ng;h";
        let found = rows(text, b',');
        let cells = |cells: &[&str]| cells.iter().map(|c| c.to_string()).collect::<Vec<_>>();
        assert_eq!(
            found,
            [
                (1, cells(&["a", "b"])),
                (3, cells(&["c", "d\r\ne"])),
                (4, cells(&["f"])),
                (6, cells(&["g;h"])),
            ]
        );
    }

    #[test]
    fn long_cells_and_many_cells_grow_the_buffers() {
        let long = "é".repeat(1000);
        let text = format!("{long};{}\n", vec!["x"; 100].join(";"));
        let found = rows(&text, b';');
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].1.len(), 101);
        assert_eq!(found[0].1[0], long);
    }

    #[test]
    fn line_breaks_count_crlf_once() {
        assert_eq!(line_breaks("\r\n\r\n\n\r\r"), 5);
        assert_eq!(line_breaks("a\rb\nc"), 2);
        let mut cut = LineBreaks::default();
        cut.add(b"a\r");
        cut.add(b"\nb\r");
        assert_eq!(cut.count, 2);
    }
}
