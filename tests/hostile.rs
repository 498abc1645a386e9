//! The hostile corpus (tests/hostile/, listed with expected outcomes in tests/hostile/cases.json):
//! every file is parsed as the browser would read it (bytes decoded as UTF-8 with replacement).
//! Refused files must name the problem and where it is; accepted ones must lay out, render and
//! export every chart in every allowed kind and both languages without panicking, with output that
//! stays proportional to the data and never turns data text into markup.
//!
//! Work is bounded by sizes, not by the clock: at most 51 errors, SVG and CSV sizes proportional
//! to the slices drawn.

use std::fmt::Write as _;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};

use serde_json::{json, Value};

use sector_charts::dataset::{parse, Chart, ChartKind, Dataset, Lang, MAX_INPUT_BYTES};
use sector_charts::describe::{layout_inputs, slice_texts, summary};
use sector_charts::export;
use sector_charts::layout::{compute, ApproxMeasure, Layout, LayoutInput};
use sector_charts::render::{self, Paint};
use sector_charts::theme::Theme;
use sector_charts::view::ViewState;

/// The validator's cap: 50 problems and one "more problems follow" line.
const MAX_ERRORS: usize = 51;
/// The committed corpus stays small; big inputs are generated.
const MAX_CORPUS_BYTES: u64 = 2 * 1024 * 1024;
const SIZES: [(u32, u32); 2] = [(640, 480), (320, 480)];
/// SVG bytes allowed: a fixed part for frame, title, legend and credit, plus this per slice.
const SVG_BASE_BYTES: usize = 256 * 1024;
const SVG_BYTES_PER_SLICE: usize = 8 * 1024;

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/hostile")
}

// ---------------------------------------------------------------------------------------------
// The cases

#[derive(Debug)]
struct Expect {
    contains: String,
    path: String,
}

#[derive(Debug)]
enum Outcome {
    Draws,
    Alert(Vec<Expect>),
}

#[derive(Debug)]
struct Case {
    name: String,
    /// The file's text, decoded like the browser does (invalid UTF-8 becomes U+FFFD).
    text: String,
    outcome: Outcome,
}

fn field<'v>(value: &'v Value, key: &str) -> Option<&'v str> {
    value.get(key).and_then(Value::as_str)
}

fn expect_of(value: &Value, name: &str) -> Expect {
    Expect {
        contains: field(value, "error_contains")
            .unwrap_or_else(|| panic!("{name}: an alert case needs error_contains"))
            .to_string(),
        path: field(value, "path")
            .unwrap_or_else(|| panic!("{name}: an alert case needs path"))
            .to_string(),
    }
}

fn load_cases() -> Vec<Case> {
    let listing = std::fs::read_to_string(corpus_dir().join("cases.json")).expect("cases.json");
    let listing: Value = serde_json::from_str(&listing).expect("cases.json is JSON");
    let base = read_lossy(&corpus_dir().join("00-valid-base.json"));
    let entries = listing["cases"].as_array().expect("cases.json has cases");
    entries
        .iter()
        .map(|entry| {
            let (name, text) = match (field(entry, "file"), field(entry, "generated")) {
                (Some(file), None) => (file.to_string(), read_lossy(&corpus_dir().join(file))),
                (None, Some(kind)) => (format!("generated:{kind}"), generated(kind, &base)),
                _ => panic!("a case names either file or generated: {entry}"),
            };
            let outcome = match field(entry, "outcome") {
                Some("draws") => Outcome::Draws,
                Some("alert") => {
                    let mut expected = vec![expect_of(entry, &name)];
                    if let Some(also) = entry.get("also").and_then(Value::as_array) {
                        expected.extend(also.iter().map(|more| expect_of(more, &name)));
                    }
                    Outcome::Alert(expected)
                }
                other => panic!("{name}: outcome must be draws or alert, got {other:?}"),
            };
            Case {
                name,
                text,
                outcome,
            }
        })
        .collect()
}

