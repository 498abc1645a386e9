//! A small JSON reader: text -> [`Value`] tree, or one syntax error with its line and column.
//!
//! Replaces serde_json in the binary: the dataset walker only needs a tree to look at, and
//! serde_json with its float printer, BTreeMap objects and serde machinery was about a fifth of
//! the .wasm. The tree lives in one arena ([`Bump`]): strings without escapes borrow from the
//! input, arrays and objects are exact-size slices copied from one scratch stack when they
//! close, and dropping the arena frees it all at once. Objects keep their fields in file order,
//! so the walker can name a field given twice.

use bumpalo::Bump;

/// Deeper nesting is refused, so hostile input cannot exhaust the stack (serde_json's limit).
const MAX_DEPTH: usize = 128;

/// A JSON value borrowing from the text it was read from and from the arena.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Value<'t> {
    Null,
    Bool(bool),
    /// The number and its text as written, which is what a message quotes back.
    Number(f64, &'t str),
    String(&'t str),
    Array(&'t [Value<'t>]),
    /// Fields in file order; a name may appear twice (the walker reports it).
    Object(&'t [(&'t str, Value<'t>)]),
}

impl<'t> Value<'t> {
    pub fn as_str(&self) -> Option<&'t str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_f64(&self) -> Option<f64> {
        match self {
            Value::Number(n, _) => Some(*n),
            _ => None,
        }
    }

    pub fn as_array(&self) -> Option<&'t [Value<'t>]> {
        match self {
            Value::Array(items) => Some(items),
            _ => None,
        }
    }

    pub fn as_object(&self) -> Option<&'t [(&'t str, Value<'t>)]> {
        match self {
            Value::Object(fields) => Some(fields),
            _ => None,
        }
    }

    /// True for a number written as a whole number without fraction or exponent, like `1`.
    pub fn is_integer_literal(&self) -> bool {
        matches!(self, Value::Number(_, text) if text.bytes().all(|b| b.is_ascii_digit() || b == b'-'))
    }
}

/// A syntax error: where it is (1-based line and column in characters) and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    pub line: usize,
    pub column: usize,
    pub message: String,
    /// The text ended in the middle of a value: most often a file cut off in transfer.
    pub eof: bool,
}

/// Reads one JSON value filling the whole text (whitespace around it allowed); the tree is
/// allocated in `arena`.
pub fn read<'t>(text: &'t str, arena: &'t Bump) -> Result<Value<'t>, SyntaxError> {
    let mut reader = Reader {
        text,
        bytes: text.as_bytes(),
        pos: 0,
        depth: 0,
        arena,
        items: Vec::new(),
        fields: Vec::new(),
        scratch: String::new(),
    };
    reader.skip_whitespace();
    let value = reader.value()?;
    reader.skip_whitespace();
    if reader.pos < reader.bytes.len() {
        return Err(reader.error_here("trailing characters after the end of the JSON value"));
    }
    Ok(value)
}

struct Reader<'t> {
    text: &'t str,
    bytes: &'t [u8],
    pos: usize,
    depth: usize,
    arena: &'t Bump,
    /// Items of the arrays being read, innermost last; each array takes its tail when it closes.
    items: Vec<Value<'t>>,
    /// The same for the fields of objects.
    fields: Vec<(&'t str, Value<'t>)>,
    /// A string with escapes, being decoded.
    scratch: String,
}

/// What a failed step returns before it is placed in the text.
type Step<T> = Result<T, SyntaxError>;

impl<'t> Reader<'t> {
    // The release build optimises for size, which leaves these calls out of line; they run for
    // every byte of the text.
    #[inline(always)]
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    #[inline(always)]
    fn skip_whitespace(&mut self) {
        while let Some(b' ' | b'\n' | b'\r' | b'\t') = self.peek() {
            self.pos += 1;
        }
    }

