//! Functions the wasm module exports to JavaScript for people who render the status themselves
//! or want to check a file: both take a document as JSON text or as an object, and never throw.

use crate::js_document::load_js;
use crate::model::{
    last_update_at, ActiveItem, Format, Incident, Loaded, Maintenance, Notice, Problem, Severity,
    SourceFormat, Timestamp, Vocabulary,
};
use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// A problem, as JavaScript sees it.
#[derive(Serialize)]
struct ProblemReport {
    severity: &'static str,
    path: String,
    line: Option<u32>,
    column: Option<u32>,
    message: String,
}

impl From<&Problem> for ProblemReport {
    fn from(p: &Problem) -> Self {
        ProblemReport {
            severity: match p.severity {
                Severity::Warning => "warning",
                Severity::Error => "error",
            },
            path: p.path.clone(),
            line: p.at.map(|a| a.line),
            column: p.at.map(|a| a.column),
            message: p.kind.to_string(),
        }
    }
}

/// What both exports say about reading the document.
#[derive(Serialize)]
struct ReadReport {
    /// True when the document was read and has no errors.
    ok: bool,
    /// `"native"` or `"statuspage"`; `null` when nothing could be read.
    format: Option<&'static str>,
    /// Why the document could not be read at all.
    error: Option<String>,
    /// Problems with single fields and entries, in document order.
    problems: Vec<ProblemReport>,
}

fn read_report(result: &Result<Loaded, crate::model::LoadError>) -> ReadReport {
    match result {
        Ok(loaded) => ReadReport {
            ok: loaded.is_valid(),
            format: Some(match loaded.format {
                SourceFormat::Native => "native",
                SourceFormat::Statuspage => "statuspage",
            }),
            error: None,
            problems: loaded.problems.iter().map(ProblemReport::from).collect(),
        },
        Err(e) => ReadReport {
            ok: false,
            format: None,
            error: Some(e.to_string()),
            problems: Vec::new(),
        },
    }
}

/// Checks a status document (JSON text or an object) the way the widget reads it, and returns
/// `{ ok, format, error, problems: [{ severity, path, line, column, message }] }`.
/// `format` is `"auto"` (the default), `"native"` or `"statuspage"`.
#[wasm_bindgen(js_name = checkStatus)]
pub fn check_status(document: JsValue, format: Option<String>) -> JsValue {
    let format = format
        .as_deref()
        .and_then(Format::from_name)
        .unwrap_or_default();
    to_js(&read_report(&load_js(&document, format)))
}

/// One incident, maintenance or notice, as JavaScript sees it. Times are RFC 3339 in UTC.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ItemReport {
    kind: &'static str,
    id: String,
    title: String,
    impact: Option<&'static str>,
    status: Option<&'static str>,
    level: Option<&'static str>,
    text: Option<String>,
    started_at: Option<String>,
    updated_at: Option<String>,
    ends_at: Option<String>,
    resolved_at: Option<String>,
    components: Vec<String>,
    url: Option<String>,
}

fn time(t: Option<Timestamp>) -> Option<String> {
    t.map(Timestamp::to_rfc3339)
}

impl From<&Incident> for ItemReport {
    fn from(i: &Incident) -> Self {
        ItemReport {
            kind: "incident",
            id: i.id.clone(),
            title: i.title.clone(),
            impact: Some(i.impact.name()),
            status: Some(i.status.name()),
            level: None,
            text: i.banner_text().map(str::to_owned),
            started_at: time(i.started_at),
            updated_at: time(i.last_activity()),
            ends_at: None,
            resolved_at: time(i.resolved_at),
            components: i.components.clone(),
            url: i.url.clone(),
        }
    }
}

impl From<&Maintenance> for ItemReport {
    fn from(m: &Maintenance) -> Self {
        ItemReport {
            kind: "maintenance",
            id: m.id.clone(),
            title: m.title.clone(),
            impact: None,
            status: Some(m.status.name()),
            level: None,
            text: m.body.clone(),
            started_at: time(m.starts_at),
            updated_at: time(last_update_at(&m.updates)),
            ends_at: time(m.ends_at),
            resolved_at: None,
            components: m.components.clone(),
            url: m.url.clone(),
        }
    }
}

