//! The walk's state: every problem found so far, with its path, up to [`MAX_ERRORS`], and the
//! limits the walk checks against.

use super::path::Path;
use crate::dataset::error::{DatasetError, MORE_FOLLOW};

/// Enough to show an editor everything wrong with a real file, bounded for hostile ones.
pub(super) const MAX_ERRORS: usize = 50;
pub(super) const MAX_SECTORS: usize = 100;
pub(super) const MAX_INDICATORS: usize = 20_000;
pub(super) const MAX_ACHIEVEMENTS: usize = 200;
pub(super) const MAX_LABEL_CHARS: usize = 500;
pub(super) const MAX_PARAGRAPH_CHARS: usize = 20_000;
pub(super) const MAX_ACHIEVEMENT_CHARS: usize = 2_000;
pub(super) const MAX_COUNTER_CHARS: usize = 40;
pub(super) const MAX_SOURCE_CHARS: usize = 2_000;
pub(super) const MAX_NOTE_CHARS: usize = 2_000;

/// Walks the raw file; each method checks one part, reports what is wrong with it and gives
/// `None` when the part cannot be used.
#[derive(Default)]
pub(super) struct Checker {
    pub(super) errors: Vec<DatasetError>,
}

impl Checker {
    pub(super) fn push(&mut self, path: &Path, message: impl Into<String>) {
        if self.errors.len() < MAX_ERRORS {
            self.errors.push(DatasetError {
                path: path.text(),
                message: message.into(),
            });
        } else if self.errors.len() == MAX_ERRORS {
            self.errors.push(DatasetError {
                path: String::new(),
                message: MORE_FOLLOW.into(),
            });
        }
    }
}