fn read_lossy(path: &Path) -> String {
    let bytes =
        std::fs::read(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    String::from_utf8_lossy(&bytes).into_owned()
}

/// A pie of `count` slices, one indicator each, plus `derived` slices of the first two
/// (the same construction as the browser test).
fn many_slices(base: &Value, count: usize, derived: usize) -> Value {
    let mut doc = base.clone();
    let indicators: Vec<Value> = (0..count)
        .map(|i| {
            json!({
                "id": format!("s-{i}"),
                "label": {"zh": format!("第{i}项"), "en": format!("Item {i}")},
                "value": i + 1,
                "unit": "count"
            })
        })
        .collect();
    let slices: Vec<Value> = (0..count)
        .map(|i| json!({"indicator": format!("s-{i}")}))
        .chain((0..derived).map(|i| {
            json!({
                "id": format!("rest-{i}"),
                "label": {"zh": "其余", "en": "Rest"},
                "derived": {"whole": "s-1", "minus": ["s-0"]}
            })
        }))
        .collect();
    doc["sectors"][0]["indicators"] = Value::Array(indicators);
    doc["sectors"][0]["charts"] = json!([{
        "id": "many",
        "title": {"zh": "很多切片", "en": "Many slices"},
        "kind": "pie",
        "parts_of_whole": true,
        "slices": slices
    }]);
    doc
}

/// The cases too big to commit, built from 00-valid-base.json.
fn generated(kind: &str, base: &str) -> String {
    let base_value: Value = serde_json::from_str(base).expect("00-valid-base.json is JSON");
    match kind {
        "huge-label" => {
            let mut doc = base_value;
            doc["sectors"][0]["indicators"][0]["label"]["en"] = json!("ab ".repeat(333_334));
            doc.to_string()
        }
        "ten-thousand-slices" => many_slices(&base_value, 10_000, 0).to_string(),
        "too-many-slices" => many_slices(&base_value, 20_000, 1).to_string(),
        "oversize" => {
            let mut text = base_value.to_string();
            let target = 9 * 1024 * 1024;
            text.push_str(&" ".repeat(target - text.len()));
            assert!(text.len() > MAX_INPUT_BYTES);
            text
        }
        other => panic!("unknown generated case {other:?}"),
    }
}

// ---------------------------------------------------------------------------------------------
// Output checks

/// Characters XML 1.0 allows in a document: an SVG with any other is not well-formed and no
/// viewer opens it.
fn is_xml_char(c: char) -> bool {
    matches!(c as u32,
        0x9 | 0xA | 0xD | 0x20..=0xD7FF | 0xE000..=0xFFFD | 0x10000..=0x10FFFF)
}

const SVG_TAGS: [&str; 8] = [
    "svg", "rect", "polygon", "polyline", "line", "text", "circle", "path",
];

/// The SVG is well-formed enough and has only drawing elements: no element, attribute or
/// event handler can come from the data, whose text appears only escaped inside `<text>`.
fn check_svg(svg: &str, what: &str) -> Result<(), String> {
    let mut bad: Vec<String> = svg
        .chars()
        .filter(|c| !is_xml_char(*c))
        .map(|c| format!("U+{:04X}", c as u32))
        .collect();
    if !bad.is_empty() {
        bad.dedup();
        return Err(format!(
            "{what}: the SVG is not well-formed XML, it contains {}",
            bad.join(" ")
        ));
    }
    let lower = svg.to_ascii_lowercase();
    for needle in ["<script", "<img", "<foreignobject", "<iframe", "<a "] {
        if lower.contains(needle) {
            return Err(format!("{what}: the SVG contains a raw {needle}"));
        }
    }
    let mut rest = svg;
    while let Some(open) = rest.find('<') {
        rest = &rest[open + 1..];
        if rest.starts_with('?') || rest.starts_with('/') {
            let close = rest.find('>').ok_or(format!("{what}: unclosed tag"))?;
            rest = &rest[close + 1..];
            continue;
        }
        let end = rest.find('>').ok_or(format!("{what}: unclosed tag"))?;
        let inside = rest[..end].trim_end_matches('/');
        rest = &rest[end + 1..];
        let (tag, mut attrs) = inside.split_once(' ').unwrap_or((inside, ""));
        if !SVG_TAGS.contains(&tag) {
            return Err(format!("{what}: unexpected element <{tag}>"));
        }
        loop {
            attrs = attrs.trim_start();
            if attrs.is_empty() {
                break;
            }
            let (key, after) = attrs
                .split_once("=\"")
                .ok_or(format!("{what}: odd attribute text {attrs:?} on <{tag}>"))?;
            let key = key.trim().to_ascii_lowercase();
            if key.starts_with("on") || key.contains(':') && key != "xmlns:xlink" {
                return Err(format!("{what}: attribute {key} on <{tag}>"));
            }
            let close = after
                .find('"')
                .ok_or(format!("{what}: unterminated attribute {key}"))?;
            let value = &after[..close];
            if value.contains('<') || value.to_ascii_lowercase().contains("javascript:") {
                return Err(format!("{what}: attribute {key}={value:?}"));
            }
            attrs = &after[close + 1..];
        }
        if tag == "text" && !inside.ends_with('/') {
            let close = rest
                .find("</text>")
                .ok_or(format!("{what}: <text> not closed"))?;
            let content = &rest[..close];
            if content.contains('<') {
                return Err(format!("{what}: raw < inside <text>: {content:?}"));
            }
            // Every & starts one of the entities plotters writes.
            let mut tail = content;
            while let Some(at) = tail.find('&') {
                tail = &tail[at..];
                if !["&lt;", "&gt;", "&amp;", "&quot;", "&apos;"]
                    .iter()
                    .any(|e| tail.starts_with(e))
                {
                    return Err(format!("{what}: unescaped & inside <text>: {content:?}"));
                }
                tail = &tail[1..];
            }
            rest = &rest[close..];
        }
    }
    Ok(())
}

/// Splits CSV text into rows of cells (RFC 4180 quoting).
fn csv_rows(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut cell = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                cell.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => cell.push(c),
            (false, '"') if cell.is_empty() => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut cell)),
            (false, '\r') if chars.peek() == Some(&'\n') => {
                chars.next();
                row.push(std::mem::take(&mut cell));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => cell.push(c),
        }
    }
    if !cell.is_empty() || !row.is_empty() {
        row.push(cell);
        rows.push(row);
    }
    rows
}

