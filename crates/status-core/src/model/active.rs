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

/// Where an active item lies in its document: the index into its list, or the file's own overall
/// word. What [`StatusDocument::active_indices`] decides; [`StatusDocument::item_at`] resolves it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ActiveIndex {
    /// `incidents[i]`.
    Incident(usize),
    /// `maintenances[i]`.
    Maintenance(usize),
    /// `notices[i]`.
    Notice(usize),
    /// The file's own overall word (`declared`).
    Declared,
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
        let indices = self.active_incident_indices();
        indices.into_iter().map(|i| &self.incidents[i]).collect()
    }

    /// [`Self::active_incidents`] as indices into `incidents`.
    fn active_incident_indices(&self) -> Vec<usize> {
        order::positions_where(&self.incidents, Incident::is_active, |incident| {
            (
                order::descending(incident.impact as i64),
                order::descending(order::time_key(incident.last_activity())),
            )
        })
    }

    /// Maintenance the banner shows at `now`: in progress or verifying, or scheduled to start
    /// within 24 hours and not yet past its planned end.
    pub fn active_maintenance(&self, now: Timestamp) -> Vec<&Maintenance> {
        let indices = self.active_maintenance_indices(now);
        indices.into_iter().map(|i| &self.maintenances[i]).collect()
    }

    /// [`Self::active_maintenance`] as indices into `maintenances`.
    fn active_maintenance_indices(&self, now: Timestamp) -> Vec<usize> {
        let shown = |m: &Maintenance| match m.status {
            MaintenanceStatus::InProgress | MaintenanceStatus::Verifying => true,
            MaintenanceStatus::Scheduled => {
                m.starts_at
                    .is_some_and(|s| s <= now.plus_millis(MAINTENANCE_LEAD_MS))
                    && m.ends_at.is_none_or(|e| now < e)
            }
            MaintenanceStatus::Completed => false,
        };
        order::positions_where(&self.maintenances, shown, |m| {
            (
                i64::from(m.status == MaintenanceStatus::Scheduled),
                order::time_key(m.starts_at),
            )
        })
    }

    /// Notices whose window contains `now` (`starts_at <= now < ends_at`, either bound optional).
    pub fn active_notices(&self, now: Timestamp) -> Vec<&Notice> {
        let indices = self.active_notice_indices(now);
        indices.into_iter().map(|i| &self.notices[i]).collect()
    }

    /// [`Self::active_notices`] as indices into `notices`.
    fn active_notice_indices(&self, now: Timestamp) -> Vec<usize> {
        let within =
            |n: &Notice| n.starts_at.is_none_or(|s| s <= now) && n.ends_at.is_none_or(|e| now < e);
        order::positions_where(&self.notices, within, |n| {
            (
                i64::from(n.level != NoticeLevel::Warning),
                order::time_key(n.starts_at),
            )
        })
    }

    /// Where everything the banner shows at `now` lies, in display order.
    pub fn active_indices(&self, now: Timestamp) -> Vec<ActiveIndex> {
        let incidents = self.active_incident_indices().into_iter();
        let maintenance = self.active_maintenance_indices(now).into_iter();
        let notices = self.active_notice_indices(now).into_iter();
        let mut items: Vec<ActiveIndex> = incidents
            .map(ActiveIndex::Incident)
            .chain(maintenance.map(ActiveIndex::Maintenance))
            .chain(notices.map(ActiveIndex::Notice))
            .collect();
        // A file that states trouble and lists nothing that explains it still says so.
        if let Some(declared) = &self.declared {
            if items.is_empty() && declared.level > Level::Operational {
                items.push(ActiveIndex::Declared);
            }
        }
        items
    }

    /// The item at `index`, which [`Self::active_indices`] gave for this document (`None` for an
    /// index that is not this document's).
    pub fn item_at(&self, index: ActiveIndex) -> Option<ActiveItem<'_>> {
        Some(match index {
            ActiveIndex::Incident(i) => ActiveItem::Incident(self.incidents.get(i)?),
            ActiveIndex::Maintenance(i) => ActiveItem::Maintenance(self.maintenances.get(i)?),
            ActiveIndex::Notice(i) => ActiveItem::Notice(self.notices.get(i)?),
            ActiveIndex::Declared => ActiveItem::Notice(&self.declared.as_ref()?.notice),
        })
    }

    /// Everything the banner shows at `now`, in display order.
    pub fn active_items(&self, now: Timestamp) -> Vec<ActiveItem<'_>> {
        let indices = self.active_indices(now);
        indices
            .into_iter()
            .filter_map(|i| self.item_at(i))
            .collect()
    }

    /// Scheduled maintenance starting more than 24 hours after `now`, soonest first.
    pub fn upcoming_maintenance(&self, now: Timestamp) -> Vec<&Maintenance> {
        let indices = self.upcoming_maintenance_indices(now);
        indices.into_iter().map(|i| &self.maintenances[i]).collect()
    }

    /// [`Self::upcoming_maintenance`] as indices into `maintenances`.
    pub fn upcoming_maintenance_indices(&self, now: Timestamp) -> Vec<usize> {
        let later = |m: &Maintenance| {
            m.status == MaintenanceStatus::Scheduled
                && m.starts_at
                    .is_some_and(|s| s > now.plus_millis(MAINTENANCE_LEAD_MS))
        };
        order::positions_where(&self.maintenances, later, |m| {
            (0, order::time_key(m.starts_at))
        })
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
        let resolved = |incident: &Incident| !incident.is_active();
        order::positions_where(&self.incidents, resolved, |incident| {
            (
                0,
                order::descending(order::time_key(
                    incident.started_at.or(incident.resolved_at),
                )),
            )
        })
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
