//! A deterministic mutation fuzzer (seeded fastrand): inputs grown from the hostile corpus,
//! tests/fixtures/minimal.json and the built-in dataset by byte mutations, splices, extreme numbers,
//! hostile strings and structure-aware edits of the parsed JSON. Each input goes the whole way:
//! parse, then (if valid) every chart in every allowed kind and both languages through slice
//! texts, layout, SVG rendering and CSV. Any panic is a failure, and so is an SVG that XML would
//! refuse; the input is saved to the temporary directory so it can be replayed.
//!
//! `FUZZ_ITERATIONS` (default 3,000) and `FUZZ_SEED` override the run:
//! `FUZZ_ITERATIONS=200000 cargo test --release --test fuzz -- --nocapture`.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::Path;

use serde_json::{Map, Number, Value};

use sector_charts::dataset::{parse, Chart, Dataset, Lang};
use sector_charts::describe::{layout_inputs, slice_texts, summary};
use sector_charts::export;
use sector_charts::layout::{compute, ApproxMeasure, LayoutInput};
use sector_charts::render::{chart_svg, Paint};
use sector_charts::theme::Theme;
use sector_charts::view::ViewState;

const DEFAULT_ITERATIONS: usize = 3_000;
const DEFAULT_SEED: u64 = 0x5EC7_0C4A_2715_F00D;
/// Mutations stop growing an input past this size (the parser's own limit is 8 MiB).
const MAX_LEN: usize = 1 << 20;

// ---------------------------------------------------------------------------------------------
// Randomness

#[path = "common/rng.rs"]
mod rng;
use rng::Rng;

// ---------------------------------------------------------------------------------------------
// What mutations put in

const NUMBERS: [&str; 16] = [
    "-1",
    "0",
    "-0",
    "1",
    "1e308",
    "1e-308",
    "9007199254740993",
    "999999999999999",
    "999999999999999.9",
    "1000000000000000",
    "1e400",
    "-1e400",
    "5e-324",
    "0.000001",
    "18446744073709551616",
    "1E+2",
];

const STRINGS: [&str; 14] = [
    "",
    " ",
    "<img src=x onerror=alert(1)>",
    "<script>alert(1)</script>",
    "javascript:alert(1)",
    "\"><svg onload=alert(1)>",
    "=HYPERLINK(\"x\")",
    "\u{202e}\u{2066}abc",
    "👩‍👩‍👧‍👦🇨🇳𠀀",
    "\u{0}\u{1}\u{1b}",
    "a-b",
    "pie",
    "percent",
    "2020-13",
];

fn extreme_number(rng: &mut Rng) -> Value {
    let literal = *rng.pick(&NUMBERS);
    serde_json::from_str(literal).unwrap_or(Value::Null)
}

fn long_string(rng: &mut Rng) -> String {
    let unit = *rng.pick(&["x", "长", "ab ", "🎉", "e\u{301}", "-"]);
    let max = if rng.chance(8) { 5_000 } else { 600 };
    unit.repeat(1 + rng.below(max))
}

fn hostile_string(rng: &mut Rng) -> String {
    if rng.chance(3) {
        long_string(rng)
    } else {
        rng.pick(&STRINGS).to_string()
    }
}

// ---------------------------------------------------------------------------------------------
// Byte mutations

fn flip_bytes(rng: &mut Rng, data: &mut [u8]) {
    for _ in 0..1 + rng.below(8) {
        if data.is_empty() {
            return;
        }
        let i = rng.below(data.len());
        data[i] ^= 1 << rng.below(8);
    }
}

fn insert_bytes(rng: &mut Rng, data: &mut Vec<u8>) {
    let at = rng.below(data.len() + 1);
    let chunk: Vec<u8> = if rng.chance(2) && !data.is_empty() {
        let (s, e) = rng.range(data.len());
        data[s..e].to_vec()
    } else {
        let tokens: [&[u8]; 12] = [
            b"{",
            b"}",
            b"[",
            b"]",
            b",",
            b":",
            b"\"",
            b"null",
            b"\\u0000",
            b"\xff",
            b"\xef\xbb\xbf",
            b"\\",
        ];
        (0..1 + rng.below(8))
            .flat_map(|_| rng.pick(&tokens).to_vec())
            .collect()
    };
    data.splice(at..at, chunk);
}

