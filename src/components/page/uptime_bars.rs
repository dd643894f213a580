use crate::components::Locale;
use crate::hooks::{use_roving_focus, Same};
use crate::model::links::fragment;
use crate::model::StatusDocument;
use crate::view::{ComponentUptime, DayState, UptimeDay};
use std::rc::Rc;
use yew::prelude::*;

/// Properties of [`UptimeBars`].
#[derive(Properties)]
pub struct UptimeBarsProps {
    /// The component's window, from the view.
    pub window: Rc<ComponentUptime>,
    /// The document shown, for the incidents' and maintenance's titles.
    pub document: Rc<StatusDocument>,
    /// The widget's words and formatter.
    pub locale: Locale,
}

impl PartialEq for UptimeBarsProps {
    /// By identity: the window and the document are shared from one derivation, and comparing
    /// their contents would walk the whole document for every component on every render.
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.window, &other.window)
            && Rc::ptr_eq(&self.document, &other.document)
            && self.locale == other.locale
    }
}

/// A component's uptime: a row of day bars, oldest to newest in reading order, each a button
/// (one tab stop; the arrow keys move along the row) that opens the day's detail with links to
/// its incidents; the window's percentage under the row.
#[component]
pub fn UptimeBars(props: &UptimeBarsProps) -> Html {
    let UptimeBarsProps {
        window,
        document,
        locale,
    } = props;
    let s = &locale.strings.page;
    let f = &locale.formatter;
    let days = &window.days;
    let list = use_node_ref();
    let (current, onkeydown, select) =
        use_roving_focus(list.clone(), days.len(), locale.strings.rtl);
    let open = use_state_eq(|| None::<usize>);
    let component = &document.components[window.component];
    let detail_id = format!("sw-uptime-{}", fragment(&component.id));
    let percent = match window.percent {
        Some(p) => s.uptime.replace("{n}", &f.percent(p)),
        None => s.no_data.to_owned(),
    };
    // Each day's words, worked out once per window and language, not on every tap or focus.
    let labels = use_memo(
        (Same(window.clone()), Same(document.clone()), locale.clone()),
        |(window, document, locale)| {
            let label = |day: &UptimeDay| day_label(day, &document.0, locale);
            window.0.days.iter().map(label).collect::<Vec<String>>()
        },
    );
    let cells = days.iter().enumerate().map(|(i, day)| {
        let onclick = {
            let (open, select) = (open.clone(), select.clone());
            move |_| {
                select.emit(i);
                open.set(if *open == Some(i) { None } else { Some(i) });
            }
        };
        let onfocus = {
            let select = select.clone();
            move |_| select.emit(i)
        };
        let expanded = *open == Some(i);
        html! {
            <li class={classes!("uptime-day", format!("day-{}", day.state.name()))}>
                <button type="button" tabindex={if i == current { "0" } else { "-1" }}
                    aria-label={labels[i].clone()} aria-expanded={expanded.to_string()}
                    aria-controls={detail_id.clone()} {onclick} {onfocus}></button>
            </li>
        }
    });
    let oldest = f.count(&s.days_ago, days.len());
    let narrow_oldest = f.count(&s.days_ago, days.len().min(NARROW_DAYS));
    let name = format!("{}: {percent}", component.name);
    html! {
        <div class="uptime" part="uptime">
            <ol class="uptime-days" ref={list} aria-label={name} {onkeydown}>{ for cells }</ol>
            <div class="uptime-axis" aria-hidden="true">
                <span class="axis-oldest">{ oldest }</span>
                <span class="axis-oldest-narrow">{ narrow_oldest }</span>
                <span class="uptime-percent">{ &percent }</span>
                <span class="axis-today">{ s.today }</span>
            </div>
            <div class="uptime-detail" id={detail_id.clone()} hidden={open.is_none()}>
                if let Some(day) = open.and_then(|i| days.get(i)) {
                    { day_detail(day, document, locale) }
                }
            </div>
        </div>
    }
}

/// How many of the newest days a narrow page shows (`page.css` hides the others).
const NARROW_DAYS: usize = 30;

/// A day in words, for screen readers: "Tuesday, 5 November 2024: Major outage, 3 hours,
/// 18 minutes: Incident related to new logins".
fn day_label(day: &UptimeDay, document: &StatusDocument, locale: &Locale) -> String {
    let mut words = format!(
        "{}: {}",
        locale.formatter.written_day(day.date),
        state_text(day, locale)
    );
    let titles: Vec<&str> = incident_titles(day, document)
        .map(|(_, title)| title)
        .chain(maintenance_titles(day, document))
        .collect();
    if !titles.is_empty() {
        words.push_str(": ");
        words.push_str(&titles.join("; "));
    }
    words
}

/// What a day was, in words: "No data", "No downtime", or its worst state and how long it lasted.
fn state_text(day: &UptimeDay, locale: &Locale) -> String {
    let s = &locale.strings.page;
    match day.state {
        DayState::NoData => s.no_data.to_owned(),
        DayState::Operational => s.no_downtime.to_owned(),
        state => format!(
            "{}, {}",
            state_words(state, locale),
            locale.formatter.duration(day.worst_ms())
        ),
    }
}

fn state_words(state: DayState, locale: &Locale) -> &'static str {
    use crate::model::ComponentStatus;
    let page = &locale.strings.page;
    match state {
        DayState::NoData => page.no_data,
        DayState::Operational => page.component_status(ComponentStatus::Operational),
        DayState::Maintenance => page.component_status(ComponentStatus::UnderMaintenance),
        DayState::Degraded => page.component_status(ComponentStatus::DegradedPerformance),
        DayState::PartialOutage => page.component_status(ComponentStatus::PartialOutage),
        DayState::MajorOutage => page.component_status(ComponentStatus::MajorOutage),
    }
}

/// The day's incidents, with their ids, in the file's order.
fn incident_titles<'a>(
    day: &'a UptimeDay,
    document: &'a StatusDocument,
) -> impl Iterator<Item = (&'a str, &'a str)> {
    day.incidents
        .iter()
        .filter_map(|&i| document.incidents.get(i))
        .map(|i| (i.id.as_str(), i.title.as_str()))
}

/// The titles of the day's maintenance.
fn maintenance_titles<'a>(
    day: &'a UptimeDay,
    document: &'a StatusDocument,
) -> impl Iterator<Item = &'a str> {
    day.maintenances
        .iter()
        .filter_map(|&m| document.maintenances.get(m))
        .map(|m| m.title.as_str())
}

/// The opened day: its date, state and how long, and links to its incidents' permalinks.
fn day_detail(day: &UptimeDay, document: &StatusDocument, locale: &Locale) -> Html {
    let incidents = incident_titles(day, document).map(|(id, title)| {
        html! { <li><a href={format!("#{}", fragment(id))} dir="auto">{ title }</a></li> }
    });
    let maintenances =
        maintenance_titles(day, document).map(|title| html! { <li dir="auto">{ title }</li> });
    html! {
        <>
            <p class="uptime-detail-day">
                <strong>{ locale.formatter.written_day(day.date) }</strong>{ ": " }{ state_text(day, locale) }
            </p>
            if !day.incidents.is_empty() || !day.maintenances.is_empty() {
                <ul class="uptime-detail-items">{ for incidents }{ for maintenances }</ul>
            }
        </>
    }
}
