//! Reads the markup of imported status text into [`Block`]s: the HTML Statuspage bodies carry
//! (`<br />`, `<ul><li><strong>`, character references) and the Markdown its authors and cState
//! write (headings, `**bold**`, lists, links), the way Statuspage shows them: every new line is a
//! line break. It never fails: what is not markup stays text, `<script>` and its kind vanish with
//! their content, and links other than `https:`, `http:` and `mailto:` keep their words only.
//! Every scan looks ahead a bounded distance or remembers what it found, so a hostile body costs
//! time in proportion to its length.

mod html;
mod inline;

use crate::model::links::safe_href;
use crate::model::{Block, Inline};
use html::{Element, Tag};

/// The deepest nesting of emphasis and links kept; tags deeper than this are dropped, their
/// words kept.
const MAX_DEPTH: usize = 16;

/// Reads `source` into blocks.
pub fn parse(source: &str) -> Vec<Block> {
    let mut builder = Builder::default();
    for line in source.split('\n') {
        builder.line(line.strip_suffix('\r').unwrap_or(line));
    }
    builder.end_list();
    builder.end_block();
    builder.blocks
}

/// What the inline content being read will become.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
enum Kind {
    #[default]
    Paragraph,
    Heading,
    Item,
}

/// How an emphasis was opened: by a tag, or by a Markdown mark (`**`, `__`, `*`, `_`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Opener {
    Tag,
    Mark(&'static str),
}

/// An open element and what has been read into it so far.
#[derive(Debug)]
enum Frame {
    Strong(Opener),
    Emphasis(Opener),
    /// A link, with its address when that is one the widget may link to.
    Link(Option<String>),
}

#[derive(Debug)]
struct Open {
    frame: Frame,
    content: Vec<Inline>,
}

#[derive(Debug)]
struct List {
    start: Option<u32>,
    items: Vec<Vec<Inline>>,
}

#[derive(Debug, Default)]
struct Builder {
    blocks: Vec<Block>,
    kind: Kind,
    /// The block's content outside any open element.
    root: Vec<Inline>,
    open: Vec<Open>,
    list: Option<List>,
    /// How many `<ul>`/`<ol>` tags are open; Markdown list syntax is not read inside them.
    html_lists: usize,
    /// A new line was read: a break goes before the next content.
    pending_break: bool,
    /// Inside `<script>` and the like: the name of the closing tag that ends it, or `-->`.
    hidden: Option<&'static str>,
    /// Inside a fenced code block.
    fence: bool,
}

impl Builder {
    fn line(&mut self, line: &str) {
        if self.hidden.is_some() {
            self.inline(line);
            self.end_line();
            return;
        }
        let rest = line.trim_start_matches([' ', '\t']);
        if self.fence {
            if is_fence(rest) {
                self.fence = false;
                self.end_block();
            } else {
                self.new_line();
                self.push(Inline::Code(line.to_owned()));
            }
            return;
        }
        if rest.is_empty() {
            if self.html_lists == 0 {
                self.end_block();
            } else {
                self.new_line();
            }
            return;
        }
        if is_fence(rest) {
            self.end_list();
            self.end_block();
            self.fence = true;
            return;
        }
        if let Some(text) = heading(rest) {
            self.end_list();
            self.end_block();
            self.kind = Kind::Heading;
            self.inline(text);
            self.end_block();
            return;
        }
        if let Some(mark) = underline(rest) {
            // `Title` over `=====` or `-----` is a heading; a rule otherwise.
            if self.kind == Kind::Paragraph && self.open.is_empty() && !self.root.is_empty() {
                self.kind = Kind::Heading;
            }
            if mark == b'=' && self.kind != Kind::Heading {
                self.new_line();
                self.inline(rest);
                self.end_line();
                return;
            }
            self.end_list();
            self.end_block();
            return;
        }
        if self.html_lists == 0 {
            if let Some((start, text)) = list_marker(rest) {
                let same = self
                    .list
                    .as_ref()
                    .is_some_and(|l| l.start.is_some() == start.is_some());
                if !same {
                    self.end_list();
                }
                self.end_block();
                self.list.get_or_insert(List {
                    start,
                    items: Vec::new(),
                });
                self.kind = Kind::Item;
                self.inline(text);
                self.end_line();
                return;
            }
            if self.list.is_some() && self.kind != Kind::Item {
                self.end_list();
            }
        }
        let mut text = rest;
        while let Some(quoted) = text.strip_prefix('>') {
            text = quoted.trim_start_matches([' ', '\t']);
        }
        self.new_line();
        self.inline(text);
        self.end_line();
    }

