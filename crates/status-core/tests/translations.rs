//! The translations' compiler (`translations.rs`, run by `build.rs` on `i18n/*.toml`) refuses a
//! translation that would show a reader the wrong words, naming the file and the key; the real
//! files compile.

#[path = "../translations.rs"]
#[allow(dead_code)]
mod translations;

use std::fs;
use std::path::Path;

/// The real files, `(name, text)`.
fn real() -> Vec<(String, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("i18n");
    let mut files: Vec<(String, String)> = fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n.ends_with(".toml"))
        .map(|n| (n.clone(), fs::read_to_string(dir.join(&n)).unwrap()))
        .collect();
    files.sort();
    files
}

/// The real files with German's text changed by `edit`.
fn with_german(edit: impl Fn(&str) -> String) -> Vec<(String, String)> {
    real()
        .into_iter()
        .map(|(n, t)| {
            if n == "de.toml" {
                (n, edit(&t))
            } else {
                (n, t)
            }
        })
        .collect()
}

fn problems(files: &[(String, String)]) -> Vec<String> {
    translations::compile(files).err().unwrap_or_default()
}

#[test]
fn the_real_translations_compile_into_twelve_languages_english_first() {
    let rust = translations::compile(&real()).expect("the translations compile");
    assert!(rust.contains(
        "pub const TAGS: [&str; 12] = [\"en\", \"ar\", \"de\", \"es\", \"fr\", \"he\", \"it\", \"ja\", \"nl\", \"pl\", \"pt\", \"sv\"];"
    ));
    assert!(rust.contains("const RIGHT_TO_LEFT: [&str; 2] = [\"ar\", \"he\"];"));
    assert!(rust.contains("critical: ") || rust.contains("levels: [\"All systems operational\""));
}

#[test]
fn a_missing_key_is_refused_by_file_and_key() {
    let files = with_german(|t| t.replace("critical = \"Schwerer Ausfall\"\n", ""));
    assert_eq!(
        problems(&files),
        ["crates/status-core/i18n/de.toml: `level.critical` is missing"]
    );
}

#[test]
fn an_empty_key_is_refused() {
    let files = with_german(|t| t.replace("region = \"Dienststatus\"", "region = \"  \""));
    assert_eq!(
        problems(&files),
        ["crates/status-core/i18n/de.toml: `region` is empty"]
    );
}

#[test]
fn english_words_where_a_translation_belongs_are_refused_unless_listed() {
    let files = with_german(|t| {
        t.replace(
            "status_page = \"Statusseite\"",
            "status_page = \"Status page\"",
        )
    });
    assert_eq!(
        problems(&files),
        ["crates/status-core/i18n/de.toml: `status_page` is still in English (\"Status page\"); \
          translate it, or list it in `same_as_english` if the word is the same"]
    );
    // "Details" is the German word too, and the file says so.
    assert!(real()
        .iter()
        .any(|(n, t)| n == "de.toml" && t.contains("same_as_english = [\"details\"")));
}

#[test]
fn a_dropped_placeholder_a_typo_and_a_stray_plural_are_refused() {
    let files = with_german(|t| {
        t.replace(
            "dismiss = \"Ausblenden: {title}\"",
            "dismiss = \"Ausblenden\"",
        )
        .replace("region = ", "regoin = \"Dienststatus\"\nregion = ")
        .replace("[and_more]\n", "[and_more]\nmost = \"und {n} weitere\"\n")
    });
    assert_eq!(
        problems(&files),
        [
            "crates/status-core/i18n/de.toml: `and_more.most` is not a key English has (a typo?)",
            "crates/status-core/i18n/de.toml: `dismiss` has [] where English has [\"{title}\"]",
            "crates/status-core/i18n/de.toml: `regoin` is not a key English has (a typo?)",
        ]
    );
}

#[test]
fn a_file_that_is_not_toml_is_refused_with_its_name() {
    let files = with_german(|_| "region = \"unterminated".to_owned());
    let said = problems(&files);
    assert_eq!(said.len(), 1);
    assert!(
        said[0].starts_with("crates/status-core/i18n/de.toml: "),
        "{said:?}"
    );
}
