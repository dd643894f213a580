use gloo_events::EventListener;
use yew::prelude::*;

fn dark_query() -> Option<web_sys::MediaQueryList> {
    web_sys::window()?
        .match_media("(prefers-color-scheme: dark)")
        .ok()
        .flatten()
}

/// Whether the reader's system asks for a dark colour scheme, following changes live.
///
/// # Example
/// ```ignore
/// let dark = use_prefers_dark();
/// ```
#[hook]
pub fn use_prefers_dark() -> bool {
    let dark = use_state(|| dark_query().is_some_and(|q| q.matches()));
    {
        let dark = dark.clone();
        use_effect_with((), move |_| {
            let listener = dark_query().map(|query| {
                let target = query.clone();
                EventListener::new(&target, "change", move |_| dark.set(query.matches()))
            });
            move || drop(listener)
        });
    }
    *dark
}
