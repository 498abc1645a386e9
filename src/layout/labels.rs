//! Text measuring, line wrapping (CJK and Latin rules) and non-overlapping placement of
//! label boxes in a vertical column.

use std::borrow::Cow;

/// Measures the advance width of a single line of text, in device pixels.
///
/// The web side implements this with `CanvasRenderingContext2d::measureText`; native code
/// and tests use [`ApproxMeasure`].
pub trait TextMeasure {
    fn width(&self, text: &str, font_px: f64) -> f64;

    /// A share as a pie label writes it. Plain ("45%") by default; the widget's measurer for
    /// an editor's chart writes it in the reader's locale ("45 %"), as the legend does.
    fn share_text(&self, share: f64) -> String {
        crate::format::share_text(share)
    }
}

/// Approximate measurer for native code and tests: CJK / fullwidth characters are 1.0 em,
/// ASCII digits 0.56 em, other ASCII 0.55 em (space 0.3 em), anything else 0.6 em.
#[derive(Clone, Copy, Debug, Default)]
pub struct ApproxMeasure;

impl TextMeasure for ApproxMeasure {
    fn width(&self, text: &str, font_px: f64) -> f64 {
        let ems: f64 = if text.is_ascii() {
            text.bytes().map(ascii_em).sum()
        } else {
            text.chars().map(char_em).sum()
        };
        ems * font_px
    }
}

fn ascii_em(b: u8) -> f64 {
    match b {
        b' ' => 0.3,
        b'0'..=b'9' => 0.56,
        0..=0x1F | 0x7F => 0.0,
        _ => 0.55,
    }
}

fn char_em(c: char) -> f64 {
    if c.is_ascii() {
        ascii_em(c as u8)
    } else if is_wide(c) || c == '…' {
        1.0
    } else if ('\u{0300}'..='\u{036F}').contains(&c) || c == '\u{200B}' || c == '\u{FEFF}' {
        0.0
    } else {
        0.6
    }
}

/// CJK ideographs, kana, hangul, CJK punctuation and fullwidth forms: characters between
/// which a line may break, and that are about 1 em wide.
pub fn is_wide(c: char) -> bool {
    matches!(c as u32,
        0x1100..=0x115F
        | 0x2E80..=0x303E
        | 0x3041..=0x33FF
        | 0x3400..=0x4DBF
        | 0x4E00..=0x9FFF
        | 0xA000..=0xA4CF
        | 0xAC00..=0xD7A3
        | 0xF900..=0xFAFF
        | 0xFE10..=0xFE19
        | 0xFE30..=0xFE6F
        | 0xFF00..=0xFF60
        | 0xFFE0..=0xFFE6
        | 0x20000..=0x2FFFD
        | 0x30000..=0x3FFFD)
}

/// Characters a line must not start with (closing punctuation): they stay glued to the
/// text before them.
fn is_closing(c: char) -> bool {
    matches!(
        c,
        '，' | '。'
            | '、'
            | '）'
            | '」'
            | '』'
            | '”'
            | '’'
            | '》'
            | '〉'
            | '】'
            | '〕'
            | '〗'
            | '〙'
            | '］'
            | '｝'
            | '！'
            | '？'
            | '：'
            | '；'
            | '．'
            | '・'
            | '·'
            | '…'
            | '‥'
            | '々'
            | '％'
            | '｠'
            | '〞'
            | ','
            | '.'
            | ';'
            | ':'
            | '!'
            | '?'
            | ')'
            | ']'
            | '}'
            | '%'
    )
}

/// Characters a line must not end with (opening punctuation): they stay glued to the text
/// after them.
fn is_opening(c: char) -> bool {
    matches!(
        c,
        '（' | '「'
            | '『'
            | '“'
            | '‘'
            | '《'
            | '〈'
            | '【'
            | '〔'
            | '〖'
            | '〘'
            | '［'
            | '｛'
            | '｟'
            | '('
            | '['
            | '{'
    )
}

