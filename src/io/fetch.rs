//! One GET of a status file: no cookies or credentials, no custom headers (so a cross-origin CDN
//! needs no preflight), the referrer cut to the origin, revalidated with the server every time
//! (`cache: "no-cache"`, so an unchanged file costs a 304), and aborted after a timeout.

use crate::loader::REQUEST;
use crate::view::FailureKind;
use futures::future::{select, Either};
use gloo_net::http::Request;
use std::pin::pin;
use web_sys::{AbortController, ReferrerPolicy, RequestCache, RequestCredentials};

/// How long one fetch, body included, may take.
pub use crate::loader::FETCH_TIMEOUT_MS;

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
    /// The kind of failure the `status-widget-error` event reports.
    pub fn kind(&self) -> FailureKind {
        match self {
            FetchError::Network => FailureKind::Network,
            FetchError::Http(_) => FailureKind::Http,
            FetchError::Timeout => FailureKind::Timeout,
            FetchError::Cancelled => FailureKind::Cancelled,
        }
    }
}

/// A status file's body as text, decoded as `response.text()` decodes it: UTF-8, each byte that
/// is not UTF-8 replaced by U+FFFD (a leading byte-order mark is left to the JSON reader, which
/// skips it). The body crosses into the wasm as bytes, a plain copy: as a JavaScript string,
/// wasm-bindgen would copy it in a JavaScript loop that holds the page for 35-50 ms per 3 MB.
pub(crate) fn text_of(body: Vec<u8>) -> String {
    String::from_utf8(body).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// Fetches `url` and returns its final URL (after redirects) and text. `controller` lets the
/// caller abort it; the timeout aborts it too, and gives up on it even where the browser does not
/// end the request on abort (WebKit keeps reading a trickling body after `abort()`). With
/// `offered`, the loader's early read of `url` ([`super::prefetch`]) is used when there is one.
pub async fn fetch_text(
    url: &str,
    controller: &AbortController,
    offered: bool,
) -> Result<(String, String), FetchError> {
    let signal = controller.signal();
    let request = async {
        if offered {
            if let Some(answer) = super::prefetch::take(url).await {
                return answer;
            }
        }
        let response = Request::get(url)
            .credentials(credentials())
            .cache(cache())
            .referrer_policy(referrer_policy())
            .abort_signal(Some(&signal))
            .send()
            .await
            .map_err(|_| FetchError::Network)?;
        if !response.ok() {
            return Err(FetchError::Http(response.status()));
        }
        let final_url = response.url();
        let body = response.binary().await.map_err(|_| FetchError::Network)?;
        Ok((final_url, text_of(body)))
    };
    let timeout = gloo_timers::future::TimeoutFuture::new(FETCH_TIMEOUT_MS);
    let request = pin!(request);
    match select(request, timeout).await {
        Either::Left((result, _)) if signal.aborted() => result.and(Err(FetchError::Cancelled)),
        Either::Left((result, _)) => result,
        Either::Right(_) => {
            controller.abort();
            Err(FetchError::Timeout)
        }
    }
}

/// [`REQUEST`]'s `credentials`, which the loader's early read uses too.
fn credentials() -> RequestCredentials {
    RequestCredentials::from_js_value(&REQUEST.credentials.into())
        .unwrap_or(RequestCredentials::Omit)
}

/// [`REQUEST`]'s `cache`.
fn cache() -> RequestCache {
    RequestCache::from_js_value(&REQUEST.cache.into()).unwrap_or(RequestCache::NoCache)
}

/// [`REQUEST`]'s `referrerPolicy`.
fn referrer_policy() -> ReferrerPolicy {
    ReferrerPolicy::from_js_value(&REQUEST.referrer_policy.into())
        .unwrap_or(ReferrerPolicy::StrictOrigin)
}
