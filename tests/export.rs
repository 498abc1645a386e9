//! Exports: the CSV of a view (BOM, headers, rows, quoting, formula defusing), file names, and the
//! SVG document with title, legend and credit line.

use sector_charts::dataset::{built_in, parse, ChartKind, Dataset, Lang, Unit};
use sector_charts::describe::{credit, slice_texts};
use sector_charts::export::{
    csv, export_size, file_name, svg, BUILT_IN_PREFIX, EDITOR_PREFIX, EXPORT_WIDTH,
};
use sector_charts::view::ViewState;

fn dataset() -> Dataset {
    built_in().expect("the built-in dataset parses")
}

fn view(sector: Option<&str>, chart: Option<&str>, lang: Lang) -> ViewState {
    ViewState {
        sector: sector.map(str::to_string),
        chart: chart.map(str::to_string),
        ..ViewState::new(lang)
    }
}

/// Every (sector, chart) view of the dataset, overview first.
fn every_view(ds: &Dataset, lang: Lang) -> Vec<ViewState> {
    let mut views: Vec<ViewState> = ds
        .overview
        .iter()
        .map(|c| view(None, Some(&c.id), lang))
        .collect();
    for sector in &ds.sectors {
        for chart in &sector.charts {
            views.push(view(Some(&sector.id), Some(&chart.id), lang));
        }
    }
    views
}

/// RFC 4180 reader: CRLF rows, quoted cells with doubled quotes, newlines inside quotes.
fn read_csv(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut cell = String::new();
    let mut chars = text.chars().peekable();
    let mut quoted = false;
    let mut at_start = true;
    while let Some(c) = chars.next() {
        if quoted {
            if c == '"' {
                if chars.peek() == Some(&'"') {
                    chars.next();
                    cell.push('"');
                } else {
                    quoted = false;
                    assert!(
                        matches!(chars.peek(), None | Some(',') | Some('\r')),
                        "text after a closing quote"
                    );
                }
            } else {
                cell.push(c);
            }
            continue;
        }
        match c {
            '"' if at_start => {
                quoted = true;
                at_start = false;
            }
            '"' => panic!("a quote inside an unquoted cell: {cell:?}"),
            ',' => {
                row.push(std::mem::take(&mut cell));
                at_start = true;
            }
            '\r' => {
                assert_eq!(chars.next(), Some('\n'), "rows end with CRLF");
                row.push(std::mem::take(&mut cell));
                rows.push(std::mem::take(&mut row));
                at_start = true;
            }
            '\n' => panic!("a bare LF outside quotes"),
            other => {
                cell.push(other);
                at_start = false;
            }
        }
    }
    assert!(!quoted, "unterminated quote");
    assert!(cell.is_empty() && row.is_empty(), "the last row lacks CRLF");
    rows
}

fn csv_rows(ds: &Dataset, state: &ViewState) -> Vec<Vec<String>> {
    let text = csv(ds, state);
    let body = text.strip_prefix('\u{feff}').expect("starts with a BOM");
    read_csv(body)
}

const ZH_HEADER: [&str; 7] = ["项目", "数值", "单位", "占比", "限定", "来源", "推算方式"];
const EN_HEADER: [&str; 7] = [
    "label",
    "value",
    "unit",
    "share",
    "qualifier",
    "source",
    "derivation",
];

// ---------------------------------------------------------------------------------------------
// CSV

#[test]
fn csv_starts_with_a_bom_and_a_header_in_each_language() {
    let ds = dataset();
    for (lang, header) in [(Lang::Zh, ZH_HEADER), (Lang::En, EN_HEADER)] {
        let state = view(Some("smes"), Some("patents"), lang);
        let text = csv(&ds, &state);
        assert!(text.starts_with('\u{feff}'));
        assert!(text.starts_with(&format!("\u{feff}{}\r\n", header.join(","))));
        let rows = csv_rows(&ds, &state);
        assert_eq!(rows[0], header);
    }
}

