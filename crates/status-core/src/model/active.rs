//! What is going on at a given instant: the rules behind banner mode and the page's sections.

use super::order;
use super::time::Timestamp;
use super::types::{
    Incident, Level, Maintenance, MaintenanceStatus, Notice, NoticeLevel, StatusDocument,
};

/// Scheduled maintenance shows in the banner this long before it starts.
pub const MAINTENANCE_LEAD_MS: i64 = 24 * 60 * 60 * 1000;

/// One thing the banner shows.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum ActiveItem<'a> {
    /// An incident that is not resolved.
    Incident(&'a Incident),
    /// Maintenance in progress, being verified, or starting within 24 hours.
    Maintenance(&'a Maintenance),
    /// A notice inside its time window.
    Notice(&'a Notice),
}

impl ActiveItem<'_> {
    /// The item's id, unique within its kind.
    pub fn id(&self) -> &str {
        match self {
            ActiveItem::Incident(i) => &i.id,
            ActiveItem::Maintenance(m) => &m.id,
            ActiveItem::Notice(n) => &n.id,
        }
    }
}

impl StatusDocument {
    /// Incidents that are not resolved: most severe first, then the most recently active.
    pub fn active_incidents(&self) -> Vec<&Incident> {
        let mut active: Vec<&Incident> = self.incidents.iter().filter(|i| i.is_active()).collect();
        order::sort_by_key(&mut active, |i| {
            (
                order::descending(i.impact as i64),
                order::descending(order::time_key(i.last_activity())),
            )
        });
        active
    }

    /// Maintenance the banner shows at `now`: in progress or verifying, or scheduled to start
    /// within 24 hours and not yet past its planned end.
    pub fn active_maintenance(&self, now: Timestamp) -> Vec<&Maintenance> {
        let mut active: Vec<&Maintenance> = self
            .maintenances
            .iter()
            .filter(|m| match m.status {
                MaintenanceStatus::InProgress | MaintenanceStatus::Verifying => true,
                MaintenanceStatus::Scheduled => {
                    m.starts_at
                        .is_some_and(|s| s <= now.plus_millis(MAINTENANCE_LEAD_MS))
                        && m.ends_at.is_none_or(|e| now < e)
                }
                MaintenanceStatus::Completed => false,
            })
            .collect();
        order::sort_by_key(&mut active, |m| {
            (
                i64::from(m.status == MaintenanceStatus::Scheduled),
                order::time_key(m.starts_at),
            )
        });
        active
    }

    /// Notices whose window contains `now` (`starts_at <= now < ends_at`, either bound optional).
    pub fn active_notices(&self, now: Timestamp) -> Vec<&Notice> {
        let mut active: Vec<&Notice> = self
            .notices
            .iter()
            .filter(|n| n.starts_at.is_none_or(|s| s <= now) && n.ends_at.is_none_or(|e| now < e))
            .collect();
        order::sort_by_key(&mut active, |n| {
            (
                i64::from(n.level != NoticeLevel::Warning),
                order::time_key(n.starts_at),
            )
        });
        active
    }

    /// Everything the banner shows at `now`, in display order.
    pub fn active_items(&self, now: Timestamp) -> Vec<ActiveItem<'_>> {
        let incidents = self
            .active_incidents()
            .into_iter()
            .map(ActiveItem::Incident);
        let maintenance = self
            .active_maintenance(now)
            .into_iter()
            .map(ActiveItem::Maintenance);
        let notices = self.active_notices(now).into_iter().map(ActiveItem::Notice);
        let mut items: Vec<ActiveItem<'_>> = incidents.chain(maintenance).chain(notices).collect();
        // A file that states trouble and lists nothing that explains it still says so.
        if let Some(declared) = &self.declared {
            if items.is_empty() && declared.level > Level::Operational {
                items.push(ActiveItem::Notice(&declared.notice));
            }
        }
        items
    }

    /// Scheduled maintenance starting more than 24 hours after `now`, soonest first.
    pub fn upcoming_maintenance(&self, now: Timestamp) -> Vec<&Maintenance> {
        let mut upcoming: Vec<&Maintenance> = self
            .maintenances
            .iter()
            .filter(|m| {
                m.status == MaintenanceStatus::Scheduled
                    && m.starts_at
                        .is_some_and(|s| s > now.plus_millis(MAINTENANCE_LEAD_MS))
            })
            .collect();
        order::sort_by_key(&mut upcoming, |m| (0, order::time_key(m.starts_at)));
        upcoming
    }

    /// Resolved incidents, newest first (by start, else resolution).
    pub fn history(&self) -> Vec<&Incident> {
        self.history_indices()
            .into_iter()
            .map(|i| &self.incidents[i])
            .collect()
    }

    /// [`Self::history`] as indices into `incidents`.
    pub fn history_indices(&self) -> Vec<usize> {
        let mut past: Vec<usize> = (0..self.incidents.len())
            .filter(|&i| !self.incidents[i].is_active())
            .collect();
        order::sort_by_key(&mut past, |&i| {
            let incident = &self.incidents[i];
            (
                0,
                order::descending(order::time_key(
                    incident.started_at.or(incident.resolved_at),
                )),
            )
        });
        past
    }

    /// Keeps only what concerns the components `ids`: components in the list, and incidents and
    /// maintenance that name one of them or name none (which affect everything). Notices are
    /// kept; the file's own overall word ([`crate::model::DeclaredStatus`]) is not. An empty `ids` keeps
    /// everything.
    pub fn retain_components(&mut self, ids: &[String]) {
        if ids.is_empty() {
            return;
        }
        let concerns = |named: &[String]| named.is_empty() || named.iter().any(|c| ids.contains(c));
        self.components.retain(|c| ids.contains(&c.id));
        self.incidents.retain(|i| concerns(&i.components));
        self.maintenances.retain(|m| concerns(&m.components));
        // The file's own overall word names no component: it says nothing about these.
        self.declared = None;
    }

    /// Whether the file is too old to trust at `now`: older than `max_age_ms`, or undated while
    /// a maximum age is asked for. Without a maximum age nothing is stale.
    pub fn is_stale(&self, now: Timestamp, max_age_ms: Option<i64>) -> bool {
        match (max_age_ms, self.updated_at) {
            (None, _) => false,
            (Some(_), None) => true,
            (Some(max), Some(updated)) => {
                now.unix_millis().saturating_sub(updated.unix_millis()) > max
            }
        }
    }

    /// The overall state at `now`: the worst of the active incidents' impact, the components'
    /// statuses, maintenance under way, and the level the file declares of itself.
    pub fn level(&self, now: Timestamp) -> Level {
        let incidents = self
            .active_incidents()
            .into_iter()
            .map(|i| Level::from(i.impact));
        let components = self.components.iter().map(|c| Level::from(c.status));
        let maintenance = self
            .active_maintenance(now)
            .into_iter()
            .filter(|m| m.status != MaintenanceStatus::Scheduled)
            .map(|_| Level::Maintenance);
        let declared = self.declared.iter().map(|d| d.level);
        incidents
            .chain(components)
            .chain(maintenance)
            .chain(declared)
            .max()
            .unwrap_or(Level::Operational)
    }
}