    /// An error at byte `at`; at the end of the text, it points at the last character.
    fn error_at(&self, at: usize, message: &str, eof: bool) -> SyntaxError {
        let at = at.min(self.bytes.len().saturating_sub(1));
        let before = self.text.get(..at).unwrap_or(self.text);
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        SyntaxError {
            line: before.matches('\n').count() + 1,
            column: before.get(line_start..).map_or(0, |l| l.chars().count()) + 1,
            message: message.to_string(),
            eof,
        }
    }

    /// An error at the next character, or "the file ends early" when there is none.
    fn error_here(&self, message: &str) -> SyntaxError {
        if self.pos >= self.bytes.len() {
            self.error_at(self.pos, message, true)
        } else {
            self.error_at(self.pos, message, false)
        }
    }

    fn value(&mut self) -> Step<Value<'t>> {
        match self.peek() {
            None => Err(self.error_here("expected a value")),
            Some(b'{') => self.nested(Self::object),
            Some(b'[') => self.nested(Self::array),
            Some(b'"') => Ok(Value::String(self.string()?)),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(b't') => self.word("true", Value::Bool(true)),
            Some(b'f') => self.word("false", Value::Bool(false)),
            Some(b'n') => self.word("null", Value::Null),
            Some(_) => Err(self.error_here(
                "expected a value (a string in double quotes, a number, an object, an array, true, false or null)",
            )),
        }
    }

    fn nested(&mut self, read: fn(&mut Self) -> Step<Value<'t>>) -> Step<Value<'t>> {
        if self.depth + 1 >= MAX_DEPTH {
            return Err(self.error_here(
                "recursion limit exceeded: arrays and objects are nested more than 127 deep",
            ));
        }
        self.depth += 1;
        let value = read(self);
        self.depth -= 1;
        value
    }

    fn word(&mut self, word: &str, value: Value<'t>) -> Step<Value<'t>> {
        for expected in word.bytes() {
            match self.peek() {
                Some(b) if b == expected => self.pos += 1,
                _ => {
                    return Err(self.error_here(
                        "expected a value (a string in double quotes, a number, an object, an array, true, false or null)",
                    ))
                }
            }
        }
        Ok(value)
    }

    fn array(&mut self) -> Step<Value<'t>> {
        self.pos += 1; // '['
        let start = self.items.len();
        self.skip_whitespace();
        if self.peek() == Some(b']') {
            self.pos += 1;
            return Ok(Value::Array(&[]));
        }
        loop {
            self.skip_whitespace();
            if self.peek() == Some(b']') && self.items.len() > start {
                return Err(self.error_here("trailing comma before `]`"));
            }
            let item = self.value()?;
            self.items.push(item);
            self.skip_whitespace();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b']') => {
                    self.pos += 1;
                    let items = self
                        .arena
                        .alloc_slice_copy(self.items.get(start..).unwrap_or(&[]));
                    self.items.truncate(start);
                    return Ok(Value::Array(items));
                }
                _ => return Err(self.error_here("expected `,` or `]` after an array item")),
            }
        }
    }

    fn object(&mut self) -> Step<Value<'t>> {
        self.pos += 1; // '{'
        let start = self.fields.len();
        self.skip_whitespace();
        if self.peek() == Some(b'}') {
            self.pos += 1;
            return Ok(Value::Object(&[]));
        }
        loop {
            self.skip_whitespace();
            match self.peek() {
                Some(b'"') => {}
                Some(b'}') if self.fields.len() > start => {
                    return Err(self.error_here("trailing comma before `}`"))
                }
                None => return Err(self.error_here("expected a field name")),
                Some(_) => {
                    return Err(self.error_here(
                        "key must be a string: field names are written in double quotes",
                    ))
                }
            }
            let key = self.string()?;
            self.skip_whitespace();
            if self.peek() != Some(b':') {
                return Err(self.error_here("expected `:` after the field name"));
            }
            self.pos += 1;
            self.skip_whitespace();
            let value = self.value()?;
            self.fields.push((key, value));
            self.skip_whitespace();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b'}') => {
                    self.pos += 1;
                    let fields = self
                        .arena
                        .alloc_slice_copy(self.fields.get(start..).unwrap_or(&[]));
                    self.fields.truncate(start);
                    return Ok(Value::Object(fields));
                }
                _ => return Err(self.error_here("expected `,` or `}` after a field")),
            }
        }
    }

    /// A string after its opening quote; borrowed from the text unless it has escapes, then
    /// decoded into the arena.
    fn string(&mut self) -> Step<&'t str> {
        self.pos += 1; // '"'
        let mut escaped = false;
        // Start of the run of plain characters not yet copied into `scratch`.
        let mut run = self.pos;
        loop {
            let Some(b) = self.peek() else {
                return Err(self.error_here("the text ends inside a string"));
            };
            match b {
                b'"' => {
                    let tail = self.slice(run, self.pos);
                    self.pos += 1;
                    if !escaped {
                        return Ok(tail);
                    }
                    self.scratch.push_str(tail);
                    let decoded = self.arena.alloc_str(&self.scratch);
                    self.scratch.clear();
                    return Ok(decoded);
                }
                b'\\' => {
                    if !escaped {
                        self.scratch.clear();
                        escaped = true;
                    }
                    let plain = self.slice(run, self.pos);
                    self.scratch.push_str(plain);
                    self.pos += 1;
                    let c = self.escape()?;
                    self.scratch.push(c);
                    run = self.pos;
                }
                0x00..=0x1f => {
                    return Err(self.error_here(
                        "control character (a tab or line break, U+0000 to U+001F) found while parsing a string: write it as \\t, \\n or \\u00XX",
                    ))
                }
                _ => self.pos += 1,
            }
        }
    }

    /// `start..end` of the text; both ends are next to ASCII bytes, so on char boundaries.
    #[inline(always)]
    fn slice(&self, start: usize, end: usize) -> &'t str {
        self.text.get(start..end).unwrap_or("")
    }

    /// The character of an escape, after its backslash.
    fn escape(&mut self) -> Step<char> {
        let Some(b) = self.peek() else {
            return Err(self.error_here("the text ends inside a string"));
        };
        self.pos += 1;
        let c = match b {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => return self.unicode_escape(),
            _ => {
                self.pos -= 1;
                return Err(self.error_here(
                    "invalid escape: after a backslash come \", \\, /, b, f, n, r, t or uXXXX",
                ));
            }
        };
        Ok(c)
    }

    /// `XXXX` of `\uXXXX`, joining a surrogate pair written as two escapes.
    fn unicode_escape(&mut self) -> Step<char> {
        let first = self.hex4()?;
        let code = match first {
            0xD800..=0xDBFF => {
                if self.bytes.get(self.pos..self.pos + 2) != Some(b"\\u") {
                    return Err(self.error_here(
                        "invalid unicode escape: a lone leading surrogate (\\uD800-\\uDBFF) must be followed by a trailing one",
                    ));
                }
                self.pos += 2;
                let second = self.hex4()?;
                if !(0xDC00..=0xDFFF).contains(&second) {
                    return Err(self.error_at(
                        self.pos - 4,
                        "invalid unicode escape: a leading surrogate must be followed by a trailing one (\\uDC00-\\uDFFF)",
                        false,
                    ));
                }
                0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
            }
            0xDC00..=0xDFFF => {
                return Err(self.error_at(
                    self.pos - 4,
                    "invalid unicode escape: a lone trailing surrogate",
                    false,
                ))
            }
            other => other,
        };
        char::from_u32(code).ok_or_else(|| self.error_here("invalid unicode escape"))
    }

    fn hex4(&mut self) -> Step<u32> {
        let mut code = 0;
        for _ in 0..4 {
            let digit = self.peek().and_then(|b| (b as char).to_digit(16));
            let Some(digit) = digit else {
                return Err(self.error_here("invalid unicode escape: \\u takes four hex digits"));
            };
            code = code * 16 + digit;
            self.pos += 1;
        }
        Ok(code)
    }

    /// A number in JSON's grammar: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
    fn number(&mut self) -> Step<Value<'t>> {
        let start = self.pos;
        if self.peek() == Some(b'-') {
            self.pos += 1;
        }
        match self.peek() {
            Some(b'0') => self.pos += 1,
            Some(b'1'..=b'9') => self.digits(),
            _ => return Err(self.error_here("invalid number: a digit must follow the minus sign")),
        }
        if self.peek() == Some(b'.') {
            self.pos += 1;
            if !matches!(self.peek(), Some(b'0'..=b'9')) {
                return Err(
                    self.error_here("invalid number: a digit must follow the decimal point")
                );
            }
            self.digits();
        }
        if let Some(b'e' | b'E') = self.peek() {
            self.pos += 1;
            if let Some(b'+' | b'-') = self.peek() {
                self.pos += 1;
            }
            if !matches!(self.peek(), Some(b'0'..=b'9')) {
                return Err(self.error_here("invalid number: the exponent has no digits"));
            }
            self.digits();
        }
        let text = self.slice(start, self.pos);
        // Correctly rounded, so a value just under a limit is not rounded onto it.
        match super::decimal::to_f64(text) {
            n if n.is_finite() => Ok(Value::Number(n, text)),
            _ => Err(self.error_at(
                self.pos.saturating_sub(1),
                "number out of range (larger than about 1.8e308)",
                false,
            )),
        }
    }

    fn digits(&mut self) {
        while let Some(b'0'..=b'9') = self.peek() {
            self.pos += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(text: &str) -> SyntaxError {
        read(text, &Bump::new()).expect_err("should be refused")
    }

    #[test]
    fn reads_every_kind_of_value_in_order() {
        let arena = Bump::new();
        let text = r#" {"b": [1, -2.5e1, true, false, null], "a": "x\u00e9\n\ud83d\ude00"} "#;
        let value = read(text, &arena).unwrap();
        let fields = value.as_object().unwrap();
        assert_eq!(fields[0].0, "b");
        assert_eq!(fields[1].0, "a");
        let items = fields[0].1.as_array().unwrap();
        assert_eq!(items[0], Value::Number(1.0, "1"));
        assert_eq!(items[1].as_f64(), Some(-25.0));
        assert_eq!(
            items[2..],
            [Value::Bool(true), Value::Bool(false), Value::Null]
        );
        assert_eq!(fields[1].1.as_str(), Some("xé\n😀"));
    }

    #[test]
    fn plain_strings_borrow_from_the_text() {
        let arena = Bump::new();
        let text = r#"["plain 中文", "esc\"aped"]"#;
        let value = read(text, &arena).unwrap();
        let items = value.as_array().unwrap();
        let plain = items[0].as_str().unwrap();
        assert_eq!(plain, "plain 中文");
        assert!(text.as_bytes().as_ptr_range().contains(&plain.as_ptr()));
        assert_eq!(items[1].as_str(), Some("esc\"aped"));
    }

    #[test]
    fn positions_count_characters_from_one() {
        let e = err("{\n  \"名称\": x\n}");
        assert_eq!((e.line, e.column), (2, 9));
        assert!(!e.eof);
        let e = err("[1, 2");
        assert!(e.eof);
        assert_eq!((e.line, e.column), (1, 5));
    }

    #[test]
    fn refuses_what_json_does_not_allow() {
        for (text, expected) in [
            ("[1,]", "trailing comma"),
            ("{\"a\":1,}", "trailing comma"),
            ("{a:1}", "key must be a string"),
            ("[01]", "expected `,` or `]`"),
            ("[1.]", "invalid number"),
            ("[-]", "invalid number"),
            ("[1e]", "invalid number"),
            ("[1e999]", "number out of range"),
            ("[\"a\tb\"]", "control character"),
            ("[\"\\x\"]", "invalid escape"),
            ("[\"\\ud800\"]", "lone leading surrogate"),
            ("[\"\\udc00\"]", "lone trailing surrogate"),
            ("[nul]", "expected a value"),
            ("[NaN]", "expected a value"),
            ("{} {}", "trailing characters"),
            ("{\"a\" 1}", "expected `:`"),
        ] {
            let e = err(text);
            assert!(e.message.contains(expected), "{text}: {}", e.message);
        }
    }

    #[test]
    fn nesting_is_limited_like_serde_json() {
        let ok = format!("{}{}", "[".repeat(127), "]".repeat(127));
        assert!(read(&ok, &Bump::new()).is_ok());
        let deep = "[".repeat(128);
        let e = err(&deep);
        assert!(e.message.contains("recursion limit exceeded"));
        assert_eq!(e.column, 128);
    }

    #[test]
    fn whole_numbers_read_exactly() {
        let arena = Bump::new();
        for text in [
            "0",
            "-0",
            "7",
            "608",
            "999999999999999",
            "1000000000000000",
            "-42",
        ] {
            let ours = read(text, &arena).unwrap().as_f64().unwrap();
            assert_eq!(
                ours.to_bits(),
                text.parse::<f64>().unwrap().to_bits(),
                "{text}"
            );
        }
    }

    #[test]
    fn integer_literals_are_told_apart() {
        let arena = Bump::new();
        assert!(read("1", &arena).unwrap().is_integer_literal());
        assert!(!read("1.0", &arena).unwrap().is_integer_literal());
        assert!(!read("1e0", &arena).unwrap().is_integer_literal());
        assert!(!read("\"1\"", &arena).unwrap().is_integer_literal());
    }

    /// serde_json's view of the same value, to compare trees.
    fn same(ours: &Value, theirs: &serde_json::Value) -> bool {
        use serde_json::Value as J;
        match (ours, theirs) {
            (Value::Null, J::Null) => true,
            (Value::Bool(a), J::Bool(b)) => a == b,
            (Value::Number(a, _), J::Number(b)) => Some(*a) == b.as_f64(),
            (Value::String(a), J::String(b)) => a == b,
            (Value::Array(a), J::Array(b)) => {
                a.len() == b.len() && a.iter().zip(b).all(|(x, y)| same(x, y))
            }
            // serde_json keeps the last of duplicate keys; compare against that.
            (Value::Object(a), J::Object(b)) => {
                b.iter().all(|(k, v)| {
                    a.iter()
                        .rev()
                        .find(|(key, _)| key == k)
                        .is_some_and(|(_, x)| same(x, v))
                }) && a.iter().all(|(k, _)| b.contains_key(*k))
            }
            _ => false,
        }
    }

    /// Differential check against serde_json on thousands of mutated documents: both accept
    /// and refuse the same texts, and read the same trees.
    #[test]
    fn agrees_with_serde_json_on_mutated_documents() {
        let seeds = [
            r#"{"a": [1, 2.5, -0.0, 1e3, 12345678901234567890], "b": {"c": "d\u00e9\n"}, "e": null}"#,
            r#"[true, false, "x\"y", {"": []}, 0.1e-2, "\ud83d\ude00", "中文"]"#,
        ];
        let alphabet: &[u8] = b"{}[]\",:0123456789.eE+-tfnul\\u \n\"a";
        let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut next = |n: usize| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state % n as u64) as usize
        };
        let mut checked = 0;
        for round in 0..6000 {
            let mut bytes = seeds[round % seeds.len()].as_bytes().to_vec();
            for _ in 0..1 + next(3) {
                let at = next(bytes.len() + 1);
                match next(3) {
                    0 if at < bytes.len() => {
                        bytes.remove(at);
                    }
                    1 if at < bytes.len() => bytes[at] = alphabet[next(alphabet.len())],
                    _ => bytes.insert(at, alphabet[next(alphabet.len())]),
                }
            }
            let Ok(text) = String::from_utf8(bytes) else {
                continue;
            };
            let arena = Bump::new();
            let ours = read(&text, &arena);
            let theirs = serde_json::from_str::<serde_json::Value>(&text);
            match (&ours, &theirs) {
                (Ok(a), Ok(b)) => assert!(same(a, b), "different trees for {text}"),
                (Err(_), Err(_)) => {}
                _ => panic!("disagree on {text}: ours {ours:?}, serde_json {theirs:?}"),
            }
            checked += 1;
        }
        assert!(checked > 5000);
    }
}