#[test]
fn csv_of_smes_patents() {
    let ds = dataset();
    let rows = csv_rows(&ds, &view(Some("smes"), Some("patents"), Lang::Zh));
    assert_eq!(rows.len(), 3);
    assert_eq!(rows[1][..5], ["发明专利", "1754", "项", "23.91%", ""]);
    assert_eq!(rows[1][5], "其中发明专利 1754 项");
    assert_eq!(rows[1][6], "");
    assert_eq!(rows[2][..5], ["其他有效专利", "5581", "项", "76.09%", ""]);
    assert_eq!(rows[2][5], "");
    assert!(rows[2][6].contains("7335项") && rows[2][6].contains("1754项"));

    let rows = csv_rows(&ds, &view(Some("smes"), Some("patents"), Lang::En));
    assert_eq!(
        rows[1][..4],
        ["Invention patents", "1754", "patents", "23.91%"]
    );
    assert_eq!(
        rows[2][..4],
        ["Other valid patents", "5581", "patents", "76.09%"]
    );
    assert!(rows[2][6].starts_with("Derived:"), "{}", rows[2][6]);
}

#[test]
fn csv_percent_chart_uses_the_unit_code() {
    let ds = dataset();
    let rows = csv_rows(&ds, &view(Some("smes"), Some("sales-share"), Lang::En));
    assert_eq!(rows.len(), 3);
    assert_eq!(rows[1][1..4], ["73.5", "percent", "73.5%"]);
    assert_eq!(rows[2][1..4], ["26.5", "percent", "26.5%"]);
}

#[test]
fn csv_has_one_row_per_slice_with_the_dataset_figures() {
    let ds = dataset();
    for lang in Lang::ALL {
        for state in every_view(&ds, lang) {
            let chart = state.chart(&ds).unwrap();
            let rows = csv_rows(&ds, &state);
            assert_eq!(rows.len(), 1 + chart.slices.len(), "{}", chart.id);
            let mut share_sum = 0.0;
            for (row, slice) in rows[1..].iter().zip(&chart.slices) {
                assert_eq!(row.len(), 7, "{row:?}");
                assert_eq!(row[0], slice.label.get(lang));
                let value: f64 = row[1].parse().expect("a plain number");
                assert!(
                    (value - slice.value).abs() <= 5e-5 * slice.value.max(1.0),
                    "{}: {} vs {}",
                    chart.id,
                    row[1],
                    slice.value
                );
                let unit = match (slice.unit, &slice.counter) {
                    (Unit::Count, Some(counter)) => counter.get(lang).to_string(),
                    (unit, _) => unit.code().to_string(),
                };
                assert_eq!(row[2], unit);
                let share: f64 = row[3]
                    .strip_suffix('%')
                    .expect("share ends with %")
                    .parse()
                    .expect("a share");
                let expected = 100.0 * slice.value / chart.total();
                assert!(
                    (share - expected).abs() <= 0.005 + 1e-9,
                    "{share} vs {expected}"
                );
                share_sum += share;
                assert_eq!(row[4], slice.qualifier.map_or("", |q| q.code()));
                assert_eq!(row[5], slice.source.clone().unwrap_or_default());
                let derivation = slice
                    .derivation
                    .as_ref()
                    .map(|d| d.explanation.get(lang).to_string())
                    .unwrap_or_default();
                assert_eq!(row[6], derivation);
            }
            assert!(
                (share_sum - 100.0).abs() < 0.05,
                "{}: {share_sum}",
                chart.id
            );
        }
    }
}

