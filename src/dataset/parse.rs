//! JSON text -> [`Dataset`]: syntax first (with line and column), then a walk over the tree that
//! checks every field and collects every problem with its JSON path.

use std::collections::{HashMap, HashSet};

use bumpalo::Bump;

use super::json::{self, SyntaxError, Value};

use super::error::{DatasetError, DatasetErrors};
use super::kinds::{ChartKind, Text};
use super::overview::overview_charts;
use super::types::{Chart, Dataset, Derivation, Indicator, Qualifier, Sector, Slice, Source, Unit};
use crate::format::derivation_text;
use crate::hashing::FastHash;

/// Larger inputs are refused before parsing, so a hostile file cannot exhaust memory.
pub const MAX_INPUT_BYTES: usize = 8 * 1024 * 1024;
/// Enough to show an editor everything wrong with a real file, bounded for hostile ones.
const MAX_ERRORS: usize = 50;
const MAX_SECTORS: usize = 100;
const MAX_INDICATORS: usize = 20_000;
const MAX_CHARTS: usize = 50;
const MAX_SLICES: usize = 10_000;
const MAX_ID_CHARS: usize = 64;
const MAX_LABEL_CHARS: usize = 500;
const MAX_PARAGRAPH_CHARS: usize = 20_000;
/// Values are in base units; 10^15 yuan is far beyond any real figure and still exact in f64.
const MAX_VALUE: f64 = 1e15;

/// Parses and validates a dataset.
pub fn parse(json: &str) -> Result<Dataset, DatasetErrors> {
    if json.len() > MAX_INPUT_BYTES {
        return Err(DatasetErrors::single(
            "",
            format!(
                "the dataset is {} bytes, more than the limit of {} bytes",
                json.len(),
                MAX_INPUT_BYTES
            ),
        ));
    }
    // Spreadsheet programs and Windows editors often save UTF-8 with a byte-order mark.
    let json = json.strip_prefix('\u{feff}').unwrap_or(json);
    if json.trim().is_empty() {
        return Err(DatasetErrors::single("", "the dataset is empty"));
    }
    if looks_like_utf16(json) {
        return Err(DatasetErrors::single(
            "",
            "the file is not UTF-8 text (it contains NUL characters; is it saved as UTF-16?): save it as UTF-8",
        ));
    }
    let arena = Bump::new();
    let root = json::read(json, &arena).map_err(syntax_error)?;
    let mut walker = Walker::default();
    let dataset = walker.dataset(&root);
    match dataset {
        Some(dataset) if walker.errors.is_empty() => Ok(dataset),
        _ => {
            if walker.errors.is_empty() {
                walker.push(&Path::Root, "the dataset could not be read");
            }
            Err(DatasetErrors(walker.errors))
        }
    }
}

/// UTF-16 read as UTF-8: a byte-order mark turned into two replacement characters, or every
/// other character a NUL. (A stray NUL in UTF-8 text is left to the JSON parser, which says
/// where it is.)
fn looks_like_utf16(text: &str) -> bool {
    if text.starts_with("\u{fffd}\u{fffd}") {
        return true;
    }
    let head: Vec<char> = text.chars().take(64).collect();
    let nuls = head.iter().filter(|&&c| c == '\0').count();
    nuls * 3 >= head.len()
}

fn syntax_error(error: SyntaxError) -> DatasetErrors {
    let message = if error.eof {
        format!(
            "the file ends too early, is it cut off? ({})",
            error.message
        )
    } else {
        format!("invalid JSON: {}", error.message)
    };
    DatasetErrors::single(
        format!("line {}, column {}", error.line, error.column),
        message,
    )
}

/// Where a value is in the file, built on the stack as the walker descends and spelt out
/// (`sectors[3].indicators[2].value`) only when a problem is reported: a 10,000-slice file
/// would otherwise format some 100,000 paths that no one reads.
#[derive(Clone, Copy)]
enum Path<'p> {
    Root,
    Key(&'p Path<'p>, &'p str),
    Index(&'p Path<'p>, usize),
}

