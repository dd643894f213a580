//! `status-widget import FILE [--from FORMAT] [--out status.json]`: converts a document of any
//! format the widget reads into format v1, so a site owner can move off a hosted status page and
//! keep its history. What the widget read is what is written: the same entries, ids, times and
//! words (imported markup as plain text with its line breaks, list items and link addresses).
//! Where the source contradicts itself in a way format v1 does not allow, the entry is kept and
//! the change is reported. The result is checked like every write: one with errors is never
//! written.

use super::{store, CliError};
use serde_json::{json, Map, Value};
use status_core::formats::{load_str, Format, SourceFormat};
use status_core::model::{
    ActiveItem, Component, Incident, Maintenance, Notice, StatusDocument, Text, Timestamp, Update,
    Vocabulary,
};
use std::path::Path;
use std::process::ExitCode;

/// `--from` values: `auto` and every format's name.
pub fn format_names() -> Vec<&'static str> {
    std::iter::once("auto")
        .chain(SourceFormat::ALL.map(SourceFormat::name))
        .collect()
}

/// Converts `file` (read as `from`) and writes the result to `out` (`-`: standard output),
/// replacing an existing `out` only when `force` is given, and signing it with `key` when there is
/// one.
pub fn run(
    file: &Path,
    from: &str,
    out: &Path,
    force: bool,
    key: &crate::signing::KeySource,
) -> Result<ExitCode, CliError> {
    let text = std::fs::read_to_string(file).map_err(|e| CliError::io(file, e))?;
    let format = Format::from_name(from)
        .ok_or_else(|| CliError::Invalid(format!("unknown format `{from}`")))?;
    let loaded = load_str(&text, format)
        .map_err(|e| CliError::Invalid(format!("{}: {e}", file.display())))?;
    // The model holds one language's words: converting a file in several would lose the others.
    if loaded.format == SourceFormat::Native {
        let languages = &loaded.document.languages;
        if languages.len() > 1 {
            return Err(CliError::Invalid(format!(
                "{} is format v1 already, with texts in {}: copy it rather than import it (an import would keep one language's words); nothing was written",
                file.display(),
                languages.join(", ")
            )));
        }
    }
    let mut notes = Vec::new();
    let converted = native(&loaded.document, &mut notes);
    let (json, _) =
        store::checked_text(&converted, &format!("the conversion of {}", file.display()))?;

    if out.as_os_str() == "-" {
        print!("{json}");
    } else {
        store::create(out, &json, force, key)?;
    }
    let doc = &loaded.document;
    let say = |line: String| {
        if out.as_os_str() == "-" {
            eprintln!("{line}");
        } else {
            println!("{line}");
        }
    };
    say(format!(
        "{} read as {}: {} incidents, {} maintenances, {} notices, {} components{}",
        file.display(),
        loaded.format.name(),
        doc.incidents.len(),
        doc.maintenances.len(),
        converted["notices"].as_array().map_or(0, Vec::len),
        doc.components.len(),
        if out.as_os_str() == "-" {
            String::new()
        } else {
            format!("; written to {} (format v1)", out.display())
        }
    ));
    for problem in &loaded.problems {
        say(format!("  read: {}: {}", problem.path, problem.kind));
    }
    for note in notes {
        say(format!("  changed: {note}"));
    }
    Ok(ExitCode::SUCCESS)
}

