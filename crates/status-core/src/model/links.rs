//! Which links a status file may carry. Text in a status file is plain text and links are limited
//! to `https:`, `http:` and `mailto:`, so a compromised or careless status file cannot run script
//! in the login page (`javascript:`) or smuggle content into it (`data:`). An element's
//! `link-origins` narrows that further to the origins its owner names ([`keep_links_within`]).

use super::text::{Block, Inline, Text};
use super::StatusDocument;
use std::rc::Rc;

/// Why a link was refused.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum LinkError {
    /// A scheme other than `https:`, `http:` or `mailto:`.
    #[error("only https:, http: and mailto: links are allowed, not `{0}:`")]
    Scheme(String),
    /// White space or control characters inside the link, which browsers strip and which can
    /// disguise a scheme (`java\tscript:`).
    #[error("links may not contain spaces or control characters")]
    Whitespace,
}

/// Checks a link from the status file. Absolute `https:`, `http:` and `mailto:` links pass, and
/// so do relative references (`status.html`, `#incident`), which the widget resolves against the
/// status file's own URL. Leading and trailing spaces are trimmed.
pub fn safe_href(href: &str) -> Result<&str, LinkError> {
    let href = href.trim_matches(' ');
    if href.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(LinkError::Whitespace);
    }
    let end = href.find([':', '/', '?', '#']).unwrap_or(href.len());
    if href[end..].starts_with(':') {
        let scheme = &href[..end];
        let allowed = ["https", "http", "mailto"];
        if !allowed.iter().any(|a| a.eq_ignore_ascii_case(scheme)) {
            return Err(LinkError::Scheme(scheme.to_owned()));
        }
    }
    Ok(href)
}

/// An id as a URL fragment: every byte but letters, digits and `-._~` percent-encoded, so that an
/// id with spaces or other characters still makes a well-formed link. The status page decodes the
/// fragment (`decodeURIComponent`) before matching it to an id.
pub fn fragment(id: &str) -> String {
    let mut out = String::with_capacity(id.len());
    for byte in id.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~".contains(&byte) {
            out.push(char::from(byte));
        } else {
            const HEX: &[u8; 16] = b"0123456789ABCDEF";
            out.push('%');
            out.push(char::from(HEX[usize::from(byte >> 4)]));
            out.push(char::from(HEX[usize::from(byte & 15)]));
        }
    }
    out
}

/// The place on status page `page` where the entry `id` is: `page` without its own fragment,
/// then `#` and the id as a fragment.
pub fn anchored(page: &str, id: &str) -> String {
    format!(
        "{}#{}",
        page.split('#').next().unwrap_or(page),
        fragment(id)
    )
}

/// The origin of the absolute URL `url`, as the `link-origins` attribute names origins: scheme,
/// `://`, host and port, lowercased, without user information and without the scheme's default
/// port (`HTTPS://Status.Example.org:443/a` → `https://status.example.org`). `None` for a URL
/// without an authority (`mailto:`, a relative reference).
pub fn origin(url: &str) -> Option<String> {
    let (scheme, rest) = url.trim().split_once("://")?;
    let scheme_ok = scheme
        .bytes()
        .next()
        .is_some_and(|b| b.is_ascii_alphabetic())
        && scheme
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"+-.".contains(&b));
    if !scheme_ok {
        return None;
    }
    let scheme = scheme.to_ascii_lowercase();
    let authority = &rest[..rest.find(['/', '?', '#']).unwrap_or(rest.len())];
    let mut host = authority
        .rsplit_once('@')
        .map_or(authority, |(_, host)| host)
        .to_ascii_lowercase();
    let default_port = match scheme.as_str() {
        "https" => ":443",
        "http" => ":80",
        _ => "",
    };
    if !default_port.is_empty() && host.ends_with(default_port) {
        host.truncate(host.len() - default_port.len());
    }
    (!host.is_empty()).then(|| format!("{scheme}://{host}"))
}

/// What a `link-origins` attribute allows: each space-separated origin (a URL's path is
/// ignored), and `mailto:` for mail links. Tokens that are neither are ignored, so an attribute
/// with none left allows no link at all rather than every link.
pub fn allowed_origins(attribute: &str) -> Vec<String> {
    attribute
        .split_ascii_whitespace()
        .filter_map(|token| {
            if token.eq_ignore_ascii_case("mailto:") {
                Some("mailto:".to_owned())
            } else {
                origin(token)
            }
        })
        .collect()
}

/// Whether the absolute link `href` points where `allowed` ([`allowed_origins`]) allows.
pub fn is_within(href: &str, allowed: &[String]) -> bool {
    let mail = href
        .get(..7)
        .is_some_and(|scheme| scheme.eq_ignore_ascii_case("mailto:"));
    if mail {
        return allowed.iter().any(|a| a == "mailto:");
    }
    origin(href).is_some_and(|o| allowed.contains(&o))
}

