//! Texts in several languages (format v1's `{"en": …, "de": …}` fields with the file's
//! `language`): which one a reader gets, the language each carries, what `check` says of a file
//! that gets them wrong, and the schema's word on the same files.
#![cfg(not(target_arch = "wasm32"))]

mod native_support;
use native_support::*;
use status_core::formats::{load_str_in, Format, Loaded};
use status_core::i18n::{choose, language_of, wanted};
use status_core::model::Text;

fn read_in(text: &str, wanted: &str) -> Loaded {
    load_str_in(text, Format::Auto, wanted).unwrap()
}

/// A one-incident file in `language` whose title is `title` (JSON).
fn titled(language: Option<&str>, title: &str) -> String {
    let language = language.map_or(String::new(), |l| format!(r#""language": "{l}","#));
    format!(
        r#"{{ "version": 1, {language} "incidents": [
            {{ "id": "i", "title": {title}, "status": "identified",
               "started_at": "2024-11-05T09:27:00Z",
               "updates": [{{ "at": "2024-11-05T09:37:00Z", "body": "x" }}] }} ] }}"#
    )
}

fn title_and_lang(loaded: &Loaded) -> (String, Option<String>) {
    let title = &loaded.document.incidents[0].title;
    (
        title.plain.clone(),
        title.lang.as_deref().map(str::to_owned),
    )
}

/// (element's lang, page's lang, reader's first language, the text's languages, the file's
/// language, the language shown)
type Case = (
    Option<&'static str>,
    Option<&'static str>,
    Option<&'static str>,
    &'static [&'static str],
    &'static str,
    &'static str,
);

