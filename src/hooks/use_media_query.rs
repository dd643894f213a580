use gloo_events::EventListener;
use yew::prelude::*;

/// The media query the widget's small-screen layout follows: a narrow or a short viewport
/// (a phone in either orientation). The stylesheet's `@media` for the same layout says the same.
pub const SMALL_SCREEN: &str = "(max-width: 30rem), (max-height: 25rem)";

fn media_query(query: &str) -> Option<web_sys::MediaQueryList> {
    web_sys::window()?.match_media(query).ok().flatten()
}

/// Whether the media `query` matches, following changes live (a rotated phone, a resized
/// window, a changed colour scheme). False where the browser cannot evaluate it.
///
/// # Example
/// ```ignore
/// let dark = use_media_query("(prefers-color-scheme: dark)");
/// ```
#[hook]
pub fn use_media_query(query: &'static str) -> bool {
    let matches = use_state_eq(|| media_query(query).is_some_and(|q| q.matches()));
    {
        let matches = matches.clone();
        use_effect_with(query, move |query| {
            let listener = media_query(query).map(|list| {
                let target = list.clone();
                EventListener::new(&target, "change", move |_| matches.set(list.matches()))
            });
            move || drop(listener)
        });
    }
    *matches
}
