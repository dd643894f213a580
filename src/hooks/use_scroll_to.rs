use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Scrolls the element whose id is `target`, in the same document or shadow root as `root`,
/// into view once `ready` (rendered), and again whenever the target changes.
///
/// # Example
/// ```ignore
/// use_scroll_to(root.clone(), target.clone(), index.is_none_or(|i| i < visible));
/// ```
#[hook]
pub fn use_scroll_to(root: NodeRef, target: Option<String>, ready: bool) {
    use_effect_with((target, ready), move |(target, ready)| {
        if let (Some(id), true) = (target, ready) {
            scroll_to(&root, id);
        }
    });
}

fn scroll_to(root: &NodeRef, id: &str) {
    let Some(element) = root.cast::<web_sys::Element>() else {
        return;
    };
    let scope = element.get_root_node();
    let found = match scope.dyn_ref::<web_sys::DocumentFragment>() {
        Some(fragment) => fragment.get_element_by_id(id),
        None => scope
            .dyn_ref::<web_sys::Document>()
            .and_then(|d| d.get_element_by_id(id)),
    };
    if let Some(element) = found {
        element.scroll_into_view();
    }
}
