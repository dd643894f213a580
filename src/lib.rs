//! status-widget: a status banner and status page for login pages, compiled to WebAssembly.
//!
//! What is shown is decided in `status-core` (re-exported here as [`model`], [`view`],
//! [`config`], [`schedule`], [`signature`] and [`i18n`]): pure Rust, tested natively. This crate holds the
//! browser layers, compiled for wasm32 only: the IO (`io`), the hooks (`hooks`), the components
//! that render (`components`), the custom element (`embed`) and the headless API (`js`).
#![warn(missing_docs)]

pub use status_core::{config, formats, i18n, loader, model, schedule, signature, view};

#[cfg(target_arch = "wasm32")]
pub mod components;
#[cfg(target_arch = "wasm32")]
pub mod embed;
#[cfg(target_arch = "wasm32")]
pub mod hooks;
#[cfg(target_arch = "wasm32")]
pub mod io;
#[cfg(all(target_arch = "wasm32", feature = "page"))]
pub mod js;
