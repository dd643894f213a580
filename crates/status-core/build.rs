//! Compiles the translations (`i18n/<tag>.toml`, one keyed file per language) into the static
//! tables `src/i18n/mod.rs` includes: one `Strings` constant per language in a module named by its
//! tag (`i18n::de::DE`), the language list ([`TAGS`](../src/i18n/mod.rs), English first, then by
//! tag), which of them are written right to left, and `with_languages!`, which hands the list to a
//! macro (the widget's lazy chunks, one per language). The wasm gets the same constants a
//! hand-written table would give it, and no parser.
//!
//! The build fails, naming the file and the key, when a language leaves out a key English has,
//! has a key English does not, leaves one empty, writes the English words where a translation
//! belongs (unless its `same_as_english` list says the word is the same on purpose), drops or
//! adds a `{n}`/`{title}` placeholder, or gives a plural form no category names.

mod translations;

use std::{env, fs, path::Path};

fn main() {
    let dir = Path::new("i18n");
    println!("cargo:rerun-if-changed=i18n");
    let mut files: Vec<(String, String)> = fs::read_dir(dir)
        .expect("crates/status-core/i18n is readable")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|name| name.ends_with(".toml"))
        .map(|name| {
            let text = fs::read_to_string(dir.join(&name)).expect("a translation is readable");
            (name, text)
        })
        .collect();
    files.sort();
    match translations::compile(&files) {
        Ok(rust) => {
            let out = env::var("OUT_DIR").expect("cargo sets OUT_DIR");
            fs::write(Path::new(&out).join("languages.rs"), rust).expect("OUT_DIR is writable");
        }
        Err(problems) => panic!(
            "the translations have {} problem(s):\n  {}\n(see crates/status-core/i18n/README.md)",
            problems.len(),
            problems.join("\n  ")
        ),
    }
}
