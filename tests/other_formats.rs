//! Slack's and Heroku's status APIs and Status.io's public status, as served: the real captures in
//! `../shared/fixtures/real/other/` (read there at test time, never copied here), each at its own
//! date. Every open incident and maintenance shows, and the file's own overall word is kept.
#![cfg(not(target_arch = "wasm32"))]

mod native_support;
use native_support::*;
use status_core::formats::{load_str, Format, Loaded, SourceFormat};
use status_core::model::{ComponentStatus, Impact, IncidentStatus, Level, MaintenanceStatus};
use status_core::view::{derive, ItemSource, Overall, StatusView, ViewSettings};
use std::rc::Rc;

fn real(name: &str) -> Loaded {
    load_real(&format!("other/{name}"))
}

fn shown(loaded: &Loaded, now: &str) -> StatusView {
    derive(
        &Rc::new(loaded.document.clone()),
        &ViewSettings::default(),
        t(now),
    )
}

#[test]
#[cfg_attr(not(real_documents), ignore = "needs ../shared/fixtures/real")]
fn slacks_active_incidents_are_shown() {
    let loaded = real("slack-2020-07-30-incident.json");
    assert_eq!(loaded.format, SourceFormat::Slack);
    assert!(loaded.is_valid(), "{:#?}", messages(&loaded));
    let doc = &loaded.document;
    assert_eq!(doc.updated_at, Some(t("2020-07-30T22:12:34Z")), "-07:00");
    assert_eq!(doc.incidents.len(), 2);
    let first = &doc.incidents[0];
    assert_eq!(
        first.title,
        "We are investigating an issue with notification settings"
    );
    assert_eq!(
        (first.impact, first.status),
        (Impact::Minor, IncidentStatus::Investigating)
    );
    assert_eq!(first.components, ["Notifications"]);
    assert!(first.updates[0]
        .body
        .plain
        .starts_with("Some users might notice"));
    let view = shown(&loaded, "2020-07-30T22:30:00Z");
    assert_eq!(view.overall, Overall::Level(Level::Minor));
    assert_eq!(view.active.len(), 2);
    assert!(view.active.iter().all(|i| i.source != ItemSource::Declared));
    assert_eq!(
        Format::from_name("slack"),
        Some(Format::Only(SourceFormat::Slack))
    );
}

#[test]
#[cfg_attr(not(real_documents), ignore = "needs ../shared/fixtures/real")]
fn herokus_incident_and_yellow_systems_are_shown() {
    let loaded = real("heroku-2019-10-24-incident.json");
    assert_eq!(loaded.format, SourceFormat::Heroku);
    assert!(loaded.is_valid(), "{:#?}", messages(&loaded));
    let doc = &loaded.document;
    assert_eq!(doc.components[0].id, "Apps");
    assert_eq!(
        doc.components[0].status,
        ComponentStatus::DegradedPerformance
    );
    let incident = &doc.incidents[0];
    assert_eq!(
        incident.title,
        "Connection timeouts to applications and Heroku Postgres"
    );
    assert_eq!(incident.status, IncidentStatus::Investigating);
    assert_eq!(incident.updates.len(), 2);
    assert!(
        incident.updates[0].at <= incident.updates[1].at,
        "oldest first"
    );
    let view = shown(&loaded, "2019-10-24T19:00:00Z");
    assert_eq!(view.overall, Overall::Level(Level::Minor));
    assert_eq!(view.active.len(), 1);
    assert_eq!(
        view.active[0].link.as_deref(),
        Some("https://status.heroku.com/incidents/1918")
    );
    assert_eq!(
        Format::from_name("heroku"),
        Some(Format::Only(SourceFormat::Heroku))
    );
}

#[test]
#[cfg_attr(not(real_documents), ignore = "needs ../shared/fixtures/real")]
fn status_io_maintenance_and_incident_are_shown() {
    let loaded = real("statusio-gitlab-2020-09-05-maintenance.json");
    assert_eq!(loaded.format, SourceFormat::Statusio);
    assert!(loaded.is_valid(), "{:#?}", messages(&loaded));
    let doc = &loaded.document;
    assert_eq!(doc.updated_at, Some(t("2020-09-05T09:45:32.537Z")));
    assert_eq!(doc.components.len(), 15);
    assert_eq!(doc.incidents.len(), 1);
    assert_eq!(
        doc.incidents[0].title.trim(),
        "500 Error - User Notification Settings"
    );
    assert_eq!(doc.incidents[0].impact, Impact::Major, "message status 400");
    assert_eq!(doc.maintenances.len(), 1);
    assert_eq!(doc.maintenances[0].status, MaintenanceStatus::InProgress);
    let view = shown(&loaded, "2020-09-05T09:45:32Z");
    assert_eq!(view.overall, Overall::Level(Level::Major));
    let titles: Vec<&str> = view.active.iter().map(|i| i.title.trim()).collect();
    assert_eq!(
        titles,
        [
            "500 Error - User Notification Settings",
            "Maintenance on dashboards.gitlab.com"
        ]
    );
    assert_eq!(
        Format::from_name("statusio"),
        Some(Format::Only(SourceFormat::Statusio))
    );
}

#[test]
#[cfg_attr(not(real_documents), ignore = "needs ../shared/fixtures/real")]
fn a_format_attribute_naming_another_format_is_refused_not_misread() {
    let instatus = real_text("instatus/manychat-summary-up-with-active-incident.json");
    for asked in ["statuspage", "cstate", "native", "upptime"] {
        let error = load_str(&instatus, Format::from_name(asked).unwrap()).unwrap_err();
        assert!(error.to_string().contains("instatus"), "{asked}: {error}");
    }
    // A shape no reader knows is still read leniently as the format asked for.
    let bare = load_str(
        r#"{"incidents": []}"#,
        Format::from_name("statuspage").unwrap(),
    );
    assert_eq!(bare.unwrap().format, SourceFormat::Statuspage);
}

#[test]
#[cfg_attr(not(real_documents), ignore = "needs ../shared/fixtures/real")]
fn detection_takes_none_of_them_for_another() {
    for (dir, format) in [
        ("statuspage", SourceFormat::Statuspage),
        ("instatus", SourceFormat::Instatus),
        ("cstate", SourceFormat::Cstate),
        ("upptime", SourceFormat::Upptime),
    ] {
        for entry in std::fs::read_dir(real_path(dir)).unwrap() {
            let path = entry.unwrap().path();
            if let Ok(loaded) = load_str(&std::fs::read_to_string(&path).unwrap(), Format::Auto) {
                assert_eq!(loaded.format, format, "{}", path.display());
            }
        }
    }
}
