//! Reads status-widget's own format (version 1), described in `www/status.schema.json`.

use super::json::Node;
use super::problems::{ProblemKind, Severity};
use super::reader::{Entry, Path, Reader};
use crate::model::Text;
use crate::model::{
    Component, ComponentStatus, ContactLink, Impact, Incident, IncidentStatus, Maintenance,
    MaintenanceStatus, Notice, NoticeLevel, Service, StatusDocument, Update,
};
use std::collections::HashSet;

/// Reads a version-1 document whose `version` has already been checked.
pub(crate) fn read(root: &Node, r: &mut Reader) -> StatusDocument {
    let mut reading = begin(root, r);
    reading.step(usize::MAX, r);
    reading.finish()
}

/// A version-1 document being read in steps: everything but the incidents is read by [`begin`],
/// the incidents (the one list that grows to thousands) a number at a time by
/// [`Reading::step`], in the order [`read`] reads them.
pub(crate) struct Reading<'a> {
    document: StatusDocument,
    incidents: std::vec::IntoIter<(usize, Path, &'a Node)>,
    seen: HashSet<String>,
}

impl Reading<'_> {
    /// Reads up to `count` more incidents; true once every incident is read.
    pub(crate) fn step(&mut self, count: usize, r: &mut Reader) -> bool {
        for (i, path, node) in self.incidents.by_ref().take(count) {
            let e = Entry { node, path };
            let incident = read_incident(&e, i, &mut self.seen, r);
            #[cfg(feature = "page")]
            super::history::native_changes(&e, &incident.id, r, &mut self.document.history);
            self.document.incidents.push(incident);
        }
        self.incidents.len() == 0
    }

    /// The document, once [`Reading::step`] has said every incident is read.
    pub(crate) fn finish(self) -> StatusDocument {
        self.document
    }
}

/// Starts reading a version-1 document whose `version` has already been checked.
pub(crate) fn begin<'a>(root: &'a Node, r: &mut Reader) -> Reading<'a> {
    let doc = Entry {
        node: root,
        path: Path::ROOT,
    };
    if doc.field("incidents").is_none() {
        let kind = ProblemKind::Missing {
            field: "incidents",
            consequence: "read as no incidents (write \"incidents\": [] when there are none)",
        };
        r.report(Severity::Error, Path::ROOT.to_string(), root, kind);
    }
    if let Some(language) = r.text(&doc, "language") {
        if crate::i18n::is_language_tag(language.trim()) {
            r.language = Some(language.trim().into());
        } else {
            let node = doc.field("language").unwrap_or(root);
            r.report(
                Severity::Error,
                Path::ROOT.key("language").to_string(),
                node,
                ProblemKind::BadLanguageTag(language),
            );
        }
    }
    let service = match doc.field("service") {
        Some(node) => read_service(
            &Entry {
                node,
                path: Path::ROOT.key("service"),
            },
            r,
        ),
        None => Service::default(),
    };
    let updated_at = r.time(&doc, "updated_at");

    let mut seen = HashSet::new();
    #[cfg(feature = "page")]
    let mut history = crate::model::History::default();
    let components = r
        .entries(&doc, "components")
        .into_iter()
        .map(|(i, path, node)| {
            let e = Entry { node, path };
            let id = r.id(&e, "id", i, "component", &mut seen);
            #[cfg(feature = "page")]
            super::history::native_since(&e, &id, r, &mut history);
            Component {
                name: r.required_text(&e, "name", || id.clone()),
                status: r
                    .vocabulary(&e, "status")
                    .unwrap_or(ComponentStatus::Operational),
                id,
            }
        })
        .collect();

    let mut seen = HashSet::new();
    let notices = r
        .entries(&doc, "notices")
        .into_iter()
        .map(|(i, path, node)| {
            let e = Entry { node, path };
            let starts_at = r.time(&e, "starts_at");
            let ends_at = r.time(&e, "ends_at");
            r.check_order(Severity::Error, &e, "ends_at", starts_at, ends_at);
            Notice {
                id: r.id(&e, "id", i, "notice", &mut seen),
                title: r.required_text(&e, "title", || "Notice".into()),
                body: r.words(&e, "body"),
                level: r.vocabulary(&e, "level").unwrap_or(NoticeLevel::Info),
                starts_at,
                ends_at,
                url: r.href(&e, "url"),
            }
        })
        .collect();

    let mut seen = HashSet::new();
    let maintenances = r
        .entries(&doc, "maintenances")
        .into_iter()
        .map(|(i, path, node)| {
            let e = Entry { node, path };
            let starts_at = r.time(&e, "starts_at");
            let ends_at = r.time(&e, "ends_at");
            r.check_order(Severity::Error, &e, "ends_at", starts_at, ends_at);
            Maintenance {
                id: r.id(&e, "id", i, "maintenance", &mut seen),
                title: r.required_text(&e, "title", || "Planned maintenance".into()),
                status: r
                    .vocabulary(&e, "status")
                    .unwrap_or(MaintenanceStatus::Scheduled),
                starts_at,
                ends_at,
                components: r.texts(&e, "components"),
                body: r.words(&e, "body"),
                url: r.href(&e, "url"),
                updates: read_updates(&e, r),
            }
        })
        .collect();

    let incidents = r.entries(&doc, "incidents");
    Reading {
        document: StatusDocument {
            service,
            updated_at,
            components,
            notices,
            maintenances,
            incidents: Vec::with_capacity(incidents.len()),
            declared: None,
            language: r.language.clone(),
            #[cfg(feature = "page")]
            history,
            #[cfg(feature = "page")]
            languages: Vec::new(),
        },
        incidents: incidents.into_iter(),
        seen: HashSet::new(),
    }
}

