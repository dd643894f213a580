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

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

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
