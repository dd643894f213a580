use super::Timeline;
use crate::components::{lang, word_list, Locale};
use crate::model::{Incident, Text, Vocabulary};
use std::rc::Rc;
use yew::prelude::*;

/// Properties of [`IncidentDetails`].
#[derive(Properties, PartialEq)]
pub struct IncidentDetailsProps {
    /// The incident.
    pub incident: Rc<Incident>,
    /// Component names for its component ids.
    pub component_names: Rc<Vec<Text>>,
    /// Expanded: the body is rendered only then, so long histories stay cheap.
    pub open: bool,
    /// The reader opened or closed it.
    pub on_toggle: Callback<(String, bool)>,
    /// The widget's words and time formatter.
    pub locale: Locale,
}

/// One incident on the status page: a summary line that expands to its facts, summary,
/// timeline, lessons and conclusion, with its permalink (`#id`).
#[component]
pub fn IncidentDetails(props: &IncidentDetailsProps) -> Html {
    let i = &props.incident;
    let Locale {
        strings: s,
        formatter: f,
    } = &props.locale;
    let on_toggle = {
        let id = i.id.clone();
        let callback = props.on_toggle.clone();
        Callback::from(move |e: Event| {
            let open = e
                .target_dyn_into::<web_sys::HtmlDetailsElement>()
                .is_some_and(|d| d.open());
            callback.emit((id.clone(), open));
        })
    };
    let time = |t: crate::model::Timestamp| {
        html! { <time datetime={t.to_rfc3339()}>{ f.absolute(t) }</time> }
    };
    let impact_class = format!("impact-{}", i.impact.name());
    html! {
        <li class={classes!("incident", impact_class.clone())} id={i.id.clone()} part={format!("incident {impact_class}")}>
            <details open={props.open} ontoggle={on_toggle}>
                <summary>
                    <h3 class="incident-title" lang={lang(&i.title)} dir={i.title.dir()}>{ &i.title.plain }</h3>
                    <p class="incident-meta">
                        <span class="label">{ s.impact(i.impact) }{ " · " }{ s.status(i.status) }</span>
                        if let Some(t) = i.started_at { { " · " }{ s.started }{ " " }{ time(t) } }
                        if let Some(t) = i.resolved_at { { " · " }{ s.page.resolved }{ " " }{ time(t) } }
                    </p>
                </summary>
                if props.open { { incident_body(i, &props.component_names, &props.locale) } }
            </details>
        </li>
    }
}

/// An open incident's body: duration, components and release, summary, timeline, lessons,
/// conclusion and links. Rendered only while the incident is open, so long histories stay cheap.
fn incident_body(i: &Incident, component_names: &[Text], locale: &Locale) -> Html {
    let Locale {
        strings: s,
        formatter: f,
    } = locale;
    html! {
        <div class="incident-body">
            <dl class="facts">
                if let (Some(start), Some(end)) = (i.started_at, i.resolved_at) {
                    <div><dt>{ s.page.duration }</dt><dd>{ f.duration(end.unix_millis() - start.unix_millis()) }</dd></div>
                }
                if !component_names.is_empty() {
                    <div><dt>{ s.affects }</dt><dd>{ word_list(component_names) }</dd></div>
                }
                if let Some(release) = &i.release {
                    <div><dt>{ s.page.release }</dt><dd>{ release }</dd></div>
                }
            </dl>
            if let Some(summary) = &i.summary { <p class="summary" lang={lang(summary)} dir={summary.dir()}>{ &summary.plain }</p> }
            if !i.updates.is_empty() {
                <h4>{ s.page.timeline }</h4>
                <Timeline updates={Rc::new(i.updates.clone())} locale={locale.clone()} />
            }
            if !i.lessons.is_empty() {
                <h4>{ s.page.lessons }</h4>
                <ul class="lessons">{ for i.lessons.iter().map(|l| html! { <li lang={lang(l)} dir={l.dir()}>{ &l.plain }</li> }) }</ul>
            }
            if !i.conclusion.is_empty() {
                <h4>{ s.page.conclusion }</h4>
                <ul class="conclusion">{ for i.conclusion.iter().map(|c| html! { <li lang={lang(c)} dir={c.dir()}>{ &c.plain }</li> }) }</ul>
            }
            <p class="links">
                <a class="permalink" part="permalink" href={format!("#{}", crate::model::links::fragment(&i.id))}>
                    { s.page.permalink }{ " " }<code>{ "#" }{ &i.id }</code>
                </a>
                if let Some(url) = &i.url {
                    { " · " }<a class="link" part="link" href={url.clone()}>{ s.details }</a>
                }
            </p>
        </div>
    }
}
