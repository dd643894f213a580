//! What the banner and indicator show, derived from the model without touching the browser:
//! one [`ItemView`] per active item, with its texts, times, component names and link.

use crate::model::{
    ActiveItem, DismissalKey, Impact, IncidentStatus, NoticeLevel, StatusDocument, Timestamp,
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

/// The items the banner shows at `now`, in order. `status_page` overrides the file's own.
pub fn banner_items(
    doc: &StatusDocument,
    now: Timestamp,
    status_page: Option<&str>,
) -> Vec<ItemView> {
    let status_page = status_page.or(doc.service.status_page.as_deref());
    let names = |ids: &[String]| -> Vec<String> {
        ids.iter()
            .map(|id| {
                doc.components
                    .iter()
                    .find(|c| c.id == *id)
                    .map_or_else(|| id.clone(), |c| c.name.clone())
            })
            .collect()
    };
    let anchored =
        |id: &str| status_page.map(|p| format!("{}#{id}", p.split('#').next().unwrap_or(p)));
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
                    updated_at: i.updates.iter().filter_map(|u| u.at).max(),
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
                    text: m
                        .updates
                        .iter()
                        .filter(|u| u.at.is_some())
                        .max_by_key(|u| u.at)
                        .map(|u| u.body.clone())
                        .or_else(|| m.body.clone()),
                    started_at: m.starts_at,
                    updated_at: m.updates.iter().filter_map(|u| u.at).max(),
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

/// The document as the widget shows it: only what concerns `components` (all when empty).
pub fn shown_document(doc: &StatusDocument, components: &[String]) -> StatusDocument {
    let mut shown = doc.clone();
    shown.retain_components(components);
    shown
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
