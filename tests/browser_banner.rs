//! The login-page banner in real browsers: what a reader sees for each kind of status (incidents,
//! maintenance, notices, every format, imported markup), the indicator, announcements, dismissal,
//! the page's own children, themes, long updates and the headless entry point.
#![cfg(target_arch = "wasm32")]

mod browser_support;
use browser_support::*;
use wasm_bindgen::JsCast;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const SEED: &str = include_str!("../www/status.json");
const SUMMARY: &str = include_str!("fixtures/statuspage-summary.json");

#[wasm_bindgen_test]
async fn an_active_major_incident_is_announced_with_its_text_times_components_and_links() {
    let key = unique("active");
    let id = unique("safari");
    put(
        &key,
        &incident_doc(
            &id,
            "Login fails on Safari",
            "major",
            "identified",
            &[
                "Reports of failed logins",
                "Safari blocks third-party cookies",
            ],
        ),
    )
    .await;
    let w = mount(&[("src", &doc_url(&key))]);
    wait_until("the banner shows", || w.find(".item").is_some()).await;

    let banner = w.find(".banner").unwrap();
    assert!(
        w.announced_urgently().contains("Login fails on Safari"),
        "major: announced in the alert region"
    );
    assert_eq!(
        banner.get_attribute("aria-label").as_deref(),
        Some("Service status")
    );
    let text = w.text();
    assert!(text.contains("Login fails on Safari"), "{text}");
    assert!(text.contains("Major incident · Identified"), "{text}");
    assert!(
        text.contains("Safari blocks third-party cookies"),
        "latest update is the banner text"
    );
    assert!(text.contains("Affects: Login"), "{text}");
    assert!(
        text.contains("30 minutes ago"),
        "relative start time: {text}"
    );
    let times = w.find_all("time");
    assert!(times.len() >= 2, "started and updated");
    assert!(times[0].get_attribute("datetime").unwrap().ends_with('Z'));
    assert!(
        !times[0].get_attribute("title").unwrap().is_empty(),
        "absolute time in the title"
    );
    let details = w.find("a.link").unwrap();
    assert_eq!(
        details.get_attribute("href").unwrap(),
        format!("https://status.example.org/#{id}")
    );
    let contact = w.find(".contact a").unwrap();
    assert_eq!(
        contact.get_attribute("href").as_deref(),
        Some("mailto:support@example.org")
    );
    assert!(w.height() > 20.0);
    wait_until("the update event fires", || {
        w.event_names().contains(&"status-widget-update".into())
    })
    .await;
    let (_, detail) = w.events.borrow()[0].clone();
    assert_eq!(get(&detail, "level").as_string().as_deref(), Some("major"));
    assert_eq!(get(&detail, "active").as_f64(), Some(1.0));
    w.assert_no_uncaught_error();
}

#[wasm_bindgen_test]
async fn a_new_incident_and_a_new_update_are_each_announced_once_and_dismissing_announces_nothing()
{
    let key = unique("announce");
    let id = unique("outage");
    let doc = |updates: &[&str]| incident_doc(&id, "Login fails", "major", "identified", updates);
    put(&key, &doc(&["Investigating"])).await;
    let w = mount(&[("src", &doc_url(&key)), ("poll", "0.3")]);
    // The live regions are there, empty, before anything is read: what comes is a change.
    yew::scheduler::flush().await;
    let region = w
        .find(".announce [role=alert]")
        .expect("the alert region from mount");
    assert_eq!(region.text_content().as_deref(), Some(""));
    assert!(w.find(".announce [role=status]").is_some());
    wait_until("the incident is announced", || {
        w.announced_urgently().contains("Login fails")
    })
    .await;
    let first = w.announced_urgently();
    assert!(first.contains("Investigating"), "{first}");
    // Polls of the same file, and dismissing, change nothing a screen reader would read again.
    sleep(1_000).await;
    assert_eq!(w.announced_urgently(), first);
    let dismiss: web_sys::HtmlElement = w.find(".dismiss").unwrap().unchecked_into();
    dismiss.click();
    wait_until("dismissed", || w.find(".item").is_none()).await;
    assert_eq!(
        w.announced_urgently(),
        first,
        "dismissing announces nothing"
    );
    // A new update of the same incident is announced once, and shows the banner again.
    put(&key, &doc(&["Investigating", "A fix is deploying"])).await;
    wait_until("the update is announced", || {
        w.announced_urgently().contains("A fix is deploying")
    })
    .await;
    let second = w.announced_urgently();
    sleep(1_000).await;
    assert_eq!(w.announced_urgently(), second, "once");
    assert!(w.find(".item").is_some());
    w.assert_no_uncaught_error();
}