/// Takes away every link of `doc` that points outside `allowed` ([`allowed_origins`]): the
/// service's, the entries', the contacts' (whose labels stay, as words) and those inside texts
/// (whose words stay). Links must already be absolute (the widget resolves them against the
/// file's URL first).
pub fn keep_links_within(doc: &mut StatusDocument, allowed: &[String]) {
    let keep = |url: &mut Option<String>| {
        if url.as_deref().is_some_and(|u| !is_within(u, allowed)) {
            *url = None;
        }
    };
    let service = &mut doc.service;
    keep(&mut service.url);
    keep(&mut service.status_page);
    for contact in &mut service.contact {
        if !is_within(&contact.href, allowed) {
            contact.href.clear();
        }
    }
    let texts = |text: &mut Text| unlink_text(text, allowed);
    for notice in doc
        .notices
        .iter_mut()
        .chain(doc.declared.as_mut().map(|d| &mut d.notice))
    {
        keep(&mut notice.url);
        notice.body.iter_mut().for_each(texts);
    }
    for maintenance in &mut doc.maintenances {
        keep(&mut maintenance.url);
        maintenance.body.iter_mut().for_each(texts);
        maintenance
            .updates
            .iter_mut()
            .for_each(|u| texts(&mut u.body));
    }
    for incident in &mut doc.incidents {
        keep(&mut incident.url);
        incident.summary.iter_mut().for_each(texts);
        incident.banner.iter_mut().for_each(texts);
        incident.updates.iter_mut().for_each(|u| texts(&mut u.body));
    }
}

