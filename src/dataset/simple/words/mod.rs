//! The readers' problem messages in the widget's language (zh, en, fr, de, es, ja; English
//! otherwise): one set of templates per language, chosen here, filled by the readers.

mod cjk;
mod latin;
mod template;

pub use self::template::ProblemWords;
use crate::i18n::Speech;

/// The problem sentences in `speech`.
pub fn problem_words(speech: Speech) -> &'static ProblemWords {
    match speech {
        Speech::Zh => &cjk::ZH,
        Speech::Ja => &cjk::JA,
        Speech::En => &latin::EN,
        Speech::Fr => &latin::FR,
        Speech::De => &latin::DE,
        Speech::Es => &latin::ES,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn templates(w: &ProblemWords) -> Vec<&'static str> {
        vec![
            w.row,
            w.cell,
            w.title_place,
            w.could_not_read,
            w.too_long,
            w.the_heading,
            w.the_title,
            w.the_label,
            w.the_text,
            w.not_a_number,
            w.units_hint,
            w.below_zero,
            w.too_large,
            w.all_zero,
            w.table_empty,
            w.header_only,
            w.too_many_rows,
            w.no_title,
            w.one_cell,
            w.other_separator,
            w.commas,
            w.semicolons,
            w.tabs,
            w.extra_cell,
            w.label_empty,
            w.value_empty,
            w.formula,
            w.percent_extra,
            w.percent_missing,
            w.file_too_big,
            w.file_empty,
            w.ambiguous,
            w.wrong_mark,
            w.misplaced_group,
            w.read_as_english,
            w.file_unreadable,
            w.missing_field,
            w.bad_tag,
            w.not_array,
            w.slice_count,
            w.quoted_number,
            w.not_number,
            w.not_object,
            w.not_string,
            w.empty_text,
            w.unknown_field,
            w.twice,
            w.an_array,
            w.an_object,
        ]
    }

    /// The `{name}` slots of a template, in order.
    fn slots(template: &str) -> Vec<&str> {
        template
            .split('{')
            .skip(1)
            .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
            .collect()
    }

    #[test]
    fn every_language_fills_the_same_slots_as_english() {
        let english = templates(problem_words(Speech::En));
        for speech in Speech::ALL {
            let words = templates(problem_words(speech));
            for (said, en) in words.iter().zip(&english) {
                let (mut have, mut want) = (slots(said), slots(en));
                have.sort_unstable();
                want.sort_unstable();
                assert_eq!(have, want, "{speech:?}: {said}");
                assert!(!said.is_empty(), "{speech:?}: an empty template");
            }
        }
    }
}
