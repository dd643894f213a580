//! Dates, times and durations in the reader's locale and time zone through `Intl`, and which
//! plural form a count takes (`Intl.PluralRules`). A language
//! tag the browser rejects falls back to English, and a browser without `Intl` gets ISO text, so a
//! bad `lang` attribute can never throw. Formatters are made on first use and then reused.

use crate::i18n::{fill, Plural};
use crate::model::{CalendarDate, Timestamp};
use crate::view::{duration_parts, relative_parts};
use std::cell::OnceCell;
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

    #[wasm_bindgen(js_namespace = Intl, js_name = PluralRules)]
    type JsPluralRules;
    #[wasm_bindgen(catch, constructor, js_namespace = Intl, js_class = "PluralRules")]
    fn new(locale: &str) -> Result<JsPluralRules, JsValue>;
    #[wasm_bindgen(method, catch)]
    fn select(this: &JsPluralRules, value: f64) -> Result<String, JsValue>;

    #[wasm_bindgen(js_namespace = Intl, js_name = NumberFormat)]
    type JsNumberFormat;
    #[wasm_bindgen(catch, constructor, js_namespace = Intl, js_class = "NumberFormat")]
    fn new(locale: &str, options: &JsValue) -> Result<JsNumberFormat, JsValue>;
    #[wasm_bindgen(method, catch, js_name = format)]
    fn format_number(this: &JsNumberFormat, value: f64) -> Result<String, JsValue>;
}

fn options(pairs: &[(&str, &str)]) -> JsValue {
    let object = js_sys::Object::new();
    for (key, value) in pairs {
        let _ = js_sys::Reflect::set(&object, &(*key).into(), &(*value).into());
    }
    object.into()
}

/// Makes an `Intl` formatter for `lang`, or for English when the browser refuses the tag;
/// `None` when there is no `Intl` at all.
fn with_fallback<T>(lang: &str, make: impl Fn(&str) -> Result<T, JsValue>) -> Option<T> {
    make(lang).or_else(|_| make("en")).ok()
}

const DAY: &[(&str, &str)] = &[
    ("weekday", "long"),
    ("year", "numeric"),
    ("month", "long"),
    ("day", "numeric"),
];

/// Formats instants for one language.
pub struct TimeFormatter {
    lang: String,
    absolute: OnceCell<Option<JsDateTimeFormat>>,
    relative: OnceCell<Option<JsRelativeTimeFormat>>,
    local_day: OnceCell<Option<JsDateTimeFormat>>,
    written_day: OnceCell<Option<JsDateTimeFormat>>,
    time_of_day: OnceCell<Option<JsDateTimeFormat>>,
    units: OnceCell<Vec<(&'static str, Option<JsNumberFormat>)>>,
    plural: OnceCell<Option<JsPluralRules>>,
    number: OnceCell<Option<JsNumberFormat>>,
    #[cfg(feature = "page")]
    percent: OnceCell<Option<JsNumberFormat>>,
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
        TimeFormatter {
            lang: lang.to_owned(),
            absolute: OnceCell::new(),
            relative: OnceCell::new(),
            local_day: OnceCell::new(),
            written_day: OnceCell::new(),
            time_of_day: OnceCell::new(),
            units: OnceCell::new(),
            plural: OnceCell::new(),
            number: OnceCell::new(),
            #[cfg(feature = "page")]
            percent: OnceCell::new(),
        }
    }

    fn date_format(&self, pairs: &[(&str, &str)]) -> Option<JsDateTimeFormat> {
        let options = options(pairs);
        with_fallback(&self.lang, |lang| JsDateTimeFormat::new(lang, &options))
    }

    fn format(
        cell: &OnceCell<Option<JsDateTimeFormat>>,
        make: impl FnOnce() -> Option<JsDateTimeFormat>,
        ms: i64,
    ) -> Option<String> {
        cell.get_or_init(make).as_ref()?.format_ms(ms as f64).ok()
    }

    /// `words` for the count `n` in the form the language's plural rules pick (`Intl.PluralRules`:
    /// Polish "Pokaż 5 starszych incydentów", Arabic's six forms), with `n` written in the
    /// locale's digits as its dates are (Egyptian Arabic: ٣); the `other` form and ASCII digits
    /// where the browser has no `Intl`.
    pub fn count(&self, words: &Plural, n: usize) -> String {
        let rules = self
            .plural
            .get_or_init(|| with_fallback(&self.lang, JsPluralRules::new));
        let category = rules.as_ref().and_then(|r| r.select(n as f64).ok());
        let form = words.pick(category.as_deref().unwrap_or("other"));
        let number = self.number.get_or_init(|| {
            let options = options(&[("useGrouping", "false")]);
            with_fallback(&self.lang, |lang| JsNumberFormat::new(lang, &options))
        });
        match number.as_ref().and_then(|f| f.format_number(n as f64).ok()) {
            Some(digits) => form.replace("{n}", &digits),
            None => fill(form, n, ""),
        }
    }

    /// Date and time in the reader's zone, such as "5 Nov 2024, 09:27".
    pub fn absolute(&self, t: Timestamp) -> String {
        Self::format(
            &self.absolute,
            || self.date_format(&[("dateStyle", "medium"), ("timeStyle", "short")]),
            t.unix_millis(),
        )
        .unwrap_or_else(|| t.to_rfc3339())
    }

