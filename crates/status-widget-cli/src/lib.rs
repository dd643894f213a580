//! The `status-widget` command (native only; the wasm never contains it): checks status files,
//! posts incidents, maintenance and notices by editing the file in place (atomically, never
//! writing an invalid result), imports other tools' feeds, writes the Atom and JSON feeds and the
//! badge, tells people what changed, prints the JSON Schema and serves a folder for a local
//! preview. Built on the same core as the widget, so what it writes is what the widget reads.
//!
//! `args` is the command line, `error` why a command failed; this file dispatches. One file per
//! command family: `init`, `check`, `incident`, `maintenance`, `notice`, `import`, `feed`,
//! `badge`, `notify`, `serve`, `signing` (keys, `sign`, `verify`); `edit` (changes to the JSON that keep what it does not know) and
//! `store` (lock, check, `.bak`, atomic write) serve the editing ones.

mod args;
mod badge;
mod changes;
mod check;
mod edit;
mod entries;
mod error;
mod feed;
mod import;
mod incident;
mod init;
mod maintenance;
mod notice;
mod notify;
mod serve;
mod signing;
mod store;
mod words;

pub use args::Cli;
use args::{Command, FileArg, KeyAction};
use clap::Parser;
pub use error::CliError;
use serde_json::Value;
use status_core::model::{CalendarDate, Timestamp};
use std::process::ExitCode;

/// The JSON Schema of format v1 (also served as `www/status.schema.json`).
pub const SCHEMA: &str = include_str!("../../../www/status.schema.json");

/// Runs the command line and returns the exit status.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let key = signing::KeySource::from_args(cli.key, cli.key_env);
    match run(cli.command, &key) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("status-widget: {e}");
            ExitCode::from(if e.is_usage() { 2 } else { 1 })
        }
    }
}

fn now() -> Timestamp {
    let ms = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_millis() as i64);
    Timestamp::from_unix_millis(ms)
}

/// An RFC 3339 time from the command line (`--option`), or now when it has none.
fn instant(option: &str, text: Option<&str>) -> Result<Timestamp, CliError> {
    match text {
        None => Ok(now()),
        Some(text) => Timestamp::parse_rfc3339(text).map_err(|error| CliError::BadTime {
            option: Some(option.to_owned()),
            text: text.to_owned(),
            error,
        }),
    }
}

/// An RFC 3339 time from the command line, written the way status files write it (UTC, `Z`).
fn time(option: &str, text: Option<&str>) -> Result<String, CliError> {
    instant(option, text).map(Timestamp::to_rfc3339)
}

fn day(text: &str) -> Result<String, CliError> {
    CalendarDate::parse(text)
        .map(|d| d.to_string())
        .map_err(|error| CliError::BadTime {
            option: None,
            text: text.to_owned(),
            error,
        })
}

fn run(command: Command, key: &signing::KeySource) -> Result<ExitCode, CliError> {
    let (file, message) = match command {
        Command::Init(args) => return init::run(&args, key),
        Command::Key { action } => {
            match action {
                KeyAction::New { out, force } => println!("{}", signing::new_key(&out, force)?),
                KeyAction::Public => match key.load()? {
                    Some(key) => println!("{}", signing::public_key(&key)),
                    None => {
                        return Err(CliError::Key(format!(
                            "no key given: name it with --key FILE, --key-env NAME or {}",
                            signing::KEY_FILE_VAR
                        )))
                    }
                },
            }
            return Ok(ExitCode::SUCCESS);
        }
        Command::Sign { file } => {
            println!("{}", signing::sign_file(&file, key)?);
            return Ok(ExitCode::SUCCESS);
        }
        Command::Verify { file, public_key } => {
            let by = signing::verify_file(&file, &public_key)?;
            println!("{}: signed by {by}", file.display());
            return Ok(ExitCode::SUCCESS);
        }
        Command::Check { files, json } => return check::run(&files, json),
        Command::Schema => {
            print!("{SCHEMA}");
            return Ok(ExitCode::SUCCESS);
        }
        Command::Feed {
            file,
            out,
            json_out,
            url,
            page,
        } => {
            let outputs = feed::Outputs {
                atom: out.as_deref(),
                json: json_out.as_deref(),
                page: page.as_deref(),
            };
            return feed::run(&file, outputs, url.as_deref());
        }
        Command::Badge {
            file,
            out,
            endpoint,
            label,
            uptime,
            days,
            at,
        } => {
            let what = match uptime {
                Some(component) => badge::Shows::Uptime { component, days },
                None => badge::Shows::Level,
            };
            let at = instant("at", at.as_deref())?;
            let outputs = badge::Outputs {
                svg: out.as_deref(),
                endpoint: endpoint.as_deref(),
            };
            return badge::run(&file, &what, outputs, label.as_deref(), at);
        }
        Command::Serve { dir, port } => return serve::run(&dir, port),
        Command::Import {
            file,
            from,
            out,
            force,
        } => return import::run(&file, &from, &out, force, key),
        Command::Notify {
            file,
            since,
            settings,
            to,
            dry_run,
        } => {
            return notify::run(&notify::Request {
                file,
                since,
                settings,
                to,
                dry_run,
            })
        }
        Command::Incident { action, file } => {
            let message = incident::run(&file, action, key)?;
            (file, message)
        }
        Command::Maintenance { action, file } => {
            let message = maintenance::run(&file, action, key)?;
            (file, message)
        }
        Command::Notice { action, file } => {
            let message = notice::run(&file, action, key)?;
            (file, message)
        }
    };
    let FileArg { file, notify, .. } = file;
    println!(
        "{message} in {} (the previous version is {}.bak)",
        file.display(),
        file.display()
    );
    if !notify {
        return Ok(ExitCode::SUCCESS);
    }
    let request = notify::Request {
        file,
        since: None,
        settings: None,
        to: Vec::new(),
        dry_run: false,
    };
    // The change is written whatever happens next.
    notify::run(&request).or_else(|e| {
        eprintln!("status-widget: the change was written, but nothing was posted: {e}");
        Ok(ExitCode::from(notify::NOT_ALL_SENT))
    })
}

/// Applies `edit` to the status file `file.file` through `store::update` (locked, checked,
/// `.bak`, atomic), with the [`Words`](words::Words) of `--lang` (refused before anything
/// changes), and sets the document's `updated_at` to now, signing it with `key` when there is
/// one. Returns what to tell the user.
fn change(
    file: &FileArg,
    key: &signing::KeySource,
    edit: impl FnOnce(&mut Value, words::Words) -> Result<String, CliError>,
) -> Result<String, CliError> {
    let stamp = now().to_rfc3339();
    store::update(&file.file, key, |doc| {
        let words = words::Words::of(doc, file.lang.as_deref())?;
        let said = edit(doc, words)?;
        edit::touch(doc, &stamp);
        Ok(said)
    })
}
