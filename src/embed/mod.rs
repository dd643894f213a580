//! The `<status-widget>` element's Rust side: it owns the open shadow root, the stylesheet and
//! the attributes, mounts the yew app into the shadow root, and turns status changes into
//! `status-widget-update` and `status-widget-error` events (and, for pages written against
//! 0.1, the same events under their former names `status-widget:update` and
//! `status-widget:error`). The JavaScript loader
//! (`src/embed/status-widget.js`) defines the element and forwards its lifecycle here.

use crate::components::{StatusWidget, StatusWidgetProps};
use crate::config::{WidgetConfig, OBSERVED_ATTRIBUTES};
use crate::i18n::{format_locale, language_of, wanted};
use crate::loader::{ERROR_EVENTS, UPDATE_EVENTS};
use crate::view::StatusEvent;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use web_sys::{CssStyleSheet, CustomEvent, CustomEventInit, HtmlElement, ShadowRoot};
use yew::{AppHandle, Callback};

/// The banner's and indicator's styles, and in the page build the status page's after them
/// (`style.css` and `page.css` beside this file, written without comments by `build.rs`).
#[cfg(feature = "page")]
const STYLESHEET: &str = concat!(
    include_str!(concat!(env!("OUT_DIR"), "/style.css")),
    include_str!(concat!(env!("OUT_DIR"), "/page.css"))
);
#[cfg(not(feature = "page"))]
const STYLESHEET: &str = include_str!(concat!(env!("OUT_DIR"), "/style.css"));

thread_local! {
    /// One constructed stylesheet shared by every widget on the page.
    static SHEET: Option<CssStyleSheet> = CssStyleSheet::new()
        .ok()
        .filter(|sheet| sheet.replace_sync(STYLESHEET).is_ok());
}

/// A widget mounted in an element. Dropping it without [`MountedWidget::destroy`] leaks nothing
/// the page can see, but `destroy` stops its timers and listeners at once.
#[wasm_bindgen]
pub struct MountedWidget {
    host: HtmlElement,
    app: Option<AppHandle<StatusWidget>>,
}

/// The attributes the element observes, for the loader's `observedAttributes`.
#[wasm_bindgen(js_name = observedAttributes)]
pub fn observed_attributes() -> js_sys::Array {
    OBSERVED_ATTRIBUTES
        .iter()
        .map(|a| JsValue::from_str(a))
        .collect()
}

/// Bytes of linear memory the wasm module holds now (for the benchmark's memory figure).
#[wasm_bindgen(js_name = wasmMemoryBytes)]
pub fn wasm_memory_bytes() -> f64 {
    use wasm_bindgen::JsCast;
    wasm_bindgen::memory()
        .dyn_into::<js_sys::WebAssembly::Memory>()
        .map_or(0.0, |m| {
            m.buffer()
                .dyn_into::<js_sys::ArrayBuffer>()
                .map_or(0.0, |b| f64::from(b.byte_length()))
        })
}

/// Hands over the loader's early read of the status file `url` (as written in `src`): `answer`
/// resolves to `{ status, url, body, receivedAt }` (`body` an `ArrayBuffer`). A widget's first
/// read of `url` uses it.
#[wasm_bindgen(js_name = offerStatus)]
pub fn offer_status(url: String, answer: js_sys::Promise) {
    crate::io::prefetch::offer(url, answer);
}

/// Mounts the widget in `host`'s shadow root (created open, delegating focus, if missing).
#[wasm_bindgen(js_name = mountWidget)]
pub fn mount_widget(host: HtmlElement) -> Result<MountedWidget, JsValue> {
    let root = match host.shadow_root() {
        Some(root) => root,
        None => {
            let init = web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open);
            // web-sys has no setter for delegatesFocus yet.
            js_sys::Reflect::set(&init, &"delegatesFocus".into(), &JsValue::TRUE)?;
            host.attach_shadow(&init)?
        }
    };
    root.replace_children_with_node_0();
    let container = match app_root(&host, &root) {
        Ok(container) => container,
        Err(error) => {
            hand_back(&root);
            return Err(error);
        }
    };
    let props = props_for(&host);
    let app = yew::Renderer::<StatusWidget>::with_root_and_props(container, props).render();
    Ok(MountedWidget {
        host,
        app: Some(app),
    })
}

#[wasm_bindgen]
impl MountedWidget {
    /// Re-reads the attributes after one changed.
    pub fn update(&mut self) {
        let props = props_for(&self.host);
        if let Some(app) = self.app.as_mut() {
            app.update(props);
        }
    }

    /// Unmounts: stops polling, timers and listeners, and hands the element back to its own
    /// children (the page's fallback content).
    pub fn destroy(&mut self) {
        if let Some(app) = self.app.take() {
            app.destroy();
        }
        if let Some(root) = self.host.shadow_root() {
            hand_back(&root);
        }
    }
}

