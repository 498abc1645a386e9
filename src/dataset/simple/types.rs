//! The simple forms' nouns: the chart read from them, its slices, their limits, and the list
//! of problems a reader fills.

use crate::dataset::error::{DatasetError, DatasetErrors, MORE_FOLLOW};

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
/// format's validation lists them.
#[derive(Default)]
pub(super) struct Problems(Vec<DatasetError>);

impl Problems {
    pub(super) fn push(&mut self, path: impl Into<String>, message: impl Into<String>) {
        if self.0.len() < MAX_ERRORS {
            self.0.push(DatasetError {
                path: path.into(),
                message: message.into(),
            });
        } else if self.0.len() == MAX_ERRORS {
            self.0.push(DatasetError {
                path: String::new(),
                message: MORE_FOLLOW.into(),
            });
        }
    }

    /// The chart when nothing was reported, else every problem.
    pub(super) fn finish(self, chart: Option<SimpleChart>) -> Result<SimpleChart, DatasetErrors> {
        match chart {
            Some(chart) if self.0.is_empty() => Ok(chart),
            _ if self.0.is_empty() => Err(DatasetErrors::single("", "the chart could not be read")),
            _ => Err(DatasetErrors(self.0)),
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
            self.push(
                path(),
                format!("{what} is {chars} characters long, more than the limit of {max}"),
            );
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
        let problem = if value.is_nan() {
            Some("is not a number")
        } else if value < 0.0 {
            Some("is below zero: a chart shows amounts of zero or more")
        } else if value >= MAX_VALUE {
            Some("is too large: values must be below 10^15")
        } else {
            None
        };
        match problem {
            Some(problem) => {
                self.push(path(), format!("{shown} {problem}"));
                None
            }
            None => Some(value),
        }
    }

    /// Reports a chart whose values are all zero (it would have nothing to draw).
    pub(super) fn not_all_zero(&mut self, path: &str, slices: &[SimpleSlice]) {
        if !slices.is_empty() && slices.iter().all(|slice| slice.value == 0.0) {
            self.push(
                path,
                "all values are zero: a chart needs at least one value above zero",
            );
        }
    }
}

/// A spreadsheet formula such as `=HYPERLINK(…)`: kept as text in a label, never evaluated.
pub(super) fn is_formula(text: &str) -> bool {
    text.trim_start().starts_with('=')
}
