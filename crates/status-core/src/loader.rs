//! What the JavaScript loader (`src/embed/status-widget.js`) shares with Rust: the constants and
//! option sets it needs before the wasm runs (to read the status file early, to decide when the
//! wasm loads, to start a language's download, to report a failure). They are written here once;
//! `scripts/build` writes them into the loader ([`loader_block`], between [`BLOCK_START`] and
//! [`BLOCK_END`]), and `tests/loader_shared.rs` fails when the loader's copy differs.

use crate::i18n::TAGS;
use crate::model::MAINTENANCE_LEAD_MS;

/// A status file read gets this long to answer completely (the widget's and the loader's).
pub const FETCH_TIMEOUT_MS: u32 = 10_000;

/// How a status file is requested: never with the reader's cookies, always revalidated (an
/// unchanged file costs a 304), and telling the status host no more than the page's origin.
pub const REQUEST: RequestOptions = RequestOptions {
    credentials: "omit",
    cache: "no-cache",
    referrer_policy: "strict-origin",
};

/// The `fetch()` options of a status file read, by their names in the Fetch standard.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RequestOptions {
    /// `credentials`.
    pub credentials: &'static str,
    /// `cache`.
    pub cache: &'static str,
    /// `referrerPolicy`.
    pub referrer_policy: &'static str,
}

/// The element's event when a status file was read, then its former name (pages written
/// against 0.1 listen for that one).
pub const UPDATE_EVENTS: [&str; 2] = ["status-widget-update", "status-widget:update"];

/// The element's event when no source gave a usable file, then its former name.
pub const ERROR_EVENTS: [&str; 2] = ["status-widget-error", "status-widget:error"];

/// The first line of the loader's generated block.
pub const BLOCK_START: &str =
    "// ---- Shared with Rust: written by scripts/build from status_core::loader; do not edit ----";

/// The last line of the loader's generated block.
pub const BLOCK_END: &str = "// ---- End of what is shared with Rust ----";

/// The loader's generated block, [`BLOCK_START`] to [`BLOCK_END`], each line ending in a newline.
pub fn loader_block() -> String {
    let list = |items: &[&str]| {
        let quoted: Vec<String> = items.iter().map(|t| format!("\"{t}\"")).collect();
        format!("[{}]", quoted.join(", "))
    };
    let lines = [
        BLOCK_START.to_owned(),
        "/** A status file read gets this long to answer (status_core::loader::FETCH_TIMEOUT_MS). */"
            .to_owned(),
        format!("const FETCH_TIMEOUT_MS = {FETCH_TIMEOUT_MS};"),
        "/** How a status file is requested (status_core::loader::REQUEST). */".to_owned(),
        format!(
            "const REQUEST = {{ credentials: \"{}\", cache: \"{}\", referrerPolicy: \"{}\" }};",
            REQUEST.credentials, REQUEST.cache, REQUEST.referrer_policy
        ),
        "/** Maintenance shows in the banner this long before it starts (model::MAINTENANCE_LEAD_MS). */"
            .to_owned(),
        format!("const MAINTENANCE_LEAD_MS = {MAINTENANCE_LEAD_MS};"),
        "/** The languages the widget has words in, English first (i18n::TAGS). */".to_owned(),
        format!("const LANGUAGES = {};", list(&TAGS)),
        "/** The element's events: the current name, then the former one (loader::*_EVENTS). */"
            .to_owned(),
        format!("const UPDATE_EVENTS = {};", list(&UPDATE_EVENTS)),
        format!("const ERROR_EVENTS = {};", list(&ERROR_EVENTS)),
        BLOCK_END.to_owned(),
    ];
    lines.iter().map(|line| format!("{line}\n")).collect()
}

/// `source` (the loader's text) with its generated block replaced by [`loader_block`]; `None`
/// when it has no block.
pub fn with_loader_block(source: &str) -> Option<String> {
    let start = source.find(BLOCK_START)?;
    let end = start + source[start..].find(BLOCK_END)? + BLOCK_END.len();
    let end = end + usize::from(source[end..].starts_with('\n'));
    Some(format!(
        "{}{}{}",
        &source[..start],
        loader_block(),
        &source[end..]
    ))
}
