//! The `status-widget` command, run as a site owner runs it: the seed incident posted command by
//! command, concurrent and killed writers, refused edits, `check`, the Atom feed, the schema and
//! the preview server.
#![cfg(not(target_arch = "wasm32"))]

use serde_json::{json, Value};
use status_widget::model::{load_str, Format};
use std::fs;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

const SEED: &str = include_str!("../www/status.json");

/// A fresh, empty folder for one test.
fn folder(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("cli")
        .join(name);
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    dir
}

fn command() -> Command {
    Command::new(env!("CARGO_BIN_EXE_status-widget"))
}

/// Runs the command with `args` and returns its output.
fn run(args: &[&str]) -> Output {
    command().args(args).output().expect("the binary runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// Runs the command and fails the test, showing what it said, unless it succeeded.
fn ok(args: &[&str]) -> String {
    let out = run(args);
    assert!(
        out.status.success(),
        "status-widget {args:?} failed:\n{}{}",
        text(&out.stdout),
        text(&out.stderr)
    );
    text(&out.stdout)
}

/// The seed document with no incidents: the state before the week began.
fn before_the_week() -> Value {
    let mut doc: Value = serde_json::from_str(SEED).unwrap();
    doc["incidents"] = json!([]);
    doc["updated_at"] = json!("2024-11-01T09:00:00Z");
    doc
}

/// A fresh folder `name` holding `status.json` as it stood before the week began.
fn week_file(name: &str) -> (PathBuf, PathBuf) {
    let dir = folder(name);
    let file = dir.join("status.json");
    write_json(&file, &before_the_week());
    (dir, file)
}

fn write_json(path: &Path, doc: &Value) {
    fs::write(path, serde_json::to_string_pretty(doc).unwrap()).unwrap();
}

fn read_json(path: &Path) -> Value {
    serde_json::from_str(&fs::read_to_string(path).unwrap()).unwrap()
}

/// Every command that posts the seed incident, in the order it happened (README and the closing
/// note show the same session).
fn seed_session(file: &str) -> Vec<Vec<String>> {
    let seed: Value = serde_json::from_str(SEED).unwrap();
    let incident = &seed["incidents"][0];
    let id = incident["id"].as_str().unwrap();
    let mut session = Vec::new();
    let updates = incident["updates"].as_array().unwrap();
    let first = &updates[0];
    session.push(vec![
        "incident".into(),
        "open".into(),
        format!("--id={id}"),
        format!("--title={}", incident["title"].as_str().unwrap()),
        format!("--impact={}", incident["impact"].as_str().unwrap()),
        "--component=login".into(),
        "--component=app".into(),
        format!("--release={}", incident["release"].as_str().unwrap()),
        format!("--at={}", first["at"].as_str().unwrap()),
        format!("--message={}", first["body"].as_str().unwrap()),
    ]);
    for update in &updates[1..] {
        let body = format!("--message={}", update["body"].as_str().unwrap());
        let mut args: Vec<String> = match (update["status"].as_str(), update["day"].as_str()) {
            (Some("resolved"), _) => vec!["incident".into(), "resolve".into(), id.into(), body],
            (Some(status), _) => vec![
                "incident".into(),
                "update".into(),
                id.into(),
                format!("--status={status}"),
                body,
            ],
            (None, Some(day)) => {
                vec![
                    "incident".into(),
                    "edit".into(),
                    id.into(),
                    format!("--note={day}"),
                    body,
                ]
            }
            (None, None) => panic!("an update with neither status nor day"),
        };
        if let Some(at) = update["at"].as_str() {
            args.push(format!("--at={at}"));
        } else if update["status"].is_string() {
            args.push(format!("--day={}", update["day"].as_str().unwrap()));
        }
        if update["approximate"] == json!(true) {
            args.push("--approximate".into());
        }
        session.push(args);
    }
    let mut write_up = vec![
        "incident".into(),
        "edit".into(),
        id.into(),
        format!("--summary={}", incident["summary"].as_str().unwrap()),
    ];
    for lesson in incident["lessons"].as_array().unwrap() {
        write_up.push(format!("--lesson={}", lesson.as_str().unwrap()));
    }
    for point in incident["conclusion"].as_array().unwrap() {
        write_up.push(format!("--conclusion={}", point.as_str().unwrap()));
    }
    session.push(write_up);
    for args in &mut session {
        args.push(format!("--file={file}"));
    }
    session
}

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
fn every_command_has_help() {
    let commands: &[&[&str]] = &[
        &[],
        &["check"],
        &["incident"],
        &["incident", "open"],
        &["incident", "update"],
        &["incident", "resolve"],
        &["incident", "edit"],
        &["maintenance"],
        &["maintenance", "schedule"],
        &["maintenance", "start"],
        &["maintenance", "complete"],
        &["notice"],
        &["notice", "add"],
        &["notice", "remove"],
        &["feed"],
        &["schema"],
        &["serve"],
    ];
    for args in commands {
        let mut with_help = args.to_vec();
        with_help.push("--help");
        let said = ok(&with_help);
        assert!(said.contains("Usage: status-widget"), "{args:?}: {said}");
        assert!(said.lines().count() > 3, "{args:?} explains itself: {said}");
    }
    assert!(ok(&["--version"]).starts_with("status-widget "));
}

#[test]
fn check_names_file_line_and_column_and_fails_on_errors() {
    let dir = folder("check");
    let good = dir.join("good.json");
    fs::write(&good, SEED).unwrap();
    let out = run(&["check", good.to_str().unwrap()]);
    assert!(out.status.success());
    assert!(text(&out.stdout).contains("good.json: ok (native)"));

    let wrong = dir.join("wrong.json");
    fs::write(
        &wrong,
        "{\n  \"version\": 1,\n  \"incidents\": [\n    {\"id\": \"a\", \"title\": 7}\n  ]\n}\n",
    )
    .unwrap();
    let out = run(&["check", good.to_str().unwrap(), wrong.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1), "one bad file fails the run");
    let said = text(&out.stdout);
    let line = said
        .lines()
        .find(|l| l.contains("wrong.json:4:"))
        .unwrap_or_else(|| panic!("{said}"));
    assert!(
        line.contains("error: incidents[0].title: expected"),
        "{line}"
    );
    assert!(
        said.contains("good.json: ok"),
        "the good file is still reported: {said}"
    );

    let broken = dir.join("broken.json");
    fs::write(&broken, "{\n  \"version\": 1\n  \"incidents\": []\n}\n").unwrap();
    let out = run(&["check", "--json", broken.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report[0]["ok"], json!(false));
    assert_eq!(
        report[0]["error"]["line"],
        json!(3),
        "the missing comma: {report}"
    );
    assert!(report[0]["error"]["column"].as_u64().is_some());

    let out = run(&["check", "--json", wrong.to_str().unwrap()]);
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    let problem = &report[0]["problems"][0];
    assert_eq!(
        (
            &problem["severity"],
            &problem["path"],
            &problem["line"],
            &problem["column"]
        ),
        (
            &json!("error"),
            &json!("incidents[0].title"),
            &json!(4),
            &json!(26)
        )
    );

    let statuspage = Path::new("tests/fixtures/statuspage-summary.json");
    assert!(ok(&["check", statuspage.to_str().unwrap()]).contains("ok (statuspage)"));

    let out = run(&["check", dir.join("missing.json").to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stdout).contains("missing.json: error:"));
}

/// Runs a command that must be refused: non-zero exit, `expected` in what it said, the file and
/// its backup untouched.
fn refused(file: &Path, args: &[&str], expected: &str) {
    let before = fs::read(file).unwrap();
    let backup = file.with_file_name("status.json.bak");
    let backup_before = fs::read(&backup).ok();
    let mut args = args.to_vec();
    args.push("--file");
    args.push(file.to_str().unwrap());
    let out = run(&args);
    let said = text(&out.stderr);
    assert!(!out.status.success(), "{args:?} was accepted");
    assert!(
        said.contains(expected),
        "{args:?} said:\n{said}\nexpected it to say: {expected}"
    );
    assert_eq!(fs::read(file).unwrap(), before, "{args:?} changed the file");
    assert_eq!(
        fs::read(&backup).ok(),
        backup_before,
        "{args:?} changed the backup"
    );
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
        text(&out.stderr).contains("absent.json: No such file"),
        "{}",
        text(&out.stderr)
    );
    assert!(
        !dir.join("absent.json").exists(),
        "a missing file is not created"
    );
}

#[test]
fn maintenance_and_notices_round_trip() {
    let (_, file) = week_file("maintenance");
    let f = file.to_str().unwrap();
    ok(&[
        "maintenance",
        "schedule",
        "--id",
        "db-upgrade",
        "--title",
        "Database upgrade",
        "--starts-at",
        "2030-01-10T22:00:00+01:00",
        "--ends-at",
        "2030-01-10T23:30:00+01:00",
        "--component",
        "app",
        "--message",
        "Read-only for 90 minutes",
        "-f",
        f,
    ]);
    ok(&[
        "maintenance",
        "start",
        "db-upgrade",
        "--at",
        "2030-01-10T21:02:00Z",
        "--message",
        "Started",
        "-f",
        f,
    ]);
    ok(&[
        "maintenance",
        "complete",
        "db-upgrade",
        "--at",
        "2030-01-10T22:10:00Z",
        "-f",
        f,
    ]);
    ok(&[
        "notice",
        "add",
        "--id",
        "exams",
        "--title",
        "Exam week",
        "--level",
        "warning",
        "--url",
        "https://example.org/exams",
        "--ends-at",
        "2030-01-20T00:00:00Z",
        "-f",
        f,
    ]);
    let doc = read_json(&file);
    assert_eq!(
        doc["maintenances"][0],
        json!({
            "id": "db-upgrade", "title": "Database upgrade", "status": "completed",
            "starts_at": "2030-01-10T21:00:00Z", "ends_at": "2030-01-10T22:30:00Z",
            "components": ["app"], "body": "Read-only for 90 minutes",
            "updates": [{"at": "2030-01-10T21:02:00Z", "body": "Started"}],
        })
    );
    assert_eq!(doc["notices"][0]["level"], json!("warning"));
    ok(&["notice", "remove", "exams", "-f", f]);
    assert_eq!(read_json(&file)["notices"], json!([]));
    let loaded = load_str(&fs::read_to_string(&file).unwrap(), Format::Native).unwrap();
    assert!(loaded.is_valid(), "{:?}", loaded.problems);
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

/// The words of `notice add --id ID --title TITLE -f FILE`.
fn add_notice<'a>(file: &'a Path, id: &'a str, title: &'a str) -> [&'a str; 8] {
    let file = file.to_str().unwrap();
    ["notice", "add", "--id", id, "--title", title, "-f", file]
}

/// The number of notices in a status file that must be valid, whole JSON.
fn notices_in(text: &str) -> usize {
    let loaded =
        load_str(text, Format::Native).unwrap_or_else(|e| panic!("torn file ({e}):\n{text}"));
    assert!(loaded.is_valid(), "{:?}", loaded.problems);
    loaded.document.notices.len()
}

#[test]
fn concurrent_writers_never_tear_the_file_or_lose_an_update() {
    let (dir, file) = week_file("concurrent");
    let (writers, each) = (6, 5);
    let done = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let reader = {
        let (file, done) = (file.clone(), done.clone());
        std::thread::spawn(move || {
            let mut reads = 0;
            while !done.load(std::sync::atomic::Ordering::Relaxed) {
                notices_in(&fs::read_to_string(&file).unwrap());
                reads += 1;
            }
            reads
        })
    };
    let threads: Vec<_> = (0..writers)
        .map(|w| {
            let file = file.clone();
            std::thread::spawn(move || {
                for n in 0..each {
                    let id = format!("w{w}-n{n}");
                    ok(&add_notice(&file, &id, &id));
                }
            })
        })
        .collect();
    for t in threads {
        t.join().unwrap();
    }
    done.store(true, std::sync::atomic::Ordering::Relaxed);
    let reads = reader.join().unwrap();
    assert!(
        reads > 10,
        "the reader read while writers wrote ({reads} reads)"
    );
    assert_eq!(
        notices_in(&fs::read_to_string(&file).unwrap()),
        writers * each,
        "no update lost"
    );
    let leftovers: Vec<_> = fs::read_dir(&dir)
        .unwrap()
        .flatten()
        .map(|e| e.file_name())
        .collect();
    assert_eq!(
        leftovers.len(),
        3,
        "status.json, .bak and .lock only: {leftovers:?}"
    );
}

#[test]
fn a_killed_write_leaves_the_old_file_or_the_new_one() {
    let dir = folder("killed");
    let file = dir.join("status.json");
    // A large file (about 2 MB), so that a write takes long enough to be killed in the middle.
    let mut doc = before_the_week();
    let seed: Value = serde_json::from_str(SEED).unwrap();
    doc["incidents"] = (0..400)
        .map(|n| {
            let mut incident = seed["incidents"][0].clone();
            incident["id"] = json!(format!("copy-{n}"));
            incident
        })
        .collect();
    write_json(&file, &doc);
    // One whole write, timed: the kills below land anywhere from its start to well after its end.
    let started = Instant::now();
    ok(&add_notice(&file, "timed", "Timed"));
    let whole = started.elapsed().as_micros() as u32;
    let mut notices = 1;
    let mut seed_rng = 0x2545_f491_u32;
    let (mut killed, mut finished, mut mid_write) = (0, 0, 0);
    for round in 0..40 {
        let old = fs::read_to_string(&file).unwrap();
        let id = format!("n{round}");
        let mut child: Child = command()
            .args(add_notice(&file, &id, &id))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        if round % 2 == 0 {
            // At a random moment.
            seed_rng ^= seed_rng << 13;
            seed_rng ^= seed_rng >> 17;
            seed_rng ^= seed_rng << 5;
            std::thread::sleep(Duration::from_micros(u64::from(seed_rng % (whole * 3 / 2))));
        } else {
            // The moment the new text's temporary file appears: in the middle of writing it.
            let temporary = |e: &fs::DirEntry| {
                e.file_name()
                    .to_string_lossy()
                    .starts_with("status.json.tmp-")
            };
            while child.try_wait().unwrap().is_none() {
                if fs::read_dir(&dir).unwrap().flatten().any(|e| temporary(&e)) {
                    mid_write += 1;
                    break;
                }
            }
        }
        let _ = child.kill();
        if child.wait().unwrap().success() {
            finished += 1;
        } else {
            killed += 1;
        }
        let now = fs::read_to_string(&file).unwrap();
        let count = notices_in(&now);
        assert!(
            (now == old && count == notices) || count == notices + 1,
            "round {round}: {count} notices after {notices}"
        );
        notices = count;
    }
    eprintln!(
        "killed writes: {killed} killed ({mid_write} while the new text was being written), \
         {finished} finished; a whole write takes {whole} µs"
    );
    assert!(
        killed > 0 && finished > 0 && mid_write > 0,
        "{killed} killed and {finished} finished writes"
    );
    // The next writer clears what killed ones left and works.
    ok(&add_notice(&file, "last", "Last"));
    assert_eq!(notices_in(&fs::read_to_string(&file).unwrap()), notices + 1);
    let mut left: Vec<_> = fs::read_dir(&dir)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().into_string().unwrap())
        .collect();
    left.sort();
    assert_eq!(left, ["status.json", "status.json.bak", "status.json.lock"]);
}

#[test]
fn the_feed_is_valid_atom_with_stable_ids() {
    let dir = folder("feed");
    let file = dir.join("status.json");
    fs::write(&file, SEED).unwrap();
    let out = dir.join("status.atom");
    let f = file.to_str().unwrap();
    let said = ok(&[
        "feed",
        f,
        "--out",
        out.to_str().unwrap(),
        "--url",
        "https://status.example.org/status.atom",
    ]);
    assert!(said.contains("14 entries"), "{said}");
    let first = fs::read_to_string(&out).unwrap();
    let atom = "http://www.w3.org/2005/Atom";
    let xml = roxmltree::Document::parse(&first).expect("well-formed XML");
    let feed = xml.root_element();
    assert_eq!(
        (feed.tag_name().namespace(), feed.tag_name().name()),
        (Some(atom), "feed")
    );
    for required in ["id", "title", "updated", "author"] {
        assert!(
            feed.children().any(|n| n.has_tag_name((atom, required))),
            "feed has {required}"
        );
    }
    let ids = |text: &str| -> Vec<String> {
        let xml = roxmltree::Document::parse(text).unwrap();
        xml.root_element()
            .children()
            .filter(|n| n.has_tag_name((atom, "entry")))
            .map(|e| {
                for required in ["id", "title", "updated", "content"] {
                    assert!(
                        e.children().any(|n| n.has_tag_name((atom, required))),
                        "entry has {required}"
                    );
                }
                let id = e.children().find(|n| n.has_tag_name((atom, "id"))).unwrap();
                id.text().unwrap().to_owned()
            })
            .collect()
    };
    let first_ids = ids(&first);
    assert_eq!(first_ids.len(), 14);
    let mut unique = first_ids.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), 14, "ids are unique");
    assert!(first.contains("<title>Incident related to new logins: resolved</title>"));
    assert!(
        first.contains("<link rel=\"alternate\" href=\"https://status.example.org/status.html#2024-11-04-new-logins\"/>"),
        "entries link to the status page, resolved against the feed's URL"
    );

    // Writing again gives the same feed; a new update adds one entry and keeps every old id.
    ok(&[
        "feed",
        f,
        "--out",
        out.to_str().unwrap(),
        "--url",
        "https://status.example.org/status.atom",
    ]);
    assert_eq!(
        fs::read_to_string(&out).unwrap(),
        first,
        "the same file gives the same feed"
    );
    ok(&[
        "incident",
        "update",
        "2024-11-04-new-logins",
        "--status",
        "resolved",
        "--message",
        "Post-mortem published",
        "--at",
        "2024-11-12T09:00:00Z",
        "-f",
        f,
    ]);
    ok(&["feed", f, "--out", out.to_str().unwrap()]);
    let second_ids = ids(&fs::read_to_string(&out).unwrap());
    assert_eq!(second_ids.len(), 15);
    assert!(
        first_ids.iter().all(|id| second_ids.contains(id)),
        "old entries keep their ids"
    );

    // Markup, ampersands and control characters in the text still give well-formed XML.
    let hostile = dir.join("hostile.json");
    fs::write(
        &hostile,
        r#"{"version": 1, "service": {"name": "A & B <script>"}, "incidents": [{"id": "x\"y", "title": "<b>bold</b> & \u0001", "impact": "minor", "status": "investigating", "started_at": "2024-01-01T00:00:00Z", "updates": [{"at": "2024-01-01T00:00:00Z", "body": "]]> <script>alert(1)</script> \u0007"}]}]}"#,
    )
    .unwrap();
    ok(&[
        "feed",
        hostile.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    let text = fs::read_to_string(&out).unwrap();
    let xml = roxmltree::Document::parse(&text).expect("well-formed despite markup in the text");
    let content = xml
        .descendants()
        .find(|n| n.has_tag_name((atom, "content")))
        .unwrap();
    assert_eq!(
        content.text(),
        Some("]]> <script>alert(1)</script> "),
        "text stays text"
    );
}

#[test]
fn schema_prints_the_schema_the_site_serves() {
    assert_eq!(
        ok(&["schema"]),
        fs::read_to_string("www/status.schema.json").unwrap()
    );
}

/// Sends one HTTP/1.1 request and returns the status line, the headers (lower-cased names) and
/// the body.
fn http(port: u16, request: &str) -> (String, Vec<(String, String)>, Vec<u8>) {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    stream.write_all(request.as_bytes()).unwrap();
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).unwrap();
    let split = raw.windows(4).position(|w| w == b"\r\n\r\n").unwrap();
    let head = text(&raw[..split]);
    let mut lines = head.lines();
    let status = lines.next().unwrap().to_owned();
    let headers = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(n, v)| (n.trim().to_ascii_lowercase(), v.trim().to_owned()))
        .collect();
    (status, headers, raw[split + 4..].to_vec())
}

