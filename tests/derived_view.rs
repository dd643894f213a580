//! One derivation for every surface: on every fixture and on the real status documents in
//! `../shared/fixtures/real/` (read there at test time, never copied here), the headless report
//! (`deriveStatus`) says exactly what the banner shows (the same items, order, texts, times and
//! links) and the same level and staleness as the indicator and the events.
#![cfg(not(target_arch = "wasm32"))]

mod native_support;
use native_support::*;
use serde_json::Value;
use status_core::formats::{load_str, Format};
use status_core::model::{Text, Timestamp};
use status_core::view::{
    derive, FixedOffset, ItemView, LocalDays, ReadReport, StatusEvent, StatusView, ViewReport,
    ViewSettings,
};
use std::path::{Path, PathBuf};
use std::rc::Rc;

/// Every `.json` file below `dir`.
fn json_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            json_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "json") {
            out.push(path);
        }
    }
}

fn time(t: Option<Timestamp>) -> Value {
    t.map_or(Value::Null, |t| Value::String(t.to_rfc3339()))
}

/// What the report says of an item, next to what the banner shows of it.
fn agree(what: &str, report: &Value, item: &ItemView) {
    assert_eq!(report["id"], item.id.as_str(), "{what}");
    assert_eq!(report["title"], item.title.as_str(), "{what}");
    assert_eq!(
        report["text"],
        item.text
            .as_ref()
            .map(Text::as_str)
            .map_or(Value::Null, Value::from),
        "{what}: {}",
        item.id
    );
    assert_eq!(report["updatedAt"], time(item.updated_at), "{what}");
    assert_eq!(
        report["url"],
        item.link.as_deref().map_or(Value::Null, Value::from),
        "{what}"
    );
}

/// The report's uptime windows are the page's: the same components, days, states, times,
/// incidents and percentages.
fn uptime_agrees(what: &str, report: &Value, view: &StatusView, zone: &dyn LocalDays) {
    let doc = &view.document;
    let windows = view.uptime(zone);
    let report = report.as_array().unwrap();
    assert_eq!(report.len(), windows.len(), "{what}");
    for (r, window) in report.iter().zip(&windows) {
        let component = &doc.components[window.component];
        assert_eq!(r["component"], component.id.as_str(), "{what}");
        assert_eq!(r["name"], component.name.as_str(), "{what}");
        assert_eq!(r["percent"].as_f64(), window.percent, "{what}");
        assert_eq!(r["declared"], window.declared, "{what}");
        let days = r["days"].as_array().unwrap();
        assert_eq!(days.len(), window.days.len(), "{what}");
        assert_eq!(days.len(), usize::from(view.uptime_days), "{what}");
        for (d, day) in days.iter().zip(&window.days) {
            assert_eq!(d["date"], day.date.to_string(), "{what}");
            assert_eq!(d["state"], day.state.name(), "{what}");
            assert_eq!(d["majorOutageMs"], day.major_ms, "{what}");
            assert_eq!(d["partialOutageMs"], day.partial_ms, "{what}");
            assert_eq!(d["degradedMs"], day.degraded_ms, "{what}");
            assert_eq!(d["maintenanceMs"], day.maintenance_ms, "{what}");
            let ids: Vec<&str> = day
                .incidents
                .iter()
                .map(|&i| doc.incidents[i].id.as_str())
                .collect();
            assert_eq!(d["incidents"], serde_json::json!(ids), "{what}");
        }
    }
}

/// Reads every status document it can under `dirs` and checks the report against the view at
/// the document's own date; returns how many it checked.
fn check_all(dirs: &[PathBuf]) -> usize {
    let mut files = Vec::new();
    for dir in dirs {
        json_files(dir, &mut files);
    }
    let mut checked = 0;
    for path in files {
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        let result = load_str(&text, Format::Auto);
        let read = ReadReport::of(&result);
        let Ok(loaded) = result else {
            continue;
        };
        let what = path.display().to_string();
        let valid = loaded.is_valid();
        let doc = Rc::new(loaded.document);
        let now = doc.updated_at.unwrap_or_else(|| t("2024-11-05T10:00:00Z"));
        let settings = ViewSettings {
            max_age_ms: Some(3_600_000),
            ..ViewSettings::default()
        };
        let view = derive(&doc, &settings, now);
        // A zone east of UTC whose day boundary is not at midnight UTC.
        let zone = FixedOffset(5 * 60 + 30);
        let report = serde_json::to_value(ViewReport::of(read, &view, &zone)).unwrap();
        assert_eq!(report["ok"], valid, "{what}");
        assert_eq!(report["level"], view.overall.name(), "{what}");
        assert_eq!(report["stale"], view.overall.is_unknown(), "{what}");
        let active = report["active"].as_array().unwrap();
        assert_eq!(active.len(), view.active.len(), "{what}");
        for (r, item) in active.iter().zip(&view.active) {
            agree(&what, r, item);
        }
        let upcoming = report["upcoming"].as_array().unwrap();
        assert_eq!(upcoming.len(), view.upcoming.len(), "{what}");
        for (r, item) in upcoming.iter().zip(&view.upcoming) {
            agree(&what, r, item);
        }
        let history = report["history"].as_array().unwrap();
        let indices = view.history();
        assert_eq!(history.len(), indices.len(), "{what}");
        for (r, &i) in history.iter().zip(&indices) {
            agree(&what, r, &view.history_item(i));
        }
        uptime_agrees(&what, &report["uptime"], &view, &zone);
        // The event says the same as the view it is read from.
        match StatusEvent::update(&view, "status.json") {
            StatusEvent::Update {
                overall, active, ..
            } => assert_eq!((overall, active), (view.overall, view.active.len())),
            StatusEvent::Error { .. } => unreachable!(),
        }
        checked += 1;
    }
    checked
}

#[test]
fn the_report_says_what_the_banner_shows_on_every_fixture() {
    let checked = check_all(&[root().join("tests/fixtures"), root().join("www")]);
    assert!(checked >= 14, "{checked} documents");
}

#[test]
#[cfg_attr(not(real_documents), ignore = "needs ../shared/fixtures/real")]
fn the_report_says_what_the_banner_shows_on_every_real_document() {
    let real = real_path("");
    assert!(
        real.is_dir(),
        "{} is missing: the real documents live beside the repository (CI has them too)",
        real.display()
    );
    let checked = check_all(&[real]);
    assert!(checked >= 27, "{checked} real documents read");
}