#[wasm_bindgen_test]
async fn a_minor_incident_is_polite_and_nothing_active_takes_zero_height() {
    let key = unique("minor");
    put(
        &key,
        &incident_doc(
            &unique("slow"),
            "Slow pages",
            "minor",
            "monitoring",
            &["A fix is rolling out"],
        ),
    )
    .await;
    let w = mount(&[("src", &doc_url(&key))]);
    wait_until("the banner shows", || w.find(".item").is_some()).await;
    assert!(
        w.announced().contains("Slow pages") && w.announced_urgently().is_empty(),
        "minor: announced politely, not as an alert"
    );

    let quiet_key = unique("quiet");
    put(
        &quiet_key,
        &incident_doc(&unique("old"), "Old", "critical", "resolved", &["Fixed"]),
    )
    .await;
    let quiet = mount(&[("src", &doc_url(&quiet_key))]);
    wait_until("the update event fires", || {
        !quiet.events.borrow().is_empty()
    })
    .await;
    let (_, detail) = quiet.events.borrow()[0].clone();
    assert_eq!(get(&detail, "level").as_string().as_deref(), Some("none"));
    assert_eq!(get(&detail, "active").as_f64(), Some(0.0));
    assert!(quiet.find(".banner").is_none());
    assert_eq!(quiet.height(), 0.0, "nothing active: zero height");
}

#[wasm_bindgen_test]
async fn the_seed_incident_is_resolved_so_the_login_page_banner_stays_empty() {
    let key = unique("seed");
    put(&key, SEED).await;
    let w = mount(&[("src", &doc_url(&key))]);
    wait_until("the update event fires", || !w.events.borrow().is_empty()).await;
    assert_eq!(w.event_names(), ["status-widget-update"]);
    assert_eq!(w.height(), 0.0);
    assert_eq!(w.text(), "");
}

#[wasm_bindgen_test]
async fn maintenance_and_notices_appear_in_their_own_style() {
    let key = unique("maint");
    let doc = format!(
        r#"{{"version": 1, "incidents": [],
            "maintenances": [
              {{"id": "{a}", "title": "CDN change", "status": "in_progress", "starts_at": "{past}"}},
              {{"id": "{b}", "title": "Database upgrade", "status": "scheduled", "starts_at": "{soon}",
                "ends_at": "{later}", "body": "Read-only for up to one hour."}},
              {{"id": "{c}", "title": "Far away", "status": "scheduled", "starts_at": "{far}"}}],
            "notices": [{{"id": "{d}", "title": "Exam week", "level": "info", "body": "Support answers within the hour."}}]}}"#,
        a = unique("cdn"),
        b = unique("db"),
        c = unique("far"),
        d = unique("exam"),
        past = minutes_from_now(-10),
        soon = minutes_from_now(120),
        later = minutes_from_now(180),
        far = minutes_from_now(3 * 24 * 60),
    );
    put(&key, &doc).await;
    let mut w = mount(&[("src", &doc_url(&key))]);
    wait_until("the banner shows", || w.find(".item").is_some()).await;
    let items = w.find_all(".item");
    assert_eq!(items.len(), 2, "two show, the rest collapse");
    assert!(items[0].class_list().contains("maintenance"));
    assert!(w.text().contains("Maintenance in progress"));
    assert!(w.text().contains("Planned maintenance"));
    assert!(w.text().contains("Read-only for up to one hour."));
    assert!(
        !w.text().contains("Far away"),
        "more than 24 hours ahead: not in the banner"
    );
    assert!(w.announced().contains("CDN change") && w.announced_urgently().is_empty());
    let more = w.find("button.more").expect("an 'and 1 more' button");
    assert_eq!(more.text_content().as_deref(), Some("and 1 more"));
    assert_eq!(
        more.get_attribute("aria-expanded").as_deref(),
        Some("false")
    );
    more.unchecked_ref::<web_sys::HtmlElement>().click();
    wait_until("the notice shows", || w.find(".notice-info").is_some()).await;
    assert!(w.text().contains("Exam week"));
    assert_eq!(
        w.find("button.more").unwrap().text_content().as_deref(),
        Some("Show fewer")
    );
    w.set("lang", "fr");
    wait_until("French strings", || {
        w.text().contains("Maintenance en cours")
    })
    .await;
}

