//! Page visibility and connectivity: polling pauses while the page is hidden and refreshes when
//! it becomes visible again or the browser comes back online.

use gloo_events::EventListener;

/// Whether the page is hidden (a background tab, a locked phone).
pub fn is_hidden() -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .is_some_and(|d| d.hidden())
}

/// The event the element's `refresh()` fires at it: read the file again now.
pub const REFRESH_EVENT: &str = "status-widget-refresh";

/// Calls `on_wake` when the page becomes visible, the browser comes online, or `element` (the
/// widget's own) hears [`REFRESH_EVENT`]. The listeners are removed when the returned value is
/// dropped.
pub fn on_wake(
    element: Option<&web_sys::EventTarget>,
    on_wake: impl Fn() + Clone + 'static,
) -> Vec<EventListener> {
    let mut listeners = Vec::new();
    if let Some(element) = element {
        let wake = on_wake.clone();
        listeners.push(EventListener::new(element, REFRESH_EVENT, move |_| wake()));
    }
    if let Some(window) = web_sys::window() {
        if let Some(document) = window.document() {
            let wake = on_wake.clone();
            listeners.push(EventListener::new(
                &document,
                "visibilitychange",
                move |_| {
                    if !is_hidden() {
                        wake();
                    }
                },
            ));
        }
        listeners.push(EventListener::new(&window, "online", move |_| on_wake()));
    }
    listeners
}
