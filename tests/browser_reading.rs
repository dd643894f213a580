//! How the widget reads its status file in real browsers: fallback sources, staleness and max-age,
//! polling (changes, hidden pages, removal), the events each read fires, the privacy of the request,
//! and failing or malformed responses that must leave the page working.
#![cfg(target_arch = "wasm32")]

mod browser_support;
use browser_support::*;
use status_core::model::Timestamp;
use wasm_bindgen::JsCast;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn the_second_src_is_used_when_the_first_fails() {
    let key = unique("fallback");
    put(
        &key,
        &incident_doc(
            &unique("x"),
            "From the second copy",
            "major",
            "identified",
            &["Up"],
        ),
    )
    .await;
    let first = format!("{SERVER}/status/500/{key}-first");
    let w = mount(&[("src", &format!("{first}  {}", doc_url(&key)))]);
    wait_until("the banner shows", || w.find(".item").is_some()).await;
    assert!(w.text().contains("From the second copy"));
    assert_eq!(
        requests(&format!("{key}-first")).await.len(),
        1,
        "the first copy was tried"
    );
    let (_, detail) = w.events.borrow()[0].clone();
    assert_eq!(get(&detail, "source").as_string(), Some(doc_url(&key)));
}

#[wasm_bindgen_test]
async fn a_file_older_than_max_age_claims_nothing() {
    let key = unique("stale");
    let doc = incident_doc(&unique("x"), "Old news", "major", "identified", &["Old"])
        .replace(&minutes_from_now(-1)[..16], "2020-01-01T00:00");
    put(&key, &doc).await;
    let w = mount(&[("src", &doc_url(&key)), ("max-age", "600")]);
    wait_until("the unknown line shows", || w.find(".unknown").is_some()).await;
    assert!(w.text().contains("Status unknown"));
    assert!(!w.text().contains("Old news"));
    assert!(w.find(".item").is_none());
    let (_, detail) = w.events.borrow()[0].clone();
    assert_eq!(get(&detail, "stale"), JsValue::TRUE);

    let fresh_key = unique("fresh");
    put(
        &fresh_key,
        &incident_doc(&unique("y"), "Fresh news", "major", "identified", &["New"]),
    )
    .await;
    let fresh = mount(&[("src", &doc_url(&fresh_key)), ("max-age", "600")]);
    wait_until("the banner shows", || fresh.find(".item").is_some()).await;
    assert!(fresh.text().contains("Fresh news"));
}

#[wasm_bindgen_test]
async fn polling_shows_a_changed_file_and_removal_stops_it() {
    let key = unique("poll");
    put(
        &key,
        &incident_doc(&unique("x"), "Before", "minor", "investigating", &["One"]),
    )
    .await;
    let mut w = mount(&[("src", &doc_url(&key)), ("poll", "0.3")]);
    wait_until("the banner shows", || w.text().contains("Before")).await;
    put(
        &key,
        &incident_doc(&unique("x"), "After", "major", "identified", &["Two"]),
    )
    .await;
    wait_until("the change shows", || w.text().contains("After")).await;
    let polls = requests(&key).await;
    assert!(polls.len() >= 2);
    // Unchanged polls revalidate (the browser sends the ETag back and gets a 304), in engines
    // that keep an HTTP cache in this session: a control pair of fetches tells which.
    let control = format!("{key}-cache");
    put(&control, "{}").await;
    for _ in 0..2 {
        gloo_net::http::Request::get(&doc_url(&control))
            .cache(web_sys::RequestCache::NoCache)
            .send()
            .await
            .unwrap();
    }
    let revalidates = |log: &[JsValue]| {
        log.iter()
            .filter(|r| !get(&get(r, "headers"), "if-none-match").is_undefined())
            .count()
    };
    let engine_caches = revalidates(&requests(&control).await) > 0;
    sleep(700).await;
    let polls = requests(&key).await;
    if engine_caches {
        assert!(
            revalidates(&polls) >= 1,
            "cache: no-cache revalidates with If-None-Match"
        );
    } else {
        report_skip(
            "polling_shows_a_changed_file_and_removal_stops_it",
            "revalidation with If-None-Match: this engine keeps no HTTP cache in this session \
             (a control pair of no-cache fetches sent no If-None-Match either)",
        )
        .await;
    }

    w.remove();
    let at_removal = requests(&key).await.len();
    sleep(1000).await;
    assert_eq!(
        requests(&key).await.len(),
        at_removal,
        "no polls after removal"
    );
    w.assert_no_uncaught_error();
}

