//! `www/status.json` must carry the November 2024 login incident write-up in full. These tests
//! read the original write-up (`tests/fixtures/seed-incident-2024-11-logins.txt`) line by line
//! and check that every fact stands in the status file, in its place.
#![cfg(not(target_arch = "wasm32"))]

mod common;
use common::*;
use status_widget::model::{
    load_str, CalendarDate, Format, Impact, IncidentStatus, Level, SourceFormat, Timestamp,
};

struct SeedTimelineLine {
    day: CalendarDate,
    time: Option<(i64, i64, bool)>,
    text: String,
}

/// The write-up's timeline: day headings ("Monday 4th November:"), timed lines ("7:30am …",
/// "11:00am (approx) …") and untimed notes. November in the UK is UTC.
fn seed_timeline(seed: &str) -> Vec<SeedTimelineLine> {
    let start = seed.find("Timeline¶").unwrap();
    let end = seed.find("Lessons learned:¶").unwrap();
    let mut day = None;
    let mut lines = Vec::new();
    for line in seed[start..end]
        .lines()
        .skip(1)
        .map(str::trim)
        .filter(|l| !l.is_empty())
    {
        let words: Vec<&str> = line.trim_end_matches(':').split(' ').collect();
        if words.len() == 3 && words[2] == "November" && words[0].ends_with("day") {
            let n: u8 = words[1]
                .trim_end_matches(char::is_alphabetic)
                .parse()
                .unwrap();
            day = Some(CalendarDate {
                year: 2024,
                month: 11,
                day: n,
            });
            continue;
        }
        let (first, rest) = line.split_once(' ').unwrap();
        let clock = first
            .strip_suffix("am")
            .map(|c| (c, false))
            .or_else(|| first.strip_suffix("pm").map(|c| (c, true)));
        let entry = match clock.and_then(|(c, pm)| c.split_once(':').map(|(h, m)| (h, m, pm))) {
            Some((h, m, pm)) => {
                let mut hour: i64 = h.parse().unwrap();
                if pm && hour != 12 {
                    hour += 12;
                }
                let approx = rest.starts_with("(approx) ");
                let text = rest.trim_start_matches("(approx) ").to_owned();
                SeedTimelineLine {
                    day: day.unwrap(),
                    time: Some((hour, m.parse().unwrap(), approx)),
                    text,
                }
            }
            None => SeedTimelineLine {
                day: day.unwrap(),
                time: None,
                text: line.to_owned(),
            },
        };
        lines.push(entry);
    }
    lines
}

fn bullets<'a>(seed: &'a str, heading: &str) -> Vec<&'a str> {
    let start = seed.find(heading).unwrap() + heading.len();
    seed[start..]
        .lines()
        .map(str::trim)
        .skip_while(|l| l.is_empty())
        .take_while(|l| l.starts_with("- "))
        .map(|l| &l[2..])
        .collect()
}

fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

#[test]
fn the_status_file_is_valid_and_in_the_native_format() {
    let loaded = load_str(&www("status.json"), Format::Auto).unwrap();
    assert_eq!(loaded.format, SourceFormat::Native);
    assert!(loaded.problems.is_empty(), "{:#?}", messages(&loaded));
}

#[test]
fn every_timeline_line_of_the_write_up_is_an_update_in_its_place() {
    let seed = fixture("seed-incident-2024-11-logins.txt");
    let doc = load_str(&www("status.json"), Format::Auto)
        .unwrap()
        .document;
    let incident = &doc.incidents[0];
    let expected = seed_timeline(&seed);
    assert_eq!(
        expected.len(),
        14,
        "the write-up has 11 timed lines and 3 day notes"
    );
    assert_eq!(incident.updates.len(), expected.len());
    for (update, line) in incident.updates.iter().zip(&expected) {
        match line.time {
            Some((hour, minute, approx)) => {
                let at = line
                    .day
                    .start_utc()
                    .plus_millis((hour * 60 + minute) * 60_000);
                assert_eq!(update.at, Some(at), "time of {:?}", line.text);
                assert_eq!(update.approximate, approx, "{:?}", line.text);
                assert_eq!(update.body, capitalised(&line.text));
            }
            None => {
                assert_eq!(update.at, None, "{:?} is an untimed note", line.text);
                assert_eq!(update.day, Some(line.day));
                assert_eq!(update.body, line.text);
            }
        }
        assert_eq!(update.utc_day(), Some(line.day));
    }
}

#[test]
fn lessons_and_conclusion_are_carried_word_for_word() {
    let seed = fixture("seed-incident-2024-11-logins.txt");
    let doc = load_str(&www("status.json"), Format::Auto)
        .unwrap()
        .document;
    let incident = &doc.incidents[0];
    let lessons = bullets(&seed, "Lessons learned:¶");
    let conclusion = bullets(&seed, "Conclusion:");
    assert_eq!((lessons.len(), conclusion.len()), (5, 6));
    assert_eq!(incident.lessons, lessons);
    assert_eq!(incident.conclusion, conclusion);
}

#[test]
fn the_incident_header_service_and_contacts_match_the_write_up() {
    let seed = fixture("seed-incident-2024-11-logins.txt");
    let lines: Vec<&str> = seed.lines().collect();
    let doc = load_str(&www("status.json"), Format::Auto)
        .unwrap()
        .document;
    assert_eq!(doc.service.name.as_deref(), Some("Lambda Feedback"));
    assert_eq!(doc.service.description.as_deref(), Some(lines[1]));
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
    let during = doc.snapshot(t("2024-11-05T10:00:00Z"));
    // The file describes the incident after the fact: resolved, so nothing is active.
    assert!(during.active.is_empty());
    assert_eq!(during.level, Level::Operational);
    assert_eq!(during.history.len(), 1);
    assert_eq!(during.history[0].id, "2024-11-04-new-logins");
    // The banner text of a resolved incident is its latest update, the "approx" resolution.
    assert_eq!(
        doc.incidents[0].banner_text(),
        Some("The issues were fully solved.")
    );
    assert_eq!(
        doc.updated_at,
        Some(Timestamp::parse_rfc3339("2024-11-08T11:05:00Z").unwrap())
    );
}
