//! `status-widget notify` against real HTTP receivers on 127.0.0.1: each destination's payload,
//! the webhook's signature, retries after a 500, a receiver that never answers, and a failed
//! notification that leaves the written file as it is.
#![cfg(not(target_arch = "wasm32"))]

mod cli_support;
use cli_support::*;
use hmac::{Hmac, Mac};
use serde_json::{json, Value};
use sha2::Sha256;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Output;
use std::time::{Duration, Instant};

const SECRET: &str = "whsec-test-5f1d";

/// A status file made by `init`, with its settings pointing at `destinations`.
fn site(name: &str, destinations: Value, patience: Value) -> (PathBuf, PathBuf) {
    let dir = folder(name);
    let file = dir.join("status.json");
    init_site(&file, &["--status-page", "https://status.example.org/"]);
    let mut settings = json!({ "destinations": destinations });
    for (key, value) in patience.as_object().unwrap() {
        settings[key] = value.clone();
    }
    write_json(&dir.join("status.notify.json"), &settings);
    (dir, file)
}

/// Runs the command with the webhook secret in its environment.
fn run_with_secret(args: &[&str]) -> Output {
    command()
        .args(args)
        .env("STATUS_WEBHOOK_SECRET", SECRET)
        .output()
        .unwrap()
}

fn open_login_incident(file: &Path, notify: bool) -> Output {
    let mut args = vec![
        "incident",
        "open",
        "--id",
        "login-failing",
        "--title",
        "Login failing <for some> & @everyone",
        "--impact",
        "major",
        "--component",
        "login",
        "--message",
        "Investigating reports of failed logins.",
        "--file",
        file.to_str().unwrap(),
    ];
    if notify {
        args.push("--notify");
    }
    run_with_secret(&args)
}

/// Checks the `Status-Widget-Signature` header the way a receiver would (README).
fn verify(request: &Received) {
    let header = request
        .header("status-widget-signature")
        .expect("the webhook is signed");
    let (t, v1) = header
        .split_once(',')
        .and_then(|(t, v)| Some((t.strip_prefix("t=")?, v.strip_prefix("v1=")?)))
        .unwrap_or_else(|| panic!("t=…,v1=… in {header}"));
    let mut mac = Hmac::<Sha256>::new_from_slice(SECRET.as_bytes()).unwrap();
    mac.update(t.as_bytes());
    mac.update(b".");
    mac.update(&request.body);
    let expected: String = mac
        .finalize()
        .into_bytes()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    assert_eq!(v1, expected, "HMAC-SHA256 of t.body with the secret");
    let sent: u64 = t.parse().unwrap();
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs();
    assert!(now.abs_diff(sent) < 300, "a fresh timestamp");
    // Tampering with the body breaks it.
    let mut mac = Hmac::<Sha256>::new_from_slice(SECRET.as_bytes()).unwrap();
    mac.update(format!("{t}.").as_bytes());
    mac.update(&[&request.body[..], b" "].concat());
    assert!(mac.verify_slice(&hex(v1)).is_err());
}

fn hex(text: &str) -> Vec<u8> {
    (0..text.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&text[i..i + 2], 16).unwrap())
        .collect()
}

