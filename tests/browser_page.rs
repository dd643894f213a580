//! The status page (`mode="page"`) in real browsers: every fact of the seed incident, timelines
//! grouped by the reader's day with local times, permalinks, long histories, Statuspage files.
#![cfg(target_arch = "wasm32")]

mod browser_support;
mod writeup;
use browser_support::*;
use status_core::model::Timestamp;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const SEED: &str = include_str!("../www/status.json");
const INCIDENTS: &str = include_str!("fixtures/statuspage-incidents.json");

fn texts(w: &Mounted, selector: &str) -> Vec<String> {
    w.find_all(selector)
        .iter()
        .map(|e| e.text_content().unwrap_or_default())
        .collect()
}

/// The reader's local time of day, formatted the way the engine formats it.
fn local_time(t: Timestamp) -> String {
    let options = js_sys::Object::new();
    js_sys::Reflect::set(&options, &"hour".into(), &"numeric".into()).unwrap();
    js_sys::Reflect::set(&options, &"minute".into(), &"2-digit".into()).unwrap();
    let format = js_sys::Intl::DateTimeFormat::new(&js_sys::Array::of1(&"en".into()), &options);
    format
        .format()
        .call1(&JsValue::NULL, &(t.unix_millis() as f64).into())
        .unwrap()
        .as_string()
        .unwrap()
}

/// The English weekday of a day of November 2024 (the 1st was a Friday).
fn november_2024_weekday(day: u8) -> &'static str {
    const WEEK: [&str; 7] = [
        "Friday",
        "Saturday",
        "Sunday",
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
    ];
    WEEK[usize::from(day - 1) % 7]
}

/// Folds the engines' narrow and non-breaking spaces ("11:45\u{202f}PM") into plain ones.
fn plain_spaces(text: &str) -> String {
    text.replace(['\u{202f}', '\u{a0}'], " ")
}

fn set_hash(hash: &str) {
    web_sys::window()
        .unwrap()
        .location()
        .set_hash(hash)
        .unwrap();
}

#[wasm_bindgen_test]
async fn every_fact_of_the_seed_incident_is_on_the_page() {
    let key = unique("seed-page");
    put(&key, SEED).await;
    let w = mount(&[("src", &doc_url(&key)), ("mode", "page"), ("lang", "en")]);
    wait_until("the incident shows", || {
        w.find(".incident .incident-body").is_some()
    })
    .await;
    let lines = writeup::lines();
    let timeline = writeup::timeline();
    let page = w.text();

    assert_eq!(texts(&w, "h1"), ["Lambda Feedback"]);
    let title = lines[3]
        .trim_start_matches("4-8th November 2024 ")
        .trim_end_matches('¶');
    for fact in [
        lines[1],
        lines[2],
        title,
        lines[4],
        "All systems operational",
        "Major incident · Resolved",
        "Release",
        "b506",
        "Affects",
        "Login, Web app",
        "4 days, 3 hours, 30 minutes",
        "lambdafeedback@imperial.ac.uk",
        "support@lambdafeedback.com",
    ] {
        assert!(page.contains(fact), "missing {fact:?}");
    }
    // The timeline: every line of the write-up, in order, each timed one with its local time.
    assert_eq!(timeline.len(), 14);
    assert_eq!(
        texts(&w, ".update-body"),
        timeline.iter().map(|l| l.body()).collect::<Vec<_>>()
    );
    let times = w.find_all(".update-time");
    let timed: Vec<&writeup::TimelineLine> = timeline.iter().filter(|l| l.time.is_some()).collect();
    assert_eq!(times.len(), 11);
    assert_eq!(times.len(), timed.len());
    for (element, line) in times.iter().zip(&timed) {
        let (hour, minute, approximate) = line.time.unwrap();
        let utc = format!("2024-11-{:02}T{hour:02}:{minute:02}:00Z", line.day);
        assert_eq!(element.get_attribute("datetime").unwrap(), utc);
        let shown = element.text_content().unwrap();
        let at = Timestamp::from_unix_millis(line.unix_millis().unwrap());
        assert!(shown.starts_with(&local_time(at)), "{shown:?} for {utc}");
        assert_eq!(shown.contains("(approx.)"), approximate, "{shown:?}");
    }
    // Grouped by the reader's local day (the engine's own Date says which), untimed notes under
    // the day they were written for: five days in the UK, six in California (7:30am on Monday is
    // Sunday evening there).
    let mut days: Vec<u8> = Vec::new();
    for line in &timeline {
        let day = match line.unix_millis() {
            Some(ms) => js_sys::Date::new(&JsValue::from_f64(ms as f64)).get_date() as u8,
            None => line.day,
        };
        if days.last() != Some(&day) {
            days.push(day);
        }
    }
    let headings = texts(&w, ".day-heading");
    assert_eq!(
        headings.len(),
        days.len(),
        "{headings:?}, expected days {days:?}"
    );
    for (heading, day) in headings.iter().zip(&days) {
        assert!(
            heading.contains(november_2024_weekday(*day)) && heading.contains(&format!(" {day},")),
            "{heading:?} is not November {day}"
        );
    }
    assert_eq!(
        texts(&w, ".lessons li"),
        writeup::bullets("Lessons learned:¶")
    );
    assert_eq!(texts(&w, ".conclusion li"), writeup::bullets("Conclusion:"));
    assert_eq!(
        texts(&w, "h4"),
        ["Timeline", "Lessons learned", "Conclusion"]
    );
    let permalink = w.find("a.permalink").unwrap();
    assert_eq!(
        permalink.get_attribute("href").as_deref(),
        Some("#2024-11-04-new-logins")
    );
    w.assert_no_uncaught_error();
}

