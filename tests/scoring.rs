//! The scorer: behaviour on the hard cases, and floors on the evaluation
//! corpus's dev split and the false-credit probes (`rapport eval` prints them).

use rapport::persona::Persona;
use rapport::scoring::eval::{evaluate, evaluate_split, parse_examples, Split};
use rapport::scoring::{grade, Assessment, Context, Criterion, Fact, FlagId, Severity};
use rapport::text::Pattern;

fn irate(reply: &str) -> Assessment {
    grade(reply, &Context::standalone(Persona::Irate, ""))
}

fn as_(persona: Persona, reply: &str) -> Assessment {
    grade(reply, &Context::standalone(persona, ""))
}

#[test]
fn every_criterion_is_always_present_in_order() {
    let a = irate("");
    assert_eq!(a.criteria.len(), 13);
    for (c, s) in Criterion::ALL.iter().zip(&a.criteria) {
        assert_eq!(*c, s.criterion);
        assert!((0.0..=1.0).contains(&s.score));
    }
}

#[test]
fn negation_removes_credit() {
    assert!(irate("I'm so sorry about this.").hit(Criterion::Empathize));
    assert!(!irate("I'm not sorry about this.").hit(Criterion::Empathize));
    assert!(!irate("I'm not going to apologise for that.").hit(Criterion::Empathize));
    assert!(irate("I'd be happy to help.").hit(Criterion::Eager));
    assert!(!irate("I can't help with that.").hit(Criterion::Eager));
    assert!(irate("I can't help with that.").flagged(FlagId::NotMyJob));
    assert!(!irate("I can not refund it.").hit(Criterion::Resolve));
    // A negation in an earlier clause does not reach across the comma.
    assert!(irate("Don't worry, I'm so sorry this happened.").hit(Criterion::Empathize));
}

#[test]
fn hedged_promises_earn_half() {
    let firm = irate("I will refund it today.");
    let hedged = irate("I might try to refund it.");
    assert_eq!(firm.score(Criterion::Resolve), 1.0);
    assert!(hedged.score(Criterion::Resolve) < 1.0);
    assert!(
        irate("We'll look into it.").score(Criterion::Resolve) < 0.5,
        "a vague promise is not a fix"
    );
}

#[test]
fn non_apologies_are_flagged_and_earn_nothing() {
    for r in [
        "I'm sorry you feel that way.",
        "Sorry if you were offended.",
        "I apologise if that upset you.",
    ] {
        let a = irate(r);
        assert!(a.flagged(FlagId::NonApology), "{r}");
        assert!(
            !a.hit(Criterion::Empathize) && !a.hit(Criterion::Sincere),
            "{r}"
        );
    }
}

#[test]
fn severe_flags_cancel_empathy_sincerity_and_respect() {
    let a = irate("I'm so sorry and thank you for your patience, but calm down.");
    assert!(a
        .flags
        .iter()
        .any(|f| f.id == FlagId::CalmDown && f.severity == Severity::Severe));
    for c in [Criterion::Empathize, Criterion::Sincere, Criterion::Respect] {
        assert_eq!(a.score(c), 0.0, "{c:?}");
    }
}

#[test]
fn sales_pitch_is_severe_only_for_an_upset_customer() {
    let pitch = "Would you like to upgrade to our premium plan?";
    let angry = as_(Persona::Irate, pitch);
    let calm = as_(Persona::Analytical, pitch);
    assert_eq!(angry.flags[0].severity, Severity::Severe);
    assert_eq!(calm.flags[0].severity, Severity::Minor);
}

#[test]
fn questions_are_classified_by_kind() {
    let a = irate("What's your order number? Can you tell me more about what happened? What would you like us to do?");
    assert!(a.questions.basic && a.questions.detail && a.questions.assessment);
    assert_eq!(a.score(Criterion::Question), 1.0);
    let check = irate("Does that work for you?");
    assert!(check.hit(Criterion::Check));
    assert!(
        !check.hit(Criterion::Question),
        "a satisfaction check is not a clarifying question"
    );
    assert!(!irate("What I can do is send a new one.").hit(Criterion::Question));
}

#[test]
fn listening_needs_real_reflection() {
    let customer = "My router keeps dropping the connection every evening.";
    let ctx = Context::standalone(Persona::Irate, customer);
    let stock = grade("I hear you.", &ctx).score(Criterion::Listen);
    let echo =
        grade("So the router drops the connection each evening.", &ctx).score(Criterion::Listen);
    let full = grade(
        "It sounds like the router keeps dropping the connection every evening.",
        &ctx,
    )
    .score(Criterion::Listen);
    assert!(
        stock < 0.5,
        "a stock phrase alone earns no credit ({stock})"
    );
    assert!(echo >= 0.5, "a summary in their words ({echo})");
    assert_eq!(full, 1.0);
    // Answering with their words is not saying them back.
    let answer = grade("The router needs a reset every evening.", &ctx).score(Criterion::Listen);
    assert!(answer < 0.5, "{answer}");
    for (r, listens) in [
        ("I understand how you feel.", false),
        (
            "I understand you're frustrated, and I'm here to help.",
            false,
        ),
        ("I hear this has taken a lot of your time.", true),
        ("Take your time, I'm listening.", true),
    ] {
        assert_eq!(irate(r).hit(Criterion::Listen), listens, "{r}");
    }
}

