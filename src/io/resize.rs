//! Watching an element's size with `ResizeObserver` (a rotated phone, a resized window, a
//! narrower column).

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// A running watch; dropping it stops it.
pub struct SizeWatch {
    observer: web_sys::ResizeObserver,
    _callback: Closure<dyn FnMut()>,
}

impl Drop for SizeWatch {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}

/// Calls `on_change` once the element is first laid out and whenever its size changes after;
/// `None` where the browser has no `ResizeObserver`.
pub fn watch_size(
    element: &web_sys::Element,
    on_change: impl FnMut() + 'static,
) -> Option<SizeWatch> {
    let callback: Closure<dyn FnMut()> = Closure::new(on_change);
    let observer = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()).ok()?;
    observer.observe(element);
    Some(SizeWatch {
        observer,
        _callback: callback,
    })
}
