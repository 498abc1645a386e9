//! The embedded dataset against the report it comes from: every quote verbatim, every figure in.

use sector_charts::dataset::{built_in, parse, Dataset, Unit};

const REPORT: &str = include_str!("../src/data/jilin-quality-report.zh.txt");

fn without_whitespace(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

fn dataset() -> Dataset {
    match built_in() {
        Ok(dataset) => dataset,
        Err(errors) => panic!("the built-in dataset is invalid:\n{errors}"),
    }
}

#[test]
fn the_committed_report_is_the_shared_one() {
    // CI lays shared/ beside the clone; when it is there, our copy must not have drifted.
    let shared = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/report/jilin-quality-report.zh.txt");
    if let Ok(text) = std::fs::read_to_string(&shared) {
        assert_eq!(
            text,
            REPORT,
            "src/data copy differs from {}",
            shared.display()
        );
    }
}

#[test]
fn the_embedded_copy_is_the_source_file_minified() {
    // build.rs rewrites the file without its whitespace; natively (as in the explorer) nothing
    // else may change: every text, figure and achievement reads the same.
    let source = parse(include_str!("../src/data/jilin-quality.json")).expect("the file parses");
    assert_eq!(dataset(), source);
    assert!(dataset().sectors.iter().all(|s| !s.achievements.is_empty()));
    let embedded = sector_charts::dataset::BUILT_IN_JSON;
    assert!(!embedded.contains('\n'), "minified: no line breaks");
    assert!(embedded.len() < include_str!("../src/data/jilin-quality.json").len());
}

#[test]
fn nine_sectors_in_the_reports_order() {
    let ids: Vec<String> = dataset().sectors.iter().map(|s| s.id.clone()).collect();
    assert_eq!(
        ids,
        [
            "manufacturing",
            "services",
            "agriculture",
            "consumer-goods",
            "food-drugs",
            "smes",
            "construction",
            "trade",
            "public-services"
        ]
    );
}

#[test]
fn every_paragraph_is_verbatim_and_in_order() {
    let report = without_whitespace(REPORT);
    let mut last = 0;
    for sector in &dataset().sectors {
        let paragraph = sector
            .paragraph
            .as_deref()
            .expect("our sectors all quote their paragraph");
        let paragraph = without_whitespace(paragraph);
        let at = report
            .find(&paragraph)
            .unwrap_or_else(|| panic!("{}: paragraph not found verbatim in the report", sector.id));
        assert!(
            at >= last,
            "{}: paragraph out of the report's order",
            sector.id
        );
        assert!(
            paragraph.starts_with(&format!("{}方面", sector.name.zh)),
            "{}: paragraph should open with the sector's name",
            sector.id
        );
        last = at;
    }
}

#[test]
fn every_indicator_quotes_the_report_and_its_paragraph() {
    let report = without_whitespace(REPORT);
    let mut count = 0;
    for sector in &dataset().sectors {
        let paragraph = without_whitespace(sector.paragraph.as_deref().unwrap_or(""));
        for indicator in &sector.indicators {
            let quote = without_whitespace(
                indicator
                    .source
                    .as_deref()
                    .unwrap_or_else(|| panic!("{}.{}: no source quote", sector.id, indicator.id)),
            );
            assert!(
                report.contains(&quote),
                "{}.{}: quote not in report",
                sector.id,
                indicator.id
            );
            assert!(
                paragraph.contains(&quote),
                "{}.{}: quote not in the sector's own paragraph",
                sector.id,
                indicator.id
            );
            count += 1;
        }
    }
    assert!(count >= 30, "only {count} indicators");
}

/// The number written in the quote, in base units, must equal the value: catches 万/亿 slips.
#[test]
fn values_match_the_numbers_in_their_quotes() {
    for sector in &dataset().sectors {
        for indicator in &sector.indicators {
            let quote = without_whitespace(indicator.source.as_deref().unwrap_or(""));
            let numbers = digit_runs(&quote);
            if numbers.is_empty() {
                continue; // written in Chinese numerals (十大, 万米): checked by hand in the review
            }
            // A quote may hold two figures (35 resorts, 10 million visits): one must be this one.
            let scaled: Vec<f64> = numbers
                .iter()
                .map(|(number, after)| {
                    let multiplier = if after.starts_with('亿') {
                        1e8
                    } else if after.starts_with('万') && indicator.unit != Unit::Metre {
                        1e4
                    } else {
                        1.0
                    };
                    number * multiplier
                })
                .collect();
            assert!(
                scaled
                    .iter()
                    .any(|expected| (indicator.value - expected).abs() < 1e-6 * expected.max(1.0)),
                "{}.{}: value {} but the quote says {:?} ({quote})",
                sector.id,
                indicator.id,
                indicator.value,
                scaled
            );
        }
    }
}

/// Every run of digits in the report with the text right after it.
fn digit_runs(text: &str) -> Vec<(f64, String)> {
    let chars: Vec<char> = text.chars().collect();
    let mut runs = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_ascii_digit() {
            let start = i;
            while i < chars.len() && (chars[i].is_ascii_digit() || chars[i] == '.') {
                i += 1;
            }
            let number: String = chars[start..i].iter().collect();
            let after: String = chars[i..chars.len().min(i + 2)].iter().collect();
            runs.push((
                number.trim_end_matches('.').parse().unwrap_or(f64::NAN),
                after,
            ));
        } else {
            i += 1;
        }
    }
    runs
}

