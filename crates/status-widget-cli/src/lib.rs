//! The `status-widget` command (native only; the wasm never contains it): checks status files,
//! posts incidents, maintenance and notices by editing the file in place (atomically, never
//! writing an invalid result), writes an Atom feed, prints the JSON Schema and serves a folder
//! for a local preview. Built from the same model as the widget, so what it writes is what the
//! widget reads.

mod badge;
mod changes;
mod check;
mod edit;
mod feed;
mod import;
mod init;
mod notify;
mod serve;
mod store;

use clap::builder::PossibleValuesParser;
use clap::{Args, Parser, Subcommand};
use serde_json::{json, Map, Value};
use status_core::model::{
    CalendarDate, Impact, IncidentStatus, MaintenanceStatus, NoticeLevel, TimeError, Timestamp,
    Vocabulary,
};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// The JSON Schema of format v1 (also served as `www/status.schema.json`).
pub const SCHEMA: &str = include_str!("../../../www/status.schema.json");

/// Why a command failed.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    /// An id that names no entry of the list.
    #[error("no {what} with id `{id}` (the file has: {})", known_ids(.known))]
    UnknownId {
        /// What the list holds: `incident`, `maintenance`, `notice`.
        what: String,
        /// The id asked for.
        id: String,
        /// The ids the list has.
        known: Vec<String>,
    },
    /// A new entry's id that the list already has.
    #[error("there is already an entry with id `{id}` in `{list}`; pass another --id")]
    DuplicateId {
        /// The list: `incidents`, `maintenances`, `notices`.
        list: String,
        /// The id.
        id: String,
    },
    /// A time or day on the command line that is not RFC 3339.
    #[error("{}`{text}`: {error}", option.as_ref().map(|o| format!("--{o} ")).unwrap_or_default())]
    BadTime {
        /// The option it was given to, if any.
        option: Option<String>,
        /// What was given.
        text: String,
        /// Why it is not a time.
        error: TimeError,
    },
    /// `serve` could not listen on its port.
    #[error("cannot listen on 127.0.0.1:{port}: {source}")]
    Listen {
        /// The port.
        port: u16,
        /// What the system said.
        source: std::io::Error,
    },
    /// An editing command was run where there is no status file yet.
    #[error("{0} does not exist; nothing was changed. Create it first with:\n  status-widget init --file {0} --name \"Your service\" --status-page https://status.example.org/\n(see status-widget init --help)")]
    NoStatusFile(String),
    /// The file is invalid, or the change would make it so.
    #[error("{0}")]
    Invalid(String),
    /// A flag's value has the wrong form.
    #[error("{0}")]
    Usage(String),
    /// Reading or writing a file failed.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: String,
        /// What the system said.
        source: std::io::Error,
    },
}

fn known_ids(known: &[String]) -> String {
    if known.is_empty() {
        "none".to_owned()
    } else {
        known.join(", ")
    }
}

impl CliError {
    /// Whether the command line was at fault (exit code 2) rather than the file or the system.
    fn is_usage(&self) -> bool {
        matches!(
            self,
            CliError::UnknownId { .. }
                | CliError::DuplicateId { .. }
                | CliError::BadTime { .. }
                | CliError::Listen { .. }
                | CliError::Usage(_)
        )
    }

    fn io(path: &Path, source: std::io::Error) -> Self {
        CliError::Io {
            path: path.display().to_string(),
            source,
        }
    }
}

