//! The conversation engine: transcripts per persona, determinism, misuse,
//! and a property test that no reply can make it panic.

use rapport::persona::Persona;
use rapport::scenario::{bundled, Scenario};
use rapport::scoring::{Criterion, FlagId};
use rapport::sim::{Event, Outcome, Session, SimError, Speaker, MAX_REPLY_CHARS};
use std::rc::Rc;

fn scenario(id: &str) -> Rc<Scenario> {
    let s = bundled()
        .into_iter()
        .filter_map(|p| p.scenario)
        .find(|s| s.id.0 == id)
        .unwrap_or_else(|| panic!("bundled scenario {id}"));
    Rc::new(s)
}

fn customer_lines(s: &Session) -> Vec<String> {
    s.log()
        .iter()
        .filter_map(|e| match e {
            Event::Said {
                speaker: Speaker::Customer,
                text,
            } => Some(text.clone()),
            _ => None,
        })
        .collect()
}

fn play(id: &str, seed: u64, replies: &[&str]) -> Session {
    let mut s = Session::new(scenario(id), seed, 0);
    for (i, r) in replies.iter().enumerate() {
        s.respond(r, (i as u64 + 1) * 15_000)
            .expect("reply accepted");
    }
    s
}

#[test]
fn irate_customer_calms_with_empathy_and_ownership() {
    let s = play(
        "billing-double-charge",
        7,
        &[
            "Hi Dana, I'm Sam from billing. I'm so sorry, being charged twice and left overdrawn must be really stressful. Can you tell me the date of the charges?",
            "Thank you. I'll refund the duplicate charge right now, and I'll personally make sure it goes through.",
        ],
    );
    let anger: Vec<i32> = s.turns().iter().map(|t| t.mood_after.anger).collect();
    assert!(
        anger[0] < 70 && anger[1] <= anger[0],
        "anger path {anger:?}"
    );
    assert!(s.turns()[0].assessment.hit(Criterion::Empathize));
    assert!(!s.is_over());
    assert_eq!(customer_lines(&s).len(), 3);
}

#[test]
fn telling_an_irate_customer_to_calm_down_ends_the_call() {
    let s = play(
        "billing-double-charge",
        3,
        &["Calm down. You should have checked your bill."],
    );
    assert_eq!(s.outcome(), Some(Outcome::CustomerHungUp));
    let a = &s.turns()[0].assessment;
    assert!(a.flagged(FlagId::CalmDown) && a.flagged(FlagId::Blame));
    assert!(matches!(
        s.log().last(),
        Some(Event::Ended {
            outcome: Outcome::CustomerHungUp,
            ..
        })
    ));
}

#[test]
fn analytical_trust_follows_the_facts() {
    let right = play(
        "subscription-downgrade",
        5,
        &["The unused months are credited pro rata, and Solo includes 50 GB of storage; files over it stay read-only for 30 days."],
    );
    let wrong = play(
        "subscription-downgrade",
        5,
        &["I believe there's no refund for the remaining months and you'd lose the files."],
    );
    let start = right.scenario().mood.trust;
    assert!(right.mood().trust > start, "correct facts build trust");
    assert!(wrong.mood().trust < start, "wrong facts erode trust");
}

#[test]
fn rushed_patience_drains_with_long_replies_and_slow_answers() {
    let long = "I completely understand and I want to make sure we look at every detail of this together. ".repeat(6);
    let mut slow = Session::new(scenario("parcel-missing"), 1, 0);
    slow.respond("Let me look into that for you.", 200_000)
        .unwrap();
    let mut quick = Session::new(scenario("parcel-missing"), 1, 0);
    quick
        .respond("Let me look into that for you.", 5_000)
        .unwrap();
    assert!(
        slow.mood().patience < quick.mood().patience,
        "waiting costs patience"
    );
    let mut verbose = Session::new(scenario("parcel-missing"), 1, 0);
    verbose.respond(&long, 5_000).unwrap();
    assert!(
        verbose.mood().patience < quick.mood().patience,
        "long replies cost patience"
    );
}

