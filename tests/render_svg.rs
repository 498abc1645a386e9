//! Rendering through our SVG backend (`sector_charts::svg`): every chart of the built-in dataset
//! in every allowed kind and both languages, checked element by element in the SVG text.
//!
//! The writer puts one element per line: `<polygon opacity=".." fill="#rrggbb" points=".."/>`
//! for filled slices, `<rect x y width height opacity fill stroke/>` for bars,
//! `<polyline fill="none" opacity stroke stroke-width points/>` for outlines and leaders,
//! `<line ../>` for patterns and the bar baseline, and `<text ..>escaped text\n</text>`.

use plotters::prelude::{DrawingBackend, SVGBackend};

use sector_charts::dataset::{built_in, parse, Chart, ChartKind, Dataset, Lang};
use sector_charts::describe::{layout_inputs, slice_texts};
use sector_charts::layout::{compute, ApproxMeasure, Layout, LayoutInput};
use sector_charts::render::{chart_svg, Paint};
use sector_charts::theme::Theme;
use sector_charts::view::ViewState;

const W: u32 = 640;
const H: u32 = 480;
const FONT_PX: f64 = 13.0;

// ---------------------------------------------------------------------------------------------
// A small SVG reader: enough for what the writer writes.

#[derive(Clone, Debug)]
struct Element {
    tag: String,
    attrs: Vec<(String, String)>,
    /// Unescaped content of a `<text>` element.
    text: Option<String>,
}

impl Element {
    fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    fn fill(&self) -> Option<String> {
        self.attr("fill").map(str::to_ascii_lowercase)
    }

    fn stroke(&self) -> Option<String> {
        self.attr("stroke").map(str::to_ascii_lowercase)
    }

    fn points(&self) -> Vec<(i32, i32)> {
        self.attr("points")
            .unwrap_or("")
            .split_whitespace()
            .map(|pair| {
                let (x, y) = pair.split_once(',').expect("x,y");
                (x.parse().expect("x"), y.parse().expect("y"))
            })
            .collect()
    }

    fn num(&self, name: &str) -> f64 {
        self.attr(name)
            .unwrap_or_else(|| panic!("no {name} on {self:?}"))
            .parse()
            .unwrap_or_else(|_| panic!("{name} is not a number on {self:?}"))
    }
}

/// Decodes the five entities the writer writes; panics on a bare `&` or an unknown entity, which
/// would mean the text was not escaped.
fn unescape(raw: &str) -> String {
    let mut out = String::new();
    let mut rest = raw;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        let tail = &rest[at..];
        let (ch, len) = [
            ("&lt;", '<'),
            ("&gt;", '>'),
            ("&amp;", '&'),
            ("&quot;", '"'),
            ("&apos;", '\''),
        ]
        .iter()
        .find(|(entity, _)| tail.starts_with(entity))
        .map(|(entity, ch)| (*ch, entity.len()))
        .unwrap_or_else(|| panic!("unescaped & in {raw:?}"));
        out.push(ch);
        rest = &tail[len..];
    }
    out.push_str(rest);
    out
}

