//! Reads Atlassian Statuspage's public v2 API as it is served (`summary.json`, `status.json`,
//! `components.json`, `incidents.json`, `incidents/unresolved.json`, `incidents/<id>.json`,
//! `scheduled-maintenances*.json`) into the same [`StatusDocument`].
//!
//! Mapping: `page.name/url/updated_at` → service; `components[]` (group containers skipped);
//! `incidents[]` with `name` → title, `started_at` (else `created_at`), `resolved_at`,
//! `shortlink` → url, `incident_updates[]` (newest first in the API, oldest first here, timed by
//! `display_at`, else `created_at`); `scheduled_maintenances[]` and incidents whose impact is
//! `maintenance` → maintenances with `scheduled_for`/`scheduled_until`; a single `incident`
//! (`incidents/<id>.json`) → one incident; `status.indicator`/`description` → the file's
//! [`DeclaredStatus`]. Real data's inconsistencies (an end before its start) are warnings.

use super::json::{Node, Value};
use super::problems::Severity;
use super::reader::{Entry, Path, Reader};
use crate::model::{
    Component, ComponentStatus, DeclaredStatus, Impact, Incident, IncidentStatus, Level,
    Maintenance, MaintenanceStatus, Service, StatusDocument, Update, Vocabulary,
};
use std::collections::HashSet;

/// Whether a document is shaped like one of Statuspage's API responses.
pub(crate) fn looks_like_statuspage(root: &Node) -> bool {
    let has_updates = |key: &str| match root.get(key).map(|n| &n.value) {
        Some(Value::Array(items)) => items.iter().any(|i| i.get("incident_updates").is_some()),
        _ => false,
    };
    matches!(root.get("page").map(|n| &n.value), Some(Value::Object(_)))
        || root.get("scheduled_maintenances").is_some()
        || has_updates("incidents")
}

/// The `page` object Statuspage (and Instatus, after it) put first: the service's name and the
/// page's URL, which is also the status page; with the entry, for the reader's own fields.
pub(crate) fn read_page<'a>(doc: &Entry<'a>, r: &mut Reader) -> (Service, Option<Entry<'a>>) {
    let Some(node) = doc.field("page") else {
        return (Service::default(), None);
    };
    let page = Entry {
        node,
        path: Path::ROOT.key("page"),
    };
    let url = r.href(&page, "url");
    let service = Service {
        name: r.text(&page, "name").map(crate::model::Text::plain),
        status_page: url.clone(),
        url,
        ..Service::default()
    };
    (service, Some(page))
}

pub(crate) fn read(root: &Node, r: &mut Reader) -> StatusDocument {
    let doc = Entry {
        node: root,
        path: Path::ROOT,
    };
    let (service, page) = read_page(&doc, r);
    let updated_at = page.and_then(|page| r.time(&page, "updated_at"));

    let mut seen = HashSet::new();
    let mut components = Vec::new();
    #[cfg(feature = "page")]
    let mut history = crate::model::History::default();
    for (i, path, node) in r.entries(&doc, "components") {
        let e = Entry { node, path };
        if r.flag(&e, "group") {
            continue;
        }
        let id = r.id(&e, "id", i, "component", &mut seen);
        #[cfg(feature = "page")]
        super::history::statuspage_since(&e, &id, r, &mut history);
        components.push(Component {
            name: r.required_text(&e, "name", || id.clone()),
            status: r
                .vocabulary(&e, "status")
                .unwrap_or(ComponentStatus::Operational),
            id,
        });
    }

    let mut incidents = Vec::new();
    let mut maintenances = Vec::new();
    let mut seen_incidents = HashSet::new();
    let mut seen_maintenances = HashSet::new();
    // `incidents/<id>.json` holds one `incident` object.
    let single = doc
        .field("incident")
        .filter(|n| matches!(n.value, Value::Object(_)))
        .map(|node| (0, Path::ROOT.key("incident"), node));
    for (i, path, node) in r.entries(&doc, "incidents").into_iter().chain(single) {
        let e = Entry { node, path };
        if is_maintenance(&e) {
            maintenances.push(read_maintenance(&e, i, &mut seen_maintenances, r));
        } else {
            let incident = read_incident(&e, i, &mut seen_incidents, r);
            #[cfg(feature = "page")]
            super::history::statuspage_changes(&e, &incident.id, r, &mut history);
            incidents.push(incident);
        }
    }
    for (i, path, node) in r.entries(&doc, "scheduled_maintenances") {
        let e = Entry { node, path };
        // incidents.json and scheduled-maintenances.json can both list one maintenance.
        let id = e.field("id").and_then(Node::as_str);
        if id.is_some_and(|id| seen_maintenances.contains(id)) {
            continue;
        }
        maintenances.push(read_maintenance(&e, i, &mut seen_maintenances, r));
    }

    let declared = doc.field("status").and_then(|node| {
        let status = Entry {
            node,
            path: Path::ROOT.key("status"),
        };
        read_declared(&status, service.url.clone(), r)
    });
    StatusDocument {
        language: None,
        service,
        updated_at,
        components,
        notices: Vec::new(),
        maintenances,
        incidents,
        declared,
        #[cfg(feature = "page")]
        history,
        #[cfg(feature = "page")]
        languages: Vec::new(),
    }
}

