//! `status-widget feed FILE --out status.atom`: an Atom (RFC 4287) feed with one entry per
//! timeline update, newest first. Ids are stable: they come from the incident's id and the
//! update's time (or day), never from positions or the time the feed was written.

use super::{store, CliError};
use crate::model::links::fragment;
use crate::model::{load_str, Format, Incident, StatusDocument, Timestamp, Vocabulary};
use std::fmt::Write as _;
use std::path::Path;
use std::process::ExitCode;

/// Writes the feed for `file` to `out` (atomically).
pub fn run(file: &Path, out: &Path, url: Option<&str>) -> Result<ExitCode, CliError> {
    let text = std::fs::read_to_string(file).map_err(|e| CliError::io(file, e))?;
    let loaded = load_str(&text, Format::Auto)
        .map_err(|e| CliError::Invalid(format!("{}: {e}", file.display())))?;
    let feed = atom(&loaded.document, url);
    store::write_atomically(out, feed.as_bytes())?;
    println!(
        "{} entries written to {}",
        feed.matches("<entry>").count(),
        out.display()
    );
    Ok(ExitCode::SUCCESS)
}

/// Text with `&`, `<`, `>` and `"` escaped, and characters XML 1.0 forbids dropped.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

/// `href` as an absolute http(s) URL: as it is when it already is one, else resolved against the
/// feed's own URL `base` (where the feed and the status file are published together), else none.
fn absolute(base: Option<&str>, href: &str) -> Option<String> {
    let is_absolute = |u: &str| u.starts_with("https://") || u.starts_with("http://");
    if is_absolute(href) {
        return Some(href.to_owned());
    }
    if href
        .split('/')
        .next()
        .is_some_and(|first| first.contains(':'))
    {
        return None; // another scheme (mailto:, …): not a page to link an entry to
    }
    let base = base.filter(|b| is_absolute(b))?;
    let (scheme, rest) = base.split_once("//")?;
    let rest = rest.split(['?', '#']).next().unwrap_or(rest);
    let host = rest.split('/').next().unwrap_or(rest);
    Some(if let Some(path) = href.strip_prefix("//") {
        format!("{scheme}//{path}")
    } else if href.starts_with('/') {
        format!("{scheme}//{host}{href}")
    } else {
        let folder = rest.rfind('/').map_or(rest.len(), |i| i + 1);
        let joined = format!("{scheme}//{}", &rest[..folder]);
        if folder == rest.len() && !rest.ends_with('/') {
            format!("{joined}/{href}")
        } else {
            format!("{joined}{href}")
        }
    })
}

/// The document's incidents as an Atom feed.
pub fn atom(doc: &StatusDocument, url: Option<&str>) -> String {
    let service = &doc.service;
    let name = service.name.as_deref().unwrap_or("Service");
    let page = service
        .status_page
        .as_deref()
        .and_then(|p| absolute(url, p));
    let page = page.as_deref();
    let feed_id = match url.or(page) {
        Some(u) => u.to_owned(),
        None => format!("urn:status-widget:{}", fragment(name)),
    };
    struct Entry<'a> {
        incident: &'a Incident,
        id: String,
        when: Timestamp,
        title: String,
        body: &'a str,
    }
    let mut entries: Vec<Entry> = Vec::new();
    for incident in &doc.incidents {
        let mut seen: Vec<String> = Vec::new();
        for update in &incident.updates {
            let moment = match (update.at, update.day) {
                (Some(at), _) => at.to_rfc3339(),
                (None, Some(day)) => day.to_string(),
                (None, None) => "undated".to_owned(),
            };
            let repeat = seen.iter().filter(|m| **m == moment).count();
            seen.push(moment.clone());
            let when = update
                .at
                .or(update.day.map(|d| d.start_utc()))
                .or(incident.started_at)
                .or(doc.updated_at)
                .unwrap_or(Timestamp::from_unix_millis(0));
            let status = update.status.map_or("update", |s| s.name());
            entries.push(Entry {
                incident,
                id: format!(
                    "urn:status-widget:{}:{}:{moment}:{repeat}",
                    fragment(name),
                    fragment(&incident.id)
                ),
                when,
                title: format!("{}: {status}", incident.title),
                body: &update.body.plain,
            });
        }
    }
    entries.sort_by_key(|e| std::cmp::Reverse(e.when));
    let updated = doc
        .updated_at
        .into_iter()
        .chain(entries.first().map(|e| e.when))
        .max()
        .unwrap_or(Timestamp::from_unix_millis(0));

    let mut xml = String::from("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n");
    let _ = writeln!(xml, "  <id>{}</id>", escape(&feed_id));
    let _ = writeln!(xml, "  <title>{} status</title>", escape(name));
    let _ = writeln!(xml, "  <updated>{}</updated>", updated.to_rfc3339());
    let _ = writeln!(xml, "  <author><name>{}</name></author>", escape(name));
    if let Some(url) = url {
        let _ = writeln!(xml, "  <link rel=\"self\" href=\"{}\"/>", escape(url));
    }
    if let Some(page) = page {
        let _ = writeln!(xml, "  <link rel=\"alternate\" href=\"{}\"/>", escape(page));
    }
    for e in &entries {
        xml.push_str("  <entry>\n");
        let _ = writeln!(xml, "    <id>{}</id>", escape(&e.id));
        let _ = writeln!(xml, "    <title>{}</title>", escape(&e.title));
        let _ = writeln!(xml, "    <updated>{}</updated>", e.when.to_rfc3339());
        let link = e
            .incident
            .url
            .as_deref()
            .and_then(|u| absolute(url, u))
            .or_else(|| {
                page.map(|p| {
                    format!(
                        "{}#{}",
                        p.split('#').next().unwrap_or(p),
                        fragment(&e.incident.id)
                    )
                })
            });
        if let Some(link) = link {
            let _ = writeln!(
                xml,
                "    <link rel=\"alternate\" href=\"{}\"/>",
                escape(&link)
            );
        }
        let _ = writeln!(
            xml,
            "    <content type=\"text\">{}</content>",
            escape(e.body)
        );
        xml.push_str("  </entry>\n");
    }
    xml.push_str("</feed>\n");
    xml
}

#[cfg(test)]
mod tests {
    use super::absolute;

    #[test]
    fn links_are_made_absolute_against_the_feed_url() {
        let feed = Some("https://status.example.org/app/status.atom?v=1");
        assert_eq!(
            absolute(feed, "status.html").as_deref(),
            Some("https://status.example.org/app/status.html")
        );
        assert_eq!(
            absolute(feed, "/x.html").as_deref(),
            Some("https://status.example.org/x.html")
        );
        assert_eq!(
            absolute(feed, "//cdn.example.net/s").as_deref(),
            Some("https://cdn.example.net/s")
        );
        assert_eq!(
            absolute(Some("https://status.example.org"), "status.html").as_deref(),
            Some("https://status.example.org/status.html")
        );
        assert_eq!(
            absolute(feed, "http://other.example/p").as_deref(),
            Some("http://other.example/p")
        );
        assert_eq!(absolute(None, "status.html"), None);
        assert_eq!(absolute(feed, "mailto:team@example.org"), None);
        assert_eq!(absolute(Some("status.atom"), "status.html"), None);
    }
}
