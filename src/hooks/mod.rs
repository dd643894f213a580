//! Yew hooks: the status file, what it shows, its events and its announcements, the widget's
//! words in its language, the clock, dismissals and where focus goes after one, the URL fragment,
//! media queries (colour scheme, small screens), arrow keys along a row of buttons, the Intl warm-up, a banner's width, whether a
//! clamped text holds more, rendering a long list in steps and scrolling to an anchor, and the page's uptime windows.

#[cfg(feature = "page")]
mod same;
mod use_announcement;
mod use_dismissals;
mod use_focus_after_dismiss;
mod use_intl_ready;
#[cfg(feature = "page")]
mod use_location_hash;
mod use_media_query;
mod use_narrow;
mod use_now;
mod use_overflowing;
#[cfg(feature = "page")]
mod use_render_in_steps;
#[cfg(feature = "page")]
mod use_roving_focus;
#[cfg(feature = "page")]
mod use_scroll_to;
mod use_status;
mod use_status_events;
mod use_status_view;
mod use_strings;
#[cfg(feature = "page")]
mod use_uptime;

#[cfg(feature = "page")]
pub use same::Same;
pub use use_announcement::{item_label, use_announcement, Announcement};
pub use use_dismissals::use_dismissals;
pub use use_focus_after_dismiss::use_focus_after_dismiss;
pub use use_intl_ready::use_intl_ready;
#[cfg(feature = "page")]
pub use use_location_hash::use_location_hash;
pub use use_media_query::{use_media_query, SMALL_SCREEN};
pub use use_narrow::use_narrow;
pub use use_now::use_now;
pub use use_overflowing::use_overflowing;
#[cfg(feature = "page")]
pub use use_render_in_steps::use_render_in_steps;
#[cfg(feature = "page")]
pub use use_roving_focus::use_roving_focus;
#[cfg(feature = "page")]
pub use use_scroll_to::use_scroll_to;
pub use use_status::use_status;
pub use use_status_events::use_status_events;
pub use use_status_view::use_status_view;
pub use use_strings::use_strings;
#[cfg(feature = "page")]
pub use use_uptime::use_uptime;
