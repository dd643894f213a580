use super::Same;
use crate::io::local_days::BrowserDays;
use crate::view::{ComponentUptime, StatusView};
use std::rc::Rc;
use yew::prelude::*;

/// Each component's uptime window for the page's bars, from the view, by the reader's local days.
/// Counted in a task of its own after the page has rendered (a long history's page and its bars
/// are two tasks, neither holding the main thread long), and again when the view changes; until
/// the first count is there it is empty, and after that the last one stays until the next.
#[hook]
pub fn use_uptime(view: Rc<StatusView>) -> Rc<Vec<Rc<ComponentUptime>>> {
    let windows = use_state(|| Rc::new(Vec::new()));
    {
        let windows = windows.clone();
        use_effect_with(Same(view), move |view| {
            let view = view.clone();
            let task = gloo_timers::callback::Timeout::new(0, move || {
                let counted = view.0.uptime(&BrowserDays);
                windows.set(Rc::new(counted.into_iter().map(Rc::new).collect()));
            });
            move || drop(task)
        });
    }
    (*windows).clone()
}
