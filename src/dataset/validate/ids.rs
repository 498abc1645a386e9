//! Ids: their syntax, ids given twice, and references from slices to the sector's indicators.

use std::collections::hash_map::Entry;
use std::collections::HashMap;

use super::checker::Checker;
use super::path::Path;
use super::structure::describe;
use crate::dataset::raw::Leaf;
use crate::dataset::types::Indicator;

const MAX_ID_CHARS: usize = 64;

/// The ids accepted so far among siblings (borrowed from the raw file), each with its
/// position among them: when every sibling is valid, the only time it is used, that is its
/// position in the file.
pub type IdIndex<'t> = HashMap<&'t str, usize>;

/// A sector's indicators, found by id once per slice so that 10,000-slice charts stay linear.
pub struct Indicators<'i, 't> {
    pub list: &'i [Indicator],
    pub by_id: &'i IdIndex<'t>,
}

impl<'i> Indicators<'i, '_> {
    /// The indicator of an id and its position in the list.
    pub fn find(&self, id: &str) -> Option<(usize, &'i Indicator)> {
        let position = *self.by_id.get(id)?;
        self.list
            .get(position)
            .map(|indicator| (position, indicator))
    }
}

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
        seen: &mut IdIndex<'t>,
    ) -> Option<String> {
        let id = self.well_formed_id(value, path)?;
        let position = seen.len();
        match seen.entry(id) {
            Entry::Occupied(_) => {
                self.push(path, format!("duplicate id \"{id}\""));
                None
            }
            Entry::Vacant(entry) => {
                entry.insert(position);
                Some(id.to_string())
            }
        }
    }

    /// Lowercase letters and digits joined by single hyphens.
    pub(super) fn well_formed_id<'t>(&mut self, value: &'t Leaf, path: &Path) -> Option<&'t str> {
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
        Some(id)
    }

    /// The indicator an id names, among the sector's own, and its position.
    pub(super) fn reference<'i>(
        &mut self,
        value: &Leaf,
        path: &Path,
        indicators: &Indicators<'i, '_>,
    ) -> Option<(usize, &'i Indicator)> {
        let Some(id) = value.as_str() else {
            self.push(
                path,
                format!("must be an indicator id, got {}", describe(value)),
            );
            return None;
        };
        let found = indicators.find(id);
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
