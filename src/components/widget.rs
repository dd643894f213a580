#[cfg(feature = "page")]
use super::StatusPage;
use super::{live_regions, page_content, Banner, Indicator, Locale};
use crate::config::{Mode, Placement, Theme, WidgetConfig};
use crate::hooks::{
    use_announcement, use_dismissals, use_intl_ready, use_media_query, use_now, use_status,
    use_status_events, use_status_view, use_strings,
};
use crate::i18n::{is_rtl, ENGLISH};
use crate::io::intl::TimeFormatter;
use crate::io::poller::StatusSource;
use crate::view::StatusEvent;
use std::rc::Rc;
use yew::prelude::*;

/// Properties of the widget's root component.
#[derive(Properties, PartialEq)]
pub struct StatusWidgetProps {
    /// From the element's attributes.
    pub config: Rc<WidgetConfig>,
    /// The language to speak (resolved from `lang`, the page and the browser).
    pub lang: AttrValue,
    /// The language the reader wants the file's texts in: the first given of the element's
    /// `lang`, the page's and the browser's ([`crate::i18n::wanted`]), which may be one the
    /// widget has no words of its own in.
    #[prop_or_default]
    pub wanted: AttrValue,
    /// Hears what the widget shows whenever that changes, a new report of the file arrives or
    /// time alone changes it (the embed turns these into DOM events).
    #[prop_or_default]
    pub on_event: Callback<StatusEvent>,
    /// The element, whose `status-widget-refresh` event (its `refresh()` method) reads the file
    /// again at once.
    #[prop_or_default]
    pub host: Option<web_sys::EventTarget>,
    /// The widget's root element (set by [`StatusWidget`] for what it renders inside it).
    #[prop_or_default]
    pub root: NodeRef,
}

/// The whole widget: reads the status and shows it as a banner or an indicator.
#[component]
pub fn StatusWidget(props: &StatusWidgetProps) -> Html {
    let prefers_dark = use_media_query("(prefers-color-scheme: dark)");
    let dark = match props.config.theme {
        Theme::Dark => true,
        Theme::Light => false,
        Theme::Auto => prefers_dark,
    };
    // Only a banner leaves the flow; the indicator and the page stay where they are.
    let placement = match props.config.mode {
        Mode::Banner => props.config.placement,
        Mode::Indicator | Mode::Page => Placement::Inline,
    };
    // The widget's language and its direction on its root: a screen reader pronounces it as
    // written, and Arabic and Hebrew mirror, whatever the page around it speaks.
    let dir = if is_rtl(&props.lang) { "rtl" } else { "ltr" };
    let root = use_node_ref();
    html! {
        <div ref={root.clone()} class={classes!("theme", dark.then_some("dark"), placement.class())}
            lang={props.lang.clone()} {dir}>
            <WidgetContent config={props.config.clone()} lang={props.lang.clone()}
                wanted={props.wanted.clone()}
                on_event={props.on_event.clone()} host={props.host.clone()} {root} />
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
        refresh_on: props.host.clone(),
        public_key: config.public_key.clone(),
        link_origins: config.link_origins.clone(),
    };
    let (state, revision) = use_status(source, &props.wanted);
    let now = use_now(30_000);
    let (dismissed, on_dismiss) = use_dismissals();
    let view = use_status_view(state.current.clone(), revision, config, now);
    use_status_events(&state, revision, view.as_deref(), props.on_event.clone());
    // Words are needed by the page and the indicator, and by a banner with something to show
    // (items, or "Status unknown" for a file older than max-age): a quiet login page does not
    // load its language's chunk.
    let full = config.mode == Mode::Page;
    let has_words = config.mode != Mode::Banner
        || view
            .as_ref()
            .is_some_and(|v| !v.active.is_empty() || v.overall.is_unknown());
    let strings = use_strings(&props.lang, has_words);
    let locale = use_memo(
        (props.lang.clone(), strings.map(|s| s.lang)),
        |(lang, _)| Locale {
            strings: strings.unwrap_or(ENGLISH),
            formatter: Rc::new(TimeFormatter::new(lang)),
        },
    );
    // Until its words are at hand the widget has nothing to say, and nothing to announce.
    let view = view.filter(|_| strings.is_some());
    let announcement = use_announcement(view.as_deref(), locale.strings);
    // Dates are needed by the page, and by a banner with something to show.
    let wants_dates = full
        || (config.mode == Mode::Banner && view.as_ref().is_some_and(|v| !v.active.is_empty()));
    let dates_ready = use_intl_ready(locale.formatter.clone(), wants_dates, full);
    let status_page = view
        .as_ref()
        .map_or(config.status_page.clone(), |v| v.status_page.clone())
        .map(AttrValue::from);
    let locale = (*locale).clone();
    let content = match (view, config.mode) {
        // Nothing read yet: the page's own content of the element shows; the indicator and the
        // page say so once reading failed.
        (None, Mode::Indicator | Mode::Page) if state.failure.is_some() && strings.is_some() => {
            html! {
                <Indicator overall={None} {status_page} {locale} />
            }
        }
        (None, _) => page_content(),
        (Some(_), _) if !dates_ready => page_content(),
        (Some(view), Mode::Indicator) => html! {
            <Indicator overall={Some(view.overall)} {status_page} {locale} />
        },
        #[cfg(feature = "page")]
        (Some(view), Mode::Page) => html! { <StatusPage {view} {locale} /> },
        // The banner build has no page: the loader mounts `mode="page"` with the page build, so
        // this arm is reached only if a page gives the banner build's functions a page anyway.
        #[cfg(not(feature = "page"))]
        (Some(view), Mode::Page) => html! { <Banner {view} {dismissed} {on_dismiss} {locale} /> },
        (Some(view), Mode::Banner) => html! {
            <Banner {view} {dismissed} {on_dismiss} {locale} placement={config.placement}
                container={props.root.clone()} />
        },
    };
    // The banner's live regions exist from mount, empty, whatever is shown (README, "Announcements").
    if config.mode == Mode::Banner {
        html! { <>{ live_regions(&announcement) }{ content }</> }
    } else {
        content
    }
}
