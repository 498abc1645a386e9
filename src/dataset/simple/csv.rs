//! CSV text → [`SimpleChart`]: the separator found among tabs, semicolons and commas, the
//! cells read by records.rs (`csv-core`), then grid.rs's table rules with the first row as the
//! header.

use super::grid::{read_table, too_many_rows, Header, Row, Table};
use super::records::Records;
use super::types::{SimpleChart, MAX_SLICES};
use super::words::{problem_words, ProblemWords};
use crate::dataset::{DatasetErrors, MAX_INPUT_BYTES};
use crate::i18n::{fill, Speech};

/// Tabs come from text pasted out of a spreadsheet, semicolons from spreadsheets saving CSV
/// where the decimal mark is a comma; on a tie the earlier one wins.
const SEPARATORS: [u8; 3] = [b'\t', b';', b','];
/// Rows looked at to find the separator.
const SAMPLE_ROWS: usize = 50;

/// Reads CSV text whose first row is a header; `title` (the tag's `title` attribute) is the
/// title, else the value column's heading. A byte-order mark and CRLF line ends are fine.
/// Problems are told in English.
pub fn from_csv(text: &str, title: Option<&str>, lang: &str) -> Result<SimpleChart, DatasetErrors> {
    from_csv_in(text, title, lang, Speech::En)
}

/// [`from_csv`] with its problems told in `speech` (the widget's language).
pub fn from_csv_in(
    text: &str,
    title: Option<&str>,
    lang: &str,
    speech: Speech,
) -> Result<SimpleChart, DatasetErrors> {
    let words = problem_words(speech);
    let text = checked(text, words)?;
    let separator = separator_of(text);
    let rows = records(text, separator, words)?;
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
        words,
    };
    read_table(&rows, &table)
}

/// The cells of rows pasted from a spreadsheet (tabs) or typed as CSV, split as [`from_csv`]
/// splits them, blank rows left out: what the builder page puts into a `<table>`.
pub fn cells_of(text: &str) -> Result<Vec<Vec<String>>, DatasetErrors> {
    let words = problem_words(Speech::En);
    let text = checked(text, words)?;
    let separator = separator_of(text);
    let rows = records(text, separator, words)?;
    Ok(rows
        .into_iter()
        .map(|(_, cells)| cells)
        .filter(|cells| width(cells) > 0)
        .collect())
}

/// The text without a byte-order mark, or why it cannot be read at all.
fn checked<'t>(text: &'t str, words: &ProblemWords) -> Result<&'t str, DatasetErrors> {
    if text.len() > MAX_INPUT_BYTES {
        let (bytes, max) = (text.len().to_string(), MAX_INPUT_BYTES.to_string());
        let message = fill(words.file_too_big, &[("bytes", &bytes), ("max", &max)]);
        return Err(DatasetErrors::single("", message));
    }
    // Spreadsheets on Windows save UTF-8 with a byte-order mark.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(DatasetErrors::single("", words.file_empty));
    }
    if text.contains('\0') {
        return Err(DatasetErrors::single("", words.not_utf8));
    }
    Ok(text)
}

/// The separator under which the header has two cells or more and the most of the first rows
/// have as many cells as the header; commas when none splits the header.
fn separator_of(text: &str) -> u8 {
    let mut best = (b',', 0);
    for separator in SEPARATORS {
        let mut widths = Records::new(text, separator)
            .map(|record| width(&record.cells))
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
fn width(cells: &[String]) -> usize {
    cells
        .iter()
        .rposition(|cell| !cell.trim().is_empty())
        .map_or(0, |last| last + 1)
}

/// Every record with its row number; past the row limit, records are counted only.
fn records(
    text: &str,
    separator: u8,
    words: &ProblemWords,
) -> Result<Vec<(usize, Vec<String>)>, DatasetErrors> {
    let mut rows = Vec::new();
    let mut filled = 0usize;
    for record in Records::new(text, separator) {
        if width(&record.cells) > 0 {
            filled += 1;
        }
        if filled <= MAX_SLICES + 1 {
            rows.push((record.row, record.cells));
        }
    }
    if filled > MAX_SLICES + 1 {
        let message = too_many_rows(words, filled - 1);
        return Err(DatasetErrors::single("", message));
    }
    Ok(rows)
}