    /// How long ago or ahead, such as "5 minutes ago" or "in 2 hours".
    pub fn relative(&self, t: Timestamp, now: Timestamp) -> String {
        let (value, unit) = relative_parts(t.unix_millis() - now.unix_millis());
        let format = self.relative.get_or_init(|| {
            let options = options(&[("numeric", "auto")]);
            with_fallback(&self.lang, |lang| JsRelativeTimeFormat::new(lang, &options))
        });
        format
            .as_ref()
            .and_then(|f| f.format_relative(value, unit).ok())
            .unwrap_or_else(|| self.absolute(t))
    }

    /// The reader's local day of an instant, such as "Tuesday, 5 November 2024": a timeline's
    /// day heading.
    pub fn local_day(&self, t: Timestamp) -> String {
        Self::format(&self.local_day, || self.date_format(DAY), t.unix_millis())
            .unwrap_or_else(|| t.utc_date().to_string())
    }

    /// A written calendar day (an untimed note's), named without moving it to another zone.
    pub fn written_day(&self, day: CalendarDate) -> String {
        let mut pairs = DAY.to_vec();
        pairs.push(("timeZone", "UTC"));
        let noon = day.start_utc().plus_millis(12 * 3_600_000);
        Self::format(
            &self.written_day,
            || self.date_format(&pairs),
            noon.unix_millis(),
        )
        .unwrap_or_else(|| day.to_string())
    }

    /// The reader's local time of day, such as "07:30" or "7:30 AM".
    pub fn time_of_day(&self, t: Timestamp) -> String {
        Self::format(
            &self.time_of_day,
            || self.date_format(&[("hour", "numeric"), ("minute", "2-digit")]),
            t.unix_millis(),
        )
        .unwrap_or_else(|| t.to_rfc3339()[11..16].to_owned())
    }

    /// Whether the formatters a mode needs exist: the banner's two, or with `full` the page's six.
    pub fn is_warm(&self, full: bool) -> bool {
        let banner = self.absolute.get().is_some() && self.relative.get().is_some();
        banner
            && (!full
                || (self.local_day.get().is_some()
                    && self.written_day.get().is_some()
                    && self.time_of_day.get().is_some()
                    && self.units.get().is_some()))
    }

    /// Creates the formatters a mode needs (see [`Self::is_warm`]), one per task. A browser's
    /// first `Intl` use costs tens of milliseconds while it loads locale data; done ahead of the
    /// render that needs it, it never joins that render in one long task.
    pub async fn warm_up(&self, full: bool) {
        let t = Timestamp::from_unix_millis(0);
        let banner: [&dyn Fn(); 2] = [&|| drop(self.absolute(t)), &|| drop(self.relative(t, t))];
        let page: [&dyn Fn(); 4] = [
            &|| drop(self.local_day(t)),
            &|| drop(self.written_day(t.utc_date())),
            &|| drop(self.time_of_day(t)),
            &|| drop(self.duration(0)),
        ];
        let steps = banner.iter().chain(if full { &page[..] } else { &[] });
        for step in steps {
            gloo_timers::future::TimeoutFuture::new(0).await;
            step();
        }
    }

    /// A percentage with two decimals in the reader's locale, such as "99.98%" or "99,98 %"
    /// (`value` in percent, already rounded as it should read).
    #[cfg(feature = "page")]
    pub fn percent(&self, value: f64) -> String {
        let format = self.percent.get_or_init(|| {
            let options = options(&[
                ("style", "percent"),
                ("minimumFractionDigits", "2"),
                ("maximumFractionDigits", "2"),
            ]);
            with_fallback(&self.lang, |lang| JsNumberFormat::new(lang, &options))
        });
        format
            .as_ref()
            .and_then(|f| f.format_number(value / 100.0).ok())
            .unwrap_or_else(|| {
                // Hundredths in whole numbers: `{:.2}` would bring in 2 KB of float formatting
                // for a path only an engine without `Intl` takes.
                let hundredths = (value * 100.0).round() as i64;
                format!("{}.{:02} %", hundredths / 100, hundredths % 100)
            })
    }

    /// A duration in words, such as "4 days, 3 hours, 30 minutes".
    pub fn duration(&self, ms: i64) -> String {
        let units = self.units.get_or_init(|| {
            ["day", "hour", "minute"]
                .into_iter()
                .map(|unit| {
                    let options =
                        options(&[("style", "unit"), ("unit", unit), ("unitDisplay", "long")]);
                    let format =
                        with_fallback(&self.lang, |lang| JsNumberFormat::new(lang, &options));
                    (unit, format)
                })
                .collect()
        });
        duration_parts(ms)
            .into_iter()
            .map(|(n, unit)| {
                units
                    .iter()
                    .find(|(u, _)| *u == unit)
                    .and_then(|(_, f)| f.as_ref()?.format_number(n as f64).ok())
                    .unwrap_or_else(|| format!("{n} {unit}s"))
            })
            .collect::<Vec<_>>()
            .join(", ")
    }
}
