//! The widget's own words in Chinese, English, French, German, Spanish and Japanese (other
//! languages get English), and the sentences they are filled into. Dataset text comes from the dataset.

use crate::dataset::{ChartKind, Lang};

/// The language of the widget's own words: a BCP 47 tag's primary subtag, else English.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Speech {
    Zh,
    En,
    Fr,
    De,
    Es,
    Ja,
}

impl Speech {
    /// Every language the widget speaks.
    pub const ALL: [Speech; 6] = [
        Speech::Zh,
        Speech::En,
        Speech::Fr,
        Speech::De,
        Speech::Es,
        Speech::Ja,
    ];

    /// `fr`, `fr-CA`, `de-CH`, `ja-JP` → their language; a tag of another language → English.
    pub fn of_tag(tag: &str) -> Speech {
        let primary = tag
            .split(['-', '_'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        match primary.as_str() {
            "zh" => Speech::Zh,
            "fr" => Speech::Fr,
            "de" => Speech::De,
            "es" => Speech::Es,
            "ja" => Speech::Ja,
            _ => Speech::En,
        }
    }
}

impl Speech {
    /// The report's text slot for these words: Chinese for Chinese, else English.
    pub fn slot(self) -> Lang {
        if self == Speech::Zh {
            Lang::Zh
        } else {
            Lang::En
        }
    }
}

impl From<Lang> for Speech {
    fn from(lang: Lang) -> Speech {
        match lang {
            Lang::Zh => Speech::Zh,
            Lang::En => Speech::En,
        }
    }
}

/// Every fixed string the widget shows or announces.
pub struct Words {
    pub overview: &'static str,
    pub back_to_overview: &'static str,
    pub sectors: &'static str,
    pub charts: &'static str,
    pub chart_kind: &'static str,
    pub legend: &'static str,
    pub switch_language: &'static str,
    pub show_data: &'static str,
    pub hide_data: &'static str,
    pub downloads: &'static str,
    pub label: &'static str,
    pub value: &'static str,
    pub share: &'static str,
    pub source: &'static str,
    pub achievements: &'static str,
    pub paragraph: &'static str,
    pub key_figures: &'static str,
    pub no_chart: &'static str,
    pub no_figures: &'static str,
    pub hidden: &'static str,
    pub shown: &'static str,
    pub selected: &'static str,
    pub selection_cleared: &'static str,
    pub slices: &'static str,
    pub chart_help: &'static str,
    pub language_now: &'static str,
    pub embed: &'static str,
    pub data_problem: &'static str,
    pub credit_prefix: &'static str,
    pub open_sector_hint: &'static str,
    pub group_small: &'static str,
    pub about_data: &'static str,
    /// The kinds' names: pie, donut, bar.
    pub kinds: [&'static str; 3],
    /// Sentences, filled by [`fill`]: `{kind}`, `{title}`, `{count}`, `{largest}`.
    pub summary: &'static str,
    /// `{label}`, `{value}`, `{share}`.
    pub largest: &'static str,
    /// `{label}`, `{value}`, `{share}`, `{position}`, `{count}`.
    pub position: &'static str,
    /// `{count}` problems the alert does not list.
    pub more_problems: &'static str,
    /// `{count}` slices the legend does not list.
    pub more_in_table: &'static str,
    /// The "Other" slice of `{count}` small ones, and what it holds.
    pub other: &'static str,
    pub other_explained: &'static str,
    /// An export's legend: `{count}` rows it does not list.
    pub more_rows: &'static str,
    /// The CSV download's headings: label, value, unit, share, qualifier, source, derivation.
    pub csv_header: [&'static str; 7],
}

const ZH: Words = Words {
    overview: "总览",
    back_to_overview: "返回总览",
    sectors: "领域",
    charts: "图表",
    chart_kind: "图表类型",
    legend: "图例（点击显示或隐藏）",
    switch_language: "English",
    show_data: "显示数据表",
    hide_data: "隐藏数据表",
    downloads: "下载",
    label: "项目",
    value: "数值",
    share: "占比",
    source: "来源",
    achievements: "主要成效",
    paragraph: "报告原文段落",
    key_figures: "关键数字",
    no_chart: "本领域的数字不构成可比较的图表，见下方关键数字。",
    no_figures: "报告中本领域没有给出数字。",
    hidden: "已隐藏",
    shown: "已显示",
    selected: "已选中",
    selection_cleared: "已取消选择",
    slices: "项",
    chart_help: "用方向键逐项浏览，回车选择，Esc 返回。",
    language_now: "语言：中文",
    embed: "嵌入代码",
    data_problem: "数据有误，图表无法显示",
    credit_prefix: "来源",
    open_sector_hint: "点击扇区查看该领域",
    group_small: "合并最小的项",
    about_data: "关于数据",
    kinds: ["饼图", "环形图", "条形图"],
    summary: "{kind}：{title}，共 {count} 项。{largest}",
    largest: "最大：{label}，{value}（{share}）。",
    position: "{label}：{value}，占 {share}（第 {position} 项，共 {count} 项）",
    more_problems: "……另有 {count} 个问题",
    more_in_table: "另有 {count} 项，见数据表",
    other: "其他（{count} 项）",
    other_explained: "最小的 {count} 项合计；点击展开全部。",
    more_rows: "……另有 {count} 项",
    csv_header: ["项目", "数值", "单位", "占比", "限定", "来源", "推算方式"],
};

const EN: Words = Words {
    overview: "Overview",
    back_to_overview: "Back to overview",
    sectors: "Sectors",
    charts: "Charts",
    chart_kind: "Chart type",
    legend: "Legend (click to show or hide)",
    switch_language: "中文",
    show_data: "Show data",
    hide_data: "Hide data",
    downloads: "Download",
    label: "Label",
    value: "Value",
    share: "Share",
    source: "Source",
    achievements: "Achievements",
    paragraph: "The report's paragraph",
    key_figures: "Key figures",
    no_chart: "This sector's figures do not compare with each other, so there is no chart: see the key figures below.",
    no_figures: "The report gives no figures for this sector.",
    hidden: "hidden",
    shown: "shown",
    selected: "selected",
    selection_cleared: "selection cleared",
    slices: "slices",
    chart_help: "Use the arrow keys to move between slices, Enter to select, Escape to go back.",
    language_now: "Language: English",
    embed: "Embed",
    data_problem: "The data has a problem, so the chart cannot be shown",
    credit_prefix: "Source",
    open_sector_hint: "Click a slice to open its sector",
    group_small: "Group the smallest slices",
    about_data: "About the data",
    kinds: ["Pie", "Donut", "Bar"],
    summary: "{kind} chart: {title}, {count} slices.{largest}",
    largest: " Largest: {label}, {value} ({share}).",
    position: "{label}: {value}, {share} ({position} of {count})",
    more_problems: "… and {count} more problems",
    more_in_table: "{count} more in the data table",
    other: "Other ({count})",
    other_explained: "The {count} smallest slices together; choose it to show them all.",
    more_rows: "… and {count} more",
    csv_header: ["label", "value", "unit", "share", "qualifier", "source", "derivation"],
};

const FR: Words = Words {
    overview: "Vue d’ensemble",
    back_to_overview: "Retour à la vue d’ensemble",
    sectors: "Secteurs",
    charts: "Graphiques",
    chart_kind: "Type de graphique",
    legend: "Légende (cliquer pour afficher ou masquer)",
    switch_language: "中文",
    show_data: "Afficher les données",
    hide_data: "Masquer les données",
    downloads: "Télécharger",
    label: "Libellé",
    value: "Valeur",
    share: "Part",
    source: "Source",
    achievements: "Réalisations",
    paragraph: "Le paragraphe du rapport",
    key_figures: "Chiffres clés",
    no_chart: "Les chiffres de ce secteur ne se comparent pas entre eux : pas de graphique, voir les chiffres clés ci-dessous.",
    no_figures: "Le rapport ne donne pas de chiffres pour ce secteur.",
    hidden: "masqué",
    shown: "affiché",
    selected: "sélectionné",
    selection_cleared: "sélection effacée",
    slices: "parts",
    chart_help: "Flèches pour passer d’une part à l’autre, Entrée pour sélectionner, Échap pour revenir.",
    language_now: "Langue : français",
    embed: "Intégrer",
    data_problem: "Les données posent problème : le graphique ne peut pas s’afficher",
    credit_prefix: "Source",
    open_sector_hint: "Cliquer sur une part pour ouvrir son secteur",
    group_small: "Regrouper les plus petites parts",
    about_data: "À propos des données",
    kinds: ["Camembert", "Anneau", "Barres"],
    summary: "Graphique {kind} : {title}, {count} parts.{largest}",
    largest: " La plus grande : {label}, {value} ({share}).",
    position: "{label} : {value}, {share} ({position} sur {count})",
    more_problems: "… et {count} autres problèmes",
    more_in_table: "{count} de plus dans le tableau de données",
    other: "Autres ({count})",
    other_explained: "Les {count} plus petites parts ensemble ; la choisir pour toutes les afficher.",
    more_rows: "… et {count} de plus",
    csv_header: ["libellé", "valeur", "unité", "part", "qualificatif", "source", "calcul"],
};

const DE: Words = Words {
    overview: "Überblick",
    back_to_overview: "Zurück zum Überblick",
    sectors: "Bereiche",
    charts: "Diagramme",
    chart_kind: "Diagrammtyp",
    legend: "Legende (klicken zum Ein- oder Ausblenden)",
    switch_language: "中文",
    show_data: "Daten anzeigen",
    hide_data: "Daten ausblenden",
    downloads: "Herunterladen",
    label: "Bezeichnung",
    value: "Wert",
    share: "Anteil",
    source: "Quelle",
    achievements: "Ergebnisse",
    paragraph: "Der Absatz des Berichts",
    key_figures: "Kennzahlen",
    no_chart: "Die Zahlen dieses Bereichs lassen sich nicht vergleichen, daher gibt es kein Diagramm: siehe die Kennzahlen unten.",
    no_figures: "Der Bericht nennt für diesen Bereich keine Zahlen.",
    hidden: "ausgeblendet",
    shown: "eingeblendet",
    selected: "ausgewählt",
    selection_cleared: "Auswahl aufgehoben",
    slices: "Segmente",
    chart_help: "Mit den Pfeiltasten von Segment zu Segment, Eingabetaste zum Auswählen, Escape zum Zurückgehen.",
    language_now: "Sprache: Deutsch",
    embed: "Einbetten",
    data_problem: "Die Daten enthalten Fehler, daher kann das Diagramm nicht angezeigt werden",
    credit_prefix: "Quelle",
    open_sector_hint: "Ein Segment anklicken, um seinen Bereich zu öffnen",
    group_small: "Die kleinsten Segmente zusammenfassen",
    about_data: "Über die Daten",
    kinds: ["Kreis", "Ring", "Balken"],
    summary: "{kind}diagramm: {title}, {count} Segmente.{largest}",
    largest: " Größtes: {label}, {value} ({share}).",
    position: "{label}: {value}, {share} ({position} von {count})",
    more_problems: "… und {count} weitere Probleme",
    more_in_table: "{count} weitere in der Datentabelle",
    other: "Sonstige ({count})",
    other_explained: "Die {count} kleinsten Segmente zusammen; auswählen, um alle zu zeigen.",
    more_rows: "… und {count} weitere",
    csv_header: ["Bezeichnung", "Wert", "Einheit", "Anteil", "Zusatz", "Quelle", "Berechnung"],
};

const ES: Words = Words {
    overview: "Resumen",
    back_to_overview: "Volver al resumen",
    sectors: "Sectores",
    charts: "Gráficos",
    chart_kind: "Tipo de gráfico",
    legend: "Leyenda (haga clic para mostrar u ocultar)",
    switch_language: "中文",
    show_data: "Mostrar datos",
    hide_data: "Ocultar datos",
    downloads: "Descargar",
    label: "Etiqueta",
    value: "Valor",
    share: "Porcentaje",
    source: "Fuente",
    achievements: "Logros",
    paragraph: "El párrafo del informe",
    key_figures: "Cifras clave",
    no_chart: "Las cifras de este sector no se comparan entre sí, así que no hay gráfico: vea las cifras clave más abajo.",
    no_figures: "El informe no da cifras para este sector.",
    hidden: "oculto",
    shown: "visible",
    selected: "seleccionado",
    selection_cleared: "selección borrada",
    slices: "porciones",
    chart_help: "Use las flechas para pasar de una porción a otra, Intro para seleccionar, Escape para volver.",
    language_now: "Idioma: español",
    embed: "Insertar",
    data_problem: "Los datos tienen un problema, así que el gráfico no se puede mostrar",
    credit_prefix: "Fuente",
    open_sector_hint: "Haga clic en una porción para abrir su sector",
    group_small: "Agrupar las porciones más pequeñas",
    about_data: "Sobre los datos",
    kinds: ["Circular", "Anillo", "Barras"],
    summary: "Gráfico {kind}: {title}, {count} porciones.{largest}",
    largest: " La mayor: {label}, {value} ({share}).",
    position: "{label}: {value}, {share} ({position} de {count})",
    more_problems: "… y {count} problemas más",
    more_in_table: "{count} más en la tabla de datos",
    other: "Otros ({count})",
    other_explained: "Las {count} porciones más pequeñas juntas; elíjala para mostrarlas todas.",
    more_rows: "… y {count} más",
    csv_header: ["etiqueta", "valor", "unidad", "porcentaje", "calificador", "fuente", "cálculo"],
};

const JA: Words = Words {
    overview: "概要",
    back_to_overview: "概要に戻る",
    sectors: "分野",
    charts: "グラフ",
    chart_kind: "グラフの種類",
    legend: "凡例（クリックで表示・非表示）",
    switch_language: "中文",
    show_data: "データを表示",
    hide_data: "データを隠す",
    downloads: "ダウンロード",
    label: "項目",
    value: "値",
    share: "割合",
    source: "出典",
    achievements: "主な成果",
    paragraph: "報告書の段落",
    key_figures: "主な数値",
    no_chart:
        "この分野の数値は互いに比較できないため、グラフはありません。下の主な数値をご覧ください。",
    no_figures: "報告書にはこの分野の数値がありません。",
    hidden: "非表示",
    shown: "表示",
    selected: "選択",
    selection_cleared: "選択を解除しました",
    slices: "項目",
    chart_help: "矢印キーで項目を移動、Enter で選択、Esc で戻ります。",
    language_now: "言語：日本語",
    embed: "埋め込み",
    data_problem: "データに問題があるため、グラフを表示できません",
    credit_prefix: "出典",
    open_sector_hint: "扇形をクリックするとその分野を開きます",
    group_small: "小さい項目をまとめる",
    about_data: "データについて",
    kinds: ["円グラフ", "ドーナツグラフ", "棒グラフ"],
    summary: "{kind}：{title}、{count} 項目。{largest}",
    largest: "最大：{label}、{value}（{share}）。",
    position: "{label}：{value}、{share}（{count} 項目中 {position} 番目）",
    more_problems: "……ほかに {count} 件の問題",
    more_in_table: "ほかに {count} 項目（データ表を参照）",
    other: "その他（{count}）",
    other_explained: "最も小さい {count} 項目の合計。選ぶとすべて表示します。",
    more_rows: "……ほかに {count} 項目",
    csv_header: ["項目", "値", "単位", "割合", "限定", "出典", "算出方法"],
};

/// The widget's words in `speech` (a [`Lang`] is its own speech).
pub fn words(speech: impl Into<Speech>) -> &'static Words {
    match speech.into() {
        Speech::Zh => &ZH,
        Speech::En => &EN,
        Speech::Fr => &FR,
        Speech::De => &DE,
        Speech::Es => &ES,
        Speech::Ja => &JA,
    }
}

pub fn kind_name(kind: ChartKind, speech: impl Into<Speech>) -> &'static str {
    let [pie, donut, bar] = words(speech).kinds;
    match kind {
        ChartKind::Pie => pie,
        ChartKind::Donut => donut,
        ChartKind::Bar => bar,
    }
}

/// A sentence with its `{name}` slots filled in one pass, so a value that itself holds `{…}`
/// (a label from the data) is left as it is; an unknown slot stays as written.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 32);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let (before, from) = rest.split_at(open);
        out.push_str(before);
        let slot = from.find('}').and_then(|close| {
            let name = from.get(1..close)?;
            let value = values.iter().find(|(key, _)| *key == name)?.1;
            Some((value, close))
        });
        match slot {
            Some((value, close)) => {
                out.push_str(value);
                rest = from.get(close + 1..).unwrap_or("");
            }
            None => {
                out.push('{');
                rest = from.get(1..).unwrap_or("");
            }
        }
    }
    out.push_str(rest);
    out
}
