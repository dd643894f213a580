use crate::io::poller::{Poller, StatusSource, StatusState};
use yew::prelude::*;

/// Reads and polls the status file described by `source`, restarting when it changes, with the
/// texts it gives in several languages in the language `wanted` (a change reads such a file
/// again, keeping what is shown until then; a file that says no language is not read again),
/// and returns the last good file and the latest failure, with a revision that counts the
/// poller's reports (a new file, a failure, a recovery), so that a caller can tell a new report
/// from a re-render even when the two look alike.
///
/// # Example
/// ```ignore
/// let (state, revision) = use_status(source, &wanted);
/// if let Some(current) = &state.current { /* render current.document */ }
/// ```
#[hook]
pub fn use_status(source: StatusSource, wanted: &AttrValue) -> (StatusState, u32) {
    let state = use_state(|| (StatusState::default(), 0));
    let reports = use_mut_ref(|| 0u32);
    let running = use_mut_ref(|| None::<Poller>);
    {
        let state = state.clone();
        let running = running.clone();
        let wanted = wanted.to_string();
        use_effect_with(source, move |source| {
            let report = move |new: StatusState| {
                *reports.borrow_mut() += 1;
                state.set((new, *reports.borrow()));
            };
            report(StatusState::default());
            let poller = Poller::start(source.clone(), wanted, report);
            *running.borrow_mut() = Some(poller.clone());
            move || poller.stop()
        });
    }
    use_effect_with(wanted.clone(), move |wanted| {
        if let Some(poller) = running.borrow().as_ref() {
            poller.set_wanted(wanted);
        }
    });
    (*state).clone()
}
