//! The status model: the document's types (whatever format it was read from), the rules for what
//! is active at an instant, the order of entries, links that are safe to follow, times and the
//! dismissal keys. Reading input into it lives in [`crate::formats`]. Pure Rust with no browser
//! dependency, tested natively.

mod active;
mod dismissal;
#[cfg(feature = "page")]
mod history;
pub mod links;
pub(crate) mod order;
mod text;
pub mod time;
mod types;

pub use active::{ActiveIndex, ActiveItem, MAINTENANCE_LEAD_MS};
pub use dismissal::DismissalKey;
#[cfg(feature = "page")]
pub use history::{DeclaredUptime, History, StateChange};
pub use text::{plain_text, Block, Inline, Text};
pub use time::{CalendarDate, TimeError, Timestamp};
pub use types::*;