fn delete_range(rng: &mut Rng, data: &mut Vec<u8>) {
    let (s, e) = rng.range(data.len());
    data.drain(s..e);
}

fn duplicate_range(rng: &mut Rng, data: &mut Vec<u8>) {
    let (s, e) = rng.range(data.len());
    let chunk = data[s..e].to_vec();
    let max = if rng.chance(8) { 100 } else { 3 };
    for _ in 0..1 + rng.below(max) {
        data.splice(e..e, chunk.iter().copied());
        if data.len() > MAX_LEN {
            break;
        }
    }
}

fn splice(rng: &mut Rng, data: &mut Vec<u8>, other: &[u8]) {
    let cut = rng.below(data.len() + 1);
    let from = rng.below(other.len() + 1);
    data.truncate(cut);
    data.extend_from_slice(&other[from..]);
}

/// Byte ranges of number literals (outside strings, roughly).
fn number_spans(data: &[u8]) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut in_string = false;
    let mut i = 0;
    while i < data.len() {
        let b = data[i];
        if in_string {
            if b == b'\\' {
                i += 1;
            } else if b == b'"' {
                in_string = false;
            }
        } else if b == b'"' {
            in_string = true;
        } else if b == b'-' || b.is_ascii_digit() {
            let start = i;
            while i < data.len()
                && matches!(data[i], b'0'..=b'9' | b'-' | b'+' | b'.' | b'e' | b'E')
            {
                i += 1;
            }
            spans.push((start, i));
            continue;
        }
        i += 1;
    }
    spans
}

/// Byte ranges of string contents (between the quotes).
fn string_spans(data: &[u8]) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut i = 0;
    while i < data.len() {
        if data[i] == b'"' {
            let start = i + 1;
            let mut j = start;
            while j < data.len() && data[j] != b'"' {
                j += if data[j] == b'\\' { 2 } else { 1 };
            }
            if j >= data.len() {
                break;
            }
            spans.push((start, j));
            i = j + 1;
        } else {
            i += 1;
        }
    }
    spans
}

fn replace_number(rng: &mut Rng, data: &mut Vec<u8>) {
    let spans = number_spans(data);
    if spans.is_empty() {
        return;
    }
    let (s, e) = *rng.pick(&spans);
    data.splice(s..e, rng.pick(&NUMBERS).bytes());
}

fn replace_string(rng: &mut Rng, data: &mut Vec<u8>) {
    let spans = string_spans(data);
    if spans.is_empty() {
        return;
    }
    let (s, e) = *rng.pick(&spans);
    let text = hostile_string(rng);
    // Escaped as JSON, without the quotes around it.
    let escaped = Value::String(text).to_string();
    data.splice(s..e, escaped[1..escaped.len() - 1].bytes());
}

// ---------------------------------------------------------------------------------------------
// Structure-aware mutations on the parsed value

/// How many nodes the value has, to pick one uniformly.
fn count_nodes(value: &Value) -> usize {
    1 + match value {
        Value::Array(items) => items.iter().map(count_nodes).sum(),
        Value::Object(map) => map.values().map(count_nodes).sum(),
        _ => 0,
    }
}

/// Applies `change` to the `n`th node in pre-order; false when there are fewer nodes.
fn at_nth(value: &mut Value, n: &mut usize, rng: &mut Rng) -> bool {
    if *n == 0 {
        mutate_node(rng, value);
        return true;
    }
    *n -= 1;
    match value {
        Value::Array(items) => items.iter_mut().any(|v| at_nth(v, n, rng)),
        Value::Object(map) => map.values_mut().any(|v| at_nth(v, n, rng)),
        _ => false,
    }
}