#[test]
fn each_destination_gets_its_own_shape_and_the_webhook_is_signed() {
    let (slack, discord, teams, hook) = (
        Receiver::start(&[]),
        Receiver::start(&[]),
        Receiver::start(&[]),
        Receiver::start(&[]),
    );
    let (_dir, file) = site(
        "notify-shapes",
        json!([
            {"kind": "slack", "url": slack.url("/services/T0/B0/x")},
            {"kind": "discord", "url": discord.url("/api/webhooks/1/t")},
            {"kind": "teams", "url": teams.url("/workflows/run")},
            {"name": "ops", "kind": "webhook", "url": hook.url("/status-hook"), "secret_env": "STATUS_WEBHOOK_SECRET"},
        ]),
        json!({}),
    );
    let out = open_login_incident(&file, true);
    let said = text(&out.stdout);
    assert!(out.status.success(), "{said}{}", text(&out.stderr));
    assert!(
        said.contains("1 change in")
            && said.contains("incident login-failing opened")
            && said.contains("sent to slack (http://127.0.0.1:")
            && said.contains("sent to ops (http://127.0.0.1:"),
        "{said}"
    );
    assert!(
        !said.contains("/services/T0"),
        "a webhook's path is never printed: {said}"
    );
    for receiver in [&slack, &discord, &teams, &hook] {
        let got = receiver.requests();
        assert_eq!(got.len(), 1, "one post each");
        assert_eq!(got[0].method, "POST");
        assert_eq!(got[0].header("content-type"), Some("application/json"));
        assert!(got[0].header("status-widget-delivery").is_some());
    }

    let slack = slack.requests()[0].json();
    assert!(slack["text"]
        .as_str()
        .unwrap()
        .starts_with("Lambda Feedback: Incident opened: Login failing"));
    assert_eq!(slack["blocks"][0]["type"], "header");
    let section = slack["blocks"][1]["text"]["text"].as_str().unwrap();
    assert_eq!(slack["blocks"][1]["text"]["type"], "mrkdwn");
    assert!(
        section.contains("&lt;for some&gt; &amp; @everyone")
            && section.contains("Impact: major · Status: investigating")
            && section.contains("Investigating reports of failed logins.")
            && section.contains("<https://status.example.org/#login-failing|Details>"),
        "{section}"
    );

    let discord = discord.requests()[0].json();
    let embed = &discord["embeds"][0];
    assert_eq!(
        embed["title"],
        "Incident opened: Login failing <for some> & @everyone"
    );
    assert_eq!(
        embed["description"],
        "Investigating reports of failed logins."
    );
    assert_eq!(embed["url"], "https://status.example.org/#login-failing");
    assert_eq!(embed["color"], 0xe8710a);
    assert_eq!(
        discord["allowed_mentions"],
        json!({"parse": []}),
        "@everyone in a title pings nobody"
    );
    assert!(discord["content"].as_str().unwrap().len() <= 2000);

    let teams = teams.requests()[0].json();
    assert_eq!(teams["type"], "message");
    let attachment = &teams["attachments"][0];
    assert_eq!(
        attachment["contentType"],
        "application/vnd.microsoft.card.adaptive"
    );
    assert_eq!(attachment["content"]["type"], "AdaptiveCard");
    assert_eq!(attachment["content"]["version"], "1.4");
    let card = attachment["content"].to_string();
    assert!(
        card.contains("Investigating reports of failed logins."),
        "{card}"
    );
    assert_eq!(
        attachment["content"]["actions"][0]["url"],
        "https://status.example.org/"
    );

    let request = &hook.requests()[0];
    verify(request);
    let body = request.json();
    assert_eq!(body["type"], "status-widget.changes");
    assert_eq!(body["service"]["name"], "Lambda Feedback");
    assert_eq!(
        body["delivery"],
        request.header("status-widget-delivery").unwrap()
    );
    let change = &body["changes"][0];
    assert_eq!(
        (
            &change["subject"],
            &change["action"],
            &change["id"],
            &change["impact"],
            &change["status"]
        ),
        (
            &json!("incident"),
            &json!("opened"),
            &json!("login-failing"),
            &json!("major"),
            &json!("investigating")
        )
    );
    assert_eq!(change["key"], "incident:login-failing:opened:1");
    assert!(
        !fs::read_to_string(&file).unwrap().contains(SECRET),
        "the secret is never in the status file"
    );
}

