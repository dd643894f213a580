//! What a file records of the past beyond its entries' own fields, for the status page's uptime
//! bars (`crate::view::uptime`): when each component's record begins, the component states an
//! incident's updates set (Statuspage's `affected_components`, format v1's `components` on an
//! update), and uptime figures a monitor published itself (Upptime). Only the page build reads
//! it; the banner's build leaves it out.

use super::{CalendarDate, ComponentStatus, Timestamp};

/// The past as the file records it, keyed by ids so that it holds when the document is filtered
/// to some components.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct History {
    /// When a component's record begins (Statuspage's `start_date`, else `created_at`; format
    /// v1's `created_at`), by component id.
    pub since: Vec<(String, Timestamp)>,
    /// Component states set by incident updates, in the file's order.
    pub changes: Vec<StateChange>,
    /// Uptime a monitor worked out itself, by component.
    pub declared: Vec<DeclaredUptime>,
}

/// One update's word on one component: from `at`, it is `to` (it was `from` before, when said).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StateChange {
    /// The incident the update belongs to (its id).
    pub incident: String,
    /// When the update was posted.
    pub at: Timestamp,
    /// The component's id.
    pub component: String,
    /// Its state before, when the file says (Statuspage's `old_status`).
    pub from: Option<ComponentStatus>,
    /// Its state from `at`.
    pub to: ComponentStatus,
}

/// A monitor's own record of one component (Upptime's `dailyMinutesDown` and uptime figures).
#[derive(Clone, Debug, PartialEq)]
pub struct DeclaredUptime {
    /// The component's id.
    pub component: String,
    /// Minutes down on each day that had any, by the monitor's (UTC) date.
    pub daily_minutes_down: Vec<(CalendarDate, u32)>,
    /// The monitor's own uptime percentages by the length of their window in days (Upptime's
    /// week, month and year: 7, 30 and 365).
    pub percent: Vec<(u16, f64)>,
}

impl History {
    /// When the record of `component` begins, when the file says.
    pub fn since(&self, component: &str) -> Option<Timestamp> {
        self.since
            .iter()
            .find(|(id, _)| id == component)
            .map(|(_, t)| *t)
    }

    /// The monitor's own record of `component`, when there is one.
    pub fn declared(&self, component: &str) -> Option<&DeclaredUptime> {
        self.declared.iter().find(|d| d.component == component)
    }
}