/// `text` without the links inside it that point outside `allowed`: their words stay, in place
/// of the link, and its address leaves the plain form too. The blocks are changed where they lie
/// (a document just read holds the only reference to them); shared ones are dropped instead, so
/// that the plain form is shown.
fn unlink_text(text: &mut Text, allowed: &[String]) {
    fn outside(inlines: &[Inline], allowed: &[String], found: &mut Vec<String>) {
        for inline in inlines {
            match inline {
                Inline::Link { href, content } => {
                    if !is_within(href, allowed) {
                        found.push(href.clone());
                    }
                    outside(content, allowed, found);
                }
                Inline::Strong(content) | Inline::Emphasis(content) => {
                    outside(content, allowed, found)
                }
                _ => {}
            }
        }
    }
    fn unlink(inlines: &mut Vec<Inline>, allowed: &[String]) {
        let mut i = 0;
        while i < inlines.len() {
            match &mut inlines[i] {
                Inline::Link { href, content } if !is_within(href, allowed) => {
                    let words = std::mem::take(content);
                    inlines.splice(i..=i, words);
                    continue;
                }
                Inline::Link { content, .. }
                | Inline::Strong(content)
                | Inline::Emphasis(content) => unlink(content, allowed),
                _ => {}
            }
            i += 1;
        }
    }
    let Some(blocks) = text.blocks.as_mut() else {
        return;
    };
    let mut found = Vec::new();
    for block in blocks.iter() {
        match block {
            Block::Paragraph(inlines) | Block::Heading(inlines) => {
                outside(inlines, allowed, &mut found)
            }
            Block::List { items, .. } => items
                .iter()
                .for_each(|item| outside(item, allowed, &mut found)),
        }
    }
    if found.is_empty() {
        return;
    }
    match Rc::get_mut(blocks) {
        Some(blocks) => {
            for block in blocks.iter_mut() {
                match block {
                    Block::Paragraph(inlines) | Block::Heading(inlines) => unlink(inlines, allowed),
                    Block::List { items, .. } => {
                        items.iter_mut().for_each(|item| unlink(item, allowed))
                    }
                }
            }
        }
        None => text.blocks = None,
    }
    // The plain form writes a link's address after its words, in brackets.
    for href in found {
        text.plain = text.plain.replace(&format!(" ({href})"), "");
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn ids_become_fragments_that_decode_back_to_them() {
        assert_eq!(fragment("2024-11-04-new-logins"), "2024-11-04-new-logins");
        assert_eq!(fragment("pagemail support."), "pagemail%20support.");
        assert_eq!(fragment("a#b/ü"), "a%23b%2F%C3%BC");
    }

    #[test]
    fn web_and_mail_links_pass_and_script_links_do_not() {
        assert_eq!(
            safe_href(" https://status.example.org/ "),
            Ok("https://status.example.org/")
        );
        assert_eq!(safe_href("HTTP://x.org"), Ok("HTTP://x.org"));
        assert_eq!(
            safe_href("mailto:support@example.org"),
            Ok("mailto:support@example.org")
        );
        assert_eq!(
            safe_href("status.html#incident-1"),
            Ok("status.html#incident-1")
        );
        assert_eq!(safe_href("//cdn.example.org/a"), Ok("//cdn.example.org/a"));
        assert_eq!(safe_href("/a:b"), Ok("/a:b"));
        assert_eq!(
            safe_href("javascript:alert(1)"),
            Err(LinkError::Scheme("javascript".into()))
        );
        assert_eq!(
            safe_href("JaVaScRiPt:alert(1)"),
            Err(LinkError::Scheme("JaVaScRiPt".into()))
        );
        assert_eq!(
            safe_href("data:text/html,<script>"),
            Err(LinkError::Scheme("data".into()))
        );
        assert_eq!(
            safe_href("java\tscript:alert(1)"),
            Err(LinkError::Whitespace)
        );
        assert_eq!(safe_href("\u{0}javascript:x"), Err(LinkError::Whitespace));
        assert_eq!(
            safe_href("vbscript:x"),
            Err(LinkError::Scheme("vbscript".into()))
        );
    }

    #[test]
    fn origins_are_compared_as_browsers_write_them() {
        assert_eq!(
            origin("HTTPS://user@Status.Example.org:443/a?b#c").as_deref(),
            Some("https://status.example.org")
        );
        assert_eq!(
            origin("http://127.0.0.1:8080").as_deref(),
            Some("http://127.0.0.1:8080")
        );
        assert_eq!(origin("mailto:a@example.org"), None);
        assert_eq!(origin("status.html"), None);
        assert_eq!(origin("https://"), None);
        let allowed = allowed_origins(
            "https://example.org/ https://status.example.org:8443 mailto: nonsense",
        );
        assert_eq!(
            allowed,
            [
                "https://example.org",
                "https://status.example.org:8443",
                "mailto:"
            ]
        );
        assert!(is_within("https://example.org/help#x", &allowed));
        assert!(is_within("MAILTO:help@example.org", &allowed));
        assert!(!is_within("https://example.org.evil.test/login", &allowed));
        assert!(
            !is_within("http://example.org/", &allowed),
            "another scheme"
        );
        assert!(
            !is_within("https://status.example.org/", &allowed),
            "another port"
        );
        assert!(!is_within(
            "mailto:x@example.org",
            &allowed_origins("https://example.org")
        ));
        assert!(allowed_origins("nonsense").is_empty());
    }

    #[test]
    fn links_outside_the_origins_lose_the_link_and_keep_their_words() {
        use crate::formats::{load_str, Format};
        let json = r#"{"version": 1, "updated_at": "2024-11-08T10:00:00Z",
          "service": {"name": "App", "url": "https://app.example.org/",
            "status_page": "https://evil.test/status",
            "contact": [{"label": "Email", "href": "mailto:help@example.org"},
                        {"label": "Sign in here", "href": "https://evil.test/login"}]},
          "notices": [{"id": "n", "title": "Moved", "url": "https://evil.test/x"}],
          "incidents": [{"id": "i", "title": "Down", "impact": "major", "status": "investigating",
            "started_at": "2024-11-08T09:00:00Z", "url": "https://app.example.org/incident",
            "updates": [{"at": "2024-11-08T09:00:00Z", "body": "Looking"}]}]}"#;
        let mut doc = load_str(json, Format::Auto).unwrap().document;
        keep_links_within(
            &mut doc,
            &allowed_origins("https://app.example.org mailto:"),
        );
        assert_eq!(doc.service.url.as_deref(), Some("https://app.example.org/"));
        assert_eq!(doc.service.status_page, None);
        assert_eq!(doc.service.contact[0].href, "mailto:help@example.org");
        assert_eq!(doc.service.contact[1].href, "", "the link goes");
        assert_eq!(
            doc.service.contact[1].label, "Sign in here",
            "the words stay"
        );
        assert_eq!(doc.notices[0].url, None);
        assert_eq!(
            doc.incidents[0].url.as_deref(),
            Some("https://app.example.org/incident")
        );

        let mut text = Text::from_markup(
            "See <a href=\"https://evil.test/login\">the <b>new</b> sign-in</a> or <a href=\"https://app.example.org/help\">help</a>.",
        );
        unlink_text(&mut text, &allowed_origins("https://app.example.org"));
        let Some(blocks) = &text.blocks else { panic!() };
        let Block::Paragraph(inlines) = &blocks[0] else {
            panic!()
        };
        assert!(
            matches!(&inlines[1], Inline::Text(t) if t == "the "),
            "{inlines:?}"
        );
        assert!(inlines.iter().any(
            |i| matches!(i, Inline::Link { href, .. } if href == "https://app.example.org/help")
        ));
        assert!(!text.plain.contains("evil.test"), "{}", text.plain);
        assert!(text.plain.contains("the new sign-in"), "{}", text.plain);
    }
}