/// Publish and check status files for the status-widget banner and status page.
#[derive(Parser)]
#[command(
    name = "status-widget",
    version,
    propagate_version = true,
    after_help = "Starting from nothing:\n  status-widget init --name \"Your service\" --status-page https://status.example.org/ --component login=Login\nthen embed the snippet it prints, and post incidents with `status-widget incident open …`."
)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Create a first status file (nothing active) and print the snippet that embeds it.
    Init(init::Args),
    /// Check status files the way the widget reads them; exit status 1 on any error.
    Check {
        /// Status files (format v1, or any format the widget reads: Statuspage, Instatus, cState …).
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Print the result as JSON (for CI).
        #[arg(long)]
        json: bool,
    },
    /// Open, update, resolve or edit an incident.
    Incident {
        #[command(subcommand)]
        action: IncidentAction,
        #[command(flatten)]
        file: FileArg,
    },
    /// Schedule, start or complete maintenance.
    Maintenance {
        #[command(subcommand)]
        action: MaintenanceAction,
        #[command(flatten)]
        file: FileArg,
    },
    /// Add or remove a notice.
    Notice {
        #[command(subcommand)]
        action: NoticeAction,
        #[command(flatten)]
        file: FileArg,
    },
    /// Post what changed since the previous version to Slack, Discord, Teams or a signed webhook.
    #[command(after_help = concat!(
        "Destinations are read from the settings file beside the status file (status.notify.json for status.json), for example:\n\n",
        include_str!("../../../examples/publish/status.notify.json"),
        "\nAddresses and secrets come from the environment variables it names. Exit status 3: some destination was not reached (the status file is as written)."
    ))]
    Notify {
        /// The status file as it is now.
        #[arg(long, short, default_value = "status.json")]
        file: PathBuf,
        /// The earlier version to compare with (default: FILE.bak, which every edit keeps).
        #[arg(long)]
        since: Option<PathBuf>,
        /// The settings file (default: status.notify.json beside status.json).
        #[arg(long)]
        settings: Option<PathBuf>,
        /// Only this destination, by name (repeat for several; default: all).
        #[arg(long = "to", value_name = "NAME")]
        to: Vec<String>,
        /// Print what would be posted, and post nothing.
        #[arg(long)]
        dry_run: bool,
    },
    /// Write an Atom feed and a JSON Feed of the incidents and their updates.
    Feed {
        /// The status file.
        file: PathBuf,
        /// Where to write the Atom feed.
        #[arg(long, required_unless_present = "json_out")]
        out: Option<PathBuf>,
        /// Where to write the same entries as a JSON Feed 1.1.
        #[arg(long)]
        json_out: Option<PathBuf>,
        /// The feed's own URL, for readers that follow it (default: the service's status page).
        #[arg(long)]
        url: Option<String>,
    },
    /// Write the current level as an SVG badge and as a shields.io endpoint document.
    Badge {
        /// The status file.
        file: PathBuf,
        /// Where to write the SVG badge.
        #[arg(long, required_unless_present = "endpoint")]
        out: Option<PathBuf>,
        /// Where to write the shields.io endpoint JSON (for https://img.shields.io/endpoint?url=…).
        #[arg(long)]
        endpoint: Option<PathBuf>,
        /// The badge's left-hand words.
        #[arg(long, default_value = "status")]
        label: String,
    },
    /// Convert a status document of any format the widget reads into format v1, history included.
    Import {
        /// The document: Statuspage, Instatus, cState, Upptime, Status.io, Slack or Heroku JSON
        /// (or format v1).
        file: PathBuf,
        /// Its format (default: decided from its shape).
        #[arg(long, default_value = "auto", value_parser = PossibleValuesParser::new(import::format_names()))]
        from: String,
        /// Where to write the format v1 file (`-`: standard output).
        #[arg(long, default_value = "status.json")]
        out: PathBuf,
        /// Replace `--out` if it exists (the previous version is kept as `--out` + `.bak`).
        #[arg(long)]
        force: bool,
    },
    /// Print the JSON Schema of the status file format.
    Schema,
    /// Serve a folder on 127.0.0.1 for a local preview (wasm MIME type, ETag, no-cache, CORS).
    Serve {
        /// The folder to serve.
        #[arg(default_value = "www")]
        dir: PathBuf,
        /// The port (0: any free port; the address is printed).
        #[arg(long, default_value_t = 8000)]
        port: u16,
    },
}

#[derive(Args)]
struct FileArg {
    /// The status file to edit.
    #[arg(long, short, global = true, default_value = "status.json")]
    file: PathBuf,
    /// Once written, post what changed (see `status-widget notify --help`).
    #[arg(long, global = true)]
    notify: bool,
}

/// When an update happened: `--at` (RFC 3339, default now), or `--day` for an untimed note.
#[derive(Args)]
struct When {
    /// When it happened, such as 2024-11-04T07:30:00Z or 2024-11-04T07:30:00+00:00 (default: now).
    #[arg(long, conflicts_with = "day")]
    at: Option<String>,
    /// The day only, such as 2024-11-07, for something with no time to it.
    #[arg(long)]
    day: Option<String>,
    /// The time is approximate.
    #[arg(long, requires = "at")]
    approximate: bool,
}

