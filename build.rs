//! Writes the built-in dataset (src/data/jilin-quality.json) that the library embeds to
//! `OUT_DIR/built-in.json`: minified, and for the widget's .wasm (wasm32 without the `explorer`
//! feature) without the sectors' `achievements`, which only the explorer's sector text shows.
//! Every byte of it is downloaded by every reader of every article that embeds a chart: the
//! achievements are 31 % of the file, 4.5 KiB of the gzipped widget. The `paragraph`s stay: the
//! overview's "share of the report" chart counts their characters.

use std::{env, fs, path::Path};

use serde_json::Value;

const SOURCE: &str = "src/data/jilin-quality.json";
/// Sector fields that only the explorer's sector text shows (src/web/ui.rs).
const EXPLORER_ONLY: [&str; 1] = ["achievements"];

fn main() {
    println!("cargo:rerun-if-changed={SOURCE}");
    let text = fs::read_to_string(SOURCE).unwrap_or_else(|e| panic!("{SOURCE}: {e}"));
    let mut dataset: Value =
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("{SOURCE} is not JSON: {e}"));
    let widget_only = env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32")
        && env::var_os("CARGO_FEATURE_EXPLORER").is_none();
    if widget_only {
        let sectors = dataset.get_mut("sectors").and_then(Value::as_array_mut);
        for sector in sectors.into_iter().flatten() {
            if let Some(fields) = sector.as_object_mut() {
                for field in EXPLORER_ONLY {
                    fields.shift_remove(field);
                }
            }
        }
    }
    // `arbitrary_precision` keeps every number's digits as written; `preserve_order` the fields'.
    let out = Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("built-in.json");
    fs::write(&out, dataset.to_string()).unwrap_or_else(|e| panic!("{}: {e}", out.display()));
}
