//! Signed status files and `link-origins` in real browsers. The files and signatures are the
//! command's own (tests/fixtures/signed, remade by its make.sh): an element with `public-key`
//! shows a file only when the signature beside it verifies under one of its keys (WebCrypto
//! Ed25519), and otherwise shows nothing of it and fires `status-widget-error` with kind
//! `signature`: one byte changed, another key, no signature, an older file replayed after a newer
//! one, a format that cannot be signed. Keys rotate by listing two. `link-origins` takes away
//! links that point elsewhere, in the banner and on the page, and keeps their words.
#![cfg(target_arch = "wasm32")]

mod browser_support;
use browser_support::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const KEY_A: &str = include_str!("fixtures/signed/a.pub");
const KEY_B: &str = include_str!("fixtures/signed/b.pub");
const OLDER: &str = include_str!("fixtures/signed/older.json");
const OLDER_SIG: &str = include_str!("fixtures/signed/older.json.sig");
const NEWER: &str = include_str!("fixtures/signed/newer.json");
const NEWER_SIG: &str = include_str!("fixtures/signed/newer.json.sig");
const NEWER_SIG_B: &str = include_str!("fixtures/signed/newer.json.sig-b");
const STATUSPAGE: &str = include_str!("../www/statuspage-summary.json");
const STATUSPAGE_SIG: &str = include_str!("fixtures/signed/statuspage-summary.json.sig");

/// The incident's title in newer.json.
const TITLE: &str = "Sign-in is failing";

/// Serves `doc` as `key` and, when given, `sig` beside it (`key.sig`, where the widget looks).
async fn serve(key: &str, doc: &str, sig: Option<&str>) {
    put(key, doc).await;
    if let Some(sig) = sig {
        put(&format!("{key}.sig"), sig).await;
    }
}

/// Whether this engine's WebCrypto verifies Ed25519 (asked directly, not through the widget).
async fn engine_has_ed25519() -> bool {
    let subtle = web_sys::window().unwrap().crypto().unwrap().subtle();
    let key = js_sys::Uint8Array::from(&[0x3b_u8; 32][..]);
    let usages = js_sys::Array::of1(&"verify".into());
    match subtle.import_key_with_str("raw", &key, "Ed25519", false, &usages) {
        Ok(promise) => wasm_bindgen_futures::JsFuture::from(promise).await.is_ok(),
        Err(_) => false,
    }
}

/// The `status-widget-error` events' details so far, as (kind, message).
fn errors(w: &Mounted) -> Vec<(String, String)> {
    w.events
        .borrow()
        .iter()
        .filter(|(name, _)| name == "status-widget-error")
        .map(|(_, d)| {
            (
                get(d, "kind").as_string().unwrap_or_default(),
                get(d, "message").as_string().unwrap_or_default(),
            )
        })
        .collect()
}

/// Waits for a `signature` error whose message says `why`, and checks that nothing of the file
/// is shown and nothing was thrown into the page.
async fn refused(w: &Mounted, why: &str) {
    wait_until(&format!("a signature error saying `{why}`"), || {
        errors(w)
            .iter()
            .any(|(kind, message)| kind == "signature" && message.contains(why))
    })
    .await;
    assert!(
        !w.text().contains(TITLE),
        "nothing of the file shows: {}",
        w.text()
    );
    assert!(w.find(".item").is_none());
    w.assert_no_uncaught_error();
}

/// Reads the file again now, as the element's `refresh()` does.
fn refresh(w: &Mounted) {
    let event = web_sys::Event::new("status-widget-refresh").unwrap();
    w.host.dispatch_event(&event).unwrap();
}

