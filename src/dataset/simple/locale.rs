//! How each language writes numbers (which mark is the decimal point, which separates
//! thousands), chosen from a BCP 47 tag's primary subtag, and a check that a tag is well formed.

pub use crate::dataset::kinds::is_language_tag;

/// Spaces people put between groups of thousands: a space, a no-break space (U+00A0) and a
/// narrow no-break space (U+202F, French typography). Every language accepts them.
pub(crate) const SPACES: [char; 3] = [' ', '\u{a0}', '\u{202f}'];

/// How numbers are written in one language.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Convention {
    /// The decimal mark: `'.'` or `','`.
    pub decimal: char,
    /// Marks besides [`SPACES`] that separate thousands (`','` in English, `'.'` in German).
    pub group: &'static [char],
    /// How a number looks in this language, for messages: `1 234,5`.
    pub example: &'static str,
    /// False for a language not in the table: read as English, but what another convention
    /// would read differently is reported instead.
    pub known: bool,
}

const POINT_COMMA: Convention = Convention {
    decimal: '.',
    group: &[','],
    example: "1,234.5",
    known: true,
};
const COMMA_POINT: Convention = Convention {
    decimal: ',',
    group: &['.'],
    example: "1.234,5",
    known: true,
};
const COMMA_SPACE: Convention = Convention {
    decimal: ',',
    group: &[],
    example: "1 234,5",
    known: true,
};
const SWISS: Convention = Convention {
    decimal: '.',
    group: &['\'', '’'],
    example: "1’234.5",
    known: true,
};
const UNKNOWN: Convention = Convention {
    known: false,
    ..POINT_COMMA
};

/// Primary subtags and their convention (CLDR's decimal and grouping marks).
const LANGUAGES: [(&str, Convention); 28] = [
    ("en", POINT_COMMA),
    ("zh", POINT_COMMA),
    ("ja", POINT_COMMA),
    ("ko", POINT_COMMA),
    ("he", POINT_COMMA),
    ("th", POINT_COMMA),
    ("de", COMMA_POINT),
    ("es", COMMA_POINT),
    ("it", COMMA_POINT),
    ("pt", COMMA_POINT),
    ("nl", COMMA_POINT),
    ("da", COMMA_POINT),
    ("id", COMMA_POINT),
    ("tr", COMMA_POINT),
    ("el", COMMA_POINT),
    ("fr", COMMA_SPACE),
    ("ru", COMMA_SPACE),
    ("pl", COMMA_SPACE),
    ("sv", COMMA_SPACE),
    ("uk", COMMA_SPACE),
    ("cs", COMMA_SPACE),
    ("sk", COMMA_SPACE),
    ("fi", COMMA_SPACE),
    ("nb", COMMA_SPACE),
    ("no", COMMA_SPACE),
    ("hu", COMMA_SPACE),
    ("bg", COMMA_SPACE),
    ("et", COMMA_SPACE),
];

/// Regions that write numbers unlike their language's main convention (Swiss German and
/// Italian; Spanish in Mexico, the United States and Latin America).
const REGIONS: [(&str, &str, Convention); 6] = [
    ("de", "ch", SWISS),
    ("de", "li", SWISS),
    ("it", "ch", SWISS),
    ("es", "mx", POINT_COMMA),
    ("es", "us", POINT_COMMA),
    ("es", "419", POINT_COMMA),
];

/// The convention for a BCP 47 tag (`fr`, `de-CH`, `pt-BR`); case does not matter. An empty
/// or unknown tag gets English's marks with `known: false`.
pub fn convention(lang: &str) -> Convention {
    let lower = lang.trim().to_ascii_lowercase();
    let mut subtags = lower.split(['-', '_']);
    let primary = subtags.next().unwrap_or("");
    // The region is the first later subtag of two letters or three digits.
    let region = subtags.find(|s| s.len() == 2 || (s.len() == 3 && is_digits(s)));
    if let Some(region) = region {
        let special = REGIONS
            .iter()
            .find(|(language, place, _)| *language == primary && *place == region);
        if let Some((_, _, convention)) = special {
            return *convention;
        }
    }
    LANGUAGES
        .iter()
        .find(|(code, _)| *code == primary)
        .map_or(UNKNOWN, |(_, convention)| *convention)
}

fn is_digits(text: &str) -> bool {
    text.bytes().all(|b| b.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regions_override_their_language_only_where_listed() {
        assert_eq!(convention("de-CH"), SWISS);
        assert_eq!(convention("de-AT"), COMMA_POINT);
        assert_eq!(convention("es_MX"), POINT_COMMA);
        assert_eq!(convention("es-ES"), COMMA_POINT);
        assert_eq!(convention("FR-ca"), COMMA_SPACE);
        assert_eq!(convention("zh-Hant-TW"), POINT_COMMA);
        assert_eq!(convention(""), UNKNOWN);
        assert_eq!(convention("tlh"), UNKNOWN);
    }

    #[test]
    fn language_tags_are_checked_for_shape() {
        for good in ["fr", "pt-BR", "zh-Hant-TW", "es-419", "de-CH-1996", "yue"] {
            assert!(is_language_tag(good), "{good}");
        }
        for bad in [
            "",
            "f",
            "fr_FR",
            "fr-",
            "-fr",
            "1fr",
            "fr--ca",
            "<b>",
            "fr-toolongsubtag",
        ] {
            assert!(!is_language_tag(bad), "{bad}");
        }
    }
}
