//! What each fuzz target does with its input, and the properties it checks.
//! Shared by the AFL binaries (`fuzz/src/bin`) and by `tests/fuzz_corpus.rs`,
//! which replays the committed corpus and every past finding in `cargo test`.
//! Each AFL binary uses one of them.
#![allow(dead_code)]

use rapport::persona::Persona;
use rapport::progress::{
    check_ranges, decode_import, decode_summary, encode, encode_summary, Progress, SUSPEND_DATA_MAX,
};
use rapport::scenario::{compile, load_compiled, parse, read_zip, MAX_PACK_BYTES};
use rapport::scoring::{grade, Context, Criterion};

/// Scenario source: parse and validate; a scenario is produced only when
/// there is no error, and every diagnostic points inside the text.
pub fn scenario(data: &[u8]) {
    let Ok(src) = std::str::from_utf8(data) else {
        return;
    };
    let parsed = parse("fuzz.toml", src);
    let has_errors = parsed.errors().next().is_some();
    assert!(
        !(has_errors && parsed.scenario.is_some()),
        "a scenario came out despite errors"
    );
    for d in &parsed.diagnostics {
        let (start, end) = d.span;
        assert!(
            start <= end && end <= src.len(),
            "span {start}..{end} outside the text"
        );
    }
}

/// A scenario pack: whatever comes out stays within the pack limit.
pub fn zip(data: &[u8]) {
    if let Ok(files) = read_zip(data) {
        let total: usize = files.iter().map(|f| f.source.len()).sum();
        assert!(total <= MAX_PACK_BYTES, "unpacked {total} bytes");
    }
}

/// An imported progress file: an accepted one is within range and survives
/// being saved and read again.
pub fn progress_import(data: &[u8]) {
    let Ok(raw) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(p) = decode_import(raw) {
        assert_eq!(check_ranges(&p), Ok(()));
        let again = decode_import(&encode(&p)).expect("a saved import reads back");
        assert_eq!(again.attempts.len(), p.attempts.len());
    }
}

/// A reply: the first byte picks the customer type, the rest is the reply.
/// Scores stay in [0, 1] and evidence on character boundaries.
pub fn scorer(data: &[u8]) {
    let Some((&first, rest)) = data.split_first() else {
        return;
    };
    let Ok(reply) = std::str::from_utf8(rest) else {
        return;
    };
    let persona = Persona::ALL[usize::from(first) % Persona::ALL.len()];
    let a = grade(
        reply,
        &Context::standalone(persona, "My order never arrived."),
    );
    assert!((0.0..=1.0).contains(&a.total), "total {}", a.total);
    for c in Criterion::ALL {
        let s = a.get(c);
        assert!((0.0..=1.0).contains(&s.score), "{c:?} {}", s.score);
        for e in &s.evidence {
            let (start, end) = (e.span.start, e.span.end);
            assert!(start <= end && reply.is_char_boundary(start) && reply.is_char_boundary(end));
        }
    }
}

/// Progress an LMS hands back (`cmi.suspend_data`, the cmi5 State API):
/// what is accepted is within range and, summarised again, fits SCORM 1.2.
pub fn lms_summary(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(attempts) = decode_summary(text) {
        let p = Progress {
            attempts,
            ..Progress::default()
        };
        assert_eq!(check_ranges(&p), Ok(()));
        assert!(encode_summary(&p).len() <= SUSPEND_DATA_MAX);
    }
}

/// A compiled scenario read back from the browser's storage: what is
/// accepted compiles to the same text again.
pub fn compiled(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(scenarios) = load_compiled(text) {
        let again = compile(&scenarios);
        assert_eq!(load_compiled(&again).map(|s| s.len()), Ok(scenarios.len()));
    }
}
