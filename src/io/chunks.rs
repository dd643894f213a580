//! Code the banner build loads only when a page needs it. With the `split` feature (the banner
//! build, see `scripts/build`), each function here is a `wasm_split` point: what only it reaches
//! is cut into a chunk of its own (`pkg/split_<name>.wasm`) that downloads the first time Rust
//! awaits it. Without the feature (tests, the page build) the code is called directly.
//!
//! The chunks: `foreign`, the readers of other tools' formats with the markup reader;
//! `lang_<tag>`, the widget's words in each language but English (`lang_de`, `lang_ar` …); and
//! `trust`, what only elements with `public-key` or `link-origins` need: the check of a signed
//! file's signature, and taking away links outside the origins allowed.

use super::sources::{Current, SourceError};
use super::trust::Checked;
use crate::formats::json::Node;
use crate::formats::{load_foreign, Loaded, SourceFormat};
use crate::i18n::Strings;
use core::future::Future;
use core::pin::Pin;
use std::rc::Rc;

/// A file being checked and read ([`checked_reader`]).
pub(crate) type Checking = Pin<Box<dyn Future<Output = Result<Rc<Current>, SourceError>>>>;

/// A chunk of the widget's code could not be loaded: not found, no network, or a file whose
/// bytes do not match the hash the build pinned. The next call tries again.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ChunkError {
    /// The reader of a format (named by [`SourceFormat::name`]).
    #[error("the widget's reader for {0} documents could not be loaded (its wasm chunk did not download, or failed its integrity check)")]
    Reader(&'static str),
    /// The widget's words in a language (its primary subtag).
    #[error("the widget's words in `{0}` could not be loaded (their wasm chunk did not download, or failed its integrity check); it speaks English instead")]
    Language(&'static str),
    /// The code that checks what an element's `public-key` or `link-origins` asks for: the
    /// file is not shown unchecked.
    #[error("the widget's checks of public-key and link-origins could not be loaded (their wasm chunk did not download, or failed its integrity check), so the file is not shown")]
    Trust,
}

/// Reads a file for an element with `public-key` or `link-origins`
/// ([`super::trust::read_checked`]), with the `trust` chunk's code.
pub(crate) async fn checked_reader(checked: Checked) -> Result<Checking, ChunkError> {
    #[cfg(feature = "split")]
    {
        split::trust(checked)
            .await
            .map_err(|_: split::NotLoaded| ChunkError::Trust)
    }
    #[cfg(not(feature = "split"))]
    {
        Ok(Box::pin(super::trust::read_checked(checked)))
    }
}

/// Reads a document of another tool's format (Statuspage, Instatus, …) with the markup reader its
/// HTML and Markdown need: the `foreign` chunk, which a page showing status-widget's own format
/// never downloads.
pub async fn read_foreign(root: Node, source: SourceFormat) -> Result<Loaded, ChunkError> {
    #[cfg(feature = "split")]
    {
        split::foreign(root, source)
            .await
            .map_err(|_: split::NotLoaded| ChunkError::Reader(source.name()))
    }
    #[cfg(not(feature = "split"))]
    {
        Ok(load_foreign(&root, source))
    }
}

/// The widget's words for the language of `tag` when they are already at hand: in the banner
/// build only English's (which also stands for languages the widget does not speak), in other
/// builds every language's. `None`: [`strings`] loads them.
pub fn strings_now(tag: &str) -> Option<&'static Strings> {
    #[cfg(feature = "split")]
    {
        let english =
            !crate::i18n::is_supported(tag) || crate::i18n::primary(tag).eq_ignore_ascii_case("en");
        english.then_some(crate::i18n::ENGLISH)
    }
    #[cfg(not(feature = "split"))]
    {
        Some(crate::i18n::strings_for(tag))
    }
}

/// The widget's words for the language of `tag` (see [`crate::i18n::strings_for`]): at once when
/// [`strings_now`] has them, else from the language's chunk.
pub async fn strings(tag: &str) -> Result<&'static Strings, ChunkError> {
    match strings_now(tag) {
        Some(strings) => Ok(strings),
        #[cfg(feature = "split")]
        None => split::language(crate::i18n::primary(tag)).await,
        #[cfg(not(feature = "split"))]
        None => Ok(crate::i18n::ENGLISH),
    }
}

/// The split points themselves: the calls cross into chunks through `wasm_split`'s loader.
#[cfg(feature = "split")]
mod split {
    use super::{load_foreign, Checked, Checking, ChunkError, Loaded, Node, SourceFormat, Strings};
    use crate::i18n;
    use core::future::Future;
    use core::pin::Pin;

    /// `wasm_split` hands a failed load back as this (its own error type carries nothing more).
    pub struct NotLoaded;

    impl From<wasm_split_helpers::SplitLoaderError> for NotLoaded {
        fn from(_: wasm_split_helpers::SplitLoaderError) -> Self {
            NotLoaded
        }
    }

    #[wasm_split_helpers::wasm_split(foreign, fallible)]
    pub fn foreign(root: Node, source: SourceFormat) -> Result<Loaded, NotLoaded> {
        Ok(load_foreign(&root, source))
    }

    /// The reading's future is made here, so its code (fetching the signature, the keys'
    /// decoding, the WebCrypto calls, the links' origins, the errors' words) is reached only
    /// through this chunk.
    #[wasm_split_helpers::wasm_split(trust, fallible)]
    pub fn trust(checked: Checked) -> Result<Checking, NotLoaded> {
        Ok(Box::pin(crate::io::trust::read_checked(checked)))
    }

    /// One split point per language but English, each returning that language's strings (which
    /// move into its chunk), and `language`, which picks one by primary subtag.
    macro_rules! languages {
        ($($tag:literal => $chunk:ident: $strings:path),* $(,)?) => {
            $(
                #[wasm_split_helpers::wasm_split($chunk, fallible)]
                fn $chunk() -> Result<&'static Strings, NotLoaded> {
                    Ok(&$strings)
                }
            )*

            /// The strings of the language whose primary subtag is `primary` (one the widget
            /// speaks, other than English), from its chunk. One boxed future for every language,
            /// rather than a state machine with a state for each.
            pub async fn language(primary: &str) -> Result<&'static Strings, ChunkError> {
                type Load = Pin<Box<dyn Future<Output = Result<&'static Strings, NotLoaded>>>>;
                let chunks: [(&'static str, fn() -> Load); [$($tag),*].len()] =
                    [$(($tag, || Box::pin($chunk()))),*];
                match chunks.iter().find(|(tag, _)| primary.eq_ignore_ascii_case(tag)) {
                    Some(&(tag, load)) => load().await.map_err(|_| ChunkError::Language(tag)),
                    None => Ok(i18n::ENGLISH),
                }
            }
        };
    }

    // Every language but English, from the translations' files (crates/status-core/i18n).
    status_core::with_languages!(languages);
}
