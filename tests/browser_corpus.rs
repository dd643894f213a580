//! The bad-input corpus (`tests/fixtures/bad/corpus.json`) in real browsers: each file served by
//! the test server as a static host would, each generated document posted there first. Every
//! case has the outcome the corpus names, and none throws into the page, renders markup from the
//! file or leaves a link other than https:, http: or mailto:.
#![cfg(target_arch = "wasm32")]

mod browser_support;
#[path = "corpus/generated.rs"]
mod generated;

use browser_support::*;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Elements a status file's text must never turn into.
const MARKUP: &str = "script, img, iframe, svg, style, object, embed, b, u";

async fn corpus() -> Vec<JsValue> {
    let corpus = server_json("/fixture/corpus.json").await;
    js_sys::Array::from(&get(&corpus, "cases")).to_vec()
}

#[wasm_bindgen_test]
async fn every_case_of_the_bad_input_corpus_has_its_named_outcome() {
    let cases = corpus().await;
    assert!(cases.len() >= 16);
    for case in cases {
        let name = get(&case, "name").as_string().unwrap();
        let src = match (
            get(&case, "file").as_string(),
            get(&case, "generated").as_string(),
        ) {
            (Some(file), None) => format!("{SERVER}/fixture/{file}"),
            (None, Some(generated)) => {
                let key = unique("corpus");
                put(&key, &generated::generated(&generated).expect(&name)).await;
                doc_url(&key)
            }
            _ => panic!("{name}: a case names a file or a generated document"),
        };
        let w = mount(&[("src", &src), ("poll", "0")]);
        // Generous: the tests run a debug build, which reads 10 MB far slower than the release.
        wait_until_within(60, &name, || !w.events.borrow().is_empty()).await;
        let (event, detail) = w.events.borrow()[0].clone();
        if let Some(error) = get(&case, "error").as_string() {
            assert_eq!(event, "status-widget-error", "{name}");
            assert_eq!(get(&detail, "kind").as_string().as_deref(), Some("parse"));
            let message = get(&detail, "message").as_string().unwrap();
            assert!(message.contains(&error), "{name}: {message}");
            assert_eq!(w.text(), "", "{name}: no raw error on the login page");
            assert_eq!(w.height(), 0.0, "{name}");
        } else {
            assert_eq!(event, "status-widget-update", "{name}");
            let shows: Vec<String> = js_sys::Array::from(&get(&case, "shows"))
                .iter()
                .filter_map(|s| s.as_string())
                .collect();
            wait_until_within(30, &format!("{name}: the banner shows"), || {
                w.text().contains(&shows[0])
            })
            .await;
            let text = w.text();
            let mut from = 0;
            for want in &shows {
                let at = text[from..].find(want.as_str());
                assert!(
                    at.is_some(),
                    "{name}: {want:?} not shown in order in {text:?}"
                );
                from += at.unwrap_or_default() + want.len();
            }
            assert!(w.height() > 0.0, "{name}");
        }
        assert!(w.find(MARKUP).is_none(), "{name}: markup from the file");
        for link in w.find_all("a") {
            let href = link.get_attribute("href").unwrap_or_default();
            assert!(
                ["https:", "http:", "mailto:"]
                    .iter()
                    .any(|scheme| href.starts_with(scheme)),
                "{name}: link {href:?}"
            );
        }
        w.assert_no_uncaught_error();
    }
}
