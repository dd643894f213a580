//! Uptime per component and day (`status_core::view::uptime`), checked against tables worked out
//! by hand (the arithmetic is in the comments, never taken from the code under test): the seed
//! incident in two time zones, overlapping incidents, an open one, maintenance, states set by
//! updates, a component created mid-window, two real Statuspage histories (read from
//! `../shared/fixtures/real/` at test time) and Upptime's own figures.
#![cfg(not(target_arch = "wasm32"))]

mod native_support;
use native_support::*;
use status_core::formats::{load_str, Format};
use status_core::model::{CalendarDate, StatusDocument, Timestamp};
use status_core::view::{uptime, ComponentUptime, DayState, FixedOffset, UptimeDay};

const MIN: i64 = 60_000;

fn t(s: &str) -> Timestamp {
    Timestamp::parse_rfc3339(s).unwrap()
}

fn date(s: &str) -> CalendarDate {
    CalendarDate::parse(s).unwrap()
}

fn doc(json: &str) -> StatusDocument {
    load_str(json, Format::Auto).unwrap().document
}

/// The windows of `doc` over `days` days ending on the day of `now`, at `offset` minutes from UTC.
fn windows(doc: &StatusDocument, days: u16, now: &str, offset: i64) -> Vec<ComponentUptime> {
    uptime(doc, days, t(now), &FixedOffset(offset))
}

fn window_of<'a>(
    doc: &StatusDocument,
    all: &'a [ComponentUptime],
    id: &str,
) -> &'a ComponentUptime {
    all.iter()
        .find(|w| doc.components[w.component].id == id)
        .unwrap_or_else(|| panic!("no window for {id}"))
}

/// Each day as (date, state, minutes in that state).
fn table(w: &ComponentUptime) -> Vec<(String, DayState, i64)> {
    w.days
        .iter()
        .map(|d: &UptimeDay| (d.date.to_string(), d.state, d.worst_ms() / MIN))
        .collect()
}

fn row(day: &str, state: DayState, minutes: i64) -> (String, DayState, i64) {
    (day.to_owned(), state, minutes)
}

use DayState::{
    Degraded, Maintenance, MajorOutage as Major, NoData, Operational as Up,
    PartialOutage as Partial,
};

/// The seed incident (impact major, so a partial outage on Statuspage's scale, for Login and Web
/// app) from 2024-11-04T07:30Z to 2024-11-08T11:00Z, seen from Europe/London (UTC in November)
/// on 10 November at noon over 7 days:
/// - 4 Nov: 07:30 to midnight = 16 h 30 = 990 min; 5, 6, 7 Nov: 1440 min each; 8 Nov: 0:00 to
///   11:00 = 660 min; 9 and 10 Nov: nothing. In all 990 + 3 × 1440 + 660 = 5970 min.
/// - The record begins on 4 Nov, the day of the file's oldest entry: 4 Nov 00:00 to 10 Nov 12:00
///   is 6 days 12 hours = 9360 min recorded.
/// - Downtime 0.3 × 5970 = 1791 min; uptime 1 − 1791 / 9360 = 0.808653… → 80.86 %.
#[test]
fn the_seed_incident_over_a_week_in_london() {
    let seed = doc(&www("status.json"));
    let all = windows(&seed, 7, "2024-11-10T12:00:00Z", 0);
    assert_eq!(all.len(), 2, "Login and Web app");
    for id in ["login", "app"] {
        let w = window_of(&seed, &all, id);
        assert_eq!(
            table(w),
            [
                row("2024-11-04", Partial, 990),
                row("2024-11-05", Partial, 1440),
                row("2024-11-06", Partial, 1440),
                row("2024-11-07", Partial, 1440),
                row("2024-11-08", Partial, 660),
                row("2024-11-09", Up, 0),
                row("2024-11-10", Up, 0),
            ],
            "{id}"
        );
        assert_eq!(w.percent, Some(80.86), "{id}");
        assert_eq!(w.days[0].incidents, [0], "the day links its incident");
        assert!(w.days[5].incidents.is_empty());
    }
}

