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
