//! The widget's twelve languages in real browsers: a plural form for every category each engine's
//! `Intl.PluralRules` selects, counts written in the right form, and Arabic and Hebrew laid out
//! right to left (banner, indicator and page mirrored) while the page's own fallback keeps the
//! page's direction.
#![cfg(target_arch = "wasm32")]

mod browser_support;
use browser_support::*;
use status_core::i18n::{strings_for, LANGUAGES};
use status_widget::io::intl::TimeFormatter;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// The plural categories this browser's `Intl.PluralRules` can select for `lang`.
fn categories(lang: &str) -> Vec<String> {
    let rules = js_sys::Intl::PluralRules::new(
        &js_sys::Array::of1(&JsValue::from_str(lang)),
        &js_sys::Object::new(),
    );
    let options = rules.resolved_options();
    let list: js_sys::Array = get(&options, "pluralCategories").unchecked_into();
    list.iter().filter_map(|c| c.as_string()).collect()
}

#[wasm_bindgen_test]
fn every_language_has_its_own_form_for_each_plural_category_the_browser_selects() {
    let mut missing = Vec::new();
    for s in LANGUAGES {
        let engine = categories(s.lang);
        assert!(
            engine.contains(&"other".to_owned()),
            "{}: {engine:?}",
            s.lang
        );
        for (key, plural) in [
            ("and_more", &s.and_more),
            ("show_older", &s.page.show_older),
        ] {
            let forms: Vec<&str> = plural.forms().into_iter().map(|(c, _)| c).collect();
            for category in &engine {
                if !forms.contains(&category.as_str()) {
                    missing.push(format!("{}: {key} has no {category} form", s.lang));
                }
            }
        }
    }
    assert_eq!(missing, Vec::<String>::new());
}

#[wasm_bindgen_test]
fn counts_take_the_form_the_language_needs() {
    let count = |lang: &str, n: usize| {
        TimeFormatter::new(lang).count(&strings_for(lang).page.show_older, n)
    };
    assert_eq!(count("en", 1), "Show older incidents (1 more)");
    assert_eq!(count("pl", 1), "Pokaż 1 starszy incydent");
    assert_eq!(count("pl", 3), "Pokaż 3 starsze incydenty");
    assert_eq!(count("pl", 5), "Pokaż 5 starszych incydentów");
    assert_eq!(count("pl", 22), "Pokaż 22 starsze incydenty");
    // Arabic's forms, with Latin digits asked for (engines differ on plain `ar`'s digits).
    assert_eq!(count("ar-u-nu-latn", 2), "عرض 2 عطلين أقدم");
    assert_eq!(count("ar-u-nu-latn", 3), "عرض 3 أعطال أقدم");
    assert_eq!(count("ar-u-nu-latn", 11), "عرض 11 عطلًا أقدم");
    assert_eq!(count("ar-u-nu-latn", 100), "عرض 100 عطل أقدم");
    assert_eq!(count("ja", 7), "過去の障害をさらに表示（ほか7件）");
    // In the locale's own digits, as its dates are.
    assert_eq!(count("ar-EG", 3), "عرض ٣ أعطال أقدم");
    // A tag the browser refuses falls back to English's rules, never throws.
    assert_eq!(count("x-not a tag", 1), "Show older incidents (1 more)");
}

fn rect(element: &web_sys::Element) -> web_sys::DomRect {
    element.get_bounding_client_rect()
}

fn direction(element: &web_sys::Element) -> String {
    computed(element, "direction")
}

#[wasm_bindgen_test]
async fn arabic_and_hebrew_mirror_the_banner_and_the_indicator() {
    for (lang, label) in [("ar", "عطل كبير"), ("he", "תקלה משמעותית")] {
        let key = unique(lang);
        put(
            &key,
            &incident_doc(&unique("i"), "Login", "major", "identified", &["Looking"]),
        )
        .await;
        let w = mount(&[("src", &doc_url(&key)), ("lang", lang)]);
        wait_until("the banner shows", || w.find(".item").is_some()).await;
        let theme = w.find(".theme").unwrap();
        assert_eq!(theme.get_attribute("dir").as_deref(), Some("rtl"));
        assert_eq!(theme.get_attribute("lang").as_deref(), Some(lang));
        let item = w.find(".item").unwrap();
        assert_eq!(direction(&item), "rtl", "{lang}");
        assert!(w.text().contains(label), "{lang}: {}", w.text());
        // Mirrored: the colour bar on the right, the dismiss button on the left of the words.
        let body = rect(&w.find(".body").unwrap());
        let mark = rect(&w.find(".mark").unwrap());
        let dismiss = rect(&w.find(".dismiss").unwrap());
        assert!(
            mark.left() >= body.right() - 1.0,
            "{lang}: the bar is right of the text"
        );
        assert!(
            dismiss.right() <= body.left() + 1.0,
            "{lang}: dismiss is left of the text"
        );

        let indicator = mount(&[
            ("src", &doc_url(&key)),
            ("lang", lang),
            ("mode", "indicator"),
        ]);
        wait_until("the indicator shows", || {
            indicator.find(".indicator").is_some()
        })
        .await;
        let dot = rect(&indicator.find(".dot").unwrap());
        let words = rect(&indicator.find(".summary").unwrap());
        assert!(
            dot.left() >= words.right() - 1.0,
            "{lang}: the dot is right of its words"
        );
        w.assert_no_uncaught_error();
    }
}

#[wasm_bindgen_test]
async fn an_english_widget_on_a_right_to_left_page_stays_left_to_right_and_its_fallback_does_not() {
    // A Persian page: no strings of its own, so the widget speaks English, left to right; the
    // page's own fallback child keeps the page's direction.
    let key = unique("fa");
    put(
        &key,
        &incident_doc(&unique("i"), "Login", "major", "identified", &["Looking"]),
    )
    .await;
    let w = mount(&[("src", &doc_url(&key)), ("dir", "rtl"), ("lang", "fa")]);
    let child = web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .create_element("p")
        .unwrap();
    child.set_text_content(Some("وضعیت سرویس"));
    w.host.append_child(&child).unwrap();
    before_next_paint().await;
    assert_eq!(
        direction(&child),
        "rtl",
        "the page's child, before the read"
    );
    wait_until("the banner shows", || w.find(".item").is_some()).await;
    assert_eq!(
        w.find(".theme").unwrap().get_attribute("dir").as_deref(),
        Some("ltr")
    );
    assert_eq!(direction(&w.find(".item").unwrap()), "ltr");
}

#[wasm_bindgen_test]
async fn the_status_page_in_hebrew_mirrors_its_incidents() {
    let key = unique("he-page");
    put(
        &key,
        &incident_doc(&unique("i"), "Login", "major", "identified", &["Looking"]),
    )
    .await;
    let w = mount(&[("src", &doc_url(&key)), ("lang", "he"), ("mode", "page")]);
    wait_until("the page shows its incident", || {
        w.find(".incident").is_some()
    })
    .await;
    let incident = w.find(".incident").unwrap();
    let width = |side: &str| computed(&incident, &format!("border-{side}-width"));
    assert_eq!(direction(&incident), "rtl");
    assert_eq!(
        (width("right"), width("left")),
        ("4px".to_owned(), "0px".to_owned())
    );
    assert!(
        w.text().contains("מצב השירות") || w.text().contains("מתרחש כעת"),
        "{}",
        w.text()
    );
}
