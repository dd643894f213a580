//! The real documents (`../shared/fixtures/real/`, served by the test server where they lie)
//! rendered in real browsers at their own dates: the banner, the indicator and the page show
//! what `tests/real_documents.json` says, imported markup is built as elements (lists, strong,
//! paragraphs) and never shown raw, and no script, style or unsafe link reaches the page. Every
//! document in Chromium; a sample covering every format and every kind of markup in Firefox and
//! WebKit.
#![cfg(target_arch = "wasm32")]

mod browser_support;
use browser_support::*;
use status_core::formats::{load_str, Format};
use status_core::model::Timestamp;
use status_core::view::{derive, ItemSource, StatusView, ViewSettings};
use status_widget::components::{
    Banner, BannerProps, Indicator, IndicatorProps, StatusPage, StatusPageProps,
};
use std::rc::Rc;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use yew::Callback;

wasm_bindgen_test_configure!(run_in_browser);

const TABLE: &str = include_str!("real_documents.json");

/// The documents Firefox and WebKit render: every format, HTML lists, `<br />` paragraphs,
/// Markdown postmortems, a bare `status.json`, and the refused empty capture.
const SAMPLE: &[&str] = &[
    "cstate/torproject-index-2025-05-01-ok-but-summary-disrupted.json",
    "instatus/manychat-summary-up-with-active-incident.json",
    "other/heroku-2019-10-24-incident.json",
    "other/slack-2020-07-30-incident.json",
    "other/statusio-gitlab-2020-09-05-maintenance.json",
    "statuspage/github-incident-2018-10-21-html-list-body.json",
    "statuspage/github-status-2026-08-17-major.json",
    "statuspage/github-summary-2023-12-19-empty-capture.json",
    "statuspage/github-summary-2026-08-07-html-br-bodies.json",
    "statuspage/jira-incidents-2024-01-31-50-incidents-postmortems.json",
    "statuspage/twilio-summary-2020-06-16-groups-pdt.json",
    "upptime/upptime-upptime-history-summary.json",
];

fn field(row: &JsValue, name: &str) -> JsValue {
    get(row, name)
}

fn string(row: &JsValue, name: &str) -> Option<String> {
    field(row, name).as_string()
}

/// Everything rendered from a document must be free of raw markup and of anything active.
fn assert_safe<C: yew::BaseComponent>(file: &str, what: &str, rendered: &Rendered<C>) {
    let text = rendered.root.text_content().unwrap_or_default();
    for raw in RAW_MARKUP {
        assert!(!text.contains(raw), "{file} {what}: {raw:?} on screen");
    }
    for element in ["script", "style", "iframe", "img", "object", "embed"] {
        assert!(
            rendered.all(element).is_empty(),
            "{file} {what}: a <{element}>"
        );
    }
    for link in rendered.all("a[href]") {
        let href = link.get_attribute("href").unwrap().to_ascii_lowercase();
        assert!(
            ["https:", "http:", "mailto:", "#"]
                .iter()
                .any(|s| href.starts_with(s)),
            "{file} {what}: link {href}"
        );
    }
}

async fn check(row: &JsValue) {
    let file = string(row, "file").unwrap();
    let text = server_text(&format!("/real/{file}")).await;
    let loaded = match (load_str(&text, Format::Auto), string(row, "format")) {
        (Err(e), None) => {
            assert!(e.to_string().contains("empty"), "{file}: {e}");
            return;
        }
        (Ok(loaded), Some(format)) => {
            assert_eq!(loaded.format.name(), format, "{file}");
            loaded
        }
        (result, _) => panic!("{file}: {:?}", result.map(|l| l.format)),
    };
    let at = Timestamp::parse_rfc3339(&string(row, "at").unwrap()).unwrap();
    let view: Rc<StatusView> = Rc::new(derive(
        &Rc::new(loaded.document),
        &ViewSettings::default(),
        at,
    ));
    assert_eq!(view.overall.name(), string(row, "level").unwrap(), "{file}");
    let shows = js_sys::Array::from(&field(row, "shows"));
    assert_eq!(view.active.len() as u32, shows.length(), "{file}");

    // The banner: the first two items by title and kind, the rest counted; nothing when quiet.
    let banner = Rendered::<Banner>::new(BannerProps {
        view: view.clone(),
        dismissed: Rc::new(Vec::new()),
        on_dismiss: Callback::noop(),
        locale: english(),
        placement: Default::default(),
        container: Default::default(),
    })
    .await;
    assert_safe(&file, "banner", &banner);
    let items = banner.all(".item");
    assert_eq!(
        items.len(),
        view.active.len().min(2),
        "{file}: banner items"
    );
    for (index, (element, item)) in items.iter().zip(&view.active).enumerate() {
        let kind = item.kind.class();
        assert!(element.class_list().contains(kind), "{file}: {kind}");
        let table = shows.get(index as u32).as_string().unwrap();
        let expected = match item.source {
            ItemSource::Declared => "status",
            _ => kind,
        };
        assert_eq!(table, expected, "{file}: item {index}");
        let title = element.query_selector(".title strong").unwrap().unwrap();
        assert_eq!(title.text_content().unwrap(), item.title.plain, "{file}");
    }
    if view.active.is_empty() {
        assert!(
            banner.all(".banner").is_empty() && banner.all("slot").len() == 1,
            "{file}: a quiet banner leaves only the slot for the element's own children"
        );
    }

    // The indicator names the level.
    let indicator = Rendered::<Indicator>::new(IndicatorProps {
        overall: Some(view.overall),
        status_page: view.status_page.clone().map(Into::into),
        locale: english(),
    })
    .await;
    assert_safe(&file, "indicator", &indicator);
    assert_eq!(
        indicator.texts(".summary"),
        [english().strings.overall(view.overall)],
        "{file}"
    );

    // The page: every section it lists, the newest past incident open with its timeline.
    let page = Rendered::<StatusPage>::new(StatusPageProps {
        view: view.clone(),
        locale: english(),
    })
    .await;
    let history = field(row, "history").as_f64().unwrap() as usize;
    if history > 0 {
        // Rendered a few incidents per task: a long history in a debug build on a loaded
        // machine takes its time (WebKit under load needed more than 5 s).
        wait_until_within(30, &format!("{file}: the history renders"), || {
            !page.all(".update-body").is_empty()
        })
        .await;
    }
    assert_safe(&file, "page", &page);
    let h3 = page.texts("h3");
    for item in view.active.iter().chain(&view.upcoming) {
        assert!(
            h3.iter().any(|t| t.trim() == item.title.trim()),
            "{file}: {} on the page",
            item.title
        );
    }
}

