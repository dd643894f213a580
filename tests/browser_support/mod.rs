//! Helpers for the browser tests: the project's test server (tests/server/test_server.py, started
//! by scripts/test), mounting the widget into a fresh element, and waiting for what a user sees.
#![allow(dead_code)]

use gloo_events::EventListener;
use status_core::model::Timestamp;
use status_widget::embed::{mount_widget, MountedWidget};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, HtmlElement, ShadowRoot};

#[path = "../native_support/raw_markup.rs"]
mod raw_markup;
#[allow(unused_imports)]
pub use raw_markup::RAW_MARKUP;

/// The test server's origin (another origin than the test page).
pub const SERVER: &str = match option_env!("STATUS_WIDGET_TEST_SERVER") {
    Some(url) => url,
    None => "http://127.0.0.1:38765",
};

/// A name no other test uses, for server keys and incident ids.
pub fn unique(name: &str) -> String {
    format!("{name}-{}", (js_sys::Math::random() * 1e12) as u64)
}

/// The test server URL that serves document `key`.
pub fn doc_url(key: &str) -> String {
    format!("{SERVER}/doc/{key}")
}

/// Stores `body` on the test server as document `key`.
pub async fn put(key: &str, body: &str) {
    gloo_net::http::Request::post(&doc_url(key))
        .body(body.to_owned())
        .unwrap()
        .send()
        .await
        .unwrap();
}

/// The text the test server answers at `path` (such as `/real/DIR/NAME`).
pub async fn server_text(path: &str) -> String {
    gloo_net::http::Request::get(&format!("{SERVER}{path}"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap()
}

/// The JSON the test server answers at `path` (such as `/log/KEY`), parsed.
pub async fn server_json(path: &str) -> JsValue {
    js_sys::JSON::parse(&server_text(path).await).unwrap()
}

/// The requests the test server saw for `key`: `{ method, path, headers }` objects.
pub async fn requests(key: &str) -> Vec<JsValue> {
    js_sys::Array::from(&server_json(&format!("/log/{key}")).await).to_vec()
}

/// `value[key]`.
pub fn get(value: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(value, &key.into()).unwrap_or(JsValue::UNDEFINED)
}

/// The computed value of a CSS `property` of `element`, as the engine lays it out.
pub fn computed(element: &Element, property: &str) -> String {
    web_sys::window()
        .unwrap()
        .get_computed_style(element)
        .unwrap()
        .unwrap()
        .get_property_value(property)
        .unwrap()
}

/// Forgets every dismissal the reader made (the widget's one storage key), so that a later test
/// starts with nothing dismissed.
pub fn forget_dismissals() {
    web_sys::window()
        .unwrap()
        .local_storage()
        .unwrap()
        .unwrap()
        .remove_item("status-widget:dismissed")
        .unwrap();
}

/// Resolves in the next animation frame's callbacks: after everything queued so far (yew renders
/// in a microtask) and before the browser paints that frame. What is laid out then is what the
/// reader's first frame shows.
pub async fn before_next_paint() {
    let frame = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .request_animation_frame(&resolve)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(frame).await.unwrap();
}

/// Waits `ms` milliseconds.
pub async fn sleep(ms: u32) {
    gloo_timers::future::TimeoutFuture::new(ms).await;
}

/// Waits until `condition` holds, failing the test after five seconds.
pub async fn wait_until(what: &str, condition: impl Fn() -> bool) {
    wait_until_within(5, what, condition).await;
}

/// Waits until `condition` holds, failing the test after `seconds`.
pub async fn wait_until_within(seconds: u32, what: &str, condition: impl Fn() -> bool) {
    for _ in 0..seconds * 50 {
        if condition() {
            return;
        }
        sleep(20).await;
    }
    panic!("timed out waiting until {what}");
}

/// RFC 3339 text for now plus `minutes` (negative: in the past).
pub fn minutes_from_now(minutes: i64) -> String {
    Timestamp::from_unix_millis(js_sys::Date::now() as i64 + minutes * 60_000).to_rfc3339()
}

/// A native status document with one incident, as the test server serves it.
pub fn incident_doc(id: &str, title: &str, impact: &str, status: &str, updates: &[&str]) -> String {
    let updates: Vec<String> = updates
        .iter()
        .enumerate()
        .map(|(i, body)| {
            format!(
                r#"{{"at": "{}", "body": "{body}"}}"#,
                minutes_from_now(-30 + i as i64)
            )
        })
        .collect();
    format!(
        r#"{{"version": 1,
            "service": {{"name": "Test app", "status_page": "https://status.example.org/",
                         "contact": [{{"label": "Email support", "href": "mailto:support@example.org"}}]}},
            "updated_at": "{updated}",
            "components": [{{"id": "login", "name": "Login", "status": "operational"}},
                           {{"id": "app", "name": "Web app", "status": "operational"}}],
            "incidents": [{{"id": "{id}", "title": "{title}", "impact": "{impact}", "status": "{status}",
                            "started_at": "{started}", "components": ["login"], "updates": [{updates}]}}]}}"#,
        updated = minutes_from_now(-1),
        started = minutes_from_now(-30),
        updates = updates.join(","),
    )
}

