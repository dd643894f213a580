use gloo_events::EventListener;
use yew::prelude::*;

fn current_hash() -> Option<String> {
    let hash = web_sys::window()?.location().hash().ok()?;
    let raw = hash.strip_prefix('#')?;
    if raw.is_empty() {
        return None;
    }
    // An id with spaces or accents arrives percent-encoded; a malformed escape is kept as is.
    Some(
        js_sys::decode_uri_component(raw)
            .map(String::from)
            .unwrap_or_else(|_| raw.to_owned()),
    )
}

/// The page URL's fragment without `#` (decoded), following `hashchange`: how the status page
/// finds the incident a permalink names, since fragment navigation does not reach into a
/// shadow root.
///
/// # Example
/// ```ignore
/// let target = use_location_hash(); // Some("2024-11-04-new-logins")
/// ```
#[hook]
pub fn use_location_hash() -> Option<String> {
    let hash = use_state(current_hash);
    {
        let hash = hash.clone();
        use_effect_with((), move |_| {
            let listener = web_sys::window()
                .map(|w| EventListener::new(&w, "hashchange", move |_| hash.set(current_hash())));
            move || drop(listener)
        });
    }
    (*hash).clone()
}