    /// A new line of the same block: a line break before what follows, unless one is there.
    fn new_line(&mut self) {
        let target = self.open.last().map_or(&self.root, |o| &o.content);
        if self.has_content() && target.last() != Some(&Inline::Break) {
            self.pending_break = true;
        }
    }

    fn has_content(&self) -> bool {
        !self.root.is_empty() || self.open.iter().any(|o| !o.content.is_empty())
    }

    fn target(&mut self) -> &mut Vec<Inline> {
        match self.open.last_mut() {
            Some(open) => &mut open.content,
            None => &mut self.root,
        }
    }

    fn flush_break(&mut self) {
        if std::mem::take(&mut self.pending_break) && self.has_content() {
            self.target().push(Inline::Break);
        }
    }

    fn push(&mut self, inline: Inline) {
        self.flush_break();
        append(self.target(), inline);
    }

    /// Words: dropped when they are only space before anything else in the block.
    fn text(&mut self, text: &str) {
        if text.is_empty() || (!self.has_content() && text.trim().is_empty()) {
            return;
        }
        if self.html_lists > 0 && self.kind == Kind::Paragraph && self.root.is_empty() {
            // Words between the items of a list make an item of their own.
            self.kind = Kind::Item;
        }
        self.push(Inline::Text(text.to_owned()));
    }

    /// Opens an element; false when too many are open already.
    fn open(&mut self, frame: Frame) -> bool {
        if self.open.len() >= MAX_DEPTH {
            return false;
        }
        self.flush_break();
        self.open.push(Open {
            frame,
            content: Vec::new(),
        });
        true
    }

    /// Closes the innermost open element that `matches`, and every element inside it.
    fn close(&mut self, matches: impl Fn(&Frame) -> bool) {
        if let Some(at) = self.open.iter().rposition(|o| matches(&o.frame)) {
            self.close_at(at);
        }
    }

    fn close_at(&mut self, at: usize) {
        while self.open.len() > at + 1 {
            self.fold(false);
        }
        self.fold(true);
    }

    /// Ends the innermost open element: `closed` when its end was read. A Markdown mark that
    /// was never closed was no mark: it goes back into the text.
    fn fold(&mut self, closed: bool) {
        let Some(Open { frame, content }) = self.open.pop() else {
            return;
        };
        let target = self.target();
        let inline = match frame {
            Frame::Strong(Opener::Mark(mark)) | Frame::Emphasis(Opener::Mark(mark)) if !closed => {
                append(target, Inline::Text(mark.to_owned()));
                content.into_iter().for_each(|i| append(target, i));
                return;
            }
            Frame::Link(None) => {
                content.into_iter().for_each(|i| append(target, i));
                return;
            }
            Frame::Link(Some(href)) if content.is_empty() => Inline::Link {
                content: vec![Inline::Text(href.clone())],
                href,
            },
            _ if content.is_empty() => return,
            Frame::Strong(_) => Inline::Strong(content),
            Frame::Emphasis(_) => Inline::Emphasis(content),
            Frame::Link(Some(href)) => Inline::Link { href, content },
        };
        target.push(inline);
    }

    /// The end of a line: Markdown marks do not reach across lines.
    fn end_line(&mut self) {
        let first_mark = self.open.iter().position(|o| {
            matches!(
                o.frame,
                Frame::Strong(Opener::Mark(_)) | Frame::Emphasis(Opener::Mark(_))
            )
        });
        if let Some(at) = first_mark {
            while self.open.len() > at {
                self.fold(false);
            }
        }
    }

