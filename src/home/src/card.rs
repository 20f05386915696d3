//! What the list shows of a scenario: a card. The list page has only these
//! (written into it when it is built: see build.rs), not the scenarios
//! themselves, so it carries neither their content nor the code that reads
//! it; the full player makes them from the scenarios it plays.

use rapport::persona::Persona;
use rapport::scenario::{Difficulty, Scenario};

#[derive(Clone, Debug, PartialEq)]
pub struct Card {
    pub id: String,
    pub title: String,
    pub persona: Persona,
    pub difficulty: Difficulty,
    pub domain: String,
    pub summary: String,
}

impl From<&Scenario> for Card {
    fn from(s: &Scenario) -> Card {
        Card {
            id: s.id.0.clone(),
            title: s.title.clone(),
            persona: s.persona,
            difficulty: s.difficulty,
            domain: s.domain.clone(),
            summary: s.summary.clone(),
        }
    }
}

/// A card as the build writes it.
struct Bundled {
    id: &'static str,
    title: &'static str,
    persona: Persona,
    difficulty: Difficulty,
    domain: &'static str,
    summary: &'static str,
}

/// Written by build.rs from `scenarios/*.toml`.
static BUNDLED: &[Bundled] = include!(concat!(env!("OUT_DIR"), "/cards.rs"));

/// The bundled scenarios' cards, in the order the player lists them.
pub fn bundled() -> Vec<Card> {
    BUNDLED
        .iter()
        .map(|b| Card {
            id: b.id.to_string(),
            title: b.title.to_string(),
            persona: b.persona,
            difficulty: b.difficulty,
            domain: b.domain.to_string(),
            summary: b.summary.to_string(),
        })
        .collect()
}
