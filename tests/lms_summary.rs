//! The progress summary an LMS keeps (SCORM 1.2 `cmi.suspend_data`, cmi5
//! State API): always within 4,096 characters, read back without panics,
//! merged as a union.

use proptest::prelude::*;
use rapport::progress::lms::{encode_summary_within, SUMMARY_HEADER};
use rapport::progress::*;
use rapport::scoring::Criterion;
use std::collections::BTreeMap;

const DAY: u64 = 86_400_000;
const NOV_2026: u64 = 1_795_000_000_000;

fn attempt(scenario: &str, started_ms: u64, seed: u64, total: f32) -> Attempt {
    Attempt {
        id: format!("{scenario}-{started_ms}-{seed}"),
        scenario: scenario.into(),
        scenario_version: 2,
        persona: "irate".into(),
        started_ms,
        duration_ms: 95_000,
        seed,
        outcome: "resolved_satisfied".into(),
        total,
        scores: Criterion::ALL
            .iter()
            .enumerate()
            .map(|(i, c)| (c.id().to_string(), (i as f32) / 12.0))
            .collect(),
        flags: BTreeMap::from([("argue".to_string(), 1)]),
        faults: vec!["fix_before_empathy".into()],
        replies: 4,
        transcript: Some(vec![Line {
            who: "trainee".into(),
            text: "Hello".into(),
        }]),
    }
}

fn progress(attempts: Vec<Attempt>) -> Progress {
    Progress {
        trainee: "Sam".into(),
        attempts,
    }
}

#[test]
fn a_few_attempts_come_back_with_their_scores_dates_and_ids() {
    let p = progress(vec![
        attempt("billing-double-charge", NOV_2026, 7, 0.5),
        attempt("account-locked", NOV_2026 + DAY, 4_294_967_295, 0.875),
    ]);
    let text = encode_summary(&p);
    assert!(text.starts_with(SUMMARY_HEADER), "{text}");
    assert!(text.is_ascii());
    let back = decode_summary(&text).unwrap();
    assert_eq!(back.len(), 2);
    for (a, b) in p.attempts.iter().zip(&back) {
        assert_eq!(a.id, b.id);
        assert_eq!(a.scenario, b.scenario);
        assert_eq!(a.scenario_version, b.scenario_version);
        assert_eq!(a.persona, b.persona);
        assert_eq!(a.started_ms, b.started_ms);
        assert_eq!(a.seed, b.seed);
        assert_eq!(a.outcome, b.outcome);
        assert_eq!(a.duration_ms, b.duration_ms);
        assert_eq!(a.replies, b.replies);
        assert!((a.total - b.total).abs() <= 0.0005);
        for c in Criterion::ALL {
            assert!((a.score(c) - b.score(c)).abs() <= 0.0005, "{c:?}");
        }
        // Only the browser keeps the conversation itself.
        assert_eq!(b.transcript, None);
    }
}

#[test]
fn an_empty_lms_record_is_no_attempts_and_empty_progress_fits() {
    assert_eq!(decode_summary(""), Ok(vec![]));
    let text = encode_summary(&Progress::default());
    assert_eq!(decode_summary(&text), Ok(vec![]));
}

#[test]
fn ids_and_outcomes_with_any_characters_survive() {
    let mut a = attempt("café, \"rush|hour\"*%", NOV_2026, 3, 0.3);
    a.outcome = "a new outcome.".into();
    a.persona = "ä*".into();
    let back = decode_summary(&encode_summary(&progress(vec![a.clone()]))).unwrap();
    assert_eq!(back[0].scenario, a.scenario);
    assert_eq!(back[0].id, a.id);
    assert_eq!(back[0].outcome, a.outcome);
    assert_eq!(back[0].persona, a.persona);
}

