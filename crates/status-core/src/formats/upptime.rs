//! Reads Upptime's `history/summary.json` (the file its workflows commit to a status repository,
//! see <https://upptime.js.org/docs/>) as it is served: a list of sites, each `up`, `degraded` or
//! `down`, into the same [`StatusDocument`].
//!
//! Mapping: each site → a component (`slug` → id, `name`, `status`); the worst site's state →
//! the file's [`DeclaredStatus`] ("Down: Test Broken Site"), so that a site that is down shows in
//! the banner although Upptime lists no incident. Upptime's summary has no date of its own.

use super::json::{Node, Value};
use super::reader::{Entry, Path, Reader};
use crate::model::{Component, ComponentStatus, DeclaredStatus, Level, Service, StatusDocument};
use std::collections::HashSet;

/// Whether a document is Upptime's summary: a non-empty list of objects with `slug` and `status`.
pub(crate) fn looks_like_upptime(root: &Node) -> bool {
    match &root.value {
        Value::Array(sites) => {
            !sites.is_empty()
                && sites.iter().all(|s| {
                    matches!(s.get("slug").map(|n| &n.value), Some(Value::String(_)))
                        && matches!(s.get("status").map(|n| &n.value), Some(Value::String(_)))
                })
        }
        _ => false,
    }
}

pub(crate) fn read(root: &Node, r: &mut Reader) -> StatusDocument {
    let sites: &[Node] = match &root.value {
        Value::Array(sites) => sites,
        _ => &[],
    };
    let mut seen = HashSet::new();
    let mut components = Vec::new();
    #[cfg(feature = "page")]
    let mut history = crate::model::History::default();
    for (i, node) in sites.iter().enumerate() {
        let site = Entry {
            node,
            path: Path::ROOT.index(i),
        };
        if !matches!(node.value, Value::Object(_)) {
            continue;
        }
        let id = r.id(&site, "slug", i, "site", &mut seen);
        #[cfg(feature = "page")]
        super::history::upptime_declared(&site, &id, r, &mut history);
        let status = match r.text(&site, "status").as_deref().map(str::trim) {
            Some("up") => ComponentStatus::Operational,
            Some("degraded") => ComponentStatus::DegradedPerformance,
            Some("down") => ComponentStatus::MajorOutage,
            other => {
                if let Some(found) = other {
                    let (allowed, fallback) =
                        ("up, degraded, down", "unknown (counted as degraded)");
                    r.unknown_value(
                        &site,
                        "status",
                        "site status",
                        found.to_owned(),
                        allowed,
                        fallback,
                    );
                }
                ComponentStatus::Unknown
            }
        };
        components.push(Component {
            name: r.required_text(&site, "name", || id.clone()),
            id,
            status,
        });
    }
    let named = |statuses: &[ComponentStatus]| {
        components
            .iter()
            .filter(|c| statuses.contains(&c.status))
            .map(|c| c.name.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    };
    let (level, title) = match (
        named(&[ComponentStatus::MajorOutage]),
        named(&[
            ComponentStatus::DegradedPerformance,
            ComponentStatus::Unknown,
        ]),
    ) {
        (down, _) if !down.is_empty() => (Level::Critical, format!("Down: {down}")),
        (_, slow) if !slow.is_empty() => (Level::Minor, format!("Degraded: {slow}")),
        _ => (Level::Operational, "All systems operational".to_owned()),
    };
    StatusDocument {
        language: None,
        service: Service::default(),
        updated_at: None,
        components,
        notices: Vec::new(),
        maintenances: Vec::new(),
        incidents: Vec::new(),
        declared: Some(DeclaredStatus::new(level, title, None)),
        #[cfg(feature = "page")]
        history,
        #[cfg(feature = "page")]
        languages: Vec::new(),
    }
}
