//! A large status file is parsed and read in steps, a browser task each (`io/sources.rs`), so that
//! the page never waits long: the steps must give exactly what one read gives (the same tree with
//! the same positions, the same document, the same problems in the same order), and a large text
//! must really take several steps. (`model/json.rs` checks that any JSON text, and any error, comes
//! out of any steps as out of one parse.)
#![cfg(not(target_arch = "wasm32"))]

#[path = "corpus/generated.rs"]
mod generated;
mod native_support;
use generated::generated;
use native_support::*;
use status_core::formats::json::{parse, Node, Parsing};
use status_core::formats::{load_native, parse_text, start_native, Loaded};

/// Parses `text` in steps of `budget` bytes; the result and how many steps it took.
fn parse_in_steps(text: &str, budget: usize) -> (Result<Node, String>, usize) {
    let mut parsing = match Parsing::new(text) {
        Ok(parsing) => parsing,
        Err(e) => return (Err(e.to_string()), 0),
    };
    let mut steps = 0;
    loop {
        steps += 1;
        match parsing.step(budget) {
            Ok(Some(node)) => return (Ok(node), steps),
            Ok(None) => {}
            Err(e) => return (Err(e.to_string()), steps),
        }
    }
}

/// Reads a parsed status-widget document `incidents` incidents at a time.
fn read_in_steps(node: &Node, incidents: usize) -> (Loaded, usize) {
    let mut loading = start_native(node, "");
    let mut steps = 1;
    while !loading.step(incidents) {
        steps += 1;
    }
    (loading.finish(), steps)
}

#[test]
fn a_large_file_is_parsed_in_many_steps_into_the_same_tree() {
    let text = generated("incidents-20000").unwrap();
    let whole = parse(&text).unwrap();
    let (stepped, steps) = parse_in_steps(&text, 256 * 1024);
    assert_eq!(stepped.unwrap(), whole, "the same tree, positions included");
    // 2.9 MB in slices of at least 256 KiB, each ending at a value's end.
    let slices = text.len() / (256 * 1024);
    assert!(
        steps >= slices && steps <= slices + 1,
        "{steps} steps for {} bytes",
        text.len()
    );
}

#[test]
fn a_large_file_is_read_in_many_steps_into_the_same_document() {
    let text = generated("incidents-20000").unwrap();
    let node = parse_text(&text).unwrap();
    let (stepped, steps) = read_in_steps(&node, 2_000);
    assert_eq!(steps, 11, "20,001 incidents, 2,000 a step");
    assert_eq!(stepped, load_native(&node));
    assert_eq!(stepped.document.incidents.len(), 20_001);
    assert_eq!(stepped.document.incidents[20_000].title, "Login down");
}

#[test]
fn problems_come_out_the_same_and_in_the_same_order_in_steps() {
    // Files with problems in every part: the problems of the incidents read in later steps
    // must still sort among the others as one read sorts them.
    for name in [
        "bad/mixed-good-and-bad.json",
        "bad/missing-required.json",
        "native-active.json",
    ] {
        let text = fixture(name);
        let node = parse_text(&text).unwrap();
        let whole = load_native(&node);
        for incidents in [1, 2, 3, usize::MAX] {
            let (stepped, _) = read_in_steps(&node, incidents);
            assert_eq!(stepped, whole, "{name}, {incidents} incidents a step");
        }
    }
    let seed = www("status.json");
    let node = parse_text(&seed).unwrap();
    assert_eq!(read_in_steps(&node, 1).0, load_native(&node));
}
