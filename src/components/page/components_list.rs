use super::UptimeBars;
use crate::components::{lang, Locale};
use crate::model::Vocabulary;
use crate::view::{with_window, ComponentUptime, StatusView};
use std::rc::Rc;
use yew::prelude::*;

/// The service's components with their status and, where the file records history, their uptime
/// bars and a note on how uptime is counted; nothing when the file names no component. (A render
/// function: it keeps no state.)
pub fn component_list(view: &StatusView, uptime: &[Rc<ComponentUptime>], locale: &Locale) -> Html {
    let s = locale.strings;
    let components = &view.document.components;
    if components.is_empty() {
        return html! {};
    }
    let bars = with_window(&view.document, view.now);
    html! {
        <section class="section" aria-labelledby="sw-components">
            <h2 id="sw-components">{ s.page.components }</h2>
            <ul class="components">
                { for components.iter().enumerate().map(|(index, c)| html! {
                    <li class="component">
                        <div class="component-head">
                            <span class="component-name" lang={lang(&c.name)} dir={c.name.dir()}>{ &c.name.plain }</span>
                            <span class={classes!("component-status", format!("status-{}", c.status.name()))}>
                                { s.page.component_status(c.status) }
                            </span>
                        </div>
                        if let Some(window) = uptime.iter().find(|w| w.component == index) {
                            <UptimeBars window={window.clone()} document={view.document.clone()}
                                locale={locale.clone()} />
                        } else if bars[index] {
                            // The bars' room until they are counted (a task later): nothing moves.
                            <div class="uptime" aria-hidden="true">
                                <ol class="uptime-days"></ol>
                                <div class="uptime-axis"><span>{ "\u{a0}" }</span></div>
                            </div>
                        }
                    </li>
                }) }
            </ul>
            if bars.contains(&true) {
                <details class="uptime-rule">
                    <summary>{ s.page.uptime_rule }</summary>
                    <p>{ s.page.uptime_rule_text }</p>
                </details>
            }
        </section>
    }
}
