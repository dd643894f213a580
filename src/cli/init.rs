//! `status-widget init`: a site owner's first status file, written from flags (service, status
//! page, contacts, components) and checked like every write, then the snippet that embeds it.
//! An existing file is never replaced.

use super::{now, store, CliError};
use crate::model::{load_str, Format, Severity, SourceFormat};
use serde_json::{json, Map, Value};
use std::path::Path;
use std::process::ExitCode;

/// What `init` writes into the new file.
pub struct Service {
    /// The service's name, as readers know it.
    pub name: String,
    /// One line on what it is.
    pub description: Option<String>,
    /// The app's own address.
    pub url: Option<String>,
    /// The public status page.
    pub status_page: Option<String>,
    /// `LABEL=HREF` pairs (`https:`, `http:` or `mailto:`).
    pub contacts: Vec<String>,
    /// `ID=NAME` pairs.
    pub components: Vec<String>,
}

/// Where the embed snippet points.
pub struct Snippet {
    /// The status file's public address (default: beside the status page, else its file name).
    pub file_url: Option<String>,
    /// The loader's address.
    pub script_url: String,
}

/// Creates `file` for `service` (refusing to replace one) and prints the embed snippet.
pub fn run(file: &Path, service: Service, snippet: &Snippet) -> Result<ExitCode, CliError> {
    if file.exists() {
        // Said before the lock is taken, so that a refusal leaves nothing behind.
        return Err(CliError::Invalid(format!(
            "{} exists already; nothing was written (init never replaces a status file: edit it with `status-widget incident …`, or remove it first)",
            file.display()
        )));
    }
    let doc = document(&service)?;
    let mut text = serde_json::to_string_pretty(&doc).expect("a JSON value always serializes");
    text.push('\n');
    let loaded = load_str(&text, Format::Only(SourceFormat::Native))
        .map_err(|e| CliError::Invalid(format!("nothing was written: {e}")))?;
    let errors: Vec<String> = loaded
        .problems
        .iter()
        .filter(|p| p.severity == Severity::Error)
        .map(|p| format!("{}: {}", p.path, p.kind))
        .collect();
    if !errors.is_empty() {
        return Err(CliError::Invalid(format!(
            "the file would have errors, so nothing was written:\n  {}",
            errors.join("\n  ")
        )));
    }
    if let Some(folder) = file.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(folder).map_err(|e| CliError::io(folder, e))?;
    }
    store::create(file, &text, false)?;

    let components = loaded.document.components.len();
    println!(
        "{} created for {} ({components} component{}, nothing active).",
        file.display(),
        service.name,
        if components == 1 { "" } else { "s" }
    );
    println!(
        "\nPut this above your login form (the script from where you host the widget's files):\n"
    );
    print!(
        "{}",
        embed_snippet(
            file,
            &service,
            snippet,
            loaded.document.service.status_page.as_deref()
        )
    );
    println!(
        "\nPublish {} on a static host apart from the app, then, when something goes wrong:\n  \
         status-widget incident open --file {} --title \"Login failing\" --impact major --message \"Investigating\"",
        file.display(),
        file.display()
    );
    Ok(ExitCode::SUCCESS)
}

/// The format v1 document for `service`.
fn document(service: &Service) -> Result<Value, CliError> {
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
    Ok(json!({
        "version": 1,
        "service": about,
        "updated_at": now().to_rfc3339(),
        "components": components,
        "notices": [],
        "maintenances": [],
        "incidents": [],
    }))
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
fn embed_snippet(
    file: &Path,
    service: &Service,
    snippet: &Snippet,
    status_page: Option<&str>,
) -> String {
    let name = file
        .file_name()
        .map_or_else(|| "status.json".into(), |n| n.to_string_lossy());
    let src = snippet
        .file_url
        .clone()
        .unwrap_or_else(|| match status_page {
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
        attribute(&snippet.script_url),
        attribute(&src)
    );
    if let Some(page) = status_page {
        out.push_str(&format!(
            "  <a href=\"{}\">{} status</a>\n",
            attribute(page),
            text(&service.name)
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
