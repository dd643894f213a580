//! Every real document in `../shared/fixtures/real/` (read there at test time, never copied
//! here), at its own date, against `tests/real_documents.json`: the format it is read as, the
//! level, what the banner shows and what the page lists, with no raw markup anywhere and no
//! error for real data's inconsistencies. No document with an open incident or maintenance may
//! leave the banner empty.
#![cfg(not(target_arch = "wasm32"))]

mod native_support;
use native_support::*;
use status_core::formats::{load_str, Format};
use status_core::model::MaintenanceStatus;
use status_core::view::{
    derive, FixedOffset, ItemSource, ItemView, ReadReport, ViewReport, ViewSettings,
};
use std::collections::BTreeSet;
use std::rc::Rc;

/// The banner item's kind as the table names it.
fn kind(item: &ItemView) -> String {
    match item.source {
        ItemSource::Declared => "status".into(),
        _ => item.kind.class().into(),
    }
}

fn assert_no_raw_markup(file: &str, text: &str) {
    for raw in RAW_MARKUP {
        assert!(!text.contains(raw), "{file}: {raw:?} shown in {text:?}");
    }
}

#[test]
#[cfg_attr(not(real_documents), ignore = "needs ../shared/fixtures/real")]
fn the_table_lists_every_real_document() {
    let real = real_path("");
    let mut on_disk = BTreeSet::new();
    for dir in std::fs::read_dir(&real).unwrap() {
        let dir = dir.unwrap().path();
        if dir.is_dir() {
            for file in std::fs::read_dir(&dir).unwrap() {
                let file = file.unwrap().path();
                on_disk.insert(file.strip_prefix(&real).unwrap().display().to_string());
            }
        }
    }
    let listed: BTreeSet<String> = real_cases().into_iter().map(|c| c.file).collect();
    assert_eq!(listed, on_disk);
}

#[test]
#[cfg_attr(not(real_documents), ignore = "needs ../shared/fixtures/real")]
fn every_real_document_shows_what_a_reader_expects_at_its_date() {
    for case in real_cases() {
        let file = &case.file;
        let now = t(&case.at);
        let loaded = match (load_str(&real_text(file), Format::Auto), &case.format) {
            (Err(e), None) => {
                let message = e.to_string();
                assert!(
                    message.contains("empty"),
                    "{file}: refused, saying why: {message}"
                );
                continue;
            }
            (Ok(loaded), Some(format)) => {
                assert_eq!(loaded.format.name(), format, "{file}");
                loaded
            }
            (result, _) => panic!("{file}: {:?}", result.map(|l| l.format)),
        };
        assert!(
            loaded.is_valid(),
            "{file}: real data's quirks are warnings: {:#?}",
            messages(&loaded)
        );
        let doc = Rc::new(loaded.document.clone());
        let view = derive(&doc, &ViewSettings::default(), now);
        assert_eq!(view.overall.name(), case.level, "{file}: level");
        let shows: Vec<String> = view.active.iter().map(kind).collect();
        assert_eq!(shows, case.shows, "{file}: banner");
        assert_eq!(view.upcoming.len(), case.upcoming, "{file}: upcoming");
        assert_eq!(view.history().len(), case.history, "{file}: history");

        // An open incident or maintenance under way always shows.
        let open = doc.incidents.iter().any(|i| i.is_active())
            || doc.maintenances.iter().any(|m| {
                m.status == MaintenanceStatus::InProgress
                    || (m.status == MaintenanceStatus::Scheduled
                        && m.starts_at.is_some_and(|s| s <= now)
                        && m.ends_at.is_none_or(|e| now < e))
            });
        assert!(
            !open || !view.active.is_empty(),
            "{file}: an open entry and an empty banner"
        );

        // What the banner and the page show: titles and words, never raw markup.
        let history: Vec<ItemView> = view
            .history()
            .iter()
            .map(|&i| view.history_item(i))
            .collect();
        for item in view.active.iter().chain(&view.upcoming).chain(&history) {
            assert!(
                !item.title.trim().is_empty(),
                "{file}: an item without a title"
            );
            assert_no_raw_markup(file, &item.title);
            if let Some(text) = &item.text {
                assert_no_raw_markup(file, &text.plain);
            }
        }
        let bodies = doc
            .incidents
            .iter()
            .flat_map(|i| &i.updates)
            .chain(doc.maintenances.iter().flat_map(|m| &m.updates))
            .map(|u| &u.body);
        for body in bodies.chain(doc.service.description.iter()) {
            assert_no_raw_markup(file, &body.plain);
        }

        // The headless report says the same, and `checkStatus` is ok.
        let report = serde_json::to_value(ViewReport::of(
            ReadReport::of(&Ok(loaded.clone())),
            &view,
            &FixedOffset(0),
        ))
        .unwrap();
        assert_eq!(report["ok"], true, "{file}");
        assert_eq!(report["level"], case.level.as_str(), "{file}");
        assert_eq!(
            report["active"].as_array().unwrap().len(),
            case.shows.len(),
            "{file}"
        );
    }
}
