//! What changed between two versions of a status file, in the words `notify` posts: incidents
//! opened, updated, resolved or reopened; maintenance scheduled, started, verifying or completed;
//! notices added, changed or removed. Pure: two documents and the time in, a list out. Edits that
//! readers do not need to hear of (a write-up's lessons) announce nothing, and neither does
//! history: an entry that first appears already over for more than a day (an import, a first
//! publication) is not news.

use super::feed::{absolute, is_web};
use status_core::model::links::anchored;
use status_core::model::{
    Impact, Incident, IncidentStatus, Maintenance, MaintenanceStatus, Notice, NoticeLevel,
    StatusDocument, Timestamp, Update, Vocabulary,
};

/// What kind of entry changed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Subject {
    /// An incident.
    Incident,
    /// Planned maintenance.
    Maintenance,
    /// A notice.
    Notice,
}

impl Subject {
    /// `incident`, `maintenance` or `notice`.
    pub fn name(self) -> &'static str {
        match self {
            Subject::Incident => "incident",
            Subject::Maintenance => "maintenance",
            Subject::Notice => "notice",
        }
    }
}

/// What happened to it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    /// A new incident.
    Opened,
    /// A new update, or a changed status, impact or title.
    Updated,
    /// An incident now resolved.
    Resolved,
    /// A resolved incident open again.
    Reopened,
    /// New planned maintenance.
    Scheduled,
    /// Maintenance under way.
    Started,
    /// Maintenance done, being checked.
    Verifying,
    /// Maintenance finished.
    Completed,
    /// A new notice.
    Added,
    /// A notice taken down.
    Removed,
}

impl Action {
    /// The word used in messages and in the webhook's `action`: `opened`, `updated`, …
    pub fn name(self) -> &'static str {
        match self {
            Action::Opened => "opened",
            Action::Updated => "updated",
            Action::Resolved => "resolved",
            Action::Reopened => "reopened",
            Action::Scheduled => "scheduled",
            Action::Started => "started",
            Action::Verifying => "verifying",
            Action::Completed => "completed",
            Action::Added => "added",
            Action::Removed => "removed",
        }
    }
}

/// How serious a change reads, for colours and the order of a message.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Tone {
    /// Resolved, completed, removed: good news.
    Good,
    /// Notices and anything informational.
    Info,
    /// Planned work.
    Maintenance,
    /// Minor impact, a warning notice.
    Minor,
    /// Major impact.
    Major,
    /// Critical impact.
    Critical,
}

/// One thing readers should hear of.
#[derive(Clone, Debug, PartialEq)]
pub struct Change {
    /// What kind of entry.
    pub subject: Subject,
    /// What happened.
    pub action: Action,
    /// The entry's id.
    pub id: String,
    /// Its headline.
    pub title: String,
    /// Its status now (`investigating`, `in_progress`, `info`, …).
    pub status: String,
    /// An incident's impact.
    pub impact: Option<Impact>,
    /// How serious it reads.
    pub tone: Tone,
    /// What was said: the newest update's text, or the entry's own text.
    pub message: Option<String>,
    /// When: the newest update's time, or the entry's own.
    pub at: Option<Timestamp>,
    /// Where to read more (absolute), when the file says.
    pub link: Option<String>,
    /// A stable id for this change, the same however often it is sent, so a receiver can
    /// ignore a repeat: `incident:ID:resolved:4` (the entry's number of updates last).
    pub key: String,
}

/// How long an entry that appears already over still counts as news.
const RECENT_MS: i64 = 24 * 60 * 60 * 1000;

/// The changes from `old` to `new` as of `now`, incidents first, then maintenance, then notices,
/// each in `new`'s order.
pub fn between(old: &StatusDocument, new: &StatusDocument, now: Timestamp) -> Vec<Change> {
    let recent = |at: Option<Timestamp>| {
        at.is_some_and(|at| now.unix_millis() - at.unix_millis() <= RECENT_MS)
    };
    let page = new.service.status_page.as_deref();
    let link = |url: Option<&str>, id: &str| {
        url.and_then(|u| absolute(page, u))
            .or_else(|| page.filter(|p| is_web(p)).map(|p| anchored(p, id)))
    };
    let mut changes = Vec::new();
    for incident in &new.incidents {
        let before = old.incidents.iter().find(|i| i.id == incident.id);
        let over = incident
            .resolved_at
            .or(latest(incident.updates.iter()).and_then(update_time));
        if before.is_none() && incident.status == IncidentStatus::Resolved && !recent(over) {
            continue; // history
        }
        if let Some(action) = incident_action(before, incident) {
            let newest = newest(before.map_or(&[][..], |b| &b.updates), &incident.updates);
            changes.push(Change {
                subject: Subject::Incident,
                action,
                id: incident.id.clone(),
                title: incident.title.plain.clone(),
                status: incident.status.name().to_owned(),
                impact: Some(incident.impact),
                tone: if incident.status == IncidentStatus::Resolved {
                    Tone::Good
                } else {
                    match incident.impact {
                        Impact::None => Tone::Info,
                        Impact::Minor => Tone::Minor,
                        Impact::Major => Tone::Major,
                        Impact::Critical => Tone::Critical,
                    }
                },
                message: newest.map(|u| u.body.plain.clone()),
                at: newest
                    .and_then(update_time)
                    .or(incident.resolved_at.filter(|_| action == Action::Resolved))
                    .or(incident.started_at),
                link: link(incident.url.as_deref(), &incident.id),
                key: key(
                    Subject::Incident,
                    &incident.id,
                    action,
                    incident.updates.len(),
                ),
            });
        }
    }
    for item in &new.maintenances {
        let before = old.maintenances.iter().find(|m| m.id == item.id);
        let over = item
            .ends_at
            .or(latest(item.updates.iter()).and_then(update_time));
        if before.is_none() && item.status == MaintenanceStatus::Completed && !recent(over) {
            continue; // history
        }
        if let Some(action) = maintenance_action(before, item) {
            let newest = newest(before.map_or(&[][..], |b| &b.updates), &item.updates);
            changes.push(Change {
                subject: Subject::Maintenance,
                action,
                id: item.id.clone(),
                title: item.title.plain.clone(),
                status: item.status.name().to_owned(),
                impact: None,
                tone: if item.status == MaintenanceStatus::Completed {
                    Tone::Good
                } else {
                    Tone::Maintenance
                },
                message: newest
                    .map(|u| u.body.plain.clone())
                    .or_else(|| item.body.as_ref().map(|b| b.plain.clone())),
                at: newest.and_then(update_time).or(item.starts_at),
                link: link(item.url.as_deref(), &item.id),
                key: key(Subject::Maintenance, &item.id, action, item.updates.len()),
            });
        }
    }
    for notice in &new.notices {
        let before = old.notices.iter().find(|n| n.id == notice.id);
        let action = match before {
            None if notice.ends_at.is_some_and(|end| end <= now) => continue, // already over
            None => Action::Added,
            Some(b) if notice_changed(b, notice) => Action::Updated,
            Some(_) => continue,
        };
        changes.push(notice_change(notice, action, page));
    }
    for notice in &old.notices {
        if !new.notices.iter().any(|n| n.id == notice.id) {
            changes.push(notice_change(notice, Action::Removed, page));
        }
    }
    changes
}

