//! The status host's load at internet scale, simulated with the widget's own poll schedule
//! (`status_core::schedule`: polls every `poll` seconds ± 10 %, retries after a failure at 2 s,
//! 4 s, 8 s … with equal jitter, never later than the next poll). 100,000 login pages are open,
//! each opened at a random moment and polling every 60 s (the default); an incident is published
//! 10 minutes in; the host fails every request for 5 minutes from minute 15. The test prints
//! what the host sees (mean and peak requests per second, the peak over any one second) and how
//! long until every page shows the incident, and checks the figures the README's hosting section
//! quotes (for a million readers: ten times these).
#![cfg(not(target_arch = "wasm32"))]

use status_core::schedule::{next_poll_ms, retry_ms};
use std::cmp::Reverse;
use std::collections::BinaryHeap;

const PAGES: usize = 100_000;
const POLL_SECONDS: f64 = 60.0;
const MINUTE_MS: u64 = 60_000;
const PUBLISHED_MS: u64 = 10 * MINUTE_MS;
const DOWN_FROM_MS: u64 = 15 * MINUTE_MS;
const DOWN_UNTIL_MS: u64 = 20 * MINUTE_MS;
const END_MS: u64 = 30 * MINUTE_MS;

/// A small deterministic generator (xorshift64*), so every run sees the same pages.
struct Random(u64);

