//! sector-charts: interactive, accessible sector charts (pie, donut, bar) compiled to WebAssembly,
//! fed from the Jilin province quality report.
//!
//! Data flows one way: JSON text → [`dataset`] (serde, then validation) → [`view`] (what the
//! user chose) → [`layout`] (pure geometry) → [`render`] (plotters, on a canvas or in SVG). The
//! wasm32-only `web` module is the thin glue to the page.

#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::indexing_slicing,
        clippy::panic
    )
)]

pub mod dataset;
pub mod describe;
pub mod export;
pub mod format;
pub mod i18n;
pub mod layout;
pub mod render;
pub mod theme;
pub mod view;

#[cfg(target_arch = "wasm32")]
pub mod web;
