//! Progress records: format versions, storage failures, merging, insights.

use rapport::progress::*;
use rapport::scenario::bundled;
use rapport::scoring::Criterion;
use rapport::sim::Session;
use std::rc::Rc;

fn attempt(id: &str, scenario: &str, started_ms: u64, total: f32) -> Attempt {
    Attempt {
        id: id.into(),
        scenario: scenario.into(),
        scenario_version: 1,
        persona: "irate".into(),
        started_ms,
        duration_ms: 60_000,
        seed: 1,
        outcome: "resolved_satisfied".into(),
        total,
        scores: Criterion::ALL
            .iter()
            .map(|c| (c.id().to_string(), total))
            .collect(),
        flags: Default::default(),
        faults: vec![],
        replies: 3,
        transcript: Some(vec![Line {
            who: "trainee".into(),
            text: "hello".into(),
        }]),
    }
}

#[test]
fn every_earlier_format_version_still_loads() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/progress");
    let mut n = 0;
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        let raw = std::fs::read_to_string(e.path()).unwrap();
        let p = decode(&raw).unwrap_or_else(|err| panic!("{}: {err}", e.path().display()));
        assert!(!p.attempts.is_empty());
        n += 1;
    }
    assert!(n >= 1);
}

#[test]
fn a_played_session_round_trips() {
    let s = Rc::new(
        bundled()
            .into_iter()
            .filter_map(|p| p.scenario)
            .find(|s| s.id.0 == "parcel-missing")
            .unwrap(),
    );
    let mut session = Session::new(s, 4, 1_000);
    assert!(
        Attempt::from_session(&session).is_none(),
        "not recorded while going on"
    );
    session
        .respond(
            "Sorry, Marco. I'll send a replacement today; it arrives next business day.",
            10_000,
        )
        .unwrap();
    // Both of Marco's needs are met in one reply, so he closes at once.
    let a = Attempt::from_session(&session).unwrap();
    assert_eq!(a.outcome, "resolved_satisfied");
    assert_eq!(a.scores.len(), 13);
    assert_eq!(a.transcript.as_ref().unwrap().len(), 3);
    let p = Progress {
        trainee: "Ana".into(),
        attempts: vec![a],
    };
    assert_eq!(decode(&encode(&p)).unwrap(), p);
}

#[test]
fn a_missing_key_is_a_fresh_start() {
    let store = ProgressStore::new(MemoryStore::default());
    assert_eq!(store.load().unwrap(), Loaded::Fresh);
}

#[test]
fn a_corrupt_blob_is_reported_with_its_raw_text_and_backed_up() {
    let mut mem = MemoryStore::default();
    mem.set(
        KEY,
        "{\"format\":\"rapport-progress\",\"version\":1,\"attempts\":[{oops",
    )
    .unwrap();
    let mut store = ProgressStore::new(mem);
    let Loaded::Unreadable { raw, error } = store.load().unwrap() else {
        panic!("unreadable")
    };
    assert!(matches!(error, DecodeError::Corrupt { .. }));
    assert!(raw.contains("oops"), "nothing is lost");
    let key = store.back_up(&raw, 42).unwrap();
    assert_eq!(key, format!("{BACKUP_PREFIX}42"));
    assert_eq!(
        store.store.get(&key).unwrap().as_deref(),
        Some(raw.as_str())
    );
    assert_eq!(
        store.store.get(KEY).unwrap().as_deref(),
        Some(raw.as_str()),
        "loading changed nothing"
    );
}

#[test]
fn a_blob_from_a_newer_version_is_not_overwritten() {
    let mut mem = MemoryStore::default();
    let newer =
        "{\"format\":\"rapport-progress\",\"version\":3,\"min_compatible\":2,\"attempts\":[]}";
    mem.set(KEY, newer).unwrap();
    let store = ProgressStore::new(mem);
    match store.load().unwrap() {
        Loaded::Unreadable {
            error: DecodeError::Newer { version: 3, .. },
            raw,
        } => assert_eq!(raw, newer),
        other => panic!("{other:?}"),
    }
    // A newer writer that stays readable by old versions is accepted.
    assert!(decode(
        "{\"format\":\"rapport-progress\",\"version\":2,\"min_compatible\":1,\"attempts\":[]}"
    )
    .is_ok());
    assert!(matches!(
        decode("{\"format\":\"something-else\",\"version\":1}"),
        Err(DecodeError::Corrupt { .. })
    ));
}

#[test]
fn full_or_refused_storage_keeps_the_attempt_in_memory() {
    let mut store = ProgressStore::new(MemoryStore {
        capacity: Some(10),
        ..Default::default()
    });
    let mut p = Progress::default();
    assert_eq!(
        store.record(&mut p, attempt("a", "x", 1, 0.5)),
        Err(StoreError::Full)
    );
    assert_eq!(p.attempts.len(), 1, "kept in memory");
    let mut refused = ProgressStore::new(MemoryStore {
        refuse: true,
        ..Default::default()
    });
    assert!(matches!(refused.load(), Err(StoreError::Unavailable(_))));
    assert!(matches!(
        refused.record(&mut p, attempt("b", "x", 2, 0.5)),
        Err(StoreError::Unavailable(_))
    ));
    assert_eq!(p.attempts.len(), 2);
}

#[test]
fn each_record_is_one_write_and_the_previous_state_stays_readable() {
    let mut store = ProgressStore::new(MemoryStore::default());
    let mut p = Progress::default();
    store.record(&mut p, attempt("a", "x", 1, 0.5)).unwrap();
    let before = store.store.get(KEY).unwrap().unwrap();
    store.store.capacity = Some(before.len());
    assert_eq!(
        store.record(&mut p, attempt("b", "x", 2, 0.5)),
        Err(StoreError::Full)
    );
    let Loaded::Found(saved) = store.load().unwrap() else {
        panic!()
    };
    assert_eq!(
        saved.attempts.len(),
        1,
        "the failed write left the previous state intact"
    );
}

