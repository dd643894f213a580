//! Functions the wasm module exports to JavaScript for people who render the status themselves
//! or want to check a file: both take a document as JSON text or as an object, and never throw.

use super::document::load_js;
use crate::model::{Format, Timestamp};
use crate::view::{derive, ReadReport, ViewReport, ViewSettings};
use serde::Serialize;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Checks a status document (JSON text or an object) the way the widget reads it, and returns
/// `{ ok, format, error, problems: [{ severity, path, line, column, message }] }`.
/// `format` is `"auto"` (the default), `"native"`, `"statuspage"` or `"instatus"`.
#[wasm_bindgen(js_name = checkStatus)]
pub fn check_status(document: JsValue, format: Option<String>) -> JsValue {
    let format = format
        .as_deref()
        .and_then(Format::from_name)
        .unwrap_or_default();
    to_js(&ReadReport::of(&load_js(&document, format)))
}

/// Reads `now` as a `Date`, milliseconds or RFC 3339 text; anything else means the current time.
fn instant(now: &JsValue) -> Timestamp {
    let ms = if let Some(ms) = now.as_f64() {
        Some(ms)
    } else if let Some(text) = now.as_string() {
        Timestamp::parse_rfc3339(&text)
            .ok()
            .map(|t| t.unix_millis() as f64)
    } else if now.is_instance_of::<js_sys::Date>() {
        Some(js_sys::Date::from(now.clone()).get_time())
    } else {
        None
    }
    .filter(|ms| ms.is_finite());
    Timestamp::from_unix_millis(ms.unwrap_or_else(js_sys::Date::now) as i64)
}

/// Derives what the widget would show from a status document (JSON text or an object) at
/// `now` (a `Date`, milliseconds or RFC 3339 text; the current time when absent):
/// `{ ok, format, error, problems, now, level, stale, serviceName, statusPage, updatedAt,
///    active: [item], upcoming: [item], history: [item] }`, where an item is
/// `{ kind, id, title, impact, status, level, text, startedAt, updatedAt, endsAt, resolvedAt,
///    components, url }`: the items, texts, times and links the banner and the page show (`url`
/// is where the widget links the item to). A document that cannot be read gives `ok: false`
/// with `error` set and empty lists.
#[wasm_bindgen(js_name = deriveStatus)]
pub fn derive_status(document: JsValue, now: JsValue) -> JsValue {
    let now = instant(&now);
    let result = load_js(&document, Format::Auto);
    let read = ReadReport::of(&result);
    let report = match result {
        Ok(loaded) => {
            let doc = Rc::new(loaded.document);
            ViewReport::of(read, &derive(&doc, &ViewSettings::default(), now))
        }
        Err(_) => ViewReport::unread(read, now),
    };
    to_js(&report)
}

fn to_js(value: &impl Serialize) -> JsValue {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .unwrap_or(JsValue::NULL)
}
