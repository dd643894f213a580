//! The publishing recipe in `examples/publish/`, run here so that it cannot rot: `publish.sh`
//! against a temporary status folder, and the GitHub Actions workflow's own `run:` steps against a
//! local git repository, a local "static host" and a local webhook receiver.
#![cfg(not(target_arch = "wasm32"))]

mod cli_support;
use cli_support::*;
use serde_json::json;
use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const RECIPE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/publish");

/// PATH with the freshly built `status-widget` first, as the recipe's install step leaves it.
fn path_with_binary() -> String {
    let bin = Path::new(env!("CARGO_BIN_EXE_status-widget"))
        .parent()
        .unwrap()
        .to_owned();
    format!(
        "{}:{}",
        bin.display(),
        std::env::var("PATH").unwrap_or_default()
    )
}

fn sh(dir: &Path, script: &str, env: &[(&str, String)]) -> Output {
    Command::new("sh")
        .arg("-c")
        .arg(script)
        .current_dir(dir)
        .env("PATH", path_with_binary())
        .envs(env.iter().map(|(k, v)| (*k, v.as_str())))
        .output()
        .unwrap()
}

/// A status folder as an owner keeps it: the file and its by-products, settings, public/.
fn status_folder(dir: &Path) -> PathBuf {
    let src = dir.join("status");
    let file = src.join("status.json");
    init_site(
        &file,
        &["--status-page", "https://status.example.org/status.html"],
    );
    let f = file.to_str().unwrap();
    ok(&[
        "incident",
        "open",
        "--id",
        "login-failing",
        "--title",
        "Login failing",
        "--impact",
        "major",
        "--component",
        "login",
        "--message",
        "Investigating",
        "--file",
        f,
    ]);
    fs::write(src.join("status.notify.json"), "{\"destinations\": []}").unwrap();
    fs::create_dir_all(src.join("public")).unwrap();
    fs::write(
        src.join("public").join("status.html"),
        "<!doctype html><title>s</title>",
    )
    .unwrap();
    src
}

const PUBLISHED: [&str; 6] = [
    "status-badge.json",
    "status.atom",
    "status.feed.json",
    "status.html",
    "status.json",
    "status.svg",
];

#[test]
fn publish_sh_copies_only_what_readers_need_writes_feeds_and_badge_and_deploys() {
    let dir = folder("publish-sh");
    let src = status_folder(&dir);
    assert!(names_in(&src).contains(&"status.json.bak".to_owned()));
    let host = dir.join("host");
    fs::create_dir_all(&host).unwrap();
    let script = format!("sh {RECIPE}/publish.sh status site https://status.example.org/");
    let deploy = (
        "DEPLOY",
        format!("cp -R \"$OUT/.\" \"{}/\"", host.display()),
    );
    let out = sh(&dir, &script, std::slice::from_ref(&deploy));
    assert!(
        out.status.success(),
        "{}{}",
        text(&out.stdout),
        text(&out.stderr)
    );
    let site = dir.join("site");
    assert_eq!(
        names_in(&site),
        PUBLISHED,
        "no .bak, .lock or notification settings"
    );
    assert_eq!(names_in(&host), PUBLISHED, "deployed");
    assert_eq!(
        fs::read(site.join("status.json")).unwrap(),
        fs::read(src.join("status.json")).unwrap()
    );
    assert!(ok(&["check", site.join("status.json").to_str().unwrap()]).contains("ok"));
    let feed = read_json(&site.join("status.feed.json"));
    assert_eq!(
        feed["feed_url"],
        "https://status.example.org/status.feed.json"
    );
    assert_eq!(
        feed["items"][0]["url"],
        "https://status.example.org/status.html#login-failing"
    );
    assert!(fs::read_to_string(site.join("status.atom"))
        .unwrap()
        .contains("<link rel=\"self\" href=\"https://status.example.org/status.atom\"/>"));
    assert_eq!(
        read_json(&site.join("status-badge.json"))["message"],
        "partial outage"
    );

    // A folder that holds something already is never overwritten.
    let before = fs::read(site.join("status.json")).unwrap();
    let out = sh(&dir, &script, &[]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("not empty"),
        "{}",
        text(&out.stderr)
    );
    assert_eq!(fs::read(site.join("status.json")).unwrap(), before);

    // A status file with errors stops it before anything is written.
    fs::write(
        src.join("status.json"),
        r#"{"version": 1, "incidents": [{"id": 1}]}"#,
    )
    .unwrap();
    let out = sh(&dir, &format!("sh {RECIPE}/publish.sh status fresh"), &[]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stdout));
    assert!(!dir.join("fresh").exists());
}

