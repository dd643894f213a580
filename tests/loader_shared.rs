//! What the loader (`src/embed/status-widget.js`) shares with Rust is Rust's: its generated block
//! is exactly what `status_core::loader` writes (`scripts/build` rewrites it), and the language
//! choice both make gives these answers (the loader's side runs in Chromium, in
//! `tests/e2e/loader.test.mjs`, against the wasm's).
#![cfg(not(target_arch = "wasm32"))]

mod native_support;
use native_support::root;
use status_core::i18n::language_of;
use status_core::loader::{loader_block, with_loader_block, BLOCK_END, BLOCK_START};

#[test]
fn the_loaders_shared_block_is_what_rust_writes() {
    let path = root().join("src/embed/status-widget.js");
    let loader = std::fs::read_to_string(&path).unwrap();
    assert_eq!(loader.matches(BLOCK_START).count(), 1, "one block");
    assert_eq!(loader.matches(BLOCK_END).count(), 1, "one block");
    let start = loader.find(BLOCK_START).unwrap();
    let end = loader.find(BLOCK_END).unwrap() + BLOCK_END.len() + 1;
    assert_eq!(
        &loader[start..end],
        loader_block(),
        "src/embed/status-widget.js differs from status_core::loader: run scripts/build \
         (or `cargo run -p status-core --example loader-block -- src/embed/status-widget.js`)"
    );
    assert_eq!(with_loader_block(&loader).as_deref(), Some(loader.as_str()));
    assert!(loader.contains(&loader_block()));
    for name in [
        "FETCH_TIMEOUT_MS",
        "MAINTENANCE_LEAD_MS",
        "LANGUAGES",
        "REQUEST",
    ] {
        let defined = format!("const {name} =");
        assert_eq!(
            loader.matches(&defined).count(),
            1,
            "{name} is defined once, in the block"
        );
    }
}

#[test]
fn a_changed_constant_shows_in_the_block() {
    let stale = format!("a\n{BLOCK_START}\nconst FETCH_TIMEOUT_MS = 1;\n{BLOCK_END}\nb\n");
    let written = with_loader_block(&stale).unwrap();
    assert!(written.starts_with("a\n") && written.ends_with(&format!("{BLOCK_END}\nb\n")));
    assert!(written.contains("const FETCH_TIMEOUT_MS = 10000;"));
    assert_eq!(with_loader_block("no block here"), None);
}

#[test]
fn the_widgets_language_is_the_first_given_if_it_has_words_in_it() {
    let reader = Some("fr-CA");
    // (the element's own lang, the nearest ancestor's, the reader's first) → the language.
    type Case<'a> = (Option<&'a str>, Option<&'a str>, Option<&'a str>, &'a str);
    let table: [Case; 9] = [
        (None, None, reader, "fr"),
        (None, Some("de-AT"), reader, "de"),
        (Some("xx"), Some("de"), reader, "en"),
        (Some(" "), Some("ar"), reader, "ar"),
        (None, Some("ko"), reader, "en"),
        (Some("HE-il"), None, reader, "he"),
        (Some("ja"), Some("pt-BR"), reader, "ja"),
        (None, None, None, "en"),
        (None, Some(""), Some(" sv_SE "), "sv"),
    ];
    for (own, page, reader, expected) in table {
        assert_eq!(
            language_of(own, page, reader),
            expected,
            "{own:?} {page:?} {reader:?}"
        );
    }
}
