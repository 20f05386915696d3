//! UI components rendered natively with Yew's server-side renderer.

use rapport::mood::Mood;
use rapport::persona::Persona;
use rapport::scenario::{bundled, Scenario};
use rapport::scoring::{grade, Context};
use rapport::sim::{Event, Session, Speaker};
use rapport_home::Card;
use rapport_player::{
    Feedback, MoodMeter, PlayPage, PlayProps, ResultProps, ResultView, ScenarioList,
    ScenarioListProps, Transcript, TranscriptProps,
};
use std::rc::Rc;
use yew::{BaseComponent, ServerRenderer};

fn render<C: BaseComponent>(props: impl FnOnce() -> C::Properties + Send + 'static) -> String {
    futures::executor::block_on(
        ServerRenderer::<C>::with_props(props)
            .hydratable(false)
            .render(),
    )
}

/// The library's cards, as the home page lists them.
fn cards() -> Vec<Card> {
    library().iter().map(|s| Card::from(&**s)).collect()
}

fn library() -> Vec<Rc<Scenario>> {
    bundled()
        .into_iter()
        .filter_map(|p| p.scenario)
        .map(Rc::new)
        .collect()
}

#[test]
fn scenario_list_shows_every_scenario_with_persona_and_difficulty() {
    let html = render::<ScenarioList>(|| ScenarioListProps {
        scenarios: cards(),
        problems: vec![],
        custom: vec![],
        resume: None,
    });
    for s in library() {
        assert!(
            html.contains(&format!("data-testid=\"scenario-{}\"", s.id)),
            "{} missing",
            s.id
        );
        assert!(html.contains(&format!("href=\"#/play/{}\"", s.id)));
    }
    assert!(
        html.contains("persona-irate")
            && html.contains("persona-analytical")
            && html.contains("persona-rushed")
    );
    assert!(!html.contains("library-problems"));
}

#[test]
fn scenario_list_escapes_hostile_titles() {
    let html = render::<ScenarioList>(|| {
        let mut card = cards()[0].clone();
        card.title = "<img src=x onerror=alert(1)>".into();
        ScenarioListProps {
            scenarios: vec![card],
            problems: vec![],
            custom: vec![],
            resume: None,
        }
    });
    assert!(html.contains("&lt;img src=x onerror=alert(1)&gt;"));
    assert!(!html.contains("<img"));
}

#[test]
fn scenario_list_reports_broken_bundled_files() {
    let html = render::<ScenarioList>(|| {
        let broken = rapport::scenario::parse("scenarios/bad.toml", "id = 3");
        ScenarioListProps {
            scenarios: vec![],
            problems: broken.diagnostics,
            custom: vec![],
            resume: None,
        }
    });
    assert!(html.contains("library-problems"));
    assert!(html.contains("scenarios/bad.toml:1:6: error[E004]"));
}

/// A fresh conversation with Dana, who was charged twice (seed 7).
fn billing() -> Session {
    let s = library()
        .into_iter()
        .find(|s| s.id.0 == "billing-double-charge")
        .unwrap();
    Session::new(s, 7, 0)
}

fn played() -> Session {
    let mut session = billing();
    session
        .respond("Hi Dana, I'm so sorry. <b>Calm down</b> though.", 10_000)
        .unwrap();
    session
}

#[test]
fn transcript_shows_both_sides_with_highlighted_evidence_as_text() {
    let html = render::<Transcript>(|| {
        let s = played();
        TranscriptProps {
            events: Rc::new(s.log().to_vec()),
            customer: "Dana Okafor".into(),
            retry: None,
        }
    });
    assert_eq!(html.matches("data-testid=\"customer-message\"").count(), 2);
    assert_eq!(html.matches("data-testid=\"trainee-message\"").count(), 1);
    assert!(
        html.contains("<mark tabindex=\"0\" data-testid=\"evidence\" class=\"good\">Hi<span class=\"why\">Earned Greet"),
        "credit is highlighted, focusable, and says why: {html}"
    );
    assert!(
        html.contains("<mark tabindex=\"0\" data-testid=\"evidence\" class=\"bad\">Calm down<span class=\"why\">Mistake"),
        "mistakes are highlighted, focusable, and say why: {html}"
    );
    assert!(html.contains("&lt;b&gt;"), "reply markup is shown as text");
    assert!(!html.contains("<b>"));
    // Not a live region: the play page's announcer says only what is new.
    assert!(!html.contains("role=\"log\"") && !html.contains("aria-live"));
}

