//! Helpers shared by the `status-widget` command's tests (tests/cli_*.rs): fresh folders, running
//! the binary, the seed document as it stood before the week began, refused edits, plain HTTP.
#![allow(dead_code)]

use serde_json::{json, Value};
use status_core::formats::{load_str, Format, SourceFormat};
use std::fs;
use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output};
use std::time::Duration;

pub const SEED: &str = include_str!("../../../../www/status.json");

/// A path in the repository (this crate lies in `crates/status-widget-cli`).
pub fn repository(relative: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .join(relative)
}

/// A fresh, empty folder for one test.
pub fn folder(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("cli")
        .join(name);
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    dir
}

pub fn command() -> Command {
    Command::new(env!("CARGO_BIN_EXE_status-widget"))
}

/// The names in folder `dir`, sorted.
pub fn names_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// Runs the command with `args` and returns its output.
pub fn run(args: &[&str]) -> Output {
    command().args(args).output().expect("the binary runs")
}

pub fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// Runs the command and fails the test, showing what it said, unless it succeeded.
pub fn ok(args: &[&str]) -> String {
    let out = run(args);
    assert!(
        out.status.success(),
        "status-widget {args:?} failed:\n{}{}",
        text(&out.stdout),
        text(&out.stderr)
    );
    text(&out.stdout)
}

/// `init` of `file` for "Lambda Feedback" with its one component, `login=Login`, and `more`
/// options (`--status-page`, `--key`); fails the test unless it succeeded. Returns what it said.
pub fn init_site(file: &Path, more: &[&str]) -> String {
    let f = file.to_str().unwrap();
    let mut args = vec!["init", "--file", f, "--name", "Lambda Feedback"];
    args.extend(["--component", "login=Login"]);
    args.extend(more);
    ok(&args)
}

/// The seed document with no incidents: the state before the week began.
pub fn before_the_week() -> Value {
    let mut doc: Value = serde_json::from_str(SEED).unwrap();
    doc["incidents"] = json!([]);
    doc["updated_at"] = json!("2024-11-01T09:00:00Z");
    doc
}

/// A fresh folder `name` holding `status.json` as it stood before the week began.
pub fn week_file(name: &str) -> (PathBuf, PathBuf) {
    let dir = folder(name);
    let file = dir.join("status.json");
    write_json(&file, &before_the_week());
    (dir, file)
}

pub fn write_json(path: &Path, doc: &Value) {
    fs::write(path, serde_json::to_string_pretty(doc).unwrap()).unwrap();
}

pub fn read_json(path: &Path) -> Value {
    serde_json::from_str(&fs::read_to_string(path).unwrap()).unwrap()
}

/// Every command that posts the seed incident, in the order it happened (README and the closing
/// note show the same session).
pub fn seed_session(file: &str) -> Vec<Vec<String>> {
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

/// Runs a command that must be refused: non-zero exit, `expected` in what it said, the file and
/// its backup untouched.
pub fn refused(file: &Path, args: &[&str], expected: &str) {
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

/// The words of `notice add --id ID --title TITLE -f FILE`.
pub fn add_notice<'a>(file: &'a Path, id: &'a str, title: &'a str) -> [&'a str; 8] {
    let file = file.to_str().unwrap();
    ["notice", "add", "--id", id, "--title", title, "-f", file]
}

/// The number of notices in a status file that must be valid, whole JSON.
pub fn notices_in(text: &str) -> usize {
    let loaded = load_str(text, Format::Only(SourceFormat::Native))
        .unwrap_or_else(|e| panic!("torn file ({e}):\n{text}"));
    assert!(loaded.is_valid(), "{:?}", loaded.problems);
    loaded.document.notices.len()
}

/// Sends one HTTP/1.1 request and returns the status line, the headers (lower-cased names) and
/// the body.
pub fn http(port: u16, request: &str) -> (String, Vec<(String, String)>, Vec<u8>) {
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

pub fn header<'a>(headers: &'a [(String, String)], name: &str) -> Option<&'a str> {
    headers
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, v)| v.as_str())
}

