//! `status-widget check FILE…`: every problem with file, line, column and what was expected.

use super::CliError;
use serde_json::{json, Value};
use status_core::formats::{load_str, Format, LoadError, Severity};
use std::path::PathBuf;
use std::process::ExitCode;

/// Checks `files`; exit status 1 when any has an error (warnings alone pass).
pub fn run(files: &[PathBuf], as_json: bool) -> Result<ExitCode, CliError> {
    let mut failed = false;
    let mut reports = Vec::new();
    for path in files {
        let name = path.display().to_string();
        let report = match std::fs::read_to_string(path) {
            Err(e) => json!({"file": name, "ok": false, "format": null,
                "error": {"message": e.to_string(), "line": null, "column": null}, "problems": []}),
            Ok(text) => match load_str(&text, Format::Auto) {
                Err(e) => {
                    let at = match &e {
                        LoadError::NotJson(json) => Some(json.at),
                        _ => None,
                    };
                    json!({"file": name, "ok": false, "format": null, "problems": [],
                        "error": {"message": e.to_string(), "line": at.map(|a| a.line), "column": at.map(|a| a.column)}})
                }
                Ok(loaded) => json!({
                    "file": name,
                    "ok": loaded.is_valid(),
                    "format": loaded.format.name(),
                    "error": null,
                    "problems": loaded.problems.iter().map(|p| json!({
                        "severity": match p.severity { Severity::Error => "error", Severity::Warning => "warning" },
                        "path": p.path,
                        "line": p.at.map(|a| a.line),
                        "column": p.at.map(|a| a.column),
                        "message": p.kind.to_string(),
                    })).collect::<Vec<_>>(),
                }),
            },
        };
        failed |= report["ok"] != json!(true);
        reports.push(report);
    }
    if as_json {
        println!("{}", serde_json::to_string_pretty(&reports).expect("JSON"));
    } else {
        for report in &reports {
            print_human(report);
        }
    }
    Ok(if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

/// `FILE:LINE:COLUMN: error: PATH: message`, as compilers write it, then a one-line verdict.
fn print_human(report: &Value) {
    let file = report["file"].as_str().unwrap_or_default();
    let place = |p: &Value| match (p["line"].as_u64(), p["column"].as_u64()) {
        (Some(line), Some(column)) => format!("{file}:{line}:{column}"),
        _ => file.to_owned(),
    };
    if !report["error"].is_null() {
        let error = &report["error"];
        println!(
            "{}: error: {}",
            place(error),
            error["message"].as_str().unwrap_or_default()
        );
        println!("{file}: not usable: the widget would show nothing from it");
        return;
    }
    let problems = report["problems"].as_array().cloned().unwrap_or_default();
    for p in &problems {
        println!(
            "{}: {}: {}: {}",
            place(p),
            p["severity"].as_str().unwrap_or_default(),
            p["path"].as_str().unwrap_or_default(),
            p["message"].as_str().unwrap_or_default()
        );
    }
    let count = |severity: &str| {
        problems
            .iter()
            .filter(|p| p["severity"] == severity)
            .count()
    };
    let format = report["format"].as_str().unwrap_or_default();
    match (count("error"), count("warning")) {
        (0, 0) => println!("{file}: ok ({format})"),
        (0, w) => println!("{file}: ok ({format}), {w} warning(s)"),
        (e, w) => {
            println!("{file}: {e} error(s), {w} warning(s) ({format}); the widget shows the rest")
        }
    }
}
