//! What the widget shows, derived from the model without touching the browser: one
//! [`ItemView`] per active banner item, timelines grouped by day, durations, relative times.

use std::rc::Rc;

use crate::model::{
    last_update_at, latest_timed_update, ActiveItem, DismissalKey, Impact, IncidentStatus, Level,
    NoticeLevel, StatusDocument, Timestamp, Update,
};

/// What kind of item, for its style and its label.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ItemKind {
    /// An incident with its impact and status.
    Incident(Impact, IncidentStatus),
    /// Maintenance under way.
    MaintenanceNow,
    /// Maintenance starting within 24 hours.
    MaintenancePlanned,
    /// A notice.
    Notice(NoticeLevel),
}

impl ItemKind {
    /// The CSS class (and `::part()` name) of the item: `impact-major`, `maintenance`, `notice-info`…
    pub fn class(self) -> &'static str {
        match self {
            ItemKind::Incident(Impact::None, _) => "impact-none",
            ItemKind::Incident(Impact::Minor, _) => "impact-minor",
            ItemKind::Incident(Impact::Major, _) => "impact-major",
            ItemKind::Incident(Impact::Critical, _) => "impact-critical",
            ItemKind::MaintenanceNow | ItemKind::MaintenancePlanned => "maintenance",
            ItemKind::Notice(NoticeLevel::Info) => "notice-info",
            ItemKind::Notice(NoticeLevel::Warning) => "notice-warning",
        }
    }

    /// Whether its appearance should interrupt a screen reader (`role="alert"`).
    pub fn is_urgent(self) -> bool {
        matches!(
            self,
            ItemKind::Incident(Impact::Major | Impact::Critical, _)
        )
    }
}

/// One banner item, ready to render.
#[derive(Clone, Debug, PartialEq)]
pub struct ItemView {
    /// Identifies the item at its current revision, for dismissal.
    pub key: DismissalKey,
    /// Its kind.
    pub kind: ItemKind,
    /// Headline.
    pub title: String,
    /// The banner text, latest update or description.
    pub text: Option<String>,
    /// When it started (planned start for maintenance and notices).
    pub started_at: Option<Timestamp>,
    /// When it was last updated.
    pub updated_at: Option<Timestamp>,
    /// Planned end of maintenance.
    pub ends_at: Option<Timestamp>,
    /// Names of the affected components.
    pub components: Vec<String>,
    /// Where to read more: the item's own page, else the status page (at the item's anchor).
    pub link: Option<String>,
}

/// Component ids as the reader knows them: their names, or the id where the file has none.
pub fn component_names(doc: &StatusDocument, ids: &[String]) -> Vec<String> {
    ids.iter()
        .map(|id| {
            doc.components
                .iter()
                .find(|c| c.id == *id)
                .map_or_else(|| id.clone(), |c| c.name.clone())
        })
        .collect()
}