fn incident_action(before: Option<&Incident>, now: &Incident) -> Option<Action> {
    let resolved = now.status == IncidentStatus::Resolved;
    let Some(before) = before else {
        return Some(if resolved {
            Action::Resolved
        } else {
            Action::Opened
        });
    };
    let was_resolved = before.status == IncidentStatus::Resolved;
    match (was_resolved, resolved) {
        (false, true) => Some(Action::Resolved),
        (true, false) => Some(Action::Reopened),
        _ if before.status != now.status
            || before.impact != now.impact
            || before.title != now.title
            || has_new_updates(&before.updates, &now.updates) =>
        {
            Some(Action::Updated)
        }
        _ => None,
    }
}

fn maintenance_action(before: Option<&Maintenance>, now: &Maintenance) -> Option<Action> {
    let by_status = match now.status {
        MaintenanceStatus::Scheduled => Action::Scheduled,
        MaintenanceStatus::InProgress => Action::Started,
        MaintenanceStatus::Verifying => Action::Verifying,
        MaintenanceStatus::Completed => Action::Completed,
    };
    let Some(before) = before else {
        return Some(by_status);
    };
    if before.status != now.status {
        Some(by_status)
    } else if before.title != now.title
        || before.starts_at != now.starts_at
        || before.ends_at != now.ends_at
        || has_new_updates(&before.updates, &now.updates)
    {
        Some(Action::Updated)
    } else {
        None
    }
}

fn notice_changed(before: &Notice, now: &Notice) -> bool {
    before.title != now.title
        || before.body.as_ref().map(|b| &b.plain) != now.body.as_ref().map(|b| &b.plain)
        || before.level != now.level
        || before.starts_at != now.starts_at
        || before.ends_at != now.ends_at
}

fn notice_change(notice: &Notice, action: Action, page: Option<&str>) -> Change {
    Change {
        subject: Subject::Notice,
        action,
        id: notice.id.clone(),
        title: notice.title.plain.clone(),
        status: notice.level.name().to_owned(),
        impact: None,
        tone: match (action, notice.level) {
            (Action::Removed, _) => Tone::Good,
            (_, NoticeLevel::Warning) => Tone::Minor,
            (_, NoticeLevel::Info) => Tone::Info,
        },
        message: notice.body.as_ref().map(|b| b.plain.clone()),
        at: notice.starts_at,
        link: notice
            .url
            .as_deref()
            .and_then(|u| absolute(page, u))
            .or_else(|| page.filter(|p| is_web(p)).map(str::to_owned)),
        key: key(Subject::Notice, &notice.id, action, 0),
    }
}

fn key(subject: Subject, id: &str, action: Action, updates: usize) -> String {
    format!("{}:{id}:{}:{updates}", subject.name(), action.name())
}

fn has_new_updates(before: &[Update], now: &[Update]) -> bool {
    now.iter().any(|u| !before.contains(u))
}

fn update_time(update: &Update) -> Option<Timestamp> {
    update.at.or(update.day.map(|d| d.start_utc()))
}

/// The latest of `updates` (the last written wins a tie; undated ones count as oldest).
fn latest<'a>(updates: impl Iterator<Item = &'a Update>) -> Option<&'a Update> {
    updates
        .enumerate()
        .max_by_key(|(i, u)| (update_time(u), *i))
        .map(|(_, u)| u)
}

/// The latest of the updates in `now` that `before` did not have, else the latest of all.
fn newest<'a>(before: &[Update], now: &'a [Update]) -> Option<&'a Update> {
    latest(now.iter().filter(|u| !before.contains(u))).or_else(|| latest(now.iter()))
}
