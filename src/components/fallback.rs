use yew::prelude::*;

/// The page's own content of `<status-widget>` (its children, for example a link to the status
/// page), let through a slot whenever the widget has nothing of its own to show: before the
/// first read, on a quiet day, once every item is dismissed. The same children show before the
/// wasm arrives and wherever it cannot load or run, because the element is then never defined
/// (or, after a trap, the loader hands them back).
pub fn page_content() -> Html {
    html! { <slot></slot> }
}
