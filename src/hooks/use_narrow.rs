use gloo_events::EventListener;
use yew::prelude::*;

/// Whether the element in `node` is narrower than `below` CSS pixels: what a container query
/// would say, without making the host a size container (which would collapse the widget to
/// nothing in a shrink-to-fit parent such as a flex row). Measured after every render (before
/// the browser paints it) and when the window is resized or a phone rotated.
///
/// Not a `ResizeObserver`: the layout this answer switches changes the element's height, and an
/// observer that changes its own element's size makes browsers report a "ResizeObserver loop"
/// error to the host page.
///
/// # Example
/// ```ignore
/// let banner = use_node_ref();
/// let narrow = use_narrow(banner.clone(), 480.0);
/// ```
#[hook]
pub fn use_narrow(node: NodeRef, below: f64) -> bool {
    let narrow = use_state_eq(|| false);
    let measure = {
        let narrow = narrow.clone();
        move || {
            if let Some(element) = node.cast::<web_sys::Element>() {
                narrow.set(f64::from(element.client_width()) < below);
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