/// The same from Los Angeles (UTC−8 in November, after 3 November's change), same instant
/// (10 Nov 04:00 there): the outage runs 3 Nov 23:30 to 8 Nov 03:00 local, so a day boundary
/// falls half an hour in.
/// - 3 Nov (before the window): 30 min. 4–7 Nov: 1440 min each. 8 Nov: 0:00 to 03:00 = 180 min.
/// - The record begins on 3 Nov (the oldest entry's local day), before the window: every day of
///   4–10 Nov is recorded, 4 Nov 00:00 to 10 Nov 04:00 = 6 days 4 hours = 8880 min.
/// - Downtime 0.3 × (4 × 1440 + 180) = 0.3 × 5940 = 1782 min; 1 − 1782 / 8880 = 0.799324… →
///   79.93 %.
#[test]
fn the_seed_incident_over_a_week_in_los_angeles() {
    let seed = doc(&www("status.json"));
    let all = windows(&seed, 7, "2024-11-10T12:00:00Z", -8 * 60);
    let w = window_of(&seed, &all, "login");
    assert_eq!(
        table(w),
        [
            row("2024-11-04", Partial, 1440),
            row("2024-11-05", Partial, 1440),
            row("2024-11-06", Partial, 1440),
            row("2024-11-07", Partial, 1440),
            row("2024-11-08", Partial, 180),
            row("2024-11-09", Up, 0),
            row("2024-11-10", Up, 0),
        ]
    );
    assert_eq!(w.percent, Some(79.93));
    // On 3 Nov at 23:59:59.999 local the first day holds the outage's first half hour (less a
    // millisecond: 29 whole minutes), and the days before it have no data: 1 − 0.3 × 30 / 1440 =
    // 0.99375 → 99.37 % (the missing millisecond on both sides moves it by less than 10⁻⁸).
    let earlier = windows(&seed, 7, "2024-11-04T07:59:59.999Z", -8 * 60);
    let w = window_of(&seed, &earlier, "login");
    assert_eq!(
        table(w),
        [
            row("2024-10-28", NoData, 0),
            row("2024-10-29", NoData, 0),
            row("2024-10-30", NoData, 0),
            row("2024-10-31", NoData, 0),
            row("2024-11-01", NoData, 0),
            row("2024-11-02", NoData, 0),
            row("2024-11-03", Partial, 29),
        ]
    );
    assert_eq!(w.percent, Some(99.37));
}

/// At the file's own date (8 Nov 11:05Z) over the default 90 days: 86 days without data, then
/// 4 Nov 00:00 to 8 Nov 11:05 recorded = 4 days 11 h 05 = 6425 min, 5970 min of partial outage:
/// 1 − 1791 / 6425 = 0.721245… → 72.12 %.
#[test]
fn the_seed_over_ninety_days_at_the_files_date() {
    let seed = doc(&www("status.json"));
    let all = windows(&seed, 90, "2024-11-08T11:05:00Z", 0);
    let w = window_of(&seed, &all, "app");
    assert_eq!(w.days.len(), 90);
    assert_eq!(w.days.iter().filter(|d| d.state == NoData).count(), 85);
    assert_eq!(w.days[85].date, date("2024-11-04"));
    assert_eq!(w.percent, Some(72.12));
}

const SERVICE: &str =
    r#""version": 1, "components": [{"id": "api", "name": "API"}, {"id": "web", "name": "Web"}]"#;

