//! `status-widget check`, `schema` and `--help`: what a site owner reads before editing.
#![cfg(not(target_arch = "wasm32"))]

mod cli_support;
use cli_support::*;
use serde_json::{json, Value};
use std::fs;

#[test]
fn every_command_has_help() {
    let commands: &[&[&str]] = &[
        &[],
        &["check"],
        &["incident"],
        &["incident", "open"],
        &["incident", "update"],
        &["incident", "resolve"],
        &["incident", "edit"],
        &["maintenance"],
        &["maintenance", "schedule"],
        &["maintenance", "start"],
        &["maintenance", "complete"],
        &["notice"],
        &["notice", "add"],
        &["notice", "remove"],
        &["feed"],
        &["schema"],
        &["serve"],
    ];
    for args in commands {
        let mut with_help = args.to_vec();
        with_help.push("--help");
        let said = ok(&with_help);
        assert!(said.contains("Usage: status-widget"), "{args:?}: {said}");
        assert!(said.lines().count() > 3, "{args:?} explains itself: {said}");
    }
    assert!(ok(&["--version"]).starts_with("status-widget "));
}

#[test]
fn check_names_file_line_and_column_and_fails_on_errors() {
    let dir = folder("check");
    let good = dir.join("good.json");
    fs::write(&good, SEED).unwrap();
    let out = run(&["check", good.to_str().unwrap()]);
    assert!(out.status.success());
    assert!(text(&out.stdout).contains("good.json: ok (native)"));

    let wrong = dir.join("wrong.json");
    fs::write(
        &wrong,
        "{\n  \"version\": 1,\n  \"incidents\": [\n    {\"id\": \"a\", \"title\": 7}\n  ]\n}\n",
    )
    .unwrap();
    let out = run(&["check", good.to_str().unwrap(), wrong.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1), "one bad file fails the run");
    let said = text(&out.stdout);
    let line = said
        .lines()
        .find(|l| l.contains("wrong.json:4:"))
        .unwrap_or_else(|| panic!("{said}"));
    assert!(
        line.contains("error: incidents[0].title: expected"),
        "{line}"
    );
    assert!(
        said.contains("good.json: ok"),
        "the good file is still reported: {said}"
    );

    let broken = dir.join("broken.json");
    fs::write(&broken, "{\n  \"version\": 1\n  \"incidents\": []\n}\n").unwrap();
    let out = run(&["check", "--json", broken.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report[0]["ok"], json!(false));
    assert_eq!(
        report[0]["error"]["line"],
        json!(3),
        "the missing comma: {report}"
    );
    assert!(report[0]["error"]["column"].as_u64().is_some());

    let out = run(&["check", "--json", wrong.to_str().unwrap()]);
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    let problem = &report[0]["problems"][0];
    assert_eq!(
        (
            &problem["severity"],
            &problem["path"],
            &problem["line"],
            &problem["column"]
        ),
        (
            &json!("error"),
            &json!("incidents[0].title"),
            &json!(4),
            &json!(26)
        )
    );

    let statuspage = repository("tests/fixtures/statuspage-summary.json");
    assert!(ok(&["check", statuspage.to_str().unwrap()]).contains("ok (statuspage)"));

    let out = run(&["check", dir.join("missing.json").to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stdout).contains("missing.json: error:"));
}

#[test]
fn schema_prints_the_schema_the_site_serves() {
    assert_eq!(
        ok(&["schema"]),
        fs::read_to_string(repository("www/status.schema.json")).unwrap()
    );
}
