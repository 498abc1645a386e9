//! View transitions on the built-in dataset, one file per topic: navigation, slices, the
//! keyboard, deep links, and a property test over random event sequences.

#[path = "../common/mod.rs"]
mod common;
mod keyboard;
mod links;
mod navigation;
mod properties;
mod slices;
