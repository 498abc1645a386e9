//! Numbers for people, per language: the report's Chinese with 万 / 亿 and English with thousand /
//! million / billion; an editor's chart in any locale through [`LocalNumbers`].

use crate::dataset::kinds::{Lang, Text};
use crate::dataset::types::{Indicator, Qualifier, Unit};

/// A number with at most `decimals` decimals, trailing zeros removed, and (in English) thousands
/// separators: `7335 -> "7,335"`, `1.50 -> "1.5"`.
pub fn plain_number(value: f64, decimals: usize, group: bool) -> String {
    let text = fixed(value, decimals);
    let text = if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        text
    };
    // A tiny negative rounds to "-0": no one means that.
    let text = if text == "-0" { "0".to_string() } else { text };
    if !group {
        return text;
    }
    let (int_part, frac_part) = match text.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (text.as_str(), None),
    };
    let (sign, digits) = match int_part.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", int_part),
    };
    let mut grouped = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    match frac_part {
        Some(frac) => format!("{sign}{grouped}.{frac}"),
        None => format!("{sign}{grouped}"),
    }
}

/// `value` with exactly `decimals` decimals, rounded half away from zero as people round
/// (`format!` alone rounds an exact tie such as 0.125 to even).
fn fixed(value: f64, decimals: usize) -> String {
    let value = if value.is_finite() { value } else { 0.0 };
    let decimals = decimals.min(9);
    let factor = 10f64.powi(decimals as i32);
    // The fraction rounded on its own: scaling the whole value would round a large one once
    // more, onto a tie it does not have.
    let whole = value.trunc();
    let rounded = whole + ((value - whole) * factor).round() / factor;
    // What rounds to zero has no sign: "0.00", not "-0.00".
    let rounded = if rounded == 0.0 { 0.0 } else { rounded };
    format!("{rounded:.decimals$}")
}

/// One step of a language's number words: from `threshold` on, numbers are shown divided by
/// `divisor` with `decimals` decimals and followed by `word`.
struct Step {
    threshold: f64,
    divisor: f64,
    decimals: usize,
    word: &'static str,
}

const ZH_STEPS: [Step; 3] = [
    Step {
        threshold: 1e8,
        divisor: 1e8,
        decimals: 2,
        word: "亿",
    },
    Step {
        threshold: 1e4,
        divisor: 1e4,
        decimals: 2,
        word: "万",
    },
    Step {
        threshold: 0.0,
        divisor: 1.0,
        decimals: 2,
        word: "",
    },
];

const EN_STEPS: [Step; 4] = [
    Step {
        threshold: 1e9,
        divisor: 1e9,
        decimals: 3,
        word: " billion",
    },
    Step {
        threshold: 1e6,
        divisor: 1e6,
        decimals: 3,
        word: " million",
    },
    Step {
        threshold: 1e4,
        divisor: 1e3,
        decimals: 2,
        word: " thousand",
    },
    Step {
        threshold: 0.0,
        divisor: 1.0,
        decimals: 2,
        word: "",
    },
];

fn round_to(value: f64, decimals: usize) -> f64 {
    let factor = 10f64.powi(decimals as i32);
    (value * factor).round() / factor
}

/// `(number, magnitude word)` in the language's own steps. The step is chosen after rounding,
/// so 99,999,999 is "1亿", not "10000万".
fn scaled(value: f64, lang: Lang) -> (String, &'static str) {
    let (steps, group): (&[Step], bool) = match lang {
        Lang::Zh => (&ZH_STEPS, false),
        Lang::En => (&EN_STEPS, true),
    };
    let mut chosen = steps
        .iter()
        .position(|step| value >= step.threshold)
        .unwrap_or(steps.len().saturating_sub(1));
    while chosen > 0 {
        let (Some(step), Some(larger)) = (steps.get(chosen), steps.get(chosen - 1)) else {
            break;
        };
        if round_to(value / step.divisor, step.decimals) * step.divisor >= larger.threshold {
            chosen -= 1;
        } else {
            break;
        }
    }
    match steps.get(chosen) {
        Some(step) => (
            plain_number(value / step.divisor, step.decimals, group),
            step.word,
        ),
        None => (plain_number(value, 2, group), ""),
    }
}

fn english_unit(unit: Unit, value: f64, counter: Option<&Text>) -> &str {
    let one = (value - 1.0).abs() < f64::EPSILON;
    match unit {
        Unit::Count => counter.map_or("", |c| &*c.en),
        Unit::Yuan => "yuan",
        Unit::Percent => "",
        Unit::Day => {
            if one {
                "day"
            } else {
                "days"
            }
        }
        Unit::Metre => {
            if one {
                "metre"
            } else {
                "metres"
            }
        }
        Unit::PersonTime => {
            if one {
                "visit"
            } else {
                "visits"
            }
        }
    }
}