#[wasm_bindgen_test]
async fn a_statuspage_summary_shows_through_the_same_element() {
    let key = unique("statuspage");
    put(&key, SUMMARY).await;
    let w = mount(&[("src", &doc_url(&key)), ("format", "statuspage")]);
    wait_until("the banner shows", || w.find(".item").is_some()).await;
    let text = w.text();
    assert!(
        text.contains("Disruption with some Git Operations"),
        "{text}"
    );
    assert!(
        text.contains("We have identified the cause of slow git pushes"),
        "{text}"
    );
    assert!(text.contains("Affects: Git Operations"), "{text}");
    let link = w.find("a.link").unwrap().get_attribute("href").unwrap();
    assert_eq!(link, "https://stspg.io/abc123", "the incident's shortlink");
}

#[wasm_bindgen_test]
async fn imported_markup_in_the_banner_is_built_as_elements_and_never_runs() {
    let key = unique("markup");
    let body = "Logins fail.<br /><br /><ul><li><strong>Safari</strong> users</li><li>iPad users</li></ul>\
        <img src=x onerror=\"window.__swPwned=1\"><script>window.__swPwned=2</script>\
        <a href=\"javascript:window.__swPwned=3\">workaround</a> &amp; see **[status](https://status.example.org/)**";
    let doc = format!(
        r#"{{"page": {{"name": "Example", "url": "https://status.example.org"}},
            "incidents": [{{"id": "m1", "name": "Login trouble", "status": "identified", "impact": "major",
              "created_at": "{at}", "incident_updates": [{{"body": {body}, "created_at": "{at}"}}]}}]}}"#,
        at = minutes_from_now(-5),
        body = js_sys::JSON::stringify(&body.into())
            .unwrap()
            .as_string()
            .unwrap(),
    );
    put(&key, &doc).await;
    let w = mount(&[("src", &doc_url(&key))]);
    wait_until("the banner shows", || w.find(".item").is_some()).await;
    let text = w.find(".item .text").expect("the update's text");
    assert!(text.class_list().contains("rich"));
    assert_eq!(
        w.find_all(".item .text > p").len(),
        2,
        "<br /><br /> ends a paragraph"
    );
    assert_eq!(w.find_all(".item .text ul > li").len(), 2);
    assert_eq!(
        w.find(".item .text li strong")
            .unwrap()
            .text_content()
            .unwrap(),
        "Safari"
    );
    for unsafe_element in ["img", "script", "a[href^='javascript']"] {
        assert!(w.find(unsafe_element).is_none(), "{unsafe_element}");
    }
    let link = w.find(".item .text strong a").expect("a link inside bold");
    assert_eq!(
        link.get_attribute("href").unwrap(),
        "https://status.example.org/"
    );
    let shown = w.text();
    assert!(shown.contains("workaround & see status"), "{shown}");
    assert!(!shown.contains("<br") && !shown.contains("**"), "{shown}");
    sleep(200).await;
    let pwned = js_sys::Reflect::get(&js_sys::global(), &"__swPwned".into()).unwrap();
    assert!(pwned.is_undefined(), "nothing from the text ran: {pwned:?}");
    w.assert_no_uncaught_error();
}

#[wasm_bindgen_test]
async fn the_indicator_mode_shows_a_dot_one_line_and_a_link() {
    let key = unique("indicator");
    put(
        &key,
        &incident_doc(
            &unique("x"),
            "Login down",
            "critical",
            "investigating",
            &["Looking"],
        ),
    )
    .await;
    let mut w = mount(&[("src", &doc_url(&key)), ("mode", "indicator")]);
    wait_until("the indicator shows", || w.find(".indicator").is_some()).await;
    let indicator = w.find(".indicator").unwrap();
    assert!(indicator.class_list().contains("level-critical"));
    assert!(w.find(".dot").is_some());
    assert_eq!(
        w.find(".summary").unwrap().text_content().as_deref(),
        Some("Major outage")
    );
    assert_eq!(
        w.find("a.link").unwrap().get_attribute("href").as_deref(),
        Some("https://status.example.org/")
    );
    // Changing an attribute after mount takes effect.
    w.set("mode", "banner");
    wait_until("the banner replaces the indicator", || {
        w.find(".item").is_some()
    })
    .await;
    assert!(w.find(".indicator").is_none());
    w.set("lang", "de");
    wait_until("German strings", || w.text().contains("Kritische Störung")).await;
    assert_eq!(
        w.find("button.dismiss")
            .unwrap()
            .get_attribute("aria-label")
            .as_deref(),
        Some("Ausblenden: Login down")
    );
}

