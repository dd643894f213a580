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
        let text = fs::read_to_string(&svg_out).unwrap();
        let svg = roxmltree::Document::parse(&text).expect("well-formed SVG");
        let root = svg.root_element();
        assert_eq!(root.tag_name().name(), "svg");
        assert_eq!(
            root.tag_name().namespace(),
            Some("http://www.w3.org/2000/svg")
        );
        assert_eq!(root.attribute("role"), Some("img"));
        let name = format!("status: {expected}");
        assert_eq!(root.attribute("aria-label"), Some(name.as_str()));
        let title = root.children().find(|n| n.has_tag_name("title")).unwrap();
        assert_eq!(title.text(), Some(name.as_str()));
        // The words as drawn, each on its own background, readable (WCAG AA: 4.5:1).
        let rects: Vec<_> = svg
            .descendants()
            .filter(|n| n.has_tag_name("rect") && n.attribute("fill") != Some("#fff"))
            .collect();
        let texts: Vec<_> = svg
            .descendants()
            .filter(|n| n.has_tag_name("text"))
            .collect();
        assert_eq!(texts.len(), 2);
        assert_eq!(texts[0].text(), Some("status"));
        assert_eq!(texts[1].text(), Some(expected));
        for (rect, words) in rects.iter().zip(&texts) {
            let ratio = contrast(
                rect.attribute("fill").unwrap(),
                words.attribute("fill").unwrap(),
            );
            assert!(ratio >= 4.5, "{expected}: contrast {ratio:.2}");
        }
        let width: f64 = root.attribute("width").unwrap().parse().unwrap();
        assert!(width > 60.0 && width < 250.0, "{width}");
        let endpoint = read_json(&endpoint_out);
        assert_eq!(endpoint["schemaVersion"], 1);
        assert_eq!(endpoint["label"], "status");
        assert_eq!(endpoint["message"], expected);
        let colour = endpoint["color"].as_str().unwrap();
        assert_eq!(format!("#{colour}"), rects[1].attribute("fill").unwrap());
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
