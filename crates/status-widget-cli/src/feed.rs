//! `status-widget feed FILE --out status.atom --json-out status.feed.json`: an Atom (RFC 4287)
//! feed and a JSON Feed 1.1 with the same entries, one per timeline update, newest first. Ids are
//! stable: they come from the incident's id and the update's time (or day), never from positions
//! or the time the feed was written.

use super::{store, CliError};
use serde_json::{json, Value};
use status_core::formats::{load_str_in, Format};
use status_core::model::links::{anchored, fragment};
use status_core::model::{StatusDocument, Timestamp, Vocabulary};
use std::fmt::Write as _;
use std::path::Path;
use std::process::ExitCode;

/// Where `feed` writes.
pub struct Outputs<'a> {
    /// The Atom feed in the file's language; other languages' beside it (`status.de.atom`).
    pub atom: Option<&'a Path>,
    /// The JSON Feed likewise (`status.feed.de.json`).
    pub json: Option<&'a Path>,
    /// The status page whose `<head>` links them all.
    pub page: Option<&'a Path>,
}

/// Writes the Atom feed for `file` to `outputs.atom` and the JSON Feed to `outputs.json` (each
/// atomically, either or both), in the file's language; and for each other language its texts
/// are given in, the same feeds in that language beside them (`status.de.atom`). `url` is the
/// Atom feed's own address; the others' are the same folder with their own file names.
pub fn run(file: &Path, outputs: Outputs, url: Option<&str>) -> Result<ExitCode, CliError> {
    if outputs.atom.is_none() && outputs.json.is_none() {
        return Err(CliError::Usage(
            "say where to write: --out status.atom, --json-out status.feed.json, or both".into(),
        ));
    }
    let text = std::fs::read_to_string(file).map_err(|e| CliError::io(file, e))?;
    let read = |wanted: &str| {
        load_str_in(&text, Format::Auto, wanted)
            .map_err(|e| CliError::Invalid(format!("{}: {e}", file.display())))
    };
    // The file's own language first: its feeds keep the names given; a file without one has
    // one set of feeds, as it always had.
    let languages: Vec<String> = match read("")?.document {
        doc if doc.language.is_some() => doc.languages.iter().map(|l| l.to_string()).collect(),
        _ => Vec::new(),
    };
    let own = languages.first().cloned();
    let mut links = Vec::new();
    for lang in std::iter::once(own.clone()).chain(languages.iter().skip(1).cloned().map(Some)) {
        let named = |path: &Path| match (&lang, &own) {
            (Some(lang), Some(own)) if lang != own => in_language(path, lang),
            _ => path.to_path_buf(),
        };
        let loaded = read(lang.as_deref().unwrap_or(""))?;
        let doc = &loaded.document;
        let lang = lang.as_deref();
        let atom_out = outputs.atom.map(named);
        let json_out = outputs.json.map(named);
        let atom_url = match (url, &atom_out, outputs.atom) {
            (Some(url), Some(out), Some(first)) if out != first => out
                .file_name()
                .and_then(|n| absolute(Some(url), &n.to_string_lossy())),
            _ => url.map(str::to_owned),
        };
        let entries = feed(doc, atom_url.as_deref()).entries.len();
        let said = lang.map_or(String::new(), |l| format!(", {l}"));
        if let Some(out) = &atom_out {
            let xml = atom(doc, atom_url.as_deref(), lang);
            store::write_atomically(out, xml.as_bytes())?;
            println!(
                "{entries} entries written to {} (Atom{said})",
                out.display()
            );
            links.push(FeedLink::new(
                out,
                "application/atom+xml",
                "Atom",
                lang,
                doc,
            ));
        }
        if let Some(out) = &json_out {
            let own_url = out
                .file_name()
                .and_then(|n| absolute(url, &n.to_string_lossy()));
            let mut json = serde_json::to_string_pretty(&json_feed(doc, own_url.as_deref(), lang))
                .expect("a JSON value always serializes");
            json.push('\n');
            store::write_atomically(out, json.as_bytes())?;
            println!(
                "{entries} entries written to {} (JSON Feed{said})",
                out.display()
            );
            links.push(FeedLink::new(
                out,
                "application/feed+json",
                "JSON Feed",
                lang,
                doc,
            ));
        }
    }
    if let Some(page) = outputs.page {
        link_from_page(page, &links)?;
        println!("{} links {} feeds", page.display(), links.len());
    }
    Ok(ExitCode::SUCCESS)
}