fn chinese_unit(unit: Unit, counter: Option<&Text>) -> &str {
    match unit {
        Unit::Count => counter.map_or("", |c| &*c.zh),
        Unit::Yuan => "元",
        Unit::Percent => "",
        Unit::Day => "天",
        Unit::Metre => "米",
        Unit::PersonTime => "人次",
    }
}

/// A value with its unit and qualifier: `"1.66亿元"`, `"逾200亿元"`, `"700余家"`,
/// `"166 million yuan"`, `"over 20 billion yuan"`, `"73.5%"`.
pub fn value_text(
    value: f64,
    unit: Unit,
    counter: Option<&Text>,
    qualifier: Option<Qualifier>,
    lang: Lang,
) -> String {
    if unit == Unit::Percent {
        let number = plain_number(value, 2, lang == Lang::En);
        return match (qualifier, lang) {
            (Some(Qualifier::Over), Lang::Zh) => format!("逾{number}%"),
            (Some(Qualifier::MoreThan), Lang::Zh) => format!("{number}%以上"),
            (Some(Qualifier::Over), Lang::En) => format!("over {number}%"),
            (Some(Qualifier::MoreThan), Lang::En) => format!("more than {number}%"),
            (None, _) => format!("{number}%"),
        };
    }
    let (number, magnitude) = scaled(value, lang);
    match lang {
        Lang::Zh => {
            let unit_word = chinese_unit(unit, counter);
            match qualifier {
                Some(Qualifier::Over) => format!("逾{number}{magnitude}{unit_word}"),
                Some(Qualifier::MoreThan) => format!("{number}{magnitude}余{unit_word}"),
                None => format!("{number}{magnitude}{unit_word}"),
            }
        }
        Lang::En => {
            let unit_word = english_unit(unit, value, counter);
            let prefix = match qualifier {
                Some(Qualifier::Over) => "over ",
                Some(Qualifier::MoreThan) => "more than ",
                None => "",
            };
            let space = if unit_word.is_empty() { "" } else { " " };
            format!("{prefix}{number}{magnitude}{space}{unit_word}")
        }
    }
}

/// A share of the visible total: `"27.4%"`, `"<0.1%"` for tiny non-zero shares.
pub fn share_text(share: f64) -> String {
    if !share.is_finite() || share <= 0.0 {
        return "0%".into();
    }
    let percent = share * 100.0;
    if percent < 0.1 {
        "<0.1%".into()
    } else {
        format!("{}%", plain_number(percent, 1, false))
    }
}

/// A value with its share, as a slice's label and tooltip give them: `"1.66 亿元 · 27.4%"`.
pub fn value_and_share(value: &str, share: &str) -> String {
    format!("{value} · {share}")
}

/// Numbers and percentages in a reader's locale. The browser supplies one backed by
/// `Intl.NumberFormat` (web/locale.rs); natively [`PlainNumbers`] stands in.
pub trait LocalNumbers {
    /// A value with at most two decimals: `1234.5` → "1 234,5" in French.
    fn number(&self, value: f64) -> String;
    /// A large value in the locale's words for it, with at most two decimals:
    /// `1_234_567` → "1,23 million" in French, "123.46万" in Japanese.
    fn compact(&self, value: f64) -> String;
    /// A ratio as a percentage with at most one decimal: `0.45` → "45 %" in French.
    fn percent(&self, ratio: f64) -> String;
}

/// Digits grouped by commas, a decimal point, "45%": the native stand-in for `Intl`.
#[derive(Clone, Copy, Debug, Default)]
pub struct PlainNumbers;

impl LocalNumbers for PlainNumbers {
    fn number(&self, value: f64) -> String {
        plain_number(value, 2, true)
    }
    /// The report's English words: "12.35 thousand", "1.235 million".
    fn compact(&self, value: f64) -> String {
        let (number, word) = scaled(value, Lang::En);
        format!("{number}{word}")
    }
    fn percent(&self, ratio: f64) -> String {
        format!("{}%", plain_number(ratio * 100.0, 1, false))
    }
}

/// From this value on (once rounded), an editor's values are written with the locale's words
/// for large numbers, where the report's style switches to 万 and to "thousand".
pub const WORDS_FROM: f64 = 1e4;

