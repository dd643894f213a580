//! What an element's `public-key` and `link-origins` ask for, as a file is read. Signed status
//! files: the signature beside the file (`status.json.sig`, fetched with the same request
//! options) is verified with the browser's WebCrypto (Ed25519) before anything of the file is
//! read, and a verified file older than the newest one verified on this page is refused, so an
//! old "all clear" cannot be replayed during an outage (the rules are [`crate::signature`]'s).
//! Links: those outside the origins allowed lose the link and keep their words
//! ([`crate::model::links::keep_links_within`]). Everything here runs in the `trust` chunk of
//! the banner build ([`super::chunks::checked_reader`]), which a page with neither attribute
//! never downloads.

use super::fetch::{fetch_text, FetchError};
use super::sources::{read, Current, SourceError};
use crate::formats::{Format, LoadError, SourceFormat};
use crate::model::links::{allowed_origins, keep_links_within};
use crate::model::Timestamp;
use crate::signature::{check_fresh, public_keys, signature, signature_url, SignatureError};
use js_sys::{Array, Function, Promise, Reflect, Uint8Array};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::AbortController;

thread_local! {
    /// The newest `updated_at` verified on this page, for each element's sources and keys: a
    /// widget that is removed and added again (or a second one on the page) does not forget it.
    static NEWEST: RefCell<Vec<(String, Timestamp)>> = const { RefCell::new(Vec::new()) };
}

/// A file read for an element with `public-key` or `link-origins`, to check as it is read.
pub struct Checked {
    /// The `public-key` attribute's text, when set.
    pub keys: Option<String>,
    /// The `link-origins` attribute's text, when set.
    pub link_origins: Option<String>,
    /// The element's sources (with its keys, what the newest verified date is kept for).
    pub sources: Vec<String>,
    /// The file's final URL, beside which its signature is.
    pub url: String,
    /// The file's text.
    pub text: String,
    /// The reader the element asks for.
    pub format: Format,
    /// The language the reader wants the file's texts in.
    pub wanted: String,
    /// Aborts the signature's fetch with the file's.
    pub controller: AbortController,
}

/// Reads `checked`. With keys: only once the signature beside the file (fetched with the same
/// request options) verifies under one of them with WebCrypto, only status-widget's own format
/// (another tool's carries no signature), and only when it is not older than the newest file
/// verified for the same element before. With `link-origins`: without the links that point
/// elsewhere (their words stay).
pub(crate) async fn read_checked(checked: Checked) -> Result<Rc<Current>, SourceError> {
    let refuse = |e: SignatureError| SourceError::Signature(e.to_string());
    let Checked {
        keys,
        link_origins,
        sources,
        url,
        text,
        mut format,
        wanted,
        controller,
    } = checked;
    if let Some(keys) = &keys {
        let sig_url = signature_url(&url);
        let sig = match fetch_text(&sig_url, &controller, false).await {
            Ok((_, sig)) => sig,
            Err(FetchError::Cancelled) => return Err(SourceError::Fetch(FetchError::Cancelled)),
            Err(e) => return Err(refuse(SignatureError::Missing(format!("{sig_url}: {e}")))),
        };
        verify(keys, &sig, &text).await.map_err(refuse)?;
        match format {
            Format::Only(other) if other != SourceFormat::Native => {
                return Err(refuse(SignatureError::Unsignable(other.name())))
            }
            _ => format = Format::Only(SourceFormat::Native),
        }
    }
    let mut current = read(url, text, format, &wanted)
        .await
        .map_err(|e| match e {
            // A document of another format, which the native reader refused.
            SourceError::Load(LoadError::OtherFormat { found, .. }) if keys.is_some() => {
                refuse(SignatureError::Unsignable(found))
            }
            e => e,
        })?;
    if let Some(keys) = keys {
        let who = format!("{} {keys}", sources.join(" "));
        NEWEST.with(|newest| {
            let mut newest = newest.borrow_mut();
            let seen = newest.iter().position(|(w, _)| *w == who);
            let file = check_fresh(current.document.updated_at, seen.map(|i| newest[i].1))
                .map_err(refuse)?;
            match seen {
                Some(i) => newest[i].1 = file,
                None => newest.push((who, file)),
            }
            Ok::<_, SourceError>(())
        })?;
    }
    if let Some(origins) = link_origins {
        // The document was just read: nothing else holds it yet.
        if let Some(document) = Rc::get_mut(&mut current.document) {
            keep_links_within(document, &allowed_origins(&origins));
        }
    }
    Ok(Rc::new(current))
}

/// Decodes the keys and the signature, then asks WebCrypto whether any key verifies `text`'s
/// bytes. An engine without Ed25519 in WebCrypto (or a page where `crypto.subtle` is missing:
/// not a secure context) cannot verify, which is an error as well: nothing unverified is shown.
async fn verify(keys: &str, sig: &str, text: &str) -> Result<(), SignatureError> {
    let keys = public_keys(keys)?;
    let sig = signature(sig)?;
    let subtle = web_sys::window()
        .and_then(|w| property(&w, "crypto"))
        .and_then(|c| property(&c, "subtle"))
        .ok_or(SignatureError::Unsupported)?;
    let bytes = |b: &[u8]| JsValue::from(Uint8Array::from(b));
    let (sig, text) = (bytes(&sig), bytes(text.as_bytes()));
    for key in &keys {
        let import = [
            "raw".into(),
            bytes(key),
            "Ed25519".into(),
            false.into(),
            Array::of1(&"verify".into()).into(),
        ];
        let key = settle(call(&subtle, "importKey", &import)).await?;
        let verify = ["Ed25519".into(), key, sig.clone(), text.clone()];
        if settle(call(&subtle, "verify", &verify)).await?.as_bool() == Some(true) {
            return Ok(());
        }
    }
    Err(SignatureError::Mismatch)
}

/// `target[name]`, when it is there.
fn property(target: &JsValue, name: &str) -> Option<JsValue> {
    Reflect::get(target, &name.into())
        .ok()
        .filter(|v| !v.is_undefined() && !v.is_null())
}

/// `target[method](...args)` (a thrown call or a missing method: `None`). WebCrypto is called by
/// name, through the generic calls the widget's glue has anyway, rather than through web-sys
/// bindings whose JavaScript glue every page would download.
fn call(target: &JsValue, method: &str, args: &[JsValue]) -> Option<JsValue> {
    let function: Function = property(target, method)?.unchecked_into();
    let args: Array = args.iter().collect();
    Reflect::apply(&function, target, &args).ok()
}

/// What `value` (a promise, or anything) resolves to; a missing method, a refusal
/// (`NotSupportedError` for an unknown algorithm) or a thrown call is an engine that cannot
/// verify.
async fn settle(promise: Option<JsValue>) -> Result<JsValue, SignatureError> {
    let promise = Promise::resolve(&promise.ok_or(SignatureError::Unsupported)?);
    JsFuture::from(promise)
        .await
        .map_err(|_| SignatureError::Unsupported)
}
