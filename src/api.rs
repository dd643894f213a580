//! Functions the wasm module exports to JavaScript.

use crate::js_document::load_js;
use crate::model::{Format, Severity, SourceFormat};
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// The result of [`check_status`], as a plain JavaScript object.
#[derive(Serialize)]
struct CheckReport {
    /// True when the document was read and has no errors.
    ok: bool,
    /// `"native"` or `"statuspage"`, or `null` when the document could not be read at all.
    format: Option<&'static str>,
    /// Why the document could not be read at all.
    error: Option<String>,
    /// Problems with single fields and entries, in document order.
    problems: Vec<ProblemReport>,
}

#[derive(Serialize)]
struct ProblemReport {
    severity: &'static str,
    path: String,
    line: Option<u32>,
    column: Option<u32>,
    message: String,
}

/// Checks a status document (JSON text or an object) the way the widget reads it, and returns
/// `{ ok, format, error, problems: [{ severity, path, line, column, message }] }`.
/// `format` is `"auto"` (the default), `"native"` or `"statuspage"`. Never throws.
#[wasm_bindgen(js_name = checkStatus)]
pub fn check_status(document: JsValue, format: Option<String>) -> JsValue {
    let format = format
        .as_deref()
        .and_then(Format::from_name)
        .unwrap_or_default();
    let report = match load_js(&document, format) {
        Ok(loaded) => CheckReport {
            ok: loaded.is_valid(),
            format: Some(match loaded.format {
                SourceFormat::Native => "native",
                SourceFormat::Statuspage => "statuspage",
            }),
            error: None,
            problems: loaded
                .problems
                .iter()
                .map(|p| ProblemReport {
                    severity: match p.severity {
                        Severity::Warning => "warning",
                        Severity::Error => "error",
                    },
                    path: p.path.clone(),
                    line: p.at.map(|a| a.line),
                    column: p.at.map(|a| a.column),
                    message: p.kind.to_string(),
                })
                .collect(),
        },
        Err(e) => CheckReport {
            ok: false,
            format: None,
            error: Some(e.to_string()),
            problems: Vec::new(),
        },
    };
    serde_wasm_bindgen::to_value(&report).unwrap_or(JsValue::NULL)
}
