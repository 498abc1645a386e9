//! The chart to take away: a picture with title, legend and credit line drawn in (SVG through
//! plotters' `SVGBackend`, PNG through plotters-canvas in the browser), and the numbers as CSV.

use plotters::prelude::{DrawingBackend, IntoDrawingArea, Rectangle, SVGBackend};

use crate::dataset::{Chart, Dataset, ValueStyle};
use crate::describe::{credit, layout_inputs, slice_texts_in};
use crate::format::{local_share_text, plain_number, LocalNumbers, PlainNumbers};
use crate::i18n::{fill, words};
use crate::layout::{self, wrap_text, ApproxMeasure, LayoutInput, Point, TextMeasure};
use crate::render::{draw_chart, draw_text_line, solid, Area, DrawResult, Paint, SVG_TEXT_SCALE};
use crate::theme::Theme;
use crate::view::ViewState;

/// Export width in CSS px; PNG doubles it.
pub const EXPORT_WIDTH: f64 = 800.0;
const PAD: f64 = 20.0;
const TITLE_PX: f64 = 20.0;
const TEXT_PX: f64 = 13.0;
const SMALL_PX: f64 = 12.0;
const CHART_HEIGHT: f64 = 420.0;
/// Past this many legend rows, the rest are summarised in one line.
const MAX_LEGEND_ROWS: usize = 24;
const FONT_FAMILY: &str = "Noto Sans CJK SC, Noto Sans, sans-serif";

/// Where each part of the export goes, in CSS px.
struct Plan {
    title_lines: Vec<String>,
    note_lines: Vec<String>,
    legend_rows: Vec<(usize, String)>,
    credit: String,
    chart_top: f64,
    legend_top: f64,
    height: f64,
}

/// A measurer writing a pie's shares in the reader's locale (an editor's chart), as the legend
/// does; widths come from the measurer it wraps. The screen and the exports share it.
pub struct LocalMeasure<'a> {
    pub measure: &'a dyn TextMeasure,
    pub numbers: &'a dyn LocalNumbers,
}

impl TextMeasure for LocalMeasure<'_> {
    fn width(&self, text: &str, font_px: f64) -> f64 {
        self.measure.width(text, font_px)
    }

    fn share_text(&self, share: f64) -> String {
        local_share_text(share, self.numbers)
    }
}

/// True for an editor's chart, whose numbers are written in the reader's locale.
fn is_local(chart: &Chart) -> bool {
    chart.style != ValueStyle::Report
}

fn plan(
    dataset: &Dataset,
    state: &ViewState,
    measure: &dyn TextMeasure,
    numbers: &dyn LocalNumbers,
) -> Plan {
    let lang = state.lang;
    let inner = EXPORT_WIDTH - 2.0 * PAD;
    let chart = state.chart(dataset);
    let title = chart.map_or("", |c| c.title.get(lang));
    let title_lines = wrap_text(title, inner, TITLE_PX, measure);
    let note_lines = chart
        .and_then(|c| c.note.as_ref())
        .map(|n| wrap_text(n.get(lang), inner, SMALL_PX, measure))
        .unwrap_or_default();
    let texts = chart
        .map(|c| slice_texts_in(c, state, numbers))
        .unwrap_or_default();
    let shown: Vec<(usize, String)> = texts
        .iter()
        .enumerate()
        .filter(|(_, t)| t.is_drawn())
        .map(|(i, t)| (i, format!("{} — {} ({})", t.label, t.value, t.share)))
        .collect();
    let mut legend_rows: Vec<(usize, String)> =
        shown.iter().take(MAX_LEGEND_ROWS).cloned().collect();
    if shown.len() > MAX_LEGEND_ROWS {
        let more = (shown.len() - MAX_LEGEND_ROWS).to_string();
        let text = fill(words(state.speech()).more_rows, &[("count", &more)]);
        legend_rows.push((usize::MAX, text));
    }
    let chart_top = PAD
        + (title_lines.len() as f64) * TITLE_PX * 1.3
        + (note_lines.len() as f64) * SMALL_PX * 1.4
        + 8.0;
    let legend_top = chart_top + CHART_HEIGHT + 12.0;
    let height =
        legend_top + legend_rows.len() as f64 * TEXT_PX * 1.6 + 12.0 + SMALL_PX * 1.4 + PAD;
    Plan {
        title_lines,
        note_lines,
        legend_rows,
        credit: credit(dataset, state.speech()),
        chart_top,
        legend_top,
        height,
    }
}

