//! The `status-widget maintenance …` and `notice …` commands.
#![cfg(not(target_arch = "wasm32"))]

mod cli_support;
use cli_support::*;
use serde_json::json;
use status_core::formats::{load_str, Format, SourceFormat};
use std::fs;

#[test]
fn maintenance_and_notices_round_trip() {
    let (_, file) = week_file("maintenance");
    let f = file.to_str().unwrap();
    ok(&[
        "maintenance",
        "schedule",
        "--id",
        "db-upgrade",
        "--title",
        "Database upgrade",
        "--starts-at",
        "2030-01-10T22:00:00+01:00",
        "--ends-at",
        "2030-01-10T23:30:00+01:00",
        "--component",
        "app",
        "--message",
        "Read-only for 90 minutes",
        "-f",
        f,
    ]);
    ok(&[
        "maintenance",
        "start",
        "db-upgrade",
        "--at",
        "2030-01-10T21:02:00Z",
        "--message",
        "Started",
        "-f",
        f,
    ]);
    ok(&[
        "maintenance",
        "complete",
        "db-upgrade",
        "--at",
        "2030-01-10T22:10:00Z",
        "-f",
        f,
    ]);
    ok(&[
        "notice",
        "add",
        "--id",
        "exams",
        "--title",
        "Exam week",
        "--level",
        "warning",
        "--url",
        "https://example.org/exams",
        "--ends-at",
        "2030-01-20T00:00:00Z",
        "-f",
        f,
    ]);
    let doc = read_json(&file);
    assert_eq!(
        doc["maintenances"][0],
        json!({
            "id": "db-upgrade", "title": "Database upgrade", "status": "completed",
            "starts_at": "2030-01-10T21:00:00Z", "ends_at": "2030-01-10T22:30:00Z",
            "components": ["app"], "body": "Read-only for 90 minutes",
            "updates": [{"at": "2030-01-10T21:02:00Z", "body": "Started"}],
        })
    );
    assert_eq!(doc["notices"][0]["level"], json!("warning"));
    ok(&["notice", "remove", "exams", "-f", f]);
    assert_eq!(read_json(&file)["notices"], json!([]));
    let loaded = load_str(
        &fs::read_to_string(&file).unwrap(),
        Format::Only(SourceFormat::Native),
    )
    .unwrap();
    assert!(loaded.is_valid(), "{:?}", loaded.problems);
}
