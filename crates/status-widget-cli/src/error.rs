//! Why a command failed ([`CliError`]), and which failures are the command line's fault.

use status_core::model::TimeError;
use std::path::Path;

/// Why a command failed.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    /// An id that names no entry of the list.
    #[error("no {what} with id `{id}` (the file has: {})", known_ids(.known))]
    UnknownId {
        /// What the list holds: `incident`, `maintenance`, `notice`.
        what: String,
        /// The id asked for.
        id: String,
        /// The ids the list has.
        known: Vec<String>,
    },
    /// A new entry's id that the list already has.
    #[error("there is already an entry with id `{id}` in `{list}`; pass another --id")]
    DuplicateId {
        /// The list: `incidents`, `maintenances`, `notices`.
        list: String,
        /// The id.
        id: String,
    },
    /// A time or day on the command line that is not RFC 3339.
    #[error("{}`{text}`: {error}", option.as_ref().map(|o| format!("--{o} ")).unwrap_or_default())]
    BadTime {
        /// The option it was given to, if any.
        option: Option<String>,
        /// What was given.
        text: String,
        /// Why it is not a time.
        error: TimeError,
    },
    /// `serve` could not listen on its port.
    #[error("cannot listen on 127.0.0.1:{port}: {source}")]
    Listen {
        /// The port.
        port: u16,
        /// What the system said.
        source: std::io::Error,
    },
    /// An editing command was run where there is no status file yet.
    #[error("{0} does not exist; nothing was changed. Create it first with:\n  status-widget init --file {0} --name \"Your service\" --status-page https://status.example.org/\n(see status-widget init --help)")]
    NoStatusFile(String),
    /// The file is invalid, or the change would make it so.
    #[error("{0}")]
    Invalid(String),
    /// A flag's value has the wrong form.
    #[error("{0}")]
    Usage(String),
    /// The signing key is missing, unreadable or not private (see `status-widget key --help`).
    #[error("{0}")]
    Key(String),
    /// Reading or writing a file failed.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: String,
        /// What the system said.
        source: std::io::Error,
    },
}

fn known_ids(known: &[String]) -> String {
    if known.is_empty() {
        "none".to_owned()
    } else {
        known.join(", ")
    }
}

impl CliError {
    /// Whether the command line was at fault (exit code 2) rather than the file or the system.
    pub(crate) fn is_usage(&self) -> bool {
        matches!(
            self,
            CliError::UnknownId { .. }
                | CliError::DuplicateId { .. }
                | CliError::BadTime { .. }
                | CliError::Listen { .. }
                | CliError::Usage(_)
        )
    }

    pub(crate) fn io(path: &Path, source: std::io::Error) -> Self {
        CliError::Io {
            path: path.display().to_string(),
            source,
        }
    }
}
