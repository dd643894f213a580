//! Instatus's public `summary.json`, as served: the real captures in
//! `../shared/fixtures/real/instatus/` (read there at test time, never copied here) and small
//! documents written to the format's documentation. An open incident is never read as all fine,
//! and detection never takes Instatus for Statuspage or the other way round.
#![cfg(not(target_arch = "wasm32"))]

mod native_support;
use native_support::*;
use status_core::formats::{load_str, Format, LoadError, SourceFormat};
use status_core::model::{Impact, IncidentStatus, Level, MaintenanceStatus};
use status_core::view::{derive, ItemSource, Overall, ViewSettings};
use std::rc::Rc;

#[test]
#[cfg_attr(not(real_documents), ignore = "needs ../shared/fixtures/real")]
fn an_open_incident_on_a_page_that_says_up_is_shown() {
    let loaded = load_real("instatus/manychat-summary-up-with-active-incident.json");
    assert_eq!(loaded.format, SourceFormat::Instatus);
    assert!(loaded.problems.is_empty(), "{:#?}", messages(&loaded));
    let doc = Rc::new(loaded.document);
    assert_eq!(doc.service.name.as_deref(), Some("Manychat"));
    let incident = &doc.incidents[0];
    assert_eq!(incident.title, "Delays in Instagram automation");
    assert_eq!(incident.impact, Impact::Minor);
    assert_eq!(incident.status, IncidentStatus::Identified);
    assert_eq!(incident.started_at, Some(t("2026-03-17T03:00:00Z")));
    let view = derive(&doc, &ViewSettings::default(), t("2026-05-06T16:00:00Z"));
    assert_eq!(
        view.overall,
        Overall::Level(Level::Minor),
        "the incident outranks the page's UP"
    );
    assert_eq!(view.active.len(), 1);
    assert_eq!(
        view.active[0].link.as_deref(),
        Some("https://status.manychat.com/cmmxljn3s01ntuud42lsa7zud")
    );
}

#[test]
#[cfg_attr(not(real_documents), ignore = "needs ../shared/fixtures/real")]
fn a_healthy_page_without_lists_shows_nothing() {
    let loaded = load_real("instatus/recraft-summary-healthy-no-arrays.json");
    assert_eq!(loaded.format, SourceFormat::Instatus);
    assert!(loaded.problems.is_empty(), "{:#?}", messages(&loaded));
    let doc = Rc::new(loaded.document);
    let view = derive(&doc, &ViewSettings::default(), t("2026-05-06T16:00:00Z"));
    assert_eq!(view.overall, Overall::Level(Level::Operational));
    assert!(view.active.is_empty());
}

#[test]
fn page_status_and_maintenance_are_read() {
    let text = r#"{"page": {"name": "Example", "url": "https://example.instatus.com", "status": "UNDERMAINTENANCE"},
        "activeIncidents": [],
        "activeMaintenances": [{"id": "m1", "name": "Database upgrade", "start": "2024-11-05T10:00:00.000Z",
          "status": "INPROGRESS", "duration": "90", "url": "https://example.instatus.com/m1"}]}"#;
    let loaded = load_str(text, Format::Auto).unwrap();
    assert_eq!(loaded.format, SourceFormat::Instatus);
    let m = &loaded.document.maintenances[0];
    assert_eq!(m.status, MaintenanceStatus::InProgress);
    assert_eq!(m.ends_at, Some(t("2024-11-05T11:30:00Z")));
    let doc = Rc::new(loaded.document);
    let view = derive(&doc, &ViewSettings::default(), t("2024-11-05T10:30:00Z"));
    assert_eq!(view.overall, Overall::Level(Level::Maintenance));
    assert_eq!(view.active[0].title, "Database upgrade");

    // HASISSUES with nothing listed: the page's own word shows, never all fine.
    let issues = r#"{"page": {"name": "Example", "url": "https://example.instatus.com", "status": "HASISSUES"}}"#;
    let doc = Rc::new(load_str(issues, Format::Auto).unwrap().document);
    let view = derive(&doc, &ViewSettings::default(), t("2024-11-05T10:30:00Z"));
    assert_eq!(view.overall, Overall::Level(Level::Minor));
    assert_eq!(view.active.len(), 1);
    assert_eq!(view.active[0].source, ItemSource::Declared);
    assert_eq!(
        view.active[0].link.as_deref(),
        Some("https://example.instatus.com")
    );
}

#[test]
fn unknown_values_are_warnings_read_on_the_side_of_caution() {
    let text = r#"{"page": {"name": "Example", "status": "ON_FIRE"},
        "activeIncidents": [{"id": "i", "name": "Outage", "status": "ESCALATED", "impact": "TOTALOUTAGE"}]}"#;
    let loaded = load_str(text, Format::Auto).unwrap();
    assert!(loaded.is_valid(), "{:#?}", messages(&loaded));
    assert_eq!(loaded.problems.len(), 3, "{:#?}", messages(&loaded));
    let i = &loaded.document.incidents[0];
    assert_eq!(
        (i.impact, i.status),
        (Impact::Critical, IncidentStatus::Investigating)
    );
    assert_eq!(
        loaded.document.declared.as_ref().unwrap().level,
        Level::Minor
    );
}

#[test]
#[cfg_attr(not(real_documents), ignore = "needs ../shared/fixtures/real")]
fn detection_never_takes_one_format_for_another() {
    let dir = real_path("statuspage");
    let mut read = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        if let Ok(loaded) = load_str(&text, Format::Auto) {
            assert_eq!(
                loaded.format,
                SourceFormat::Statuspage,
                "{}",
                path.display()
            );
            read += 1;
        }
    }
    assert!(read >= 24, "{read} Statuspage captures read");
    for name in [
        "manychat-summary-up-with-active-incident.json",
        "recraft-summary-healthy-no-arrays.json",
    ] {
        let loaded = load_real(&format!("instatus/{name}"));
        assert_eq!(loaded.format, SourceFormat::Instatus, "{name}");
    }
    // Asked for by name, and a shape nobody reads is refused naming the formats that are read.
    assert_eq!(
        Format::from_name(" Instatus "),
        Some(Format::Only(SourceFormat::Instatus))
    );
    let forced = load_str(
        &real_text("instatus/recraft-summary-healthy-no-arrays.json"),
        Format::Only(SourceFormat::Instatus),
    )
    .unwrap();
    assert_eq!(forced.format, SourceFormat::Instatus);
    let refused = load_str(r#"{"hello": "world"}"#, Format::Auto).unwrap_err();
    assert_eq!(refused, LoadError::UnknownFormat);
    let message = refused.to_string();
    for name in ["status-widget", "Statuspage", "Instatus"] {
        assert!(message.contains(name), "{message}");
    }
}