#[test]
fn broad_knowledge_follows_the_facts() {
    let facts = vec![Fact {
        id: "refund_time".into(),
        text: "Refunds take 3 to 5 business days.".into(),
        says: vec![Pattern::literal("3 to 5 business days").unwrap()],
        wrong: vec![Pattern::literal("within 24 hours").unwrap()],
    }];
    let ctx = |_: ()| Context {
        facts: &facts,
        ..Context::standalone(Persona::Analytical, "")
    };
    let right = grade(
        "It'll be back on your card in 3 to 5 business days.",
        &ctx(()),
    );
    let wrong = grade("It'll be back within 24 hours.", &ctx(()));
    assert_eq!(right.score(Criterion::BroadKnowledge), 1.0);
    assert_eq!(wrong.score(Criterion::BroadKnowledge), 0.0);
    assert!(wrong.get(Criterion::BroadKnowledge).evidence[0]
        .note
        .contains("3 to 5 business days"));
    assert!(right.total > wrong.total);
}

#[test]
fn a_rushed_customer_gets_no_hint_to_ask_more_questions() {
    let a = as_(Persona::Rushed, "I'll send a new one today.");
    assert!(a.get(Criterion::Question).hint.is_none());
    assert!(as_(Persona::Irate, "I'll send a new one today.")
        .get(Criterion::Question)
        .hint
        .is_some());
}

#[test]
fn persona_changes_the_total() {
    let long = format!(
        "I'll refund it now. {}",
        "I want to explain everything about how our billing works in great detail. ".repeat(8)
    );
    let short = "I'll refund it now, it arrives in 3 days.";
    assert!(as_(Persona::Rushed, short).total > as_(Persona::Rushed, &long).total);
    assert!(as_(Persona::Rushed, &long)
        .notes
        .iter()
        .any(|n| n.delta < 0.0));
    let fix_first = as_(Persona::Irate, "I'll refund it now.");
    assert!(fix_first
        .notes
        .iter()
        .any(|n| n.text.contains("before acknowledging")));
    let vague = as_(Persona::Analytical, "I think it should be fine, probably.");
    assert!(vague.notes.iter().any(|n| n.text.contains("Vague")));
}

#[test]
fn text_as_people_type_it() {
    assert!(
        irate("I\u{2019}M SO SORRY!!").hit(Criterion::Empathize),
        "curly apostrophe and capitals"
    );
    assert!(
        irate("im realy sory about that").hit(Criterion::Empathize),
        "missing apostrophe and typos"
    );
    assert!(
        irate("So sorry 😞 I'll refund it 👍").hit(Criterion::Resolve),
        "emoji"
    );
    assert!(irate("dont worry, ill sort it. id be glad to help").hit(Criterion::Eager));
}

#[test]
fn every_span_is_a_valid_slice_of_the_reply() {
    let reply = "Héllo! I’m sö sorry 😀 — calm down, I'll refund €40. Does that work? 🙏";
    let a = irate(reply);
    let spans = a
        .criteria
        .iter()
        .flat_map(|c| c.evidence.iter().map(|e| e.span))
        .chain(a.flags.iter().map(|f| f.span));
    for s in spans {
        assert!(reply.get(s.start..s.end).is_some(), "{s:?}");
    }
}

#[test]
fn a_huge_paste_is_graded_on_its_first_part() {
    let paste = "I'm so sorry, I'll fix it. ".repeat(5000);
    let a = irate(&paste);
    assert!(a.truncated);
    assert!(a.hit(Criterion::Empathize));
    let last = a
        .criteria
        .iter()
        .flat_map(|c| &c.evidence)
        .map(|e| e.span.end)
        .max()
        .unwrap();
    assert!(last <= rapport::scoring::MAX_GRADED_BYTES);
}

#[test]
fn grading_is_deterministic() {
    let r =
        "Hi, I'm Sam. I'm sorry. What's your order number? I'll refund it and call you tomorrow.";
    assert_eq!(irate(r), irate(r));
}

/// The corpus's dev split: figures at or above where they stand, so a
/// change that loses ground fails. The sealed split is measured by `rapport
/// eval --split sealed` and reported, never used as a gate to tune against.
#[test]
fn corpus_dev_split_does_not_lose_ground() {
    let mut examples = Vec::new();
    for entry in std::fs::read_dir("tests/data/corpus").unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|x| x == "tsv") {
            let src = std::fs::read_to_string(&path).unwrap();
            examples.extend(parse_examples(&src).unwrap_or_else(|e| panic!("{path:?}: {e}")));
        }
    }
    let report = evaluate_split(&examples, Split::Dev);
    assert!(report.examples >= 1000, "{} dev replies", report.examples);
    assert!(
        report.agreement >= AGREEMENT_FLOOR && report.macro_f1 >= MACRO_F1_FLOOR,
        "dev agreement {:.3} (floor {AGREEMENT_FLOOR}), macro F1 {:.3} (floor {MACRO_F1_FLOOR})\n{report}",
        report.agreement,
        report.macro_f1
    );
}

/// Where the dev split stands today; raise these as the scorer improves.
const AGREEMENT_FLOOR: f64 = AGREEMENT_NOW - 0.01;
const MACRO_F1_FLOOR: f64 = MACRO_F1_NOW - 0.01;
const AGREEMENT_NOW: f64 = 0.751;
const MACRO_F1_NOW: f64 = 0.70;

#[test]
fn false_credit_probes_do_not_lose_ground() {
    let examples = parse_examples(include_str!("data/false-credit.tsv")).unwrap();
    let report = evaluate(&examples);
    assert!(report.probes >= 300);
    let rate = report.probes_right as f64 / report.probes as f64;
    assert!(rate >= PROBES_FLOOR, "{rate:.3} < {PROBES_FLOOR}\n{report}");
}

const PROBES_FLOOR: f64 = 0.95;

#[test]
fn paraphrased_mistakes_stay_flagged() {
    let examples = parse_examples(include_str!("data/paraphrases.tsv")).unwrap();
    let report = evaluate(&examples);
    assert!(report.probes >= 100);
    let rate = report.probes_right as f64 / report.probes as f64;
    assert!(
        rate >= PARAPHRASES_FLOOR,
        "{rate:.3} < {PARAPHRASES_FLOOR}\n{report}"
    );
}

