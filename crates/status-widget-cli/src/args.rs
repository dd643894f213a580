//! The command line: every command, option and help text (clap).

use crate::{import, init};
use clap::builder::PossibleValuesParser;
use clap::{Args, Parser, Subcommand};
use status_core::model::{Impact, IncidentStatus, NoticeLevel, Vocabulary};
use std::path::PathBuf;

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
    pub(crate) command: Command,
    /// The private key to sign the status file with (written by `status-widget key new`); every
    /// command that writes the file then writes FILE.sig too. Default: $STATUS_WIDGET_KEY_FILE.
    #[arg(long, global = true, value_name = "FILE")]
    pub(crate) key: Option<PathBuf>,
    /// The environment variable that holds the private key's text (a CI secret), instead of
    /// --key. Default: the variable $STATUS_WIDGET_KEY_ENV names.
    #[arg(long, global = true, value_name = "NAME", conflicts_with = "key")]
    pub(crate) key_env: Option<String>,
}

#[derive(Subcommand)]
pub(crate) enum Command {
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
        /// The status page (HTML) whose `<head>` links every feed, each with its `hreflang`: the
        /// lines between `<!-- status-widget feeds -->` and `<!-- /status-widget feeds -->` are
        /// rewritten (added before `</head>` the first time).
        #[arg(long)]
        page: Option<PathBuf>,
    },
    /// Write the current level, or a component's uptime (`--uptime`), as an SVG badge and as a
    /// shields.io endpoint document.
    Badge {
        /// The status file.
        file: PathBuf,
        /// Where to write the SVG badge.
        #[arg(long, required_unless_present = "endpoint")]
        out: Option<PathBuf>,
        /// Where to write the shields.io endpoint JSON (for https://img.shields.io/endpoint?url=…).
        #[arg(long)]
        endpoint: Option<PathBuf>,
        /// The badge's left-hand words (default: `status`, or the component's name and `uptime`).
        #[arg(long)]
        label: Option<String>,
        /// The uptime of this component (its id or its name) over the last `--days` days, counted
        /// as the status page counts it, instead of the current level.
        #[arg(long, value_name = "COMPONENT")]
        uptime: Option<String>,
        /// The uptime window in days, ending today (UTC days).
        #[arg(long, default_value_t = 90, requires = "uptime",
              value_parser = clap::value_parser!(u16).range(7..=365))]
        days: u16,
        /// The instant the badge is for (RFC 3339; default now).
        #[arg(long)]
        at: Option<String>,
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
    /// Make an Ed25519 key pair for signed status files, or print a key's public half.
    Key {
        #[command(subcommand)]
        action: KeyAction,
    },
    /// Write FILE.sig, the Ed25519 signature of the status file's exact bytes (with --key,
    /// --key-env or $STATUS_WIDGET_KEY_FILE).
    Sign {
        /// The status file.
        #[arg(default_value = "status.json")]
        file: PathBuf,
    },
    /// Check that FILE.sig is a signature of the file by one of the public keys, as the widget
    /// checks it; exit status 1 when it is not.
    Verify {
        /// The status file.
        #[arg(default_value = "status.json")]
        file: PathBuf,
        /// The element's public-key attribute: `ed25519:…`, several space-separated.
        #[arg(long, value_name = "KEYS")]
        public_key: String,
    },
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

#[derive(Subcommand)]
pub(crate) enum KeyAction {
    /// Write a new private key (readable by you only) and print its public key and the
    /// element's attribute; the private key is never printed.
    New {
        /// Where to write the private key (keep it out of the published folder and of version
        /// control).
        #[arg(long, default_value = "status.key")]
        out: PathBuf,
        /// Replace `--out` if it exists.
        #[arg(long)]
        force: bool,
    },
    /// Print the public key of the private key given with --key or --key-env.
    Public,
}

#[derive(Args)]
pub(crate) struct FileArg {
    /// The status file to edit.
    #[arg(long, short, global = true, default_value = "status.json")]
    pub(crate) file: PathBuf,
    /// Once written, post what changed (see `status-widget notify --help`).
    #[arg(long, global = true)]
    pub(crate) notify: bool,
    /// Write the words in this language (a BCP 47 tag such as de): in the file's own `language`,
    /// as without it; in another, added to the texts of an entry that exists (named by its id,
    /// and for an update by --at, --day or --latest), keeping every other language's words.
    #[arg(long, global = true, value_name = "TAG")]
    pub(crate) lang: Option<String>,
}

/// When an update happened: `--at` (RFC 3339, default now), or `--day` for an untimed note.
#[derive(Args)]
pub(crate) struct When {
    /// When it happened, such as 2024-11-04T07:30:00Z or 2024-11-04T07:30:00+00:00 (default: now).
    #[arg(long, conflicts_with = "day")]
    pub(crate) at: Option<String>,
    /// The day only, such as 2024-11-07, for something with no time to it.
    #[arg(long)]
    pub(crate) day: Option<String>,
    /// The time is approximate.
    #[arg(long, requires = "at")]
    pub(crate) approximate: bool,
}

#[derive(Subcommand)]
pub(crate) enum IncidentAction {
    /// Open an incident with its first update.
    Open {
        /// The id (default: the start date and the title, such as 2024-11-04-new-logins).
        #[arg(long)]
        id: Option<String>,
        /// The headline.
        #[arg(long)]
        title: String,
        /// How badly the service is affected (required, except to add another language's words).
        #[arg(long, value_parser = PossibleValuesParser::new(Impact::NAMES))]
        impact: Option<String>,
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
    /// Add an update to an incident's timeline (with --lang in another language than the
    /// file's: add that language's words to the update named by --at, --day or --latest).
    Update {
        /// With --lang: add the words to the newest update rather than one named by --at or --day.
        #[arg(long, conflicts_with_all = ["at", "day"])]
        latest: bool,
        /// The incident's id.
        id: String,
        /// Where the response stands now (not needed to add another language's words).
        #[arg(long, value_parser = PossibleValuesParser::new(IncidentStatus::NAMES))]
        status: Option<String>,
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
pub(crate) enum MaintenanceAction {
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
pub(crate) enum NoticeAction {
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
