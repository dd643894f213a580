//! The one derivation of what the widget shows: a document, the element's settings and an
//! instant in, one [`StatusView`] out. The banner, the indicator, the status page, the element's
//! events and the headless `deriveStatus` all read it; none of them applies a rule of its own.

use super::items::{ItemView, ItemViews};
use crate::model::{Level, StatusDocument, Timestamp};
use std::rc::Rc;

/// The element's settings that change what is shown.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ViewSettings {
    /// Only what concerns these component ids (all when empty).
    pub components: Vec<String>,
    /// Older than this, the file claims nothing (`max-age`, in milliseconds).
    pub max_age_ms: Option<i64>,
    /// The status page to link to, over the file's own (`status-page`).
    pub status_page: Option<String>,
    /// How many days the status page's uptime bars cover (`uptime-days`; 90 when absent).
    #[cfg(feature = "page")]
    pub uptime_days: Option<u16>,
}

/// The overall state the widget shows: the file's level, or unknown while the file is older
/// than the element's `max-age` (then the widget claims nothing about the present). Every surface
/// (banner, indicator, page, events, `element.level`, `deriveStatus`) reads it from the view.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Overall {
    /// The file's overall level.
    Level(Level),
    /// The file is older than `max-age`.
    Unknown,
}

impl Overall {
    /// Its name in events, `element.level`, the `level` attribute and CSS classes: a level's
    /// name (`none`, `maintenance`, `minor`, `major`, `critical`) or `unknown`.
    pub fn name(self) -> &'static str {
        match self {
            Overall::Level(level) => level.name(),
            Overall::Unknown => "unknown",
        }
    }

    /// Whether the file is too old to claim anything.
    pub fn is_unknown(self) -> bool {
        self == Overall::Unknown
    }
}

/// Everything any surface shows, at one instant.
#[derive(Clone, Debug, PartialEq)]
pub struct StatusView {
    /// The document as shown: filtered to the element's components (shared, not copied, when
    /// there is no filter). Items point into it.
    pub document: Rc<StatusDocument>,
    /// The overall state shown: the level, or unknown for a file older than `max-age`.
    pub overall: Overall,
    /// Where "Status page" and the items without a page of their own link to.
    pub status_page: Option<String>,
    /// Active incidents, maintenance and notices, in display order.
    pub active: Vec<ItemView>,
    /// Scheduled maintenance more than 24 hours away, soonest first.
    pub upcoming: Vec<ItemView>,
    /// When it was derived.
    pub now: Timestamp,
    /// How many days the uptime bars cover.
    #[cfg(feature = "page")]
    pub uptime_days: u16,
}

impl StatusView {
    /// Resolved incidents, newest first, as indices into `document.incidents`: worked out only
    /// where asked for (the page, the report), since a banner never shows them, and paged by the
    /// reader ([`StatusView::history_item`] makes the view of one).
    pub fn history(&self) -> Vec<usize> {
        self.document.history_indices()
    }

    /// The view of the resolved incident `document.incidents[index]`.
    pub fn history_item(&self, index: usize) -> ItemView {
        self.items()
            .incident(index, &self.document.incidents[index])
    }

    /// Each component's uptime over the view's window (`uptime-days`), by the reader's local
    /// days: worked out only where asked for (the page, the report), like the history.
    #[cfg(feature = "page")]
    pub fn uptime(&self, local: &dyn super::LocalDays) -> Vec<super::ComponentUptime> {
        super::uptime(&self.document, self.uptime_days, self.now, local)
    }

    fn items(&self) -> ItemViews<'_> {
        ItemViews {
            doc: &self.document,
            status_page: self.status_page.as_deref(),
            now: self.now,
        }
    }
}

/// The document as the widget shows it: only what concerns `components`. Without a filter it
/// is the same document, shared rather than copied.
pub fn shown_document(doc: &Rc<StatusDocument>, components: &[String]) -> Rc<StatusDocument> {
    if components.is_empty() {
        return doc.clone();
    }
    let mut shown = StatusDocument::clone(doc);
    shown.retain_components(components);
    Rc::new(shown)
}

