//! The `status-widget` command: see `status-widget --help` and the README's "Publishing your
//! status". Native only; a wasm32 build of this file is an empty program.

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    status_widget::cli::main()
}

#[cfg(target_arch = "wasm32")]
fn main() {}
