use crate::io::poller::{Poller, StatusSource, StatusState};
use yew::prelude::*;

/// Reads and polls the status file described by `source`, restarting when it changes, and
/// returns the last good file and the latest failure, with a revision that counts the poller's
/// reports (a new file, a failure, a recovery), so that a caller can tell a new report from a
/// re-render even when the two look alike.
///
/// # Example
/// ```ignore
/// let (state, revision) = use_status(source);
/// if let Some(current) = &state.current { /* render current.document */ }
/// ```
#[hook]
pub fn use_status(source: StatusSource) -> (StatusState, u32) {
    let state = use_state(|| (StatusState::default(), 0));
    let reports = use_mut_ref(|| 0u32);
    {
        let state = state.clone();
        use_effect_with(source, move |source| {
            let report = move |new: StatusState| {
                *reports.borrow_mut() += 1;
                state.set((new, *reports.borrow()));
            };
            report(StatusState::default());
            let poller = Poller::start(source.clone(), report);
            move || poller.stop()
        });
    }
    (*state).clone()
}
