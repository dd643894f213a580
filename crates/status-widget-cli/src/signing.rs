//! Signed status files on the owner's side: `key new` makes an Ed25519 key pair, every command
//! that writes a status file also writes `FILE.sig` (an Ed25519 signature over the file's exact
//! bytes) when it has the private key, and `sign`/`verify` do it by hand (`publish.sh` signs what
//! it publishes). The private key is never printed: it lives in a file only its owner can read,
//! or in an environment variable the owner names (a CI secret).
//!
//! Where the key comes from, first found: `--key FILE`, `--key-env NAME`, the environment's
//! `STATUS_WIDGET_KEY_FILE` (a path), `STATUS_WIDGET_KEY_ENV` (a variable's name). A file that
//! is signed already (`FILE.sig` exists) is never rewritten without the key: its old signature
//! would no longer match, and the widget would show none of the change.

use crate::store::{beside, write_atomically};
use crate::CliError;
use ed25519_dalek::{Signer, SigningKey, Verifier, VerifyingKey};
use status_core::signature::{self, PublicKey};
use std::fs::OpenOptions;
use std::io::Write;
use std::path::{Path, PathBuf};

/// The environment variable naming the private key's file.
pub const KEY_FILE_VAR: &str = "STATUS_WIDGET_KEY_FILE";
/// The environment variable naming the variable that holds the private key itself.
pub const KEY_ENV_VAR: &str = "STATUS_WIDGET_KEY_ENV";
/// What a private key's text starts with (the rest: its 32-byte seed in base64).
const SECRET_PREFIX: &str = "ed25519-secret:";

/// Where the private key is to be read from, when anywhere.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum KeySource {
    /// No key: files are written unsigned (and a signed one is not rewritten).
    #[default]
    None,
    /// A file holding the key (created by `key new`, mode 0600).
    File(PathBuf),
    /// An environment variable holding the key's text.
    Env(String),
}

impl KeySource {
    /// The source the command line names, else the one the environment names.
    pub fn from_args(file: Option<PathBuf>, env: Option<String>) -> Self {
        let var = |name: &str| std::env::var(name).ok().filter(|v| !v.trim().is_empty());
        match (file, env) {
            (Some(file), _) => KeySource::File(file),
            (None, Some(name)) => KeySource::Env(name),
            (None, None) => match (var(KEY_FILE_VAR), var(KEY_ENV_VAR)) {
                (Some(file), _) => KeySource::File(file.into()),
                (None, Some(name)) => KeySource::Env(name),
                (None, None) => KeySource::None,
            },
        }
    }

    /// The private key, if a source is named; an error when it is named but unreadable, not a
    /// key, or (a file) readable by others.
    pub fn load(&self) -> Result<Option<SigningKey>, CliError> {
        let (text, from) = match self {
            KeySource::None => return Ok(None),
            KeySource::File(path) => {
                check_private(path)?;
                let text = std::fs::read_to_string(path).map_err(|e| CliError::io(path, e))?;
                (text, path.display().to_string())
            }
            KeySource::Env(name) => {
                let text = std::env::var(name).map_err(|_| {
                    CliError::Key(format!(
                        "the environment variable {name} (named by --key-env or {KEY_ENV_VAR}) is not set"
                    ))
                })?;
                (text, format!("the environment variable {name}"))
            }
        };
        secret_key(&text).map(Some).ok_or_else(|| {
            CliError::Key(format!(
                "{from} does not hold a private key written by `status-widget key new` ({SECRET_PREFIX}…)"
            ))
        })
    }
}

/// The key in a private key's text (white space around it ignored).
fn secret_key(text: &str) -> Option<SigningKey> {
    let seed = text.trim().strip_prefix(SECRET_PREFIX)?;
    let seed: [u8; 32] = signature::decode(seed)?.try_into().ok()?;
    Some(SigningKey::from_bytes(&seed))
}