/// Styles `root` and adds the element the yew app renders into, followed by a slot for the page's
/// own children until it does.
fn app_root(host: &HtmlElement, root: &ShadowRoot) -> Result<web_sys::Element, JsValue> {
    apply_stylesheet(root)?;
    let document = host.owner_document().ok_or("no document")?;
    let container = document.create_element("div")?;
    container.set_class_name("root");
    container.set_attribute("part", "root")?;
    root.append_child(&container)?;
    // yew renders a microtask later, or a task later (after a painted frame) while another
    // widget's render has yielded to the browser: until then this slot shows the page's own
    // children. The stylesheet hides it once the root holds the widget.
    let slot = document.create_element("slot")?;
    root.append_child(&slot)?;
    Ok(container)
}

/// Leaves only a slot in `root`, so that the element shows its own children (the page's
/// fallback content) as it did before the widget was defined.
fn hand_back(root: &ShadowRoot) {
    // Built as a node, not written as HTML, so that a page enforcing Trusted Types allows it.
    match root
        .owner_document()
        .and_then(|d| d.create_element("slot").ok())
    {
        Some(slot) => root.replace_children_with_node_1(&slot),
        None => root.replace_children_with_node_0(),
    }
}

fn apply_stylesheet(root: &ShadowRoot) -> Result<(), JsValue> {
    if let Some(sheet) = SHEET.with(Clone::clone) {
        root.set_adopted_style_sheets(&js_sys::Array::of1(&sheet));
        return Ok(());
    }
    // Browsers without constructable stylesheets get a <style> element.
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let style = document.create_element("style")?;
    style.set_text_content(Some(STYLESHEET));
    root.append_child(&style)?;
    Ok(())
}

fn props_for(host: &HtmlElement) -> StatusWidgetProps {
    let config = Rc::new(WidgetConfig::from_attributes(|name| {
        host.get_attribute(name)
    }));
    let (lang, wanted) = resolve_lang(host, config.lang.as_deref());
    let on_event = {
        let host = host.clone();
        Callback::from(move |event: StatusEvent| dispatch(&host, &event))
    };
    StatusWidgetProps {
        config,
        lang: lang.into(),
        wanted: wanted.into(),
        on_event,
        host: Some(host.clone().into()),
        root: yew::NodeRef::default(),
    }
}

/// The widget's locale: its language is the element's `lang` attribute, the nearest ancestor's,
/// the document's, the browser's, else English (a language without strings of its own falls back
/// to English); within that language, [`format_locale`] picks the reader's own region when it can
/// (`en` page, `en-GB` reader → `en-GB`), which the dates and times are written in. Second, the
/// language the reader wants the file's own texts in ([`wanted`]).
fn resolve_lang(host: &HtmlElement, attribute: Option<&str>) -> (String, String) {
    let page = host
        .parent_element()
        .and_then(|p| p.closest("[lang]").ok().flatten())
        .and_then(|e| e.get_attribute("lang"))
        .filter(|l| !l.trim().is_empty());
    let reader: Vec<String> = web_sys::window()
        .map(|w| w.navigator().languages())
        .map(|list| list.iter().filter_map(|l| l.as_string()).collect())
        .unwrap_or_default();
    let first = reader.first().map(String::as_str);
    let language = language_of(attribute, page.as_deref(), first);
    (
        format_locale(language, attribute, page.as_deref(), &reader),
        wanted(attribute, page.as_deref(), first).to_owned(),
    )
}

/// Fires `event` at the element: `status-widget-update` with `{ level, active, stale, source,
/// updatedAt, title, titleLang }` (the first item's headline in the reader's language, and that
/// language) (`level` is `unknown` while the file is older than `max-age`, as `stale` says) or `status-widget-error` with `{ kind, message }`, bubbling out of the page's DOM;
/// then the same under its former name with a colon, which JSX and Angular bindings cannot
/// write (kept for pages written against 0.1).
fn dispatch(host: &HtmlElement, event: &StatusEvent) {
    let detail = js_sys::Object::new();
    let set = |key: &str, value: JsValue| {
        let _ = js_sys::Reflect::set(&detail, &key.into(), &value);
    };
    let names = match event {
        StatusEvent::Error { kind, message } => {
            set("kind", kind.name().into());
            set("message", message.as_str().into());
            ERROR_EVENTS
        }
        StatusEvent::Update {
            overall,
            active,
            source,
            updated_at,
            title,
        } => {
            set("level", overall.name().into());
            set("active", (*active as u32).into());
            set("stale", overall.is_unknown().into());
            set("source", source.as_str().into());
            set(
                "updatedAt",
                updated_at.map_or(JsValue::NULL, |t| t.to_rfc3339().into()),
            );
            set(
                "title",
                title.as_ref().map_or(JsValue::NULL, |t| t.as_str().into()),
            );
            set(
                "titleLang",
                (title.as_ref().and_then(|t| t.lang.as_deref()))
                    .map_or(JsValue::NULL, JsValue::from),
            );
            UPDATE_EVENTS
        }
    };
    let init = CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(&detail);
    for name in names {
        if let Ok(event) = CustomEvent::new_with_event_init_dict(name, &init) {
            let _ = host.dispatch_event(&event);
        }
    }
}
