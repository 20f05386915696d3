//! The learned layer's table: what `rapport train` makes from the dev split,
//! and never a reason for grading to fail.

use rapport::persona::Persona;
use rapport::scoring::learned::{self, Table};
use rapport::scoring::{explain, grade, Context};
use rapport_cli::train::{load_dev, retrain};

/// The committed weights are what training makes with the choices recorded
/// in the table (features, regularisation, per label mode and threshold).
/// When the rules or the corpus change, run
/// `cargo run --release --bin rapport -- train` and commit the new table.
#[test]
fn the_committed_table_is_what_training_makes() {
    let committed = Table::from_bytes(learned::TABLE).expect("src/scoring/learned.bin reads");
    let dev = load_dev(std::path::Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/data/corpus"
    )))
    .unwrap();
    let again = retrain(&dev, &committed);
    assert!(
        again.to_bytes() == learned::TABLE,
        "src/scoring/learned.bin is stale: run `cargo run --release --bin rapport -- train`"
    );
}

#[test]
fn the_table_stays_small() {
    assert!(
        learned::TABLE.len() <= 24 * 1024,
        "{}",
        learned::TABLE.len()
    );
}

/// A learned credit or flag points at words of the reply.
#[test]
fn learned_calls_point_at_words() {
    learned::switch(true);
    let replies = [
        "I'd be glad to help, and I've booked you on the 7pm flight.",
        "That's not how it works, you clearly didn't read the terms.",
        "Oh, that's really awkward with the wedding on Saturday, I'm sorry.",
    ];
    for r in replies {
        let ctx = Context::standalone(Persona::Irate, "My flight was cancelled!");
        let a = grade(r, &ctx);
        for c in &a.learned {
            for (span, _) in &c.words {
                assert!(r
                    .get(span.start..span.end)
                    .is_some_and(|w| !w.trim().is_empty()));
            }
        }
        if learned::enabled() && learned::model().is_some() {
            let text = explain(r, &ctx, &a);
            let calls = learned::calls(r, &ctx);
            assert_eq!(calls.is_empty(), !text.contains("Learned check"), "{text}");
            for c in &a.learned {
                assert!(calls.contains(c), "{c:?}");
            }
        }
    }
}
