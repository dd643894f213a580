//! Reads cState's `index.json` (API 2.0, `https://<site>/index.json`, see
//! <https://github.com/cstate/cstate/wiki/API>) as it is served, into the same [`StatusDocument`].
//!
//! Mapping: `title`/`baseURL`/`description` → service; `summaryStatus` (`ok`, `notice`,
//! `disrupted`, `down`) → the file's [`DeclaredStatus`]; `systems[]` → components (named by
//! `name`, which issues' `affected` lists use); each system's `unresolvedIssues[]` → incidents
//! (an issue listed under several systems is one incident), `informational` ones → notices;
//! `pinnedIssues[]` → notices; `buildDate`/`buildTime` in UTC → the file's date. cState's Hugo
//! output is read as it comes: dates such as `2025-09-12 19:20:02 +0200 +0200` or
//! `… +0000 UTC`, and `<no value>` for an empty field.

use super::json::{Node, Value};
use super::reader::{Entry, Path, Reader};
use crate::model::time::Timestamp;
use crate::model::Text;
use crate::model::{
    Component, ComponentStatus, DeclaredStatus, Impact, Incident, IncidentStatus, Level, Notice,
    NoticeLevel, Service, StatusDocument,
};
use std::collections::HashSet;

/// Whether a document is cState's `index.json`: `"is": "index"` with `systems`.
pub(crate) fn looks_like_cstate(root: &Node) -> bool {
    matches!(root.get("is").map(|n| &n.value), Some(Value::String(s)) if s == "index")
        && root.get("systems").is_some()
}

/// Hugo's placeholder for a field with no value.
const NO_VALUE: &str = "<no value>";

/// A text field, with Hugo's `<no value>` read as absent.
fn text(r: &mut Reader, e: &Entry, key: &'static str) -> Option<String> {
    r.text(e, key).filter(|t| t.trim() != NO_VALUE)
}

/// cState's dates: RFC 3339, or Go's default layout `2006-01-02 15:04:05 -0700 MST` (the zone
/// name, or the offset repeated, after the offset). Anything else is a warning and no time.
fn time(r: &mut Reader, e: &Entry, key: &'static str) -> Option<Timestamp> {
    let written = text(r, e, key)?;
    let parsed = Timestamp::parse_rfc3339(&written).ok().or_else(|| {
        let mut parts = written.split_whitespace();
        let (date, clock, offset) = (parts.next()?, parts.next()?, parts.next()?);
        let (sign, digits) = offset.split_at_checked(1)?;
        if !matches!(sign, "+" | "-") || digits.len() != 4 {
            return None;
        }
        let (hours, minutes) = digits.split_at(2);
        Timestamp::parse_rfc3339(&format!("{date}T{clock}{sign}{hours}:{minutes}")).ok()
    });
    if parsed.is_none() {
        r.unknown_value(
            e,
            key,
            "date",
            written,
            "RFC 3339, or 2006-01-02 15:04:05 -0700",
            "no time",
        );
    }
    parsed
}

/// A cState status or severity: `ok`, `notice`, `disrupted`, `down`; anything else is a warning
/// and read as `disrupted`.
fn severity(r: &mut Reader, e: &Entry, key: &'static str) -> Option<Level> {
    let name = text(r, e, key)?;
    Some(match name.trim().to_ascii_lowercase().as_str() {
        "ok" => Level::Operational,
        "notice" => Level::Minor,
        "disrupted" => Level::Major,
        "down" => Level::Critical,
        _ => {
            r.unknown_value(
                e,
                key,
                key,
                name,
                "ok, notice, disrupted, down",
                "disrupted",
            );
            Level::Major
        }
    })
}

fn notice(id: String, title: Text, level: NoticeLevel, url: Option<String>) -> Notice {
    Notice {
        id,
        title,
        body: None,
        level,
        starts_at: None,
        ends_at: None,
        url,
    }
}

