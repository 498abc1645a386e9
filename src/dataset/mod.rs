//! The dataset: typed, validated, immutable. Parsed from JSON text by [`parse`]: serde reads the
//! file into lenient raw types (`raw.rs`), and validation collects every problem with its JSON
//! path instead of stopping at the first.

mod error;
pub(crate) mod kinds;
mod overview;
pub(crate) mod raw;
pub mod simple;
mod syntax;
pub(crate) mod types;
mod validate;

pub use error::{DatasetError, DatasetErrors};
pub use kinds::{ChartKind, Lang, Locale, Text};
pub use syntax::MAX_INPUT_BYTES;
pub use types::{
    Chart, Dataset, Derivation, Indicator, Qualifier, Sector, Slice, Source, Unit, ValueStyle,
};

/// The report's dataset (src/data/jilin-quality.json), embedded in the binary: minified by
/// build.rs, which also leaves what only the explorer shows out of the widget's .wasm.
pub const BUILT_IN_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/built-in.json"));

/// Parses and validates a dataset.
pub fn parse(json: &str) -> Result<Dataset, DatasetErrors> {
    from_raw(&syntax::read(json)?)
}

/// Validates a file already read into the raw types, by any serde deserializer (raw.rs says
/// how to read them from `JSON.parse`'s output with serde-wasm-bindgen).
pub(crate) fn from_raw(raw: &raw::Obj<raw::RawDataset>) -> Result<Dataset, DatasetErrors> {
    validate::dataset(raw).map_err(DatasetErrors)
}

/// Parses the embedded dataset. It is checked by the tests, so an error here is a build defect,
/// but it is still returned rather than panicking.
pub fn built_in() -> Result<Dataset, DatasetErrors> {
    parse(BUILT_IN_JSON)
}
