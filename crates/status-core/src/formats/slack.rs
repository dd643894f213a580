//! Reads Slack's status API v2 (`https://status.slack.com/api/v2.0.0/current`, see
//! <https://api.slack.com/docs/slack-status>) as it is served, into the same [`StatusDocument`].
//!
//! Mapping: `status` (`ok`, `active` for an incident, `broken` for an outage) → the file's
//! [`DeclaredStatus`]; `date_updated` → the file's date; `active_incidents[]` with `title`,
//! `type` (`incident` → minor, `outage` → critical, `notice` → a notice), `status`, `url`,
//! `services` (as component ids) and `notes[]` (the timeline) → incidents.

use super::json::{Node, Value};
use super::reader::{Entry, Path, Reader};
use crate::model::order;
use crate::model::{
    DeclaredStatus, Impact, Incident, IncidentStatus, Level, Notice, NoticeLevel, Service,
    StatusDocument, Update,
};
use std::collections::HashSet;

/// Slack's status page, which every item of this API belongs to.
const PAGE: &str = "https://status.slack.com/";

/// Whether a document is Slack's current status: `active_incidents` beside a text `status`.
pub(crate) fn looks_like_slack(root: &Node) -> bool {
    root.get("active_incidents").is_some()
        && matches!(root.get("status").map(|n| &n.value), Some(Value::String(_)))
}

pub(crate) fn read(root: &Node, r: &mut Reader) -> StatusDocument {
    let doc = Entry {
        node: root,
        path: Path::ROOT,
    };
    let service = Service {
        name: Some("Slack".into()),
        status_page: Some(PAGE.into()),
        ..Service::default()
    };
    let declared = r.text(&doc, "status").map(|status| {
        let level = match status.trim() {
            "ok" => Level::Operational,
            "active" => Level::Minor,
            "broken" => Level::Critical,
            _ => {
                r.unknown_value(
                    &doc,
                    "status",
                    "status",
                    status.clone(),
                    "ok, active, broken",
                    "active",
                );
                Level::Minor
            }
        };
        let title = match level {
            Level::Operational => "All systems operational",
            Level::Critical => "Slack is having an outage",
            _ => "Slack is having an incident",
        };
        DeclaredStatus::new(level, title, Some(PAGE.into()))
    });

    let mut seen = HashSet::new();
    let mut incidents = Vec::new();
    let mut notices = Vec::new();
    for (i, path, node) in r.entries(&doc, "active_incidents") {
        let e = Entry { node, path };
        let id = r.id(&e, "id", i, "incident", &mut seen);
        let title = r.required_text(&e, "title", || "Incident".into());
        let url = r.href(&e, "url");
        let kind = r.text(&e, "type");
        let mut updates: Vec<Update> = r
            .entries(&e, "notes")
            .into_iter()
            .map(|(_, path, node)| {
                let note = Entry { node, path };
                Update {
                    at: r.time(&note, "date_created"),
                    day: None,
                    approximate: false,
                    status: None,
                    body: r.markup(&note, "body").unwrap_or_default(),
                }
            })
            .collect();
        order::sort_by_key(&mut updates, |u| (0, order::time_key(u.at)));
        if kind.as_deref() == Some("notice") {
            notices.push(Notice {
                id,
                title,
                body: updates.last().map(|u| u.body.clone()),
                level: NoticeLevel::Info,
                starts_at: None,
                ends_at: None,
                url,
            });
            continue;
        }
        let resolved = r.text(&e, "status").as_deref() == Some("resolved");
        incidents.push(Incident {
            id,
            title,
            impact: if kind.as_deref() == Some("outage") {
                Impact::Critical
            } else {
                Impact::Minor
            },
            status: if resolved {
                IncidentStatus::Resolved
            } else {
                IncidentStatus::Investigating
            },
            started_at: r.time(&e, "date_created"),
            resolved_at: None,
            components: r.texts(&e, "services"),
            release: None,
            summary: None,
            banner: None,
            url,
            updates,
            lessons: Vec::new(),
            conclusion: Vec::new(),
        });
    }
    StatusDocument {
        language: None,
        service,
        updated_at: r.time(&doc, "date_updated"),
        components: Vec::new(),
        notices,
        maintenances: Vec::new(),
        incidents,
        declared,
        #[cfg(feature = "page")]
        history: Default::default(),
        #[cfg(feature = "page")]
        languages: Vec::new(),
    }
}
