//! Number formatting: every unit and qualifier in both languages, magnitude steps and their
//! rounding edges, shares, grouping, and non-finite input.

use sector_charts::dataset::{Lang, Qualifier, Text, Unit};
use sector_charts::format::{local_value_text, plain_number, share_text, value_text};
use sector_charts::format::{LocalNumbers, PlainNumbers};

fn zh(value: f64, unit: Unit, counter: Option<&Text>, qualifier: Option<Qualifier>) -> String {
    value_text(value, unit, counter, qualifier, Lang::Zh)
}

fn en(value: f64, unit: Unit, counter: Option<&Text>, qualifier: Option<Qualifier>) -> String {
    value_text(value, unit, counter, qualifier, Lang::En)
}

fn counter(zh: &str, en: &str) -> Text {
    Text::new(zh, en)
}

#[test]
fn yuan_in_both_languages() {
    assert_eq!(zh(166_000_000.0, Unit::Yuan, None, None), "1.66亿元");
    assert_eq!(
        en(166_000_000.0, Unit::Yuan, None, None),
        "166 million yuan"
    );
    assert_eq!(zh(45_029_000_000.0, Unit::Yuan, None, None), "450.29亿元");
    assert_eq!(
        en(45_029_000_000.0, Unit::Yuan, None, None),
        "45.029 billion yuan"
    );
    assert_eq!(zh(1_220_000_000.0, Unit::Yuan, None, None), "12.2亿元");
    assert_eq!(
        en(1_220_000_000.0, Unit::Yuan, None, None),
        "1.22 billion yuan"
    );
    assert_eq!(zh(500.0, Unit::Yuan, None, None), "500元");
    assert_eq!(en(500.0, Unit::Yuan, None, None), "500 yuan");
}

#[test]
fn over_qualifier_in_both_languages() {
    let over = Some(Qualifier::Over);
    assert_eq!(zh(20_000_000_000.0, Unit::Yuan, None, over), "逾200亿元");
    assert_eq!(
        en(20_000_000_000.0, Unit::Yuan, None, over),
        "over 20 billion yuan"
    );
    let jia = counter("家", "enterprises");
    assert_eq!(zh(700.0, Unit::Count, Some(&jia), over), "逾700家");
    assert_eq!(
        en(700.0, Unit::Count, Some(&jia), over),
        "over 700 enterprises"
    );
    assert_eq!(zh(3.0, Unit::Day, None, over), "逾3天");
    assert_eq!(en(3.0, Unit::Day, None, over), "over 3 days");
}

#[test]
fn more_than_qualifier_in_both_languages() {
    let more = Some(Qualifier::MoreThan);
    let jia = counter("家", "enterprises");
    assert_eq!(zh(700.0, Unit::Count, Some(&jia), more), "700余家");
    assert_eq!(
        en(700.0, Unit::Count, Some(&jia), more),
        "more than 700 enterprises"
    );
    assert_eq!(zh(20_000.0, Unit::Yuan, None, more), "2万余元");
    assert_eq!(
        en(20_000.0, Unit::Yuan, None, more),
        "more than 20 thousand yuan"
    );
}

#[test]
fn counts_with_counters() {
    let hu = counter("户", "market entities");
    assert_eq!(zh(207_100.0, Unit::Count, Some(&hu), None), "20.71万户");
    assert_eq!(
        en(207_100.0, Unit::Count, Some(&hu), None),
        "207.1 thousand market entities"
    );
    assert_eq!(zh(2_562_000.0, Unit::Count, Some(&hu), None), "256.2万户");
    assert_eq!(
        en(2_562_000.0, Unit::Count, Some(&hu), None),
        "2.562 million market entities"
    );
    let xiang = counter("项", "patents");
    assert_eq!(zh(7335.0, Unit::Count, Some(&xiang), None), "7335项");
    assert_eq!(en(7335.0, Unit::Count, Some(&xiang), None), "7,335 patents");
    assert_eq!(zh(608.0, Unit::Count, Some(&xiang), None), "608项");
}

#[test]
fn counts_without_counter_have_no_trailing_space() {
    assert_eq!(zh(5.0, Unit::Count, None, None), "5");
    assert_eq!(en(5.0, Unit::Count, None, None), "5");
    assert_eq!(en(50_000.0, Unit::Count, None, None), "50 thousand");
    assert_eq!(
        en(5.0, Unit::Count, None, Some(Qualifier::MoreThan)),
        "more than 5"
    );
}

