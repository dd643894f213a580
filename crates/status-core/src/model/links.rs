//! Which links a status file may carry. Text in a status file is plain text and links are limited
//! to `https:`, `http:` and `mailto:`, so a compromised or careless status file cannot run script
//! in the login page (`javascript:`) or smuggle content into it (`data:`).

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
}
