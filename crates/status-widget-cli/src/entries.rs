//! The entries and updates the editing commands write, as typed values: each field once, named as
//! format v1 names it (`www/status.schema.json`), in the order a person reading the file expects,
//! and absent rather than empty when not given. `edit` puts them into the file, keeping whatever
//! else the file holds.

use serde::Serialize;
use serde_json::{Map, Value};

/// A new incident (`incident open`); its first update follows as an [`Update`].
#[derive(Serialize)]
pub(crate) struct NewIncident<'a> {
    pub id: &'a str,
    pub title: &'a str,
    pub impact: &'a str,
    pub status: &'a str,
    pub started_at: &'a str,
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    pub components: &'a [String],
    #[serde(skip_serializing_if = "Option::is_none")]
    pub release: Option<&'a str>,
}

/// New maintenance (`maintenance schedule`).
#[derive(Serialize)]
pub(crate) struct NewMaintenance<'a> {
    pub id: &'a str,
    pub title: &'a str,
    pub status: &'a str,
    pub starts_at: &'a str,
    pub ends_at: &'a str,
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    pub components: &'a [String],
    #[serde(skip_serializing_if = "Option::is_none")]
    pub body: Option<&'a str>,
}

/// A new notice (`notice add`).
#[derive(Serialize)]
pub(crate) struct NewNotice<'a> {
    pub id: &'a str,
    pub title: &'a str,
    pub level: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub body: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub starts_at: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ends_at: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<&'a str>,
}

/// One entry of an incident's or maintenance's timeline: timed (`at`) or a day's note (`day`).
#[derive(Default, Serialize)]
pub(crate) struct Update<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub at: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub day: Option<&'a str>,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub approximate: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<&'a str>,
    pub body: &'a str,
}

/// `entry` as a JSON object, its fields in declaration order.
pub(crate) fn object(entry: &impl Serialize) -> Map<String, Value> {
    match serde_json::to_value(entry) {
        Ok(Value::Object(map)) => map,
        _ => Map::new(),
    }
}
