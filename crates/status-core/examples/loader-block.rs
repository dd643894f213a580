//! Writes what the loader shares with Rust into it (`scripts/build` runs this):
//! `cargo run -p status-core --example loader-block -- src/embed/status-widget.js`.

use std::process::ExitCode;

fn main() -> ExitCode {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: loader-block LOADER.js");
        return ExitCode::from(2);
    };
    let source = match std::fs::read_to_string(&path) {
        Ok(source) => source,
        Err(error) => {
            eprintln!("{path}: {error}");
            return ExitCode::FAILURE;
        }
    };
    let Some(written) = status_core::loader::with_loader_block(&source) else {
        eprintln!(
            "{path}: no block from `{}` to `{}`",
            status_core::loader::BLOCK_START,
            status_core::loader::BLOCK_END
        );
        return ExitCode::FAILURE;
    };
    if written != source {
        if let Err(error) = std::fs::write(&path, written) {
            eprintln!("{path}: {error}");
            return ExitCode::FAILURE;
        }
        eprintln!("{path}: what it shares with Rust was rewritten");
    }
    ExitCode::SUCCESS
}
