//! Label wrapping: CJK and Latin break rules, limits, the approximate measure.

use sector_charts::layout::{wrap_limited, wrap_text, ApproxMeasure, TextMeasure};

use crate::common::*;

fn wrap(text: &str, ems: f64) -> Vec<String> {
    wrap_text(text, ems * 10.0, 10.0, &ApproxMeasure)
}

#[test]
fn wrap_cjk_breaks_anywhere() {
    // The last character is not left alone: the line before gives it one more.
    assert_eq!(
        wrap("吉林省质量发展报告", 4.0),
        vec!["吉林省质", "量发展", "报告"]
    );
    assert_eq!(wrap("吉林省质量发展报告", 9.0), vec!["吉林省质量发展报告"]);
    // Mixed scripts: breaks between CJK and Latin, not inside the Latin word.
    assert_eq!(wrap("GDP增长率GDP", 3.0), vec!["GDP增", "长率", "GDP"]);
    assert_eq!(wrap("增长率GDP", 3.0), vec!["增长率", "GDP"]);
}

#[test]
fn wrap_leaves_no_cjk_character_alone_on_the_last_line() {
    // Greedy filling would give "服务业质" / "量".
    assert_eq!(wrap("服务业质量", 4.0), vec!["服务业", "质量"]);
    // A line that already breaks well is kept: no word is split to even the lines out.
    assert_eq!(wrap("公共服务质量", 4.0), vec!["公共服务", "质量"]);
    // Not when the line before would be left with one token, nor across a newline.
    assert_eq!(wrap("质量发", 2.0), vec!["质量", "发"]);
    assert_eq!(wrap("服务业质\n量", 4.0), vec!["服务业质", "量"]);
    // A Latin word alone on the last line is ordinary.
    assert_eq!(
        wrap_text("the quick brown fox", 50.0, 10.0, &ApproxMeasure)[1],
        "brown fox"
    );
}

#[test]
fn wrap_punctuation_rules() {
    let text = "质量，发展。品牌、标准（试行）「示范」“创新”";
    for ems in [1.0, 2.0, 3.0, 4.0, 5.0] {
        let lines = wrap(text, ems);
        assert_eq!(lines.concat(), text, "nothing lost at {ems} em");
        for (i, line) in lines.iter().enumerate() {
            let first = line.chars().next();
            assert!(
                !matches!(first, Some('，' | '。' | '、' | '）' | '」' | '”')),
                "line {i} starts with closing punctuation at {ems} em: {lines:?}"
            );
            let last = line.chars().last();
            assert!(
                !matches!(last, Some('（' | '「' | '“')),
                "line {i} ends with opening punctuation at {ems} em: {lines:?}"
            );
        }
    }
    assert_eq!(wrap("质量，发展", 2.0), vec!["质", "量，", "发展"]);
}

#[test]
fn wrap_latin_at_spaces_and_keeps_long_words() {
    // "the quick" = 8 × 5.5 + 3 = 47 px.
    assert_eq!(
        wrap_text("the quick brown fox", 50.0, 10.0, &ApproxMeasure),
        vec!["the quick", "brown fox"]
    );
    assert_eq!(
        wrap_text("a supercalifragilistic word", 50.0, 10.0, &ApproxMeasure),
        vec!["a", "supercalifragilistic", "word"]
    );
    assert_eq!(wrap("  many   spaces  ", 20.0), vec!["many spaces"]);
    assert_eq!(
        wrap("line one\nline two", 20.0),
        vec!["line one", "line two"]
    );
    assert_eq!(wrap("(approx.) value", 5.0), vec!["(approx.)", "value"]);
    assert!(wrap("", 10.0).is_empty());
    assert!(wrap("   ", 10.0).is_empty());
    // A zero or NaN width still terminates: one unit per line.
    assert_eq!(wrap("ab cd", 0.0), vec!["ab", "cd"]);
    assert_eq!(
        wrap_text("ab cd", f64::NAN, 10.0, &ApproxMeasure),
        vec!["ab", "cd"]
    );
}

#[test]
fn wrap_limits_work_on_huge_text() {
    let huge = "很".repeat(1_000_000);
    let lines = wrap_text(&huge, 100.0, 10.0, &ApproxMeasure);
    let all = lines.concat();
    assert!(all.chars().count() <= 201);
    assert!(all.ends_with('…'));
    let huge_latin = "word ".repeat(200_000);
    let lines = wrap_text(&huge_latin, 100.0, 10.0, &ApproxMeasure);
    assert!(lines.concat().chars().count() <= 201);
    // Limited lines end with an ellipsis, cut at a break opportunity.
    let lines = wrap_limited(
        "alpha beta gamma delta epsilon zeta",
        60.0,
        10.0,
        &ApproxMeasure,
        2,
    );
    assert_eq!(lines.len(), 2);
    assert!(lines.last().is_some_and(|l| l.ends_with('…')));
    for line in &lines {
        let words: Vec<&str> = line.trim_end_matches('…').split(' ').collect();
        for w in words {
            assert!(["alpha", "beta", "gamma", "delta", "epsilon", "zeta"].contains(&w));
        }
        assert!(ApproxMeasure.width(line, 10.0) <= 60.0);
    }
}

#[test]
fn approx_measure_widths() {
    let m = ApproxMeasure;
    assert!((m.width("质量", 10.0) - 20.0).abs() < EPS);
    assert!((m.width("ab", 10.0) - 11.0).abs() < EPS);
    assert!((m.width("12", 10.0) - 11.2).abs() < EPS);
    assert!((m.width("，（", 10.0) - 20.0).abs() < EPS);
}
