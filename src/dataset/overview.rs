//! The overview charts across sectors, computed from the sectors themselves so that the measure is
//! honest and checkable: how much of the report's text each sector takes, and how many figures it
//! reports.

use super::kinds::{ChartKind, Text};
use super::types::{Chart, Derivation, Sector, Slice, Unit, ValueStyle};

pub const TEXT_SHARE_CHART: &str = "text-share";
pub const FIGURES_CHART: &str = "figures";

/// Characters of a paragraph, whitespace excluded (the report wraps lines with spaces).
pub fn paragraph_chars(paragraph: &str) -> usize {
    paragraph.chars().filter(|c| !c.is_whitespace()).count()
}

pub fn overview_charts(sectors: &[Sector]) -> Vec<Chart> {
    let mut charts = Vec::new();
    if sectors.iter().any(|sector| sector.paragraph.is_some()) {
        charts.push(Chart {
            id: TEXT_SHARE_CHART.into(),
            title: Text::new("各领域在报告中的篇幅", "How much of the report each sector takes"),
            kind: ChartKind::Pie,
            parts_of_whole: true,
            note: Some(Text::new(
                "衡量方式：各领域段落的字数（不含空白）占全部领域段落字数的比例。",
                "Measure: characters in each sector's paragraph of the report (whitespace excluded), as a share of all sector paragraphs.",
            )),
            slices: sectors
                .iter()
                .map(|sector| {
                    let chars = sector.paragraph.as_deref().map_or(0, paragraph_chars);
                    overview_slice(
                        sector,
                        chars,
                        Text::new("字", "characters"),
                        Text::new(
                            format!("由报告中“{}”一段的字数计算：{} 字。", sector.name.zh, chars),
                            format!(
                                "Counted in the report's paragraph on {}: {} characters.",
                                sector.name.en, chars
                            ),
                        ),
                    )
                })
                .collect(),
            style: ValueStyle::Report,
        });
    }
    if sectors.iter().any(|sector| !sector.indicators.is_empty()) {
        charts.push(Chart {
            id: FIGURES_CHART.into(),
            title: Text::new("各领域报告的数字", "Figures each sector reports"),
            kind: ChartKind::Bar,
            parts_of_whole: false,
            note: Some(Text::new(
                "衡量方式：各领域段落中给出的数量（数据集中的指标数）。",
                "Measure: how many quantities each sector's paragraph gives (indicators in the dataset).",
            )),
            slices: sectors
                .iter()
                .map(|sector| {
                    let count = sector.indicators.len();
                    overview_slice(
                        sector,
                        count,
                        Text::new("项", "figures"),
                        Text::new(
                            format!("“{}”一段给出 {} 个数字。", sector.name.zh, count),
                            format!("The paragraph on {} gives {} figures.", sector.name.en, count),
                        ),
                    )
                })
                .collect(),
            style: ValueStyle::Report,
        });
    }
    charts
}

fn overview_slice(sector: &Sector, count: usize, counter: Text, explanation: Text) -> Slice {
    Slice {
        key: sector.id.clone(),
        label: sector.name.clone(),
        value: count as f64,
        unit: Unit::Count,
        counter: Some(counter),
        qualifier: None,
        source: None,
        note: None,
        derivation: Some(Derivation {
            whole: None,
            minus: Vec::new(),
            explanation,
        }),
    }
}