/// Where the paraphrase set stands today (95 of 114); raise it as flags improve.
const PARAPHRASES_FLOOR: f64 = 0.82;

#[test]
fn calibration_shows_agreement_and_exports_disagreements_for_eval() {
    use rapport::scoring::calibration::{compare, export_tsv, Judged};
    let items = vec![
        Judged {
            persona: Persona::Irate,
            reply: "I'm so sorry. I'll refund it now.".into(),
            customer: String::new(),
            // A stock apology is empathy; sincerity needs its own evidence.
            human: vec![
                Criterion::Empathize,
                Criterion::Resolve,
                Criterion::Empowered,
            ],
        },
        Judged {
            persona: Persona::Irate,
            reply: "Calm down.".into(),
            customer: String::new(),
            // The trainer (wrongly) credits respect.
            human: vec![Criterion::Respect],
        },
    ];
    let a = compare(&items);
    assert_eq!(a.per_criterion.len(), 12);
    assert!(a.disagreements.iter().all(|d| d.item == 1));
    assert!(a.rate() > 0.9 && a.rate() < 1.0);
    let tsv = export_tsv(&items, &a);
    let examples = parse_examples(&tsv).unwrap();
    assert_eq!(examples.len(), 1, "only the reply with a disagreement");
    assert_eq!(examples[0].reply, "Calm down.");
    assert_eq!(examples[0].hits, vec![Criterion::Respect]);
}

fn hits(a: &Assessment) -> Vec<Criterion> {
    Criterion::ALL.into_iter().filter(|c| a.hit(*c)).collect()
}

#[test]
fn a_reply_in_another_language_is_reported_not_scored_as_empty() {
    let a = irate("Lo siento mucho, ya hice el reembolso de sus 40 dólares hoy.");
    assert_eq!(a.unscored_language, Some("es"));
    assert_eq!(a.total, 0.0);
    assert!(a.notes.iter().any(|n| n.text.contains("Spanish")));
    assert!(
        a.criteria.iter().all(|c| c.hint.is_none()),
        "no coaching on words it could not read"
    );
    // Names and borrowed words do not make an English reply foreign.
    let b = irate("Sorry about the muddle, Señora Ruiz. I've refunded the 212 pesos today.");
    assert_eq!(b.unscored_language, None);
    assert!(b.hit(Criterion::Resolve));
}

#[test]
fn typo_repair_never_rewrites_real_words_or_flips_meaning() {
    // "charged" is not a typo of "changed": an admission, not a fix.
    let a = irate("I have charged your card twice by mistake.");
    assert!(
        !a.hit(Criterion::Resolve) && !a.hit(Criterion::Empowered),
        "{:?}",
        hits(&a)
    );
    // Real typos are still understood.
    assert!(irate("im so sory about that").hit(Criterion::Empathize));
}

#[test]
fn restating_or_refusing_is_not_a_fix() {
    for r in [
        "I see that your flight has been cancelled.",
        "Your refund is not coming.",
        "Absolutely not.",
        "Let me see what I can do.",
    ] {
        let a = irate(r);
        assert!(!a.hit(Criterion::Resolve), "{r}: {:?}", hits(&a));
        assert!(!a.hit(Criterion::Empowered), "{r}: {:?}", hits(&a));
    }
    assert!(!irate("Absolutely not.").hit(Criterion::Eager));
    for r in [
        "I'll set up a repayment holiday for you right now.",
        "You're now booked on the 7pm departure, free of charge.",
        "The late fee is waived and the refund is on its way.",
    ] {
        assert!(irate(r).hit(Criterion::Resolve), "{r}");
    }
}

#[test]
fn a_promise_that_names_no_action_is_not_a_fix() {
    for r in [
        "I will fix this for you.",
        "I'll take care of that right away, sir.",
        "We can sort this out.",
        "I'll correct the situation immediately.",
    ] {
        let a = irate(r);
        assert!(!a.hit(Criterion::Resolve), "{r}: {:?}", hits(&a));
        assert!(
            a.get(Criterion::Resolve).score > 0.0,
            "{r}: still a promise"
        );
    }
    for r in [
        "I'll fix the router settings from here now.",
        "I'll refund it now.",
        "I'll take care of this for you, and delete the charges.",
        "Let me take care of it: the refund is done.",
    ] {
        assert!(irate(r).hit(Criterion::Resolve), "{r}");
    }
}

#[test]
fn transfers_are_warm_only_when_they_say_who_why_and_stay() {
    let cold = irate("I'll transfer you now.");
    assert!(cold.flagged(FlagId::ColdTransfer) && !cold.warm_transfer);
    assert!(!cold.hit(Criterion::Resolve));
    let warm = irate("I'm putting you through to Dana in billing, who can reverse the fee; I've told her what happened and I'll stay on the line until she picks up.");
    assert!(!warm.flagged(FlagId::ColdTransfer) && warm.warm_transfer);
    // A number after the fix is a back-up, not a hand-off.
    let backup = irate("I've reissued the card and it's on its way. If it isn't with you by Friday, call 0345 300 0000 and quote CR-88214.");
    assert!(!backup.flagged(FlagId::ColdTransfer));
    assert!(backup.hit(Criterion::FollowUp) && backup.hit(Criterion::Resolve));
}

#[test]
fn a_free_remedy_is_not_a_sales_pitch_but_a_priced_product_is() {
    let remedy = irate("Free upgrade to a mid-size, bay 4, ready now.");
    assert!(!remedy.flagged(FlagId::SalesPitch));
    assert!(remedy.hit(Criterion::Resolve));
    let pitch =
        irate("Unlimited is our most popular plan, only $15 a month. Shall I sign you up today?");
    assert!(pitch.flagged(FlagId::SalesPitch));
}

