//! `status-widget notify`: tells people what changed in the status file (an incident opened,
//! updated or resolved; maintenance scheduled, started or completed; notices) by posting to the
//! destinations in the settings file beside it: Slack, Discord, Microsoft Teams and a generic
//! signed JSON webhook. It compares the file with its previous version (`FILE.bak`, which every
//! edit keeps, or `--since`), so it runs after an edit (`--notify` on any editing command) or on
//! its own. A failed notification never touches the status file: the write stands, the summary
//! says what was not sent, and the exit status is 3.

mod config;
mod deliver;
mod payload;

use super::changes::{self, Change};
use super::feed::is_web;
use super::store::{self, beside};
use super::{now, CliError};
use config::Settings;
use status_core::model::Vocabulary;
use std::path::PathBuf;
use std::process::ExitCode;

/// Exit status when some destination was not reached (the status file is as written).
pub const NOT_ALL_SENT: u8 = 3;

/// What `notify` was asked.
pub struct Request {
    /// The status file as it is now.
    pub file: PathBuf,
    /// The version to compare with (default `FILE.bak`).
    pub since: Option<PathBuf>,
    /// The settings file (default `status.notify.json` beside `status.json`).
    pub settings: Option<PathBuf>,
    /// Only these destinations (by name).
    pub to: Vec<String>,
    /// Print what would be posted instead of posting.
    pub dry_run: bool,
}

/// Compares, posts and prints the summary.
pub fn run(request: &Request) -> Result<ExitCode, CliError> {
    let file = &request.file;
    let since = request
        .since
        .clone()
        .unwrap_or_else(|| beside(file, ".bak"));
    let new = match store::read_document(file) {
        Err(e) if missing(&e) => return Err(CliError::NoStatusFile(file.display().to_string())),
        read => read?.document,
    };
    let old = match store::read_document(&since) {
        Err(e) if missing(&e) && request.since.is_none() => {
            return Err(CliError::Invalid(format!(
                "there is no earlier version of {} to compare with ({} is written by every edit); pass --since OLD_FILE",
                file.display(),
                since.display()
            )))
        }
        read => read?.document,
    };
    let changes = changes::between(&old, &new, now());
    if changes.is_empty() {
        println!(
            "nothing to announce: no change readers need to hear of between {} and {}",
            since.display(),
            file.display()
        );
        return Ok(ExitCode::SUCCESS);
    }
    println!(
        "{} change{} in {} since {}:",
        changes.len(),
        if changes.len() == 1 { "" } else { "s" },
        file.display(),
        since.display()
    );
    for change in &changes {
        println!("  {}", describe(change));
    }

    let settings_path = request
        .settings
        .clone()
        .unwrap_or_else(|| config::default_path(file));
    let settings = config::load(&settings_path)?;
    let chosen = choose(&settings, &request.to)?;
    let page = new.service.status_page.as_deref().filter(|p| is_web(p));
    let keys: Vec<&str> = changes.iter().map(|c| c.key.as_str()).collect();
    let delivery = deliver::delivery_id(&keys);
    let sent_at = now();
    let policy = deliver::Policy {
        timeout: settings.timeout(),
        retries: settings.retries,
        delay: std::time::Duration::from_millis(settings.retry_delay_ms),
    };
    let mut failed = Vec::new();
    for destination in chosen {
        // A destination whose readers read another language gets the file's words in it.
        let translated = match destination.language.as_deref() {
            Some(lang) => Some((
                store::read_document_in(file, lang)?.document,
                store::read_document_in(&since, lang)?.document,
            )),
            None => None,
        };
        let (new, changes) = match &translated {
            Some((new_in, old_in)) => (new_in, changes::between(old_in, new_in, sent_at)),
            None => (&new, changes.clone()),
        };
        let context = payload::Context {
            service: new.service.name.as_ref().map_or("Service", |n| n.as_str()),
            status_page: page,
            updated_at: new.updated_at,
            sent_at,
            delivery: &delivery,
        };
        let body = serde_json::to_vec(&payload::body(destination.kind, &context, &changes))
            .expect("a JSON value always serializes");
        let label = destination.label();
        if request.dry_run {
            println!(
                "would post to {label} ({}):\n{}",
                destination.kind.name(),
                String::from_utf8_lossy(&body)
            );
            continue;
        }
        let reached = address(destination).and_then(|url| {
            let secret = match &destination.secret_env {
                Some(name) => Some(variable(name)?.into_bytes()),
                None => None,
            };
            Ok((url, secret))
        });
        match reached {
            Err(why) => {
                println!("not sent to {label}: {why}");
                failed.push(label.to_owned());
            }
            Ok((url, secret)) => {
                let outcome = deliver::post(&url, &body, &delivery, secret.as_deref(), &policy);
                let tries = outcome.attempts.join(", then ");
                if outcome.delivered {
                    println!("sent to {label} ({}): {tries}", config::redacted(&url));
                } else {
                    println!("not sent to {label} ({}): {tries}", config::redacted(&url));
                    failed.push(label.to_owned());
                }
            }
        }
    }
    if failed.is_empty() {
        return Ok(ExitCode::SUCCESS);
    }
    let mut retry = format!("status-widget notify --file {}", file.display());
    if request.since.is_some() {
        retry.push_str(&format!(" --since {}", since.display()));
    }
    for name in &failed {
        retry.push_str(&format!(" --to {name}"));
    }
    eprintln!(
        "status-widget: {} not reached ({}); the status file is as written. Try again with:\n  {retry}",
        if failed.len() == 1 {
            "1 destination was"
        } else {
            "some destinations were"
        },
        failed.join(", ")
    );
    Ok(ExitCode::from(NOT_ALL_SENT))
}

