//! The widget on a real canvas in Chromium (`wasm-pack test --headless --chrome`): it draws,
//! hit-tests where it drew, resizes with its container, and reports bad data.
#![cfg(target_arch = "wasm32")]

use js_sys::{Object, Promise, Reflect};
use sector_charts::web::SectorChart;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;
use web_sys::{CanvasRenderingContext2d, Element, HtmlCanvasElement, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window()
        .and_then(|w| w.document())
        .expect("document")
}

/// A container of a fixed CSS width on the test page, styled through the CSSOM.
fn container(width_px: u32) -> HtmlElement {
    let doc = document();
    let div: HtmlElement = doc.create_element("div").expect("div").unchecked_into();
    div.style()
        .set_property("width", &format!("{width_px}px"))
        .expect("width");
    doc.body()
        .expect("body")
        .append_child(&div)
        .expect("append");
    div
}

fn options(pairs: &[(&str, JsValue)]) -> Object {
    let object = Object::new();
    for (key, value) in pairs {
        Reflect::set(&object, &JsValue::from_str(key), value).expect("set");
    }
    // No entry animation: the tests look at the final picture.
    Reflect::set(&object, &"theme".into(), &"light".into()).expect("set");
    object
}

fn mount(element: &Element, pairs: &[(&str, JsValue)]) -> SectorChart {
    SectorChart::new(element.clone(), Some(options(pairs).unchecked_into())).expect("mounts")
}

fn get(object: &JsValue, key: &str) -> JsValue {
    Reflect::get(object, &JsValue::from_str(key)).expect("field")
}

/// Long enough for the entry animation (400 ms) to finish.
const ENTRY: i32 = 700;

/// Waits for `ms` milliseconds: long enough for ResizeObserver and animation frames.
async fn sleep(ms: i32) {
    let promise = Promise::new(&mut |resolve, _| {
        web_sys::window()
            .expect("window")
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .expect("timeout");
    });
    JsFuture::from(promise).await.expect("slept");
}

fn canvas_in(element: &Element) -> HtmlCanvasElement {
    element
        .query_selector("canvas")
        .expect("query")
        .expect("a canvas")
        .unchecked_into()
}

/// The RGBA pixel at device coordinates.
fn pixel(canvas: &HtmlCanvasElement, x: f64, y: f64) -> [u8; 4] {
    let context: CanvasRenderingContext2d = canvas
        .get_context("2d")
        .expect("context")
        .expect("2d")
        .unchecked_into();
    let data = context
        .get_image_data(x, y, 1.0, 1.0)
        .expect("pixels")
        .data();
    [data[0], data[1], data[2], data[3]]
}

fn pointer(canvas: &HtmlCanvasElement, kind: &str, device_x: f64, device_y: f64) {
    let rect = canvas.get_bounding_client_rect();
    let scale = rect.width() / f64::from(canvas.width());
    let init = web_sys::PointerEventInit::new();
    init.set_client_x((rect.left() + device_x * scale).round() as i32);
    init.set_client_y((rect.top() + device_y * scale).round() as i32);
    init.set_pointer_type("mouse");
    init.set_bubbles(true);
    let event = web_sys::PointerEvent::new_with_event_init_dict(kind, &init).expect("event");
    canvas.dispatch_event(&event).expect("dispatched");
}

#[wasm_bindgen_test]
async fn draws_the_overview_on_a_sharp_canvas() {
    let host = container(640);
    let _chart = mount(&host, &[("lang", "en".into())]);
    sleep(ENTRY).await;
    let canvas = canvas_in(&host);
    let dpr = web_sys::window().expect("window").device_pixel_ratio();
    let css_width = canvas.get_bounding_client_rect().width();
    assert_eq!(
        f64::from(canvas.width()),
        (css_width * dpr).round(),
        "backing store = CSS × dpr"
    );
    let drawn = canvas.get_attribute("data-drawn").expect("drawn marker");
    assert!(drawn.starts_with("pie:"), "{drawn}");
    assert!(drawn.ends_with(":9"), "nine sectors: {drawn}");
    // The centre of the pie is painted, a corner is not.
    let (w, h) = (f64::from(canvas.width()), f64::from(canvas.height()));
    assert_eq!(pixel(&canvas, w / 2.0, h / 2.0)[3], 255, "centre painted");
    assert_eq!(pixel(&canvas, 1.0, 1.0)[3], 0, "corner left clear");
    host.remove();
}

#[wasm_bindgen_test]
async fn hit_testing_finds_the_slice_that_was_drawn_there() {
    let host = container(640);
    let chart = mount(
        &host,
        &[
            ("lang", "en".into()),
            ("sector", "smes".into()),
            ("chart", "patents".into()),
            ("kind", "pie".into()),
        ],
    );
    sleep(ENTRY).await;
    let canvas = canvas_in(&host);
    let (w, h) = (f64::from(canvas.width()), f64::from(canvas.height()));
    // The first slice (invention patents, 24 %) starts at 12 o'clock and runs clockwise: a
    // point just right of the top, halfway out, is inside it; just left of the top is the last.
    let radius_guess = h.min(w) * 0.25;
    let (cx, cy) = (w / 2.0, h / 2.0);
    let first = (cx + radius_guess * 0.3, cy - radius_guess);
    let last = (cx - radius_guess * 0.3, cy - radius_guess);
    let palette_first = [0x00, 0x72, 0xb2];
    let painted = pixel(&canvas, first.0, first.1);
    assert_eq!(
        &painted[..3],
        &palette_first,
        "first slice drawn in the first colour"
    );
    pointer(&canvas, "pointermove", first.0, first.1);
    let state: JsValue = chart.state().expect("state").into();
    assert_eq!(get(&state, "hover").as_f64(), Some(0.0));
    pointer(&canvas, "pointermove", last.0, last.1);
    let state: JsValue = chart.state().expect("state").into();
    assert_eq!(get(&state, "hover").as_f64(), Some(1.0));
    let tooltip = host
        .query_selector("[role=tooltip]")
        .expect("query")
        .expect("tooltip");
    assert!(!tooltip.has_attribute("hidden"), "tooltip shown on hover");
    let text = tooltip.text_content().unwrap_or_default();
    assert!(text.contains("5,581"), "tooltip names the value: {text}");
    pointer(&canvas, "pointerleave", 0.0, 0.0);
    assert!(tooltip.has_attribute("hidden"), "tooltip hidden on leave");
    host.remove();
}

