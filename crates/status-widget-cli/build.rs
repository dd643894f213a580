//! Says whether the real status documents are beside the repository: with them,
//! `cfg(real_documents)` is set and `tests/cli_import.rs` reads them; without, those tests are
//! ignored with the reason (never counted as passed).

include!("../real_documents.rs");

fn main() {
    real_documents();
}
