//! Everything the widget does with a status file, run over arbitrary input: shared by the fuzz
//! target (`fuzz/fuzz_targets/model.rs`) and the regression test over the crashes it found
//! (`tests/fuzz_regressions.rs`). Panics on a broken rule (an unsafe link kept), and wherever the
//! model itself would panic.

use status_widget::model::links::safe_href;
use status_widget::model::{load_str, Format, Timestamp};
use status_widget::view::{banner_items, duration_parts, group_by_day, relative_parts};

/// Reads `data` as a status file in each format and does with it what the widget would.
pub fn exercise(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    for format in [Format::Auto, Format::Native, Format::Statuspage] {
        let Ok(loaded) = load_str(text, format) else {
            continue;
        };
        for problem in &loaded.problems {
            let _ = problem.to_string();
        }
        let doc = loaded.document;
        for now in [0, 1_730_800_000_000, i64::MAX, i64::MIN] {
            let now = Timestamp::from_unix_millis(now);
            let _ = (doc.snapshot(now).level, doc.is_stale(now, Some(60_000)));
            for item in banner_items(&doc, now, None) {
                if let Some(link) = &item.link {
                    assert!(safe_href(link).is_ok(), "unsafe link kept: {link}");
                }
            }
        }
        for incident in &doc.incidents {
            let _ = group_by_day(&incident.updates, |u| u.at.map(Timestamp::utc_date));
            if let (Some(start), Some(end)) = (incident.started_at, incident.resolved_at) {
                let ms = end.unix_millis().saturating_sub(start.unix_millis());
                let _ = (duration_parts(ms), relative_parts(ms));
            }
        }
        let contacts = doc.service.contact.iter().map(|c| c.href.as_str());
        for link in contacts.chain(doc.service.status_page.as_deref()) {
            assert!(safe_href(link).is_ok(), "unsafe link kept: {link}");
        }
    }
}