#[wasm_bindgen_test]
async fn follows_its_container_when_it_resizes() {
    let host = container(600);
    let _chart = mount(&host, &[("lang", "zh".into())]);
    sleep(50).await;
    let canvas = canvas_in(&host);
    let before = canvas.width();
    host.style()
        .set_property("width", "400px")
        .expect("narrower");
    sleep(150).await;
    let after = canvas.width();
    assert!(after < before, "{after} < {before}");
    host.style().set_property("width", "600px").expect("back");
    sleep(150).await;
    assert_eq!(
        canvas.width(),
        before,
        "no ratcheting: same width, same backing store"
    );
    host.remove();
}

#[wasm_bindgen_test]
async fn a_hidden_container_draws_once_shown() {
    let host = container(500);
    host.style().set_property("display", "none").expect("hide");
    let _chart = mount(&host, &[]);
    sleep(50).await;
    let canvas = canvas_in(&host);
    assert_ne!(
        canvas
            .get_attribute("data-drawn")
            .as_deref()
            .map(|d| d.starts_with("pie:")),
        Some(true)
    );
    host.style().set_property("display", "block").expect("show");
    sleep(150).await;
    let drawn = canvas.get_attribute("data-drawn").unwrap_or_default();
    assert!(
        drawn.starts_with("pie:"),
        "drawn after being shown: {drawn}"
    );
    host.remove();
}

#[wasm_bindgen_test]
fn bad_data_shows_an_alert_that_names_the_place() {
    let host = container(400);
    let data = r#"{"version": 1, "title": {"zh": "x", "en": "x"}, "source": {"title": {"zh": "x", "en": "x"}, "publisher": {"zh": "x", "en": "x"}, "date": "2020"}, "sectors": [{"id": "a", "name": {"zh": "x", "en": "x"}, "indicators": [{"id": "b", "label": {"zh": "x", "en": "x"}, "value": "NaN", "unit": "count"}], "charts": []}]}"#;
    let _chart = mount(&host, &[("data", data.into())]);
    let alert = host
        .query_selector("[role=alert]")
        .expect("query")
        .expect("alert");
    assert!(!alert.has_attribute("hidden"));
    let text = alert.text_content().unwrap_or_default();
    assert!(text.contains("sectors[0].indicators[0].value"), "{text}");
    host.remove();
}

#[wasm_bindgen_test]
fn an_option_of_the_wrong_type_is_a_type_error_that_names_it() {
    let host = container(400);
    let given = options(&[("downloads", "yes".into())]);
    let refused = SectorChart::new(host.clone().into(), Some(given.unchecked_into()));
    let error = refused.err().expect("refused");
    assert!(error.is_instance_of::<js_sys::TypeError>(), "{error:?}");
    let message = String::from(js_sys::Error::from(error).message());
    assert!(
        message.contains("downloads") && message.contains("\"yes\""),
        "{message}"
    );
    host.remove();
}

#[wasm_bindgen_test]
async fn an_unusable_height_draws_and_says_what_was_replaced() {
    let host = container(400);
    let _chart = mount(&host, &[("height", "tall".into())]);
    sleep(20).await;
    assert!(canvas_in(&host)
        .get_attribute("data-drawn")
        .is_some_and(|d| d != "none"));
    let alert = host
        .query_selector("[role=alert]")
        .expect("query")
        .expect("alert");
    let text = alert.text_content().unwrap_or_default();
    assert!(text.contains("height=\"tall\""), "{text}");
    host.remove();
}

#[wasm_bindgen_test]
async fn destroy_removes_what_it_added() {
    let host = container(400);
    let mut chart = mount(&host, &[]);
    sleep(20).await;
    assert!(host.query_selector("canvas").expect("query").is_some());
    chart.destroy();
    assert_eq!(
        host.child_element_count(),
        0,
        "nothing left in the container"
    );
    host.remove();
}

/// The widget's .wasm embeds the report without the achievements and the source's note, which
/// only the explorer shows (build.rs): every sector, figure, source sentence, paragraph and
/// chart is there, as in src/data/jilin-quality.json.
#[wasm_bindgen_test]
fn the_widget_embeds_every_figure_but_not_the_explorers_text() {
    use sector_charts::dataset::{built_in, parse};
    let full = parse(include_str!("../src/data/jilin-quality.json")).expect("the file parses");
    assert!(full.sectors.iter().all(|s| !s.achievements.is_empty()));
    assert!(full.source.note.is_some());
    let mut expected = full.clone();
    // `wasm-pack test -- --features explorer` embeds the whole file, as the explorer does.
    if !cfg!(feature = "explorer") {
        expected.source.note = None;
        for sector in &mut expected.sectors {
            sector.achievements.clear();
        }
    }
    assert_eq!(built_in().expect("the embedded copy parses"), expected);
}
