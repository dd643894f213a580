//! Where the banner sits (`placement`), in real browsers: `top`, a bar pinned to the viewport's
//! top, and `toast`, a card in its bottom corner, take no layout space (nothing on the page moves
//! when they come or go), stay dismissible, and move focus to the next item's dismiss button
//! after a dismissal; `inline` stays in the flow.
#![cfg(target_arch = "wasm32")]

mod browser_support;
use browser_support::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Two active incidents.
fn two_incidents() -> String {
    format!(
        r#"{{"version": 1, "service": {{"name": "Test app"}},
            "incidents": [
              {{"id": "{a}", "title": "Login fails", "impact": "major", "status": "identified", "started_at": "{t}"}},
              {{"id": "{b}", "title": "Grading is slow", "impact": "minor", "status": "monitoring", "started_at": "{t}"}}]}}"#,
        a = unique("a"),
        b = unique("b"),
        t = minutes_from_now(-20),
    )
}

fn rect(element: &web_sys::Element) -> web_sys::DomRect {
    element.get_bounding_client_rect()
}

fn viewport() -> (f64, f64) {
    let window = web_sys::window().unwrap();
    let size = |v: Result<wasm_bindgen::JsValue, _>| v.unwrap().as_f64().unwrap();
    (size(window.inner_width()), size(window.inner_height()))
}

/// The element's own child, a line of the page's (its fallback content).
fn page_line(w: &Mounted) -> web_sys::Element {
    let document = web_sys::window().unwrap().document().unwrap();
    let line = document.create_element("p").unwrap();
    line.set_text_content(Some("Trouble signing in? See the service status."));
    w.host.append_child(&line).unwrap();
    line
}

fn focused_in(w: &Mounted) -> Option<web_sys::Element> {
    w.shadow().active_element()
}

#[wasm_bindgen_test]
async fn a_top_bar_and_a_toast_take_no_layout_space_and_move_nothing_on_the_page() {
    for placement in ["top", "toast"] {
        let key = unique(placement);
        put(&key, &two_incidents()).await;
        let w = mount(&[("src", &doc_url(&key)), ("placement", placement)]);
        let line = page_line(&w);
        // The login form sits below the page's header, out of the bar's way (README: "Placement").
        let document = web_sys::window().unwrap().document().unwrap();
        let header = document.create_element("div").unwrap();
        header.set_attribute("style", "height: 60vh").unwrap();
        document.body().unwrap().append_child(&header).unwrap();
        let input = login_field();
        wait_until("the page's line shows", || rect(&line).height() > 0.0).await;
        let before = (rect(&line).top(), rect(&input).top(), w.height());
        wait_until("the banner shows", || w.find(".item").is_some()).await;
        let after = (rect(&line).top(), rect(&input).top(), w.height());
        assert_eq!(before, after, "{placement}: nothing on the page moved");
        assert!(
            rect(&line).height() > 0.0,
            "{placement}: the page's own line stays"
        );

        let banner = w.find(".banner").unwrap();
        assert_eq!(computed(&banner, "position"), "fixed");
        let (width, height) = viewport();
        let b = rect(&banner);
        if placement == "top" {
            assert!(
                b.top().abs() < 1.0 && b.left().abs() < 1.0,
                "top: at the viewport's top"
            );
            assert!(
                (b.width() - width).abs() < 20.0,
                "top: across the viewport ({})",
                b.width()
            );
            assert!(
                b.height() <= height / 2.0 + 1.0,
                "top: at most half the height"
            );
        } else {
            assert!(
                b.bottom() <= height && b.bottom() > height - 40.0,
                "toast: at the bottom"
            );
            assert!(
                b.right() <= width && b.right() > width - 40.0,
                "toast: in the corner"
            );
            assert!(b.width() <= 24.0 * 16.0 + 1.0, "toast: a card");
        }
        assert_login_field_works(&input);
        input.remove();
        header.remove();

        // Over the page, one item at a time ("and 1 more"); dismissible, and focus goes on to
        // the next item's button.
        assert_eq!(w.find_all(".item").len(), 1, "{placement}");
        assert_eq!(
            w.find("button.more")
                .and_then(|b| b.text_content())
                .as_deref(),
            Some("and 1 more")
        );
        let title = || w.find(".item .title strong").and_then(|t| t.text_content());
        assert_eq!(title().as_deref(), Some("Login fails"));
        let first = w.find("button.dismiss").unwrap();
        first
            .unchecked_ref::<web_sys::HtmlElement>()
            .focus()
            .unwrap();
        first.unchecked_ref::<web_sys::HtmlElement>().click();
        wait_until("the next item shows", || {
            title().as_deref() == Some("Grading is slow")
        })
        .await;
        wait_until("focus moves on to the next dismiss button", || {
            focused_in(&w).is_some_and(|f| f.class_list().contains("dismiss"))
        })
        .await;
        // …and stays there.
        sleep(1_200).await;
        assert!(
            focused_in(&w).is_some_and(|f| f.class_list().contains("dismiss")),
            "{placement}: focus stays on the next dismiss button"
        );
        let focused = focused_in(&w).unwrap();
        focused.unchecked_ref::<web_sys::HtmlElement>().click();
        wait_until("the banner is gone", || w.find(".banner").is_none()).await;
        assert!(rect(&line).height() > 0.0);
        w.assert_no_uncaught_error();
    }
    forget_dismissals();
}

#[wasm_bindgen_test]
async fn inline_stays_in_the_flow_and_a_bad_placement_falls_back_to_it() {
    let key = unique("inline");
    put(&key, &two_incidents()).await;
    let w = mount(&[("src", &doc_url(&key)), ("placement", "sideways")]);
    wait_until("the banner shows", || w.find(".item").is_some()).await;
    assert!(
        w.height() > 0.0,
        "in the flow: the element has the banner's height"
    );
    assert_eq!(computed(&w.find(".banner").unwrap(), "position"), "static");
    assert!(w.find(".theme.placement-inline").is_some());
}

#[wasm_bindgen_test]
async fn an_out_of_date_note_over_the_page_can_be_put_away() {
    let key = unique("stale");
    put(
        &key,
        r#"{"version": 1, "updated_at": "2020-01-01T00:00:00Z", "incidents": []}"#,
    )
    .await;
    let w = mount(&[
        ("src", &doc_url(&key)),
        ("placement", "top"),
        ("max-age", "60"),
    ]);
    wait_until("the note shows", || w.find(".unknown").is_some()).await;
    let button = w.find(".unknown button.dismiss").expect("a dismiss button");
    assert_eq!(
        button.get_attribute("aria-label").as_deref(),
        Some("Dismiss: Status unknown")
    );
    button.unchecked_ref::<web_sys::HtmlElement>().click();
    wait_until("the note is gone", || w.find(".unknown").is_none()).await;

    // In the flow the note stays: it takes its own place and hides nothing.
    let inline = mount(&[("src", &doc_url(&key)), ("max-age", "60")]);
    wait_until("the note shows", || inline.find(".unknown").is_some()).await;
    assert!(inline.find(".unknown button").is_none());
}
