//! One incident, maintenance or notice as every surface shows it: [`ItemView`].

use crate::model::links::anchored;
use crate::model::{
    last_update_at, latest_timed_update, ActiveIndex, ActiveItem, DismissalKey, Impact, Incident,
    IncidentStatus, Maintenance, MaintenanceStatus, NoticeLevel, StatusDocument, Text, Timestamp,
};

/// What kind of item, for its style and its label.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ItemKind {
    /// An incident with its impact and status.
    Incident(Impact, IncidentStatus),
    /// Maintenance under way.
    MaintenanceNow,
    /// Maintenance starting within 24 hours.
    MaintenancePlanned,
    /// A notice.
    Notice(NoticeLevel),
}

impl ItemKind {
    /// The CSS class (and `::part()` name) of the item: `impact-major`, `maintenance`, `notice-info`…
    pub fn class(self) -> &'static str {
        match self {
            ItemKind::Incident(Impact::None, _) => "impact-none",
            ItemKind::Incident(Impact::Minor, _) => "impact-minor",
            ItemKind::Incident(Impact::Major, _) => "impact-major",
            ItemKind::Incident(Impact::Critical, _) => "impact-critical",
            ItemKind::MaintenanceNow | ItemKind::MaintenancePlanned => "maintenance",
            ItemKind::Notice(NoticeLevel::Info) => "notice-info",
            ItemKind::Notice(NoticeLevel::Warning) => "notice-warning",
        }
    }

    /// Whether its appearance should interrupt a screen reader (`role="alert"`).
    pub fn is_urgent(self) -> bool {
        matches!(
            self,
            ItemKind::Incident(Impact::Major | Impact::Critical, _)
        )
    }
}

/// Where an item stands in the (filtered) document, for the details only the page and the
/// headless report show: an index into its list, as the model's rules gave it.
pub type ItemSource = ActiveIndex;

/// One item, ready to render.
#[derive(Clone, Debug, PartialEq)]
pub struct ItemView {
    /// The item's id in the file.
    pub id: String,
    /// Where it stands in the document.
    pub source: ItemSource,
    /// Identifies the item at its current revision, for dismissal.
    pub key: DismissalKey,
    /// Its kind.
    pub kind: ItemKind,
    /// Headline.
    pub title: Text,
    /// The banner text, latest update or description.
    pub text: Option<Text>,
    /// When it started (planned start for maintenance and notices).
    pub started_at: Option<Timestamp>,
    /// When it was last updated.
    pub updated_at: Option<Timestamp>,
    /// Planned end of maintenance.
    pub ends_at: Option<Timestamp>,
    /// Names of the affected components.
    pub components: Vec<Text>,
    /// Where to read more: the item's own page, else the status page (at the item's anchor).
    pub link: Option<String>,
}

/// Component ids as the reader knows them: their names, or the id where the file has none.
pub fn component_names(doc: &StatusDocument, ids: &[String]) -> Vec<Text> {
    ids.iter()
        .map(|id| {
            doc.components
                .iter()
                .find(|c| c.id == *id)
                .map_or_else(|| Text::plain(id.as_str()), |c| c.name.clone())
        })
        .collect()
}

/// Builds item views for one document, linking to `status_page` (the element's, else the
/// file's) at each item's anchor when the item has no page of its own.
pub(crate) struct ItemViews<'a> {
    pub doc: &'a StatusDocument,
    pub status_page: Option<&'a str>,
    pub now: Timestamp,
}

impl ItemViews<'_> {
    fn anchored(&self, id: &str) -> Option<String> {
        self.status_page.map(|p| anchored(p, id))
    }

    /// The incident `doc.incidents[index]`, with its latest update as its text.
    pub fn incident(&self, index: usize, i: &Incident) -> ItemView {
        ItemView {
            id: i.id.clone(),
            source: ItemSource::Incident(index),
            key: DismissalKey::of(&ActiveItem::Incident(i)),
            kind: ItemKind::Incident(i.impact, i.status),
            title: i.title.clone(),
            text: i.banner_text(),
            started_at: i.started_at,
            updated_at: last_update_at(&i.updates),
            ends_at: None,
            components: component_names(self.doc, &i.components),
            link: i.url.clone().or_else(|| self.anchored(&i.id)),
        }
    }

    /// The maintenance `doc.maintenances[index]`, with its latest timed update, else its
    /// description, as its text.
    pub fn maintenance(&self, index: usize, m: &Maintenance) -> ItemView {
        let planned =
            m.status == MaintenanceStatus::Scheduled && m.starts_at.is_some_and(|s| s > self.now);
        ItemView {
            id: m.id.clone(),
            source: ItemSource::Maintenance(index),
            key: DismissalKey::of(&ActiveItem::Maintenance(m)),
            kind: if planned {
                ItemKind::MaintenancePlanned
            } else {
                ItemKind::MaintenanceNow
            },
            title: m.title.clone(),
            text: latest_timed_update(&m.updates)
                .map(|u| u.body.clone())
                .or_else(|| m.body.clone()),
            started_at: m.starts_at,
            updated_at: last_update_at(&m.updates),
            ends_at: m.ends_at,
            components: component_names(self.doc, &m.components),
            link: m.url.clone().or_else(|| self.anchored(&m.id)),
        }
    }

    /// The active item at `index` ([`StatusDocument::active_indices`]); `None` for an index that
    /// is not this document's.
    pub fn active(&self, index: ActiveIndex) -> Option<ItemView> {
        Some(match (index, self.doc.item_at(index)?) {
            (ActiveIndex::Incident(at), ActiveItem::Incident(i)) => self.incident(at, i),
            (ActiveIndex::Maintenance(at), ActiveItem::Maintenance(m)) => self.maintenance(at, m),
            (_, item) => self.notice(index, item)?,
        })
    }

    /// A notice, or the file's own overall word, with its body as its text.
    fn notice(&self, source: ActiveIndex, item: ActiveItem<'_>) -> Option<ItemView> {
        let ActiveItem::Notice(n) = item else {
            return None;
        };
        Some(ItemView {
            id: n.id.clone(),
            source,
            key: DismissalKey::of(&item),
            kind: ItemKind::Notice(n.level),
            title: n.title.clone(),
            text: n.body.clone(),
            started_at: None,
            updated_at: None,
            ends_at: None,
            components: Vec::new(),
            link: n.url.clone(),
        })
    }
}
