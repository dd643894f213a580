use super::{Banner, Indicator, StatusPage};
use crate::config::{Mode, Theme, WidgetConfig};
use crate::hooks::{use_dismissals, use_now, use_prefers_dark, use_status};
use crate::i18n::strings_for;
use crate::io::intl::TimeFormatter;
use crate::io::poller::StatusSource;
use crate::view::{derive, StatusEvent};
use std::rc::Rc;
use yew::prelude::*;

/// Properties of the widget's root component.
#[derive(Properties, PartialEq)]
pub struct StatusWidgetProps {
    /// From the element's attributes.
    pub config: Rc<WidgetConfig>,
    /// The language to speak (resolved from `lang`, the page and the browser).
    pub lang: AttrValue,
    /// Hears what the widget shows whenever that changes, a new report of the file arrives or
    /// time alone changes it (the embed turns these into DOM events).
    #[prop_or_default]
    pub on_event: Callback<StatusEvent>,
}

/// The title that makes a `fault-injection` build panic while it reports the status (see
/// Cargo.toml).
#[cfg(feature = "fault-injection")]
pub const PANIC_TITLE: &str = "status-widget: panic here";

/// The whole widget: reads the status and shows it as a banner or an indicator.
#[component]
pub fn StatusWidget(props: &StatusWidgetProps) -> Html {
    let prefers_dark = use_prefers_dark();
    let dark = match props.config.theme {
        Theme::Dark => true,
        Theme::Light => false,
        Theme::Auto => prefers_dark,
    };
    html! {
        <div class={classes!("theme", dark.then_some("dark"))}>
            <WidgetContent config={props.config.clone()} lang={props.lang.clone()}
                on_event={props.on_event.clone()} />
        </div>
    }
}

/// What the widget shows inside its colour scheme.
#[component]
fn WidgetContent(props: &StatusWidgetProps) -> Html {
    let config = &props.config;
    let source = StatusSource {
        sources: config.sources.clone(),
        format: config.format,
        poll_seconds: config.poll_seconds,
    };
    let (state, revision) = use_status(source);
    let now = use_now(30_000);
    let (dismissed, on_dismiss) = use_dismissals();
    let formatter = use_memo(props.lang.clone(), |lang| TimeFormatter::new(lang));
    // The one derivation every part reads (see crate::view).
    let view = use_memo(
        (state.current.clone(), config.view_settings(), now),
        |(current, settings, now)| {
            current
                .as_ref()
                .map(|c| Rc::new(derive(&c.document, settings, *now)))
        },
    );
    let status_page = view
        .as_ref()
        .as_ref()
        .map_or(config.status_page.clone(), |v| v.status_page.clone())
        .map(AttrValue::from);
    // Dates need Intl, whose first use is slow: the page, or a banner with something to show,
    // prepares its formatters in tasks of their own before rendering. A quiet login page never
    // touches Intl at all.
    let full = config.mode == Mode::Page;
    let wants_intl = full
        || (config.mode == Mode::Banner
            && view.as_ref().as_ref().is_some_and(|v| !v.active.is_empty()));
    let cold = wants_intl && !formatter.is_warm(full);
    let rerender = use_force_update();
    {
        // Keyed by the formatter too: a language change during a warm-up must warm the new one.
        use_effect_with(
            (cold, full, formatter.clone()),
            move |(cold, full, formatter)| {
                if *cold {
                    let (full, formatter) = (*full, formatter.clone());
                    wasm_bindgen_futures::spawn_local(async move {
                        formatter.warm_up(full).await;
                        rerender.force_update();
                    });
                }
            },
        );
    }
    // The events say what is on screen: fired after the render, once per new report and once
    // per change that the attributes or the passing of time alone make.
    let event = match (&state.failure, &state.current, view.as_ref()) {
        (Some(failure), _, _) => Some(StatusEvent::Error {
            kind: failure.kind,
            message: failure.message.clone(),
        }),
        (None, Some(current), Some(view)) => Some(StatusEvent::update(view, &current.url)),
        _ => None,
    };
    #[cfg(feature = "fault-injection")]
    let poisoned = state
        .current
        .as_ref()
        .is_some_and(|c| c.document.incidents.iter().any(|i| i.title == PANIC_TITLE));
    {
        // A new report changes the revision; between reports only what the attributes and the
        // clock change can change: the level, the count and staleness.
        let changes = view
            .as_ref()
            .as_ref()
            .map(|v| (v.level, v.active.len(), v.stale));
        let on_event = props.on_event.clone();
        use_effect_with((revision, changes), move |_| {
            #[cfg(feature = "fault-injection")]
            assert!(!poisoned, "fault injection: a panic inside the wasm");
            if let Some(event) = event {
                on_event.emit(event);
            }
        });
    }
    let strings = strings_for(&props.lang);

    let Some(view) = view.as_ref().clone() else {
        // Nothing read yet: the banner stays empty; the indicator and the page say so once
        // reading failed.
        return match (config.mode, &state.failure) {
            (Mode::Indicator | Mode::Page, Some(_)) => html! {
                <Indicator level={None} stale={false} {strings} {status_page} />
            },
            _ => html! {},
        };
    };
    if cold {
        return html! {};
    }
    match config.mode {
        Mode::Indicator => html! {
            <Indicator level={Some(view.level)} stale={view.stale} {strings} {status_page} />
        },
        Mode::Page => html! {
            <StatusPage {view} {strings} {formatter} />
        },
        Mode::Banner => html! {
            <Banner {view} {dismissed} {on_dismiss} {strings} {formatter} />
        },
    }
}
