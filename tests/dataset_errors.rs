//! Each kind of broken dataset gets its own clear message naming the place in the file.

use sector_charts::dataset::{parse, DatasetErrors};
use serde_json::{json, Value};

const MINIMAL: &str = include_str!("fixtures/minimal.json");

fn minimal() -> Value {
    serde_json::from_str(MINIMAL).expect("fixture is JSON")
}

/// Parses `value` and returns its errors as `path: message` lines; fails if it was accepted.
fn errors_of(value: &Value) -> Vec<String> {
    errors_of_text(&value.to_string())
}

fn errors_of_text(text: &str) -> Vec<String> {
    match parse(text) {
        Ok(_) => panic!("accepted an invalid dataset: {text:.200}"),
        Err(DatasetErrors(errors)) => errors.iter().map(|e| e.to_string()).collect(),
    }
}

fn assert_has(errors: &[String], expected: &str) {
    assert!(
        errors.iter().any(|e| e.contains(expected)),
        "expected an error containing {expected:?}, got {errors:#?}"
    );
}

#[test]
fn the_fixture_is_valid() {
    let dataset = parse(MINIMAL).expect("valid");
    assert_eq!(dataset.sectors.len(), 1);
    assert_eq!(dataset.sectors[0].charts[0].slices[1].value, 5581.0);
}

#[test]
fn a_byte_order_mark_is_accepted() {
    assert!(parse(&format!("\u{feff}{MINIMAL}")).is_ok());
}

#[test]
fn syntax_errors_name_line_and_column() {
    let errors = errors_of_text("{\n  \"version\": 1,\n  \"title\": }");
    assert_has(&errors, "line 3, column 12: invalid JSON");
    let truncated = &MINIMAL[..MINIMAL.len() / 2];
    assert_has(&errors_of_text(truncated), "the file ends too early");
    assert_has(&errors_of_text(""), "the dataset is empty");
    assert_has(&errors_of_text("   \n"), "the dataset is empty");
    assert_has(&errors_of_text("[1, 2]"), "must be an object, got an array");
}

#[test]
fn a_nan_like_value_is_named_with_its_path() {
    let mut data = minimal();
    data["sectors"][0]["indicators"][1]["value"] = json!("NaN");
    assert_eq!(
        errors_of(&data),
        ["sectors[0].indicators[1].value: must be a finite number >= 0, got \"NaN\""]
    );
}

#[test]
fn negative_and_huge_values_are_refused() {
    let mut data = minimal();
    data["sectors"][0]["indicators"][0]["value"] = json!(-3);
    assert_has(
        &errors_of(&data),
        "sectors[0].indicators[0].value: must be a finite number >= 0, got -3",
    );
    data["sectors"][0]["indicators"][0]["value"] = json!(1e300);
    assert_has(
        &errors_of(&data),
        "sectors[0].indicators[0].value: must be below 10^15",
    );
    assert_has(
        &errors_of_text(&MINIMAL.replace("7335", "1e400")),
        "invalid JSON: number out of range",
    );
}

#[test]
fn missing_fields_and_languages() {
    let mut data = minimal();
    data["sectors"][0]["indicators"][0]
        .as_object_mut()
        .expect("object")
        .remove("unit");
    data["sectors"][0]["name"] = json!({"zh": "专利"});
    let errors = errors_of(&data);
    assert_has(
        &errors,
        "sectors[0].indicators[0].unit: missing required field",
    );
    assert_has(&errors, "sectors[0].name.en: missing required field");
}

#[test]
fn unknown_fields_are_named_with_the_expected_ones() {
    let mut data = minimal();
    data["sectors"][0]["indicators"][0]["valeu"] = json!(3);
    assert_has(
        &errors_of(&data),
        "sectors[0].indicators[0].valeu: unknown field (expected one of: id, label, value",
    );
}

#[test]
fn wrong_types() {
    let mut data = minimal();
    data["title"] = json!("just a string");
    data["sectors"][0]["indicators"][0]["unit"] = json!("kg");
    let errors = errors_of(&data);
    assert_has(&errors, "title: must be an object, got \"just a string\"");
    assert_has(
        &errors,
        "sectors[0].indicators[0].unit: must be one of count, yuan, percent",
    );
}

