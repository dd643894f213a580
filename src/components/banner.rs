use super::{contact_line, lang, page_content, BannerItem, Locale};
use crate::config::Placement;
use crate::hooks::{
    use_focus_after_dismiss, use_media_query, use_narrow, Announcement, SMALL_SCREEN,
};
use crate::i18n::fill;
use crate::model::{DismissalKey, Text};
use crate::view::{ItemView, StatusView};
use std::rc::Rc;
use yew::prelude::*;

/// How many items show before the rest collapse into "and N more".
pub const VISIBLE_ITEMS: usize = 2;
/// The same on a small screen ([`SMALL_SCREEN`]), where two items would push the login form
/// out of view.
pub const VISIBLE_ITEMS_SMALL: usize = 1;
/// Below this width (CSS pixels) the banner takes its compact layout (class `narrow`): a phone,
/// or the narrow card of a desktop login page.
pub const NARROW_BELOW_PX: f64 = 480.0;
/// The same width as a media query, for a bar across the viewport.
const NARROW_VIEWPORT: &str = "(max-width: 479.98px)";

/// Properties of [`Banner`], compared by the view's pointer (as [`super::BannerItem`]'s are).
#[derive(Properties)]
pub struct BannerProps {
    /// What the widget shows: the active items in display order, staleness, the status page and
    /// the contacts.
    pub view: Rc<StatusView>,
    /// What the reader dismissed.
    pub dismissed: Rc<Vec<DismissalKey>>,
    /// Dismisses an item.
    pub on_dismiss: Callback<DismissalKey>,
    /// The widget's words and time formatter.
    pub locale: Locale,
    /// In the page's flow, or over it (a bar at the top, a card in the corner).
    #[prop_or_default]
    pub placement: Placement,
    /// The element the banner is laid out in (the widget's root), whose width decides the
    /// narrow layout from the banner's first frame.
    #[prop_or_default]
    pub container: NodeRef,
}

impl PartialEq for BannerProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.view, &other.view)
            && self.dismissed == other.dismissed
            && self.on_dismiss == other.on_dismiss
            && self.locale == other.locale
            && self.placement == other.placement
            && self.container == other.container
    }
}

/// The login-page banner: when nothing is active (or everything is dismissed), the page's own
/// content of the element ([`page_content`]) instead. Placed over the page (`top`, `toast`), it
/// leaves that content in the flow, so that its coming and going moves nothing on the page. It is
/// not a live region itself: the widget's [`live_regions`] announce what is new.
#[component]
pub fn Banner(props: &BannerProps) -> Html {
    let expanded = use_state(|| false);
    let unknown_dismissed = use_state_eq(|| false);
    let section = use_node_ref();
    // Over the page the banner's width is not its container's: a bar is as wide as the viewport,
    // a card always narrow.
    let column = use_narrow(props.container.clone(), section.clone(), NARROW_BELOW_PX);
    let narrow_viewport = use_media_query(NARROW_VIEWPORT);
    let narrow = match props.placement {
        Placement::Inline => column,
        Placement::Top => narrow_viewport,
        Placement::Toast => true,
    };
    let on_dismiss = use_focus_after_dismiss(section.clone(), props.on_dismiss.clone());
    let overlay = props.placement != Placement::Inline;
    // Over the page, one item at a time: the less it covers, the better.
    let limit = if use_media_query(SMALL_SCREEN) || overlay {
        VISIBLE_ITEMS_SMALL
    } else {
        VISIBLE_ITEMS
    };
    let s = props.locale.strings;
    let view = &props.view;
    // Indices of the active items not dismissed.
    let visible: Vec<usize> = (0..view.active.len())
        .filter(|&i| !props.dismissed.iter().any(|d| d.hides(&view.active[i].key)))
        .collect();
    let content = if view.overall.is_unknown() {
        // Over the page, the note can be put away for this visit; in the flow it stays.
        let dismiss = overlay.then(|| {
            let dismissed = unknown_dismissed.clone();
            html! {
                <button type="button" class="dismiss" part="dismiss"
                    aria-label={fill(s.dismiss, 0, s.status_unknown)} title={fill(s.dismiss, 0, s.status_unknown)}
                    onclick={Callback::from(move |_: MouseEvent| dismissed.set(true))}>
                    <span aria-hidden="true">{ "×" }</span>
                </button>
            }
        });
        let status_link = view.status_page.as_ref().map(|href| {
            html! { <a class="link" part="link" href={href.clone()}>{ s.status_page }</a> }
        });
        (!*unknown_dismissed).then(|| {
            html! {
                <p class="unknown" part="unknown">
                    <span><strong>{ s.status_unknown }</strong>{ " " }{ s.status_outdated }{ " " }
                    { status_link }</span>
                    { dismiss }
                </p>
            }
        })
    } else if visible.is_empty() {
        None
    } else {
        let hidden = visible.len().saturating_sub(limit);
        let shown = if *expanded { visible.len() } else { limit };
        let toggle = {
            let expanded = expanded.clone();
            Callback::from(move |_: MouseEvent| expanded.set(!*expanded))
        };
        Some(html! {
            <>
                <ul class="items">
                    { for visible.iter().take(shown).enumerate().map(|(i, &index)| html! {
                        <BannerItem key={list_key(&view.active, &visible, i)} view={view.clone()}
                            {index} on_dismiss={on_dismiss.clone()}
                            locale={props.locale.clone()} {narrow} reserve_more={overlay} />
                    }) }
                </ul>
                if hidden > 0 {
                    <button type="button" class="more" part="more" aria-expanded={expanded.to_string()}
                        onclick={toggle}>
                        { if *expanded { s.show_fewer.to_owned() } else { props.locale.formatter.count(&s.and_more, hidden) } }
                    </button>
                }
                { contact_line(&view.document.service.contact, s) }
            </>
        })
    };
    let Some(content) = content else {
        return page_content();
    };
    let banner = html! {
        <section ref={section} class={classes!("banner", narrow.then_some("narrow"))} part="banner"
            aria-label={s.region}>
            { content }
        </section>
    };
    if overlay {
        html! { <>{ banner }{ page_content() }</> }
    } else {
        banner
    }
}

/// The banner's two live regions, rendered from mount and kept (visually hidden, taking no
/// space): what is new is put into them, so a screen reader announces it once; urgent items
/// (major and critical incidents) in the assertive one.
pub fn live_regions(announcement: &Announcement) -> Html {
    html! {
        <div class="announce">
            <p role="status">{ said(&announcement.polite) }</p>
            <p role="alert">{ said(&announcement.urgent) }</p>
        </div>
    }
}

/// Words of an announcement: the widget's own as they are, the file's in a `<span>` with their
/// language, so that a screen reader pronounces each in its own.
fn said(words: &[Text]) -> Html {
    words
        .iter()
        .map(|w| match &w.lang {
            None => html! { { &w.plain } },
            Some(_) => html! { <span lang={lang(w)}>{ &w.plain }</span> },
        })
        .collect()
}

/// A key for the `i`th visible item (`visible` holds indices into `items`) that stays with the
/// item when others are dismissed, and stays unique when a status file repeats an id (the reader
/// warns about that, but it must still render).
fn list_key(items: &[ItemView], visible: &[usize], i: usize) -> String {
    let id = &items[visible[i]].key.item;
    let earlier = visible[..i]
        .iter()
        .filter(|&&other| items[other].key.item == *id)
        .count();
    format!("{id}#{earlier}")
}