fn parse_svg(svg: &str) -> Vec<Element> {
    let mut elements = Vec::new();
    let mut rest = svg;
    while let Some(open) = rest.find('<') {
        rest = &rest[open + 1..];
        if rest.starts_with('/') {
            let close = rest.find('>').expect("closing tag ends");
            rest = &rest[close + 1..];
            continue;
        }
        let end = rest.find('>').expect("tag ends");
        let inside = &rest[..end];
        rest = &rest[end + 1..];
        let self_closing = inside.ends_with('/');
        let inside = inside.trim_end_matches('/');
        let (tag, mut attr_text) = inside.split_once(' ').unwrap_or((inside, ""));
        assert!(
            tag.chars().all(|c| c.is_ascii_alphanumeric()),
            "odd tag name {tag:?}"
        );
        let mut attrs = Vec::new();
        loop {
            attr_text = attr_text.trim_start();
            if attr_text.is_empty() {
                break;
            }
            let (key, after) = attr_text.split_once("=\"").expect("key=\"value\"");
            let close = after.find('"').expect("attribute value ends");
            let value = &after[..close];
            assert!(!value.contains('<'), "raw < in attribute {key}={value:?}");
            attrs.push((key.trim().to_string(), unescape(value)));
            attr_text = &after[close + 1..];
        }
        let text = if tag == "text" && !self_closing {
            let close = rest.find("</text>").expect("text closes");
            let raw = &rest[..close];
            assert!(!raw.contains('<'), "raw < inside text: {raw:?}");
            rest = &rest[close..];
            // The writer puts `<text ..>\n` + text + `\n</text>`.
            let raw = raw.strip_prefix('\n').unwrap_or(raw);
            Some(unescape(raw.strip_suffix('\n').unwrap_or(raw)))
        } else {
            None
        };
        elements.push(Element {
            tag: tag.to_string(),
            attrs,
            text,
        });
    }
    elements
}

// ---------------------------------------------------------------------------------------------
// Drawing

#[derive(Clone, Copy, Default)]
struct Marks {
    hover: Option<usize>,
    focus: Option<usize>,
    selected: Option<usize>,
    highlight: Option<usize>,
}

struct Drawn {
    layout: Layout,
    svg: String,
    elements: Vec<Element>,
}

impl Drawn {
    fn tagged(&self, tag: &str) -> Vec<&Element> {
        self.elements.iter().filter(|e| e.tag == tag).collect()
    }

    fn texts(&self) -> Vec<String> {
        self.elements
            .iter()
            .filter_map(|e| e.text.clone())
            .collect()
    }

    fn label_lines(&self) -> Vec<String> {
        self.layout
            .labels
            .iter()
            .flat_map(|l| l.lines.iter().cloned())
            .collect()
    }
}

fn palette_hexes(theme: &Theme) -> Vec<String> {
    theme.palette.iter().map(|c| c.hex()).collect()
}

fn draw(ds: &Dataset, state: &ViewState, marks: Marks) -> Drawn {
    let chart = state.chart(ds).expect("a chart");
    let kind = state.effective_kind(ds).expect("a kind");
    let texts = slice_texts(chart, state);
    // What the widget draws: grouped slices inside "Other", the same helper.
    let inputs = layout_inputs(&texts);
    let layout = compute(&LayoutInput {
        kind,
        slices: &inputs,
        width: f64::from(W),
        height: f64::from(H),
        font_px: FONT_PX,
        scale: 1.0,
        highlight: marks.highlight,
        measure: &ApproxMeasure,
    });
    let theme = Theme::light();
    let paint = Paint {
        theme: &theme,
        font_px: FONT_PX,
        scale: 1.0,
        hover: marks.hover,
        focus: marks.focus,
        selected: marks.selected,
        progress: 1.0,
        font_family: "sans-serif",
        other: None,
        text_scale: 1.0,
    };
    let svg = chart_svg(&layout, &paint, (W, H));
    let elements = parse_svg(&svg);
    Drawn {
        layout,
        svg,
        elements,
    }
}

fn state_for(sector: Option<&str>, chart: &Chart, kind: ChartKind, lang: Lang) -> ViewState {
    ViewState {
        sector: sector.map(str::to_string),
        chart: Some(chart.id.clone()),
        kind: Some(kind),
        ..ViewState::new(lang)
    }
}

/// Every (sector, chart) of the dataset, overview first.
fn every_chart(ds: &Dataset) -> Vec<(Option<String>, Chart)> {
    let mut all: Vec<(Option<String>, Chart)> =
        ds.overview.iter().map(|c| (None, c.clone())).collect();
    for sector in &ds.sectors {
        for chart in &sector.charts {
            all.push((Some(sector.id.clone()), chart.clone()));
        }
    }
    all
}

