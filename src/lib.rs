//! status-widget: a status banner and status page for login pages, compiled to WebAssembly.
//!
//! [`model`] is pure Rust: the status document's types, reading status-widget's own format and
//! Statuspage's, validation, and the rules for what is active now. [`view`] derives from it what
//! every surface shows. Both are tested natively. The browser layers are compiled for wasm32 only.
#![warn(missing_docs)]

#[cfg(not(target_arch = "wasm32"))]
pub mod cli;
pub mod config;
pub mod i18n;
pub mod model;
pub mod schedule;
pub mod view;

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
