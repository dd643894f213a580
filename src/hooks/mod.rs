//! Yew hooks: the status file, the clock, dismissals and the URL fragment.

mod use_dismissals;
mod use_location_hash;
mod use_now;
mod use_status;

pub use use_dismissals::use_dismissals;
pub use use_location_hash::use_location_hash;
pub use use_now::use_now;
pub use use_status::use_status;