#[test]
fn an_apology_that_prefaces_a_refusal_is_a_non_apology() {
    for r in [
        "I'm sorry, but I can't refund it.",
        "Sorry if you were confused by the instructions.",
        "I'm sorry sir, it's company policy.",
    ] {
        let a = irate(r);
        assert!(a.flagged(FlagId::NonApology), "{r}");
        assert!(!a.hit(Criterion::Empathize), "{r}");
    }
    let real = irate("I'm so sorry this happened. I'll refund it today.");
    assert!(!real.flagged(FlagId::NonApology) && real.hit(Criterion::Empathize));
    // "but don't worry" reassures, it does not refuse.
    assert!(
        !irate("Sorry about that, but don't worry, I'll fix it now.").flagged(FlagId::NonApology)
    );
}

#[test]
fn excuses_and_blame_without_trigger_words_are_flagged() {
    for r in [
        "We're short-staffed today, that's why.",
        "My computer is really slow today.",
        "It's the hotel's mistake, not ours.",
    ] {
        assert!(irate(r).flagged(FlagId::Excuse), "{r}");
    }
    for r in [
        "You entered the wrong address.",
        "Next time, read the instructions.",
        "Why didn't you check the tracking first?",
    ] {
        assert!(irate(r).flagged(FlagId::Blame), "{r}");
    }
    let neutral = irate("The address on the order is 12 Elm Street; shall I change it?");
    assert!(neutral.flags.is_empty(), "{:?}", neutral.flags);
}

fn hinted(a: &Assessment) -> Vec<Criterion> {
    a.criteria
        .iter()
        .filter(|c| c.hint.is_some())
        .map(|c| c.criterion)
        .collect()
}

#[test]
fn each_turn_is_judged_on_what_it_calls_for() {
    let opener = "Hi Sam, I'm Alex. I'm so sorry, losing the internet before a deadline is \
                  stressful. Is the router light on?";
    let first = grade(
        opener,
        &Context::standalone(Persona::Irate, "My internet is down and I have a deadline!"),
    );
    // Hearing an upset customer out first is what the opening calls for.
    for c in [Criterion::Resolve, Criterion::Empowered, Criterion::Check] {
        assert!(!first.get(c).applicable, "{c:?} is not due yet");
        assert!(!hinted(&first).contains(&c), "no hint to {c:?} yet");
    }
    assert!(
        first.total >= 0.7,
        "a textbook opener scores well: {}",
        first.total
    );
    // One turn later the fix is due, and is hinted at when missing.
    let previous = [first.clone()];
    let ctx = Context {
        previous: &previous,
        ..Context::standalone(Persona::Irate, "Yes, the light is red.")
    };
    let stalling = grade("Thanks for telling me that.", &ctx);
    assert!(stalling.get(Criterion::Resolve).applicable);
    assert!(hinted(&stalling).contains(&Criterion::Resolve));
    assert!(
        !stalling.get(Criterion::Greet).applicable,
        "greeting is for the opening only"
    );
    // A customer in a hurry is owed the fix at once, and no questionnaire.
    let rushed = grade(
        "I've reset your password; the link arrives within a minute.",
        &Context::standalone(Persona::Rushed, "Locked out, need in now."),
    );
    for c in [
        Criterion::Question,
        Criterion::Listen,
        Criterion::Understand,
    ] {
        assert!(
            !rushed.get(c).applicable,
            "{c:?} is not asked of a rushed call"
        );
    }
    assert!(rushed.get(Criterion::Resolve).applicable);
    // What is not due still cannot rescue a poor reply.
    assert_eq!(irate("Calm down, it's probably your router.").total, 0.0);
}

#[test]
fn persona_fit_moves_the_total() {
    let padded = as_(
        Persona::Rushed,
        "Thank you so much for reaching out to us today. I completely understand how important \
         this is. I would be more than happy to help you with that. I have reset your password \
         and the link is in your inbox.",
    );
    let direct = as_(
        Persona::Rushed,
        "I have reset your password; the link is in your inbox now.",
    );
    assert!(
        direct.total > padded.total,
        "a direct answer beats padding for a rushed customer: {} vs {}",
        direct.total,
        padded.total
    );
    assert!(padded.notes.iter().any(|n| n.text.starts_with("Padding")));
    assert!(!direct.notes.iter().any(|n| n.text.starts_with("Padding")));
    let exact = as_(
        Persona::Analytical,
        "I have refunded the duplicate charge; it reaches your card in 3 to 5 working days, by Friday.",
    );
    let vague = as_(
        Persona::Analytical,
        "I have refunded the duplicate charge; it will reach your card soon.",
    );
    assert!(
        exact.total > vague.total,
        "exact figures beat vague ones for an analytical customer: {} vs {}",
        exact.total,
        vague.total
    );
}

#[test]
fn denying_what_the_customer_said_is_arguing() {
    let said = |customer: &str, reply: &str| {
        grade(reply, &Context::standalone(Persona::Irate, customer)).flagged(FlagId::Argue)
    };
    assert!(said(
        "You've lost my parcel!",
        "It is not lost, we have not found it yet."
    ));
    assert!(said(
        "Your staff put ads in my browser.",
        "We did not put anything in your browser."
    ));
    // A refusal, a sympathetic echo and a promise are not contradictions.
    assert!(!said(
        "I want a cash refund.",
        "We don't give refunds in cash."
    ));
    assert!(!said(
        "My parcel still hasn't arrived.",
        "I'm sorry it hasn't arrived yet."
    ));
    assert!(!said(
        "Will it be lost again?",
        "It will not be lost again."
    ));
}

