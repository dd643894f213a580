//! The model compiled to wasm, in a real browser: the same reading from text and from
//! JavaScript objects, times that agree with the engine's own `Date`, and hostile documents that
//! end in an error instead of a trap (the wasm stack is far smaller than a native one).
#![cfg(target_arch = "wasm32")]

use js_sys::{Array, Object, Reflect, JSON};
use status_core::formats::json::JsonErrorKind;
use status_core::formats::{Format, LoadError, SourceFormat};
use status_core::model::Timestamp;
use status_core::view::{derive, ViewSettings};
use status_widget::js::api::check_status;
use status_widget::js::document::load_js;
use std::rc::Rc;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const STATUS_JSON: &str = include_str!("../www/status.json");
const SUMMARY_JSON: &str = include_str!("fixtures/statuspage-summary.json");
const MIXED_JSON: &str = include_str!("fixtures/bad/mixed-good-and-bad.json");
const HTML_PAGE: &str = include_str!("fixtures/bad/html-error-page.html");

fn get(value: &JsValue, key: &str) -> JsValue {
    Reflect::get(value, &key.into()).unwrap()
}

fn set(target: &Object, key: &str, value: &JsValue) {
    Reflect::set(target, &key.into(), value).unwrap();
}

#[wasm_bindgen_test]
fn the_seed_status_file_reads_the_same_from_text_and_from_a_parsed_object() {
    let from_text = load_js(&JsValue::from_str(STATUS_JSON), Format::Auto).unwrap();
    let object = JSON::parse(STATUS_JSON).unwrap();
    let from_object = load_js(&object, Format::Auto).unwrap();
    assert_eq!(from_text.document, from_object.document);
    assert!(from_text.problems.is_empty() && from_object.problems.is_empty());
    let incident = &from_object.document.incidents[0];
    assert_eq!(incident.release.as_deref(), Some("b506"));
    assert_eq!(incident.updates.len(), 14);
    assert_eq!(incident.lessons.len(), 5);
    assert_eq!(incident.conclusion.len(), 6);
}

#[wasm_bindgen_test]
fn times_agree_with_the_engines_own_date_parser() {
    for text in [
        "2024-11-04T07:30:00Z",
        "2024-11-04T08:30:00+01:00",
        "2024-11-03T23:30:00-08:00",
        "2024-11-05T09:41:02.367-08:00",
        "2024-02-29T23:59:59.999+05:30",
        "1999-12-31T23:59:59Z",
        "2038-01-19T03:14:08Z",
    ] {
        let ours = Timestamp::parse_rfc3339(text).unwrap().unix_millis();
        let engine = js_sys::Date::parse(text);
        assert_eq!(ours as f64, engine, "{text}");
        let back = Timestamp::from_unix_millis(ours).to_rfc3339();
        assert_eq!(js_sys::Date::parse(&back), engine, "{back}");
    }
}

#[wasm_bindgen_test]
fn a_statuspage_summary_reads_from_a_parsed_object() {
    let object = JSON::parse(SUMMARY_JSON).unwrap();
    let loaded = load_js(&object, Format::Auto).unwrap();
    assert_eq!(loaded.format, SourceFormat::Statuspage);
    assert!(loaded.problems.is_empty());
    let incident = &loaded.document.incidents[0];
    assert_eq!(
        incident.started_at.map(Timestamp::unix_millis),
        Some(js_sys::Date::parse("2024-11-05T09:12:45.112-08:00") as i64)
    );
    assert_eq!(incident.updates.len(), 2);
}

#[wasm_bindgen_test]
fn a_deeply_nested_object_is_an_error_not_a_trap() {
    let mut inner = Object::new();
    for _ in 0..20_000 {
        let outer = Object::new();
        set(&outer, "a", &inner);
        inner = outer;
    }
    let doc = Object::new();
    set(&doc, "version", &1.into());
    set(&doc, "incidents", &Array::new());
    set(&doc, "x", &inner);
    match load_js(&doc, Format::Auto) {
        Err(LoadError::BadValue(message)) => {
            assert!(message.contains("deeper than 128"), "{message}")
        }
        other => panic!("{other:?}"),
    }
}

