//! Texts in several languages in real browsers: the bilingual seed incident
//! (`tests/fixtures/seed-bilingual.json`) shows German to a `de` reader and English to an `en-GB`
//! reader in the banner, the indicator and the page, each text marked with its language; the one
//! update left in English is marked `lang="en"` inside the German page; an Arabic title is laid
//! out right to left inside an English widget; events and `deriveStatus` say the same.
#![cfg(target_arch = "wasm32")]

mod browser_support;
use browser_support::*;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const BILINGUAL: &str = include_str!("fixtures/seed-bilingual.json");

/// The bilingual seed incident as it stood on Tuesday 5 November at 09:40 UTC: its first seven
/// updates (the last: Safari and iOS identified), identified and not yet resolved.
fn as_of_tuesday() -> String {
    let doc = js_sys::JSON::parse(BILINGUAL).unwrap();
    let incident = js_sys::Reflect::get(&get(&doc, "incidents"), &0.into()).unwrap();
    let updates: js_sys::Array = get(&incident, "updates").into();
    let set =
        |key: &str, value: JsValue| js_sys::Reflect::set(&incident, &key.into(), &value).unwrap();
    set("updates", updates.slice(0, 7).into());
    set("status", "identified".into());
    js_sys::Reflect::delete_property(&incident.clone().into(), &"resolved_at".into()).unwrap();
    js_sys::JSON::stringify(&doc).unwrap().into()
}

/// The text and `lang` of the first element matching `selector`.
fn said(w: &Mounted, selector: &str) -> (String, Option<String>) {
    let element = w.find(selector).unwrap_or_else(|| panic!("no {selector}"));
    (
        element.text_content().unwrap_or_default(),
        element.get_attribute("lang"),
    )
}

/// The last update event's `detail[key]`, as text.
fn detail(w: &Mounted, key: &str) -> Option<String> {
    let events = w.events.borrow();
    let (_, detail) = events
        .iter()
        .rev()
        .find(|(name, _)| name == "status-widget-update")
        .expect("an update event");
    get(detail, key).as_string()
}

#[wasm_bindgen_test]
async fn the_banner_speaks_german_to_a_german_reader_and_english_to_a_british_one() {
    forget_dismissals();
    let key = unique("bilingual-banner");
    put(&key, &as_of_tuesday()).await;
    let german = mount(&[("src", &doc_url(&key)), ("lang", "de")]);
    let english = mount(&[("src", &doc_url(&key)), ("lang", "en-GB")]);
    for w in [&german, &english] {
        wait_until("the incident shows", || w.find(".item strong").is_some()).await;
    }
    assert_eq!(
        said(&german, ".item strong"),
        ("Störung bei neuen Anmeldungen".into(), Some("de".into()))
    );
    assert_eq!(
        said(&german, ".item .text"),
        (
            "Problem mit Safari und iOS erkannt. Hinweis in der App aktualisiert.".into(),
            Some("de".into())
        )
    );
    // The widget's own words around them are German too.
    assert!(
        german.text().contains("Schwere Störung"),
        "{}",
        german.text()
    );
    assert_eq!(
        said(&english, ".item strong"),
        ("Incident related to new logins".into(), Some("en".into()))
    );
    assert_eq!(
        said(&english, ".item .text").0,
        "Issue with Safari and iOS identified. Message update on the app."
    );
    // Components are names from the file, in the reader's language.
    assert!(
        german.text().contains("Anmeldung, Web-App"),
        "{}",
        german.text()
    );
    assert!(
        english.text().contains("Login, Web app"),
        "{}",
        english.text()
    );
    // What a screen reader is told: the file's words in their own language.
    wait_until("the alert is said", || {
        !german.announced_urgently().is_empty()
    })
    .await;
    let spoken = german
        .find(".announce [role=alert] span[lang=de]")
        .and_then(|s| s.text_content());
    assert_eq!(spoken.as_deref(), Some("Störung bei neuen Anmeldungen"));
    // The element's event carries the headline in the reader's language.
    assert_eq!(
        detail(&german, "title").as_deref(),
        Some("Störung bei neuen Anmeldungen")
    );
    assert_eq!(detail(&german, "titleLang").as_deref(), Some("de"));
    assert_eq!(
        detail(&english, "title").as_deref(),
        Some("Incident related to new logins")
    );
    german.assert_no_uncaught_error();
}

