//! Small vocabulary types shared by every layer: languages, chart kinds, bilingual text.

use std::fmt;
use std::rc::Rc;

/// A language the widget speaks. Chinese is the report's own language.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    #[default]
    Zh,
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Zh, Lang::En];

    /// The BCP 47 tag, as used in `lang` attributes and deep links.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Zh => "zh",
            Lang::En => "en",
        }
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        match code {
            "zh" | "zh-CN" | "zh-Hans" => Some(Lang::Zh),
            "en" | "en-US" | "en-GB" => Some(Lang::En),
            _ => None,
        }
    }

    /// The report's text slot a reader of `tag` gets: Chinese for any `zh-…`, else English.
    pub fn for_tag(tag: &str) -> Lang {
        let primary = tag.split(['-', '_']).next().unwrap_or("");
        if primary.eq_ignore_ascii_case("zh") {
            Lang::Zh
        } else {
            Lang::En
        }
    }
}

/// A BCP 47 tag other than the report's own `zh` and `en` ("fr", "de-CH", "zh-TW"), kept as
/// given so that links and `state()` give it back. The widget's words and an editor's numbers
/// follow it; the report's texts show in its [`Lang::for_tag`] slot.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Locale(Rc<str>);

impl Locale {
    /// The locale of a tag that is not one of [`Lang::from_code`]'s; `None` for those, and
    /// for text that is not a language tag.
    pub fn of_tag(tag: &str) -> Option<Locale> {
        let tag = tag.trim();
        let well_formed = is_language_tag(tag) && tag.len() <= 35;
        (well_formed && Lang::from_code(tag).is_none()).then(|| Locale(Rc::from(tag)))
    }

    pub fn tag(&self) -> &str {
        &self.0
    }

    pub fn lang(&self) -> Lang {
        Lang::for_tag(&self.0)
    }
}

/// How a chart is drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ChartKind {
    Pie,
    Donut,
    Bar,
}

impl ChartKind {
    pub const ALL: [ChartKind; 3] = [ChartKind::Pie, ChartKind::Donut, ChartKind::Bar];

    pub fn code(self) -> &'static str {
        match self {
            ChartKind::Pie => "pie",
            ChartKind::Donut => "donut",
            ChartKind::Bar => "bar",
        }
    }

    pub fn from_code(code: &str) -> Option<ChartKind> {
        match code {
            "pie" => Some(ChartKind::Pie),
            "donut" | "doughnut" => Some(ChartKind::Donut),
            "bar" => Some(ChartKind::Bar),
            _ => None,
        }
    }

    /// Pie and donut show parts of a whole; bars compare any counts.
    pub fn is_circular(self) -> bool {
        matches!(self, ChartKind::Pie | ChartKind::Donut)
    }
}

impl fmt::Display for ChartKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// A text in both languages. Shared, not copied: every slice of an indicator shows the
/// indicator's label, and a clone is two reference counts rather than two strings.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Text {
    pub zh: Rc<str>,
    pub en: Rc<str>,
}

impl Text {
    pub fn new(zh: impl Into<Rc<str>>, en: impl Into<Rc<str>>) -> Text {
        Text {
            zh: zh.into(),
            en: en.into(),
        }
    }

    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Zh => &self.zh,
            Lang::En => &self.en,
        }
    }
}

/// True for a well-formed BCP 47 tag in its common shape: a primary language subtag of 2–3
/// letters (or 4–8), then subtags of 1–8 letters or digits, joined by hyphens (`pt-BR`,
/// `zh-Hant-TW`, `es-419`).
pub fn is_language_tag(tag: &str) -> bool {
    let mut subtags = tag.split('-');
    let primary_ok = subtags
        .next()
        .is_some_and(|s| (2..=8).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_alphabetic()));
    primary_ok
        && subtags
            .all(|s| (1..=8).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_alphanumeric()))
}