/// Refuses a key file that others can read (as ssh does): the key signs what every login page
/// shows.
#[cfg(unix)]
fn check_private(path: &Path) -> Result<(), CliError> {
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(path)
        .map_err(|e| CliError::io(path, e))?
        .permissions()
        .mode();
    if mode & 0o077 != 0 {
        return Err(CliError::Key(format!(
            "{} can be read by others (mode {:03o}); nothing was signed. Make it yours alone with: chmod 600 {}",
            path.display(),
            mode & 0o777,
            path.display()
        )));
    }
    Ok(())
}

#[cfg(not(unix))]
fn check_private(_: &Path) -> Result<(), CliError> {
    Ok(())
}

/// The key a write of the status file at `path` signs with: `None` to write it unsigned. Refuses
/// (before anything is written) to rewrite a signed file without the key.
pub fn key_for_write(path: &Path, key: &KeySource) -> Result<Option<SigningKey>, CliError> {
    let signing = key.load()?;
    let sig = beside(path, ".sig");
    if signing.is_none() && sig.exists() {
        return Err(CliError::Key(format!(
            "{} is signed ({} is beside it), and no key was given, so nothing was written: a change without a new signature would not be shown. Give the key with --key FILE, --key-env NAME or {KEY_FILE_VAR}",
            path.display(),
            sig.display()
        )));
    }
    Ok(signing)
}

/// Writes `FILE.sig` beside `path`: the signature of `bytes`, the file's exact content.
pub fn write_signature(path: &Path, bytes: &[u8], key: &SigningKey) -> Result<(), CliError> {
    let signature = key.sign(bytes).to_bytes();
    write_atomically(
        &beside(path, ".sig"),
        signature::encode_signature(&signature).as_bytes(),
    )
}

/// `status-widget key new`: writes a new private key to `out` (created 0600; never replaced
/// unless `force`) and returns what to print: the public key and the attribute, never the
/// private key.
pub fn new_key(out: &Path, force: bool) -> Result<String, CliError> {
    let mut seed = [0u8; 32];
    getrandom::fill(&mut seed)
        .map_err(|e| CliError::Key(format!("the system gave no random bytes: {e}")))?;
    let key = SigningKey::from_bytes(&seed);
    let mut options = OpenOptions::new();
    options.write(true);
    if force {
        options.create(true).truncate(true);
    } else {
        options.create_new(true);
    }
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let mut file = options.open(out).map_err(|e| {
        if e.kind() == std::io::ErrorKind::AlreadyExists {
            CliError::Key(format!(
                "{} exists; nothing was written. Pass --force to replace it (pages that verify with its public key would then show nothing until their public-key is changed)",
                out.display()
            ))
        } else {
            CliError::io(out, e)
        }
    })?;
    #[cfg(unix)]
    {
        // `mode` applies to a file being created; one being replaced keeps its mode otherwise.
        use std::os::unix::fs::PermissionsExt;
        file.set_permissions(std::fs::Permissions::from_mode(0o600))
            .map_err(|e| CliError::io(out, e))?;
    }
    let text = format!("{SECRET_PREFIX}{}\n", signature::encode(&seed));
    file.write_all(text.as_bytes())
        .and_then(|()| file.sync_all())
        .map_err(|e| CliError::io(out, e))?;
    let public = public_key(&key);
    Ok(format!(
        "Wrote a new private key to {out} (readable by you only: keep it out of the published folder and out of version control).\n\
         Public key: {public}\n\
         Paste it into the element:\n  public-key=\"{public}\"\n\
         Every command that writes the status file signs it (status.json.sig) when given the key:\n  \
         --key {out}, or STATUS_WIDGET_KEY_FILE={out}, or the key's text in a secret named by --key-env NAME.",
        out = out.display()
    ))
}

/// The public key of `key`, as the element's `public-key` takes it.
pub fn public_key(key: &SigningKey) -> String {
    signature::encode_key(&key.verifying_key().to_bytes())
}

/// `status-widget sign FILE`: writes `FILE.sig`. Returns what to print.
pub fn sign_file(path: &Path, key: &KeySource) -> Result<String, CliError> {
    let Some(signing) = key.load()? else {
        return Err(CliError::Key(format!(
            "no key to sign with: give it with --key FILE, --key-env NAME or {KEY_FILE_VAR}"
        )));
    };
    let bytes = std::fs::read(path).map_err(|e| CliError::io(path, e))?;
    write_signature(path, &bytes, &signing)?;
    Ok(format!(
        "Signed {} ({}), verifiable with {}",
        path.display(),
        beside(path, ".sig").display(),
        public_key(&signing)
    ))
}