#[test]
fn rushed_customer_resolved_quickly() {
    let s = play(
        "parcel-missing",
        4,
        &["Sorry about that, Marco. I'll send a replacement today at no cost; it arrives next business day."],
    );
    // One reply met both needs that matter, so he closes at once.
    assert_eq!(s.outcome(), Some(Outcome::ResolvedSatisfied));
}

#[test]
fn same_seed_same_transcript_different_seed_may_differ() {
    let replies = [
        "Hello, I'm sorry about this. What's the date of the charge?",
        "I'll refund it now.",
    ];
    let a = play("billing-double-charge", 42, &replies);
    let b = play("billing-double-charge", 42, &replies);
    assert_eq!(a.log(), b.log());
    let varied = (0..20)
        .map(|seed| customer_lines(&play("billing-double-charge", seed, &replies)))
        .collect::<std::collections::HashSet<_>>();
    assert!(varied.len() > 1, "line variants are picked by the seed");
}

#[test]
fn hidden_facts_are_revealed_only_when_asked() {
    let asked = play(
        "subscription-downgrade",
        2,
        &["How much storage are you using at the moment?"],
    );
    assert!(asked
        .log()
        .iter()
        .any(|e| matches!(e, Event::Revealed { hidden } if hidden == "usage")));
    assert!(customer_lines(&asked)[1].contains("38 GB"));
    let told = play("subscription-downgrade", 2, &["Storage on Solo is 50 GB."]);
    assert!(!told
        .log()
        .iter()
        .any(|e| matches!(e, Event::Revealed { .. })));
}

#[test]
fn offering_beyond_authority_is_reported_and_costs_trust() {
    let s = play(
        "billing-double-charge",
        1,
        &["I'm so sorry. I'll refund $150 to your card right now."],
    );
    assert!(s.log().iter().any(|e| matches!(e, Event::BeyondAuthority { amount, limit } if *amount == 150.0 && *limit == 70.0)));
}

#[test]
fn misuse_is_an_error_not_a_panic() {
    let mut s = Session::new(scenario("parcel-missing"), 1, 0);
    assert_eq!(s.respond("   ", 1), Err(SimError::EmptyReply));
    let long = "a".repeat(MAX_REPLY_CHARS + 1);
    assert!(matches!(s.respond(&long, 1), Err(SimError::TooLong { .. })));
    assert!(s.turns().is_empty(), "refused replies leave no trace");
    let events = s.end(10).unwrap();
    assert!(matches!(
        events.last(),
        Some(Event::Ended {
            outcome: Outcome::TraineeEnded,
            ..
        })
    ));
    assert_eq!(s.respond("hello?", 20), Err(SimError::Ended));
    assert_eq!(s.end(30), Err(SimError::Ended));
}

#[test]
fn the_turn_limit_ends_a_going_nowhere_conversation() {
    let mut s = Session::new(scenario("billing-double-charge"), 1, 0);
    let mut turns = 0;
    while !s.is_over() {
        s.respond("I see.", turns * 1000).unwrap();
        turns += 1;
        assert!(turns <= 20);
    }
    assert!(matches!(
        s.outcome(),
        Some(Outcome::OutOfTurns | Outcome::CustomerHungUp)
    ));
}

#[test]
fn personal_customer_warms_to_rapport() {
    let warm = play(
        "florist-wedding",
        14,
        &["Mrs Patel, it's lovely to hear from you. I'm so sorry the sample came in the wrong colours for Riya's wedding."],
    );
    let cold = play(
        "florist-wedding",
        14,
        &["The order was processed as entered."],
    );
    assert!(warm.mood().anger < cold.mood().anger);
    assert!(
        customer_lines(&warm)[1].contains("Thank you"),
        "she opens up: {:?}",
        customer_lines(&warm)
    );
    assert!(cold.turns()[0]
        .assessment
        .notes
        .iter()
        .any(|n| n.text.contains("cold")));
}

#[test]
fn functional_customer_follows_clear_steps() {
    let s = play(
        "router-no-internet",
        10,
        &["First, switch the router off at the wall for 30 seconds, then switch it on. It takes about 3 minutes to reconnect."],
    );
    assert!(customer_lines(&s)[1].contains("switched it off"));
    assert!(s.turns()[0]
        .assessment
        .notes
        .iter()
        .any(|n| n.text.contains("step-by-step")));
}

