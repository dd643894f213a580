//! Everything the widget does with a status file, run over arbitrary input: shared by the fuzz
//! target (`fuzz/fuzz_targets/model.rs`) and the regression test over the crashes it found
//! (`tests/fuzz_regressions.rs`). Panics on a broken rule (an unsafe link kept, checked the way a
//! browser reads the link rather than by the model's own rule), and wherever the model itself
//! would panic.
#![allow(dead_code)]

use status_core::formats::{load_str, Format, SourceFormat};
use status_core::model::{StatusDocument, Timestamp};
use status_core::view::{
    derive, duration_parts, group_by_day, relative_parts, FixedOffset, ReadReport, ViewReport,
    ViewSettings,
};
use std::rc::Rc;

/// The scheme a browser sees in `link` (lower case), written here apart from the model: the URL
/// parser drops tabs and newlines anywhere and control characters and spaces at either end, then
/// a scheme is a letter followed by letters, digits, `+`, `-` or `.` before the first `:`.
/// `None` for a relative reference.
pub fn scheme_as_a_browser_reads_it(link: &str) -> Option<String> {
    let cleaned: String = link
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    let cleaned = cleaned.trim_matches(|c: char| c <= ' ');
    let (scheme, _) = cleaned.split_once(':')?;
    let mut chars = scheme.chars();
    let first = chars.next()?;
    (first.is_ascii_alphabetic() && chars.all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c)))
        .then(|| scheme.to_ascii_lowercase())
}

/// Whether a browser would follow `link` only to a web page or a mail program.
pub fn is_web_or_mail_link(link: &str) -> bool {
    matches!(
        scheme_as_a_browser_reads_it(link).as_deref(),
        None | Some("https" | "http" | "mailto")
    )
}

/// Every link the document kept: the service's, its contacts', and every incident's,
/// maintenance's and notice's, active or not.
pub fn every_link(doc: &StatusDocument) -> Vec<&str> {
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

/// Reads `data` as a status file in each format and does with it what the widget would.
pub fn exercise(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let every_format = SourceFormat::ALL.into_iter().map(Format::Only);
    for format in std::iter::once(Format::Auto).chain(every_format) {
        let result = load_str(text, format);
        let read = ReadReport::of(&result);
        let Ok(loaded) = result else {
            continue;
        };
        for problem in &loaded.problems {
            let _ = problem.to_string();
        }
        let doc = Rc::new(loaded.document);
        let settings = ViewSettings {
            max_age_ms: Some(60_000),
            ..ViewSettings::default()
        };
        for now in [0, 1_730_800_000_000, i64::MAX, i64::MIN] {
            let view = derive(&doc, &settings, Timestamp::from_unix_millis(now));
            let history = view.history().into_iter().map(|i| view.history_item(i));
            for item in view
                .active
                .iter()
                .chain(&view.upcoming)
                .cloned()
                .chain(history)
            {
                if let Some(link) = &item.link {
                    assert!(is_web_or_mail_link(link), "unsafe item link kept: {link:?}");
                }
            }
            let _ = ViewReport::of(read.clone(), &view, &FixedOffset(0));
            let _ = ViewReport::of(read.clone(), &view, &FixedOffset(-14 * 60));
        }
        for incident in &doc.incidents {
            let _ = group_by_day(&incident.updates, |u| u.at.map(Timestamp::utc_date));
            if let (Some(start), Some(end)) = (incident.started_at, incident.resolved_at) {
                let ms = end.unix_millis().saturating_sub(start.unix_millis());
                let _ = (duration_parts(ms), relative_parts(ms));
            }
        }
        for link in every_link(&doc) {
            assert!(is_web_or_mail_link(link), "unsafe link kept: {link:?}");
        }
    }
}