#[wasm_bindgen_test]
async fn changing_the_elements_lang_reads_the_file_again_in_that_language() {
    forget_dismissals();
    let key = unique("bilingual-switch");
    put(&key, &as_of_tuesday()).await;
    let mut w = mount(&[("src", &doc_url(&key)), ("lang", "en")]);
    wait_until("the English title shows", || {
        w.find(".item strong")
            .and_then(|s| s.text_content())
            .as_deref()
            == Some("Incident related to new logins")
    })
    .await;
    w.set("lang", "de-CH");
    wait_until("the German title shows", || {
        w.find(".item strong")
            .and_then(|s| s.text_content())
            .as_deref()
            == Some("Störung bei neuen Anmeldungen")
    })
    .await;
    // A language the file has no words in: its own language, English.
    w.set("lang", "ja");
    wait_until("the English title is back", || {
        w.find(".item strong")
            .and_then(|s| s.text_content())
            .as_deref()
            == Some("Incident related to new logins")
    })
    .await;
    w.assert_no_uncaught_error();
}

#[wasm_bindgen_test]
async fn the_indicator_follows_the_readers_language() {
    let key = unique("bilingual-indicator");
    put(&key, &as_of_tuesday()).await;
    let german = mount(&[
        ("src", &doc_url(&key)),
        ("mode", "indicator"),
        ("lang", "de"),
    ]);
    let english = mount(&[
        ("src", &doc_url(&key)),
        ("mode", "indicator"),
        ("lang", "en-GB"),
    ]);
    for w in [&german, &english] {
        wait_until("the indicator shows", || w.find(".indicator").is_some()).await;
    }
    assert_eq!(said(&german, ".summary").0, "Teilweiser Ausfall");
    assert_eq!(said(&english, ".summary").0, "Partial outage");
    assert_eq!(
        detail(&german, "title").as_deref(),
        Some("Störung bei neuen Anmeldungen")
    );
    assert_eq!(detail(&english, "titleLang").as_deref(), Some("en"));
}

#[wasm_bindgen_test]
async fn the_page_is_german_with_the_untranslated_update_marked_english() {
    let key = unique("bilingual-page");
    put(&key, BILINGUAL).await;
    let german = mount(&[("src", &doc_url(&key)), ("mode", "page"), ("lang", "de")]);
    let english = mount(&[("src", &doc_url(&key)), ("mode", "page"), ("lang", "en-GB")]);
    for w in [&german, &english] {
        wait_until("the incident shows", || {
            w.find(".incident .incident-body").is_some()
        })
        .await;
    }
    assert_eq!(
        said(&german, ".incident-title"),
        ("Störung bei neuen Anmeldungen".into(), Some("de".into()))
    );
    assert_eq!(
        said(&english, ".incident-title").0,
        "Incident related to new logins"
    );
    // The service's name is a plain string in the file's language: marked English.
    assert_eq!(
        said(&german, "h1"),
        ("Lambda Feedback".into(), Some("en".into()))
    );
    let bodies = german.find_all(".update-body");
    assert_eq!(bodies.len(), 14);
    let marked: Vec<(String, String)> = bodies
        .iter()
        .map(|b| {
            (
                b.get_attribute("lang").unwrap_or_default(),
                b.text_content().unwrap_or_default(),
            )
        })
        .collect();
    let english_ones: Vec<&(String, String)> = marked.iter().filter(|(l, _)| l == "en").collect();
    assert_eq!(english_ones.len(), 1, "{marked:?}");
    assert!(english_ones[0]
        .1
        .starts_with("Two users reported issues via email."));
    assert!(
        marked.iter().filter(|(l, _)| l == "de").count() == 13,
        "{marked:?}"
    );
    // Its direction is its own (left to right), and it is pronounced as English.
    let untranslated = bodies
        .iter()
        .find(|b| b.get_attribute("lang").as_deref() == Some("en"))
        .unwrap();
    assert_eq!(computed(untranslated, "direction"), "ltr");
    assert!(
        german.text().contains("Auf allen Gerätetypen testen")
            || german
                .text()
                .contains("Änderungen auf allen Gerätetypen testen")
    );
    let lessons = german.find_all(".lessons li");
    assert_eq!(lessons.len(), 5);
    assert!(lessons
        .iter()
        .all(|l| l.get_attribute("lang").as_deref() == Some("de")));
    assert!(english.text().contains("Test changes on all device types."));
    assert!(german.text().contains("Verlauf"));
    german.assert_no_uncaught_error();
}

