use crate::model::DismissalKey;
use gloo_timers::callback::Timeout;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// For how many checks, 50 ms apart, focus is watched after a dismissal: when the next button is
/// not there yet, the engine did not take focus, or focus fell back to the page's body (WebKit on
/// a loaded machine lost it after taking it, seen in tests), it is put on the button again.
const CHECKS: u32 = 20;

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
                focus_next(within, CHECKS);
            }
        });
    }
    Callback::from(move |key: DismissalKey| {
        *pending.borrow_mut() = true;
        on_dismiss.emit(key);
    })
}

/// Focuses the first dismiss button in `within` if focus is not on it and has not gone
/// elsewhere in the page (onto the body, or nowhere, it has fallen); checks again `checks` more
/// times while the banner is there. Focus the reader put elsewhere is left there.
fn focus_next(within: NodeRef, checks: u32) {
    let Some(banner) = within.cast::<web_sys::Element>() else {
        return; // the banner is gone: nothing left to focus
    };
    let button = banner
        .query_selector("button.dismiss")
        .ok()
        .flatten()
        .and_then(|button| button.dyn_into::<web_sys::HtmlElement>().ok());
    let document = banner.owner_document();
    let fallen = document.as_ref().is_none_or(|document| {
        document.active_element().is_none_or(|active| {
            document
                .body()
                .is_some_and(|body| active.is_same_node(Some(&body)))
        })
    });
    // The shadow root's (or the document's) `activeElement`: where focus is now.
    let on_button = button.as_ref().is_some_and(|button| {
        js_sys::Reflect::get(&banner.get_root_node(), &"activeElement".into())
            .ok()
            .and_then(|active| active.dyn_into::<web_sys::Node>().ok())
            .is_some_and(|active| active.is_same_node(Some(button)))
    });
    if !on_button && !fallen {
        return; // the reader is elsewhere
    }
    if let (Some(button), false) = (&button, on_button) {
        let _ = button.focus();
    }
    if checks > 0 {
        Timeout::new(50, move || focus_next(within, checks - 1)).forget();
    }
}
