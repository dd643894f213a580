//! Lenient field access shared by every format's reader: every field is optional to the reader,
//! a value of the wrong type or an unknown name becomes a [`Problem`] and a safe default, and one
//! bad entry never hides the others.

use super::json::{Node, Value};
use super::problems::{Problem, ProblemKind, Severity};
use crate::i18n::{choose, is_language_tag};
use crate::model::links::safe_href;
use crate::model::time::{CalendarDate, Timestamp};
use crate::model::Text;
use crate::model::Vocabulary;
use std::collections::HashSet;
use std::rc::Rc;

/// Collects problems while a document is read, and chooses the language of texts written in
/// several.
#[derive(Default)]
pub(crate) struct Reader {
    pub problems: Vec<Problem>,
    /// The language the reader wants ([`crate::i18n::wanted`]); empty for the file's own.
    pub wanted: String,
    /// The file's `language`: what its plain strings are in, and what a translated text falls
    /// back to.
    pub language: Option<Rc<str>>,
    /// The tags of the translated texts read so far, each once, as they first appear.
    #[cfg(feature = "page")]
    pub tags: Vec<Rc<str>>,
}

/// Where a value is in the document, such as `incidents[3].updates[0].at`. A small copyable
/// value, turned into text only when a problem is reported, so that reading a large file
/// allocates nothing for paths.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Path {
    segments: [Segment; 6],
    len: usize,
}

#[derive(Clone, Copy, Debug)]
enum Segment {
    Key(&'static str),
    Index(usize),
}

impl Default for Segment {
    fn default() -> Self {
        Segment::Index(0)
    }
}

impl Path {
    /// The document itself.
    pub const ROOT: Path = Path {
        segments: [Segment::Index(0); 6],
        len: 0,
    };

    fn push(mut self, segment: Segment) -> Path {
        // The format nests five deep at most (incidents[i].updates[j].at); deeper is cut short.
        if self.len < self.segments.len() {
            self.segments[self.len] = segment;
            self.len += 1;
        }
        self
    }

    /// The path of member `key`.
    pub fn key(self, key: &'static str) -> Path {
        self.push(Segment::Key(key))
    }

    /// The path of item `index`.
    pub fn index(self, index: usize) -> Path {
        self.push(Segment::Index(index))
    }
}

impl core::fmt::Display for Path {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        if self.len == 0 {
            return f.write_str("(document)");
        }
        for (i, segment) in self.segments[..self.len].iter().enumerate() {
            match segment {
                Segment::Key(key) if i == 0 => f.write_str(key)?,
                Segment::Key(key) => write!(f, ".{key}")?,
                Segment::Index(index) => write!(f, "[{index}]")?,
            }
        }
        Ok(())
    }
}

/// An object being read, with its JSON path for messages.
#[derive(Clone, Copy)]
pub(crate) struct Entry<'a> {
    pub node: &'a Node,
    pub path: Path,
}

impl<'a> Entry<'a> {
    /// The member `key`; `null` counts as absent.
    pub fn field(&self, key: &str) -> Option<&'a Node> {
        self.node.get(key).filter(|n| n.value != Value::Null)
    }

    /// Where member `key` is, for a problem's path (`$.status.indicator`).
    pub fn path_of(&self, key: &'static str) -> String {
        self.path.key(key).to_string()
    }
}

const IGNORED: &str = "ignored";

impl Reader {
    pub fn report(&mut self, severity: Severity, path: String, node: &Node, kind: ProblemKind) {
        self.problems.push(Problem {
            severity,
            path,
            at: node.at,
            kind,
        });
    }

    /// Reports that `key` holds `node`, which is not `expected` ("an array"), and is ignored.
    pub fn wrong_type(
        &mut self,
        e: &Entry,
        key: &'static str,
        node: &Node,
        expected: &'static str,
    ) {
        let kind = ProblemKind::WrongType {
            expected,
            found: node.value.type_name(),
            consequence: IGNORED,
        };
        self.report(Severity::Error, e.path_of(key), node, kind);
    }

