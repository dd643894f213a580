//! Real Statuspage documents (`../shared/fixtures/real/statuspage/`, read there at test time,
//! never copied here), each at its own date: the file's own indicator is never lost (a bare
//! `status.json` during an outage shows a line, and the level is the worse of the indicator and
//! the entries), a single-incident document is read, and real data's inconsistencies are
//! warnings that leave the document valid.
#![cfg(not(target_arch = "wasm32"))]

mod native_support;
use native_support::*;
use status_core::formats::{load_str, Format, Loaded, ProblemKind, Severity};
use status_core::model::Level;
use status_core::view::{derive, ItemSource, Overall, StatusView, ViewSettings};
use std::rc::Rc;

/// Reads `name` from the real Statuspage captures.
fn real(name: &str) -> Loaded {
    load_real(&format!("statuspage/{name}"))
}

/// What the widget shows for `loaded` at the document's own date.
fn shown(loaded: &Loaded) -> StatusView {
    let doc = Rc::new(loaded.document.clone());
    let now = doc.updated_at.expect("the capture is dated");
    derive(&doc, &ViewSettings::default(), now)
}

fn titles(view: &StatusView) -> Vec<&str> {
    view.active.iter().map(|i| i.title.as_str()).collect()
}

#[test]
#[cfg_attr(not(real_documents), ignore = "needs ../shared/fixtures/real")]
fn a_bare_status_json_during_an_outage_shows_its_description_linking_to_the_page() {
    let loaded = real("github-status-2026-08-17-major.json");
    assert!(loaded.problems.is_empty(), "{:#?}", messages(&loaded));
    let view = shown(&loaded);
    assert_eq!(view.overall, Overall::Level(Level::Major));
    assert_eq!(titles(&view), ["Partial System Outage"]);
    let item = &view.active[0];
    assert_eq!(item.source, ItemSource::Declared);
    assert_eq!(item.link.as_deref(), Some("https://www.githubstatus.com"));

    let maintenance = shown(&real("github-status-2025-05-31-maintenance.json"));
    assert_eq!(maintenance.overall, Overall::Level(Level::Maintenance));
    assert_eq!(maintenance.active.len(), 1);

    let quiet = shown(&real("github-status-2026-08-22-none.json"));
    assert_eq!(quiet.overall, Overall::Level(Level::Operational));
    assert!(quiet.active.is_empty(), "all fine shows nothing");
}

#[test]
#[cfg_attr(not(real_documents), ignore = "needs ../shared/fixtures/real")]
fn the_level_is_the_worse_of_the_indicator_and_the_entries() {
    // Indicator "none" while a critical incident is investigating: the incident wins.
    let behind = shown(&real(
        "github-summary-2026-08-20-critical-but-indicator-none.json",
    ));
    assert_eq!(behind.overall, Overall::Level(Level::Critical));
    assert_eq!(behind.active.len(), 1);
    assert_ne!(behind.active[0].source, ItemSource::Declared);
    // Indicator "maintenance" while a major incident is investigating.
    let during = shown(&real(
        "github-summary-2025-05-30-incident-during-maintenance.json",
    ));
    assert_eq!(during.overall, Overall::Level(Level::Major));
    // Indicator "major" with the incident itself critical.
    let ahead = shown(&real("github-summary-2026-08-17-critical-35-updates.json"));
    assert_eq!(ahead.overall, Overall::Level(Level::Critical));
    // Entries explain the indicator: no extra line beside them.
    for view in [&behind, &during, &ahead] {
        assert!(view.active.iter().all(|i| i.source != ItemSource::Declared));
    }
    // Indicator "maintenance" with no maintenance listed (a component left under maintenance):
    // the page's own word is the line that shows.
    let stale = shown(&real(
        "splunk-summary-2023-02-27-stale-maintenance-groups.json",
    ));
    assert_eq!(stale.overall, Overall::Level(Level::Maintenance));
    assert_eq!(stale.active.len(), 1);
    assert_eq!(stale.active[0].source, ItemSource::Declared);
}

#[test]
#[cfg_attr(not(real_documents), ignore = "needs ../shared/fixtures/real")]
fn a_single_incident_document_is_read() {
    let loaded = real("github-incident-2023-06-29-critical-long-bodies.json");
    assert_eq!(
        loaded.document.incidents.len(),
        1,
        "{:#?}",
        messages(&loaded)
    );
    let incident = &loaded.document.incidents[0];
    assert!(!incident.title.is_empty());
    assert_eq!(incident.updates.len(), 8);
    let view = shown(&loaded);
    assert_eq!(view.history().len(), 1, "resolved: in the page's history");
    for name in [
        "github-incident-2018-10-21-html-list-body.json",
        "github-incident-2023-02-18-29-updates.json",
    ] {
        assert_eq!(real(name).document.incidents.len(), 1, "{name}");
    }
}

