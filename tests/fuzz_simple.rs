//! A deterministic mutation fuzzer for the simple readers (src/dataset/simple/): CSV text, a
//! table's cells and the short JSON form, grown from tests/hostile-simple/ by byte edits and by
//! splicing in separators, quotes, line breaks, numbers of every convention and formulas, read
//! in many languages. No input may panic; an accepted chart must hold only what a chart may; a
//! refusal names real places: the row and the cell it points at exist, and a cell said not to
//! be a number is quoted back.
//!
//! `FUZZ_ITERATIONS` (default 3,000) and `FUZZ_SEED` override the run, as for tests/fuzz.rs:
//! `FUZZ_ITERATIONS=100000 cargo test --release --test fuzz_simple -- --nocapture`.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::Path;

use sector_charts::dataset::simple::{from_csv, from_grid, from_short_json, SimpleChart};
use sector_charts::dataset::DatasetErrors;

const DEFAULT_ITERATIONS: usize = 3_000;
const DEFAULT_SEED: u64 = 0x51_3B1E_CAFE_F00D;
/// Mutations stop growing an input past this size.
const MAX_LEN: usize = 64 * 1024;

const LANGS: [&str; 16] = [
    "en", "fr", "de", "es", "ja", "zh", "it", "pt", "nl", "ru", "pl", "sv", "de-CH", "es-MX", "sw",
    "",
];

const TOKENS: [&str; 34] = [
    ",",
    ";",
    "\t",
    "\"",
    "\"\"",
    "\n",
    "\r\n",
    "\r",
    "\u{feff}",
    " ",
    "\u{a0}",
    "\u{202f}",
    "1 234,5",
    "1.234,5",
    "1,234.5",
    "1’234.5",
    "45 %",
    "45%",
    "-3",
    "−3",
    "+0",
    "0",
    "1e400",
    "９９",
    "=HYPERLINK(\"http://x\",\"y\")",
    "=1+1",
    "<img src=x onerror=alert(1)>",
    "&amp;",
    "\0",
    "\u{fffd}",
    "99999999999999999999",
    ",,,,",
    "\n\n\n",
    "{\"label\": \"a\", \"value\": 1}",
];

#[path = "common/rng.rs"]
mod rng;
use rng::Rng;

fn mutate(rng: &mut Rng, seeds: &[Vec<u8>], data: &mut Vec<u8>) {
    for _ in 0..=rng.below(3) {
        let at = rng.below(data.len() + 1);
        match rng.below(6) {
            0 if data.len() < MAX_LEN => {
                let token = rng.pick(&TOKENS).as_bytes().to_vec();
                data.splice(at..at, token);
            }
            1 if !data.is_empty() => {
                let i = rng.below(data.len());
                data[i] ^= 1 << rng.below(8);
            }
            2 => {
                let end = (at + rng.below(16)).min(data.len());
                data.drain(at..end);
            }
            3 if data.len() < MAX_LEN => {
                let end = (at + rng.below(64)).min(data.len());
                let copy = data[at..end].to_vec();
                data.splice(at..at, copy);
            }
            4 => {
                let other = rng.pick(seeds);
                let from = rng.below(other.len() + 1);
                let end = (from + rng.below(64)).min(other.len());
                data.splice(at..at, other[from..end].to_vec());
            }
            _ => data.truncate(at),
        }
    }
}

/// The cells a browser would read from a table made of these lines.
fn grid_of(text: &str, separator: char) -> Vec<Vec<String>> {
    text.split('\n')
        .map(|line| line.split(separator).map(str::to_string).collect())
        .collect()
}

fn check_chart(chart: &SimpleChart) -> Result<(), String> {
    if chart.slices.is_empty() || chart.slices.len() > 10_000 || chart.title.trim().is_empty() {
        return Err(format!(
            "{} slices, title {:?}",
            chart.slices.len(),
            chart.title
        ));
    }
    for slice in &chart.slices {
        let value_ok = slice.value.is_finite() && (0.0..1e15).contains(&slice.value);
        let label_ok = !slice.label.is_empty() && slice.label.trim() == slice.label;
        if !value_ok || !label_ok || slice.label.chars().count() > 500 {
            return Err(format!("slice {:?} = {}", slice.label, slice.value));
        }
    }
    if chart.total() <= 0.0 {
        return Err("all values are zero".into());
    }
    Ok(())
}

/// `row 3` → (3, None); `row 3, column 2` → (3, Some(2)).
fn place_of(path: &str) -> Option<(usize, Option<usize>)> {
    let rest = path.strip_prefix("row ")?;
    let (row, column) = match rest.split_once(", column ") {
        Some((row, column)) => (row, Some(column.parse().ok().filter(|&c| c >= 1)?)),
        None => (rest, None),
    };
    Some((row.parse().ok().filter(|&r| r >= 1)?, column))
}

