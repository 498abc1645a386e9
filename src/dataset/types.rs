//! The validated dataset's types. Built only by the parser, so every value here is checked.

use std::rc::Rc;

use super::kinds::{ChartKind, Text};

#[derive(Clone, Debug, PartialEq)]
pub struct Dataset {
    pub title: Text,
    pub source: Source,
    pub sectors: Vec<Sector>,
    /// Charts across all sectors, computed from the sectors themselves (see `overview.rs`).
    pub overview: Vec<Chart>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Source {
    pub title: Text,
    pub publisher: Text,
    pub date: String,
    pub note: Option<Text>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Sector {
    pub id: String,
    pub name: Text,
    /// The sector's paragraph of the report, verbatim (Chinese).
    pub paragraph: Option<String>,
    pub achievements: Vec<Text>,
    pub indicators: Vec<Indicator>,
    pub charts: Vec<Chart>,
}

/// What a number counts. Values are stored in base units (yuan, not 亿元).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Unit {
    Count,
    Yuan,
    Percent,
    Day,
    Metre,
    PersonTime,
}

impl Unit {
    pub const ALL: [Unit; 6] = [
        Unit::Count,
        Unit::Yuan,
        Unit::Percent,
        Unit::Day,
        Unit::Metre,
        Unit::PersonTime,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Unit::Count => "count",
            Unit::Yuan => "yuan",
            Unit::Percent => "percent",
            Unit::Day => "day",
            Unit::Metre => "metre",
            Unit::PersonTime => "person-time",
        }
    }

    pub fn from_code(code: &str) -> Option<Unit> {
        Unit::ALL.into_iter().find(|unit| unit.code() == code)
    }
}

/// How the report hedges a figure: 逾 ("over") or 余 ("more than").
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Qualifier {
    Over,
    MoreThan,
}

impl Qualifier {
    pub fn code(self) -> &'static str {
        match self {
            Qualifier::Over => "over",
            Qualifier::MoreThan => "more-than",
        }
    }

    pub fn from_code(code: &str) -> Option<Qualifier> {
        match code {
            "over" => Some(Qualifier::Over),
            "more-than" => Some(Qualifier::MoreThan),
            _ => None,
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Indicator {
    pub id: String,
    pub label: Text,
    pub value: f64,
    pub unit: Unit,
    pub counter: Option<Text>,
    pub qualifier: Option<Qualifier>,
    /// The report's exact words this figure comes from.
    pub source: Option<String>,
    pub note: Option<Text>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Chart {
    pub id: String,
    pub title: Text,
    pub kind: ChartKind,
    /// True when the slices are disjoint parts of one whole, so a pie is honest.
    pub parts_of_whole: bool,
    pub note: Option<Text>,
    pub slices: Vec<Slice>,
    /// How the values are written: the report's units and 万/亿 words, or plain numbers.
    pub style: ValueStyle,
}

/// How a chart's values are written.
#[derive(Clone, Debug, PartialEq, Default)]
pub enum ValueStyle {
    /// The full format's units (yuan, counts with their nouns, percent) and, in Chinese, 万/亿.
    #[default]
    Report,
    /// A chart from a simple form (a table, CSV, the short JSON form): numbers in the reader's
    /// locale, followed by the editor's unit if any (`%` writes them as percentages).
    Local { unit: Option<Rc<str>> },
}

impl Chart {
    /// The kinds a visitor may switch this chart to.
    pub fn allowed_kinds(&self) -> &'static [ChartKind] {
        if self.parts_of_whole {
            &ChartKind::ALL
        } else {
            &[ChartKind::Bar]
        }
    }

    pub fn allows(&self, kind: ChartKind) -> bool {
        self.allowed_kinds().contains(&kind)
    }

    pub fn total(&self) -> f64 {
        self.slices.iter().map(|slice| slice.value).sum()
    }
}

/// One slice of a chart, resolved: an indicator's figure or one derived from others.
#[derive(Clone, Debug, PartialEq)]
pub struct Slice {
    /// The indicator id, or the derived slice's own id.
    pub key: String,
    pub label: Text,
    pub value: f64,
    pub unit: Unit,
    pub counter: Option<Text>,
    pub qualifier: Option<Qualifier>,
    pub source: Option<String>,
    pub note: Option<Text>,
    pub derivation: Option<Derivation>,
}

/// How a derived slice was computed, in words for the reader.
#[derive(Clone, Debug, PartialEq)]
pub struct Derivation {
    /// The whole's indicator id; `None` means 100 %.
    pub whole: Option<String>,
    pub minus: Vec<String>,
    pub explanation: Text,
}

impl Dataset {
    pub fn sector(&self, id: &str) -> Option<&Sector> {
        self.sectors.iter().find(|sector| sector.id == id)
    }

    /// The charts shown for a sector id, or the overview charts for `None`.
    pub fn charts_of(&self, sector: Option<&str>) -> Option<&[Chart]> {
        match sector {
            None => Some(&self.overview),
            Some(id) => self.sector(id).map(|sector| sector.charts.as_slice()),
        }
    }
}

impl Sector {
    pub fn chart(&self, id: &str) -> Option<&Chart> {
        self.charts.iter().find(|chart| chart.id == id)
    }

    pub fn indicator(&self, id: &str) -> Option<&Indicator> {
        self.indicators.iter().find(|indicator| indicator.id == id)
    }
}