#[test]
fn every_kind_of_change_is_announced_once_and_quiet_edits_announce_nothing() {
    let hook = Receiver::start(&[]);
    let (_dir, file) = site(
        "notify-kinds",
        json!([{"kind": "webhook", "url": hook.url("/h"), "secret_env": "STATUS_WEBHOOK_SECRET"}]),
        json!({}),
    );
    let f = file.to_str().unwrap();
    let steps: Vec<(Vec<&str>, (&str, &str))> = vec![
        (vec![], ("incident", "opened")),
        (
            vec![
                "incident",
                "update",
                "login-failing",
                "--status",
                "identified",
                "--message",
                "Cookies blocked on Safari.",
            ],
            ("incident", "updated"),
        ),
        (
            vec![
                "incident",
                "resolve",
                "login-failing",
                "--message",
                "Fixed.",
            ],
            ("incident", "resolved"),
        ),
        (
            vec![
                "maintenance",
                "schedule",
                "--id",
                "db",
                "--title",
                "Database upgrade",
                "--starts-at",
                "2030-01-01T06:00:00Z",
                "--ends-at",
                "2030-01-01T07:00:00Z",
            ],
            ("maintenance", "scheduled"),
        ),
        (
            vec!["maintenance", "start", "db"],
            ("maintenance", "started"),
        ),
        (
            vec!["maintenance", "complete", "db", "--message", "Done."],
            ("maintenance", "completed"),
        ),
        (
            vec!["notice", "add", "--id", "exams", "--title", "Exam week"],
            ("notice", "added"),
        ),
        (vec!["notice", "remove", "exams"], ("notice", "removed")),
    ];
    for (i, (args, (subject, action))) in steps.iter().enumerate() {
        let out = if args.is_empty() {
            open_login_incident(&file, true)
        } else {
            let mut args = args.clone();
            args.extend(["--file", f, "--notify"]);
            run_with_secret(&args)
        };
        assert!(out.status.success(), "{args:?}: {}", text(&out.stderr));
        let got = hook.requests();
        assert_eq!(got.len(), i + 1, "{args:?} posted once");
        let changes = got[i].json()["changes"].clone();
        assert_eq!(changes.as_array().unwrap().len(), 1, "{changes}");
        assert_eq!(
            (
                changes[0]["subject"].as_str(),
                changes[0]["action"].as_str()
            ),
            (Some(*subject), Some(*action)),
            "{args:?}"
        );
        verify(&got[i]);
    }
    let resolved = hook.requests()[2].json();
    assert_eq!(resolved["changes"][0]["message"], "Fixed.");

    // A write-up edit is not news: nothing is posted, and that is not a failure.
    let out = run_with_secret(&[
        "incident",
        "edit",
        "login-failing",
        "--lesson",
        "Test on every device.",
        "--file",
        f,
        "--notify",
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        text(&out.stdout).contains("nothing to announce"),
        "{}",
        text(&out.stdout)
    );
    assert_eq!(hook.requests().len(), steps.len());

    // On its own, against a given earlier version.
    let earlier = file.with_file_name("earlier.json");
    ok(&[
        "init",
        "--file",
        earlier.to_str().unwrap(),
        "--name",
        "Lambda Feedback",
    ]);
    let out = run_with_secret(&["notify", "--file", f, "--since", earlier.to_str().unwrap()]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let all = hook.requests().last().unwrap().json();
    let actions: Vec<&str> = all["changes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["action"].as_str().unwrap())
        .collect();
    assert_eq!(actions, ["resolved", "completed"], "{all}");
}

#[test]
fn a_500_is_retried_with_back_off_and_a_404_is_not() {
    let flaky = Receiver::start(&[Reply::Status(500), Reply::Status(503), Reply::Status(200)]);
    let gone = Receiver::start(&[Reply::Status(404)]);
    let (_dir, file) = site(
        "notify-retry",
        json!([
            {"name": "flaky", "kind": "slack", "url": flaky.url("/x")},
            {"name": "gone", "kind": "discord", "url": gone.url("/y")},
        ]),
        json!({"retries": 3, "retry_delay_ms": 200}),
    );
    let started = Instant::now();
    let out = open_login_incident(&file, true);
    let said = text(&out.stdout);
    assert_eq!(out.status.code(), Some(3), "{said}{}", text(&out.stderr));
    assert_eq!(flaky.requests().len(), 3, "two failures, then delivered");
    assert!(
        said.contains("sent to flaky") && said.contains("HTTP 500, then HTTP 503, then HTTP 200"),
        "{said}"
    );
    assert!(
        started.elapsed() >= Duration::from_millis(200 + 400),
        "it waited 200 ms, then 400 ms"
    );
    assert_eq!(gone.requests().len(), 1, "a 404 is not retried");
    assert!(
        said.contains("not sent to gone") && said.contains("HTTP 404"),
        "{said}"
    );
    let all_same = flaky
        .requests()
        .iter()
        .all(|r| r.body == flaky.requests()[0].body);
    assert!(all_same, "each retry sends the same body");
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("the status file is as written")
            && stderr.contains("status-widget notify --file")
            && stderr.contains("--to gone")
            && !stderr.contains("--to flaky"),
        "{stderr}"
    );
    // The write stands.
    assert_eq!(read_json(&file)["incidents"][0]["id"], "login-failing");
    // Retrying only the one that failed.
    let out = run_with_secret(&["notify", "--file", file.to_str().unwrap(), "--to", "gone"]);
    assert!(out.status.success(), "{}", text(&out.stdout));
    assert_eq!(
        flaky.requests().len(),
        3,
        "the delivered one is not posted again"
    );
    assert_eq!(gone.requests().len(), 2);
}

#[test]
fn a_receiver_that_never_answers_times_out_and_the_write_stands() {
    let silent = Receiver::start(&[Reply::Hang, Reply::Hang]);
    let (_dir, file) = site(
        "notify-hang",
        json!([{"name": "silent", "kind": "teams", "url": silent.url("/t")}]),
        json!({"timeout_seconds": 1, "retries": 1, "retry_delay_ms": 100}),
    );
    let started = Instant::now();
    let out = open_login_incident(&file, true);
    let took = started.elapsed();
    let said = text(&out.stdout);
    assert_eq!(out.status.code(), Some(3), "{said}");
    assert!(
        said.contains("not sent to silent")
            && said.contains("timed out after 1 s, then timed out after 1 s"),
        "{said}"
    );
    assert_eq!(silent.requests().len(), 2);
    assert!(took < Duration::from_secs(10), "gave up after {took:?}");
    assert_eq!(read_json(&file)["incidents"][0]["status"], "investigating");
}

#[test]
fn settings_that_would_leak_a_secret_or_post_in_the_clear_are_refused() {
    let (dir, file) = site(
        "notify-settings",
        json!([{"kind": "webhook", "url": "https://ops.example.org/h", "secret": "s3cret"}]),
        json!({}),
    );
    let f = file.to_str().unwrap();
    ok(&[
        "notice",
        "add",
        "--id",
        "n",
        "--title",
        "Exam week",
        "--file",
        f,
    ]);
    let out = run(&["notify", "--file", f]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("secret_env"),
        "{}",
        text(&out.stderr)
    );

    // Plain http to another machine, and a variable that is not set: not sent, said why.
    write_json(
        &dir.join("status.notify.json"),
        &json!({"destinations": [
            {"name": "clear", "kind": "slack", "url": "http://hooks.example.org/x"},
            {"name": "unset", "kind": "discord", "url_env": "STATUS_WIDGET_TEST_UNSET_VARIABLE"},
        ]}),
    );
    let out = run(&["notify", "--file", f]);
    let said = text(&out.stdout);
    assert_eq!(out.status.code(), Some(3), "{said}");
    assert!(
        said.contains("not sent to clear: the address must start with https://"),
        "{said}"
    );
    assert!(
        said.contains("not sent to unset: the environment variable STATUS_WIDGET_TEST_UNSET_VARIABLE is not set"),
        "{said}"
    );
    // An unknown --to is a usage error that lists the names.
    let out = run(&["notify", "--file", f, "--to", "pager"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("clear, unset"),
        "{}",
        text(&out.stderr)
    );
    // --dry-run posts nothing and needs no secrets.
    let out = run(&["notify", "--file", f, "--dry-run"]);
    assert!(out.status.success());
    assert!(text(&out.stdout).contains("would post to clear (slack)"));
}

#[test]
fn history_that_first_appears_already_over_is_not_news() {
    let hook = Receiver::start(&[]);
    let (dir, empty) = site(
        "notify-history",
        json!([{"kind": "webhook", "url": hook.url("/h"), "secret_env": "STATUS_WEBHOOK_SECRET"}]),
        json!({}),
    );
    // The seed write-up (resolved in 2024), published for the first time.
    let history = dir.join("history.json");
    fs::write(&history, SEED).unwrap();
    fs::copy(
        dir.join("status.notify.json"),
        dir.join("history.notify.json"),
    )
    .unwrap();
    let out = run_with_secret(&[
        "notify",
        "--file",
        history.to_str().unwrap(),
        "--since",
        empty.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        text(&out.stdout).contains("nothing to announce"),
        "{}",
        text(&out.stdout)
    );
    assert!(
        hook.requests().is_empty(),
        "a resolved incident from 2024 is not posted"
    );
}
