use crate::components::Locale;
use crate::model::Vocabulary;
use crate::view::StatusView;
use yew::prelude::*;

/// The service's components with their status; nothing when the file names none. (A render
/// function: it keeps no state.)
pub fn component_list(view: &StatusView, locale: &Locale) -> Html {
    let s = locale.strings;
    let components = &view.document.components;
    if components.is_empty() {
        return html! {};
    }
    html! {
        <section class="section" aria-labelledby="sw-components">
            <h2 id="sw-components">{ s.page.components }</h2>
            <ul class="components">
                { for components.iter().map(|c| html! {
                    <li class="component">
                        <span class="component-name" dir="auto">{ &c.name }</span>
                        <span class={classes!("component-status", format!("status-{}", c.status.name()))}>
                            { s.page.component_status(c.status) }
                        </span>
                    </li>
                }) }
            </ul>
        </section>
    }
}
