use crate::io::intl::TimeFormatter;
use std::rc::Rc;
use yew::prelude::*;

/// Whether `formatter` can format now without a slow first use of `Intl`. When `wanted` and it
/// cannot, the formatters (the banner's two, or with `full` the page's six) are made one per
/// task, and the component renders again once they are ready, so the locale data never loads
/// inside the render that needs it. A quiet login page (nothing wanted) never touches `Intl`.
///
/// # Example
/// ```ignore
/// if !use_intl_ready(formatter.clone(), !items.is_empty(), false) { return html! {}; }
/// ```
#[hook]
pub fn use_intl_ready(formatter: Rc<TimeFormatter>, wanted: bool, full: bool) -> bool {
    let cold = wanted && !formatter.is_warm(full);
    let rerender = use_force_update();
    // Keyed by the formatter too: a language change during a warm-up must warm the new one.
    use_effect_with((cold, full, formatter), move |(cold, full, formatter)| {
        if *cold {
            let (full, formatter) = (*full, formatter.clone());
            wasm_bindgen_futures::spawn_local(async move {
                formatter.warm_up(full).await;
                rerender.force_update();
            });
        }
    });
    !cold
}
