//! Bad input never panics: it gives a typed error a site owner can act on, or a degraded read in
//! which the good entries still show.
#![cfg(not(target_arch = "wasm32"))]

mod native_support;
use native_support::*;
use status_core::formats::json::JsonErrorKind;
use status_core::formats::{
    load_str, start_parse, Format, LoadError, Severity, MAX_DOCUMENT_BYTES,
};
use status_core::model::{ComponentStatus, Impact, IncidentStatus};

#[test]
fn an_html_error_page_is_reported_as_html_not_json() {
    let err = load_str(&fixture("bad/html-error-page.html"), Format::Auto).unwrap_err();
    assert!(matches!(&err, LoadError::NotJson(e) if e.kind == JsonErrorKind::LooksLikeHtml));
    assert_eq!(
        err.to_string(),
        "the status file is not valid JSON: line 1, column 1: this is HTML, not JSON (is the URL pointing at an error page?)"
    );
}

#[test]
fn malformed_json_names_the_line_and_column() {
    let text =
        "{\n  \"version\": 1,\n  \"incidents\": [\n    { \"id\": \"a\" \"title\": \"b\" }\n  ]\n}";
    let err = load_str(text, Format::Auto).unwrap_err();
    assert_eq!(
        err.to_string(),
        "the status file is not valid JSON: line 4, column 17: expected `,` or `}` after a member, found `\"`"
    );
    for (text, want) in [
        ("", JsonErrorKind::Empty),
        (
            "{\"version\": 1,",
            JsonErrorKind::UnexpectedEnd("an object"),
        ),
    ] {
        match load_str(text, Format::Auto) {
            Err(LoadError::NotJson(e)) => assert_eq!(e.kind, want),
            other => panic!("{text:?}: {other:?}"),
        }
    }
}

#[test]
fn wrong_top_level_types_and_unknown_shapes_are_refused() {
    assert_eq!(
        load_str("[]", Format::Auto).unwrap_err(),
        LoadError::NotAnObject("an array")
    );
    assert_eq!(
        load_str("\"ok\"", Format::Auto).unwrap_err(),
        LoadError::NotAnObject("a string")
    );
    assert_eq!(
        load_str("null", Format::Auto).unwrap_err(),
        LoadError::NotAnObject("null")
    );
    assert_eq!(
        load_str("{\"status\": \"ok\"}", Format::Auto).unwrap_err(),
        LoadError::UnknownFormat
    );
}

