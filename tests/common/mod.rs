//! Builders the test targets share: small charts for the layout (`Chart`, `opts`, `run`) and
//! views of the built-in dataset reached through events (`dataset`, `apply`, `open`).
// Each test target uses some of these.
#![allow(dead_code)]

pub mod rng;

use std::collections::BTreeSet;

use sector_charts::dataset::{built_in, Dataset, Lang};
use sector_charts::view::{Event, Key, ViewState};

use sector_charts::dataset::ChartKind;
use sector_charts::layout::{compute, ApproxMeasure, Layout, LayoutInput, Point, SliceInput};

pub const EPS: f64 = 1e-6;

/// An owned chart description, borrowed into `SliceInput`s.
#[derive(Clone, Debug)]
pub struct Chart {
    pub labels: Vec<String>,
    pub value_texts: Vec<String>,
    pub values: Vec<f64>,
    pub hidden: Vec<bool>,
}

impl Chart {
    pub fn new(items: &[(&str, f64, &str)]) -> Chart {
        Chart {
            labels: items.iter().map(|i| i.0.to_string()).collect(),
            values: items.iter().map(|i| i.1).collect(),
            value_texts: items.iter().map(|i| i.2.to_string()).collect(),
            hidden: vec![false; items.len()],
        }
    }

    pub fn values(values: &[f64]) -> Chart {
        Chart {
            labels: (0..values.len()).map(|i| format!("Item {i}")).collect(),
            value_texts: values.iter().map(|v| format!("{v:.1}")).collect(),
            values: values.to_vec(),
            hidden: vec![false; values.len()],
        }
    }

    pub fn hide(mut self, i: usize) -> Chart {
        if let Some(h) = self.hidden.get_mut(i) {
            *h = true;
        }
        self
    }

    pub fn inputs(&self) -> Vec<SliceInput<'_>> {
        self.labels
            .iter()
            .zip(&self.value_texts)
            .zip(&self.values)
            .zip(&self.hidden)
            .map(|(((label, value_text), &value), &hidden)| SliceInput {
                label,
                value_text,
                value,
                hidden,
            })
            .collect()
    }
}

pub struct Opts {
    pub kind: ChartKind,
    pub w: f64,
    pub h: f64,
    pub dpr: f64,
    pub highlight: Option<usize>,
}

pub fn opts(kind: ChartKind, w: f64, h: f64, dpr: f64) -> Opts {
    Opts {
        kind,
        w: w * dpr,
        h: h * dpr,
        dpr,
        highlight: None,
    }
}

pub fn run(chart: &Chart, o: &Opts) -> Layout {
    let inputs = chart.inputs();
    let input = LayoutInput {
        kind: o.kind,
        slices: &inputs,
        width: o.w,
        height: o.h,
        font_px: 13.0 * o.dpr,
        scale: o.dpr,
        highlight: o.highlight,
        measure: &ApproxMeasure,
    };
    compute(&input)
}

/// A point at `angle` and distance `r` from the centre, shifted by `offset`.
pub fn at(l: &Layout, angle: f64, r: f64, offset: Point) -> Point {
    let p = l.point_on_arc(angle, r);
    Point::new(p.x + offset.x, p.y + offset.y)
}

pub fn hit(l: &Layout, p: Point) -> Option<usize> {
    l.hit_test(p.x, p.y)
}

// ---------------------------------------------------------------- charts

pub fn chart_two_cn() -> Chart {
    Chart::new(&[
        ("省级及以上质量标杆企业", 1754.0, "1754 家"),
        ("其他规模以上工业企业（含新建企业）", 5581.0, "5581 家"),
    ])
}

pub fn chart_nine_en() -> Chart {
    Chart::new(&[
        (
            "Manufacturing of electrical machinery and equipment",
            1.66e8,
            "1.66 亿元",
        ),
        (
            "Food processing and agricultural by-products",
            9.1e7,
            "0.91 亿元",
        ),
        ("Automobile manufacturing and parts", 3.2e8, "3.20 亿元"),
        ("Pharmaceutical manufacturing", 4.4e7, "0.44 亿元"),
        (
            "Chemical raw materials and chemical products",
            7.5e7,
            "0.75 亿元",
        ),
        ("Non-metallic mineral products", 2.1e7, "0.21 亿元"),
        (
            "Ferrous metal smelting and rolling processing",
            6.0e7,
            "0.60 亿元",
        ),
        ("Textiles, apparel and accessories", 8.0e6, "0.08 亿元"),
        (
            "Other manufacturing industries not elsewhere classified",
            3.0e6,
            "0.03 亿元",
        ),
    ])
}

pub fn chart_share() -> Chart {
    Chart::new(&[
        ("产品质量监督抽查合格", 73.5, "73.5%"),
        ("不合格", 26.5, "26.5%"),
    ])
}

pub fn realistic() -> Vec<Chart> {
    vec![chart_two_cn(), chart_nine_en(), chart_share()]
}

pub const SIZES: [(f64, f64); 3] = [(360.0, 300.0), (640.0, 480.0), (1200.0, 600.0)];

pub fn dataset() -> Dataset {
    built_in().expect("the built-in dataset parses")
}

pub fn apply(dataset: &Dataset, state: &ViewState, events: &[Event]) -> ViewState {
    events
        .iter()
        .fold(state.clone(), |s, e| s.update(dataset, e.clone()))
}

pub fn open(dataset: &Dataset, sector: &str, chart: Option<&str>) -> ViewState {
    let mut events = vec![Event::OpenSector(sector.into())];
    if let Some(chart) = chart {
        events.push(Event::OpenChart(chart.into()));
    }
    let state = apply(dataset, &ViewState::new(Lang::Zh), &events);
    assert_eq!(state.sector.as_deref(), Some(sector));
    if let Some(chart) = chart {
        assert_eq!(state.chart(dataset).map(|c| c.id.as_str()), Some(chart));
    }
    state
}

pub fn key(k: Key) -> Event {
    Event::Key(k)
}

pub fn set(items: &[usize]) -> BTreeSet<usize> {
    items.iter().copied().collect()
}