#[wasm_bindgen_test]
fn deeply_nested_text_is_an_error_not_a_trap() {
    let text = format!(
        r#"{{"version": 1, "incidents": {}{}}}"#,
        "[".repeat(20_000),
        "]".repeat(20_000)
    );
    match load_js(&JsValue::from_str(&text), Format::Auto) {
        Err(LoadError::NotJson(e)) => assert_eq!(e.kind, JsonErrorKind::TooDeep),
        other => panic!("{other:?}"),
    }
}

#[wasm_bindgen_test]
fn a_cyclic_object_is_an_error_not_a_hang() {
    let doc = Object::new();
    set(&doc, "version", &1.into());
    set(&doc, "incidents", &Array::of1(&doc));
    assert!(matches!(
        load_js(&doc, Format::Auto),
        Err(LoadError::BadValue(_))
    ));
}

#[wasm_bindgen_test]
fn twenty_thousand_incidents_read_in_the_browser_and_the_active_one_shows() {
    let mut text = String::from(r#"{"version": 1, "incidents": ["#);
    for i in 0..20_000 {
        text.push_str(&format!(
            r#"{{"id": "i{i}", "title": "Old {i}", "status": "resolved"}},"#
        ));
    }
    text.push_str(r#"{"id": "now", "title": "Login down", "impact": "critical"}]}"#);
    let doc = load_js(&JsValue::from_str(&text), Format::Auto)
        .unwrap()
        .document;
    let now = Timestamp::from_unix_millis(js_sys::Date::now() as i64);
    let view = derive(&Rc::new(doc), &ViewSettings::default(), now);
    assert_eq!(view.active.len(), 1);
    assert_eq!(view.active[0].id, "now");
    assert_eq!(view.history().len(), 20_000);
}

#[wasm_bindgen_test]
fn a_future_version_object_is_refused() {
    let doc = JSON::parse(r#"{"version": 2, "incidents": []}"#).unwrap();
    assert_eq!(
        load_js(&doc, Format::Auto).unwrap_err(),
        LoadError::UnsupportedVersion(2)
    );
}

#[wasm_bindgen_test]
fn check_status_reports_problems_with_line_and_column_as_plain_objects() {
    let report = check_status(JsValue::from_str(MIXED_JSON), None);
    assert_eq!(get(&report, "ok"), JsValue::FALSE);
    assert_eq!(get(&report, "format"), JsValue::from_str("native"));
    let problems = Array::from(&get(&report, "problems"));
    assert!(problems.length() >= 15);
    let first = problems.get(0);
    assert_eq!(get(&first, "severity"), JsValue::from_str("error"));
    assert_eq!(
        get(&first, "path"),
        JsValue::from_str("service.status_page")
    );
    assert_eq!(get(&first, "line").as_f64(), Some(4.0));
    assert_eq!(get(&first, "column").as_f64(), Some(50.0));

    let html = check_status(JsValue::from_str(HTML_PAGE), Some("auto".into()));
    assert_eq!(get(&html, "ok"), JsValue::FALSE);
    assert!(get(&html, "error")
        .as_string()
        .unwrap()
        .contains("this is HTML, not JSON"));

    let good = check_status(JSON::parse(STATUS_JSON).unwrap(), Some("native".into()));
    assert_eq!(get(&good, "ok"), JsValue::TRUE);
    assert_eq!(Array::from(&get(&good, "problems")).length(), 0);
}

#[wasm_bindgen_test]
fn ids_as_link_fragments_decode_back_in_the_engine() {
    for id in [
        "2024-11-04-new-logins",
        "pagemail support.",
        "a#b/ü?x=1&y",
        "日本 語",
        "%41",
    ] {
        let fragment = status_core::model::links::fragment(id);
        let url = web_sys::Url::new(&format!("https://status.example.org/#{fragment}")).unwrap();
        assert_eq!(
            url.hash(),
            format!("#{fragment}"),
            "the engine keeps it as written"
        );
        let decoded = js_sys::decode_uri_component(&fragment).unwrap();
        assert_eq!(decoded.as_string().as_deref(), Some(id));
    }
}