/// Every view to draw: each chart in each allowed kind and language.
fn every_view(ds: &Dataset) -> Vec<ViewState> {
    let mut views = Vec::new();
    for (sector, chart) in every_chart(ds) {
        for &kind in chart.allowed_kinds() {
            for lang in Lang::ALL {
                views.push(state_for(sector.as_deref(), &chart, kind, lang));
            }
        }
    }
    views
}

/// Indices of the slices that take room: visible with a value above zero.
fn drawn_slices(chart: &Chart, state: &ViewState) -> Vec<usize> {
    chart
        .slices
        .iter()
        .enumerate()
        .filter(|(i, s)| !state.hidden.contains(i) && s.value > 0.0)
        .map(|(i, _)| i)
        .collect()
}

/// The palette-coloured filled shapes: polygons for pie/donut, rects for bars.
fn slice_fills(drawn: &Drawn, kind: ChartKind, theme: &Theme) -> Vec<String> {
    let palette = palette_hexes(theme);
    let tag = if kind.is_circular() {
        "polygon"
    } else {
        "rect"
    };
    drawn
        .tagged(tag)
        .into_iter()
        .filter_map(|e| e.fill())
        .filter(|fill| palette.contains(fill))
        .collect()
}

fn expected_fills(theme: &Theme, indices: &[usize]) -> Vec<String> {
    indices
        .iter()
        .map(|&i| theme.slice_colour(i).hex())
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Tests

#[test]
fn the_svg_reader_reads_what_the_writer_writes() {
    let mut svg = String::new();
    {
        let mut backend = SVGBackend::with_string(&mut svg, (10, 10));
        let style = sector_charts::render::solid(sector_charts::theme::Rgb(0, 0x72, 0xb2));
        backend
            .fill_polygon(vec![(0, 0), (5, 0), (5, 5)], &style)
            .unwrap();
        backend.draw_rect((1, 2), (4, 6), &style, true).unwrap();
        backend.present().unwrap();
    }
    let elements = parse_svg(&svg);
    let tags: Vec<&str> = elements.iter().map(|e| e.tag.as_str()).collect();
    assert_eq!(tags, ["svg", "polygon", "rect"]);
    assert_eq!(elements[1].fill().as_deref(), Some("#0072b2"));
    assert_eq!(elements[1].points(), [(0, 0), (5, 0), (5, 5)]);
    assert_eq!(elements[2].num("width"), 3.0);
    assert_eq!(elements[2].num("height"), 4.0);
    assert_eq!(
        unescape("a &lt;b&gt; &amp; &quot;c&quot; &apos;"),
        "a <b> & \"c\" '"
    );
}

#[test]
fn every_chart_in_every_kind_and_language_draws_its_slices() {
    let ds = built_in().expect("built-in dataset");
    let theme = Theme::light();
    let views = every_view(&ds);
    // Overview pie (3 kinds) + figures (bar) + 2 agriculture bars + 4 donut charts (3 kinds),
    // each in two languages.
    assert_eq!(views.len(), 2 * (3 + 1 + 2 + 4 * 3));
    for state in views {
        let chart = state.chart(&ds).unwrap();
        let kind = state.effective_kind(&ds).unwrap();
        assert_eq!(Some(kind), state.kind, "{} cannot be a {kind}", chart.id);
        let drawn = draw(&ds, &state, Marks::default());
        let what = format!("{} as {kind} in {:?}", chart.id, state.lang);

        assert!(drawn.svg.starts_with("<svg "), "{what}");
        assert!(drawn.svg.trim_end().ends_with("</svg>"), "{what}");
        assert!(drawn.svg.contains(&format!("width=\"{W}\" height=\"{H}\"")));

        let expected = drawn_slices(chart, &state);
        assert!(!expected.is_empty());
        let fills = slice_fills(&drawn, kind, &theme);
        assert_eq!(
            fills,
            expected_fills(&theme, &expected),
            "{what}: one filled shape per visible non-zero slice, in order"
        );
        if kind.is_circular() {
            assert!(drawn.tagged("rect").is_empty(), "{what}: no rects in a pie");
            // Every polygon is a slice.
            assert_eq!(drawn.tagged("polygon").len(), expected.len(), "{what}");
            for polygon in drawn.tagged("polygon") {
                assert!(polygon.points().len() >= 3, "{what}: degenerate polygon");
                for (x, y) in polygon.points() {
                    assert!((0..=W as i32).contains(&x) && (0..=H as i32).contains(&y));
                }
            }
        } else {
            assert!(
                drawn.tagged("polygon").is_empty(),
                "{what}: no polygons in bars"
            );
            for rect in drawn.tagged("rect") {
                assert!(rect.num("width") > 0.0 && rect.num("height") > 0.0);
                assert!(rect.num("x") + rect.num("width") <= f64::from(W));
                assert!(rect.num("y") + rect.num("height") <= f64::from(H));
            }
        }

        // Labels: every line as a <text>, in order, and nothing else.
        let lines = drawn.label_lines();
        assert!(!lines.is_empty(), "{what}: no labels at all");
        assert_eq!(drawn.texts(), lines, "{what}");
        for label in &drawn.layout.labels {
            assert!(!state.hidden.contains(&label.slice));
        }
        // Each shown slice's label text appears (the built-in labels are short enough).
        for (i, text) in slice_texts(chart, &state).iter().enumerate() {
            if text.hidden || chart.slices[i].value <= 0.0 {
                continue;
            }
            let all = drawn.texts().concat();
            let compact: String = text.label.split_whitespace().collect();
            let all_compact: String = all.split_whitespace().collect();
            assert!(
                all_compact.contains(&compact),
                "{what}: label {:?} not drawn",
                text.label
            );
        }
    }
}

#[test]
fn pie_slices_are_outlined_in_their_edge_colour() {
    let ds = built_in().unwrap();
    let theme = Theme::light();
    for state in every_view(&ds) {
        let chart = state.chart(&ds).unwrap();
        let kind = state.effective_kind(&ds).unwrap();
        if !kind.is_circular() {
            continue;
        }
        let drawn = draw(&ds, &state, Marks::default());
        let polygons = drawn.tagged("polygon");
        // Slice outlines are 1.5 px, written as 2; leader lines are 1 px.
        let outlines: Vec<&Element> = drawn
            .tagged("polyline")
            .into_iter()
            .filter(|e| e.attr("stroke-width") == Some("2"))
            .collect();
        let order = drawn_slices(chart, &state);
        assert_eq!(outlines.len(), polygons.len(), "{}", chart.id);
        for ((polygon, outline), &index) in polygons.iter().zip(&outlines).zip(&order) {
            let mut closed = polygon.points();
            closed.push(closed[0]);
            assert_eq!(outline.points(), closed, "the outline traces its slice");
            assert_eq!(
                outline.stroke(),
                Some(theme.edge_colour(index).hex()),
                "{} slice {index}",
                chart.id
            );
        }
    }
}

#[test]
fn hidden_slices_are_not_drawn() {
    let ds = built_in().unwrap();
    let theme = Theme::light();
    for state in every_view(&ds) {
        let chart = state.chart(&ds).unwrap().clone();
        let kind = state.effective_kind(&ds).unwrap();
        if chart.slices.len() < 2 {
            continue;
        }
        let full = draw(&ds, &state, Marks::default());
        for hide in 0..chart.slices.len() {
            let mut hidden_state = state.clone();
            hidden_state.hidden.insert(hide);
            let drawn = draw(&ds, &hidden_state, Marks::default());
            let what = format!("{} as {kind}, slice {hide} hidden", chart.id);
            let expected = drawn_slices(&chart, &hidden_state);
            assert!(!expected.contains(&hide));
            assert_eq!(
                slice_fills(&drawn, kind, &theme),
                expected_fills(&theme, &expected),
                "{what}"
            );
            assert_eq!(drawn.texts(), drawn.label_lines(), "{what}");
            assert!(drawn.layout.labels.iter().all(|l| l.slice != hide));
            // The hidden slice's own label text is gone.
            let own: Vec<String> = full
                .layout
                .labels
                .iter()
                .filter(|l| l.slice == hide)
                .flat_map(|l| l.lines.first().cloned())
                .collect();
            let others: Vec<String> = full
                .layout
                .labels
                .iter()
                .filter(|l| l.slice != hide)
                .flat_map(|l| l.lines.iter().cloned())
                .collect();
            for line in own.iter().filter(|line| !others.contains(line)) {
                assert!(
                    !drawn.texts().contains(line),
                    "{what}: its label {line:?} is still drawn"
                );
            }
        }
    }
}

fn outlines<'a>(drawn: &'a Drawn, rgb: &str, width: &str) -> Vec<&'a Element> {
    drawn
        .tagged("polyline")
        .into_iter()
        .filter(|e| e.stroke().as_deref() == Some(rgb) && e.attr("stroke-width") == Some(width))
        .collect()
}