#[test]
#[cfg_attr(not(real_documents), ignore = "needs ../shared/fixtures/real")]
fn resolved_before_started_is_a_warning_and_the_incident_is_kept() {
    let loaded = real("godaddy-incidents-2024-01-31-six-incidents.json");
    assert!(loaded.is_valid(), "{:#?}", messages(&loaded));
    assert_eq!(loaded.document.incidents.len(), 6);
    assert!(
        loaded
            .problems
            .iter()
            .any(|p| p.severity == Severity::Warning
                && matches!(p.kind, ProblemKind::EndsBeforeStart))
    );
    assert!(real("jira-incidents-2024-01-31-50-incidents-postmortems.json").is_valid());
}

#[test]
fn an_unknown_indicator_is_never_read_as_all_fine() {
    let text = r#"{"page": {"id": "p", "name": "P", "url": "https://status.example.org",
        "updated_at": "2024-11-05T10:00:00Z"},
        "status": {"indicator": "catastrophic", "description": "Everything is on fire"}}"#;
    let loaded = load_str(text, Format::Auto).unwrap();
    let view = shown(&loaded);
    assert_eq!(view.overall, Overall::Level(Level::Minor));
    assert_eq!(titles(&view), ["Everything is on fire"]);
    assert!(loaded.is_valid(), "a warning, not an error");
    assert!(!loaded.problems.is_empty());
}

#[test]
#[cfg_attr(not(real_documents), ignore = "needs ../shared/fixtures/real")]
fn a_component_filter_drops_the_pages_overall_word() {
    let loaded = real("github-status-2026-08-17-major.json");
    let doc = Rc::new(loaded.document.clone());
    let settings = ViewSettings {
        components: vec!["login".into()],
        ..ViewSettings::default()
    };
    let view = derive(&doc, &settings, doc.updated_at.unwrap());
    assert_eq!(
        view.overall,
        Overall::Level(Level::Operational),
        "the indicator names no component"
    );
    assert!(view.active.is_empty());
}

/// Statuspage's own scale for components, read off every capture that shows it: where the
/// components are the worst thing on the page (no incident more severe than them), the capture's
/// indicator is the level the widget derives from its components: a partial outage is `minor`,
/// a major outage `major` (github-summary 2022-11-25 and 2026-02-09: partial → minor; 2026-08-17
/// and the statuscheck hybrid: major → major; twilio 2020-06-16 likewise). Before, the widget said one step more.
#[test]
#[cfg_attr(not(real_documents), ignore = "needs ../shared/fixtures/real")]
fn components_count_on_statuspages_own_scale() {
    let mut compared = Vec::new();
    for entry in std::fs::read_dir(real_path("statuspage")).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        let Ok(loaded) = load_str(&real_text(&format!("statuspage/{name}")), Format::Auto) else {
            continue;
        };
        let doc = &loaded.document;
        let Some(indicator) = doc.declared.as_ref().map(|d| d.level) else {
            continue;
        };
        let Some(worst) = doc.components.iter().map(|c| Level::from(c.status)).max() else {
            continue;
        };
        if worst > Level::Maintenance {
            assert_eq!(
                worst, indicator,
                "{name}: the worst component against the indicator"
            );
            compared.push(name);
        }
    }
    compared.sort();
    assert_eq!(
        compared,
        [
            "github-summary-2022-11-25-active-incident.json",
            "github-summary-2026-02-09-three-incidents.json",
            "github-summary-2026-08-17-critical-35-updates.json",
            "statuscheck-github-summary-docexample-hybrid.json",
            "twilio-summary-2020-06-16-groups-pdt.json",
        ]
    );
}

/// The level never says less than the file's indicator or an incident's impact: a critical
/// incident beside a component's major outage is critical, and a file whose indicator says
/// `critical` with every component operational stays critical.
#[test]
#[cfg_attr(not(real_documents), ignore = "needs ../shared/fixtures/real")]
fn the_level_never_says_less_than_the_indicator_or_an_incident() {
    let hybrid = real("statuscheck-github-summary-docexample-hybrid.json");
    assert_eq!(shown(&hybrid).overall, Overall::Level(Level::Critical));
    let major = real("github-summary-2022-11-25-active-incident.json");
    assert_eq!(
        shown(&major).overall,
        Overall::Level(Level::Major),
        "a major incident with a component in partial outage (minor) is major"
    );
}
