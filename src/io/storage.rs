//! Where dismissals are remembered: `localStorage` when the browser allows it, else memory for
//! the life of the page (Safari and privacy settings may block storage, which must not matter).
//! The only key the widget ever writes is [`STORAGE_KEY`].

use std::cell::RefCell;

/// The single `localStorage` key the widget uses.
pub const STORAGE_KEY: &str = "status-widget:dismissed";
/// How many dismissals are kept; older ones are forgotten first.
pub const MAX_DISMISSALS: usize = 100;

thread_local! {
    static MEMORY: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
}

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

fn read_stored() -> Vec<String> {
    let Some(text) = local_storage().and_then(|s| s.get_item(STORAGE_KEY).ok().flatten()) else {
        return Vec::new();
    };
    match js_sys::JSON::parse(&text) {
        Ok(value) if js_sys::Array::is_array(&value) => js_sys::Array::from(&value)
            .iter()
            .filter_map(|v| v.as_string())
            .collect(),
        _ => Vec::new(),
    }
}

/// Every remembered dismissal, stored or in memory.
pub fn dismissals() -> Vec<String> {
    let mut all = read_stored();
    MEMORY.with(|m| {
        for key in m.borrow().iter() {
            if !all.contains(key) {
                all.push(key.clone());
            }
        }
    });
    all
}

/// Remembers a dismissal; storage failures (blocked, full) fall back to memory silently.
pub fn remember(key: String) {
    MEMORY.with(|m| m.borrow_mut().push(key.clone()));
    let mut all = read_stored();
    all.retain(|k| *k != key);
    all.push(key);
    let skip = all.len().saturating_sub(MAX_DISMISSALS);
    let array: js_sys::Array = all
        .iter()
        .skip(skip)
        .map(|k| wasm_bindgen::JsValue::from_str(k))
        .collect();
    if let (Some(storage), Ok(text)) = (local_storage(), js_sys::JSON::stringify(&array)) {
        let _ = storage.set_item(STORAGE_KEY, &String::from(text));
    }
}