/// A critical incident 10:00–12:00 and a major one 11:00–14:00 on 10 Jan: the worse state
/// holds where they overlap, so 10:00–12:00 is a major outage (120 min) and 12:00–14:00 a
/// partial one (120 min), never 11:00–12:00 twice. Recorded: all of 10 Jan (1440 min; 11 Jan
/// has not begun at midnight). Downtime 120 + 0.3 × 120 = 156 min: 1 − 156 / 1440 =
/// 0.891666… → 89.16 %.
#[test]
fn overlapping_incidents_are_counted_once_at_the_worse_state() {
    let d = doc(&format!(
        r#"{{ {SERVICE}, "incidents": [
        {{"id": "a", "title": "A", "impact": "critical", "status": "resolved", "components": ["api"],
          "started_at": "2025-01-10T10:00:00Z", "resolved_at": "2025-01-10T12:00:00Z"}},
        {{"id": "b", "title": "B", "impact": "major", "status": "resolved", "components": ["api"],
          "started_at": "2025-01-10T11:00:00Z", "resolved_at": "2025-01-10T14:00:00Z"}} ] }}"#
    ));
    let all = windows(&d, 7, "2025-01-11T00:00:00Z", 0);
    let api = window_of(&d, &all, "api");
    let day = &api.days[5];
    assert_eq!(day.date, date("2025-01-10"));
    assert_eq!(
        (day.state, day.major_ms / MIN, day.partial_ms / MIN),
        (Major, 120, 120)
    );
    assert_eq!(day.incidents, [0, 1]);
    assert_eq!(api.days[6].state, Up);
    assert_eq!(api.percent, Some(89.16));
    // The other component was up all along, from the same first day.
    let web = window_of(&d, &all, "web");
    assert_eq!(web.days[5].state, Up);
    assert_eq!(web.days[4].state, NoData);
    assert_eq!(web.percent, Some(100.0));
}

/// A critical incident opened at 22:00 on 10 Jan and still investigating at 01:00 on 11 Jan
/// counts until now: 120 min on 10 Jan, 60 on 11 Jan. Recorded 10 Jan 00:00 to 11 Jan 01:00 =
/// 1500 min: 1 − 180 / 1500 = 0.88 → 88.00 %.
#[test]
fn an_open_incident_counts_until_now() {
    let d = doc(&format!(
        r#"{{ {SERVICE}, "incidents": [
        {{"id": "open", "title": "Down", "impact": "critical", "status": "investigating",
          "components": ["api"], "started_at": "2025-01-10T22:00:00Z"}} ] }}"#
    ));
    let all = windows(&d, 7, "2025-01-11T01:00:00Z", 0);
    let api = window_of(&d, &all, "api");
    assert_eq!(
        table(api)[5..],
        [row("2025-01-10", Major, 120), row("2025-01-11", Major, 60)]
    );
    assert_eq!(api.percent, Some(88.0));
}

/// Maintenance is shown as maintenance and is not downtime; under an outage the outage shows.
/// Maintenance 02:00–06:00 on 10 Jan (240 min) with a minor incident (degraded performance, not
/// downtime either) 05:00–07:00: 02:00–05:00 maintenance (180 min), 05:00–07:00 degraded
/// (120 min). The day's worst is degraded; uptime stays 100 %.
#[test]
fn maintenance_and_degraded_performance_are_not_downtime() {
    let d = doc(&format!(
        r#"{{ {SERVICE}, "maintenances": [
        {{"id": "m", "title": "Upgrade", "status": "completed", "components": ["api"],
          "starts_at": "2025-01-10T02:00:00Z", "ends_at": "2025-01-10T06:00:00Z"}},
        {{"id": "later", "title": "Later", "status": "scheduled", "components": ["api"],
          "starts_at": "2025-01-20T02:00:00Z", "ends_at": "2025-01-20T06:00:00Z"}} ],
        "incidents": [
        {{"id": "slow", "title": "Slow", "impact": "minor", "status": "resolved", "components": ["api"],
          "started_at": "2025-01-10T05:00:00Z", "resolved_at": "2025-01-10T07:00:00Z"}} ] }}"#
    ));
    let all = windows(&d, 7, "2025-01-11T00:00:00Z", 0);
    let day = &window_of(&d, &all, "api").days[5];
    assert_eq!(
        (day.state, day.maintenance_ms / MIN, day.degraded_ms / MIN),
        (Degraded, 180, 120)
    );
    assert_eq!(
        (day.incidents.as_slice(), day.maintenances.as_slice()),
        (&[0][..], &[0][..])
    );
    assert_eq!(window_of(&d, &all, "api").percent, Some(100.0));
    // Maintenance alone makes a maintenance day.
    let only = doc(&format!(
        r#"{{ {SERVICE}, "maintenances": [
        {{"id": "m", "title": "Upgrade", "status": "completed", "components": ["web"],
          "starts_at": "2025-01-10T02:00:00Z", "ends_at": "2025-01-10T06:00:00Z"}} ],
        "incidents": [] }}"#
    ));
    let all = windows(&only, 7, "2025-01-11T00:00:00Z", 0);
    let web = window_of(&only, &all, "web");
    assert_eq!(table(web)[5], row("2025-01-10", Maintenance, 240));
    assert_eq!(web.percent, Some(100.0));
}

