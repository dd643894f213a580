//! Imported status text (Statuspage's HTML, Markdown from Jira's postmortems and cState) read
//! into paragraphs, lists, emphasis and links, safely: nothing a script could use survives, and
//! nothing an author wrote as words is lost.
#![cfg(not(target_arch = "wasm32"))]

mod native_support;
use native_support::*;
use proptest::prelude::*;
use status_core::formats::markup::parse;
use status_core::model::{plain_text, Block, Inline, Text};

/// The blocks as compact markup, for readable expectations (`<p>`, `<h>`, `<ul>`, `<ol start>`,
/// `<li>`, `<b>`, `<i>`, `<code>`, `<br>`, `<a href>`), words escaped.
fn shape(source: &str) -> String {
    fn inlines(content: &[Inline], out: &mut String) {
        for inline in content {
            match inline {
                Inline::Text(text) => out.push_str(&text.replace('<', "&lt;")),
                Inline::Break => out.push_str("<br>"),
                Inline::Strong(c) => wrap("b", c, out),
                Inline::Emphasis(c) => wrap("i", c, out),
                Inline::Code(code) => out.push_str(&format!("<code>{code}</code>")),
                Inline::Link { href, content } => {
                    out.push_str(&format!("<a {href}>"));
                    inlines(content, out);
                    out.push_str("</a>");
                }
            }
        }
    }
    fn wrap(tag: &str, content: &[Inline], out: &mut String) {
        out.push_str(&format!("<{tag}>"));
        inlines(content, out);
        out.push_str(&format!("</{tag}>"));
    }
    let mut out = String::new();
    for block in parse(source) {
        match block {
            Block::Paragraph(c) => wrap("p", &c, &mut out),
            Block::Heading(c) => wrap("h", &c, &mut out),
            Block::List { start, items } => {
                out.push_str(&match start {
                    Some(n) => format!("<ol {n}>"),
                    None => "<ul>".into(),
                });
                for item in &items {
                    wrap("li", item, &mut out);
                }
                out.push_str(if start.is_some() { "</ol>" } else { "</ul>" });
            }
        }
    }
    out
}

#[test]
fn statuspage_html_becomes_breaks_paragraphs_lists_and_emphasis() {
    assert_eq!(
        shape("Queues drained.<br /><br />Pages is recovering.<br />Imports paused."),
        "<p>Queues drained.</p><p>Pages is recovering.<br>Imports paused.</p>"
    );
    assert_eq!(
        shape(
            "<ul><li><strong>2018-10-21 23:09:19</strong> - We are investigating.</li>\
             <li><strong>2018-10-21 23:13:31</strong> - Still investigating.</li></ul>"
        ),
        "<ul><li><b>2018-10-21 23:09:19</b> - We are investigating.</li>\
         <li><b>2018-10-21 23:13:31</b> - Still investigating.</li></ul>"
    );
    assert_eq!(
        shape("<p>One <em>two</em></p><ol start=\"3\">\n  <li>three</li>\n  <li>four</li>\n</ol>after"),
        "<p>One <i>two</i></p><ol 3><li>three</li><li>four</li></ol><p>after</p>"
    );
    assert_eq!(
        shape("<h2>Impact</h2><p>Builds <B>failed</B>.</p>"),
        "<h>Impact</h><p>Builds <b>failed</b>.</p>"
    );
}

#[test]
fn character_references_are_decoded_once_and_stay_words() {
    assert_eq!(
        shape("AT&amp;T &lt;script&gt; it&#39;s &#x2014; &nbsp;&bogus; & fine"),
        "<p>AT&T &lt;script> it's — \u{a0}&bogus; & fine</p>"
    );
    assert_eq!(
        shape("&#0; &#x110000; &#55296;"),
        "<p>\u{fffd} \u{fffd} \u{fffd}</p>"
    );
}

#[test]
fn markdown_headings_bold_lists_links_and_escapes() {
    let source = "# Summary\n\nOn January 18 **customers** were affected \\(install, trial\\).\n\n\
                  ### **ROOT CAUSE**\n\n* Atlas\n* Bitbucket Cloud\n\nTimeline:\n\
                  - 04:00 UTC: impact started\n- 04:15 UTC: resolved\n\n\
                  Emails came from [atlassian.net](http://atlassian.net). \
                  Contact https://support.atlassian.com/contact/.";
    assert_eq!(
        shape(source),
        "<h>Summary</h>\
         <p>On January 18 <b>customers</b> were affected (install, trial).</p>\
         <h><b>ROOT CAUSE</b></h>\
         <ul><li>Atlas</li><li>Bitbucket Cloud</li></ul>\
         <p>Timeline:</p><ul><li>04:00 UTC: impact started</li><li>04:15 UTC: resolved</li></ul>\
         <p>Emails came from <a http://atlassian.net>atlassian.net</a>. Contact \
         <a https://support.atlassian.com/contact/>https://support.atlassian.com/contact/</a>.</p>"
    );
    assert_eq!(
        shape("1. first\n2. second\n\n3) third *really*"),
        "<ol 1><li>first</li><li>second</li><li>third <i>really</i></li></ol>",
        "a blank line between items does not end the list"
    );
    assert_eq!(
        shape("Title\n=====\nBody `code_here` and _stress_"),
        "<h>Title</h><p>Body <code>code_here</code> and <i>stress</i></p>"
    );
}