fn random_scalar(rng: &mut Rng) -> Value {
    match rng.below(6) {
        0 => Value::Null,
        1 => Value::Bool(rng.chance(2)),
        2 => extreme_number(rng),
        3 => Number::from_f64(f64::from_bits(rng.bits()))
            .map(Value::Number)
            .unwrap_or(Value::Null),
        4 => Value::Array(Vec::new()),
        _ => Value::String(hostile_string(rng)),
    }
}

fn mutate_value(rng: &mut Rng, root: &mut Value) {
    let mut n = rng.below(count_nodes(root));
    at_nth(root, &mut n, rng);
}

fn mutate_node(rng: &mut Rng, node: &mut Value) {
    let choice = if GENTLE.with(|g| g.get()) {
        6
    } else {
        rng.below(8)
    };
    match choice {
        // Drop a key.
        0 => {
            if let Value::Object(map) = node {
                let keys: Vec<String> = map.keys().cloned().collect();
                if !keys.is_empty() {
                    let key = rng.pick(&keys).clone();
                    map.remove(&key);
                }
            }
        }
        // Change the type.
        1 => *node = random_scalar(rng),
        2 => {
            let inner = std::mem::take(node);
            *node = if rng.chance(2) {
                Value::Array(vec![inner])
            } else {
                let mut map = Map::new();
                map.insert("zh".into(), inner);
                Value::Object(map)
            };
        }
        // Duplicate an array element many times.
        3 => {
            if let Value::Array(items) = node {
                if let Some(first) = items.get(rng.below(items.len())).cloned() {
                    let times = if rng.chance(2) {
                        1000
                    } else {
                        1 + rng.below(5)
                    };
                    items.extend(std::iter::repeat_n(first, times));
                }
            }
        }
        // Add an unknown field.
        4 => {
            if let Value::Object(map) = node {
                map.insert(hostile_string(rng), random_scalar(rng));
            }
        }
        // Strings: hostile texts; numbers: extremes.
        5 => match node {
            Value::String(s) => *s = hostile_string(rng),
            Value::Number(_) => *node = extreme_number(rng),
            _ => {}
        },
        // Valid-looking edits that keep the dataset acceptable more often.
        6 => match node {
            Value::Number(_) => {
                let v = [0.0, 1.0, 0.5, 1e14, 999_999_999_999_999.0, 5e-324, 73.5];
                *node = Number::from_f64(*rng.pick(&v))
                    .map(Value::Number)
                    .unwrap_or(Value::Null);
            }
            Value::String(s) if matches!(s.as_str(), "pie" | "donut" | "bar") => {
                *s = rng.pick(&["pie", "donut", "bar", "doughnut"]).to_string();
            }
            Value::Bool(b) => *b = !*b,
            Value::String(s) => s.push_str(&hostile_string(rng)),
            _ => {}
        },
        // Remove or reorder array elements.
        _ => {
            if let Value::Array(items) = node {
                if !items.is_empty() {
                    if rng.chance(2) {
                        items.remove(rng.below(items.len()));
                    } else {
                        let (a, b) = (rng.below(items.len()), rng.below(items.len()));
                        items.swap(a, b);
                    }
                }
            }
        }
    }
}

