use super::IncidentDetails;
use super::Locale;
use crate::hooks::use_location_hash;
use crate::i18n::fill;
use crate::model::Incident;
use crate::view::{component_names, ItemSource, ItemView, StatusView};
use std::collections::HashSet;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Past incidents shown at first, and added by each "Show older incidents".
pub const HISTORY_PAGE: usize = 20;
/// Past incidents rendered per task: the page fills in over a few tasks so that no single one
/// holds the main thread for long.
pub const RENDER_STEP: usize = 5;

/// Properties of [`StatusPage`].
#[derive(Properties, PartialEq)]
pub struct StatusPageProps {
    /// What the widget shows (the document filtered to the element's components, its level,
    /// staleness and lists).
    pub view: Rc<StatusView>,
    /// The widget's words and time formatter.
    pub locale: Locale,
}

/// The full status page: the service, its overall state and components, what is happening now,
/// upcoming maintenance, and the history of incidents with their timelines and lessons.
#[component]
pub fn StatusPage(props: &StatusPageProps) -> Html {
    let target = use_location_hash();
    let shown = use_state(|| HISTORY_PAGE);
    let rendered = use_state(|| RENDER_STEP);
    {
        let rendered = rendered.clone();
        use_effect_with((*rendered, *shown), move |&(count, wanted)| {
            let next = (count < wanted).then(|| {
                gloo_timers::callback::Timeout::new(0, move || rendered.set(count + RENDER_STEP))
            });
            move || drop(next)
        });
    }
    let visible = (*shown).min(*rendered);
    let toggled = use_state(HashSet::<String>::new);
    let root = use_node_ref();
    let view = &props.view;
    let doc = &view.document;
    let Locale {
        strings: s,
        formatter: f,
    } = &props.locale;
    let history = view.history();

    // A permalink to an old incident pages far enough back to show it, opens it, and scrolls.
    let target_index = target
        .as_ref()
        .and_then(|id| history.iter().position(|&i| doc.incidents[i].id == *id));
    {
        let shown = shown.clone();
        use_effect_with(target_index, move |index| {
            if let Some(index) = *index {
                if index >= *shown {
                    shown.set((index / HISTORY_PAGE + 1) * HISTORY_PAGE);
                }
            }
        });
    }
    {
        let root = root.clone();
        let ready = target_index.is_none_or(|i| i < visible);
        use_effect_with((target.clone(), ready), move |(target, ready)| {
            if let (Some(id), true) = (target, ready) {
                scroll_to(&root, id);
            }
        });
    }

    // Open by default: the newest past incident and the one a permalink names. `toggled` holds
    // the incidents the reader has flipped from their default.
    let open_by_default = {
        let newest = history.first().map(|&i| doc.incidents[i].id.clone());
        let target = target.clone();
        move |id: &str| newest.as_deref() == Some(id) || target.as_deref() == Some(id)
    };
    let is_open =
        |incident: &Incident| open_by_default(&incident.id) != toggled.contains(&incident.id);
    let on_toggle = {
        let toggled = toggled.clone();
        let open_by_default = open_by_default.clone();
        Callback::from(move |(id, open): (String, bool)| {
            let default = open_by_default(&id);
            let mut set = (*toggled).clone();
            if open == default {
                set.remove(&id);
            } else {
                set.insert(id);
            }
            if set != *toggled {
                toggled.set(set);
            }
        })
    };
    let incident = |i: &Incident, open: bool| {
        html! {
            <IncidentDetails key={i.id.clone()} incident={Rc::new(i.clone())}
                component_names={Rc::new(component_names(doc, &i.components))}
                {open} on_toggle={on_toggle.clone()} locale={props.locale.clone()} />
        }
    };
    // Maintenance and notices as the banner words them.
    let entry = |item: &ItemView| {
        let class = match item.source {
            ItemSource::Notice(_) => classes!("notice-entry", item.kind.class()),
            _ => classes!("maintenance-entry"),
        };
        html! {
            <li {class} id={item.id.clone()}>
                <h3 dir="auto">{ &item.title }</h3>
                if item.started_at.is_some() || item.ends_at.is_some() || !item.components.is_empty() {
                    <p class="incident-meta">
                        if let Some(t) = item.started_at { { s.starts }{ " " }<time datetime={t.to_rfc3339()}>{ f.absolute(t) }</time> }
                        if let Some(t) = item.ends_at { { " · " }{ s.ends }{ " " }<time datetime={t.to_rfc3339()}>{ f.absolute(t) }</time> }
                        if !item.components.is_empty() { { " · " }{ s.affects }{ ": " }{ item.components.join(", ") } }
                    </p>
                }
                if let Some(text) = &item.text { <p dir="auto">{ text }</p> }
            </li>
        }
    };
    let level_class = if view.stale {
        "unknown"
    } else {
        view.level.name()
    };
    let hidden = history.len().saturating_sub(*shown);
    let show_older = {
        let shown = shown.clone();
        Callback::from(move |_: MouseEvent| shown.set(*shown + HISTORY_PAGE))
    };

    html! {
        <article class="page" part="page" ref={root}>
            <header class="page-header">
                <h1>{ doc.service.name.clone().unwrap_or_else(|| s.page_title.to_owned()) }</h1>
                if let Some(d) = &doc.service.description { <p class="description" dir="auto">{ d }</p> }
                if let Some(a) = &doc.service.about { <p class="about" dir="auto">{ a }</p> }
                <p class={classes!("overall", format!("level-{level_class}"))} part="overall" role="status">
                    <span class="dot" aria-hidden="true"></span>
                    <strong>{ if view.stale { s.status_unknown } else { s.level(view.level) } }</strong>
                    if view.stale { { " " }{ s.status_outdated } }
                </p>
                if let Some(t) = doc.updated_at {
                    <p class="updated">{ s.last_updated }{ ": " }<time datetime={t.to_rfc3339()}>{ f.absolute(t) }</time></p>
                }
                if !doc.service.contact.is_empty() {
                    <p class="contact" part="contact">
                        { s.contact }{ ": " }
                        { for doc.service.contact.iter().enumerate().map(|(i, c)| html! {
                            <>{ if i > 0 { " · " } else { "" } }<a href={c.href.clone()} dir="auto">{ &c.label }</a></>
                        }) }
                    </p>
                }
            </header>

            if !doc.components.is_empty() {
                <section class="section" aria-labelledby="sw-components">
                    <h2 id="sw-components">{ s.components }</h2>
                    <ul class="components">
                        { for doc.components.iter().map(|c| html! {
                            <li class="component">
                                <span class="component-name" dir="auto">{ &c.name }</span>
                                <span class={classes!("component-status", format!("status-{}", crate::model::Vocabulary::name(c.status)))}>
                                    { s.component_status(c.status) }
                                </span>
                            </li>
                        }) }
                    </ul>
                </section>
            }

            if !view.active.is_empty() {
                <section class="section" aria-labelledby="sw-active">
                    <h2 id="sw-active">{ s.active_now }</h2>
                    <ul class="incidents">
                        { for view.active.iter().map(|item| match item.source {
                            ItemSource::Incident(i) => incident(&doc.incidents[i], true),
                            _ => entry(item),
                        }) }
                    </ul>
                </section>
            }

            if !view.upcoming.is_empty() {
                <section class="section" aria-labelledby="sw-upcoming">
                    <h2 id="sw-upcoming">{ s.upcoming }</h2>
                    <ul class="incidents">{ for view.upcoming.iter().map(entry) }</ul>
                </section>
            }

            <section class="section" aria-labelledby="sw-history">
                <h2 id="sw-history">{ s.history }</h2>
                if history.is_empty() {
                    <p class="empty">{ s.no_incidents }</p>
                } else {
                    <ol class="incidents history">
                        { for history.iter().take(visible).map(|&i| incident(&doc.incidents[i], is_open(&doc.incidents[i]))) }
                    </ol>
                    if hidden > 0 {
                        <button type="button" class="more" part="more" onclick={show_older}>
                            { fill(s.show_older, hidden, "") }
                        </button>
                    }
                }
            </section>
        </article>
    }
}

/// Scrolls the element with `id` inside the widget into view.
fn scroll_to(root: &NodeRef, id: &str) {
    let Some(article) = root.cast::<web_sys::Element>() else {
        return;
    };
    let scope = article.get_root_node();
    let found = match scope.dyn_ref::<web_sys::DocumentFragment>() {
        Some(fragment) => fragment.get_element_by_id(id),
        None => scope
            .dyn_ref::<web_sys::Document>()
            .and_then(|d| d.get_element_by_id(id)),
    };
    if let Some(element) = found {
        element.scroll_into_view();
    }
}