#[test]
fn an_offer_beyond_authority_is_a_fault_on_the_scorecard() {
    let mut s = play(
        "billing-double-charge",
        1,
        &["I'm so sorry. I'll refund $150 to your card right now."],
    );
    s.end(60_000).unwrap();
    assert!(s
        .scorecard()
        .faults
        .iter()
        .any(|f| f.id() == "beyond_authority"));
}

#[test]
fn a_warm_transfer_and_a_cold_one_end_differently() {
    let warm = play("flight-cancelled", 6, &["I understand. I'll transfer you to the duty supervisor now and stay on the line until she answers."]);
    let cold = play(
        "flight-cancelled",
        6,
        &["I'm sorry. You'll need to call customer relations on 0800 555 0110."],
    );
    assert_eq!(warm.outcome(), Some(Outcome::Escalated { warm: true }));
    assert_eq!(cold.outcome(), Some(Outcome::Escalated { warm: false }));
}

#[test]
fn every_persona_default_mood_is_in_range() {
    for p in Persona::ALL {
        let m = rapport::mood::Mood::default_for(p);
        assert_eq!(m, m.clamped());
    }
}

mod property {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]

        #[test]
        fn respond_never_panics(replies in proptest::collection::vec("\\PC{0,300}", 1..6), seed in any::<u64>(), gap in 0u64..1_000_000) {
            let mut s = Session::new(scenario("billing-double-charge"), seed, 0);
            for (i, r) in replies.iter().enumerate() {
                let _ = s.respond(r, gap * (i as u64 + 1));
            }
            let m = s.mood();
            prop_assert!((0..=100).contains(&m.anger) && (0..=100).contains(&m.patience) && (0..=100).contains(&m.trust));
        }

        #[test]
        fn odd_text_never_panics(r in prop_oneof![
            Just("😀".repeat(1500)),
            Just("\u{0}\u{202e}\u{feff}".repeat(300)),
            Just("a'b'c".repeat(400)),
            "[\\x00-\\x7f]{0,2000}",
        ]) {
            let mut s = Session::new(scenario("parcel-missing"), 1, 0);
            let _ = s.respond(&r, 1000);
        }
    }
}

#[test]
fn ending_before_any_reply_scores_zero_below_any_attempt() {
    let mut quit = Session::new(scenario("parcel-missing"), 1, 0);
    quit.end(10).unwrap();
    assert_eq!(quit.scorecard().total, 0.0);
    let poor = play("parcel-missing", 1, &["Okay."]);
    let mut poor = poor;
    if !poor.is_over() {
        poor.end(2000).unwrap();
    }
    assert!(poor.scorecard().total >= quit.scorecard().total);
}

/// Needs, memory and endings over every bundled scenario and seeds 1 to 20.
mod needs {
    use super::*;
    use rapport::scenario::RunLevel;

    fn bundled_scenarios() -> Vec<Rc<Scenario>> {
        bundled()
            .into_iter()
            .filter_map(|p| p.scenario)
            .map(Rc::new)
            .collect()
    }

    /// Plays `replies` until the conversation ends.
    fn run(s: &Rc<Scenario>, seed: u64, replies: &[String]) -> Session {
        let mut session = Session::new(Rc::clone(s), seed, 0);
        for (i, r) in replies.iter().enumerate() {
            if session.is_over() {
                break;
            }
            session
                .respond(r, (i as u64 + 1) * 20_000)
                .expect("accepted");
        }
        session
    }

    /// The customer line after each reply.
    fn answers(s: &Session) -> Vec<String> {
        customer_lines(s).into_iter().skip(1).collect()
    }

