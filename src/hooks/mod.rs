//! Yew hooks: the status file, the clock, dismissals, the URL fragment and the colour scheme.

mod use_dismissals;
mod use_location_hash;
mod use_now;
mod use_prefers_dark;
mod use_status;

pub use use_dismissals::use_dismissals;
pub use use_location_hash::use_location_hash;
pub use use_now::use_now;
pub use use_prefers_dark::use_prefers_dark;
pub use use_status::use_status;