/// An id as a URL fragment: every byte but letters, digits and `-._~` percent-encoded, so that an
/// id with spaces or other characters still makes a well-formed link. The status page decodes the
/// fragment (`decodeURIComponent`) before matching it to an id.
pub fn fragment(id: &str) -> String {
    let mut out = String::with_capacity(id.len());
    for byte in id.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~".contains(&byte) {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// The items the banner shows at `now`, in order. `status_page` overrides the file's own.
pub fn banner_items(
    doc: &StatusDocument,
    now: Timestamp,
    status_page: Option<&str>,
) -> Vec<ItemView> {
    let status_page = status_page.or(doc.service.status_page.as_deref());
    let names = |ids: &[String]| component_names(doc, ids);
    let anchored = |id: &str| {
        status_page.map(|p| format!("{}#{}", p.split('#').next().unwrap_or(p), fragment(id)))
    };
    doc.active_items(now)
        .iter()
        .map(|item| {
            let key = DismissalKey::of(item);
            match item {
                ActiveItem::Incident(i) => ItemView {
                    key,
                    kind: ItemKind::Incident(i.impact, i.status),
                    title: i.title.clone(),
                    text: i.banner_text().map(str::to_owned),
                    started_at: i.started_at,
                    updated_at: last_update_at(&i.updates),
                    ends_at: None,
                    components: names(&i.components),
                    link: i.url.clone().or_else(|| anchored(&i.id)),
                },
                ActiveItem::Maintenance(m) => ItemView {
                    key,
                    kind: if m.starts_at.is_some_and(|s| s > now)
                        && m.status == crate::model::MaintenanceStatus::Scheduled
                    {
                        ItemKind::MaintenancePlanned
                    } else {
                        ItemKind::MaintenanceNow
                    },
                    title: m.title.clone(),
                    text: latest_timed_update(&m.updates)
                        .map(|u| u.body.clone())
                        .or_else(|| m.body.clone()),
                    started_at: m.starts_at,
                    updated_at: last_update_at(&m.updates),
                    ends_at: m.ends_at,
                    components: names(&m.components),
                    link: m.url.clone().or_else(|| anchored(&m.id)),
                },
                ActiveItem::Notice(n) => ItemView {
                    key,
                    kind: ItemKind::Notice(n.level),
                    title: n.title.clone(),
                    text: n.body.clone(),
                    started_at: None,
                    updated_at: None,
                    ends_at: None,
                    components: Vec::new(),
                    link: n.url.clone(),
                },
            }
        })
        .collect()
}

/// What the element's events say, worked out from what the widget shows, so that an event always
/// matches the screen under the element's current attributes.
#[derive(Clone, PartialEq)]
pub enum StatusEvent {
    /// `status-widget:update`: a status file was read; what it means at this instant.
    Update {
        /// The overall level shown.
        level: Level,
        /// How many items are active.
        active: usize,
        /// The file is older than `max-age`, so the widget claims nothing.
        stale: bool,
        /// The file's final URL.
        source: String,
        /// The file's own `updated_at`.
        updated_at: Option<Timestamp>,
    },
    /// `status-widget:error`: no source gave a usable file (the last good status stays shown).
    Error {
        /// `network`, `http`, `timeout`, `parse` or `config`.
        kind: &'static str,
        /// What went wrong at each source.
        message: String,
    },
}

impl StatusEvent {
    /// The update event for `doc` (already filtered to the element's components) at `now`.
    pub fn update(
        doc: &StatusDocument,
        now: Timestamp,
        max_age_ms: Option<i64>,
        source: &str,
    ) -> Self {
        StatusEvent::Update {
            level: doc.level(now),
            active: doc.active_items(now).len(),
            stale: doc.is_stale(now, max_age_ms),
            source: source.to_owned(),
            updated_at: doc.updated_at,
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

/// Splits a timeline into runs of consecutive entries on the same day, as `day_of` names days
/// (the reader's local day for timed entries, the written day for untimed notes). An entry with
/// neither stays with the run before it, so every note keeps its place.
pub fn group_by_day<'a, K: PartialEq>(
    updates: &'a [Update],
    day_of: impl Fn(&Update) -> Option<K>,
) -> Vec<(Option<K>, Vec<&'a Update>)> {
    let mut groups: Vec<(Option<K>, Vec<&'a Update>)> = Vec::new();
    for update in updates {
        let day = day_of(update);
        match groups.last_mut() {
            Some((last, entries)) if day.is_none() || last.as_ref() == day.as_ref() => {
                entries.push(update)
            }
            _ => groups.push((day, vec![update])),
        }
    }
    groups
}

/// How long something lasted, as whole days, hours and minutes, leaving out zero parts
/// (`[(4, "day"), (3, "hour"), (30, "minute")]`); under a minute is `[(0, "minute")]`.
pub fn duration_parts(ms: i64) -> Vec<(u64, &'static str)> {
    let minutes = (ms.max(0) / 60_000) as u64;
    let parts: Vec<(u64, &'static str)> = [
        (minutes / 1440, "day"),
        (minutes / 60 % 24, "hour"),
        (minutes % 60, "minute"),
    ]
    .into_iter()
    .filter(|(n, _)| *n > 0)
    .collect();
    if parts.is_empty() {
        vec![(0, "minute")]
    } else {
        parts
    }
}

/// Chooses the unit for "5 minutes ago": the value (negative in the past) and an
/// `Intl.RelativeTimeFormat` unit, rounding to the largest unit that fits.
pub fn relative_parts(delta_ms: i64) -> (f64, &'static str) {
    let seconds = delta_ms as f64 / 1000.0;
    let abs = seconds.abs();
    let (value, unit) = if abs < 45.0 {
        (seconds, "second")
    } else if abs < 45.0 * 60.0 {
        (seconds / 60.0, "minute")
    } else if abs < 22.0 * 3600.0 {
        (seconds / 3600.0, "hour")
    } else if abs < 26.0 * 86_400.0 {
        (seconds / 86_400.0, "day")
    } else if abs < 320.0 * 86_400.0 {
        (seconds / (30.44 * 86_400.0), "month")
    } else {
        (seconds / (365.25 * 86_400.0), "year")
    };
    // Seconds are shown as "now" by numeric: "auto" only at exactly 0.
    let value = if unit == "second" { 0.0 } else { value.round() };
    (value, unit)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn ids_become_fragments_that_decode_back_to_them() {
        assert_eq!(fragment("2024-11-04-new-logins"), "2024-11-04-new-logins");
        assert_eq!(fragment("pagemail support."), "pagemail%20support.");
        assert_eq!(fragment("a#b/ü"), "a%23b%2F%C3%BC");
    }
    use crate::model::{load_str, Format};

    fn doc() -> StatusDocument {
        let text = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/native-active.json"
        ))
        .unwrap();
        load_str(&text, Format::Auto).unwrap().document
    }

    fn t(s: &str) -> Timestamp {
        Timestamp::parse_rfc3339(s).unwrap()
    }

    #[test]
    fn the_update_event_follows_the_clock_and_the_components_shown() {
        let doc = Rc::new(doc());
        let at = t("2024-11-05T10:00:00Z");
        let update = |doc: &StatusDocument, now, max_age| match StatusEvent::update(
            doc, now, max_age, "s.json",
        ) {
            StatusEvent::Update {
                level,
                active,
                stale,
                ..
            } => (level, active, stale),
            StatusEvent::Error { .. } => panic!("an update was expected"),
        };
        let all = update(&doc, at, Some(3_600_000));
        assert_eq!(
            all,
            (Level::Critical, banner_items(&doc, at, None).len(), false)
        );
        // Updated at 09:40: an hour's max-age runs out at 10:40 without the file changing.
        assert!(update(&doc, t("2024-11-05T10:41:00Z"), Some(3_600_000)).2);
        // The same file for an element showing only the web app.
        let app = shown_document(&doc, &["app".to_owned()]);
        let (level, active, _) = update(&app, at, None);
        assert_eq!(level, Level::Minor, "the web app has a minor incident only");
        assert_eq!(active, banner_items(&app, at, None).len());
        assert!(active < all.1);
    }

    #[test]
    fn banner_items_carry_text_times_component_names_and_links() {
        let doc = doc();
        let items = banner_items(&doc, t("2024-11-05T10:00:00Z"), None);
        let ipad = &items[0];
        assert_eq!(ipad.title, "Login fails on iPad and Safari");
        assert_eq!(
            ipad.kind,
            ItemKind::Incident(Impact::Major, IncidentStatus::Identified)
        );
        assert!(ipad.kind.is_urgent());
        assert_eq!(
            ipad.text.as_deref(),
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
            items[4].text.as_deref(),
            Some("Read-only for up to one hour.")
        );
        assert!(!items[1].kind.is_urgent());
    }

    #[test]
    fn the_status_page_attribute_overrides_the_files_link() {
        let doc = doc();
        let items = banner_items(
            &doc,
            t("2024-11-05T10:00:00Z"),
            Some("https://other.example/#top"),
        );
        assert_eq!(
            items[0].link.as_deref(),
            Some("https://other.example/#ipad-login")
        );
    }

    #[test]
    fn the_seed_timeline_groups_into_five_days_with_notes_in_place() {
        let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/www/status.json"))
            .unwrap();
        let doc = load_str(&text, Format::Auto).unwrap().document;
        let groups = group_by_day(&doc.incidents[0].updates, |u| u.utc_day());
        let sizes: Vec<usize> = groups.iter().map(|(_, g)| g.len()).collect();
        assert_eq!(
            sizes,
            [4, 5, 2, 1, 2],
            "Monday to Friday, each day's note last in its day"
        );
        assert_eq!(
            groups[0].1[3].at, None,
            "Monday's untimed note closes Monday"
        );
        // A reader eight hours behind UTC sees Tuesday 06:30Z on Monday evening.
        let pacific = group_by_day(&doc.incidents[0].updates, |u| {
            u.at.map(|t| t.plus_millis(-8 * 3_600_000).utc_date())
                .or(u.day)
        });
        assert_eq!(
            pacific.len(),
            6,
            "Monday, Tuesday's 06:30 back on Monday, …"
        );
    }

    #[test]
    fn untimed_undated_entries_stay_with_the_day_before() {
        let update = |at: Option<&str>, body: &str| Update {
            at: at.map(t),
            day: None,
            approximate: false,
            status: None,
            body: body.into(),
        };
        let updates = [
            update(Some("2024-11-04T07:30:00Z"), "a"),
            update(None, "b"),
            update(Some("2024-11-05T07:30:00Z"), "c"),
        ];
        let groups = group_by_day(&updates, |u| u.utc_day());
        assert_eq!(groups.len(), 2);
        assert_eq!(
            groups[0]
                .1
                .iter()
                .map(|u| u.body.as_str())
                .collect::<Vec<_>>(),
            ["a", "b"]
        );
    }

    #[test]
    fn durations_leave_out_zero_parts() {
        let seed =
            t("2024-11-08T11:00:00Z").unix_millis() - t("2024-11-04T07:30:00Z").unix_millis();
        assert_eq!(
            duration_parts(seed),
            [(4, "day"), (3, "hour"), (30, "minute")]
        );
        assert_eq!(duration_parts(2 * 3_600_000), [(2, "hour")]);
        assert_eq!(duration_parts(20_000), [(0, "minute")]);
        assert_eq!(duration_parts(-5), [(0, "minute")]);
    }

    #[test]
    fn relative_times_round_to_the_largest_fitting_unit() {
        assert_eq!(relative_parts(-10_000), (0.0, "second"));
        assert_eq!(relative_parts(-5 * 60_000), (-5.0, "minute"));
        assert_eq!(relative_parts(-90 * 60_000), (-2.0, "hour"));
        assert_eq!(relative_parts(3 * 3_600_000), (3.0, "hour"));
        assert_eq!(relative_parts(-3 * 86_400_000), (-3.0, "day"));
        assert_eq!(relative_parts(-60 * 86_400_000), (-2.0, "month"));
        assert_eq!(relative_parts(-800 * 86_400_000), (-2.0, "year"));
    }
}