#[test]
fn a_negator_in_a_kind_idiom_or_an_apology_is_not_negative_framing() {
    for r in [
        "No problem, I'll send the replacement today.",
        "I'm sorry you waited 40 minutes with no update.",
        "No need to apologise, Ramona.",
    ] {
        assert!(!irate(r).flagged(FlagId::NegativeLanguage), "{r}");
    }
    for r in [
        "I'm very sorry, sir, but we don't do that.",
        "Unfortunately we can't do that until Monday.",
    ] {
        assert!(irate(r).flagged(FlagId::NegativeLanguage), "{r}");
    }
}

#[test]
fn empathy_by_the_shape_of_the_sentence() {
    for r in [
        "What a nightmare.",
        "How maddening for you.",
        "Ugh, that is the worst timing.",
        "I would be furious too.",
        "I can see why you'd be livid about that.",
        "You have every right to be annoyed.",
    ] {
        assert!(irate(r).hit(Criterion::Empathize), "{r}");
    }
    for r in [
        "I am frustrated with you.",
        "Are you upset?",
        "This is difficult to trace without the order number.",
        "Calm down, it's not that stressful.",
    ] {
        assert!(!irate(r).hit(Criterion::Empathize), "{r}");
    }
}

#[test]
fn an_excuse_is_someone_else_failing() {
    for r in [
        "Our system can't do that.",
        "The courier lost it somewhere in the depot.",
        "The kitchen forgot your order, it happens when we're busy.",
    ] {
        assert!(irate(r).flagged(FlagId::Excuse), "{r}");
    }
    for r in [
        "I'll call the courier now and have it re-sent today.",
        "Has the courier been in touch with you?",
        "The system shows your refund went out this morning.",
    ] {
        assert!(!irate(r).flagged(FlagId::Excuse), "{r}");
    }
}

#[test]
fn a_conversation_counts_what_this_customer_values() {
    use rapport::scoring::Scorecard;
    let fix = "I've reset your password; the link is in your inbox now. Anything else?";
    let rushed = as_(Persona::Rushed, fix);
    let irate_a = as_(Persona::Irate, fix);
    let quick = Scorecard::from_turns(&[rushed], Persona::Rushed, false, true, &[]);
    let cold = Scorecard::from_turns(&[irate_a], Persona::Irate, true, true, &[]);
    let steps = |c: &Scorecard| c.breakdown.terms[1].value;
    assert!(
        steps(&quick) > steps(&cold),
        "one direct fix serves a rushed customer's steps better than an upset one's: {} vs {}",
        steps(&quick),
        steps(&cold)
    );
    for card in [&quick, &cold] {
        let sum: f32 = card.breakdown.terms.iter().map(|t| t.points()).sum();
        assert!(
            (sum.clamp(0.0, 1.0) - card.total).abs() < 0.006,
            "the breakdown adds up"
        );
    }
}

#[test]
fn an_offer_taken_back_in_the_same_sentence_is_no_fix() {
    for r in [
        "I checked whether I could rebook you on the 9am, and I can't.",
        "Refunds, exchanges, store credit: none of those are possible here.",
        "We shipped the wrong size.",
        "I would have refunded it if the system let me.",
    ] {
        assert!(!irate(r).hit(Criterion::Resolve), "{r}");
    }
    // A fix that mentions what went wrong is still a fix.
    assert!(
        irate("I'll have the courier collect the wrong size tomorrow.").hit(Criterion::Resolve)
    );
}

#[test]
fn sending_the_customer_elsewhere_is_flagged_by_its_shape() {
    let a = irate("You'll have to talk to your bank about that.");
    assert!(a.flagged(FlagId::NotMyJob));
    let a = irate("Please ring the claims team on 0800 123 456, they will sort it.");
    assert!(a.flagged(FlagId::ColdTransfer));
    assert!(!a.hit(Criterion::Resolve));
    // Inviting them to go on, or owning it after a "but", is neither.
    assert!(!irate("Please go on, I'm listening.").flagged(FlagId::NotMyJob));
    let a = irate("It's not my department, but I'll reverse the charge for you now.");
    assert!(!a.flagged(FlagId::NotMyJob));
    assert!(a.hit(Criterion::Resolve));
}

#[test]
fn empathy_by_shape_and_sorry_that_is_not_an_apology() {
    for r in [
        "What a month you've had with this router.",
        "I'd feel exactly the same in your shoes.",
        "I'm heartbroken for you.",
    ] {
        assert!(irate(r).hit(Criterion::Empathize), "{r}");
    }
    for r in [
        "Sorry, could you spell the surname?",
        "I can't change that, sorry",
    ] {
        assert!(!irate(r).hit(Criterion::Empathize), "{r}");
    }
    assert!(irate("Sorry, could you spell the surname?").hit(Criterion::Question));
}

#[test]
fn a_check_asks_how_things_are_now() {
    let after_fix = |r: &str| {
        let fixed = irate("I'll refund it now.");
        let ctx = Context {
            previous: std::slice::from_ref(&fixed),
            ..Context::standalone(Persona::Functional, "")
        };
        grade(r, &ctx)
    };
    for r in [
        "Did the app work before the update?",
        "Is there anything else you can tell me about the noise?",
    ] {
        let a = after_fix(r);
        assert!(!a.hit(Criterion::Check), "{r}");
        assert!(a.hit(Criterion::Question), "{r}");
    }
    assert!(after_fix("I've restarted the box. Is the picture clear now?").hit(Criterion::Check));
}