fn header<'a>(headers: &'a [(String, String)], name: &str) -> Option<&'a str> {
    headers
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, v)| v.as_str())
}

/// Stops the preview server when the test ends, passed or not.
struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

#[test]
fn serve_previews_a_folder_with_mime_types_etags_and_cors() {
    let dir = folder("serve");
    let site = dir.join("site");
    fs::create_dir_all(site.join("pkg")).unwrap();
    fs::write(site.join("status.json"), SEED).unwrap();
    fs::write(site.join("index.html"), "<!doctype html><title>t</title>").unwrap();
    fs::write(site.join("pkg/w.wasm"), b"\0asm\x01\0\0\0").unwrap();
    fs::write(dir.join("secret.txt"), "outside").unwrap();
    let mut child = command()
        .args(["serve", site.to_str().unwrap(), "--port", "0"])
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let server = Server(child);
    let mut line = String::new();
    let started = Instant::now();
    BufReader::new(stdout).read_line(&mut line).unwrap();
    assert!(started.elapsed() < Duration::from_secs(10));
    let port: u16 = line
        .split("http://127.0.0.1:")
        .nth(1)
        .and_then(|rest| rest.split('/').next())
        .and_then(|p| p.parse().ok())
        .unwrap_or_else(|| panic!("no address in: {line}"));

    let get = |path: &str, extra: &str| {
        http(
            port,
            &format!("GET {path} HTTP/1.1\r\nHost: x\r\n{extra}Connection: close\r\n\r\n"),
        )
    };
    let (status, headers, body) = get("/status.json", "Origin: http://127.0.0.1:1\r\n");
    assert_eq!(status, "HTTP/1.1 200 OK");
    assert_eq!(body, SEED.as_bytes());
    assert_eq!(header(&headers, "content-type"), Some("application/json"));
    assert_eq!(header(&headers, "cache-control"), Some("no-cache"));
    assert_eq!(header(&headers, "access-control-allow-origin"), Some("*"));
    let tag = header(&headers, "etag").expect("an ETag").to_owned();

    let (status, headers, body) = get("/status.json", &format!("If-None-Match: {tag}\r\n"));
    assert_eq!(status, "HTTP/1.1 304 Not Modified");
    assert!(body.is_empty());
    assert_eq!(header(&headers, "etag"), Some(tag.as_str()));

    fs::write(site.join("status.json"), SEED.replace("Lambda", "Lambda!")).unwrap();
    let (status, headers, _) = get("/status.json", &format!("If-None-Match: {tag}\r\n"));
    assert_eq!(status, "HTTP/1.1 200 OK", "a changed file is sent again");
    assert_ne!(header(&headers, "etag"), Some(tag.as_str()));

    let (status, headers, body) = get("/pkg/w.wasm", "");
    assert_eq!(status, "HTTP/1.1 200 OK");
    assert_eq!(header(&headers, "content-type"), Some("application/wasm"));
    assert_eq!(body, b"\0asm\x01\0\0\0");
    let (_, headers, _) = get("/?x=1", "");
    assert_eq!(
        header(&headers, "content-type"),
        Some("text/html; charset=utf-8")
    );
    assert_eq!(get("/nothing.json", "").0, "HTTP/1.1 404 Not Found");
    assert_eq!(
        get("/../secret.txt", "").0,
        "HTTP/1.1 404 Not Found",
        "nothing outside the folder"
    );
    assert_eq!(get("/pkg/../../secret.txt", "").0, "HTTP/1.1 404 Not Found");
    let (status, headers, body) = http(
        port,
        "HEAD /status.json HTTP/1.1\r\nConnection: close\r\n\r\n",
    );
    assert_eq!(status, "HTTP/1.1 200 OK");
    assert!(body.is_empty() && header(&headers, "content-length").is_some());
    assert!(http(
        port,
        "POST /status.json HTTP/1.1\r\nConnection: close\r\n\r\n"
    )
    .0
    .contains("405"));
    drop(server);
}
