//! The hostile corpus of the simple input forms (tests/hostile-simple/, with the verdict each
//! case must get in its cases.json): CSV text, a table's cells and the short JSON form. Files
//! are decoded as the browser decodes them (invalid UTF-8 becomes U+FFFD). Accepted cases must
//! give their slices; refused ones exactly their problems, each at a row and column that exist.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};

use serde_json::Value;

use sector_charts::dataset::simple::{from_csv_in, from_grid_in, from_short_json_in, SimpleChart};
use sector_charts::dataset::DatasetErrors;
use sector_charts::i18n::Speech;

/// The committed corpus stays small; big inputs are generated.
const MAX_CORPUS_BYTES: u64 = 256 * 1024;

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/hostile-simple")
}

fn read_lossy(name: &str) -> String {
    let bytes = std::fs::read(corpus_dir().join(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
    String::from_utf8_lossy(&bytes).into_owned()
}

fn cases() -> Vec<Value> {
    let text = std::fs::read_to_string(corpus_dir().join("cases.json")).expect("cases.json");
    let listing: Value = serde_json::from_str(&text).expect("cases.json is JSON");
    listing["cases"].as_array().expect("cases").clone()
}

/// The input of a case: a file's text, or a table (its cells, and the caption and `lang` of
/// the tag around it), from a file or built here.
enum Input {
    Text(String),
    Cells {
        cells: Vec<Vec<String>>,
        title: Option<String>,
        lang: String,
    },
}

fn generated(kind: &str) -> Input {
    let rows = |n: usize| {
        (1..=n)
            .map(|i| format!("item {i},{i}\n"))
            .collect::<String>()
    };
    match kind {
        "csv-10000-rows" => Input::Text(format!("Label,Value\n{}", rows(10_000))),
        "csv-10001-rows" => Input::Text(format!("Label,Value\n{}", rows(10_001))),
        "csv-80-bad-rows" => Input::Text(format!("Label,Value\n{}", "x,y\n".repeat(80))),
        "grid-10000-rows" => {
            let mut cells = vec![vec!["Libellé".to_string(), "Valeur".to_string()]];
            cells.extend((1..=10_000).map(|i| vec![format!("n° {i}"), format!("{i},5")]));
            Input::Cells {
                cells,
                title: Some("t".into()),
                lang: "fr".into(),
            }
        }
        "short-10000-slices" => {
            let slice = r#"{"label": "a", "value": 1}"#;
            let slices = vec![slice; 10_000].join(",");
            Input::Text(format!(r#"{{"title": "t", "slices": [{slices}]}}"#))
        }
        other => panic!("unknown generated case {other}"),
    }
}

fn input_of(case: &Value) -> (String, Input) {
    let reader = case["reader"].as_str().expect("reader");
    match (case["file"].as_str(), case["generated"].as_str()) {
        (Some(file), None) if reader == "grid" => {
            let doc: Value = serde_json::from_str(&read_lossy(file)).expect("a grid file is JSON");
            let cells = serde_json::from_value(doc["cells"].clone()).expect("cells of strings");
            let title = doc["title"].as_str().map(str::to_string);
            let lang = doc["lang"]
                .as_str()
                .expect("a grid file has lang")
                .to_string();
            let input = Input::Cells { cells, title, lang };
            (file.to_string(), input)
        }
        (Some(file), None) => (file.to_string(), Input::Text(read_lossy(file))),
        (None, Some(kind)) => (format!("generated:{kind}"), generated(kind)),
        _ => panic!("a case names either file or generated: {case}"),
    }
}

/// A CSV case gives the tag's `lang` and `title`; a table brings its own. Problems are told
/// in `speech`: English for the verdict, the widget's language for what it shows.
fn run(case: &Value, input: &Input, speech: Speech) -> Result<SimpleChart, DatasetErrors> {
    let lang = case["lang"].as_str().unwrap_or("en");
    let title = case["title"].as_str();
    match (case["reader"].as_str(), input) {
        (Some("csv"), Input::Text(text)) => from_csv_in(text, title, lang, speech),
        (Some("short-json"), Input::Text(text)) => from_short_json_in(text, speech),
        (Some("grid"), Input::Cells { cells, title, lang }) => {
            from_grid_in(cells, title.as_deref(), lang, speech)
        }
        (reader, _) => panic!("no reader {reader:?} for this input"),
    }
}

fn check_draws(case: &Value, chart: &SimpleChart) -> Result<(), String> {
    let want = case["slices"].as_u64().ok_or("a draws case needs slices")? as usize;
    if chart.slices.len() != want {
        return Err(format!("{} slices, expected {want}", chart.slices.len()));
    }
    if let Some(labels) = case["labels"].as_array() {
        let found: Vec<&str> = chart.slices.iter().map(|s| s.label.as_str()).collect();
        let labels: Vec<&str> = labels.iter().filter_map(Value::as_str).collect();
        if found != labels {
            return Err(format!("labels {found:?}, expected {labels:?}"));
        }
    }
    if let Some(values) = case["values"].as_array() {
        let found: Vec<f64> = chart.slices.iter().map(|s| s.value).collect();
        let values: Vec<f64> = values.iter().filter_map(Value::as_f64).collect();
        if found != values {
            return Err(format!("values {found:?}, expected {values:?}"));
        }
    }
    Ok(())
}

fn check_alert(case: &Value, input: &Input, errors: &DatasetErrors) -> Result<(), String> {
    let found = listed(case, &case["problems"], errors)?;
    if case["reader"] != "short-json" {
        for (path, _) in &found {
            check_place(path, input)?;
        }
    }
    Ok(())
}

/// The case's problems as the widget tells them in its language (`shown`), when it lists them.
fn check_shown(case: &Value, input: &Input) -> Result<(), String> {
    let Some(tag) = case["shown"]["in"].as_str() else {
        return Ok(());
    };
    let speech = Speech::of_tag(tag);
    if speech == Speech::En {
        return Err(format!(
            "shown in {tag:?} would be English: list it in problems"
        ));
    }
    match run(case, input, speech) {
        Err(errors) => listed(case, &case["shown"]["problems"], &errors).map(|_| ()),
        Ok(_) => Err(format!("accepted when told in {tag}")),
    }
}

/// The found problems, checked against `expected` (path and a part of the message each).
fn listed<'e>(
    case: &Value,
    expected: &Value,
    errors: &'e DatasetErrors,
) -> Result<Vec<(&'e str, &'e str)>, String> {
    let found: Vec<(&str, &str)> = errors
        .iter()
        .map(|e| (e.path.as_str(), e.message.as_str()))
        .collect();
    let expected = expected.as_array().ok_or("an alert case needs problems")?;
    let count = case["count"]
        .as_u64()
        .map_or(expected.len(), |n| n as usize);
    if found.len() != count || found.len() < expected.len() {
        return Err(format!(
            "{} problems, expected {count}: {found:#?}",
            found.len()
        ));
    }
    for ((path, message), want) in found.iter().zip(expected) {
        let (want_path, contains) = (want["path"].as_str(), want["contains"].as_str());
        if Some(*path) != want_path || !contains.is_some_and(|c| message.contains(c)) {
            return Err(format!("found {path:?}: {message:?}, expected {want}"));
        }
    }
    Ok(found)
}

/// A table's problem is the whole table (`""`), the title, a row or a cell, and the row and
/// cell exist in the input.
fn check_place(path: &str, input: &Input) -> Result<(), String> {
    if path.is_empty() || path == "title" {
        return Ok(());
    }
    let place = place_of(path).ok_or_else(|| format!("{path:?} is not a row or a cell"))?;
    let exists = match input {
        Input::Cells { cells, .. } => cells
            .get(place.0 - 1)
            .is_some_and(|row| place.1.is_none_or(|column| column <= row.len())),
        Input::Text(text) => place.0 <= text.split('\n').count(),
    };
    if exists {
        Ok(())
    } else {
        Err(format!("{path:?} names a place the input does not have"))
    }
}

/// `row 3` → (3, None); `row 3, column 2` → (3, Some(2)); numbers count from 1.
fn place_of(path: &str) -> Option<(usize, Option<usize>)> {
    let rest = path.strip_prefix("row ")?;
    let (row, column) = match rest.split_once(", column ") {
        Some((row, column)) => (row, Some(column.parse().ok().filter(|&c| c >= 1)?)),
        None => (rest, None),
    };
    let row: usize = row.parse().ok().filter(|&r| r >= 1)?;
    Some((row, column))
}

fn run_case(case: &Value) -> Result<(), String> {
    let (_, input) = input_of(case);
    let english = || run(case, &input, Speech::En);
    let result = catch_unwind(AssertUnwindSafe(english)).map_err(|_| "panicked".to_string())?;
    match (case["outcome"].as_str(), result) {
        (Some("draws"), Ok(chart)) => check_draws(case, &chart),
        (Some("alert"), Err(errors)) => {
            check_alert(case, &input, &errors)?;
            check_shown(case, &input)
        }
        (Some("draws"), Err(errors)) => Err(format!("refused:\n{errors}")),
        (Some("alert"), Ok(chart)) => Err(format!("accepted with {} slices", chart.slices.len())),
        (outcome, _) => Err(format!("outcome must be draws or alert, got {outcome:?}")),
    }
}

#[test]
fn hostile_simple_corpus() {
    let cases = cases();
    let mut failures = Vec::new();
    for case in &cases {
        let (name, _) = input_of(case);
        if let Err(failure) = run_case(case) {
            failures.push(format!("{name} ({}): {failure}", case["reader"]));
        }
    }
    println!(
        "simple hostile corpus: {} cases, {} failed",
        cases.len(),
        failures.len()
    );
    assert!(
        failures.is_empty(),
        "failing cases:\n{}",
        failures.join("\n")
    );
}

#[test]
fn cases_json_lists_every_file_and_the_corpus_stays_small() {
    let mut listed: Vec<String> = cases()
        .iter()
        .filter_map(|case| case["file"].as_str().map(str::to_string))
        .collect();
    listed.sort();
    listed.dedup();
    let mut on_disk = Vec::new();
    let mut total = 0;
    for entry in std::fs::read_dir(corpus_dir()).expect("tests/hostile-simple") {
        let entry = entry.expect("entry");
        total += entry.metadata().expect("metadata").len();
        let name = entry.file_name().to_string_lossy().into_owned();
        if name != "cases.json" {
            on_disk.push(name);
        }
    }
    on_disk.sort();
    assert_eq!(
        listed, on_disk,
        "cases.json and the files in tests/hostile-simple differ"
    );
    assert!(
        total < MAX_CORPUS_BYTES,
        "the committed corpus is {total} bytes"
    );
}

#[test]
fn the_place_check_refuses_what_it_should() {
    let cells = Input::Cells {
        cells: vec![vec!["a".into(), "1".into()], vec!["b".into()]],
        title: None,
        lang: "en".into(),
    };
    assert_eq!(check_place("row 2, column 1", &cells), Ok(()));
    for bad in [
        "row 3",
        "row 2, column 2",
        "row 0",
        "row 1, column 0",
        "line 1",
        "rows 1",
    ] {
        assert!(check_place(bad, &cells).is_err(), "{bad}");
    }
    let text = Input::Text("a,1\nb,2".into());
    assert_eq!(check_place("row 2, column 9", &text), Ok(()));
    assert!(check_place("row 3", &text).is_err());
}
