use crate::model::DismissalKey;
use wasm_bindgen::JsCast;
use yew::prelude::*;

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
                let next = within
                    .cast::<web_sys::Element>()
                    .and_then(|banner| banner.query_selector("button.dismiss").ok().flatten())
                    .and_then(|button| button.dyn_into::<web_sys::HtmlElement>().ok());
                if let Some(button) = next {
                    let _ = button.focus();
                }
            }
        });
    }
    Callback::from(move |key: DismissalKey| {
        *pending.borrow_mut() = true;
        on_dismiss.emit(key);
    })
}
