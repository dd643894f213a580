//! The thin layer between the pure model and the browser: fetching, the clock, page events,
//! storage, element sizes, `Intl` formatting and the console. Every call that can throw in JavaScript is caught
//! here, so nothing from the widget ever throws into the host page.

pub mod chunks;
pub mod clock;
pub mod console;
pub mod fetch;
pub mod intl;
#[cfg(feature = "page")]
pub mod local_days;
pub mod page_events;
pub mod poller;
pub mod prefetch;
pub mod resize;
pub mod sources;
pub mod storage;
pub mod trust;
