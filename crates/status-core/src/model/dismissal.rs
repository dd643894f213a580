//! Remembering that a reader dismissed a banner item. A dismissal covers one item at one
//! revision: a new update, a change of maintenance status, or a worse impact shows it again.

use super::active::ActiveItem;
use super::types::{Impact, MaintenanceStatus, NoticeLevel};

/// What a dismissal remembers about an item, stored as text: `rank|revision|kind:id`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DismissalKey {
    /// `incident:ID`, `maintenance:ID` or `notice:ID`.
    pub item: String,
    /// Changes with every update of the item.
    pub revision: String,
    /// Severity when dismissed; a higher one shows the item again.
    pub rank: u8,
}

impl DismissalKey {
    /// The key of `item` as it is now.
    pub fn of(item: &ActiveItem) -> Self {
        match item {
            ActiveItem::Incident(i) => DismissalKey {
                item: format!("incident:{}", i.id),
                revision: format!(
                    "{}.{}",
                    i.updates.len(),
                    i.last_activity().map_or(0, |t| t.unix_millis())
                ),
                rank: match i.impact {
                    Impact::None => 0,
                    Impact::Minor => 1,
                    Impact::Major => 2,
                    Impact::Critical => 3,
                },
            },
            ActiveItem::Maintenance(m) => DismissalKey {
                item: format!("maintenance:{}", m.id),
                revision: format!(
                    "{}.{}",
                    m.updates.len(),
                    m.starts_at.map_or(0, |t| t.unix_millis())
                ),
                rank: match m.status {
                    MaintenanceStatus::Scheduled => 0,
                    MaintenanceStatus::InProgress | MaintenanceStatus::Verifying => 1,
                    MaintenanceStatus::Completed => 0,
                },
            },
            ActiveItem::Notice(n) => DismissalKey {
                item: format!("notice:{}", n.id),
                revision: format!(
                    "{}.{}",
                    n.starts_at.map_or(0, |t| t.unix_millis()),
                    n.title.len() + n.body.as_ref().map_or(0, |b| b.plain.len())
                ),
                rank: u8::from(n.level == NoticeLevel::Warning),
            },
        }
    }

    /// Reads the stored form; `None` for anything else.
    pub fn parse(text: &str) -> Option<Self> {
        let mut parts = text.splitn(3, '|');
        let rank = parts.next()?.parse().ok()?;
        let revision = parts.next()?.to_owned();
        let item = parts.next()?.to_owned();
        Some(DismissalKey {
            item,
            revision,
            rank,
        })
    }

    /// True when this stored dismissal still hides `current`: same item, same revision, and the
    /// item is no more severe than when it was dismissed.
    pub fn hides(&self, current: &DismissalKey) -> bool {
        self.item == current.item && self.revision == current.revision && self.rank >= current.rank
    }
}

impl core::fmt::Display for DismissalKey {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        write!(f, "{}|{}|{}", self.rank, self.revision, self.item)
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::formats::{load_str, Format};
    use crate::model::{Text, Timestamp, Update};

    fn doc() -> crate::model::StatusDocument {
        let text = r#"{"version": 1, "incidents": [{"id": "a|b:c", "title": "Login down", "impact": "minor",
            "updates": [{"at": "2024-11-05T09:00:00Z", "body": "Looking"}]}]}"#;
        load_str(text, Format::Auto).unwrap().document
    }

    #[test]
    fn a_dismissal_survives_storage_and_hides_the_same_revision() {
        let doc = doc();
        let key = DismissalKey::of(&ActiveItem::Incident(&doc.incidents[0]));
        let stored = DismissalKey::parse(&key.to_string()).unwrap();
        assert_eq!(stored, key, "ids with | and : survive");
        assert!(stored.hides(&key));
        assert_eq!(DismissalKey::parse("junk"), None);
    }

    #[test]
    fn a_new_update_or_a_worse_impact_shows_the_item_again() {
        let mut doc = doc();
        let before = DismissalKey::of(&ActiveItem::Incident(&doc.incidents[0]));
        doc.incidents[0].impact = Impact::Critical;
        let worse = DismissalKey::of(&ActiveItem::Incident(&doc.incidents[0]));
        assert!(!before.hides(&worse));
        doc.incidents[0].impact = Impact::None;
        let better = DismissalKey::of(&ActiveItem::Incident(&doc.incidents[0]));
        assert!(before.hides(&better));
        doc.incidents[0].updates.push(Update {
            at: Some(Timestamp::parse_rfc3339("2024-11-05T10:00:00Z").unwrap()),
            day: None,
            approximate: false,
            status: None,
            body: Text::plain("Fixed soon"),
        });
        let updated = DismissalKey::of(&ActiveItem::Incident(&doc.incidents[0]));
        assert!(!before.hides(&updated));
    }
}