/// The export's size in CSS px for this view.
pub fn export_size(dataset: &Dataset, state: &ViewState) -> (f64, f64) {
    // The height counts lines, whichever locale writes the numbers in them.
    (
        EXPORT_WIDTH,
        plan(dataset, state, &ApproxMeasure, &PlainNumbers).height,
    )
}

/// How the picture is drawn: device px per CSS px, and the backend's text scale
/// ([`Paint::text_scale`]).
#[derive(Clone, Copy, Debug)]
pub struct Resolution {
    pub scale: f64,
    pub text_scale: f64,
}

/// Draws title, chart, legend and credit on `area`, filled with the theme's background first;
/// an editor's chart writes its numbers with `numbers`, as the screen does.
pub fn draw_export<DB: DrawingBackend>(
    area: &Area<DB>,
    dataset: &Dataset,
    state: &ViewState,
    theme: &Theme,
    resolution: Resolution,
    measure: &dyn TextMeasure,
    numbers: &dyn LocalNumbers,
) -> DrawResult<DB> {
    let plan = plan(dataset, state, measure, numbers);
    let scale = resolution.scale;
    area.fill(&crate::render::colour(theme.background))?;
    let paint = Paint {
        theme,
        font_px: TEXT_PX * scale,
        scale,
        hover: None,
        focus: None,
        selected: state.selected,
        progress: 1.0,
        font_family: FONT_FAMILY,
        other: state.other_group(dataset).map(|group| group.index),
        text_scale: resolution.text_scale,
    };
    let line = |text: &str, y: f64, px: f64, muted: bool, bold: bool| {
        let at = Point::new(PAD * scale, y * scale);
        draw_text_line(area, &paint, text, at, px * scale, muted, bold)
    };
    let mut y = PAD;
    for text in &plan.title_lines {
        line(text, y, TITLE_PX, false, true)?;
        y += TITLE_PX * 1.3;
    }
    for text in &plan.note_lines {
        line(text, y, SMALL_PX, true, false)?;
        y += SMALL_PX * 1.4;
    }
    let local = LocalMeasure { measure, numbers };
    let measure = (state.chart(dataset))
        .filter(|chart| is_local(chart))
        .map_or(measure, |_| &local as &dyn TextMeasure);
    draw_export_chart(area, dataset, state, &paint, &plan, measure, numbers)?;
    draw_legend(area, &paint, &plan)?;
    line(
        &plan.credit,
        plan.height - PAD - SMALL_PX,
        SMALL_PX,
        true,
        false,
    )
}

/// The chart itself, on the part of `area` the plan gives it.
fn draw_export_chart<DB: DrawingBackend>(
    area: &Area<DB>,
    dataset: &Dataset,
    state: &ViewState,
    paint: &Paint,
    plan: &Plan,
    measure: &dyn TextMeasure,
    numbers: &dyn LocalNumbers,
) -> DrawResult<DB> {
    let (Some(chart), Some(kind)) = (state.chart(dataset), state.effective_kind(dataset)) else {
        return Ok(());
    };
    let scale = paint.scale;
    let texts = slice_texts_in(chart, state, numbers);
    let inputs = layout_inputs(&texts);
    let (width, height) = ((EXPORT_WIDTH - 2.0 * PAD) * scale, CHART_HEIGHT * scale);
    let layout = layout::compute(&LayoutInput {
        kind,
        slices: &inputs,
        width,
        height,
        font_px: TEXT_PX * scale,
        scale,
        highlight: None,
        measure,
    });
    let corner = (
        (PAD * scale).round() as i32,
        (plan.chart_top * scale).round() as i32,
    );
    let size = (width.round() as u32, height.round() as u32);
    draw_chart(&area.clone().shrink(corner, size), &layout, paint)
}

/// One row per shown slice: its colour and its words.
fn draw_legend<DB: DrawingBackend>(area: &Area<DB>, paint: &Paint, plan: &Plan) -> DrawResult<DB> {
    let scale = paint.scale;
    let swatch = (TEXT_PX * scale) as i32;
    let mut y = plan.legend_top;
    for (index, text) in &plan.legend_rows {
        if *index != usize::MAX {
            let corner = ((PAD * scale).round() as i32, (y * scale).round() as i32);
            let far = (corner.0 + swatch, corner.1 + swatch);
            let fill = solid(paint.theme.slice_colour(*index));
            area.draw(&Rectangle::new([corner, far], fill))?;
        }
        let at = Point::new((PAD + TEXT_PX * 1.6) * scale, y * scale);
        draw_text_line(area, paint, text, at, TEXT_PX * scale, false, false)?;
        y += TEXT_PX * 1.6;
    }
    Ok(())
}