#[test]
fn every_figure_a_reader_finds_in_the_report_is_in_the_dataset() {
    let dataset = dataset();
    // Numbers that name things rather than count them: the hotline and the plan's years.
    let identifiers = [12315.0, 2020.0, 2022.0];
    let report = without_whitespace(REPORT);
    let values: Vec<f64> = dataset
        .sectors
        .iter()
        .flat_map(|s| s.indicators.iter().map(|i| i.value))
        .collect();
    let quotes: Vec<String> = dataset
        .sectors
        .iter()
        .flat_map(|s| s.indicators.iter().filter_map(|i| i.source.as_deref()))
        .map(without_whitespace)
        .collect();
    for (number, after) in digit_runs(&report) {
        if identifiers.contains(&number) {
            continue;
        }
        let scaled = match after.chars().next() {
            Some('亿') => number * 1e8,
            Some('万') if !after.starts_with("万米") => number * 1e4,
            _ => number,
        };
        assert!(
            values
                .iter()
                .any(|v| (v - scaled).abs() < 1e-6 * scaled.max(1.0)),
            "the report's figure {number}{after} is not an indicator value"
        );
        let written = format!("{number}");
        assert!(
            quotes.iter().any(|q| q.contains(&written)),
            "the report's figure {number} is in no indicator's quote"
        );
    }
}

#[test]
fn charts_are_honest() {
    for sector in &dataset().sectors {
        for chart in &sector.charts {
            assert!(!chart.slices.is_empty());
            let unit = chart.slices[0].unit;
            assert!(
                chart.slices.iter().all(|s| s.unit == unit),
                "{}: mixed units",
                chart.id
            );
            if chart.kind.is_circular() {
                assert!(
                    chart.parts_of_whole,
                    "{}: pie of unrelated counts",
                    chart.id
                );
            }
        }
    }
}

#[test]
fn derived_slices_say_how() {
    let dataset = dataset();
    let smes = dataset.sector("smes").expect("smes");
    let patents = smes
        .charts
        .iter()
        .flat_map(|c| &c.slices)
        .find(|s| {
            s.derivation
                .as_ref()
                .is_some_and(|d| d.whole.as_deref() == Some("valid-patents"))
        })
        .expect("a slice derived from valid patents");
    assert_eq!(patents.value, 5581.0);
    let share = smes
        .charts
        .iter()
        .flat_map(|c| &c.slices)
        .find(|s| s.unit == Unit::Percent && s.derivation.is_some())
        .expect("the high-tech share's remainder");
    assert!((share.value - 26.5).abs() < 1e-9);
    let explanation = &share.derivation.as_ref().expect("derived").explanation;
    assert!(
        explanation.en.contains("100%") && explanation.en.contains("73.5%"),
        "{}",
        explanation.en
    );
}

#[test]
fn the_overview_measure_is_computed_from_the_report() {
    let dataset = dataset();
    let text_share = dataset
        .overview
        .iter()
        .find(|c| c.id == "text-share")
        .expect("text share chart");
    for (slice, sector) in text_share.slices.iter().zip(&dataset.sectors) {
        let chars = without_whitespace(sector.paragraph.as_deref().unwrap_or(""))
            .chars()
            .count();
        assert_eq!(slice.value, chars as f64, "{}", sector.id);
    }
    assert!(text_share
        .note
        .as_ref()
        .is_some_and(|n| n.en.contains("Measure")));
    let figures = dataset
        .overview
        .iter()
        .find(|c| c.id == "figures")
        .expect("figures chart");
    let smes = figures
        .slices
        .iter()
        .find(|s| s.key == "smes")
        .expect("smes slice");
    assert_eq!(
        smes.value,
        dataset.sector("smes").expect("smes").indicators.len() as f64
    );
}