/// Signs in to the test server's `/auth/` routes with HTTP Basic credentials, as the app's own
/// sign-in might, so that the browser caches them for that host: a page opened at a URL with
/// the credentials in it (a pop-up window, which leaves this page visible, unlike a new tab in
/// Chromium; a frame where the engine blocks pop-ups, as WebKit does under WebDriver), then
/// closed once the server has seen them.
async fn sign_in_to_the_status_host(key: &str) {
    let window = web_sys::window().unwrap();
    let document = window.document().unwrap();
    let sign_in = format!("{key}-sign-in");
    let url = format!(
        "{}/auth/{sign_in}?challenge",
        SERVER.replacen("//", "//user:secret@", 1)
    );
    let popup = window
        .open_with_url_and_target_and_features(&url, "_blank", "popup,width=200,height=200")
        .ok()
        .flatten();
    let frame = match popup {
        Some(_) => None,
        None => {
            let frame = document.create_element("iframe").unwrap();
            frame.set_attribute("src", &url).unwrap();
            document.body().unwrap().append_child(&frame).unwrap();
            Some(frame)
        }
    };
    let mut signed_in = false;
    for _ in 0..100 {
        signed_in = requests(&sign_in)
            .await
            .iter()
            .any(|r| get(&get(r, "headers"), "authorization").is_string());
        if signed_in {
            break;
        }
        sleep(50).await;
    }
    if let Some(popup) = popup {
        popup.close().unwrap();
    }
    if let Some(frame) = frame {
        frame.remove();
    }
    assert!(signed_in, "the browser did not sign in to the status host");
}

/// Makes the page's own referrer policy `unsafe-url` and its address a deep path, so that a
/// request without a policy of its own would send the whole login page URL. Undone by the
/// returned closure.
fn leak_the_full_referrer() -> impl FnOnce() {
    let window = web_sys::window().unwrap();
    let document = window.document().unwrap();
    let history = window.history().unwrap();
    let before = window.location().href().unwrap();
    history
        .push_state_with_url(&JsValue::NULL, "", Some("/sign-in/deep/path?user=someone"))
        .unwrap();
    let meta = document.create_element("meta").unwrap();
    meta.set_attribute("name", "referrer").unwrap();
    meta.set_attribute("content", "unsafe-url").unwrap();
    document.head().unwrap().append_child(&meta).unwrap();
    move || {
        meta.remove();
        history
            .replace_state_with_url(&JsValue::NULL, "", Some(&before))
            .unwrap();
    }
}

#[wasm_bindgen_test]
async fn the_request_carries_no_cookie_credentials_referrer_path_or_custom_headers() {
    let key = unique("privacy");
    put(
        &key,
        &incident_doc(&unique("x"), "Private", "minor", "identified", &["x"]),
    )
    .await;
    let document: web_sys::HtmlDocument = web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .unchecked_into();
    document
        .set_cookie("status_widget_test_session=secret; path=/")
        .unwrap();
    sign_in_to_the_status_host(&key).await;
    let restore_referrer = leak_the_full_referrer();
    let page_url = web_sys::window().unwrap().location().href().unwrap();
    let origin = web_sys::window().unwrap().location().origin().unwrap();

    // Controls: a request with credentials and no referrer policy of its own carries the
    // cookie, the cached HTTP credentials and the full page URL, so the checks below can fail.
    let control = format!("{key}-control");
    let answer = gloo_net::http::Request::get(&format!("{SERVER}/auth/{control}?challenge"))
        .credentials(web_sys::RequestCredentials::Include)
        .send()
        .await
        .unwrap();
    assert_eq!(answer.status(), 200, "the control request is signed in");
    let control_log = requests(&control).await;
    let sent = |header: &str| {
        control_log
            .iter()
            .filter_map(|r| get(&get(r, "headers"), header).as_string())
            .collect::<Vec<_>>()
    };
    assert!(
        sent("cookie").iter().any(|c| c.contains("secret")),
        "the control request must carry the cookie, or this test proves nothing"
    );
    assert!(
        sent("authorization")
            .iter()
            .any(|a| a.starts_with("Basic ")),
        "the control request must carry the HTTP credentials, or this test proves nothing"
    );
    assert!(
        sent("referer").iter().all(|r| *r == page_url) && !sent("referer").is_empty(),
        "the control request must carry the full page URL {page_url:?}: {:?}",
        sent("referer")
    );

    let w = mount(&[("src", &format!("{SERVER}/auth/{key}"))]);
    wait_until("the banner shows", || w.find(".item").is_some()).await;
    let seen = requests(&key).await;
    restore_referrer();
    document
        .set_cookie("status_widget_test_session=; max-age=0; path=/")
        .unwrap();
    assert!(!seen.is_empty());
    assert!(
        seen.iter()
            .all(|r| get(r, "method").as_string().as_deref() == Some("GET")),
        "no preflight"
    );
    for request in seen {
        let headers = get(&request, "headers");
        assert!(get(&headers, "cookie").is_undefined(), "no cookie");
        assert!(
            get(&headers, "authorization").is_undefined(),
            "no credentials"
        );
        assert_eq!(
            get(&headers, "referer").as_string(),
            Some(format!("{origin}/")),
            "the referrer is cut to the origin"
        );
    }
}

