//! Text from a status file as its author meant it: plain in the native format, and for imported
//! formats (whose update bodies carry HTML and Markdown) read into paragraphs, lists, emphasis
//! and links that the widget builds as DOM nodes, never as markup.

use std::rc::Rc;

/// A text field: its plain form, and its structure when it came with markup.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Text {
    /// The text without markup: what events, the headless API, feeds and `import` carry. Lines
    /// are separated by `\n`, paragraphs by a blank line, list items start with `• ` or `1. `,
    /// and a link's address follows its words in brackets.
    pub plain: String,
    /// Paragraphs, lists, emphasis and links, for text read from an imported format; `None` for
    /// plain text, which is shown as it was written.
    pub blocks: Option<Rc<[Block]>>,
    /// The language it is written in (a BCP 47 tag), when the file says: its `language`, or the
    /// tag of the translation chosen from a `{"en": …, "de": …}` field. Shown as the text's
    /// `lang` (and `dir`), so that a screen reader pronounces it and bidi lays it out right.
    pub lang: Option<Rc<str>>,
}

impl std::ops::Deref for Text {
    type Target = str;
    fn deref(&self) -> &str {
        &self.plain
    }
}

impl std::fmt::Display for Text {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.plain)
    }
}

impl PartialEq<str> for Text {
    fn eq(&self, other: &str) -> bool {
        self.plain == other
    }
}

impl PartialEq<&str> for Text {
    fn eq(&self, other: &&str) -> bool {
        self.plain == *other
    }
}

impl From<&str> for Text {
    fn from(text: &str) -> Self {
        Text::plain(text)
    }
}

impl From<String> for Text {
    fn from(text: String) -> Self {
        Text::plain(text)
    }
}

impl Text {
    /// Plain text, shown as written.
    pub fn plain(text: impl Into<String>) -> Self {
        Text {
            plain: text.into(),
            blocks: None,
            lang: None,
        }
    }

    /// Text written with the HTML and Markdown that imported formats use
    /// ([`crate::formats::markup::parse`]).
    pub fn from_markup(source: &str) -> Self {
        let blocks = crate::formats::markup::parse(source);
        Text {
            plain: plain_text(&blocks),
            blocks: Some(blocks.into()),
            lang: None,
        }
    }

    /// The plain form.
    pub fn as_str(&self) -> &str {
        &self.plain
    }

    /// The same text, marked as written in `lang`.
    pub fn in_language(self, lang: Option<Rc<str>>) -> Self {
        Text { lang, ..self }
    }

    /// The direction the text is shown in: `rtl` for Arabic and Hebrew, `ltr` for another
    /// known language, and `auto` (from its first strong letter) when its language is unknown.
    pub fn dir(&self) -> &'static str {
        match self.lang.as_deref() {
            Some(lang) if crate::i18n::is_rtl(lang) => "rtl",
            Some(_) => "ltr",
            None => "auto",
        }
    }
}

/// A block of text with markup.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Block {
    /// A paragraph.
    Paragraph(Vec<Inline>),
    /// A heading inside the text (`# Summary`), shown as a strong line of its own.
    Heading(Vec<Inline>),
    /// A list: numbered from `start`, or bulleted when `start` is `None`.
    List {
        /// The first number of a numbered list.
        start: Option<u32>,
        /// The items, each a run of inline content.
        items: Vec<Vec<Inline>>,
    },
}

/// Inline content of a block.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Inline {
    /// Words, with entities and escapes already decoded.
    Text(String),
    /// A line break.
    Break,
    /// Strong emphasis (`**bold**`, `<strong>`).
    Strong(Vec<Inline>),
    /// Emphasis (`*italic*`, `<em>`).
    Emphasis(Vec<Inline>),
    /// Code (`` `name` ``).
    Code(String),
    /// A link to an `https:`, `http:` or `mailto:` address (others lose the link, not the words).
    Link {
        /// Where it goes, checked by [`super::links::safe_href`].
        href: String,
        /// What the reader sees.
        content: Vec<Inline>,
    },
}

/// The plain form of `blocks` (see [`Text::plain`]).
pub fn plain_text(blocks: &[Block]) -> String {
    let mut out = String::new();
    for block in blocks {
        if !out.is_empty() {
            out.push_str("\n\n");
        }
        match block {
            Block::Paragraph(inlines) | Block::Heading(inlines) => push_plain(inlines, &mut out),
            Block::List { start, items } => {
                for (n, item) in items.iter().enumerate() {
                    if n > 0 {
                        out.push('\n');
                    }
                    match start {
                        Some(first) => {
                            out.push_str(&first.saturating_add(n as u32).to_string());
                            out.push_str(". ");
                        }
                        None => out.push_str("• "),
                    }
                    push_plain(item, &mut out);
                }
            }
        }
    }
    out
}

fn push_plain(inlines: &[Inline], out: &mut String) {
    for inline in inlines {
        match inline {
            Inline::Text(text) | Inline::Code(text) => out.push_str(text),
            Inline::Break => out.push('\n'),
            Inline::Strong(content) | Inline::Emphasis(content) => push_plain(content, out),
            Inline::Link { href, content } => {
                let start = out.len();
                push_plain(content, out);
                let shown = out[start..].trim();
                let address = href.strip_prefix("mailto:").unwrap_or(href);
                if shown != href && shown != address {
                    out.push_str(" (");
                    out.push_str(href);
                    out.push(')');
                }
            }
        }
    }
}