#[test]
fn the_announcement_is_the_new_score_and_customer_line_only() {
    use rapport_player::announce::announcement;
    let s = played();
    let said = announcement(s.log(), "Dana");
    assert!(said.starts_with("Reply 1 scored "), "{said}");
    assert!(said.contains("Mistake: "), "{said}");
    let opening = match &s.log()[0] {
        Event::Said { text, .. } => text.clone(),
        _ => unreachable!(),
    };
    assert!(!said.contains(&opening), "the opening line is not repeated");
    let newest = s
        .log()
        .iter()
        .rev()
        .find_map(|e| match e {
            Event::Said {
                speaker: Speaker::Customer,
                text,
            } => Some(text.clone()),
            _ => None,
        })
        .unwrap();
    assert!(said.ends_with(&format!("Dana says: {newest}")), "{said}");
    let fresh = Session::new(s.scenario().clone(), 7, 0);
    assert_eq!(announcement(fresh.log(), "Dana"), "", "nothing on arrival");
    let mut ended = s.clone();
    ended.end(20_000).unwrap();
    let said = announcement(ended.log(), "Dana");
    assert!(
        said.starts_with("The conversation is over. You ended the conversation."),
        "{said}"
    );
}

#[test]
fn ending_asks_first_and_keeping_on_changes_nothing() {
    use rapport_player::{PlayAction, PlayState};
    use yew::Reducible;
    let s = played();
    let state = Rc::new(PlayState::new(s.scenario().clone(), 7, 0));
    let asked = state.clone().reduce(PlayAction::AskEnd);
    assert!(asked.confirming_end && !asked.session.is_over());
    let kept = asked.clone().reduce(PlayAction::CancelEnd);
    assert!(!kept.confirming_end && !kept.session.is_over());
    let ended = asked.reduce(PlayAction::End { now_ms: 1 });
    assert!(!ended.confirming_end && ended.session.is_over());
}

#[test]
fn the_counter_speaks_only_near_the_limit() {
    use rapport_player::length_warning;
    assert_eq!(length_warning(10), "");
    assert_eq!(length_warning(1_900), "100 characters left");
    assert_eq!(length_warning(2_005), "5 characters over the limit");
}

#[test]
fn feedback_lists_credit_flags_and_hints() {
    let html = render::<Feedback>(|| {
        let a = grade(
            "Calm down, I can refund it.",
            &Context::standalone(Persona::Irate, "I was charged twice!"),
        );
        rapport_player::feedback_props(a)
    });
    assert!(html.contains("data-testid=\"flag-calm_down\""));
    assert!(
        html.contains("Good: this reply shows"),
        "names what went well: {html}"
    );
    assert_eq!(
        html.matches("data-testid=\"next-tip\"").count(),
        1,
        "one tip"
    );
}

#[test]
fn mood_meter_is_labelled_for_screen_readers() {
    let html = render::<MoodMeter>(|| {
        rapport_player::mood_props(Mood {
            anger: 80,
            patience: 20,
            trust: 55,
        })
    });
    assert!(html.contains("aria-label=\"Anger: 80 out of 100\""));
    assert!(html.contains("<meter"));
}

#[test]
fn result_view_has_all_thirteen_criteria_and_the_outcome() {
    let html = render::<ResultView>(|| {
        let mut s = played();
        let events = s.end(20_000).unwrap();
        let Some(Event::Ended { outcome, scorecard }) = events.last().cloned() else {
            panic!("ended")
        };
        ResultProps {
            scorecard: *scorecard,
            outcome,
            scenario: s.scenario().clone(),
            seed: s.seed(),
            on_restart: Default::default(),
            log: Default::default(),
        }
    });
    assert_eq!(
        html.matches("data-testid=\"result-").count()
            - html.matches("data-testid=\"result-total\"").count(),
        13
    );
    assert!(html.contains("You ended the conversation"));
    assert!(html.contains("Seed 7"));
}