#[test]
fn duplicate_and_malformed_ids() {
    let mut data = minimal();
    data["sectors"][0]["indicators"][1]["id"] = json!("valid-patents");
    assert_has(
        &errors_of(&data),
        "sectors[0].indicators[1].id: duplicate id \"valid-patents\"",
    );
    let mut data = minimal();
    data["sectors"][0]["id"] = json!("Bad Id");
    assert_has(
        &errors_of(&data),
        "sectors[0].id: must be lowercase letters and digits",
    );
}

#[test]
fn references_to_missing_indicators() {
    let mut data = minimal();
    data["sectors"][0]["charts"][0]["slices"][0]["indicator"] = json!("utility-patents");
    assert_has(
        &errors_of(&data),
        "sectors[0].charts[0].slices[0].indicator: refers to indicator \"utility-patents\", which this sector does not have",
    );
}

#[test]
fn a_pie_of_unrelated_counts_is_refused() {
    let mut data = minimal();
    data["sectors"][0]["charts"][0]["parts_of_whole"] = json!(false);
    assert_has(
        &errors_of(&data),
        "sectors[0].charts[0].kind: a donut shows parts of a whole",
    );
}

#[test]
fn a_derived_slice_cannot_go_negative() {
    let mut data = minimal();
    data["sectors"][0]["indicators"][1]["value"] = json!(9000);
    assert_has(
        &errors_of(&data),
        "sectors[0].charts[0].slices[1].derived: the parts add up to more than the whole",
    );
}

#[test]
fn mixed_units_in_one_chart() {
    let mut data = minimal();
    data["sectors"][0]["indicators"][1]["unit"] = json!("yuan");
    assert_has(
        &errors_of(&data),
        "derived.whole: the whole must have the same unit as the parts",
    );
    data["sectors"][0]["charts"][0]["kind"] = json!("bar");
    data["sectors"][0]["charts"][0]["slices"] =
        json!([{"indicator": "valid-patents"}, {"indicator": "invention-patents"}]);
    assert_has(
        &errors_of(&data),
        "sectors[0].charts[0].slices[1]: unit \"yuan\" differs from the chart's first slice (\"count\")",
    );
}

#[test]
fn an_all_zero_chart() {
    let mut data = minimal();
    data["sectors"][0]["indicators"][0]["value"] = json!(0);
    data["sectors"][0]["indicators"][1]["value"] = json!(0);
    assert_has(
        &errors_of(&data),
        "sectors[0].charts[0].slices: all values are zero",
    );
}

#[test]
fn wrong_version_and_empty_sectors() {
    let mut data = minimal();
    data["version"] = json!(2);
    data["sectors"] = json!([]);
    let errors = errors_of(&data);
    assert_has(&errors, "version: must be 1");
    assert_has(&errors, "sectors: must have at least one sector");
}

#[test]
fn every_problem_is_reported_not_just_the_first() {
    let mut data = minimal();
    data["sectors"][0]["indicators"][0]["value"] = json!("7335");
    data["sectors"][0]["indicators"][1]["label"]["en"] = json!("");
    data["source"]["date"] = json!("last year");
    let errors = errors_of(&data);
    assert!(errors.len() >= 3, "{errors:#?}");
    assert_has(
        &errors,
        "sectors[0].indicators[0].value: must be a finite number >= 0, got \"7335\"",
    );
    assert_has(
        &errors,
        "sectors[0].indicators[1].label.en: must not be empty",
    );
    assert_has(&errors, "source.date: must be a date like");
}

#[test]
fn hostile_sizes_are_bounded() {
    let mut data = minimal();
    data["sectors"][0]["indicators"][0]["label"]["en"] = json!("x".repeat(1_000_000));
    assert_has(
        &errors_of(&data),
        "sectors[0].indicators[0].label.en: is 1000000 characters long",
    );
    let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
    assert_has(
        &errors_of_text(&deep),
        "invalid JSON: recursion limit exceeded",
    );
    let many_errors: Vec<Value> = (0..500).map(|_| json!({"id": "BAD"})).collect();
    let mut data = minimal();
    data["sectors"][0]["indicators"] = json!(many_errors);
    let errors = errors_of(&data);
    assert!(
        errors.len() <= 51,
        "error list is bounded, got {}",
        errors.len()
    );
}
