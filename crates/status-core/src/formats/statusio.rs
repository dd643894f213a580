//! Reads Status.io's public status API (`https://api.status.io/1.0/status/<page id>`, see
//! <https://statusio.docs.apiary.io/>) as it is served, into the same [`StatusDocument`].
//!
//! Status codes: 100 operational, 200 planned maintenance, 300 degraded performance, 400
//! partial disruption, 500 disruption, 600 security event. Mapping, under `result`:
//! `status_overall` (`status`, `status_code`, `updated`) → the file's [`DeclaredStatus`] and
//! date; `status[]` → components; `incidents[]` (`name`, `_id`, `datetime_open`, `messages[]`
//! with `details`, `datetime`, `status`, `state`, `components_affected`) → incidents, the worst
//! message status being the impact; `maintenance.active[]`/`upcoming[]` → maintenance in
//! progress / scheduled, with `datetime_planned_start`/`_end`.

use super::json::Node;
use super::reader::{Entry, Path, Reader};
use crate::model::order;
use crate::model::{
    Component, ComponentStatus, DeclaredStatus, Impact, Incident, IncidentStatus, Level,
    Maintenance, MaintenanceStatus, Service, StatusDocument, Update,
};
use std::collections::HashSet;

/// Whether a document is Status.io's public status: `result.status_overall`.
pub(crate) fn looks_like_statusio(root: &Node) -> bool {
    root.get("result")
        .is_some_and(|result| result.get("status_overall").is_some())
}

/// A status code (a number, or a number written as text).
fn code(e: &Entry, key: &str) -> Option<i64> {
    match &e.field(key)?.value {
        super::json::Value::Number(Some(n)) => Some(*n),
        super::json::Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
}

/// A status code as a level; an unknown one counts as a disruption.
fn level(code: i64) -> Level {
    match code {
        100 => Level::Operational,
        200 => Level::Maintenance,
        300 => Level::Minor,
        400 => Level::Major,
        _ => Level::Critical,
    }
}

/// An entry's messages, oldest first, and the worst status among them.
fn messages(e: &Entry, r: &mut Reader) -> (Vec<Update>, Option<i64>) {
    let mut worst = None;
    let mut updates = Vec::new();
    for (_, path, node) in r.entries(e, "messages") {
        let m = Entry { node, path };
        worst = worst.max(code(&m, "status"));
        updates.push(Update {
            at: r.time(&m, "datetime"),
            day: None,
            approximate: false,
            status: code(&m, "state").map(|state| match state {
                100 => IncidentStatus::Investigating,
                200 => IncidentStatus::Identified,
                _ => IncidentStatus::Monitoring,
            }),
            body: r.markup(&m, "details").unwrap_or_default(),
        });
    }
    order::sort_by_key(&mut updates, |u| (0, order::time_key(u.at)));
    (updates, worst)
}

/// The ids of `components_affected`.
fn affected(e: &Entry, r: &mut Reader) -> Vec<String> {
    r.entries(e, "components_affected")
        .into_iter()
        .filter_map(|(_, path, node)| r.text(&Entry { node, path }, "_id"))
        .collect()
}

pub(crate) fn read(root: &Node, r: &mut Reader) -> StatusDocument {
    let Some(node) = root.get("result") else {
        return StatusDocument::default();
    };
    let result = Entry {
        node,
        path: Path::ROOT.key("result"),
    };
    let mut updated_at = None;
    let mut declared = None;
    if let Some(node) = result.field("status_overall") {
        let overall = Entry {
            node,
            path: Path::ROOT.key("result").key("status_overall"),
        };
        updated_at = r.time(&overall, "updated");
        let stated = code(&overall, "status_code")
            .map(level)
            .unwrap_or(Level::Minor);
        let title = r
            .text(&overall, "status")
            .unwrap_or_else(|| stated.name().to_owned());
        declared = Some(DeclaredStatus::new(stated, title, None));
    }

    let mut seen = HashSet::new();
    let mut components = Vec::new();
    for (i, path, node) in r.entries(&result, "status") {
        let e = Entry { node, path };
        let id = r.id(&e, "id", i, "component", &mut seen);
        components.push(Component {
            name: r.required_text(&e, "name", || id.clone()),
            status: match code(&e, "status_code") {
                Some(100) => ComponentStatus::Operational,
                Some(200) => ComponentStatus::UnderMaintenance,
                Some(300) => ComponentStatus::DegradedPerformance,
                Some(400) => ComponentStatus::PartialOutage,
                Some(500 | 600) => ComponentStatus::MajorOutage,
                _ => ComponentStatus::Unknown,
            },
            id,
        });
    }

    let mut seen = HashSet::new();
    let mut incidents = Vec::new();
    for (i, path, node) in r.entries(&result, "incidents") {
        let e = Entry { node, path };
        let (updates, worst) = messages(&e, r);
        incidents.push(Incident {
            id: r.id(&e, "_id", i, "incident", &mut seen),
            title: r.required_text(&e, "name", || "Incident".into()),
            impact: match worst.map(level) {
                Some(Level::Operational | Level::Maintenance | Level::Minor) => Impact::Minor,
                Some(Level::Major) => Impact::Major,
                Some(Level::Critical) => Impact::Critical,
                None => Impact::Minor,
            },
            // The public status lists open incidents only.
            status: updates
                .last()
                .and_then(|u| u.status)
                .unwrap_or(IncidentStatus::Investigating),
            started_at: r.time(&e, "datetime_open"),
            resolved_at: None,
            components: affected(&e, r),
            release: None,
            summary: None,
            banner: None,
            url: None,
            updates,
            lessons: Vec::new(),
            conclusion: Vec::new(),
        });
    }

    let mut seen = HashSet::new();
    let mut maintenances = Vec::new();
    if let Some(node) = result.field("maintenance") {
        let maintenance = Entry {
            node,
            path: Path::ROOT.key("result").key("maintenance"),
        };
        for (key, status) in [
            ("active", MaintenanceStatus::InProgress),
            ("upcoming", MaintenanceStatus::Scheduled),
        ] {
            for (i, path, node) in r.entries(&maintenance, key) {
                let e = Entry { node, path };
                let (updates, _) = messages(&e, r);
                maintenances.push(Maintenance {
                    id: r.id(&e, "_id", i, "maintenance", &mut seen),
                    title: r.required_text(&e, "name", || "Planned maintenance".into()),
                    status,
                    starts_at: r.time(&e, "datetime_planned_start"),
                    ends_at: r.time(&e, "datetime_planned_end"),
                    components: affected(&e, r),
                    body: updates.first().map(|u| u.body.clone()),
                    url: None,
                    updates,
                });
            }
        }
    }
    StatusDocument {
        language: None,
        service: Service::default(),
        updated_at,
        components,
        notices: Vec::new(),
        maintenances,
        incidents,
        declared,
        #[cfg(feature = "page")]
        history: Default::default(),
        #[cfg(feature = "page")]
        languages: Vec::new(),
    }
}