#[test]
fn focus_hover_and_selection_get_outlines() {
    let ds = built_in().unwrap();
    let theme = Theme::light();
    let (text, focus, background) = (theme.text.hex(), theme.focus.hex(), theme.background.hex());
    for state in every_view(&ds) {
        let chart = state.chart(&ds).unwrap();
        let kind = state.effective_kind(&ds).unwrap();
        let plain = draw(&ds, &state, Marks::default());
        let base = plain.tagged("polyline").len();
        for &index in &drawn_slices(chart, &state) {
            let what = format!("{} as {kind}, slice {index}", chart.id);

            let focused = draw(
                &ds,
                &state,
                Marks {
                    focus: Some(index),
                    ..Marks::default()
                },
            );
            assert_eq!(focused.tagged("polyline").len(), base + 2, "{what}: focus");
            assert_eq!(outlines(&focused, &focus, "3").len(), 1, "{what}");
            assert_eq!(outlines(&focused, &background, "6").len(), 1, "{what}");
            let ring = outlines(&focused, &focus, "3")[0].points();
            assert_eq!(
                ring.first(),
                ring.last(),
                "{what}: the focus ring is closed"
            );
            if kind.is_circular() {
                let polygon = &focused.tagged("polygon")[drawn_slices(chart, &state)
                    .iter()
                    .position(|&i| i == index)
                    .unwrap()];
                let mut closed = polygon.points();
                closed.push(closed[0]);
                assert_eq!(ring, closed, "{what}: the ring traces the focused slice");
            } else {
                // The ring surrounds the bar.
                let bar = drawn_bar(&focused, &theme, chart, &state, index);
                let xs: Vec<i32> = ring.iter().map(|p| p.0).collect();
                let ys: Vec<i32> = ring.iter().map(|p| p.1).collect();
                let (x0, x1) = (*xs.iter().min().unwrap(), *xs.iter().max().unwrap());
                let (y0, y1) = (*ys.iter().min().unwrap(), *ys.iter().max().unwrap());
                assert!(
                    f64::from(x0) <= bar.0 && bar.0 + bar.2 <= f64::from(x1),
                    "{what}"
                );
                assert!(
                    f64::from(y0) <= bar.1 && bar.1 + bar.3 <= f64::from(y1),
                    "{what}"
                );
            }
            // The slices themselves are unchanged by focus.
            assert_eq!(
                slice_fills(&focused, kind, &theme),
                slice_fills(&plain, kind, &theme)
            );

            let hovered = draw(
                &ds,
                &state,
                Marks {
                    hover: Some(index),
                    ..Marks::default()
                },
            );
            assert_eq!(hovered.tagged("polyline").len(), base + 1, "{what}: hover");
            assert_eq!(outlines(&hovered, &text, "2").len(), 1, "{what}");

            let selected = draw(
                &ds,
                &state,
                Marks {
                    selected: Some(index),
                    ..Marks::default()
                },
            );
            assert_eq!(
                selected.tagged("polyline").len(),
                base + 1,
                "{what}: selection"
            );
            assert_eq!(outlines(&selected, &text, "3").len(), 1, "{what}");
            // Only the selected slice keeps its full colour; the others are dimmed.
            assert_eq!(
                slice_fills(&selected, kind, &theme),
                [theme.slice_colour(index).hex()],
                "{what}"
            );
            let tag = if kind.is_circular() {
                "polygon"
            } else {
                "rect"
            };
            assert_eq!(
                selected.tagged(tag).len(),
                plain.tagged(tag).len(),
                "{what}: dimmed slices are still drawn"
            );
        }
    }
}

