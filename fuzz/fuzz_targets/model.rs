//! Any bytes, read as a status file in each format, through everything the widget does with a
//! document (`tests/corpus/exercise.rs`): no panic, no overflow, no unsafe link kept.
#![no_main]

#[path = "../../tests/corpus/exercise.rs"]
mod exercise;

libfuzzer_sys::fuzz_target!(|data: &[u8]| exercise::exercise(data));
