use crate::io::clock;
use crate::model::Timestamp;
use yew::prelude::*;

/// The current instant, refreshed every `every_ms` milliseconds so that relative times and
/// time windows (maintenance starting, notices ending) stay true while the page is open.
///
/// # Example
/// ```ignore
/// let now = use_now(30_000);
/// ```
#[hook]
pub fn use_now(every_ms: u32) -> Timestamp {
    let now = use_state(clock::now);
    {
        let now = now.clone();
        use_effect_with(every_ms, move |every_ms| {
            let interval = gloo_timers::callback::Interval::new(*every_ms, move || {
                now.set(clock::now());
            });
            move || drop(interval)
        });
    }
    *now
}