#[wasm_bindgen_test]
async fn a_dismissal_is_remembered_until_a_new_update() {
    let key = unique("dismiss");
    let id = unique("incident");
    put(
        &key,
        &incident_doc(&id, "Dismiss me", "minor", "identified", &["First"]),
    )
    .await;
    let mut w = mount(&[("src", &doc_url(&key)), ("poll", "0.3")]);
    wait_until("the banner shows", || w.find(".item").is_some()).await;
    let button = w.find("button.dismiss").unwrap();
    assert_eq!(
        button.get_attribute("type").as_deref(),
        Some("button"),
        "a real button: keyboard works"
    );
    assert_eq!(
        button.get_attribute("aria-label").as_deref(),
        Some("Dismiss: Dismiss me")
    );
    button.unchecked_ref::<web_sys::HtmlElement>().click();
    wait_until("the item is gone", || w.find(".item").is_none()).await;
    assert_eq!(w.height(), 0.0);
    let stored = web_sys::window()
        .unwrap()
        .local_storage()
        .unwrap()
        .unwrap()
        .get_item("status-widget:dismissed")
        .unwrap()
        .unwrap();
    assert!(stored.contains(&id), "{stored}");

    // A page reload (a new widget) remembers it.
    w.remove();
    let again = mount(&[("src", &doc_url(&key)), ("poll", "0.3")]);
    wait_until("the file was read", || !again.events.borrow().is_empty()).await;
    sleep(100).await;
    assert!(again.find(".item").is_none(), "still dismissed");

    // A new update shows it again.
    put(
        &key,
        &incident_doc(
            &id,
            "Dismiss me",
            "minor",
            "identified",
            &["First", "Second"],
        ),
    )
    .await;
    wait_until("the item is back", || again.find(".item").is_some()).await;
    assert!(again.text().contains("Second"));
}

#[wasm_bindgen_test]
fn the_headless_entry_point_derives_the_state_as_a_plain_object() {
    let doc = js_sys::JSON::parse(SEED).unwrap();
    let during = status_widget::js::api::derive_status(
        doc.clone(),
        JsValue::from_str("2024-11-05T10:00:00Z"),
        JsValue::UNDEFINED,
    );
    assert_eq!(get(&during, "ok"), JsValue::TRUE);
    assert_eq!(get(&during, "level").as_string().as_deref(), Some("none"));
    let history = js_sys::Array::from(&get(&during, "history"));
    assert_eq!(history.length(), 1);
    let incident = history.get(0);
    assert_eq!(
        get(&incident, "id").as_string().as_deref(),
        Some("2024-11-04-new-logins")
    );
    assert_eq!(
        get(&incident, "impact").as_string().as_deref(),
        Some("major")
    );
    assert_eq!(
        get(&incident, "resolvedAt").as_string().as_deref(),
        Some("2024-11-08T11:00:00Z")
    );

    let active = SEED.replacen("\"status\": \"resolved\"", "\"status\": \"identified\"", 1);
    let now = js_sys::Date::new(&JsValue::from_str("2024-11-05T10:00:00Z"));
    let derived = status_widget::js::api::derive_status(
        JsValue::from_str(&active),
        now.into(),
        JsValue::UNDEFINED,
    );
    assert_eq!(get(&derived, "level").as_string().as_deref(), Some("major"));
    assert_eq!(get(&derived, "stale"), JsValue::FALSE);

    // Under an element's settings, as the element reads them: the same file a year on, with an
    // hour's max-age, claims nothing, whether the settings are an object of attribute names or
    // the element itself; a components filter leaves out what concerns other components.
    let year_on = JsValue::from_str("2025-11-05T10:00:00Z");
    let object = js_sys::Object::new();
    js_sys::Reflect::set(&object, &"max-age".into(), &3600.into()).unwrap();
    let element = web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .create_element("div")
        .unwrap();
    element.set_attribute("max-age", "3600").unwrap();
    for settings in [JsValue::from(object), element.into()] {
        let old = status_widget::js::api::derive_status(
            JsValue::from_str(&active),
            year_on.clone(),
            settings,
        );
        assert_eq!(get(&old, "level").as_string().as_deref(), Some("unknown"));
        assert_eq!(get(&old, "stale"), JsValue::TRUE);
    }
    let only = js_sys::Object::new();
    js_sys::Reflect::set(&only, &"components".into(), &"no-such-component".into()).unwrap();
    let filtered = status_widget::js::api::derive_status(
        JsValue::from_str(&active),
        JsValue::from_str("2024-11-05T10:00:00Z"),
        only.into(),
    );
    assert_eq!(
        js_sys::Array::from(&get(&filtered, "active")).length(),
        0,
        "the incident concerns other components"
    );
    let items = js_sys::Array::from(&get(&derived, "active"));
    assert_eq!(items.length(), 1);
    assert_eq!(
        get(&items.get(0), "kind").as_string().as_deref(),
        Some("incident")
    );
    assert_eq!(
        get(&items.get(0), "text").as_string().as_deref(),
        Some("The issues were fully solved.")
    );

    let broken = status_widget::js::api::derive_status(
        JsValue::from_str("<html>"),
        JsValue::UNDEFINED,
        JsValue::UNDEFINED,
    );
    assert_eq!(get(&broken, "ok"), JsValue::FALSE);
    assert!(get(&broken, "error").as_string().unwrap().contains("HTML"));
    assert_eq!(js_sys::Array::from(&get(&broken, "active")).length(), 0);
}

