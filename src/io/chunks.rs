//! Code the banner build loads only when a document needs it. With the `split` feature (the
//! banner build, see `scripts/build`), each function here is a `wasm_split` point: what only it
//! reaches is cut into a chunk of its own (`pkg/split_<name>.wasm`) that downloads the first
//! time Rust awaits it. Without the feature (tests, the page build) the code is called directly.

use crate::model::json::Node;
use crate::model::{load_foreign, Loaded, SourceFormat};

/// A chunk of the widget's code could not be loaded: not found, no network, or a file whose
/// bytes do not match the hash the build pinned. The next read tries again.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[error("the widget's reader for {0} documents could not be loaded (its wasm chunk did not download, or failed its integrity check)")]
pub struct ChunkError(&'static str);

/// Reads a document of another tool's format (Statuspage, Instatus, …) with the markup reader its
/// HTML and Markdown need: the `foreign` chunk, which a page showing status-widget's own format
/// never downloads.
pub async fn read_foreign(root: Node, source: SourceFormat) -> Result<Loaded, ChunkError> {
    #[cfg(feature = "split")]
    {
        split::foreign(root, source)
            .await
            .map_err(|_: split::NotLoaded| ChunkError(source.name()))
    }
    #[cfg(not(feature = "split"))]
    {
        Ok(load_foreign(&root, source))
    }
}

/// The split points themselves: the calls cross into chunks through `wasm_split`'s loader.
#[cfg(feature = "split")]
mod split {
    use super::{load_foreign, Loaded, Node, SourceFormat};

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
}
