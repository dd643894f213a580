//! Reading a status document handed over by JavaScript: a string of JSON text, or an object
//! (from `JSON.parse` or `response.json()`), read with serde-wasm-bindgen into the model's tree.

use crate::model::json::Node;
use crate::model::{load_node, load_str, Format, LoadError, Loaded};
use wasm_bindgen::JsValue;

/// Reads `value` as a status document: text is parsed with the model's own JSON reader (so
/// problems carry line and column); any other value is read as an already-parsed object.
pub fn load_js(value: &JsValue, format: Format) -> Result<Loaded, LoadError> {
    if let Some(text) = value.as_string() {
        return load_str(&text, format);
    }
    let node: Node = serde_wasm_bindgen::from_value(value.clone())
        .map_err(|e| LoadError::BadValue(e.to_string()))?;
    load_node(&node, format)
}
