//! Numbers as people type them in a language ("1 234,5", "1.234,5", "1,234.5", "45 %"): the
//! separators are checked against the language's convention, then serde_json's number reader
//! reads the digits. What could be read two ways is refused with a message, never guessed.

use super::locale::{convention, Convention, SPACES};
use super::words::{problem_words, ProblemWords};
use crate::i18n::{fill, Speech};

/// A number read from a cell.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LocalNumber {
    pub value: f64,
    /// True when the cell ended in `%`.
    pub percent: bool,
}

/// Why a cell is not a number: the message names the cell's text and what to write instead.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NumberProblem {
    pub message: String,
    /// True when the text has no shape of a number at all (a header cell, a word), as opposed
    /// to a number written in a way this language does not read.
    pub not_numeric: bool,
}

/// Reads `text` as a number written in language `lang` (a BCP 47 tag); problems in English.
pub fn read_number(text: &str, lang: &str) -> Result<LocalNumber, NumberProblem> {
    read_number_in(text, lang, problem_words(Speech::En))
}

/// [`read_number`] with its problems told in `words`.
pub(super) fn read_number_in(
    text: &str,
    lang: &str,
    words: &ProblemWords,
) -> Result<LocalNumber, NumberProblem> {
    let rules = convention(lang);
    let trimmed = text.trim();
    let (body, percent) = split_percent(trimmed);
    let (negative, body) = split_sign(body);
    let said = Said {
        words,
        text: trimmed,
        lang,
        rules: &rules,
    };
    let Some(parts) = split_digits(body) else {
        return Err(said.not_a_number());
    };
    let digits = normalise(&parts, &said)?;
    let magnitude = json_number(&digits);
    let value = if negative { -magnitude } else { magnitude };
    Ok(LocalNumber { value, percent })
}

/// Digits with at most one `.` between them → their value, correctly rounded by serde_json's
/// number reader (float_roundtrip), already in the .wasm for datasets: std's float parser
/// would add about 15 KB gzipped (see web/options.rs).
fn json_number(digits: &str) -> f64 {
    // JSON numbers have no leading zeros ("007"): keep one before the point.
    let trimmed = digits.trim_start_matches('0');
    let json = if trimmed.is_empty() || trimmed.starts_with('.') {
        format!("0{trimmed}")
    } else {
        trimmed.to_string()
    };
    // The text is a JSON number by construction: serde_json refuses it only when out of range.
    serde_json::from_str(&json).unwrap_or(f64::INFINITY)
}

/// The text without a trailing `%` (or full-width `％`) and the spaces before it.
fn split_percent(text: &str) -> (&str, bool) {
    match text.strip_suffix(['%', '％']) {
        Some(rest) => (rest.trim_end(), true),
        None => (text, false),
    }
}

/// A leading `+`, `-` or minus sign (U+2212) taken off; true when it was negative.
fn split_sign(text: &str) -> (bool, &str) {
    if let Some(rest) = text.strip_prefix(['-', '\u{2212}']) {
        (true, rest)
    } else {
        (false, text.strip_prefix('+').unwrap_or(text))
    }
}

/// The number's runs of digits and the single marks between them, or `None` when the text is
/// anything else (letters, two marks in a row, a mark at either end).
struct Parts {
    /// Runs of ASCII digits (full-width digits converted), in order.
    runs: Vec<String>,
    /// The mark before each run but the first.
    marks: Vec<char>,
    /// The number began with a decimal mark (`.5`).
    leading_mark: Option<char>,
}

fn split_digits(body: &str) -> Option<Parts> {
    let mut parts = Parts {
        runs: vec![String::new()],
        marks: Vec::new(),
        leading_mark: None,
    };
    for c in body.chars() {
        if let Some(digit) = ascii_digit(c) {
            parts.runs.last_mut()?.push(digit);
        } else if is_mark(c) {
            let current = parts.runs.last()?;
            if current.is_empty() {
                // Only a number's very first character may be a mark without digits before.
                if parts.leading_mark.is_some() || !parts.marks.is_empty() {
                    return None;
                }
                parts.leading_mark = Some(c);
            } else {
                parts.marks.push(c);
                parts.runs.push(String::new());
            }
        } else {
            return None;
        }
    }
    let ends_in_digit = parts.runs.last().is_some_and(|run| !run.is_empty());
    ends_in_digit.then_some(parts)
}

/// ASCII and full-width digits (Chinese and Japanese input methods type the latter).
fn ascii_digit(c: char) -> Option<char> {
    match c {
        '0'..='9' => Some(c),
        '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32),
        _ => None,
    }
}

fn is_mark(c: char) -> bool {
    matches!(c, '.' | ',' | '\'' | '’') || SPACES.contains(&c)
}

