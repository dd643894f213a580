//! The status document as the widget understands it, whichever format it was read from.
//! See `www/status.schema.json` and the README for the JSON that produces it.

use super::text::Text;
use super::time::{CalendarDate, Timestamp};

/// The whole status file, read and normalised.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct StatusDocument {
    /// The service the status is about.
    pub service: Service,
    /// When the status file was last written; used by the `max-age` staleness check.
    pub updated_at: Option<Timestamp>,
    /// Parts of the service with their current status, in document order.
    pub components: Vec<Component>,
    /// Free-standing messages with an optional time window.
    pub notices: Vec<Notice>,
    /// Planned work.
    pub maintenances: Vec<Maintenance>,
    /// Incidents, active and past, in document order.
    pub incidents: Vec<Incident>,
    /// The language the file's plain strings are in (format v1's `language`), when it says.
    pub language: Option<std::rc::Rc<str>>,
    /// Every language its texts are in: `language` first, then each tag of its translated texts
    /// as it first appears (the page build only: `feed` writes a feed for each).
    #[cfg(feature = "page")]
    pub languages: Vec<std::rc::Rc<str>>,
    /// The overall state the file states of itself (Statuspage's `status`), which may be ahead
    /// of or behind its entries.
    pub declared: Option<DeclaredStatus>,
    /// What the file records of the past for the status page's uptime bars (the page build only).
    #[cfg(feature = "page")]
    pub history: super::History,
}

/// A file's own word on the overall state (Statuspage's `status.indicator` and `description`).
/// The level shown is the worse of it and what the entries say; when nothing else is active and
/// it is not `none`, the banner shows it as a line of its own, so a file that only says "Partial
/// System Outage" is never read as all fine.
#[derive(Clone, Debug, PartialEq)]
pub struct DeclaredStatus {
    /// The stated level.
    pub level: Level,
    /// The line the banner shows for it: the description, linking to the status page.
    pub notice: Notice,
}

impl DeclaredStatus {
    /// The file's own word: `level`, shown as the line `title` linking to `url` (a warning, or
    /// information for maintenance).
    pub fn new(level: Level, title: impl Into<Text>, url: Option<String>) -> Self {
        DeclaredStatus {
            level,
            notice: Notice {
                id: "status".into(),
                title: title.into(),
                body: None,
                level: if level == Level::Maintenance {
                    NoticeLevel::Info
                } else {
                    NoticeLevel::Warning
                },
                starts_at: None,
                ends_at: None,
                url,
            },
        }
    }
}

/// What the service is and how to reach the people running it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Service {
    /// The service's name, such as "Lambda Feedback".
    pub name: Option<Text>,
    /// One sentence on what the service promises, shown at the top of the status page.
    pub description: Option<Text>,
    /// A longer paragraph on what the status page is for.
    pub about: Option<Text>,
    /// The service itself.
    pub url: Option<String>,
    /// The full status page, linked from the banner.
    pub status_page: Option<String>,
    /// Ways to contact the team, shown to people who cannot log in.
    pub contact: Vec<ContactLink>,
}

/// A labelled link (`mailto:`, `https:` or `http:`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ContactLink {
    /// What the reader sees, such as "Email support".
    pub label: Text,
    /// Where it goes; checked by [`super::links::safe_href`].
    pub href: String,
}

/// One part of the service, such as "Login".
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Component {
    /// Stable identifier that incidents refer to.
    pub id: String,
    /// What the reader sees.
    pub name: Text,
    /// Its current status.
    pub status: ComponentStatus,
}

/// A message with an optional time window, such as a note about exam week.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    /// Stable identifier, used to remember dismissal.
    pub id: String,
    /// Headline.
    pub title: Text,
    /// What it says.
    pub body: Option<Text>,
    /// How prominently to show it.
    pub level: NoticeLevel,
    /// Shown from this instant (always, when absent).
    pub starts_at: Option<Timestamp>,
    /// Shown until just before this instant (forever, when absent).
    pub ends_at: Option<Timestamp>,
    /// Where to read more.
    pub url: Option<String>,
}

/// Planned work on the service.
#[derive(Clone, Debug, PartialEq)]
pub struct Maintenance {
    /// Stable identifier.
    pub id: String,
    /// Headline.
    pub title: Text,
    /// Where the work stands.
    pub status: MaintenanceStatus,
    /// Planned start.
    pub starts_at: Option<Timestamp>,
    /// Planned end.
    pub ends_at: Option<Timestamp>,
    /// Ids of the affected components.
    pub components: Vec<String>,
    /// What the work is.
    pub body: Option<Text>,
    /// Where to read more.
    pub url: Option<String>,
    /// Progress notes, oldest first.
    pub updates: Vec<Update>,
}

