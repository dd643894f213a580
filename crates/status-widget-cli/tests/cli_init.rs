//! `status-widget init`, and every editing command where there is no status file yet: a site
//! owner starting from an empty folder.
#![cfg(not(target_arch = "wasm32"))]

mod cli_support;
use cli_support::*;
use std::fs;

#[test]
fn every_editing_command_in_an_empty_folder_says_how_to_start_and_leaves_nothing() {
    let dir = folder("init-empty");
    let f = dir.join("status.json");
    let f = f.to_str().unwrap();
    for args in [
        &[
            "incident",
            "open",
            "--title",
            "Login failing",
            "--impact",
            "major",
            "--message",
            "Investigating",
            "--file",
            f,
        ][..],
        &[
            "incident",
            "update",
            "x",
            "--status",
            "identified",
            "--message",
            "m",
            "--file",
            f,
        ],
        &["incident", "resolve", "x", "--message", "m", "--file", f],
        &["incident", "edit", "x", "--summary", "s", "--file", f],
        &[
            "maintenance",
            "schedule",
            "--title",
            "t",
            "--starts-at",
            "2030-01-01T00:00:00Z",
            "--ends-at",
            "2030-01-01T01:00:00Z",
            "--file",
            f,
        ],
        &["maintenance", "start", "x", "--file", f],
        &["notice", "add", "--title", "t", "--file", f],
        &["notice", "remove", "x", "--file", f],
    ] {
        let out = run(args);
        let said = text(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {said}");
        assert!(
            said.contains("does not exist") && said.contains("status-widget init --file"),
            "{args:?} says how to create the file:\n{said}"
        );
        assert!(
            names_in(&dir).is_empty(),
            "{args:?} left {:?} behind",
            names_in(&dir)
        );
    }
    let help = ok(&["--help"]);
    assert!(
        help.contains("status-widget init"),
        "--help says how to start:\n{help}"
    );
}

#[test]
fn init_writes_a_valid_first_file_and_the_snippet_that_embeds_it() {
    let dir = folder("init-new");
    let file = dir.join("site").join("status.json");
    let f = file.to_str().unwrap();
    let said = ok(&[
        "init",
        "--file",
        f,
        "--name",
        "Lambda Feedback",
        "--description",
        "A cloud-native application.",
        "--url",
        "https://app.example.org/",
        "--status-page",
        "https://status.example.org/",
        "--contact",
        "Email support=mailto:support@example.org",
        "--component",
        "login=Login",
        "--component",
        "app=Web app",
    ]);
    let doc = read_json(&file);
    assert_eq!(doc["version"], 1);
    assert_eq!(doc["service"]["name"], "Lambda Feedback");
    assert_eq!(doc["service"]["status_page"], "https://status.example.org/");
    assert_eq!(
        doc["service"]["contact"][0],
        serde_json::json!({"label": "Email support", "href": "mailto:support@example.org"})
    );
    assert_eq!(
        doc["components"],
        serde_json::json!([
            {"id": "login", "name": "Login", "status": "operational"},
            {"id": "app", "name": "Web app", "status": "operational"}
        ])
    );
    assert_eq!(doc["incidents"], serde_json::json!([]));
    let check = ok(&["check", f]);
    assert!(!check.contains("warning"), "a clean file:\n{check}");
    assert!(
        said.contains(
            "<status-widget src=\"https://status.example.org/status.json\">\n  <a href=\"https://status.example.org/\">Lambda Feedback status</a>\n</status-widget>"
        ),
        "the snippet points at the file beside the status page, with a fallback link:\n{said}"
    );
    assert!(said.contains("<script type=\"module\" src=\""), "{said}");

    // Never replaced: a second init is refused and the file is as it was.
    let before = fs::read(&file).unwrap();
    let out = run(&["init", "--file", f, "--name", "Other"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("exists already"),
        "{}",
        text(&out.stderr)
    );
    assert_eq!(fs::read(&file).unwrap(), before);

    // The first edit works on it at once.
    ok(&[
        "incident",
        "open",
        "--title",
        "Login failing",
        "--impact",
        "major",
        "--message",
        "Investigating",
        "--component",
        "login",
        "--file",
        f,
    ]);
    assert_eq!(read_json(&file)["incidents"][0]["status"], "investigating");
}

#[test]
fn init_refuses_a_bad_flag_and_writes_nothing() {
    let dir = folder("init-bad");
    let f = dir.join("status.json");
    let f = f.to_str().unwrap();
    // Not LABEL=HREF: a usage error.
    let out = run(&["init", "--file", f, "--name", "S", "--component", "login"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("ID=NAME"),
        "{}",
        text(&out.stderr)
    );
    // A link the widget would never follow: the file would have an error.
    let out = run(&[
        "init",
        "--file",
        f,
        "--name",
        "S",
        "--contact",
        "Chat=javascript:alert(1)",
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("nothing was written"),
        "{}",
        text(&out.stderr)
    );
    assert!(names_in(&dir).is_empty(), "left {:?}", names_in(&dir));
    // Without a status page the snippet reads the file by its name.
    let said = ok(&["init", "--file", f, "--name", "S & <T>"]);
    assert!(
        said.contains("<status-widget src=\"status.json\">"),
        "{said}"
    );
    assert_eq!(
        read_json(&dir.join("status.json"))["service"]["name"],
        "S & <T>"
    );
}