#[test]
fn percent_in_both_languages() {
    assert_eq!(zh(73.5, Unit::Percent, None, None), "73.5%");
    assert_eq!(en(73.5, Unit::Percent, None, None), "73.5%");
    assert_eq!(zh(8.79, Unit::Percent, None, None), "8.79%");
    assert_eq!(zh(100.0, Unit::Percent, None, None), "100%");
    assert_eq!(
        zh(73.5, Unit::Percent, None, Some(Qualifier::Over)),
        "逾73.5%"
    );
    assert_eq!(
        en(73.5, Unit::Percent, None, Some(Qualifier::Over)),
        "over 73.5%"
    );
    assert_eq!(
        zh(73.5, Unit::Percent, None, Some(Qualifier::MoreThan)),
        "73.5%以上"
    );
    assert_eq!(
        en(73.5, Unit::Percent, None, Some(Qualifier::MoreThan)),
        "more than 73.5%"
    );
    // Percentages are never scaled to 万.
    assert_eq!(zh(12_345.0, Unit::Percent, None, None), "12345%");
    assert_eq!(en(12_345.0, Unit::Percent, None, None), "12,345%");
}

#[test]
fn days_singular_and_plural() {
    assert_eq!(zh(3.0, Unit::Day, None, None), "3天");
    assert_eq!(en(3.0, Unit::Day, None, None), "3 days");
    assert_eq!(zh(1.0, Unit::Day, None, None), "1天");
    assert_eq!(en(1.0, Unit::Day, None, None), "1 day");
    assert_eq!(en(0.5, Unit::Day, None, None), "0.5 days");
}

#[test]
fn person_times() {
    assert_eq!(zh(10_000_000.0, Unit::PersonTime, None, None), "1000万人次");
    assert_eq!(
        en(10_000_000.0, Unit::PersonTime, None, None),
        "10 million visits"
    );
    assert_eq!(en(1.0, Unit::PersonTime, None, None), "1 visit");
    assert_eq!(zh(1.0, Unit::PersonTime, None, None), "1人次");
}

#[test]
fn metres() {
    assert_eq!(zh(10_000.0, Unit::Metre, None, None), "1万米");
    assert_eq!(en(10_000.0, Unit::Metre, None, None), "10 thousand metres");
    assert_eq!(en(1.0, Unit::Metre, None, None), "1 metre");
    assert_eq!(zh(8_848.86, Unit::Metre, None, None), "8848.86米");
    assert_eq!(en(8_848.86, Unit::Metre, None, None), "8,848.86 metres");
}

#[test]
fn every_unit_and_qualifier_gives_clean_text() {
    let c = counter("个", "items");
    for unit in Unit::ALL {
        for qualifier in [None, Some(Qualifier::Over), Some(Qualifier::MoreThan)] {
            for lang in Lang::ALL {
                for value in [0.0, 1.0, 2.5, 9_999.0, 10_000.0, 123_456_789.0] {
                    let text = value_text(value, unit, Some(&c), qualifier, lang);
                    assert!(!text.is_empty(), "{unit:?} {qualifier:?} {lang:?} {value}");
                    assert_eq!(text, text.trim(), "stray whitespace in {text:?}");
                    assert!(!text.contains("  "), "double space in {text:?}");
                    assert!(
                        text.chars().any(|ch| ch.is_ascii_digit()),
                        "no digits in {text:?}"
                    );
                    match (qualifier, lang) {
                        (Some(Qualifier::Over), Lang::Zh) => assert!(text.starts_with('逾')),
                        (Some(Qualifier::Over), Lang::En) => assert!(text.starts_with("over ")),
                        (Some(Qualifier::MoreThan), Lang::Zh) => {
                            assert!(text.contains('余') || text.ends_with("以上"), "{text}")
                        }
                        (Some(Qualifier::MoreThan), Lang::En) => {
                            assert!(text.starts_with("more than "))
                        }
                        (None, _) => assert!(text.starts_with(|ch: char| ch.is_ascii_digit())),
                    }
                }
            }
        }
    }
}

#[test]
fn chinese_magnitude_boundaries() {
    assert_eq!(zh(9_999.0, Unit::Yuan, None, None), "9999元");
    assert_eq!(zh(10_000.0, Unit::Yuan, None, None), "1万元");
    assert_eq!(zh(100_000_000.0, Unit::Yuan, None, None), "1亿元");
    assert_eq!(zh(1e15 - 1.0, Unit::Yuan, None, None), "10000000亿元");
}