/// Stops the preview server when the test ends, passed or not.
pub struct Server(pub Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// What a test receiver answers to one request, in order.
#[derive(Clone, Copy)]
pub enum Reply {
    /// An empty answer with this status.
    Status(u16),
    /// No answer at all: the connection is held open.
    Hang,
}

/// One request a receiver got.
#[derive(Clone, Debug)]
pub struct Received {
    pub method: String,
    pub path: String,
    /// Lower-cased names.
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Received {
    pub fn json(&self) -> Value {
        serde_json::from_slice(&self.body).expect("the body is JSON")
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        header(&self.headers, name)
    }
}

/// A real HTTP receiver on 127.0.0.1 (a stand-in for Slack, Discord, Teams or a webhook) that
/// records every request and answers with `replies` in turn, then 200.
pub struct Receiver {
    pub port: u16,
    received: std::sync::Arc<std::sync::Mutex<Vec<Received>>>,
}

impl Receiver {
    pub fn start(replies: &[Reply]) -> Receiver {
        use std::sync::{Arc, Mutex};
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let received = Arc::new(Mutex::new(Vec::new()));
        let replies = Arc::new(replies.to_vec());
        let (log, count) = (received.clone(), Arc::new(Mutex::new(0usize)));
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let (log, replies, count) = (log.clone(), replies.clone(), count.clone());
                std::thread::spawn(move || serve_one(stream, &log, &replies, &count));
            }
        });
        Receiver { port, received }
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{path}", self.port)
    }

    pub fn requests(&self) -> Vec<Received> {
        self.received.lock().unwrap().clone()
    }
}

fn serve_one(
    stream: TcpStream,
    log: &std::sync::Mutex<Vec<Received>>,
    replies: &[Reply],
    count: &std::sync::Mutex<usize>,
) {
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    answer(stream, log, replies, count);
}

/// Reads one HTTP request from `stream` (plain, or TLS around it), records it and answers with
/// the next of `replies`.
pub fn answer(
    mut stream: impl Read + Write,
    log: &std::sync::Mutex<Vec<Received>>,
    replies: &[Reply],
    count: &std::sync::Mutex<usize>,
) {
    let mut raw = Vec::new();
    let mut buf = [0u8; 4096];
    let head_end = loop {
        if let Some(i) = raw.windows(4).position(|w| w == b"\r\n\r\n") {
            break i;
        }
        match stream.read(&mut buf) {
            Ok(0) | Err(_) => return,
            Ok(n) => raw.extend_from_slice(&buf[..n]),
        }
    };
    let head = text(&raw[..head_end]);
    let mut lines = head.lines();
    let mut first = lines.next().unwrap_or_default().split(' ');
    let (method, path) = (
        first.next().unwrap_or_default().to_owned(),
        first.next().unwrap_or_default().to_owned(),
    );
    let headers: Vec<(String, String)> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(n, v)| (n.trim().to_ascii_lowercase(), v.trim().to_owned()))
        .collect();
    let length: usize = header(&headers, "content-length")
        .and_then(|v| v.parse().ok())
        .unwrap_or(0);
    let mut body = raw[head_end + 4..].to_vec();
    while body.len() < length {
        match stream.read(&mut buf) {
            Ok(0) | Err(_) => break,
            Ok(n) => body.extend_from_slice(&buf[..n]),
        }
    }
    let reply = {
        let mut count = count.lock().unwrap();
        let reply = replies.get(*count).copied().unwrap_or(Reply::Status(200));
        *count += 1;
        reply
    };
    log.lock().unwrap().push(Received {
        method,
        path,
        headers,
        body,
    });
    match reply {
        Reply::Hang => std::thread::sleep(Duration::from_secs(60)),
        Reply::Status(code) => {
            let _ = stream.write_all(
                format!("HTTP/1.1 {code} Answer\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
                    .as_bytes(),
            );
        }
    }
}
