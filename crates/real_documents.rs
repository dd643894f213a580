// Included by the build scripts of the crates whose tests read the real status documents (the
// widget's `build.rs`, `crates/status-widget-cli/build.rs`): one rule for where they lie.

/// Sets `cfg(real_documents)` when the real documents are beside the repository
/// (`../shared/fixtures/real` from the folder that holds `www/`), and watches the nearest folder
/// that exists on their path, so that their coming or going runs the build script again.
fn real_documents() {
    println!("cargo:rustc-check-cfg=cfg(real_documents)");
    let crate_dir = std::path::PathBuf::from(
        std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"),
    );
    let repository = crate_dir
        .ancestors()
        .find(|dir| dir.join("www/status.json").is_file())
        .unwrap_or(&crate_dir)
        .to_path_buf();
    let real = repository.join("../shared/fixtures/real");
    if real.is_dir() {
        println!("cargo:rustc-cfg=real_documents");
    }
    let watched = real
        .ancestors()
        .find(|p| p.is_dir())
        .unwrap_or(&repository)
        .to_path_buf();
    println!("cargo:rerun-if-changed={}", watched.display());
}
