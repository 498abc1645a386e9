//! The simple forms' nouns: the chart read from them, its slices, their limits, and the list
//! of problems a reader fills.

use super::words::ProblemWords;
use crate::dataset::error::{DatasetError, DatasetErrors, MORE_FOLLOW};
use crate::i18n::fill;

/// The limits of the full format (validate/), so a simple chart is never bigger than a full one.
pub const MAX_SLICES: usize = 10_000;
pub(super) const MAX_ERRORS: usize = 50;
pub(super) const MAX_LABEL_CHARS: usize = 500;
pub(super) const MAX_SOURCE_CHARS: usize = 2_000;
pub(super) const MAX_NOTE_CHARS: usize = 2_000;
pub(super) const MAX_UNIT_CHARS: usize = 40;
/// Values are below 10^15, as in the full format.
pub(super) const MAX_VALUE: f64 = 1e15;

/// A chart read from one of the simple forms: one language, no ids.
#[derive(Clone, Debug, PartialEq)]
pub struct SimpleChart {
    pub title: String,
    /// The BCP 47 tag the numbers were read for (tables and CSV), or the short form's `lang`.
    pub lang: Option<String>,
    /// The header row's cells over the labels and over the values, when there is a header.
    pub label_heading: Option<String>,
    pub value_heading: Option<String>,
    /// What the values count: the short form's `unit`, the heading's "(…)", or `%`.
    pub unit: Option<String>,
    pub source: Option<String>,
    pub note: Option<String>,
    pub slices: Vec<SimpleSlice>,
}

/// One row of a table, or one entry of the short form's `slices`.
#[derive(Clone, Debug, PartialEq)]
pub struct SimpleSlice {
    pub label: String,
    pub value: f64,
    pub source: Option<String>,
}

impl SimpleChart {
    pub fn total(&self) -> f64 {
        self.slices.iter().map(|slice| slice.value).sum()
    }
}

/// Problems found so far, at most [`MAX_ERRORS`] and then a "more follow" line, as the full
/// format's validation lists them; `words` are the sentences they are told in.
pub(super) struct Problems {
    list: Vec<DatasetError>,
    pub words: &'static ProblemWords,
}

impl Problems {
    pub(super) fn new(words: &'static ProblemWords) -> Problems {
        Problems {
            list: Vec::new(),
            words,
        }
    }

    /// The place `row {row}, column {column}` in these words.
    pub(super) fn cell(&self, row: usize, column: usize) -> String {
        cell_place(self.words, row, column)
    }

    pub(super) fn push(&mut self, path: impl Into<String>, message: impl Into<String>) {
        if self.list.len() < MAX_ERRORS {
            self.list.push(DatasetError {
                path: path.into(),
                message: message.into(),
            });
        } else if self.list.len() == MAX_ERRORS {
            // The marker stays English: `DatasetErrors::truncated` recognises it, and no
            // alert lists it (the alert counts what is left in the reader's language).
            self.list.push(DatasetError {
                path: String::new(),
                message: MORE_FOLLOW.into(),
            });
        }
    }

    /// The chart when nothing was reported, else every problem.
    pub(super) fn finish(self, chart: Option<SimpleChart>) -> Result<SimpleChart, DatasetErrors> {
        match chart {
            Some(chart) if self.list.is_empty() => Ok(chart),
            _ if self.list.is_empty() => Err(DatasetErrors::single("", self.words.could_not_read)),
            _ => Err(DatasetErrors(self.list)),
        }
    }

    /// A text of at most `max` characters, reported (as `what`) when longer.
    pub(super) fn limited(
        &mut self,
        path: &dyn Fn() -> String,
        what: &str,
        text: &str,
        max: usize,
    ) -> bool {
        // No more bytes than the limit means no more characters either: most are never counted.
        let chars = if text.len() <= max {
            0
        } else {
            text.chars().count()
        };
        if chars > max {
            let (chars, max) = (chars.to_string(), max.to_string());
            let values = [("what", what), ("chars", &chars), ("max", &max)];
            let message = fill(self.words.too_long, &values);
            self.push(path(), message);
        }
        chars <= max
    }

    /// A value from 0 up to (not including) 10^15; `shown` is how the data wrote it.
    pub(super) fn value(
        &mut self,
        path: &dyn Fn() -> String,
        value: f64,
        shown: &str,
    ) -> Option<f64> {
        let w = self.words;
        let problem = if value.is_nan() {
            Some(w.not_a_number)
        } else if value < 0.0 {
            Some(w.below_zero)
        } else if value >= MAX_VALUE {
            Some(w.too_large)
        } else {
            None
        };
        match problem {
            Some(problem) => {
                let message = fill(problem, &[("text", shown), ("hint", "")]);
                self.push(path(), message);
                None
            }
            None => Some(value),
        }
    }

    /// Reports a chart whose values are all zero (it would have nothing to draw).
    pub(super) fn not_all_zero(&mut self, path: &str, slices: &[SimpleSlice]) {
        if !slices.is_empty() && slices.iter().all(|slice| slice.value == 0.0) {
            self.push(path, self.words.all_zero);
        }
    }
}

/// The place `row {row}, column {column}` in `words`.
pub(super) fn cell_place(words: &ProblemWords, row: usize, column: usize) -> String {
    let (row, column) = (row.to_string(), column.to_string());
    fill(words.cell, &[("row", &row), ("column", &column)])
}

/// A spreadsheet formula such as `=HYPERLINK(…)`: kept as text in a label, never evaluated.
pub(super) fn is_formula(text: &str) -> bool {
    text.trim_start().starts_with('=')
}
