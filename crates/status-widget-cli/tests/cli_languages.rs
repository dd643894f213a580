//! `--lang` on every editing command, `feed` per language, `import` keeping the source's
//! language and `notify` destinations in a language: written, then read back as a reader of
//! each language reads them.
#![cfg(not(target_arch = "wasm32"))]

mod cli_support;
use cli_support::*;
use serde_json::{json, Value};
use status_core::formats::{load_str_in, Format, Loaded};
use std::fs;
use std::path::Path;

/// The status file as a reader who wants `lang` reads it; it must be valid.
fn read_in(file: &Path, lang: &str) -> Loaded {
    let loaded = load_str_in(&fs::read_to_string(file).unwrap(), Format::Auto, lang).unwrap();
    assert!(loaded.is_valid(), "{:?}", loaded.problems);
    loaded
}

/// A folder holding an English status file (`language: en`) as it stood before the week.
fn english_file(name: &str) -> (std::path::PathBuf, std::path::PathBuf) {
    let (dir, file) = week_file(name);
    let mut doc = read_json(&file);
    doc["language"] = json!("en");
    write_json(&file, &doc);
    (dir, file)
}

#[test]
fn lang_adds_german_to_an_incident_through_open_update_resolve_and_edit() {
    let (_dir, file) = english_file("lang-incident");
    let f = file.to_str().unwrap();
    let id = "2024-11-05-safari";
    ok(&[
        "incident",
        "open",
        "-f",
        f,
        "--id",
        id,
        "--title",
        "Sign-in failing on Safari and iPad",
        "--impact",
        "major",
        "--message",
        "First report of login issues with iPads.",
        "--at",
        "2024-11-05T09:27:00Z",
    ]);
    // The German words of what `open` wrote: its title and first update.
    let said = ok(&[
        "incident",
        "open",
        "-f",
        f,
        "--lang",
        "de",
        "--id",
        id,
        "--title",
        "Anmeldung schlägt auf Safari und iPad fehl",
        "--message",
        "Erste Meldung über Anmeldeprobleme auf iPads.",
    ]);
    assert!(
        said.contains(&format!("incident {id}: de words added")),
        "{said}"
    );
    // An English update goes out at once; what is not yet in German is said, not refused.
    let said = ok(&[
        "incident",
        "update",
        id,
        "-f",
        f,
        "--status",
        "identified",
        "--message",
        "Issue with Safari and iOS identified.",
        "--at",
        "2024-11-05T09:37:00Z",
    ]);
    assert!(
        said.contains(
            "not yet in every language: incidents[0].updates: de: 1 of 2 updates not translated"
        ),
        "{said}"
    );
    // The newest update, and one named by its time (written with another offset).
    ok(&[
        "incident",
        "update",
        id,
        "-f",
        f,
        "--lang",
        "de",
        "--latest",
        "--message",
        "Problem mit Safari und iOS erkannt.",
    ]);
    ok(&[
        "incident",
        "update",
        id,
        "-f",
        f,
        "--lang",
        "de",
        "--at",
        "2024-11-05T10:27:00+01:00",
        "--message",
        "Erste Meldung über Anmeldeprobleme auf iPads (berichtigt).",
    ]);
    ok(&[
        "incident",
        "resolve",
        id,
        "-f",
        f,
        "--message",
        "Fixed.",
        "--at",
        "2024-11-05T10:45:00Z",
    ]);
    ok(&[
        "incident",
        "resolve",
        id,
        "-f",
        f,
        "--lang",
        "de",
        "--message",
        "Behoben.",
    ]);
    ok(&[
        "incident",
        "edit",
        id,
        "-f",
        f,
        "--summary",
        "Third-party cookies were blocked.",
        "--lesson",
        "Test on all device types.",
    ]);
    ok(&[
        "incident",
        "edit",
        id,
        "-f",
        f,
        "--lang",
        "de",
        "--summary",
        "Drittanbieter-Cookies wurden blockiert.",
        "--lesson",
        "Auf allen Gerätetypen testen.",
    ]);

    let de = read_in(&file, "de-AT");
    let incident = &de.document.incidents[0];
    assert_eq!(incident.title, "Anmeldung schlägt auf Safari und iPad fehl");
    assert_eq!(incident.title.lang.as_deref(), Some("de"));
    let bodies: Vec<&str> = incident.updates.iter().map(|u| u.body.as_str()).collect();
    assert_eq!(
        bodies,
        [
            "Erste Meldung über Anmeldeprobleme auf iPads (berichtigt).",
            "Problem mit Safari und iOS erkannt.",
            "Behoben."
        ]
    );
    assert_eq!(
        incident.summary.as_ref().unwrap(),
        "Drittanbieter-Cookies wurden blockiert."
    );
    assert_eq!(incident.lessons[0], "Auf allen Gerätetypen testen.");
    // An English reader reads what the English edits wrote; nothing was lost.
    let en = read_in(&file, "en-GB");
    let incident = &en.document.incidents[0];
    assert_eq!(incident.title, "Sign-in failing on Safari and iPad");
    assert_eq!(incident.updates[2].body, "Fixed.");
    assert_eq!(incident.lessons[0].lang.as_deref(), Some("en"));
    // Translating changed no status and added no update.
    assert_eq!(incident.updates.len(), 3);
    assert_eq!(read_json(&file)["incidents"][0]["status"], "resolved");
    // Rewording the English keeps the German.
    ok(&[
        "incident",
        "edit",
        id,
        "-f",
        f,
        "--title",
        "Sign-in failed on Safari and iPad",
    ]);
    let title = &read_json(&file)["incidents"][0]["title"];
    assert_eq!(
        title,
        &json!({ "en": "Sign-in failed on Safari and iPad", "de": "Anmeldung schlägt auf Safari und iPad fehl" })
    );
}

