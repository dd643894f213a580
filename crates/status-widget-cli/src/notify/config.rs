//! The notification settings beside the status file (`status.notify.json` for `status.json`):
//! where to post and how patiently. Webhook addresses and signing secrets are secrets: they are
//! named here by environment variable (`url_env`, `secret_env`), never written into the status
//! file, and a literal `secret` is refused.

use super::super::CliError;
use serde::Deserialize;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// Where a message goes and in which shape.
#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// A Slack incoming webhook.
    Slack,
    /// A Discord channel webhook.
    Discord,
    /// A Microsoft Teams workflow ("When a Teams webhook request is received").
    Teams,
    /// Any JSON receiver, signed with HMAC-SHA256.
    Webhook,
}

impl Kind {
    /// `slack`, `discord`, `teams` or `webhook`.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Slack => "slack",
            Kind::Discord => "discord",
            Kind::Teams => "teams",
            Kind::Webhook => "webhook",
        }
    }
}

/// One destination as written in the settings file.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Destination {
    /// What the summary calls it and `--to` selects (default: the kind).
    pub name: Option<String>,
    /// The payload's shape.
    pub kind: Kind,
    /// The address itself (fine for a local receiver; a chat webhook's address is a secret).
    pub url: Option<String>,
    /// The environment variable holding the address.
    pub url_env: Option<String>,
    /// The environment variable holding the signing secret (required for `webhook`).
    pub secret_env: Option<String>,
    /// The language its readers read (a BCP 47 tag): the status file's texts in that language
    /// where it gives them, else in its own (default: the file's own).
    pub language: Option<String>,
}

impl Destination {
    /// The name the summary uses.
    pub fn label(&self) -> &str {
        self.name.as_deref().unwrap_or(self.kind.name())
    }
}

/// The whole settings file.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Settings {
    /// Where to post.
    pub destinations: Vec<Destination>,
    /// How long one attempt may take, in seconds (default 10).
    #[serde(default = "default_timeout")]
    pub timeout_seconds: f64,
    /// Further attempts after a failure that may pass (default 3).
    #[serde(default = "default_retries")]
    pub retries: u32,
    /// The wait before the first retry, doubled for each further one (default 1000 ms).
    #[serde(default = "default_delay")]
    pub retry_delay_ms: u64,
}

fn default_timeout() -> f64 {
    10.0
}

fn default_retries() -> u32 {
    3
}

fn default_delay() -> u64 {
    1000
}

impl Settings {
    /// One attempt's time limit.
    pub fn timeout(&self) -> Duration {
        Duration::from_secs_f64(self.timeout_seconds)
    }
}

/// The settings file used for `status_file`: `status.json` → `status.notify.json`.
pub fn default_path(status_file: &Path) -> PathBuf {
    let stem = status_file
        .file_stem()
        .map_or_else(|| "status".into(), |s| s.to_string_lossy().into_owned());
    status_file.with_file_name(format!("{stem}.notify.json"))
}

/// Reads and checks the settings in `path`.
pub fn load(path: &Path) -> Result<Settings, CliError> {
    let text = std::fs::read_to_string(path).map_err(|e| {
        if e.kind() == std::io::ErrorKind::NotFound {
            CliError::Invalid(format!(
                "{} does not exist: write the destinations there, for example\n{}",
                path.display(),
                EXAMPLE
            ))
        } else {
            CliError::io(path, e)
        }
    })?;
    parse(&text).map_err(|why| CliError::Invalid(format!("{}: {why}", path.display())))
}

/// An example settings file (`examples/publish/status.notify.json`; `notify --help` prints it).
pub const EXAMPLE: &str = include_str!("../../../../examples/publish/status.notify.json");

