//! A sector's charts and their slices: an honest kind, one unit per chart, each slice once,
//! and a total above zero.

use std::collections::HashSet;

use super::ids::{IdSet, IndicatorIndex};
use super::path::Path;
use super::{Checker, MAX_LABEL_CHARS, MAX_NOTE_CHARS};
use crate::dataset::raw::{List, Obj, RawChart, RawSlice};
use crate::dataset::types::{Chart, Indicator, Slice};

const MAX_CHARTS: usize = 50;
const MAX_SLICES: usize = 10_000;

impl Checker {
    pub(super) fn charts(
        &mut self,
        value: &List<Obj<RawChart>>,
        path: &Path,
        indicators: &[Indicator],
    ) -> Option<Vec<Chart>> {
        let items = self.array(value, path, MAX_CHARTS)?;
        let mut ids = IdSet::new();
        let by_id: IndicatorIndex = indicators
            .iter()
            .map(|indicator| (indicator.id.as_str(), indicator))
            .collect();
        self.each(items, path, |checker, item, at| {
            checker.chart(item, at, &mut ids, &by_id)
        })
    }

    fn chart<'t>(
        &mut self,
        value: &'t Obj<RawChart>,
        path: &Path,
        ids: &mut IdSet<'t>,
        indicators: &IndicatorIndex,
    ) -> Option<Chart> {
        let raw = self.object(value, path)?;
        let id = self
            .needed(&raw.id, "id", path)
            .and_then(|v| self.id(v, &path.key("id"), ids));
        let title = self.needed_text(&raw.title, "title", path, MAX_LABEL_CHARS);
        let kind = self
            .needed(&raw.kind, "kind", path)
            .and_then(|v| self.kind(v, &path.key("kind")));
        // Required, as the format says: whether a pie is honest is the editor's call to make.
        let parts_of_whole = self
            .needed(&raw.parts_of_whole, "parts_of_whole", path)
            .and_then(|v| self.boolean(v, &path.key("parts_of_whole")));
        if let (Some(kind), Some(false)) = (kind, parts_of_whole) {
            if kind.is_circular() {
                self.push(
                    &path.key("kind"),
                    format!("a {kind} shows parts of a whole: set \"parts_of_whole\": true if the slices are disjoint parts of one whole, or use \"bar\""),
                );
            }
        }
        let note = self.optional_text(&raw.note, "note", path, MAX_NOTE_CHARS);
        let slices = self
            .needed(&raw.slices, "slices", path)
            .and_then(|v| self.slices(v, &path.key("slices"), indicators));
        let chart = Chart {
            id: id?,
            title: title?,
            kind: kind?,
            parts_of_whole: parts_of_whole?,
            note: note?,
            slices: slices?,
        };
        if chart.total() <= 0.0 {
            self.push(
                &path.key("slices"),
                "all values are zero: a chart needs at least one value above zero",
            );
            return None;
        }
        Some(chart)
    }

    fn slices(
        &mut self,
        value: &List<Obj<RawSlice>>,
        path: &Path,
        indicators: &IndicatorIndex,
    ) -> Option<Vec<Slice>> {
        let items = self.array(value, path, MAX_SLICES)?;
        if items.is_empty() {
            self.push(path, "must have at least one slice");
            return None;
        }
        let mut slices: Vec<Slice> = Vec::with_capacity(items.len());
        // Where each checked slice is in the file, for the duplicate check below.
        let mut positions = Vec::with_capacity(items.len());
        let mut all_ok = true;
        for (i, item) in items.iter().enumerate() {
            let slice_path = path.at(i);
            let Some(slice) = self.slice(item, &slice_path, indicators) else {
                all_ok = false;
                continue;
            };
            if let Some(first) = slices.first() {
                if first.unit != slice.unit {
                    self.push(
                        &slice_path,
                        format!(
                            "unit \"{}\" differs from the chart's first slice (\"{}\"): all slices of a chart must share one unit",
                            slice.unit.code(),
                            first.unit.code()
                        ),
                    );
                    all_ok = false;
                }
            }
            slices.push(slice);
            positions.push(i);
        }
        let unique = self.each_slice_once(&slices, &positions, path);
        (all_ok && unique).then_some(slices)
    }

    /// True when no two slices show the same indicator or derived id; each repeat is reported
    /// at its position in the file.
    fn each_slice_once(&mut self, slices: &[Slice], positions: &[usize], path: &Path) -> bool {
        // Keys borrowed from the slices, not copied: a set of 10,000 strings was a copy each.
        let mut keys: HashSet<&str> = HashSet::with_capacity(slices.len());
        let mut ok = true;
        for (slice, &i) in slices.iter().zip(positions) {
            if !keys.insert(&slice.key) {
                self.push(
                    &path.at(i),
                    format!("\"{}\" is already a slice of this chart", slice.key),
                );
                ok = false;
            }
        }
        ok
    }

    /// `{"indicator": id}`, or a derived slice with `id`, `label` and `derived`.
    fn slice(
        &mut self,
        value: &Obj<RawSlice>,
        path: &Path,
        indicators: &IndicatorIndex,
    ) -> Option<Slice> {
        let raw = self.object(value, path)?;
        if let Some(reference) = raw.indicator.get() {
            // Any other field, known or not.
            if matches!(value, Obj::Map(object) if object.key_count > 1) {
                self.push(
                    path,
                    "a slice is either {\"indicator\": id} or a derived slice with id, label and derived, not both",
                );
                return None;
            }
            let indicator = self.reference(reference, &path.key("indicator"), indicators)?;
            return Some(indicator_slice(indicator));
        }
        let Some(id) = raw.id.get() else {
            self.push(
                path,
                "a slice needs \"indicator\", or \"id\", \"label\" and \"derived\"",
            );
            return None;
        };
        // A derived slice's id is its key in the chart, checked there with the others.
        let id = self.id(id, &path.key("id"), &mut IdSet::new());
        let label = self.needed_text(&raw.label, "label", path, MAX_LABEL_CHARS);
        let derived_path = path.key("derived");
        let parts = self
            .needed(&raw.derived, "derived", path)
            .and_then(|v| self.object(v, &derived_path))
            .and_then(|derived| self.derived_parts(derived, &derived_path, indicators));
        let (id, label, parts) = (id?, label?, parts?);
        self.derived_slice(id, label, parts, &derived_path)
    }
}

fn indicator_slice(indicator: &Indicator) -> Slice {
    Slice {
        key: indicator.id.clone(),
        label: indicator.label.clone(),
        value: indicator.value,
        unit: indicator.unit,
        counter: indicator.counter.clone(),
        qualifier: indicator.qualifier,
        source: indicator.source.clone(),
        note: indicator.note.clone(),
        derivation: None,
    }
}
