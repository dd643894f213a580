//! One component at a time, the yew way: mount it into a fresh element with the props a test
//! builds from a fixture, flush yew's scheduler, and look at the DOM. Faster and narrower than
//! the widget tests (no element, no fetch, no poller); they prove the whole.
#![cfg(target_arch = "wasm32")]

use status_widget::components::{Banner, BannerProps, Indicator, IndicatorProps, Locale};
use status_widget::i18n::strings_for;
use status_widget::io::intl::TimeFormatter;
use status_widget::model::{load_str, Format, Timestamp};
use status_widget::view::{derive, StatusView, ViewSettings};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use yew::{AppHandle, BaseComponent, Callback};

wasm_bindgen_test_configure!(run_in_browser);

const ACTIVE: &str = include_str!("fixtures/native-active.json");
const SEED: &str = include_str!("../www/status.json");

/// A component mounted in a fresh element of the page; dropping it unmounts it.
struct Mounted<C: BaseComponent> {
    root: web_sys::Element,
    app: Option<AppHandle<C>>,
}

impl<C: BaseComponent> Mounted<C> {
    async fn new(props: C::Properties) -> Self {
        let document = web_sys::window().unwrap().document().unwrap();
        let root = document.create_element("div").unwrap();
        document.body().unwrap().append_child(&root).unwrap();
        let app = yew::Renderer::<C>::with_root_and_props(root.clone(), props).render();
        yew::scheduler::flush().await;
        Mounted {
            root,
            app: Some(app),
        }
    }

    fn texts(&self, selector: &str) -> Vec<String> {
        let list = self.root.query_selector_all(selector).unwrap();
        (0..list.length())
            .map(|i| list.item(i).unwrap().text_content().unwrap_or_default())
            .collect()
    }

    fn attribute(&self, selector: &str, name: &str) -> Option<String> {
        self.root
            .query_selector(selector)
            .unwrap()?
            .get_attribute(name)
    }
}

impl<C: BaseComponent> Drop for Mounted<C> {
    fn drop(&mut self) {
        if let Some(app) = self.app.take() {
            app.destroy();
        }
        self.root.remove();
    }
}

fn english() -> Locale {
    Locale {
        strings: strings_for("en"),
        formatter: Rc::new(TimeFormatter::new("en")),
    }
}

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
    }
}

#[wasm_bindgen_test]
async fn the_banner_shows_the_first_two_items_and_counts_the_rest() {
    let active = view(ACTIVE, "2024-11-05T10:00:00Z", ViewSettings::default());
    assert_eq!(active.active.len(), 7);
    let b = Mounted::<Banner>::new(banner(active)).await;
    assert_eq!(
        b.texts(".item .title strong"),
        ["Login fails on iPad and Safari", "Slow pages"]
    );
    assert_eq!(b.texts("button.more"), ["and 5 more"]);
    assert_eq!(b.attribute(".banner", "role").as_deref(), Some("alert"));
    assert_eq!(b.texts(".contact a").len(), 1);
}

#[wasm_bindgen_test]
async fn the_banner_hides_a_dismissed_item_and_renders_nothing_when_quiet() {
    let active = view(ACTIVE, "2024-11-05T10:00:00Z", ViewSettings::default());
    let mut props = banner(active.clone());
    props.dismissed = Rc::new(vec![active.active[0].key.clone()]);
    let b = Mounted::<Banner>::new(props).await;
    assert_eq!(b.texts(".item .title strong")[0], "Slow pages");

    let quiet = Mounted::<Banner>::new(banner(view(
        SEED,
        "2024-11-05T10:00:00Z",
        ViewSettings::default(),
    )))
    .await;
    assert_eq!(
        quiet.root.child_element_count(),
        0,
        "a quiet banner renders nothing"
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
    assert!(stale.stale);
    let b = Mounted::<Banner>::new(banner(stale)).await;
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
    let i = Mounted::<Indicator>::new(IndicatorProps {
        level: Some(active.level),
        stale: false,
        status_page: active.status_page.clone().map(Into::into),
        locale: english(),
    })
    .await;
    let indicator = i.root.query_selector(".indicator").unwrap().unwrap();
    assert!(indicator.class_list().contains("level-critical"));
    assert_eq!(i.texts(".summary"), ["Major outage"]);
    assert_eq!(
        i.attribute("a.link", "href").as_deref(),
        Some("https://status.example.org/")
    );
    let unavailable = Mounted::<Indicator>::new(IndicatorProps {
        level: None,
        stale: false,
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
