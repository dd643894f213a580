use crate::components::{lang, text_html, word_list, Locale};
use crate::view::{ItemSource, ItemView};
use yew::prelude::*;

/// Maintenance or a notice on the page, worded as the banner words it: title, window,
/// components, text. (A render function: it keeps no state.)
pub fn item_entry(item: &ItemView, locale: &Locale) -> Html {
    let Locale {
        strings: s,
        formatter: f,
    } = locale;
    let class = match item.source {
        ItemSource::Notice(_) | ItemSource::Declared => {
            classes!("notice-entry", item.kind.class())
        }
        _ => classes!("maintenance-entry"),
    };
    let time = |t: crate::model::Timestamp| {
        html! { <time datetime={t.to_rfc3339()}>{ f.absolute(t) }</time> }
    };
    html! {
        <li {class} id={item.id.clone()}>
            <h3 lang={lang(&item.title)} dir={item.title.dir()}>{ &item.title.plain }</h3>
            if item.started_at.is_some() || item.ends_at.is_some() || !item.components.is_empty() {
                <p class="incident-meta">
                    if let Some(t) = item.started_at { { s.starts }{ " " }{ time(t) } }
                    if let Some(t) = item.ends_at { { " · " }{ s.ends }{ " " }{ time(t) } }
                    if !item.components.is_empty() { { " · " }{ s.affects }{ ": " }{ word_list(&item.components) } }
                </p>
            }
            if let Some(text) = &item.text { { text_html(text, "entry-text") } }
        </li>
    }
}
