//! A [`SimpleChart`] as the [`Dataset`] the whole pipeline draws (one sector, one chart), and
//! JSON text read as whichever form it is: the short form or the full report format.

use std::rc::Rc;

use serde::de::IgnoredAny;
use serde::Deserialize;

use super::short_json::from_short_json_in;
use super::types::SimpleChart;
use crate::dataset::kinds::{ChartKind, Text};
use crate::dataset::types::{Chart, Dataset, Indicator, Sector, Slice, Source, Unit, ValueStyle};
use crate::dataset::{parse, DatasetErrors};
use crate::i18n::Speech;

/// The sector and chart id of a simple chart's dataset (what deep links and events name).
pub const SIMPLE_ID: &str = "chart";

/// The top-level keys that tell the two JSON forms apart; their values are skipped.
#[derive(Deserialize)]
struct FormProbe {
    version: Option<IgnoredAny>,
    sectors: Option<IgnoredAny>,
    slices: Option<IgnoredAny>,
}

/// True for the short form: `slices` at the top, and neither `version` nor `sectors`.
pub fn is_short_json(text: &str) -> bool {
    let body = text.strip_prefix('\u{feff}').unwrap_or(text);
    serde_json::from_str::<FormProbe>(body).is_ok_and(|probe| {
        probe.slices.is_some() && probe.version.is_none() && probe.sectors.is_none()
    })
}

/// JSON text in either form → the dataset and the language the short form names, or every
/// problem with its JSON path. Text that is not JSON at all is reported by the full format's
/// reader (line and column). Problems are told in English.
pub fn read_json(text: &str) -> Result<(Dataset, Option<String>), DatasetErrors> {
    read_json_in(text, Speech::En)
}

/// [`read_json`] with the short form's problems told in `speech`; the full report format's
/// problems stay English, as its validation writes them.
pub fn read_json_in(
    text: &str,
    speech: Speech,
) -> Result<(Dataset, Option<String>), DatasetErrors> {
    if is_short_json(text) {
        let chart = from_short_json_in(text, speech)?;
        let lang = chart.lang.clone();
        Ok((chart.into_dataset(), lang))
    } else {
        parse(text).map(|dataset| (dataset, None))
    }
}

impl SimpleChart {
    /// One sector holding one chart whose slices are the rows. A simple table is taken as parts
    /// of a whole (as Datawrapper and Chart.js do), so pie, donut and bar are all offered; the
    /// texts fill both of the report's language slots, since the editor wrote one language.
    pub fn into_dataset(self) -> Dataset {
        let title = Text::new(self.title.as_str(), self.title.as_str());
        let unit: Option<Rc<str>> = self.unit.as_deref().map(Rc::from);
        let one = |text: &str| Text::new(text, text);
        let slices: Vec<Slice> = self
            .slices
            .iter()
            .enumerate()
            .map(|(i, slice)| {
                let label = one(&slice.label);
                Slice {
                    key: format!("row-{}", i + 1),
                    label,
                    value: slice.value,
                    unit: Unit::Count,
                    counter: None,
                    qualifier: None,
                    source: slice.source.clone(),
                    note: None,
                    derivation: None,
                }
            })
            .collect();
        let indicators = slices
            .iter()
            .map(|slice| Indicator {
                id: slice.key.clone(),
                label: slice.label.clone(),
                value: slice.value,
                unit: Unit::Count,
                counter: None,
                qualifier: None,
                source: slice.source.clone(),
                note: None,
            })
            .collect();
        let chart = Chart {
            id: SIMPLE_ID.into(),
            title: title.clone(),
            kind: ChartKind::Pie,
            parts_of_whole: true,
            note: self.note.as_deref().map(one),
            slices,
            style: ValueStyle::Local { unit },
        };
        let sector = Sector {
            id: SIMPLE_ID.into(),
            name: title.clone(),
            paragraph: None,
            achievements: Vec::new(),
            indicators,
            charts: vec![chart],
        };
        Dataset {
            title: title.clone(),
            // Only the editor's source line, if any: the credit leaves out empty parts.
            source: Source {
                title: one(self.source.as_deref().unwrap_or("")),
                publisher: Text::default(),
                date: String::new(),
                note: None,
            },
            sectors: vec![sector],
            overview: Vec::new(),
        }
    }
}
