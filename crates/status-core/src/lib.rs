//! status-widget's core: everything that decides what is shown, in pure Rust with no browser and
//! no command line, tested natively with `cargo test`.
//!
//! [`model`] holds the status document's types, validation and the rules for what is active at
//! an instant; the formats the widget reads (its own and eight other tools') are read into it.
//! [`view`] is the one derivation of what is shown, which every surface reads. [`config`] holds
//! the element's settings, [`schedule`] when to poll, [`signature`] the rules of signed status
//! files, and [`i18n`] the widget's words.
//! The widget (the root package) and the command (`crates/status-widget-cli`) both build on it.
#![warn(missing_docs)]

pub mod config;
pub mod formats;
pub mod i18n;
pub mod loader;
pub mod model;
pub mod schedule;
pub mod signature;
pub mod view;
