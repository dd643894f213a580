use crate::config::WidgetConfig;
use crate::io::sources::Current;
use crate::model::Timestamp;
use crate::view::{derive, shown_document, StatusView, ViewSettings};
use std::rc::Rc;
use yew::prelude::*;

/// The one derivation every part of the widget reads ([`crate::view::derive`]), memoised: the
/// document as the element shows it is filtered once per report (`revision`) and `components`
/// attribute, not at every tick of the clock (a filter copies the document), and the view is
/// derived again only when the report, the element's settings or `now` change. Keyed by the
/// revision, so a new file is never compared with the old one field by field.
///
/// # Example
/// ```ignore
/// let view = use_status_view(state.current.clone(), revision, &config, now);
/// ```
#[hook]
pub fn use_status_view(
    current: Option<Rc<Current>>,
    revision: u32,
    config: &WidgetConfig,
    now: Timestamp,
) -> Option<Rc<StatusView>> {
    let shown = use_memo(
        (revision, config.components.clone()),
        move |(_, components)| current.map(|c| shown_document(&c.document, components)),
    );
    let shown = (*shown).clone();
    let settings = ViewSettings {
        components: Vec::new(),
        ..config.view_settings()
    };
    let view = use_memo(
        (revision, config.components.clone(), settings, now),
        move |(_, _, settings, now)| shown.map(|doc| Rc::new(derive(&doc, settings, *now))),
    );
    (*view).clone()
}
