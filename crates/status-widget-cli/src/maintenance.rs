//! `status-widget maintenance schedule|start|complete`: plans maintenance and moves it along.

use crate::args::MaintenanceAction;
use crate::entries::{self, NewMaintenance, Update};
use crate::{change, edit, time, CliError};
use serde_json::{json, Value};
use status_core::model::{MaintenanceStatus, Vocabulary};
use std::path::Path;

/// Applies `action` to the status file `file`; returns what to tell the user.
pub(crate) fn run(file: &Path, action: MaintenanceAction) -> Result<String, CliError> {
    change(file, |doc| {
        Ok(match action {
            MaintenanceAction::Schedule {
                id,
                title,
                starts_at,
                ends_at,
                components,
                message,
            } => {
                let starts_at = time("starts-at", Some(&starts_at))?;
                let ends_at = time("ends-at", Some(&ends_at))?;
                let id = id.unwrap_or_else(|| edit::slug(&starts_at[..10], &title));
                let item = entries::object(&NewMaintenance {
                    id: &id,
                    title: &title,
                    status: MaintenanceStatus::Scheduled.name(),
                    starts_at: &starts_at,
                    ends_at: &ends_at,
                    components: &components,
                    body: message.as_deref(),
                });
                edit::add(doc, "maintenances", item)?;
                format!("maintenance {id} scheduled")
            }
            MaintenanceAction::Start { id, message, at } => {
                progress(doc, &id, MaintenanceStatus::InProgress, message, at)?
            }
            MaintenanceAction::Complete { id, message, at } => {
                progress(doc, &id, MaintenanceStatus::Completed, message, at)?
            }
        })
    })
}

/// Moves maintenance `id` to `status`, with a timeline note when there is a message.
fn progress(
    doc: &mut Value,
    id: &str,
    status: MaintenanceStatus,
    message: Option<String>,
    at: Option<String>,
) -> Result<String, CliError> {
    let at = time("at", at.as_deref())?;
    let item = edit::entry(doc, "maintenances", id)?;
    item.insert("status".into(), json!(status.name()));
    if let Some(body) = message {
        let note = Update {
            at: Some(&at),
            body: &body,
            ..Update::default()
        };
        edit::push_update(item, entries::object(&note))?;
    }
    Ok(format!(
        "maintenance {id} {}",
        status.name().replace('_', " ")
    ))
}