fn read_service(e: &Entry, r: &mut Reader) -> Service {
    let contact = r
        .entries(e, "contact")
        .into_iter()
        .filter_map(|(_, path, node)| {
            let c = Entry { node, path };
            let href = r.href(&c, "href");
            if href.is_none() && c.field("href").is_none() {
                let kind = ProblemKind::Missing {
                    field: "href",
                    consequence: "this contact was skipped",
                };
                r.report(Severity::Error, path.to_string(), node, kind);
            }
            let label = r.words(&c, "label");
            href.map(|href| ContactLink {
                label: label.unwrap_or_else(|| Text::plain(href.trim_start_matches("mailto:"))),
                href,
            })
        })
        .collect();
    Service {
        name: r.words(e, "name"),
        description: r.words(e, "description"),
        about: r.words(e, "about"),
        url: r.href(e, "url"),
        status_page: r.href(e, "status_page"),
        contact,
    }
}

fn read_incident(e: &Entry, index: usize, seen: &mut HashSet<String>, r: &mut Reader) -> Incident {
    let started_at = r.time(e, "started_at");
    let resolved_at = r.time(e, "resolved_at");
    r.check_order(Severity::Error, e, "resolved_at", started_at, resolved_at);
    // A missing status means resolved only when the file says when it was resolved.
    let status = r
        .vocabulary(e, "status")
        .unwrap_or(if resolved_at.is_some() {
            IncidentStatus::Resolved
        } else {
            IncidentStatus::Investigating
        });
    Incident {
        id: r.id(e, "id", index, "incident", seen),
        title: r.required_text(e, "title", || "Incident".into()),
        impact: r.vocabulary(e, "impact").unwrap_or(Impact::Minor),
        status,
        started_at,
        resolved_at,
        components: r.texts(e, "components"),
        release: r.text(e, "release"),
        summary: r.words(e, "summary"),
        banner: r.words(e, "banner"),
        url: r.href(e, "url"),
        updates: read_updates(e, r),
        lessons: r.words_list(e, "lessons"),
        conclusion: r.words_list(e, "conclusion"),
    }
}

fn read_updates(e: &Entry, r: &mut Reader) -> Vec<Update> {
    let entries = r.entries(e, "updates");
    #[cfg(feature = "page")]
    check_translations(e, &entries, r);
    entries
        .into_iter()
        .filter_map(|(_, path, node)| {
            let u = Entry { node, path };
            let at = r.time(&u, "at");
            let day = r.date(&u, "day");
            let approximate = r.flag(&u, "approximate");
            let status = r.vocabulary(&u, "status");
            let Some(body) = r.words(&u, "body") else {
                let kind = ProblemKind::Missing {
                    field: "body",
                    consequence: "this update was skipped",
                };
                r.report(Severity::Error, path.to_string(), node, kind);
                return None;
            };
            if at.is_none() && day.is_none() && u.field("at").is_none() && u.field("day").is_none()
            {
                let kind = ProblemKind::Missing {
                    field: "at",
                    consequence: "shown without a time (give `at`, or `day` for an untimed note)",
                };
                r.report(Severity::Error, path.to_string(), node, kind);
            }
            Some(Update {
                at,
                day,
                approximate,
                status,
                body,
            })
        })
        .collect()
}

/// Warns of a language some of a timeline's updates are in and others are not ("de: 3 of 5
/// updates not translated"): a reader of that language gets those in the file's language.
/// A warning for the file's author, given by `check`, `checkStatus` and the page build; the
/// banner build, which shows the words whatever their language, leaves it out.
#[cfg(feature = "page")]
fn check_translations(e: &Entry, entries: &[(usize, Path, &Node)], r: &mut Reader) {
    let bodies: Vec<Vec<&str>> = entries
        .iter()
        .filter_map(|(_, _, node)| node.get("body"))
        .map(|body| r.languages_of(body))
        .collect();
    if bodies.len() < 2 || bodies.iter().all(|tags| tags.len() < 2) {
        return;
    }
    let mut languages: Vec<&str> = Vec::new();
    for tag in bodies.iter().flatten() {
        if !languages
            .iter()
            .any(|known| known.eq_ignore_ascii_case(tag))
        {
            languages.push(tag);
        }
    }
    let problems: Vec<ProblemKind> = languages
        .iter()
        .filter_map(|language| {
            let missing = bodies
                .iter()
                .filter(|tags| !tags.iter().any(|t| t.eq_ignore_ascii_case(language)))
                .count();
            (missing > 0).then(|| ProblemKind::PartlyTranslated {
                language: language.to_string(),
                missing,
                total: bodies.len(),
            })
        })
        .collect();
    if let Some(node) = e.field("updates") {
        for kind in problems {
            r.report(Severity::Warning, e.path_of("updates"), node, kind);
        }
    }
}