    /// Fails when a line after a need was met asks for that need again.
    fn never_asks_again(s: &Session, what: &str) {
        let sc = s.scenario();
        let lines = answers(s);
        for (t, turn) in s.turns().iter().enumerate() {
            for (i, need) in sc.needs.iter().enumerate() {
                let met_at = s.memory().met[i];
                if met_at.is_none_or(|m| m > t) {
                    continue;
                }
                assert_ne!(
                    turn.trace.asked.as_deref(),
                    Some(need.id.as_str()),
                    "{what}: reply {} asked for `{}`, met at reply {}",
                    t + 1,
                    need.id,
                    met_at.unwrap() + 1
                );
                let line = lines.get(t).map(String::as_str).unwrap_or("");
                for ask in need.ask.iter().chain(&need.again) {
                    assert!(
                        !line.contains(ask.as_str()),
                        "{what}: after reply {} the customer says {line:?}, asking for `{}` again",
                        t + 1,
                        need.id
                    );
                }
                if let Some(node) = &turn.trace.node_after {
                    let n = sc.nodes.iter().find(|n| &n.id.0 == node).unwrap();
                    assert_ne!(n.need, Some(i), "{what}: node `{node}` asks for a met need");
                }
            }
        }
    }

    fn runs(s: &Scenario, level: RunLevel) -> Vec<Vec<String>> {
        s.golden
            .iter()
            .filter(|g| g.level == Some(level))
            .map(|g| g.replies.clone())
            .collect()
    }

    #[test]
    fn every_bundled_scenario_is_format_2_with_an_expert_an_average_and_a_poor_run() {
        for s in bundled_scenarios() {
            assert_eq!(s.format, 2, "{}", s.file);
            assert!(!s.needs.is_empty(), "{}", s.file);
            for level in RunLevel::ALL {
                assert!(
                    !runs(&s, level).is_empty(),
                    "{}: no {} run",
                    s.file,
                    level.id()
                );
            }
        }
    }

    #[test]
    fn experts_end_well_averages_never_better_poor_runs_badly_with_every_seed() {
        let mut checked = 0;
        for s in bundled_scenarios() {
            for seed in 1..=20u64 {
                let expert: Vec<Outcome> = runs(&s, RunLevel::Expert)
                    .iter()
                    .map(|r| {
                        let played = run(&s, seed, r);
                        never_asks_again(&played, &format!("{} expert seed {seed}", s.id));
                        played.outcome().unwrap_or(Outcome::TraineeEnded)
                    })
                    .collect();
                for o in &expert {
                    assert!(
                        o.is_good(),
                        "{} seed {seed}: expert ended `{}`",
                        s.id,
                        o.id()
                    );
                }
                let best = expert.iter().map(|o| o.credit()).fold(0.0, f32::max);
                for r in runs(&s, RunLevel::Average) {
                    let played = run(&s, seed, &r);
                    never_asks_again(&played, &format!("{} average seed {seed}", s.id));
                    let o = played.outcome().unwrap_or(Outcome::TraineeEnded);
                    assert!(
                        o.credit() <= best,
                        "{} seed {seed}: average ended `{}`",
                        s.id,
                        o.id()
                    );
                }
                for r in runs(&s, RunLevel::Poor) {
                    let played = run(&s, seed, &r);
                    never_asks_again(&played, &format!("{} poor seed {seed}", s.id));
                    let o = played.outcome().unwrap_or(Outcome::TraineeEnded);
                    assert!(
                        !o.is_good(),
                        "{} seed {seed}: poor ended `{}`",
                        s.id,
                        o.id()
                    );
                }
                checked += 1;
            }
        }
        assert!(checked >= 16 * 20, "{checked} scenario × seed pairs");
    }

    #[test]
    fn mixed_replies_never_make_a_customer_ask_for_a_met_need() {
        // Every golden reply of a scenario, in an order that depends on the seed.
        for s in bundled_scenarios() {
            let pool: Vec<String> = s.golden.iter().flat_map(|g| g.replies.clone()).collect();
            for seed in 1..=20u64 {
                let mut order = pool.clone();
                let mut x = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
                for i in (1..order.len()).rev() {
                    x ^= x << 13;
                    x ^= x >> 7;
                    x ^= x << 17;
                    order.swap(i, (x % (i as u64 + 1)) as usize);
                }
                let played = run(&s, seed, &order);
                never_asks_again(&played, &format!("{} mixed seed {seed}", s.id));
            }
        }
    }

