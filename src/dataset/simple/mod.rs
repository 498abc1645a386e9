//! The three simple input forms of a chart (a table's cells, CSV text, the short JSON form),
//! each read into one [`SimpleChart`], every problem named by its row and column or JSON path in
//! the widget's language. Numbers in tables and CSV are read as people type them in `lang`.

mod csv;
mod dataset;
mod grid;
mod locale;
mod number;
mod records;
mod short_json;
mod types;
mod words;

pub use self::csv::{cells_of, from_csv, from_csv_in};
pub use self::dataset::{is_short_json, read_json, read_json_in, SIMPLE_ID};
pub use self::grid::{from_grid, from_grid_in};
pub use self::locale::{convention, is_language_tag, Convention};
pub use self::number::{read_number, LocalNumber, NumberProblem};
pub use self::short_json::{from_short_json, from_short_json_in};
pub use self::types::{SimpleChart, SimpleSlice, MAX_SLICES};