#[wasm_bindgen_test]
async fn a_signed_file_shows_once_its_signature_verifies() {
    forget_dismissals();
    let key = unique("signed-shows");
    serve(&key, NEWER, Some(NEWER_SIG)).await;
    let w = mount(&[("src", &doc_url(&key)), ("public-key", KEY_A.trim())]);
    if !engine_has_ed25519().await {
        // "Cannot verify" is an error too: nothing unverified is shown.
        refused(&w, "cannot verify Ed25519").await;
        report_skip(
            "a_signed_file_shows_once_its_signature_verifies",
            "this engine's WebCrypto has no Ed25519: checked that it shows nothing and says so",
        )
        .await;
        return;
    }
    wait_until("the signed incident shows", || w.text().contains(TITLE)).await;
    assert_eq!(errors(&w), Vec::<(String, String)>::new());
    // The signature was read beside the file, with the same request options (no credentials).
    let log = requests(&format!("{key}.sig")).await;
    assert_eq!(log.len(), 1, "one read of the signature");
    w.assert_no_uncaught_error();
}

#[wasm_bindgen_test]
async fn a_changed_byte_another_key_or_no_signature_shows_nothing_of_the_file() {
    forget_dismissals();
    let tampered = NEWER.replacen("failing", "failinG", 1);
    assert_ne!(tampered, NEWER);
    let changed = unique("signed-changed-byte");
    serve(&changed, &tampered, Some(NEWER_SIG)).await;
    let other = unique("signed-other-key");
    serve(&other, NEWER, Some(NEWER_SIG_B)).await;
    let missing = unique("signed-missing");
    serve(&missing, NEWER, None).await;
    let garbage = unique("signed-garbage");
    serve(&garbage, NEWER, Some("<html>Not found</html>")).await;
    let has_ed25519 = engine_has_ed25519().await;
    let mismatch = if has_ed25519 {
        "does not match"
    } else {
        "cannot verify Ed25519"
    };
    let widgets = [
        (
            mount(&[("src", &doc_url(&changed)), ("public-key", KEY_A.trim())]),
            mismatch,
        ),
        (
            mount(&[("src", &doc_url(&other)), ("public-key", KEY_A.trim())]),
            mismatch,
        ),
        (
            mount(&[("src", &doc_url(&missing)), ("public-key", KEY_A.trim())]),
            "no signature beside the file",
        ),
        (
            mount(&[("src", &doc_url(&garbage)), ("public-key", KEY_A.trim())]),
            "not an Ed25519 signature",
        ),
        // A key that is not a key never lets a file through.
        (
            mount(&[
                ("src", &doc_url(&other)),
                ("public-key", "ed25519:tooShort"),
            ]),
            "is not a public key",
        ),
    ];
    for (w, why) in &widgets {
        refused(w, why).await;
    }
}

#[wasm_bindgen_test]
async fn an_older_signed_file_replayed_after_a_newer_one_is_refused() {
    forget_dismissals();
    if !engine_has_ed25519().await {
        report_skip(
            "an_older_signed_file_replayed_after_a_newer_one_is_refused",
            "this engine's WebCrypto has no Ed25519",
        )
        .await;
        return;
    }
    let key = unique("signed-replay");
    serve(&key, NEWER, Some(NEWER_SIG)).await;
    let w = mount(&[("src", &doc_url(&key)), ("public-key", KEY_A.trim())]);
    wait_until("the newer file shows", || w.text().contains(TITLE)).await;
    // Whoever can write the host serves the older "all clear", correctly signed.
    serve(&key, OLDER, Some(OLDER_SIG)).await;
    refresh(&w);
    wait_until("the replay is refused", || {
        errors(&w)
            .iter()
            .any(|(k, m)| k == "signature" && m.contains("before the one already shown"))
    })
    .await;
    assert!(
        w.text().contains(TITLE),
        "the newer status stays: {}",
        w.text()
    );
    // A second element for the same file and keys, added later, refuses it too.
    let late = mount(&[("src", &doc_url(&key)), ("public-key", KEY_A.trim())]);
    refused(&late, "before the one already shown").await;
    // The newer file again is shown again.
    serve(&key, NEWER, Some(NEWER_SIG)).await;
    refresh(&late);
    wait_until("the newer file shows again", || late.text().contains(TITLE)).await;
    w.assert_no_uncaught_error();
}