/// An incident of impact major (a partial outage) from 10:00 to 13:00 whose 11:00 update puts
/// the API in a major outage and whose 12:00 update puts it back: 10:00–11:00 partial (the
/// impact stands in before the first state), 11:00–12:00 major, 12:00–13:00 up. Downtime
/// 60 + 0.3 × 60 = 78 min of 1440: 1 − 78 / 1440 = 0.945833… → 94.58 %.
#[test]
fn states_set_by_updates_lead_where_the_file_gives_them() {
    let d = doc(&format!(
        r#"{{ {SERVICE}, "incidents": [
        {{"id": "x", "title": "X", "impact": "major", "status": "resolved", "components": ["api"],
          "started_at": "2025-01-10T10:00:00Z", "resolved_at": "2025-01-10T13:00:00Z",
          "updates": [
            {{"at": "2025-01-10T10:00:00Z", "body": "Looking."}},
            {{"at": "2025-01-10T11:00:00Z", "body": "Down.", "components": {{"api": "major_outage"}}}},
            {{"at": "2025-01-10T12:00:00Z", "body": "Back.", "components": {{"api": "operational"}}}} ] }} ] }}"#
    ));
    let all = windows(&d, 7, "2025-01-11T00:00:00Z", 0);
    let day = &window_of(&d, &all, "api").days[5];
    assert_eq!(
        (day.state, day.major_ms / MIN, day.partial_ms / MIN),
        (Major, 60, 60)
    );
    assert_eq!(window_of(&d, &all, "api").percent, Some(94.58));
}

/// A component created on 8 Jan at 15:00 in a file whose oldest entry is on 5 Jan: its days
/// before 8 Jan have no data, the older component's before 5 Jan. Window 4–10 Jan at noon.
/// The new one's record: 8 Jan 00:00 to 10 Jan 12:00 = 3600 min, all up → 100 %.
#[test]
fn a_component_created_mid_window_has_no_data_before_it() {
    let d = doc(
        r#"{ "version": 1, "components": [{"id": "api", "name": "API"},
        {"id": "new", "name": "New", "created_at": "2025-01-08T15:00:00Z"}],
        "incidents": [{"id": "x", "title": "X", "impact": "critical", "status": "resolved",
          "components": ["api"], "started_at": "2025-01-05T10:00:00Z",
          "resolved_at": "2025-01-05T10:30:00Z"}] }"#,
    );
    let all = windows(&d, 7, "2025-01-10T12:00:00Z", 0);
    let states = |id| -> Vec<DayState> {
        window_of(&d, &all, id)
            .days
            .iter()
            .map(|d| d.state)
            .collect()
    };
    assert_eq!(states("api"), [NoData, Major, Up, Up, Up, Up, Up]);
    assert_eq!(states("new"), [NoData, NoData, NoData, NoData, Up, Up, Up]);
    assert_eq!(window_of(&d, &all, "new").percent, Some(100.0));
    // API: 5 Jan 00:00 to 10 Jan 12:00 = 7920 min with 30 min down: 1 − 30 / 7920 = 0.996212… →
    // 99.62 %.
    assert_eq!(window_of(&d, &all, "api").percent, Some(99.62));
}

