//! A table's cells → [`SimpleChart`]: the first column labels, the second values, a header row
//! over them, numbers read for the language. Shared by `<table>` and CSV; every problem is
//! named by its row and column, counted from 1 as a spreadsheet shows them.

use super::number::{quoted, read_number_in};
use super::types::{cell_place, is_formula, Problems, SimpleChart, SimpleSlice};
use super::types::{MAX_LABEL_CHARS, MAX_SLICES};
use super::words::{problem_words, ProblemWords};
use crate::dataset::DatasetErrors;
use crate::i18n::{fill, Speech};

/// Reads the cells of an HTML table, row by row. The first row is the header when its second
/// cell is empty or not a number; `title` (the caption or the `title` attribute) is the title,
/// else the value column's heading. Problems are told in English.
pub fn from_grid(
    cells: &[Vec<String>],
    title: Option<&str>,
    lang: &str,
) -> Result<SimpleChart, DatasetErrors> {
    from_grid_in(cells, title, lang, Speech::En)
}

/// [`from_grid`] with its problems told in `speech` (the widget's language).
pub fn from_grid_in(
    cells: &[Vec<String>],
    title: Option<&str>,
    lang: &str,
    speech: Speech,
) -> Result<SimpleChart, DatasetErrors> {
    let rows: Vec<Row> = cells
        .iter()
        .enumerate()
        .map(|(i, cells)| Row {
            number: i + 1,
            cells,
        })
        .collect();
    let table = Table {
        title,
        lang,
        header: Header::Detect,
        separator: None,
        words: problem_words(speech),
    };
    read_table(&rows, &table)
}

/// One row and its number as the editor counts rows (blank lines in a CSV count too).
pub(super) struct Row<'c> {
    pub number: usize,
    pub cells: &'c [String],
}

/// Whether the first row is a header: always (CSV), or when it does not hold a number.
pub(super) enum Header {
    FirstRow,
    Detect,
}

/// What the rows are read with.
pub(super) struct Table<'t> {
    pub title: Option<&'t str>,
    pub lang: &'t str,
    pub header: Header,
    /// The CSV separator, named in the message about a row of one cell.
    pub separator: Option<char>,
    /// The sentences problems are told in.
    pub words: &'static ProblemWords,
}

/// The rows (blank ones skipped) → the chart, or every problem.
pub(super) fn read_table(rows: &[Row], table: &Table) -> Result<SimpleChart, DatasetErrors> {
    let rows: Vec<&Row> = rows.iter().filter(|row| !is_blank(row.cells)).collect();
    let mut problems = Problems::new(table.words);
    let Some((first, rest)) = rows.split_first() else {
        problems.push("", table.words.table_empty);
        return problems.finish(None);
    };
    let (header, data) = if is_header(first, table) {
        (Some(*first), rest)
    } else {
        (None, rows.as_slice())
    };
    let chart = read_rows(&mut problems, header, data, table);
    problems.finish(chart)
}

fn read_rows(
    problems: &mut Problems,
    header: Option<&Row>,
    data: &[&Row],
    table: &Table,
) -> Option<SimpleChart> {
    if data.is_empty() {
        problems.push("", table.words.header_only);
        return None;
    }
    if data.len() > MAX_SLICES {
        problems.push("", too_many_rows(table.words, data.len()));
        return None;
    }
    let headings = header.map(|row| headings(problems, row));
    let mut reader = RowReader {
        problems,
        table,
        percent: None,
    };
    let slices: Vec<Option<SimpleSlice>> = data.iter().map(|row| reader.row(row)).collect();
    let percent = reader.percent.is_some_and(|(percent, _)| percent);
    let (label_heading, value_heading) = headings.unwrap_or((None, None));
    let title = chart_title(problems, table.title, value_heading.as_deref());
    let slices: Option<Vec<SimpleSlice>> = slices.into_iter().collect();
    let slices = slices?;
    problems.not_all_zero("", &slices);
    Some(SimpleChart {
        title: title?,
        lang: Some(table.lang.trim().to_string()).filter(|lang| !lang.is_empty()),
        unit: value_heading
            .as_deref()
            .and_then(unit_of_heading)
            .or_else(|| percent.then(|| "%".to_string())),
        label_heading,
        value_heading,
        source: None,
        note: None,
        slices,
    })
}

fn is_blank(cells: &[String]) -> bool {
    cells.iter().all(|cell| cell.trim().is_empty())
}

fn is_header(first: &Row, table: &Table) -> bool {
    let second = first.cells.get(1).map_or("", |cell| cell.trim());
    match table.header {
        Header::FirstRow => true,
        // A formula is data in the wrong form, reported as such, not a heading.
        Header::Detect if second.is_empty() => true,
        Header::Detect => {
            let number = read_number_in(second, table.lang, table.words);
            !is_formula(second) && number.is_err_and(|problem| problem.not_numeric)
        }
    }
}

/// The header's first two cells, trimmed; empty ones are `None`.
fn headings(problems: &mut Problems, row: &Row) -> (Option<String>, Option<String>) {
    let mut heading = |column: usize| {
        let text = row.cells.get(column - 1).map_or("", |cell| cell.trim());
        let words = problems.words;
        let path = || cell_place(words, row.number, column);
        let fits = problems.limited(&path, words.the_heading, text, MAX_LABEL_CHARS);
        (fits && !text.is_empty()).then(|| text.to_string())
    };
    let label = heading(1);
    (label, heading(2))
}

