//! Posting one body to one address: a time limit per attempt, retries with doubling back-off
//! for what may pass (no answer, a timeout, HTTP 408, 429 or 5xx; `Retry-After` is honoured up to
//! a minute), none for what will not (another 4xx, a redirect), and the generic webhook's
//! signature made afresh for each attempt.

use hmac::{Hmac, Mac};
use sha2::{Digest, Sha256};
use std::time::Duration;

/// How patiently to post.
pub struct Policy {
    /// One attempt's time limit.
    pub timeout: Duration,
    /// Further attempts after a failure that may pass.
    pub retries: u32,
    /// The wait before the first retry, doubled for each further one.
    pub delay: Duration,
}

/// How posting went.
pub struct Outcome {
    /// Whether the receiver took it (HTTP 2xx).
    pub delivered: bool,
    /// What each attempt got: `HTTP 200`, `HTTP 500`, `timed out after 2 s`, …
    pub attempts: Vec<String>,
}

/// The longest `Retry-After` honoured.
const LONGEST_WAIT: Duration = Duration::from_secs(60);

/// Posts `body` (JSON) to `url` as delivery `delivery` (the `Status-Widget-Delivery` header);
/// with `secret`, signs each attempt (see [`signature`]).
pub fn post(
    url: &str,
    body: &[u8],
    delivery: &str,
    secret: Option<&[u8]>,
    policy: &Policy,
) -> Outcome {
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_global(Some(policy.timeout))
        .http_status_as_error(false)
        .max_redirects(0)
        .user_agent(concat!("status-widget/", env!("CARGO_PKG_VERSION")))
        // The system's trusted roots, as curl uses them (a company's own CA included), not a
        // list compiled in.
        .tls_config(
            ureq::tls::TlsConfig::builder()
                .root_certs(ureq::tls::RootCerts::PlatformVerifier)
                .build(),
        )
        .build()
        .into();
    let mut attempts = Vec::new();
    let mut wait = policy.delay;
    for attempt in 0..=policy.retries {
        let mut request = agent
            .post(url)
            .header("Content-Type", "application/json")
            .header("Status-Widget-Delivery", delivery);
        if let Some(secret) = secret {
            let t = unix_seconds();
            request = request.header("Status-Widget-Signature", signature(secret, t, body));
        }
        let (said, retry, asked_wait) = match request.send(body) {
            Ok(response) => {
                let status = response.status().as_u16();
                let asked = response
                    .headers()
                    .get("retry-after")
                    .and_then(|v| v.to_str().ok())
                    .and_then(|v| v.trim().parse::<u64>().ok())
                    .map(Duration::from_secs);
                let said = format!("HTTP {status}");
                match status {
                    200..=299 => {
                        attempts.push(said);
                        return Outcome {
                            delivered: true,
                            attempts,
                        };
                    }
                    408 | 429 | 500..=599 => (said, true, asked),
                    300..=399 => (format!("{said} (a redirect, not followed)"), false, None),
                    _ => (
                        format!("{said} (not retried: check the address)"),
                        false,
                        None,
                    ),
                }
            }
            Err(ureq::Error::Timeout(_)) => (
                format!("timed out after {} s", policy.timeout.as_secs_f64()),
                true,
                None,
            ),
            Err(e) => (format!("{e}"), true, None),
        };
        attempts.push(said);
        if !retry || attempt == policy.retries {
            break;
        }
        std::thread::sleep(asked_wait.map_or(wait, |a| a.min(LONGEST_WAIT).max(wait)));
        wait = wait.saturating_mul(2);
    }
    Outcome {
        delivered: false,
        attempts,
    }
}

/// The `Status-Widget-Signature` header for `body` sent at `t` (Unix seconds):
/// `t=<t>,v1=<hex of HMAC-SHA256(secret, "<t>." + body)>`, as Stripe signs. A receiver
/// recomputes it over the raw body, compares in constant time and refuses an old `t`.
pub fn signature(secret: &[u8], t: u64, body: &[u8]) -> String {
    let mut mac = Hmac::<Sha256>::new_from_slice(secret).expect("HMAC takes a key of any length");
    mac.update(format!("{t}.").as_bytes());
    mac.update(body);
    format!("t={t},v1={}", hex(&mac.finalize().into_bytes()))
}

/// A delivery's id: the same for the same changes (`keys`), so a receiver can drop a repeat.
pub fn delivery_id(keys: &[&str]) -> String {
    hex(&Sha256::digest(keys.join("\n").as_bytes())[..16])
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn unix_seconds() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_signature_matches_a_known_hmac_sha256() {
        // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?".
        let mut mac = Hmac::<Sha256>::new_from_slice(b"Jefe").unwrap();
        mac.update(b"what do ya want for nothing?");
        assert_eq!(
            hex(&mac.finalize().into_bytes()),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
        );
        // The header signs "t." followed by the body.
        let header = signature(b"Jefe", 12, b"{}");
        let mut mac = Hmac::<Sha256>::new_from_slice(b"Jefe").unwrap();
        mac.update(b"12.{}");
        assert_eq!(
            header,
            format!("t=12,v1={}", hex(&mac.finalize().into_bytes()))
        );
    }
}
