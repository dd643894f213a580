//! The seed incident's original write-up (`tests/fixtures/seed-incident-2024-11-logins.txt`) read
//! line by line, with no help from the model: the independent source of what the status file and
//! the status page must say. Shared by the native tests and the browser tests.
#![allow(dead_code)]

/// The write-up itself.
pub const WRITE_UP: &str = include_str!("../fixtures/seed-incident-2024-11-logins.txt");

/// One line of the write-up's timeline.
pub struct TimelineLine {
    /// The day heading it stands under, as its day of November 2024.
    pub day: u8,
    /// Its clock time in the UK (UTC in November) as hour, minute and "(approx)", or none for a
    /// note about the whole day.
    pub time: Option<(i64, i64, bool)>,
    /// The words after the time, as written.
    pub text: String,
}

impl TimelineLine {
    /// Milliseconds since 1970 of a timed line.
    pub fn unix_millis(&self) -> Option<i64> {
        // 2024-11-01T00:00:00Z.
        const NOVEMBER_2024: i64 = 1_730_419_200_000;
        self.time.map(|(hour, minute, _)| {
            NOVEMBER_2024 + ((i64::from(self.day) - 1) * 1440 + hour * 60 + minute) * 60_000
        })
    }

    /// The text as the status file carries it: timed lines start with a capital.
    pub fn body(&self) -> String {
        if self.time.is_none() {
            return self.text.clone();
        }
        let mut c = self.text.chars();
        c.next()
            .map(|f| f.to_uppercase().chain(c).collect())
            .unwrap_or_default()
    }
}

/// The write-up's timeline: day headings ("Monday 4th November:"), timed lines ("7:30am …",
/// "11:00am (approx) …") and untimed notes.
pub fn timeline() -> Vec<TimelineLine> {
    let start = WRITE_UP.find("Timeline¶").unwrap();
    let end = WRITE_UP.find("Lessons learned:¶").unwrap();
    let mut day = None;
    let mut lines = Vec::new();
    for line in WRITE_UP[start..end]
        .lines()
        .skip(1)
        .map(str::trim)
        .filter(|l| !l.is_empty())
    {
        let words: Vec<&str> = line.trim_end_matches(':').split(' ').collect();
        if words.len() == 3 && words[2] == "November" && words[0].ends_with("day") {
            day = Some(
                words[1]
                    .trim_end_matches(char::is_alphabetic)
                    .parse()
                    .unwrap(),
            );
            continue;
        }
        let (first, rest) = line.split_once(' ').unwrap();
        let clock = first
            .strip_suffix("am")
            .map(|c| (c, false))
            .or_else(|| first.strip_suffix("pm").map(|c| (c, true)));
        let entry = match clock.and_then(|(c, pm)| c.split_once(':').map(|(h, m)| (h, m, pm))) {
            Some((h, m, pm)) => {
                let mut hour: i64 = h.parse().unwrap();
                if pm && hour != 12 {
                    hour += 12;
                }
                let approx = rest.starts_with("(approx) ");
                TimelineLine {
                    day: day.unwrap(),
                    time: Some((hour, m.parse().unwrap(), approx)),
                    text: rest.trim_start_matches("(approx) ").to_owned(),
                }
            }
            None => TimelineLine {
                day: day.unwrap(),
                time: None,
                text: line.to_owned(),
            },
        };
        lines.push(entry);
    }
    lines
}

/// The "- " bullets after `heading` ("Lessons learned:¶", "Conclusion:").
pub fn bullets(heading: &str) -> Vec<&'static str> {
    let start = WRITE_UP.find(heading).unwrap() + heading.len();
    WRITE_UP[start..]
        .lines()
        .map(str::trim)
        .skip_while(|l| l.is_empty())
        .take_while(|l| l.starts_with("- "))
        .map(|l| &l[2..])
        .collect()
}

/// The write-up's lines, for its header (service, description, title, summary).
pub fn lines() -> Vec<&'static str> {
    WRITE_UP.lines().collect()
}
