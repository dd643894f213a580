//! Reading status files into the [model](crate::model): detecting the format, the JSON reader
//! that remembers positions ([`json`]), lenient field access (`reader`), the markup of imported
//! text ([`markup`]), the problems found ([`Problem`]), and one reader per format: status-widget's
//! own (`native`) and eight other tools' public feeds (Statuspage, Instatus, cState, Upptime,
//! Status.io, Slack, Heroku; see [`SourceFormat`]).

mod cstate;
mod heroku;
#[cfg(feature = "page")]
mod history;
mod instatus;
pub mod json;
pub mod markup;
mod native;
mod problems;
mod reader;
mod slack;
mod statusio;
mod statuspage;
mod upptime;

pub use problems::{
    LoadError, Problem, ProblemKind, Severity, MAX_DOCUMENT_BYTES, SUPPORTED_VERSION,
};

use crate::model::*;
use json::{Node, Value};
use reader::Reader;
use std::collections::HashSet;

/// Which format to read a document as (the element's `format` attribute).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Format {
    /// Decide from the document's shape.
    #[default]
    Auto,
    /// Read it as this format only.
    Only(SourceFormat),
}

impl Format {
    /// Reads the attribute value `auto` or a format's name ([`SourceFormat::name`]),
    /// case-insensitive.
    pub fn from_name(name: &str) -> Option<Self> {
        let name = name.trim();
        if name.eq_ignore_ascii_case("auto") {
            return Some(Format::Auto);
        }
        SourceFormat::ALL
            .into_iter()
            .find(|f| f.name().eq_ignore_ascii_case(name))
            .map(Format::Only)
    }
}

/// A format the widget reads: what a document turned out to be, or what `format` asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SourceFormat {
    /// status-widget's own format (`"version": 1`).
    Native,
    /// Atlassian Statuspage's public v2 API.
    Statuspage,
    /// Instatus's public `summary.json`.
    Instatus,
    /// cState's `index.json`.
    Cstate,
    /// Upptime's `history/summary.json`.
    Upptime,
    /// Status.io's public status API.
    Statusio,
    /// Slack's status API v2.
    Slack,
    /// Heroku's status API v4.
    Heroku,
}

impl SourceFormat {
    /// Every format, in the order `format`'s documentation lists them.
    pub const ALL: [SourceFormat; 8] = [
        SourceFormat::Native,
        SourceFormat::Statuspage,
        SourceFormat::Instatus,
        SourceFormat::Cstate,
        SourceFormat::Upptime,
        SourceFormat::Statusio,
        SourceFormat::Slack,
        SourceFormat::Heroku,
    ];

    /// The format's name, as `format` and the reports spell it.
    pub fn name(self) -> &'static str {
        match self {
            SourceFormat::Native => "native",
            SourceFormat::Statuspage => "statuspage",
            SourceFormat::Instatus => "instatus",
            SourceFormat::Cstate => "cstate",
            SourceFormat::Upptime => "upptime",
            SourceFormat::Statusio => "statusio",
            SourceFormat::Slack => "slack",
            SourceFormat::Heroku => "heroku",
        }
    }
}

/// A document that was read, with what was wrong in it.
#[derive(Clone, Debug, PartialEq)]
pub struct Loaded {
    /// Everything that could be read.
    pub document: StatusDocument,
    /// Which format it was.
    pub format: SourceFormat,
    /// Problems, in document order; the document is usable whatever they are.
    pub problems: Vec<Problem>,
}

impl Loaded {
    /// True when no problem is an error: what `check` demands of a file before publishing.
    pub fn is_valid(&self) -> bool {
        self.problems.iter().all(|p| p.severity < Severity::Error)
    }
}

/// Reads a status file's text. Problems in single entries are collected in
/// [`Loaded::problems`]; only a document with nothing usable is an error.
pub fn load_str(text: &str, format: Format) -> Result<Loaded, LoadError> {
    load_node(&parse_text(text)?, format)
}

/// [`load_str`] for a reader who wants the language `wanted` (a BCP 47 tag, as
/// [`crate::i18n::wanted`] gives it): each text written in several languages is read in the one
/// [`crate::i18n::choose`] picks, else in the file's `language`.
pub fn load_str_in(text: &str, format: Format, wanted: &str) -> Result<Loaded, LoadError> {
    load_node_in(&parse_text(text)?, format, wanted)
}