#[wasm_bindgen_test]
#[cfg_attr(not(real_documents), ignore = "needs ../shared/fixtures/real")]
async fn real_documents_render_as_the_table_says_at_their_dates() {
    let engine = get(&server_json("/expect").await, "engine").as_string();
    let every = engine.as_deref().is_none_or(|e| e == "chromium");
    let rows = js_sys::Array::from(&js_sys::JSON::parse(TABLE).unwrap());
    let mut checked = 0;
    for row in rows.iter() {
        let file = string(&row, "file").unwrap();
        if every || SAMPLE.contains(&file.as_str()) {
            check(&row).await;
            checked += 1;
        }
    }
    let expected = if every {
        rows.length() as usize
    } else {
        SAMPLE.len()
    };
    assert_eq!(checked, expected, "{engine:?}");
}

/// Loads `file`, derives it at `at` and renders the page.
async fn page_of(file: &str, at: &str) -> Rendered<StatusPage> {
    let text = server_text(&format!("/real/{file}")).await;
    let doc = Rc::new(load_str(&text, Format::Auto).unwrap().document);
    let view = Rc::new(derive(
        &doc,
        &ViewSettings::default(),
        Timestamp::parse_rfc3339(at).unwrap(),
    ));
    let page = Rendered::<StatusPage>::new(StatusPageProps {
        view,
        locale: english(),
    })
    .await;
    wait_until_within(30, &format!("{file}: the timeline renders"), || {
        !page.all(".update-body").is_empty()
    })
    .await;
    page
}

#[wasm_bindgen_test]
#[cfg_attr(not(real_documents), ignore = "needs ../shared/fixtures/real")]
async fn imported_html_and_markdown_are_built_as_elements() {
    // GitHub's 2018 timeline: one update whose body is an HTML list of bold times.
    let list = page_of(
        "statuspage/github-incident-2018-10-21-html-list-body.json",
        "2022-08-10T08:09:51.596Z",
    )
    .await;
    let entries = list.all(".update-body.rich ul > li");
    assert!(entries.len() >= 20, "{} list entries", entries.len());
    assert!(entries[0]
        .query_selector("strong")
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap()
        .starts_with("2018-10-21"));

    // `<br /><br />` makes paragraphs.
    let br = page_of(
        "statuspage/github-summary-2026-08-07-html-br-bodies.json",
        "2026-08-07T00:06:24.923Z",
    )
    .await;
    assert!(
        br.all(".update-body.rich > p").len() > br.all(".update-body").len(),
        "some bodies hold more than one paragraph"
    );

    // Jira's Markdown postmortem: headings as strong lines, lists, links.
    let jira = page_of(
        "statuspage/jira-incidents-2024-01-31-50-incidents-postmortems.json",
        "2024-01-31T18:34:41.129Z",
    )
    .await;
    // The newest incident is open: show the whole history and open every incident in it.
    while let Some(more) = jira.all("button.more").pop() {
        more.unchecked_into::<web_sys::HtmlElement>().click();
        yew::scheduler::flush().await;
        sleep(50).await;
    }
    // The history renders a few incidents per task: open them once all 50 are there (on a
    // loaded machine the last ones came after the opening, closed, and the check timed out).
    wait_until_within(30, "all 50 incidents render", || {
        jira.all("details").len() >= 50
    })
    .await;
    for details in jira.all("details:not([open])") {
        details.set_attribute("open", "").unwrap();
    }
    wait_until_within(30, "every postmortem renders", || {
        jira.all(".update-body .heading strong").len() >= 20
    })
    .await;
    assert!(
        !jira.all(".update-body.rich ul > li").is_empty(),
        "Markdown lists"
    );
    let links: Vec<String> = jira
        .all(".update-body.rich a[href]")
        .iter()
        .filter_map(|a| a.get_attribute("href"))
        .collect();
    assert!(
        links.iter().any(|h| h == "http://atlassian.net"),
        "{links:?}"
    );
    assert!(links.iter().all(|h| h.starts_with("http")), "{links:?}");
}
