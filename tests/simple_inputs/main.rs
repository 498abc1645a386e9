//! The simple input forms (src/dataset/simple/): numbers per language, a table's cells, CSV text
//! and the short JSON form, each with the problems it must report and where.

mod csv;
mod dataset;
mod grid;
mod numbers;
mod short_json;
mod translated;

use sector_charts::dataset::simple::SimpleChart;
use sector_charts::dataset::DatasetErrors;

/// The chart, or a failure listing every problem.
fn chart(result: Result<SimpleChart, DatasetErrors>) -> SimpleChart {
    match result {
        Ok(chart) => chart,
        Err(errors) => panic!("refused:\n{errors}"),
    }
}

/// Every problem as (path, message), or a failure when the input was accepted.
fn problems(result: Result<SimpleChart, DatasetErrors>) -> Vec<(String, String)> {
    match result {
        Ok(chart) => panic!("accepted: {chart:?}"),
        Err(errors) => errors
            .iter()
            .map(|error| (error.path.clone(), error.message.clone()))
            .collect(),
    }
}

/// Asserts that the problems are exactly these paths, in order, each message containing its text.
fn assert_problems(result: Result<SimpleChart, DatasetErrors>, expected: &[(&str, &str)]) {
    let found = problems(result);
    let paths: Vec<&str> = found.iter().map(|(path, _)| path.as_str()).collect();
    let wanted: Vec<&str> = expected.iter().map(|(path, _)| *path).collect();
    assert_eq!(paths, wanted, "problems: {found:#?}");
    for ((_, message), (path, text)) in found.iter().zip(expected) {
        assert!(message.contains(text), "{path}: {message:?} lacks {text:?}");
    }
}

/// Labels and values of a chart, for one comparison.
fn slices(chart: &SimpleChart) -> Vec<(&str, f64)> {
    chart
        .slices
        .iter()
        .map(|slice| (slice.label.as_str(), slice.value))
        .collect()
}

/// Cells from rows written as string slices.
fn cells(rows: &[&[&str]]) -> Vec<Vec<String>> {
    rows.iter()
        .map(|row| row.iter().map(|cell| cell.to_string()).collect())
        .collect()
}
