//! `status-widget maintenance schedule|start|complete`: plans maintenance and moves it along.

use crate::args::{FileArg, MaintenanceAction};
use crate::entries::{self, NewMaintenance, Update};
use crate::words::Words;
use crate::{change, edit, time, CliError};
use serde_json::{json, Value};
use status_core::model::{MaintenanceStatus, Vocabulary};

/// Applies `action` to the status file `file.file`, writing words in its `--lang` (without it,
/// the file's language): in another language than the file's, `schedule` with the id of
/// maintenance that exists adds that language's title and text, and `start` and `complete` that
/// language's words of the newest note, changing nothing else. Returns what to tell the user.
pub(crate) fn run(
    file: &FileArg,
    action: MaintenanceAction,
    key: &crate::signing::KeySource,
) -> Result<String, CliError> {
    change(file, key, |doc, words| {
        if words.translating() {
            return translate(doc, &words, action);
        }
        Ok(match action {
            MaintenanceAction::Schedule {
                id,
                title,
                starts_at,
                ends_at,
                components,
                message,
            } => {
                words.refuse_new("the maintenance")?;
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

/// `action` in another language than the file's: that language's words added to maintenance
/// that exists.
fn translate(
    doc: &mut Value,
    words: &Words,
    action: MaintenanceAction,
) -> Result<String, CliError> {
    let lang = words.lang().unwrap_or_default().to_owned();
    let (id, title, body, note) = match action {
        MaintenanceAction::Schedule { id: None, .. } => {
            return Err(CliError::Usage(format!(
            "--lang {lang} adds words to maintenance that is scheduled already: name it with --id"
        )))
        }
        MaintenanceAction::Schedule {
            id: Some(id),
            title,
            message,
            ..
        } => (id, Some(title), message, None),
        MaintenanceAction::Start { id, message, .. }
        | MaintenanceAction::Complete { id, message, .. } => (id, None, None, message),
    };
    if edit::entry(doc, "maintenances", &id).is_err() {
        words.refuse_new(&format!("maintenance {id}"))?;
    }
    let item = edit::entry(doc, "maintenances", &id)?;
    if let Some(title) = title {
        words.set(item, "title", &title)?;
    }
    if let Some(body) = body {
        words.set(item, "body", &body)?;
    }
    if let Some(note) = note {
        let newest = item
            .get_mut("updates")
            .and_then(Value::as_array_mut)
            .and_then(|u| u.last_mut())
            .and_then(Value::as_object_mut)
            .ok_or_else(|| {
                CliError::Invalid(format!(
                    "maintenance {id} has no note to add {lang} words to: post it in the file's language first"
                ))
            })?;
        words.set(newest, "body", &note)?;
    }
    Ok(format!("maintenance {id}: {lang} words added"))
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
