//! Trying the `src` URLs in order: the first that answers with a usable status file wins, so a
//! site owner can keep copies in two failure domains.

use super::chunks::{checked_reader, read_foreign, ChunkError};
use super::fetch::{fetch_text, FetchError};
use super::poller::StatusSource;
use super::trust::Checked;
use crate::formats::{
    detect, start_native, start_parse, Format, LoadError, Loaded, Problem, SourceFormat,
};
use crate::model::StatusDocument;
use crate::view::FailureKind;
use std::rc::Rc;
use web_sys::AbortController;

/// A status file that was read, with the URL it came from (links in it resolve against that).
#[derive(Debug, PartialEq)]
pub struct Current {
    /// The document, shared with the components without copying.
    pub document: Rc<StatusDocument>,
    /// What was wrong in it.
    pub problems: Vec<Problem>,
    /// The final URL of the file.
    pub url: String,
    /// The text it was read from, to skip re-reading an unchanged file.
    text: String,
    /// The language its texts were read in ([`crate::i18n::wanted`]).
    wanted: String,
}

/// Why no source gave a usable status file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Failure {
    /// What kind of failure, from the first source.
    pub kind: FailureKind,
    /// What went wrong at each source, for the event and the console.
    pub message: String,
}

/// Why one source gave no usable file.
pub(crate) enum SourceError {
    /// The file could not be fetched.
    Fetch(FetchError),
    /// It is not a status file.
    Load(LoadError),
    /// Code it needs could not be loaded.
    Chunk(ChunkError),
    /// Why a signed file is not shown, in words (made in the `trust` chunk).
    Signature(String),
}

impl From<LoadError> for SourceError {
    fn from(e: LoadError) -> Self {
        SourceError::Load(e)
    }
}

impl From<ChunkError> for SourceError {
    fn from(e: ChunkError) -> Self {
        SourceError::Chunk(e)
    }
}

impl SourceError {
    fn kind(&self) -> FailureKind {
        match self {
            SourceError::Fetch(e) => e.kind(),
            SourceError::Load(_) => FailureKind::Parse,
            SourceError::Chunk(_) => FailureKind::Load,
            SourceError::Signature(_) => FailureKind::Signature,
        }
    }
}

impl core::fmt::Display for SourceError {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        match self {
            SourceError::Fetch(e) => e.fmt(f),
            SourceError::Load(e) => e.fmt(f),
            SourceError::Chunk(e) => e.fmt(f),
            SourceError::Signature(why) => f.write_str(why),
        }
    }
}

/// Fetches the sources in order and reads the first usable one. `previous` is the file read
/// last time: when a source returns the same URL and text, it is reused without reading again.
/// `first` is the widget's first read, which may use the loader's early reads. Texts in several
/// languages are read in the one `wanted` chooses. With a `public-key`, a file is read only once
/// its signature verifies, and only when it is not older than one verified before.
pub async fn load_first(
    source_settings: &StatusSource,
    wanted: &str,
    controller: &AbortController,
    previous: Option<&Rc<Current>>,
    first: bool,
) -> Result<Rc<Current>, Failure> {
    let StatusSource {
        sources,
        format,
        public_key,
        link_origins,
        ..
    } = source_settings;
    let cancelled = || Failure {
        kind: FailureKind::Cancelled,
        message: "cancelled".into(),
    };
    if sources.is_empty() {
        return Err(Failure {
            kind: FailureKind::Config,
            message: "the element has no src attribute".into(),
        });
    }
    let mut errors: Vec<(String, SourceError)> = Vec::new();
    for source in sources {
        let result = match fetch_text(source, controller, first).await {
            Err(FetchError::Cancelled) => return Err(cancelled()),
            Err(e) => Err(SourceError::Fetch(e)),
            Ok((url, text)) => match previous {
                // The same file, read for the same language (or one whose texts have none).
                Some(p)
                    if p.url == url
                        && p.text == text
                        && (p.wanted == wanted || p.document.language.is_none()) =>
                {
                    return Ok(p.clone())
                }
                _ if public_key.is_none() && link_origins.is_none() => {
                    read(url, text, *format, wanted).await.map(Rc::new)
                }
                // What the element's public-key or link-origins asks for is checked by code
                // that only such elements download.
                _ => match checked_reader(Checked {
                    keys: public_key.clone(),
                    link_origins: link_origins.clone(),
                    sources: sources.clone(),
                    url,
                    text,
                    format: *format,
                    wanted: wanted.to_owned(),
                    controller: controller.clone(),
                })
                .await
                {
                    Ok(reading) => reading.await,
                    Err(e) => Err(e.into()),
                },
            },
        };
        match result {
            Ok(current) => return Ok(current),
            Err(SourceError::Fetch(FetchError::Cancelled)) => return Err(cancelled()),
            Err(e) => errors.push((source.clone(), e)),
        }
    }
    let kind = errors
        .first()
        .map_or(FailureKind::Network, |(_, e)| e.kind());
    let message = errors
        .iter()
        .map(|(url, e)| format!("{url}: {e}"))
        .collect::<Vec<_>>()
        .join("; ");
    Err(Failure { kind, message })
}