/// Four updates around midnight in three zones: 18:15 and 18:45 UTC on Monday 4 November 2024
/// (either side of midnight in India, +5:30), 07:30 and 08:30 UTC on Tuesday (either side of
/// midnight in California, -8:00).
const AROUND_MIDNIGHT: &str = r#"{"version": 1, "service": {"name": "Example"}, "incidents": [
  {"id": "midnight", "title": "Around midnight", "impact": "minor", "status": "resolved",
   "started_at": "2024-11-04T18:15:00Z", "resolved_at": "2024-11-05T08:30:00Z", "updates": [
    {"at": "2024-11-04T18:15:00Z", "body": "one"}, {"at": "2024-11-04T18:45:00Z", "body": "two"},
    {"at": "2024-11-05T07:30:00Z", "body": "three"}, {"at": "2024-11-05T08:30:00Z", "body": "four"}]}]}"#;

#[wasm_bindgen_test]
async fn timeline_days_and_times_are_the_readers_own_in_each_time_zone() {
    // What a reader in each zone scripts/test runs the engines in must see, written out by hand:
    // (day heading, the times under it).
    let zone = js_sys::Intl::DateTimeFormat::new(&js_sys::Array::new(), &js_sys::Object::new())
        .resolved_options();
    let zone = get(&zone, "timeZone").as_string().unwrap();
    let expected: &[(&str, &[&str])] = match zone.as_str() {
        "Asia/Kolkata" | "Asia/Calcutta" => &[
            ("Monday, November 4, 2024", &["11:45 PM"]),
            (
                "Tuesday, November 5, 2024",
                &["12:15 AM", "1:00 PM", "2:00 PM"],
            ),
        ],
        "America/Los_Angeles" => &[
            (
                "Monday, November 4, 2024",
                &["10:15 AM", "10:45 AM", "11:30 PM"],
            ),
            ("Tuesday, November 5, 2024", &["12:30 AM"]),
        ],
        "Europe/London" | "UTC" | "Etc/UTC" => &[
            ("Monday, November 4, 2024", &["6:15 PM", "6:45 PM"]),
            ("Tuesday, November 5, 2024", &["7:30 AM", "8:30 AM"]),
        ],
        other => panic!(
            "no expectations for the time zone {other}: scripts/test runs the engines in \
             Asia/Kolkata, America/Los_Angeles and Europe/London (set TZ to one of them)"
        ),
    };
    let key = unique("midnight");
    put(&key, AROUND_MIDNIGHT).await;
    let w = mount(&[("src", &doc_url(&key)), ("mode", "page"), ("lang", "en")]);
    wait_until("the timeline shows", || w.find(".update-time").is_some()).await;
    let shown: Vec<(String, Vec<String>)> = w
        .find_all(".day")
        .iter()
        .map(|day| {
            let heading = day.query_selector(".day-heading").unwrap().unwrap();
            let times = day.query_selector_all(".update-time").unwrap();
            let times = (0..times.length())
                .map(|i| plain_spaces(&times.item(i).unwrap().text_content().unwrap()))
                .collect();
            (plain_spaces(&heading.text_content().unwrap()), times)
        })
        .collect();
    let expected: Vec<(String, Vec<String>)> = expected
        .iter()
        .map(|(day, times)| {
            (
                day.to_string(),
                times.iter().map(|t| t.to_string()).collect(),
            )
        })
        .collect();
    assert_eq!(shown, expected, "in {zone}");
    w.assert_no_uncaught_error();
}

