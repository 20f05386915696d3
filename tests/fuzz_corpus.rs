//! Replays the committed fuzz corpus (`fuzz/corpus/<target>/`) and every past
//! finding (`fuzz/regressions/<target>/`) through the same checks the fuzz
//! targets make, so a fixed crash stays fixed without running the fuzzer.

#[path = "../fuzz/src/targets.rs"]
mod targets;

use std::path::Path;

fn replay(target: &str, run: fn(&[u8])) -> usize {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz");
    let mut count = 0;
    for dir in ["corpus", "regressions"] {
        let Ok(entries) = std::fs::read_dir(root.join(dir).join(target)) else {
            continue;
        };
        for e in entries {
            let path = e.unwrap().path();
            run(&std::fs::read(&path).unwrap());
            count += 1;
        }
    }
    count
}

#[test]
fn scenario_corpus() {
    assert!(replay("scenario", targets::scenario) > 10);
}

#[test]
fn zip_corpus() {
    assert!(replay("zip", targets::zip) > 3);
}

#[test]
fn progress_import_corpus() {
    assert!(replay("progress_import", targets::progress_import) > 2);
}

#[test]
fn scorer_corpus() {
    assert!(replay("scorer", targets::scorer) > 10);
}

#[test]
fn lms_summary_corpus() {
    assert!(replay("lms_summary", targets::lms_summary) > 1);
}

#[test]
fn compiled_corpus() {
    assert!(replay("compiled", targets::compiled) > 1);
}