#[test]
fn csv_leaves_out_hidden_slices_and_shares_the_rest() {
    let ds = dataset();
    let mut state = view(Some("agriculture"), Some("standards-work"), Lang::En);
    state.hidden.insert(0);
    let rows = csv_rows(&ds, &state);
    let chart = state.chart(&ds).unwrap();
    assert_eq!(rows.len(), 3);
    assert_eq!(rows[1][0], &*chart.slices[1].label.en);
    assert_eq!(rows[2][0], &*chart.slices[2].label.en);
    assert!(rows.iter().all(|row| *row[0] != *chart.slices[0].label.en));
    // 11 and 6 of 17.
    assert_eq!(rows[1][3], "64.71%");
    assert_eq!(rows[2][3], "35.29%");

    // The overview pie with several slices hidden.
    let mut state = view(None, None, Lang::Zh);
    state.hidden.extend([0, 4, 8]);
    let chart = state.chart(&ds).unwrap();
    let rows = csv_rows(&ds, &state);
    assert_eq!(rows.len(), 1 + chart.slices.len() - 3);
    let labels: Vec<&str> = rows[1..].iter().map(|r| r[0].as_str()).collect();
    let expected: Vec<&str> = chart
        .slices
        .iter()
        .enumerate()
        .filter(|(i, _)| !state.hidden.contains(i))
        .map(|(_, s)| &*s.label.zh)
        .collect();
    assert_eq!(labels, expected);
}

#[test]
fn csv_of_a_sector_without_charts_is_only_the_header() {
    let ds = dataset();
    let text = csv(&ds, &view(Some("manufacturing"), None, Lang::En));
    assert_eq!(text, format!("\u{feff}{}\r\n", EN_HEADER.join(",")));
}

/// Cells that need quoting, and cells a spreadsheet would run as formulas.
const TRICKY: &str = r#"{
  "version": 1,
  "title": {"zh": "棘手", "en": "Tricky"},
  "source": {"title": {"zh": "报告 <1>", "en": "Report <1> & co"},
             "publisher": {"zh": "编辑部 & <出版>", "en": "The <desk> & \"co\""}, "date": "2024-05"},
  "sectors": [
    {
      "id": "tricky",
      "name": {"zh": "棘手", "en": "Tricky"},
      "indicators": [
        {"id": "comma", "label": {"zh": "逗号,标签", "en": "comma, label"}, "value": 10, "unit": "count",
         "counter": {"zh": "个", "en": "items, loose"}, "source": "a, \"quoted\"\nline"},
        {"id": "formula", "label": {"zh": "=SUM(A1:A2)", "en": "=1+1"}, "value": 20, "unit": "count",
         "counter": {"zh": "个", "en": "items, loose"}, "source": "@cmd", "qualifier": "over"},
        {"id": "plus", "label": {"zh": "+1", "en": "+cmd|' /C calc'!A0"}, "value": 30, "unit": "count",
         "counter": {"zh": "个", "en": "items, loose"}, "source": "-2+3", "qualifier": "more-than"},
        {"id": "minus", "label": {"zh": "-1", "en": "-=1,\"x\""}, "value": 40.125, "unit": "count",
         "counter": {"zh": "个", "en": "items, loose"}, "source": "plain\r\nwindows"},
        {"id": "script", "label": {"zh": "<script>alert(1)</script>&", "en": "<script>alert(1)</script>&"},
         "value": 0.5, "unit": "count", "counter": {"zh": "<个>", "en": "<items>"}}
      ],
      "charts": [
        {"id": "tricky-chart", "title": {"zh": "<标题> & \"引号\"", "en": "<Title> & \"quotes\""},
         "kind": "pie", "parts_of_whole": true,
         "slices": [{"indicator": "comma"}, {"indicator": "formula"}, {"indicator": "plus"},
                    {"indicator": "minus"}, {"indicator": "script"}]}
      ]
    }
  ]
}"#;

fn tricky() -> Dataset {
    parse(TRICKY).expect("the tricky dataset is valid")
}

