//! `status-widget init`: a site owner's first status file, written from flags (service, status
//! page, contacts, components) and checked like every write, then the snippet that embeds it.
//! An existing file is never replaced.

use super::{now, store, CliError};
use serde_json::{json, Map, Value};
use std::path::PathBuf;
use std::process::ExitCode;

/// `init`'s flags: what goes into the new file, and where the printed snippet points.
#[derive(clap::Args)]
pub struct Args {
    /// The status file to create (never replaced if it exists).
    #[arg(long, short, default_value = "status.json")]
    pub file: PathBuf,
    /// The service's name, as readers know it.
    #[arg(long)]
    pub name: String,
    /// One line on what the service is.
    #[arg(long)]
    pub description: Option<String>,
    /// The app's own address.
    #[arg(long)]
    pub url: Option<String>,
    /// The public status page (the snippet's fallback link; the file is assumed beside it).
    #[arg(long)]
    pub status_page: Option<String>,
    /// A way to reach the team, as LABEL=HREF (https:, http: or mailto:; repeat for several).
    #[arg(long = "contact", value_name = "LABEL=HREF")]
    pub contacts: Vec<String>,
    /// A part of the service, as ID=NAME, such as login=Login (repeat for several).
    #[arg(long = "component", value_name = "ID=NAME")]
    pub components: Vec<String>,
    /// The status file's public address, for the snippet (default: beside the status page).
    #[arg(long)]
    pub file_url: Option<String>,
    /// The loader's address, for the snippet.
    #[arg(
        long,
        default_value = "https://cdn.example.org/status-widget/status-widget.js"
    )]
    pub script_url: String,
    /// The language the file's texts are written in (a BCP 47 tag such as en or de), so that
    /// words in other languages can be added with `--lang` and readers get the right one.
    #[arg(long)]
    pub lang: Option<String>,
}

/// Creates the file (refusing to replace one) and prints the embed snippet.
pub fn run(args: &Args, key: &crate::signing::KeySource) -> Result<ExitCode, CliError> {
    let file = &args.file;
    if file.exists() {
        // Said before the lock is taken, so that a refusal leaves nothing behind.
        return Err(CliError::Invalid(format!(
            "{} exists already; nothing was written (init never replaces a status file: edit it with `status-widget incident …`, or remove it first)",
            file.display()
        )));
    }
    let (text, loaded) = store::checked_text(&document(args)?, "the file")?;
    if let Some(folder) = file.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(folder).map_err(|e| CliError::io(folder, e))?;
    }
    store::create(file, &text, false, key)?;

    let components = loaded.document.components.len();
    println!(
        "{} created for {} ({components} component{}, nothing active).",
        file.display(),
        args.name,
        if components == 1 { "" } else { "s" }
    );
    println!(
        "\nPut this above your login form (the script from where you host the widget's files):\n"
    );
    print!(
        "{}",
        embed_snippet(args, loaded.document.service.status_page.as_deref())
    );
    println!(
        "\nPublish {} on a static host apart from the app, then, when something goes wrong:\n  \
         status-widget incident open --file {} --title \"Login failing\" --impact major --message \"Investigating\"",
        file.display(),
        file.display()
    );
    Ok(ExitCode::SUCCESS)
}

/// The format v1 document the flags describe.
fn document(service: &Args) -> Result<Value, CliError> {
    let mut about = Map::new();
    about.insert("name".into(), json!(service.name));
    for (key, value) in [
        ("description", &service.description),
        ("url", &service.url),
        ("status_page", &service.status_page),
    ] {
        if let Some(value) = value {
            about.insert(key.into(), json!(value));
        }
    }
    let contacts = pairs("contact", "LABEL=HREF", &service.contacts)?;
    if !contacts.is_empty() {
        about.insert(
            "contact".into(),
            contacts
                .into_iter()
                .map(|(label, href)| json!({"label": label, "href": href}))
                .collect(),
        );
    }
    let components: Vec<Value> = pairs("component", "ID=NAME", &service.components)?
        .into_iter()
        .map(|(id, name)| json!({"id": id, "name": name, "status": "operational"}))
        .collect();
    let mut doc = json!({
        "version": 1,
        "service": about,
        "updated_at": now().to_rfc3339(),
        "components": components,
        "notices": [],
        "maintenances": [],
        "incidents": [],
    });
    if let Some(lang) = service.lang.as_deref().map(str::trim) {
        if !status_core::i18n::is_language_tag(lang) {
            return Err(CliError::Usage(format!(
                "--lang `{lang}` is not a language tag (BCP 47, such as en or pt-BR)"
            )));
        }
        // After `version`, where a reader of the file looks first.
        let mut ordered = serde_json::Map::new();
        for (key, value) in doc.as_object_mut().into_iter().flat_map(std::mem::take) {
            ordered.insert(key.clone(), value);
            if key == "version" {
                ordered.insert("language".into(), json!(lang));
            }
        }
        doc = Value::Object(ordered);
    }
    Ok(doc)
}

/// `KEY=VALUE` flags split at their first `=`, both sides non-empty.
fn pairs<'a>(
    option: &str,
    form: &str,
    given: &'a [String],
) -> Result<Vec<(&'a str, &'a str)>, CliError> {
    given
        .iter()
        .map(|pair| match pair.split_once('=') {
            Some((key, value)) if !key.trim().is_empty() && !value.trim().is_empty() => {
                Ok((key.trim(), value.trim()))
            }
            _ => Err(CliError::Usage(format!(
                "--{option} `{pair}`: write it as {form}"
            ))),
        })
        .collect()
}

/// The README's embed snippet for this file, with fallback children linking the status page.
fn embed_snippet(args: &Args, status_page: Option<&str>) -> String {
    let name = args
        .file
        .file_name()
        .map_or_else(|| "status.json".into(), |n| n.to_string_lossy());
    let src = args.file_url.clone().unwrap_or_else(|| match status_page {
        // Beside the status page: https://status.example.org/ → https://status.example.org/status.json
        Some(page) => match page
            .split(['?', '#'])
            .next()
            .unwrap_or(page)
            .split_once("//")
        {
            Some((scheme, rest)) if scheme == "https:" || scheme == "http:" => {
                match rest.rfind('/') {
                    Some(i) => format!("{scheme}//{}{name}", &rest[..=i]),
                    None => format!("{scheme}//{rest}/{name}"),
                }
            }
            _ => name.to_string(),
        },
        _ => name.to_string(),
    });
    let mut out = format!(
        "<script type=\"module\" src=\"{}\"></script>\n<status-widget src=\"{}\">\n",
        attribute(&args.script_url),
        attribute(&src)
    );
    if let Some(page) = status_page {
        out.push_str(&format!(
            "  <a href=\"{}\">{} status</a>\n",
            attribute(page),
            text(&args.name)
        ));
    }
    out.push_str("</status-widget>\n");
    out
}

/// `value` escaped for a double-quoted HTML attribute.
fn attribute(value: &str) -> String {
    text(value).replace('"', "&quot;")
}

/// `value` escaped for HTML text.
fn text(value: &str) -> String {
    value
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}