/// Something that went wrong, with its timeline and what was learned.
#[derive(Clone, Debug, PartialEq)]
pub struct Incident {
    /// Stable identifier; also the permalink fragment (`#id`).
    pub id: String,
    /// Headline.
    pub title: Text,
    /// How badly the service is affected.
    pub impact: Impact,
    /// Where the response stands.
    pub status: IncidentStatus,
    /// When the trouble began.
    pub started_at: Option<Timestamp>,
    /// When it was resolved.
    pub resolved_at: Option<Timestamp>,
    /// Ids of the affected components.
    pub components: Vec<String>,
    /// The release or deployment involved, such as "b506".
    pub release: Option<String>,
    /// What happened, in a paragraph.
    pub summary: Option<Text>,
    /// Short text for the login-page banner; the latest update's body when absent.
    pub banner: Option<Text>,
    /// The incident's own page (Statuspage's `shortlink`).
    pub url: Option<String>,
    /// The timeline, oldest first, untimed day notes in their place.
    pub updates: Vec<Update>,
    /// Lessons learned, one per item.
    pub lessons: Vec<Text>,
    /// Concluding points, one per item.
    pub conclusion: Vec<Text>,
}

/// One entry of a timeline.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Update {
    /// When it happened or was posted.
    pub at: Option<Timestamp>,
    /// The day an untimed note belongs to, such as "throughout the day" findings.
    pub day: Option<CalendarDate>,
    /// True when `at` is approximate ("11:00am (approx)").
    pub approximate: bool,
    /// The incident's status as of this update, when the update changed it.
    pub status: Option<IncidentStatus>,
    /// What happened.
    pub body: Text,
}

impl Update {
    /// The calendar day (UTC) this entry belongs to, for grouping a timeline by day.
    pub fn utc_day(&self) -> Option<CalendarDate> {
        self.day.or_else(|| self.at.map(Timestamp::utc_date))
    }
}

/// The most recent timed entry of a timeline (the last in order among equal times).
pub fn latest_timed_update(updates: &[Update]) -> Option<&Update> {
    updates
        .iter()
        .filter(|u| u.at.is_some())
        .max_by_key(|u| u.at)
}

/// When a timeline was last updated: the latest time in it.
pub fn last_update_at(updates: &[Update]) -> Option<Timestamp> {
    updates.iter().filter_map(|u| u.at).max()
}

impl Incident {
    /// The most recent timed update (the last in document order among equal times), else the
    /// last entry.
    pub fn latest_update(&self) -> Option<&Update> {
        latest_timed_update(&self.updates).or_else(|| self.updates.last())
    }

    /// The text for the login-page banner: `banner`, else the latest update, else the summary.
    pub fn banner_text(&self) -> Option<Text> {
        match (&self.banner, self.latest_update()) {
            (Some(banner), _) => Some(banner.clone()),
            (None, Some(update)) => Some(update.body.clone()),
            (None, None) => self.summary.clone(),
        }
    }

    /// When anything last happened: the latest update, else the start.
    pub fn last_activity(&self) -> Option<Timestamp> {
        last_update_at(&self.updates).or(self.started_at)
    }

    /// Whether the incident is still going on.
    pub fn is_active(&self) -> bool {
        self.status != IncidentStatus::Resolved
    }
}

/// Values from a fixed vocabulary, read leniently: an unknown name falls back to [`Self::FALLBACK`].
pub trait Vocabulary: Sized + Copy + 'static {
    /// What the value is called in messages ("impact").
    const WHAT: &'static str;
    /// Every known name, for messages.
    const NAMES: &'static [&'static str];
    /// The nearest safe meaning of a name this widget does not know.
    const FALLBACK: Self;
    /// The value a name stands for.
    fn from_name(name: &str) -> Option<Self>;
    /// The value's name in the status format.
    fn name(self) -> &'static str;
}