#[derive(Subcommand)]
enum IncidentAction {
    /// Open an incident with its first update.
    Open {
        /// The id (default: the start date and the title, such as 2024-11-04-new-logins).
        #[arg(long)]
        id: Option<String>,
        /// The headline.
        #[arg(long)]
        title: String,
        /// How badly the service is affected.
        #[arg(long, value_parser = PossibleValuesParser::new(Impact::NAMES))]
        impact: String,
        /// Where the response stands.
        #[arg(long, default_value = "investigating", value_parser = PossibleValuesParser::new(IncidentStatus::NAMES))]
        status: String,
        /// An affected component's id (repeat for several).
        #[arg(long = "component")]
        components: Vec<String>,
        /// The release that caused it.
        #[arg(long)]
        release: Option<String>,
        /// The first update's text.
        #[arg(long)]
        message: String,
        /// When it started (RFC 3339; default: now).
        #[arg(long)]
        at: Option<String>,
    },
    /// Add an update to an incident's timeline.
    Update {
        /// The incident's id.
        id: String,
        /// Where the response stands now.
        #[arg(long, value_parser = PossibleValuesParser::new(IncidentStatus::NAMES))]
        status: String,
        /// What happened.
        #[arg(long)]
        message: String,
        #[command(flatten)]
        when: When,
    },
    /// Resolve an incident with a last update.
    Resolve {
        /// The incident's id.
        id: String,
        /// What happened.
        #[arg(long)]
        message: String,
        /// When it was resolved (RFC 3339; default: now).
        #[arg(long)]
        at: Option<String>,
        /// The time is approximate.
        #[arg(long)]
        approximate: bool,
    },
    /// Add the write-up: summary, lessons, conclusion, or a note for a day.
    Edit {
        /// The incident's id.
        id: String,
        /// Set the summary.
        #[arg(long)]
        summary: Option<String>,
        /// Add a lesson learned (repeat for several).
        #[arg(long = "lesson")]
        lessons: Vec<String>,
        /// Add a point to the conclusion (repeat for several).
        #[arg(long = "conclusion")]
        conclusions: Vec<String>,
        /// Add an untimed note for this day (YYYY-MM-DD) with --message.
        #[arg(long, requires = "message")]
        note: Option<String>,
        /// The note's text.
        #[arg(long, requires = "note")]
        message: Option<String>,
        /// Set the headline.
        #[arg(long)]
        title: Option<String>,
        /// Set the impact.
        #[arg(long, value_parser = PossibleValuesParser::new(Impact::NAMES))]
        impact: Option<String>,
    },
}

#[derive(Subcommand)]
enum MaintenanceAction {
    /// Announce planned maintenance.
    Schedule {
        /// The id (default: the start date and the title).
        #[arg(long)]
        id: Option<String>,
        /// The headline.
        #[arg(long)]
        title: String,
        /// Planned start (RFC 3339).
        #[arg(long)]
        starts_at: String,
        /// Planned end (RFC 3339).
        #[arg(long)]
        ends_at: String,
        /// An affected component's id (repeat for several).
        #[arg(long = "component")]
        components: Vec<String>,
        /// What will happen.
        #[arg(long)]
        message: Option<String>,
    },
    /// Mark maintenance as under way.
    Start {
        /// The maintenance's id.
        id: String,
        /// A progress note.
        #[arg(long)]
        message: Option<String>,
        /// When (RFC 3339; default: now).
        #[arg(long)]
        at: Option<String>,
    },
    /// Mark maintenance as completed.
    Complete {
        /// The maintenance's id.
        id: String,
        /// A closing note.
        #[arg(long)]
        message: Option<String>,
        /// When (RFC 3339; default: now).
        #[arg(long)]
        at: Option<String>,
    },
}

#[derive(Subcommand)]
enum NoticeAction {
    /// Add a notice.
    Add {
        /// The id (default: today and the title).
        #[arg(long)]
        id: Option<String>,
        /// The headline.
        #[arg(long)]
        title: String,
        /// The text.
        #[arg(long)]
        message: Option<String>,
        /// How prominent.
        #[arg(long, default_value = "info", value_parser = PossibleValuesParser::new(NoticeLevel::NAMES))]
        level: String,
        /// Shown from (RFC 3339; default: at once).
        #[arg(long)]
        starts_at: Option<String>,
        /// Shown until (RFC 3339; default: until removed).
        #[arg(long)]
        ends_at: Option<String>,
        /// Where to read more (https:, http: or mailto:).
        #[arg(long)]
        url: Option<String>,
    },
    /// Remove a notice.
    Remove {
        /// The notice's id.
        id: String,
    },
}