/// Documents up to this many bytes are parsed, read and rendered in one task: together well
/// under 50 ms, and every task boundary adds a few milliseconds before the banner shows. Larger
/// ones are parsed and read in slices, a task each, and rendered in a task of their own.
const ONE_TASK_BYTES: usize = 64 * 1024;

/// Bytes of JSON parsed in one task of a large document: a few milliseconds on a desktop, well
/// under 50 on a phone four times slower.
const PARSE_BYTES_PER_TASK: usize = 256 * 1024;

/// Incidents of a large status-widget document read in one task (likewise).
const INCIDENTS_PER_TASK: usize = 2_000;

impl Current {
    /// Whether rendering this document should wait for a task of its own.
    pub fn is_large(&self) -> bool {
        self.text.len() > ONE_TASK_BYTES
    }
}

/// Lets the browser run what waits (input, rendering, the page's own scripts) before going on.
async fn next_task() {
    gloo_timers::future::TimeoutFuture::new(0).await;
}

/// Parses the text, then reads the document from it: its own format here, any other with the
/// reader that loads on demand. A large text is parsed and read in slices, each a task.
pub(crate) async fn read(
    url: String,
    text: String,
    format: Format,
    wanted: &str,
) -> Result<Current, SourceError> {
    let large = text.len() > ONE_TASK_BYTES;
    let (parse_bytes, incidents) = if large {
        (PARSE_BYTES_PER_TASK, INCIDENTS_PER_TASK)
    } else {
        (usize::MAX, usize::MAX)
    };
    let node = {
        let mut parsing = start_parse(&text)?;
        loop {
            if let Some(node) = parsing.step(parse_bytes).map_err(LoadError::from)? {
                break node;
            }
            next_task().await;
        }
    };
    let source = detect(&node, format)?;
    if large {
        next_task().await;
    }
    let Loaded {
        mut document,
        problems,
        ..
    } = match source {
        SourceFormat::Native => {
            let mut loading = start_native(&node, wanted);
            while !loading.step(incidents) {
                next_task().await;
            }
            let loaded = loading.finish();
            if large {
                // Freeing a large tree takes a while too.
                next_task().await;
            }
            drop(node);
            loaded
        }
        foreign => read_foreign(node, foreign).await?,
    };
    resolve_links(&mut document, &url);
    Ok(Current {
        document: Rc::new(document),
        problems,
        url,
        text,
        wanted: wanted.to_owned(),
    })
}

/// Makes every link in the document absolute, relative links resolving against the file's URL.
fn resolve_links(doc: &mut StatusDocument, base: &str) {
    let resolve = |href: &mut String| {
        if let Ok(url) = web_sys::Url::new_with_base(href, base) {
            *href = url.href();
        }
    };
    let service = &mut doc.service;
    service.url.iter_mut().for_each(resolve);
    service.status_page.iter_mut().for_each(resolve);
    service
        .contact
        .iter_mut()
        .for_each(|c| resolve(&mut c.href));
    doc.incidents
        .iter_mut()
        .for_each(|i| i.url.iter_mut().for_each(resolve));
    doc.maintenances
        .iter_mut()
        .for_each(|m| m.url.iter_mut().for_each(resolve));
    doc.notices
        .iter_mut()
        .for_each(|n| n.url.iter_mut().for_each(resolve));
}
