//! RFC 3339 instants and calendar dates, done by hand so the wasm carries no date library.
//!
//! Everything is UTC milliseconds inside the model; showing a time in the reader's own zone
//! and locale is the browser's job (`Intl.DateTimeFormat`).

use core::fmt;

/// An instant, as milliseconds since 1970-01-01T00:00:00Z.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Timestamp(i64);

/// Why a time string was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum TimeError {
    /// The text is not shaped like `2024-11-04T07:30:00Z`.
    #[error("expected an RFC 3339 time such as 2024-11-04T07:30:00Z")]
    Syntax,
    /// A date and time without `Z` or `+01:00`, which would mean a different instant in every zone.
    #[error("the time has no offset; add Z for UTC or an offset such as +01:00")]
    MissingOffset,
    /// A field such as the month or the hour is outside its range.
    #[error("the {0} is out of range")]
    OutOfRange(&'static str),
}

const MS_PER_DAY: i64 = 86_400_000;

impl Timestamp {
    /// The instant `ms` milliseconds after the Unix epoch (what `Date.now()` returns).
    pub const fn from_unix_millis(ms: i64) -> Self {
        Timestamp(ms)
    }

    /// Milliseconds since the Unix epoch, as JavaScript's `Date` counts them.
    pub const fn unix_millis(self) -> i64 {
        self.0
    }

    /// This instant moved by `ms` milliseconds (negative moves it back).
    pub const fn plus_millis(self, ms: i64) -> Self {
        Timestamp(self.0.saturating_add(ms))
    }

    /// Parses an RFC 3339 date-time: `2024-11-04T07:30:00Z`, `2024-11-04T08:30:00+01:00`,
    /// `2024-11-03T23:30:00.250-08:00`. Fractional seconds beyond milliseconds are truncated,
    /// as browsers do. A lower-case `t`/`z` or a space between date and time is accepted.
    pub fn parse_rfc3339(text: &str) -> Result<Self, TimeError> {
        let b = text.as_bytes();
        if b.len() < 10 {
            return Err(TimeError::Syntax);
        }
        let date = CalendarDate::parse_bytes(&b[..10])?;
        if b.len() == 10 {
            return Err(TimeError::MissingOffset);
        }
        if !matches!(b[10], b'T' | b't' | b' ') || b.len() < 19 || b[13] != b':' || b[16] != b':' {
            return Err(TimeError::Syntax);
        }
        let hour = digits(&b[11..13])?;
        let minute = digits(&b[14..16])?;
        let second = digits(&b[17..19])?;
        if hour > 23 {
            return Err(TimeError::OutOfRange("hour"));
        }
        if minute > 59 {
            return Err(TimeError::OutOfRange("minute"));
        }
        // 60 is a leap second, which RFC 3339 allows; it is counted as the next minute's start.
        if second > 60 {
            return Err(TimeError::OutOfRange("second"));
        }
        let mut i = 19;
        let mut millis = 0i64;
        if b.get(i) == Some(&b'.') {
            i += 1;
            let start = i;
            while i < b.len() && b[i].is_ascii_digit() {
                if i - start < 3 {
                    millis = millis * 10 + i64::from(b[i] - b'0');
                }
                i += 1;
            }
            if i == start {
                return Err(TimeError::Syntax);
            }
            for _ in (i - start)..3 {
                millis *= 10;
            }
        }
        let offset_minutes = match b.get(i) {
            None => return Err(TimeError::MissingOffset),
            Some(b'Z' | b'z') if i + 1 == b.len() => 0,
            Some(&sign @ (b'+' | b'-')) if i + 6 == b.len() && b[i + 3] == b':' => {
                let oh = digits(&b[i + 1..i + 3])?;
                let om = digits(&b[i + 4..i + 6])?;
                if oh > 23 || om > 59 {
                    return Err(TimeError::OutOfRange("offset"));
                }
                let total = oh * 60 + om;
                if sign == b'-' {
                    -total
                } else {
                    total
                }
            }
            Some(_) => return Err(TimeError::Syntax),
        };
        let seconds = date.days_since_epoch() * 86_400 + hour * 3600 + minute * 60 + second
            - offset_minutes * 60;
        Ok(Timestamp(seconds * 1000 + millis))
    }

    /// The UTC calendar date this instant falls on.
    pub fn utc_date(self) -> CalendarDate {
        CalendarDate::from_days_since_epoch(self.0.div_euclid(MS_PER_DAY))
    }

    /// The instant as RFC 3339 in UTC, with milliseconds only when there are any:
    /// `2024-11-04T07:30:00Z`. This is the form the widget hands to JavaScript.
    pub fn to_rfc3339(self) -> String {
        self.to_string()
    }
}

impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let date = self.utc_date();
        let ms_of_day = self.0.rem_euclid(MS_PER_DAY);
        let secs = ms_of_day / 1000;
        write!(
            f,
            "{date}T{:02}:{:02}:{:02}",
            secs / 3600,
            secs / 60 % 60,
            secs % 60
        )?;
        let ms = ms_of_day % 1000;
        if ms != 0 {
            write!(f, ".{ms:03}")?;
        }
        f.write_str("Z")
    }
}

/// A day of the Gregorian calendar, such as the day an untimed timeline note belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CalendarDate {
    /// The year, such as 2024.
    pub year: i32,
    /// 1 to 12.
    pub month: u8,
    /// 1 to the month's length.
    pub day: u8,
}

