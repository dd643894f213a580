//! Reads Instatus's public `summary.json` (`https://<page>.instatus.com/summary.json`, see
//! <https://instatus.com/help/api/public>) as it is served, into the same [`StatusDocument`].
//!
//! Mapping: `page.name/url` → service; `page.status` (`UP`, `HASISSUES`, `UNDERMAINTENANCE`) →
//! the file's [`DeclaredStatus`]; `activeIncidents[]` with `name` → title, `started`, `status`
//! (`INVESTIGATING` … `RESOLVED`), `impact` (`DEGRADEDPERFORMANCE` → minor, `PARTIALOUTAGE` →
//! major, `MAJOROUTAGE` → critical), `url`; `activeMaintenances[]` with `start`, `duration`
//! (minutes) and `status` (`NOTSTARTEDYET`, `INPROGRESS`, `COMPLETED`). A healthy page may leave
//! both lists out. Values this reader does not know are warnings and read on the side of caution.

use super::json::{Node, Value};
use super::reader::{Entry, Path, Reader};
use super::statuspage::read_page;
use crate::model::{
    DeclaredStatus, Impact, Incident, IncidentStatus, Level, Maintenance, MaintenanceStatus,
    StatusDocument,
};
use std::collections::HashSet;

/// Whether a document is shaped like Instatus's `summary.json`: a `page` whose `status` is text,
/// or the `activeIncidents`/`activeMaintenances` lists (Statuspage's `page` has no `status`).
pub(crate) fn looks_like_instatus(root: &Node) -> bool {
    let page_status = root
        .get("page")
        .and_then(|page| page.get("status"))
        .is_some_and(|s| matches!(s.value, Value::String(_)));
    page_status || root.get("activeIncidents").is_some() || root.get("activeMaintenances").is_some()
}

/// An upper-case value read against its known names; an unknown one is a warning and `fallback`.
fn upper<T: Copy>(
    r: &mut Reader,
    e: &Entry,
    key: &'static str,
    known: &[(&str, T)],
    fallback: (&'static str, T),
) -> Option<T> {
    let name = r.text(e, key)?;
    if let Some((_, value)) = known
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case(name.trim()))
    {
        return Some(*value);
    }
    r.unknown_value(
        e,
        key,
        key,
        name,
        &known.iter().map(|(n, _)| *n).collect::<Vec<_>>().join(", "),
        fallback.0,
    );
    Some(fallback.1)
}

pub(crate) fn read(root: &Node, r: &mut Reader) -> StatusDocument {
    let doc = Entry {
        node: root,
        path: Path::ROOT,
    };
    let (service, page) = read_page(&doc, r);
    let level = page.and_then(|page| {
        let known = [
            ("UP", Level::Operational),
            ("HASISSUES", Level::Minor),
            ("UNDERMAINTENANCE", Level::Maintenance),
        ];
        upper(r, &page, "status", &known, ("HASISSUES", Level::Minor))
    });
    let declared = level.map(|level| {
        let title = match level {
            Level::Operational => "All systems operational",
            Level::Maintenance => "Under maintenance",
            _ => "Some systems are having issues",
        };
        DeclaredStatus::new(level, title, service.url.clone())
    });

    let mut seen = HashSet::new();
    let mut incidents = Vec::new();
    for (i, path, node) in r.entries(&doc, "activeIncidents") {
        let e = Entry { node, path };
        incidents.push(Incident {
            id: r.id(&e, "id", i, "incident", &mut seen),
            title: r.required_text(&e, "name", || "Incident".into()),
            impact: upper(
                r,
                &e,
                "impact",
                &[
                    ("OPERATIONAL", Impact::None),
                    ("UNDERMAINTENANCE", Impact::Minor),
                    ("DEGRADEDPERFORMANCE", Impact::Minor),
                    ("PARTIALOUTAGE", Impact::Major),
                    ("MAJOROUTAGE", Impact::Critical),
                ],
                ("MAJOROUTAGE", Impact::Critical),
            )
            .unwrap_or(Impact::Minor),
            status: upper(
                r,
                &e,
                "status",
                &[
                    ("INVESTIGATING", IncidentStatus::Investigating),
                    ("IDENTIFIED", IncidentStatus::Identified),
                    ("MONITORING", IncidentStatus::Monitoring),
                    ("RESOLVED", IncidentStatus::Resolved),
                ],
                ("INVESTIGATING", IncidentStatus::Investigating),
            )
            .unwrap_or(IncidentStatus::Investigating),
            started_at: r.time(&e, "started"),
            resolved_at: None,
            components: Vec::new(),
            release: None,
            summary: None,
            banner: None,
            url: r.href(&e, "url"),
            updates: Vec::new(),
            lessons: Vec::new(),
            conclusion: Vec::new(),
        });
    }

    let mut seen = HashSet::new();
    let mut maintenances = Vec::new();
    for (i, path, node) in r.entries(&doc, "activeMaintenances") {
        let e = Entry { node, path };
        let starts_at = r.time(&e, "start");
        let minutes = e.field("duration").and_then(|n| match &n.value {
            Value::Number(Some(m)) => Some(*m),
            Value::String(s) => s.trim().parse().ok(),
            _ => None,
        });
        maintenances.push(Maintenance {
            id: r.id(&e, "id", i, "maintenance", &mut seen),
            title: r.required_text(&e, "name", || "Planned maintenance".into()),
            status: upper(
                r,
                &e,
                "status",
                &[
                    ("NOTSTARTEDYET", MaintenanceStatus::Scheduled),
                    ("INPROGRESS", MaintenanceStatus::InProgress),
                    ("COMPLETED", MaintenanceStatus::Completed),
                ],
                ("INPROGRESS", MaintenanceStatus::InProgress),
            )
            .unwrap_or(MaintenanceStatus::Scheduled),
            ends_at: starts_at
                .zip(minutes.filter(|m| *m > 0))
                .map(|(s, m)| s.plus_millis(m.saturating_mul(60_000))),
            starts_at,
            components: Vec::new(),
            body: None,
            url: r.href(&e, "url"),
            updates: Vec::new(),
        });
    }

    StatusDocument {
        language: None,
        service,
        updated_at: None,
        components: Vec::new(),
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