#[test]
fn english_magnitude_boundaries() {
    assert_eq!(en(9_999.0, Unit::Yuan, None, None), "9,999 yuan");
    assert_eq!(en(10_000.0, Unit::Yuan, None, None), "10 thousand yuan");
    assert_eq!(en(1_000_000.0, Unit::Yuan, None, None), "1 million yuan");
    assert_eq!(
        en(100_000_000.0, Unit::Yuan, None, None),
        "100 million yuan"
    );
    assert_eq!(en(99_999_999.0, Unit::Yuan, None, None), "100 million yuan");
    assert_eq!(en(1e9, Unit::Yuan, None, None), "1 billion yuan");
}

/// Rounding must not leave a number that belongs to the next magnitude step: 99,999,999 is
/// 0.99999999亿, which reads "1亿", not "10000万".
#[test]
fn magnitude_rolls_over_when_rounding_reaches_the_next_step() {
    let cases = [
        (zh(99_999_999.0, Unit::Yuan, None, None), "1亿元"),
        (zh(9_999.999, Unit::Yuan, None, None), "1万元"),
        (en(999_999.0, Unit::Yuan, None, None), "1 million yuan"),
        (en(999_999_999.9, Unit::Yuan, None, None), "1 billion yuan"),
    ];
    let wrong: Vec<String> = cases
        .iter()
        .filter(|(got, want)| got != want)
        .map(|(got, want)| format!("got {got:?}, want {want:?}"))
        .collect();
    assert!(wrong.is_empty(), "{wrong:#?}");
}

/// English numbers of four or more digits carry thousands separators, also before a magnitude
/// word (the convention `plain_number` documents for English).
#[test]
fn english_large_multiples_of_billion_are_grouped() {
    assert_eq!(
        en(1e15 - 1.0, Unit::Yuan, None, None),
        "1,000,000 billion yuan"
    );
    assert_eq!(en(2.5e12, Unit::Yuan, None, None), "2,500 billion yuan");
}

/// Reading the text back gives the value within the rounding of the shown decimals.
#[test]
fn scaled_text_reads_back_close_to_the_value() {
    let values = [
        1.0,
        12.0,
        999.0,
        9_999.0,
        10_000.0,
        12_345.0,
        207_100.0,
        2_562_000.0,
        10_000_000.0,
        166_000_000.0,
        1_220_000_000.0,
        45_029_000_000.0,
        123_456_789_012.0,
        1e15 - 1.0,
    ];
    for value in values {
        let z = zh(value, Unit::Yuan, None, None);
        let body = z.strip_suffix('元').expect("ends with 元");
        let (number, factor) = if let Some(n) = body.strip_suffix('亿') {
            (n, 1e8)
        } else if let Some(n) = body.strip_suffix('万') {
            (n, 1e4)
        } else {
            (body, 1.0)
        };
        let back: f64 = number.parse().expect("a plain number");
        assert!(
            ((back * factor) - value).abs() <= 0.005 * factor + 1e-9,
            "{value} -> {z}"
        );

        let e = en(value, Unit::Yuan, None, None);
        let body = e.strip_suffix(" yuan").expect("ends with yuan");
        let (number, factor) = if let Some(n) = body.strip_suffix(" billion") {
            (n, 1e9)
        } else if let Some(n) = body.strip_suffix(" million") {
            (n, 1e6)
        } else if let Some(n) = body.strip_suffix(" thousand") {
            (n, 1e3)
        } else {
            (body, 1.0)
        };
        let back: f64 = number.replace(',', "").parse().expect("a number");
        assert!(
            ((back * factor) - value).abs() <= 0.005 * factor + 1e-9,
            "{value} -> {e}"
        );
    }
}

#[test]
fn share_text_edges() {
    assert_eq!(share_text(0.0), "0%");
    assert_eq!(share_text(-0.2), "0%");
    assert_eq!(share_text(0.000_001), "<0.1%");
    assert_eq!(share_text(0.0005), "<0.1%");
    assert_eq!(share_text(0.000_99), "<0.1%");
    assert_eq!(share_text(0.001), "0.1%");
    assert_eq!(share_text(0.274), "27.4%");
    assert_eq!(share_text(0.5), "50%");
    assert_eq!(share_text(0.239_127), "23.9%");
    assert_eq!(share_text(1.0), "100%");
    assert_eq!(share_text(0.999_99), "100%");
}

