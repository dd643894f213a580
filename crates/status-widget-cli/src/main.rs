//! The `status-widget` command: see `status-widget --help` and the README's "Publishing your
//! status".

fn main() -> std::process::ExitCode {
    status_widget_cli::main()
}