/// A widget mounted in a fresh `<status-widget>` element in the page, recording its events and
/// any uncaught error in the page. Dropping it destroys the widget and removes the element.
pub struct Mounted {
    pub host: HtmlElement,
    pub widget: Option<MountedWidget>,
    pub events: Rc<RefCell<Vec<(String, JsValue)>>>,
    pub uncaught: Rc<RefCell<Vec<String>>>,
    _listeners: Vec<EventListener>,
}

/// Mounts a widget with these attributes.
pub fn mount(attributes: &[(&str, &str)]) -> Mounted {
    let window = web_sys::window().unwrap();
    let document = window.document().unwrap();
    let host: HtmlElement = document
        .create_element("status-widget")
        .unwrap()
        .unchecked_into();
    for (name, value) in attributes {
        host.set_attribute(name, value).unwrap();
    }
    document.body().unwrap().append_child(&host).unwrap();
    let events = Rc::new(RefCell::new(Vec::new()));
    let uncaught = Rc::new(RefCell::new(Vec::new()));
    let mut listeners = Vec::new();
    for name in ["status-widget-update", "status-widget-error"] {
        let events = events.clone();
        listeners.push(EventListener::new(&host, name, move |e| {
            let detail = e
                .dyn_ref::<web_sys::CustomEvent>()
                .map(|c| c.detail())
                .unwrap_or_default();
            events.borrow_mut().push((e.type_(), detail));
        }));
    }
    for name in ["error", "unhandledrejection"] {
        let uncaught = uncaught.clone();
        listeners.push(EventListener::new(&window, name, move |e| {
            uncaught
                .borrow_mut()
                .push(format!("{name}: {:?}", js_sys::JSON::stringify(e).ok()));
        }));
    }
    let widget = mount_widget(host.clone()).expect("mounts");
    Mounted {
        host,
        widget: Some(widget),
        events,
        uncaught,
        _listeners: listeners,
    }
}

impl Mounted {
    /// The widget's shadow root.
    pub fn shadow(&self) -> ShadowRoot {
        self.host.shadow_root().expect("an open shadow root")
    }

    /// The first element in the shadow root matching `selector`.
    pub fn find(&self, selector: &str) -> Option<Element> {
        self.shadow().query_selector(selector).unwrap()
    }

    /// Every element in the shadow root matching `selector`.
    pub fn find_all(&self, selector: &str) -> Vec<Element> {
        let list = self.shadow().query_selector_all(selector).unwrap();
        (0..list.length())
            .filter_map(|i| list.item(i)?.dyn_into::<Element>().ok())
            .collect()
    }

