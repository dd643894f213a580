use crate::io::resize::watch_size;
use yew::prelude::*;

/// Whether the element in `node` holds more than it shows (its content is taller than its box,
/// as a clamped text is). Measured after every render while `measure` is true, and again
/// whenever the element's size changes (a rotated phone, a resized window); while `measure` is
/// false (the text is expanded) the last measurement stands.
///
/// # Example
/// ```ignore
/// let text = use_node_ref();
/// let clamped = use_overflowing(text.clone(), !*expanded);
/// ```
#[hook]
pub fn use_overflowing(node: NodeRef, measure: bool) -> bool {
    let overflowing = use_state_eq(|| false);
    {
        let overflowing = overflowing.clone();
        let node = node.clone();
        // After every render: new text may change the answer without changing the box's size.
        use_effect(move || {
            if let Some(element) = node.cast::<web_sys::Element>().filter(|_| measure) {
                overflowing.set(overflows(&element));
            }
        });
    }
    {
        let overflowing = overflowing.clone();
        use_effect_with((node, measure), move |(node, measure)| {
            let watch = node
                .cast::<web_sys::Element>()
                .filter(|_| *measure)
                .and_then(|element| {
                    let target = element.clone();
                    watch_size(&element, move || overflowing.set(overflows(&target)))
                });
            move || drop(watch)
        });
    }
    *overflowing
}

/// Content taller than the box (a pixel of rounding allowed).
fn overflows(element: &web_sys::Element) -> bool {
    element.scroll_height() > element.client_height() + 1
}