#[test]
fn owned_failures_are_neither_excuses_nor_blame() {
    assert!(irate("A deadline is a deadline.").flagged(FlagId::PolicyShield));
    assert!(!irate("It is what it is.").flagged(FlagId::PolicyShield));
    let owned =
        "That was our courier's mistake, and that's no excuse: a new parcel goes out today.";
    assert!(!irate(owned).flagged(FlagId::Excuse));
    assert!(irate("Everybody's away this week, so it will have to wait.").flagged(FlagId::Excuse));
    assert!(!irate("You should have been told about the fee.").flagged(FlagId::Blame));
    assert!(irate("You should have read the terms.").flagged(FlagId::Blame));
    assert!(irate("Most people manage this without calling.").flagged(FlagId::Insult));
}

#[test]
fn promises_without_a_when_and_substituted_verbs_earn_nothing() {
    let fixed = irate("I'll refund it now.");
    let ctx = Context {
        previous: std::slice::from_ref(&fixed),
        ..Context::standalone(Persona::Functional, "")
    };
    assert!(!grade("I'll probably get back to you at some point.", &ctx).hit(Criterion::FollowUp));
    assert!(grade("I'll call you back at 4pm today.", &ctx).hit(Criterion::FollowUp));
    // A slipped letter is repaired into the verb; a different letter is not.
    assert!(irate("i'll refnd it today").hit(Criterion::Resolve));
    assert!(!irate("I've chenged your plan.").hit(Criterion::Resolve));
}

#[test]
fn rudeness_by_shape_swearing_shouting_and_talking_down() {
    for r in [
        "Well, that's a damn shame for you.",
        "Then get the f*** off my line.",
        "I SAID THE STORE IS CLOSED.",
        "Don't you know how a router works?",
        "Haven't you read the email we sent?",
    ] {
        assert!(irate(r).flagged(FlagId::Insult), "{r}");
    }
    for r in [
        "Your order WM-400 ships today.",
        "Please note: the FAQ has the steps.",
        "Don't you worry, I'll sort it now.",
        "Didn't the engineer leave a card?",
    ] {
        assert!(!irate(r).flagged(FlagId::Insult), "{r}");
    }
    assert!(irate("Sure it is.").flagged(FlagId::Argue));
    assert!(irate("No it didn't.").flagged(FlagId::Argue));
    assert!(!irate("Yes, I can do that today.").flagged(FlagId::Argue));
    assert!(irate("You probably misunderstood the offer.").flagged(FlagId::Blame));
    assert!(!irate("You should have it by Friday.").flagged(FlagId::Blame));
}

#[test]
fn offers_holds_and_fragments_are_not_probing_questions() {
    for r in [
        "Would you like a coffee while you wait?",
        "Is there anything I can help you with?",
        "May I place you on hold for a moment?",
        "Yes, sir?",
    ] {
        assert!(!as_(Persona::Functional, r).hit(Criterion::Question), "{r}");
    }
    for r in [
        "Would you mind telling me when it started?",
        "Could I have your order number?",
        "Your postcode?",
    ] {
        assert!(as_(Persona::Functional, r).hit(Criterion::Question), "{r}");
    }
}

#[test]
fn holds_shortages_refusals_pitches_and_care_are_not_fixes() {
    for r in [
        "We understand, but as per our policy we are unable to process your request.",
        "May I place you on hold for a moment?",
        "I'm sorry, we've run out of the salmon this evening.",
        "Sorry to have kept you waiting.",
        "I'll personally make sure this is handled.",
    ] {
        assert!(
            as_(Persona::Functional, r).score(Criterion::Resolve) < 0.5,
            "{r}"
        );
    }
    // Care with the fix named after it is a fix.
    let named = "I'll make sure the refund is processed today.";
    assert!(as_(Persona::Functional, named).hit(Criterion::Resolve));
}

#[test]
fn saying_back_what_they_said_is_listening_wherever_the_marker_stands() {
    for r in [
        "If I understand correctly, you need a quiet room because you have a meeting tomorrow.",
        "I can hear how frustrating this has been.",
        "So the charge surprised you and you feel misled, did I get that right?",
    ] {
        assert!(irate(r).hit(Criterion::Listen), "{r}");
    }
    for r in [
        "Did I get that right?",
        "I hear you.",
        "If I understand correctly.",
    ] {
        assert!(!irate(r).hit(Criterion::Listen), "{r}");
    }
}

#[test]
fn a_reason_that_puts_the_failure_on_circumstances_is_an_excuse() {
    for r in [
        "It's late because of the snow, there's nothing more to it.",
        "Orders are slow due to high demand this month.",
    ] {
        assert!(irate(r).flagged(FlagId::Excuse), "{r}");
    }
    for r in [
        "I understand your flight was cancelled because of the storm.",
        "I'm calling you back because I want to get this right.",
        "The courier was late due to traffic. That's no excuse, and I've refunded the delivery fee.",
    ] {
        assert!(!irate(r).flagged(FlagId::Excuse), "{r}");
    }
}

#[test]
fn a_next_contact_is_the_agent_getting_back_in_touch() {
    for r in [
        "I'm reviewing the invoice line by line and will reply with a breakdown by 4pm.",
        "I can call you back this afternoon.",
        "I'll forward your message so she can return your call today.",
    ] {
        assert!(as_(Persona::Analytical, r).hit(Criterion::FollowUp), "{r}");
    }
    for r in [
        "Please call us back if it happens again.",
        "You'll have to call back tomorrow.",
    ] {
        assert!(!as_(Persona::Analytical, r).hit(Criterion::FollowUp), "{r}");
    }
    // Goods sent are the fix, not a contact.
    let goods = as_(
        Persona::Analytical,
        "I'll send the replacement to you tomorrow.",
    );
    assert!(goods.hit(Criterion::Resolve));
}

