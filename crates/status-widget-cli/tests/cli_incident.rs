//! The `status-widget incident …` commands, run as a site owner runs them: the seed incident
//! posted command by command, refused edits, backdated updates and reopening.
#![cfg(not(target_arch = "wasm32"))]

mod cli_support;
use cli_support::*;
use serde_json::{json, Value};
use std::fs;

#[test]
fn posting_the_seed_incident_command_by_command_gives_the_write_up() {
    let dir = folder("seed");
    let file = dir.join("status.json");
    let mut start = before_the_week();
    start["x-team"] = json!({"pager": "on call", "order": [3, 1, 2]});
    write_json(&file, &start);

    let session = seed_session(file.to_str().unwrap());
    assert_eq!(
        session.len(),
        15,
        "open, 13 updates and notes, the write-up"
    );
    for args in &session {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let said = ok(&args);
        assert!(said.contains("(the previous version is"), "{said}");
    }

    let result = read_json(&file);
    let seed: Value = serde_json::from_str(SEED).unwrap();
    assert_eq!(result["incidents"].as_array().unwrap().len(), 1);
    assert_eq!(
        result["incidents"][0], seed["incidents"][0],
        "the incident posted with the command equals the write-up in www/status.json"
    );
    assert_eq!(
        result["x-team"], start["x-team"],
        "a field the tool does not know survives"
    );
    for key in [
        "version",
        "service",
        "components",
        "notices",
        "maintenances",
    ] {
        assert_eq!(result[key], seed[key], "{key} is untouched");
    }
    assert_ne!(
        result["updated_at"], start["updated_at"],
        "updated_at moves on each edit"
    );
    assert!(ok(&["check", file.to_str().unwrap()]).contains("ok (native)"));

    // FILE.bak is the version before the last command: the write-up not yet added.
    let backup = read_json(&dir.join("status.json.bak"));
    assert_eq!(
        backup["incidents"][0]["updates"],
        seed["incidents"][0]["updates"]
    );
    assert!(backup["incidents"][0].get("lessons").is_none());
}

#[test]
fn invalid_edits_are_refused_with_a_clear_message_and_nothing_written() {
    let (dir, file) = week_file("refused");
    let words = |line: &'static str| line.split(' ').collect::<Vec<_>>();
    let open = words("incident open --id db --title Slow --impact minor --message Looking --at 2024-11-04T07:30:00Z");
    let mut with_file = open.to_vec();
    with_file.extend(["--file", file.to_str().unwrap()]);
    ok(&with_file);

    let cases = [
        ("incident update nope --status identified --message x", "no incident with id `nope` (the file has: db)"),
        ("incident update db --status fixed --message x", "invalid value 'fixed'"),
        ("incident update db --status identified --message x --at yesterday", "--at `yesterday`"),
        ("incident update db --status identified --message x --at 2024-02-30T10:00:00Z", "--at `2024-02-30T10:00:00Z`"),
        ("incident edit db --note 2024-13-01 --message x", "`2024-13-01`"),
        ("incident resolve db --message Fixed --at 2024-11-04T07:00:00Z", "ends before it starts"),
        ("incident open --title Typo --impact minor --component logn --message x", "`logn` names no component"),
        ("notice add --title Notice --url javascript:alert(1)", "link `javascript:alert(1)` dropped"),
        ("maintenance schedule --title Upgrade --starts-at 2024-11-10T10:00:00Z --ends-at 2024-11-10T09:00:00Z", "ends before it starts"),
        ("maintenance start nope", "no maintenance with id `nope` (the file has: none)"),
        ("notice remove nope", "no notice with id `nope`"),
    ];
    for (line, expected) in cases {
        refused(&file, &words(line), expected);
    }
    refused(&file, &open, "there is already an entry with id `db`");

    // A hand edit broke the file: the tool says so and does not build on it.
    let broken =
        fs::read_to_string(&file)
            .unwrap()
            .replacen("\"version\": 1,", "\"version\": 1", 1);
    fs::write(&file, &broken).unwrap();
    refused(
        &file,
        &["incident", "resolve", "db", "--message", "Fixed"],
        "has errors already; nothing was changed. See them with: status-widget check",
    );

    let out = run(&[
        "incident",
        "resolve",
        "db",
        "--message",
        "x",
        "--file",
        dir.join("absent.json").to_str().unwrap(),
    ]);
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("absent.json does not exist")
            && text(&out.stderr).contains("status-widget init --file"),
        "{}",
        text(&out.stderr)
    );
    assert!(
        !dir.join("absent.json").exists() && !dir.join("absent.json.lock").exists(),
        "a missing file is not created, nor its lock"
    );
}

#[test]
fn backdated_updates_go_in_their_place_and_reopening_clears_the_resolution() {
    let (_, file) = week_file("timeline");
    let f = file.to_str().unwrap();
    let update = |status: &str, at: &str, message: &str| {
        ok(&[
            "incident",
            "update",
            "db",
            "--status",
            status,
            "--at",
            at,
            "--message",
            message,
            "-f",
            f,
        ])
    };
    ok(&[
        "incident",
        "open",
        "--id",
        "db",
        "--title",
        "Database",
        "--impact",
        "minor",
        "--at",
        "2024-11-04T07:00:00Z",
        "--message",
        "first",
        "-f",
        f,
    ]);
    update("monitoring", "2024-11-04T09:00:00Z", "third");
    let said = update(
        "identified",
        "2024-11-04T09:00:00+01:00",
        "second, posted late",
    );
    assert!(
        said.contains("backdated") && said.contains("stays monitoring"),
        "{said}"
    );
    let incident = |key: &str| read_json(&file)["incidents"][0][key].clone();
    let bodies = || -> Vec<String> {
        incident("updates")
            .as_array()
            .unwrap()
            .iter()
            .map(|u| u["body"].as_str().unwrap().to_owned())
            .collect()
    };
    assert_eq!(bodies(), ["first", "second, posted late", "third"]);
    assert_eq!(
        incident("status"),
        json!("monitoring"),
        "the latest news decides the status"
    );

    ok(&[
        "incident",
        "resolve",
        "db",
        "--at",
        "2024-11-04T10:00:00Z",
        "--message",
        "fixed",
        "-f",
        f,
    ]);
    assert_eq!(incident("resolved_at"), json!("2024-11-04T10:00:00Z"));
    update("investigating", "2024-11-04T11:00:00Z", "it is back");
    assert_eq!(incident("status"), json!("investigating"));
    assert_eq!(
        incident("resolved_at"),
        Value::Null,
        "reopened: no longer resolved"
    );
    update("resolved", "2024-11-04T12:00:00Z", "fixed again");
    assert_eq!(incident("resolved_at"), json!("2024-11-04T12:00:00Z"));
    assert_eq!(bodies().len(), 6);
}
