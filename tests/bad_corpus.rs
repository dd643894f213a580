//! The bad-input corpus (`tests/fixtures/bad/corpus.json`) read natively: each case has the
//! outcome the corpus names, and no case panics, shows markup or keeps an unsafe link.
#![cfg(not(target_arch = "wasm32"))]

mod common;
#[path = "corpus/generated.rs"]
mod generated;

use common::*;
use serde_json::Value;
use status_widget::model::links::safe_href;
use status_widget::model::{load_str, Format, StatusDocument};
use status_widget::view::banner_items;

/// The banner's title and message texts, in order.
fn banner_texts(doc: &StatusDocument) -> Vec<String> {
    banner_items(doc, t("2024-11-05T10:00:00Z"), None)
        .into_iter()
        .flat_map(|item| std::iter::once(item.title).chain(item.text))
        .collect()
}

/// Every link the document kept.
fn links(doc: &StatusDocument) -> Vec<&str> {
    let service = &doc.service;
    let mut links: Vec<&str> = service
        .url
        .iter()
        .chain(&service.status_page)
        .map(String::as_str)
        .collect();
    links.extend(service.contact.iter().map(|c| c.href.as_str()));
    links.extend(doc.incidents.iter().filter_map(|i| i.url.as_deref()));
    links.extend(doc.maintenances.iter().filter_map(|m| m.url.as_deref()));
    links.extend(doc.notices.iter().filter_map(|n| n.url.as_deref()));
    links
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
        let shown = banner_texts(&loaded.document);
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
        for link in links(&loaded.document) {
            assert!(safe_href(link).is_ok(), "{name}: kept the link {link:?}");
        }
    }
}