    /// Ends the paragraph, heading or list item being read.
    fn end_block(&mut self) {
        while !self.open.is_empty() {
            self.fold(false);
        }
        self.pending_break = false;
        let content = tidy(std::mem::take(&mut self.root));
        let kind = std::mem::take(&mut self.kind);
        if content.is_empty() {
            return;
        }
        match (kind, &mut self.list) {
            // Inside a list, whatever was read joins it in its place.
            (_, Some(list)) => list.items.push(content),
            (Kind::Heading, None) => self.blocks.push(Block::Heading(content)),
            _ => {
                // Two breaks in a row (`<br /><br />`) end a paragraph.
                let mut paragraph = Vec::new();
                let mut content = content.into_iter().peekable();
                while let Some(inline) = content.next() {
                    if inline == Inline::Break && content.peek() == Some(&Inline::Break) {
                        while content.peek() == Some(&Inline::Break) {
                            content.next();
                        }
                        self.blocks
                            .push(Block::Paragraph(std::mem::take(&mut paragraph)));
                    } else {
                        paragraph.push(inline);
                    }
                }
                self.blocks.push(Block::Paragraph(paragraph));
            }
        }
    }

    /// Ends the list being read, if any.
    fn end_list(&mut self) {
        if self.kind == Kind::Item {
            self.end_block();
        }
        self.html_lists = 0;
        if let Some(list) = self.list.take() {
            if !list.items.is_empty() {
                self.blocks.push(Block::List {
                    start: list.start,
                    items: list.items,
                });
            }
        }
    }

    /// What a tag of a known element does.
    fn tag(&mut self, tag: Tag) {
        let opening = !tag.closing;
        match tag.element {
            Element::Break if opening => self.push(Inline::Break),
            Element::Break => {}
            Element::Block | Element::Heading if self.kind == Kind::Item => self.new_line(),
            Element::Block => {
                if self.html_lists == 0 {
                    self.end_list();
                }
                self.end_block();
            }
            Element::Heading => {
                if self.html_lists == 0 {
                    self.end_list();
                }
                self.end_block();
                if opening {
                    self.kind = Kind::Heading;
                }
            }
            Element::BulletList | Element::NumberedList if opening => {
                if self.html_lists == 0 {
                    self.end_list();
                    self.end_block();
                    self.list = Some(List {
                        start: (tag.element == Element::NumberedList)
                            .then(|| tag.start.unwrap_or(1)),
                        items: Vec::new(),
                    });
                } else {
                    // A nested list's items join the list around it.
                    self.end_block();
                }
                self.html_lists = self.html_lists.saturating_add(1);
            }
            Element::BulletList | Element::NumberedList => match self.html_lists {
                0 => {}
                1 => self.end_list(),
                _ => {
                    self.html_lists -= 1;
                    self.end_block();
                }
            },
            Element::Item => {
                self.end_block();
                if opening {
                    self.list.get_or_insert(List {
                        start: None,
                        items: Vec::new(),
                    });
                    self.kind = Kind::Item;
                }
            }
            Element::Strong if opening => {
                self.open(Frame::Strong(Opener::Tag));
            }
            Element::Strong => self.close(|f| matches!(f, Frame::Strong(Opener::Tag))),
            Element::Emphasis if opening => {
                self.open(Frame::Emphasis(Opener::Tag));
            }
            Element::Emphasis => self.close(|f| matches!(f, Frame::Emphasis(Opener::Tag))),
            Element::Link if opening && !self.in_link() => {
                self.open(Frame::Link(tag.href.as_deref().and_then(absolute_link)));
            }
            Element::Link if opening => {}
            Element::Link => self.close(|f| matches!(f, Frame::Link(_))),
            Element::Cell => {
                if self.has_content() {
                    self.push(Inline::Text(" ".into()));
                }
            }
            Element::Hidden if opening && !tag.self_closing => self.hidden = Some(tag.name),
            Element::Hidden | Element::Other => {}
        }
    }

