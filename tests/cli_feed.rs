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
