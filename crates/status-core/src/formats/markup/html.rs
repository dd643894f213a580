//! The HTML found in imported status text: tags of known elements and character references.
//! A `<` that does not open a known element's tag is text, so `<1%` and `<Enter>` stay as written.

/// What a known element's tag does to the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Element {
    /// `<br>`.
    Break,
    /// `<p>`, `<div>`, `<table>`…: starts or ends a paragraph.
    Block,
    /// `<h1>`…`<h6>`.
    Heading,
    /// `<ul>`.
    BulletList,
    /// `<ol>`.
    NumberedList,
    /// `<li>`.
    Item,
    /// `<strong>`, `<b>`.
    Strong,
    /// `<em>`, `<i>`.
    Emphasis,
    /// `<a>`.
    Link,
    /// `<td>`, `<th>`: a space between cells.
    Cell,
    /// `<script>`, `<style>`…: dropped with everything inside.
    Hidden,
    /// Anything else known (`<span>`, `<img>`, `<code>`…): the tag is dropped, its content kept.
    Other,
}

/// Element names and what they do; every other name is not a tag.
const ELEMENTS: &[(&str, Element)] = &[
    ("br", Element::Break),
    ("p", Element::Block),
    ("div", Element::Block),
    ("blockquote", Element::Block),
    ("pre", Element::Block),
    ("section", Element::Block),
    ("article", Element::Block),
    ("header", Element::Block),
    ("footer", Element::Block),
    ("table", Element::Block),
    ("tr", Element::Block),
    ("hr", Element::Block),
    ("dl", Element::Block),
    ("dt", Element::Block),
    ("dd", Element::Block),
    ("figure", Element::Block),
    ("details", Element::Block),
    ("summary", Element::Block),
    ("h1", Element::Heading),
    ("h2", Element::Heading),
    ("h3", Element::Heading),
    ("h4", Element::Heading),
    ("h5", Element::Heading),
    ("h6", Element::Heading),
    ("ul", Element::BulletList),
    ("ol", Element::NumberedList),
    ("li", Element::Item),
    ("strong", Element::Strong),
    ("b", Element::Strong),
    ("em", Element::Emphasis),
    ("i", Element::Emphasis),
    ("a", Element::Link),
    ("td", Element::Cell),
    ("th", Element::Cell),
    ("script", Element::Hidden),
    ("style", Element::Hidden),
    ("template", Element::Hidden),
    ("iframe", Element::Hidden),
    ("object", Element::Hidden),
    ("noscript", Element::Hidden),
    ("svg", Element::Hidden),
    ("math", Element::Hidden),
    ("textarea", Element::Hidden),
    ("select", Element::Hidden),
    ("title", Element::Hidden),
    ("head", Element::Hidden),
    ("span", Element::Other),
    ("font", Element::Other),
    ("code", Element::Other),
    ("tt", Element::Other),
    ("kbd", Element::Other),
    ("samp", Element::Other),
    ("u", Element::Other),
    ("s", Element::Other),
    ("del", Element::Other),
    ("ins", Element::Other),
    ("mark", Element::Other),
    ("small", Element::Other),
    ("sub", Element::Other),
    ("sup", Element::Other),
    ("abbr", Element::Other),
    ("cite", Element::Other),
    ("q", Element::Other),
    ("time", Element::Other),
    ("img", Element::Other),
    ("input", Element::Other),
    ("button", Element::Other),
    ("form", Element::Other),
    ("label", Element::Other),
    ("link", Element::Other),
    ("meta", Element::Other),
    ("base", Element::Other),
    ("embed", Element::Other),
    ("video", Element::Other),
    ("audio", Element::Other),
    ("source", Element::Other),
    ("canvas", Element::Other),
    ("wbr", Element::Other),
    ("body", Element::Other),
    ("html", Element::Other),
    ("thead", Element::Other),
    ("tbody", Element::Other),
    ("tfoot", Element::Other),
    ("caption", Element::Other),
    ("center", Element::Other),
];

/// The longest tag read, attributes included.
const MAX_TAG_BYTES: usize = 512;

/// A tag of a known element at the start of some text.
#[derive(Debug)]
pub(super) struct Tag {
    /// What the element does.
    pub element: Element,
    /// Its name, lower case (to find the end of a hidden element).
    pub name: &'static str,
    /// `</name>`.
    pub closing: bool,
    /// `<name/>`.
    pub self_closing: bool,
    /// The `href` attribute, references decoded.
    pub href: Option<String>,
    /// The `start` attribute of `<ol>`.
    pub start: Option<u32>,
    /// How many bytes the tag takes.
    pub len: usize,
}

