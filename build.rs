//! Writes the built-in dataset (src/data/jilin-quality.json) that the library embeds to
//! `OUT_DIR/built-in.json`: minified, and for the widget's .wasm (wasm32 without the `explorer`
//! feature) without what only the explorer shows: the sectors' `achievements` (its sector
//! text) and the source's `note` (its page head). Every byte of it is downloaded by every
//! reader of every article that embeds a chart: the two are a third of the file and 4.8 KiB of
//! the gzipped widget. The `paragraph`s stay: the overview's "share of the report" chart
//! counts their characters.

use std::{env, fs, path::Path};

use serde_json::Value;

const SOURCE: &str = "src/data/jilin-quality.json";

fn main() {
    println!("cargo:rerun-if-changed={SOURCE}");
    let text = fs::read_to_string(SOURCE).unwrap_or_else(|e| panic!("{SOURCE}: {e}"));
    let mut dataset: Value =
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("{SOURCE} is not JSON: {e}"));
    let widget_only = env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32")
        && env::var_os("CARGO_FEATURE_EXPLORER").is_none();
    if widget_only {
        remove(dataset.get_mut("source"), "note");
        let sectors = dataset.get_mut("sectors").and_then(Value::as_array_mut);
        for sector in sectors.into_iter().flatten() {
            remove(Some(sector), "achievements");
        }
    }
    // `arbitrary_precision` keeps every number's digits as written; `preserve_order` the fields'.
    let out = Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("built-in.json");
    fs::write(&out, dataset.to_string()).unwrap_or_else(|e| panic!("{}: {e}", out.display()));
}

/// Removes `field` from an object, keeping the order of the others.
fn remove(object: Option<&mut Value>, field: &str) {
    if let Some(fields) = object.and_then(Value::as_object_mut) {
        fields.shift_remove(field);
    }
}