impl Random {
    fn next(&mut self) -> f64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        (self.0.wrapping_mul(0x2545_f491_4f6c_dd1d) >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// What the host saw, and what the pages showed.
struct Report {
    /// Requests in each second of the run.
    per_second: Vec<u32>,
    /// Requests in each 100 ms, for the peak over any one second.
    per_tenth: Vec<u32>,
    /// For each page, when it first read the file with the incident (ms after publication).
    shown_after_ms: Vec<u64>,
    /// Requests that failed while the host was down.
    failed: u64,
}

/// Runs the pages through the schedule: `poll` and `retry` are the schedule's two rules. The
/// pages open at random moments over one poll interval, as on a busy login page.
fn simulate(poll: impl Fn(f64) -> f64, retry: impl Fn(u32, f64) -> f64) -> Report {
    simulate_opening(POLL_SECONDS * 1000.0, poll, retry)
}

/// [`simulate`] with the pages opened at random moments over the first `opening_ms`.
fn simulate_opening(
    opening_ms: f64,
    poll: impl Fn(f64) -> f64,
    retry: impl Fn(u32, f64) -> f64,
) -> Report {
    let mut random = Random(0x5eed_1e55_cafe_f00d);
    let mut per_second = vec![0u32; (END_MS / 1000) as usize];
    let mut per_tenth = vec![0u32; (END_MS / 100) as usize];
    let mut shown_after_ms = vec![u64::MAX; PAGES];
    let mut failures = vec![0u32; PAGES];
    let mut failed = 0;
    let mut queue: BinaryHeap<Reverse<(u64, usize)>> = (0..PAGES)
        .map(|page| Reverse(((random.next() * opening_ms) as u64, page)))
        .collect();
    while let Some(Reverse((at, page))) = queue.pop() {
        if at >= END_MS {
            continue;
        }
        per_second[(at / 1000) as usize] += 1;
        per_tenth[(at / 100) as usize] += 1;
        let next = if (DOWN_FROM_MS..DOWN_UNTIL_MS).contains(&at) {
            failed += 1;
            failures[page] += 1;
            retry(failures[page], random.next())
        } else {
            failures[page] = 0;
            if at >= PUBLISHED_MS && shown_after_ms[page] == u64::MAX {
                shown_after_ms[page] = at - PUBLISHED_MS;
            }
            poll(random.next())
        };
        queue.push(Reverse((at + next.max(1.0) as u64, page)));
    }
    Report {
        per_second,
        per_tenth,
        shown_after_ms,
        failed,
    }
}

impl Report {
    fn mean_rps(&self, from_ms: u64, until_ms: u64) -> f64 {
        let seconds = &self.per_second[(from_ms / 1000) as usize..(until_ms / 1000) as usize];
        seconds.iter().map(|&n| f64::from(n)).sum::<f64>() / seconds.len() as f64
    }

    /// The most requests in any one second (a sliding window of ten 100 ms slots) between the
    /// two instants.
    fn peak_rps(&self, from_ms: u64, until_ms: u64) -> u32 {
        let tenths = &self.per_tenth[(from_ms / 100) as usize..(until_ms / 100) as usize];
        tenths
            .windows(10)
            .map(|w| w.iter().sum::<u32>())
            .max()
            .unwrap_or(0)
    }

    fn all_shown_after_s(&self) -> f64 {
        *self.shown_after_ms.iter().max().unwrap() as f64 / 1000.0
    }
}

#[test]
fn a_hundred_thousand_pages_through_an_incident_and_a_five_minute_host_failure() {
    let report = simulate(
        |r| next_poll_ms(POLL_SECONDS, r),
        |failures, r| retry_ms(failures, Some(POLL_SECONDS), r),
    );
    // Steady: after every page has opened, before the failure.
    let steady = report.mean_rps(2 * MINUTE_MS, DOWN_FROM_MS);
    let steady_peak = report.peak_rps(2 * MINUTE_MS, DOWN_FROM_MS);
    let down_mean = report.mean_rps(DOWN_FROM_MS, DOWN_UNTIL_MS);
    let down_peak = report.peak_rps(DOWN_FROM_MS, DOWN_UNTIL_MS);
    let after_peak = report.peak_rps(DOWN_UNTIL_MS, END_MS);
    let after_mean = report.mean_rps(DOWN_UNTIL_MS, DOWN_UNTIL_MS + 2 * MINUTE_MS);
    let whole = report.mean_rps(2 * MINUTE_MS, END_MS);
    let shown = report.all_shown_after_s();
    let half_shown = {
        let mut after: Vec<u64> = report.shown_after_ms.clone();
        after.sort_unstable();
        after[PAGES / 2] as f64 / 1000.0
    };
    println!(
        "{PAGES} pages polling every {POLL_SECONDS} s: steady {steady:.0} req/s (peak over any 1 s: \
         {steady_peak}); every page shows the incident {shown:.1} s after it is published (half \
         of them within {half_shown:.1} s); host down 5 min: {down_mean:.0} req/s on average \
         (peak {down_peak}), {} failed requests; the 2 min after it recovers: {after_mean:.0} \
         req/s (peak {after_peak}); mean over the run {whole:.0} req/s",
        report.failed
    );
    // One request per page per poll interval: 100,000 / 60 s.
    assert!(
        (steady - PAGES as f64 / POLL_SECONDS).abs() < 60.0,
        "{steady}"
    );
    // Jitter keeps every second near the mean: no second sees twice the mean.
    assert!(
        f64::from(steady_peak) < 1.3 * steady,
        "{steady_peak} vs {steady}"
    );
    // Every page shows a newly published incident within one poll interval and its jitter.
    assert!(shown <= POLL_SECONDS * 1.1 + 0.1, "{shown} s");
    // While the host fails, each page retries sooner than it polls (2 s, 4 s, 8 s …, with equal
    // jitter) and then backs off to the poll interval: in the failure's first minute the host
    // sees about six times its usual load (each page's first failures overlap its neighbours'
    // retries), over the five minutes about twice. A burst, not a storm: retrying every 2 s
    // would be thirty times (below). Why the README asks for `stale-if-error` at the CDN: while
    // the edge keeps serving the last file, no page sees a failure and none retries.
    assert!(down_mean < 2.5 * steady, "{down_mean} vs {steady}");
    assert!(
        f64::from(down_peak) < 7.0 * steady,
        "{down_peak} vs {steady}"
    );
    // And when it recovers, the pages come back at their poll rate, spread: no stampede.
    assert!(
        f64::from(after_peak) < 1.6 * steady,
        "{after_peak} vs {steady}"
    );
}

#[test]
fn without_the_schedules_back_off_a_failing_host_is_stormed() {
    // The same pages retrying every 2 s, as a naive widget would: the comparison that shows what
    // the back-off is for (and that this simulation would notice its loss).
    let report = simulate(|r| next_poll_ms(POLL_SECONDS, r), |_, _| 2_000.0);
    let steady = report.mean_rps(2 * MINUTE_MS, DOWN_FROM_MS);
    let down_mean = report.mean_rps(DOWN_FROM_MS + MINUTE_MS, DOWN_UNTIL_MS);
    println!("retrying every 2 s instead: {down_mean:.0} req/s while the host is down ({steady:.0} steady)");
    assert!(down_mean > 20.0 * steady, "{down_mean} vs {steady}");
}

#[test]
fn pages_opened_together_spread_out_thanks_to_the_polls_jitter() {
    // Everyone opens the login page in the same 5 seconds (an exam at nine): the ±10 % on every
    // poll spreads them, where polls without it would hit the host in the same 5 s every minute.
    let peak_to_mean = |report: &Report| {
        let from = 20 * MINUTE_MS;
        f64::from(report.peak_rps(from, END_MS)) / report.mean_rps(from, END_MS)
    };
    let none = |_, _| 60_000.0;
    let jittered = simulate_opening(5_000.0, |r| next_poll_ms(POLL_SECONDS, r), none);
    let fixed = simulate_opening(5_000.0, |_| POLL_SECONDS * 1000.0, none);
    let (jittered, fixed) = (peak_to_mean(&jittered), peak_to_mean(&fixed));
    println!(
        "{PAGES} pages opened in the same 5 s, 20 minutes on: the busiest second sees \
         {jittered:.1} times the mean with the jitter, {fixed:.1} times without"
    );
    assert!(jittered < 3.0, "{jittered}");
    assert!(fixed > 10.0, "{fixed}");
}