/// The first half of [`load_str`]: checks the size and parses the JSON.
pub fn parse_text(text: &str) -> Result<Node, LoadError> {
    check_size(text)?;
    Ok(json::parse(text)?)
}

/// [`parse_text`] in steps ([`json::Parsing::step`]), so that a browser can parse a large file
/// in several tasks and never hold the page for long; the size is checked at once.
pub fn start_parse(text: &str) -> Result<json::Parsing<'_>, LoadError> {
    check_size(text)?;
    Ok(json::Parsing::new(text)?)
}

/// Refuses a text over [`MAX_DOCUMENT_BYTES`] before any of it is parsed.
fn check_size(text: &str) -> Result<(), LoadError> {
    match text.len() {
        len if len > MAX_DOCUMENT_BYTES => Err(LoadError::TooLarge(len)),
        _ => Ok(()),
    }
}

/// Reads a document that is already a [`Node`] tree (from text, or from a JavaScript object).
pub fn load_node(root: &Node, format: Format) -> Result<Loaded, LoadError> {
    load_node_in(root, format, "")
}

/// [`load_node`] for a reader who wants the language `wanted` (see [`load_str_in`]).
pub fn load_node_in(root: &Node, format: Format, wanted: &str) -> Result<Loaded, LoadError> {
    Ok(match detect(root, format)? {
        SourceFormat::Native => {
            let mut loading = start_native(root, wanted);
            loading.step(usize::MAX);
            loading.finish()
        }
        foreign => load_foreign(root, foreign),
    })
}

/// Reads `root` as status-widget's own format, whose shape [`detect`] has confirmed. The banner
/// build reaches only this reader directly; the others come with [`load_foreign`].
pub fn load_native(root: &Node) -> Loaded {
    let mut loading = start_native(root, "");
    loading.step(usize::MAX);
    loading.finish()
}

/// [`load_native`] in steps, so that a browser can read a document with thousands of incidents
/// in several tasks: [`NativeLoading::step`] reads a number of incidents at a time, and
/// [`NativeLoading::finish`] gives what [`load_native`] gives.
pub struct NativeLoading<'a> {
    reading: native::Reading<'a>,
    r: Reader,
}

/// Starts reading `root` as status-widget's own format, for a reader who wants the language
/// `wanted` (see [`load_str_in`]; `""` for the file's own): everything but its incidents is read.
pub fn start_native<'a>(root: &'a Node, wanted: &str) -> NativeLoading<'a> {
    let mut r = Reader {
        wanted: wanted.trim().to_owned(),
        ..Reader::default()
    };
    NativeLoading {
        reading: native::begin(root, &mut r),
        r,
    }
}

impl NativeLoading<'_> {
    /// Reads up to `incidents` more incidents; true once every incident is read.
    pub fn step(&mut self, incidents: usize) -> bool {
        self.reading.step(incidents, &mut self.r)
    }

    /// The document and its problems, once [`NativeLoading::step`] has said it is read.
    pub fn finish(self) -> Loaded {
        finish(self.reading.finish(), SourceFormat::Native, self.r)
    }
}

/// Reads `root` as another tool's format (`source`, from [`detect`]), with the markup reader
/// their HTML and Markdown text needs. In the banner build this and everything only it reaches
/// are a chunk that loads when a document needs it (`io::chunks`).
pub fn load_foreign(root: &Node, source: SourceFormat) -> Loaded {
    let mut r = Reader::default();
    let document = match source {
        SourceFormat::Native => native::read(root, &mut r),
        SourceFormat::Statuspage => statuspage::read(root, &mut r),
        SourceFormat::Instatus => instatus::read(root, &mut r),
        SourceFormat::Cstate => cstate::read(root, &mut r),
        SourceFormat::Upptime => upptime::read(root, &mut r),
        SourceFormat::Statusio => statusio::read(root, &mut r),
        SourceFormat::Slack => slack::read(root, &mut r),
        SourceFormat::Heroku => heroku::read(root, &mut r),
    };
    finish(document, source, r)
}

/// What every reader ends with: the component references checked and the problems in the order
/// a site owner reads the file.
fn finish(document: StatusDocument, format: SourceFormat, mut r: Reader) -> Loaded {
    check_component_references(&document, &mut r);
    #[cfg(feature = "page")]
    let document = StatusDocument {
        languages: languages(document.language.as_ref(), std::mem::take(&mut r.tags)),
        ..document
    };
    // Readers visit fields in their own order; a site owner reads the file top to bottom.
    order::sort_by_key(&mut r.problems, |p| {
        p.at.map_or((i64::MAX, i64::MAX), |at| {
            (at.line.into(), at.column.into())
        })
    });
    Loaded {
        document,
        format,
        problems: r.problems,
    }
}