    #[test]
    fn one_reply_meets_several_needs_and_the_customer_moves_on() {
        let s = play(
            "billing-double-charge",
            7,
            &["I'm so sorry, Dana, that's awful. I'm refunding the duplicate $64.90 now and it will be back on your card in 3 to 5 business days."],
        );
        let t = &s.turns()[0].trace;
        let met: Vec<&str> = t.needs_met.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(met, ["heard", "refund", "timeline"], "{t}");
        assert_eq!(t.asked.as_deref(), Some("overdraft_fee"));
        let line = customer_lines(&s).pop().unwrap();
        assert!(line.contains("$35") || line.contains("overdraft"), "{line}");
        assert!(!line.contains("money back"), "{line}");
    }

    #[test]
    fn a_contradiction_is_noticed_and_costs_trust() {
        let s = play(
            "billing-double-charge",
            7,
            &[
                "I'm so sorry, that's awful. I'll refund the duplicate charge; it takes 3 to 5 business days.",
                "Actually you'll have it refunded today.",
            ],
        );
        let t = &s.turns()[1].trace;
        assert!(t.contradiction.is_some(), "{t}");
        assert!(t
            .mood
            .iter()
            .any(|p| p.cause == "contradicted an earlier statement"));
        let line = customer_lines(&s).pop().unwrap();
        assert!(
            line.contains("3 to 5 business days") && line.contains("Which"),
            "{line}"
        );
    }

    #[test]
    fn a_hidden_fact_is_its_own_sentence_and_never_before_a_hang_up() {
        // Asked, then said once, as a sentence of its own.
        let s = play(
            "billing-double-charge",
            1,
            &[
                "I'm so sorry. How has this affected you?",
                "How has this affected your bank account?",
            ],
        );
        let lines = customer_lines(&s);
        let fee = "my bank charged me a $35 overdraft fee";
        assert_eq!(
            lines.iter().filter(|l| l.contains(fee)).count(),
            1,
            "{lines:?}"
        );
        assert!(lines[1].starts_with("And on top of that"), "{lines:?}");
        // Asked in a reply that makes the customer hang up: not said.
        let s = play(
            "billing-double-charge",
            1,
            &["Calm down, you should have checked. How much did your bank charge you?"],
        );
        assert_eq!(s.outcome(), Some(Outcome::CustomerHungUp));
        assert!(!customer_lines(&s).iter().any(|l| l.contains(fee)));
    }

    #[test]
    fn the_trace_names_the_node_the_rule_and_the_mood_causes() {
        let s = play(
            "billing-double-charge",
            3,
            &["I hear you. That's our policy, the payment date is fixed."],
        );
        let t = &s.turns()[0].trace;
        assert_eq!(t.node_before.as_deref(), Some("opening"));
        assert!(
            t.rule
                .as_deref()
                .is_some_and(|r| r.contains("anytime[0]") && r.contains("furious")),
            "{t}"
        );
        assert!(
            t.mood
                .iter()
                .any(|p| p.cause == "mistakes flagged" && p.delta > 0),
            "{t}"
        );
        let text = t.to_string();
        assert!(text.contains("node: opening -> furious"), "{text}");
    }
}

#[test]
fn a_customer_still_sore_when_every_need_is_met_gives_one_more_reply_a_chance() {
    // Every need that matters met in one curt reply: Graham is not content yet.
    let fix = "Sorry. I have booked you on the 13:40 flight today at no cost.";
    let curt = play("flight-cancelled", 7, &[fix]);
    assert!(!curt.is_over(), "{:?}", customer_lines(&curt));
    assert_eq!(curt.turns()[0].trace.open, ["compensation"]);
    // A warm reply settles it; an empty one ends it grudgingly.
    let warm = play(
        "flight-cancelled",
        7,
        &[fix, "Graham, I'm truly sorry about this morning, you must be exhausted and worried about the wedding. You're confirmed on the 13:40, and I'll start a compensation claim for you too. Is there anything else I can do?"],
    );
    let cold = play("flight-cancelled", 7, &[fix, "Okay."]);
    assert_eq!(
        warm.outcome(),
        Some(Outcome::ResolvedSatisfied),
        "{:?}",
        customer_lines(&warm)
    );
    assert_eq!(
        cold.outcome(),
        Some(Outcome::ResolvedUnhappy),
        "{:?}",
        customer_lines(&cold)
    );
}
