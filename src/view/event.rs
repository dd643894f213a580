//! What the element's `status-widget:update` and `status-widget:error` events say.

use super::derive::StatusView;
use crate::model::{Level, Timestamp};

/// What an event says, read from the [`StatusView`] on screen, so that it always matches what
/// the widget shows under the element's current attributes.
pub enum StatusEvent {
    /// `status-widget:update`: a status file was read; what it means at this instant.
    Update {
        /// The overall level shown.
        level: Level,
        /// How many items are active.
        active: usize,
        /// The file is older than `max-age`, so the widget claims nothing.
        stale: bool,
        /// The file's final URL.
        source: String,
        /// The file's own `updated_at`.
        updated_at: Option<Timestamp>,
    },
    /// `status-widget:error`: no source gave a usable file (the last good status stays shown).
    Error {
        /// What kind of failure, as the event's `kind` names it.
        kind: &'static str,
        /// What went wrong at each source.
        message: String,
    },
}

impl StatusEvent {
    /// The update event for what `view` shows, read from `source`.
    pub fn update(view: &StatusView, source: &str) -> Self {
        StatusEvent::Update {
            level: view.level,
            active: view.active.len(),
            stale: view.stale,
            source: source.to_owned(),
            updated_at: view.document.updated_at,
        }
    }
}
