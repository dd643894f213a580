//! Every input the fuzzer (`scripts/fuzz`) ever crashed on, kept in `tests/fixtures/fuzz/`, run
//! again through the same checks as the fuzz target.
#![cfg(not(target_arch = "wasm32"))]

#[path = "corpus/exercise.rs"]
mod exercise;
mod native_support;

#[test]
fn every_input_the_fuzzer_crashed_on_now_passes() {
    let dir = native_support::root().join("tests/fixtures/fuzz");
    let mut count = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "md") {
            continue;
        }
        exercise::exercise(&std::fs::read(&path).unwrap());
        count += 1;
    }
    assert!(
        count >= 1,
        "the crashes found so far are kept in {}",
        dir.display()
    );
}
