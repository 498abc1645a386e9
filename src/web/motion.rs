//! How changes move on the canvas: which kind of change a step of the view is, the entry that
//! grows the first picture, and a change in motion from the picture on screen to the new one.

use crate::layout::morph::{between, can_morph, ease_out, MORPH_MS};
use crate::layout::{Layout, Within};
use crate::view::ViewState;

/// The entry animation's length, in ms.
const ENTRY_MS: f64 = 400.0;

/// How a change of view is shown, when motion is allowed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Change {
    /// The first picture: the slices grow from nothing.
    First,
    /// The same chart, another kind or other slices shown: it moves from the picture on screen.
    Morph,
    /// Another chart or sector: the new picture fades in.
    Fade,
    /// Language, theme, the table: drawn at once.
    Instant,
}

impl Change {
    /// What a step from `before` to `after` changed, as the eye should see it.
    pub fn between(before: &ViewState, after: &ViewState) -> Change {
        if before.sector != after.sector || before.chart != after.chart {
            Change::Fade
        } else if before.kind != after.kind || before.hidden != after.hidden {
            Change::Morph
        } else {
            Change::Instant
        }
    }
}

/// A change being drawn: from the picture that was on screen to the layout at rest.
struct Moving {
    from: Layout,
    /// The time of its first frame, once that ran.
    start: Option<f64>,
    /// Linear progress, 0..1.
    t: f64,
}

/// The entry and the change in motion, advanced by animation frames.
pub struct Motion {
    /// The entry's eased progress: 0..1 while the first picture grows, 1 otherwise.
    pub progress: f64,
    entry_start: Option<f64>,
    change: Option<Moving>,
}

impl Default for Motion {
    fn default() -> Motion {
        Motion {
            progress: 1.0,
            entry_start: None,
            change: None,
        }
    }
}

impl Motion {
    /// Starts the entry (`grow`), or a change from `from`; neither draws the picture at rest.
    pub fn start(&mut self, grow: bool, from: Option<Layout>) {
        self.progress = if grow { 0.0 } else { 1.0 };
        self.entry_start = None;
        self.change = from.map(|from| Moving {
            from,
            start: None,
            t: 0.0,
        });
    }

    /// The picture the reader sees now of the layout `at_rest`: it, or part-way to it.
    pub fn on_screen(&self, at_rest: Option<&Layout>) -> Option<Layout> {
        let at_rest = at_rest?;
        Some(match &self.change {
            Some(moving) => between(&moving.from, at_rest, ease_out(moving.t)),
            None => at_rest.clone(),
        })
    }

    /// Another set of slices (a group opened, another chart) cannot move: drawn at once.
    pub fn keep_if_it_can_reach(&mut self, to: Option<&Layout>) {
        if let (Some(moving), Some(to)) = (&self.change, to) {
            if !can_morph(&moving.from, to) {
                self.change = None;
            }
        }
    }

    /// Where the change in motion starts and how far (eased) it has come.
    pub fn change_frame(&self) -> Option<(&Layout, f64)> {
        self.change.as_ref().map(|m| (&m.from, ease_out(m.t)))
    }

    pub fn is_running(&self) -> bool {
        self.progress < 1.0 || self.change.is_some()
    }

    /// Everything at rest at once.
    pub fn finish(&mut self) {
        self.progress = 1.0;
        self.change = None;
    }

    /// Advances both to the animation frame's time `now`.
    pub fn step(&mut self, now: f64) {
        if self.progress < 1.0 {
            let start = *self.entry_start.get_or_insert(now);
            let t = ((now - start) / ENTRY_MS).within(0.0, 1.0);
            self.progress = ease_out(t);
        }
        if let Some(moving) = &mut self.change {
            let start = *moving.start.get_or_insert(now);
            moving.t = ((now - start) / MORPH_MS).within(0.0, 1.0);
            if moving.t >= 1.0 {
                self.change = None;
            }
        }
    }
}
