//! What the user chose and how events change it: `update` is pure, so every interaction is
//! tested natively; deep links are the state's serialisation.

mod link;
mod other;
mod state;

pub use link::Fallback;
pub use other::{other_group, OtherGroup, SliceSet, MAX_DRAWN_SLICES};
pub use state::{Event, Key, ViewState};
