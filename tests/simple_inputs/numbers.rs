//! Numbers as people type them, per language: each convention of the table, the marks a
//! language does not use, what is ambiguous where no convention is known, and what is no number.

use sector_charts::dataset::simple::{convention, read_number, LocalNumber};

fn value(text: &str, lang: &str) -> f64 {
    match read_number(text, lang) {
        Ok(LocalNumber { value, .. }) => value,
        Err(problem) => panic!("{text:?} in {lang}: {}", problem.message),
    }
}

fn refused(text: &str, lang: &str) -> String {
    match read_number(text, lang) {
        Ok(number) => panic!("{text:?} in {lang} was read as {number:?}"),
        Err(problem) => problem.message,
    }
}

#[test]
fn french_groups_with_spaces_of_any_width_and_a_decimal_comma() {
    for lang in ["fr", "fr-FR", "fr-CA", "ru", "pl", "sv"] {
        assert_eq!(value("1 234,5", lang), 1234.5, "{lang}");
        assert_eq!(value("1\u{a0}234,5", lang), 1234.5, "{lang}");
        assert_eq!(
            value("1\u{202f}234\u{202f}567,25", lang),
            1_234_567.25,
            "{lang}"
        );
        assert_eq!(value("0,5", lang), 0.5, "{lang}");
        assert_eq!(value("1234", lang), 1234.0, "{lang}");
        let message = refused("1.5", lang);
        assert!(message.contains("uses \".\" where numbers in"), "{message}");
        assert!(message.contains("1 234,5"), "{message}");
    }
}

#[test]
fn german_spanish_italian_portuguese_dutch_group_with_points() {
    for lang in ["de", "es", "it", "pt", "pt-BR", "nl", "de-AT"] {
        assert_eq!(value("1.234,5", lang), 1234.5, "{lang}");
        assert_eq!(value("1.234", lang), 1234.0, "{lang}");
        assert_eq!(value("42,5", lang), 42.5, "{lang}");
        assert_eq!(value("1 234,5", lang), 1234.5, "{lang}");
        let message = refused("1.5", lang);
        assert!(
            message.contains("thousands separator \".\" out of place"),
            "{message}"
        );
        assert!(message.contains("with \",\" for decimals"), "{message}");
        let message = refused("1,234.5", lang);
        assert!(message.contains("1.234,5"), "{message}");
    }
}

#[test]
fn english_chinese_japanese_group_with_commas() {
    for lang in ["en", "en-GB", "ja", "zh", "zh-Hant-TW", "es-MX", "es-419"] {
        assert_eq!(value("1,234.5", lang), 1234.5, "{lang}");
        assert_eq!(value("1,234", lang), 1234.0, "{lang}");
        assert_eq!(value("1.234", lang), 1.234, "{lang}");
        assert_eq!(value("12,345,678", lang), 12_345_678.0, "{lang}");
        let message = refused("1,5", lang);
        assert!(
            message.contains("thousands separator \",\" out of place"),
            "{message}"
        );
        assert!(message.contains("with \".\" for decimals"), "{message}");
    }
}

#[test]
fn swiss_german_and_italian_group_with_apostrophes() {
    for lang in ["de-CH", "it-CH", "de-LI"] {
        assert_eq!(value("1’234.5", lang), 1234.5, "{lang}");
        assert_eq!(value("1'234'567", lang), 1_234_567.0, "{lang}");
        assert!(refused("1.234,5", lang).contains("1’234.5"));
    }
}