    /// A string field; an empty string counts as absent.
    pub fn text(&mut self, e: &Entry, key: &'static str) -> Option<String> {
        let node = e.field(key)?;
        match &node.value {
            Value::String(s) if s.trim().is_empty() => None,
            Value::String(s) => Some(s.clone()),
            _ => {
                self.wrong_type(e, key, node, "a string");
                None
            }
        }
    }

    /// A text a reader sees: a string in the file's `language`, or format v1's object of
    /// language tags to strings, of which the one [`crate::i18n::choose`] picks for the wanted
    /// language is read, else the file's language, else the first; each marked with its
    /// language. An empty string counts as absent.
    pub fn words(&mut self, e: &Entry, key: &'static str) -> Option<Text> {
        let node = e.field(key)?;
        self.words_in(node, &|| e.path_of(key), "ignored")
    }

    fn words_in(
        &mut self,
        node: &Node,
        path: &dyn Fn() -> String,
        consequence: &'static str,
    ) -> Option<Text> {
        let members = match &node.value {
            Value::String(s) if s.trim().is_empty() => return None,
            Value::String(s) => {
                return Some(Text::plain(s.as_str()).in_language(self.language.clone()))
            }
            Value::Object(members) => members,
            other => {
                let kind = ProblemKind::WrongType {
                    expected: "a string, or an object of languages to strings",
                    found: other.type_name(),
                    consequence,
                };
                self.report(Severity::Error, path(), node, kind);
                return None;
            }
        };
        let mut texts: Vec<(&str, &str)> = Vec::with_capacity(members.len());
        for (tag, value) in members {
            #[cfg(feature = "page")]
            if is_language_tag(tag) && !self.tags.iter().any(|t| t.eq_ignore_ascii_case(tag)) {
                self.tags.push(tag.as_str().into());
            }
            if !is_language_tag(tag) {
                let kind = ProblemKind::BadLanguageTag(tag.clone());
                self.report(Severity::Error, path(), value, kind);
                continue;
            }
            match &value.value {
                Value::String(s) if !s.trim().is_empty() => texts.push((tag, s)),
                Value::String(_) | Value::Null => {}
                other => {
                    let kind = ProblemKind::WrongType {
                        expected: "a string",
                        found: other.type_name(),
                        consequence: IGNORED,
                    };
                    self.report(Severity::Error, format!("{}.{tag}", path()), value, kind);
                }
            }
        }
        let tags = || texts.iter().map(|(tag, _)| *tag);
        let default = match self.language.as_deref() {
            Some(language) => choose(language, tags()),
            None => None,
        };
        if default.is_none() {
            let kind = match &self.language {
                Some(language) => ProblemKind::NoDefaultText(language.to_string()),
                None => ProblemKind::NoLanguage,
            };
            self.report(Severity::Error, path(), node, kind);
        }
        let (tag, text) = *choose(&self.wanted, tags())
            .or(default)
            .and_then(|i| texts.get(i))
            .or(texts.first())?;
        Some(Text::plain(text).in_language(Some(tag.into())))
    }

    /// An array of texts a reader sees, such as lessons learned ([`Reader::words`] each); other
    /// items are reported and skipped.
    pub fn words_list(&mut self, e: &Entry, key: &'static str) -> Vec<Text> {
        let items = self.items(e, key);
        let path = e.path_of(key);
        items
            .iter()
            .enumerate()
            .filter_map(|(i, node)| {
                self.words_in(node, &|| format!("{path}[{i}]"), "this item was skipped")
            })
            .collect()
    }

    #[cfg(feature = "page")]
    /// The languages a text is given in: its object's tags with words, or the file's language
    /// for a string.
    pub fn languages_of<'n>(&'n self, node: &'n Node) -> Vec<&'n str> {
        match &node.value {
            Value::String(s) if !s.trim().is_empty() => {
                self.language.as_deref().into_iter().collect()
            }
            Value::Object(members) => members
                .iter()
                .filter(|(tag, v)| {
                    is_language_tag(tag) && v.as_str().is_some_and(|s| !s.trim().is_empty())
                })
                .map(|(tag, _)| tag.as_str())
                .collect(),
            _ => Vec::new(),
        }
    }