/// Reads the tag that `text` starts with (`text` starts with `<`), if it is one of a known
/// element and ends on this line.
pub(super) fn tag(text: &str) -> Option<Tag> {
    // A tag longer than this is taken for text, so that no scan runs far ahead.
    let mut cut = text.len().min(MAX_TAG_BYTES);
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    let text = &text[..cut];
    let bytes = text.as_bytes();
    let mut i = 1;
    let closing = bytes.get(i) == Some(&b'/');
    if closing {
        i += 1;
    }
    let name_start = i;
    while bytes.get(i).is_some_and(u8::is_ascii_alphanumeric) {
        i += 1;
    }
    let written = &text[name_start..i];
    let &(name, element) = ELEMENTS
        .iter()
        .find(|(name, _)| name.eq_ignore_ascii_case(written))?;
    let mut tag = Tag {
        element,
        name,
        closing,
        self_closing: false,
        href: None,
        start: None,
        len: 0,
    };
    loop {
        while bytes.get(i).is_some_and(u8::is_ascii_whitespace) {
            i += 1;
        }
        match bytes.get(i)? {
            b'>' => break,
            b'/' if bytes.get(i + 1) == Some(&b'>') => {
                tag.self_closing = true;
                i += 1;
                break;
            }
            _ => {}
        }
        // An attribute: a name, then perhaps `=` and a value, quoted or not.
        let attr_start = i;
        while bytes
            .get(i)
            .is_some_and(|b| !b.is_ascii_whitespace() && !b"\"'>/=".contains(b))
        {
            i += 1;
        }
        let attr = &text[attr_start..i];
        if attr.is_empty() {
            // A stray `/` or quote: skip it, as browsers do.
            i += 1;
            continue;
        }
        while bytes.get(i).is_some_and(u8::is_ascii_whitespace) {
            i += 1;
        }
        if bytes.get(i) != Some(&b'=') {
            continue;
        }
        i += 1;
        while bytes.get(i).is_some_and(u8::is_ascii_whitespace) {
            i += 1;
        }
        let value = match bytes.get(i)? {
            &quote @ (b'"' | b'\'') => {
                let end = i + 1 + text[i + 1..].find(char::from(quote))?;
                let value = &text[i + 1..end];
                i = end + 1;
                value
            }
            _ => {
                let start = i;
                while bytes
                    .get(i)
                    .is_some_and(|b| !b.is_ascii_whitespace() && *b != b'>')
                {
                    i += 1;
                }
                &text[start..i]
            }
        };
        if attr.eq_ignore_ascii_case("href") {
            tag.href = Some(decode(value));
        } else if attr.eq_ignore_ascii_case("start") {
            tag.start = value.trim().parse().ok();
        }
    }
    tag.len = i + 1;
    Some(tag)
}

/// Named references found in status text; others stay as written.
const NAMED: &[(&str, char)] = &[
    ("amp", '&'),
    ("lt", '<'),
    ("gt", '>'),
    ("quot", '"'),
    ("apos", '\''),
    ("nbsp", '\u{a0}'),
    ("ndash", '–'),
    ("mdash", '—'),
    ("hellip", '…'),
    ("lsquo", '‘'),
    ("rsquo", '’'),
    ("ldquo", '“'),
    ("rdquo", '”'),
    ("laquo", '«'),
    ("raquo", '»'),
    ("bull", '•'),
    ("middot", '·'),
    ("copy", '©'),
    ("reg", '®'),
    ("trade", '™'),
    ("deg", '°'),
    ("times", '×'),
    ("euro", '€'),
    ("pound", '£'),
    ("auml", 'ä'),
    ("ouml", 'ö'),
    ("uuml", 'ü'),
    ("Auml", 'Ä'),
    ("Ouml", 'Ö'),
    ("Uuml", 'Ü'),
    ("szlig", 'ß'),
    ("eacute", 'é'),
];

/// Reads the character reference `text` starts with (`&amp;`, `&#39;`, `&#x2014;`): the
/// character and the bytes it takes. A number that is no character becomes U+FFFD.
pub(super) fn reference(text: &str) -> Option<(char, usize)> {
    let end = text.bytes().take(34).position(|b| b == b';')?;
    let body = text.get(1..end)?;
    let c = if let Some(number) = body.strip_prefix('#') {
        let value = match number.strip_prefix(['x', 'X']) {
            Some(hex) if (1..=6).contains(&hex.len()) => u32::from_str_radix(hex, 16).ok()?,
            Some(_) => return None,
            None if (1..=7).contains(&number.len()) => number.parse().ok()?,
            None => return None,
        };
        match value {
            0 => '\u{fffd}',
            v => char::from_u32(v).unwrap_or('\u{fffd}'),
        }
    } else {
        NAMED.iter().find(|(name, _)| *name == body)?.1
    };
    Some((c, end + 1))
}

/// `text` with its character references decoded (for attribute values).
pub(super) fn decode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        match reference(&rest[at..]) {
            Some((c, len)) => {
                out.push(c);
                rest = &rest[at + len..];
            }
            None => {
                out.push('&');
                rest = &rest[at + 1..];
            }
        }
    }
    out.push_str(rest);
    out
}
