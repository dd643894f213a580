use crate::components::{contact_line, lang, text_html, Locale};
use crate::view::StatusView;
use yew::prelude::*;

/// The page's header: the service, what it is, its overall state (or "Status unknown" when the
/// file is stale), when the file was updated, and how to reach the team.
///
/// A render function rather than a component: it keeps no state, and each yew component type
/// costs the wasm about a kilobyte.
pub fn page_header(view: &StatusView, locale: &Locale) -> Html {
    let Locale {
        strings: s,
        formatter: f,
    } = locale;
    let service = &view.document.service;
    let level_class = view.overall.name();
    html! {
        <header class="page-header">
            if let Some(name) = &service.name {
                <h1 lang={lang(name)} dir={name.dir()}>{ &name.plain }</h1>
            } else {
                <h1>{ s.page.page_title }</h1>
            }
            if let Some(d) = &service.description { { text_html(d, "description") } }
            if let Some(a) = &service.about { <p class="about" lang={lang(a)} dir={a.dir()}>{ &a.plain }</p> }
            <p class={classes!("overall", format!("level-{level_class}"))} part="overall" role="status">
                <span class="dot" aria-hidden="true"></span>
                <strong>{ s.overall(view.overall) }</strong>
                if view.overall.is_unknown() { { " " }{ s.status_outdated } }
            </p>
            if let Some(t) = view.document.updated_at {
                <p class="updated">{ s.page.last_updated }{ ": " }<time datetime={t.to_rfc3339()}>{ f.absolute(t) }</time></p>
            }
            { contact_line(&service.contact, s) }
        </header>
    }
}
