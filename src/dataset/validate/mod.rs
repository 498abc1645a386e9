//! Where a dataset is validated: raw file → [`Dataset`], every problem with its JSON path. The
//! walk's top levels are here; structure, ids and references, values, charts and dates each have
//! a file beside it.

mod charts;
mod checker;
mod dates;
mod ids;
mod path;
mod structure;
mod values;

use self::checker::*;
use self::ids::{IdIndex, Indicators};
use self::path::Path;
use super::error::DatasetError;
use super::kinds::Text;
use super::overview::overview_charts;
use super::raw::{List, Obj, RawDataset, RawIndicator, RawSector, RawSource, RawText};
use super::types::{Dataset, Indicator, Sector, Source};

/// The dataset, or every problem found (at least one).
pub fn dataset(raw: &Obj<RawDataset>) -> Result<Dataset, Vec<DatasetError>> {
    let mut checker = Checker::default();
    match checker.dataset(raw) {
        Some(dataset) if checker.errors.is_empty() => Ok(dataset),
        _ => {
            if checker.errors.is_empty() {
                checker.push(&Path::Root, "the dataset could not be read");
            }
            Err(checker.errors)
        }
    }
}

impl Checker {
    fn dataset(&mut self, value: &Obj<RawDataset>) -> Option<Dataset> {
        let top = Path::Root;
        let raw = self.object(value, &top)?;
        if let Some(version) = self.needed(&raw.version, "version", &top) {
            self.version(version, &top.key("version"));
        }
        let title = self.needed_text(&raw.title, "title", &top, MAX_LABEL_CHARS);
        let source = self
            .needed(&raw.source, "source", &top)
            .and_then(|v| self.source(v, &top.key("source")));
        let sectors = self
            .needed(&raw.sectors, "sectors", &top)
            .and_then(|v| self.sectors(v, &top.key("sectors")));
        let sectors = sectors?;
        let overview = overview_charts(&sectors);
        Some(Dataset {
            title: title?,
            source: source?,
            sectors,
            overview,
        })
    }

    fn source(&mut self, value: &Obj<RawSource>, path: &Path) -> Option<Source> {
        let raw = self.object(value, path)?;
        let title = self.needed_text(&raw.title, "title", path, MAX_LABEL_CHARS);
        let publisher = self.needed_text(&raw.publisher, "publisher", path, MAX_LABEL_CHARS);
        let date = self
            .needed(&raw.date, "date", path)
            .and_then(|v| self.date(v, &path.key("date")));
        let note = self.optional_text(&raw.note, "note", path, MAX_PARAGRAPH_CHARS);
        Some(Source {
            title: title?,
            publisher: publisher?,
            date: date?,
            note: note?,
        })
    }

    fn sectors(&mut self, value: &List<Obj<RawSector>>, path: &Path) -> Option<Vec<Sector>> {
        let items = self.array(value, path, MAX_SECTORS)?;
        if items.is_empty() {
            self.push(path, "must have at least one sector");
            return None;
        }
        let mut ids = IdIndex::new();
        self.each(items, path, |checker, item, at| {
            checker.sector(item, at, &mut ids)
        })
    }

    fn sector<'t>(
        &mut self,
        value: &'t Obj<RawSector>,
        path: &Path,
        ids: &mut IdIndex<'t>,
    ) -> Option<Sector> {
        let raw = self.object(value, path)?;
        let id = self
            .needed(&raw.id, "id", path)
            .and_then(|v| self.id(v, &path.key("id"), ids));
        let name = self.needed_text(&raw.name, "name", path, MAX_LABEL_CHARS);
        let paragraph =
            self.optional_string(&raw.paragraph, "paragraph", path, MAX_PARAGRAPH_CHARS);
        let achievements = match raw.achievements.get() {
            None => Some(Vec::new()),
            Some(v) => self.achievements(v, &path.key("achievements")),
        };
        let indicators = self
            .needed(&raw.indicators, "indicators", path)
            .and_then(|v| self.indicators(v, &path.key("indicators")));
        let charts = match (&indicators, self.needed(&raw.charts, "charts", path)) {
            (Some((list, by_id)), Some(v)) => {
                self.charts(v, &path.key("charts"), &Indicators { list, by_id })
            }
            _ => None,
        };
        Some(Sector {
            id: id?,
            name: name?,
            paragraph: paragraph?,
            achievements: achievements?,
            indicators: indicators?.0,
            charts: charts?,
        })
    }

    fn achievements(&mut self, value: &List<Obj<RawText>>, path: &Path) -> Option<Vec<Text>> {
        let items = self.array(value, path, MAX_ACHIEVEMENTS)?;
        self.each(items, path, |checker, item, at| {
            checker.text(item, at, MAX_ACHIEVEMENT_CHARS)
        })
    }

    /// The indicators, and where each id is among them.
    fn indicators<'t>(
        &mut self,
        value: &'t List<Obj<RawIndicator>>,
        path: &Path,
    ) -> Option<(Vec<Indicator>, IdIndex<'t>)> {
        let items = self.array(value, path, MAX_INDICATORS)?;
        let mut ids = IdIndex::with_capacity(items.len());
        let indicators = self.each(items, path, |checker, item, at| {
            checker.indicator(item, at, &mut ids)
        });
        Some((indicators?, ids))
    }

    fn indicator<'t>(
        &mut self,
        value: &'t Obj<RawIndicator>,
        path: &Path,
        ids: &mut IdIndex<'t>,
    ) -> Option<Indicator> {
        let raw = self.object(value, path)?;
        let id = self
            .needed(&raw.id, "id", path)
            .and_then(|v| self.id(v, &path.key("id"), ids));
        let label = self.needed_text(&raw.label, "label", path, MAX_LABEL_CHARS);
        let value = self
            .needed(&raw.value, "value", path)
            .and_then(|v| self.number(v, &path.key("value")));
        let unit = self
            .needed(&raw.unit, "unit", path)
            .and_then(|v| self.unit(v, &path.key("unit")));
        let counter = self.optional_text(&raw.counter, "counter", path, MAX_COUNTER_CHARS);
        let qualifier = match raw.qualifier.get() {
            None => Some(None),
            Some(v) => self.qualifier(v, &path.key("qualifier")).map(Some),
        };
        let source = self.optional_string(&raw.source, "source", path, MAX_SOURCE_CHARS);
        let note = self.optional_text(&raw.note, "note", path, MAX_NOTE_CHARS);
        Some(Indicator {
            id: id?,
            label: label?,
            value: value?,
            unit: unit?,
            counter: counter?,
            qualifier: qualifier?,
            source: source?,
            note: note?,
        })
    }
}
