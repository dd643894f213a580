//! What the element's `status-widget-update` and `status-widget-error` events say.

use super::derive::{Overall, StatusView};
use crate::model::{Text, Timestamp};

/// What an event says, read from the [`StatusView`] on screen, so that it always matches what
/// the widget shows under the element's current attributes.
pub enum StatusEvent {
    /// `status-widget-update`: a status file was read; what it means at this instant.
    Update {
        /// The overall state shown (`unknown` for a file older than `max-age`).
        overall: Overall,
        /// How many items are active.
        active: usize,
        /// The file's final URL.
        source: String,
        /// The file's own `updated_at`.
        updated_at: Option<Timestamp>,
        /// The headline of the first item shown (the most important), in the language the
        /// widget chose for the reader, with that language.
        title: Option<Text>,
    },
    /// `status-widget-error`: no source gave a usable file (the last good status stays shown).
    Error {
        /// What kind of failure.
        kind: FailureKind,
        /// What went wrong at each source.
        message: String,
    },
}

/// Why no status file could be used, as the error event's `kind` names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FailureKind {
    /// No response: offline, DNS, CORS refusal, a redirect loop.
    Network,
    /// The server answered with an error status.
    Http,
    /// No complete answer in time.
    Timeout,
    /// An answer that is not a status file.
    Parse,
    /// The element is set up wrong (no `src`).
    Config,
    /// A part of the widget's own code could not be loaded (a chunk: not found, no network,
    /// integrity).
    Load,
    /// A signed file (the element's `public-key`) that is not shown: no signature, a signature
    /// no key verifies, one the browser cannot check, an older file replayed, or a format that
    /// cannot be signed.
    Signature,
    /// The widget was removed while reading (never reported).
    Cancelled,
}

impl FailureKind {
    /// The name the `status-widget-error` event's `kind` carries.
    pub fn name(self) -> &'static str {
        match self {
            FailureKind::Network => "network",
            FailureKind::Http => "http",
            FailureKind::Timeout => "timeout",
            FailureKind::Parse => "parse",
            FailureKind::Config => "config",
            FailureKind::Load => "load",
            FailureKind::Signature => "signature",
            FailureKind::Cancelled => "cancelled",
        }
    }
}

impl StatusEvent {
    /// The update event for what `view` shows, read from `source`.
    pub fn update(view: &StatusView, source: &str) -> Self {
        StatusEvent::Update {
            overall: view.overall,
            active: view.active.len(),
            source: source.to_owned(),
            updated_at: view.document.updated_at,
            title: view.active.first().map(|item| item.title.clone()),
        }
    }
}
