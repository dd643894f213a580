//! Reads Heroku's status API (`https://status.heroku.com/api/v4/current-status`, see
//! <https://devcenter.heroku.com/articles/heroku-status#heroku-status-api-v4>) as it is served,
//! into the same [`StatusDocument`].
//!
//! Mapping: `status[]` (`system`: `Apps`, `Data`, `Tools`; `status`: `green`, `yellow`, `red`,
//! `blue` for maintenance) → components, and the worst of them → the file's [`DeclaredStatus`]
//! ("Major issue: Apps"), so that a red system shows though no incident is listed;
//! `incidents[]` with `title`, `created_at`, `resolved`/`resolved_at`, `full_url` and
//! `updates[]` (`contents`, `created_at`, `status_prod`, whose worst colour is the impact) →
//! incidents.

use super::json::{Node, Value};
use super::reader::{Entry, Path, Reader};
use crate::model::order;
use crate::model::{
    Component, ComponentStatus, DeclaredStatus, Impact, Incident, IncidentStatus, Level, Service,
    StatusDocument, Update,
};
use std::collections::HashSet;

/// Heroku's status page, which every item of this API belongs to.
const PAGE: &str = "https://status.heroku.com/";

/// Whether a document is Heroku's current status: `status` is a list of `system`s.
pub(crate) fn looks_like_heroku(root: &Node) -> bool {
    match root.get("status").map(|n| &n.value) {
        Some(Value::Array(systems)) => {
            !systems.is_empty() && systems.iter().all(|s| s.get("system").is_some())
        }
        _ => false,
    }
}

/// A Heroku colour as a component status; an unknown one is a warning and counts as degraded.
fn colour(r: &mut Reader, e: &Entry, key: &'static str) -> Option<ComponentStatus> {
    let name = r.text(e, key)?;
    Some(match name.trim() {
        "green" => ComponentStatus::Operational,
        "yellow" => ComponentStatus::DegradedPerformance,
        "red" => ComponentStatus::MajorOutage,
        "blue" => ComponentStatus::UnderMaintenance,
        _ => {
            r.unknown_value(
                e,
                key,
                "status colour",
                name,
                "green, yellow, red, blue",
                "unknown (counted as degraded)",
            );
            ComponentStatus::Unknown
        }
    })
}

pub(crate) fn read(root: &Node, r: &mut Reader) -> StatusDocument {
    let doc = Entry {
        node: root,
        path: Path::ROOT,
    };
    let service = Service {
        name: Some("Heroku".into()),
        status_page: Some(PAGE.into()),
        ..Service::default()
    };
    let mut seen = HashSet::new();
    let mut components = Vec::new();
    for (i, path, node) in r.entries(&doc, "status") {
        let e = Entry { node, path };
        let id = r.id(&e, "system", i, "system", &mut seen);
        components.push(Component {
            name: id.as_str().into(),
            id,
            status: colour(r, &e, "status").unwrap_or(ComponentStatus::Unknown),
        });
    }
    let worst = components.iter().map(|c| Level::from(c.status)).max();
    let declared = worst.map(|level| {
        let names = components
            .iter()
            .filter(|c| Level::from(c.status) == level)
            .map(|c| c.name.as_str())
            .collect::<Vec<_>>()
            .join(", ");
        let title = match level {
            Level::Operational => "All systems operational".to_owned(),
            Level::Maintenance => format!("Maintenance: {names}"),
            Level::Minor => format!("Minor issue: {names}"),
            _ => format!("Major issue: {names}"),
        };
        DeclaredStatus::new(level, title, Some(PAGE.into()))
    });

    let mut seen = HashSet::new();
    let mut incidents = Vec::new();
    for (i, path, node) in r.entries(&doc, "incidents") {
        let e = Entry { node, path };
        let mut impact = Impact::Minor;
        let mut updates = Vec::new();
        for (_, path, node) in r.entries(&e, "updates") {
            let u = Entry { node, path };
            if colour(r, &u, "status_prod") == Some(ComponentStatus::MajorOutage) {
                impact = Impact::Critical;
            }
            updates.push(Update {
                at: r.time(&u, "created_at"),
                day: None,
                approximate: false,
                status: None,
                body: r.markup(&u, "contents").unwrap_or_default(),
            });
        }
        order::sort_by_key(&mut updates, |u| (0, order::time_key(u.at)));
        let resolved_at = r.time(&e, "resolved_at");
        let resolved = r.flag(&e, "resolved") || resolved_at.is_some();
        incidents.push(Incident {
            id: r.id(&e, "id", i, "incident", &mut seen),
            title: r.required_text(&e, "title", || "Incident".into()),
            impact,
            status: if resolved {
                IncidentStatus::Resolved
            } else {
                IncidentStatus::Investigating
            },
            started_at: r.time(&e, "created_at"),
            resolved_at,
            components: Vec::new(),
            release: None,
            summary: None,
            banner: None,
            url: r.href(&e, "full_url"),
            updates,
            lessons: Vec::new(),
            conclusion: Vec::new(),
        });
    }
    StatusDocument {
        language: None,
        service,
        updated_at: None,
        components,
        notices: Vec::new(),
        maintenances: Vec::new(),
        incidents,
        declared,
        #[cfg(feature = "page")]
        history: Default::default(),
        #[cfg(feature = "page")]
        languages: Vec::new(),
    }
}