impl From<&Notice> for ItemReport {
    fn from(n: &Notice) -> Self {
        ItemReport {
            kind: "notice",
            id: n.id.clone(),
            title: n.title.clone(),
            impact: None,
            status: None,
            level: Some(n.level.name()),
            text: n.body.clone(),
            started_at: time(n.starts_at),
            updated_at: None,
            ends_at: time(n.ends_at),
            resolved_at: None,
            components: Vec::new(),
            url: n.url.clone(),
        }
    }
}

/// The derived state `deriveStatus` returns.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct DerivedReport {
    #[serde(flatten)]
    read: ReadReport,
    now: String,
    level: Option<&'static str>,
    service_name: Option<String>,
    status_page: Option<String>,
    updated_at: Option<String>,
    active: Vec<ItemReport>,
    upcoming: Vec<ItemReport>,
    history: Vec<ItemReport>,
}

/// Reads `now` as a `Date`, milliseconds or RFC 3339 text; anything else means the current time.
fn instant(now: &JsValue) -> Timestamp {
    let ms = if let Some(ms) = now.as_f64() {
        Some(ms)
    } else if let Some(text) = now.as_string() {
        Timestamp::parse_rfc3339(&text)
            .ok()
            .map(|t| t.unix_millis() as f64)
    } else if now.is_instance_of::<js_sys::Date>() {
        Some(js_sys::Date::from(now.clone()).get_time())
    } else {
        None
    }
    .filter(|ms| ms.is_finite());
    Timestamp::from_unix_millis(ms.unwrap_or_else(js_sys::Date::now) as i64)
}

/// Derives what the widget would show from a status document (JSON text or an object) at
/// `now` (a `Date`, milliseconds or RFC 3339 text; the current time when absent):
/// `{ ok, format, error, problems, now, level, serviceName, statusPage, updatedAt,
///    active: [item], upcoming: [item], history: [item] }`, where an item is
/// `{ kind, id, title, impact, status, level, text, startedAt, updatedAt, endsAt, resolvedAt,
///    components, url }`. A document that cannot be read gives `ok: false` with `error` set and
/// empty lists.
#[wasm_bindgen(js_name = deriveStatus)]
pub fn derive_status(document: JsValue, now: JsValue) -> JsValue {
    let now = instant(&now);
    let result = load_js(&document, Format::Auto);
    let mut report = DerivedReport {
        read: read_report(&result),
        now: now.to_rfc3339(),
        level: None,
        service_name: None,
        status_page: None,
        updated_at: None,
        active: Vec::new(),
        upcoming: Vec::new(),
        history: Vec::new(),
    };
    if let Ok(loaded) = &result {
        let doc = &loaded.document;
        let snapshot = doc.snapshot(now);
        report.level = Some(snapshot.level.name());
        report.service_name = doc.service.name.clone();
        report.status_page = doc.service.status_page.clone();
        report.updated_at = time(doc.updated_at);
        report.active = snapshot
            .active
            .iter()
            .map(|item| match item {
                ActiveItem::Incident(i) => ItemReport::from(*i),
                ActiveItem::Maintenance(m) => ItemReport::from(*m),
                ActiveItem::Notice(n) => ItemReport::from(*n),
            })
            .collect();
        report.upcoming = snapshot
            .upcoming
            .iter()
            .map(|m| ItemReport::from(*m))
            .collect();
        report.history = snapshot
            .history
            .iter()
            .map(|i| ItemReport::from(*i))
            .collect();
    }
    to_js(&report)
}

fn to_js(value: &impl Serialize) -> JsValue {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .unwrap_or(JsValue::NULL)
}

/// Bytes of linear memory the wasm module holds now (for the benchmark's memory figure).
#[wasm_bindgen(js_name = wasmMemoryBytes)]
pub fn wasm_memory_bytes() -> f64 {
    wasm_bindgen::memory()
        .dyn_into::<js_sys::WebAssembly::Memory>()
        .map_or(0.0, |m| {
            m.buffer()
                .dyn_into::<js_sys::ArrayBuffer>()
                .map_or(0.0, |b| f64::from(b.byte_length()))
        })
}
