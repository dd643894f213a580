//! The status page's uptime bars in real browsers: the seed incident moved to last week shows as
//! partial-outage days by the reader's own local days (each engine runs in another time zone),
//! days before the record have no data, a keyboard walk along the row reads each day's words,
//! a day opens its detail with a link to its incident, and Arabic mirrors the row.
#![cfg(target_arch = "wasm32")]

mod browser_support;
use browser_support::*;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

const SEED: &str = include_str!("../www/status.json");
const DAY_MS: f64 = 86_400_000.0;

/// The seed's five days (4–8 November 2024) moved so that its last day is `days_ago` UTC days
/// before today: every date in the file moves by the same whole number of days, so each update
/// keeps its time of day.
fn seed_moved(days_ago: i64) -> (String, f64) {
    let now = js_sys::Date::now();
    let today = (now / DAY_MS).floor() as i64;
    let nov_8 = 20_035; // days from 1970-01-01 to 2024-11-08
    let shift = today - days_ago - nov_8;
    let mut text = SEED.to_owned();
    for day in 4..=8 {
        let moved = utc_date((20_031 + (day - 4) + shift) as f64 * DAY_MS);
        text = text.replace(&format!("2024-11-0{day}"), &moved);
    }
    (text, shift as f64 * DAY_MS)
}

fn utc_date(ms: f64) -> String {
    let date = js_sys::Date::new(&JsValue::from_f64(ms));
    format!(
        "{:04}-{:02}-{:02}",
        date.get_utc_full_year(),
        date.get_utc_month() + 1,
        date.get_utc_date()
    )
}

/// The reader's local date of an instant, as `Date` (and so the engine's time zone) says it.
fn local_date(ms: f64) -> (u32, u32, u32) {
    let date = js_sys::Date::new(&JsValue::from_f64(ms));
    (date.get_full_year(), date.get_month() + 1, date.get_date())
}

/// The local dates of the `count` days that end today, oldest first.
fn last_days(count: usize) -> Vec<(u32, u32, u32)> {
    let today = js_sys::Date::new_0();
    (0..count)
        .rev()
        .map(|back| {
            let day = js_sys::Date::new_with_year_month_day(
                today.get_full_year(),
                today.get_month() as i32,
                today.get_date() as i32 - back as i32,
            );
            (day.get_full_year(), day.get_month() + 1, day.get_date())
        })
        .collect()
}

fn ms(rfc3339: &str) -> f64 {
    js_sys::Date::parse(rfc3339)
}

async fn seed_page(lang: &str) -> (Mounted, f64) {
    let (text, shift) = seed_moved(3);
    let key = unique("uptime");
    put(&key, &text).await;
    let w = mount(&[
        ("src", &doc_url(&key)),
        ("mode", "page"),
        ("lang", lang),
        ("uptime-days", "14"),
    ]);
    wait_until("the bars show", || w.find_all(".uptime-day").len() >= 28).await;
    (w, shift)
}

fn cells(w: &Mounted) -> Vec<Element> {
    w.find_all(".component:first-child .uptime-day")
}

fn active_label(w: &Mounted) -> String {
    w.shadow()
        .active_element()
        .and_then(|e| e.get_attribute("aria-label"))
        .unwrap_or_default()
}

fn press(w: &Mounted, key: &str) {
    let init = web_sys::KeyboardEventInit::new();
    init.set_key(key);
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_cancelable(true);
    let event =
        web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    w.shadow()
        .active_element()
        .expect("a day has focus")
        .dispatch_event(&event)
        .unwrap();
}

/// Presses `key` on the focused day and waits for focus to move; the new day's words.
async fn walk(w: &Mounted, key: &str) -> String {
    let before = active_label(w);
    press(w, key);
    wait_until(&format!("{key} moves focus from {before}"), || {
        active_label(w) != before
    })
    .await;
    active_label(w)
}

#[wasm_bindgen_test]
async fn the_seed_shows_partial_outage_days_by_the_readers_own_days() {
    let (w, shift) = seed_page("en").await;
    // The record begins on the local day of the incident's start; it is a partial outage (impact
    // major) on every local day from its start to its end, and operational after.
    let start = local_date(ms("2024-11-04T07:30:00Z") + shift);
    let end = local_date(ms("2024-11-08T11:00:00Z") + shift);
    let expected: Vec<&str> = last_days(14)
        .into_iter()
        .map(|day| {
            if day < start {
                "day-no_data"
            } else if day <= end {
                "day-partial_outage"
            } else {
                "day-operational"
            }
        })
        .collect();
    for component in w.find_all(".component") {
        let list = component.query_selector_all(".uptime-day").unwrap();
        let seen: Vec<String> = (0..list.length())
            .map(|i| {
                let cell: Element = list.item(i).unwrap().unchecked_into();
                cell.class_name().replace("uptime-day ", "")
            })
            .collect();
        assert_eq!(seen, expected, "{}", component.text_content().unwrap());
    }
    // 5 days of partial outage in a window of at most 14 days: the percentage is under the row.
    let percent = w.find(".uptime-percent").unwrap().text_content().unwrap();
    assert!(
        percent.ends_with("uptime") && percent.contains('%'),
        "{percent}"
    );
    // An outage day carries a pattern as well as a colour; a day without data is an outline.
    let partial = w.find(".day-partial_outage button").unwrap();
    assert!(computed(&partial, "background-image").contains("gradient"));
    let operational = w.find(".day-operational button").unwrap();
    assert_eq!(computed(&operational, "background-image"), "none");
    w.assert_no_uncaught_error();
}