#[test]
fn play_page_shows_brief_opening_line_and_reply_box() {
    let html = render::<PlayPage>(|| PlayProps {
        scenario: library()
            .into_iter()
            .find(|s| s.id.0 == "parcel-missing")
            .unwrap(),
        seed: 1,
        record: true,
        seed_given: false,
    });
    assert!(html.contains("Marked as delivered, never arrived"));
    assert!(html.contains("data-testid=\"customer-message\""));
    assert!(html.contains("data-testid=\"reply-input\""));
    assert!(html.contains("Keep it short"), "persona tip");
    assert!(
        html.contains("data-testid=\"goal\""),
        "the goal and reply budget"
    );
    assert!(html.contains("data-testid=\"step-tracker\""));
    assert!(!html.contains("autofocus"));
    let _ = Speaker::Customer;
}

mod progress {
    use super::*;
    use rapport::progress::{Attempt, Progress};
    use rapport_player::progress_state::{ProgressContext, ProgressState, Saving};
    use yew::prelude::*;

    #[derive(Properties, PartialEq)]
    struct HostProps {
        state: ProgressState,
    }

    /// Provides a fixed progress state to the page under test.
    #[function_component(Host)]
    fn host(props: &HostProps) -> Html {
        let initial = props.state.clone();
        let state = use_reducer(move || initial);
        html! {
            <ContextProvider<ProgressContext> context={state}>
                <rapport_player::StorageBanner />
                <rapport_player::ProgressPage scenarios={library()} now_ms={1_764_000_000_000u64} />
            </ContextProvider<ProgressContext>>
        }
    }

    fn played_progress() -> Progress {
        let mut attempts = Vec::new();
        for (i, s) in library().into_iter().take(4).enumerate() {
            let mut session = Session::new(s, i as u64, 1_764_000_000_000 + i as u64 * 1000);
            session
                .respond(
                    "Hi, I'm so sorry. I'll fix it now. Does that work for you?",
                    1_764_000_060_000,
                )
                .unwrap();
            session.end(1_764_000_120_000).unwrap();
            attempts.push(Attempt::from_session(&session).unwrap());
        }
        Progress {
            trainee: "Ana".into(),
            attempts,
        }
    }

    fn state(progress: Progress, saving: Saving) -> ProgressState {
        ProgressState {
            progress: Rc::new(progress),
            saving,
            revision: 0,
        }
    }

    #[test]
    fn progress_page_draws_accessible_charts_and_recent_attempts() {
        let html = render::<Host>(|| HostProps {
            state: state(played_progress(), Saving::Saved),
        });
        assert!(html.contains(">4</span>conversations"), "{html}");
        for id in ["chart-steps", "chart-besure", "chart-personas"] {
            assert!(html.contains(&format!("data-testid=\"{id}\"")), "{id}");
        }
        // The trend is a drawing with a title; the bars are a list of text.
        assert_eq!(html.matches("role=\"img\"").count(), 1);
        assert_eq!(html.matches("class=\"hbars\"").count(), 2);
        assert!(html.contains("<title"), "charts have titles");
        assert!(html.contains("Show as a table"));
        assert!(html.contains("data-testid=\"practise-next\""));
        assert!(!html.contains("data-testid=\"recovery\""));
    }

    #[test]
    fn an_empty_record_invites_a_first_conversation() {
        let html = render::<Host>(|| HostProps {
            state: state(Progress::default(), Saving::Saved),
        });
        assert!(html.contains("data-testid=\"no-attempts\""));
        assert!(html.contains("A gentle first conversation"));
    }

