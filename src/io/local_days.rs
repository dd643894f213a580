//! The reader's calendar for the uptime bars: local dates and the instants local days begin, in
//! the browser's own time zone (daylight-saving changes included) through `Date`.

use crate::model::{CalendarDate, Timestamp};
use crate::view::{FixedOffset, LocalDays};
use wasm_bindgen::JsValue;

/// The browser's time zone.
pub struct BrowserDays;

impl LocalDays for BrowserDays {
    fn date_of(&self, t: Timestamp) -> CalendarDate {
        let date = js_sys::Date::new(&JsValue::from_f64(t.unix_millis() as f64));
        let year = date.get_full_year();
        if date.get_time().is_nan() {
            return FixedOffset(0).date_of(t);
        }
        CalendarDate {
            year: year as i32,
            month: date.get_month() as u8 + 1,
            day: date.get_date() as u8,
        }
    }

    fn start_of(&self, day: CalendarDate) -> Timestamp {
        // `new Date(y, m, d)` reads years 0–99 as 1900–1999; a status file has none.
        let date = js_sys::Date::new_with_year_month_day(
            day.year.max(100) as u32,
            i32::from(day.month) - 1,
            i32::from(day.day),
        );
        let ms = date.get_time();
        if ms.is_nan() {
            return FixedOffset(0).start_of(day);
        }
        Timestamp::from_unix_millis(ms as i64)
    }
}
