//! Signed status files: the rules the widget and the command share. A signed file has a
//! signature beside it (`status.json.sig`: an Ed25519 signature over the file's exact bytes, in
//! base64); an element with `public-key="ed25519:…"` shows a file only when one of its keys
//! verifies that signature, and never a file older than one it already verified (an old "all
//! clear" replayed during an outage). Keys and signatures are written as the command prints
//! them: `ed25519:` and the bytes in base64 (standard or URL-safe alphabet, padding optional).
//!
//! Pure: decoding and the rules here; the command signs with an Ed25519 library and the widget
//! verifies with the browser's WebCrypto.

use crate::model::Timestamp;

/// What a public key (and, optionally, a signature file) starts with.
pub const KEY_PREFIX: &str = "ed25519:";

/// Bytes in an Ed25519 public key.
pub const PUBLIC_KEY_BYTES: usize = 32;

/// Bytes in an Ed25519 signature.
pub const SIGNATURE_BYTES: usize = 64;

/// An Ed25519 public key's bytes.
pub type PublicKey = [u8; PUBLIC_KEY_BYTES];

/// An Ed25519 signature's bytes.
pub type Signature = [u8; SIGNATURE_BYTES];

/// Why a signed status file was not shown.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum SignatureError {
    /// A `public-key` token that is not `ed25519:` and 32 bytes of base64.
    #[error("`{0}` is not a public key: write `ed25519:` and the key's 32 bytes in base64, as `status-widget key new` prints it")]
    BadKey(String),
    /// The signature file could not be fetched.
    #[error("no signature beside the file ({0}): a file the element must verify is not shown without one")]
    Missing(String),
    /// The signature file is not 64 bytes of base64.
    #[error("the signature file is not an Ed25519 signature (64 bytes in base64)")]
    BadSignature,
    /// No key verifies the signature.
    #[error("the signature does not match the file under any of the element's public keys: the file was changed after it was signed, or signed with another key")]
    Mismatch,
    /// The browser's WebCrypto has no Ed25519.
    #[error("this browser cannot verify Ed25519 signatures (its WebCrypto has no Ed25519), so the signed file is not shown")]
    Unsupported,
    /// A verified file without `updated_at`, which replay protection needs.
    #[error("the signed file has no `updated_at`, which a signed file needs (the widget refuses a file older than one it verified)")]
    Undated,
    /// A verified file older than one verified before.
    #[error("the file was updated at {file}, before the one already shown ({shown}): an older signed file is not shown again")]
    Replayed {
        /// The refused file's `updated_at`.
        file: String,
        /// The newest `updated_at` verified before.
        shown: String,
    },
    /// A format other tools write, which carries no signature.
    #[error("{0} documents cannot be signed: with `public-key` set, the widget reads only status-widget's own format")]
    Unsignable(&'static str),
}

/// The keys of a `public-key` attribute: space-separated, each `ed25519:` and base64 (several
/// while keys rotate). Any token that is not a key makes the whole attribute an error: a typo
/// must not quietly drop the key meant to verify.
pub fn public_keys(attribute: &str) -> Result<Vec<PublicKey>, SignatureError> {
    attribute
        .split_ascii_whitespace()
        .map(|token| {
            strip_prefix(token)
                .and_then(decode)
                .and_then(|bytes| PublicKey::try_from(bytes).ok())
                .ok_or_else(|| SignatureError::BadKey(token.to_owned()))
        })
        .collect()
}

/// The signature in a signature file's text: base64 of 64 bytes, optionally after `ed25519:`,
/// white space around it ignored.
pub fn signature(text: &str) -> Result<Signature, SignatureError> {
    let text = text.trim();
    let text = strip_prefix(text).unwrap_or(text);
    decode(text)
        .and_then(|bytes| Signature::try_from(bytes).ok())
        .ok_or(SignatureError::BadSignature)
}

/// A public key as the attribute takes it: `ed25519:` and base64.
pub fn encode_key(key: &PublicKey) -> String {
    format!("{KEY_PREFIX}{}", encode(key))
}

/// A signature file's text: base64 and a final newline.
pub fn encode_signature(signature: &Signature) -> String {
    format!("{}\n", encode(signature))
}

/// Where the signature of the file at `url` is: the same URL with `.sig` after its path (before
/// any query or fragment, so `status.json?v=2` has `status.json.sig?v=2`).
pub fn signature_url(url: &str) -> String {
    let end = url.find(['?', '#']).unwrap_or(url.len());
    format!("{}.sig{}", &url[..end], &url[end..])
}

/// Whether a file verified now, updated at `file`, may be shown after `shown`, the newest
/// `updated_at` verified before: not when it is older (the same instant is the same file, or one
/// that changed nothing the reader can date).
pub fn check_fresh(
    file: Option<Timestamp>,
    shown: Option<Timestamp>,
) -> Result<Timestamp, SignatureError> {
    let file = file.ok_or(SignatureError::Undated)?;
    match shown {
        Some(shown) if file < shown => Err(SignatureError::Replayed {
            file: file.to_rfc3339(),
            shown: shown.to_rfc3339(),
        }),
        _ => Ok(file),
    }
}

