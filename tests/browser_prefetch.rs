//! The hand-over of the loader's early status read (`offerStatus`, src/io/prefetch.rs) in real
//! browsers: a widget's first read uses it instead of asking the server, an old one is not used,
//! a failed one is reported as the widget's own fetch would be, and polling asks the server.
#![cfg(target_arch = "wasm32")]

mod browser_support;
use browser_support::*;
use status_widget::embed::offer_status;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Offers, for `url`, the answer the loader would hand over: `{ status, url, body, receivedAt }`,
/// the body the bytes of `text` in an `ArrayBuffer`.
fn offer(url: &str, status: f64, text: &str, age_ms: f64) {
    let answer = js_sys::Object::new();
    let set =
        |key: &str, value: JsValue| js_sys::Reflect::set(&answer, &key.into(), &value).unwrap();
    set("status", status.into());
    set("url", url.into());
    set(
        "body",
        js_sys::Uint8Array::from(text.as_bytes()).buffer().into(),
    );
    set("receivedAt", (js_sys::Date::now() - age_ms).into());
    offer_status(
        url.to_owned(),
        js_sys::Promise::resolve(&JsValue::from(answer)),
    );
}

fn doc(id: &str, title: &str) -> String {
    incident_doc(id, title, "major", "identified", &["Investigating"])
}

/// GET requests the test server saw for `key`.
async fn gets(key: &str) -> usize {
    requests(key)
        .await
        .iter()
        .filter(|r| get(r, "method").as_string().as_deref() == Some("GET"))
        .count()
}

fn error_kinds(w: &Mounted) -> Vec<String> {
    w.events
        .borrow()
        .iter()
        .filter(|(name, _)| name == "status-widget-error")
        .filter_map(|(_, detail)| get(detail, "kind").as_string())
        .collect()
}

#[wasm_bindgen_test]
async fn the_first_read_uses_the_loaders_answer_and_polls_ask_the_server() {
    let key = unique("handed");
    put(&key, &doc(&unique("server"), "Served by the status host")).await;
    offer(
        &doc_url(&key),
        200.0,
        &doc(
            &unique("loader"),
            "Read by the loader: Anmeldung schlägt fehl 🔒",
        ),
        0.0,
    );
    let w = mount(&[("src", &doc_url(&key)), ("poll", "0.4")]);
    // The body crosses as bytes: words outside ASCII arrive whole.
    wait_until("the loader's read shows", || {
        w.text()
            .contains("Read by the loader: Anmeldung schlägt fehl 🔒")
    })
    .await;
    assert_eq!(gets(&key).await, 0, "the first read did not ask the server");
    // Polling is the widget's own: the next read goes to the server.
    wait_until("the next poll shows the served file", || {
        w.text().contains("Served by the status host")
    })
    .await;
    assert!(gets(&key).await >= 1);
    w.assert_no_uncaught_error();
}

#[wasm_bindgen_test]
async fn an_answer_older_than_thirty_seconds_is_not_used() {
    let key = unique("old");
    put(&key, &doc(&unique("server"), "Served by the status host")).await;
    offer(
        &doc_url(&key),
        200.0,
        &doc(&unique("loader"), "An old read"),
        60_000.0,
    );
    let w = mount(&[("src", &doc_url(&key)), ("poll", "0")]);
    wait_until("the served file shows", || {
        w.text().contains("Served by the status host")
    })
    .await;
    assert!(!w.text().contains("An old read"));
    assert_eq!(gets(&key).await, 1);
}

#[wasm_bindgen_test]
async fn a_failed_answer_is_reported_as_the_widgets_own_fetch_would_be() {
    for (status, kind) in [(-1.0, "timeout"), (0.0, "network"), (503.0, "http")] {
        let key = unique("failed");
        put(&key, &doc(&unique("server"), "Served by the status host")).await;
        offer(&doc_url(&key), status, "", 0.0);
        let w = mount(&[("src", &doc_url(&key)), ("poll", "0")]);
        // Far sooner than the 10 s timeout: the loader's answer is the first read's outcome.
        wait_until_within(5, "the error event", || !error_kinds(&w).is_empty()).await;
        assert_eq!(error_kinds(&w), [kind], "status {status}");
        assert_eq!(w.text(), "", "a banner with nothing read stays empty");
        assert_eq!(
            gets(&key).await,
            0,
            "status {status}: the server was not asked"
        );
        w.assert_no_uncaught_error();
    }
}

#[wasm_bindgen_test]
async fn a_failed_first_source_falls_over_to_the_next_without_asking_it_again() {
    let (first, second) = (unique("first"), unique("second"));
    put(&second, &doc(&unique("second"), "From the second source")).await;
    offer(&doc_url(&first), 500.0, "", 0.0);
    let src = format!("{} {}", doc_url(&first), doc_url(&second));
    let w = mount(&[("src", &src), ("poll", "0")]);
    wait_until("the second source shows", || {
        w.text().contains("From the second source")
    })
    .await;
    assert_eq!(gets(&first).await, 0);
    assert_eq!(gets(&second).await, 1);
}
