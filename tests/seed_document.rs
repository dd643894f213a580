//! `www/status.json` must carry the November 2024 login incident write-up in full. These tests
//! read the original write-up (`tests/fixtures/seed-incident-2024-11-logins.txt`) line by line
//! and check that every fact stands in the status file, in its place.
#![cfg(not(target_arch = "wasm32"))]

mod native_support;
mod writeup;
use native_support::*;
use status_core::formats::{load_str, Format, SourceFormat};
use status_core::model::{CalendarDate, Impact, IncidentStatus, Level, Text, Timestamp};
use status_core::view::{derive, Overall, ViewSettings};
use std::rc::Rc;

#[test]
fn the_status_file_is_valid_and_in_the_native_format() {
    let loaded = load_str(&www("status.json"), Format::Auto).unwrap();
    assert_eq!(loaded.format, SourceFormat::Native);
    assert!(loaded.problems.is_empty(), "{:#?}", messages(&loaded));
}

#[test]
fn every_timeline_line_of_the_write_up_is_an_update_in_its_place() {
    let doc = load_str(&www("status.json"), Format::Auto)
        .unwrap()
        .document;
    let incident = &doc.incidents[0];
    let expected = writeup::timeline();
    assert_eq!(
        expected.len(),
        14,
        "the write-up has 11 timed lines and 3 day notes"
    );
    assert_eq!(incident.updates.len(), expected.len());
    for (update, line) in incident.updates.iter().zip(&expected) {
        let day = CalendarDate {
            year: 2024,
            month: 11,
            day: line.day,
        };
        match line.time {
            Some((_, _, approx)) => {
                let at = line.unix_millis().map(Timestamp::from_unix_millis);
                assert_eq!(update.at, at, "time of {:?}", line.text);
                assert_eq!(update.approximate, approx, "{:?}", line.text);
            }
            None => {
                assert_eq!(update.at, None, "{:?} is an untimed note", line.text);
                assert_eq!(update.day, Some(day));
            }
        }
        assert_eq!(update.body, Text::plain(line.body()));
        assert_eq!(update.utc_day(), Some(day));
    }
}

#[test]
fn lessons_and_conclusion_are_carried_word_for_word() {
    let doc = load_str(&www("status.json"), Format::Auto)
        .unwrap()
        .document;
    let incident = &doc.incidents[0];
    let lessons = writeup::bullets("Lessons learned:¶");
    let conclusion = writeup::bullets("Conclusion:");
    assert_eq!((lessons.len(), conclusion.len()), (5, 6));
    assert_eq!(incident.lessons, lessons);
    assert_eq!(incident.conclusion, conclusion);
}

#[test]
fn the_incident_header_service_and_contacts_match_the_write_up() {
    let seed = writeup::WRITE_UP;
    let lines = writeup::lines();
    let doc = load_str(&www("status.json"), Format::Auto)
        .unwrap()
        .document;
    assert_eq!(doc.service.name.as_deref(), Some("Lambda Feedback"));
    assert_eq!(
        doc.service.description.as_ref().map(Text::as_str),
        Some(lines[1])
    );
    assert_eq!(doc.service.about.as_deref(), Some(lines[2]));

    let incident = &doc.incidents[0];
    assert_eq!(lines[3], format!("4-8th November 2024 {}¶", incident.title));
    assert_eq!(incident.summary.as_deref(), Some(lines[4]));
    assert_eq!(incident.release.as_deref(), Some("b506"));
    assert_eq!(incident.impact, Impact::Major);
    assert_eq!(incident.status, IncidentStatus::Resolved);
    assert_eq!(incident.started_at, Some(t("2024-11-04T07:30:00Z")));
    assert_eq!(incident.resolved_at, Some(t("2024-11-08T11:00:00Z")));

    let hrefs: Vec<&str> = doc
        .service
        .contact
        .iter()
        .map(|c| c.href.as_str())
        .collect();
    for address in [
        "lambdafeedback@imperial.ac.uk",
        "support@lambdafeedback.com",
    ] {
        assert!(seed.contains(address));
        assert!(
            hrefs.contains(&format!("mailto:{address}").as_str()),
            "{address}"
        );
    }
}

#[test]
fn after_the_incident_the_service_is_operational_with_the_incident_in_history() {
    let doc = load_str(&www("status.json"), Format::Auto)
        .unwrap()
        .document;
    let during = derive(
        &Rc::new(doc.clone()),
        &ViewSettings::default(),
        t("2024-11-05T10:00:00Z"),
    );
    // The file describes the incident after the fact: resolved, so nothing is active.
    assert!(during.active.is_empty());
    assert_eq!(during.overall, Overall::Level(Level::Operational));
    assert_eq!(during.history().len(), 1);
    assert_eq!(during.history_item(0).id, "2024-11-04-new-logins");
    // The banner text of a resolved incident is its latest update, the "approx" resolution.
    assert_eq!(
        doc.incidents[0].banner_text(),
        Some(Text::plain("The issues were fully solved."))
    );
    assert_eq!(
        doc.updated_at,
        Some(Timestamp::parse_rfc3339("2024-11-08T11:05:00Z").unwrap())
    );
}