    #[test]
    fn unreadable_data_shows_the_recovery_choices() {
        let html = render::<Host>(|| HostProps {
            state: state(
                Progress::default(),
                Saving::Held {
                    raw: Rc::new("{broken".into()),
                    reason: "the saved progress is damaged".into(),
                    backup: Some("rapport.progress.backup.1".into()),
                },
            ),
        });
        assert!(html.contains("data-testid=\"recovery\""));
        assert!(html.contains("Nothing has been deleted"));
        assert!(html.contains("rapport.progress.backup.1"));
        assert!(html.contains("data-testid=\"start-fresh\""));
    }

    #[test]
    fn refused_storage_is_announced() {
        let html = render::<Host>(|| HostProps {
            state: state(
                Progress::default(),
                Saving::MemoryOnly("storage is full".into()),
            ),
        });
        assert!(html.contains("data-testid=\"storage-warning\""));
        assert!(html.contains("storage is full"));
    }
}

#[test]
fn custom_scenarios_are_marked_on_their_cards() {
    let html = render::<ScenarioList>(|| ScenarioListProps {
        scenarios: cards(),
        problems: vec![],
        custom: vec!["parcel-missing".into()],
        resume: None,
    });
    assert_eq!(html.matches("data-testid=\"custom-badge\"").count(), 1);
}

#[test]
fn the_total_breakdown_adds_up_and_is_shown() {
    fn finished() -> Session {
        let mut s = played();
        s.respond(
            "Thank you. I'll refund the duplicate charge right now.",
            20_000,
        )
        .ok();
        if !s.is_over() {
            s.end(30_000).unwrap();
        }
        s
    }
    let s = finished();
    let card = s.scorecard();
    let b = &card.breakdown;
    let raw: f32 = b.terms.iter().map(|t| t.points()).sum();
    assert!((raw.clamp(0.0, 1.0) - b.subtotal).abs() <= 0.005, "{b:?}");
    let ending = b.ending.as_ref().expect("the ending counts once over");
    let total = (1.0 - ending.weight) * b.subtotal + ending.points();
    assert!(
        (total - card.total).abs() <= 0.005,
        "{b:?} vs {}",
        card.total
    );
    let html = render::<ResultView>(|| {
        let s = finished();
        ResultProps {
            outcome: s.outcome().unwrap(),
            scorecard: s.scorecard(),
            scenario: s.scenario().clone(),
            seed: s.seed(),
            on_restart: Default::default(),
            log: Rc::new(s.log().to_vec()),
        }
    });
    assert!(html.contains("How your score adds up"));
    assert!(html.contains("How it ended"));
    assert!(
        html.contains("data-testid=\"model-conversation\""),
        "a model conversation from the golden replies"
    );
}

#[test]
fn trying_a_reply_again_is_a_branch_that_leaves_the_attempt_alone() {
    use rapport_player::retry::{branch, Branchable};
    let mut session = billing();
    session
        .respond("Hi Dana, it's Sam at the bank.", 10_000)
        .unwrap();
    session
        .respond("Could you tell me the date of the charge?", 20_000)
        .unwrap();
    session.end(30_000).unwrap();
    let before = session.clone();
    let b = Branchable::of(&session);
    let recorded = &session.turns()[1];
    let same = branch(&b, 1, &recorded.reply).unwrap();
    assert_eq!(
        same.assessment, recorded.assessment,
        "same reply, same place: same score"
    );
    let better = "I'm so sorry you were charged twice, Dana. I'll refund the duplicate charge now.";
    let other = branch(&b, 0, better).unwrap();
    assert!(other.assessment.total > session.turns()[0].assessment.total);
    assert!(
        !other.answer.is_empty(),
        "the customer answers the new reply"
    );
    assert!(
        other.mood.as_ref().is_some_and(|m| m.contains("Anger -")),
        "{:?}",
        other.mood
    );
    assert_eq!(other.ending, None);
    assert_eq!(session, before, "the recorded conversation is untouched");
    assert!(branch(&b, 0, "   ").is_err());
}

