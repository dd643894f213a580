//! Network faults from the project's test server, in real browsers: a slow trickle, a redirect
//! loop, a wrong content type, a CORS rejection, and a host that goes offline and comes back.
//! Each leaves the login form working, throws nothing into the page, writes one warning per
//! distinct failure, keeps the last good status, backs off, and recovers when the fault clears.
//! (404, 500, an HTML error page and a hanging host: `browser_reading.rs`.)
#![cfg(target_arch = "wasm32")]

mod browser_support;
use browser_support::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// The first event's kind and message, once one fired.
async fn first_error(w: &Mounted, within_seconds: u32) -> (String, String) {
    wait_until_within(within_seconds, "the error event fires", || {
        !w.events.borrow().is_empty()
    })
    .await;
    let (name, detail) = w.events.borrow()[0].clone();
    assert_eq!(name, "status-widget-error");
    (
        get(&detail, "kind").as_string().unwrap(),
        get(&detail, "message").as_string().unwrap(),
    )
}

#[wasm_bindgen_test]
async fn a_redirect_loop_and_a_cors_rejection_are_network_failures_that_leave_the_page_alone() {
    for route in ["loop", "nocors"] {
        let key = unique(route);
        put(
            &key,
            &incident_doc(&key, "Hidden", "major", "identified", &[]),
        )
        .await;
        let warnings = ConsoleSpy::new("warn");
        let input = login_field();
        let w = mount(&[("src", &format!("{SERVER}/{route}/{key}"))]);
        let (kind, message) = first_error(&w, 10).await;
        assert_eq!(kind, "network", "{route}");
        assert!(message.contains(&key), "{route}: {message}");
        assert_eq!(w.text(), "", "{route}: nothing on the page");
        assert_eq!(w.height(), 0.0);
        assert_login_field_works(&input);
        assert_eq!(warnings.containing(&key).len(), 1, "{route}: one warning");
        w.assert_no_uncaught_error();
        input.remove();
    }
}

#[wasm_bindgen_test]
async fn a_file_served_as_text_plain_still_shows() {
    let key = unique("type");
    put(
        &key,
        &incident_doc(&key, "Served as text", "minor", "identified", &[]),
    )
    .await;
    let w = mount(&[("src", &format!("{SERVER}/type/{key}"))]);
    wait_until("the banner shows", || w.text().contains("Served as text")).await;
    w.assert_no_uncaught_error();
}

#[wasm_bindgen_test]
async fn a_trickling_host_times_out_while_the_form_works() {
    let key = unique("trickle");
    put(
        &key,
        &incident_doc(&key, "Never complete", "major", "identified", &[]),
    )
    .await;
    let input = login_field();
    let w = mount(&[("src", &format!("{SERVER}/trickle/{key}"))]);
    sleep(1_000).await;
    assert_login_field_works(&input);
    assert_eq!(w.text(), "");
    // The widget gives up after 10 s.
    let (kind, _) = first_error(&w, 15).await;
    assert_eq!(kind, "timeout");
    assert_eq!(w.text(), "");
    w.assert_no_uncaught_error();
    input.remove();
}

/// Seconds between the widget's attempts to reach `key`, from request index `from` on. A browser
/// retries a request at once, by itself, when the server drops a kept-alive connection; requests
/// within 0.3 s of the one before are that retry, not the widget's.
async fn gaps(key: &str, from: usize) -> Vec<f64> {
    let times: Vec<f64> = requests(key)
        .await
        .iter()
        .map(|r| get(r, "time").as_f64().unwrap())
        .collect();
    let mut attempts: Vec<f64> = Vec::new();
    for t in &times[from..] {
        if attempts.last().is_none_or(|last| t - last > 0.3) {
            attempts.push(*t);
        }
    }
    attempts.windows(2).map(|w| w[1] - w[0]).collect()
}

#[wasm_bindgen_test]
async fn going_offline_keeps_the_last_status_backs_off_and_recovers() {
    let key = unique("offline");
    put(
        &key,
        &incident_doc(&key, "Before the outage", "major", "identified", &[]),
    )
    .await;
    let warnings = ConsoleSpy::new("warn");
    let input = login_field();
    let w = mount(&[("src", &doc_url(&key)), ("poll", "60")]);
    wait_until("the banner shows", || {
        w.text().contains("Before the outage")
    })
    .await;
    let window = web_sys::window().unwrap();

    control("offline", &key, "1").await;
    let before = requests(&key).await.len();
    // A browser coming back online makes the widget look at once (here: into the fault).
    window
        .dispatch_event(&web_sys::Event::new("online").unwrap())
        .unwrap();
    wait_until("the error event fires", || {
        w.event_names().contains(&"status-widget-error".into())
    })
    .await;
    let (_, detail) = w.events.borrow().last().unwrap().clone();
    assert_eq!(get(&detail, "kind").as_string().as_deref(), Some("network"));
    assert!(
        w.text().contains("Before the outage"),
        "the last good status stays"
    );
    assert_login_field_works(&input);

    // Retries back off (1–2 s, then 2–4 s) instead of following the poll or hammering the host.
    sleep(6_500).await;
    let gaps = gaps(&key, before).await;
    assert!(gaps.len() >= 2, "retried: {gaps:?}");
    assert!(
        (0.9..2.5).contains(&gaps[0]),
        "first retry after 1–2 s: {gaps:?}"
    );
    assert!(
        (1.9..4.5).contains(&gaps[1]),
        "second retry after 2–4 s: {gaps:?}"
    );
    assert_eq!(
        warnings.containing(&key).len(),
        1,
        "one warning for the same failure, however often it repeats"
    );

    // The fault clears: the next look shows the new status.
    control("offline", &key, "0").await;
    put(
        &key,
        &incident_doc(&key, "After the outage", "minor", "monitoring", &[]),
    )
    .await;
    window
        .dispatch_event(&web_sys::Event::new("online").unwrap())
        .unwrap();
    wait_until("the new status shows", || {
        w.text().contains("After the outage")
    })
    .await;
    assert!(!w.text().contains("Before the outage"));
    w.assert_no_uncaught_error();
    input.remove();
}