#[wasm_bindgen_test]
async fn failing_and_malformed_responses_leave_the_page_working() {
    for (route, kind) in [
        ("status/404", "http"),
        ("status/500", "http"),
        ("html", "parse"),
    ] {
        let key = unique("fail");
        let w = mount(&[("src", &format!("{SERVER}/{route}/{key}"))]);
        wait_until("the error event fires", || !w.events.borrow().is_empty()).await;
        let (name, detail) = w.events.borrow()[0].clone();
        assert_eq!(name, "status-widget-error", "{route}");
        assert_eq!(
            get(&detail, "kind").as_string().as_deref(),
            Some(kind),
            "{route}"
        );
        assert!(get(&detail, "message").as_string().unwrap().contains(&key));
        assert_eq!(w.text(), "", "{route}: no raw error shown to the reader");
        assert_eq!(w.height(), 0.0);
        w.assert_no_uncaught_error();
    }

    // A hanging status host does not hold up the login form.
    let key = unique("hang");
    let input = login_field();
    let mut w = mount(&[("src", &format!("{SERVER}/hang/{key}"))]);
    for _ in 0..100 {
        if !requests(&key).await.is_empty() {
            break;
        }
        sleep(20).await;
    }
    assert_eq!(
        requests(&key).await.len(),
        1,
        "the widget is waiting on the hanging host"
    );
    assert_login_field_works(&input);
    assert_eq!(w.text(), "");
    w.remove();
    input.remove();
    sleep(50).await;
    w.assert_no_uncaught_error();
}

#[wasm_bindgen_test]
async fn the_last_good_status_stays_when_the_file_breaks() {
    let key = unique("lastgood");
    put(
        &key,
        &incident_doc(&unique("x"), "Still here", "major", "identified", &["x"]),
    )
    .await;
    let w = mount(&[("src", &doc_url(&key)), ("poll", "0.3")]);
    wait_until("the banner shows", || w.text().contains("Still here")).await;
    put(&key, "{ this is not json").await;
    wait_until("the error event fires", || {
        w.event_names().contains(&"status-widget-error".into())
    })
    .await;
    assert!(
        w.text().contains("Still here"),
        "the last good status stays on screen"
    );
    let (_, detail) = w.events.borrow().last().unwrap().clone();
    assert_eq!(get(&detail, "kind").as_string().as_deref(), Some("parse"));
    assert!(get(&detail, "message")
        .as_string()
        .unwrap()
        .contains("line 1, column 3"));
    w.assert_no_uncaught_error();
}

/// Makes `document.hidden` report `hidden` (or restores the browser's own value with `None`)
/// and fires `visibilitychange`, as switching tabs or locking a phone does.
fn set_page_hidden(hidden: Option<bool>) {
    let document = web_sys::window().unwrap().document().unwrap();
    match hidden {
        Some(hidden) => {
            let descriptor = js_sys::Object::new();
            js_sys::Reflect::set(&descriptor, &"value".into(), &hidden.into()).unwrap();
            js_sys::Reflect::set(&descriptor, &"configurable".into(), &JsValue::TRUE).unwrap();
            js_sys::Object::define_property(&document, &"hidden".into(), &descriptor);
        }
        None => {
            js_sys::Reflect::delete_property(&document, &"hidden".into()).unwrap();
        }
    }
    let event = web_sys::Event::new("visibilitychange").unwrap();
    document.dispatch_event(&event).unwrap();
}

