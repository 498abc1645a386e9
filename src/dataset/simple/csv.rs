//! CSV text → [`SimpleChart`]: the separator found among tabs, semicolons and commas, the
//! cells read by the `csv` crate (quoting as RFC 4180 says), then grid.rs's table rules with
//! the first row as the header. Rows are numbered as a spreadsheet numbers them.

use ::csv::{Position, Reader, ReaderBuilder, StringRecord};

use super::grid::{read_table, Header, Row, Table};
use super::{SimpleChart, MAX_SLICES};
use crate::dataset::{DatasetErrors, MAX_INPUT_BYTES};

/// Tabs come from text pasted out of a spreadsheet, semicolons from spreadsheets saving CSV
/// where the decimal mark is a comma; on a tie the earlier one wins.
const SEPARATORS: [u8; 3] = [b'\t', b';', b','];
/// Rows looked at to find the separator.
const SAMPLE_ROWS: usize = 50;

/// Reads CSV text whose first row is a header; `title` (the tag's `title` attribute) is the
/// title, else the value column's heading. A byte-order mark and CRLF line ends are fine.
pub fn from_csv(text: &str, title: Option<&str>, lang: &str) -> Result<SimpleChart, DatasetErrors> {
    let text = checked(text)?;
    let separator = separator_of(text);
    let rows = records(text, separator)?;
    let rows: Vec<Row> = rows
        .iter()
        .map(|(number, cells)| Row {
            number: *number,
            cells,
        })
        .collect();
    let table = Table {
        title,
        lang,
        header: Header::FirstRow,
        separator: Some(char::from(separator)),
    };
    read_table(&rows, &table)
}

/// The text without a byte-order mark, or why it cannot be read at all.
fn checked(text: &str) -> Result<&str, DatasetErrors> {
    if text.len() > MAX_INPUT_BYTES {
        let message = format!(
            "the file is {} bytes, more than the limit of {MAX_INPUT_BYTES} bytes",
            text.len()
        );
        return Err(DatasetErrors::single("", message));
    }
    // Spreadsheets on Windows save UTF-8 with a byte-order mark.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(DatasetErrors::single("", "the file is empty"));
    }
    if text.contains('\0') {
        return Err(DatasetErrors::single(
            "",
            "the file is not UTF-8 text (it contains NUL characters; is it saved as UTF-16?): save it as UTF-8",
        ));
    }
    Ok(text)
}

fn reader(text: &str, separator: u8) -> Reader<&[u8]> {
    ReaderBuilder::new()
        .delimiter(separator)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes())
}

/// The separator under which the header has two cells or more and the most of the first rows
/// have as many cells as the header; commas when none splits the header.
fn separator_of(text: &str) -> u8 {
    let mut best = (b',', 0);
    for separator in SEPARATORS {
        let mut widths = reader(text, separator)
            .into_records()
            .map_while(Result::ok)
            .map(|record| width(&record))
            .filter(|&width| width > 0)
            .take(SAMPLE_ROWS);
        let Some(header) = widths.next().filter(|&header| header >= 2) else {
            continue;
        };
        let score = 1 + widths.filter(|&width| width == header).count();
        if score > best.1 {
            best = (separator, score);
        }
    }
    best.0
}

/// Cells up to the last one holding text (spreadsheets pad rows with empty cells).
fn width(record: &StringRecord) -> usize {
    let filled = record
        .iter()
        .enumerate()
        .filter(|(_, cell)| !cell.trim().is_empty());
    filled.last().map_or(0, |(last, _)| last + 1)
}

/// Every record with its row number. A cell's quoted line break does not start a row, and a
/// blank line is a row, as in a spreadsheet. Past the row limit, records are counted only.
fn records(text: &str, separator: u8) -> Result<Vec<(usize, Vec<String>)>, DatasetErrors> {
    let mut reader = reader(text, separator);
    let mut record = StringRecord::new();
    let (mut rows, mut filled, mut breaks_inside) = (Vec::new(), 0usize, 0usize);
    loop {
        match reader.read_record(&mut record) {
            Ok(true) => {}
            Ok(false) => break,
            Err(error) => {
                let at = format!("row {}", rows.len() + 1);
                return Err(DatasetErrors::single(
                    at,
                    format!("the file could not be read as CSV: {error}"),
                ));
            }
        }
        let line = record.position().map_or(0, |at| first_line(text, at));
        if width(&record) > 0 {
            filled += 1;
        }
        if filled <= MAX_SLICES + 1 {
            let number = line.saturating_sub(breaks_inside).max(1);
            rows.push((number, record.iter().map(str::to_string).collect()));
        }
        breaks_inside += record
            .iter()
            .map(|cell| cell.matches('\n').count())
            .sum::<usize>();
    }
    if filled > MAX_SLICES + 1 {
        let message = format!(
            "the table has {} rows of data, more than the limit of {MAX_SLICES}",
            filled - 1
        );
        return Err(DatasetErrors::single("", message));
    }
    Ok(rows)
}

/// The line a record starts on. The reader's position is where it began looking, before the
/// blank lines it skipped: those are counted here.
fn first_line(text: &str, at: &Position) -> usize {
    let skipped = text
        .as_bytes()
        .get(at.byte() as usize..)
        .unwrap_or_default();
    let blank = skipped.iter().take_while(|b| matches!(b, b'\r' | b'\n'));
    at.line() as usize + blank.filter(|b| **b == b'\n').count()
}