#[test]
fn a_rushed_customer_fixed_in_one_reply_is_a_full_reply() {
    let direct = as_(
        Persona::Rushed,
        "Done: you're booked on the 18:40, seat 14C, and the boarding pass is in your inbox.",
    );
    assert!(direct.total >= 0.9, "{}", direct.total);
    assert!(direct.hit(Criterion::Empowered));
    // Nothing else is asked of that reply: no hint to empathise, check or follow up.
    for c in [Criterion::Empathize, Criterion::Check, Criterion::FollowUp] {
        assert!(direct.get(c).hint.is_none(), "{c:?}");
    }
    // Padding without the fix does not come near it.
    let padded = as_(
        Persona::Rushed,
        "I completely understand how stressful travel disruption can be, and I want you to know we value you.",
    );
    assert!(
        padded.total < direct.total - 0.3,
        "{} vs {}",
        padded.total,
        direct.total
    );
}

#[test]
fn a_warm_hand_over_is_progress_and_a_bare_one_is_a_mistake() {
    let warm = irate(
        "I'm sorry. I'm transferring you to Priya in billing, who can reverse the charge; I've told her everything and I'll stay on until she picks up.",
    );
    assert!(!warm.flagged(FlagId::ColdTransfer));
    assert!(warm.hit(Criterion::Resolve));
    for r in [
        "Hold on, I'll pass you to someone else.",
        "I'll transfer you now.",
    ] {
        let a = irate(r);
        assert!(a.flagged(FlagId::ColdTransfer), "{r}");
        assert!(!a.hit(Criterion::Resolve), "{r}");
    }
    assert!(irate("Call us back tomorrow and ask for the manager.").flagged(FlagId::NotMyJob));
    assert!(
        !irate("Call us back if the engineer hasn't arrived by noon.").flagged(FlagId::NotMyJob)
    );
}

#[test]
fn a_terse_fix_counts_and_small_talk_costs_a_customer_in_a_hurry() {
    let terse = as_(Persona::Rushed, "Moved to tomorrow, 8 to 10am.");
    assert!(terse.hit(Criterion::Resolve));
    let chatty = as_(
        Persona::Rushed,
        "Hi there, thanks so much for reaching out today, I hope you're having a lovely day. I've moved your delivery to tomorrow morning.",
    );
    assert!(chatty.hit(Criterion::Resolve));
    assert!(
        chatty.total < terse.total,
        "{} vs {}",
        chatty.total,
        terse.total
    );
    // A question or a negation is no fix stated as done.
    assert!(!as_(Persona::Rushed, "Refunded? Not yet.").hit(Criterion::Resolve));
}

#[test]
fn a_policy_as_the_whole_answer_is_a_shield_and_a_policy_that_helps_is_not() {
    for r in [
        "Company rules, I'm afraid.",
        "Our terms don't allow refunds after 30 days.",
        "Policy says no.",
        "That's our policy.",
    ] {
        assert!(irate(r).flagged(FlagId::PolicyShield), "{r}");
    }
    for r in [
        "Our policy is to refund within 5 days.",
        "Our policy doesn't cover this, but I can refund it as a goodwill gesture.",
    ] {
        assert!(!irate(r).flagged(FlagId::PolicyShield), "{r}");
    }
    assert!(irate("We're sorry you chose to cancel.").flagged(FlagId::NonApology));
}

#[test]
fn the_same_fix_in_other_words_earns_the_same_credit() {
    for r in [
        "I'll refund the $40 today.",
        "You'll get the $40 back today, I'm processing it now.",
        "The $40 is going back on your card today.",
        "A replacement will be with you tomorrow.",
        "I've sorted a replacement for tomorrow.",
        "Let me chase the depot for you and I'll call you back by 3.",
    ] {
        assert!(as_(Persona::Functional, r).hit(Criterion::Resolve), "{r}");
    }
    for r in ["I'll sort it.", "I am processing your complaint."] {
        assert!(!as_(Persona::Functional, r).hit(Criterion::Resolve), "{r}");
    }
}

#[test]
fn what_happened_said_to_feel_awful_is_empathy_and_a_state_is_not() {
    let opener = grade(
        "Hi Dana, this is Sam in billing. Being charged twice and pushed into overdraft is awful, and nobody calling you back made it worse. Which date did the two payments come out?",
        &Context::standalone(
            Persona::Irate,
            "You've charged me twice for October! That's $130 gone and my account is overdrawn. I called last week and nobody got back to me.",
        ),
    );
    assert!(opener.hit(Criterion::Empathize));
    assert!(
        opener.hit(Criterion::Sincere),
        "it names their own situation"
    );
    assert!(opener.total >= 0.65, "{}", opener.total);
    for r in ["Tracking is stuck.", "The order is urgent."] {
        assert!(!irate(r).hit(Criterion::Empathize), "{r}");
    }
}

#[test]
fn an_excuse_is_a_failure_put_on_someone_else_by_its_shape() {
    for r in [
        "The delay was caused by the shipping company.",
        "It was delayed due to a fault at the depot.",
        "The engineer didn't turn up because he was stuck on another job.",
        "Sorry about the wait, our delivery partner has been really slow this month.",
        "Our payments provider had an outage, so the charge went through twice.",
        "The mistake happened because Sarah in accounts keyed the wrong amount.",
    ] {
        assert!(irate(r).flagged(FlagId::Excuse), "{r}");
    }
    for r in [
        // A reason for the fix, not for the failure.
        "Because of the delay, I've refunded your shipping fee.",
        // The situation itself, not someone in the chain of service.
        "This flight has been delayed due to unexpected mechanical issues.",
        // A schedule, not a reason.
        "The engineer is due to arrive between 8 and 10 tomorrow.",
        // Someone else doing their part, or bound by a rule, is not failing.
        "Your engineer is on his way, and he will be with you by noon.",
        "The doctor can't see you without the form, so I've emailed it to you.",
        // Owned: the failure is the agent's.
        "We're sorry that, due to the storm at the depot, we didn't get it to you on time.",
    ] {
        assert!(!irate(r).flagged(FlagId::Excuse), "{r}");
    }
}

