//! `status-widget incident open|update|resolve|edit`: posts and edits incidents.

use crate::args::IncidentAction;
use crate::entries::{self, NewIncident, Update};
use crate::{change, day, edit, time, CliError};
use serde_json::{json, Value};
use status_core::model::{IncidentStatus, Vocabulary};
use std::path::Path;

/// Applies `action` to the status file `file`; returns what to tell the user.
pub(crate) fn run(file: &Path, action: IncidentAction) -> Result<String, CliError> {
    change(file, |doc| {
        Ok(match action {
            IncidentAction::Open {
                id,
                title,
                impact,
                status,
                components,
                release,
                message,
                at,
            } => {
                let at = time("at", at.as_deref())?;
                let id = id.unwrap_or_else(|| edit::slug(&at[..10], &title));
                let mut item = entries::object(&NewIncident {
                    id: &id,
                    title: &title,
                    impact: &impact,
                    status: &status,
                    started_at: &at,
                    components: &components,
                    release: release.as_deref(),
                });
                let first = Update {
                    at: Some(&at),
                    status: Some(&status),
                    body: &message,
                    ..Update::default()
                };
                edit::push_update(&mut item, entries::object(&first))?;
                edit::add(doc, "incidents", item)?;
                format!("incident {id} opened")
            }
            IncidentAction::Update {
                id,
                status,
                message,
                when,
            } => {
                let (at, on) = match &when.day {
                    Some(d) => (None, Some(day(d)?)),
                    None => (Some(time("at", when.at.as_deref())?), None),
                };
                let update = entries::object(&Update {
                    at: at.as_deref(),
                    day: on.as_deref(),
                    approximate: when.approximate,
                    status: Some(&status),
                    body: &message,
                });
                let at = at.map(Value::from);
                let item = edit::entry(doc, "incidents", &id)?;
                if edit::push_update(item, update)? {
                    item.insert("status".into(), json!(status));
                    let resolved = status == IncidentStatus::Resolved.name();
                    match at {
                        Some(at) if resolved => {
                            item.entry("resolved_at").or_insert(at);
                        }
                        _ if !resolved => {
                            item.shift_remove("resolved_at"); // reopened
                        }
                        _ => {}
                    }
                    format!("incident {id} updated ({status})")
                } else {
                    format!(
                        "incident {id}: a backdated update was put in its place in the timeline \
                         (the incident's status stays {})",
                        item.get("status")
                            .and_then(Value::as_str)
                            .unwrap_or("as it was")
                    )
                }
            }
            IncidentAction::Resolve {
                id,
                message,
                at,
                approximate,
            } => {
                let at = time("at", at.as_deref())?;
                let resolved = IncidentStatus::Resolved.name();
                let update = entries::object(&Update {
                    at: Some(&at),
                    approximate,
                    status: Some(resolved),
                    body: &message,
                    ..Update::default()
                });
                let item = edit::entry(doc, "incidents", &id)?;
                item.insert("status".into(), json!(resolved));
                item.insert("resolved_at".into(), json!(at));
                edit::push_update(item, update)?;
                format!("incident {id} resolved")
            }
            IncidentAction::Edit {
                id,
                summary,
                lessons,
                conclusions,
                note,
                message,
                title,
                impact,
            } => {
                let note = note.as_deref().map(day).transpose()?;
                let item = edit::entry(doc, "incidents", &id)?;
                if let Some(summary) = summary {
                    item.insert("summary".into(), json!(summary));
                }
                for lesson in &lessons {
                    edit::push_text(item, "lessons", lesson)?;
                }
                for point in &conclusions {
                    edit::push_text(item, "conclusion", point)?;
                }
                if let (Some(day), Some(message)) = (note, message) {
                    let note = Update {
                        day: Some(&day),
                        body: &message,
                        ..Update::default()
                    };
                    edit::push_update(item, entries::object(&note))?;
                }
                if let Some(title) = title {
                    item.insert("title".into(), json!(title));
                }
                if let Some(impact) = impact {
                    item.insert("impact".into(), json!(impact));
                }
                format!("incident {id} edited")
            }
        })
    })
}
