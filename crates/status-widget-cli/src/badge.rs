//! `status-widget badge FILE --out status.svg --endpoint status-badge.json`: the current level
//! (what the widget's indicator would say now) as an SVG badge for a README or a dashboard, and as
//! a shields.io endpoint document. With `--uptime COMPONENT`, the component's uptime over the last
//! `--days` UTC days instead, counted by the status page's rule (`status_core::view::uptime`). The
//! badge is an image with an accessible name (`role="img"`, `aria-label` and `<title>`), and its
//! words keep a contrast of at least 4.5:1 on every colour.

use super::{store, CliError};
use serde_json::json;
use status_core::model::{Level, StatusDocument, Timestamp};
use status_core::view::{derive, uptime, FixedOffset, Overall, ViewSettings};
use std::path::Path;
use std::process::ExitCode;
use std::rc::Rc;

/// A badge's colours: the right-hand background and its words' colour (`#rrggbb`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Colours {
    /// The right-hand background.
    pub background: &'static str,
    /// The words' colour on it.
    pub text: &'static str,
}

const GREEN: Colours = Colours {
    background: "#137333",
    text: "#ffffff",
};
const BLUE: Colours = Colours {
    background: "#1967d2",
    text: "#ffffff",
};
const YELLOW: Colours = Colours {
    background: "#f9ab00",
    text: "#000000",
};
const ORANGE: Colours = Colours {
    background: "#e8710a",
    text: "#000000",
};
const RED: Colours = Colours {
    background: "#c5221f",
    text: "#ffffff",
};
const GREY: Colours = Colours {
    background: "#6e6e6e",
    text: "#ffffff",
};

/// What the badge says and how it looks for one level.
pub fn look(level: Level) -> (&'static str, Colours) {
    match level {
        Level::Operational => ("operational", GREEN),
        Level::Maintenance => ("maintenance", BLUE),
        Level::Minor => ("degraded", YELLOW),
        Level::Major => ("partial outage", ORANGE),
        Level::Critical => ("major outage", RED),
    }
}

/// The colour of an uptime percentage: green from 99.9 %, yellow from 99 %, orange from 95 %,
/// red below; grey when there is no data.
pub fn uptime_colours(percent: Option<f64>) -> Colours {
    match percent {
        None => GREY,
        Some(p) if p >= 99.9 => GREEN,
        Some(p) if p >= 99.0 => YELLOW,
        Some(p) if p >= 95.0 => ORANGE,
        Some(_) => RED,
    }
}

/// The left-hand background, with white words.
const LABEL_BACKGROUND: &str = "#555555";

/// What the badge shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Shows {
    /// The level the indicator shows now.
    Level,
    /// A component's uptime (by id or name) over the `days` UTC days that end today.
    Uptime {
        /// The component's id or name.
        component: String,
        /// The window, 7 to 365 days.
        days: u16,
    },
}

/// Where to write the badge: the SVG, the shields.io endpoint document, or both.
#[derive(Clone, Copy, Debug)]
pub struct Outputs<'a> {
    /// The SVG file.
    pub svg: Option<&'a Path>,
    /// The endpoint JSON file.
    pub endpoint: Option<&'a Path>,
}

/// One badge, worked out: its words, colours and accessible name.
struct Badge {
    label: String,
    message: String,
    colours: Colours,
    /// The accessible name: the words, and what they cover.
    name: String,
}

/// Writes the badge for `file` as it stands `at`.
pub fn run(
    file: &Path,
    shows: &Shows,
    outputs: Outputs,
    label: Option<&str>,
    at: Timestamp,
) -> Result<ExitCode, CliError> {
    if outputs.svg.is_none() && outputs.endpoint.is_none() {
        return Err(CliError::Usage(
            "say where to write: --out status.svg, --endpoint status-badge.json, or both".into(),
        ));
    }
    let document = store::read_document(file)?.document;
    let badge = match shows {
        Shows::Level => level_badge(document, label, at),
        Shows::Uptime { component, days } => uptime_badge(&document, component, *days, label, at)?,
    };
    if let Some(out) = outputs.svg {
        store::write_atomically(out, svg(&badge).as_bytes())?;
        println!("{} written to {}", badge.name, out.display());
    }
    if let Some(out) = outputs.endpoint {
        let mut json = serde_json::to_string_pretty(&json!({
            "schemaVersion": 1,
            "label": badge.label,
            "message": badge.message,
            "color": badge.colours.background.trim_start_matches('#'),
            "labelColor": LABEL_BACKGROUND.trim_start_matches('#'),
            "cacheSeconds": 300,
        }))
        .expect("a JSON value always serializes");
        json.push('\n');
        store::write_atomically(out, json.as_bytes())?;
        println!(
            "{} written to {} (shields.io endpoint)",
            badge.name,
            out.display()
        );
    }
    Ok(ExitCode::SUCCESS)
}