/// `doc` as a format v1 document. `notes` collects what had to change for format v1.
pub fn native(doc: &StatusDocument, notes: &mut Vec<String>) -> Value {
    let mut root = Map::new();
    root.insert("version".into(), json!(1));
    if let Some(language) = &doc.language {
        root.insert("language".into(), json!(language.as_ref()));
    }
    let s = &doc.service;
    let mut service = Map::new();
    put(&mut service, "name", s.name.as_ref().map(plain));
    put(
        &mut service,
        "description",
        s.description.as_ref().map(plain),
    );
    put(&mut service, "about", s.about.as_ref().map(plain));
    put(&mut service, "url", s.url.clone());
    put(&mut service, "status_page", s.status_page.clone());
    if !s.contact.is_empty() {
        let contact = s
            .contact
            .iter()
            .map(|c| json!({ "label": c.label.plain, "href": c.href }));
        service.insert("contact".into(), contact.collect());
    }
    root.insert("service".into(), Value::Object(service));
    put(
        &mut root,
        "updated_at",
        doc.updated_at.map(Timestamp::to_rfc3339),
    );
    root.insert(
        "components".into(),
        doc.components.iter().map(component).collect(),
    );

    let mut notices: Vec<Value> = doc.notices.iter().map(notice).collect();
    // The file's own overall word, when it is what the banner shows as of the file's date (nothing
    // listed explains it), becomes a notice: format v1 states trouble only through entries.
    let date = doc.updated_at.unwrap_or_else(super::now);
    let shows_declared = doc.active_items(date).iter().any(|item| {
        matches!(item, ActiveItem::Notice(n)
            if doc.declared.as_ref().is_some_and(|d| std::ptr::eq(*n, &d.notice)))
    });
    if let (true, Some(declared)) = (shows_declared, &doc.declared) {
        let mut n = declared.notice.clone();
        n.id = unused_id(doc, "status");
        notes.push(format!(
            "the file's own overall status (\"{}\", {}) became notice `{}`; remove it when it no longer holds",
            n.title,
            declared.level.name(),
            n.id
        ));
        notices.push(notice(&n));
    }
    root.insert("notices".into(), Value::Array(notices));
    root.insert(
        "maintenances".into(),
        doc.maintenances
            .iter()
            .enumerate()
            .map(|(i, m)| maintenance(i, m, notes))
            .collect(),
    );
    root.insert(
        "incidents".into(),
        doc.incidents
            .iter()
            .enumerate()
            .map(|(i, incident)| self::incident(i, incident, notes))
            .collect(),
    );
    Value::Object(root)
}

fn put(map: &mut Map<String, Value>, key: &str, value: Option<String>) {
    if let Some(value) = value.filter(|v| !v.trim().is_empty()) {
        map.insert(key.into(), Value::String(value));
    }
}

fn plain(text: &Text) -> String {
    text.plain.clone()
}

fn time(t: Option<Timestamp>) -> Option<String> {
    t.map(Timestamp::to_rfc3339)
}

fn component(c: &Component) -> Value {
    json!({ "id": c.id, "name": c.name.plain, "status": c.status.name() })
}

fn notice(n: &Notice) -> Value {
    let mut map = Map::new();
    map.insert("id".into(), json!(n.id));
    map.insert("title".into(), json!(n.title.plain));
    put(&mut map, "body", n.body.as_ref().map(plain));
    map.insert("level".into(), json!(n.level.name()));
    put(&mut map, "starts_at", time(n.starts_at));
    put(&mut map, "ends_at", time(n.ends_at));
    put(&mut map, "url", n.url.clone());
    Value::Object(map)
}

/// An id for a new entry: `base`, or `base-2`, … when an entry already has it.
fn unused_id(doc: &StatusDocument, base: &str) -> String {
    let taken = |id: &str| doc.notices.iter().any(|n| n.id == id);
    (1..)
        .map(|n| {
            if n == 1 {
                base.to_owned()
            } else {
                format!("{base}-{n}")
            }
        })
        .find(|id| !taken(id))
        .expect("some id is free")
}

/// `start`, or `end` when the source ends before it starts (format v1 refuses that): the end
/// is the better-known of the two, as status tools write it when the work is done.
fn ordered(
    start: Option<Timestamp>,
    end: Option<Timestamp>,
    what: String,
    notes: &mut Vec<String>,
) -> Option<Timestamp> {
    match (start, end) {
        (Some(s), Some(e)) if e < s => {
            notes.push(format!(
                "{what}: ends ({}) before it starts ({}) in the source; written to start at its end",
                e.to_rfc3339(),
                s.to_rfc3339()
            ));
            Some(e)
        }
        _ => start,
    }
}