/// Every language a document's texts are in: its own `language` first, then the other `tags`
/// its translated texts were given in.
#[cfg(feature = "page")]
fn languages(own: Option<&std::rc::Rc<str>>, tags: Vec<std::rc::Rc<str>>) -> Vec<std::rc::Rc<str>> {
    let same = |tag: &str| own.is_some_and(|l| l.eq_ignore_ascii_case(tag));
    let others = tags.into_iter().filter(|t| !same(t));
    own.cloned().into_iter().chain(others).collect()
}

/// Which format `root` is read as: the one `format` names, else the one its shape says.
pub fn detect(root: &Node, format: Format) -> Result<SourceFormat, LoadError> {
    use SourceFormat::*;
    // Upptime's summary is the one format whose document is a list.
    if upptime::looks_like_upptime(root) {
        return match format {
            Format::Auto | Format::Only(Upptime) => Ok(Upptime),
            Format::Only(asked) => Err(LoadError::OtherFormat {
                asked: asked.name(),
                found: Upptime.name(),
            }),
        };
    }
    if !matches!(root.value, Value::Object(_)) {
        return Err(LoadError::NotAnObject(root.value.type_name()));
    }
    let version = root.get("version").filter(|v| v.value != Value::Null);
    Ok(match (format, version) {
        // A shape this reader knows as another format is refused rather than misread (an
        // Instatus summary read as Statuspage would show nothing); one it does not know at all
        // is read leniently as the format asked for.
        (Format::Only(asked), _) => match (detect(root, Format::Auto), asked) {
            (Ok(found), _) if found != asked => {
                return Err(LoadError::OtherFormat {
                    asked: asked.name(),
                    found: found.name(),
                })
            }
            // A list would have been read above; an object is not Upptime's summary.
            (_, Upptime) => return Err(LoadError::UnknownFormat),
            (_, Native) => match version {
                None => return Err(LoadError::MissingVersion),
                Some(version) => {
                    check_version(version)?;
                    Native
                }
            },
            (_, asked) => asked,
        },
        (Format::Auto, Some(version)) => {
            check_version(version)?;
            Native
        }
        (Format::Auto, None) if cstate::looks_like_cstate(root) => Cstate,
        (Format::Auto, None) if statusio::looks_like_statusio(root) => Statusio,
        (Format::Auto, None) if slack::looks_like_slack(root) => Slack,
        (Format::Auto, None) if heroku::looks_like_heroku(root) => Heroku,
        // Instatus before Statuspage: its `page` would otherwise pass for Statuspage's.
        (Format::Auto, None) if instatus::looks_like_instatus(root) => Instatus,
        (Format::Auto, None) if statuspage::looks_like_statuspage(root) => Statuspage,
        (Format::Auto, None) => return Err(LoadError::UnknownFormat),
    })
}

fn check_version(node: &Node) -> Result<(), LoadError> {
    match node.value {
        Value::Number(Some(n)) if n == SUPPORTED_VERSION => Ok(()),
        Value::Number(Some(n)) if n > SUPPORTED_VERSION => Err(LoadError::UnsupportedVersion(n)),
        Value::Number(Some(n)) => Err(LoadError::BadVersion(n.to_string())),
        Value::String(ref s) => Err(LoadError::BadVersion(format!("the string \"{s}\""))),
        ref other => Err(LoadError::BadVersion(other.type_name().to_owned())),
    }
}

/// Warns about component ids that incidents and maintenance name but `components` lacks.
fn check_component_references(doc: &StatusDocument, r: &mut Reader) {
    if doc.components.is_empty() {
        return;
    }
    let known: HashSet<&str> = doc.components.iter().map(|c| c.id.as_str()).collect();
    let mut unknown: Vec<String> = Vec::new();
    let named = doc
        .incidents
        .iter()
        .flat_map(|i| &i.components)
        .chain(doc.maintenances.iter().flat_map(|m| &m.components));
    for id in named {
        if !known.contains(id.as_str()) && !unknown.contains(id) {
            unknown.push(id.clone());
        }
    }
    for id in unknown {
        r.problems.push(Problem {
            severity: Severity::Warning,
            path: "components".into(),
            at: None,
            kind: ProblemKind::UnknownComponent(id),
        });
    }
}
