//! What the widget hands to JavaScript, as serde types written by serde-wasm-bindgen: the view
//! (`state()`), and the details of the `select` and `error` events and of `validateDataset`.

use serde::Serialize;
use wasm_bindgen::JsValue;

use crate::dataset::{ChartKind, Dataset, DatasetErrors};
use crate::describe::SliceText;
use crate::view::ViewState;

/// `state()`: everything a script may want to read about the view.
#[derive(Serialize)]
pub struct StateDetail<'a> {
    pub sector: Option<&'a str>,
    pub chart: Option<&'a str>,
    pub kind: Option<&'static str>,
    pub lang: String,
    pub hidden: Vec<usize>,
    pub selected: Option<usize>,
    pub focus: Option<usize>,
    pub hover: Option<usize>,
    /// The deep link of the view, without '#'.
    pub query: String,
    pub dark: bool,
}

/// `detail` of the `select` event; the slice's fields are left out when nothing is selected.
#[derive(Serialize)]
pub struct SelectDetail<'a> {
    pub sector: Option<&'a str>,
    pub chart: Option<&'a str>,
    pub index: Option<usize>,
    #[serde(flatten)]
    pub slice: Option<SelectedSlice<'a>>,
}

#[derive(Serialize)]
pub struct SelectedSlice<'a> {
    pub key: &'a str,
    pub label: &'a str,
    pub value: &'a str,
    pub share: &'a str,
}

impl<'a> StateDetail<'a> {
    pub fn of(dataset: &'a Dataset, state: &'a ViewState, dark: bool) -> StateDetail<'a> {
        StateDetail {
            sector: state.sector.as_deref(),
            chart: state.chart(dataset).map(|c| c.id.as_str()),
            kind: state.effective_kind(dataset).map(ChartKind::code),
            lang: state.tag().to_string(),
            hidden: state.hidden.iter().copied().collect(),
            selected: state.selected,
            focus: state.focus,
            hover: state.hover,
            query: state.to_query(),
            dark,
        }
    }
}

impl<'a> SelectDetail<'a> {
    /// The selected slice (or none) of the view, in the words of `texts`.
    pub fn of(
        dataset: &'a Dataset,
        state: &'a ViewState,
        texts: &'a [SliceText],
    ) -> SelectDetail<'a> {
        let selected = state.selected.and_then(|i| texts.get(i).map(|t| (i, t)));
        SelectDetail {
            sector: state.sector.as_deref(),
            chart: state.chart(dataset).map(|c| c.id.as_str()),
            index: selected.map(|(i, _)| i),
            slice: selected.map(|(_, text)| SelectedSlice {
                key: &text.key,
                label: &text.label,
                value: &text.value,
                share: &text.share,
            }),
        }
    }
}

/// `detail` of the `error` event, and what `validateDataset` returns for an invalid dataset.
#[derive(Serialize)]
pub struct ErrorDetail<'a> {
    pub message: String,
    pub problems: Vec<Problem<'a>>,
}

#[derive(Serialize)]
pub struct Problem<'a> {
    pub path: &'a str,
    pub message: &'a str,
}

impl<'a> ErrorDetail<'a> {
    /// Every problem of a refused dataset, with the summary sentence.
    pub fn of_dataset(errors: &'a DatasetErrors) -> ErrorDetail<'a> {
        ErrorDetail {
            message: errors.to_string(),
            problems: errors
                .iter()
                .map(|e| Problem {
                    path: &e.path,
                    message: &e.message,
                })
                .collect(),
        }
    }

    /// A stated fallback: the chart shows, and the message says what was replaced.
    pub fn fallback(message: String) -> ErrorDetail<'static> {
        ErrorDetail {
            message,
            problems: Vec::new(),
        }
    }
}

/// A value as plain JavaScript: objects (not `Map`s) and `null` for `None`.
pub fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(JsValue::from)
}
