//! Scenario facts for `broad_knowledge`: what a correct answer states, and what
//! a wrong one would say instead.

use crate::text::{Pattern, Span, Tokens};
use serde::Serialize;

/// One fact of a scenario, compiled for matching.
#[derive(Clone, Debug, PartialEq)]
pub struct Fact {
    pub id: String,
    /// The fact in words, shown to the trainee after the conversation.
    pub text: String,
    /// Phrases that state the fact correctly (any one is enough).
    pub says: Vec<Pattern>,
    /// Phrases that contradict it.
    pub wrong: Vec<Pattern>,
}

/// A fact a reply stated or contradicted.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FactHit {
    pub fact: String,
    pub span: Span,
    pub correct: bool,
}

/// Every fact a reply states or contradicts; a contradiction wins over a
/// correct mention of the same fact.
pub fn check(facts: &[Fact], tokens: &Tokens) -> Vec<FactHit> {
    let span_of = |m: crate::text::Match| {
        Span::new(
            tokens.tokens[m.first].span.start,
            tokens.tokens[m.end - 1].span.end,
        )
    };
    let mut hits = Vec::new();
    for fact in facts {
        let find = |list: &[Pattern]| list.iter().find_map(|p| p.find(tokens));
        if let Some(m) = find(&fact.wrong) {
            hits.push(FactHit {
                fact: fact.id.clone(),
                span: span_of(m),
                correct: false,
            });
        } else if let Some(m) = find(&fact.says) {
            hits.push(FactHit {
                fact: fact.id.clone(),
                span: span_of(m),
                correct: true,
            });
        }
    }
    hits
}
