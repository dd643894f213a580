//! What can be wrong with a status file: fatal errors that leave nothing to show, and problems
//! with single fields or entries that the reader works around.

use super::json::{JsonError, Position};
use crate::model::links::LinkError;
use crate::model::time::TimeError;
use core::fmt;

/// The newest status format version this widget reads.
pub const SUPPORTED_VERSION: i64 = 1;

/// Largest status file the widget reads, in bytes.
pub const MAX_DOCUMENT_BYTES: usize = 16 * 1024 * 1024;

/// Why a status file could not be read at all. The widget then keeps the last good status.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum LoadError {
    /// The text is not JSON.
    #[error("the status file is not valid JSON: {0}")]
    NotJson(#[from] JsonError),
    /// A JavaScript value that cannot be a status document (a cycle, a function, a huge depth).
    #[error("the status value cannot be read: {0}")]
    BadValue(String),
    /// The JSON is valid but is not an object.
    #[error("the status file must be a JSON object, but it is {0}")]
    NotAnObject(&'static str),
    /// A `version` this widget does not know yet.
    #[error("the status file has version {0}, but this widget reads version {SUPPORTED_VERSION}; update the widget or publish a version {SUPPORTED_VERSION} file")]
    UnsupportedVersion(i64),
    /// A `version` that is not a positive whole number.
    #[error("`version` must be a whole number such as 1, but it is {0}")]
    BadVersion(String),
    /// The document is in none of the formats the widget reads.
    #[error("this is not a status file the widget reads: it reads status-widget files (`\"version\": 1`), Atlassian Statuspage's API (`page`, or `incidents` with `incident_updates`), Instatus's summary.json (`page.status`, `activeIncidents`), cState's index.json (`\"is\": \"index\"`, `systems`), Upptime's history/summary.json (a list of sites with `slug` and `status`), Status.io's public status (`result.status_overall`), Slack's status API (`active_incidents`) and Heroku's (`status` as a list of `system`s)")]
    UnknownFormat,
    /// `format` names one format, but the document is plainly another, which would be misread
    /// (an Instatus summary read as Statuspage shows nothing).
    #[error("`format` says {asked}, but the document is shaped like {found}; set format to \"{found}\" or \"auto\"")]
    OtherFormat {
        /// The format asked for.
        asked: &'static str,
        /// The format the document's shape says.
        found: &'static str,
    },
    /// A document of the format that was asked for (`format="native"`) lacks its `version`.
    #[error("the status file has no `version`; status-widget files start with \"version\": 1")]
    MissingVersion,
    /// Larger than [`MAX_DOCUMENT_BYTES`].
    #[error("the status file is {0} bytes; the widget reads at most {MAX_DOCUMENT_BYTES} bytes")]
    TooLarge(usize),
}

/// How much a problem matters.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// Allowed by the format but probably a mistake (a repeated id, an unknown component id).
    Warning,
    /// The file breaks the format (the JSON Schema refuses it): a value was dropped, replaced or
    /// read as its nearest safe meaning. The rest of the file is still shown.
    Error,
}

/// One problem in a status file, with where it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// Warning or error.
    pub severity: Severity,
    /// The JSON path, such as `incidents[0].impact`.
    pub path: String,
    /// Line and column in the file, when the file was read from text.
    pub at: Option<Position>,
    /// What is wrong.
    pub kind: ProblemKind,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(at) = self.at {
            write!(f, "{at}: ")?;
        }
        write!(f, "{}: {}", self.path, self.kind)
    }
}

/// The kinds of problem. Each message says what was expected and what the widget did instead.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ProblemKind {
    /// A required field is absent.
    #[error("missing `{field}`; {consequence}")]
    Missing {
        /// The field's name.
        field: &'static str,
        /// What the reader did about it.
        consequence: &'static str,
    },
    /// A value of the wrong JSON type.
    #[error("expected {expected}, found {found}; {consequence}")]
    WrongType {
        /// What the format wants.
        expected: &'static str,
        /// What the file has.
        found: &'static str,
        /// What the reader did about it.
        consequence: &'static str,
    },
    /// A name outside a fixed vocabulary.
    #[error("unknown {what} `{found}` (expected one of {allowed}); read as `{fallback}`")]
    UnknownValue {
        /// Which vocabulary.
        what: &'static str,
        /// The name found.
        found: String,
        /// The known names, comma-separated.
        allowed: String,
        /// The name it was read as.
        fallback: &'static str,
    },
    /// A time that is not RFC 3339.
    #[error("`{found}` is not a valid time: {reason}; ignored")]
    BadTime {
        /// The text found.
        found: String,
        /// Why it was refused.
        reason: TimeError,
    },
    /// A date that is not `YYYY-MM-DD`.
    #[error("`{found}` is not a valid date (expected YYYY-MM-DD such as 2024-11-04); ignored")]
    BadDate {
        /// The text found.
        found: String,
    },
    /// A link that could run script or is malformed.
    #[error("link `{found}` dropped: {reason}")]
    UnsafeLink {
        /// The link found.
        found: String,
        /// Why it was refused.
        reason: LinkError,
    },
    /// Two entries of one list share an id.
    #[error("id `{0}` is used by an earlier entry too; dismissing one would dismiss both")]
    DuplicateId(String),
    /// An id that names no component.
    #[error("`{0}` names no component in `components`")]
    UnknownComponent(String),
    /// An end before its start.
    #[error("ends before it starts")]
    EndsBeforeStart,
    /// A translated text (`{"en": …, "de": …}`) without the file's `language`, whose words a
    /// reader of any other language falls back to.
    #[error("no text in the file's language `{0}` (the one every reader can fall back to); another language is shown")]
    NoDefaultText(String),
    /// A translated text in a file that does not say what language its plain strings are in.
    #[error("a text in several languages needs the file's `language` (the language its plain strings are in, such as \"en\")")]
    NoLanguage,
    /// A language tag that is not BCP 47.
    #[error("`{0}` is not a language tag (BCP 47, such as `de` or `pt-BR`); ignored")]
    BadLanguageTag(String),
    /// A language some of a timeline's updates are in and others are not.
    #[error("{language}: {missing} of {total} updates not translated")]
    PartlyTranslated {
        /// The language's tag.
        language: String,
        /// Updates without it.
        missing: usize,
        /// Updates in the timeline.
        total: usize,
    },
}
