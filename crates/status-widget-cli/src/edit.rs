//! The edits the commands make, on the document as JSON, so that fields this version does not
//! know survive every edit untouched.

use super::CliError;
use serde_json::{Map, Value};
use status_core::model::{CalendarDate, Timestamp};

/// The list `key` of the document (created empty when absent).
fn list<'a>(doc: &'a mut Value, key: &str) -> Result<&'a mut Vec<Value>, CliError> {
    let object = doc
        .as_object_mut()
        .ok_or_else(|| CliError::Invalid("the status file is not a JSON object".into()))?;
    list_in(object, key)
}

/// The list `key` of an object (created empty when absent; anything else there is refused, never
/// overwritten).
fn list_in<'a>(
    object: &'a mut Map<String, Value>,
    key: &str,
) -> Result<&'a mut Vec<Value>, CliError> {
    object
        .entry(key)
        .or_insert_with(|| Value::Array(Vec::new()))
        .as_array_mut()
        .ok_or_else(|| CliError::Invalid(format!("`{key}` is not a list")))
}

/// The entry of list `key` whose `id` is `id`.
pub fn entry<'a>(
    doc: &'a mut Value,
    key: &str,
    id: &str,
) -> Result<&'a mut Map<String, Value>, CliError> {
    let what = key.trim_end_matches('s');
    let items = list(doc, key)?;
    let known: Vec<String> = items
        .iter()
        .filter_map(|i| i.get("id")?.as_str().map(str::to_owned))
        .collect();
    items
        .iter_mut()
        .filter_map(Value::as_object_mut)
        .find(|i| i.get("id").and_then(Value::as_str) == Some(id))
        .ok_or_else(|| CliError::UnknownId {
            what: what.to_owned(),
            id: id.to_owned(),
            known,
        })
}

/// Adds `item` to list `key`, refusing an id that is already there.
pub fn add(doc: &mut Value, key: &str, item: Map<String, Value>) -> Result<(), CliError> {
    let id = item
        .get("id")
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_owned();
    let items = list(doc, key)?;
    if items
        .iter()
        .any(|i| i.get("id").and_then(Value::as_str) == Some(&id))
    {
        return Err(CliError::DuplicateId {
            list: key.to_owned(),
            id,
        });
    }
    items.push(Value::Object(item));
    Ok(())
}

/// Removes the entry of list `key` whose `id` is `id`.
pub fn remove(doc: &mut Value, key: &str, id: &str) -> Result<(), CliError> {
    entry(doc, key, id)?;
    list(doc, key)?.retain(|i| i.get("id").and_then(Value::as_str) != Some(id));
    Ok(())
}

/// When a timeline entry happened: its time, or for an untimed note its day.
enum Moment {
    At(Timestamp),
    Day(CalendarDate),
}

fn moment(update: &Value) -> Option<Moment> {
    let text = |key: &str| update.get(key).and_then(Value::as_str);
    match (text("at"), text("day")) {
        (Some(at), _) => Timestamp::parse_rfc3339(at).ok().map(Moment::At),
        (None, Some(day)) => CalendarDate::parse(day).ok().map(Moment::Day),
        _ => None,
    }
}

/// Whether an existing entry at `entry` belongs after a new one at `new` in the timeline (oldest
/// first; a day's untimed note after everything timed on that day, in UTC as the file is).
fn belongs_after(entry: &Moment, new: &Moment) -> bool {
    match (entry, new) {
        (Moment::At(e), Moment::At(n)) => e > n,
        (Moment::Day(e), Moment::At(n)) => *e >= n.utc_date(),
        (Moment::At(e), Moment::Day(n)) => e.utc_date() > *n,
        (Moment::Day(e), Moment::Day(n)) => e > n,
    }
}

/// Adds a timeline update to `item` (`{at|day, approximate?, status?, body}`) in its place in
/// time: at the end when it is the latest, as when posting as things happen; before later entries
/// when backdated. Entries without a readable time stay where they are. Returns whether it is
/// now the last entry (the latest news).
pub fn push_update(
    item: &mut Map<String, Value>,
    update: Map<String, Value>,
) -> Result<bool, CliError> {
    let list = list_in(item, "updates")?;
    let update = Value::Object(update);
    let mut place = list.len();
    if let Some(new) = moment(&update) {
        while place > 0 && moment(&list[place - 1]).is_some_and(|e| belongs_after(&e, &new)) {
            place -= 1;
        }
    }
    list.insert(place, update);
    Ok(place + 1 == list.len())
}

/// Appends `text` to the list of strings `key` of `item`.
pub fn push_text(item: &mut Map<String, Value>, key: &str, text: &str) -> Result<(), CliError> {
    list_in(item, key)?.push(Value::String(text.to_owned()));
    Ok(())
}

/// Sets the document's `updated_at`.
pub fn touch(doc: &mut Value, at: &str) {
    if let Some(object) = doc.as_object_mut() {
        object.insert("updated_at".into(), Value::String(at.to_owned()));
    }
}

/// An id from a date and a title: `2024-11-04-new-logins` from 2024-11-04 and "New logins!".
pub fn slug(date: &str, title: &str) -> String {
    let mut slug = String::from(date);
    let mut dash = true;
    for c in title.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            if dash {
                slug.push('-');
            }
            slug.push(c);
            dash = false;
        } else {
            dash = true;
        }
        if slug.len() > 60 {
            break;
        }
    }
    slug
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn backdated_updates_take_their_place_in_time() {
        let mut item = Map::new();
        for update in [
            json!({"at": "2024-11-04T07:30:00Z", "body": "a"}),
            json!({"at": "2024-11-04T08:55:00Z", "body": "c"}),
            json!({"day": "2024-11-04", "body": "d"}),
            json!({"at": "2024-11-05T06:30:00Z", "body": "e"}),
            json!({"at": "2024-11-04T09:15:00+01:00", "body": "b"}),
            json!({"at": "2024-11-04T23:00:00Z", "body": "d0"}),
            json!({"day": "2024-11-05", "body": "f"}),
            json!({"body": "g"}),
        ] {
            push_update(&mut item, update.as_object().unwrap().clone()).unwrap();
        }
        let bodies: Vec<&str> = item["updates"]
            .as_array()
            .unwrap()
            .iter()
            .map(|u| u["body"].as_str().unwrap())
            .collect();
        assert_eq!(bodies, ["a", "b", "c", "d0", "d", "e", "f", "g"]);
    }

    #[test]
    fn ids_are_made_from_the_date_and_the_title() {
        assert_eq!(slug("2024-11-04", "New logins!"), "2024-11-04-new-logins");
        assert_eq!(
            slug("2024-11-04", "  Größe / Ümlaut  "),
            "2024-11-04-größe-ümlaut"
        );
    }

    #[test]
    fn unknown_fields_survive_and_repeated_ids_are_refused() {
        let mut doc = json!({"version": 1, "x-team": {"pager": 7}, "incidents": []});
        let item = |id: &str| json!({"id": id}).as_object().unwrap().clone();
        add(&mut doc, "incidents", item("a")).unwrap();
        assert!(add(&mut doc, "incidents", item("a")).is_err());
        entry(&mut doc, "incidents", "a")
            .unwrap()
            .insert("y".into(), json!(1));
        assert_eq!(doc["x-team"]["pager"], 7);
        assert!(
            matches!(entry(&mut doc, "incidents", "b"), Err(e @ CliError::UnknownId { .. }) if e.to_string().contains("has: a"))
        );
        remove(&mut doc, "incidents", "a").unwrap();
        assert_eq!(doc["incidents"], json!([]));
    }
}