macro_rules! vocabulary {
    ($(#[$doc:meta])* $ty:ident, $what:literal, fallback $fallback:ident,
     { $($(#[$vdoc:meta])* $variant:ident = $name:literal $(| $alias:literal)*),+ $(,)? }
     $(unlisted { $(#[$udoc:meta])* $unlisted:ident = $uname:literal })?) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum $ty { $($(#[$vdoc])* $variant,)+ $($(#[$udoc])* $unlisted)? }

        impl Vocabulary for $ty {
            const WHAT: &'static str = $what;
            const NAMES: &'static [&'static str] = &[$($name),+];
            const FALLBACK: Self = $ty::$fallback;
            fn from_name(name: &str) -> Option<Self> {
                match name {
                    $($name $(| $alias)* => Some($ty::$variant),)+
                    _ => None,
                }
            }
            fn name(self) -> &'static str {
                match self { $($ty::$variant => $name,)+ $($ty::$unlisted => $uname)? }
            }
        }
    };
}

vocabulary!(
    /// How badly an incident affects the service, least to most severe.
    Impact, "impact", fallback Minor, {
        /// Noted, with no effect on users.
        None = "none",
        /// Some users or features affected.
        Minor = "minor",
        /// Many users affected.
        Major = "major",
        /// The service is down.
        Critical = "critical",
    }
);

vocabulary!(
    /// Where an incident's response stands. `Unknown` is a status this widget does not know,
    /// which counts as not resolved.
    IncidentStatus, "incident status", fallback Unknown, {
        /// Looking for the cause.
        Investigating = "investigating",
        /// Cause found, fix under way.
        Identified = "identified",
        /// Fix applied, watching.
        Monitoring = "monitoring",
        /// Over. Statuspage's `postmortem` (resolved, write-up published) reads as this.
        Resolved = "resolved" | "postmortem",
    }
    unlisted {
        /// A status this widget does not know; treated as ongoing.
        Unknown = "unknown"
    }
);

vocabulary!(
    /// Where planned work stands.
    MaintenanceStatus, "maintenance status", fallback Scheduled, {
        /// Planned.
        Scheduled = "scheduled",
        /// Under way.
        InProgress = "in_progress",
        /// Done, being checked.
        Verifying = "verifying",
        /// Finished.
        Completed = "completed",
    }
);

vocabulary!(
    /// A component's current status, best to worst (maintenance sorts with operational work).
    ComponentStatus, "component status", fallback Unknown, {
        /// Working normally.
        Operational = "operational",
        /// Planned work.
        UnderMaintenance = "under_maintenance",
        /// Slow or flaky.
        DegradedPerformance = "degraded_performance",
        /// Down for some.
        PartialOutage = "partial_outage",
        /// Down.
        MajorOutage = "major_outage",
    }
    unlisted {
        /// A status this widget does not know; counted as degraded rather than as working.
        Unknown = "unknown"
    }
);

vocabulary!(
    /// How prominently a notice is shown.
    NoticeLevel, "notice level", fallback Info, {
        /// For information.
        Info = "info",
        /// Needs attention.
        Warning = "warning",
    }
);

/// The service's overall state, least to most severe, in Statuspage's indicator vocabulary.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Level {
    /// All systems operational.
    Operational,
    /// Planned work under way.
    Maintenance,
    /// Degraded performance or a minor incident.
    Minor,
    /// Partial outage or a major incident.
    Major,
    /// Major outage or a critical incident.
    Critical,
}

impl Level {
    /// The indicator's name: `none`, `maintenance`, `minor`, `major` or `critical`.
    pub fn name(self) -> &'static str {
        match self {
            Level::Operational => "none",
            Level::Maintenance => "maintenance",
            Level::Minor => "minor",
            Level::Major => "major",
            Level::Critical => "critical",
        }
    }
}

impl From<Impact> for Level {
    fn from(impact: Impact) -> Self {
        match impact {
            Impact::None => Level::Operational,
            Impact::Minor => Level::Minor,
            Impact::Major => Level::Major,
            Impact::Critical => Level::Critical,
        }
    }
}

/// A component's status counts toward the overall level on Statuspage's own scale, the scale the
/// vocabulary comes from: every Statuspage capture we hold (`tests/real_documents.json`) shows a
/// partial outage as indicator `minor` and a major outage as `major`. Only an incident's impact or
/// the file's own indicator says `critical`; the level is never less than either.
impl From<ComponentStatus> for Level {
    fn from(status: ComponentStatus) -> Self {
        match status {
            ComponentStatus::Operational => Level::Operational,
            ComponentStatus::UnderMaintenance => Level::Maintenance,
            ComponentStatus::DegradedPerformance
            | ComponentStatus::PartialOutage
            | ComponentStatus::Unknown => Level::Minor,
            ComponentStatus::MajorOutage => Level::Major,
        }
    }
}
