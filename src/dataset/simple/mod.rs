//! The three simple input forms of a chart (a table's cells, CSV text, the short JSON form),
//! each read into one [`SimpleChart`], with every problem named by its row and column or its
//! JSON path. Numbers in tables and CSV are read as people type them in the given language.

mod csv;
mod dataset;
mod grid;
mod locale;
mod number;
mod records;
mod short_json;
mod types;

pub use self::csv::{cells_of, from_csv};
pub use self::dataset::{is_short_json, read_json, SIMPLE_ID};
pub use self::grid::from_grid;
pub use self::locale::{convention, is_language_tag, Convention};
pub use self::number::{read_number, LocalNumber, NumberProblem};
pub use self::short_json::from_short_json;
pub use self::types::{SimpleChart, SimpleSlice, MAX_SLICES};