#[wasm_bindgen_test]
async fn an_arabic_title_is_laid_out_right_to_left_inside_an_english_widget() {
    forget_dismissals();
    let key = unique("arabic-title");
    let doc = r#"{ "version": 1, "language": "en", "incidents": [
        { "id": "ar", "title": { "en": "Sign-in failing", "ar": "تعذّر تسجيل الدخول على Safari" },
          "impact": "major", "status": "identified", "started_at": "2024-11-05T09:27:00Z",
          "updates": [{ "at": "2024-11-05T09:37:00Z", "body": "Investigating." }] } ] }"#;
    put(&key, doc).await;
    // An English page whose reader asked for Arabic words of the file (the element's lang
    // names a language the widget speaks right to left, but the page around it is English).
    let host_page = mount(&[("src", &doc_url(&key)), ("lang", "ar")]);
    wait_until("the title shows", || {
        host_page.find(".item strong").is_some()
    })
    .await;
    let title = host_page.find(".item strong").unwrap();
    assert_eq!(title.get_attribute("lang").as_deref(), Some("ar"));
    assert_eq!(title.get_attribute("dir").as_deref(), Some("rtl"));
    assert_eq!(computed(&title, "direction"), "rtl");
    // English words in an Arabic widget keep their own direction, and say their language.
    let body = host_page.find(".item .text").unwrap();
    assert_eq!(body.get_attribute("lang").as_deref(), Some("en"));
    assert_eq!(computed(&body, "direction"), "ltr");

    // The same Arabic title inside an English widget: right to left on its own.
    let key = unique("arabic-in-english");
    put(
        &key,
        &doc.replace(r#""language": "en""#, r#""language": "ar""#)
            .replace(
                r#"{ "en": "Sign-in failing", "ar": "تعذّر تسجيل الدخول على Safari" }"#,
                r#""تعذّر تسجيل الدخول على Safari""#,
            ),
    )
    .await;
    let english = mount(&[("src", &doc_url(&key)), ("lang", "en")]);
    wait_until("the title shows", || english.find(".item strong").is_some()).await;
    let root = english.find(".theme").unwrap();
    assert_eq!(computed(&root, "direction"), "ltr");
    let title = english.find(".item strong").unwrap();
    assert_eq!(title.get_attribute("lang").as_deref(), Some("ar"));
    assert_eq!(computed(&title, "direction"), "rtl");
    english.assert_no_uncaught_error();
}

#[wasm_bindgen_test]
fn derive_status_reads_the_language_it_is_asked_for() {
    let report = |lang: Option<&str>| {
        let settings = js_sys::Object::new();
        if let Some(lang) = lang {
            js_sys::Reflect::set(&settings, &"lang".into(), &lang.into()).unwrap();
        }
        status_widget::js::api::derive_status(
            JsValue::from_str(&as_of_tuesday()),
            JsValue::from_str("2024-11-05T09:40:00Z"),
            settings.into(),
        )
    };
    let first = |report: &JsValue, key: &str| {
        let active = get(report, "active");
        get(&js_sys::Reflect::get(&active, &0.into()).unwrap(), key).as_string()
    };
    let german = report(Some("de-AT"));
    assert_eq!(
        first(&german, "title").as_deref(),
        Some("Störung bei neuen Anmeldungen")
    );
    assert_eq!(first(&german, "titleLang").as_deref(), Some("de"));
    assert_eq!(first(&german, "textLang").as_deref(), Some("de"));
    let own = report(None);
    assert_eq!(
        first(&own, "title").as_deref(),
        Some("Incident related to new logins")
    );
    assert_eq!(first(&own, "titleLang").as_deref(), Some("en"));
}
