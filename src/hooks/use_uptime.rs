use crate::io::local_days::BrowserDays;
use crate::view::{ComponentUptime, StatusView};
use std::rc::Rc;
use yew::prelude::*;

/// Each component's uptime window for the page's bars, from the view, by the reader's local days;
/// worked out again only when the view changes.
#[hook]
pub fn use_uptime(view: Rc<StatusView>) -> Rc<Vec<Rc<ComponentUptime>>> {
    use_memo(view, |view| {
        view.uptime(&BrowserDays).into_iter().map(Rc::new).collect()
    })
}
