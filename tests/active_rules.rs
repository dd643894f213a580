//! What is active at an instant: the banner's contents and order, upcoming work, the level.
#![cfg(not(target_arch = "wasm32"))]

mod native_support;
use native_support::*;
use status_core::model::{ActiveItem, ComponentStatus, Level, StatusDocument, Text, Timestamp};
use status_core::view::{derive, ItemView, Overall, StatusView, ViewSettings};
use std::rc::Rc;

fn ids(items: &[ItemView]) -> Vec<String> {
    items.iter().map(|i| i.id.clone()).collect()
}

/// What the widget shows for `doc` at `now`, with an element's default settings.
fn shown(doc: &StatusDocument, now: Timestamp) -> StatusView {
    derive(&Rc::new(doc.clone()), &ViewSettings::default(), now)
}

#[test]
fn incidents_come_most_severe_first_then_most_recent() {
    let doc = load_fixture("native-active.json").document;
    let now = shown(&doc, t("2024-11-05T10:00:00Z"));
    let incident_ids: Vec<&str> = doc
        .active_incidents()
        .iter()
        .map(|i| i.id.as_str())
        .collect();
    assert_eq!(incident_ids, ["ipad-login", "slow-pages", "old-minor"]);
    assert_eq!(
        now.overall,
        Overall::Level(Level::Major),
        "a major incident, and the login component in a major outage (major on Statuspage's scale)"
    );
}

#[test]
fn the_banner_lists_incidents_then_maintenance_then_notices() {
    let doc = load_fixture("native-active.json").document;
    let now = shown(&doc, t("2024-11-05T10:00:00Z"));
    assert_eq!(
        ids(&now.active),
        [
            "ipad-login",
            "slow-pages",
            "old-minor", // incidents
            "cdn-swap",
            "db-upgrade", // in progress, then starting within 24 h
            "password-reset",
            "exam-week", // warning first, then info; "expired" is over
        ]
    );
    assert_eq!(ids(&now.upcoming), ["far-future"]);
    let history: Vec<String> = now
        .history()
        .into_iter()
        .map(|i| now.history_item(i).id)
        .collect();
    assert_eq!(history, ["last-week"]);
}

#[test]
fn scheduled_maintenance_enters_the_banner_24_hours_before_and_leaves_at_its_end() {
    let doc = load_fixture("native-active.json").document;
    let shows = |now: &str| ids(&shown(&doc, t(now)).active).contains(&"db-upgrade".to_owned());
    assert!(!shows("2024-11-05T05:59:59Z"));
    assert!(shows("2024-11-05T06:00:00Z"));
    assert!(
        shows("2024-11-06T06:59:59Z"),
        "still scheduled while it should be running"
    );
    assert!(!shows("2024-11-06T07:00:00Z"), "past its planned end");
}

#[test]
fn notice_windows_include_the_start_and_exclude_the_end() {
    let doc = load_fixture("native-active.json").document;
    let shows = |now: &str| ids(&shown(&doc, t(now)).active).contains(&"exam-week".to_owned());
    assert!(!shows("2024-11-03T23:59:59.999Z"));
    assert!(shows("2024-11-04T00:00:00Z"));
    assert!(shows("2024-11-08T23:59:59.999Z"));
    assert!(!shows("2024-11-09T00:00:00Z"));
    // An offset start: 09:00+01:00 is 08:00Z.
    let warn = |now: &str| ids(&shown(&doc, t(now)).active).contains(&"password-reset".to_owned());
    assert!(!warn("2024-11-05T07:59:59Z"));
    assert!(warn("2024-11-05T08:00:00Z"));
}

#[test]
fn the_level_is_the_worst_of_incidents_components_and_work_under_way() {
    let mut doc = load_fixture("native-active.json").document;
    let now = t("2024-11-05T10:00:00Z");
    assert_eq!(
        doc.level(now),
        Level::Major,
        "a major incident, a component's major outage"
    );
    doc.incidents
        .retain(|i| i.impact < status_core::model::Impact::Major);
    assert_eq!(
        doc.level(now),
        Level::Major,
        "the login component's major outage is major on Statuspage's scale"
    );
    doc.components[0].status = ComponentStatus::PartialOutage;
    assert_eq!(
        doc.level(now),
        Level::Minor,
        "a partial outage is minor on Statuspage's scale"
    );
    doc.components.clear();
    assert_eq!(doc.level(now), Level::Minor, "slow pages is minor");
    doc.incidents.clear();
    assert_eq!(
        doc.level(now),
        Level::Maintenance,
        "cdn-swap is in progress"
    );
    doc.maintenances.clear();
    assert_eq!(doc.level(now), Level::Operational);
    assert!(doc
        .active_items(now)
        .iter()
        .all(|i| matches!(i, ActiveItem::Notice(_))));
}

