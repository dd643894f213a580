//! Uptime at a glance: for each component, each local day of a window, the time spent in each
//! state and the worst state that day, and the window's uptime percentage. The status page draws
//! the bars from it, `deriveStatus` returns it and the command's uptime badge prints it.
//!
//! How it is counted (the README's "How uptime is counted" says the same):
//! - A component's state over time comes from the component states the incident's updates set
//!   (Statuspage's `affected_components`, format v1's `components` on an update); before the first
//!   of them, the state the file says it had before. An incident that names a component but says
//!   nothing of its state stands for it by its impact over its duration, on Statuspage's own
//!   scale: `critical` a major outage, `major` a partial outage, `minor` degraded performance.
//!   An incident that names no component is in no component's bars.
//! - An incident counts from its start to its resolution; one still open counts until now.
//!   Maintenance under way or done counts as maintenance from its start to its end.
//! - Where two of them overlap, the worse state holds: time is never counted twice.
//! - Downtime is a major outage in full and a partial outage at 30 % (as Statuspage and Instatus
//!   weigh it); degraded performance and maintenance are not downtime.
//! - The record begins on the day of the file's oldest entry, or the day the component was
//!   created when that is later; days before it have no data. A file with no history at all (no
//!   incident or maintenance with a time) shows no bars.
//! - A monitor's own figures (Upptime's minutes down per day and uptime over 7, 30 and 365 days)
//!   are shown as they are: its days, and its percentage where its window is the page's.

use crate::model::{
    CalendarDate, ComponentStatus, DeclaredUptime, Impact, IncidentStatus, MaintenanceStatus,
    StateChange, StatusDocument, Timestamp,
};
use std::collections::HashMap;

/// The window's length in days when the element does not say (`uptime-days`).
pub const DEFAULT_UPTIME_DAYS: u16 = 90;
/// The shortest and the longest window `uptime-days` may ask for.
pub const UPTIME_DAYS: core::ops::RangeInclusive<u16> = 7..=365;
/// The share of a partial outage's time that counts as downtime.
pub const PARTIAL_OUTAGE_WEIGHT: f64 = 0.3;

const MS_PER_DAY: i64 = 86_400_000;

/// The reader's calendar: which local day an instant falls on, and when a local day starts. The
/// browser's is its own time zone's (daylight saving included); [`FixedOffset`] is a zone without
/// changes, for the command and for tests.
pub trait LocalDays {
    /// The local date of `t`.
    fn date_of(&self, t: Timestamp) -> CalendarDate;
    /// The instant the local day `date` begins.
    fn start_of(&self, date: CalendarDate) -> Timestamp;
}

/// A time zone at a fixed offset from UTC, in minutes (`-480` for UTC−8).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FixedOffset(pub i64);

impl LocalDays for FixedOffset {
    fn date_of(&self, t: Timestamp) -> CalendarDate {
        t.plus_millis(self.0 * 60_000).utc_date()
    }

    fn start_of(&self, date: CalendarDate) -> Timestamp {
        // Held at the ends of the range for dates some 292 million years away (the fuzzer's
        // `now`), where `start_utc` would overflow.
        let midnight = date.days_since_epoch().saturating_mul(MS_PER_DAY);
        Timestamp::from_unix_millis(midnight).plus_millis(-self.0 * 60_000)
    }
}

/// A component's state during some time, worst last.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum DayState {
    /// Before the record begins.
    NoData,
    /// Working normally.
    Operational,
    /// Planned work.
    Maintenance,
    /// Slow or flaky.
    Degraded,
    /// Down for some.
    PartialOutage,
    /// Down.
    MajorOutage,
}

impl DayState {
    /// Its name in classes and in `deriveStatus`: `no_data`, `operational`, `under_maintenance`,
    /// `degraded_performance`, `partial_outage` or `major_outage`.
    pub fn name(self) -> &'static str {
        match self {
            DayState::NoData => "no_data",
            DayState::Operational => "operational",
            DayState::Maintenance => "under_maintenance",
            DayState::Degraded => "degraded_performance",
            DayState::PartialOutage => "partial_outage",
            DayState::MajorOutage => "major_outage",
        }
    }

    /// Every state, best to worst (no data first), for legends.
    pub const ALL: [DayState; 6] = [
        DayState::NoData,
        DayState::Operational,
        DayState::Maintenance,
        DayState::Degraded,
        DayState::PartialOutage,
        DayState::MajorOutage,
    ];
}

