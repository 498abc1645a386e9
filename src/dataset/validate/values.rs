//! Values: the version, numbers, units, qualifiers, chart kinds and `parts_of_whole`, and the
//! value of a derived slice (its whole minus its parts, in one unit, never below zero).

use super::checker::Checker;
use super::ids::Indicators;
use super::path::Path;
use super::structure::describe;
use crate::dataset::kinds::{ChartKind, Text};
use crate::dataset::raw::{Leaf, RawDerived};
use crate::dataset::types::{Derivation, Indicator, Qualifier, Slice, Unit};
use crate::format::{derivation_text, plain_number};

/// Values are in base units; 10^15 yuan is far beyond any real figure and still exact in f64.
const MAX_VALUE: f64 = 1e15;
const MAX_MINUS: usize = 100;

/// A derived slice's `whole` (none means 100 %) and `minus`, resolved.
type Parts<'i> = (Option<&'i Indicator>, Vec<&'i Indicator>);

impl Checker {
    /// `version` must be the whole number 1.
    pub(super) fn version(&mut self, value: &Leaf, path: &Path) {
        let is_one = matches!(value, Leaf::Number(n) if n.is_integer() && n.as_f64() == 1.0);
        if !is_one {
            self.push(
                path,
                format!(
                    "must be 1 (the only version of the format), got {}",
                    describe(value)
                ),
            );
        }
    }

    /// A finite number from 0 up to (not including) 10^15.
    pub(super) fn number(&mut self, value: &Leaf, path: &Path) -> Option<f64> {
        let number = match value {
            Leaf::Number(n) => Some(n.as_f64()).filter(|n| n.is_finite() && *n >= 0.0),
            _ => None,
        };
        match number {
            Some(n) if n < MAX_VALUE => Some(n),
            Some(_) => {
                self.push(
                    path,
                    format!(
                        "must be below 10^15 (values are in base units), got {}",
                        describe(value)
                    ),
                );
                None
            }
            None => {
                self.push(
                    path,
                    format!("must be a finite number >= 0, got {}", describe(value)),
                );
                None
            }
        }
    }

    pub(super) fn unit(&mut self, value: &Leaf, path: &Path) -> Option<Unit> {
        let unit = value.as_str().and_then(Unit::from_code);
        if unit.is_none() {
            let names: Vec<&str> = Unit::ALL.iter().map(|u| u.code()).collect();
            self.push(
                path,
                format!(
                    "must be one of {}, got {}",
                    names.join(", "),
                    describe(value)
                ),
            );
        }
        unit
    }

    pub(super) fn qualifier(&mut self, value: &Leaf, path: &Path) -> Option<Qualifier> {
        let qualifier = value.as_str().and_then(Qualifier::from_code);
        if qualifier.is_none() {
            self.push(
                path,
                format!("must be \"over\" or \"more-than\", got {}", describe(value)),
            );
        }
        qualifier
    }

    pub(super) fn kind(&mut self, value: &Leaf, path: &Path) -> Option<ChartKind> {
        let kind = value.as_str().and_then(ChartKind::from_code);
        if kind.is_none() {
            self.push(
                path,
                format!(
                    "must be \"pie\", \"donut\" or \"bar\", got {}",
                    describe(value)
                ),
            );
        }
        kind
    }

    pub(super) fn boolean(&mut self, value: &Leaf, path: &Path) -> Option<bool> {
        match value {
            Leaf::Bool(b) => Some(*b),
            other => {
                self.push(
                    path,
                    format!("must be true or false, got {}", describe(other)),
                );
                None
            }
        }
    }

    /// `whole` and `minus` of a derived slice, each an indicator of the sector.
    pub(super) fn derived_parts<'i>(
        &mut self,
        derived: &RawDerived,
        path: &Path,
        indicators: &Indicators<'i, '_>,
    ) -> Option<Parts<'i>> {
        let whole = match derived.whole.get() {
            None => Some(None),
            Some(v) => self
                .reference(v, &path.key("whole"), indicators)
                .map(|(_, whole)| Some(whole)),
        };
        let minus = self.needed(&derived.minus, "minus", path).and_then(|v| {
            let minus_path = path.key("minus");
            let items = self.array(v, &minus_path, MAX_MINUS)?;
            let parts: Vec<Option<&Indicator>> = items
                .iter()
                .enumerate()
                .map(|(i, item)| {
                    let part = self.reference(item, &minus_path.at(i), indicators);
                    part.map(|(_, part)| part)
                })
                .collect();
            parts.into_iter().collect::<Option<Vec<_>>>()
        });
        Some((whole?, minus?))
    }

    /// The slice `id` makes of its whole minus its parts; `path` is the slice's `derived`.
    pub(super) fn derived_slice(
        &mut self,
        id: String,
        label: Text,
        (whole, minus): Parts,
        path: &Path,
    ) -> Option<Slice> {
        let Some(first) = minus.first() else {
            self.push(&path.key("minus"), "must name at least one indicator");
            return None;
        };
        let unit = first.unit;
        let mut ok = self.parts_share(unit, &minus, path);
        let whole_value = match whole {
            Some(whole) => {
                if whole.unit != unit {
                    self.push(
                        &path.key("whole"),
                        "the whole must have the same unit as the parts",
                    );
                    ok = false;
                }
                whole.value
            }
            None => {
                if unit != Unit::Percent {
                    self.push(
                        &path.key("whole"),
                        "missing: without a whole the parts must be percentages of 100",
                    );
                    ok = false;
                }
                100.0
            }
        };
        let value = whole_value - minus.iter().map(|part| part.value).sum::<f64>();
        if value < 0.0 {
            self.push(
                path,
                format!(
                    "the parts add up to more than the whole ({}), so the remainder would be negative",
                    plain_number(whole_value, 4, false)
                ),
            );
            ok = false;
        }
        ok.then(|| derived(id, label, whole, &minus, unit, value))
    }

    /// True when every part has `unit`; each one that has not is reported.
    fn parts_share(&mut self, unit: Unit, minus: &[&Indicator], path: &Path) -> bool {
        let mut ok = true;
        for (i, part) in minus.iter().enumerate() {
            if part.unit != unit {
                self.push(
                    &path.key("minus").at(i),
                    "all parts of a derived slice must share one unit",
                );
                ok = false;
            }
        }
        ok
    }
}

fn derived(
    id: String,
    label: Text,
    whole: Option<&Indicator>,
    minus: &[&Indicator],
    unit: Unit,
    value: f64,
) -> Slice {
    Slice {
        key: id,
        label,
        value,
        unit,
        counter: whole.and_then(|w| w.counter.clone()),
        qualifier: None,
        source: None,
        note: None,
        derivation: Some(Derivation {
            whole: whole.map(|w| w.id.clone()),
            minus: minus.iter().map(|part| part.id.clone()).collect(),
            explanation: derivation_text(whole, minus, value),
        }),
    }
}