/// The bar rectangle of slice `index` as (x, y, w, h).
fn drawn_bar(
    drawn: &Drawn,
    theme: &Theme,
    chart: &Chart,
    state: &ViewState,
    index: usize,
) -> (f64, f64, f64, f64) {
    let palette = palette_hexes(theme);
    let rects: Vec<&Element> = drawn
        .tagged("rect")
        .into_iter()
        .filter(|e| e.fill().is_some_and(|f| palette.contains(&f)))
        .collect();
    let position = drawn_slices(chart, state)
        .iter()
        .position(|&i| i == index)
        .unwrap();
    let r = rects[position];
    (r.num("x"), r.num("y"), r.num("width"), r.num("height"))
}

#[test]
fn outlines_of_hidden_or_missing_slices_are_not_drawn() {
    let ds = built_in().unwrap();
    for state in every_view(&ds) {
        let chart = state.chart(&ds).unwrap();
        if chart.slices.len() < 2 {
            continue;
        }
        let mut hidden = state.clone();
        hidden.hidden.insert(0);
        let base = draw(&ds, &hidden, Marks::default())
            .tagged("polyline")
            .len();
        for marks in [
            Marks {
                focus: Some(0),
                hover: Some(0),
                ..Marks::default()
            },
            Marks {
                focus: Some(99),
                hover: Some(99),
                selected: Some(99),
                ..Marks::default()
            },
        ] {
            let drawn = draw(&ds, &hidden, marks);
            assert_eq!(drawn.tagged("polyline").len(), base, "{}", chart.id);
        }
    }
}