#[wasm_bindgen_test]
async fn polling_pauses_while_hidden_and_refreshes_when_visible_or_online() {
    let key = unique("visibility");
    put(
        &key,
        &incident_doc(&unique("x"), "Visible", "minor", "identified", &["x"]),
    )
    .await;
    let w = mount(&[("src", &doc_url(&key)), ("poll", "0.2")]);
    wait_until("the banner shows", || w.find(".item").is_some()).await;

    set_page_hidden(Some(true));
    sleep(300).await; // let a poll already under way finish
    let while_hidden = requests(&key).await.len();
    sleep(1000).await;
    assert_eq!(
        requests(&key).await.len(),
        while_hidden,
        "no polls while the page is hidden"
    );

    set_page_hidden(Some(false));
    sleep(150).await;
    assert!(
        requests(&key).await.len() > while_hidden,
        "becoming visible refreshes at once"
    );
    set_page_hidden(None);
    drop(w);

    // With a long poll interval, coming back online refreshes without waiting for it.
    let online_key = unique("online");
    put(
        &online_key,
        &incident_doc(&unique("y"), "Online", "minor", "identified", &["y"]),
    )
    .await;
    let w = mount(&[("src", &doc_url(&online_key)), ("poll", "600")]);
    wait_until("the banner shows", || w.find(".item").is_some()).await;
    let before = requests(&online_key).await.len();
    web_sys::window()
        .unwrap()
        .dispatch_event(&web_sys::Event::new("online").unwrap())
        .unwrap();
    sleep(300).await;
    assert_eq!(
        requests(&online_key).await.len(),
        before + 1,
        "online refreshes at once"
    );
    w.assert_no_uncaught_error();
}

/// The `detail` of the widget's last event, once there are more than `seen` events.
async fn next_event(w: &Mounted, seen: usize, within_seconds: u32) -> JsValue {
    wait_until_within(within_seconds, "the next event", || {
        w.events.borrow().len() > seen
    })
    .await;
    let (name, detail) = w.events.borrow().last().unwrap().clone();
    assert_eq!(name, "status-widget-update");
    detail
}

#[wasm_bindgen_test]
async fn the_next_event_follows_changed_components_and_max_age() {
    let key = unique("settings");
    put(
        &key,
        &incident_doc(&unique("x"), "Login down", "major", "identified", &["x"]),
    )
    .await;
    let mut w = mount(&[("src", &doc_url(&key)), ("poll", "0")]);
    let first = next_event(&w, 0, 5).await;
    assert_eq!(get(&first, "level").as_string().as_deref(), Some("major"));
    assert_eq!(get(&first, "active").as_f64(), Some(1.0));
    assert_eq!(get(&first, "stale"), JsValue::FALSE);

    // The incident concerns "login" only: an element for "app" has nothing active.
    w.set("components", "app");
    let filtered = next_event(&w, 1, 5).await;
    assert_eq!(get(&filtered, "level").as_string().as_deref(), Some("none"));
    assert_eq!(get(&filtered, "active").as_f64(), Some(0.0));
    assert!(w.find(".item").is_none());

    // The file was updated a minute ago: with max-age 30 s it is stale.
    w.set("max-age", "30");
    let stale = next_event(&w, 2, 5).await;
    assert_eq!(get(&stale, "stale"), JsValue::TRUE);
    assert_eq!(get(&stale, "level").as_string().as_deref(), Some("unknown"));
    assert!(w.text().contains("Status unknown"));
    // A re-render that changes nothing fires nothing.
    w.set("lang", "de");
    sleep(300).await;
    assert_eq!(w.events.borrow().len(), 3, "{:?}", w.event_names());
    w.assert_no_uncaught_error();
}

#[wasm_bindgen_test]
async fn an_unchanged_file_that_goes_stale_fires_one_update() {
    let key = unique("aging");
    let updated = Timestamp::from_unix_millis(js_sys::Date::now() as i64 - 55_000).to_rfc3339();
    put(
        &key,
        &format!(
            r#"{{"version": 1, "service": {{"name": "Example"}}, "updated_at": "{updated}"}}"#
        ),
    )
    .await;
    // Not polled: only the passing of time changes what the widget shows.
    let w = mount(&[("src", &doc_url(&key)), ("poll", "0"), ("max-age", "60")]);
    let first = next_event(&w, 0, 5).await;
    assert_eq!(get(&first, "stale"), JsValue::FALSE);
    // The widget looks at the clock every 30 s: stale after 5 s, seen within 35.
    let later = next_event(&w, 1, 40).await;
    assert_eq!(get(&later, "stale"), JsValue::TRUE);
    assert_eq!(
        get(&later, "level").as_string().as_deref(),
        Some("unknown"),
        "the event says what the banner says"
    );
    assert!(w.text().contains("Status unknown"));
    assert_eq!(requests(&key).await.len(), 1, "no second read of the file");
    sleep(500).await;
    assert_eq!(w.events.borrow().len(), 2, "one event for the change");
    w.assert_no_uncaught_error();
}