/// The longest label text (in characters) that is wrapped; longer text is cut and ends in "…".
pub const MAX_LABEL_CHARS: usize = 200;

/// Cuts `text` after `max_chars` characters, appending "…"; borrows when nothing is cut.
pub fn cap_text(text: &str, max_chars: usize) -> Cow<'_, str> {
    if text.len() <= max_chars {
        return Cow::Borrowed(text);
    }
    match text.char_indices().nth(max_chars) {
        Some((cut, _)) => {
            let head = text.get(..cut).unwrap_or("").trim_end();
            Cow::Owned(format!("{head}…"))
        }
        None => Cow::Borrowed(text),
    }
}

/// No whitespace but single ASCII spaces (so wrapping would not change the text).
fn is_simply_spaced(text: &str) -> bool {
    let mut prev_space = false;
    if text.is_ascii() {
        text.bytes().all(|b| {
            let ok = !(b.is_ascii_whitespace() && (b != b' ' || prev_space));
            prev_space = b == b' ';
            ok
        })
    } else {
        text.chars().all(|c| {
            let ok = !(c.is_whitespace() && (c != ' ' || prev_space));
            prev_space = c == ' ';
            ok
        })
    }
}

/// A measurer's answer made safe: negative or non-finite widths count as 0.
pub(crate) fn safe_width(measure: &dyn TextMeasure, text: &str, font_px: f64) -> f64 {
    let w = measure.width(text, font_px);
    if w.is_finite() && w > 0.0 {
        w
    } else {
        0.0
    }
}

/// One unbreakable piece of text: a Latin word, a single CJK character, plus any glued
/// punctuation.
#[derive(Clone, Copy, Debug)]
struct Token {
    start: usize,
    end: usize,
    space_before: bool,
    hard_break_before: bool,
    width: f64,
}

fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens: Vec<Token> = Vec::new();
    let mut pending_space = false;
    let mut pending_hard = false;
    // The last token is a Latin run that the next non-space, non-CJK char extends.
    let mut open = false;
    // The last token ends in opening punctuation: the next char is glued to it.
    let mut glue_next = false;

    for (i, c) in text.char_indices() {
        let end = i + c.len_utf8();
        if c == '\n' {
            pending_hard = true;
            pending_space = false;
            open = false;
            glue_next = false;
            continue;
        }
        if c.is_whitespace() {
            pending_space = true;
            open = false;
            continue;
        }
        let has_last = !tokens.is_empty();
        let extend = if pending_hard || !has_last {
            false
        } else if is_closing(c) || glue_next {
            true
        } else if is_opening(c) {
            open && c.is_ascii() && !pending_space
        } else if is_wide(c) {
            false
        } else {
            open && !pending_space
        };

        if extend {
            if let Some(last) = tokens.last_mut() {
                last.end = end;
            }
        } else {
            tokens.push(Token {
                start: i,
                end,
                space_before: pending_space && has_last,
                hard_break_before: pending_hard && has_last,
                width: 0.0,
            });
        }
        pending_space = false;
        pending_hard = false;
        glue_next = is_opening(c);
        open = !is_wide(c) && (c.is_ascii() || !is_closing(c)) && !glue_next;
        if c == '-' && extend {
            // A hyphen inside a word is a place to break: "agri-" / "standard".
            open = false;
        }
    }
    tokens
}

fn token_text<'t>(text: &'t str, t: &Token) -> &'t str {
    text.get(t.start..t.end).unwrap_or("")
}

fn join_tokens(text: &str, tokens: &[Token]) -> String {
    let mut s = String::new();
    for (k, t) in tokens.iter().enumerate() {
        if k > 0 && t.space_before {
            s.push(' ');
        }
        s.push_str(token_text(text, t));
    }
    s
}