#[test]
fn the_highlighted_pie_slice_is_pulled_out_and_drawn_last() {
    let ds = built_in().unwrap();
    let theme = Theme::light();
    for state in every_view(&ds) {
        let chart = state.chart(&ds).unwrap();
        let kind = state.effective_kind(&ds).unwrap();
        if !kind.is_circular() {
            continue;
        }
        let plain = draw(&ds, &state, Marks::default());
        let order = drawn_slices(chart, &state);
        for (position, &index) in order.iter().enumerate() {
            let drawn = draw(
                &ds,
                &state,
                Marks {
                    highlight: Some(index),
                    ..Marks::default()
                },
            );
            let fills = slice_fills(&drawn, kind, &theme);
            assert_eq!(fills.len(), order.len());
            assert_eq!(
                fills.last(),
                Some(&theme.slice_colour(index).hex()),
                "{}: the highlighted slice goes on top",
                chart.id
            );
            let moved = drawn.tagged("polygon").last().unwrap().points();
            let before = plain.tagged("polygon")[position].points();
            assert_eq!(moved.len(), before.len());
            assert_ne!(
                moved, before,
                "{}: slice {index} is not pulled out",
                chart.id
            );
            // Pulled out by about PULL_OUT px, every point by the same offset.
            let (dx, dy) = (moved[0].0 - before[0].0, moved[0].1 - before[0].1);
            let distance = f64::from(dx * dx + dy * dy).sqrt();
            assert!((4.0..=8.0).contains(&distance), "pulled {distance} px");
            for (a, b) in moved.iter().zip(&before) {
                assert!(((a.0 - b.0) - dx).abs() <= 1 && ((a.1 - b.1) - dy).abs() <= 1);
            }
        }
    }
}