#[test]
fn every_new_line_is_a_line_break_as_statuspage_shows_it() {
    assert_eq!(
        shape(
            "Due to timeouts there is a disruption.\r\n\r\nApps are impacted.\r\nWe are on it.\r\n"
        ),
        "<p>Due to timeouts there is a disruption.</p><p>Apps are impacted.<br>We are on it.</p>"
    );
    assert_eq!(
        shape("- a\ncontinued\n- b"),
        "<ul><li>a<br>continued</li><li>b</li></ul>"
    );
}

#[test]
fn what_is_not_markup_stays_as_written() {
    for (source, shown) in [
        (
            "customers <1% have encountered",
            "<p>customers &lt;1% have encountered</p>",
        ),
        (
            "affected <SOME/ALL> users",
            "<p>affected &lt;SOME/ALL> users</p>",
        ),
        ("press <Enter> twice", "<p>press &lt;Enter> twice</p>"),
        ("a snake_case_name stays", "<p>a snake_case_name stays</p>"),
        ("2 * 3 * 4 = 24", "<p>2 * 3 * 4 = 24</p>"),
        ("**unclosed bold", "<p>**unclosed bold</p>"),
        ("methods (views.*), apps", "<p>methods (views.*), apps</p>"),
        ("[not a link] and [x]", "<p>[not a link] and [x]</p>"),
        ("`unclosed code", "<p>`unclosed code</p>"),
        ("x****y", "<p>x****y</p>"),
        ("#hashtag", "<p>#hashtag</p>"),
        ("2024-01-31 04:00 UTC", "<p>2024-01-31 04:00 UTC</p>"),
    ] {
        assert_eq!(shape(source), shown, "{source:?}");
    }
}

#[test]
fn scripts_styles_and_unsafe_links_never_survive() {
    assert_eq!(
        shape("a<script>alert(1)</script>b<style>\np { color: red }\n</style>c<!-- note -->d"),
        "<p>abcd</p>"
    );
    assert_eq!(
        shape("<img src=x onerror=alert(1)>see <a href=\"javascript:alert(1)\">this</a>"),
        "<p>see this</p>"
    );
    assert_eq!(shape("[click](javascript:alert(1))"), "<p>click)</p>");
    assert_eq!(
        shape("[click](data:text/html,x) [rel](/incidents/1)"),
        "<p>click rel</p>"
    );
    assert_eq!(
        shape("<a href='mailto:ops@example.com' onclick='x()'>mail us</a> <https://example.com/a>"),
        "<p><a mailto:ops@example.com>mail us</a> <a https://example.com/a>https://example.com/a</a></p>"
    );
    assert_eq!(
        shape("<a href=\"https://e.com/?a=1&amp;b=2\">q</a>"),
        "<p><a https://e.com/?a=1&b=2>q</a></p>"
    );
    // An unclosed script hides the rest: it never becomes words on the page.
    assert_eq!(shape("ok<script>\nsteal()\n"), "<p>ok</p>");
}

#[test]
fn the_plain_form_keeps_every_word_and_address() {
    let text = Text::from_markup(
        "Queues drained.<br /><br /><ul><li><strong>23:09</strong> - investigating</li>\
         <li>see [docs](https://example.com/docs) or https://example.com/x</li></ul>",
    );
    assert_eq!(
        text.plain,
        "Queues drained.\n\n• 23:09 - investigating\n• see docs (https://example.com/docs) or https://example.com/x"
    );
    assert_eq!(plain_text(&parse("1. a\n2. b")), "1. a\n2. b");
    assert_eq!(
        Text::plain("a <b>").plain,
        "a <b>",
        "native text is never read as markup"
    );
    assert_eq!(Text::plain("a <b>").blocks, None);
}