/// The digits with `.` as the only mark, once every mark is checked against the convention.
fn normalise(parts: &Parts, said: &Said) -> Result<String, NumberProblem> {
    let rules = said.rules;
    if let Some(mark) = parts.leading_mark {
        return match (mark == rules.decimal, parts.marks.is_empty()) {
            (true, true) => Ok(format!("0.{}", parts.runs.concat())),
            _ => Err(said.wrong_mark(mark)),
        };
    }
    if !rules.known {
        check_unambiguous(parts, said)?;
    }
    let Some((first, rest)) = parts.runs.split_first() else {
        return Err(said.not_a_number());
    };
    let mut digits = first.clone();
    let mut group_kind = None;
    for (i, (mark, run)) in parts.marks.iter().zip(rest).enumerate() {
        let last = i + 1 == parts.marks.len();
        if *mark == rules.decimal && last {
            digits.push('.');
        } else if is_group_mark(*mark, rules) {
            // Spaces of any width are one kind of separator; "1.234 567" mixes two kinds.
            let kind = if SPACES.contains(mark) { ' ' } else { *mark };
            let consistent = *group_kind.get_or_insert(kind) == kind;
            if !consistent || run.len() != 3 || first.len() > 3 {
                return Err(said.misplaced_group(*mark));
            }
        } else {
            return Err(said.wrong_mark(*mark));
        }
        digits.push_str(run);
    }
    Ok(digits)
}

fn is_group_mark(mark: char, rules: &Convention) -> bool {
    SPACES.contains(&mark) || rules.group.contains(&mark)
}

/// For a language without a known convention: one `.` or `,` followed by exactly three digits
/// is a thousands separator in some languages and a decimal mark in others; and a lone `,`
/// before other than three digits is a decimal comma that English would not read.
fn check_unambiguous(parts: &Parts, said: &Said) -> Result<(), NumberProblem> {
    let points: Vec<char> = parts
        .marks
        .iter()
        .copied()
        .filter(|m| matches!(m, '.' | ','))
        .collect();
    let [mark] = points.as_slice() else {
        return Ok(());
    };
    let after = parts
        .marks
        .iter()
        .position(|m| m == mark)
        .and_then(|i| parts.runs.get(i + 1));
    let three_digits = after.is_some_and(|run| run.len() == 3);
    if three_digits || *mark == ',' {
        let (text, lang, mark) = (quoted(said.text), quoted(said.lang), mark.to_string());
        let values = [("text", text.as_str()), ("lang", &lang), ("mark", &mark)];
        return Err(NumberProblem {
            message: fill(said.words.ambiguous, &values),
            not_numeric: false,
        });
    }
    Ok(())
}

/// What a problem with one cell is told with: the words, the cell and its language.
struct Said<'s> {
    words: &'s ProblemWords,
    text: &'s str,
    lang: &'s str,
    rules: &'s Convention,
}

impl Said<'_> {
    fn not_a_number(&self) -> NumberProblem {
        let hint = if self.text.chars().any(|c| c.is_ascii_digit()) {
            self.words.units_hint
        } else {
            ""
        };
        let text = quoted(self.text);
        NumberProblem {
            message: fill(self.words.not_a_number, &[("text", &text), ("hint", hint)]),
            not_numeric: true,
        }
    }

    fn wrong_mark(&self, mark: char) -> NumberProblem {
        self.mark_problem(self.words.wrong_mark, mark)
    }

    fn misplaced_group(&self, mark: char) -> NumberProblem {
        let mark = if SPACES.contains(&mark) { ' ' } else { mark };
        self.mark_problem(self.words.misplaced_group, mark)
    }

    fn mark_problem(&self, template: &str, mark: char) -> NumberProblem {
        let language = if self.rules.known {
            quoted(self.lang)
        } else {
            fill(self.words.read_as_english, &[("lang", &quoted(self.lang))])
        };
        let (text, mark) = (quoted(self.text), mark.to_string());
        let decimal = self.rules.decimal.to_string();
        let values = [
            ("text", text.as_str()),
            ("mark", &mark),
            ("language", &language),
            ("example", self.rules.example),
            ("decimal", &decimal),
        ];
        NumberProblem {
            message: fill(template, &values),
            not_numeric: false,
        }
    }
}

/// The text in double quotes, cut at 40 characters, so a message stays one line.
pub(crate) fn quoted(text: &str) -> String {
    let cut = match text.char_indices().nth(40) {
        Some((end, _)) => format!("{}…", text.get(..end).unwrap_or(text)),
        None => text.to_string(),
    };
    format!("\"{}\"", cut.replace(['\n', '\r', '\t'], " "))
}
