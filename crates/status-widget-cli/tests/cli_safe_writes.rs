//! Every editing command writes safely: concurrent writers never tear the file or lose an
//! update, and a killed write leaves the old file or the new one.
#![cfg(not(target_arch = "wasm32"))]

mod cli_support;
use cli_support::*;
use serde_json::{json, Value};
use std::fs;
use std::process::{Child, Stdio};
use std::time::{Duration, Instant};

#[test]
fn concurrent_writers_never_tear_the_file_or_lose_an_update() {
    let (dir, file) = week_file("concurrent");
    let (writers, each) = (6, 5);
    let done = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let reader = {
        let (file, done) = (file.clone(), done.clone());
        std::thread::spawn(move || {
            let mut reads = 0;
            while !done.load(std::sync::atomic::Ordering::Relaxed) {
                notices_in(&fs::read_to_string(&file).unwrap());
                reads += 1;
            }
            reads
        })
    };
    let threads: Vec<_> = (0..writers)
        .map(|w| {
            let file = file.clone();
            std::thread::spawn(move || {
                for n in 0..each {
                    let id = format!("w{w}-n{n}");
                    ok(&add_notice(&file, &id, &id));
                }
            })
        })
        .collect();
    for t in threads {
        t.join().unwrap();
    }
    done.store(true, std::sync::atomic::Ordering::Relaxed);
    let reads = reader.join().unwrap();
    assert!(
        reads > 10,
        "the reader read while writers wrote ({reads} reads)"
    );
    assert_eq!(
        notices_in(&fs::read_to_string(&file).unwrap()),
        writers * each,
        "no update lost"
    );
    let leftovers: Vec<_> = fs::read_dir(&dir)
        .unwrap()
        .flatten()
        .map(|e| e.file_name())
        .collect();
    assert_eq!(
        leftovers.len(),
        3,
        "status.json, .bak and .lock only: {leftovers:?}"
    );
}

#[test]
fn a_killed_write_leaves_the_old_file_or_the_new_one() {
    let dir = folder("killed");
    let file = dir.join("status.json");
    // A large file (about 2 MB), so that a write takes long enough to be killed in the middle.
    let mut doc = before_the_week();
    let seed: Value = serde_json::from_str(SEED).unwrap();
    doc["incidents"] = (0..400)
        .map(|n| {
            let mut incident = seed["incidents"][0].clone();
            incident["id"] = json!(format!("copy-{n}"));
            incident
        })
        .collect();
    write_json(&file, &doc);
    // One whole write, timed: the kills below land anywhere from its start to well after its end.
    let started = Instant::now();
    ok(&add_notice(&file, "timed", "Timed"));
    let whole = started.elapsed().as_micros() as u32;
    let mut notices = 1;
    let mut seed_rng = 0x2545_f491_u32;
    let (mut killed, mut finished, mut mid_write) = (0, 0, 0);
    for round in 0..40 {
        let old = fs::read_to_string(&file).unwrap();
        let id = format!("n{round}");
        let mut child: Child = command()
            .args(add_notice(&file, &id, &id))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        if round % 2 == 0 {
            // At a random moment.
            seed_rng ^= seed_rng << 13;
            seed_rng ^= seed_rng >> 17;
            seed_rng ^= seed_rng << 5;
            std::thread::sleep(Duration::from_micros(u64::from(seed_rng % (whole * 3 / 2))));
        } else {
            // The moment the new text's temporary file appears: in the middle of writing it.
            let temporary = |e: &fs::DirEntry| {
                e.file_name()
                    .to_string_lossy()
                    .starts_with("status.json.tmp-")
            };
            while child.try_wait().unwrap().is_none() {
                if fs::read_dir(&dir).unwrap().flatten().any(|e| temporary(&e)) {
                    mid_write += 1;
                    break;
                }
            }
        }
        let _ = child.kill();
        if child.wait().unwrap().success() {
            finished += 1;
        } else {
            killed += 1;
        }
        let now = fs::read_to_string(&file).unwrap();
        let count = notices_in(&now);
        assert!(
            (now == old && count == notices) || count == notices + 1,
            "round {round}: {count} notices after {notices}"
        );
        notices = count;
    }
    eprintln!(
        "killed writes: {killed} killed ({mid_write} while the new text was being written), \
         {finished} finished; a whole write takes {whole} µs"
    );
    assert!(
        killed > 0 && finished > 0 && mid_write > 0,
        "{killed} killed and {finished} finished writes"
    );
    // The next writer clears what killed ones left and works.
    ok(&add_notice(&file, "last", "Last"));
    assert_eq!(notices_in(&fs::read_to_string(&file).unwrap()), notices + 1);
    let mut left: Vec<_> = fs::read_dir(&dir)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().into_string().unwrap())
        .collect();
    left.sort();
    assert_eq!(left, ["status.json", "status.json.bak", "status.json.lock"]);
}
