//! Interactive, accessible sector charts (pie, donut, bar) in WebAssembly. Data flows one way:
//! JSON text → [`dataset`] → [`view`] (what the user chose) → [`layout`] (geometry) → [`render`]
//! (plotters); the wasm32-only `web` module is the glue to the page.

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
