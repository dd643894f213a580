//! Helpers shared by the native test files.
#![allow(dead_code)]

use status_core::formats::{load_str, Format, Loaded};
use status_core::model::Timestamp;
use std::path::PathBuf;

mod raw_markup;
#[allow(unused_imports)]
pub use raw_markup::RAW_MARKUP;

/// The repository's root directory (the folder with `www/`), from whichever crate's tests run.
pub fn root() -> PathBuf {
    let crate_dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    crate_dir
        .ancestors()
        .find(|dir| dir.join("www/status.json").is_file())
        .map(PathBuf::from)
        .unwrap_or(crate_dir)
}

/// Where a real status document lies: `../shared/fixtures/real/<relative>` beside the repository
/// (third-party data, read where it lies, never copied in). `""` is the folder itself.
pub fn real_path(relative: &str) -> PathBuf {
    root().join("../shared/fixtures/real").join(relative)
}

/// A file under `tests/fixtures/`.
pub fn fixture(name: &str) -> String {
    let path = root().join("tests/fixtures").join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// A file under `www/`.
pub fn www(name: &str) -> String {
    std::fs::read_to_string(root().join("www").join(name)).unwrap()
}

/// A real status document, `../shared/fixtures/real/<relative>`: third-party data read where it
/// lies, never copied into the repository.
pub fn real_text(relative: &str) -> String {
    let path = real_path(relative);
    std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "{}: {e} (the real documents live beside the repository; CI has them too)",
            path.display()
        )
    })
}

/// Reads a real status document, format detected.
pub fn load_real(relative: &str) -> Loaded {
    load_str(&real_text(relative), Format::Auto).unwrap_or_else(|e| panic!("{relative}: {e}"))
}

/// Reads a fixture, format detected.
pub fn load_fixture(name: &str) -> Loaded {
    load_str(&fixture(name), Format::Auto).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// An RFC 3339 time, for test expectations.
pub fn t(text: &str) -> Timestamp {
    Timestamp::parse_rfc3339(text).unwrap()
}

/// The problems' messages, for asserting on what a site owner would read.
pub fn messages(loaded: &Loaded) -> Vec<String> {
    loaded.problems.iter().map(ToString::to_string).collect()
}

/// One row of `tests/real_documents.json`: what the widget shows for a real document at its own
/// date (`at`): the format it is read as (none: refused), the level, the kind of each banner
/// item in order (`status` for the file's own overall word), and how many items the page lists
/// as upcoming and past.
#[derive(serde::Deserialize)]
pub struct RealCase {
    pub file: String,
    pub at: String,
    pub format: Option<String>,
    #[serde(default)]
    pub level: String,
    #[serde(default)]
    pub shows: Vec<String>,
    #[serde(default)]
    pub upcoming: usize,
    #[serde(default)]
    pub history: usize,
}

/// Every row of `tests/real_documents.json`.
pub fn real_cases() -> Vec<RealCase> {
    serde_json::from_str(include_str!("../real_documents.json")).expect("the table is JSON")
}
