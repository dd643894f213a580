//! Upptime's `history/summary.json`, as served: the real capture in
//! `../shared/fixtures/real/upptime/` (read there at test time, never copied here). A site that
//! is down shows in the banner, though Upptime lists no incident; a list that is not Upptime's is
//! still refused.
#![cfg(not(target_arch = "wasm32"))]

mod native_support;
use native_support::*;
use status_core::formats::{load_str, Format, LoadError, SourceFormat};
use status_core::model::{ComponentStatus, Level};
use status_core::view::{derive, ItemSource, Overall, ViewSettings};
use std::rc::Rc;

#[test]
#[cfg_attr(not(real_documents), ignore = "needs ../shared/fixtures/real")]
fn a_site_that_is_down_shows_in_the_banner() {
    let text = real_text("upptime/upptime-upptime-history-summary.json");
    let loaded = load_str(&text, Format::Auto).unwrap();
    assert_eq!(loaded.format, SourceFormat::Upptime);
    assert!(loaded.problems.is_empty(), "{:#?}", messages(&loaded));
    let doc = Rc::new(loaded.document);
    let ids: Vec<&str> = doc.components.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(
        ids,
        ["google", "wikipedia", "hacker-news", "test-broken-site"]
    );
    assert_eq!(doc.components[3].status, ComponentStatus::MajorOutage);
    let view = derive(&doc, &ViewSettings::default(), t("2023-01-10T12:00:00Z"));
    assert_eq!(view.overall, Overall::Level(Level::Critical));
    assert_eq!(view.active.len(), 1);
    assert_eq!(view.active[0].source, ItemSource::Declared);
    assert_eq!(view.active[0].title, "Down: Test Broken Site");
    // Only the sites the element asks about: the others' state is not claimed.
    let google = ViewSettings {
        components: vec!["google".into()],
        ..ViewSettings::default()
    };
    let view = derive(&doc, &google, t("2023-01-10T12:00:00Z"));
    assert_eq!(view.overall, Overall::Level(Level::Operational));
    assert!(view.active.is_empty());
}

#[test]
#[cfg_attr(not(real_documents), ignore = "needs ../shared/fixtures/real")]
fn degraded_and_unknown_sites_are_named_and_other_lists_are_refused() {
    let text = r#"[{"slug": "api", "name": "API", "status": "degraded"},
                   {"slug": "web", "name": "Web", "status": "sideways"}]"#;
    let loaded = load_str(text, Format::Auto).unwrap();
    assert_eq!(loaded.problems.len(), 1, "{:#?}", messages(&loaded));
    let doc = Rc::new(loaded.document);
    let view = derive(&doc, &ViewSettings::default(), t("2023-01-10T12:00:00Z"));
    assert_eq!(view.overall, Overall::Level(Level::Minor));
    assert_eq!(view.active[0].title, "Degraded: API, Web");
    let healthy = r#"[{"slug": "api", "name": "API", "status": "up"}]"#;
    let doc = Rc::new(
        load_str(healthy, Format::Only(SourceFormat::Upptime))
            .unwrap()
            .document,
    );
    assert!(
        derive(&doc, &ViewSettings::default(), t("2023-01-10T12:00:00Z"))
            .active
            .is_empty()
    );
    // Lists that are not Upptime's, and Upptime asked of an object.
    for list in ["[]", r#"[{"id": "a", "title": "An array"}]"#] {
        assert!(
            matches!(load_str(list, Format::Auto), Err(LoadError::NotAnObject(_))),
            "{list}"
        );
    }
    assert_eq!(
        load_str(r#"{"sites": {}}"#, Format::Only(SourceFormat::Upptime)).unwrap_err(),
        LoadError::UnknownFormat
    );
    assert_eq!(
        load_str(r#"{"page": {}}"#, Format::Only(SourceFormat::Upptime)).unwrap_err(),
        LoadError::OtherFormat {
            asked: "upptime",
            found: "statuspage"
        }
    );
    // And an Upptime summary asked as another format is named, not misread.
    let summary = real_text("upptime/upptime-upptime-history-summary.json");
    assert_eq!(
        load_str(&summary, Format::Only(SourceFormat::Statuspage)).unwrap_err(),
        LoadError::OtherFormat {
            asked: "statuspage",
            found: "upptime"
        }
    );
    assert_eq!(
        Format::from_name("Upptime"),
        Some(Format::Only(SourceFormat::Upptime))
    );
}