/// The given title, else the value column's heading; reported when there is neither.
fn chart_title(
    problems: &mut Problems,
    given: Option<&str>,
    value_heading: Option<&str>,
) -> Option<String> {
    let words = problems.words;
    let given = given.map(str::trim).filter(|title| !title.is_empty());
    let Some(title) = given.or(value_heading) else {
        problems.push(words.title_place, words.no_title);
        return None;
    };
    let path = || words.title_place.to_string();
    let fits = problems.limited(&path, words.the_title, title, MAX_LABEL_CHARS);
    fits.then(|| title.to_string())
}

/// The unit in a heading's closing parentheses: `Spending (€ m)` → `€ m`.
fn unit_of_heading(heading: &str) -> Option<String> {
    let inner = heading.strip_suffix(')')?;
    let open = inner.rfind('(')?;
    let unit = inner.get(open + 1..)?.trim();
    (!unit.is_empty() && unit.chars().count() <= super::types::MAX_UNIT_CHARS)
        .then(|| unit.to_string())
}

/// Reads data rows one by one, remembering whether the values so far end in `%`.
struct RowReader<'p, 't> {
    problems: &'p mut Problems,
    table: &'t Table<'t>,
    /// Whether the first value had a `%`, and its row.
    percent: Option<(bool, usize)>,
}

impl RowReader<'_, '_> {
    fn row(&mut self, row: &Row) -> Option<SimpleSlice> {
        let number = row.number;
        self.extra_cells(row);
        let Some(value_cell) = row.cells.get(1) else {
            self.one_cell(row);
            return None;
        };
        let label = self.label(number, row.cells.first().map_or("", String::as_str));
        let value = self.value(number, value_cell);
        Some(SimpleSlice {
            label: label?,
            value: value?,
            source: None,
        })
    }

    fn one_cell(&mut self, row: &Row) {
        let words = self.table.words;
        let cell = row.cells.first().map_or("", String::as_str);
        let other = [',', ';', '\t']
            .into_iter()
            .find(|c| Some(*c) != self.table.separator && cell.contains(*c));
        let hint = match (other, self.table.separator) {
            (Some(other), Some(used)) => {
                let other = separator_name(words, other);
                let used = separator_name(words, used);
                fill(words.other_separator, &[("other", other), ("used", used)])
            }
            _ => String::new(),
        };
        let place = fill(words.row, &[("row", &row.number.to_string())]);
        let message = fill(words.one_cell, &[("hint", &hint)]);
        self.problems.push(place, message);
    }

    /// A cell past the second that holds text (trailing empty cells are what spreadsheets add).
    fn extra_cells(&mut self, row: &Row) {
        let mut extra = row.cells.iter().enumerate().skip(2);
        if let Some((i, cell)) = extra.find(|(_, cell)| !cell.trim().is_empty()) {
            let text = quoted(cell.trim());
            let message = fill(self.table.words.extra_cell, &[("text", &text)]);
            let place = self.problems.cell(row.number, i + 1);
            self.problems.push(place, message);
        }
    }

    fn label(&mut self, number: usize, cell: &str) -> Option<String> {
        let words = self.table.words;
        let label = cell.trim();
        let path = || cell_place(words, number, 1);
        if label.is_empty() {
            self.problems.push(path(), words.label_empty);
            return None;
        }
        let fits = self
            .problems
            .limited(&path, words.the_label, label, MAX_LABEL_CHARS);
        fits.then(|| label.to_string())
    }

    fn value(&mut self, number: usize, cell: &str) -> Option<f64> {
        let words = self.table.words;
        let text = cell.trim();
        let path = || cell_place(words, number, 2);
        if text.is_empty() {
            self.problems.push(path(), words.value_empty);
            return None;
        }
        if is_formula(text) {
            let message = fill(words.formula, &[("text", &quoted(text))]);
            self.problems.push(path(), message);
            return None;
        }
        match read_number_in(text, self.table.lang, words) {
            Ok(number_read) => {
                self.same_percent(number, number_read.percent, text);
                self.problems.value(&path, number_read.value, &quoted(text))
            }
            Err(problem) => {
                self.problems.push(path(), problem.message);
                None
            }
        }
    }

    /// Either every value ends in `%` or none does.
    fn same_percent(&mut self, number: usize, percent: bool, text: &str) {
        let (first, first_row) = *self.percent.get_or_insert((percent, number));
        if first != percent {
            let words = self.table.words;
            let template = if percent {
                words.percent_extra
            } else {
                words.percent_missing
            };
            let (text, first_row) = (quoted(text), first_row.to_string());
            let message = fill(template, &[("text", &text), ("row", &first_row)]);
            let place = self.problems.cell(number, 2);
            self.problems.push(place, message);
        }
    }
}

fn separator_name(words: &'static ProblemWords, separator: char) -> &'static str {
    match separator {
        ',' => words.commas,
        ';' => words.semicolons,
        _ => words.tabs,
    }
}

/// The message about a table of `rows` data rows, over the limit.
pub(super) fn too_many_rows(words: &ProblemWords, rows: usize) -> String {
    let (count, max) = (rows.to_string(), MAX_SLICES.to_string());
    fill(words.too_many_rows, &[("count", &count), ("max", &max)])
}
