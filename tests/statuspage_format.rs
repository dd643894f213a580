//! Atlassian Statuspage's `summary.json` and `incidents.json`, as served, read into the model.
#![cfg(not(target_arch = "wasm32"))]

mod native_support;
use native_support::*;
use status_core::formats::{load_str, Format, LoadError, SourceFormat};
use status_core::model::{ComponentStatus, Impact, IncidentStatus, Level, MaintenanceStatus, Text};
use status_core::view::{derive, Overall, ViewSettings};
use std::rc::Rc;

#[test]
fn summary_json_is_detected_and_read_without_problems() {
    let loaded = load_fixture("statuspage-summary.json");
    assert_eq!(loaded.format, SourceFormat::Statuspage);
    assert!(loaded.problems.is_empty(), "{:#?}", messages(&loaded));
    let doc = &loaded.document;
    assert_eq!(doc.service.name.as_deref(), Some("Example Cloud"));
    assert_eq!(
        doc.service.status_page.as_deref(),
        Some("https://status.example.com")
    );
    // -08:00 with fractional seconds.
    assert_eq!(doc.updated_at, Some(t("2024-11-05T17:41:02.367Z")));
    // The group container is not a component of its own.
    let names: Vec<&str> = doc.components.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names, ["Git Operations", "API Requests"]);
    assert_eq!(
        doc.components[0].status,
        ComponentStatus::DegradedPerformance
    );
}

#[test]
fn summary_incident_keeps_its_link_components_and_timeline_oldest_first() {
    let doc = load_fixture("statuspage-summary.json").document;
    let incident = &doc.incidents[0];
    assert_eq!(incident.title, "Disruption with some Git Operations");
    assert_eq!(incident.impact, Impact::Minor);
    assert_eq!(incident.status, IncidentStatus::Identified);
    assert_eq!(incident.url.as_deref(), Some("https://stspg.io/abc123"));
    assert_eq!(incident.components, ["8l4ygp009s5s"]);
    assert_eq!(incident.started_at, Some(t("2024-11-05T17:12:45.112Z")));
    let bodies: Vec<&str> = incident.updates.iter().map(|u| u.body.as_str()).collect();
    assert_eq!(
        bodies,
        [
            "We are investigating reports of degraded performance for Git Operations.",
            "We have identified the cause of slow git pushes and are deploying a fix."
        ]
    );
    assert_eq!(
        incident.banner_text().as_ref().map(Text::as_str),
        Some(bodies[1])
    );
}

#[test]
fn summary_maintenance_is_read_from_scheduled_for_and_until() {
    let doc = load_fixture("statuspage-summary.json").document;
    let m = &doc.maintenances[0];
    assert_eq!(m.title, "Database failover");
    assert_eq!(m.status, MaintenanceStatus::Scheduled);
    assert_eq!(m.starts_at, Some(t("2024-11-06T10:00:00Z")));
    assert_eq!(m.ends_at, Some(t("2024-11-06T11:00:00Z")));
    assert_eq!(
        m.body.as_ref().map(Text::as_str),
        Some("We will fail over the primary database. Pushes may fail for up to five minutes.")
    );
    // Within 24 hours of the start it is active; a day and a half before, only upcoming.
    let doc = Rc::new(doc.clone());
    let near = derive(&doc, &ViewSettings::default(), t("2024-11-05T18:00:00Z"));
    assert!(near.active.iter().any(|i| i.id == m.id));
    let far = derive(&doc, &ViewSettings::default(), t("2024-11-04T20:00:00Z"));
    let upcoming: Vec<&str> = far.upcoming.iter().map(|i| i.id.as_str()).collect();
    assert_eq!(upcoming, [m.id.as_str()]);
    assert_eq!(near.overall, Overall::Level(Level::Minor));
}

#[test]
fn incidents_json_postmortem_counts_as_resolved_and_display_at_times_updates() {
    let loaded = load_fixture("statuspage-incidents.json");
    assert!(loaded.problems.is_empty(), "{:#?}", messages(&loaded));
    let doc = loaded.document;
    assert_eq!(doc.incidents.len(), 1);
    let incident = &doc.incidents[0];
    assert_eq!(incident.status, IncidentStatus::Resolved);
    assert_eq!(incident.impact, Impact::Critical);
    assert_eq!(incident.started_at, Some(t("2024-11-05T07:30:00Z")));
    assert_eq!(incident.resolved_at, Some(t("2024-11-05T09:05:00Z")));
    // display_at (00:40) wins over created_at (00:41).
    assert_eq!(incident.updates[1].at, Some(t("2024-11-05T08:40:00Z")));
    assert_eq!(incident.updates[3].status, Some(IncidentStatus::Resolved));
    assert!(incident.updates.windows(2).all(|w| w[0].at <= w[1].at));
    let now = derive(
        &Rc::new(doc.clone()),
        &ViewSettings::default(),
        t("2024-11-06T00:00:00Z"),
    );
    assert!(now.active.is_empty());
    assert_eq!(now.history(), [0], "the one incident, resolved");
}

#[test]
fn incidents_json_maintenance_entries_become_maintenance() {
    let doc = load_fixture("statuspage-incidents.json").document;
    assert_eq!(doc.maintenances.len(), 1);
    let m = &doc.maintenances[0];
    assert_eq!(m.status, MaintenanceStatus::Completed);
    assert_eq!(m.starts_at, Some(t("2024-11-02T08:00:00Z")));
}

#[test]
fn the_format_attribute_can_force_either_reader() {
    let summary = fixture("statuspage-summary.json");
    assert_eq!(
        load_str(&summary, Format::Only(SourceFormat::Native)).unwrap_err(),
        LoadError::OtherFormat {
            asked: "native",
            found: "statuspage"
        },
        "a Statuspage summary is named as such, not misread"
    );
    assert_eq!(
        load_str("{}", Format::Only(SourceFormat::Native)).unwrap_err(),
        LoadError::MissingVersion
    );
    let forced = load_str(&summary, Format::Only(SourceFormat::Statuspage)).unwrap();
    assert_eq!(forced.format, SourceFormat::Statuspage);
    let native = www("status.json");
    assert_eq!(
        load_str(&native, Format::Only(SourceFormat::Native))
            .unwrap()
            .format,
        SourceFormat::Native
    );
    assert_eq!(
        Format::from_name(" StatusPage "),
        Some(Format::Only(SourceFormat::Statuspage))
    );
    assert_eq!(Format::from_name("atom"), None);
}
