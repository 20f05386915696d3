//! What the customer remembers of the conversation: facts the trainee stated
//! (and how), offers made, needs met, and when. A customer never asks again
//! for something given, and notices when a statement contradicts an earlier one.

use crate::scenario::{Offer, Scenario};
use crate::scoring::Assessment;

/// One statement of a fact: the turn (0-based), whether it was right, the words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Statement {
    pub turn: usize,
    pub correct: bool,
    pub quote: String,
}

/// A statement that contradicts an earlier one about the same fact.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Contradiction {
    pub fact: String,
    pub earlier: Statement,
    pub now: Statement,
}

/// The session's memory, indexed like the scenario's facts and needs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Memory {
    /// The latest statement of each fact.
    pub facts: Vec<Option<Statement>>,
    /// Offers made, with the turn of the first time.
    pub offers: Vec<(Offer, usize)>,
    /// The turn each need was met at.
    pub met: Vec<Option<usize>>,
}

impl Memory {
    pub fn new(scenario: &Scenario) -> Memory {
        Memory {
            facts: vec![None; scenario.facts.len()],
            offers: Vec::new(),
            met: vec![None; scenario.needs.len()],
        }
    }

    /// Whether fact `i` has been stated correctly and not taken back.
    pub fn stated(&self, i: usize) -> bool {
        self.facts
            .get(i)
            .is_some_and(|s| s.as_ref().is_some_and(|s| s.correct))
    }

    /// Whether the latest statement of fact `i` was wrong.
    pub fn got_wrong(&self, i: usize) -> bool {
        self.facts
            .get(i)
            .is_some_and(|s| s.as_ref().is_some_and(|s| !s.correct))
    }

    pub fn offered(&self, o: Offer) -> bool {
        self.offers.iter().any(|(x, _)| *x == o)
    }

    pub fn is_met(&self, need: usize) -> bool {
        self.met.get(need).is_some_and(Option::is_some)
    }

    /// Records the facts and offers of reply `turn`; returns the first
    /// contradiction with an earlier statement, if any.
    pub fn remember(
        &mut self,
        scenario: &Scenario,
        turn: usize,
        reply: &str,
        a: &Assessment,
        offers: &[Offer],
    ) -> Option<Contradiction> {
        let mut found = None;
        for hit in &a.facts {
            let Some(i) = scenario.facts.iter().position(|f| f.id == hit.fact) else {
                continue;
            };
            let now = Statement {
                turn,
                correct: hit.correct,
                quote: hit.span.slice(reply).trim().to_string(),
            };
            if let Some(earlier) = &self.facts[i] {
                if earlier.correct != now.correct && found.is_none() {
                    found = Some(Contradiction {
                        fact: hit.fact.clone(),
                        earlier: earlier.clone(),
                        now: now.clone(),
                    });
                }
            }
            self.facts[i] = Some(now);
        }
        for o in offers {
            if !self.offered(*o) {
                self.offers.push((*o, turn));
            }
        }
        found
    }
}