impl<'p> Path<'p> {
    fn key(&'p self, key: &'p str) -> Path<'p> {
        Path::Key(self, key)
    }

    fn at(&'p self, index: usize) -> Path<'p> {
        Path::Index(self, index)
    }

    fn write(&self, out: &mut String) {
        match self {
            Path::Root => {}
            Path::Key(parent, key) => {
                parent.write(out);
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(key);
            }
            Path::Index(parent, index) => {
                parent.write(out);
                out.push('[');
                out.push_str(&index.to_string());
                out.push(']');
            }
        }
    }

    fn text(&self) -> String {
        let mut out = String::new();
        self.write(&mut out);
        out
    }
}

/// A short description of a JSON value for messages: `got "NaN"`, `got -3`, `got an array`.
fn describe(value: &Value) -> String {
    match value {
        Value::Null => "null".into(),
        Value::Bool(true) => "true".into(),
        Value::Bool(false) => "false".into(),
        Value::Number(_, text) => shortened(text),
        Value::String(s) => quoted(&shortened(s)),
        Value::Array(_) => "an array".into(),
        Value::Object(_) => "an object".into(),
    }
}

/// At most 40 characters, with an ellipsis when cut.
fn shortened(text: &str) -> String {
    match text.char_indices().nth(40) {
        Some((end, _)) => format!("{}…", text.get(..end).unwrap_or(text)),
        None => text.to_string(),
    }
}