/// A dataset with hostile text: markup in labels, title, counter and source.
const HOSTILE: &str = r#"{
  "version": 1,
  "title": {"zh": "<b>标题</b>", "en": "<b>Title</b>"},
  "source": {"title": {"zh": "报告", "en": "Report"},
             "publisher": {"zh": "编辑部 & <i>", "en": "The desk & <i>"}, "date": "2024"},
  "sectors": [
    {
      "id": "hostile",
      "name": {"zh": "<script>alert(1)</script>&", "en": "<script>alert(1)</script>&"},
      "paragraph": "<script>alert(1)</script>",
      "indicators": [
        {"id": "a", "label": {"zh": "<script>alert(1)</script>&", "en": "<script>alert(1)</script>&"},
         "value": 60, "unit": "count", "counter": {"zh": "<个>", "en": "<items>"}},
        {"id": "b", "label": {"zh": "\"引号\" & 'apos'", "en": "\"quotes\" & 'apos'"},
         "value": 40, "unit": "count", "counter": {"zh": "个", "en": "items"}}
      ],
      "charts": [
        {"id": "hostile-chart", "title": {"zh": "<svg onload=alert(1)>", "en": "<svg onload=alert(1)>"},
         "kind": "pie", "parts_of_whole": true,
         "slices": [{"indicator": "a"}, {"indicator": "b"}]}
      ]
    }
  ]
}"#;

#[test]
fn label_text_is_escaped() {
    let ds = parse(HOSTILE).expect("the hostile dataset is valid");
    let chart = ds.sectors[0].charts[0].clone();
    let mut seen_script = 0;
    for kind in ChartKind::ALL {
        for lang in Lang::ALL {
            for sector in [None, Some("hostile")] {
                let state = match sector {
                    Some(id) => state_for(Some(id), &chart, kind, lang),
                    None => ViewState {
                        kind: Some(kind),
                        ..ViewState::new(lang)
                    },
                };
                let drawn = draw(&ds, &state, Marks::default());
                assert!(!drawn.svg.contains("<script"), "raw <script> in the SVG");
                assert!(!drawn.svg.contains("<svg onload"), "raw markup in the SVG");
                assert!(!drawn.svg.contains("<items>") && !drawn.svg.contains("<个>"));
                assert_eq!(drawn.svg.matches("<svg").count(), 1);
                // Every & in the document starts an entity (unescape panics otherwise).
                for text in drawn.texts() {
                    assert!(!text.is_empty());
                }
                assert_eq!(drawn.texts(), drawn.label_lines());
                let all = drawn.texts().concat();
                if all.contains("<script>alert(1)</script>&") {
                    seen_script += 1;
                    assert!(drawn
                        .svg
                        .contains("&lt;script&gt;alert(1)&lt;/script&gt;&amp;"));
                }
                if sector.is_some() {
                    assert!(all.contains('"') && all.contains('\''), "{all}");
                    assert!(drawn.svg.contains("&quot;") && drawn.svg.contains("&apos;"));
                }
            }
        }
    }
    assert!(seen_script > 0, "the hostile label was never drawn whole");
}

#[test]
fn drawing_is_deterministic() {
    let ds = built_in().unwrap();
    for state in every_view(&ds).into_iter().step_by(3) {
        let a = draw(&ds, &state, Marks::default());
        let b = draw(&ds, &state, Marks::default());
        assert_eq!(a.svg, b.svg);
    }
}
