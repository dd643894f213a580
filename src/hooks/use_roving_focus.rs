use wasm_bindgen::JsCast;
use yew::prelude::*;

/// One tab stop for a row of buttons (the uptime bars' days), moved by the arrow keys: returns
/// which button takes Tab (`tabindex="0"`), the row's key handler and a callback that makes a
/// button the current one (on click or focus). Left and Right move to the next visible button
/// (mirrored when `rtl`, where the row reads right to left), Home and End to the first and last
/// visible; a button hidden by the layout (the narrow page shows the last 30 days) is skipped.
///
/// # Example
/// ```ignore
/// let (current, onkeydown, select) = use_roving_focus(list.clone(), days.len(), rtl);
/// ```
#[hook]
pub fn use_roving_focus(
    list: NodeRef,
    count: usize,
    rtl: bool,
) -> (usize, Callback<KeyboardEvent>, Callback<usize>) {
    let current = use_state_eq(|| count.saturating_sub(1));
    let onkeydown = {
        let (current, list) = (current.clone(), list.clone());
        Callback::from(move |event: KeyboardEvent| {
            let visible = buttons(&list);
            let (Some(first), Some(last)) = (visible.first(), visible.last()) else {
                return;
            };
            let at = visible.iter().position(|(i, _)| *i == *current);
            let forward = |step: isize| {
                let from = at.unwrap_or(visible.len() - 1) as isize;
                &visible[(from + step).clamp(0, visible.len() as isize - 1) as usize]
            };
            let (right, left) = if rtl { (-1, 1) } else { (1, -1) };
            let (next, button) = match event.key().as_str() {
                "ArrowRight" => forward(right),
                "ArrowLeft" => forward(left),
                "Home" => first,
                "End" => last,
                _ => return,
            };
            event.prevent_default();
            // Focus moves at once (the button is there, and focusable with tabindex -1); the
            // render that follows moves the tab stop to it.
            let _ = button.focus();
            current.set(*next);
        })
    };
    let select = {
        let current = current.clone();
        Callback::from(move |index: usize| current.set(index))
    };
    ((*current).min(count.saturating_sub(1)), onkeydown, select)
}

/// The row's buttons that the layout shows, with their index among all its buttons.
fn buttons(list: &NodeRef) -> Vec<(usize, web_sys::HtmlElement)> {
    let Some(list) = list.cast::<web_sys::Element>() else {
        return Vec::new();
    };
    let Ok(all) = list.query_selector_all("button") else {
        return Vec::new();
    };
    (0..all.length())
        .filter_map(|i| {
            let button = all.item(i)?.dyn_into::<web_sys::HtmlElement>().ok()?;
            (button.get_client_rects().length() > 0).then_some((i as usize, button))
        })
        .collect()
}