    /// All the text the widget shows.
    pub fn text(&self) -> String {
        // The live regions come first and are never seen: leave their words out.
        let all = self.shadow().text_content().unwrap_or_default();
        let live = self.announced();
        all.replacen(&live, "", 1)
    }

    /// What the live regions say (polite, then urgent), which a screen reader announces.
    pub fn announced(&self) -> String {
        self.find(".announce")
            .and_then(|a| a.text_content())
            .unwrap_or_default()
    }

    /// What the urgent (`role="alert"`) live region says.
    pub fn announced_urgently(&self) -> String {
        self.find(".announce [role=alert]")
            .and_then(|a| a.text_content())
            .unwrap_or_default()
    }

    /// The element's rendered height in CSS pixels.
    pub fn height(&self) -> f64 {
        self.host.get_bounding_client_rect().height()
    }

    /// Names of the events fired so far.
    pub fn event_names(&self) -> Vec<String> {
        self.events
            .borrow()
            .iter()
            .map(|(n, _)| n.clone())
            .collect()
    }

    /// Re-reads the attributes, as the custom element does on `attributeChangedCallback`.
    pub fn set(&mut self, name: &str, value: &str) {
        self.host.set_attribute(name, value).unwrap();
        self.widget.as_mut().unwrap().update();
    }

    /// Removes the element, as the custom element does on `disconnectedCallback`.
    pub fn remove(&mut self) {
        if let Some(mut widget) = self.widget.take() {
            widget.destroy();
        }
        self.host.remove();
    }

    /// Fails the test if the page saw an uncaught error.
    pub fn assert_no_uncaught_error(&self) {
        assert_eq!(*self.uncaught.borrow(), Vec::<String>::new());
    }
}

impl Drop for Mounted {
    fn drop(&mut self) {
        self.remove();
    }
}

/// Records what the page writes with `console.<method>` (and still writes it) until dropped.
pub struct ConsoleSpy {
    /// The first argument of every call, as text.
    pub messages: Rc<RefCell<Vec<String>>>,
    console: JsValue,
    method: &'static str,
    original: JsValue,
    _hook: Closure<dyn FnMut(JsValue)>,
}

impl ConsoleSpy {
    /// Starts recording `console.<method>`.
    pub fn new(method: &'static str) -> Self {
        let console = js_sys::Reflect::get(&js_sys::global(), &"console".into()).unwrap();
        let original = js_sys::Reflect::get(&console, &method.into()).unwrap();
        let messages = Rc::new(RefCell::new(Vec::new()));
        let hook = {
            let (messages, console, original) =
                (messages.clone(), console.clone(), original.clone());
            Closure::<dyn FnMut(JsValue)>::new(move |value: JsValue| {
                messages
                    .borrow_mut()
                    .push(value.as_string().unwrap_or_default());
                let _ = original
                    .unchecked_ref::<js_sys::Function>()
                    .call1(&console, &value);
            })
        };
        js_sys::Reflect::set(&console, &method.into(), hook.as_ref()).unwrap();
        ConsoleSpy {
            messages,
            console,
            method,
            original,
            _hook: hook,
        }
    }

    /// The recorded messages that contain `text`.
    pub fn containing(&self, text: &str) -> Vec<String> {
        self.messages
            .borrow()
            .iter()
            .filter(|m| m.contains(text))
            .cloned()
            .collect()
    }
}

impl Drop for ConsoleSpy {
    fn drop(&mut self) {
        let _ = js_sys::Reflect::set(&self.console, &self.method.into(), &self.original);
    }
}

/// Adds a text input to the page, as the login form's field.
pub fn login_field() -> web_sys::HtmlInputElement {
    let document = web_sys::window().unwrap().document().unwrap();
    let input: web_sys::HtmlInputElement =
        document.create_element("input").unwrap().unchecked_into();
    document.body().unwrap().append_child(&input).unwrap();
    input
}

