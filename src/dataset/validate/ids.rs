//! Ids: their syntax, ids given twice, and references from slices to the sector's indicators.

use std::collections::{HashMap, HashSet};

use super::path::Path;
use super::structure::describe;
use super::Checker;
use crate::dataset::raw::Leaf;
use crate::dataset::types::Indicator;

const MAX_ID_CHARS: usize = 64;

/// The ids seen so far among siblings, borrowed from the raw file.
pub type IdSet<'t> = HashSet<&'t str>;
/// A sector's indicators by id: looked up once per slice, so 10,000-slice charts stay linear.
pub type IndicatorIndex<'i> = HashMap<&'i str, &'i Indicator>;

/// Lowercase letters and digits in groups joined by single hyphens, at most 64 characters.
fn is_valid_id(id: &str) -> bool {
    // Only ASCII passes, so bytes are characters here.
    !id.is_empty()
        && id.len() <= MAX_ID_CHARS
        && id.split('-').all(|part| {
            !part.is_empty()
                && part
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

impl Checker {
    /// A well-formed id not yet in `seen`, which it joins.
    pub(super) fn id<'t>(
        &mut self,
        value: &'t Leaf,
        path: &Path,
        seen: &mut IdSet<'t>,
    ) -> Option<String> {
        let Some(id) = value.as_str() else {
            self.push(
                path,
                format!("must be a string id, got {}", describe(value)),
            );
            return None;
        };
        if !is_valid_id(id) {
            self.push(
                path,
                format!(
                    "must be lowercase letters and digits joined by single hyphens (like \"market-entities\"), at most {MAX_ID_CHARS} characters, got {}",
                    describe(value)
                ),
            );
            return None;
        }
        if !seen.insert(id) {
            self.push(path, format!("duplicate id \"{id}\""));
            return None;
        }
        Some(id.to_string())
    }

    /// The indicator an id names, among the sector's own.
    pub(super) fn reference<'i>(
        &mut self,
        value: &Leaf,
        path: &Path,
        indicators: &IndicatorIndex<'i>,
    ) -> Option<&'i Indicator> {
        let Some(id) = value.as_str() else {
            self.push(
                path,
                format!("must be an indicator id, got {}", describe(value)),
            );
            return None;
        };
        let found = indicators.get(id).copied();
        if found.is_none() {
            self.push(
                path,
                format!(
                    "refers to indicator \"{}\", which this sector does not have",
                    id.chars().take(64).collect::<String>()
                ),
            );
        }
        found
    }
}