#[test]
fn old_transcripts_are_trimmed_but_scores_kept() {
    let p = Progress {
        trainee: String::new(),
        attempts: (0..(TRANSCRIPT_KEEP as u64 + 20))
            .map(|i| attempt(&format!("a{i}"), "x", i, 0.5))
            .collect(),
    };
    let back = decode(&encode(&p)).unwrap();
    assert_eq!(back.attempts.len(), p.attempts.len());
    assert_eq!(
        back.attempts
            .iter()
            .filter(|a| a.transcript.is_some())
            .count(),
        TRANSCRIPT_KEEP
    );
    assert!(back.attempts[0].transcript.is_none() && back.attempts[0].scores.len() == 13);
}

#[test]
fn import_merges_without_duplicates() {
    let mut mine = Progress {
        trainee: "Sam".into(),
        attempts: vec![attempt("a", "x", 1, 0.5), attempt("b", "x", 3, 0.5)],
    };
    let theirs = Progress {
        trainee: "Other".into(),
        attempts: vec![attempt("b", "x", 3, 0.5), attempt("c", "x", 2, 0.5)],
    };
    assert_eq!(merge(&mut mine, &theirs), 1);
    let ids: Vec<&str> = mine.attempts.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ["a", "c", "b"], "ordered by start time");
    assert_eq!(mine.trainee, "Sam");
}

#[test]
fn streaks_bests_and_series() {
    let day = 24 * 60 * 60 * 1000;
    let p = Progress {
        trainee: String::new(),
        attempts: vec![
            attempt("a", "x", day, 0.4),
            attempt("b", "y", 3 * day, 0.6),
            attempt("c", "x", 4 * day + 5, 0.9),
        ],
    };
    assert_eq!(streak_days(&p, 4 * day + 100), 2);
    assert_eq!(streak_days(&p, 5 * day + 100), 2, "yesterday still counts");
    assert_eq!(streak_days(&p, 7 * day), 0);
    assert_eq!(personal_bests(&p)["x"], 0.9);
    assert_eq!(criterion_series(&p, Criterion::Check), vec![0.4, 0.6, 0.9]);
}

#[test]
fn practise_next_targets_the_weakest_criterion() {
    let library: Vec<_> = bundled().into_iter().filter_map(|p| p.scenario).collect();
    let refs: Vec<&_> = library.iter().collect();
    let first = recommend(&Progress::default(), &refs).unwrap();
    assert!(first.criterion.is_none());
    let mut a = attempt("a", "billing-double-charge", 1, 0.8);
    a.scores.insert("broad_knowledge".into(), 0.05);
    let p = Progress {
        trainee: String::new(),
        attempts: vec![a],
    };
    let r = recommend(&p, &refs).unwrap();
    assert_eq!(r.criterion, Some(Criterion::BroadKnowledge));
    let s = library.iter().find(|s| s.id.0 == r.scenario).unwrap();
    assert!(s
        .golden
        .iter()
        .any(|g| g.expect_hit.contains(&Criterion::BroadKnowledge)));
    assert!(r.reason.contains("Broad product knowledge"), "{}", r.reason);
}

#[test]
fn team_table_has_a_row_per_trainee() {
    let a = Progress {
        trainee: "Ana".into(),
        attempts: vec![attempt("a", "x", 1, 0.5), attempt("b", "x", 2, 0.7)],
    };
    let b = Progress::default();
    let rows = team_table(&[a, b]);
    assert_eq!(rows[0].trainee, "Ana");
    assert!((rows[0].average_total - 0.6).abs() < 1e-6);
    assert_eq!(rows[0].averages.len(), 13);
    assert_eq!(rows[1].trainee, "Trainee 2");
    assert_eq!(rows[1].attempts, 0);
}

#[test]
fn xapi_statements_are_valid_and_keep_their_id() {
    use rapport::progress::xapi::{iso_duration, iso_timestamp, statement, statement_id};
    let a = attempt(
        "billing-double-charge-1763900000000-7",
        "billing-double-charge",
        1_763_900_000_000,
        0.74,
    );
    let s = statement(&a, "Charged twice");
    let id = s["id"].as_str().unwrap();
    assert_eq!(
        id,
        statement_id(&a.id),
        "the same attempt always gives the same id"
    );
    assert_ne!(id, statement_id("another attempt"));
    let parts: Vec<&str> = id.split('-').collect();
    assert_eq!(
        parts.iter().map(|p| p.len()).collect::<Vec<_>>(),
        [8, 4, 4, 4, 12]
    );
    assert!(parts[2].starts_with('5'), "version 5");
    assert!(
        matches!(parts[3].chars().next(), Some('8' | '9' | 'a' | 'b')),
        "RFC 4122 variant"
    );
    assert_eq!(s["result"]["score"]["scaled"], 0.74);
    assert_eq!(s["result"]["score"]["raw"], 74.0);
    assert_eq!(s["result"]["extensions"].as_object().unwrap().len(), 13);
    assert!(
        s.get("actor").is_none(),
        "the actor comes from the trainer's configuration"
    );
    assert_eq!(iso_duration(95_000), "PT1M35S");
    assert_eq!(iso_duration(3_600_500), "PT1H0.5S");
    assert_eq!(iso_timestamp(0), "1970-01-01T00:00:00.000Z");
    assert_eq!(iso_timestamp(1_763_900_060_123), "2025-11-23T12:14:20.123Z");
}