    fn in_link(&self) -> bool {
        self.open.iter().any(|o| matches!(o.frame, Frame::Link(_)))
    }
}

/// Adds `inline` to `list`, joining words to the words before them.
fn append(list: &mut Vec<Inline>, inline: Inline) {
    match (list.last_mut(), inline) {
        (Some(Inline::Text(last)), Inline::Text(text)) => last.push_str(&text),
        (_, inline) => list.push(inline),
    }
}

/// A block's content without space at its ends or around its breaks, and without breaks at
/// its ends.
fn tidy(content: Vec<Inline>) -> Vec<Inline> {
    let mut out: Vec<Inline> = Vec::with_capacity(content.len());
    for inline in content {
        match inline {
            Inline::Break => {
                if let Some(Inline::Text(last)) = out.last_mut() {
                    last.truncate(last.trim_end().len());
                    if last.is_empty() {
                        out.pop();
                    }
                }
                if !out.is_empty() {
                    out.push(Inline::Break);
                }
            }
            Inline::Text(text) => {
                let text = if matches!(out.last(), None | Some(Inline::Break)) {
                    text.trim_start().to_owned()
                } else {
                    text
                };
                if !text.is_empty() {
                    append(&mut out, Inline::Text(text));
                }
            }
            inline => out.push(inline),
        }
    }
    while let Some(last) = out.last_mut() {
        match last {
            Inline::Break => {
                out.pop();
            }
            Inline::Text(text) => {
                text.truncate(text.trim_end().len());
                if text.is_empty() {
                    out.pop();
                } else {
                    break;
                }
            }
            _ => break,
        }
    }
    out
}

/// An address imported text may link to: absolute `https:`, `http:` or `mailto:` only, as a
/// relative one would resolve against the login page rather than the status page.
fn absolute_link(href: &str) -> Option<String> {
    let href = safe_href(href).ok()?;
    let scheme_end = href.find(':')?;
    (scheme_end > 0 && !href[..scheme_end].contains(['/', '?', '#'])).then(|| href.to_owned())
}

/// A code fence: three or more backticks or tildes.
fn is_fence(line: &str) -> bool {
    line.starts_with("```") || line.starts_with("~~~")
}

/// The text of an ATX heading (`## Impact ##`).
fn heading(line: &str) -> Option<&str> {
    let hashes = line.bytes().take_while(|&b| b == b'#').count();
    if !(1..=6).contains(&hashes) {
        return None;
    }
    let rest = &line[hashes..];
    if !(rest.is_empty() || rest.starts_with([' ', '\t'])) {
        return None;
    }
    let rest = rest.trim();
    let closing = rest.trim_end_matches('#');
    Some(if closing.is_empty() || closing.ends_with([' ', '\t']) {
        closing.trim_end()
    } else {
        rest
    })
}

/// A line of three or more `-`, `*`, `_` or `=` (spaces between allowed): the mark.
fn underline(line: &str) -> Option<u8> {
    let mark = *line.as_bytes().first()?;
    if !b"-*_=".contains(&mark) {
        return None;
    }
    let mut count = 0;
    for b in line.trim_end().bytes() {
        match b {
            b' ' | b'\t' if mark != b'=' => {}
            b if b == mark => count += 1,
            _ => return None,
        }
    }
    (count >= 3).then_some(mark)
}

/// A list item's marker (`- `, `* `, `+ `, `3. `, `3) `): the number of a numbered item, and
/// the item's text.
fn list_marker(line: &str) -> Option<(Option<u32>, &str)> {
    let bytes = line.as_bytes();
    let (number, after) = match bytes.first()? {
        b'-' | b'*' | b'+' => (None, 1),
        b'0'..=b'9' => {
            let digits = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
            if digits > 9 || !matches!(bytes.get(digits), Some(b'.' | b')')) {
                return None;
            }
            (line[..digits].parse().ok(), digits + 1)
        }
        _ => return None,
    };
    match bytes.get(after) {
        None => Some((number, "")),
        Some(b' ' | b'\t') => Some((number, line[after..].trim_start())),
        _ => None,
    }
}