#[wasm_bindgen_test]
async fn incidents_that_share_an_id_both_show() {
    let key = unique("duplicate");
    let id = unique("same");
    let doc = format!(
        r#"{{"version": 1, "incidents": [
            {{"id": "{id}", "title": "First of two", "impact": "major", "status": "investigating"}},
            {{"id": "{id}", "title": "Second of two", "impact": "minor", "status": "investigating"}}]}}"#
    );
    put(&key, &doc).await;
    let w = mount(&[("src", &doc_url(&key))]);
    wait_until("the banner shows", || w.find_all(".item").len() == 2).await;
    assert!(w.text().contains("First of two") && w.text().contains("Second of two"));
    w.assert_no_uncaught_error();
}

#[wasm_bindgen_test]
async fn the_theme_attribute_chooses_the_palette() {
    let key = unique("theme");
    put(
        &key,
        &incident_doc(&unique("x"), "Themed", "minor", "identified", &["x"]),
    )
    .await;
    let mut w = mount(&[("src", &doc_url(&key)), ("theme", "dark")]);
    wait_until("the banner shows", || w.find(".item").is_some()).await;
    assert!(w.find(".theme.dark").is_some());
    let dark_bg = computed(&w.find(".item").unwrap(), "background-color");
    w.set("theme", "light");
    wait_until("the light palette", || w.find(".theme.dark").is_none()).await;
    let light_bg = computed(&w.find(".item").unwrap(), "background-color");
    assert_ne!(dark_bg, light_bg);
}

/// The page's own child of the element (here a line with a link), laid out where a person sees
/// it, or not.
fn fallback_shown(w: &Mounted) -> bool {
    let child = w.host.first_element_child().expect("the page's own child");
    let box_ = child.get_bounding_client_rect();
    box_.width() > 0.0 && box_.height() > 0.0
}

/// Mounts a widget with the page's own line as its child and checks that the line shows from the
/// mount on, before yew's first render (a microtask later, or a task later while another widget's
/// render has yielded to the browser, which let WebKit under load paint a frame with neither),
/// and in the first painted frame unless the widget's `own` content (a fast read) is there.
async fn mount_with_page_line(attributes: &[(&str, &str)], own: &str) -> Mounted {
    let w = mount(attributes);
    let p = web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .create_element("p")
        .unwrap();
    p.set_inner_html(
        r#"Trouble signing in? <a href="https://status.example.org/">Service status</a>"#,
    );
    w.host.append_child(&p).unwrap();
    assert!(
        fallback_shown(&w),
        "the page's line shows before the first render"
    );
    before_next_paint().await;
    assert!(
        fallback_shown(&w) || w.find(own).is_some(),
        "the first frame shows the page's line (or, read already, {own})"
    );
    w
}