impl From<ComponentStatus> for DayState {
    fn from(status: ComponentStatus) -> Self {
        match status {
            ComponentStatus::Operational => DayState::Operational,
            ComponentStatus::UnderMaintenance => DayState::Maintenance,
            ComponentStatus::DegradedPerformance | ComponentStatus::Unknown => DayState::Degraded,
            ComponentStatus::PartialOutage => DayState::PartialOutage,
            ComponentStatus::MajorOutage => DayState::MajorOutage,
        }
    }
}

/// The state an incident's impact stands for, on Statuspage's own scale (the one it uses to
/// work out an incident's impact from its components).
fn impact_state(impact: Impact) -> DayState {
    match impact {
        Impact::None => DayState::Operational,
        Impact::Minor => DayState::Degraded,
        Impact::Major => DayState::PartialOutage,
        Impact::Critical => DayState::MajorOutage,
    }
}

/// What caused a stretch of time's state.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Cause {
    Incident(usize),
    Maintenance(usize),
}

/// A stretch of time `[start, end)` in milliseconds in one state.
#[derive(Clone, Copy, Debug)]
struct Stretch {
    start: i64,
    end: i64,
    state: DayState,
    cause: Cause,
}

/// One local day of one component.
#[derive(Clone, Debug, PartialEq)]
pub struct UptimeDay {
    /// The reader's local date.
    pub date: CalendarDate,
    /// The worst state that day (operational when nothing happened, no data before the record).
    pub state: DayState,
    /// Milliseconds in a major outage.
    pub major_ms: i64,
    /// Milliseconds in a partial outage.
    pub partial_ms: i64,
    /// Milliseconds of degraded performance.
    pub degraded_ms: i64,
    /// Milliseconds of maintenance.
    pub maintenance_ms: i64,
    /// The incidents that touched the component that day (indices into `document.incidents`),
    /// in the file's order.
    pub incidents: Vec<usize>,
    /// The maintenance that touched it that day (indices into `document.maintenances`).
    pub maintenances: Vec<usize>,
}

impl UptimeDay {
    fn empty(date: CalendarDate, state: DayState) -> Self {
        UptimeDay {
            date,
            state,
            major_ms: 0,
            partial_ms: 0,
            degraded_ms: 0,
            maintenance_ms: 0,
            incidents: Vec::new(),
            maintenances: Vec::new(),
        }
    }

    /// How long the day's worst state lasted (nothing for an operational day or no data).
    pub fn worst_ms(&self) -> i64 {
        match self.state {
            DayState::MajorOutage => self.major_ms,
            DayState::PartialOutage => self.partial_ms,
            DayState::Degraded => self.degraded_ms,
            DayState::Maintenance => self.maintenance_ms,
            DayState::Operational | DayState::NoData => 0,
        }
    }

    fn add(&mut self, state: DayState, ms: i64) {
        match state {
            DayState::MajorOutage => self.major_ms += ms,
            DayState::PartialOutage => self.partial_ms += ms,
            DayState::Degraded => self.degraded_ms += ms,
            DayState::Maintenance => self.maintenance_ms += ms,
            DayState::Operational | DayState::NoData => {}
        }
    }
}

/// One component's window.
#[derive(Clone, Debug, PartialEq)]
pub struct ComponentUptime {
    /// The component (an index into `document.components`).
    pub component: usize,
    /// The window's days, oldest first, the last one today.
    pub days: Vec<UptimeDay>,
    /// The share of the window's recorded time that was up, in percent, rounded down to
    /// hundredths (so that any downtime never reads 100.00); `None` when no day has data.
    pub percent: Option<f64>,
    /// True when the figures are a monitor's own (Upptime), not counted from incidents.
    pub declared: bool,
}

/// Each component's uptime over the `days` local days that end today (the day of `now` in
/// `local`); nothing when the file records no history. `days` is clamped to [`UPTIME_DAYS`].
pub fn uptime(
    doc: &StatusDocument,
    days: u16,
    now: Timestamp,
    local: &dyn LocalDays,
) -> Vec<ComponentUptime> {
    let days = days.clamp(*UPTIME_DAYS.start(), *UPTIME_DAYS.end());
    let today = local.date_of(now).days_since_epoch();
    let window: Vec<CalendarDate> = (today - i64::from(days) + 1..=today)
        .map(CalendarDate::from_days_since_epoch)
        .collect();
    records(doc, now)
        .into_iter()
        .enumerate()
        .filter_map(|(index, record)| match record? {
            Record::Declared(declared) => Some(monitor_uptime(index, declared, &window, days)),
            Record::Counted { begins } => {
                let component = &doc.components[index].id;
                let stretches = stretches(doc, component, now);
                let first_day = local.date_of(begins);
                Some(counted_uptime(
                    index, &stretches, &window, first_day, now, local,
                ))
            }
        })
        .collect()
}

