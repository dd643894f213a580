//! `status-widget badge`: the current level as an SVG badge and a shields.io endpoint document.
#![cfg(not(target_arch = "wasm32"))]

mod cli_support;
use cli_support::*;
use serde_json::json;
use std::fs;

/// The relative luminance of `#rrggbb` (WCAG 2).
fn luminance(hex: &str) -> f64 {
    let hex = hex.trim_start_matches('#');
    let channel = |i: usize| {
        let c = f64::from(u8::from_str_radix(&hex[i..i + 2], 16).unwrap()) / 255.0;
        if c <= 0.039_28 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * channel(0) + 0.7152 * channel(2) + 0.0722 * channel(4)
}

fn contrast(a: &str, b: &str) -> f64 {
    let (a, b) = (luminance(a), luminance(b));
    (a.max(b) + 0.05) / (a.min(b) + 0.05)
}

#[test]
fn the_badge_names_each_level_in_words_a_reader_can_read() {
    let dir = folder("badge");
    let file = dir.join("status.json");
    let f = file.to_str().unwrap();
    ok(&["init", "--file", f, "--name", "Lambda Feedback"]);
    let (svg_out, endpoint_out) = (dir.join("status.svg"), dir.join("status-badge.json"));
    let mut seen = Vec::new();
    let mut check = |expected: &str| {
        ok(&[
            "badge",
            f,
            "--out",
            svg_out.to_str().unwrap(),
            "--endpoint",
            endpoint_out.to_str().unwrap(),
        ]);
        let (name, words, _) = read_badge(&svg_out, &endpoint_out);
        assert_eq!(name, format!("status: {expected}"));
        assert_eq!(words, ["status", expected]);
        seen.push(expected.to_owned());
    };

    check("operational");
    ok(&[
        "maintenance",
        "schedule",
        "--id",
        "db",
        "--title",
        "Upgrade",
        "--starts-at",
        "2020-01-01T06:00:00Z",
        "--ends-at",
        "2999-01-01T07:00:00Z",
        "--file",
        f,
    ]);
    ok(&["maintenance", "start", "db", "--file", f]);
    check("maintenance");
    for (impact, words) in [
        ("minor", "degraded"),
        ("major", "partial outage"),
        ("critical", "major outage"),
    ] {
        ok(&[
            "incident",
            "open",
            "--id",
            impact,
            "--title",
            "Login failing",
            "--impact",
            impact,
            "--message",
            "Investigating",
            "--file",
            f,
        ]);
        check(words);
    }
    ok(&[
        "incident",
        "resolve",
        "critical",
        "--message",
        "Fixed",
        "--file",
        f,
    ]);
    check("partial outage");
    assert_eq!(seen.len(), 6);

    // Only the endpoint, with its own label.
    let out = run(&["badge", f]);
    assert_eq!(out.status.code(), Some(2));
    ok(&[
        "badge",
        f,
        "--endpoint",
        endpoint_out.to_str().unwrap(),
        "--label",
        "login",
    ]);
    assert_eq!(
        read_json(&endpoint_out),
        json!({"schemaVersion": 1, "label": "login", "message": "partial outage",
            "color": "e8710a", "labelColor": "555555", "cacheSeconds": 300})
    );
}

/// Reads an SVG badge and checks what every badge must be: an SVG image whose accessible name is
/// also its title, two words each readable on its own background (WCAG AA: 4.5:1), a badge's
/// width, and an endpoint document beside it that says the same. Returns the name, the two words
/// and the right-hand colour.
fn read_badge(svg: &std::path::Path, endpoint: &std::path::Path) -> (String, [String; 2], String) {
    let text = fs::read_to_string(svg).unwrap();
    let doc = roxmltree::Document::parse(&text).expect("well-formed SVG");
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "svg");
    assert_eq!(
        root.tag_name().namespace(),
        Some("http://www.w3.org/2000/svg")
    );
    assert_eq!(root.attribute("role"), Some("img"));
    let name = root.attribute("aria-label").unwrap().to_owned();
    let title = root.children().find(|n| n.has_tag_name("title")).unwrap();
    assert_eq!(title.text(), Some(name.as_str()));
    let rects: Vec<_> = doc
        .descendants()
        .filter(|n| n.has_tag_name("rect") && n.attribute("fill") != Some("#fff"))
        .collect();
    let texts: Vec<_> = doc
        .descendants()
        .filter(|n| n.has_tag_name("text"))
        .collect();
    assert_eq!(texts.len(), 2, "{name}");
    for (rect, words) in rects.iter().zip(&texts) {
        let ratio = contrast(
            rect.attribute("fill").unwrap(),
            words.attribute("fill").unwrap(),
        );
        assert!(ratio >= 4.5, "{name}: contrast {ratio:.2}");
    }
    let width: f64 = root.attribute("width").unwrap().parse().unwrap();
    assert!(width > 60.0 && width < 250.0, "{name}: {width}");
    let words = [0, 1].map(|i| texts[i].text().unwrap().to_owned());
    let json = read_json(endpoint);
    assert_eq!(json["schemaVersion"], 1);
    assert_eq!(json["label"], words[0].as_str());
    assert_eq!(json["message"], words[1].as_str());
    let colour = format!("#{}", json["color"].as_str().unwrap());
    assert_eq!(colour, rects[1].attribute("fill").unwrap());
    (name, words, colour)
}