/// `path` for the language `lang`: `status.atom` → `status.de.atom`,
/// `status.feed.json` → `status.feed.de.json`.
fn in_language(path: &Path, lang: &str) -> std::path::PathBuf {
    let name = path
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    let renamed = match name.rsplit_once('.') {
        Some((stem, extension)) => format!("{stem}.{lang}.{extension}"),
        None => format!("{name}.{lang}"),
    };
    path.with_file_name(renamed)
}

/// One feed as the status page links it.
struct FeedLink {
    href: String,
    kind: &'static str,
    title: String,
    lang: Option<String>,
}

impl FeedLink {
    fn new(
        path: &Path,
        kind: &'static str,
        format: &str,
        lang: Option<&str>,
        doc: &StatusDocument,
    ) -> Self {
        let name = doc.service.name.as_ref().map_or("Service", |n| n.as_str());
        FeedLink {
            href: path
                .file_name()
                .map_or_else(String::new, |n| n.to_string_lossy().into_owned()),
            kind,
            title: match lang {
                Some(lang) => format!("{name} status ({format}, {lang})"),
                None => format!("{name} status ({format})"),
            },
            lang: lang.map(str::to_owned),
        }
    }
}

/// The first line of the block of feed links in a status page.
const PAGE_BLOCK_START: &str = "<!-- status-widget feeds -->";
/// Its last line.
const PAGE_BLOCK_END: &str = "<!-- /status-widget feeds -->";

/// Rewrites the block of feed links in the status page `page` (adding it to the head when it has
/// none), each link with its `hreflang`; the rest of the page is left as it is.
fn link_from_page(page: &Path, links: &[FeedLink]) -> Result<(), CliError> {
    let html = std::fs::read_to_string(page).map_err(|e| CliError::io(page, e))?;
    let mut block = format!("{PAGE_BLOCK_START}\n");
    for link in links {
        let hreflang = link
            .lang
            .as_deref()
            .map_or(String::new(), |l| format!(" hreflang=\"{}\"", escape(l)));
        let _ = writeln!(
            block,
            "  <link rel=\"alternate\" type=\"{}\"{hreflang} href=\"{}\" title=\"{}\">",
            link.kind,
            escape(&link.href),
            escape(&link.title)
        );
    }
    block.push_str("  ");
    block.push_str(PAGE_BLOCK_END);
    let written = match (html.find(PAGE_BLOCK_START), html.find(PAGE_BLOCK_END)) {
        (Some(start), Some(end)) if start < end => format!(
            "{}{block}{}",
            &html[..start],
            &html[end + PAGE_BLOCK_END.len()..]
        ),
        _ => {
            // Before `</head>`; else before `<body>`; else after the doctype (both tags are
            // optional in HTML, and a link before the body is in the head).
            let lower = html.to_ascii_lowercase();
            let at = lower
                .find("</head>")
                .or_else(|| lower.find("<body"))
                .or_else(|| {
                    lower
                        .starts_with("<!doctype")
                        .then(|| lower.find('>').map_or(0, |i| i + 1))
                })
                .unwrap_or(0);
            format!(
                "{}\n  {block}\n{}",
                html[..at].trim_end_matches([' ', '\t']),
                &html[at..]
            )
        }
    };
    store::write_atomically(page, written.as_bytes())
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

/// Whether `url` is an absolute `https:` or `http:` address.
pub(super) fn is_web(url: &str) -> bool {
    url.starts_with("https://") || url.starts_with("http://")
}

/// `href` as an absolute http(s) URL: as it is when it already is one, else resolved against the
/// feed's own URL `base` (where the feed and the status file are published together), else none.
pub(super) fn absolute(base: Option<&str>, href: &str) -> Option<String> {
    if is_web(href) {
        return Some(href.to_owned());
    }
    if href
        .split('/')
        .next()
        .is_some_and(|first| first.contains(':'))
    {
        return None; // another scheme (mailto:, …): not a page to link an entry to
    }
    let base = base.filter(|b| is_web(b))?;
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

/// One timeline update as a feed entry (the same in Atom and JSON Feed).
struct Entry<'a> {
    id: String,
    when: Timestamp,
    title: String,
    body: &'a str,
    link: Option<String>,
}

/// What both feeds say: the service, its status page and one entry per update, newest first.
struct Feed<'a> {
    name: &'a str,
    id: String,
    page: Option<String>,
    updated: Timestamp,
    entries: Vec<Entry<'a>>,
}