/// A file with no history (no incident, no maintenance with a time) shows no bars at all rather
/// than 100 %, and `uptime-days` is held to 7–365.
#[test]
fn no_history_shows_no_bars_and_the_window_is_clamped() {
    let d = doc(&format!(r#"{{ {SERVICE}, "incidents": [] }}"#));
    assert!(windows(&d, 90, "2025-01-10T12:00:00Z", 0).is_empty());
    let seed = doc(&www("status.json"));
    assert_eq!(
        windows(&seed, 1, "2024-11-10T12:00:00Z", 0)[0].days.len(),
        7
    );
    assert_eq!(
        windows(&seed, 9999, "2024-11-10T12:00:00Z", 0)[0]
            .days
            .len(),
        365
    );
}

/// GitHub's summary of 25 November 2022 (captured 15:50:05.892Z), one open incident whose updates
/// set Packages and Pages (their `affected_components`, worked through by hand):
/// - Packages: operational until 14:39:29.123, partial outage until 15:40:46.461 (61 min
///   17.338 s = 3,677,338 ms), then a major outage until the capture (9 min 19.431 s =
///   559,431 ms).
/// - Pages: operational until 15:06:53.071, partial outage until 15:50:04.967 (43 min 11.896 s =
///   2,591,896 ms), then operational.
/// - The record begins on 25 Nov (the incident started 14:39:09.542): 00:00 to 15:50:05.892 =
///   57,005,892 ms recorded.
/// - Packages: 1 − (559,431 + 0.3 × 3,677,338) / 57,005,892 = 1 − 1,662,632.4 / 57,005,892 =
///   0.970833… → 97.08 %. Pages: 1 − 777,568.8 / 57,005,892 = 0.986359… → 98.63 %.
#[test]
#[cfg_attr(not(real_documents), ignore = "needs ../shared/fixtures/real")]
fn github_on_25_november_2022_from_its_affected_components() {
    let d = load_real("statuspage/github-summary-2022-11-25-active-incident.json").document;
    let all = windows(&d, 7, "2022-11-25T15:50:05.892Z", 0);
    assert_eq!(all.len(), d.components.len());
    let packages = window_of(&d, &all, "st3j38cctv9l");
    let today = packages.days.last().unwrap();
    assert_eq!(
        (today.state, today.major_ms, today.partial_ms),
        (Major, 559_431, 3_677_338)
    );
    assert_eq!(packages.percent, Some(97.08));
    let pages = window_of(&d, &all, "vg70hn9s2tyj");
    let today = pages.days.last().unwrap();
    assert_eq!((today.state, today.partial_ms), (Partial, 2_591_896));
    assert_eq!(pages.percent, Some(98.63));
    assert!(pages.days[..6].iter().all(|d| d.state == NoData));
    let issues = window_of(&d, &all, "kr09ddfgbfsf");
    assert_eq!((issues.days[6].state, issues.percent), (Up, Some(100.0)));
}

/// GitHub's summary of 9 February 2026 (captured 17:08:38.299Z), three open incidents:
/// - Issues: in "Incident with Pull Requests" (16:19:22.223), first named at 16:20:14.964 (was
///   operational), a major outage until 16:50:58.453 (30 min 43.489 s = 1,843,489 ms), then a
///   partial outage until the capture (17 min 39.846 s = 1,059,846 ms).
/// - Copilot: its own minor incident, partial outage from 16:29:41.450 (38 min 56.849 s =
///   2,336,849 ms).
/// - The minor incident that names no component (15:54:52.815) is in no bar, but it is the
///   file's oldest entry: the record begins on 9 Feb, 00:00 to 17:08:38.299 = 61,718,299 ms.
/// - Issues: 1 − (1,843,489 + 0.3 × 1,059,846) / 61,718,299 = 1 − 2,161,442.8 / 61,718,299 =
///   0.964978… → 96.49 %. Copilot: 1 − 701,054.7 / 61,718,299 = 0.988641… → 98.86 %.
#[test]
#[cfg_attr(not(real_documents), ignore = "needs ../shared/fixtures/real")]
fn github_on_9_february_2026_from_its_affected_components() {
    let d = load_real("statuspage/github-summary-2026-02-09-three-incidents.json").document;
    let all = windows(&d, 30, "2026-02-09T17:08:38.299Z", 0);
    let issues = window_of(&d, &all, "kr09ddfgbfsf");
    let today = issues.days.last().unwrap();
    assert_eq!(
        (today.state, today.major_ms, today.partial_ms),
        (Major, 1_843_489, 1_059_846)
    );
    assert_eq!(issues.percent, Some(96.49));
    let copilot = window_of(&d, &all, "pjmpxvq2cmr2");
    assert_eq!(copilot.days.last().unwrap().partial_ms, 2_336_849);
    assert_eq!(copilot.percent, Some(98.86));
    let packages = window_of(&d, &all, "st3j38cctv9l");
    assert_eq!(packages.percent, Some(100.0));
}

/// Upptime's summary carries its own figures: over 7 days its `uptimeWeek` (Hacker News
/// 100.00 %, the broken site 0.00 %), with its minutes down per day; over 90 days (a window it
/// has no figure for) its minutes: Hacker News was down 139 min on 19 Nov, all of 20 Nov to
/// 7 Dec (18 × 1440 = 25,920) and 840 min on 8 Dec 2022 = 26,899 of 90 × 1440 = 129,600 min:
/// 1 − 26,899 / 129,600 = 0.792446… → 79.24 %.
#[test]
#[cfg_attr(not(real_documents), ignore = "needs ../shared/fixtures/real")]
fn upptime_shows_its_own_figures() {
    let d = load_real("upptime/upptime-upptime-history-summary.json").document;
    let week = windows(&d, 7, "2023-01-10T12:00:00Z", 0);
    let hn = window_of(&d, &week, "hacker-news");
    assert!(hn.declared);
    assert_eq!(hn.percent, Some(100.0));
    assert!(hn.days.iter().all(|d| d.state == Up));
    let broken = window_of(&d, &week, "test-broken-site");
    assert_eq!(broken.percent, Some(0.0));
    assert_eq!(table(broken)[6], row("2023-01-10", Major, 70));
    let quarter = windows(&d, 90, "2023-01-10T12:00:00Z", 0);
    let hn = window_of(&d, &quarter, "hacker-news");
    assert_eq!(hn.percent, Some(79.24));
    assert_eq!(
        table(hn)
            .into_iter()
            .filter(|(_, s, _)| *s == Major)
            .count(),
        20
    );
}

/// `deriveStatus` returns the same window as plain data: the seed's week in London (the table of
/// `the_seed_incident_over_a_week_in_london`), each day's milliseconds worked out by hand
/// (990 min = 59,400,000 ms; 1440 min = 86,400,000 ms; 660 min = 39,600,000 ms), the incident by
/// its id, and the percentage.
#[test]
fn derive_status_returns_each_components_window() {
    use serde_json::json;
    use status_core::view::{derive, ReadReport, ViewReport, ViewSettings};
    let text = www("status.json");
    let result = load_str(&text, Format::Auto);
    let read = ReadReport::of(&result);
    let seed = std::rc::Rc::new(result.unwrap().document);
    let id = seed.incidents[0].id.clone();
    let settings = ViewSettings {
        uptime_days: Some(7),
        ..ViewSettings::default()
    };
    let view = derive(&seed, &settings, t("2024-11-10T12:00:00Z"));
    let report = serde_json::to_value(ViewReport::of(read, &view, &FixedOffset(0))).unwrap();
    let uptime = report["uptime"].as_array().unwrap();
    assert_eq!(uptime.len(), 2);
    let day = |date: &str, partial: i64, incidents: &[&str]| {
        json!({"date": date, "state": if partial > 0 { "partial_outage" } else { "operational" },
            "majorOutageMs": 0, "partialOutageMs": partial, "degradedMs": 0, "maintenanceMs": 0,
            "incidents": incidents, "maintenances": []})
    };
    let login = &uptime[0];
    assert_eq!(login["component"], "login");
    assert_eq!(login["name"], seed.components[0].name.as_str());
    assert_eq!(login["percent"], 80.86);
    assert_eq!(login["declared"], false);
    assert_eq!(
        login["days"],
        json!([
            day("2024-11-04", 59_400_000, &[&id]),
            day("2024-11-05", 86_400_000, &[&id]),
            day("2024-11-06", 86_400_000, &[&id]),
            day("2024-11-07", 86_400_000, &[&id]),
            day("2024-11-08", 39_600_000, &[&id]),
            day("2024-11-09", 0, &[]),
            day("2024-11-10", 0, &[]),
        ])
    );
    assert_eq!(uptime[1]["component"], "app");
    assert_eq!(uptime[1]["days"], login["days"]);
}

/// The page keeps the bars' room from its first frame by `with_window`, and counts them a task
/// later by `uptime`: the two agree on every fixture and on the real documents (when present),
/// before, during and after what the file records.
#[test]
fn with_window_says_which_components_uptime_gives_a_window() {
    use status_core::view::with_window;
    let mut dirs = vec![root().join("tests/fixtures"), root().join("www")];
    if real_path("").is_dir() {
        dirs.push(real_path(""));
    }
    let mut checked = 0;
    let mut with_bars = 0;
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
                continue;
            }
            let Ok(text) = std::fs::read_to_string(&path) else {
                continue;
            };
            let Ok(loaded) = load_str(&text, Format::Auto) else {
                continue;
            };
            let doc = loaded.document;
            for now in [
                "2000-01-01T00:00:00Z",
                "2024-11-06T00:00:00Z",
                "2030-01-01T00:00:00Z",
            ] {
                let windows = uptime(&doc, 90, t(now), &FixedOffset(0));
                let said = with_window(&doc, t(now));
                assert_eq!(said.len(), doc.components.len());
                for (index, &said) in said.iter().enumerate() {
                    let counted = windows.iter().any(|w| w.component == index);
                    assert_eq!(
                        said,
                        counted,
                        "{} at {now}: component {index}",
                        path.display()
                    );
                    with_bars += usize::from(counted);
                }
                checked += 1;
            }
        }
    }
    assert!(
        checked > 60 && with_bars > 20,
        "{checked} checks, {with_bars} windows"
    );
}

