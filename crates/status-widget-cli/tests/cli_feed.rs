//! `status-widget feed`: the Atom feed.
#![cfg(not(target_arch = "wasm32"))]

mod cli_support;
use cli_support::*;
use std::fs;

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
fn the_json_feed_carries_the_same_entries_and_ids_as_the_atom_feed() {
    let dir = folder("json-feed");
    let file = dir.join("status.json");
    fs::write(&file, SEED).unwrap();
    let (atom_out, json_out) = (dir.join("status.atom"), dir.join("status.feed.json"));
    let said = ok(&[
        "feed",
        file.to_str().unwrap(),
        "--out",
        atom_out.to_str().unwrap(),
        "--json-out",
        json_out.to_str().unwrap(),
        "--url",
        "https://status.example.org/status.atom",
    ]);
    assert!(
        said.contains("14 entries written to") && said.contains("(JSON Feed)"),
        "{said}"
    );
    let feed: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(&json_out).unwrap()).unwrap();
    // JSON Feed 1.1's required fields, and the optional ones it should have.
    assert_eq!(feed["version"], "https://jsonfeed.org/version/1.1");
    assert!(feed["title"].as_str().is_some_and(|t| !t.is_empty()));
    assert_eq!(
        feed["feed_url"],
        "https://status.example.org/status.feed.json"
    );
    assert_eq!(
        feed["home_page_url"],
        "https://status.example.org/status.html"
    );
    assert!(feed["authors"][0]["name"].is_string());
    let items = feed["items"].as_array().expect("items");
    for item in items {
        assert!(item["id"].is_string(), "every item has a string id");
        assert!(
            item["content_text"].is_string() || item["content_html"].is_string(),
            "every item has content"
        );
        let published = item["date_published"].as_str().unwrap();
        assert!(
            status_core::model::Timestamp::parse_rfc3339(published).is_ok(),
            "RFC 3339: {published}"
        );
    }
    // The same ids, titles and order as the Atom feed.
    let atom = "http://www.w3.org/2005/Atom";
    let text = fs::read_to_string(&atom_out).unwrap();
    let xml = roxmltree::Document::parse(&text).unwrap();
    let atom_entries: Vec<(String, String)> = xml
        .root_element()
        .children()
        .filter(|n| n.has_tag_name((atom, "entry")))
        .map(|e| {
            let child = |name| {
                e.children()
                    .find(|n| n.has_tag_name((atom, name)))
                    .and_then(|n| n.text())
                    .unwrap_or_default()
                    .to_owned()
            };
            (child("id"), child("title"))
        })
        .collect();
    let json_entries: Vec<(String, String)> = items
        .iter()
        .map(|i| {
            (
                i["id"].as_str().unwrap().to_owned(),
                i["title"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    assert_eq!(json_entries.len(), 14);
    assert_eq!(json_entries, atom_entries);
    assert_eq!(
        items[0]["url"],
        "https://status.example.org/status.html#2024-11-04-new-logins"
    );

    // Only the JSON Feed; neither is a usage error.
    let alone = dir.join("alone.json");
    ok(&[
        "feed",
        file.to_str().unwrap(),
        "--json-out",
        alone.to_str().unwrap(),
    ]);
    assert!(alone.exists() && !dir.join("status.atom.tmp").exists());
    let out = run(&["feed", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn the_status_page_links_both_feeds_by_the_names_the_recipe_writes() {
    let page = fs::read_to_string(repository("www/status.html")).unwrap();
    let recipe = fs::read_to_string(repository("examples/publish/publish.sh")).unwrap();
    for (kind, name) in [
        ("application/atom+xml", "status.atom"),
        ("application/feed+json", "status.feed.json"),
    ] {
        let link = format!("<link rel=\"alternate\" type=\"{kind}\" href=\"{name}\"");
        assert!(page.contains(&link), "status.html has {link}");
        assert!(
            recipe.contains(&format!("/{name}\"")),
            "publish.sh writes {name}"
        );
    }
}