/// Parses settings text, saying what is wrong in a reader's words.
pub fn parse(text: &str) -> Result<Settings, String> {
    let raw: serde_json::Value = serde_json::from_str(text).map_err(|e| e.to_string())?;
    let listed = raw.get("destinations").and_then(|d| d.as_array());
    if listed
        .into_iter()
        .flatten()
        .any(|d| d.get("secret").is_some())
    {
        return Err("a signing secret is never written in a file: put it in an environment variable and name that variable with \"secret_env\"".into());
    }
    let settings: Settings = serde_json::from_value(raw).map_err(|e| e.to_string())?;
    if !(settings.timeout_seconds > 0.0 && settings.timeout_seconds <= 300.0) {
        return Err("timeout_seconds must be more than 0 and at most 300".into());
    }
    if settings.retries > 10 {
        return Err("retries must be at most 10".into());
    }
    if settings.retry_delay_ms > 60_000 {
        return Err("retry_delay_ms must be at most 60000".into());
    }
    let mut names: Vec<&str> = Vec::new();
    for (i, d) in settings.destinations.iter().enumerate() {
        let at = format!("destinations[{i}] ({})", d.label());
        match (&d.url, &d.url_env) {
            (None, None) => return Err(format!("{at}: give \"url_env\" (or \"url\")")),
            (Some(_), Some(_)) => {
                return Err(format!("{at}: give \"url\" or \"url_env\", not both"))
            }
            _ => {}
        }
        if d.kind == Kind::Webhook && d.secret_env.is_none() {
            return Err(format!(
                "{at}: a webhook is signed: name the environment variable holding its secret with \"secret_env\""
            ));
        }
        if d.kind != Kind::Webhook && d.secret_env.is_some() {
            return Err(format!(
                "{at}: only a \"webhook\" is signed; {} takes no secret",
                d.kind.name()
            ));
        }
        if let Some(language) = &d.language {
            if !status_core::i18n::is_language_tag(language.trim()) {
                return Err(format!(
                    "{at}: \"language\" `{language}` is not a language tag (BCP 47, such as de or pt-BR)"
                ));
            }
        }
        if names.contains(&d.label()) {
            return Err(format!(
                "{at}: two destinations are called `{}`: give each a \"name\"",
                d.label()
            ));
        }
        names.push(d.label());
    }
    Ok(settings)
}

/// Whether `url` may be posted to: `https:`, or `http:` to this machine only.
pub fn allowed(url: &str) -> bool {
    if url.starts_with("https://") {
        return true;
    }
    let Some(rest) = url.strip_prefix("http://") else {
        return false;
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or(rest);
    let host = host.rsplit_once('@').map_or(host, |(_, h)| h);
    let name = if host.starts_with('[') {
        host.split(']').next().map(|h| format!("{h}]"))
    } else {
        host.split(':').next().map(str::to_owned)
    };
    matches!(name.as_deref(), Some("127.0.0.1" | "localhost" | "[::1]"))
}

/// `url` without its path and query (a chat webhook's path is its secret): `https://hooks.slack.com`.
pub fn redacted(url: &str) -> String {
    match url.split_once("://") {
        Some((scheme, rest)) => {
            let host = rest.split(['/', '?', '#']).next().unwrap_or(rest);
            let host = host.rsplit_once('@').map_or(host, |(_, h)| h);
            format!("{scheme}://{host}")
        }
        None => "(not a URL)".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_example_is_valid_and_literal_secrets_are_refused() {
        let settings = parse(EXAMPLE).expect("the example parses");
        assert_eq!(settings.destinations.len(), 4);
        assert_eq!(settings.retries, 3);
        let literal =
            r#"{"destinations":[{"kind":"webhook","url":"https://x.example/","secret":"s3cret"}]}"#;
        assert!(parse(literal).unwrap_err().contains("secret_env"));
        let unsigned = r#"{"destinations":[{"kind":"webhook","url":"https://x.example/"}]}"#;
        assert!(parse(unsigned).unwrap_err().contains("signed"));
        let unknown = r#"{"destinations":[{"kind":"pager","url":"https://x.example/"}]}"#;
        assert!(parse(unknown).unwrap_err().contains("unknown variant"));
        let twice =
            r#"{"destinations":[{"kind":"slack","url_env":"A"},{"kind":"slack","url_env":"B"}]}"#;
        assert!(parse(twice).unwrap_err().contains("name"));
    }

    #[test]
    fn plain_http_only_to_this_machine_and_paths_are_never_shown() {
        assert!(allowed("https://hooks.slack.com/services/T/B/X"));
        assert!(allowed("http://127.0.0.1:8080/hook"));
        assert!(allowed("http://localhost/hook"));
        assert!(allowed("http://[::1]:9/x"));
        assert!(!allowed("http://hooks.example.org/hook"));
        assert!(!allowed("http://127.0.0.1.example.org/hook"));
        assert!(!allowed("ftp://127.0.0.1/"));
        assert_eq!(
            redacted("https://hooks.slack.com/services/T/B/secret?x=1"),
            "https://hooks.slack.com"
        );
        assert_eq!(
            redacted("https://user:pw@h.example:8443/p"),
            "https://h.example:8443"
        );
    }
}
