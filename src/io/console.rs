//! Warnings for site owners in the browser console, each distinct message once per page.

use std::cell::RefCell;
use std::collections::HashSet;

thread_local! {
    static SAID: RefCell<HashSet<String>> = RefCell::new(HashSet::new());
}

/// Writes `message` with `console.warn`, unless the same message was written before.
pub fn warn_once(message: String) {
    let new = SAID.with(|said| said.borrow_mut().insert(message.clone()));
    if new {
        web_sys::console::warn_1(&format!("status-widget: {message}").into());
    }
}