#[test]
fn lang_adds_german_to_notices_and_maintenance() {
    let (_dir, file) = english_file("lang-notice");
    let f = file.to_str().unwrap();
    ok(&[
        "notice",
        "add",
        "-f",
        f,
        "--id",
        "exams",
        "--title",
        "Exam week",
        "--message",
        "Expect heavy use.",
    ]);
    ok(&[
        "notice",
        "add",
        "-f",
        f,
        "--lang",
        "de",
        "--id",
        "exams",
        "--title",
        "Prüfungswoche",
        "--message",
        "Mit hoher Last ist zu rechnen.",
    ]);
    ok(&[
        "maintenance",
        "schedule",
        "-f",
        f,
        "--id",
        "db",
        "--title",
        "Database upgrade",
        "--starts-at",
        "2030-01-01T06:00:00Z",
        "--ends-at",
        "2030-01-01T07:00:00Z",
        "--message",
        "Sign-in is paused.",
    ]);
    ok(&[
        "maintenance",
        "schedule",
        "-f",
        f,
        "--lang",
        "de",
        "--id",
        "db",
        "--title",
        "Datenbank-Upgrade",
        "--starts-at",
        "2030-01-01T06:00:00Z",
        "--ends-at",
        "2030-01-01T07:00:00Z",
        "--message",
        "Die Anmeldung ruht.",
    ]);
    ok(&[
        "maintenance",
        "start",
        "db",
        "-f",
        f,
        "--message",
        "Under way.",
        "--at",
        "2030-01-01T06:00:00Z",
    ]);
    ok(&[
        "maintenance",
        "start",
        "db",
        "-f",
        f,
        "--lang",
        "de",
        "--message",
        "Läuft.",
    ]);
    ok(&[
        "maintenance",
        "complete",
        "db",
        "-f",
        f,
        "--message",
        "Done.",
        "--at",
        "2030-01-01T06:50:00Z",
    ]);
    ok(&[
        "maintenance",
        "complete",
        "db",
        "-f",
        f,
        "--lang",
        "de",
        "--message",
        "Fertig.",
    ]);

    let de = read_in(&file, "de");
    let notice = &de.document.notices[0];
    assert_eq!(
        (
            notice.title.as_str(),
            notice.body.as_ref().unwrap().as_str()
        ),
        ("Prüfungswoche", "Mit hoher Last ist zu rechnen.")
    );
    let m = &de.document.maintenances[0];
    assert_eq!(m.title, "Datenbank-Upgrade");
    assert_eq!(m.body.as_ref().unwrap(), "Die Anmeldung ruht.");
    let notes: Vec<&str> = m.updates.iter().map(|u| u.body.as_str()).collect();
    assert_eq!(notes, ["Läuft.", "Fertig."]);
    let en = read_in(&file, "en");
    assert_eq!(en.document.notices[0].title, "Exam week");
    assert_eq!(en.document.maintenances[0].updates[1].body, "Done.");
    assert_eq!(read_json(&file)["maintenances"][0]["status"], "completed");
}