pub(crate) fn read(root: &Node, r: &mut Reader) -> StatusDocument {
    let doc = Entry {
        node: root,
        path: Path::ROOT,
    };
    // Hugo's site language: what the titles and descriptions are written in.
    r.language = text(r, &doc, "languageCode")
        .filter(|code| crate::i18n::is_language_tag(code.trim()))
        .map(|code| code.trim().into());
    let language = r.language.clone();
    let service = Service {
        name: text(r, &doc, "title").map(|t| Text::plain(t).in_language(language.clone())),
        description: text(r, &doc, "description")
            .map(|d| Text::from_markup(&d).in_language(language.clone())),
        url: r.href(&doc, "baseURL"),
        status_page: r.href(&doc, "baseURL"),
        ..Service::default()
    };
    let declared = severity(r, &doc, "summaryStatus").map(|level| {
        let title = match level {
            Level::Operational => "All systems operational",
            Level::Minor => "Some systems have a notice",
            Level::Critical => "Some systems are down",
            _ => "Some systems are disrupted",
        };
        DeclaredStatus::new(level, title, service.status_page.clone())
    });

    let mut components = Vec::new();
    let mut incidents: Vec<Incident> = Vec::new();
    let mut notices = Vec::new();
    let mut seen = HashSet::new();
    for (i, path, node) in r.entries(&doc, "systems") {
        let system = Entry { node, path };
        let id = r.id(&system, "name", i, "system", &mut seen);
        let status = match severity(r, &system, "status") {
            Some(Level::Operational) | None => ComponentStatus::Operational,
            Some(Level::Minor) => ComponentStatus::DegradedPerformance,
            Some(Level::Critical) => ComponentStatus::MajorOutage,
            Some(_) => ComponentStatus::PartialOutage,
        };
        components.push(Component {
            name: Text::plain(id.as_str()).in_language(r.language.clone()),
            id,
            status,
        });
        for (_, path, node) in r.entries(&system, "unresolvedIssues") {
            let issue = Entry { node, path };
            let title = r.required_text(&issue, "title", || "Issue".into());
            let url = r.href(&issue, "permalink");
            // An issue that affects several systems is listed under each of them.
            let key = url.clone().unwrap_or_else(|| title.plain.clone());
            if incidents.iter().any(|i| i.id == key) || notices.iter().any(|n: &Notice| n.id == key)
            {
                continue;
            }
            if r.flag(&issue, "informational") {
                notices.push(notice(key, title, NoticeLevel::Info, url));
                continue;
            }
            let impact = match severity(r, &issue, "severity") {
                Some(Level::Operational) => Impact::None,
                Some(Level::Minor) => Impact::Minor,
                Some(Level::Critical) => Impact::Critical,
                _ => Impact::Major,
            };
            let resolved = r.flag(&issue, "resolved");
            incidents.push(Incident {
                id: key,
                title,
                impact,
                status: if resolved {
                    IncidentStatus::Resolved
                } else {
                    IncidentStatus::Investigating
                },
                started_at: time(r, &issue, "createdAt"),
                resolved_at: time(r, &issue, "resolvedAt"),
                components: r.texts(&issue, "affected"),
                release: None,
                summary: None,
                banner: None,
                url,
                updates: Vec::new(),
                lessons: Vec::new(),
                conclusion: Vec::new(),
            });
        }
    }
    for (i, path, node) in r.entries(&doc, "pinnedIssues") {
        let pinned = Entry { node, path };
        let title = r.required_text(&pinned, "title", || "Notice".into());
        let url = r.href(&pinned, "permalink");
        let id = url.clone().unwrap_or_else(|| format!("pinned-{}", i + 1));
        notices.push(notice(id, title, NoticeLevel::Info, url));
    }
    // When the site was built, where it says so in UTC (a zone name would need a zone database).
    let built = (
        text(r, &doc, "buildDate"),
        text(r, &doc, "buildTime"),
        text(r, &doc, "buildTimezone"),
    );
    let updated_at = match built {
        (Some(day), Some(clock), Some(zone)) if zone.trim().eq_ignore_ascii_case("UTC") => {
            Timestamp::parse_rfc3339(&format!("{}T{}:00Z", day.trim(), clock.trim())).ok()
        }
        _ => None,
    };
    StatusDocument {
        language,
        service,
        updated_at,
        components,
        notices,
        maintenances: Vec::new(),
        incidents,
        declared,
        #[cfg(feature = "page")]
        history: Default::default(),
        #[cfg(feature = "page")]
        languages: Vec::new(),
    }
}
