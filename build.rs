//! Writes the widget's stylesheets without their comments and spare whitespace into `OUT_DIR`,
//! where `src/embed/mod.rs` includes them: the stylesheet ships inside the wasm, and its
//! comments (which explain the layout to us) are no use to a browser.
//!
//! Also says whether the real status documents are beside the repository
//! (`../shared/fixtures/real`, third-party data never copied in): with them, `cfg(real_documents)`
//! is set; without, the tests that read them are ignored with the reason (`cargo test` counts them
//! as ignored, never as passed). `scripts/test` fails when CI runs without them. The command's
//! crate says the same with the same code (`crates/real_documents.rs`).

use std::{env, fs, path::Path};

include!("crates/real_documents.rs");

fn main() {
    let out = env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    for name in ["style.css", "page.css"] {
        let source = Path::new("src/embed").join(name);
        println!("cargo:rerun-if-changed={}", source.display());
        let css = fs::read_to_string(&source).expect("the stylesheet is readable");
        fs::write(Path::new(&out).join(name), minify(&css)).expect("OUT_DIR is writable");
    }
    real_documents();
}

/// `css` without comments, with each run of whitespace made one space and none around the
/// characters that need none (`{ } ; , >`). Quoted strings are kept as written.
fn minify(css: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let mut chars = css.chars().peekable();
    let mut space = false;
    while let Some(c) = chars.next() {
        match c {
            '/' if chars.peek() == Some(&'*') => {
                chars.next();
                let mut last = ' ';
                for d in chars.by_ref() {
                    if last == '*' && d == '/' {
                        break;
                    }
                    last = d;
                }
                space = true;
            }
            '"' | '\'' => {
                flush(&mut out, &mut space, c);
                out.push(c);
                for d in chars.by_ref() {
                    out.push(d);
                    if d == c {
                        break;
                    }
                }
            }
            c if c.is_whitespace() => space = true,
            c => {
                flush(&mut out, &mut space, c);
                out.push(c);
            }
        }
    }
    out.trim().to_owned()
}

/// Writes the pending space before `next` unless either side makes it unneeded.
fn flush(out: &mut String, space: &mut bool, next: char) {
    const TIGHT: &[char] = &['{', '}', ';', ',', '>'];
    if std::mem::take(space) && !out.is_empty() {
        let before = out.chars().last().unwrap_or(' ');
        if !TIGHT.contains(&before) && !TIGHT.contains(&next) {
            out.push(' ');
        }
    }
}
