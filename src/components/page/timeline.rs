use crate::components::{text_html, Locale};
use crate::model::Update;
use crate::view::group_by_day;
use std::rc::Rc;
use yew::prelude::*;

/// Properties of [`Timeline`].
#[derive(Properties, PartialEq)]
pub struct TimelineProps {
    /// Entries, oldest first, untimed notes in their place.
    pub updates: Rc<Vec<Update>>,
    /// The widget's words and time formatter.
    pub locale: Locale,
}

/// A timeline grouped by the reader's local day, each entry with its local time.
#[component]
pub fn Timeline(props: &TimelineProps) -> Html {
    let Locale {
        strings: s,
        formatter: f,
    } = &props.locale;
    let groups = group_by_day(&props.updates, |u| {
        u.at.map(|t| f.local_day(t))
            .or_else(|| u.day.map(|d| f.written_day(d)))
    });
    html! {
        <ol class="timeline" part="timeline">
            { for groups.into_iter().map(|(day, updates)| html! {
                <li class="day">
                    if let Some(day) = day { <h5 class="day-heading">{ day }</h5> }
                    <ol class="updates">
                        { for updates.into_iter().map(|u| html! {
                            <li class="update">
                                if let Some(at) = u.at {
                                    <time class="update-time" datetime={at.to_rfc3339()} title={f.absolute(at)}>
                                        { f.time_of_day(at) }
                                        if u.approximate { { " (" }{ s.page.approximate }{ ")" } }
                                    </time>
                                }
                                if let Some(status) = u.status {
                                    <span class="update-status">{ s.status(status) }</span>
                                }
                                { text_html(&u.body, "update-body") }
                            </li>
                        }) }
                    </ol>
                </li>
            }) }
        </ol>
    }
}