#[test]
fn lang_never_creates_an_entry_without_the_files_language_nor_guesses_a_files_language() {
    let (_dir, file) = english_file("lang-refused");
    refused(
        &file,
        &[
            "incident",
            "open",
            "--lang",
            "de",
            "--id",
            "new",
            "--title",
            "Neu",
            "--impact",
            "minor",
            "--message",
            "x",
        ],
        "incident new does not exist yet: write it in the file's language (en) first",
    );
    refused(
        &file,
        &["notice", "add", "--lang", "de", "--title", "Neu"],
        "the notice does not exist yet",
    );
    refused(
        &file,
        &[
            "incident",
            "open",
            "--lang",
            "Deutsch",
            "--title",
            "x",
            "--message",
            "x",
        ],
        "not a language tag",
    );
    // A file that does not say its language cannot be told apart from a translation.
    let (_dir, plain) = week_file("lang-no-language");
    refused(
        &plain,
        &[
            "notice", "add", "--lang", "de", "--id", "x", "--title", "Neu",
        ],
        "add \"language\": \"en\"",
    );
    // `init --lang` starts a file that says its language, right after its version.
    let dir = folder("lang-init");
    let file = dir.join("status.json");
    ok(&[
        "init",
        "--file",
        file.to_str().unwrap(),
        "--name",
        "Beispiel",
        "--lang",
        "de",
    ]);
    let text = fs::read_to_string(&file).unwrap();
    assert!(
        text.starts_with("{\n  \"version\": 1,\n  \"language\": \"de\","),
        "{text}"
    );
    ok(&[
        "notice",
        "add",
        "-f",
        file.to_str().unwrap(),
        "--lang",
        "de",
        "--id",
        "x",
        "--title",
        "Neu",
    ]);
    ok(&[
        "notice",
        "add",
        "-f",
        file.to_str().unwrap(),
        "--lang",
        "en",
        "--id",
        "x",
        "--title",
        "New",
    ]);
    assert_eq!(
        read_json(&file)["notices"][0]["title"],
        json!({ "de": "Neu", "en": "New" })
    );
    let out = run(&[
        "init",
        "--file",
        dir.join("other.json").to_str().unwrap(),
        "--name",
        "x",
        "--lang",
        "Deutsch",
    ]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn feed_writes_one_atom_and_one_json_feed_per_language_linked_from_the_status_page() {
    let dir = folder("lang-feed");
    let file = dir.join("status.json");
    fs::copy(repository("tests/fixtures/seed-bilingual.json"), &file).unwrap();
    let page = dir.join("status.html");
    fs::copy(repository("www/status.html"), &page).unwrap();
    let (atom, json_out) = (dir.join("status.atom"), dir.join("status.feed.json"));
    let said = ok(&[
        "feed",
        file.to_str().unwrap(),
        "--out",
        atom.to_str().unwrap(),
        "--json-out",
        json_out.to_str().unwrap(),
        "--url",
        "https://status.example.org/status.atom",
        "--page",
        page.to_str().unwrap(),
    ]);
    assert!(
        said.contains("14 entries written to") && said.contains("(Atom, de)"),
        "{said}"
    );
    let ns = "http://www.w3.org/2005/Atom";
    for (name, lang, title) in [
        (
            "status.atom",
            "en",
            "Incident related to new logins: resolved",
        ),
        (
            "status.de.atom",
            "de",
            "Störung bei neuen Anmeldungen: resolved",
        ),
    ] {
        let text = fs::read_to_string(dir.join(name)).unwrap();
        let xml = roxmltree::Document::parse(&text).expect("well-formed XML");
        let feed = xml.root_element();
        assert_eq!(
            feed.attribute(("http://www.w3.org/XML/1998/namespace", "lang")),
            Some(lang)
        );
        let entries: Vec<_> = feed
            .children()
            .filter(|n| n.has_tag_name((ns, "entry")))
            .collect();
        assert_eq!(entries.len(), 14, "{name}");
        let first = entries[0]
            .children()
            .find(|n| n.has_tag_name((ns, "title")))
            .unwrap();
        assert_eq!(first.text(), Some(title), "{name}");
        let own = feed
            .children()
            .find(|n| n.attribute("rel") == Some("self"))
            .unwrap();
        assert_eq!(
            own.attribute("href"),
            Some(format!("https://status.example.org/{name}").as_str())
        );
    }
    for (name, lang) in [("status.feed.json", "en"), ("status.feed.de.json", "de")] {
        let feed: Value =
            serde_json::from_str(&fs::read_to_string(dir.join(name)).unwrap()).unwrap();
        assert_eq!(feed["version"], "https://jsonfeed.org/version/1.1");
        assert_eq!(feed["language"], lang);
        assert_eq!(
            feed["feed_url"],
            format!("https://status.example.org/{name}")
        );
        let items = feed["items"].as_array().unwrap();
        assert_eq!(items.len(), 14);
        for item in items {
            for field in ["id", "title", "content_text", "date_published"] {
                assert!(item[field].is_string(), "{name}: {field}");
            }
        }
    }
    // The German feed carries the update left in English as it is.
    let german = fs::read_to_string(dir.join("status.de.atom")).unwrap();
    assert!(german.contains("Two users reported issues via email."));
    assert!(german.contains("Die Probleme sind vollständig behoben."));
    // The status page links each feed with its language, once, in its head.
    let html = fs::read_to_string(&page).unwrap();
    for (href, lang) in [
        ("status.atom", "en"),
        ("status.de.atom", "de"),
        ("status.feed.json", "en"),
        ("status.feed.de.json", "de"),
    ] {
        let link = format!("hreflang=\"{lang}\" href=\"{href}\"");
        assert_eq!(html.matches(&link).count(), 1, "{link} in\n{html}");
    }
    assert_eq!(html.matches("<link rel=\"alternate\"").count(), 4, "{html}");
    let head_end = html.find("</head>").unwrap();
    assert!(html.find("status.feed.de.json").unwrap() < head_end);
    // Run again: the block is rewritten, not added twice.
    ok(&[
        "feed",
        file.to_str().unwrap(),
        "--out",
        atom.to_str().unwrap(),
        "--page",
        page.to_str().unwrap(),
    ]);
    let again = fs::read_to_string(&page).unwrap();
    assert_eq!(again.matches("<!-- status-widget feeds -->").count(), 1);
    assert_eq!(
        again.matches("<link rel=\"alternate\"").count(),
        2,
        "{again}"
    );
}

#[test]
fn import_keeps_the_sources_language_and_notify_speaks_each_destinations() {
    // cState names its site's language (`languageCode`); the import keeps it.
    let dir = folder("lang-import");
    let source = dir.join("index.json");
    write_json(
        &source,
        &json!({
            "is": "index",
            "languageCode": "de",
            "title": "Beispiel-Status",
            "summaryStatus": "disrupted",
            "systems": [{ "name": "Anmeldung", "status": "disrupted", "unresolvedIssues": [
                { "title": "Anmeldung gestört", "createdAt": "2024-11-05T09:27:00Z",
                  "permalink": "https://status.example.org/issues/1/", "severity": "disrupted",
                  "resolved": false, "affected": ["Anmeldung"] } ] }],
        }),
    );
    let out = dir.join("status.json");
    ok(&[
        "import",
        source.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    let imported = read_json(&out);
    assert_eq!(imported["language"], "de");
    let read = read_in(&out, "en");
    assert_eq!(read.document.language.as_deref(), Some("de"));
    assert_eq!(read.document.incidents[0].title.lang.as_deref(), Some("de"));

    // A format v1 file in several languages is not imported: that would keep one language only.
    let bilingual = repository("tests/fixtures/seed-bilingual.json");
    let out = run(&[
        "import",
        bilingual.to_str().unwrap(),
        "--out",
        dir.join("copy.json").to_str().unwrap(),
    ]);
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("with texts in en, de: copy it rather than import it"),
        "{}",
        text(&out.stderr)
    );
    assert!(!dir.join("copy.json").exists());

    // notify: one destination reads English, one German, from the same change.
    let (dir, file) = english_file("lang-notify");
    let f = file.to_str().unwrap();
    ok(&[
        "incident",
        "open",
        "-f",
        f,
        "--id",
        "safari",
        "--title",
        "Sign-in failing",
        "--impact",
        "major",
        "--message",
        "Investigating.",
    ]);
    ok(&[
        "incident",
        "open",
        "-f",
        f,
        "--lang",
        "de",
        "--id",
        "safari",
        "--title",
        "Anmeldung schlägt fehl",
        "--message",
        "Wir untersuchen das.",
    ]);
    write_json(
        &dir.join("status.notify.json"),
        &json!({"destinations": [
            {"name": "team", "kind": "slack", "url": "https://hooks.example.org/en"},
            {"name": "kollegium", "kind": "slack", "url": "https://hooks.example.org/de", "language": "de"},
        ]}),
    );
    fs::copy(dir.join("status.json"), dir.join("since.json")).unwrap();
    let mut before = read_json(&file);
    before["incidents"] = json!([]);
    write_json(&dir.join("since.json"), &before);
    let said = ok(&[
        "notify",
        "--file",
        f,
        "--since",
        dir.join("since.json").to_str().unwrap(),
        "--dry-run",
    ]);
    let (team, kollegium) = said.split_once("would post to kollegium").expect(&said);
    assert!(
        team.contains("Sign-in failing") && !team.contains("Anmeldung"),
        "{team}"
    );
    assert!(
        kollegium.contains("Anmeldung schlägt fehl") && kollegium.contains("Wir untersuchen das."),
        "{kollegium}"
    );
    // A language that is not a tag is refused with the settings.
    write_json(
        &dir.join("status.notify.json"),
        &json!({"destinations": [
            {"kind": "slack", "url": "https://hooks.example.org/de", "language": "Deutsch"},
        ]}),
    );
    let out = run(&[
        "notify",
        "--file",
        f,
        "--since",
        dir.join("since.json").to_str().unwrap(),
        "--dry-run",
    ]);
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("`Deutsch` is not a language tag"),
        "{}",
        text(&out.stderr)
    );
}