/// A simple chart's value: the number in the locale (in its words from [`WORDS_FROM`] on), then
/// the editor's unit; a unit of `%` writes the value as a percentage ("45 %" in French).
pub fn local_value_text(value: f64, unit: Option<&str>, numbers: &dyn LocalNumbers) -> String {
    let number = || {
        if round_to(value.abs(), 2) >= WORDS_FROM {
            numbers.compact(value)
        } else {
            numbers.number(value)
        }
    };
    match unit.map(str::trim) {
        Some("%") => numbers.percent(value / 100.0),
        Some(unit) if !unit.is_empty() => format!("{} {unit}", number()),
        _ => number(),
    }
}

/// A share of the visible total in the locale; "<0.1%" (in the locale) for tiny ones.
pub fn local_share_text(share: f64, numbers: &dyn LocalNumbers) -> String {
    if !share.is_finite() || share <= 0.0 {
        return numbers.percent(0.0);
    }
    if share < 0.001 {
        format!("<{}", numbers.percent(0.001))
    } else {
        numbers.percent(share)
    }
}

/// How a derived slice was computed, in both languages: "7,335 valid patents minus 1,754
/// invention patents".
pub fn derivation_text(whole: Option<&Indicator>, minus: &[&Indicator], value: f64) -> Text {
    let describe = |indicator: &Indicator, lang: Lang| {
        format!(
            "{} ({})",
            indicator.label.get(lang),
            value_text(
                indicator.value,
                indicator.unit,
                indicator.counter.as_ref(),
                indicator.qualifier,
                lang
            )
        )
    };
    let unit = minus.first().map_or(Unit::Count, |part| part.unit);
    let counter = whole.and_then(|w| w.counter.as_ref());
    let one = |lang: Lang| {
        let whole_text = whole.map_or_else(|| "100%".to_string(), |w| describe(w, lang));
        let parts: Vec<String> = minus.iter().map(|part| describe(part, lang)).collect();
        let result = value_text(value, unit, counter, None, lang);
        match lang {
            Lang::Zh => format!("推算：{whole_text} 减 {} = {result}", parts.join(" 减 ")),
            Lang::En => format!(
                "Derived: {whole_text} minus {} = {result}",
                parts.join(" minus ")
            ),
        }
    };
    Text::new(one(Lang::Zh), one(Lang::En))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_uses_wan_and_yi() {
        let hu = Text::new("户", "enterprises");
        assert_eq!(
            value_text(166_000_000.0, Unit::Yuan, None, None, Lang::Zh),
            "1.66亿元"
        );
        assert_eq!(
            value_text(207_100.0, Unit::Count, Some(&hu), None, Lang::Zh),
            "20.71万户"
        );
        assert_eq!(
            value_text(608.0, Unit::Count, Some(&hu), None, Lang::Zh),
            "608户"
        );
    }

    #[test]
    fn english_uses_thousand_million_billion() {
        assert_eq!(
            value_text(166_000_000.0, Unit::Yuan, None, None, Lang::En),
            "166 million yuan"
        );
        assert_eq!(
            value_text(45_029_000_000.0, Unit::Yuan, None, None, Lang::En),
            "45.029 billion yuan"
        );
        assert_eq!(plain_number(7335.0, 0, true), "7,335");
    }

    /// `fixed` agrees with Rust's exact printer, except exactly on a tie (0.125 to two
    /// decimals), where it rounds away from zero as people do.
    #[test]
    fn fixed_matches_the_exact_printer_away_from_ties() {
        let mut state: u64 = 12345;
        for i in 0..20_000 {
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            let magnitude = 10f64.powi((state >> 60) as i32 - 3);
            let value = (state >> 11) as f64 / (1u64 << 53) as f64 * magnitude;
            let value = if i % 3 == 0 { -value } else { value };
            let decimals = (state % 5) as usize;
            let scaled = value.abs().fract() * 10f64.powi(decimals as i32);
            if (scaled.fract() - 0.5).abs() < 1e-6 {
                continue;
            }
            let exact = format!("{value:.decimals$}");
            let exact = if exact.trim_start_matches(['-', '0', '.']).is_empty() {
                exact.trim_start_matches('-').to_string()
            } else {
                exact
            };
            assert_eq!(fixed(value, decimals), exact, "{value} to {decimals}");
        }
        assert_eq!(fixed(0.125, 2), "0.13");
        assert_eq!(fixed(-0.001, 2), "0.00");
        assert_eq!(fixed(f64::NAN, 1), "0.0");
        assert_eq!(fixed(1e19, 2), "10000000000000000000.00");
        assert_eq!(fixed(0.9996, 3), "1.000");
    }
}