/// One step of a workflow job: its name, `env:` and `run:` script (`uses:` steps have none).
#[derive(Debug, Default)]
struct Step {
    name: String,
    uses: Option<String>,
    env: BTreeMap<String, String>,
    run: Option<String>,
}

/// The steps of `job` in the workflow file (the small subset of YAML it is written in: a step
/// starts with `      - `, its keys are indented 8 spaces, `env:` entries and `run: |` lines 10).
fn steps(workflow: &str, job: &str) -> Vec<Step> {
    let mut in_job = false;
    let mut steps: Vec<Step> = Vec::new();
    let mut block: Option<&str> = None; // "env" or "run" while reading their lines
    for line in workflow.lines() {
        if line.starts_with("  ") && !line.starts_with("   ") && line.trim_end().ends_with(':') {
            in_job = line.trim() == format!("{job}:");
            continue;
        }
        if !in_job || line.trim().is_empty() || line.trim_start().starts_with('#') {
            continue;
        }
        let step_line = line.strip_prefix("      - ");
        if let Some(rest) = step_line {
            steps.push(Step::default());
            block = None;
            key_value(steps.last_mut().unwrap(), rest, &mut block);
        } else if let Some(rest) = line.strip_prefix("          ") {
            let step = steps.last_mut().expect("a step");
            match block {
                Some("env") => {
                    let (k, v) = rest.split_once(": ").expect("KEY: value");
                    step.env.insert(k.to_owned(), v.to_owned());
                }
                Some("run") => {
                    let run = step.run.get_or_insert_with(String::new);
                    run.push_str(rest);
                    run.push('\n');
                }
                _ => {}
            }
        } else if let Some(rest) = line.strip_prefix("        ") {
            if let Some(step) = steps.last_mut() {
                block = None;
                key_value(step, rest, &mut block);
            }
        }
    }
    steps
}

fn key_value(step: &mut Step, line: &str, block: &mut Option<&str>) {
    let (key, value) = line.split_once(':').unwrap_or((line, ""));
    let value = value.trim();
    match key {
        "name" => step.name = value.to_owned(),
        "uses" => step.uses = Some(value.to_owned()),
        "env" => *block = Some("env"),
        "run" if value == "|" => *block = Some("run"),
        "run" => step.run = Some(format!("{value}\n")),
        _ => {}
    }
}

/// `${{ … }}` in `value` replaced from `context`, as GitHub would.
fn expand(value: &str, context: &BTreeMap<&str, String>) -> String {
    let mut out = value.to_owned();
    while let Some(start) = out.find("${{") {
        let end = out[start..].find("}}").expect("closed") + start;
        let expression = out[start + 3..end].trim().to_owned();
        let replacement = context
            .get(expression.as_str())
            .cloned()
            .unwrap_or_else(|| panic!("the test gives no value for {expression}"));
        out.replace_range(start..end + 2, &replacement);
    }
    out
}

/// Runs `job`'s `run:` steps in `repo` as a runner would (the install step aside: the test's
/// build is on PATH), returning what each said.
fn run_job(
    workflow: &str,
    job: &str,
    repo: &Path,
    context: &BTreeMap<&str, String>,
) -> Vec<(String, Output)> {
    let runner_temp = repo.parent().unwrap().join("runner-temp");
    fs::create_dir_all(&runner_temp).unwrap();
    let mut said = Vec::new();
    for step in steps(workflow, job) {
        let Some(script) = step.run else {
            assert!(
                step.uses.is_some(),
                "a step runs or uses something: {step:?}"
            );
            continue;
        };
        if step.name == "Install status-widget" {
            assert!(script.contains("cargo install --locked --git"), "{script}");
            continue;
        }
        let mut env: Vec<(&str, String)> = step
            .env
            .iter()
            .map(|(k, v)| (k.as_str(), expand(v, context)))
            .collect();
        env.push(("RUNNER_TEMP", runner_temp.display().to_string()));
        let out = sh(repo, &format!("set -e\n{script}"), &env);
        assert!(
            out.status.success(),
            "step `{}` failed:\n{}{}",
            step.name,
            text(&out.stdout),
            text(&out.stderr)
        );
        said.push((step.name, out));
    }
    said
}

