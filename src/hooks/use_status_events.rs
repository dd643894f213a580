use crate::io::poller::StatusState;
use crate::view::{StatusEvent, StatusView};
use yew::prelude::*;

/// The title that makes a `fault-injection` build panic while it reports the status (see
/// Cargo.toml).
#[cfg(feature = "fault-injection")]
pub const PANIC_TITLE: &str = "status-widget: panic here";

/// Tells `on_event` what the widget shows, after the render: once per report of the poller
/// (`revision`: a new file, a failure, a recovery) and once whenever the element's attributes or
/// the clock alone change the level, the active count or staleness of `view`.
///
/// # Example
/// ```ignore
/// use_status_events(&state, revision, view.as_deref(), props.on_event.clone());
/// ```
#[hook]
pub fn use_status_events(
    state: &StatusState,
    revision: u32,
    view: Option<&StatusView>,
    on_event: Callback<StatusEvent>,
) {
    let event = match (&state.failure, &state.current, view) {
        (Some(failure), _, _) => Some(StatusEvent::Error {
            kind: failure.kind,
            message: failure.message.clone(),
        }),
        (None, Some(current), Some(view)) => Some(StatusEvent::update(view, &current.url)),
        _ => None,
    };
    #[cfg(feature = "fault-injection")]
    let poisoned = state
        .current
        .as_ref()
        .is_some_and(|c| c.document.incidents.iter().any(|i| i.title == PANIC_TITLE));
    // Between reports only the level, the count and staleness can change.
    let changes = view.map(|v| (v.overall, v.active.len()));
    use_effect_with((revision, changes), move |_| {
        #[cfg(feature = "fault-injection")]
        assert!(!poisoned, "fault injection: a panic inside the wasm");
        if let Some(event) = event {
            on_event.emit(event);
        }
    });
}
