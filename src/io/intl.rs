//! Dates and times in the reader's locale and time zone through `Intl`. A language tag the
//! browser rejects falls back to English, and a browser without `Intl` gets ISO times, so a bad
//! `lang` attribute can never throw.

use crate::model::Timestamp;
use crate::view::relative_parts;
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = Intl, js_name = DateTimeFormat)]
    type JsDateTimeFormat;
    #[wasm_bindgen(catch, constructor, js_namespace = Intl, js_class = "DateTimeFormat")]
    fn new(locale: &str, options: &JsValue) -> Result<JsDateTimeFormat, JsValue>;
    #[wasm_bindgen(method, catch, js_name = format)]
    fn format_ms(this: &JsDateTimeFormat, ms: f64) -> Result<String, JsValue>;

    #[wasm_bindgen(js_namespace = Intl, js_name = RelativeTimeFormat)]
    type JsRelativeTimeFormat;
    #[wasm_bindgen(catch, constructor, js_namespace = Intl, js_class = "RelativeTimeFormat")]
    fn new(locale: &str, options: &JsValue) -> Result<JsRelativeTimeFormat, JsValue>;
    #[wasm_bindgen(method, catch, js_name = format)]
    fn format_relative(
        this: &JsRelativeTimeFormat,
        value: f64,
        unit: &str,
    ) -> Result<String, JsValue>;
}

fn options(pairs: &[(&str, &str)]) -> JsValue {
    let object = js_sys::Object::new();
    for (key, value) in pairs {
        let _ = js_sys::Reflect::set(&object, &(*key).into(), &(*value).into());
    }
    object.into()
}

/// Formats instants for one language.
pub struct TimeFormatter {
    absolute: Option<JsDateTimeFormat>,
    relative: Option<JsRelativeTimeFormat>,
}

/// Formatters are compared by identity: one per language, memoised by the widget.
impl PartialEq for TimeFormatter {
    fn eq(&self, other: &Self) -> bool {
        core::ptr::eq(self, other)
    }
}

impl TimeFormatter {
    /// A formatter for the BCP 47 tag `lang` (English when the browser refuses the tag).
    pub fn new(lang: &str) -> Self {
        let absolute_options = options(&[("dateStyle", "medium"), ("timeStyle", "short")]);
        let relative_options = options(&[("numeric", "auto")]);
        let absolute = JsDateTimeFormat::new(lang, &absolute_options)
            .or_else(|_| JsDateTimeFormat::new("en", &absolute_options))
            .ok();
        let relative = JsRelativeTimeFormat::new(lang, &relative_options)
            .or_else(|_| JsRelativeTimeFormat::new("en", &relative_options))
            .ok();
        TimeFormatter { absolute, relative }
    }

    /// Date and time in the reader's zone, such as "5 Nov 2024, 09:27".
    pub fn absolute(&self, t: Timestamp) -> String {
        self.absolute
            .as_ref()
            .and_then(|f| f.format_ms(t.unix_millis() as f64).ok())
            .unwrap_or_else(|| t.to_rfc3339())
    }

    /// How long ago or ahead, such as "5 minutes ago" or "in 2 hours".
    pub fn relative(&self, t: Timestamp, now: Timestamp) -> String {
        let (value, unit) = relative_parts(t.unix_millis() - now.unix_millis());
        self.relative
            .as_ref()
            .and_then(|f| f.format_relative(value, unit).ok())
            .unwrap_or_else(|| self.absolute(t))
    }
}
