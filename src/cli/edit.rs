//! The edits the commands make, on the document as JSON, so that fields this version does not
//! know survive every edit untouched.

use super::CliError;
use serde_json::{json, Map, Value};

/// The list `key` of the document (created empty when absent).
fn list<'a>(doc: &'a mut Value, key: &str) -> Result<&'a mut Vec<Value>, CliError> {
    let object = doc
        .as_object_mut()
        .ok_or_else(|| CliError::Invalid("the status file is not a JSON object".into()))?;
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
        .ok_or_else(|| {
            CliError::Usage(format!(
                "no {what} with id `{id}` (the file has: {})",
                if known.is_empty() {
                    "none".to_owned()
                } else {
                    known.join(", ")
                }
            ))
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
        return Err(CliError::Usage(format!(
            "there is already an entry with id `{id}` in `{key}`; pass another --id"
        )));
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

/// Appends a timeline update to `item`: `{at|day, approximate?, status?, body}`.
pub fn push_update(item: &mut Map<String, Value>, update: Map<String, Value>) {
    let updates = item.entry("updates").or_insert_with(|| json!([]));
    if !updates.is_array() {
        *updates = json!([]);
    }
    if let Some(list) = updates.as_array_mut() {
        list.push(Value::Object(update));
    }
}

/// Appends `text` to the list of strings `key` of `item`.
pub fn push_text(item: &mut Map<String, Value>, key: &str, text: &str) {
    let values = item.entry(key).or_insert_with(|| json!([]));
    if !values.is_array() {
        *values = json!([]);
    }
    if let Some(list) = values.as_array_mut() {
        list.push(Value::String(text.to_owned()));
    }
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
            matches!(entry(&mut doc, "incidents", "b"), Err(CliError::Usage(m)) if m.contains("has: a"))
        );
        remove(&mut doc, "incidents", "a").unwrap();
        assert_eq!(doc["incidents"], json!([]));
    }
}