/// Where a component's window comes from.
enum Record<'a> {
    /// A monitor's own figures.
    Declared(&'a DeclaredUptime),
    /// Counted from the file's history, which for this component begins at `begins`.
    Counted { begins: Timestamp },
}

/// Each component's record at `now` (by index), or `None` for one [`uptime`] gives no window: no
/// monitor's figures and no history in the file.
fn records(doc: &StatusDocument, now: Timestamp) -> Vec<Option<Record<'_>>> {
    let oldest = oldest_entry(doc, now);
    doc.components
        .iter()
        .map(|component| {
            if let Some(declared) = doc.history.declared(&component.id) {
                return Some(Record::Declared(declared));
            }
            let oldest = oldest?;
            let begins = (doc.history.since(&component.id)).map_or(oldest, |s| s.max(oldest));
            Some(Record::Counted { begins })
        })
        .collect()
}

/// Which components (by index) [`uptime`] gives a window at `now`, by the same rule, without
/// counting anything: a page keeps the bars' room from its first frame and counts them a task
/// later.
pub fn with_window(doc: &StatusDocument, now: Timestamp) -> Vec<bool> {
    records(doc, now).iter().map(Option::is_some).collect()
}

/// The earliest time the file records (an incident's start or update, maintenance that began).
fn oldest_entry(doc: &StatusDocument, now: Timestamp) -> Option<Timestamp> {
    let incidents = doc.incidents.iter().flat_map(|i| {
        i.started_at
            .into_iter()
            .chain(i.updates.iter().filter_map(|u| u.at))
    });
    let maintenances = doc
        .maintenances
        .iter()
        .filter(|m| has_begun(m.status))
        .filter_map(|m| m.starts_at);
    incidents.chain(maintenances).filter(|t| *t <= now).min()
}

fn has_begun(status: MaintenanceStatus) -> bool {
    status != MaintenanceStatus::Scheduled
}

/// Every stretch of time the file gives `component` a state, up to `now`.
fn stretches(doc: &StatusDocument, component: &str, now: Timestamp) -> Vec<Stretch> {
    let now = now.unix_millis();
    let mut out = Vec::new();
    // The component's changes by incident, gathered once: a long history is not walked again for
    // every incident.
    let mut by_incident: HashMap<&str, Vec<&StateChange>> = HashMap::new();
    for change in doc
        .history
        .changes
        .iter()
        .filter(|c| c.component == component)
    {
        by_incident
            .entry(change.incident.as_str())
            .or_default()
            .push(change);
    }
    for (index, incident) in doc.incidents.iter().enumerate() {
        let mut changes = by_incident
            .get(incident.id.as_str())
            .cloned()
            .unwrap_or_default();
        let named = incident.components.iter().any(|c| c == component);
        if changes.is_empty() && !named {
            continue;
        }
        let Some(start) = incident
            .started_at
            .or_else(|| incident.updates.iter().filter_map(|u| u.at).min())
            .or_else(|| changes.iter().map(|c| c.at).min())
        else {
            continue;
        };
        let end = match incident.status {
            IncidentStatus::Resolved => incident
                .resolved_at
                .or_else(|| crate::model::last_update_at(&incident.updates))
                .unwrap_or(start),
            _ => Timestamp::from_unix_millis(now),
        };
        let (start, end) = (start.unix_millis(), end.unix_millis().min(now));
        let cause = Cause::Incident(index);
        let mut push = |from: i64, to: i64, state: DayState| {
            let (from, to) = (from.max(start), to.min(end));
            if from < to {
                out.push(Stretch {
                    start: from,
                    end: to,
                    state,
                    cause,
                });
            }
        };
        if changes.is_empty() {
            push(start, end, impact_state(incident.impact));
            continue;
        }
        // The file's order breaks ties between updates posted at the same instant.
        changes.sort_by_key(|c| c.at);
        let before = changes[0]
            .from
            .map_or(impact_state(incident.impact), DayState::from);
        push(start, changes[0].at.unix_millis(), before);
        for (k, change) in changes.iter().enumerate() {
            let until = changes.get(k + 1).map_or(end, |next| next.at.unix_millis());
            push(change.at.unix_millis(), until, DayState::from(change.to));
        }
    }
    for (index, maintenance) in doc.maintenances.iter().enumerate() {
        if !has_begun(maintenance.status) || !maintenance.components.iter().any(|c| c == component)
        {
            continue;
        }
        let Some(start) = maintenance.starts_at else {
            continue;
        };
        let end = match (maintenance.status, maintenance.ends_at) {
            (MaintenanceStatus::Completed, Some(end)) => end.unix_millis(),
            (MaintenanceStatus::Completed, None) => {
                crate::model::last_update_at(&maintenance.updates)
                    .unwrap_or(start)
                    .unix_millis()
            }
            _ => now,
        };
        let (start, end) = (start.unix_millis(), end.min(now));
        if start < end {
            out.push(Stretch {
                start,
                end,
                state: DayState::Maintenance,
                cause: Cause::Maintenance(index),
            });
        }
    }
    out
}

