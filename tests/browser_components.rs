//! One component at a time, the yew way: mount it into a fresh element with the props a test
//! builds from a fixture, flush yew's scheduler, and look at the DOM. Faster and narrower than
//! the widget tests (no element, no fetch, no poller); they prove the whole.
#![cfg(target_arch = "wasm32")]

mod browser_support;
use browser_support::{english, Rendered};
use status_core::formats::{load_str, Format};
use status_core::model::Timestamp;
use status_core::view::{derive, Overall, StatusView, ViewSettings};
use status_widget::components::{Banner, BannerProps, Indicator, IndicatorProps};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use yew::Callback;

wasm_bindgen_test_configure!(run_in_browser);

const ACTIVE: &str = include_str!("fixtures/native-active.json");
const SEED: &str = include_str!("../www/status.json");

fn view(text: &str, at: &str, settings: ViewSettings) -> Rc<StatusView> {
    let doc = Rc::new(load_str(text, Format::Auto).unwrap().document);
    Rc::new(derive(
        &doc,
        &settings,
        Timestamp::parse_rfc3339(at).unwrap(),
    ))
}

fn banner(view: Rc<StatusView>) -> BannerProps {
    BannerProps {
        view,
        dismissed: Rc::new(Vec::new()),
        on_dismiss: Callback::noop(),
        locale: english(),
        placement: Default::default(),
        container: Default::default(),
    }
}

#[wasm_bindgen_test]
async fn the_banner_shows_the_first_two_items_and_counts_the_rest() {
    let active = view(ACTIVE, "2024-11-05T10:00:00Z", ViewSettings::default());
    assert_eq!(active.active.len(), 7);
    let b = Rendered::<Banner>::new(banner(active)).await;
    assert_eq!(
        b.texts(".item .title strong"),
        ["Login fails on iPad and Safari", "Slow pages"]
    );
    assert_eq!(b.texts("button.more"), ["and 5 more"]);
    assert_eq!(
        b.attribute(".banner", "role"),
        None,
        "the widget's live regions announce; the banner is not one"
    );
    assert_eq!(b.texts(".contact a").len(), 1);
}

#[wasm_bindgen_test]
async fn the_banner_hides_a_dismissed_item_and_leaves_the_page_content_when_quiet() {
    let active = view(ACTIVE, "2024-11-05T10:00:00Z", ViewSettings::default());
    let mut props = banner(active.clone());
    props.dismissed = Rc::new(vec![active.active[0].key.clone()]);
    let b = Rendered::<Banner>::new(props).await;
    assert_eq!(b.texts(".item .title strong")[0], "Slow pages");

    let quiet = Rendered::<Banner>::new(banner(view(
        SEED,
        "2024-11-05T10:00:00Z",
        ViewSettings::default(),
    )))
    .await;
    let rendered: Vec<String> = quiet
        .all("*")
        .iter()
        .map(|element| element.tag_name().to_lowercase())
        .collect();
    assert_eq!(
        rendered,
        ["slot"],
        "a quiet banner renders only the slot for the element's own children"
    );
}

#[wasm_bindgen_test]
async fn a_stale_view_says_status_unknown_instead_of_items() {
    let stale = view(
        ACTIVE,
        "2024-11-06T10:00:00Z",
        ViewSettings {
            max_age_ms: Some(3_600_000),
            ..ViewSettings::default()
        },
    );
    assert_eq!(stale.overall, Overall::Unknown);
    let b = Rendered::<Banner>::new(banner(stale)).await;
    assert!(b.texts(".item").is_empty());
    assert!(b.texts(".unknown")[0].starts_with("Status unknown"));
    assert_eq!(
        b.attribute(".unknown a", "href").as_deref(),
        Some("https://status.example.org/")
    );
}

#[wasm_bindgen_test]
async fn the_indicator_names_the_level_and_links_the_status_page() {
    let active = view(ACTIVE, "2024-11-05T10:00:00Z", ViewSettings::default());
    let i = Rendered::<Indicator>::new(IndicatorProps {
        overall: Some(active.overall),
        status_page: active.status_page.clone().map(Into::into),
        locale: english(),
    })
    .await;
    let indicator = i.root.query_selector(".indicator").unwrap().unwrap();
    assert!(indicator.class_list().contains("level-major"));
    assert_eq!(i.texts(".summary"), ["Partial outage"]);
    assert_eq!(
        i.attribute("a.link", "href").as_deref(),
        Some("https://status.example.org/")
    );
    let unavailable = Rendered::<Indicator>::new(IndicatorProps {
        overall: None,
        status_page: None,
        locale: english(),
    })
    .await;
    assert!(unavailable
        .root
        .query_selector(".indicator")
        .unwrap()
        .unwrap()
        .dyn_into::<web_sys::Element>()
        .unwrap()
        .class_list()
        .contains("level-unknown"));
}