fn check_csv(csv: &str, chart: &Chart, what: &str) -> Result<(), String> {
    let body = csv
        .strip_prefix('\u{feff}')
        .ok_or(format!("{what}: the CSV has no byte-order mark"))?;
    let rows = csv_rows(body);
    if rows.len() != chart.slices.len() + 1 {
        return Err(format!(
            "{what}: the CSV has {} rows for {} slices",
            rows.len(),
            chart.slices.len()
        ));
    }
    for (r, row) in rows.iter().enumerate() {
        if row.len() != 7 {
            return Err(format!("{what}: CSV row {r} has {} cells", row.len()));
        }
        // OWASP's list of characters that make a spreadsheet cell a formula.
        if let Some(cell) = row
            .iter()
            .find(|cell| cell.starts_with(['=', '+', '-', '@', '\t', '\r']))
        {
            return Err(format!(
                "{what}: CSV row {r} has a cell a spreadsheet would run: {cell:?}"
            ));
        }
    }
    Ok(())
}

fn check_layout(layout: &Layout, slices: usize, what: &str) -> Result<(), String> {
    let finite = |v: f64| v.is_finite();
    if layout.slices.len() != slices {
        return Err(format!(
            "{what}: {} slice geometries for {slices} slices",
            layout.slices.len()
        ));
    }
    if layout.labels.len() > 2 * slices {
        return Err(format!(
            "{what}: {} labels for {slices} slices",
            layout.labels.len()
        ));
    }
    for s in &layout.slices {
        let numbers = [
            s.share,
            s.start_angle,
            s.end_angle,
            s.offset.x,
            s.offset.y,
            s.bar.x,
            s.bar.y,
            s.bar.w,
            s.bar.h,
        ];
        if !numbers.into_iter().all(finite) || s.share < 0.0 || s.share > 1.0 + 1e-9 {
            return Err(format!("{what}: odd slice geometry {s:?}"));
        }
    }
    for label in &layout.labels {
        let numbers = [
            label.anchor.x,
            label.anchor.y,
            label.bounds.x,
            label.bounds.y,
            label.bounds.w,
            label.bounds.h,
        ];
        if !numbers.into_iter().all(finite) || label.leader.iter().any(|p| !p.x.is_finite()) {
            return Err(format!("{what}: odd label geometry {label:?}"));
        }
        if label.lines.iter().map(|l| l.chars().count()).sum::<usize>() > 2_000 {
            return Err(format!("{what}: a label of more than 2,000 characters"));
        }
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// Drawing every view

/// Every chart on screen somewhere: the overview's, then each sector's.
fn every_chart(ds: &Dataset) -> Vec<(Option<String>, &Chart)> {
    let mut all: Vec<(Option<String>, &Chart)> = ds.overview.iter().map(|c| (None, c)).collect();
    for sector in &ds.sectors {
        all.extend(sector.charts.iter().map(|c| (Some(sector.id.clone()), c)));
    }
    all
}

fn chart_svg(layout: &Layout, width: u32, height: u32) -> String {
    let theme = Theme::light();
    let paint = Paint {
        theme: &theme,
        font_px: 13.0,
        scale: 1.0,
        hover: Some(0),
        focus: Some(0),
        selected: None,
        progress: 1.0,
        font_family: "sans-serif",
        other: None,
        text_scale: 1.0,
    };
    render::chart_svg(layout, &paint, (width, height))
}

/// Counts of what was checked, for the summary line.
#[derive(Default)]
struct Tally {
    views: usize,
    renders: usize,
}

/// Charts bigger than this are drawn in every kind and language only in optimised builds: an
/// unoptimised `cargo test` draws them once (their own kind, English), which still proves they
/// render, in seconds instead of a minute.
const DEBUG_FULL_MAX_SLICES: usize = 1_000;

fn draw_everything(ds: &Dataset, tally: &mut Tally) -> Result<(), String> {
    for (sector, chart) in every_chart(ds) {
        let reduced = cfg!(debug_assertions) && chart.slices.len() > DEBUG_FULL_MAX_SLICES;
        let kinds: &[ChartKind] = if reduced {
            std::slice::from_ref(&chart.kind)
        } else {
            chart.allowed_kinds()
        };
        let langs: &[Lang] = if reduced { &[Lang::En] } else { &Lang::ALL };
        for &kind in kinds {
            for &lang in langs {
                let state = ViewState {
                    sector: sector.clone(),
                    chart: Some(chart.id.clone()),
                    kind: Some(kind),
                    ..ViewState::new(lang)
                };
                let what = format!(
                    "{}/{}/{}/{}",
                    sector.as_deref().unwrap_or("overview"),
                    chart.id,
                    kind.code(),
                    lang.code()
                );
                draw_view(ds, &state, chart, kind, &what)?;
                tally.views += 1;
                tally.renders += SIZES.len() + 1;
            }
        }
    }
    Ok(())
}

fn draw_view(
    ds: &Dataset,
    state: &ViewState,
    chart: &Chart,
    kind: ChartKind,
    what: &str,
) -> Result<(), String> {
    if state.chart(ds).map(|c| &c.id) != Some(&chart.id) || state.effective_kind(ds) != Some(kind) {
        return Err(format!("{what}: the view state does not reach this chart"));
    }
    let texts = slice_texts(chart, state);
    // One text per slice, and one more for "Other" when a large chart groups its smallest.
    let other = usize::from(state.other_group(ds).is_some());
    if texts.len() != chart.slices.len() + other {
        return Err(format!("{what}: slice_texts lost slices"));
    }
    for text in &texts {
        if text.value.starts_with('-') || text.value.starts_with('−') {
            return Err(format!(
                "{what}: a value of at least 0 is shown as {:?}",
                text.value
            ));
        }
        if !text.share_ratio.is_finite() || text.share_ratio < 0.0 {
            return Err(format!("{what}: share {}", text.share_ratio));
        }
    }
    let _ = summary(ds, state, &texts);
    // What the widget draws: grouped slices inside "Other", the same helper.
    let inputs = layout_inputs(&texts);
    let svg_limit = SVG_BASE_BYTES + SVG_BYTES_PER_SLICE * chart.slices.len();
    for (width, height) in SIZES {
        let layout = compute(&LayoutInput {
            kind,
            slices: &inputs,
            width: f64::from(width),
            height: f64::from(height),
            font_px: 13.0,
            scale: 1.0,
            highlight: Some(0),
            measure: &ApproxMeasure,
        });
        let at = format!("{what} at {width}x{height}");
        check_layout(&layout, inputs.len(), &at)?;
        let svg = chart_svg(&layout, width, height);
        check_svg(&svg, &at)?;
        if svg.len() > svg_limit {
            return Err(format!(
                "{at}: {} bytes of SVG for {} slices",
                svg.len(),
                chart.slices.len()
            ));
        }
    }
    let exported = export::svg(ds, state, false);
    check_svg(&exported, &format!("{what} export"))?;
    if exported.len() > svg_limit {
        return Err(format!(
            "{what} export: {} bytes of SVG for {} slices",
            exported.len(),
            chart.slices.len()
        ));
    }
    // The title is drawn as text: markup in it shows escaped.
    if chart.title.get(state.lang).contains('<') && !exported.contains("&lt;") {
        return Err(format!(
            "{what} export: the title's < is not in the SVG as &lt;"
        ));
    }
    check_csv(&export::csv(ds, state), chart, &format!("{what} csv"))?;
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// Running a case

fn run_case(case: &Case, tally: &mut Tally) -> Result<(), String> {
    let parsed = parse(&case.text);
    match (&case.outcome, parsed) {
        (Outcome::Alert(expected), Err(errors)) => {
            if errors.is_empty() || errors.len() > MAX_ERRORS {
                return Err(format!("{} errors", errors.len()));
            }
            for expect in expected {
                let found = errors.iter().any(|error| {
                    error.path.starts_with(&expect.path)
                        && error.to_string().contains(&expect.contains)
                        && error.to_string().contains(&expect.path)
                });
                if !found {
                    return Err(format!(
                        "no error at {:?} containing {:?}; got:\n{errors}",
                        expect.path, expect.contains
                    ));
                }
            }
            Ok(())
        }
        (Outcome::Alert(expected), Ok(_)) => Err(format!(
            "accepted, but should be refused with {:?} at {:?}",
            expected[0].contains, expected[0].path
        )),
        (Outcome::Draws, Err(errors)) => Err(format!("refused: {errors}")),
        (Outcome::Draws, Ok(dataset)) => draw_everything(&dataset, tally),
    }
}

#[test]
fn hostile_corpus() {
    let cases = load_cases();
    assert!(
        cases.len() >= 45,
        "the corpus has {} cases, fewer than 45",
        cases.len()
    );
    let mut tally = Tally::default();
    let mut failures = Vec::new();
    for case in &cases {
        let result = catch_unwind(AssertUnwindSafe(|| run_case(case, &mut tally)));
        match result {
            Ok(Ok(())) => {}
            Ok(Err(message)) => failures.push(format!("{}: {message}", case.name)),
            Err(panic) => {
                let message = panic
                    .downcast_ref::<String>()
                    .cloned()
                    .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
                    .unwrap_or_default();
                failures.push(format!("{}: PANIC {message}", case.name));
            }
        }
    }
    println!(
        "hostile corpus: {} cases, {} passed ({} views drawn, {} renders)",
        cases.len(),
        cases.len() - failures.len(),
        tally.views,
        tally.renders
    );
    let mut report = String::new();
    for failure in &failures {
        let _ = writeln!(report, "- {failure}");
    }
    assert!(failures.is_empty(), "failing cases:\n{report}");
}

#[test]
fn cases_json_lists_every_file_and_the_corpus_stays_small() {
    let listing: Value = serde_json::from_str(
        &std::fs::read_to_string(corpus_dir().join("cases.json")).expect("cases.json"),
    )
    .expect("cases.json is JSON");
    let mut listed: Vec<String> = listing["cases"]
        .as_array()
        .expect("cases")
        .iter()
        .filter_map(|c| field(c, "file").map(str::to_string))
        .collect();
    listed.sort();
    let mut dedup = listed.clone();
    dedup.dedup();
    assert_eq!(listed, dedup, "a file is listed twice in cases.json");
    let mut on_disk = Vec::new();
    let mut total = 0;
    for entry in std::fs::read_dir(corpus_dir()).expect("tests/hostile") {
        let entry = entry.expect("entry");
        let name = entry.file_name().to_string_lossy().into_owned();
        total += entry.metadata().expect("metadata").len();
        if name != "cases.json" {
            on_disk.push(name);
        }
    }
    on_disk.sort();
    assert_eq!(
        listed, on_disk,
        "cases.json and the files in tests/hostile differ"
    );
    assert!(
        total < MAX_CORPUS_BYTES,
        "the committed corpus is {total} bytes"
    );
}

#[test]
fn the_svg_check_catches_what_it_should() {
    // The check itself must fail on markup, or the corpus proves nothing.
    let good = "<svg width=\"1\" height=\"1\" xmlns=\"http://www.w3.org/2000/svg\">\n<text x=\"0\">\n&lt;img src=x onerror=alert(1)&gt;\n</text>\n</svg>\n";
    assert_eq!(check_svg(good, "good"), Ok(()));
    for bad in [
        "<svg><text>\n<img src=x onerror=alert(1)>\n</text></svg>",
        "<svg><script>alert(1)</script></svg>",
        "<svg onload=\"alert(1)\"></svg>",
        "<svg><text>\nA & B\n</text></svg>",
        "<svg><text>\n\u{1}\n</text></svg>",
        "<svg><rect fill=\"javascript:alert(1)\"/></svg>",
    ] {
        assert!(check_svg(bad, "bad").is_err(), "check_svg accepts {bad:?}");
    }
    let chart_csv = "\u{feff}a,b\r\n";
    assert_eq!(
        csv_rows(chart_csv.trim_start_matches('\u{feff}')),
        [["a", "b"]]
    );
    assert_eq!(csv_rows("\"x,\"\"y\"\"\",'=1\r\n"), [["x,\"y\"", "'=1"]]);
}