#[wasm_bindgen_test]
async fn keys_rotate_by_listing_both_and_other_formats_are_refused() {
    forget_dismissals();
    let by_b = unique("signed-rotation");
    serve(&by_b, NEWER, Some(NEWER_SIG_B)).await;
    let foreign = unique("signed-statuspage");
    serve(&foreign, STATUSPAGE, Some(STATUSPAGE_SIG)).await;
    let both = format!("{} {}", KEY_A.trim(), KEY_B.trim());
    let rotated = mount(&[("src", &doc_url(&by_b)), ("public-key", &both)]);
    let statuspage = mount(&[("src", &doc_url(&foreign)), ("public-key", KEY_A.trim())]);
    let asked = mount(&[
        ("src", &doc_url(&foreign)),
        ("public-key", KEY_A.trim()),
        ("format", "statuspage"),
    ]);
    if engine_has_ed25519().await {
        wait_until("the file signed with the new key shows", || {
            rotated.text().contains(TITLE)
        })
        .await;
        assert_eq!(errors(&rotated), Vec::<(String, String)>::new());
        refused(&statuspage, "cannot be signed").await;
    } else {
        refused(&rotated, "cannot verify Ed25519").await;
        report_skip(
            "keys_rotate_by_listing_both_and_other_formats_are_refused",
            "this engine's WebCrypto has no Ed25519: rotation not checked",
        )
        .await;
    }
    // Asked for by name, another format is refused before anything is verified.
    refused(&asked, "cannot be signed").await;
}

/// A status file with an incident and three contacts: mail, the team's help desk, and a
/// "sign in here" link elsewhere (what a forged file would add).
fn doc_with_links() -> String {
    let doc = incident_doc(
        "links",
        "Sign-in is failing",
        "major",
        "investigating",
        &["Looking."],
    );
    doc.replace(
        r#""contact": [{"label": "Email support", "href": "mailto:support@example.org"}]"#,
        r#""contact": [{"label": "Email support", "href": "mailto:support@example.org"},
                       {"label": "Help desk", "href": "https://help.example.org/desk"},
                       {"label": "Sign in here instead", "href": "https://login.evil.test/"}]"#,
    )
}

#[wasm_bindgen_test]
async fn link_origins_takes_away_links_elsewhere_in_the_banner_and_on_the_page() {
    forget_dismissals();
    let key = unique("link-origins");
    serve(&key, &doc_with_links(), None).await;
    let origins = "https://help.example.org mailto:";
    let banner = mount(&[("src", &doc_url(&key)), ("link-origins", origins)]);
    let page = mount(&[
        ("src", &doc_url(&key)),
        ("link-origins", origins),
        ("mode", "page"),
    ]);
    let open = mount(&[("src", &doc_url(&key))]);
    for w in [&banner, &page, &open] {
        wait_until("the contacts show", || w.find(".contact").is_some()).await;
    }
    let hrefs = |w: &Mounted| -> Vec<String> {
        w.find_all(".contact a")
            .iter()
            .filter_map(|a| a.get_attribute("href"))
            .collect()
    };
    for w in [&banner, &page] {
        assert_eq!(
            hrefs(w),
            [
                "mailto:support@example.org",
                "https://help.example.org/desk"
            ]
        );
        let contact = w.find(".contact").unwrap().text_content().unwrap();
        assert!(
            contact.contains("Sign in here instead"),
            "the words stay: {contact}"
        );
        let links = w.find_all("a[href]");
        assert!(
            links
                .iter()
                .all(|a| !a.get_attribute("href").unwrap().contains("evil.test")),
            "no link anywhere points elsewhere"
        );
        // The status page the file names is elsewhere too: its link goes.
        assert!(links.iter().all(|a| !a
            .get_attribute("href")
            .unwrap()
            .contains("status.example.org")));
    }
    // Without the attribute every link stays, as before.
    assert_eq!(hrefs(&open).len(), 3);
    banner.assert_no_uncaught_error();
}