#[test]
fn an_incident_banner_prefers_its_banner_text_then_the_latest_update() {
    let doc = load_fixture("native-active.json").document;
    let ipad = doc.incidents.iter().find(|i| i.id == "ipad-login").unwrap();
    assert_eq!(
        ipad.banner_text(),
        Some(Text::plain(
            "Logins from Safari fail. Use another browser or email support."
        ))
    );
    let slow = doc.incidents.iter().find(|i| i.id == "slow-pages").unwrap();
    assert_eq!(
        slow.banner_text(),
        Some(Text::plain("A fix is rolling out."))
    );
    assert_eq!(slow.last_activity(), Some(t("2024-11-05T09:35:00Z")));
}

mod properties {
    use super::*;
    use proptest::prelude::*;
    use status_core::model::{Impact, Incident, IncidentStatus, StatusDocument, Timestamp};

    fn incident(i: usize, impact: u8, status: u8, start: i64) -> Incident {
        let impacts = [Impact::None, Impact::Minor, Impact::Major, Impact::Critical];
        let statuses = [
            IncidentStatus::Investigating,
            IncidentStatus::Identified,
            IncidentStatus::Monitoring,
            IncidentStatus::Resolved,
            IncidentStatus::Unknown,
        ];
        Incident {
            id: format!("i{i}"),
            title: format!("Incident {i}").into(),
            impact: impacts[impact as usize % 4],
            status: statuses[status as usize % 5],
            started_at: Some(Timestamp::from_unix_millis(start)),
            resolved_at: None,
            components: vec![],
            release: None,
            summary: None,
            banner: None,
            url: None,
            updates: vec![],
            lessons: vec![],
            conclusion: vec![],
        }
    }

    proptest! {
        #[test]
        fn active_incidents_are_exactly_the_unresolved_ones_in_severity_order(
            specs in proptest::collection::vec((any::<u8>(), any::<u8>(), 0i64..1_000_000), 0..40)
        ) {
            let doc = StatusDocument {
                incidents: specs.iter().enumerate().map(|(i, &(a, s, t))| incident(i, a, s, t)).collect(),
                ..Default::default()
            };
            let active = doc.active_incidents();
            let unresolved = doc.incidents.iter().filter(|i| i.status != IncidentStatus::Resolved).count();
            prop_assert_eq!(active.len(), unresolved);
            for pair in active.windows(2) {
                prop_assert!(pair[0].impact > pair[1].impact
                    || (pair[0].impact == pair[1].impact && pair[0].started_at >= pair[1].started_at));
            }
            let worst = active.first().map(|i| Level::from(i.impact)).unwrap_or(Level::Operational);
            prop_assert_eq!(doc.level(Timestamp::from_unix_millis(0)), worst);
            prop_assert_eq!(doc.history().len() + active.len(), doc.incidents.len());
        }
    }
}

#[test]
fn a_components_filter_keeps_what_concerns_those_components_and_what_names_none() {
    let mut doc = load_fixture("native-active.json").document;
    doc.retain_components(&["login".to_owned()]);
    let incidents: Vec<&str> = doc.incidents.iter().map(|i| i.id.as_str()).collect();
    assert_eq!(incidents, ["ipad-login", "old-minor", "last-week"]);
    let maintenance: Vec<&str> = doc.maintenances.iter().map(|m| m.id.as_str()).collect();
    assert_eq!(
        maintenance,
        ["far-future", "done"],
        "db-upgrade and cdn-swap only touch the app"
    );
    assert_eq!(doc.components.len(), 1);
    assert_eq!(doc.notices.len(), 3, "notices concern everyone");
}

#[test]
fn a_file_older_than_max_age_is_stale_and_an_undated_one_too() {
    let mut doc = load_fixture("native-active.json").document;
    let updated = t("2024-11-05T09:40:00Z");
    assert!(!doc.is_stale(updated.plus_millis(600_000), Some(600_000)));
    assert!(doc.is_stale(updated.plus_millis(600_001), Some(600_000)));
    assert!(!doc.is_stale(updated.plus_millis(10_000_000_000), None));
    doc.updated_at = None;
    assert!(doc.is_stale(updated, Some(600_000)));
}