fn maintenance(index: usize, m: &Maintenance, notes: &mut Vec<String>) -> Value {
    let what = format!("maintenances[{index}] `{}`", m.id);
    let mut map = Map::new();
    map.insert("id".into(), json!(m.id));
    map.insert("title".into(), json!(m.title.plain));
    map.insert("status".into(), json!(m.status.name()));
    let starts_at = ordered(m.starts_at, m.ends_at, what.clone(), notes);
    put(&mut map, "starts_at", time(starts_at));
    put(&mut map, "ends_at", time(m.ends_at));
    if !m.components.is_empty() {
        map.insert("components".into(), json!(m.components));
    }
    put(&mut map, "body", m.body.as_ref().map(plain));
    put(&mut map, "url", m.url.clone());
    let updates = updates(&m.updates, starts_at, &what, notes);
    if !updates.is_empty() {
        map.insert("updates".into(), Value::Array(updates));
    }
    Value::Object(map)
}

fn incident(index: usize, i: &Incident, notes: &mut Vec<String>) -> Value {
    let what = format!("incidents[{index}] `{}`", i.id);
    let mut map = Map::new();
    map.insert("id".into(), json!(i.id));
    map.insert("title".into(), json!(i.title.plain));
    map.insert("impact".into(), json!(i.impact.name()));
    map.insert("status".into(), json!(i.status.name()));
    let started_at = ordered(i.started_at, i.resolved_at, what.clone(), notes);
    put(&mut map, "started_at", time(started_at));
    put(&mut map, "resolved_at", time(i.resolved_at));
    if !i.components.is_empty() {
        map.insert("components".into(), json!(i.components));
    }
    put(&mut map, "release", i.release.clone());
    put(&mut map, "summary", i.summary.as_ref().map(plain));
    put(&mut map, "banner", i.banner.as_ref().map(plain));
    put(&mut map, "url", i.url.clone());
    map.insert(
        "updates".into(),
        Value::Array(updates(&i.updates, started_at, &what, notes)),
    );
    if !i.lessons.is_empty() {
        map.insert(
            "lessons".into(),
            json!(i.lessons.iter().map(plain).collect::<Vec<_>>()),
        );
    }
    if !i.conclusion.is_empty() {
        map.insert(
            "conclusion".into(),
            json!(i.conclusion.iter().map(plain).collect::<Vec<_>>()),
        );
    }
    Value::Object(map)
}

/// A timeline in format v1, which needs a text and a time (or day) on every entry: an entry
/// without words is left out, one without a time gets the entry's start, marked approximate.
fn updates(
    updates: &[Update],
    start: Option<Timestamp>,
    what: &str,
    notes: &mut Vec<String>,
) -> Vec<Value> {
    let mut out = Vec::new();
    for (n, u) in updates.iter().enumerate() {
        if u.body.plain.trim().is_empty() {
            notes.push(format!("{what}: update {n} has no text; left out"));
            continue;
        }
        let mut map = Map::new();
        match (u.at, u.day) {
            (Some(at), _) => {
                map.insert("at".into(), json!(at.to_rfc3339()));
                if u.approximate {
                    map.insert("approximate".into(), json!(true));
                }
            }
            (None, Some(day)) => {
                map.insert("day".into(), json!(day.to_string()));
            }
            (None, None) => match start {
                Some(at) => {
                    notes.push(format!(
                        "{what}: update {n} has no time; written at the start, marked approximate"
                    ));
                    map.insert("at".into(), json!(at.to_rfc3339()));
                    map.insert("approximate".into(), json!(true));
                }
                None => {
                    notes.push(format!(
                        "{what}: update {n} has no time and the entry no start; left out"
                    ));
                    continue;
                }
            },
        }
        if let Some(status) = u.status {
            map.insert("status".into(), json!(status.name()));
        }
        map.insert("body".into(), json!(u.body.plain));
        out.push(Value::Object(map));
    }
    out
}