impl CalendarDate {
    /// Parses `YYYY-MM-DD`, checking the day against the month's length.
    pub fn parse(text: &str) -> Result<Self, TimeError> {
        if text.len() != 10 {
            return Err(TimeError::Syntax);
        }
        Self::parse_bytes(text.as_bytes())
    }

    fn parse_bytes(b: &[u8]) -> Result<Self, TimeError> {
        if b[4] != b'-' || b[7] != b'-' {
            return Err(TimeError::Syntax);
        }
        let year = digits(&b[0..4])?;
        let month = digits(&b[5..7])?;
        let day = digits(&b[8..10])?;
        if !(1..=12).contains(&month) {
            return Err(TimeError::OutOfRange("month"));
        }
        // Both values are at most four digits, so the casts cannot truncate.
        let date = CalendarDate {
            year: year as i32,
            month: month as u8,
            day: day as u8,
        };
        if day < 1 || day > i64::from(days_in_month(date.year, date.month)) {
            return Err(TimeError::OutOfRange("day"));
        }
        Ok(date)
    }

    /// Days from 1970-01-01 to this date (negative before it).
    pub fn days_since_epoch(self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let m = i64::from(self.month);
        let y = i64::from(self.year) - i64::from(m <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let doy = (153 * ((m + 9) % 12) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` after 1970-01-01.
    pub fn from_days_since_epoch(days: i64) -> Self {
        // Howard Hinnant's civil_from_days.
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = doy - (153 * mp + 2) / 5 + 1;
        let month = if mp < 10 { mp + 3 } else { mp - 9 };
        let year = yoe + era * 400 + i64::from(month <= 2);
        CalendarDate {
            year: year as i32,
            month: month as u8,
            day: day as u8,
        }
    }

    /// Midnight UTC at the start of this date.
    pub fn start_utc(self) -> Timestamp {
        Timestamp(self.days_since_epoch() * MS_PER_DAY)
    }
}

impl fmt::Display for CalendarDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

fn digits(b: &[u8]) -> Result<i64, TimeError> {
    b.iter().try_fold(0i64, |n, &c| {
        if c.is_ascii_digit() {
            Ok(n * 10 + i64::from(c - b'0'))
        } else {
            Err(TimeError::Syntax)
        }
    })
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    fn ms(text: &str) -> i64 {
        Timestamp::parse_rfc3339(text).unwrap().unix_millis()
    }

    #[test]
    fn offsets_name_the_same_instant() {
        let utc = ms("2024-11-04T07:30:00Z");
        assert_eq!(utc, 1_730_705_400_000);
        assert_eq!(ms("2024-11-04T08:30:00+01:00"), utc);
        assert_eq!(ms("2024-11-03T23:30:00-08:00"), utc);
        assert_eq!(ms("2024-11-04t07:30:00z"), utc);
        assert_eq!(ms("2024-11-04 07:30:00Z"), utc);
    }

    #[test]
    fn fractional_seconds_are_kept_to_the_millisecond() {
        assert_eq!(ms("2024-11-04T07:30:00.5Z"), 1_730_705_400_500);
        assert_eq!(ms("2024-11-04T07:30:00.25Z"), 1_730_705_400_250);
        assert_eq!(ms("2024-11-04T07:30:00.123456789-08:00"), 1_730_734_200_123);
    }

    #[test]
    fn bad_times_are_refused_with_the_reason() {
        use TimeError::*;
        let err = |t| Timestamp::parse_rfc3339(t).unwrap_err();
        assert_eq!(err("2024-11-04T07:30:00"), MissingOffset);
        assert_eq!(err("2024-11-04"), MissingOffset);
        assert_eq!(err("4 Nov 2024 07:30"), Syntax);
        assert_eq!(err("2024-02-30T07:30:00Z"), OutOfRange("day"));
        assert_eq!(err("2023-02-29T07:30:00Z"), OutOfRange("day"));
        assert_eq!(err("2024-13-01T07:30:00Z"), OutOfRange("month"));
        assert_eq!(err("2024-11-04T24:00:00Z"), OutOfRange("hour"));
        assert_eq!(err("2024-11-04T07:30:00+25:00"), OutOfRange("offset"));
        assert_eq!(err("2024-11-04T07:30:00."), Syntax);
        assert_eq!(err("2024-11-04T07:30:00Zjunk"), Syntax);
        assert_eq!(err("२०२४-11-04T07:30:00Z"), Syntax);
        assert_eq!(err(""), Syntax);
        assert!(Timestamp::parse_rfc3339("2024-02-29T00:00:00Z").is_ok());
    }

    #[test]
    fn formats_back_to_utc_rfc3339() {
        let t = Timestamp::parse_rfc3339("2024-11-03T23:30:00.250-08:00").unwrap();
        assert_eq!(t.to_rfc3339(), "2024-11-04T07:30:00.250Z");
        assert_eq!(
            Timestamp::from_unix_millis(0).to_rfc3339(),
            "1970-01-01T00:00:00Z"
        );
        assert_eq!(
            Timestamp::from_unix_millis(-1).to_rfc3339(),
            "1969-12-31T23:59:59.999Z"
        );
    }

    #[test]
    fn calendar_dates_round_trip_over_four_centuries() {
        for days in (-200_000..200_000).step_by(37) {
            let date = CalendarDate::from_days_since_epoch(days);
            assert_eq!(date.days_since_epoch(), days, "{date}");
            assert_eq!(CalendarDate::parse(&date.to_string()), Ok(date));
        }
    }
}
