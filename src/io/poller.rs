//! The fetch loop behind the widget: read the status file, then poll with jitter, back off after
//! failures, pause while the page is hidden, refresh when it becomes visible or comes online.
//! It reports only changes: a new file, or a failure different from the last one.

use super::clock::random;
use super::console::warn_once;
use super::page_events;
use super::sources::{load_first, Current, Failure};
use crate::formats::Format;
use crate::schedule::{next_poll_ms, retry_ms};
use futures::channel::oneshot;
use gloo_events::EventListener;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use web_sys::AbortController;

/// Where and how often to read the status.
#[derive(Clone, Debug, PartialEq)]
pub struct StatusSource {
    /// URLs tried in order.
    pub sources: Vec<String>,
    /// Which reader.
    pub format: Format,
    /// Seconds between polls; `None` reads once (retrying failures).
    pub poll_seconds: Option<f64>,
    /// The element whose `status-widget-refresh` event reads the file again at once.
    pub refresh_on: Option<web_sys::EventTarget>,
    /// The `public-key` attribute's text: when set, only files whose signature one of its keys
    /// verifies are read ([`super::verify`]).
    pub public_key: Option<String>,
    /// The `link-origins` attribute's text: the origins links may point to; `None`: no limit.
    pub link_origins: Option<String>,
}

/// What is known: the last good file, and the failure since it, if any.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct StatusState {
    /// The last status file that was read; kept when later reads fail.
    pub current: Option<Rc<Current>>,
    /// The latest failure, cleared by the next success.
    pub failure: Option<Failure>,
}

/// A running fetch loop; [`Poller::stop`] ends it, aborting a fetch under way and removing its
/// timer and listeners. Clones are handles to the same loop.
#[derive(Clone)]
pub struct Poller {
    inner: Rc<Inner>,
}

#[derive(Default)]
struct Inner {
    stopped: Cell<bool>,
    wake: RefCell<Option<oneshot::Sender<()>>>,
    fetching: RefCell<Option<AbortController>>,
    listeners: RefCell<Vec<EventListener>>,
    /// The language the reader wants the file's texts in ([`crate::i18n::wanted`]).
    wanted: RefCell<String>,
    /// Whether the last file read says its language (and so may give texts in several).
    translated: Cell<bool>,
    /// Set when the wanted language changed for such a file: read it again, even when the loop
    /// reads only once.
    relanguage: Cell<bool>,
}

impl Inner {
    fn wake(&self) {
        if let Some(tx) = self.wake.borrow_mut().take() {
            let _ = tx.send(());
        }
    }

    /// Waits `ms` milliseconds, or until woken; without `ms`, until woken.
    async fn sleep(&self, ms: Option<f64>) {
        let (tx, rx) = oneshot::channel();
        *self.wake.borrow_mut() = Some(tx);
        match ms {
            Some(ms) => {
                let timer = gloo_timers::future::TimeoutFuture::new(ms.clamp(0.0, 2e9) as u32);
                futures::future::select(timer, rx).await;
            }
            None => {
                let _ = rx.await;
            }
        }
    }
}

impl Poller {
    /// Starts reading `source` with its texts in the language `wanted`, calling `report` with
    /// every change.
    pub fn start(
        source: StatusSource,
        wanted: String,
        report: impl Fn(StatusState) + 'static,
    ) -> Self {
        let inner = Rc::new(Inner {
            wanted: RefCell::new(wanted),
            ..Inner::default()
        });
        let weak = Rc::downgrade(&inner);
        *inner.listeners.borrow_mut() =
            page_events::on_wake(source.refresh_on.as_ref(), move || {
                if let Some(inner) = weak.upgrade() {
                    inner.wake();
                }
            });
        wasm_bindgen_futures::spawn_local(run(inner.clone(), source, report));
        Poller { inner }
    }

    /// Reads the file's texts in the language `wanted` from now on: at once, when the file read
    /// last says its language (it may give texts in several); else at the next read.
    pub fn set_wanted(&self, wanted: &str) {
        if *self.inner.wanted.borrow() == wanted {
            return;
        }
        *self.inner.wanted.borrow_mut() = wanted.to_owned();
        if self.inner.translated.get() {
            self.inner.relanguage.set(true);
            self.inner.wake();
        }
    }

    /// Stops the loop for good.
    pub fn stop(&self) {
        self.inner.stopped.set(true);
        if let Some(controller) = self.inner.fetching.borrow_mut().take() {
            controller.abort();
        }
        self.inner.listeners.borrow_mut().clear();
        self.inner.wake();
    }
}

async fn run(inner: Rc<Inner>, source: StatusSource, report: impl Fn(StatusState)) {
    let mut failures = 0u32;
    let mut last: Option<Rc<Current>> = None;
    let mut last_failure: Option<Failure> = None;
    let mut first = true;
    loop {
        if inner.stopped.get() {
            return;
        }
        if page_events::is_hidden() {
            inner.sleep(None).await;
            continue;
        }
        let Ok(controller) = AbortController::new() else {
            return;
        };
        *inner.fetching.borrow_mut() = Some(controller.clone());
        let wanted = inner.wanted.borrow().clone();
        inner.relanguage.set(false);
        let result = load_first(&source, &wanted, &controller, last.as_ref(), first).await;
        first = false;
        inner.fetching.borrow_mut().take();
        if inner.stopped.get() {
            return;
        }
        let delay = match result {
            Ok(current) => {
                failures = 0;
                let same = last.as_ref().is_some_and(|l| Rc::ptr_eq(l, &current));
                if !same || last_failure.is_some() {
                    if !same && current.is_large() {
                        // Render in a task of its own: reading a large file and rendering it
                        // together could hold the main thread for more than 50 ms.
                        gloo_timers::future::TimeoutFuture::new(0).await;
                        if inner.stopped.get() {
                            return;
                        }
                    }
                    for problem in &current.problems {
                        warn_once(format!("{}: {problem}", current.url));
                    }
                    inner.translated.set(current.document.language.is_some());
                    last = Some(current);
                    last_failure = None;
                    report(StatusState {
                        current: last.clone(),
                        failure: None,
                    });
                }
                source.poll_seconds.map(|p| next_poll_ms(p, random()))
            }
            Err(failure) => {
                failures += 1;
                if last_failure.as_ref() != Some(&failure) {
                    warn_once(failure.message.clone());
                    last_failure = Some(failure.clone());
                    report(StatusState {
                        current: last.clone(),
                        failure: Some(failure),
                    });
                }
                Some(retry_ms(failures, source.poll_seconds, random()))
            }
        };
        match delay {
            Some(ms) => inner.sleep(Some(ms)).await,
            // Read once: only a change of language reads the file again.
            None => loop {
                inner.sleep(None).await;
                if inner.stopped.get() {
                    return;
                }
                if inner.relanguage.get() {
                    break;
                }
            },
        }
    }
}
