//! A sector's charts and their slices: an honest kind, one unit per chart, each slice once,
//! and a total above zero.

use std::collections::HashSet;

use super::checker::{Checker, MAX_LABEL_CHARS, MAX_NOTE_CHARS};
use super::ids::{IdIndex, Indicators};
use super::path::Path;
use crate::dataset::raw::{List, Obj, RawChart, RawSlice};
use crate::dataset::types::{Chart, Indicator, Slice, ValueStyle};

const MAX_CHARTS: usize = 50;
const MAX_SLICES: usize = 10_000;

impl Checker {
    pub(super) fn charts(
        &mut self,
        value: &List<Obj<RawChart>>,
        path: &Path,
        indicators: &Indicators,
    ) -> Option<Vec<Chart>> {
        let items = self.array(value, path, MAX_CHARTS)?;
        let mut ids = IdIndex::new();
        self.each(items, path, |checker, item, at| {
            checker.chart(item, at, &mut ids, indicators)
        })
    }

    fn chart<'t>(
        &mut self,
        value: &'t Obj<RawChart>,
        path: &Path,
        ids: &mut IdIndex<'t>,
        indicators: &Indicators,
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
            style: ValueStyle::Report,
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
        indicators: &Indicators,
    ) -> Option<Vec<Slice>> {
        let items = self.array(value, path, MAX_SLICES)?;
        if items.is_empty() {
            self.push(path, "must have at least one slice");
            return None;
        }
        let mut slices: Vec<Slice> = Vec::with_capacity(items.len());
        // Where each checked slice is in the file, for the duplicate check below.
        let mut places = Vec::with_capacity(items.len());
        let mut all_ok = true;
        for (i, item) in items.iter().enumerate() {
            let slice_path = path.at(i);
            let Some((slice, indicator)) = self.slice(item, &slice_path, indicators) else {
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
            places.push(Place { file: i, indicator });
        }
        let unique = self.each_slice_once(&slices, &places, path, indicators);
        (all_ok && unique).then_some(slices)
    }

    /// True when no two slices have the same key (an indicator id or a derived slice's id);
    /// each repeat is reported at its position in the file.
    fn each_slice_once(
        &mut self,
        slices: &[Slice],
        places: &[Place],
        path: &Path,
        indicators: &Indicators,
    ) -> bool {
        // A key that is an indicator's id has that indicator's slot: no hashing for the
        // 10,000 indicator slices of a large chart.
        let mut taken = vec![false; indicators.list.len()];
        let mut derived_keys: HashSet<&str> = HashSet::new();
        let mut ok = true;
        for (slice, place) in slices.iter().zip(places) {
            let slot = place
                .indicator
                .or_else(|| indicators.find(&slice.key).map(|(position, _)| position));
            let first = match slot.and_then(|position| taken.get_mut(position)) {
                Some(taken) => !std::mem::replace(taken, true),
                None => derived_keys.insert(&slice.key),
            };
            if !first {
                self.push(
                    &path.at(place.file),
                    format!("\"{}\" is already a slice of this chart", slice.key),
                );
                ok = false;
            }
        }
        ok
    }

    /// `{"indicator": id}`, or a derived slice with `id`, `label` and `derived`.
    /// The slice, and the position of its indicator when it shows one.
    fn slice(
        &mut self,
        value: &Obj<RawSlice>,
        path: &Path,
        indicators: &Indicators,
    ) -> Option<(Slice, Option<usize>)> {
        let raw = self.object(value, path)?;
        if let Some(reference) = raw.indicator.get() {
            // Any other field, known or not.
            let extra = match value {
                Obj::Map(object) => object.extra_keys().len(),
                Obj::Other(_) => 0,
            };
            if raw.given_count() + extra > 1 {
                self.push(
                    path,
                    "a slice is either {\"indicator\": id} or a derived slice with id, label and derived, not both",
                );
                return None;
            }
            let (position, indicator) =
                self.reference(reference, &path.key("indicator"), indicators)?;
            return Some((indicator_slice(indicator), Some(position)));
        }
        let Some(id) = raw.id.get() else {
            self.push(
                path,
                "a slice needs \"indicator\", or \"id\", \"label\" and \"derived\"",
            );
            return None;
        };
        // A derived slice's id is its key in the chart, checked there with the others.
        let id = self.well_formed_id(id, &path.key("id")).map(str::to_string);
        let label = self.needed_text(&raw.label, "label", path, MAX_LABEL_CHARS);
        let derived_path = path.key("derived");
        let parts = self
            .needed(&raw.derived, "derived", path)
            .and_then(|v| self.object(v, &derived_path))
            .and_then(|derived| self.derived_parts(derived, &derived_path, indicators));
        let (id, label, parts) = (id?, label?, parts?);
        let slice = self.derived_slice(id, label, parts, &derived_path)?;
        Some((slice, None))
    }
}

/// Where a checked slice is: its position in the file, and its indicator's in the sector.
struct Place {
    file: usize,
    indicator: Option<usize>,
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