#[test]
fn a_long_record_keeps_every_scenarios_best_and_latest_then_the_newest() {
    let mut attempts = Vec::new();
    // One early record on a scenario never played again, a best long ago,
    // then hundreds of ordinary attempts.
    attempts.push(attempt("returns-once", NOV_2026, 1, 0.4));
    attempts.push(attempt("billing-double-charge", NOV_2026 + 1_000, 2, 0.99));
    for i in 0..600u64 {
        attempts.push(attempt(
            "billing-double-charge",
            NOV_2026 + DAY + i * 60_000,
            100 + i,
            0.5,
        ));
    }
    let p = progress(attempts);
    let text = encode_summary(&p);
    assert!(text.len() <= SUSPEND_DATA_MAX, "{}", text.len());
    assert!(
        text.len() > SUSPEND_DATA_MAX - 100,
        "room was wasted: {}",
        text.len()
    );
    let back = decode_summary(&text).unwrap();
    let ids: Vec<&str> = back.iter().map(|a| a.id.as_str()).collect();
    assert!(
        ids.contains(&p.attempts[0].id.as_str()),
        "the only attempt of a scenario"
    );
    assert!(ids.contains(&p.attempts[1].id.as_str()), "the best attempt");
    assert!(
        ids.contains(&p.attempts.last().unwrap().id.as_str()),
        "the latest"
    );
    // Newest kept rather than oldest.
    assert!(!ids.contains(&p.attempts[2].id.as_str()));
    assert!(back.len() > 90, "only {} attempts fit", back.len());
    // Detail goes before whole attempts do: here every attempt is compact.
    assert!(back.iter().all(|a| a.duration_ms == 0));
}

#[test]
fn when_not_all_detail_fits_the_newest_attempts_keep_it() {
    let attempts: Vec<Attempt> = (0..80u64)
        .map(|i| attempt("account-locked", NOV_2026 + i * DAY, i, 0.5))
        .collect();
    let text = encode_summary(&progress(attempts));
    let back = decode_summary(&text).unwrap();
    assert_eq!(back.len(), 80);
    assert_eq!(back[0].duration_ms, 0, "the oldest are compact");
    assert_eq!(back[79].duration_ms, 95_000, "the newest are in full");
    assert!(back
        .windows(2)
        .all(|w| w[0].duration_ms <= w[1].duration_ms));
}

#[test]
fn merging_is_a_union_that_never_removes_or_changes_local_attempts() {
    let here = progress(vec![
        attempt("account-locked", NOV_2026, 1, 0.6),
        attempt("account-locked", NOV_2026 + 2 * DAY, 2, 0.7),
    ]);
    let there = progress(vec![
        attempt("account-locked", NOV_2026, 1, 0.6),
        attempt("billing-double-charge", NOV_2026 + DAY, 3, 0.8),
    ]);
    let mut merged = here.clone();
    assert_eq!(merge_summary(&mut merged, &encode_summary(&there)), Ok(1));
    assert_eq!(merged.attempts.len(), 3);
    // Local attempts keep everything, transcript included, and their order.
    assert_eq!(merged.attempts[0], here.attempts[0]);
    assert_eq!(merged.attempts[2], here.attempts[1]);
    assert_eq!(merged.attempts[1].scenario, "billing-double-charge");
    assert_eq!(merged.trainee, "Sam");
    // Merging again adds nothing; merging the merged record back there
    // gives the union on that side too.
    assert_eq!(merge_summary(&mut merged, &encode_summary(&there)), Ok(0));
    let mut there2 = there.clone();
    assert_eq!(merge_summary(&mut there2, &encode_summary(&merged)), Ok(1));
    assert_eq!(there2.attempts.len(), 3);
}

#[test]
fn an_attempt_out_of_range_is_left_out_and_the_rest_still_reads_back() {
    let mut odd = attempt("account-locked", NOV_2026, 1, 0.6);
    odd.started_ms = 40_000_000_000_000; // after the year 3000
    let p = progress(vec![odd, attempt("account-locked", NOV_2026, 2, 0.7)]);
    let back = decode_summary(&encode_summary(&p)).unwrap();
    assert_eq!(back.len(), 1);
    assert_eq!(back[0].seed, 2);
}

#[test]
fn an_attempt_with_an_older_kind_of_id_is_not_doubled() {
    let mut a = attempt("account-locked", NOV_2026, 9, 0.6);
    a.id = "imported-42".into();
    let mut p = progress(vec![a.clone()]);
    let text = encode_summary(&p);
    assert_eq!(merge_summary(&mut p, &text), Ok(0));
    assert_eq!(p.attempts, vec![a]);
}

