use gloo_events::EventListener;
use yew::prelude::*;

/// Whether the element in `container` (else, until it exists, the one in `fallback`) is
/// narrower than `below` CSS pixels: what a container query would say, without making the host
/// a size container (which would collapse the widget to nothing in a shrink-to-fit parent such as
/// a flex row or a centred flex column). Measured when the hook starts, so that a banner appearing
/// in a narrow column has its narrow layout from its first frame (a second pass would shift it
/// after a paint); then after every render and when the window is resized or a phone rotated.
///
/// Not a `ResizeObserver`: the layout this answer switches changes the element's height, and an
/// observer that changes its own element's size makes browsers report a "ResizeObserver loop"
/// error to the host page.
///
/// # Example
/// ```ignore
/// let narrow = use_narrow(props.container.clone(), section.clone(), 480.0);
/// ```
#[hook]
pub fn use_narrow(container: NodeRef, fallback: NodeRef, below: f64) -> bool {
    let width = move || {
        container
            .cast::<web_sys::Element>()
            .or_else(|| fallback.cast::<web_sys::Element>())
            .map(|element| f64::from(element.client_width()))
            .filter(|width| *width > 0.0)
    };
    let narrow = {
        let width = width.clone();
        use_state_eq(move || width().is_some_and(|w| w < below))
    };
    let measure = {
        let narrow = narrow.clone();
        move || {
            if let Some(w) = width() {
                narrow.set(w < below);
            }
        }
    };
    {
        let measure = measure.clone();
        use_effect(measure);
    }
    use_effect_with((), move |_| {
        let listener = web_sys::window()
            .map(|window| EventListener::new(&window, "resize", move |_| measure()));
        move || drop(listener)
    });
    *narrow
}