/// The text in double quotes, with quotes, backslashes and control characters escaped, so a
/// message shows exactly what the file holds.
fn quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if (c as u32) < 0x20 || c == '\u{7f}' => {
                out.push_str(&format!("\\u{{{:x}}}", c as u32))
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, with a month and a day that exist.
fn is_valid_date(date: &str) -> bool {
    let parts: Vec<&str> = date.split('-').collect();
    let digits =
        |part: &str, len: usize| part.len() == len && part.chars().all(|c| c.is_ascii_digit());
    let number = |part: &str| part.parse::<u32>().unwrap_or(0);
    match parts.as_slice() {
        [year] => digits(year, 4),
        [year, month] => digits(year, 4) && digits(month, 2) && (1..=12).contains(&number(month)),
        [year, month, day] => {
            if !(digits(year, 4) && digits(month, 2) && digits(day, 2)) {
                return false;
            }
            let (y, m, d) = (number(year), number(month), number(day));
            let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
            let days = match m {
                1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
                4 | 6 | 9 | 11 => 30,
                2 if leap => 29,
                2 => 28,
                _ => 0,
            };
            (1..=days).contains(&d)
        }
        _ => false,
    }
}

fn is_valid_id(id: &str) -> bool {
    // Only ASCII passes, so bytes are characters here.
    !id.is_empty()
        && id.len() <= MAX_ID_CHARS
        && id.split('-').all(|part| {
            !part.is_empty()
                && part
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

type IdBuild = FastHash;
type IdSet<'t> = HashSet<&'t str, IdBuild>;
type IndicatorIndex<'i> = HashMap<&'i str, &'i Indicator, IdBuild>;

#[derive(Default)]
struct Walker {
    errors: Vec<DatasetError>,
}

impl Walker {
    fn push(&mut self, path: &Path, message: impl Into<String>) {
        if self.errors.len() < MAX_ERRORS {
            self.errors.push(DatasetError {
                path: path.text(),
                message: message.into(),
            });
        } else if self.errors.len() == MAX_ERRORS {
            self.errors.push(DatasetError {
                path: String::new(),
                message: super::error::MORE_FOLLOW.into(),
            });
        }
    }

    /// The value as an object whose fields are all among `keys`, each given once: the values
    /// of `keys` in their order (None where absent), found in one pass over the fields.
    fn slots<'v, 't, const N: usize>(
        &mut self,
        value: &'v Value<'t>,
        path: &Path,
        keys: &[&str; N],
    ) -> Option<[Option<&'v Value<'t>>; N]> {
        let Some(fields) = value.as_object() else {
            self.push(path, format!("must be an object, got {}", describe(value)));
            return None;
        };
        let mut found = [None; N];
        for (key, field_value) in fields {
            match keys
                .iter()
                .position(|k| k == key)
                .and_then(|slot| found.get_mut(slot))
            {
                None => self.push(
                    &path.key(key),
                    format!("unknown field (expected one of: {})", keys.join(", ")),
                ),
                // JSON parsers disagree on which copy wins; the editor must say which is meant.
                Some(seen) if seen.is_some() => {
                    self.push(&path.key(key), "is given twice in this object: keep one")
                }
                Some(seen) => *seen = Some(field_value),
            }
        }
        Some(found)
    }

    /// A value of `slots` that must be there.
    fn needed<'v, 't>(
        &mut self,
        slot: Option<&'v Value<'t>>,
        key: &str,
        path: &Path,
    ) -> Option<&'v Value<'t>> {
        if slot.is_none() {
            self.push(&path.key(key), "missing required field");
        }
        slot
    }

    fn array<'v, 't>(
        &mut self,
        value: &'v Value<'t>,
        path: &Path,
        max: usize,
    ) -> Option<&'v [Value<'t>]> {
        let Some(items) = value.as_array() else {
            self.push(path, format!("must be an array, got {}", describe(value)));
            return None;
        };
        if items.len() > max {
            self.push(
                path,
                format!("has {} entries, more than the limit of {max}", items.len()),
            );
            return None;
        }
        Some(items)
    }

    fn string(&mut self, value: &Value, path: &Path, max_chars: usize) -> Option<String> {
        self.str(value, path, max_chars).map(String::from)
    }

    /// A non-empty string of at most `max_chars` characters, borrowed from the file.
    fn str<'t>(&mut self, value: &Value<'t>, path: &Path, max_chars: usize) -> Option<&'t str> {
        let Some(text) = value.as_str() else {
            self.push(path, format!("must be a string, got {}", describe(value)));
            return None;
        };
        if text.trim().is_empty() {
            self.push(path, "must not be empty");
            return None;
        }
        // A string of no more bytes than the limit has no more characters either: most strings
        // are never counted.
        let chars = if text.len() <= max_chars {
            0
        } else {
            text.chars().count()
        };
        if chars > max_chars {
            self.push(
                path,
                format!("is {chars} characters long, more than the limit of {max_chars}"),
            );
            return None;
        }
        Some(text)
    }

    fn text(&mut self, value: &Value, path: &Path, max_chars: usize) -> Option<Text> {
        let [zh, en] = self.slots(value, path, &["zh", "en"])?;
        let zh = self
            .needed(zh, "zh", path)
            .and_then(|v| self.str(v, &path.key("zh"), max_chars));
        let en = self
            .needed(en, "en", path)
            .and_then(|v| self.str(v, &path.key("en"), max_chars));
        Some(Text::new(zh?, en?))
    }

    /// A value of `slots` that may be absent, as a text.
    fn optional_text(
        &mut self,
        slot: Option<&Value>,
        key: &str,
        path: &Path,
        max_chars: usize,
    ) -> Option<Option<Text>> {
        match slot {
            None => Some(None),
            Some(value) => self.text(value, &path.key(key), max_chars).map(Some),
        }
    }

    fn id<'t>(&mut self, value: &Value<'t>, path: &Path, seen: &mut IdSet<'t>) -> Option<String> {
        let Some(id) = value.as_str() else {
            self.push(
                path,
                format!("must be a string id, got {}", describe(value)),
            );
            return None;
        };
        if !is_valid_id(id) {
            self.push(
                path,
                format!(
                    "must be lowercase letters and digits joined by single hyphens (like \"market-entities\"), at most {MAX_ID_CHARS} characters, got {}",
                    describe(value)
                ),
            );
            return None;
        }
        if !seen.insert(id) {
            self.push(path, format!("duplicate id \"{id}\""));
            return None;
        }
        Some(id.to_string())
    }

    fn number(&mut self, value: &Value, path: &Path) -> Option<f64> {
        let number = value.as_f64().filter(|n| n.is_finite() && *n >= 0.0);
        match number {
            Some(n) if n < MAX_VALUE => Some(n),
            Some(_) => {
                self.push(
                    path,
                    format!(
                        "must be below 10^15 (values are in base units), got {}",
                        describe(value)
                    ),
                );
                None
            }
            None => {
                self.push(
                    path,
                    format!("must be a finite number >= 0, got {}", describe(value)),
                );
                None
            }
        }
    }

    fn dataset(&mut self, root: &Value) -> Option<Dataset> {
        let top = Path::Root;
        let [version, title, source, sectors] =
            self.slots(root, &top, &["version", "title", "source", "sectors"])?;
        if let Some(version) = self.needed(version, "version", &top) {
            if !(version.is_integer_literal() && version.as_f64() == Some(1.0)) {
                self.push(
                    &top.key("version"),
                    format!(
                        "must be 1 (the only version of the format), got {}",
                        describe(version)
                    ),
                );
            }
        }
        let title = self
            .needed(title, "title", &top)
            .and_then(|v| self.text(v, &top.key("title"), MAX_LABEL_CHARS));
        let source = self
            .needed(source, "source", &top)
            .and_then(|v| self.source(v, &top.key("source")));
        let sectors = self
            .needed(sectors, "sectors", &top)
            .and_then(|v| self.sectors(v));
        let sectors = sectors?;
        let overview = overview_charts(&sectors);
        Some(Dataset {
            title: title?,
            source: source?,
            sectors,
            overview,
        })
    }

    fn source(&mut self, value: &Value, path: &Path) -> Option<Source> {
        let [title, publisher, date, note] =
            self.slots(value, path, &["title", "publisher", "date", "note"])?;
        let title = self
            .needed(title, "title", path)
            .and_then(|v| self.text(v, &path.key("title"), MAX_LABEL_CHARS));
        let publisher = self
            .needed(publisher, "publisher", path)
            .and_then(|v| self.text(v, &path.key("publisher"), MAX_LABEL_CHARS));
        let date = self
            .needed(date, "date", path)
            .and_then(|v| self.date(v, &path.key("date")));
        let note = self.optional_text(note, "note", path, MAX_PARAGRAPH_CHARS);
        Some(Source {
            title: title?,
            publisher: publisher?,
            date: date?,
            note: note?,
        })
    }

    fn date(&mut self, value: &Value, path: &Path) -> Option<String> {
        let date = self.string(value, path, 10)?;
        if !is_valid_date(&date) {
            self.push(
                path,
                format!(
                    "must be a date like \"2020\", \"2020-09\" or \"2020-09-30\", with a month and day that exist, got {}",
                    describe(value)
                ),
            );
            return None;
        }
        Some(date)
    }

    fn sectors(&mut self, value: &Value) -> Option<Vec<Sector>> {
        let top = Path::Root;
        let path = top.key("sectors");
        let items = self.array(value, &path, MAX_SECTORS)?;
        if items.is_empty() {
            self.push(&path, "must have at least one sector");
            return None;
        }
        let mut ids = IdSet::default();
        self.each(items, &path, |walker, item, at| {
            walker.sector(item, at, &mut ids)
        })
    }

    /// Every item through `check`, so that every problem is reported; one bad item fails all.
    fn each<'v, 't, T>(
        &mut self,
        items: &'v [Value<'t>],
        path: &Path,
        mut check: impl FnMut(&mut Self, &'v Value<'t>, &Path) -> Option<T>,
    ) -> Option<Vec<T>> {
        let mut checked = Vec::with_capacity(items.len());
        let mut all_ok = true;
        for (i, item) in items.iter().enumerate() {
            match check(self, item, &path.at(i)) {
                Some(value) => checked.push(value),
                None => all_ok = false,
            }
        }
        all_ok.then_some(checked)
    }

    fn sector<'t>(
        &mut self,
        value: &Value<'t>,
        path: &Path,
        ids: &mut IdSet<'t>,
    ) -> Option<Sector> {
        let [id, name, paragraph, achievements, indicators, charts] = self.slots(
            value,
            path,
            &[
                "id",
                "name",
                "paragraph",
                "achievements",
                "indicators",
                "charts",
            ],
        )?;
        let id = self
            .needed(id, "id", path)
            .and_then(|v| self.id(v, &path.key("id"), ids));
        let name = self
            .needed(name, "name", path)
            .and_then(|v| self.text(v, &path.key("name"), MAX_LABEL_CHARS));
        let paragraph = match paragraph {
            None => Some(None),
            Some(v) => self
                .string(v, &path.key("paragraph"), MAX_PARAGRAPH_CHARS)
                .map(Some),
        };
        let achievements = match achievements {
            None => Some(Vec::new()),
            Some(v) => self.achievements(v, &path.key("achievements")),
        };
        let indicators = self
            .needed(indicators, "indicators", path)
            .and_then(|v| self.indicators(v, &path.key("indicators")));
        let charts = match (&indicators, self.needed(charts, "charts", path)) {
            (Some(indicators), Some(v)) => self.charts(v, &path.key("charts"), indicators),
            _ => None,
        };
        Some(Sector {
            id: id?,
            name: name?,
            paragraph: paragraph?,
            achievements: achievements?,
            indicators: indicators?,
            charts: charts?,
        })
    }

    fn achievements(&mut self, value: &Value, path: &Path) -> Option<Vec<Text>> {
        let items = self.array(value, path, 200)?;
        self.each(items, path, |walker, item, at| walker.text(item, at, 2_000))
    }

    fn indicators(&mut self, value: &Value, path: &Path) -> Option<Vec<Indicator>> {
        let items = self.array(value, path, MAX_INDICATORS)?;
        let mut ids = IdSet::with_capacity_and_hasher(items.len(), IdBuild::default());
        self.each(items, path, |walker, item, at| {
            walker.indicator(item, at, &mut ids)
        })
    }

    fn indicator<'t>(
        &mut self,
        value: &Value<'t>,
        path: &Path,
        ids: &mut IdSet<'t>,
    ) -> Option<Indicator> {
        let [id, label, number, unit, counter, qualifier, source, note] = self.slots(
            value,
            path,
            &[
                "id",
                "label",
                "value",
                "unit",
                "counter",
                "qualifier",
                "source",
                "note",
            ],
        )?;
        let id = self
            .needed(id, "id", path)
            .and_then(|v| self.id(v, &path.key("id"), ids));
        let label = self
            .needed(label, "label", path)
            .and_then(|v| self.text(v, &path.key("label"), MAX_LABEL_CHARS));
        let number = self
            .needed(number, "value", path)
            .and_then(|v| self.number(v, &path.key("value")));
        let unit = self
            .needed(unit, "unit", path)
            .and_then(|v| self.unit(v, &path.key("unit")));
        let counter = self.optional_text(counter, "counter", path, 40);
        let qualifier = match qualifier {
            None => Some(None),
            Some(v) => self.qualifier(v, &path.key("qualifier")).map(Some),
        };
        let source = match source {
            None => Some(None),
            Some(v) => self.string(v, &path.key("source"), 2_000).map(Some),
        };
        let note = self.optional_text(note, "note", path, 2_000);
        Some(Indicator {
            id: id?,
            label: label?,
            value: number?,
            unit: unit?,
            counter: counter?,
            qualifier: qualifier?,
            source: source?,
            note: note?,
        })
    }

    fn unit(&mut self, value: &Value, path: &Path) -> Option<Unit> {
        let unit = value.as_str().and_then(Unit::from_code);
        if unit.is_none() {
            let names: Vec<&str> = Unit::ALL.iter().map(|u| u.code()).collect();
            self.push(
                path,
                format!(
                    "must be one of {}, got {}",
                    names.join(", "),
                    describe(value)
                ),
            );
        }
        unit
    }

    fn qualifier(&mut self, value: &Value, path: &Path) -> Option<Qualifier> {
        let qualifier = value.as_str().and_then(Qualifier::from_code);
        if qualifier.is_none() {
            self.push(
                path,
                format!("must be \"over\" or \"more-than\", got {}", describe(value)),
            );
        }
        qualifier
    }

    fn charts(
        &mut self,
        value: &Value,
        path: &Path,
        indicators: &[Indicator],
    ) -> Option<Vec<Chart>> {
        let items = self.array(value, path, MAX_CHARTS)?;
        let mut ids = IdSet::default();
        // Looked up once per slice: a map keeps 10,000-slice charts linear.
        let by_id: IndicatorIndex = indicators
            .iter()
            .map(|ind| (ind.id.as_str(), ind))
            .collect();
        self.each(items, path, |walker, item, at| {
            walker.chart(item, at, &mut ids, &by_id)
        })
    }

    fn chart<'t>(
        &mut self,
        value: &Value<'t>,
        path: &Path,
        ids: &mut IdSet<'t>,
        indicators: &IndicatorIndex,
    ) -> Option<Chart> {
        let [id, title, kind, parts_of_whole, note, slices] = self.slots(
            value,
            path,
            &["id", "title", "kind", "parts_of_whole", "note", "slices"],
        )?;
        let id = self
            .needed(id, "id", path)
            .and_then(|v| self.id(v, &path.key("id"), ids));
        let title = self
            .needed(title, "title", path)
            .and_then(|v| self.text(v, &path.key("title"), MAX_LABEL_CHARS));
        let kind = self.needed(kind, "kind", path).and_then(|v| {
            let kind = v.as_str().and_then(ChartKind::from_code);
            if kind.is_none() {
                self.push(
                    &path.key("kind"),
                    format!("must be \"pie\", \"donut\" or \"bar\", got {}", describe(v)),
                );
            }
            kind
        });
        // Required, as the format says: whether a pie is honest is the editor's call to make.
        let parts_of_whole = match self.needed(parts_of_whole, "parts_of_whole", path) {
            None => None,
            Some(Value::Bool(b)) => Some(*b),
            Some(other) => {
                self.push(
                    &path.key("parts_of_whole"),
                    format!("must be true or false, got {}", describe(other)),
                );
                None
            }
        };
        if let (Some(kind), Some(false)) = (kind, parts_of_whole) {
            if kind.is_circular() {
                self.push(
                    &path.key("kind"),
                    format!("a {kind} shows parts of a whole: set \"parts_of_whole\": true if the slices are disjoint parts of one whole, or use \"bar\""),
                );
            }
        }
        let note = self.optional_text(note, "note", path, 2_000);
        let slices = self
            .needed(slices, "slices", path)
            .and_then(|v| self.slices(v, &path.key("slices"), indicators));
        let chart = Chart {
            id: id?,
            title: title?,
            kind: kind?,
            parts_of_whole: parts_of_whole?,
            note: note?,
            slices: slices?,
        };
        if chart.total() <= 0.0 {
            self.push(
                &path.key("slices"),
                "all values are zero: a chart needs at least one value above zero",
            );
            return None;
        }
        Some(chart)
    }

    fn slices(
        &mut self,
        value: &Value,
        path: &Path,
        indicators: &IndicatorIndex,
    ) -> Option<Vec<Slice>> {
        let items = self.array(value, path, MAX_SLICES)?;
        if items.is_empty() {
            self.push(path, "must have at least one slice");
            return None;
        }
        let mut slices = Vec::with_capacity(items.len());
        // Where each parsed slice is in the file, for the duplicate check below.
        let mut positions = Vec::with_capacity(items.len());
        let mut all_ok = true;
        for (i, item) in items.iter().enumerate() {
            let slice_path = path.at(i);
            match self.slice(item, &slice_path, indicators) {
                Some(slice) => {
                    if let Some(first) = slices.first() {
                        let first: &Slice = first;
                        if first.unit != slice.unit {
                            self.push(
                                &slice_path,
                                format!(
                                    "unit \"{}\" differs from the chart's first slice (\"{}\"): all slices of a chart must share one unit",
                                    slice.unit.code(),
                                    first.unit.code()
                                ),
                            );
                            all_ok = false;
                        }
                    }
                    slices.push(slice);
                    positions.push(i);
                }
                None => all_ok = false,
            }
        }
        // Keys borrowed from the slices, not copied: a set of 10,000 strings was a copy each.
        let mut keys: HashSet<&str, IdBuild> =
            HashSet::with_capacity_and_hasher(slices.len(), IdBuild::default());
        for (slice, &i) in slices.iter().zip(&positions) {
            if !keys.insert(&slice.key) {
                self.push(
                    &path.at(i),
                    format!("\"{}\" is already a slice of this chart", slice.key),
                );
                all_ok = false;
            }
        }
        all_ok.then_some(slices)
    }

    fn slice(&mut self, value: &Value, path: &Path, indicators: &IndicatorIndex) -> Option<Slice> {
        let [reference, id, label, derived] =
            self.slots(value, path, &["indicator", "id", "label", "derived"])?;
        if let Some(reference) = reference {
            // Any other field, known or not.
            if value.as_object().map_or(0, <[_]>::len) > 1 {
                self.push(
                    path,
                    "a slice is either {\"indicator\": id} or a derived slice with id, label and derived, not both",
                );
                return None;
            }
            let indicator = self.reference(reference, &path.key("indicator"), indicators)?;
            return Some(Slice {
                key: indicator.id.clone(),
                label: indicator.label.clone(),
                value: indicator.value,
                unit: indicator.unit,
                counter: indicator.counter.clone(),
                qualifier: indicator.qualifier,
                source: indicator.source.clone(),
                note: indicator.note.clone(),
                derivation: None,
            });
        }
        let mut no_ids = IdSet::default();
        let id = match id {
            Some(v) => self.id(v, &path.key("id"), &mut no_ids),
            None => {
                self.push(
                    path,
                    "a slice needs \"indicator\", or \"id\", \"label\" and \"derived\"",
                );
                return None;
            }
        };
        let label = self
            .needed(label, "label", path)
            .and_then(|v| self.text(v, &path.key("label"), MAX_LABEL_CHARS));
        let derived = self
            .needed(derived, "derived", path)
            .and_then(|v| self.derived(v, &path.key("derived"), indicators));
        let (id, label, (whole, minus)) = (id?, label?, derived?);
        let derived_path = path.key("derived");
        let Some(first) = minus.first() else {
            self.push(
                &derived_path.key("minus"),
                "must name at least one indicator",
            );
            return None;
        };
        let unit = first.unit;
        let mut ok = true;
        for (i, part) in minus.iter().enumerate() {
            if part.unit != unit {
                self.push(
                    &derived_path.key("minus").at(i),
                    "all parts of a derived slice must share one unit",
                );
                ok = false;
            }
        }
        let whole_value = match whole {
            Some(whole) => {
                if whole.unit != unit {
                    self.push(
                        &derived_path.key("whole"),
                        "the whole must have the same unit as the parts",
                    );
                    ok = false;
                }
                whole.value
            }
            None => {
                if unit != Unit::Percent {
                    self.push(
                        &derived_path.key("whole"),
                        "missing: without a whole the parts must be percentages of 100",
                    );
                    ok = false;
                }
                100.0
            }
        };
        let value = whole_value - minus.iter().map(|part| part.value).sum::<f64>();
        if value < 0.0 {
            self.push(
                &derived_path,
                format!(
                    "the parts add up to more than the whole ({}), so the remainder would be negative",
                    crate::format::plain_number(whole_value, 4, false)
                ),
            );
            ok = false;
        }
        if !ok {
            return None;
        }
        let explanation = derivation_text(whole, &minus, value);
        Some(Slice {
            key: id,
            label,
            value,
            unit,
            counter: whole.and_then(|w| w.counter.clone()),
            qualifier: None,
            source: None,
            note: None,
            derivation: Some(Derivation {
                whole: whole.map(|w| w.id.clone()),
                minus: minus.iter().map(|part| part.id.clone()).collect(),
                explanation,
            }),
        })
    }

    #[allow(clippy::type_complexity)]
    fn derived<'i>(
        &mut self,
        value: &Value,
        path: &Path,
        indicators: &IndicatorIndex<'i>,
    ) -> Option<(Option<&'i Indicator>, Vec<&'i Indicator>)> {
        let [whole, minus] = self.slots(value, path, &["whole", "minus"])?;
        let whole = match whole {
            None => Some(None),
            Some(v) => self.reference(v, &path.key("whole"), indicators).map(Some),
        };
        let minus = self.needed(minus, "minus", path).and_then(|v| {
            let minus_path = path.key("minus");
            let items = self.array(v, &minus_path, 100)?;
            let parts: Vec<Option<&Indicator>> = items
                .iter()
                .enumerate()
                .map(|(i, item)| self.reference(item, &minus_path.at(i), indicators))
                .collect();
            parts.into_iter().collect::<Option<Vec<_>>>()
        });
        Some((whole?, minus?))
    }

    fn reference<'i>(
        &mut self,
        value: &Value,
        path: &Path,
        indicators: &IndicatorIndex<'i>,
    ) -> Option<&'i Indicator> {
        let Some(id) = value.as_str() else {
            self.push(
                path,
                format!("must be an indicator id, got {}", describe(value)),
            );
            return None;
        };
        let found = indicators.get(id).copied();
        if found.is_none() {
            self.push(
                path,
                format!(
                    "refers to indicator \"{}\", which this sector does not have",
                    id.chars().take(64).collect::<String>()
                ),
            );
        }
        found
    }
}