/// Greedy filling: as many tokens on each line as fit in `max_width` (a token wider than it
/// gets a line of its own). Lines are (first token, one past the last token).
fn fill_lines(tokens: &[Token], space_w: f64, max_width: f64) -> Vec<(usize, usize)> {
    let fits = |w: f64| w <= max_width + 1e-9;
    let mut lines: Vec<(usize, usize)> = Vec::new();
    let mut line_start = 0usize;
    let mut line_w = 0.0f64;
    for (k, t) in tokens.iter().enumerate() {
        if k == line_start {
            line_w = t.width;
            continue;
        }
        let add = if t.space_before { space_w } else { 0.0 } + t.width;
        if t.hard_break_before || !fits(line_w + add) {
            lines.push((line_start, k));
            line_start = k;
            line_w = t.width;
        } else {
            line_w += add;
        }
    }
    lines.push((line_start, tokens.len()));
    lines
}

/// No CJK line of one character left alone at the end: "服务业质 / 量" becomes "服务业 / 质量"
/// by moving the line before's last token down, when that line keeps two or more tokens and
/// the two fit. Only that case: spreading every line evenly would as often split a word
/// ("公共服务 / 质量" into "公共服 / 务质量"), since CJK text has no spaces to say where
/// words end. A last line of one character and its glued punctuation ("量。") is one token of
/// two characters and is left as it is.
fn avoid_lone_last_char(
    text: &str,
    tokens: &[Token],
    space_w: f64,
    max_width: f64,
    mut lines: Vec<(usize, usize)>,
) -> Vec<(usize, usize)> {
    let [.., (before_start, before_end), (last_start, last_end)] = lines[..] else {
        return lines;
    };
    let lone = last_end - last_start == 1
        && tokens.get(last_start).is_some_and(|t| {
            let mut chars = token_text(text, t).chars();
            chars.next().is_some_and(is_wide) && chars.next().is_none()
        });
    let (Some(moved), Some(last)) = (
        before_end.checked_sub(1).and_then(|k| tokens.get(k)),
        tokens.get(last_start),
    ) else {
        return lines;
    };
    let joined = moved.width + if last.space_before { space_w } else { 0.0 } + last.width;
    // A line that a newline started stays as it is.
    if lone
        && !last.hard_break_before
        && before_end - before_start >= 3
        && joined <= max_width + 1e-9
    {
        if let [.., before, last] = &mut lines[..] {
            before.1 -= 1;
            last.0 -= 1;
        }
    }
    lines
}

/// Wraps `text` into lines no wider than `max_width` (as far as possible).
///
/// CJK text may break between any two characters, but never before closing punctuation
/// (，。、）」” …) nor after opening punctuation (（「“ …); Latin text breaks at spaces; a
/// newline forces a break. A CJK text does not end on a line of one character when the line
/// before can spare one. A single word wider than `max_width` is not cut: it is returned
/// on its own line, and the caller decides that the text does not fit. Runs of spaces
/// collapse to one; leading and trailing spaces are dropped. Text longer than
/// [`MAX_LABEL_CHARS`] characters is cut with "…" first, which bounds the work.
pub fn wrap_text(
    text: &str,
    max_width: f64,
    font_px: f64,
    measure: &dyn TextMeasure,
) -> Vec<String> {
    wrap_limited(text, max_width, font_px, measure, usize::MAX)
}

/// [`wrap_text`] keeping at most `max_lines` lines: when more would be needed, the last
/// kept line is shortened at a break opportunity (never inside a word) and ends in "…".
pub fn wrap_limited(
    text: &str,
    max_width: f64,
    font_px: f64,
    measure: &dyn TextMeasure,
    max_lines: usize,
) -> Vec<String> {
    wrap_measured(text, max_width, font_px, measure, max_lines)
        .into_iter()
        .map(|(line, _)| line)
        .collect()
}

