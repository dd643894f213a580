//! What the widget shows, worked out from the model without touching the browser.
//!
//! [`derive()`] turns a document, the element's settings ([`ViewSettings`]) and an instant into one
//! [`StatusView`]. Every surface reads that one value: the banner and the indicator render it, the
//! status page renders it with each item's details, the element's events are read from it
//! ([`StatusEvent`]) and the headless `deriveStatus` serialises it ([`ViewReport`]).

mod derive;
mod event;
mod items;
#[cfg(feature = "page")]
mod report;
mod timeline;
#[cfg(feature = "page")]
mod uptime;

pub use derive::{derive, shown_document, Overall, StatusView, ViewSettings};
pub use event::{FailureKind, StatusEvent};
pub use items::{component_names, ItemKind, ItemSource, ItemView};
#[cfg(feature = "page")]
pub use report::{
    ItemReport, ProblemReport, ReadReport, UptimeDayReport, UptimeReport, ViewReport,
};
pub use timeline::{duration_parts, group_by_day, relative_parts};
#[cfg(feature = "page")]
pub use uptime::{
    uptime, with_window, ComponentUptime, DayState, FixedOffset, LocalDays, UptimeDay,
    DEFAULT_UPTIME_DAYS, PARTIAL_OUTAGE_WEIGHT, UPTIME_DAYS,
};