/// Every update body of the real Statuspage captures: nothing raw left in what is shown.
#[test]
#[cfg_attr(not(real_documents), ignore = "needs ../shared/fixtures/real")]
fn no_real_body_shows_raw_markup() {
    let mut bodies = 0;
    for dir in ["statuspage", "cstate", "other"] {
        for entry in std::fs::read_dir(real_path(dir)).unwrap() {
            let path = entry.unwrap().path();
            let relative = format!("{dir}/{}", path.file_name().unwrap().to_string_lossy());
            let Ok(loaded) = status_core::formats::load_str(
                &real_text(&relative),
                status_core::formats::Format::Auto,
            ) else {
                continue;
            };
            let doc = loaded.document;
            let texts = doc
                .incidents
                .iter()
                .flat_map(|i| i.updates.iter().map(|u| &u.body))
                .chain(
                    doc.maintenances
                        .iter()
                        .flat_map(|m| m.updates.iter().map(|u| &u.body)),
                )
                .chain(doc.service.description.iter());
            for text in texts {
                bodies += 1;
                for raw in RAW_MARKUP.iter().chain(&["</", "\\("]) {
                    assert!(
                        !text.plain.contains(raw),
                        "{relative}: {raw:?} in {:?}",
                        text.plain
                    );
                }
                assert!(
                    text.blocks.is_some(),
                    "{relative}: imported text is read as markup"
                );
            }
        }
    }
    assert!(bodies > 300, "{bodies} bodies");
}

#[test]
#[cfg_attr(not(real_documents), ignore = "needs ../shared/fixtures/real")]
fn the_html_list_timeline_of_2018_reads_as_a_list_of_twenty_eight_entries() {
    let doc = load_real("statuspage/github-incident-2018-10-21-html-list-body.json").document;
    let body = &doc.incidents[0].updates[0].body;
    let blocks = body.blocks.as_deref().unwrap();
    let [Block::List { start: None, items }] = blocks else {
        panic!("{blocks:?}")
    };
    assert!(items.len() >= 20, "{} entries", items.len());
    assert!(
        matches!(&items[0][0], Inline::Strong(s) if s == &[Inline::Text("2018-10-21 23:09:19".into())])
    );
}

fn markup_piece() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-z]{1,8}",
        Just(" ".to_owned()),
        Just("\n".to_owned()),
        Just("**".to_owned()),
        Just("*".to_owned()),
        Just("_".to_owned()),
        Just("# ".to_owned()),
        Just("- ".to_owned()),
        Just("1. ".to_owned()),
        Just("<br />".to_owned()),
        Just("<strong>".to_owned()),
        Just("</strong>".to_owned()),
        Just("<ul><li>".to_owned()),
        Just("</li></ul>".to_owned()),
        Just("<p>".to_owned()),
        Just("</p>".to_owned()),
        Just("<em>".to_owned()),
        Just("</em>".to_owned()),
    ]
}

/// The letters of a text, in order (marks, numbering and spacing aside).
fn letters(text: &str) -> String {
    text.chars().filter(char::is_ascii_alphabetic).collect()
}

proptest! {
    /// Whatever the mix of tags and marks, every letter the author wrote is shown, in order.
    #[test]
    fn no_word_is_ever_lost(pieces in prop::collection::vec(markup_piece(), 0..40)) {
        let source: String = pieces.concat();
        let without_tags: String = pieces
            .iter()
            .filter(|p| !p.starts_with('<'))
            .map(|p| p.as_str())
            .collect::<Vec<_>>()
            .join("");
        let text = Text::from_markup(&source);
        prop_assert_eq!(letters(&text.plain), letters(&without_tags), "{:?}", source);
    }

    /// Any text at all is read without a panic, every link is one the widget may follow, and
    /// no block starts or ends with a break.
    #[test]
    fn any_text_is_read_safely(source in "(?s).{0,300}") {
        for block in parse(&source) {
            let content: Vec<&Vec<Inline>> = match &block {
                Block::Paragraph(c) | Block::Heading(c) => vec![c],
                Block::List { items, .. } => items.iter().collect(),
            };
            for c in content {
                prop_assert!(!c.is_empty());
                prop_assert!(c.first() != Some(&Inline::Break) && c.last() != Some(&Inline::Break));
                check_links(c)?;
            }
        }
    }
}

fn check_links(content: &[Inline]) -> Result<(), TestCaseError> {
    for inline in content {
        match inline {
            Inline::Link { href, content } => {
                let lower = href.to_ascii_lowercase();
                prop_assert!(
                    lower.starts_with("https:")
                        || lower.starts_with("http:")
                        || lower.starts_with("mailto:"),
                    "{}",
                    href
                );
                check_links(content)?;
            }
            Inline::Strong(c) | Inline::Emphasis(c) => check_links(c)?,
            _ => {}
        }
    }
    Ok(())
}

#[test]
fn hostile_bodies_are_read_in_one_pass() {
    // Each of these is a mark whose end a naive reader would look for in the rest of the line
    // again and again; read once, every word is still there.
    for piece in [
        "<a x=\"", "[", "**a ", "`` ` ", "&#", "<!-", "http://", "_a ", "<b>",
    ] {
        let source = piece.repeat(20_000);
        let text = Text::from_markup(&source);
        assert_eq!(
            letters(&text.plain),
            letters(&source.replace("<b>", "")),
            "{piece:?}"
        );
    }
}
