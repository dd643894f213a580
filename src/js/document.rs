//! Reading a status document handed over by JavaScript: a string of JSON text, or an object
//! (from `JSON.parse` or `response.json()`). Objects are walked directly with js-sys into the
//! model's tree, with the same depth limit as the text reader, so a cyclic or absurdly deep
//! object is an error rather than a stack overflow. (Walking them by hand instead of through
//! serde-wasm-bindgen's deserializer keeps serde's error-formatting code out of the wasm.)

use crate::formats::json::{whole_number, JsonErrorKind, Node, Value, MAX_DEPTH};
use crate::formats::{load_node_in, load_str_in, Format, LoadError, Loaded};
use wasm_bindgen::{JsCast, JsValue};

/// Reads `value` as a status document: text is parsed with the model's own JSON reader (so
/// problems carry line and column); any other value is read as an already-parsed object.
pub fn load_js(value: &JsValue, format: Format) -> Result<Loaded, LoadError> {
    load_js_in(value, format, "")
}

/// [`load_js`] with texts in several languages read in the one `wanted` (a BCP 47 tag) chooses,
/// else in the file's own (`""`).
pub fn load_js_in(value: &JsValue, format: Format, wanted: &str) -> Result<Loaded, LoadError> {
    if let Some(text) = value.as_string() {
        return load_str_in(&text, format, wanted);
    }
    load_node_in(&node_from_js(value, 0)?, format, wanted)
}

fn node_from_js(value: &JsValue, depth: usize) -> Result<Node, LoadError> {
    let value = if let Some(text) = value.as_string() {
        Value::String(text)
    } else if let Some(b) = value.as_bool() {
        Value::Bool(b)
    } else if let Some(n) = value.as_f64() {
        Value::Number(whole_number(n))
    } else if value.is_null() || value.is_undefined() {
        Value::Null
    } else if depth >= MAX_DEPTH {
        return Err(LoadError::BadValue(JsonErrorKind::TooDeep.to_string()));
    } else if let Some(array) = value.dyn_ref::<js_sys::Array>() {
        let mut items = Vec::with_capacity(array.length() as usize);
        for item in array.iter() {
            items.push(node_from_js(&item, depth + 1)?);
        }
        Value::Array(items)
    } else if value.is_object() && !value.is_function() {
        let object: &js_sys::Object = value.unchecked_ref();
        let mut members = Vec::new();
        for entry in js_sys::Object::entries(object).iter() {
            let pair: js_sys::Array = entry.unchecked_into();
            let key = pair.get(0).as_string().unwrap_or_default();
            members.push((key, node_from_js(&pair.get(1), depth + 1)?));
        }
        Value::Object(members)
    } else {
        let kind = value.js_typeof().as_string().unwrap_or_default();
        return Err(LoadError::BadValue(format!(
            "a {kind} cannot stand in a status document"
        )));
    };
    Ok(Node { value, at: None })
}