/// `status-widget verify FILE --public-key KEYS`: whether `FILE.sig` is a signature of the file
/// by one of `keys` (the attribute's text), as the widget decides. Returns the key that verified.
pub fn verify_file(path: &Path, keys: &str) -> Result<String, CliError> {
    let keys = signature::public_keys(keys).map_err(|e| CliError::Usage(e.to_string()))?;
    if keys.is_empty() {
        return Err(CliError::Usage("--public-key names no key".into()));
    }
    let bytes = std::fs::read(path).map_err(|e| CliError::io(path, e))?;
    let sig_path = beside(path, ".sig");
    let sig_text = std::fs::read_to_string(&sig_path).map_err(|e| CliError::io(&sig_path, e))?;
    let sig = signature::signature(&sig_text).map_err(|e| CliError::Invalid(e.to_string()))?;
    match verifying_key(&keys, &bytes, &sig) {
        Some(key) => Ok(signature::encode_key(key)),
        None => Err(CliError::Invalid(format!(
            "{}: {}",
            path.display(),
            signature::SignatureError::Mismatch
        ))),
    }
}

/// The first of `keys` under which `sig` is a signature of `bytes`.
pub fn verifying_key<'k>(
    keys: &'k [PublicKey],
    bytes: &[u8],
    sig: &signature::Signature,
) -> Option<&'k PublicKey> {
    let sig = ed25519_dalek::Signature::from_bytes(sig);
    keys.iter()
        .find(|key| VerifyingKey::from_bytes(key).is_ok_and(|key| key.verify(bytes, &sig).is_ok()))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// RFC 8032 §7.1, tests 1–3: the secret key's seed, the public key, the message and the
    /// signature, in hex.
    const RFC8032: [(&str, &str, &str, &str); 3] = [
        (
            "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60",
            "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a",
            "",
            "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b",
        ),
        (
            "4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb",
            "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c",
            "72",
            "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00",
        ),
        (
            "c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7",
            "fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025",
            "af82",
            "6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac18ff9b538d16f290ae67f760984dc6594a7c15e9716ed28dc027beceea1ec40a",
        ),
    ];

    fn hex(text: &str) -> Vec<u8> {
        (0..text.len())
            .step_by(2)
            .map(|i| u8::from_str_radix(&text[i..i + 2], 16).unwrap())
            .collect()
    }

    #[test]
    fn signing_matches_the_rfc_8032_test_vectors_and_they_verify() {
        for (seed, public, message, expected) in RFC8032 {
            let seed: [u8; 32] = hex(seed).try_into().unwrap();
            let text = format!("{SECRET_PREFIX}{}", signature::encode(&seed));
            let key = secret_key(&text).expect("the key's text reads back");
            let public: PublicKey = hex(public).try_into().unwrap();
            assert_eq!(key.verifying_key().to_bytes(), public);
            assert_eq!(public_key(&key), signature::encode_key(&public));
            let sig = key.sign(&hex(message)).to_bytes();
            assert_eq!(sig.to_vec(), hex(expected), "the signature of {message:?}");
            // Through the signature file's text and back, as the widget reads it.
            let read = signature::signature(&signature::encode_signature(&sig)).unwrap();
            assert_eq!(
                verifying_key(&[[0; 32], public], &hex(message), &read),
                Some(&public)
            );
            let mut changed = hex(message);
            changed.push(0);
            assert_eq!(verifying_key(&[public], &changed, &read), None);
        }
    }

    #[test]
    fn a_key_text_that_is_not_a_key_is_refused() {
        assert!(secret_key("ed25519-secret:AAAA").is_none());
        assert!(secret_key(&signature::encode_key(&[1; 32])).is_none());
        assert!(secret_key(&format!(
            "  {SECRET_PREFIX}{}\n",
            signature::encode(&[1; 32])
        ))
        .is_some());
    }
}
