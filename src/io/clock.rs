//! The current instant and randomness, from the browser.

use crate::model::Timestamp;

/// Now, from `Date.now()`.
pub fn now() -> Timestamp {
    Timestamp::from_unix_millis(js_sys::Date::now() as i64)
}

/// A uniform number in `[0, 1)`, from `Math.random()`, for jitter.
pub fn random() -> f64 {
    js_sys::Math::random()
}