/// `--uptime COMPONENT`: the component's uptime over the last `--days` UTC days, counted as the
/// status page counts it (figures worked out by hand in the comments).
#[test]
fn an_uptime_badge_counts_a_component_as_the_page_does() {
    let dir = folder("badge-uptime");
    let file = dir.join("status.json");
    fs::write(&file, SEED).unwrap();
    let f = file.to_str().unwrap();
    let (svg, endpoint) = (dir.join("login.svg"), dir.join("login.json"));
    let (s, e) = (svg.to_str().unwrap(), endpoint.to_str().unwrap());
    let badge = |args: &[&str]| {
        let mut all = vec!["badge", f, "--out", s, "--endpoint", e];
        all.extend_from_slice(args);
        ok(&all);
        read_badge(&svg, &endpoint)
    };

    // The seed (impact major: a partial outage, 4 Nov 07:30 to 8 Nov 11:00 UTC), on 10 Nov at
    // noon over 7 days: 5970 min of partial outage in 9360 recorded (the record begins 4 Nov),
    // 1 − 0.3 × 5970 / 9360 = 0.80865 → 80.86 %, below 95 %: red.
    let (name, words, colour) = badge(&[
        "--uptime",
        "login",
        "--days",
        "7",
        "--at",
        "2024-11-10T12:00:00Z",
    ]);
    assert_eq!(words, ["Login uptime", "80.86%"]);
    assert_eq!(name, "Login uptime: 80.86%, last 7 days");
    assert_eq!(colour, "#c5221f");
    // By the component's name, in any case, at the file's own time (8 Nov 11:05), over 90 days:
    // 990 + 3 × 1440 + 660 = 5970 min partial in 4 Nov 00:00 to 8 Nov 11:05 = 6425 min recorded,
    // 1 − 1791 / 6425 = 0.72124 → 72.12 %.
    let (_, words, _) = badge(&[
        "--uptime",
        "web APP",
        "--at",
        "2024-11-08T11:05:00Z",
        "--label",
        "app",
    ]);
    assert_eq!(words, ["app", "72.12%"]);
    // The window is the last --days days: on 20 Nov, the last 7 (14–20 Nov) had no downtime;
    // the last 90 hold the outage, 1791 min down in 4 Nov 00:00 to 20 Nov 00:00 = 23040 min,
    // 1 − 1791 / 23040 = 0.922265 → 92.22 %.
    let (name, words, colour) = badge(&[
        "--uptime",
        "login",
        "--days",
        "7",
        "--at",
        "2024-11-20T00:00:00Z",
    ]);
    assert_eq!(
        (name.as_str(), colour.as_str()),
        ("Login uptime: 100.00%, last 7 days", "#137333")
    );
    assert_eq!(words[1], "100.00%");
    let (_, words, _) = badge(&["--uptime", "login", "--at", "2024-11-20T00:00:00Z"]);
    assert_eq!(words[1], "92.22%");
    // Before the record begins there is no data: grey, never 100 %.
    let (name, words, colour) = badge(&["--uptime", "login", "--at", "2024-11-01T00:00:00Z"]);
    assert_eq!(words[1], "no data");
    assert_eq!(name, "Login uptime: no data, last 90 days");
    assert_eq!(colour, "#6e6e6e");

    // The colour scale, on a 7-day window from 2 Nov (the record's first day) to 8 Nov 00:00 =
    // 8640 min recorded:
    // - a 5-minute major outage: 1 − 5 / 8640 = 0.999421 → 99.94 %, green;
    // - 10 minutes: 1 − 10 / 8640 = 0.998842 → 99.88 %, yellow;
    // - a 10-hour partial outage instead: 1 − 0.3 × 600 / 8640 = 0.979166 → 97.91 %, orange.
    for (impact, minutes, percent, expected) in [
        ("critical", "05", "99.94%", "#137333"),
        ("critical", "10", "99.88%", "#f9ab00"),
        ("major", "", "97.91%", "#e8710a"),
    ] {
        write_json(&file, &before_the_week());
        let end = if minutes.is_empty() {
            "2024-11-02T10:00:00Z".to_owned()
        } else {
            format!("2024-11-02T00:{minutes}:00Z")
        };
        ok(&[
            "incident",
            "open",
            "--id",
            "x",
            "--title",
            "Down",
            "--impact",
            impact,
            "--component",
            "login",
            "--message",
            "Down",
            "--at",
            "2024-11-02T00:00:00Z",
            "--file",
            f,
        ]);
        ok(&[
            "incident",
            "resolve",
            "x",
            "--message",
            "Up",
            "--at",
            &end,
            "--file",
            f,
        ]);
        let (_, words, colour) = badge(&[
            "--uptime",
            "login",
            "--days",
            "7",
            "--at",
            "2024-11-08T00:00:00Z",
        ]);
        assert_eq!(words[1], percent, "{impact} until {end}");
        assert_eq!(colour, expected, "{percent}");
    }

    // A component the file does not have is named, with the ones it has; nothing is written.
    fs::remove_file(&svg).unwrap();
    let out = run(&["badge", f, "--out", s, "--uptime", "payments"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("no component with id `payments` (the file has: login, app)"),
        "{}",
        text(&out.stderr)
    );
    assert!(!svg.exists());
    // A window outside 7–365 days, or --days without --uptime, is refused.
    for args in [
        ["--uptime", "login", "--days", "400"],
        ["--days", "30", "--label", "x"],
    ] {
        let mut all = vec!["badge", f, "--out", s];
        all.extend_from_slice(&args);
        assert_eq!(run(&all).status.code(), Some(2), "{args:?}");
    }
}
