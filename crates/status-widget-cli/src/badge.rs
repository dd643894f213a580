//! `status-widget badge FILE --out status.svg --endpoint status-badge.json`: the current level
//! (what the widget's indicator would say now) as an SVG badge for a README or a dashboard, and as
//! a shields.io endpoint document. The badge is an image with an accessible name (`role="img"`,
//! `aria-label` and `<title>`), and its words keep a contrast of at least 4.5:1 on every colour.

use super::{now, store, CliError};
use serde_json::json;
use status_core::model::Level;
use status_core::view::{derive, Overall, ViewSettings};
use std::path::Path;
use std::process::ExitCode;
use std::rc::Rc;

/// What the badge says and how it looks for one level.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Look {
    /// The right-hand words.
    pub message: &'static str,
    /// The right-hand background (`#rrggbb`).
    pub background: &'static str,
    /// The words' colour on it.
    pub text: &'static str,
}

/// The badge for `level`.
pub fn look(level: Level) -> Look {
    match level {
        Level::Operational => Look {
            message: "operational",
            background: "#137333",
            text: "#ffffff",
        },
        Level::Maintenance => Look {
            message: "maintenance",
            background: "#1967d2",
            text: "#ffffff",
        },
        Level::Minor => Look {
            message: "degraded",
            background: "#f9ab00",
            text: "#000000",
        },
        Level::Major => Look {
            message: "partial outage",
            background: "#e8710a",
            text: "#000000",
        },
        Level::Critical => Look {
            message: "major outage",
            background: "#c5221f",
            text: "#ffffff",
        },
    }
}

/// The left-hand background, with white words.
const LABEL_BACKGROUND: &str = "#555555";

/// Writes the badge for `file` as it stands now.
pub fn run(
    file: &Path,
    svg_out: Option<&Path>,
    endpoint_out: Option<&Path>,
    label: &str,
) -> Result<ExitCode, CliError> {
    if svg_out.is_none() && endpoint_out.is_none() {
        return Err(CliError::Usage(
            "say where to write: --out status.svg, --endpoint status-badge.json, or both".into(),
        ));
    }
    let loaded = store::read_document(file)?;
    let view = derive(&Rc::new(loaded.document), &ViewSettings::default(), now());
    // No max-age here, so the view always has a level.
    let Overall::Level(level) = view.overall else {
        unreachable!("a view derived without max-age is never unknown")
    };
    let look = look(level);
    if let Some(out) = svg_out {
        store::write_atomically(out, svg(label, look).as_bytes())?;
        println!("{label}: {} written to {}", look.message, out.display());
    }
    if let Some(out) = endpoint_out {
        let mut json = serde_json::to_string_pretty(&json!({
            "schemaVersion": 1,
            "label": label,
            "message": look.message,
            "color": look.background.trim_start_matches('#'),
            "labelColor": LABEL_BACKGROUND.trim_start_matches('#'),
            "cacheSeconds": 300,
        }))
        .expect("a JSON value always serializes");
        json.push('\n');
        store::write_atomically(out, json.as_bytes())?;
        println!(
            "{label}: {} written to {} (shields.io endpoint)",
            look.message,
            out.display()
        );
    }
    Ok(ExitCode::SUCCESS)
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

/// The badge as SVG: `label` on grey, the level's words on its colour.
pub fn svg(label: &str, look: Look) -> String {
    let left = (width(label) + 12.0).round();
    let right = (width(look.message) + 12.0).round();
    let total = left + right;
    let name = xml(&format!("{label}: {}", look.message));
    let (label, message) = (xml(label), xml(look.message));
    let (lx, mx) = (left / 2.0, left + right / 2.0);
    let (background, text) = (look.background, look.text);
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
