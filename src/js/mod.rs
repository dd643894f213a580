//! What the wasm module offers JavaScript besides the element: the headless exports
//! (`deriveStatus`, `checkStatus`) and reading a document handed over as a string or an object.

pub mod api;
pub mod document;