#[test]
fn share_text_is_safe_for_non_finite() {
    assert_eq!(share_text(f64::NAN), "0%");
    assert_eq!(share_text(f64::INFINITY), "0%");
    assert_eq!(share_text(f64::NEG_INFINITY), "0%");
}

#[test]
fn plain_number_grouping_and_decimals() {
    assert_eq!(plain_number(1_234_567.891, 2, true), "1,234,567.89");
    assert_eq!(plain_number(1_234_567.891, 2, false), "1234567.89");
    assert_eq!(plain_number(1_234_567.891, 0, true), "1,234,568");
    assert_eq!(plain_number(7335.0, 0, true), "7,335");
    assert_eq!(plain_number(1.50, 2, false), "1.5");
    assert_eq!(plain_number(2.0, 3, true), "2");
    assert_eq!(plain_number(100.0, 2, true), "100");
    assert_eq!(plain_number(1000.0, 2, true), "1,000");
    assert_eq!(plain_number(999.999, 2, true), "1,000");
    assert_eq!(plain_number(123.0, 0, true), "123");
    assert_eq!(plain_number(123_456.0, 0, true), "123,456");
    assert_eq!(plain_number(0.0, 2, true), "0");
    assert_eq!(plain_number(0.05, 1, false), "0.1");
    assert_eq!(plain_number(-1_234.5, 1, true), "-1,234.5");
    assert_eq!(plain_number(-999.0, 0, true), "-999");
    assert_eq!(plain_number(1e15 - 1.0, 0, true), "999,999,999,999,999");
}

#[test]
fn plain_number_never_shows_negative_zero() {
    assert_eq!(plain_number(-0.0, 2, false), "0");
    assert_eq!(plain_number(-0.001, 2, true), "0");
}

#[test]
fn non_finite_values_are_safe() {
    for value in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
        assert_eq!(plain_number(value, 2, true), "0");
        assert_eq!(plain_number(value, 0, false), "0");
        for unit in Unit::ALL {
            for lang in Lang::ALL {
                let text = value_text(value, unit, None, Some(Qualifier::Over), lang);
                let lower = text.to_lowercase();
                assert!(!lower.contains("nan"), "{value} {unit:?} -> {text}");
                assert!(!lower.contains("inf"), "{value} {unit:?} -> {text}");
                assert!(!text.is_empty());
            }
        }
    }
}

/// Shows which of the locale's writers a value went to.
struct Marked;

impl LocalNumbers for Marked {
    fn number(&self, value: f64) -> String {
        format!("number({value})")
    }
    fn compact(&self, value: f64) -> String {
        format!("words({value})")
    }
    fn percent(&self, ratio: f64) -> String {
        format!("percent({ratio})")
    }
}

#[test]
fn an_editors_values_take_the_locales_words_where_the_report_takes_wan_and_thousand() {
    // The report switches at 10,000: 1万 and "10 thousand".
    assert_eq!(zh(10_000.0, Unit::Count, None, None), "1万");
    assert_eq!(en(10_000.0, Unit::Count, None, None), "10 thousand");
    assert_eq!(en(9_999.0, Unit::Count, None, None), "9,999");
    assert_eq!(local_value_text(9_999.99, None, &Marked), "number(9999.99)");
    assert_eq!(local_value_text(10_000.0, None, &Marked), "words(10000)");
    // What is written as 10,000 once rounded to two decimals is written in words.
    assert_eq!(
        local_value_text(9_999.996, None, &Marked),
        "words(9999.996)"
    );
    assert_eq!(
        local_value_text(1_200_000.0, Some("€"), &Marked),
        "words(1200000) €"
    );
    // A percentage stays a percentage, however large.
    assert_eq!(
        local_value_text(45_000.0, Some("%"), &Marked),
        "percent(450)"
    );
}

#[test]
fn natively_the_plain_stand_in_writes_the_reports_english_words() {
    let plain = |value: f64| local_value_text(value, None, &PlainNumbers);
    assert_eq!(plain(9_999.5), "9,999.5");
    assert_eq!(plain(12_345.0), "12.35 thousand");
    assert_eq!(plain(1_234_567.0), "1.235 million");
    assert_eq!(plain(45_029_000_000.0), "45.029 billion");
    assert_eq!(plain(999_999.0), "1 million");
    assert_eq!(
        local_value_text(1_200_000.0, Some("€"), &PlainNumbers),
        "1.2 million €"
    );
    assert_eq!(local_value_text(45.0, Some("%"), &PlainNumbers), "45%");
}
