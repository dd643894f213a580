//! `status-widget incident open|update|resolve|edit`: posts and edits incidents, in the file's
//! language or, with `--lang`, adding another language's words to what is there ([`Words`]).

use crate::args::{FileArg, IncidentAction};
use crate::entries::{self, NewIncident, Update};
use crate::words::Words;
use crate::{change, day, edit, time, CliError};
use serde_json::{json, Map, Value};
use status_core::model::{IncidentStatus, Timestamp, Vocabulary};

/// Applies `action` to the status file `file.file`, writing words in its `--lang` (without it,
/// the file's language); returns what to tell the user.
pub(crate) fn run(
    file: &FileArg,
    action: IncidentAction,
    key: &crate::signing::KeySource,
) -> Result<String, CliError> {
    change(file, key, |doc, words| {
        if words.translating() {
            return translate(doc, &words, action);
        }
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
                let impact = impact.ok_or_else(|| {
                    CliError::Usage(
                        "the following required argument was not provided: --impact".into(),
                    )
                })?;
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
                latest,
            } => {
                if latest {
                    // --latest in the file's own language rewords the newest update.
                    let item = edit::entry(doc, "incidents", &id)?;
                    words.set(newest(item, &id)?, "body", &message)?;
                    return Ok(format!("incident {id}: the newest update reworded"));
                }
                let status = status.ok_or_else(|| {
                    CliError::Usage(
                        "the following required argument was not provided: --status".into(),
                    )
                })?;
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
                    words.set(item, "summary", &summary)?;
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
                    words.set(item, "title", &title)?;
                }
                if let Some(impact) = impact {
                    item.insert("impact".into(), json!(impact));
                }
                format!("incident {id} edited")
            }
        })
    })
}

/// `action` in another language than the file's: that language's words of the texts it names,
/// added to an incident that exists. Nothing but words changes: no status, time or new entry.
fn translate(doc: &mut Value, words: &Words, action: IncidentAction) -> Result<String, CliError> {
    let lang = words.lang().unwrap_or_default().to_owned();
    let id = match action {
        IncidentAction::Open {
            id, title, message, ..
        } => {
            let Some(id) = id else {
                return Err(CliError::Usage(format!(
                    "--lang {lang} adds words to an incident that is open already: name it with --id"
                )));
            };
            let item = existing(doc, &id, words)?;
            words.set(item, "title", &title)?;
            let first = item
                .get_mut("updates")
                .and_then(Value::as_array_mut)
                .and_then(|u| u.first_mut())
                .and_then(Value::as_object_mut)
                .ok_or_else(|| CliError::Invalid(format!("incident {id} has no first update")))?;
            words.set(first, "body", &message)?;
            id
        }
        IncidentAction::Update {
            id,
            message,
            when,
            latest,
            ..
        } => {
            let item = existing(doc, &id, words)?;
            let update = if latest {
                newest(item, &id)?
            } else if let Some(on) = &when.day {
                let on = day(on)?;
                named(
                    item,
                    &id,
                    |u| u.get("day").and_then(Value::as_str) == Some(&on),
                    &on,
                )?
            } else if let Some(at) = &when.at {
                let at = Timestamp::parse_rfc3339(at).map_err(|error| CliError::BadTime {
                    option: Some("at".into()),
                    text: at.clone(),
                    error,
                })?;
                let same = |u: &Map<String, Value>| {
                    let t = u.get("at").and_then(Value::as_str);
                    t.and_then(|t| Timestamp::parse_rfc3339(t).ok()) == Some(at)
                };
                named(item, &id, same, &at.to_rfc3339())?
            } else {
                return Err(CliError::Usage(format!(
                    "--lang {lang} adds words to an update that exists: name it with --at, --day or --latest"
                )));
            };
            words.set(update, "body", &message)?;
            id
        }
        IncidentAction::Resolve { id, message, .. } => {
            let item = existing(doc, &id, words)?;
            let resolved = IncidentStatus::Resolved.name();
            let is_resolving =
                |u: &Map<String, Value>| u.get("status").and_then(Value::as_str) == Some(resolved);
            let update = last_where(item, is_resolving).ok_or_else(|| {
                CliError::Invalid(format!(
                    "incident {id} has no resolving update to add {lang} words to: resolve it in the file's language first"
                ))
            })?;
            words.set(update, "body", &message)?;
            id
        }
        IncidentAction::Edit {
            id,
            summary,
            lessons,
            conclusions,
            note,
            message,
            title,
            ..
        } => {
            let item = existing(doc, &id, words)?;
            if let Some(summary) = summary {
                words.set(item, "summary", &summary)?;
            }
            if let Some(title) = title {
                words.set(item, "title", &title)?;
            }
            // The nth --lesson (--conclusion) gives the words of the nth lesson (point).
            for (i, lesson) in lessons.iter().enumerate() {
                words.set_item(item, "lessons", i, lesson)?;
            }
            for (i, point) in conclusions.iter().enumerate() {
                words.set_item(item, "conclusion", i, point)?;
            }
            if let (Some(on), Some(message)) = (note, message) {
                let on = day(&on)?;
                let untimed = |u: &Map<String, Value>| {
                    u.get("day").and_then(Value::as_str) == Some(&on) && u.get("at").is_none()
                };
                let update = named(item, &id, untimed, &on)?;
                words.set(update, "body", &message)?;
            }
            id
        }
    };
    Ok(format!("incident {id}: {lang} words added"))
}

/// The incident `id`, which must exist for words to be added to it.
fn existing<'a>(
    doc: &'a mut Value,
    id: &str,
    words: &Words,
) -> Result<&'a mut Map<String, Value>, CliError> {
    if edit::entry(doc, "incidents", id).is_err() {
        words.refuse_new(&format!("incident {id}"))?;
    }
    edit::entry(doc, "incidents", id)
}

/// The last update of `item` for which `test` holds.
fn last_where(
    item: &mut Map<String, Value>,
    test: impl Fn(&Map<String, Value>) -> bool,
) -> Option<&mut Map<String, Value>> {
    item.get_mut("updates")?
        .as_array_mut()?
        .iter_mut()
        .filter_map(Value::as_object_mut)
        .rfind(|u| test(u))
}

/// The update of incident `id` that `test` names (`what`: how the user named it).
fn named<'a>(
    item: &'a mut Map<String, Value>,
    id: &str,
    test: impl Fn(&Map<String, Value>) -> bool,
    what: &str,
) -> Result<&'a mut Map<String, Value>, CliError> {
    last_where(item, test)
        .ok_or_else(|| CliError::Invalid(format!("incident {id} has no update at {what}")))
}

/// The newest update of incident `id`: the last in its timeline, which is kept in time order.
fn newest<'a>(
    item: &'a mut Map<String, Value>,
    id: &str,
) -> Result<&'a mut Map<String, Value>, CliError> {
    last_where(item, |_| true)
        .ok_or_else(|| CliError::Invalid(format!("incident {id} has no updates")))
}
