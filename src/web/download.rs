//! Downloads of the view: PNG (drawn at 2× on a canvas of its own), SVG and CSV, each started as
//! the click of a detached link.

use wasm_bindgen::{JsCast, JsValue};
use web_sys::HtmlCanvasElement;

use super::canvas::{context_of, drawing_area, CanvasText};
use super::dom::document;
use crate::dataset::Dataset;
use crate::export;
use crate::format::LocalNumbers;
use crate::theme::Theme;
use crate::view::ViewState;

/// The object URL of the last SVG or CSV, revoked when the next one is made or on release.
#[derive(Default)]
pub struct Downloads {
    blob_url: Option<String>,
}

impl Downloads {
    /// `editor_data`: the dataset came from an editor, which names the files differently;
    /// `numbers` write an editor's chart in the reader's locale, as on screen.
    pub fn start(
        &mut self,
        format: &str,
        dataset: &Dataset,
        state: &ViewState,
        dark: bool,
        editor_data: bool,
        numbers: &dyn LocalNumbers,
    ) -> Result<(), JsValue> {
        let prefix = if editor_data {
            export::EDITOR_PREFIX
        } else {
            export::BUILT_IN_PREFIX
        };
        let (name, url) = match format {
            "svg" => (
                export::file_name(prefix, dataset, state, "svg"),
                self.blob(
                    &export::svg_in(dataset, state, dark, numbers),
                    "image/svg+xml",
                )?,
            ),
            "csv" => (
                export::file_name(prefix, dataset, state, "csv"),
                self.blob(
                    &export::csv_in(dataset, state, numbers),
                    "text/csv;charset=utf-8",
                )?,
            ),
            _ => (
                export::file_name(prefix, dataset, state, "png"),
                png_data_url(dataset, state, &Theme::for_dark(dark), numbers)?,
            ),
        };
        let link = document()?.create_element("a")?;
        link.set_attribute("href", &url)?;
        link.set_attribute("download", &name)?;
        // Clicked while detached: a click inside the widget would re-enter its own click
        // listener, which is still running.
        if let Some(link) = link.dyn_ref::<web_sys::HtmlElement>() {
            link.click();
        }
        Ok(())
    }

    fn blob(&mut self, text: &str, mime: &str) -> Result<String, JsValue> {
        let parts = js_sys::Array::of1(&JsValue::from_str(text));
        let bag = web_sys::BlobPropertyBag::new();
        bag.set_type(mime);
        let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &bag)?;
        // One URL at a time: the previous download has started by the time another is asked.
        self.release();
        let url = web_sys::Url::create_object_url_with_blob(&blob)?;
        self.blob_url = Some(url.clone());
        Ok(url)
    }

    pub fn release(&mut self) {
        if let Some(url) = self.blob_url.take() {
            let _ = web_sys::Url::revoke_object_url(&url);
        }
    }
}

fn png_data_url(
    dataset: &Dataset,
    state: &ViewState,
    theme: &Theme,
    numbers: &dyn LocalNumbers,
) -> Result<String, JsValue> {
    let resolution = export::Resolution {
        scale: 2.0,
        text_scale: 1.0,
    };
    let (w, h) = export::export_size(dataset, state);
    let canvas = document()?
        .create_element("canvas")?
        .dyn_into::<HtmlCanvasElement>()
        .map_err(|_| JsValue::from_str("no canvas"))?;
    canvas.set_width((w * resolution.scale).round() as u32);
    canvas.set_height((h * resolution.scale).round() as u32);
    let measure = CanvasText::new(context_of(&canvas)?);
    let area = drawing_area(&canvas)?;
    export::draw_export(&area, dataset, state, theme, resolution, &measure, numbers)
        .map_err(|e| JsValue::from_str(&format!("export failed: {e}")))?;
    canvas.to_data_url()
}