#[test]
fn every_reply_of_a_finished_conversation_can_be_tried_again() {
    let html = render::<Transcript>(|| {
        let mut s = played();
        s.end(20_000).unwrap();
        TranscriptProps {
            events: Rc::new(s.log().to_vec()),
            customer: "Dana Okafor".into(),
            retry: Some(rapport_player::retry::Branchable::of(&s)),
        }
    });
    assert_eq!(html.matches("data-testid=\"retry-1\"").count(), 1, "{html}");
    assert!(html.contains("Try this reply again"));
    assert!(html.contains("not recorded"));
}

#[test]
fn a_conversation_under_way_is_saved_and_replays_to_the_same_place() {
    use rapport::progress::MemoryStore;
    use rapport_player::parked::{load, save, KEY};
    let mut store = MemoryStore::default();
    let session = played();
    save(&mut store, &session);
    let back = load(&store, &library()).expect("resumes");
    assert_eq!(back.log(), session.log());
    assert_eq!(back.turns(), session.turns());
    assert!(
        load(&store, &[]).is_none(),
        "a scenario no longer in the library is not resumed"
    );

    let mut over = session.clone();
    over.end(30_000).unwrap();
    save(&mut store, &over);
    assert!(
        load(&store, &library()).is_none(),
        "a finished conversation is not resumed"
    );

    store
        .data
        .insert(KEY.into(), "{\"v\":1,\"scenario\":".into());
    assert!(
        load(&store, &library()).is_none(),
        "a damaged record is ignored"
    );
}

#[test]
fn evidence_is_marked_by_phrase_one_per_criterion_and_a_vague_promise_is_never_green() {
    use rapport_player::highlight::{segments, Mark};
    let complaint = "Your October bill was taken from my card twice and I'm overdrawn. I called last week and nobody called back!";
    let reply = "Hi Dana, I'm Sam from billing. I'm so sorry, being charged twice and left overdrawn must be really stressful, especially after waiting for a call back. Can you tell me the date of the charges?";
    let a = grade(reply, &Context::standalone(Persona::Irate, complaint));
    let marked: Vec<_> = segments(reply, &a)
        .into_iter()
        .filter(|s| s.mark != Mark::Plain)
        .collect();
    let credited = a.criteria.iter().filter(|c| c.score > 0.0).count();
    assert!(
        !marked.is_empty() && marked.len() <= credited,
        "{marked:#?}"
    );
    assert_eq!(
        segments(reply, &a)
            .iter()
            .map(|s| s.text.as_str())
            .collect::<String>(),
        reply
    );

    let vague = "I'll look into it.";
    let a = grade(vague, &Context::standalone(Persona::Irate, complaint));
    let segs = segments(vague, &a);
    assert!(segs.iter().all(|s| s.mark != Mark::Good), "{segs:#?}");
    assert!(segs.iter().any(|s| s.mark == Mark::Partial), "{segs:#?}");
}

#[test]
fn a_result_without_replies_says_why_there_is_no_score() {
    let html = render::<ResultView>(|| {
        let mut session = billing();
        let events = session.end(5_000).unwrap();
        let Some(Event::Ended { outcome, scorecard }) = events.last().cloned() else {
            panic!("ended")
        };
        ResultProps {
            scorecard: *scorecard,
            outcome,
            scenario: session.scenario().clone(),
            seed: 7,
            on_restart: Default::default(),
            log: Default::default(),
        }
    });
    assert!(html.contains("before sending a reply, so there was nothing to score"));
    assert!(!html.contains("How your score adds up"));
}

mod lms {
    use super::render;
    use rapport_player::lms::{safe_url, LmsBanner, LmsBannerProps, LmsStatus, LmsView};

    fn cmi5(return_url: Option<&str>, ended: bool) -> LmsStatus {
        LmsStatus {
            kind: "cmi5".into(),
            progress: Some(String::new()),
            progress_error: None,
            return_url: return_url.map(str::to_string),
            ended,
        }
    }

    fn banner(view: LmsView) -> String {
        render::<LmsBanner>(move || LmsBannerProps { view })
    }