/// One component's window counted from its stretches: within a day, each moment takes the worst
/// state any stretch gives it.
fn counted_uptime(
    component: usize,
    stretches: &[Stretch],
    window: &[CalendarDate],
    first_day: CalendarDate,
    now: Timestamp,
    local: &dyn LocalDays,
) -> ComponentUptime {
    let now = now.unix_millis();
    let (mut recorded, mut down) = (0i64, 0f64);
    let days = window
        .iter()
        .map(|&date| {
            if date < first_day {
                return UptimeDay::empty(date, DayState::NoData);
            }
            let start = local.start_of(date).unix_millis();
            let next = CalendarDate::from_days_since_epoch(date.days_since_epoch() + 1);
            let end = local.start_of(next).unix_millis().min(now);
            let mut day = UptimeDay::empty(date, DayState::Operational);
            recorded = recorded.saturating_add(end.saturating_sub(start).max(0));
            let touching: Vec<&Stretch> = stretches
                .iter()
                .filter(|s| s.start < end && s.end > start)
                .collect();
            let mut cuts: Vec<i64> = touching
                .iter()
                .flat_map(|s| [s.start.max(start), s.end.min(end)])
                .collect();
            cuts.sort_unstable();
            cuts.dedup();
            for pair in cuts.windows(2) {
                let (from, to) = (pair[0], pair[1]);
                let worst = touching
                    .iter()
                    .filter(|s| s.start <= from && s.end >= to)
                    .map(|s| s.state)
                    .max()
                    .unwrap_or(DayState::Operational);
                day.add(worst, to.saturating_sub(from));
            }
            for s in &touching {
                if s.state > DayState::Operational {
                    match s.cause {
                        Cause::Incident(i) if !day.incidents.contains(&i) => day.incidents.push(i),
                        Cause::Maintenance(m) if !day.maintenances.contains(&m) => {
                            day.maintenances.push(m)
                        }
                        _ => {}
                    }
                }
            }
            day.incidents.sort_unstable();
            day.maintenances.sort_unstable();
            day.state = [
                (DayState::MajorOutage, day.major_ms),
                (DayState::PartialOutage, day.partial_ms),
                (DayState::Degraded, day.degraded_ms),
                (DayState::Maintenance, day.maintenance_ms),
            ]
            .into_iter()
            .find(|(_, ms)| *ms > 0)
            .map_or(DayState::Operational, |(state, _)| state);
            down += day.major_ms as f64 + PARTIAL_OUTAGE_WEIGHT * day.partial_ms as f64;
            day
        })
        .collect();
    ComponentUptime {
        component,
        days,
        percent: (recorded > 0).then(|| percent(1.0 - down / recorded as f64)),
        declared: false,
    }
}

/// A monitor's own record over the window: its minutes down per day (a day with any is a major
/// outage, as the monitor saw the site down; a day it does not list had none), and its own
/// percentage where its window is this one (else worked out from its minutes). Upptime's summary
/// carries no date of its own, so its days run to today; `max-age` is what says it is old.
fn monitor_uptime(
    component: usize,
    declared: &DeclaredUptime,
    window: &[CalendarDate],
    days: u16,
) -> ComponentUptime {
    let (mut recorded, mut down) = (0i64, 0i64);
    let days_shown = window
        .iter()
        .map(|&date| {
            let minutes = declared
                .daily_minutes_down
                .iter()
                .find(|(d, _)| *d == date)
                .map_or(0, |(_, m)| i64::from(*m).min(1440));
            recorded += MS_PER_DAY;
            down += minutes * 60_000;
            let mut day = UptimeDay::empty(date, DayState::Operational);
            if minutes > 0 {
                day.state = DayState::MajorOutage;
                day.major_ms = minutes * 60_000;
            }
            day
        })
        .collect();
    let own = declared
        .percent
        .iter()
        .find(|(window, _)| *window == days)
        .map(|(_, p)| *p);
    ComponentUptime {
        component,
        days: days_shown,
        percent: own
            .or_else(|| (recorded > 0).then(|| percent(1.0 - down as f64 / recorded as f64))),
        declared: true,
    }
}

/// A share as a percentage rounded down to hundredths.
fn percent(share: f64) -> f64 {
    (share.clamp(0.0, 1.0) * 10_000.0 + 1e-9).floor() / 100.0
}
