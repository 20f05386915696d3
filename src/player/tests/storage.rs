//! Data nobody loses: the custom-scenario library held when unreadable, the
//! list of results the LRS refused, shown with their reasons.

use rapport::progress::outbox::Outbox;
use rapport::progress::{KeyValue, MemoryStore};
use rapport::scenario::{CustomFile, CUSTOM_BACKUP_PREFIX};
use rapport_player::library::{LibraryAction, LibraryState, CUSTOM_KEY};
use rapport_player::outbox::{OutboxView, OutboxViewProps};
use std::rc::Rc;
use yew::{Callback, Reducible, ServerRenderer};

fn file(name: &str) -> CustomFile {
    CustomFile::new(name, "# mine")
}

#[test]
fn a_scenario_compiled_in_the_studio_plays_in_the_player_and_an_old_save_waits_for_the_studio() {
    let (_, src) = rapport::scenario::BUNDLED_FILES[0];
    let source = src.replacen("id = \"", "id = \"mine-", 1);
    let compiled = rapport::scenario::compile_custom("mine.toml", &source);
    let old = CustomFile::new(
        "old.toml",
        source.replacen("id = \"mine-", "id = \"old-", 1),
    );
    let broken = rapport::scenario::compile_custom("broken.toml", "id = ");
    let mut store = MemoryStore::default();
    store
        .set(
            CUSTOM_KEY,
            &rapport::scenario::encode_custom(&[compiled.clone(), old.clone(), broken]),
        )
        .unwrap();
    let state = LibraryState::load_from(&mut store, 0);
    assert!(
        !state.bundled.is_empty(),
        "the compiled bundled scenarios load"
    );
    assert_eq!(state.custom_ids().len(), 1);
    assert!(state.custom_ids()[0].starts_with("mine-"));
    assert_eq!(
        state.stale,
        vec!["old.toml".to_string()],
        "not played, not dropped"
    );
    assert_eq!(state.custom_files.len(), 3, "every saved file is kept");

    // The studio compiles the old file; the player then plays it too.
    let again = rapport::scenario::compile_custom(&old.name, &old.source);
    let state = Rc::new(state).reduce(LibraryAction::Recompiled(vec![again]));
    assert_eq!(state.custom_ids().len(), 2);
    assert!(state.stale.is_empty());
    assert_eq!(state.save_to(&mut store), Ok(true));
    let saved = store.get(CUSTOM_KEY).unwrap().unwrap();
    assert_eq!(
        LibraryState::load_from(&mut store, 0).custom_ids().len(),
        2,
        "{saved:.80}"
    );
}

#[test]
fn a_recompiled_file_never_replaces_a_newer_edit() {
    let mut store = MemoryStore::default();
    let state = Rc::new(LibraryState::load_from(&mut store, 0))
        .reduce(LibraryAction::Add(CustomFile::new("a.toml", "# newer")));
    let stale = rapport::scenario::compile_custom("a.toml", "# older");
    let state = state.reduce(LibraryAction::Recompiled(vec![stale]));
    assert_eq!(state.custom_files[0].source, "# newer");
}

#[test]
fn an_unreadable_library_is_backed_up_and_never_overwritten_until_asked() {
    let damaged = "{\"format\": \"rapport-custom-scenarios\", \"files\": [tru";
    let mut store = MemoryStore::default();
    store.set(CUSTOM_KEY, damaged).unwrap();
    let state = LibraryState::load_from(&mut store, 42);
    let held = state.held.clone().expect("held");
    assert_eq!(*held.raw, damaged);
    let key = format!("{CUSTOM_BACKUP_PREFIX}42");
    assert_eq!(held.backup.as_deref(), Some(key.as_str()));
    assert_eq!(store.get(&key).unwrap().as_deref(), Some(damaged));

    // "Add to my library" while held: kept in memory, nothing written.
    let state = Rc::new(state).reduce(LibraryAction::Add(file("a.toml")));
    assert_eq!(state.custom_files.len(), 1);
    assert_eq!(state.save_to(&mut store), Ok(false));
    assert_eq!(store.get(CUSTOM_KEY).unwrap().as_deref(), Some(damaged));

    // Only when the trainer asks is a new library written.
    let state = state.reduce(LibraryAction::StartNewLibrary);
    assert_eq!(state.save_to(&mut store), Ok(true));
    assert!(store.get(CUSTOM_KEY).unwrap().unwrap().contains("a.toml"));
    assert_eq!(store.get(&key).unwrap().as_deref(), Some(damaged));
}