fn git(repo: &Path, args: &[&str]) -> String {
    let out = Command::new("git")
        .args([
            "-c",
            "user.name=Status",
            "-c",
            "user.email=status@example.org",
        ])
        .args(args)
        .current_dir(repo)
        .output()
        .unwrap();
    assert!(out.status.success(), "git {args:?}: {}", text(&out.stderr));
    text(&out.stdout).trim().to_owned()
}

#[test]
fn the_github_workflow_checks_pull_requests_and_publishes_and_notifies_on_main() {
    let workflow = fs::read_to_string(format!("{RECIPE}/github-actions.yml")).unwrap();
    let dir = folder("publish-workflow");
    let repo = dir.join("repo");
    fs::create_dir_all(&repo).unwrap();
    git(&repo, &["init", "-q", "-b", "main"]);
    let src = status_folder(&repo);
    fs::copy(format!("{RECIPE}/publish.sh"), src.join("publish.sh")).unwrap();
    let hook = Receiver::start(&[]);
    fs::write(
        src.join("status.notify.json"),
        json!({"destinations": [
            {"name": "ops", "kind": "webhook", "url": hook.url("/status"), "secret_env": "STATUS_WEBHOOK_SECRET"},
            {"kind": "slack", "url_env": "SLACK_WEBHOOK_URL"},
        ]})
        .to_string(),
    )
    .unwrap();
    fs::write(
        repo.join(".gitignore"),
        "status/*.bak\nstatus/*.lock\nsite/\n",
    )
    .unwrap();
    git(&repo, &["add", "-A"]);
    git(&repo, &["commit", "-q", "-m", "status: login failing"]);
    let before = git(&repo, &["rev-parse", "HEAD"]);
    let f = src.join("status.json");
    ok(&[
        "incident",
        "update",
        "login-failing",
        "--status",
        "identified",
        "--message",
        "Safari blocks the cookie.",
        "--file",
        f.to_str().unwrap(),
    ]);
    git(&repo, &["commit", "-q", "-am", "status: identified"]);

    let slack = Receiver::start(&[]);
    let context: BTreeMap<&str, String> = [
        (
            "vars.STATUS_BASE_URL",
            "https://status.example.org/".to_owned(),
        ),
        ("github.event.before", before),
        ("secrets.SLACK_WEBHOOK_URL", slack.url("/services/T/B/x")),
        ("secrets.DISCORD_WEBHOOK_URL", String::new()),
        ("secrets.TEAMS_WEBHOOK_URL", String::new()),
        ("secrets.STATUS_WEBHOOK_SECRET", "whsec-workflow".to_owned()),
    ]
    .into_iter()
    .collect();

    // Pull request: the check.
    let checked = run_job(&workflow, "check", &repo, &context);
    assert_eq!(
        checked.len(),
        1,
        "{:?}",
        checked.iter().map(|s| &s.0).collect::<Vec<_>>()
    );
    assert!(text(&checked[0].1.stdout).contains("ok"));

    // Main: publish, then post what changed since the previous push.
    let published = run_job(&workflow, "publish", &repo, &context);
    let steps: Vec<&str> = published.iter().map(|(name, _)| name.as_str()).collect();
    assert_eq!(
        steps,
        ["Write the feeds and the badge", "Post what changed"]
    );
    assert_eq!(names_in(&repo.join("site")), PUBLISHED);
    let posted = hook.requests();
    assert_eq!(posted.len(), 1, "{}", text(&published[1].1.stdout));
    assert_eq!(posted[0].json()["changes"][0]["action"], "updated");
    assert_eq!(
        posted[0].json()["changes"][0]["message"],
        "Safari blocks the cookie."
    );
    assert!(posted[0].header("status-widget-signature").is_some());
    assert_eq!(slack.requests().len(), 1);

    // The workflow lists the paths it reads and gives Pages what it deploys.
    assert!(workflow.contains("path: site"));
    assert!(workflow.contains("uses: actions/deploy-pages@"));
}
