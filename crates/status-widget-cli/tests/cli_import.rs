//! `status-widget import`: every real document (read in `../shared/fixtures/real/`) becomes a
//! valid format v1 file that shows the same banner and the same history at the document's date;
//! an existing file is never overwritten unasked; what had to change is said.
#![cfg(not(target_arch = "wasm32"))]

mod cli_support;
#[path = "../../../tests/native_support/mod.rs"]
mod native_support;
use cli_support::*;
use native_support::{real_cases, t};
use status_core::formats::{load_str, Format, SourceFormat};
use status_core::view::{derive, ViewSettings};
use std::fs;
use std::rc::Rc;

fn real_path(file: &str) -> String {
    native_support::real_path(file).display().to_string()
}

/// The active titles, the upcoming and past counts and the past titles of a document at `at`.
fn shown(text: &str, format: Format, at: &str) -> (Vec<String>, usize, Vec<String>) {
    let doc = Rc::new(load_str(text, format).unwrap().document);
    let view = derive(&doc, &ViewSettings::default(), t(at));
    let titles = |items: &[status_core::view::ItemView]| {
        items
            .iter()
            .map(|i| i.title.plain.clone())
            .collect::<Vec<_>>()
    };
    let history = view
        .history()
        .iter()
        .map(|&i| view.history_item(i).title.plain)
        .collect();
    (titles(&view.active), view.upcoming.len(), history)
}

#[test]
#[cfg_attr(not(real_documents), ignore = "needs ../shared/fixtures/real")]
fn every_real_document_imports_to_a_valid_file_that_shows_the_same() {
    let dir = folder("import-real");
    for case in real_cases() {
        let source = real_path(&case.file);
        let out = dir.join(case.file.replace('/', "-"));
        let result = run(&["import", &source, "--out", out.to_str().unwrap()]);
        let Some(format) = &case.format else {
            assert_eq!(result.status.code(), Some(1), "{}", case.file);
            assert!(
                text(&result.stderr).contains("the file is empty"),
                "{}",
                text(&result.stderr)
            );
            assert!(!out.exists(), "nothing written for a refused document");
            continue;
        };
        let said = text(&result.stdout);
        assert!(
            result.status.success(),
            "{}: {}{}",
            case.file,
            said,
            text(&result.stderr)
        );
        assert!(said.contains(&format!("read as {format}")), "{said}");
        let written = fs::read_to_string(&out).unwrap();
        let native = load_str(&written, Format::Only(SourceFormat::Native)).unwrap();
        assert!(
            native.is_valid(),
            "{}: {:?}",
            case.file,
            native_support::messages(&native)
        );
        for raw in ["<br", "<li>", "<strong>", "**", "](http"] {
            assert!(!written.contains(raw), "{}: {raw} written", case.file);
        }
        let original = fs::read_to_string(&source).unwrap();
        assert_eq!(
            shown(&written, Format::Auto, &case.at),
            shown(&original, Format::Auto, &case.at),
            "{}: the imported file shows what the original shows",
            case.file
        );
    }
}

#[test]
#[cfg_attr(not(real_documents), ignore = "needs ../shared/fixtures/real")]
fn what_had_to_change_is_said_and_markup_becomes_plain_text() {
    let dir = folder("import-notes");
    let out = dir.join("status.json");
    let said = ok(&[
        "import",
        &real_path("statuspage/godaddy-incidents-2024-01-31-six-incidents.json"),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(said.contains("6 incidents"), "{said}");
    assert!(said.contains("ends before it starts"), "{said}");
    assert!(said.contains("written to start at its end"), "{said}");

    let bare = ok(&[
        "import",
        &real_path("statuspage/github-status-2026-08-17-major.json"),
        "--out",
        "-",
    ]);
    let doc: serde_json::Value = serde_json::from_str(&bare).unwrap();
    assert_eq!(
        doc["notices"][0]["id"], "status",
        "the page's own word is kept as a notice"
    );
    assert_eq!(doc["notices"][0]["level"], "warning");

    let list = ok(&[
        "import",
        &real_path("statuspage/github-incident-2018-10-21-html-list-body.json"),
        "--out",
        "-",
    ]);
    let doc: serde_json::Value = serde_json::from_str(&list).unwrap();
    let body = doc["incidents"][0]["updates"][0]["body"].as_str().unwrap();
    assert!(body.starts_with("• 2018-10-21 23:09:19 - "), "{body}");
    assert!(body.lines().count() >= 20, "one line per entry of the list");
}

#[test]
#[cfg_attr(not(real_documents), ignore = "needs ../shared/fixtures/real")]
fn an_existing_file_is_replaced_only_with_force_and_kept_as_bak() {
    let dir = folder("import-force");
    let out = dir.join("status.json");
    fs::write(&out, SEED).unwrap();
    let source = real_path("other/slack-2020-07-30-incident.json");
    let refused = run(&["import", &source, "--out", out.to_str().unwrap()]);
    assert_eq!(refused.status.code(), Some(1));
    assert!(
        text(&refused.stderr).contains("--force"),
        "{}",
        text(&refused.stderr)
    );
    assert_eq!(fs::read_to_string(&out).unwrap(), SEED, "untouched");

    ok(&["import", &source, "--out", out.to_str().unwrap(), "--force"]);
    let backup = dir.join("status.json.bak");
    assert_eq!(
        fs::read_to_string(backup).unwrap(),
        SEED,
        "the previous file is kept"
    );
    let written = load_str(&fs::read_to_string(&out).unwrap(), Format::Auto).unwrap();
    assert_eq!(written.format, SourceFormat::Native);
    assert_eq!(written.document.incidents.len(), 2);
}

#[test]
#[cfg_attr(not(real_documents), ignore = "needs ../shared/fixtures/real")]
fn from_names_the_format_and_a_wrong_one_is_refused() {
    let dir = folder("import-from");
    let source = real_path("instatus/manychat-summary-up-with-active-incident.json");
    let out = dir.join("status.json");
    ok(&[
        "import",
        &source,
        "--from",
        "instatus",
        "--out",
        out.to_str().unwrap(),
    ]);
    let unknown = run(&["import", &source, "--from", "nagios", "--out", "-"]);
    assert_eq!(unknown.status.code(), Some(2), "a usage error");
    assert!(
        text(&unknown.stderr).contains("statuspage"),
        "names the formats it reads"
    );
    let wrong = run(&["import", &source, "--from", "cstate", "--out", "-"]);
    assert_eq!(
        wrong.status.code(),
        Some(1),
        "never an empty file from a misread"
    );
    assert!(
        text(&wrong.stderr).contains("shaped like instatus"),
        "{}",
        text(&wrong.stderr)
    );
}