/// The view as an SVG document: vector slices, text as text; an editor's numbers written plainly.
pub fn svg(dataset: &Dataset, state: &ViewState, dark: bool) -> String {
    svg_in(dataset, state, dark, &PlainNumbers)
}

/// [`svg`], an editor's chart writing its numbers with `numbers` (the reader's locale).
pub fn svg_in(
    dataset: &Dataset,
    state: &ViewState,
    dark: bool,
    numbers: &dyn LocalNumbers,
) -> String {
    let (w, h) = export_size(dataset, state);
    let mut out = String::new();
    {
        let size = (w.round() as u32, h.round() as u32);
        let area = SVGBackend::with_string(&mut out, size).into_drawing_area();
        let resolution = Resolution {
            scale: 1.0,
            text_scale: SVG_TEXT_SCALE,
        };
        let theme = Theme::for_dark(dark);
        // Drawing into a String fails only on a plotters bug; what was drawn is kept.
        let measure = ApproxMeasure;
        let _ = draw_export(&area, dataset, state, &theme, resolution, &measure, numbers);
        let _ = area.present();
    }
    out
}

/// The view's numbers as CSV, UTF-8 with a byte-order mark so spreadsheet programs read Chinese;
/// an editor's shares written plainly.
pub fn csv(dataset: &Dataset, state: &ViewState) -> String {
    csv_in(dataset, state, &PlainNumbers)
}

/// [`csv`] with its headings in the widget's words and an editor's shares written with
/// `numbers` ("45 %" in French); values stay plain digits, for spreadsheets to read.
pub fn csv_in(dataset: &Dataset, state: &ViewState, numbers: &dyn LocalNumbers) -> String {
    let lang = state.lang;
    let mut out = String::from("\u{feff}");
    let header = words(state.speech()).csv_header;
    let cells: Vec<String> = header.iter().map(|cell| csv_cell(cell)).collect();
    out.push_str(&cells.join(","));
    out.push_str("\r\n");
    let Some(chart) = state.chart(dataset) else {
        return out;
    };
    let texts = slice_texts_in(chart, state, numbers);
    for (slice, text) in chart.slices.iter().zip(&texts) {
        if text.hidden {
            continue;
        }
        let unit = match (slice.unit, &slice.counter) {
            (crate::dataset::Unit::Count, Some(counter)) => counter.get(lang).to_string(),
            (unit, _) => unit.code().to_string(),
        };
        let row = [
            text.label.clone(),
            plain_number(slice.value, 4, false),
            unit,
            if is_local(chart) {
                text.share.clone()
            } else {
                plain_number(text.share_ratio * 100.0, 2, false) + "%"
            },
            slice
                .qualifier
                .map(|q| q.code().to_string())
                .unwrap_or_default(),
            text.source.clone().unwrap_or_default(),
            text.derivation.clone().unwrap_or_default(),
        ];
        let cells: Vec<String> = row.iter().map(|cell| csv_cell(cell)).collect();
        out.push_str(&cells.join(","));
        out.push_str("\r\n");
    }
    out
}

/// Quotes a cell when needed; a leading = + - @ (or a tab or carriage return before one) is
/// defused so spreadsheets never run it.
fn csv_cell(cell: &str) -> String {
    let defused = if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{cell}")
    } else {
        cell.to_string()
    };
    if defused.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", defused.replace('"', "\"\""))
    } else {
        defused
    }
}

/// What file names start with for the built-in report's charts.
pub const BUILT_IN_PREFIX: &str = "jilin";
/// ...and for an editor's own dataset, which need not be about Jilin at all.
pub const EDITOR_PREFIX: &str = "chart";

/// `jilin-smes-patents-en.png`: the prefix, then sector, chart and language tag, a part that
/// repeats the one before it said once (`chart-fr.csv` for an editor's French table chart,
/// whose sector and chart are both called "chart").
pub fn file_name(prefix: &str, dataset: &Dataset, state: &ViewState, extension: &str) -> String {
    let sector = state.sector.as_deref().unwrap_or("overview");
    let chart = state.chart(dataset).map_or("chart", |c| c.id.as_str());
    let mut parts = vec![prefix, sector, chart];
    parts.dedup();
    format!("{}-{}.{extension}", parts.join("-"), state.tag())
}
