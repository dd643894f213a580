//! The bad-input corpus (`tests/fixtures/bad/corpus.json`) read natively: each case has the
//! outcome the corpus names, and no case panics, shows markup or keeps a link the corpus does
//! not name.
#![cfg(not(target_arch = "wasm32"))]

#[path = "corpus/exercise.rs"]
mod exercise;
#[path = "corpus/generated.rs"]
mod generated;
mod native_support;

use native_support::*;
use serde_json::Value;
use status_core::formats::{load_str, Format};
use status_core::model::StatusDocument;
use status_core::view::{derive, ViewSettings};
use std::rc::Rc;

/// The banner's title and message texts, in order.
fn banner_texts(doc: StatusDocument) -> Vec<String> {
    derive(
        &Rc::new(doc),
        &ViewSettings::default(),
        t("2024-11-05T10:00:00Z"),
    )
    .active
    .into_iter()
    .flat_map(|item| std::iter::once(item.title.plain).chain(item.text.map(|t| t.plain)))
    .collect()
}

#[test]
fn every_case_of_the_bad_input_corpus_has_its_named_outcome() {
    let corpus: Value = serde_json::from_str(&fixture("bad/corpus.json")).unwrap();
    let cases = corpus["cases"].as_array().unwrap();
    assert!(cases.len() >= 16);
    for case in cases {
        let name = case["name"].as_str().unwrap();
        let text = match (case["file"].as_str(), case["generated"].as_str()) {
            (Some(file), None) => fixture(&format!("bad/{file}")),
            (None, Some(generated)) => generated::generated(generated).expect(name),
            _ => panic!("{name}: a case names a file or a generated document"),
        };
        let result = load_str(&text, Format::Auto);
        if let Some(error) = case["error"].as_str() {
            let err = result
                .err()
                .unwrap_or_else(|| panic!("{name}: read, but should be refused"));
            assert!(err.to_string().contains(error), "{name}: {err}");
            continue;
        }
        let loaded = result.unwrap_or_else(|e| panic!("{name}: {e}"));
        let shown = banner_texts(loaded.document.clone());
        let mut rest = shown.iter();
        for want in case["shows"].as_array().unwrap() {
            let want = want.as_str().unwrap();
            assert!(
                rest.any(|text| text.contains(want)),
                "{name}: {want:?} is not on the banner (in order): {shown:?}"
            );
        }
        let problems = case["problems"].as_u64().unwrap() as usize;
        assert!(
            loaded.problems.len() >= problems,
            "{name}: {} problems, expected at least {problems}: {:?}",
            loaded.problems.len(),
            messages(&loaded)
        );
        if problems == 0 {
            assert!(
                loaded.problems.is_empty(),
                "{name}: {:?}",
                messages(&loaded)
            );
        }
        // The links kept are exactly the ones the corpus names (written out by hand from the
        // file), and each is a web or mail link or a relative reference as a browser reads it,
        // not by the model's own rule.
        let want: Vec<&str> = case["links"]
            .as_array()
            .map(|l| l.iter().map(|v| v.as_str().unwrap()).collect())
            .unwrap_or_default();
        let kept = exercise::every_link(&loaded.document);
        assert_eq!(kept, want, "{name}: the links kept");
        for link in kept {
            assert!(
                exercise::is_web_or_mail_link(link),
                "{name}: kept the link {link:?}"
            );
        }
    }
}
