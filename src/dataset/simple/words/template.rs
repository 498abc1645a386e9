//! The readers' problem sentences as one language's templates: what each message says, with
//! `{name}` slots that `crate::i18n::fill` fills (the cell's text, its row, a limit).

/// Every sentence a reader of tables, CSV or the short JSON form reports, in one language.
pub struct ProblemWords {
    /// Places: `{row}`, and `{row}` and `{column}`; the place of the chart's title.
    pub row: &'static str,
    pub cell: &'static str,
    pub title_place: &'static str,
    pub could_not_read: &'static str,
    /// `{what}` (one of the four below) is `{chars}` characters long, over `{max}`.
    pub too_long: &'static str,
    pub the_heading: &'static str,
    pub the_title: &'static str,
    pub the_label: &'static str,
    pub the_text: &'static str,
    /// `{text}` and a `{hint}` (empty, or [`ProblemWords::units_hint`]).
    pub not_a_number: &'static str,
    pub units_hint: &'static str,
    pub below_zero: &'static str,
    pub too_large: &'static str,
    pub all_zero: &'static str,
    pub table_empty: &'static str,
    pub header_only: &'static str,
    /// `{count}` rows over `{max}`.
    pub too_many_rows: &'static str,
    pub no_title: &'static str,
    /// `{hint}`: empty or [`ProblemWords::other_separator`] with `{other}` and `{used}`.
    pub one_cell: &'static str,
    pub other_separator: &'static str,
    pub commas: &'static str,
    pub semicolons: &'static str,
    pub tabs: &'static str,
    pub extra_cell: &'static str,
    pub label_empty: &'static str,
    pub value_empty: &'static str,
    pub formula: &'static str,
    /// `{text}` has (or lacks) a `%` that the value in row `{row}` lacks (or has).
    pub percent_extra: &'static str,
    pub percent_missing: &'static str,
    /// `{bytes}` over `{max}`.
    pub file_too_big: &'static str,
    pub file_empty: &'static str,
    pub not_utf8: &'static str,
    /// `{text}`, `{lang}`, `{mark}`.
    pub ambiguous: &'static str,
    /// `{text}`, `{mark}`, `{language}`, `{example}` (and `{decimal}`).
    pub wrong_mark: &'static str,
    pub misplaced_group: &'static str,
    /// A language without a known convention: `{lang}`.
    pub read_as_english: &'static str,
    pub file_unreadable: &'static str,
    pub missing_field: &'static str,
    /// What the short form found instead: `{found}`.
    pub bad_tag: &'static str,
    pub not_array: &'static str,
    /// `{count}` entries, 1 to `{max}`.
    pub slice_count: &'static str,
    pub quoted_number: &'static str,
    pub not_number: &'static str,
    pub not_object: &'static str,
    pub not_string: &'static str,
    pub empty_text: &'static str,
    /// `{fields}`: the known ones.
    pub unknown_field: &'static str,
    pub twice: &'static str,
    pub an_array: &'static str,
    pub an_object: &'static str,
}