#[wasm_bindgen_test]
async fn the_page_own_children_show_whenever_the_widget_has_nothing_to_say() {
    let key = unique("fallback");
    let id = unique("incident");
    put(
        &key,
        &incident_doc(&id, "Login down", "major", "investigating", &["Looking"]),
    )
    .await;
    // Mounted: no frame shows neither the page's line nor (a fast read) the banner.
    let w = mount_with_page_line(&[("src", &doc_url(&key))], ".item").await;
    // Something to say: the banner takes its place.
    wait_until("the banner shows", || w.find(".item").is_some()).await;
    assert!(!fallback_shown(&w), "the banner replaces the page's line");
    // Dismissed: nothing left to say, the line is back.
    w.find("button.dismiss")
        .unwrap()
        .unchecked_into::<web_sys::HtmlElement>()
        .click();
    wait_until("the item is gone", || w.find(".item").is_none()).await;
    assert!(fallback_shown(&w), "after the only item is dismissed");

    // The indicator: the line until the first read, then the indicator's own words.
    let mut indicator = mount_with_page_line(
        &[("src", &doc_url(&key)), ("mode", "indicator")],
        ".indicator",
    )
    .await;
    wait_until("the indicator shows", || {
        indicator.find(".indicator").is_some()
    })
    .await;
    assert!(!fallback_shown(&indicator));

    // A file that cannot be read, with nothing read before: the banner has nothing to say.
    let broken = mount_with_page_line(&[("src", &doc_url(&unique("missing")))], ".item").await;
    wait_until("the failure is reported", || {
        broken
            .event_names()
            .contains(&"status-widget-error".to_owned())
    })
    .await;
    assert!(
        fallback_shown(&broken),
        "a failed read leaves the page's line"
    );

    // Unmounted (the loader does so when the element leaves or changes build): the line again.
    indicator.widget.take().unwrap().destroy();
    assert!(fallback_shown(&indicator), "after destroy");
    indicator.remove();
    w.assert_no_uncaught_error();
    forget_dismissals();
}

#[wasm_bindgen_test]
async fn a_long_update_is_clamped_with_show_more_until_a_short_one_replaces_it() {
    let key = unique("clamp");
    let id = unique("incident");
    let long = "Safari and iOS block the third-party cookies our new sign-in relies on. ".repeat(8);
    put(
        &key,
        &incident_doc(
            &id,
            "Login fails on Safari",
            "major",
            "identified",
            &[&long],
        ),
    )
    .await;
    let w = mount(&[("src", &doc_url(&key)), ("poll", "0.3")]);
    // In a column as narrow as a phone's, so that the text needs more than its lines.
    w.host
        .unchecked_ref::<web_sys::HtmlElement>()
        .style()
        .set_property("width", "300px")
        .unwrap();
    wait_until("Show more appears", || w.find(".more-text").is_some()).await;
    let button = w.find(".more-text").unwrap();
    assert_eq!(
        button.text_content().as_deref(),
        Some("Show more: Login fails on Safari"),
        "its name says which item it opens"
    );
    assert_eq!(
        button.get_attribute("aria-expanded").as_deref(),
        Some("false")
    );
    assert!(
        w.find(".banner.narrow").is_some(),
        "a 300 px banner takes its narrow layout"
    );
    let clamp = w.find(".clamp").unwrap();
    assert!(clamp.scroll_height() > clamp.client_height() + 1, "clamped");
    assert!(
        w.shadow().text_content().unwrap().contains(long.trim()),
        "the whole text is in the document, for screen readers"
    );

    button.unchecked_ref::<web_sys::HtmlElement>().click();
    wait_until("the text opens", || {
        w.find(".more-text")
            .and_then(|b| b.get_attribute("aria-expanded"))
            .as_deref()
            == Some("true")
    })
    .await;
    let clamp = w.find(".clamp").unwrap();
    assert!(clamp.scroll_height() <= clamp.client_height() + 1, "open");
    w.find(".more-text")
        .unwrap()
        .unchecked_ref::<web_sys::HtmlElement>()
        .click();

    // The next update is short: nothing to open, no button.
    put(
        &key,
        &incident_doc(
            &id,
            "Login fails on Safari",
            "major",
            "identified",
            &[&long, "Fixed for most readers."],
        ),
    )
    .await;
    wait_until("the short update shows without a button", || {
        w.text().contains("Fixed for most readers.") && w.find(".more-text").is_none()
    })
    .await;
    w.assert_no_uncaught_error();
}

#[wasm_bindgen_test]
fn the_stylesheet_and_the_banner_agree_on_what_a_small_screen_is() {
    // The banner shows one item on a small screen (SMALL_SCREEN); the stylesheet bounds the list
    // for the same screens. One changed without the other would split the layout.
    let css = include_str!("../src/embed/style.css");
    let query = status_widget::hooks::SMALL_SCREEN;
    assert!(css.contains(&format!("@media {query} {{")), "{query}");
    assert!(web_sys::window()
        .unwrap()
        .match_media(query)
        .unwrap()
        .is_some());
}