#[test]
fn a_future_or_bad_version_is_refused_with_advice() {
    let err = load_str(&fixture("bad/future-version.json"), Format::Auto).unwrap_err();
    assert_eq!(err, LoadError::UnsupportedVersion(2));
    assert!(err.to_string().contains("update the widget"));
    for (text, found) in [
        (r#"{"version": "1", "incidents": []}"#, "the string \"1\""),
        (r#"{"version": 0, "incidents": []}"#, "0"),
        (r#"{"version": 1.5, "incidents": []}"#, "a number"),
        (r#"{"version": true, "incidents": []}"#, "a boolean"),
    ] {
        assert_eq!(
            load_str(text, Format::Auto).unwrap_err(),
            LoadError::BadVersion(found.into())
        );
    }
}

#[test]
fn one_bad_entry_never_hides_the_good_ones() {
    let loaded = load_fixture("bad/mixed-good-and-bad.json");
    assert!(!loaded.is_valid());
    let doc = &loaded.document;
    let titles: Vec<&str> = doc.incidents.iter().map(|i| i.title.as_str()).collect();
    // The string entry is skipped; the rest are kept, the untitled one with a placeholder.
    assert_eq!(
        titles,
        [
            "Good incident",
            "Typo in impact",
            "Incident",
            "Same id as another"
        ]
    );
    assert_eq!(doc.incidents[0].impact, Impact::Critical);
    // Unknown enum values degrade to their nearest safe meaning.
    assert_eq!(doc.incidents[1].impact, Impact::Minor);
    assert_eq!(doc.incidents[1].status, IncidentStatus::Unknown);
    assert!(
        doc.incidents[1].is_active(),
        "an unknown status is not resolved"
    );
    assert_eq!(doc.components[0].status, ComponentStatus::Unknown);
    assert_eq!(doc.components.len(), 1, "the number 42 is not a component");
    // Bad fields are dropped, good siblings kept.
    let third = &doc.incidents[2];
    assert_eq!(third.id, "incident-4");
    assert_eq!(third.started_at, None);
    assert_eq!(third.components, ["login", "nowhere"]);
    assert_eq!(third.lessons, ["kept"]);
    let bodies: Vec<&str> = third.updates.iter().map(|u| u.body.as_str()).collect();
    assert_eq!(bodies, ["no time", "Timed update"]);
    // Unsafe links are dropped; the safe contact stays.
    assert_eq!(doc.service.status_page, None);
    assert_eq!(doc.service.contact.len(), 1);
    assert_eq!(doc.service.contact[0].href, "mailto:help@example.org");
    assert_eq!(doc.updated_at, None);
    // The active incidents still show, most severe first.
    let active: Vec<&str> = doc
        .active_incidents()
        .iter()
        .map(|i| i.id.as_str())
        .collect();
    assert_eq!(active, ["good-1", "typo", "incident-4"]);
}

#[test]
fn every_problem_says_where_it_is_and_what_was_expected() {
    let loaded = load_fixture("bad/mixed-good-and-bad.json");
    let all = messages(&loaded).join("\n");
    for expected in [
        "line 4, column 50: service.status_page: link `javascript:alert(document.cookie)` dropped: only https:, http: and mailto: links are allowed, not `javascript:`",
        "line 7, column 17: updated_at: `yesterday` is not a valid time: expected an RFC 3339 time such as 2024-11-04T07:30:00Z; ignored",
        "line 8, column 63: components[0].status: unknown component status `on_fire` (expected one of operational, under_maintenance, degraded_performance, partial_outage, major_outage); read as `unknown`",
        "line 8, column 76: components[1]: expected an object, found a number; this entry was skipped",
        "line 10, column 5: incidents[0]: expected an object, found a string; this entry was skipped",
        "incidents[2].impact: unknown impact `majr` (expected one of none, minor, major, critical); read as `minor`",
        "incidents[3].title: expected a string, or an object of languages to strings, found a number; ignored",
        "incidents[3]: missing `id`; an id was made from the entry's position",
        "incidents[3].started_at: `2024-11-05` is not a valid time: the time has no offset; add Z for UTC or an offset such as +01:00; ignored",
        "incidents[3].updates[0]: missing `at`; shown without a time (give `at`, or `day` for an untimed note)",
        "incidents[3].updates[1]: missing `body`; this update was skipped",
        "incidents[3].lessons[1]: expected a string, or an object of languages to strings, found null; this item was skipped",
        "incidents[4].id: id `good-1` is used by an earlier entry too; dismissing one would dismiss both",
        "incidents[4].resolved_at: ends before it starts",
        "components: `nowhere` names no component in `components`",
    ] {
        assert!(all.contains(expected), "missing {expected:?} in\n{all}");
    }
    // Each problem is reported once, however many rules read the entry (the timeline, and the
    // status page's history of component states).
    assert_eq!(
        all.matches("incidents[3].updates[2]: expected an object")
            .count(),
        1,
        "{all}"
    );
    let warnings = loaded
        .problems
        .iter()
        .filter(|p| p.severity == Severity::Warning)
        .count();
    assert_eq!(
        warnings, 2,
        "the duplicate id and the unknown component are warnings"
    );
}

#[test]
fn an_oversized_document_is_refused_before_parsing() {
    let text = " ".repeat(MAX_DOCUMENT_BYTES + 1);
    assert_eq!(
        load_str(&text, Format::Auto).unwrap_err(),
        LoadError::TooLarge(MAX_DOCUMENT_BYTES + 1)
    );
    // The browser's read in slices checks it before its first slice too.
    assert_eq!(
        start_parse(&text).err(),
        Some(LoadError::TooLarge(MAX_DOCUMENT_BYTES + 1))
    );
}

#[test]
fn missing_incidents_is_an_error_but_the_rest_still_reads() {
    let loaded = load_str(
        r#"{"version": 1, "notices": [{"id": "n", "title": "Hello"}]}"#,
        Format::Auto,
    )
    .unwrap();
    assert!(!loaded.is_valid());
    assert_eq!(loaded.document.notices.len(), 1);
    assert!(messages(&loaded)[0].contains("missing `incidents`"));
}

#[test]
fn wrong_types_everywhere_degrade_without_panicking() {
    let text = r#"{"version": 1, "service": [], "updated_at": 5, "components": {}, "notices": "x",
        "maintenances": [{"id": 1, "title": ["x"], "status": 3, "starts_at": {}, "components": "app"}],
        "incidents": [{"id": null, "title": "", "impact": null, "updates": {}, "lessons": "one",
                       "approximate": "yes", "resolved_at": "2024-11-05T10:00:00Z"}]}"#;
    let loaded = load_str(text, Format::Auto).unwrap();
    let doc = &loaded.document;
    assert_eq!(doc.maintenances[0].id, "1");
    assert_eq!(doc.maintenances[0].title, "Planned maintenance");
    assert_eq!(doc.incidents[0].title, "Incident");
    assert_eq!(
        doc.incidents[0].status,
        IncidentStatus::Resolved,
        "resolved_at without status"
    );
    assert!(loaded.problems.len() >= 8, "{:#?}", messages(&loaded));
}