    /// A string field of an imported format, whose authors write HTML and Markdown in it.
    pub fn markup(&mut self, e: &Entry, key: &'static str) -> Option<Text> {
        self.text(e, key).map(|source| Text::from_markup(&source))
    }

    /// A required text a reader sees ([`Reader::words`]): reported when absent, replaced by
    /// `fallback` (English words, marked so).
    pub fn required_text(
        &mut self,
        e: &Entry,
        key: &'static str,
        fallback: impl FnOnce() -> String,
    ) -> Text {
        if let Some(text) = self.words(e, key) {
            return text;
        }
        // A value of the wrong type was reported by `words`; absent or blank is reported here.
        let wrong_type = e
            .field(key)
            .is_some_and(|n| !matches!(n.value, Value::String(_) | Value::Object(_)));
        if !wrong_type {
            let kind = ProblemKind::Missing {
                field: key,
                consequence: "a placeholder is shown",
            };
            self.report(Severity::Error, e.path.to_string(), e.node, kind);
        }
        Text::plain(fallback()).in_language(Some("en".into()))
    }

    /// An RFC 3339 time field.
    pub fn time(&mut self, e: &Entry, key: &'static str) -> Option<Timestamp> {
        let node = e.field(key)?;
        let text = self.text(e, key)?;
        match Timestamp::parse_rfc3339(&text) {
            Ok(t) => Some(t),
            Err(reason) => {
                let kind = ProblemKind::BadTime {
                    found: text,
                    reason,
                };
                self.report(Severity::Error, e.path_of(key), node, kind);
                None
            }
        }
    }

    /// A `YYYY-MM-DD` date field.
    pub fn date(&mut self, e: &Entry, key: &'static str) -> Option<CalendarDate> {
        let node = e.field(key)?;
        let text = self.text(e, key)?;
        match CalendarDate::parse(&text) {
            Ok(d) => Some(d),
            Err(_) => {
                self.report(
                    Severity::Error,
                    e.path_of(key),
                    node,
                    ProblemKind::BadDate { found: text },
                );
                None
            }
        }
    }

    /// A link field, refused unless [`safe_href`] allows it.
    pub fn href(&mut self, e: &Entry, key: &'static str) -> Option<String> {
        let node = e.field(key)?;
        let text = self.text(e, key)?;
        match safe_href(&text) {
            Ok(href) => Some(href.to_owned()),
            Err(reason) => {
                let kind = ProblemKind::UnsafeLink {
                    found: text,
                    reason,
                };
                self.report(Severity::Error, e.path_of(key), node, kind);
                None
            }
        }
    }

    /// A boolean field; absent is `false`.
    pub fn flag(&mut self, e: &Entry, key: &'static str) -> bool {
        match e.field(key) {
            None => false,
            Some(Node {
                value: Value::Bool(b),
                ..
            }) => *b,
            Some(node) => {
                self.wrong_type(e, key, node, "true or false");
                false
            }
        }
    }

    /// A name from a fixed vocabulary; unknown names are reported and read as `T::FALLBACK`.
    pub fn vocabulary<T: Vocabulary>(&mut self, e: &Entry, key: &'static str) -> Option<T> {
        let node = e.field(key)?;
        let name = self.text(e, key)?;
        if let Some(value) = T::from_name(&name) {
            return Some(value);
        }
        Some(self.unknown_name(e.path_of(key), node, name))
    }

    /// Reports `found` at `path`, a name `T` does not have, as an error, and reads it as `T`'s
    /// fallback.
    pub fn unknown_name<T: Vocabulary>(&mut self, path: String, node: &Node, found: String) -> T {
        let kind = ProblemKind::UnknownValue {
            what: T::WHAT,
            found,
            allowed: T::NAMES.join(", "),
            fallback: T::FALLBACK.name(),
        };
        self.report(Severity::Error, path, node, kind);
        T::FALLBACK
    }