/// `status: { indicator, description }`: the page's own overall word. An indicator this reader
/// does not know counts as `minor` (with a warning), so that it is never read as all fine.
fn read_declared(e: &Entry, page: Option<String>, r: &mut Reader) -> Option<DeclaredStatus> {
    let indicator = r.text(e, "indicator")?;
    let level = match indicator.as_str() {
        "none" => Level::Operational,
        "maintenance" => Level::Maintenance,
        "minor" => Level::Minor,
        "major" => Level::Major,
        "critical" => Level::Critical,
        _ => {
            r.unknown_value(
                e,
                "indicator",
                "indicator",
                indicator.clone(),
                "none, maintenance, minor, major, critical",
                "minor",
            );
            Level::Minor
        }
    };
    let title = r.text(e, "description").unwrap_or_else(|| {
        match level {
            Level::Operational => "All Systems Operational",
            Level::Maintenance => "Service Under Maintenance",
            Level::Minor => "Minor Service Outage",
            Level::Major => "Partial System Outage",
            Level::Critical => "Major System Outage",
        }
        .to_owned()
    });
    Some(DeclaredStatus::new(level, title, page))
}

/// Statuspage lists scheduled maintenance among incidents, with impact `maintenance` or a
/// maintenance status.
fn is_maintenance(e: &Entry) -> bool {
    let text = |key| e.field(key).and_then(Node::as_str);
    text("impact") == Some("maintenance")
        || text("status").is_some_and(|s| {
            MaintenanceStatus::from_name(s).is_some() && IncidentStatus::from_name(s).is_none()
        })
        || e.field("scheduled_for").is_some()
}

fn read_incident(e: &Entry, index: usize, seen: &mut HashSet<String>, r: &mut Reader) -> Incident {
    let started_at = r.time(e, "started_at").or_else(|| r.time(e, "created_at"));
    let resolved_at = r.time(e, "resolved_at");
    r.check_order(Severity::Warning, e, "resolved_at", started_at, resolved_at);
    let status = r
        .vocabulary(e, "status")
        .unwrap_or(if resolved_at.is_some() {
            IncidentStatus::Resolved
        } else {
            IncidentStatus::Investigating
        });
    Incident {
        id: r.id(e, "id", index, "incident", seen),
        title: r.required_text(e, "name", || "Incident".into()),
        impact: r.vocabulary(e, "impact").unwrap_or(Impact::Minor),
        status,
        started_at,
        resolved_at,
        components: component_ids(e, r),
        release: None,
        summary: None,
        banner: None,
        url: r.href(e, "shortlink"),
        updates: read_updates(e, r),
        lessons: Vec::new(),
        conclusion: Vec::new(),
    }
}

fn read_maintenance(
    e: &Entry,
    index: usize,
    seen: &mut HashSet<String>,
    r: &mut Reader,
) -> Maintenance {
    let starts_at = r.time(e, "scheduled_for");
    let ends_at = r.time(e, "scheduled_until");
    r.check_order(Severity::Warning, e, "scheduled_until", starts_at, ends_at);
    let updates = read_updates(e, r);
    Maintenance {
        id: r.id(e, "id", index, "maintenance", seen),
        title: r.required_text(e, "name", || "Planned maintenance".into()),
        status: r
            .vocabulary(e, "status")
            .unwrap_or(MaintenanceStatus::Scheduled),
        starts_at,
        ends_at,
        components: component_ids(e, r),
        // The first update is the announcement; it is the maintenance's description.
        body: updates.first().map(|u| u.body.clone()),
        url: r.href(e, "shortlink"),
        updates,
    }
}

/// `components` is a list of component objects in Statuspage; the model keeps their ids.
fn component_ids(e: &Entry, r: &mut Reader) -> Vec<String> {
    r.entries(e, "components")
        .into_iter()
        .filter_map(|(_, path, node)| {
            let c = Entry { node, path };
            r.text(&c, "id")
        })
        .collect()
}

fn read_updates(e: &Entry, r: &mut Reader) -> Vec<Update> {
    let mut updates: Vec<Update> = r
        .entries(e, "incident_updates")
        .into_iter()
        .filter_map(|(_, path, node)| {
            let u = Entry { node, path };
            let at = r
                .time(&u, "display_at")
                .or_else(|| r.time(&u, "created_at"));
            // Maintenance updates carry maintenance statuses, which are not incident statuses.
            let status = u
                .field("status")
                .and_then(Node::as_str)
                .and_then(IncidentStatus::from_name);
            let body = r.markup(&u, "body")?;
            Some(Update {
                at,
                day: None,
                approximate: false,
                status,
                body,
            })
        })
        .collect();
    // The API lists updates newest first; the model keeps timelines oldest first.
    updates.reverse();
    crate::model::order::sort_by_key(&mut updates, |u| (0, crate::model::order::time_key(u.at)));
    updates
}