/// [`wrap_limited`], also returning each line's measured width.
pub(crate) fn wrap_measured(
    text: &str,
    max_width: f64,
    font_px: f64,
    measure: &dyn TextMeasure,
    max_lines: usize,
) -> Vec<(String, f64)> {
    if max_lines == 0 {
        return Vec::new();
    }
    let max_width = if max_width.is_nan() { 0.0 } else { max_width };
    let fits = |w: f64| w <= max_width + 1e-9;

    // Fast path: short, simply spaced text that fits on one line.
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Vec::new();
    }
    if trimmed.len() <= MAX_LABEL_CHARS && is_simply_spaced(trimmed) {
        let w = safe_width(measure, trimmed, font_px);
        if fits(w) {
            return vec![(trimmed.to_string(), w)];
        }
    }

    let text = cap_text(trimmed, MAX_LABEL_CHARS);
    let text: &str = &text;
    let mut tokens = tokenize(text);
    if tokens.is_empty() {
        return Vec::new();
    }
    for t in tokens.iter_mut() {
        t.width = safe_width(measure, token_text(text, t), font_px);
    }
    let space_w = safe_width(measure, " ", font_px);

    let mut lines = fill_lines(&tokens, space_w, max_width);
    let truncated = lines.len() > max_lines;
    if !truncated {
        lines = avoid_lone_last_char(text, &tokens, space_w, max_width, lines);
    }
    lines.truncate(max_lines);
    let mut out: Vec<String> = lines
        .iter()
        .map(|&(a, b)| join_tokens(text, tokens.get(a..b).unwrap_or(&[])))
        .collect();

    if truncated {
        if let (Some(&(a, b)), Some(last)) = (lines.last(), out.last_mut()) {
            let ell_w = safe_width(measure, "…", font_px);
            let mut keep = a + 1;
            let mut w = 0.0;
            for (k, t) in tokens.iter().enumerate().take(b).skip(a) {
                w += if k > a && t.space_before {
                    space_w
                } else {
                    0.0
                } + t.width;
                if fits(w + ell_w) {
                    keep = k + 1;
                }
            }
            let mut s = join_tokens(text, tokens.get(a..keep).unwrap_or(&[]));
            s.push('…');
            *last = s;
        }
    }
    out.into_iter()
        .map(|line| {
            let w = safe_width(measure, &line, font_px);
            (line, w)
        })
        .collect()
}

/// Places boxes of the given heights in a vertical column `[top, bottom]`, each as close as
/// possible to its desired top, in the given order, with at least `gap` between boxes.
///
/// `items` are `(desired_top, height)` sorted by desired top. When the boxes and gaps fit in
/// the column (see [`fitting_prefix`]), the result has no overlaps and stays inside it.
/// Returns the tops.
pub fn place_column(items: &[(f64, f64)], top: f64, bottom: f64, gap: f64) -> Vec<f64> {
    let mut tops: Vec<f64> = Vec::with_capacity(items.len());
    let mut prev_end = f64::NEG_INFINITY;
    for &(desired, h) in items {
        let y = desired.max(top).max(prev_end + gap);
        tops.push(y);
        prev_end = y + h;
    }
    let mut next_top = f64::INFINITY;
    for (y, &(_, h)) in tops.iter_mut().zip(items.iter()).rev() {
        let limit = if next_top.is_finite() {
            next_top - gap
        } else {
            bottom
        };
        if *y + h > limit {
            *y = limit - h;
        }
        next_top = *y;
    }
    tops
}

/// How many of `heights` (in priority order) fit in a column of height `avail` with `gap`
/// between consecutive boxes.
pub fn fitting_prefix(heights: impl IntoIterator<Item = f64>, avail: f64, gap: f64) -> usize {
    let mut used = 0.0;
    let mut n = 0usize;
    for h in heights {
        let add = if n == 0 { h } else { h + gap };
        if used + add > avail + 1e-9 {
            break;
        }
        used += add;
        n += 1;
    }
    n
}