#[test]
fn percentages_signs_and_full_width_digits() {
    assert_eq!(
        read_number("45 %", "fr"),
        Ok(LocalNumber {
            value: 45.0,
            percent: true
        })
    );
    assert_eq!(
        read_number("45%", "en"),
        Ok(LocalNumber {
            value: 45.0,
            percent: true
        })
    );
    assert_eq!(read_number("12,5\u{a0}%", "de").map(|n| n.value), Ok(12.5));
    assert_eq!(
        read_number("４５％", "ja"),
        Ok(LocalNumber {
            value: 45.0,
            percent: true
        })
    );
    assert_eq!(
        read_number("45", "en"),
        Ok(LocalNumber {
            value: 45.0,
            percent: false
        })
    );
    assert_eq!(value("+3", "en"), 3.0);
    assert_eq!(value("-3", "en"), -3.0);
    assert_eq!(value("\u{2212}3,5", "fr"), -3.5);
    assert_eq!(value("  7  ", "en"), 7.0);
    assert_eq!(value(".5", "en"), 0.5);
    assert_eq!(value(",5", "de"), 0.5);
}

#[test]
fn groups_must_be_three_digits_after_at_most_three() {
    for (text, lang) in [
        ("1,23,456", "en"),
        ("1234,567", "en"),
        ("12 34", "fr"),
        ("1.234 567", "de"),
        ("1,2345", "en"),
    ] {
        let message = refused(text, lang);
        assert!(message.contains("out of place"), "{text} {lang}: {message}");
    }
}

#[test]
fn where_no_convention_is_known_what_reads_two_ways_is_reported() {
    for lang in ["", "sw", "xx-YY", "not a tag"] {
        assert!(!convention(lang).known, "{lang}");
        for text in ["1,234", "1.234", "1,5", "12,500"] {
            let message = refused(text, lang);
            assert!(
                message.contains("could be read two ways"),
                "{text}: {message}"
            );
        }
        assert_eq!(value("1.5", lang), 1.5);
        assert_eq!(value("1,234.5", lang), 1234.5);
        assert_eq!(value("1 234", lang), 1234.0);
        assert_eq!(value("1234", lang), 1234.0);
        assert!(refused("1.234,5", lang).contains("(read as English)"));
    }
}

#[test]
fn the_table_of_conventions() {
    let expect = [
        (["en", "zh", "ja"].as_slice(), '.', "1,234.5"),
        (["de", "es", "it", "pt", "nl"].as_slice(), ',', "1.234,5"),
        (["fr", "ru", "pl", "sv"].as_slice(), ',', "1 234,5"),
    ];
    for (langs, decimal, example) in expect {
        for lang in langs {
            let rules = convention(lang);
            assert!(rules.known, "{lang}");
            assert_eq!((rules.decimal, rules.example), (decimal, example), "{lang}");
        }
    }
}

#[test]
fn what_is_no_number_says_so() {
    for text in [
        "abc", "", "1e5", "1..2", "1,,2", "--1", "1-", "1.", ".", "%", "0x10", "½", "١٢",
    ] {
        let problem = match read_number(text, "en") {
            Ok(number) => panic!("{text:?} read as {number:?}"),
            Err(problem) => problem,
        };
        assert!(problem.not_numeric, "{text:?}");
        assert!(
            problem.message.contains("is not a number"),
            "{}",
            problem.message
        );
    }
    let message = refused("€12", "en");
    assert!(
        message.contains("write units and currencies in the column's heading"),
        "{message}"
    );
    assert!(read_number("1.5", "fr").is_err_and(|problem| !problem.not_numeric));
}

#[test]
fn leading_zeros_and_long_numbers() {
    assert_eq!(value("007", "en"), 7.0);
    assert_eq!(value("000,50", "fr"), 0.5);
    assert_eq!(value("0", "de"), 0.0);
    assert_eq!(value("-0", "en"), 0.0);
    assert_eq!(value("0.1", "en") + value("0,2", "fr"), 0.1 + 0.2);
    // Beyond any double: infinite, which the readers report as too large.
    assert_eq!(value(&"9".repeat(400), "en"), f64::INFINITY);
    assert_eq!(value("0,1", "fr"), 0.1);
    assert_eq!(value("999 999 999 999 999,9", "fr"), 999_999_999_999_999.9);
}
