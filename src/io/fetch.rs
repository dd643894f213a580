//! One GET of a status file: no cookies or credentials, no custom headers (so a cross-origin CDN
//! needs no preflight), the referrer cut to the origin, revalidated with the server every time
//! (`cache: "no-cache"`, so an unchanged file costs a 304), and aborted after a timeout.

use gloo_net::http::Request;
use std::cell::Cell;
use std::rc::Rc;
use web_sys::{AbortController, ReferrerPolicy, RequestCache, RequestCredentials};

/// How long one fetch, body included, may take.
pub const FETCH_TIMEOUT_MS: u32 = 10_000;

/// Why a fetch gave no text.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum FetchError {
    /// No response: offline, DNS, CORS refusal, a redirect loop (the browser hides which).
    #[error("no response (offline, blocked by CORS, or the host is unreachable)")]
    Network,
    /// The server answered with an error status.
    #[error("HTTP {0}")]
    Http(u16),
    /// No complete answer within the timeout.
    #[error("no complete answer within {} seconds", FETCH_TIMEOUT_MS / 1000)]
    Timeout,
    /// The widget was removed while the fetch was under way.
    #[error("cancelled")]
    Cancelled,
}

impl FetchError {
    /// A short machine-readable name for the `status-widget:error` event's `kind`.
    pub fn kind(&self) -> &'static str {
        match self {
            FetchError::Network => "network",
            FetchError::Http(_) => "http",
            FetchError::Timeout => "timeout",
            FetchError::Cancelled => "cancelled",
        }
    }
}

/// Fetches `url` and returns its final URL (after redirects) and text. `controller` lets the
/// caller abort it; the timeout aborts it too.
pub async fn fetch_text(
    url: &str,
    controller: &AbortController,
) -> Result<(String, String), FetchError> {
    let timed_out = Rc::new(Cell::new(false));
    let timer = {
        let timed_out = timed_out.clone();
        let controller = controller.clone();
        gloo_timers::callback::Timeout::new(FETCH_TIMEOUT_MS, move || {
            timed_out.set(true);
            controller.abort();
        })
    };
    let signal = controller.signal();
    let result = async {
        let response = Request::get(url)
            .credentials(RequestCredentials::Omit)
            .cache(RequestCache::NoCache)
            .referrer_policy(ReferrerPolicy::StrictOrigin)
            .abort_signal(Some(&signal))
            .send()
            .await
            .map_err(|_| FetchError::Network)?;
        if !response.ok() {
            return Err(FetchError::Http(response.status()));
        }
        let final_url = response.url();
        let text = response.text().await.map_err(|_| FetchError::Network)?;
        Ok((final_url, text))
    }
    .await;
    drop(timer);
    result.map_err(|e| {
        if timed_out.get() {
            FetchError::Timeout
        } else if signal.aborted() {
            FetchError::Cancelled
        } else {
            e
        }
    })
}
