use crate::io::poller::{Poller, StatusSource, StatusState};
use yew::prelude::*;

/// Reads and polls the status file described by `source`, restarting when it changes, and
/// returns the last good file and the latest failure. `on_change` hears about every change.
///
/// # Example
/// ```ignore
/// let state = use_status(source, Callback::noop());
/// if let Some(current) = &state.current { /* render current.document */ }
/// ```
#[hook]
pub fn use_status(source: StatusSource, on_change: Callback<StatusState>) -> StatusState {
    let state = use_state(StatusState::default);
    {
        let state = state.clone();
        use_effect_with(source, move |source| {
            state.set(StatusState::default());
            let poller = Poller::start(source.clone(), move |new: StatusState| {
                state.set(new.clone());
                on_change.emit(new);
            });
            move || poller.stop()
        });
    }
    (*state).clone()
}
