//! When to fetch next: polling with jitter, so a thousand open login pages do not hit the status
//! host in the same second, and exponential back-off after failures. Pure; the caller supplies
//! the random number (`Math.random()` in the browser).

/// First retry after a failure, in milliseconds.
pub const RETRY_BASE_MS: f64 = 2_000.0;
/// Longest wait between retries, in milliseconds.
pub const RETRY_MAX_MS: f64 = 5.0 * 60_000.0;
/// Polls are spread by this fraction either way.
pub const POLL_JITTER: f64 = 0.1;

/// Milliseconds until the next poll after a success: `poll_seconds` ± 10 %.
/// `random` is uniform in `[0, 1)`.
pub fn next_poll_ms(poll_seconds: f64, random: f64) -> f64 {
    let base = poll_seconds * 1000.0;
    base * (1.0 - POLL_JITTER + 2.0 * POLL_JITTER * random.clamp(0.0, 1.0))
}

/// Milliseconds until retry number `failures` (1 for the first failure): 2 s, 4 s, 8 s, …,
/// capped at five minutes, and never later than the next regular poll would be. "Equal jitter":
/// between half and all of that delay.
pub fn retry_ms(failures: u32, poll_seconds: Option<f64>, random: f64) -> f64 {
    let exponent = failures.saturating_sub(1).min(20) as i32;
    let mut delay = (RETRY_BASE_MS * 2f64.powi(exponent)).min(RETRY_MAX_MS);
    if let Some(poll) = poll_seconds {
        delay = delay.min((poll * 1000.0).max(RETRY_BASE_MS.min(poll * 1000.0)));
    }
    delay * (0.5 + 0.5 * random.clamp(0.0, 1.0))
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn polls_spread_ten_percent_either_way() {
        assert_eq!(next_poll_ms(60.0, 0.0), 54_000.0);
        assert_eq!(next_poll_ms(60.0, 0.5), 60_000.0);
        assert!((next_poll_ms(60.0, 0.999_999) - 66_000.0).abs() < 1.0);
    }

    #[test]
    fn retries_back_off_exponentially_up_to_five_minutes() {
        let full: Vec<f64> = (1..=10).map(|n| retry_ms(n, None, 1.0)).collect();
        assert_eq!(full[..5], [2_000.0, 4_000.0, 8_000.0, 16_000.0, 32_000.0]);
        assert_eq!(full[9], RETRY_MAX_MS);
        assert_eq!(
            retry_ms(1, None, 0.0),
            1_000.0,
            "equal jitter: at least half"
        );
        assert_eq!(retry_ms(u32::MAX, None, 1.0), RETRY_MAX_MS);
    }

    #[test]
    fn retries_never_wait_longer_than_the_poll_interval() {
        assert_eq!(retry_ms(8, Some(60.0), 1.0), 60_000.0);
        assert_eq!(
            retry_ms(1, Some(0.5), 1.0),
            500.0,
            "a fast poll retries as fast"
        );
    }
}