fn history_doc(resolved: usize, active: bool) -> String {
    let mut incidents: Vec<String> = (0..resolved)
        .map(|i| {
            let day = 1_700_000_000_000i64 - i as i64 * 86_400_000;
            let start = Timestamp::from_unix_millis(day).to_rfc3339();
            let end = Timestamp::from_unix_millis(day + 3_600_000).to_rfc3339();
            format!(
                r#"{{"id": "past-{i}", "title": "Past incident {i}", "impact": "minor", "status": "resolved",
                    "started_at": "{start}", "resolved_at": "{end}", "summary": "Summary {i}",
                    "updates": [{{"at": "{start}", "status": "investigating", "body": "Looking into it {i}"}},
                                {{"at": "{end}", "status": "resolved", "body": "Fixed {i}"}}],
                    "lessons": ["Lesson {i}"]}}"#
            )
        })
        .collect();
    if active {
        incidents.push(r#"{"id": "now", "title": "Login is down right now", "impact": "critical", "status": "investigating"}"#.into());
    }
    format!(
        r#"{{"version": 1, "service": {{"name": "Busy service"}}, "incidents": [{}]}}"#,
        incidents.join(",")
    )
}

#[wasm_bindgen_test]
async fn a_500_incident_history_renders_a_page_at_a_time() {
    let key = unique("five-hundred");
    put(&key, &history_doc(500, true)).await;
    let w = mount(&[("src", &doc_url(&key)), ("mode", "page"), ("lang", "en")]);
    wait_until("the history shows", || {
        w.find(".history .incident").is_some()
    })
    .await;
    assert!(
        w.text().contains("Login is down right now"),
        "active incidents come first"
    );
    assert_eq!(
        w.find(".overall").unwrap().text_content().as_deref(),
        Some("Major outage")
    );
    wait_until("a page of twenty fills in", || {
        w.find_all(".history > .incident").len() == 20
    })
    .await;
    assert_eq!(
        w.find_all(".history .incident-body").len(),
        1,
        "only the newest is expanded"
    );
    let more = w.find("button.more").unwrap();
    assert_eq!(
        more.text_content().as_deref(),
        Some("Show older incidents (480 more)")
    );
    more.unchecked_ref::<web_sys::HtmlElement>().click();
    wait_until("twenty more show", || {
        w.find_all(".history > .incident").len() == 40
    })
    .await;

    // Opening a collapsed incident renders its body.
    let second = &w.find_all(".history > .incident summary")[1];
    second.unchecked_ref::<web_sys::HtmlElement>().click();
    wait_until("its body shows", || w.text().contains("Looking into it 1")).await;
    assert!(w.text().contains("Lesson 1"));
    w.assert_no_uncaught_error();
}