/// An update's `components` that is not an object of ids to states is an error and is ignored;
/// a state the format does not have is an error and reads as the fallback (`unknown`, counted as
/// degraded performance), so the day still shows that something was wrong.
#[test]
fn update_component_states_that_cannot_be_read_are_errors() {
    let text = r#"{"version": 1, "components": [{"id": "login", "name": "Login", "status": "operational"}],
      "incidents": [{"id": "x", "title": "Down", "impact": "critical", "status": "resolved",
        "started_at": "2024-11-04T00:00:00Z", "resolved_at": "2024-11-04T02:00:00Z",
        "components": ["login"], "updates": [
          {"at": "2024-11-04T00:00:00Z", "body": "a", "components": 3},
          {"at": "2024-11-04T01:00:00Z", "body": "b", "components": {"login": "exploded"}}]}]}"#;
    let loaded = load_str(text, Format::Auto).unwrap();
    assert_eq!(
        messages(&loaded),
        [
            "line 5, column 69: incidents[0].updates[0].components: expected an object of \
             component ids to statuses, found a number; ignored",
            "line 6, column 79: incidents[0].updates[1].components: unknown component status \
             `exploded` (expected one of operational, under_maintenance, degraded_performance, \
             partial_outage, major_outage); read as `unknown`",
        ]
    );
    // 00:00–01:00 by the impact (critical: a major outage), 01:00–02:00 the fallback.
    let all = windows(&loaded.document, 7, "2024-11-05T00:00:00Z", 0);
    let day = &all[0].days[5];
    assert_eq!(day.date.to_string(), "2024-11-04");
    assert_eq!((day.major_ms / MIN, day.degraded_ms / MIN), (60, 60));
}