#[test]
fn csv_quotes_commas_quotes_and_newlines() {
    let ds = tricky();
    let text = csv(&ds, &view(Some("tricky"), None, Lang::En));
    assert!(text.contains("\"comma, label\""), "{text}");
    assert!(text.contains("\"a, \"\"quoted\"\"\nline\""), "{text}");
    assert!(text.contains("\"items, loose\""), "{text}");
    let rows = csv_rows(&ds, &view(Some("tricky"), None, Lang::En));
    assert_eq!(rows.len(), 6);
    assert!(rows.iter().all(|r| r.len() == 7), "{rows:?}");
    assert_eq!(rows[1][0], "comma, label");
    assert_eq!(rows[1][2], "items, loose");
    assert_eq!(rows[1][5], "a, \"quoted\"\nline");
    assert_eq!(rows[4][5], "plain\r\nwindows");
    assert_eq!(rows[4][1], "40.125");
    assert_eq!(rows[5][0], "<script>alert(1)</script>&");
    assert_eq!(rows[5][1], "0.5");

    let rows = csv_rows(&ds, &view(Some("tricky"), None, Lang::Zh));
    assert_eq!(rows[1][0], "逗号,标签");
}

#[test]
fn csv_defuses_formula_like_cells() {
    let ds = tricky();
    let rows = csv_rows(&ds, &view(Some("tricky"), None, Lang::En));
    assert_eq!(rows[2][0], "'=1+1");
    assert_eq!(rows[2][4], "over");
    assert_eq!(rows[2][5], "'@cmd");
    assert_eq!(rows[3][0], "'+cmd|' /C calc'!A0");
    assert_eq!(rows[3][4], "more-than");
    assert_eq!(rows[3][5], "'-2+3");
    assert_eq!(rows[4][0], "'-=1,\"x\"");
    let rows = csv_rows(&ds, &view(Some("tricky"), None, Lang::Zh));
    assert_eq!(rows[2][0], "'=SUM(A1:A2)");
    assert_eq!(rows[3][0], "'+1");
    assert_eq!(rows[4][0], "'-1");

    // No cell of any export starts with a formula character.
    for ds in [dataset(), tricky()] {
        for lang in Lang::ALL {
            let mut states = every_view(&ds, lang);
            states.push(view(Some("tricky"), None, lang));
            for state in states {
                for row in csv_rows(&ds, &state) {
                    for cell in row {
                        assert!(
                            !cell.starts_with(['=', '+', '-', '@']),
                            "formula-like cell {cell:?}"
                        );
                    }
                }
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// File names

#[test]
fn file_names_name_sector_chart_language_and_extension() {
    let ds = dataset();
    assert_eq!(
        file_name(
            BUILT_IN_PREFIX,
            &ds,
            &view(Some("smes"), Some("patents"), Lang::En),
            "png"
        ),
        "jilin-smes-patents-en.png"
    );
    assert_eq!(
        file_name(
            BUILT_IN_PREFIX,
            &ds,
            &view(Some("smes"), Some("sales-share"), Lang::Zh),
            "csv"
        ),
        "jilin-smes-sales-share-zh.csv"
    );
    // The chart shown by default is named even when the view does not name it.
    assert_eq!(
        file_name(
            BUILT_IN_PREFIX,
            &ds,
            &view(Some("smes"), None, Lang::Zh),
            "svg"
        ),
        "jilin-smes-patents-zh.svg"
    );
    assert_eq!(
        file_name(BUILT_IN_PREFIX, &ds, &ViewState::new(Lang::En), "svg"),
        "jilin-overview-text-share-en.svg"
    );
    assert_eq!(
        file_name(
            BUILT_IN_PREFIX,
            &ds,
            &view(None, Some("figures"), Lang::Zh),
            "png"
        ),
        "jilin-overview-figures-zh.png"
    );
    // An editor's dataset is not the Jilin report.
    assert_eq!(
        file_name(
            EDITOR_PREFIX,
            &ds,
            &view(Some("smes"), None, Lang::En),
            "csv"
        ),
        "chart-smes-patents-en.csv"
    );
    let name = file_name(
        BUILT_IN_PREFIX,
        &ds,
        &view(Some("trade"), None, Lang::En),
        "csv",
    );
    assert!(
        name.starts_with("jilin-trade-") && name.ends_with("-en.csv"),
        "{name}"
    );

    for lang in Lang::ALL {
        for state in every_view(&ds, lang) {
            let chart = state.chart(&ds).unwrap();
            for ext in ["svg", "png", "csv"] {
                let name = file_name(BUILT_IN_PREFIX, &ds, &state, ext);
                let sector = state.sector.as_deref().unwrap_or("overview");
                assert!(name.contains(sector), "{name}");
                assert!(name.contains(&chart.id), "{name}");
                assert!(name.ends_with(&format!("-{}.{ext}", lang.code())), "{name}");
                assert!(
                    name.chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || "-.".contains(c)),
                    "{name}"
                );
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// SVG

fn unescape(raw: &str) -> String {
    raw.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

/// The unescaped contents of every `<text>` element, in order.
fn svg_texts(svg: &str) -> Vec<String> {
    let mut texts = Vec::new();
    let mut rest = svg;
    while let Some(open) = rest.find("<text ") {
        rest = &rest[open..];
        let start = rest.find('>').expect("text tag ends") + 1;
        let end = rest.find("</text>").expect("text closes");
        let raw = &rest[start..end];
        assert!(!raw.contains('<'), "raw < in text {raw:?}");
        texts.push(unescape(raw.trim_matches('\n')));
        rest = &rest[end..];
    }
    texts
}

/// Fill colours of filled `<rect>` elements.
fn rect_fills(svg: &str) -> Vec<String> {
    svg.lines()
        .filter(|line| line.starts_with("<rect "))
        .filter_map(|line| {
            let at = line.find(" fill=\"")? + 7;
            let end = line[at..].find('"')?;
            Some(line[at..at + end].to_ascii_lowercase())
        })
        .filter(|fill| fill != "none")
        .collect()
}

fn check_document(svg: &str) {
    assert!(svg.starts_with("<svg "), "{}", &svg[..svg.len().min(80)]);
    assert!(svg.contains("xmlns=\"http://www.w3.org/2000/svg\""));
    assert!(svg.trim_end().ends_with("</svg>"), "the document is closed");
    assert_eq!(svg.matches("<svg").count(), 1);
    assert_eq!(svg.matches("</svg>").count(), 1);
    assert_eq!(
        svg.matches("<text ").count(),
        svg.matches("</text>").count()
    );
    // Every & starts an entity.
    for (at, _) in svg.match_indices('&') {
        let tail = &svg[at..];
        assert!(
            ["&lt;", "&gt;", "&amp;", "&quot;", "&apos;"]
                .iter()
                .any(|e| tail.starts_with(e)),
            "bare & at {at}"
        );
    }
}

#[test]
fn svg_is_a_complete_document_with_title_credit_and_legend() {
    let ds = dataset();
    for dark in [false, true] {
        for lang in Lang::ALL {
            for state in every_view(&ds, lang) {
                let chart = state.chart(&ds).unwrap();
                let out = svg(&ds, &state, dark);
                check_document(&out);
                let (w, h) = export_size(&ds, &state);
                assert_eq!(w, EXPORT_WIDTH);
                assert!(out.contains(&format!("width=\"{}\" height=\"{}\"", w.round(), h.round())));

                let texts = svg_texts(&out);
                let all = texts.concat();
                let title: String = chart.title.get(lang).split_whitespace().collect();
                let compact: String = all.split_whitespace().collect();
                assert!(compact.contains(&title), "title of {} missing", chart.id);
                let credit_line = credit(&ds, lang);
                assert!(texts.contains(&credit_line), "credit missing in {texts:?}");
                assert!(credit_line.contains(ds.source.publisher.get(lang)));
                assert!(credit_line.contains(&ds.source.date));

                // One legend row per visible slice, with label, value and share.
                let slices = slice_texts(chart, &state);
                for text in &slices {
                    let row = format!("{} — {} ({})", text.label, text.value, text.share);
                    assert_eq!(
                        texts.iter().filter(|t| **t == row).count(),
                        1,
                        "legend row {row:?} of {}",
                        chart.id
                    );
                }
                // A swatch per legend row, in the slice's palette colour.
                let theme = sector_charts::theme::Theme::for_dark(dark);
                let fills = rect_fills(&out);
                for (i, _) in slices.iter().enumerate() {
                    let colour = theme.slice_colour(i).hex();
                    assert!(fills.contains(&colour), "no swatch {colour} for slice {i}");
                }
                assert_eq!(
                    fills[0],
                    theme.background.hex(),
                    "the background comes first"
                );
            }
        }
    }
}

#[test]
fn svg_legend_leaves_out_hidden_slices() {
    let ds = dataset();
    let mut state = view(None, None, Lang::En);
    state.hidden.extend([1, 3]);
    let chart = state.chart(&ds).unwrap();
    let out = svg(&ds, &state, false);
    check_document(&out);
    let texts = svg_texts(&out);
    let slices = slice_texts(chart, &state);
    let legend_rows: Vec<&String> = texts.iter().filter(|t| t.contains(" — ")).collect();
    assert_eq!(legend_rows.len(), chart.slices.len() - 2, "{legend_rows:?}");
    for (i, text) in slices.iter().enumerate() {
        let prefix = format!("{} — ", text.label);
        let present = texts.iter().any(|t| t.starts_with(&prefix));
        assert_eq!(present, !state.hidden.contains(&i), "legend of slice {i}");
    }
    // The shares of the legend are over what is shown.
    let shown: f64 = slices
        .iter()
        .filter(|t| !t.hidden)
        .map(|t| t.share_ratio)
        .sum();
    assert!((shown - 1.0).abs() < 1e-9);
}

#[test]
fn svg_of_every_kind_draws_the_chart() {
    let ds = dataset();
    let mut state = view(Some("smes"), Some("patents"), Lang::Zh);
    for kind in ChartKind::ALL {
        state.kind = Some(kind);
        let out = svg(&ds, &state, false);
        check_document(&out);
        if kind.is_circular() {
            assert_eq!(out.matches("<polygon ").count(), 2, "{kind}");
        } else {
            assert_eq!(out.matches("<polygon ").count(), 0, "{kind}");
            // Two bars and two swatches in palette colours, plus the background.
            let theme = sector_charts::theme::Theme::light();
            let palette: Vec<String> = (0..2).map(|i| theme.slice_colour(i).hex()).collect();
            let count = rect_fills(&out)
                .iter()
                .filter(|f| palette.contains(f))
                .count();
            assert_eq!(count, 4, "{kind}");
        }
    }
}

#[test]
fn svg_escapes_hostile_text() {
    let ds = tricky();
    for lang in Lang::ALL {
        for sector in [None, Some("tricky")] {
            let state = view(sector, None, lang);
            let out = svg(&ds, &state, false);
            check_document(&out);
            assert!(!out.contains("<script"), "raw <script> in the SVG");
            assert!(!out.contains("<desk>") && !out.contains("<出版>"));
            assert!(!out.contains("<Title>") && !out.contains("<标题>"));
            let texts = svg_texts(&out);
            let credit_line = credit(&ds, lang);
            assert!(texts.contains(&credit_line), "{texts:?}");
            if sector.is_some() {
                let all = texts.concat();
                assert!(all.contains(ds.sectors[0].charts[0].title.get(lang)));
                assert!(all.contains("<script>alert(1)</script>&"));
                assert!(out.contains("&lt;script&gt;alert(1)&lt;/script&gt;&amp;"));
            }
        }
    }
}

#[test]
fn svg_keeps_the_selection_and_the_legend_grows_the_picture() {
    let ds = dataset();
    let small = view(Some("smes"), Some("patents"), Lang::En);
    let big = view(None, None, Lang::En);
    let (_, h_small) = export_size(&ds, &small);
    let (_, h_big) = export_size(&ds, &big);
    assert!(h_big > h_small, "nine legend rows take more room than two");

    let mut selected = small.clone();
    selected.selected = Some(0);
    let plain = svg(&ds, &small, false);
    let marked = svg(&ds, &selected, false);
    assert_ne!(plain, marked, "the selection shows in the export");
    assert!(marked.contains("stroke-width=\"3\""));
}