/// What the widget shows for `doc` under `settings` at `now`.
pub fn derive(doc: &Rc<StatusDocument>, settings: &ViewSettings, now: Timestamp) -> StatusView {
    let document = shown_document(doc, &settings.components);
    let status_page = settings
        .status_page
        .clone()
        .or_else(|| document.service.status_page.clone());
    let items = ItemViews {
        doc: &document,
        status_page: status_page.as_deref(),
        now,
    };
    let active = document
        .active_indices(now)
        .into_iter()
        .filter_map(|i| items.active(i))
        .collect();
    let upcoming = document
        .upcoming_maintenance_indices(now)
        .into_iter()
        .map(|i| items.maintenance(i, &document.maintenances[i]))
        .collect();
    let overall = if document.is_stale(now, settings.max_age_ms) {
        Overall::Unknown
    } else {
        Overall::Level(document.level(now))
    };
    StatusView {
        overall,
        status_page,
        active,
        upcoming,
        now,
        document,
        #[cfg(feature = "page")]
        uptime_days: settings.uptime_days.unwrap_or(super::DEFAULT_UPTIME_DAYS),
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::formats::{load_str, Format};
    use crate::model::{Impact, IncidentStatus, Text};
    use crate::view::{ItemKind, StatusEvent};

    fn doc() -> Rc<StatusDocument> {
        let text = include_str!("../../../../tests/fixtures/native-active.json");
        Rc::new(load_str(text, Format::Auto).unwrap().document)
    }

    fn t(s: &str) -> Timestamp {
        Timestamp::parse_rfc3339(s).unwrap()
    }

    #[test]
    fn the_update_event_follows_the_clock_and_the_components_shown() {
        let doc = doc();
        let at = t("2024-11-05T10:00:00Z");
        let update = |components: &[&str], now, max_age_ms| {
            let settings = ViewSettings {
                components: components.iter().map(|c| c.to_string()).collect(),
                max_age_ms,
                status_page: None,
                ..ViewSettings::default()
            };
            match StatusEvent::update(&derive(&doc, &settings, now), "s.json") {
                StatusEvent::Update {
                    overall, active, ..
                } => (overall, active),
                StatusEvent::Error { .. } => panic!("an update was expected"),
            }
        };
        let all = update(&[], at, Some(3_600_000));
        assert_eq!(all, (Overall::Level(Level::Major), 7));
        // Updated at 09:40: an hour's max-age runs out at 10:40 without the file changing, and
        // from then on the widget says the status is unknown, whatever the file's level.
        let late = update(&[], t("2024-11-05T10:41:00Z"), Some(3_600_000));
        assert_eq!(late.0, Overall::Unknown);
        assert_eq!(late.0.name(), "unknown");
        // The same file for an element showing only the web app.
        let (overall, active) = update(&["app"], at, None);
        assert_eq!(
            overall,
            Overall::Level(Level::Minor),
            "the web app has a minor incident only"
        );
        assert_eq!(
            active, 6,
            "its incident, one that names no component, both maintenance windows, both notices"
        );
    }

    #[test]
    fn banner_items_carry_text_times_component_names_and_links() {
        let view = derive(&doc(), &ViewSettings::default(), t("2024-11-05T10:00:00Z"));
        let items = &view.active;
        let ipad = &items[0];
        assert_eq!(ipad.title, "Login fails on iPad and Safari");
        assert_eq!(
            ipad.kind,
            ItemKind::Incident(Impact::Major, IncidentStatus::Identified)
        );
        assert!(ipad.kind.is_urgent());
        assert_eq!(
            ipad.text.as_ref().map(Text::as_str),
            Some("Logins from Safari fail. Use another browser or email support.")
        );
        assert_eq!(ipad.started_at, Some(t("2024-11-05T09:27:00Z")));
        assert_eq!(ipad.updated_at, Some(t("2024-11-05T09:37:00Z")));
        assert_eq!(ipad.components, ["Login"]);
        assert_eq!(
            ipad.link.as_deref(),
            Some("https://status.example.org/#ipad-login")
        );
        let kinds: Vec<&str> = items.iter().map(|i| i.kind.class()).collect();
        assert_eq!(
            kinds,
            [
                "impact-major",
                "impact-minor",
                "impact-minor",
                "maintenance",
                "maintenance",
                "notice-warning",
                "notice-info"
            ]
        );
        assert_eq!(items[3].kind, ItemKind::MaintenanceNow);
        assert_eq!(items[4].kind, ItemKind::MaintenancePlanned);
        assert_eq!(
            items[4].text.as_ref().map(Text::as_str),
            Some("Read-only for up to one hour.")
        );
        assert!(!items[1].kind.is_urgent());
    }

    #[test]
    fn the_status_page_attribute_overrides_the_files_link() {
        let settings = ViewSettings {
            status_page: Some("https://other.example/#top".into()),
            ..ViewSettings::default()
        };
        let view = derive(&doc(), &settings, t("2024-11-05T10:00:00Z"));
        assert_eq!(
            view.status_page.as_deref(),
            Some("https://other.example/#top")
        );
        assert_eq!(
            view.active[0].link.as_deref(),
            Some("https://other.example/#ipad-login")
        );
    }
}
