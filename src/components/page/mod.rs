//! The status page (`mode="page"`): the service and its overall state, its components with their
//! uptime bars, what is happening now, upcoming maintenance and the history with each incident's
//! timeline. Only this folder renders the page, so a build of the banner alone can leave it out.

mod components_list;
mod entry;
mod header;
mod history;
mod incident_details;
mod timeline;
mod uptime_bars;

pub use components_list::component_list;
pub use entry::item_entry;
pub use header::page_header;
pub use history::{history_section, use_history};
pub use incident_details::IncidentDetails;
pub use timeline::Timeline;
pub use uptime_bars::UptimeBars;

use super::Locale;
use crate::hooks::{use_location_hash, use_uptime};
use crate::view::{component_names, ItemSource, StatusView};
use std::rc::Rc;
use yew::prelude::*;

/// Properties of [`StatusPage`].
#[derive(Properties, PartialEq)]
pub struct StatusPageProps {
    /// What the widget shows (the document filtered to the element's components, its level,
    /// staleness and lists).
    pub view: Rc<StatusView>,
    /// The widget's words and time formatter.
    pub locale: Locale,
}

/// The full status page.
#[component]
pub fn StatusPage(props: &StatusPageProps) -> Html {
    let StatusPageProps { view, locale } = props;
    let target = use_location_hash();
    let history = use_history(view, target);
    let uptime = use_uptime(view.clone());
    let s = locale.strings;
    let doc = &view.document;
    let entries = |items: &[crate::view::ItemView]| -> Html {
        items
            .iter()
            .map(|item| match item.source {
                ItemSource::Incident(i) => {
                    let incident = &doc.incidents[i];
                    html! {
                        <IncidentDetails key={incident.id.clone()} incident={Rc::new(incident.clone())}
                            component_names={Rc::new(component_names(doc, &incident.components))}
                            open={true} on_toggle={Callback::noop()} locale={locale.clone()} />
                    }
                }
                _ => item_entry(item, locale),
            })
            .collect()
    };
    html! {
        <article class="page" part="page">
            { page_header(view, locale) }
            { component_list(view, &uptime, locale) }
            if !view.active.is_empty() {
                <section class="section" aria-labelledby="sw-active">
                    <h2 id="sw-active">{ s.page.active_now }</h2>
                    <ul class="incidents">{ entries(&view.active) }</ul>
                </section>
            }
            if !view.upcoming.is_empty() {
                <section class="section" aria-labelledby="sw-upcoming">
                    <h2 id="sw-upcoming">{ s.page.upcoming }</h2>
                    <ul class="incidents">{ entries(&view.upcoming) }</ul>
                </section>
            }
            { history_section(view, &history, locale) }
        </article>
    }
}