#[wasm_bindgen_test]
async fn a_permalink_opens_and_scrolls_to_its_incident_even_deep_in_the_history() {
    let key = unique("permalink");
    put(&key, &history_doc(60, false)).await;
    set_hash("past-45");
    let w = mount(&[("src", &doc_url(&key)), ("mode", "page"), ("lang", "en")]);
    wait_until("the linked incident shows", || {
        w.shadow()
            .get_element_by_id("past-45")
            .is_some_and(|e| e.query_selector(".incident-body").ok().flatten().is_some())
    })
    .await;
    wait_until("paged far enough back to show it", || {
        w.find_all(".history > .incident").len() == 60
    })
    .await;
    let target = w.shadow().get_element_by_id("past-45").unwrap();
    assert!(target
        .text_content()
        .unwrap()
        .contains("Looking into it 45"));
    sleep(50).await;
    let viewport = web_sys::window()
        .unwrap()
        .inner_height()
        .unwrap()
        .as_f64()
        .unwrap();
    let top = target.get_bounding_client_rect().top();
    assert!(
        top >= -1.0 && top < viewport,
        "scrolled into view: top {top}, viewport {viewport}"
    );

    // Following another permalink (hashchange) opens that one too.
    set_hash("past-7");
    wait_until("the second link opens", || {
        w.shadow()
            .get_element_by_id("past-7")
            .is_some_and(|e| e.query_selector(".incident-body").ok().flatten().is_some())
    })
    .await;
    set_hash("");
    w.assert_no_uncaught_error();
}

#[wasm_bindgen_test]
async fn a_statuspage_incidents_json_renders_as_a_page() {
    let key = unique("statuspage-page");
    put(&key, INCIDENTS).await;
    let w = mount(&[("src", &doc_url(&key)), ("mode", "page"), ("lang", "en")]);
    wait_until("the incident shows", || {
        w.find(".incident .incident-body").is_some()
    })
    .await;
    let text = w.text();
    assert_eq!(texts(&w, "h1"), ["Example Cloud"]);
    assert!(text.contains("Elevated error rates on sign-in"));
    assert!(
        text.contains("Critical incident · Resolved"),
        "postmortem reads as resolved"
    );
    assert_eq!(
        texts(&w, ".update-body"),
        [
            "Many users cannot sign in. We are investigating.",
            "A fix is deployed; we are watching error rates.",
            "Sign-in is working for everyone again.",
            "Our postmortem is published on the blog.",
        ]
    );
    assert!(text.contains("1 hour, 35 minutes"), "{text}");
    assert_eq!(
        w.find("a.link").unwrap().get_attribute("href").as_deref(),
        Some("https://stspg.io/zq3x8r")
    );
}

#[wasm_bindgen_test]
async fn the_page_follows_lang_and_says_when_the_status_is_unavailable() {
    let key = unique("page-de");
    put(&key, SEED).await;
    let w = mount(&[("src", &doc_url(&key)), ("mode", "page"), ("lang", "de")]);
    wait_until("the incident shows", || {
        w.find(".incident .incident-body").is_some()
    })
    .await;
    assert_eq!(texts(&w, "h4"), ["Verlauf", "Erkenntnisse", "Fazit"]);
    assert!(w.text().contains("Alle Systeme betriebsbereit"));
    assert!(
        w.text().contains("4 Tage, 3 Stunden und 30 Minuten")
            || w.text().contains("4 Tage, 3 Stunden, 30 Minuten"),
        "{}",
        w.text()
    );

    let broken = mount(&[
        ("src", &format!("{SERVER}/status/503/{key}")),
        ("mode", "page"),
        ("status-page", "https://status.example.org/"),
    ]);
    wait_until("the unavailable line shows", || {
        broken.find(".indicator").is_some()
    })
    .await;
    assert!(broken.text().contains("Status unavailable"));
    broken.assert_no_uncaught_error();
}
