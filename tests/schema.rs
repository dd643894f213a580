//! `www/status.schema.json` is the published contract. It must accept `www/status.json` and the
//! valid fixtures, refuse the broken ones, and agree with the reader on which is which.
#![cfg(not(target_arch = "wasm32"))]

mod native_support;
use native_support::*;
use status_core::formats::{load_str, Format, SourceFormat};

fn validator() -> jsonschema::Validator {
    let schema: serde_json::Value = serde_json::from_str(&www("status.schema.json")).unwrap();
    jsonschema::draft202012::new(&schema).expect("the schema itself is valid")
}

fn schema_errors(v: &jsonschema::Validator, text: &str) -> Vec<String> {
    let doc: serde_json::Value = serde_json::from_str(text).unwrap();
    v.iter_errors(&doc)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect()
}

#[test]
fn the_shipped_status_file_and_valid_fixtures_pass_the_schema() {
    let v = validator();
    for text in [www("status.json"), fixture("native-active.json")] {
        assert_eq!(schema_errors(&v, &text), Vec::<String>::new());
    }
}

#[test]
fn the_schema_and_the_reader_agree_on_every_native_fixture_and_refuse_the_same_files() {
    let v = validator();
    let (mut checked, mut refused) = (0, 0);
    let entries = ["tests/fixtures", "tests/fixtures/bad"]
        .into_iter()
        .flat_map(|dir| std::fs::read_dir(root().join(dir)).unwrap());
    for entry in entries {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "json") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        let loaded = match load_str(&text, Format::Auto) {
            Ok(loaded) => loaded,
            // A file the reader refuses whole is refused by the schema too, where it is JSON.
            Err(error) => {
                if serde_json::from_str::<serde_json::Value>(&text).is_ok() {
                    assert!(
                        !schema_errors(&v, &text).is_empty(),
                        "{}: the reader refuses it ({error}), the schema accepts it",
                        path.display()
                    );
                    refused += 1;
                }
                continue;
            }
        };
        // Statuspage files are not the schema's format.
        if loaded.format != SourceFormat::Native {
            continue;
        }
        let schema_ok = schema_errors(&v, &text).is_empty();
        assert_eq!(
            schema_ok,
            loaded.is_valid(),
            "{}: schema {:?} vs reader {:?}",
            path.display(),
            schema_errors(&v, &text),
            messages(&loaded)
        );
        checked += 1;
    }
    assert!(checked >= 9, "{checked} native fixtures");
    assert!(refused >= 3, "{refused} refused JSON fixtures");
}

#[test]
fn the_schema_refuses_what_the_reader_reports_as_errors() {
    let v = validator();
    let cases = [
        r#"{"version": 1}"#,
        r#"{"version": 2, "incidents": []}"#,
        r#"{"version": 1, "incidents": [{"id": "a", "title": "t", "impact": "majr"}]}"#,
        r#"{"version": 1, "incidents": [{"id": "a", "title": "t", "started_at": "2024-11-04T07:30:00"}]}"#,
        r#"{"version": 1, "incidents": [{"id": "a", "title": "t", "url": "javascript:alert(1)"}]}"#,
        r#"{"version": 1, "incidents": [{"id": "a", "title": "t", "updates": [{"body": "no time"}]}]}"#,
        r#"{"version": 1, "incidents": [{"title": "no id"}]}"#,
        r#"{"version": 1, "incidents": [{"id": "a", "title": "  "}]}"#,
        r#"{"version": 1, "incidents": [], "service": {"contact": [{"label": "x"}]}}"#,
    ];
    for text in cases {
        assert!(
            !schema_errors(&v, text).is_empty(),
            "schema accepted {text}"
        );
        if let Ok(loaded) = load_str(text, Format::Only(SourceFormat::Native)) {
            assert!(!loaded.is_valid(), "reader accepted {text}");
        }
    }
    let fine = r#"{"version": 1, "incidents": [{"id": "a", "title": "t", "url": "status.html#a",
        "updates": [{"day": "2024-11-07", "body": "untimed"}, {"at": "2024-11-04T08:30:00+01:00", "body": "x"}]}],
        "unknown_future_field": true}"#;
    assert_eq!(schema_errors(&v, fine), Vec::<String>::new());
    assert!(load_str(fine, Format::Only(SourceFormat::Native))
        .unwrap()
        .is_valid());
}