fn strip_prefix(token: &str) -> Option<&str> {
    let (head, rest) = token.split_at_checked(KEY_PREFIX.len())?;
    head.eq_ignore_ascii_case(KEY_PREFIX).then_some(rest)
}

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// Base64 with the standard alphabet and padding.
pub fn encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &b)| n | u32::from(b) << (16 - 8 * i));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(ALPHABET[(n >> (18 - 6 * i) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// Base64 in the standard or the URL-safe alphabet, padding optional; `None` for anything else
/// (white space inside, stray characters, bits left over).
pub fn decode(text: &str) -> Option<Vec<u8>> {
    let text = text.trim_end_matches('=');
    let mut out = Vec::with_capacity(text.len() * 3 / 4);
    let (mut bits, mut held) = (0u32, 0u32);
    for byte in text.bytes() {
        let value = match byte {
            b'A'..=b'Z' => byte - b'A',
            b'a'..=b'z' => byte - b'a' + 26,
            b'0'..=b'9' => byte - b'0' + 52,
            b'+' | b'-' => 62,
            b'/' | b'_' => 63,
            _ => return None,
        };
        bits = bits << 6 | u32::from(value);
        held += 6;
        if held >= 8 {
            held -= 8;
            out.push((bits >> held) as u8);
            bits &= (1 << held) - 1;
        }
    }
    // A lone sixth character, or bits set past the last byte, is not base64 anyone wrote.
    (held < 6 && bits == 0).then_some(out)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn base64_round_trips_and_refuses_what_is_not_base64() {
        for len in 0..70 {
            let bytes: Vec<u8> = (0..len).map(|i| (i * 37 + 11) as u8).collect();
            let text = encode(&bytes);
            assert_eq!(decode(&text), Some(bytes.clone()), "{text}");
            let url_safe = text.replace('+', "-").replace('/', "_");
            assert_eq!(decode(url_safe.trim_end_matches('=')), Some(bytes));
        }
        assert_eq!(encode(b"Man"), "TWFu");
        assert_eq!(encode(b"Ma"), "TWE=");
        assert_eq!(decode("TW E="), None);
        assert_eq!(decode("TWF"), None, "bits past the last byte");
        assert_eq!(decode("T"), None, "a lone character");
        assert_eq!(decode("TW*u"), None);
    }

    #[test]
    fn keys_are_read_one_by_one_and_a_bad_one_is_named() {
        let a = [7u8; 32];
        let b = [9u8; 32];
        let attribute = format!("  {}\n{} ", encode_key(&a), encode_key(&b));
        assert_eq!(public_keys(&attribute), Ok(vec![a, b]));
        assert_eq!(public_keys(""), Ok(vec![]));
        assert_eq!(
            public_keys(&format!("{} ed25519:AAAA", encode_key(&a))),
            Err(SignatureError::BadKey("ed25519:AAAA".into()))
        );
        let bare = encode(&a);
        assert_eq!(public_keys(&bare), Err(SignatureError::BadKey(bare)));
        assert_eq!(
            public_keys(&encode_key(&a).replace("ed25519", "ED25519")),
            Ok(vec![a])
        );
    }

    #[test]
    fn a_signature_file_is_64_bytes_of_base64() {
        let sig = [3u8; 64];
        assert_eq!(signature(&encode_signature(&sig)), Ok(sig));
        assert_eq!(signature(&format!("ed25519:{}", encode(&sig))), Ok(sig));
        assert_eq!(
            signature(&encode(&[3u8; 32])),
            Err(SignatureError::BadSignature)
        );
        assert_eq!(
            signature("<html>not found</html>"),
            Err(SignatureError::BadSignature)
        );
    }

    #[test]
    fn the_signature_sits_beside_the_file_before_its_query() {
        assert_eq!(
            signature_url("https://s.example.org/status.json"),
            "https://s.example.org/status.json.sig"
        );
        assert_eq!(
            signature_url("https://s.example.org/status.json?v=2#x"),
            "https://s.example.org/status.json.sig?v=2#x"
        );
    }

    #[test]
    fn an_older_file_is_refused_and_the_same_or_newer_one_shown() {
        let t = |s: &str| Timestamp::parse_rfc3339(s).ok();
        let shown = t("2024-11-08T10:00:00Z");
        assert_eq!(
            check_fresh(t("2024-11-08T10:00:00Z"), shown),
            Ok(shown.unwrap())
        );
        assert!(check_fresh(t("2024-11-09T10:00:00Z"), shown).is_ok());
        assert!(check_fresh(t("2024-11-08T09:00:00Z"), None).is_ok());
        assert_eq!(
            check_fresh(t("2024-11-04T07:00:00Z"), shown),
            Err(SignatureError::Replayed {
                file: "2024-11-04T07:00:00Z".into(),
                shown: "2024-11-08T10:00:00Z".into()
            })
        );
        assert_eq!(check_fresh(None, shown), Err(SignatureError::Undated));
    }
}
