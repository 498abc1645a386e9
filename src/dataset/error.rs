//! Validation errors that name where in the file the problem is.

use std::fmt;

/// One problem: a JSON path such as `sectors[5].indicators[2].value` and what is wrong there.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DatasetError {
    pub path: String,
    pub message: String,
}

impl fmt::Display for DatasetError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            f.write_str(&self.message)
        } else {
            write!(f, "{}: {}", self.path, self.message)
        }
    }
}

/// Every problem found in one dataset, in file order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DatasetErrors(pub Vec<DatasetError>);

impl DatasetErrors {
    pub fn single(path: impl Into<String>, message: impl Into<String>) -> DatasetErrors {
        DatasetErrors(vec![DatasetError {
            path: path.into(),
            message: message.into(),
        }])
    }

    pub fn iter(&self) -> impl Iterator<Item = &DatasetError> {
        self.0.iter()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// The last entry of a list cut short, so the count says "more than".
pub(crate) const MORE_FOLLOW: &str = "more problems follow; fix these first";

impl DatasetErrors {
    /// True when the list was cut short at the limit and more problems were not listed.
    pub fn truncated(&self) -> bool {
        self.0
            .last()
            .is_some_and(|e| e.path.is_empty() && e.message == MORE_FOLLOW)
    }

    /// How many problems are listed (the "more follow" note is not one).
    pub fn problem_count(&self) -> usize {
        self.0.len() - usize::from(self.truncated())
    }
}

impl fmt::Display for DatasetErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let count = self.problem_count();
        let more = if self.truncated() { "more than " } else { "" };
        write!(
            f,
            "the dataset has {more}{} problem{}:",
            count,
            if count == 1 { "" } else { "s" }
        )?;
        for error in &self.0 {
            write!(f, "\n- {error}")?;
        }
        Ok(())
    }
}

impl std::error::Error for DatasetErrors {}