/// The entries of `doc`, with links made absolute against the feed's own URL `url`.
fn feed<'a>(doc: &'a StatusDocument, url: Option<&str>) -> Feed<'a> {
    let service = &doc.service;
    let name = service.name.as_ref().map_or("Service", |n| n.as_str());
    let page = service
        .status_page
        .as_deref()
        .and_then(|p| absolute(url, p));
    let id = match url.or(page.as_deref()) {
        Some(u) => u.to_owned(),
        None => format!("urn:status-widget:{}", fragment(name)),
    };
    let mut entries: Vec<Entry> = Vec::new();
    for incident in &doc.incidents {
        let link = incident
            .url
            .as_deref()
            .and_then(|u| absolute(url, u))
            .or_else(|| page.as_deref().map(|p| anchored(p, &incident.id)));
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
                id: format!(
                    "urn:status-widget:{}:{}:{moment}:{repeat}",
                    fragment(name),
                    fragment(&incident.id)
                ),
                when,
                title: format!("{}: {status}", incident.title),
                body: &update.body.plain,
                link: link.clone(),
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
    Feed {
        name,
        id,
        page,
        updated,
        entries,
    }
}

/// The document's incidents as an Atom feed whose own address is `url`, in the language `lang`
/// (its `xml:lang`) when the file says.
pub fn atom(doc: &StatusDocument, url: Option<&str>, lang: Option<&str>) -> String {
    let feed = feed(doc, url);
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\"",
    );
    if let Some(lang) = lang {
        let _ = write!(xml, " xml:lang=\"{}\"", escape(lang));
    }
    xml.push_str(">\n");
    let _ = writeln!(xml, "  <id>{}</id>", escape(&feed.id));
    let _ = writeln!(xml, "  <title>{} status</title>", escape(feed.name));
    let _ = writeln!(xml, "  <updated>{}</updated>", feed.updated.to_rfc3339());
    let _ = writeln!(xml, "  <author><name>{}</name></author>", escape(feed.name));
    if let Some(url) = url {
        let _ = writeln!(xml, "  <link rel=\"self\" href=\"{}\"/>", escape(url));
    }
    if let Some(page) = &feed.page {
        let _ = writeln!(xml, "  <link rel=\"alternate\" href=\"{}\"/>", escape(page));
    }
    for e in &feed.entries {
        xml.push_str("  <entry>\n");
        let _ = writeln!(xml, "    <id>{}</id>", escape(&e.id));
        let _ = writeln!(xml, "    <title>{}</title>", escape(&e.title));
        let _ = writeln!(xml, "    <updated>{}</updated>", e.when.to_rfc3339());
        if let Some(link) = &e.link {
            let _ = writeln!(
                xml,
                "    <link rel=\"alternate\" href=\"{}\"/>",
                escape(link)
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

/// The same entries as a JSON Feed 1.1 (<https://jsonfeed.org/version/1.1>) whose own address
/// is `url`: the same ids, titles, times, text and links as the Atom feed, and its `language`.
pub fn json_feed(doc: &StatusDocument, url: Option<&str>, lang: Option<&str>) -> Value {
    let feed = feed(doc, url);
    let mut out = json!({
        "version": "https://jsonfeed.org/version/1.1",
        "title": format!("{} status", feed.name),
        "authors": [{"name": feed.name}],
    });
    if let Some(page) = &feed.page {
        out["home_page_url"] = json!(page);
    }
    if let Some(url) = url.filter(|u| is_web(u)) {
        out["feed_url"] = json!(url);
    }
    if let Some(description) = &doc.service.description {
        out["description"] = json!(description.plain);
    }
    if let Some(lang) = lang {
        out["language"] = json!(lang);
    }
    out["items"] = feed
        .entries
        .iter()
        .map(|e| {
            let mut item = json!({
                "id": e.id,
                "title": e.title,
                "content_text": e.body,
                "date_published": e.when.to_rfc3339(),
            });
            if let Some(link) = &e.link {
                item["url"] = json!(link);
            }
            item
        })
        .collect();
    out
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