#[test]
fn unreadable_text_is_a_clear_error_and_leaves_progress_alone() {
    let p = progress(vec![attempt("account-locked", NOV_2026, 1, 0.6)]);
    let good = encode_summary(&p);
    let cases = [
        ("{\"lesson\": 3}", SummaryError::NotASummary),
        (
            "rapport-lms9|x|y",
            SummaryError::Newer("rapport-lms9".into()),
        ),
    ];
    for (text, want) in cases {
        let mut q = p.clone();
        assert_eq!(merge_summary(&mut q, text), Err(want));
        assert_eq!(q, p);
    }
    for text in [
        format!("{good}|"),
        good.replace("irate", "ir ate"),
        good.replacen(".", "..", 1),
        format!("{SUMMARY_HEADER}|a*b*1|5.1.1.0.00.0000000000000"),
        format!("{SUMMARY_HEADER}|a*b*1|0.1.1.0.zz.0000000000000"),
        format!("{SUMMARY_HEADER}|a*b*1|0.zzzzzzzzzzzzz.1.0.00.0000000000000"),
        format!("{SUMMARY_HEADER}|%zz*b*1|"),
    ] {
        let mut q = p.clone();
        let e = merge_summary(&mut q, &text).unwrap_err();
        assert!(matches!(e, SummaryError::Damaged(_)), "{text}: {e:?}");
        assert!(e
            .to_string()
            .starts_with("the progress saved by the LMS is damaged ("));
        assert_eq!(q, p);
    }
}

fn any_attempt() -> impl Strategy<Value = Attempt> {
    (
        "\\PC{1,60}",
        0u64..40_000_000_000_000,
        any::<u64>(),
        "\\PC{0,30}",
        any::<f32>(),
        prop::collection::vec(any::<f32>(), 0..14),
        any::<u64>(),
        any::<u32>(),
        any::<u32>(),
    )
        .prop_map(
            |(
                scenario,
                started_ms,
                seed,
                outcome,
                total,
                scores,
                duration_ms,
                replies,
                version,
            )| {
                Attempt {
                    id: format!("{scenario}-{started_ms}-{seed}"),
                    scenario,
                    scenario_version: version,
                    persona: "rushed".into(),
                    started_ms,
                    duration_ms,
                    seed,
                    outcome,
                    total,
                    scores: Criterion::ALL
                        .iter()
                        .zip(scores)
                        .map(|(c, s)| (c.id().to_string(), s))
                        .collect(),
                    flags: BTreeMap::new(),
                    faults: vec![],
                    replies,
                    transcript: None,
                }
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn any_progress_encodes_within_the_scorm_limit(
        attempts in prop::collection::vec(any_attempt(), 0..400),
        limit in 0usize..=SUSPEND_DATA_MAX,
    ) {
        let p = progress(attempts);
        let text = encode_summary(&p);
        prop_assert!(text.len() <= SUSPEND_DATA_MAX, "{} characters", text.len());
        prop_assert!(text.is_ascii());
        // What Rapport wrote always reads back (an attempt out of the import
        // ranges is left out of the summary, not written to make it
        // unreadable), adds nothing already there and nothing twice.
        let mut q = p.clone();
        prop_assert_eq!(merge_summary(&mut q, &text), Ok(0));
        prop_assert_eq!(&q, &p);
        let mut fresh = Progress::default();
        let n = merge_summary(&mut fresh, &text).unwrap();
        prop_assert_eq!(n, fresh.attempts.len());
        prop_assert_eq!(merge_summary(&mut fresh, &text), Ok(0));
        // Any smaller room is respected too.
        let small = encode_summary_within(&p, limit.max(SUMMARY_HEADER.len() + 2));
        prop_assert!(small.len() <= limit.max(SUMMARY_HEADER.len() + 2));
    }

    #[test]
    fn any_text_reads_back_as_attempts_or_a_clear_error(text in "\\PC{0,300}") {
        match decode_summary(&text) {
            Ok(list) => prop_assert!(text.trim().is_empty() || !list.is_empty() || text.starts_with(SUMMARY_HEADER)),
            Err(e) => prop_assert!(e.to_string().starts_with("the progress saved by the LMS")),
        }
    }

    #[test]
    fn changed_summaries_read_back_as_attempts_or_a_clear_error(
        seed_attempts in prop::collection::vec(any_attempt(), 1..5),
        at in any::<prop::sample::Index>(),
        with in "[\\PC|.,*%]{0,3}",
    ) {
        let text = encode_summary(&progress(seed_attempts));
        let mut cut = at.index(text.len());
        while !text.is_char_boundary(cut) { cut -= 1; }
        let changed = format!("{}{with}{}", &text[..cut], &text[(cut + 1).min(text.len())..]);
        let mut p = Progress::default();
        match merge_summary(&mut p, &changed) {
            Ok(n) => prop_assert_eq!(n, p.attempts.len()),
            Err(e) => {
                prop_assert!(e.to_string().starts_with("the progress saved by the LMS"));
                prop_assert!(p.attempts.is_empty());
            }
        }
    }
}
