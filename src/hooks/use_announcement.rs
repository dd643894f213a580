use crate::i18n::Strings;
use crate::model::Text;
use crate::view::{ItemKind, StatusView};
use std::collections::HashSet;
use std::rc::Rc;
use yew::prelude::*;

/// What the banner's live regions say: new items and new updates, urgent ones (major and
/// critical incidents) apart, so that a screen reader interrupts only for those. Each is a run
/// of words: the widget's own, and the file's, each with its language.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Announcement {
    /// For `role="status"`: polite.
    pub polite: Vec<Text>,
    /// For `role="alert"`: assertive.
    pub urgent: Vec<Text>,
}

/// The text of the banner's live regions for `view`: each item at each revision is announced
/// once, when it first appears (a new incident, a new update of one, a worse impact, the file
/// going stale); re-renders, the clock and dismissals announce nothing. The regions themselves
/// are rendered from mount, empty, so that the first announcement is a change a screen reader
/// reads.
///
/// # Example
/// ```ignore
/// let announcement = use_announcement(view.as_deref(), locale.strings);
/// html! { <p role="status">{ &announcement.polite }</p> }
/// ```
#[hook]
pub fn use_announcement(view: Option<&StatusView>, strings: &'static Strings) -> Rc<Announcement> {
    let seen = use_mut_ref(HashSet::<(String, String)>::new);
    // What could be announced now: (item, revision, urgent, words), in display order.
    let now: Vec<(String, String, bool, Vec<Text>)> = match view {
        None => Vec::new(),
        Some(view) if view.overall.is_unknown() => vec![(
            "stale".into(),
            String::new(),
            false,
            vec![Text::plain(format!(
                "{} {}",
                strings.status_unknown, strings.status_outdated
            ))],
        )],
        Some(view) => view
            .active
            .iter()
            .map(|item| {
                let label = item_label(item.kind, strings);
                let mut words = Vec::with_capacity(4);
                if !label.is_empty() {
                    words.push(Text::plain(format!("{label}: ")));
                }
                words.push(item.title.clone());
                if let Some(text) = &item.text {
                    words.push(Text::plain(". "));
                    words.push(text.clone());
                }
                (
                    item.key.item.clone(),
                    item.key.revision.clone(),
                    item.kind.is_urgent(),
                    words,
                )
            })
            .collect(),
    };
    use_memo(now, move |now| {
        let mut seen = seen.borrow_mut();
        let mut announcement = Announcement::default();
        for (item, revision, urgent, words) in now {
            if seen.insert((item.clone(), revision.clone())) {
                let region = if *urgent {
                    &mut announcement.urgent
                } else {
                    &mut announcement.polite
                };
                if !region.is_empty() {
                    region.push(Text::plain(" "));
                }
                region.extend(words.iter().cloned());
            }
        }
        announcement
    })
}

/// An item's kind in words: "Major incident · Identified", "Maintenance in progress"; empty for
/// a notice. The banner shows the same label.
pub fn item_label(kind: ItemKind, s: &Strings) -> String {
    match kind {
        ItemKind::Incident(impact, status) => {
            format!("{} · {}", s.impact(impact), s.status(status))
        }
        ItemKind::MaintenanceNow => s.maintenance_now.to_owned(),
        ItemKind::MaintenancePlanned => s.maintenance_planned.to_owned(),
        ItemKind::Notice(_) => String::new(),
    }
}
