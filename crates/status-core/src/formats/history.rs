//! Reads what a file records of the past for the uptime bars ([`History`]): components' start
//! dates, the component states incident updates set, and a monitor's own uptime figures. The
//! page build only: the banner never shows them, so its readers leave them out.

use super::json::{Node, Value};
use super::reader::{Entry, Reader};
use crate::model::{
    CalendarDate, ComponentStatus, DeclaredUptime, History, StateChange, Timestamp, Vocabulary,
};

/// Format v1: a component's `created_at`.
pub(crate) fn native_since(e: &Entry, id: &str, r: &mut Reader, history: &mut History) {
    if let Some(t) = r.time(e, "created_at") {
        history.since.push((id.to_owned(), t));
    }
}

/// Statuspage: a component's `start_date` (the day its uptime starts counting, which owners
/// set), else its `created_at`.
pub(crate) fn statuspage_since(e: &Entry, id: &str, r: &mut Reader, history: &mut History) {
    let since = r
        .date(e, "start_date")
        .map(CalendarDate::start_utc)
        .or_else(|| r.time(e, "created_at"));
    if let Some(t) = since {
        history.since.push((id.to_owned(), t));
    }
}

/// Format v1: each timed update's `components`, an object of component ids to the state the
/// update sets (`{"login": "major_outage"}`).
/// The timeline itself is read (and its problems reported) by the native reader; an entry that
/// is not an object, or has no valid `at`, is passed over here without being reported again.
pub(crate) fn native_changes(incident: &Entry, id: &str, r: &mut Reader, history: &mut History) {
    let Some(updates) = incident.field("updates").and_then(|n| match &n.value {
        Value::Array(items) => Some(items),
        _ => None,
    }) else {
        return;
    };
    for (i, node) in updates.iter().enumerate() {
        if !matches!(node.value, Value::Object(_)) {
            continue;
        }
        let path = incident.path.key("updates").index(i);
        let u = Entry { node, path };
        let Some(states) = u.field("components") else {
            continue;
        };
        let Value::Object(members) = &states.value else {
            r.wrong_type(
                &u,
                "components",
                states,
                "an object of component ids to statuses",
            );
            continue;
        };
        let Some(at) =
            (u.field("at").and_then(|n| n.as_str())).and_then(|t| Timestamp::parse_rfc3339(t).ok())
        else {
            continue;
        };
        for (component, value) in members {
            let to = status(value, &u, r);
            history.changes.push(StateChange {
                incident: id.to_owned(),
                at,
                component: component.clone(),
                from: None,
                to,
            });
        }
    }
}

/// Statuspage: each update's `affected_components` (`code`, `old_status`, `new_status`), timed
/// as the update is.
pub(crate) fn statuspage_changes(
    incident: &Entry,
    id: &str,
    r: &mut Reader,
    history: &mut History,
) {
    for (_, path, node) in r.entries(incident, "incident_updates") {
        let u = Entry { node, path };
        let Some(at) = r
            .time(&u, "display_at")
            .or_else(|| r.time(&u, "created_at"))
        else {
            continue;
        };
        for (_, path, node) in r.entries(&u, "affected_components") {
            let a = Entry { node, path };
            let (Some(component), Some(to)) = (r.text(&a, "code"), r.vocabulary(&a, "new_status"))
            else {
                continue;
            };
            history.changes.push(StateChange {
                incident: id.to_owned(),
                at,
                component,
                from: r.vocabulary(&a, "old_status"),
                to,
            });
        }
    }
}

/// A state in `components` by its name; an unknown one is an error and reads as the fallback.
fn status(value: &Node, u: &Entry, r: &mut Reader) -> ComponentStatus {
    match value.as_str() {
        Some(name) => ComponentStatus::from_name(name)
            .unwrap_or_else(|| r.unknown_name(u.path_of("components"), value, name.to_owned())),
        None => r.unknown_name(
            u.path_of("components"),
            value,
            value.value.type_name().to_owned(),
        ),
    }
}

/// Upptime: a site's `dailyMinutesDown` (dates to minutes) and its `uptimeWeek`, `uptimeMonth`
/// and `uptimeYear` (`"99.95%"`).
pub(crate) fn upptime_declared(site: &Entry, id: &str, r: &mut Reader, history: &mut History) {
    let mut daily_minutes_down = Vec::new();
    if let Some(Node {
        value: Value::Object(days),
        ..
    }) = site.field("dailyMinutesDown")
    {
        for (date, minutes) in days {
            if let (Ok(date), Value::Number(Some(minutes))) =
                (CalendarDate::parse(date), &minutes.value)
            {
                daily_minutes_down.push((date, (*minutes).clamp(0, 1440) as u32));
            }
        }
    }
    let mut percent = Vec::new();
    for (days, key) in [(7, "uptimeWeek"), (30, "uptimeMonth"), (365, "uptimeYear")] {
        let figure = r
            .text(site, key)
            .and_then(|t| t.trim().trim_end_matches('%').trim().parse::<f64>().ok())
            .filter(|p| (0.0..=100.0).contains(p));
        if let Some(p) = figure {
            percent.push((days, p));
        }
    }
    history.declared.push(DeclaredUptime {
        component: id.to_owned(),
        daily_minutes_down,
        percent,
    });
}
