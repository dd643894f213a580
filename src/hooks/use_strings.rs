use crate::i18n::{Strings, ENGLISH};
use crate::io::chunks;
use crate::io::console::warn_once;
use yew::prelude::*;

/// The widget's words in `lang`, once they are at hand. In the banner build every language but
/// English is a chunk (`io::chunks`): it is loaded when `wanted` (there is something to say), and
/// until it arrives this is `None`, so that nothing shows in English first and then changes
/// language. A chunk that cannot load leaves English, with a console warning: a banner in
/// English still tells a reader what is wrong. Other builds have every language at once.
///
/// # Example
/// ```ignore
/// let Some(strings) = use_strings(&lang, has_something_to_show) else { return page_content() };
/// ```
#[hook]
pub fn use_strings(lang: &AttrValue, wanted: bool) -> Option<&'static Strings> {
    let now = chunks::strings_now(lang);
    let loaded = use_state(|| None::<(AttrValue, &'static Strings)>);
    let needs_load = now.is_none() && wanted;
    {
        let loaded = loaded.clone();
        use_effect_with((lang.clone(), needs_load), move |(lang, needs_load)| {
            if *needs_load && loaded.as_ref().is_none_or(|(l, _)| l != lang) {
                let lang = lang.clone();
                wasm_bindgen_futures::spawn_local(async move {
                    let strings = chunks::strings(&lang).await.unwrap_or_else(|e| {
                        warn_once(e.to_string());
                        ENGLISH
                    });
                    loaded.set(Some((lang, strings)));
                });
            }
        });
    }
    now.or_else(|| {
        loaded
            .as_ref()
            .filter(|(l, _)| l == lang)
            .map(|(_, strings)| *strings)
    })
}
