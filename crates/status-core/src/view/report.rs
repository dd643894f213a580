//! The [`StatusView`] as plain data for the headless `deriveStatus`: the same items, in the same
//! order, with the same text and times as the banner and the page, plus the facts of each item
//! that only a program reading the report needs (ids, impact, status, resolution), and each
//! component's uptime window as the status page draws it.

use super::derive::StatusView;
use super::items::{ItemSource, ItemView};
use super::uptime::{ComponentUptime, LocalDays, UptimeDay};
use crate::formats::{LoadError, Loaded, Problem, Severity};
use crate::model::{Timestamp, Vocabulary};
use serde::Serialize;

/// A problem, as JavaScript sees it.
#[derive(Clone, Serialize)]
pub struct ProblemReport {
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

/// What `checkStatus` and `deriveStatus` say about reading the document.
#[derive(Clone, Serialize)]
pub struct ReadReport {
    /// True when the document was read and has no errors.
    ok: bool,
    /// The format it was read as ([`SourceFormat::name`](crate::formats::SourceFormat::name):
    /// `"native"`, `"statuspage"`, `"instatus"`, `"cstate"` …); `null` when nothing could be read.
    format: Option<&'static str>,
    /// Why the document could not be read at all.
    error: Option<String>,
    /// Problems with single fields and entries, in document order.
    problems: Vec<ProblemReport>,
}

impl ReadReport {
    /// What reading gave: the format and the problems, or why nothing could be read.
    pub fn of(result: &Result<Loaded, LoadError>) -> Self {
        match result {
            Ok(loaded) => ReadReport {
                ok: loaded.is_valid(),
                format: Some(loaded.format.name()),
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
}

/// One incident, maintenance or notice. Times are RFC 3339 in UTC.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ItemReport {
    kind: &'static str,
    id: String,
    title: String,
    /// The language `title` is in, when the file says (`{"en": …, "de": …}` texts, `language`).
    title_lang: Option<String>,
    impact: Option<&'static str>,
    status: Option<&'static str>,
    level: Option<&'static str>,
    text: Option<String>,
    /// The language `text` is in, when the file says.
    text_lang: Option<String>,
    started_at: Option<String>,
    updated_at: Option<String>,
    ends_at: Option<String>,
    resolved_at: Option<String>,
    /// Component ids.
    components: Vec<String>,
    /// Where the widget links the item to: its own page, else the status page at its anchor.
    url: Option<String>,
}

fn time(t: Option<Timestamp>) -> Option<String> {
    t.map(Timestamp::to_rfc3339)
}

impl ItemReport {
    fn of(view: &StatusView, item: &ItemView) -> Self {
        let doc = &view.document;
        let mut report = ItemReport {
            kind: "incident",
            id: item.id.clone(),
            title: item.title.plain.clone(),
            title_lang: item.title.lang.as_deref().map(str::to_owned),
            impact: None,
            status: None,
            level: None,
            text: item.text.as_ref().map(|t| t.plain.clone()),
            text_lang: (item.text.as_ref()).and_then(|t| t.lang.as_deref().map(str::to_owned)),
            started_at: time(item.started_at),
            updated_at: time(item.updated_at),
            ends_at: time(item.ends_at),
            resolved_at: None,
            components: Vec::new(),
            url: item.link.clone(),
        };
        match item.source {
            ItemSource::Incident(i) => {
                let i = &doc.incidents[i];
                report.impact = Some(i.impact.name());
                report.status = Some(i.status.name());
                report.resolved_at = time(i.resolved_at);
                report.components = i.components.clone();
            }
            ItemSource::Maintenance(m) => {
                let m = &doc.maintenances[m];
                report.kind = "maintenance";
                report.status = Some(m.status.name());
                report.components = m.components.clone();
            }
            ItemSource::Declared => {
                report.kind = "status";
                report.level = doc.declared.as_ref().map(|d| d.level.name());
            }
            ItemSource::Notice(n) => {
                let n = &doc.notices[n];
                report.kind = "notice";
                report.level = Some(n.level.name());
                report.started_at = time(n.starts_at);
                report.ends_at = time(n.ends_at);
            }
        }
        report
    }
}

/// One local day of a component's uptime window.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct UptimeDayReport {
    /// The reader's local date, `YYYY-MM-DD`.
    date: String,
    /// The day's worst state ([`DayState::name`](super::DayState::name)).
    state: &'static str,
    major_outage_ms: i64,
    partial_outage_ms: i64,
    degraded_ms: i64,
    maintenance_ms: i64,
    /// Ids of the incidents and the maintenance that touched the component that day.
    incidents: Vec<String>,
    maintenances: Vec<String>,
}

/// One component's uptime window: its days, oldest first, and the window's percentage.
#[derive(Serialize)]
pub struct UptimeReport {
    /// The component's id and name.
    component: String,
    name: String,
    /// Uptime in percent, rounded down to hundredths; `null` when no day has data.
    percent: Option<f64>,
    /// True when the figures are the monitor's own (Upptime), not counted from incidents.
    declared: bool,
    days: Vec<UptimeDayReport>,
}

impl UptimeReport {
    fn of(view: &StatusView, uptime: &ComponentUptime) -> Self {
        let doc = &view.document;
        let component = &doc.components[uptime.component];
        let day = |d: &UptimeDay| UptimeDayReport {
            date: d.date.to_string(),
            state: d.state.name(),
            major_outage_ms: d.major_ms,
            partial_outage_ms: d.partial_ms,
            degraded_ms: d.degraded_ms,
            maintenance_ms: d.maintenance_ms,
            incidents: d
                .incidents
                .iter()
                .map(|&i| doc.incidents[i].id.clone())
                .collect(),
            maintenances: (d.maintenances.iter())
                .map(|&m| doc.maintenances[m].id.clone())
                .collect(),
        };
        UptimeReport {
            component: component.id.clone(),
            name: component.name.plain.clone(),
            percent: uptime.percent,
            declared: uptime.declared,
            days: uptime.days.iter().map(day).collect(),
        }
    }
}

/// What `deriveStatus` says: how the document was read, then what the widget shows for it
/// (nothing when it could not be read). One flat object, written out rather than flattened
/// with serde, which costs the wasm 2.5 KB.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ViewReport {
    ok: bool,
    format: Option<&'static str>,
    error: Option<String>,
    problems: Vec<ProblemReport>,
    now: String,
    level: Option<&'static str>,
    stale: bool,
    service_name: Option<String>,
    status_page: Option<String>,
    updated_at: Option<String>,
    active: Vec<ItemReport>,
    upcoming: Vec<ItemReport>,
    history: Vec<ItemReport>,
    /// Each component's uptime over the view's window (`uptime-days`), by `local`'s days.
    uptime: Vec<UptimeReport>,
}

impl ViewReport {
    /// `view` as plain data, after how its document was read; its uptime windows run over the
    /// reader's days in `local`.
    pub fn of(read: ReadReport, view: &StatusView, local: &dyn LocalDays) -> Self {
        let items = |list: &[ItemView]| list.iter().map(|i| ItemReport::of(view, i)).collect();
        ViewReport {
            level: Some(view.overall.name()),
            stale: view.overall.is_unknown(),
            service_name: view.document.service.name.as_ref().map(|n| n.plain.clone()),
            status_page: view.status_page.clone(),
            updated_at: time(view.document.updated_at),
            active: items(&view.active),
            upcoming: items(&view.upcoming),
            history: view
                .history()
                .iter()
                .map(|&i| ItemReport::of(view, &view.history_item(i)))
                .collect(),
            uptime: view
                .uptime(local)
                .iter()
                .map(|u| UptimeReport::of(view, u))
                .collect(),
            ..Self::unread(read, view.now)
        }
    }

    /// The report for a document that could not be read: why, and no level, nothing listed.
    pub fn unread(read: ReadReport, now: Timestamp) -> Self {
        let ReadReport {
            ok,
            format,
            error,
            problems,
        } = read;
        ViewReport {
            ok,
            format,
            error,
            problems,
            now: now.to_rfc3339(),
            level: None,
            stale: false,
            service_name: None,
            status_page: None,
            updated_at: None,
            active: Vec::new(),
            upcoming: Vec::new(),
            history: Vec::new(),
            uptime: Vec::new(),
        }
    }
}