#[test]
fn a_full_library_refuses_the_next_file_instead_of_dropping_the_oldest() {
    let mut store = MemoryStore::default();
    let mut state = Rc::new(LibraryState::load_from(&mut store, 0));
    for i in 0..50 {
        state = state.reduce(LibraryAction::Add(file(&format!("f{i}.toml"))));
    }
    assert!(state.refuses("f3.toml").is_none(), "a new version fits");
    let why = state.refuses("new.toml").expect("refused").to_string();
    assert!(why.contains("50 scenarios"), "{why}");
    let state = state.reduce(LibraryAction::Add(file("new.toml")));
    assert_eq!(state.custom_files.len(), 50);
    assert_eq!(state.custom_files[0].name, "f0.toml");
}

fn render(outbox: Outbox) -> String {
    futures::executor::block_on(
        ServerRenderer::<OutboxView>::with_props(move || OutboxViewProps {
            outbox,
            on_retry: Callback::noop(),
        })
        .hydratable(false)
        .render(),
    )
}

#[test]
fn the_progress_page_lists_refused_results_with_the_lrs_reason() {
    let refused = r#"[{"statement":{"object":{"definition":{"name":{"en-US":"Locked out"}}}},"reason":"HTTP 400: bad actor","at":"2026-11-24T10:00:00Z"}]"#;
    let html = render(Outbox::read(Some("[{}, {}]"), Some(refused)));
    assert!(html.contains("2 results are waiting"), "{html}");
    assert!(html.contains("Locked out"));
    assert!(html.contains("HTTP 400: bad actor"));
    assert!(html.contains("data-testid=\"outbox-retry\""));
    assert_eq!(render(Outbox::default()), "");
}

#[test]
fn the_compiled_library_still_says_what_each_scenario_trains() {
    // The progress page's advice reads the golden runs' expected criteria,
    // and the result page replays the best run's replies.
    let state = LibraryState::load_from(&mut MemoryStore::default(), 0);
    let source: Vec<_> = rapport::scenario::bundled()
        .into_iter()
        .filter_map(|p| p.scenario)
        .collect();
    assert_eq!(state.bundled.len(), source.len());
    for (compiled, read) in state.bundled.iter().zip(&source) {
        assert_eq!(**compiled, *read, "{}", read.id);
    }
    assert!(state
        .bundled
        .iter()
        .any(|s| s.golden.iter().any(|g| !g.expect_hit.is_empty())));
}

#[test]
fn a_held_conversation_replays_only_against_the_scenario_version_it_was_held_with() {
    use rapport_player::parked::{load, save};
    let library: Vec<Rc<rapport::scenario::Scenario>> = rapport::scenario::bundled()
        .into_iter()
        .filter_map(|p| p.scenario)
        .map(Rc::new)
        .collect();
    let mut session = rapport::sim::Session::new(Rc::clone(&library[0]), 7, 1_000);
    session
        .respond("Hello, I'm Sam. How can I help?", 5_000)
        .unwrap();
    let mut store = MemoryStore::default();
    save(&mut store, &session);
    let back = load(&store, &library).expect("same version: replayed");
    assert_eq!(back.log(), session.log());

    let mut newer = (*library[0]).clone();
    newer.version += 1;
    let changed = vec![Rc::new(newer)];
    assert!(
        load(&store, &changed).is_none(),
        "another version: not replayed"
    );
    assert!(
        store.get(rapport_player::parked::KEY).unwrap().is_some(),
        "and not deleted"
    );
}
