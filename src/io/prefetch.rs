//! The status reads the loader (`src/embed/status-widget.js`) starts as soon as it runs, before
//! the wasm has arrived, with exactly the widget's request options. The loader hands each one
//! over ([`offer`]) before it defines the element; a widget's first read of a URL takes the
//! answer from here instead of asking the network again. Later reads (polls, retries) always
//! fetch.

use super::fetch::{text_of, FetchError};
use js_sys::{Promise, Reflect};
use std::cell::RefCell;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// An answer older than this is not used: the widget reads the file again instead.
pub const MAX_AGE_MS: f64 = 30_000.0;

thread_local! {
    /// The loader's reads with the `src` URL they were made for (as written in the attribute):
    /// one per distinct URL on the page, so a list (no hashing code in the wasm).
    static OFFERED: RefCell<Vec<(String, Promise)>> = const { RefCell::new(Vec::new()) };
}

/// Keeps the loader's read of `url`: `answer` resolves to `{ status, url, body, receivedAt }`,
/// `body` an `ArrayBuffer` (`status` 0 when there was no response, -1 when the loader's timeout
/// ended it).
pub fn offer(url: String, answer: Promise) {
    OFFERED.with(|offered| {
        let mut offered = offered.borrow_mut();
        offered.retain(|(u, _)| *u != url);
        offered.push((url, answer));
    });
}

/// The loader's read of `url`, if it made one: `None` when it did not, or when its answer is
/// more than [`MAX_AGE_MS`] old (the caller then fetches).
pub async fn take(url: &str) -> Option<Result<(String, String), FetchError>> {
    let answer = OFFERED.with(|offered| {
        let offered = offered.borrow();
        offered
            .iter()
            .find(|(u, _)| u == url)
            .map(|(_, a)| a.clone())
    })?;
    let answer = JsFuture::from(answer).await.ok()?;
    let field = |key: &str| Reflect::get(&answer, &JsValue::from_str(key)).ok();
    let number = |key: &str| field(key).and_then(|v| v.as_f64());
    let received = number("receivedAt")?;
    if js_sys::Date::now() - received > MAX_AGE_MS {
        return None;
    }
    Some(match number("status")? {
        s if s < 0.0 => Err(FetchError::Timeout),
        0.0 => Err(FetchError::Network),
        s if !(200.0..300.0).contains(&s) => Err(FetchError::Http(s as u16)),
        _ => {
            let body = field("body").filter(|b| b.is_instance_of::<js_sys::ArrayBuffer>())?;
            let text = text_of(js_sys::Uint8Array::new(&body).to_vec());
            Ok((field("url")?.as_string()?, text))
        }
    })
}
