//! Which dataset a chart draws: the built-in report, or the editor's own, read by its form (a
//! `<table>`'s cells, CSV, the short JSON form or the full report format).

use std::rc::Rc;

use super::options::Options;
use crate::dataset::simple::{from_csv_in, from_grid_in, read_json_in};
use crate::dataset::{Dataset, DatasetErrors};

/// An editor's dataset and the language it says it is in (the short form's `lang`), or every
/// problem with it.
pub type EditorData = Result<(Rc<Dataset>, Option<String>), DatasetErrors>;

/// The editor's dataset the options name; `None` for the built-in report.
pub fn editor_dataset(options: &Options) -> Option<EditorData> {
    // Numbers in tables and CSV are read as people type them in the chart's language.
    let lang = options.lang.as_deref().unwrap_or("zh");
    let title = options.title.as_deref();
    // Problems are told in the widget's language, as the alert around them.
    let speech = options.speaking().speech();
    let read = if let Some(problem) = &options.load_error {
        Err(DatasetErrors::single("src", problem.clone()))
    } else if let Some(text) = &options.data {
        if options.data_is_csv {
            from_csv_in(text, title, lang, speech).map(|chart| (chart.into_dataset(), None))
        } else {
            read_json_in(text, speech)
        }
    } else {
        let table = options.table.as_ref()?;
        let title = table
            .caption
            .as_deref()
            .map(str::trim)
            .filter(|c| !c.is_empty());
        from_grid_in(
            &table.rows,
            title.or(options.title.as_deref()),
            lang,
            speech,
        )
        .map(|chart| (chart.into_dataset(), None))
    };
    Some(read.map(|(dataset, lang)| (Rc::new(dataset), lang)))
}
