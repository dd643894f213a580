use crate::model::DismissalKey;
use gloo_timers::callback::Timeout;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// How many times, 50 ms apart, focus is tried again when the next button is not there yet or
/// the engine did not take it (WebKit on a loaded machine, seen in tests).
const RETRIES: u32 = 10;

/// Wraps `on_dismiss` so that, after an item is dismissed from the keyboard or pointer, focus
/// moves to the next dismiss button left in the element `within` (the banner) rather than falling
/// back to the top of the page with the button that had it. When nothing is left, focus stays
/// where the browser puts it.
///
/// # Example
/// ```ignore
/// let on_dismiss = use_focus_after_dismiss(section.clone(), props.on_dismiss.clone());
/// ```
#[hook]
pub fn use_focus_after_dismiss(
    within: NodeRef,
    on_dismiss: Callback<DismissalKey>,
) -> Callback<DismissalKey> {
    let pending = use_mut_ref(|| false);
    {
        let pending = pending.clone();
        use_effect(move || {
            if std::mem::take(&mut *pending.borrow_mut()) {
                focus_next(within, RETRIES);
            }
        });
    }
    Callback::from(move |key: DismissalKey| {
        *pending.borrow_mut() = true;
        on_dismiss.emit(key);
    })
}

/// Focuses the first dismiss button in `within`; tries again later while the banner is still
/// there but the button is not yet, or did not take focus.
fn focus_next(within: NodeRef, tries: u32) {
    let Some(banner) = within.cast::<web_sys::Element>() else {
        return; // the banner is gone: nothing left to focus
    };
    let button = banner
        .query_selector("button.dismiss")
        .ok()
        .flatten()
        .and_then(|button| button.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(button) = &button {
        let _ = button.focus();
    }
    // The shadow root's (or the document's) `activeElement`: where focus is now.
    let taken = button.as_ref().is_some_and(|button| {
        js_sys::Reflect::get(&banner.get_root_node(), &"activeElement".into())
            .ok()
            .and_then(|active| active.dyn_into::<web_sys::Node>().ok())
            .is_some_and(|active| active.is_same_node(Some(button)))
    });
    if !taken && tries > 0 {
        Timeout::new(50, move || focus_next(within, tries - 1)).forget();
    }
}
