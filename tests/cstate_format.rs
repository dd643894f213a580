//! cState's `index.json`, as served: the real captures in `../shared/fixtures/real/cstate/`
//! (read there at test time, never copied here), each at its own date. Its Hugo output (odd
//! dates, `<no value>`) is read, an open issue is shown, and a summary that disagrees with its
//! systems is never read as all fine.
#![cfg(not(target_arch = "wasm32"))]

mod native_support;
use native_support::*;
use status_core::formats::{load_str, Format, SourceFormat};
use status_core::model::{ComponentStatus, Impact, IncidentStatus, Level};
use status_core::view::{derive, ItemSource, Overall, ViewSettings};
use std::rc::Rc;

#[test]
#[cfg_attr(not(real_documents), ignore = "needs ../shared/fixtures/real")]
fn an_unresolved_issue_with_hugo_dates_is_shown() {
    let loaded = load_real("cstate/schullogin-index-2025-09-disrupted-german.json");
    assert_eq!(loaded.format, SourceFormat::Cstate);
    assert!(loaded.is_valid(), "{:#?}", messages(&loaded));
    let doc = Rc::new(loaded.document);
    assert_eq!(
        doc.service.description, None,
        "<no value> is no description"
    );
    let anmeldung = doc.components.iter().find(|c| c.id == "Anmeldung").unwrap();
    assert_eq!(anmeldung.status, ComponentStatus::PartialOutage);
    assert_eq!(doc.incidents.len(), 1);
    let issue = &doc.incidents[0];
    assert_eq!(
        issue.title,
        "Schullogin: vereinzelte Anmelde-Probleme bei SaxSVS-Accounts"
    );
    assert_eq!(
        (issue.impact, issue.status),
        (Impact::Major, IncidentStatus::Investigating)
    );
    assert_eq!(
        issue.started_at,
        Some(t("2025-09-10T10:00:00Z")),
        "`… +0000 UTC`"
    );
    assert_eq!(issue.resolved_at, None, "<no value> is no time");
    assert_eq!(issue.components, ["Anmeldung"]);
    let view = derive(&doc, &ViewSettings::default(), t("2025-09-12T18:00:00Z"));
    assert_eq!(view.overall, Overall::Level(Level::Major));
    assert_eq!(view.active.len(), 1);
    assert_eq!(view.active[0].source, ItemSource::Incident(0));
    assert!(view.active[0]
        .link
        .as_deref()
        .unwrap()
        .starts_with("https://status.schullogin.de/issues/"));
}

#[test]
#[cfg_attr(not(real_documents), ignore = "needs ../shared/fixtures/real")]
fn a_summary_that_disagrees_with_its_systems_still_says_so() {
    let loaded = load_real("cstate/torproject-index-2025-05-01-ok-but-summary-disrupted.json");
    assert_eq!(loaded.format, SourceFormat::Cstate);
    assert!(loaded.is_valid(), "{:#?}", messages(&loaded));
    let doc = Rc::new(loaded.document);
    assert_eq!(
        doc.updated_at,
        Some(t("2025-05-01T15:22:00Z")),
        "buildDate and buildTime, UTC"
    );
    assert!(doc
        .components
        .iter()
        .all(|c| c.status == ComponentStatus::Operational));
    assert!(doc.incidents.is_empty());
    let view = derive(&doc, &ViewSettings::default(), doc.updated_at.unwrap());
    assert_eq!(
        view.overall,
        Overall::Level(Level::Major),
        "summaryStatus disrupted"
    );
    assert_eq!(view.active.len(), 1);
    assert_eq!(view.active[0].source, ItemSource::Declared);
}

#[test]
fn go_dates_with_offsets_are_read_and_odd_ones_are_warnings() {
    let text = r#"{"is": "index", "title": "T", "summaryStatus": "down", "systems": [
        {"name": "API", "status": "down", "unresolvedIssues": [
          {"title": "API down", "createdAt": "2025-09-12 19:20:02 +0200 +0200", "severity": "down",
           "resolved": false, "resolvedAt": "yesterday", "affected": ["API"], "permalink": "https://s.example.org/issues/a/"}]},
        {"name": "Web", "status": "down", "unresolvedIssues": [
          {"title": "API down", "createdAt": "2025-09-12 19:20:02 +0200 +0200", "severity": "down",
           "resolved": false, "affected": ["API", "Web"], "permalink": "https://s.example.org/issues/a/"}]}]}"#;
    let loaded = load_str(text, Format::Auto).unwrap();
    assert!(loaded.is_valid(), "{:#?}", messages(&loaded));
    assert_eq!(
        loaded.problems.len(),
        1,
        "the odd resolvedAt: {:#?}",
        messages(&loaded)
    );
    let doc = &loaded.document;
    assert_eq!(doc.incidents.len(), 1, "one issue listed under two systems");
    assert_eq!(doc.incidents[0].started_at, Some(t("2025-09-12T17:20:02Z")));
    assert_eq!(doc.incidents[0].impact, Impact::Critical);
    assert_eq!(
        Format::from_name("cstate"),
        Some(Format::Only(SourceFormat::Cstate))
    );
}
