//! Timelines grouped by day, durations and relative times, as the page and the banner show them.

use crate::model::Update;

/// Splits a timeline into runs of consecutive entries on the same day, as `day_of` names days
/// (the reader's local day for timed entries, the written day for untimed notes). An entry with
/// neither stays with the run before it, so every note keeps its place.
pub fn group_by_day<'a, K: PartialEq>(
    updates: &'a [Update],
    day_of: impl Fn(&Update) -> Option<K>,
) -> Vec<(Option<K>, Vec<&'a Update>)> {
    let mut groups: Vec<(Option<K>, Vec<&'a Update>)> = Vec::new();
    for update in updates {
        let day = day_of(update);
        match groups.last_mut() {
            Some((last, entries)) if day.is_none() || last.as_ref() == day.as_ref() => {
                entries.push(update)
            }
            _ => groups.push((day, vec![update])),
        }
    }
    groups
}

/// How long something lasted, as whole days, hours and minutes, leaving out zero parts
/// (`[(4, "day"), (3, "hour"), (30, "minute")]`); under a minute is `[(0, "minute")]`.
pub fn duration_parts(ms: i64) -> Vec<(u64, &'static str)> {
    let minutes = (ms.max(0) / 60_000) as u64;
    let parts: Vec<(u64, &'static str)> = [
        (minutes / 1440, "day"),
        (minutes / 60 % 24, "hour"),
        (minutes % 60, "minute"),
    ]
    .into_iter()
    .filter(|(n, _)| *n > 0)
    .collect();
    if parts.is_empty() {
        vec![(0, "minute")]
    } else {
        parts
    }
}

/// Chooses the unit for "5 minutes ago": the value (negative in the past) and an
/// `Intl.RelativeTimeFormat` unit, rounding to the largest unit that fits.
pub fn relative_parts(delta_ms: i64) -> (f64, &'static str) {
    let seconds = delta_ms as f64 / 1000.0;
    let abs = seconds.abs();
    let (value, unit) = if abs < 45.0 {
        (seconds, "second")
    } else if abs < 45.0 * 60.0 {
        (seconds / 60.0, "minute")
    } else if abs < 22.0 * 3600.0 {
        (seconds / 3600.0, "hour")
    } else if abs < 26.0 * 86_400.0 {
        (seconds / 86_400.0, "day")
    } else if abs < 320.0 * 86_400.0 {
        (seconds / (30.44 * 86_400.0), "month")
    } else {
        (seconds / (365.25 * 86_400.0), "year")
    };
    // Seconds are shown as "now" by numeric: "auto" only at exactly 0.
    let value = if unit == "second" { 0.0 } else { value.round() };
    (value, unit)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::formats::{load_str, Format};
    use crate::model::{Text, Timestamp};

    fn t(s: &str) -> Timestamp {
        Timestamp::parse_rfc3339(s).unwrap()
    }

    #[test]
    fn the_seed_timeline_groups_into_five_days_with_notes_in_place() {
        let text = include_str!("../../../../www/status.json");
        let doc = load_str(text, Format::Auto).unwrap().document;
        let groups = group_by_day(&doc.incidents[0].updates, |u| u.utc_day());
        let sizes: Vec<usize> = groups.iter().map(|(_, g)| g.len()).collect();
        assert_eq!(
            sizes,
            [4, 5, 2, 1, 2],
            "Monday to Friday, each day's note last in its day"
        );
        assert_eq!(
            groups[0].1[3].at, None,
            "Monday's untimed note closes Monday"
        );
        // A reader eight hours behind UTC sees Tuesday 06:30Z on Monday evening.
        let pacific = group_by_day(&doc.incidents[0].updates, |u| {
            u.at.map(|t| t.plus_millis(-8 * 3_600_000).utc_date())
                .or(u.day)
        });
        assert_eq!(
            pacific.len(),
            6,
            "Monday, Tuesday's 06:30 back on Monday, …"
        );
    }

    #[test]
    fn untimed_undated_entries_stay_with_the_day_before() {
        let update = |at: Option<&str>, body: &str| Update {
            at: at.map(t),
            day: None,
            approximate: false,
            status: None,
            body: Text::plain(body),
        };
        let updates = [
            update(Some("2024-11-04T07:30:00Z"), "a"),
            update(None, "b"),
            update(Some("2024-11-05T07:30:00Z"), "c"),
        ];
        let groups = group_by_day(&updates, |u| u.utc_day());
        assert_eq!(groups.len(), 2);
        assert_eq!(
            groups[0]
                .1
                .iter()
                .map(|u| u.body.as_str())
                .collect::<Vec<_>>(),
            ["a", "b"]
        );
    }

    #[test]
    fn durations_leave_out_zero_parts() {
        let seed =
            t("2024-11-08T11:00:00Z").unix_millis() - t("2024-11-04T07:30:00Z").unix_millis();
        assert_eq!(
            duration_parts(seed),
            [(4, "day"), (3, "hour"), (30, "minute")]
        );
        assert_eq!(duration_parts(2 * 3_600_000), [(2, "hour")]);
        assert_eq!(duration_parts(20_000), [(0, "minute")]);
        assert_eq!(duration_parts(-5), [(0, "minute")]);
    }

    #[test]
    fn relative_times_round_to_the_largest_fitting_unit() {
        assert_eq!(relative_parts(-10_000), (0.0, "second"));
        assert_eq!(relative_parts(-5 * 60_000), (-5.0, "minute"));
        assert_eq!(relative_parts(-90 * 60_000), (-2.0, "hour"));
        assert_eq!(relative_parts(3 * 3_600_000), (3.0, "hour"));
        assert_eq!(relative_parts(-3 * 86_400_000), (-3.0, "day"));
        assert_eq!(relative_parts(-60 * 86_400_000), (-2.0, "month"));
        assert_eq!(relative_parts(-800 * 86_400_000), (-2.0, "year"));
    }
}
