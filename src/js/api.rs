//! Functions the wasm module exports to JavaScript for people who render the status themselves
//! or want to check a file: both take a document as JSON text or as an object, and never throw.

use super::document::{load_js, load_js_in};
use crate::config::WidgetConfig;
use crate::formats::Format;
use crate::io::local_days::BrowserDays;
use crate::model::Timestamp;
use crate::view::{derive, ReadReport, ViewReport};
use serde::Serialize;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Checks a status document (JSON text or an object) the way the widget reads it, and returns
/// `{ ok, format, error, problems: [{ severity, path, line, column, message }] }`.
/// `format` is `"auto"` (the default) or a format's name, as the element's `format` attribute
/// takes it (`"native"`, `"statuspage"`, `"instatus"`, `"cstate"`, `"upptime"`, `"statusio"`,
/// `"slack"`, `"heroku"`).
#[wasm_bindgen(js_name = checkStatus)]
pub fn check_status(document: JsValue, format: Option<String>) -> JsValue {
    let format = format
        .as_deref()
        .and_then(Format::from_name)
        .unwrap_or_default();
    to_js(&ReadReport::of(&load_js(&document, format)))
}

/// The settings of an element (its attributes), or of an object keyed by attribute names whose
/// values are text or numbers, read by [`WidgetConfig::from_attributes`] as the element's are;
/// anything else gives the defaults.
fn widget_config(settings: &JsValue) -> WidgetConfig {
    if let Some(element) = settings.dyn_ref::<web_sys::Element>() {
        return WidgetConfig::from_attributes(|name| element.get_attribute(name));
    }
    if !settings.is_object() {
        return WidgetConfig::from_attributes(|_| None);
    }
    WidgetConfig::from_attributes(|name| {
        let value = js_sys::Reflect::get(settings, &name.into()).ok()?;
        value
            .as_string()
            .or_else(|| value.as_f64().map(|n| n.to_string()))
    })
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
/// `now` (a `Date`, milliseconds or RFC 3339 text; the current time when absent), under an
/// element's `settings`: a `<status-widget>` element, or an object of its attribute names
/// (`{ "max-age": 3600, components: "login app", "status-page": "https://…", lang: "de" }`), read
/// exactly as the element reads its attributes (none: the defaults). With a `max-age` the file
/// is older than, `level` is `"unknown"` and `stale` true, as the element says. With a `lang`,
/// texts the file gives in several languages are read in that one (else in the file's
/// `language`). It returns
/// `{ ok, format, error, problems, now, level, stale, serviceName, statusPage, updatedAt,
///    active: [item], upcoming: [item], history: [item], uptime }`, where an item is
/// `{ kind, id, title, titleLang, impact, status, level, text, textLang, startedAt, updatedAt,
///    endsAt, resolvedAt, components, url }`: the items, texts, times and links the banner and
/// the page show (`url` is where the widget links the item to; `titleLang` and `textLang` the
/// language each text is in, when the file says). A document that cannot be read gives
/// `ok: false` with `error` set and empty lists.
#[wasm_bindgen(js_name = deriveStatus)]
pub fn derive_status(document: JsValue, now: JsValue, settings: JsValue) -> JsValue {
    let now = instant(&now);
    let config = widget_config(&settings);
    let settings = config.view_settings();
    let result = load_js_in(
        &document,
        Format::Auto,
        config.lang.as_deref().unwrap_or(""),
    );
    let read = ReadReport::of(&result);
    let report = match result {
        Ok(loaded) => {
            let doc = Rc::new(loaded.document);
            ViewReport::of(read, &derive(&doc, &settings, now), &BrowserDays)
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