thread_local! {
    /// Set while only value edits that usually keep a dataset valid are wanted.
    static GENTLE: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Edits that usually keep the dataset valid: numbers within range, other chart kinds,
/// hostile text appended to strings. Valid inputs reach layout and rendering.
fn gentle(rng: &mut Rng, data: &mut Vec<u8>) {
    GENTLE.with(|g| g.set(true));
    structural(rng, data);
    GENTLE.with(|g| g.set(false));
}

fn structural(rng: &mut Rng, data: &mut Vec<u8>) -> bool {
    let Ok(text) = std::str::from_utf8(data) else {
        return false;
    };
    let Ok(mut value) = serde_json::from_str::<Value>(text.trim_start_matches('\u{feff}')) else {
        return false;
    };
    for _ in 0..1 + rng.below(3) {
        mutate_value(rng, &mut value);
    }
    *data = if rng.chance(2) {
        value.to_string().into_bytes()
    } else {
        serde_json::to_vec_pretty(&value).unwrap_or_default()
    };
    true
}

fn mutate(rng: &mut Rng, seeds: &[Vec<u8>], data: &mut Vec<u8>) {
    for _ in 0..1 + rng.below(4) {
        let growing = data.len() < MAX_LEN;
        match rng.below(10) {
            0 => flip_bytes(rng, data),
            1 if growing => insert_bytes(rng, data),
            2 => delete_range(rng, data),
            3 if growing => duplicate_range(rng, data),
            4 => {
                let other: &Vec<u8> = rng.pick(seeds);
                splice(rng, data, other);
            }
            5 => replace_number(rng, data),
            6 => replace_string(rng, data),
            _ => {
                if !structural(rng, data) {
                    replace_number(rng, data);
                }
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Running one input

#[derive(Default)]
struct Stats {
    inputs: usize,
    parsed: usize,
    rejected: usize,
    panics: usize,
    views: usize,
}

const SIZES: [(f64, f64); 6] = [
    (640.0, 480.0),
    (320.0, 480.0),
    (0.0, 0.0),
    (1.0, 1.0),
    (4000.0, 40.0),
    (40.0, 4000.0),
];

fn every_chart(ds: &Dataset) -> Vec<(Option<String>, &Chart)> {
    let mut all: Vec<(Option<String>, &Chart)> = ds.overview.iter().map(|c| (None, c)).collect();
    for sector in &ds.sectors {
        all.extend(sector.charts.iter().map(|c| (Some(sector.id.clone()), c)));
    }
    all
}

/// An SVG must stay a well-formed XML document whatever the labels hold.
fn assert_xml_text(svg: &str) {
    let bad = svg.chars().find(|&c| {
        !matches!(c as u32, 0x9 | 0xA | 0xD | 0x20..=0xD7FF | 0xE000..=0xFFFD | 0x10000..=0x10FFFF)
    });
    assert!(
        bad.is_none(),
        "the SVG holds U+{:04X}, which XML forbids",
        bad.map_or(0, |c| c as u32)
    );
}

/// Everything a visitor could see of a valid dataset; returns the number of views drawn.
fn exercise(ds: &Dataset, rng: &mut Rng) -> usize {
    let theme = Theme::light();
    let mut views = 0;
    let with_export = rng.chance(8);
    for (sector, chart) in every_chart(ds) {
        for &kind in chart.allowed_kinds() {
            for lang in Lang::ALL {
                let mut state = ViewState {
                    sector: sector.clone(),
                    chart: Some(chart.id.clone()),
                    kind: Some(kind),
                    ..ViewState::new(lang)
                };
                if rng.chance(4) && !chart.slices.is_empty() {
                    state.hidden.insert(rng.below(chart.slices.len() + 1));
                    state.selected = Some(rng.below(chart.slices.len() + 1));
                }
                let texts = slice_texts(chart, &state);
                let _ = summary(ds, &state, &texts);
                // What the widget draws: grouped slices inside "Other", the same helper.
                let inputs = layout_inputs(&texts);
                let (width, height) = *rng.pick(&SIZES);
                let scale = *rng.pick(&[1.0, 2.0, 0.5, 3.0]);
                let layout = compute(&LayoutInput {
                    kind,
                    slices: &inputs,
                    width: width * scale,
                    height: height * scale,
                    font_px: 13.0 * scale,
                    scale,
                    highlight: Some(rng.below(chart.slices.len() + 1)),
                    measure: &ApproxMeasure,
                });
                let paint = Paint {
                    theme: &theme,
                    font_px: 13.0 * scale,
                    scale,
                    hover: Some(rng.below(chart.slices.len() + 1)),
                    focus: state.selected,
                    selected: state.selected,
                    progress: *rng.pick(&[1.0, 0.5, 0.0]),
                    font_family: "sans-serif",
                    other: None,
                    text_scale: 1.0,
                };
                let size = ((width * scale) as u32, (height * scale) as u32);
                let svg = chart_svg(&layout, &paint, size);
                assert_xml_text(&svg);
                let _ = export::csv(ds, &state);
                if with_export {
                    assert_xml_text(&export::svg(ds, &state, rng.chance(2)));
                }
                views += 1;
            }
        }
    }
    views
}

fn run_one(data: &[u8], rng: &mut Rng, stats: &mut Stats) {
    let text = String::from_utf8_lossy(data);
    match parse(&text) {
        Ok(ds) => {
            stats.parsed += 1;
            stats.views += exercise(&ds, rng);
        }
        Err(errors) => {
            stats.rejected += 1;
            assert!(
                !errors.is_empty() && errors.len() <= 51,
                "{} errors",
                errors.len()
            );
        }
    }
}

fn load_seeds() -> Vec<Vec<u8>> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut paths = vec![
        root.join("tests/fixtures/minimal.json"),
        root.join("src/data/jilin-quality.json"),
    ];
    let mut corpus: Vec<_> = std::fs::read_dir(root.join("tests/hostile"))
        .expect("tests/hostile")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.file_name().is_some_and(|n| n != "cases.json"))
        .collect();
    corpus.sort();
    paths.extend(corpus);
    paths
        .iter()
        .map(|p| std::fs::read(p).unwrap_or_else(|e| panic!("{}: {e}", p.display())))
        .collect()
}

fn env_number(name: &str) -> Option<u64> {
    let raw = std::env::var(name).ok()?;
    let raw = raw.trim();
    match raw.strip_prefix("0x") {
        Some(hex) => u64::from_str_radix(hex, 16).ok(),
        None => raw.replace('_', "").parse().ok(),
    }
}

#[test]
fn fuzz() {
    let iterations = env_number("FUZZ_ITERATIONS").map_or(DEFAULT_ITERATIONS, |n| n as usize);
    let seed = env_number("FUZZ_SEED").unwrap_or(DEFAULT_SEED);
    let seeds = load_seeds();
    let mut rng = Rng::new(seed);
    let mut stats = Stats::default();
    let mut crashes = Vec::new();
    // Inputs that parsed: mutating them again goes deeper into valid-but-odd datasets.
    let mut accepted: Vec<Vec<u8>> = seeds
        .iter()
        .filter(|s| parse(&String::from_utf8_lossy(s)).is_ok())
        .cloned()
        .collect();
    let valid_seeds = accepted.len();
    for i in 0..iterations {
        let mut data = if rng.chance(2) {
            rng.pick(&accepted).clone()
        } else {
            rng.pick(&seeds).clone()
        };
        if rng.chance(3) {
            gentle(&mut rng, &mut data);
        } else {
            mutate(&mut rng, &seeds, &mut data);
        }
        let mut input_rng = Rng::new(rng.bits());
        stats.inputs += 1;
        let outcome = catch_unwind(AssertUnwindSafe(|| {
            let mut local = Stats::default();
            run_one(&data, &mut input_rng, &mut local);
            local
        }));
        match outcome {
            Ok(local) => {
                if local.parsed > 0 && data.len() < MAX_LEN / 4 {
                    if accepted.len() < 64 {
                        accepted.push(data);
                    } else {
                        // The seeds that parse stay; later entries are replaced.
                        let slot = valid_seeds + rng.below(accepted.len() - valid_seeds);
                        accepted[slot] = data;
                    }
                }
                stats.parsed += local.parsed;
                stats.rejected += local.rejected;
                stats.views += local.views;
            }
            Err(_) => {
                stats.panics += 1;
                let file =
                    std::env::temp_dir().join(format!("sector-charts-fuzz-{seed:x}-{i}.json"));
                let _ = std::fs::write(&file, &data);
                crashes.push(file.display().to_string());
            }
        }
    }
    println!(
        "fuzz: {} inputs, {} parsed OK, {} rejected, {} panics ({} views drawn, seed {seed:#x})",
        stats.inputs, stats.parsed, stats.rejected, stats.panics, stats.views
    );
    assert!(
        crashes.is_empty(),
        "{} inputs panicked, saved as:\n{}",
        crashes.len(),
        crashes.join("\n")
    );
}

#[test]
fn the_rng_and_the_mutators_are_deterministic() {
    let seeds = load_seeds();
    let run = || {
        let mut rng = Rng::new(7);
        (0..50)
            .map(|_| {
                let mut data = rng.pick(&seeds).clone();
                mutate(&mut rng, &seeds, &mut data);
                data
            })
            .collect::<Vec<_>>()
    };
    assert_eq!(run(), run());
    assert_eq!(
        number_spans(b"{\"a1\": -12.5e3, \"b\": [0]}"),
        [(7, 14), (22, 23)]
    );
    assert_eq!(string_spans(b"{\"a\\\"b\": 1}"), [(2, 6)]);
}

/// A syntax error's place, `line L, column C`, as numbers.
fn syntax_place(path: &str) -> Option<(usize, usize)> {
    let (line, column) = path.strip_prefix("line ")?.split_once(", column ")?;
    Some((line.parse().ok()?, column.parse().ok()?))
}

/// serde_json is the reader, so its verdict on the syntax is ours: what it refuses is refused
/// with one error placed at a real line and column of the text (columns in characters, the
/// line serde_json names or, for a line break at fault, the one it ends), and what it reads is
/// accepted or refused with JSON paths only. Checked on byte-mutated documents of every seed.
#[test]
fn syntax_verdicts_are_serde_jsons_and_placed_in_the_text() {
    let seeds = load_seeds();
    let mut rng = Rng::new(0x05EE_D0F5_E2DE);
    let (mut refused, mut read) = (0, 0);
    for _ in 0..3_000 {
        let mut data = rng.pick(&seeds).clone();
        for _ in 0..1 + rng.below(2) {
            match rng.below(3) {
                0 => flip_bytes(&mut rng, &mut data),
                1 => insert_bytes(&mut rng, &mut data),
                _ => delete_range(&mut rng, &mut data),
            }
        }
        let text = String::from_utf8_lossy(&data);
        let body = text.strip_prefix('\u{feff}').unwrap_or(&text);
        let errors = match parse(&text) {
            Ok(_) => Vec::new(),
            Err(errors) => errors.0,
        };
        // The checks before reading (empty, UTF-16, size) are not about syntax.
        if errors.len() == 1 && errors[0].path.is_empty() {
            continue;
        }
        match serde_json::from_str::<Value>(body) {
            Err(theirs) => {
                refused += 1;
                let [error] = errors.as_slice() else {
                    panic!("serde_json refuses ({theirs}), we report {errors:?}: {body:.300}");
                };
                let (line, column) = syntax_place(&error.path)
                    .unwrap_or_else(|| panic!("not placed by line and column: {error:?}"));
                assert!(
                    line == theirs.line() || line + 1 == theirs.line(),
                    "{error:?} for serde_json's {theirs}"
                );
                let line_text = body.split('\n').nth(line - 1).unwrap_or("");
                assert!(
                    (1..=line_text.chars().count() + 1).contains(&column),
                    "{error:?} is outside line {line:?}"
                );
                assert!(
                    error.message.starts_with("invalid JSON: ")
                        || error
                            .message
                            .starts_with("the file ends too early, is it cut off? ("),
                    "{error:?}"
                );
                assert!(!error.message.contains(" at line "), "{error:?}");
            }
            Ok(_) => {
                read += 1;
                assert!(
                    errors.iter().all(|e| syntax_place(&e.path).is_none()),
                    "serde_json reads it, we report a syntax error: {errors:?}"
                );
            }
        }
    }
    assert!(
        refused > 1_000 && read > 200,
        "{refused} refused, {read} read"
    );
}