#[wasm_bindgen_test]
async fn a_keyboard_walk_reads_each_days_words_and_a_day_opens_its_incident() {
    let (w, _) = seed_page("en").await;
    let days = cells(&w);
    let tab_stops: Vec<String> = days
        .iter()
        .map(|d| {
            d.query_selector("button")
                .unwrap()
                .unwrap()
                .get_attribute("tabindex")
                .unwrap()
        })
        .collect();
    assert_eq!(
        tab_stops.iter().filter(|t| *t == "0").count(),
        1,
        "one tab stop"
    );
    assert_eq!(tab_stops.last().unwrap(), "0", "today takes Tab");
    let today: HtmlElement = days
        .last()
        .unwrap()
        .query_selector("button")
        .unwrap()
        .unwrap()
        .unchecked_into();
    today.focus().unwrap();
    assert!(
        active_label(&w).ends_with(": No downtime"),
        "{}",
        active_label(&w)
    );
    let mut labels = vec![walk(&w, "Home").await];
    for _ in 1..days.len() {
        labels.push(walk(&w, "ArrowRight").await);
    }
    assert_eq!(labels.len(), 14);
    for (label, day) in labels.iter().zip(&days) {
        let class = day.class_name();
        if class.contains("no_data") {
            assert!(label.ends_with(": No data"), "{label}");
        } else if class.contains("partial_outage") {
            assert!(label.contains(": Partial outage, "), "{label}");
            assert!(
                label.ends_with(": Incident related to new logins"),
                "{label}"
            );
        } else {
            assert!(label.ends_with(": No downtime"), "{label}");
        }
        // "Tuesday, 5 November 2024" in the engine's own words: a weekday and a year.
        assert!(label.contains(", ") && label.contains("20"), "{label}");
    }
    assert_ne!(labels[0], labels[1], "each day reads its own date");
    press(&w, "ArrowRight");
    sleep(100).await;
    assert_eq!(active_label(&w), labels[13], "the row ends at today");
    assert_eq!(walk(&w, "ArrowLeft").await, labels[12]);
    // A tap or Enter on an outage day opens its detail, with the incident's permalink.
    let outage: HtmlElement = w
        .find(".component:first-child .day-partial_outage button")
        .unwrap()
        .unchecked_into();
    outage.click();
    yew::scheduler::flush().await;
    before_next_paint().await;
    assert_eq!(
        outage.get_attribute("aria-expanded").as_deref(),
        Some("true")
    );
    let detail = w.find(".component:first-child .uptime-detail").unwrap();
    assert!(!detail.has_attribute("hidden"));
    let link = detail
        .query_selector("a")
        .unwrap()
        .expect("a link to the incident");
    assert_eq!(
        link.text_content().unwrap(),
        "Incident related to new logins"
    );
    assert!(link.get_attribute("href").unwrap().ends_with("-new-logins"));
    w.assert_no_uncaught_error();
}

#[wasm_bindgen_test]
async fn arabic_mirrors_the_row_oldest_on_the_right() {
    let (w, _) = seed_page("ar").await;
    let days = cells(&w);
    let left = |e: &Element| e.get_bounding_client_rect().left();
    assert!(
        left(&days[0]) > left(days.last().unwrap()),
        "the oldest day is on the right"
    );
    let label = days[13]
        .query_selector("button")
        .unwrap()
        .unwrap()
        .get_attribute("aria-label")
        .unwrap();
    assert!(
        label
            .chars()
            .any(|c| ('\u{0600}'..='\u{06FF}').contains(&c)),
        "Arabic words: {label}"
    );
    w.assert_no_uncaught_error();
}

#[wasm_bindgen_test]
async fn derive_status_returns_the_window_the_bars_draw() {
    let (w, _) = seed_page("en").await;
    let (text, _) = seed_moved(3);
    let settings = js_sys::Object::new();
    js_sys::Reflect::set(&settings, &"uptime-days".into(), &14.into()).unwrap();
    let report = status_widget::js::api::derive_status(
        JsValue::from_str(&text),
        JsValue::from_f64(js_sys::Date::now()),
        settings.into(),
    );
    let uptime = js_sys::Array::from(&get(&report, "uptime"));
    let components = w.find_all(".component");
    assert_eq!(uptime.length() as usize, components.len());
    // Dates in the engine's own zone, as the page counts them.
    let dates: Vec<String> = last_days(14)
        .into_iter()
        .map(|(y, m, d)| format!("{y:04}-{m:02}-{d:02}"))
        .collect();
    for (i, component) in components.iter().enumerate() {
        let window = uptime.get(i as u32);
        let days = js_sys::Array::from(&get(&window, "days"));
        let report_days: Vec<(String, String)> = days
            .iter()
            .map(|d| {
                let text = |k| get(&d, k).as_string().unwrap();
                (text("date"), text("state"))
            })
            .collect();
        let list = component.query_selector_all(".uptime-day").unwrap();
        let drawn: Vec<String> = (0..list.length())
            .map(|k| {
                let cell: Element = list.item(k).unwrap().unchecked_into();
                cell.class_name().replace("uptime-day day-", "")
            })
            .collect();
        let states: Vec<String> = report_days.iter().map(|(_, s)| s.clone()).collect();
        assert_eq!(states, drawn, "the report's states are the bars'");
        let report_dates: Vec<String> = report_days.into_iter().map(|(d, _)| d).collect();
        assert_eq!(report_dates, dates);
        assert!(states.iter().any(|s| s == "partial_outage"), "{states:?}");
        let percent = get(&window, "percent").as_f64().unwrap();
        assert!(percent > 50.0 && percent < 100.0, "{percent}");
        // The page writes the same figure.
        let shown = component
            .query_selector(".uptime-percent")
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap();
        assert!(
            shown.starts_with(&format!("{percent:.2}%")),
            "{shown} / {percent}"
        );
    }
    w.assert_no_uncaught_error();
}