/// Runs the command line and returns the exit status.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli.command) {
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

/// An RFC 3339 time from the command line, written the way status files write it (UTC, `Z`).
fn time(option: &str, text: Option<&str>) -> Result<String, CliError> {
    match text {
        None => Ok(now().to_rfc3339()),
        Some(text) => Timestamp::parse_rfc3339(text)
            .map(Timestamp::to_rfc3339)
            .map_err(|error| CliError::BadTime {
                option: Some(option.to_owned()),
                text: text.to_owned(),
                error,
            }),
    }
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

fn object(value: Value) -> Map<String, Value> {
    match value {
        Value::Object(map) => map,
        _ => Map::new(),
    }
}

fn run(command: Command) -> Result<ExitCode, CliError> {
    let (file, message) = match command {
        Command::Init(args) => return init::run(&args),
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
        } => return feed::run(&file, out.as_deref(), json_out.as_deref(), url.as_deref()),
        Command::Badge {
            file,
            out,
            endpoint,
            label,
        } => return badge::run(&file, out.as_deref(), endpoint.as_deref(), &label),
        Command::Serve { dir, port } => return serve::run(&dir, port),
        Command::Import {
            file,
            from,
            out,
            force,
        } => return import::run(&file, &from, &out, force),
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
            let message = incident(&file.file, action)?;
            (file, message)
        }
        Command::Maintenance { action, file } => {
            let message = maintenance(&file.file, action)?;
            (file, message)
        }
        Command::Notice { action, file } => {
            let message = notice(&file.file, action)?;
            (file, message)
        }
    };
    let FileArg { file, notify } = file;
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

/// Applies `edit` to the status file through `store::update` (locked, checked, `.bak`, atomic)
/// and sets the document's `updated_at` to now. Returns what to tell the user.
fn change(
    file: &Path,
    edit: impl FnOnce(&mut Value) -> Result<String, CliError>,
) -> Result<String, CliError> {
    let stamp = now().to_rfc3339();
    store::update(file, |doc| {
        let said = edit(doc)?;
        edit::touch(doc, &stamp);
        Ok(said)
    })
}

fn incident(file: &Path, action: IncidentAction) -> Result<String, CliError> {
    change(file, |doc| {
        Ok(match action {
            IncidentAction::Open {
                id,
                title,
                impact,
                status,
                components,
                release,
                message,
                at,
            } => {
                let at = time("at", at.as_deref())?;
                let id = id.unwrap_or_else(|| edit::slug(&at[..10], &title));
                let mut item = object(json!({
                    "id": id, "title": title, "impact": impact, "status": status, "started_at": at,
                }));
                if !components.is_empty() {
                    item.insert("components".into(), json!(components));
                }
                if let Some(release) = release {
                    item.insert("release".into(), json!(release));
                }
                edit::push_update(
                    &mut item,
                    object(json!({"at": at, "status": status, "body": message})),
                )?;
                edit::add(doc, "incidents", item)?;
                format!("incident {id} opened")
            }
            IncidentAction::Update {
                id,
                status,
                message,
                when,
            } => {
                let mut update = Map::new();
                match &when.day {
                    Some(d) => update.insert("day".into(), json!(day(d)?)),
                    None => update.insert("at".into(), json!(time("at", when.at.as_deref())?)),
                };
                if when.approximate {
                    update.insert("approximate".into(), json!(true));
                }
                update.insert("status".into(), json!(status));
                update.insert("body".into(), json!(message));
                let at = update.get("at").cloned();
                let item = edit::entry(doc, "incidents", &id)?;
                if edit::push_update(item, update)? {
                    item.insert("status".into(), json!(status));
                    let resolved = status == IncidentStatus::Resolved.name();
                    match at {
                        Some(at) if resolved => {
                            item.entry("resolved_at").or_insert(at);
                        }
                        _ if !resolved => {
                            item.shift_remove("resolved_at"); // reopened
                        }
                        _ => {}
                    }
                    format!("incident {id} updated ({status})")
                } else {
                    format!(
                        "incident {id}: a backdated update was put in its place in the timeline \
                         (the incident's status stays {})",
                        item.get("status")
                            .and_then(Value::as_str)
                            .unwrap_or("as it was")
                    )
                }
            }
            IncidentAction::Resolve {
                id,
                message,
                at,
                approximate,
            } => {
                let at = time("at", at.as_deref())?;
                let mut update = object(json!({"at": at}));
                if approximate {
                    update.insert("approximate".into(), json!(true));
                }
                update.insert("status".into(), json!("resolved"));
                update.insert("body".into(), json!(message));
                let item = edit::entry(doc, "incidents", &id)?;
                item.insert("status".into(), json!("resolved"));
                item.insert("resolved_at".into(), json!(at));
                edit::push_update(item, update)?;
                format!("incident {id} resolved")
            }
            IncidentAction::Edit {
                id,
                summary,
                lessons,
                conclusions,
                note,
                message,
                title,
                impact,
            } => {
                let note = note.as_deref().map(day).transpose()?;
                let item = edit::entry(doc, "incidents", &id)?;
                if let Some(summary) = summary {
                    item.insert("summary".into(), json!(summary));
                }
                for lesson in &lessons {
                    edit::push_text(item, "lessons", lesson)?;
                }
                for point in &conclusions {
                    edit::push_text(item, "conclusion", point)?;
                }
                if let (Some(day), Some(message)) = (note, message) {
                    edit::push_update(item, object(json!({"day": day, "body": message})))?;
                }
                if let Some(title) = title {
                    item.insert("title".into(), json!(title));
                }
                if let Some(impact) = impact {
                    item.insert("impact".into(), json!(impact));
                }
                format!("incident {id} edited")
            }
        })
    })
}