/// The login form's field is still usable beside the widget: rendered with a size, on top where
/// it is (no banner, overlay or leftover covers its centre, so a tap reaches it), able to take
/// focus, and keeping what was typed.
pub fn assert_login_field_works(input: &web_sys::HtmlInputElement) {
    let document = web_sys::window().unwrap().document().unwrap();
    input.scroll_into_view();
    let rect = input.get_bounding_client_rect();
    assert!(
        rect.width() > 0.0 && rect.height() > 0.0,
        "the login field is not rendered: {} x {}",
        rect.width(),
        rect.height()
    );
    let (x, y) = (
        (rect.left() + rect.width() / 2.0) as f32,
        (rect.top() + rect.height() / 2.0) as f32,
    );
    let on_top = document.element_from_point(x, y);
    assert_eq!(
        on_top.as_ref().map(|e| e.is_same_node(Some(input))),
        Some(true),
        "something covers the login field: {:?}",
        on_top.map(|e| e.outer_html())
    );
    input.focus().unwrap();
    assert_eq!(
        document
            .active_element()
            .map(|e| e.is_same_node(Some(input))),
        Some(true),
        "the login field does not take focus"
    );
    input.set_value("user@example.org");
    assert_eq!(input.value(), "user@example.org");
}

/// Tells the test server that `test` could not check `what` in this engine; scripts/test reports
/// it as skipped, not passed.
pub async fn report_skip(test: &str, what: &str) {
    let engine = web_sys::window().unwrap().navigator().user_agent().unwrap();
    gloo_net::http::Request::post(&format!("{SERVER}/skip"))
        .body(format!("{test}: {what} [{engine}]"))
        .unwrap()
        .send()
        .await
        .unwrap();
}

/// Sends `body` to the test server's control route `route` for `key` (such as `offline`).
pub async fn control(route: &str, key: &str, body: &str) {
    gloo_net::http::Request::post(&format!("{SERVER}/{route}/{key}"))
        .body(body.to_owned())
        .unwrap()
        .send()
        .await
        .unwrap();
}

/// One component rendered the yew way into a fresh element of the page, with the props a test
/// builds; dropping it unmounts it.
pub struct Rendered<C: yew::BaseComponent> {
    pub root: Element,
    app: Option<yew::AppHandle<C>>,
}

impl<C: yew::BaseComponent> Rendered<C> {
    /// Renders the component and lets yew's scheduler run.
    pub async fn new(props: C::Properties) -> Self {
        let document = web_sys::window().unwrap().document().unwrap();
        let root = document.create_element("div").unwrap();
        document.body().unwrap().append_child(&root).unwrap();
        let app = yew::Renderer::<C>::with_root_and_props(root.clone(), props).render();
        yew::scheduler::flush().await;
        Rendered {
            root,
            app: Some(app),
        }
    }

    /// Every element matching `selector`.
    pub fn all(&self, selector: &str) -> Vec<Element> {
        let list = self.root.query_selector_all(selector).unwrap();
        (0..list.length())
            .filter_map(|i| list.item(i)?.dyn_into::<Element>().ok())
            .collect()
    }

    /// The text of every element matching `selector`.
    pub fn texts(&self, selector: &str) -> Vec<String> {
        self.all(selector)
            .iter()
            .map(|e| e.text_content().unwrap_or_default())
            .collect()
    }

    /// An attribute of the first element matching `selector`.
    pub fn attribute(&self, selector: &str, name: &str) -> Option<String> {
        self.root
            .query_selector(selector)
            .unwrap()?
            .get_attribute(name)
    }
}

impl<C: yew::BaseComponent> Drop for Rendered<C> {
    fn drop(&mut self) {
        if let Some(app) = self.app.take() {
            app.destroy();
        }
        self.root.remove();
    }
}

/// The widget's English words and time formatter.
pub fn english() -> status_widget::components::Locale {
    status_widget::components::Locale {
        strings: status_core::i18n::strings_for("en"),
        formatter: Rc::new(status_widget::io::intl::TimeFormatter::new("en")),
    }
}