/// Every problem of a table names the table, the title, a row or a cell among those `cells`
/// finds there; "not a number" quotes one of them.
fn check_places(
    errors: &DatasetErrors,
    cells: impl Fn(usize, Option<usize>) -> Vec<String>,
) -> Result<(), String> {
    if errors.is_empty() || errors.len() > 51 {
        return Err(format!("{} problems", errors.len()));
    }
    for error in errors.iter() {
        if error.message.is_empty() {
            return Err(format!("{:?} has no message", error.path));
        }
        if error.path.is_empty() || error.path == "title" {
            continue;
        }
        let (row, column) = place_of(&error.path).ok_or(format!("path {:?}", error.path))?;
        let found = cells(row, column);
        if found.is_empty() {
            return Err(format!("{:?} does not exist", error.path));
        }
        // The message quotes the cell's first characters, line breaks and tabs made spaces.
        let quotes = |text: &String| {
            let quoted = error.message.strip_prefix('"');
            let inner = quoted.and_then(|rest| rest.split("\" is not a number").next());
            // Quotes are compared away: a reader drops them from a quoted cell ("y") → y)).
            let head: String = inner.unwrap_or("\u{0}").chars().take(8).collect();
            let plain = |text: &str| text.replace(['\n', '\r', '\t'], " ").replace('"', "");
            plain(text).contains(&plain(&head))
        };
        if error.message.contains("is not a number") && !found.iter().any(quotes) {
            return Err(format!("{error} does not quote the cell, one of {found:?}"));
        }
    }
    Ok(())
}

/// What may be at a place of CSV text, found without a CSV reader: a row exists when the text
/// has that many lines (a break inside quotes only makes more), a column when it has that many
/// separators less one, and the cell's text is somewhere in the text.
fn csv_cells(text: &str, row: usize, column: Option<usize>) -> Vec<String> {
    let lines = text.split(['\n', '\r']).count();
    let separators = text.matches([',', ';', '\t']).count();
    if row > lines || column.is_some_and(|column| column > separators + 1) {
        return Vec::new();
    }
    vec![text.to_string()]
}

/// Reads the input with every reader; how many accepted it, or the first failure.
fn run_one(rng: &mut Rng, data: &[u8]) -> Result<usize, String> {
    let text = String::from_utf8_lossy(data).into_owned();
    let lang = *rng.pick(&LANGS);
    let title = if rng.below(4) == 0 { None } else { Some("t") };
    let mut accepted = 0;
    match from_csv(&text, title, lang) {
        Ok(chart) => {
            check_chart(&chart)?;
            accepted += 1;
        }
        Err(errors) => check_places(&errors, |row, column| csv_cells(&text, row, column))
            .map_err(|e| format!("csv ({lang}): {e}"))?,
    }
    let cells = grid_of(&text, *rng.pick(&['\t', ',', ';']));
    match from_grid(&cells, title, lang) {
        Ok(chart) => {
            check_chart(&chart)?;
            accepted += 1;
        }
        Err(errors) => check_places(&errors, |row, column| {
            let cells = cells.get(row - 1);
            let cell = match column {
                None => cells.map(|cells| cells.join(",")),
                Some(column) => cells.and_then(|cells| cells.get(column - 1).cloned()),
            };
            cell.into_iter().collect()
        })
        .map_err(|e| format!("grid ({lang}): {e}"))?,
    }
    match from_short_json(&text) {
        Ok(chart) => check_chart(&chart).map(|()| accepted + 1),
        Err(errors) if errors.is_empty() || errors.len() > 51 => Err("short json: problems".into()),
        Err(_) => Ok(accepted),
    }
}

fn env_number(name: &str) -> Option<u64> {
    let text = std::env::var(name).ok()?;
    match text.strip_prefix("0x") {
        Some(hex) => u64::from_str_radix(hex, 16).ok(),
        None => text.parse().ok(),
    }
}

fn load_seeds() -> Vec<Vec<u8>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/hostile-simple");
    let mut seeds: Vec<Vec<u8>> = std::fs::read_dir(&dir)
        .expect("tests/hostile-simple")
        .map(|entry| entry.expect("entry").path())
        .filter(|path| path.file_name().is_some_and(|name| name != "cases.json"))
        .map(|path| std::fs::read(path).expect("seed"))
        .collect();
    seeds.sort();
    // Plain tables that any language reads, so that mutations often keep a readable chart.
    for plain in [
        "Label,Value\nA,1\nB,2\nC,3\n",
        "Réponse;Nombre\nOui;45\nNon;30\n",
        "Item\tAmount\nx\t1\ny\t2\n",
    ] {
        seeds.push(plain.as_bytes().to_vec());
    }
    seeds
}

#[test]
fn fuzz_simple_readers() {
    let iterations = env_number("FUZZ_ITERATIONS").map_or(DEFAULT_ITERATIONS, |n| n as usize);
    let seed = env_number("FUZZ_SEED").unwrap_or(DEFAULT_SEED);
    let seeds = load_seeds();
    let mut rng = Rng::new(seed);
    let (mut accepted, mut failures) = (0, Vec::new());
    for i in 0..iterations {
        let mut data = rng.pick(&seeds).clone();
        mutate(&mut rng, &seeds, &mut data);
        let outcome = catch_unwind(AssertUnwindSafe(|| run_one(&mut rng, &data)));
        let failure = match outcome {
            Ok(Ok(count)) => {
                accepted += count;
                None
            }
            Ok(Err(failure)) => Some(failure),
            Err(_) => Some("panicked".to_string()),
        };
        if let Some(failure) = failure {
            let saved = std::env::temp_dir().join(format!("fuzz-simple-{seed:x}-{i}.txt"));
            let _ = std::fs::write(&saved, &data);
            failures.push(format!("{failure} (input saved to {})", saved.display()));
        }
    }
    println!("fuzz_simple: {iterations} inputs, {accepted} charts read, seed {seed:#x}");
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
    // Mutations must leave some inputs readable, or the accepting side is never exercised.
    assert!(
        accepted * 20 >= iterations,
        "only {accepted} charts from {iterations} inputs"
    );
}