    /// The items of an array field (none when absent or not an array).
    pub fn items<'a>(&mut self, e: &Entry<'a>, key: &'static str) -> &'a [Node] {
        match e.field(key) {
            None => &[],
            Some(Node {
                value: Value::Array(items),
                ..
            }) => items,
            Some(node) => {
                self.wrong_type(e, key, node, "an array");
                &[]
            }
        }
    }

    /// The items of an array field that are objects, each with its index and path; other items
    /// are reported and skipped.
    pub fn entries<'a>(
        &mut self,
        e: &Entry<'a>,
        key: &'static str,
    ) -> Vec<(usize, Path, &'a Node)> {
        let items = self.items(e, key);
        let mut out = Vec::with_capacity(items.len());
        for (i, node) in items.iter().enumerate() {
            let path = e.path.key(key).index(i);
            if let Value::Object(_) = node.value {
                out.push((i, path, node));
            } else {
                let kind = ProblemKind::WrongType {
                    expected: "an object",
                    found: node.value.type_name(),
                    consequence: "this entry was skipped",
                };
                self.report(Severity::Error, path.to_string(), node, kind);
            }
        }
        out
    }

    /// An array of strings, such as lessons learned; other items are reported and skipped.
    pub fn texts(&mut self, e: &Entry, key: &'static str) -> Vec<String> {
        let items = self.items(e, key);
        let mut out = Vec::with_capacity(items.len());
        for (i, node) in items.iter().enumerate() {
            match &node.value {
                Value::String(s) => out.push(s.clone()),
                other => {
                    let kind = ProblemKind::WrongType {
                        expected: "a string",
                        found: other.type_name(),
                        consequence: "this item was skipped",
                    };
                    self.report(
                        Severity::Error,
                        format!("{}[{i}]", e.path_of(key)),
                        node,
                        kind,
                    );
                }
            }
        }
        out
    }

    /// An entry's id: the `key` field, or a name made from its position (reported) when absent.
    /// A repeated id is reported.
    pub fn id(
        &mut self,
        e: &Entry,
        key: &'static str,
        index: usize,
        prefix: &str,
        seen: &mut HashSet<String>,
    ) -> String {
        let id = match e.field(key).map(|n| &n.value) {
            // Statuspage ids may be numbers in hand-made files; accept whole numbers as text.
            Some(Value::Number(Some(n))) => n.to_string(),
            _ => self.text(e, key).unwrap_or_else(|| {
                if e.field(key).is_none() {
                    let kind = ProblemKind::Missing {
                        field: key,
                        consequence: "an id was made from the entry's position",
                    };
                    self.report(Severity::Error, e.path.to_string(), e.node, kind);
                }
                format!("{prefix}-{}", index + 1)
            }),
        };
        if !seen.insert(id.clone()) {
            let node = e.field(key).unwrap_or(e.node);
            self.report(
                Severity::Warning,
                e.path_of(key),
                node,
                ProblemKind::DuplicateId(id.clone()),
            );
        }
        id
    }

    /// Warns that `key` holds `found`, a value this reader does not know (`allowed` are the
    /// known ones), and that the entry is read as `fallback`, on the side of caution: imported
    /// formats' surprises are warnings, never a reason to hide the entry.
    pub fn unknown_value(
        &mut self,
        e: &Entry,
        key: &'static str,
        what: &'static str,
        found: String,
        allowed: &str,
        fallback: &'static str,
    ) {
        if let Some(node) = e.field(key) {
            let kind = ProblemKind::UnknownValue {
                what,
                found,
                allowed: allowed.to_owned(),
                fallback,
            };
            self.report(Severity::Warning, e.path_of(key), node, kind);
        }
    }

    /// Reports an end time before its start, as an error in the widget's own format and as a
    /// warning in imported ones (real Statuspage data has incidents resolved "before" they
    /// started, and they are still shown).
    pub fn check_order(
        &mut self,
        severity: Severity,
        e: &Entry,
        key: &'static str,
        start: Option<Timestamp>,
        end: Option<Timestamp>,
    ) {
        if let (Some(start), Some(end), Some(node)) = (start, end, e.field(key)) {
            if end < start {
                self.report(severity, e.path_of(key), node, ProblemKind::EndsBeforeStart);
            }
        }
    }
}