fn maintenance(file: &Path, action: MaintenanceAction) -> Result<String, CliError> {
    change(file, |doc| {
        Ok(match action {
            MaintenanceAction::Schedule {
                id,
                title,
                starts_at,
                ends_at,
                components,
                message,
            } => {
                let starts_at = time("starts-at", Some(&starts_at))?;
                let ends_at = time("ends-at", Some(&ends_at))?;
                let id = id.unwrap_or_else(|| edit::slug(&starts_at[..10], &title));
                let mut item = object(json!({
                    "id": id, "title": title, "status": MaintenanceStatus::Scheduled.name(),
                    "starts_at": starts_at, "ends_at": ends_at,
                }));
                if !components.is_empty() {
                    item.insert("components".into(), json!(components));
                }
                if let Some(body) = message {
                    item.insert("body".into(), json!(body));
                }
                edit::add(doc, "maintenances", item)?;
                format!("maintenance {id} scheduled")
            }
            MaintenanceAction::Start { id, message, at } => {
                progress(doc, &id, MaintenanceStatus::InProgress, message, at)?
            }
            MaintenanceAction::Complete { id, message, at } => {
                progress(doc, &id, MaintenanceStatus::Completed, message, at)?
            }
        })
    })
}

/// Moves maintenance `id` to `status`, with a timeline note when there is a message.
fn progress(
    doc: &mut Value,
    id: &str,
    status: MaintenanceStatus,
    message: Option<String>,
    at: Option<String>,
) -> Result<String, CliError> {
    let at = time("at", at.as_deref())?;
    let item = edit::entry(doc, "maintenances", id)?;
    item.insert("status".into(), json!(status.name()));
    if let Some(body) = message {
        edit::push_update(item, object(json!({"at": at, "body": body})))?;
    }
    Ok(format!(
        "maintenance {id} {}",
        status.name().replace('_', " ")
    ))
}

fn notice(file: &Path, action: NoticeAction) -> Result<String, CliError> {
    change(file, |doc| {
        Ok(match action {
            NoticeAction::Add {
                id,
                title,
                message,
                level,
                starts_at,
                ends_at,
                url,
            } => {
                let today = now().to_rfc3339();
                let id = id.unwrap_or_else(|| edit::slug(&today[..10], &title));
                let mut item = object(json!({"id": id, "title": title, "level": level}));
                if let Some(body) = message {
                    item.insert("body".into(), json!(body));
                }
                for (key, value) in [("starts_at", starts_at), ("ends_at", ends_at)] {
                    if let Some(value) = value {
                        item.insert(
                            key.into(),
                            json!(time(&key.replace('_', "-"), Some(&value))?),
                        );
                    }
                }
                if let Some(url) = url {
                    item.insert("url".into(), json!(url));
                }
                edit::add(doc, "notices", item)?;
                format!("notice {id} added")
            }
            NoticeAction::Remove { id } => {
                edit::remove(doc, "notices", &id)?;
                format!("notice {id} removed")
            }
        })
    })
}