    #[test]
    fn outside_an_lms_or_without_a_return_address_nothing_is_shown() {
        assert_eq!(banner(LmsView::default()), "");
        assert_eq!(banner(LmsView::of(cmi5(None, false), Some(Ok(())))), "");
    }

    #[test]
    fn a_course_session_offers_the_way_back_to_the_course() {
        let html = banner(LmsView::of(
            cmi5(Some("https://lms.example.org/course/7"), false),
            Some(Ok(())),
        ));
        assert!(html.contains("aria-label=\"Your course\""), "{html}");
        assert!(html.contains("href=\"https://lms.example.org/course/7\""));
        assert!(html.contains(">Return to the course</a>"));
    }

    #[test]
    fn an_ended_session_says_so_and_still_leads_back() {
        let html = banner(LmsView::of(
            cmi5(Some("https://lms.example.org/course/7"), true),
            None,
        ));
        assert!(html.contains("role=\"status\""), "{html}");
        assert!(html.contains("Your course session has ended"));
        assert!(html.contains("go back to the course and open Rapport from there again"));
        assert!(html.contains(">Return to the course</a>"));
        // Without a return address the message stands alone.
        let html = banner(LmsView::of(cmi5(None, true), None));
        assert!(html.contains("Your course session has ended"));
        assert!(!html.contains("<a"));
    }

    #[test]
    fn unreadable_lms_progress_is_reported_and_only_web_addresses_are_links() {
        let why = "the progress saved by the LMS is damaged (total `zz`)".to_string();
        let html = banner(LmsView::of(
            cmi5(Some("javascript:alert(1)"), false),
            Some(Err(why)),
        ));
        assert!(html.contains("role=\"alert\""), "{html}");
        assert!(html.contains(
            "The progress saved by the LMS is damaged (total `zz`). It is left as it is"
        ));
        assert!(!html.contains("javascript:"));
        assert_eq!(safe_url(" HTTPS://x.example/ "), Some("HTTPS://x.example/"));
        assert_eq!(safe_url("data:text/html,hi"), None);
    }
}

/// The list page has only the cards the build wrote; the full player lists
/// the scenarios it plays. With no custom scenarios they must be the same
/// cards in the same order, and the list page must be the player's home
/// (the same list in the same frame).
#[test]
fn the_list_page_shows_the_players_home_list() {
    use rapport::progress::MemoryStore;
    use rapport_player::library::LibraryState;
    use rapport_player::route::Route;
    use rapport_player::shell::{Home, Shell};
    use yew::{function_component, html, Html};
    let library = LibraryState::load_from(&mut MemoryStore::default(), 0);
    let player: Vec<Card> = library.all().iter().map(|s| Card::from(&**s)).collect();
    assert_eq!(rapport_home::card::bundled(), player);
    let page = render::<rapport_home::ListPage>(|| ());
    #[function_component(PlayerHome)]
    fn player_home() -> Html {
        let library = LibraryState::load_from(&mut MemoryStore::default(), 0);
        let cards: Vec<Card> = library.all().iter().map(|s| Card::from(&**s)).collect();
        html! {
            <Shell home={Home::Player} current={Some(Route::Home)}>
                <ScenarioList scenarios={cards} />
            </Shell>
        }
    }
    assert_eq!(page, render::<PlayerHome>(|| ()));
    assert!(page.contains("data-testid=\"scenario-list\""));
}

#[test]
fn the_model_conversation_replays_the_best_golden_run_with_its_replies() {
    // The bundled scenarios as the app reads them: compiled at build time.
    let (scenarios, problems) = rapport_home::bundled::load();
    assert!(problems.is_empty());
    let mut shown = 0;
    for s in &scenarios {
        if let Some(lines) = rapport_player::model_run::model_run(s) {
            let replies = lines.iter().filter(|l| !l.customer).count();
            assert!(
                replies >= 1,
                "{}: {replies} replies in the model conversation",
                s.id
            );
            assert!(lines
                .iter()
                .filter(|l| !l.customer)
                .all(|l| l.score.is_some()));
            shown += 1;
        }
    }
    assert!(shown >= 10, "{shown} scenarios show a model conversation");
}