#[test]
fn defending_doubting_and_debating_are_arguing() {
    for r in [
        "I'm only trying to help you here.",
        "Don't you think you're overreacting a little?",
        "No, the item was in stock when you placed the order.",
        "I find that hard to believe.",
        "How am I supposed to know that?",
        "Honestly, the wait was minimal.",
        "We pride ourselves on our punctuality and would never do that.",
    ] {
        assert!(irate(r).flagged(FlagId::Argue), "{r}");
    }
    for r in [
        // A "no" that reassures or answers.
        "No, you don't need to do anything else.",
        "No, there's no charge for the replacement.",
        // Narrating the work, an offer, a kind idiom.
        "I'm just checking your account now.",
        "Would you prefer a refund instead?",
        "Don't you worry, I've already booked the engineer for today.",
        // Pride beside an apology concedes the failure.
        "We pride ourselves on error-free copies and we are terribly sorry this one fell short.",
    ] {
        assert!(!irate(r).flagged(FlagId::Argue), "{r}");
    }
}

#[test]
fn doubting_they_can_manage_the_obvious_or_dismissing_them_is_insulting() {
    for r in [
        "Honestly, anyone could have worked that out.",
        "Maybe try reading the instructions this time.",
        "I'll say it slowly so you can follow.",
        "Is English your first language?",
        "I don't have time for this.",
        "Whatever you say.",
        "Do you even know what model you bought?",
    ] {
        assert!(irate(r).flagged(FlagId::Insult), "{r}");
    }
    for r in [
        "Can you read me the order number, please?",
        "Do you know roughly when it was delivered?",
        "I'll go through each step with you, there's no rush.",
        "Which language would you prefer to continue in?",
        "Take your time, I'm happy to wait.",
    ] {
        assert!(!irate(r).flagged(FlagId::Insult), "{r}");
    }
}

#[test]
fn a_fix_named_inside_a_denial_is_no_fix() {
    for r in [
        "There was no reason for you to get a free night.",
        "I am sorry the package is not there even though tracking shows it was delivered.",
    ] {
        assert!(!irate(r).hit(Criterion::Resolve), "{r}");
    }
    for r in [
        "No problem, your replacement is on its way.",
        "It didn't arrive, so a new one is on its way to you today.",
        "You won't pay a penny: the repair is free of charge.",
    ] {
        assert!(irate(r).hit(Criterion::Resolve), "{r}");
    }
}

#[test]
fn naming_whose_job_it_is_or_the_rule_as_the_reason_is_deflecting() {
    for r in [
        "That's a matter for the warranty team, not us.",
        "You'll have to take that up with the manufacturer.",
        "Returns are handled by a different department.",
        "I only deal with new accounts.",
        "It's up to the courier to sort that out.",
        "I don't have the authority to change that.",
        "We aren't responsible for lost parcels once they leave us.",
    ] {
        assert!(irate(r).flagged(FlagId::NotMyJob), "{r}");
    }
    for r in [
        "That's normally handled by a different team, but I'll fix it myself right now.",
        "It's up to you which option suits you best.",
        "I've opened a case for the billing team and the refund goes out today.",
    ] {
        assert!(!irate(r).flagged(FlagId::NotMyJob), "{r}");
    }
    for r in [
        "Our terms and conditions don't allow that.",
        "Our guidelines say we can't refund opened items.",
        "That's not permitted under the rental agreement.",
        "I have to follow the procedure, I'm sorry.",
    ] {
        assert!(irate(r).flagged(FlagId::PolicyShield), "{r}");
    }
    for r in [
        "Under our guarantee, I can replace it free of charge.",
        "I'll follow up with the courier this afternoon.",
    ] {
        assert!(!irate(r).flagged(FlagId::PolicyShield), "{r}");
    }
}

#[test]
fn empowered_is_a_decision_or_a_fix_carried_out_not_a_routine_promise() {
    for r in [
        "I can waive that fee for you.",
        "Your meal tonight is on the house.",
        "Here's what I can do: a full refund today.",
        "I've reinstated the policy from the lapse date.",
        "I'm resetting your line from this end now.",
    ] {
        assert!(irate(r).hit(Criterion::Empowered), "{r}");
    }
    for r in [
        "I will reset your password.",
        "Sure. I'll bring your drinks now.",
        "You're free to say no to the insurance if you don't want it.",
        "I'm very sorry. If you tell me when you will be free again, I'll call you back.",
    ] {
        assert!(!irate(r).hit(Criterion::Empowered), "{r}");
    }
}

#[test]
fn an_apology_whose_next_words_are_the_refusal_is_a_non_apology() {
    for r in [
        "I'm sorry, ma'am, we can't refund this item.",
        "I'm sorry. You'll have to sit somewhere else.",
        "I'm so sorry that we cannot honor your special request.",
        "I'm sorry, we don't offer refunds on sale items.",
    ] {
        assert!(irate(r).flagged(FlagId::NonApology), "{r}");
    }
    for r in [
        "I'm sorry, I can't believe that happened to you.",
        "I'm sorry, you should never have been charged twice.",
        "I'm sorry sir, I do not know this by heart, let me check with my colleagues.",
        "I'm so sorry. I've refunded the full amount.",
        "I'm sorry about that. You'll need to restart the router once I've reset the line.",
    ] {
        assert!(!irate(r).flagged(FlagId::NonApology), "{r}");
    }
}
