use super::{lang, text_html, word_list, words, Locale};
use crate::hooks::{item_label, use_overflowing};
use crate::i18n::fill;
use crate::model::{DismissalKey, Timestamp};
use crate::view::{ItemKind, ItemView, StatusView};
use std::rc::Rc;
use yew::prelude::*;

/// Properties of [`BannerItem`]. Compared by the view's pointer: a view is never changed once
/// derived, so the same `Rc` is the same item (no deep comparison of its text on each render).
#[derive(Properties)]
pub struct BannerItemProps {
    /// The view the item belongs to.
    pub view: Rc<StatusView>,
    /// Which of its active items to show.
    pub index: usize,
    /// Dismisses it.
    pub on_dismiss: Callback<DismissalKey>,
    /// The widget's words and time formatter.
    pub locale: Locale,
    /// A narrow banner: the line of facts leaves out the start when an update time follows.
    #[prop_or_default]
    pub narrow: bool,
    /// Keep the "Show more" button's place even while the text needs none (invisible), so that
    /// its coming moves nothing: for a banner over the page, whose layout shifts count against
    /// the page.
    #[prop_or_default]
    pub reserve_more: bool,
}

impl PartialEq for BannerItemProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.view, &other.view)
            && self.index == other.index
            && self.on_dismiss == other.on_dismiss
            && self.locale == other.locale
            && self.narrow == other.narrow
            && self.reserve_more == other.reserve_more
    }
}

/// One incident, maintenance or notice in the banner, with its dismiss button. Its text is
/// clamped to a few lines (README, "Small screens"); when it holds more, a "Show more" button
/// opens it.
#[component]
pub fn BannerItem(props: &BannerItemProps) -> Html {
    let item = &props.view.active[props.index];
    let now = &props.view.now;
    let s = props.locale.strings;
    let expanded = use_state_eq(|| false);
    let text_box = use_node_ref();
    let clamped = use_overflowing(text_box.clone(), !*expanded);
    let toggle = {
        let expanded = expanded.clone();
        Callback::from(move |_: MouseEvent| expanded.set(!*expanded))
    };
    let label = item_label(item.kind, s);
    let meta = item_meta(item, *now, &props.locale, props.narrow);
    let dismiss = {
        let key = item.key.clone();
        props.on_dismiss.reform(move |_: MouseEvent| key.clone())
    };
    let class = item.kind.class();
    html! {
        <li class={classes!("item", class)} part={format!("item {class}")}>
            <span class="mark" aria-hidden="true"></span>
            <div class="body">
                <p class="title">
                    if !label.is_empty() { <span class="label">{ label }</span> }
                    <strong lang={lang(&item.title)} dir={item.title.dir()}>{ &item.title.plain }</strong>
                </p>
                if let Some(text) = &item.text {
                    <div ref={text_box} class={classes!("clamp", expanded.then_some("open"),
                        (clamped && !*expanded).then_some("clamped"))}>
                        { text_html(text, "text") }
                    </div>
                    if clamped || *expanded || props.reserve_more {
                        <button type="button" class={classes!("more-text", (!(clamped || *expanded)).then_some("unneeded"))}
                            part="more" aria-expanded={expanded.to_string()} onclick={toggle}>
                            { if *expanded { s.show_less } else { s.show_more } }
                            <span class="vh">{ ": " }{ words(&item.title) }</span>
                        </button>
                    }
                }
                if !meta.is_empty() {
                    <p class="meta">
                        { for meta.into_iter().enumerate().map(|(i, m)| html! {
                            <>{ if i > 0 { " · " } else { "" } }{ m }</>
                        }) }
                    </p>
                }
            </div>
            <button type="button" class="dismiss" part="dismiss"
                aria-label={fill(s.dismiss, 0, &item.title)} title={fill(s.dismiss, 0, &item.title)}
                onclick={dismiss}>
                <span aria-hidden="true">{ "×" }</span>
            </button>
        </li>
    }
}

/// The item's line of facts: when it started (or starts) and ends, when it was updated, what it
/// affects, and the link, which ends the same line (one line less pushes the login form down
/// less). In a `narrow` banner an incident's start is left out when its last update's time
/// follows (the details page has it).
fn item_meta(item: &ItemView, now: Timestamp, locale: &Locale, narrow: bool) -> Vec<Html> {
    let Locale {
        strings: s,
        formatter,
    } = locale;
    let time = |prefix: &str, t: Timestamp, relative: bool| {
        let absolute = formatter.absolute(t);
        // The absolute time goes in brackets after a relative one; small screens leave the
        // brackets out (the relative time says enough there).
        let shown = if relative {
            html! { <>{ formatter.relative(t, now) }<span class="abs">{ format!(" ({absolute})") }</span></> }
        } else {
            html! { { absolute.clone() } }
        };
        html! {
            <span class="when">
                { prefix }{ " " }<time datetime={t.to_rfc3339()} title={absolute}>{ shown }</time>
            </span>
        }
    };
    let maintenance = matches!(
        item.kind,
        ItemKind::MaintenancePlanned | ItemKind::MaintenanceNow
    );
    let mut meta: Vec<Html> = Vec::new();
    let updated = item.updated_at.filter(|u| Some(*u) != item.started_at);
    if let Some(t) = item
        .started_at
        .filter(|_| maintenance || !narrow || updated.is_none())
    {
        meta.push(time(
            if maintenance { s.starts } else { s.started },
            t,
            true,
        ));
    }
    if let Some(t) = item.ends_at {
        meta.push(time(s.ends, t, false));
    }
    if let Some(t) = updated {
        meta.push(time(s.updated, t, true));
    }
    if !item.components.is_empty() {
        meta.push(html! { <span class="affects">{ s.affects }{ ": " }{ word_list(&item.components) }</span> });
    }
    if let Some(href) = &item.link {
        meta.push(html! { <a class="link" part="link" href={href.clone()}>{ s.details }</a> });
    }
    meta
}