fn level_badge(document: StatusDocument, label: Option<&str>, at: Timestamp) -> Badge {
    let view = derive(&Rc::new(document), &ViewSettings::default(), at);
    // No max-age here, so the view always has a level.
    let Overall::Level(level) = view.overall else {
        unreachable!("a view derived without max-age is never unknown")
    };
    let (message, colours) = look(level);
    let label = label.unwrap_or("status").to_owned();
    Badge {
        name: format!("{label}: {message}"),
        label,
        message: message.to_owned(),
        colours,
    }
}

fn uptime_badge(
    document: &StatusDocument,
    component: &str,
    days: u16,
    label: Option<&str>,
    at: Timestamp,
) -> Result<Badge, CliError> {
    let index = document
        .components
        .iter()
        .position(|c| c.id == component)
        .or_else(|| {
            (document.components.iter())
                .position(|c| c.name.trim().eq_ignore_ascii_case(component.trim()))
        })
        .ok_or_else(|| CliError::UnknownId {
            what: "component".into(),
            id: component.to_owned(),
            known: document.components.iter().map(|c| c.id.clone()).collect(),
        })?;
    let name = &document.components[index].name;
    let percent = uptime(document, days, at, &FixedOffset(0))
        .into_iter()
        .find(|w| w.component == index)
        .and_then(|w| w.percent);
    let message = match percent {
        Some(p) => format!("{p:.2}%"),
        None => "no data".to_owned(),
    };
    let label = label.map_or_else(|| format!("{name} uptime"), str::to_owned);
    Ok(Badge {
        name: format!("{label}: {message}, last {days} days"),
        label,
        message,
        colours: uptime_colours(percent),
    })
}

/// About how wide `text` is in 11px Verdana, the badge's font, in pixels.
fn width(text: &str) -> f64 {
    text.chars()
        .map(|c| match c {
            'i' | 'j' | 'l' | 'I' | '.' | ',' | ':' | ';' | '\'' | '!' | '|' => 3.4,
            ' ' => 3.9,
            'f' | 'r' | 't' => 4.6,
            'm' | 'w' | 'M' | 'W' => 10.4,
            '0'..='9' => 7.0,
            c if c.is_ascii_uppercase() => 7.6,
            c if c.is_ascii() => 6.7,
            _ => 8.5,
        })
        .sum()
}

/// `text` escaped for XML.
fn xml(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The badge as SVG: the label on grey, the message on its colour.
fn svg(badge: &Badge) -> String {
    let left = (width(&badge.label) + 12.0).round();
    let right = (width(&badge.message) + 12.0).round();
    let total = left + right;
    let name = xml(&badge.name);
    let (label, message) = (xml(&badge.label), xml(&badge.message));
    let (lx, mx) = (left / 2.0, left + right / 2.0);
    let Colours { background, text } = badge.colours;
    format!(
        r##"<svg xmlns="http://www.w3.org/2000/svg" width="{total}" height="20" role="img" aria-label="{name}">
  <title>{name}</title>
  <clipPath id="r"><rect width="{total}" height="20" rx="3" fill="#fff"/></clipPath>
  <g clip-path="url(#r)">
    <rect width="{left}" height="20" fill="{LABEL_BACKGROUND}"/>
    <rect x="{left}" width="{right}" height="20" fill="{background}"/>
  </g>
  <g text-anchor="middle" font-family="Verdana,Geneva,DejaVu Sans,sans-serif" font-size="11">
    <text x="{lx}" y="14" fill="#ffffff">{label}</text>
    <text x="{mx}" y="14" fill="{text}">{message}</text>
  </g>
</svg>
"##
    )
}