/// "incident login-failing opened: Login failing (major, investigating)".
fn describe(change: &Change) -> String {
    let mut said = format!(
        "{} {} {}: {}",
        change.subject.name(),
        change.id,
        change.action.name(),
        change.title
    );
    let impact = change.impact.map(Vocabulary::name);
    let details: Vec<&str> = impact
        .into_iter()
        .chain(std::iter::once(change.status.as_str()))
        .collect();
    said.push_str(&format!(" ({})", details.join(", ")));
    said
}

/// The destinations `to` names (all when empty), refusing an unknown name.
fn choose<'a>(
    settings: &'a Settings,
    to: &[String],
) -> Result<Vec<&'a config::Destination>, CliError> {
    for name in to {
        if !settings.destinations.iter().any(|d| d.label() == name) {
            let known: Vec<&str> = settings.destinations.iter().map(|d| d.label()).collect();
            return Err(CliError::Usage(format!(
                "--to {name}: no destination is called that (there are: {})",
                known.join(", ")
            )));
        }
    }
    Ok(settings
        .destinations
        .iter()
        .filter(|d| to.is_empty() || to.iter().any(|n| n == d.label()))
        .collect())
}

/// The destination's address, from the file or its environment variable, if it may be used.
fn address(destination: &config::Destination) -> Result<String, String> {
    let url = match (&destination.url, &destination.url_env) {
        (Some(url), _) => url.clone(),
        (None, Some(name)) => variable(name)?,
        (None, None) => return Err("no address".into()),
    };
    let url = url.trim().to_owned();
    if config::allowed(&url) {
        Ok(url)
    } else {
        Err(format!(
            "the address must start with https:// (http:// only to this machine); it is {}",
            config::redacted(&url)
        ))
    }
}

fn variable(name: &str) -> Result<String, String> {
    match std::env::var(name) {
        Ok(value) if !value.trim().is_empty() => Ok(value),
        _ => Err(format!("the environment variable {name} is not set")),
    }
}

/// Whether reading failed because the file is not there.
fn missing(error: &CliError) -> bool {
    matches!(error, CliError::Io { source, .. } if source.kind() == std::io::ErrorKind::NotFound)
}
