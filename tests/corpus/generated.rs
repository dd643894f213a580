//! The bad-input corpus's generated documents (too big to commit): shared by the native test
//! (`tests/bad_corpus.rs`) and the browser test (`tests/browser_corpus.rs`), which name them in
//! `tests/fixtures/bad/corpus.json`.

/// The document `name` stands for, or `None` for a name this file does not know.
pub fn generated(name: &str) -> Option<String> {
    match name {
        "incidents-20000" => Some(many_incidents(20_000)),
        "nesting-20000" => Some(format!(
            r#"{{"version": 1, "incidents": [], "x": {}{}}}"#,
            "[".repeat(20_000),
            "]".repeat(20_000)
        )),
        "ten-megabytes" => Some(ten_megabytes()),
        _ => None,
    }
}

/// `count` resolved incidents and, last, one active one titled "Login down".
fn many_incidents(count: usize) -> String {
    let mut text = String::from(r#"{"version": 1, "incidents": ["#);
    for i in 0..count {
        text.push_str(&format!(
            r#"{{"id": "i{i}", "title": "Old {i}", "impact": "minor", "status": "resolved", "started_at": "2020-01-01T00:00:00Z", "resolved_at": "2020-01-01T01:00:00Z"}},"#
        ));
    }
    text.push_str(r#"{"id": "now", "title": "Login down", "impact": "critical", "status": "investigating"}]}"#);
    text
}

/// A 10 MB document (under the 16 MiB limit): one active incident, then resolved incidents whose
/// summaries make up the bulk.
fn ten_megabytes() -> String {
    let summary = "The login service returned errors for some users. ".repeat(40);
    let mut text = String::from(
        r#"{"version": 1, "incidents": [{"id": "big", "title": "Slow sign-in", "impact": "minor", "status": "monitoring"}"#,
    );
    let mut i = 0;
    while text.len() < 10_000_000 {
        text.push_str(&format!(
            r#",{{"id": "old{i}", "title": "Old {i}", "status": "resolved", "started_at": "2021-01-01T00:00:00Z", "summary": "{summary}"}}"#
        ));
        i += 1;
    }
    text.push_str("]}");
    text
}