#[test]
fn the_choice_table_element_page_reader_and_what_the_file_has() {
    // (element's lang, page's lang, reader's first language, the text's languages, the file's
    // language) → the text shown and its lang
    let cases: &[Case] = &[
        // The element's own lang wins over the page and the reader.
        (
            Some("de"),
            Some("en"),
            Some("fr"),
            &["en", "de", "fr"],
            "en",
            "de",
        ),
        // Blank counts as not given: the page's then.
        (
            Some(" "),
            Some("fr"),
            Some("de"),
            &["en", "de", "fr"],
            "en",
            "fr",
        ),
        // No element or page lang: the reader's language.
        (None, None, Some("de-AT"), &["en", "de"], "en", "de"),
        // A regional text for a reader of that region, else the first in the language.
        (
            Some("pt-BR"),
            None,
            None,
            &["en", "pt-PT", "pt-BR"],
            "en",
            "pt-BR",
        ),
        (Some("pt-BR"), None, None, &["en", "pt-PT"], "en", "pt-PT"),
        (Some("de-CH"), None, None, &["en", "de"], "en", "de"),
        (Some("DE_at"), None, None, &["en", "de-AT"], "en", "de-AT"),
        // A language the text is not in: the file's own language, not the first one given.
        (Some("ja"), None, None, &["de", "en"], "en", "en"),
        (None, None, Some("ko"), &["de", "en", "fr"], "en", "en"),
        // A language the widget has no words in is still chosen for the file's texts.
        (Some("ko"), None, None, &["en", "ko"], "en", "ko"),
        // Nothing wanted at all: the file's language.
        (None, None, None, &["de", "en"], "en", "en"),
        // The file's language given by region (`en-GB`) still serves as the fallback.
        (Some("ja"), None, None, &["de", "en-GB"], "en", "en-GB"),
        // A text without the file's language (an error `check` reports): the first given.
        (Some("ja"), None, None, &["fr", "de"], "en", "fr"),
    ];
    for &(own, page, reader, available, language, expected) in cases {
        let map: Vec<String> = available
            .iter()
            .map(|tag| format!(r#""{tag}": "text {tag}""#))
            .collect();
        let text = titled(Some(language), &format!("{{ {} }}", map.join(", ")));
        let loaded = read_in(&text, wanted(own, page, reader));
        let what = format!("{own:?} {page:?} {reader:?} {available:?} {language}");
        assert_eq!(
            title_and_lang(&loaded),
            (format!("text {expected}"), Some(expected.to_owned())),
            "{what}"
        );
    }
}

#[test]
fn the_widgets_own_words_and_the_files_words_follow_one_choice() {
    // The widget's words come in its twelve languages; the same rule picks among them.
    assert_eq!(language_of(Some("de-CH"), Some("en"), None), "de");
    assert_eq!(language_of(None, Some(" "), Some("ar-EG")), "ar");
    assert_eq!(language_of(Some("ko"), Some("de"), None), "en");
    assert_eq!(choose("de-AT", ["en", "de-CH", "de-AT"]), Some(2));
    assert_eq!(choose("de-AT", ["en", "de-CH", "de"]), Some(1));
    assert_eq!(choose("", ["en"]), None);
    assert_eq!(choose("x-", ["en"]), None);
    assert_eq!(wanted(None, None, None), "");
    assert_eq!(wanted(Some(""), Some(" de "), Some("fr")), "de");
}

#[test]
fn a_plain_string_is_in_the_files_language_and_a_file_without_one_says_nothing() {
    let loaded = read_in(&titled(Some("en"), r#""Sign-in failing""#), "de");
    assert_eq!(
        title_and_lang(&loaded),
        ("Sign-in failing".into(), Some("en".into()))
    );
    assert!(loaded.is_valid());
    let loaded = read_in(&titled(None, r#""Sign-in failing""#), "de");
    assert_eq!(title_and_lang(&loaded), ("Sign-in failing".into(), None));
    assert_eq!(loaded.document.language, None);
}

#[test]
fn the_bilingual_seed_incident_reads_in_german_and_in_english_with_each_texts_language() {
    let text = fixture("seed-bilingual.json");
    let german = read_in(&text, "de-DE");
    let english = read_in(&text, "en-GB");
    for loaded in [&german, &english] {
        assert!(loaded.is_valid(), "{:#?}", messages(loaded));
        assert_eq!(loaded.document.language.as_deref(), Some("en"));
        let languages: Vec<&str> = loaded.document.languages.iter().map(|l| &**l).collect();
        assert_eq!(languages, ["en", "de"]);
    }
    let (de, en) = (
        &german.document.incidents[0],
        &english.document.incidents[0],
    );
    assert_eq!(de.title, "Störung bei neuen Anmeldungen");
    assert_eq!(de.title.lang.as_deref(), Some("de"));
    assert_eq!(en.title, "Incident related to new logins");
    assert_eq!(en.title.lang.as_deref(), Some("en"));
    // Every update, lesson and point of the conclusion is there in both, in the same order.
    assert_eq!(de.updates.len(), en.updates.len());
    assert_eq!(de.lessons.len(), 5);
    assert_eq!(de.conclusion.len(), 6);
    let langs = |texts: &mut dyn Iterator<Item = &Text>| -> Vec<String> {
        texts
            .map(|t| t.lang.as_deref().unwrap_or("?").to_owned())
            .collect()
    };
    let german_updates = langs(&mut de.updates.iter().map(|u| &u.body));
    // The update left untranslated on purpose is read in the file's language, and says so.
    let untranslated = de
        .updates
        .iter()
        .position(|u| u.body.starts_with("Two users reported"))
        .unwrap();
    assert_eq!(german_updates[untranslated], "en");
    assert_eq!(
        german_updates.iter().filter(|l| *l == "de").count(),
        de.updates.len() - 1
    );
    assert!(de.lessons.iter().all(|l| l.lang.as_deref() == Some("de")));
    assert_eq!(de.summary.as_ref().unwrap().lang.as_deref(), Some("de"));
    // A plain string in the file is in its language: the service's name.
    let name = german.document.service.name.as_ref().unwrap();
    assert_eq!(
        (name.as_str(), name.lang.as_deref()),
        ("Lambda Feedback", Some("en"))
    );
    assert_eq!(german.document.components[0].name, "Anmeldung");
    // `check` warns of the update in English only.
    let all = messages(&german).join("\n");
    assert!(
        all.contains("incidents[0].updates: de: 1 of 14 updates not translated"),
        "{all}"
    );
}

#[test]
fn a_translation_without_the_files_language_or_in_a_file_without_one_is_an_error() {
    let cases = [
        (
            titled(Some("en"), r#"{ "de": "Anmeldung schlägt fehl", "fr": "Échec" }"#),
            "incidents[0].title: no text in the file's language `en` (the one every reader can fall back to); another language is shown",
            "Anmeldung schlägt fehl",
        ),
        (
            titled(None, r#"{ "en": "Sign-in failing", "de": "Anmeldung schlägt fehl" }"#),
            "incidents[0].title: a text in several languages needs the file's `language` (the language its plain strings are in, such as \"en\")",
            "Sign-in failing",
        ),
        (
            titled(Some("en"), r#"{ "en": "Sign-in failing", "Deutsch!": "Anmeldung" }"#),
            "incidents[0].title: `Deutsch!` is not a language tag (BCP 47, such as `de` or `pt-BR`); ignored",
            "Sign-in failing",
        ),
        (
            titled(Some("en"), r#"{ "en": "Sign-in failing", "de": 3 }"#),
            "incidents[0].title.de: expected a string, found a number; ignored",
            "Sign-in failing",
        ),
        (
            titled(Some("english"), r#""Sign-in failing""#),
            "language: `english` is not a language tag",
            "Sign-in failing",
        ),
    ];
    for (text, expected, shown) in cases {
        let loaded = read_in(&text, "ja");
        let all = messages(&loaded).join("\n");
        assert!(all.contains(expected), "missing {expected:?} in\n{all}");
        assert!(!loaded.is_valid(), "{expected}");
        // Never an empty title: the reader still gets words.
        assert_eq!(loaded.document.incidents[0].title, shown, "{expected}");
    }
}

#[test]
fn the_schema_accepts_both_shapes_and_refuses_a_translation_without_the_default() {
    let schema: serde_json::Value = serde_json::from_str(&www("status.schema.json")).unwrap();
    let v = jsonschema::draft202012::new(&schema).unwrap();
    let valid = |text: &str| v.is_valid(&serde_json::from_str(text).unwrap());
    assert!(valid(&fixture("seed-bilingual.json")));
    assert!(valid(&titled(Some("en"), r#""Sign-in failing""#)));
    assert!(valid(&titled(None, r#""Sign-in failing""#)));
    assert!(valid(&titled(
        Some("de"),
        r#"{ "de": "Anmeldung", "en": "Sign-in" }"#
    )));
    assert!(valid(&titled(
        Some("en-GB"),
        r#"{ "en": "Sign-in", "ar": "تسجيل الدخول" }"#
    )));
    // No text in the file's language, for a language the widget speaks.
    assert!(!valid(&titled(
        Some("en"),
        r#"{ "de": "Anmeldung", "fr": "Connexion" }"#
    )));
    assert!(!valid(&titled(Some("ar"), r#"{ "en": "Sign-in" }"#)));
    // A translated text in a file that does not say its language.
    assert!(!valid(&titled(None, r#"{ "en": "Sign-in" }"#)));
    // Not a language tag; not a string; no text at all.
    assert!(!valid(&titled(
        Some("en"),
        r#"{ "en": "Sign-in", "Deutsch!": "x" }"#
    )));
    assert!(!valid(&titled(
        Some("en"),
        r#"{ "en": "Sign-in", "de": 3 }"#
    )));
    assert!(!valid(&titled(Some("en"), "{}")));
    assert!(!valid(&titled(Some("english"), r#""Sign-in""#)));
}

#[test]
fn the_schemas_languages_are_the_ones_the_widget_speaks() {
    let schema: serde_json::Value = serde_json::from_str(&www("status.schema.json")).unwrap();
    let mut checked: Vec<&str> = schema["$defs"]
        .as_object()
        .unwrap()
        .keys()
        .filter_map(|k| k.strip_prefix("in-"))
        .collect();
    let mut tags = status_core::i18n::TAGS.to_vec();
    checked.sort_unstable();
    tags.sort_unstable();
    assert_eq!(checked, tags);
}
