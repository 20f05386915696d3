//! Matching lexicons against a reply: negation, hedging and typo repair.

use super::lexicon::{self, NEGATORS};
use crate::text::{edit_distance_at_most, Match, Pattern, Span, Tokens};

/// A lexicon match in a reply.
#[derive(Clone, Copy, Debug)]
pub struct Hit {
    pub m: Match,
    pub span: Span,
    /// A hedge ("maybe", "try") stands just before it.
    pub hedged: bool,
}

/// Words that soften a commitment into a maybe.
const HEDGES: &[&str] = &[
    "maybe",
    "might",
    "perhaps",
    "possibly",
    "probably",
    "hopefully",
    "try",
    "trying",
    "guess",
    "hope",
];

/// A prepared reply: tokens with common typos repaired.
pub struct Reply<'a> {
    pub text: &'a str,
    pub tokens: Tokens,
}

impl<'a> Reply<'a> {
    pub fn new(text: &'a str) -> Self {
        let mut tokens = crate::text::tokenize(text);
        repair_typos(&mut tokens);
        tokens.reindex();
        Reply { text, tokens }
    }

    pub fn span(&self, m: Match) -> Span {
        Span::new(
            self.tokens.tokens[m.first].span.start,
            self.tokens.tokens[m.end - 1].span.end,
        )
    }

    /// Matches of `list` that are not negated.
    pub fn find(&self, list: &[Pattern]) -> Vec<Hit> {
        self.find_raw(list, true)
    }

    /// Matches of `list`, negated or not.
    pub fn find_any(&self, list: &[Pattern]) -> Vec<Hit> {
        self.find_raw(list, false)
    }

    fn find_raw(&self, list: &[Pattern], skip_negated: bool) -> Vec<Hit> {
        let mut hits: Vec<Hit> = Vec::new();
        for p in list {
            let matches = p.find_all(&self.tokens);
            if matches.is_empty() {
                continue;
            }
            let has_negator = p.words().any(|w| NEGATORS.contains(&w));
            for m in matches {
                if skip_negated && self.negated(m, has_negator) {
                    continue;
                }
                let span = self.span(m);
                if hits
                    .iter()
                    .any(|h| h.span.start < span.end && span.start < h.span.end)
                {
                    continue;
                }
                hits.push(Hit {
                    m,
                    span,
                    hedged: self.hedged(m),
                });
            }
        }
        hits.sort_by_key(|h| h.span);
        hits
    }

    /// A negator inside the match (where the pattern has none) or in the two
    /// words before it, within the sentence.
    fn negated(&self, m: Match, pattern_has_negator: bool) -> bool {
        let toks = &self.tokens.tokens;
        if !pattern_has_negator
            && toks[m.first..m.end]
                .iter()
                .any(|t| NEGATORS.contains(&t.norm.as_str()))
        {
            return true;
        }
        let clause = toks[m.first].clause;
        let mut seen = 0;
        let mut k = m.first;
        // Look back two words within the clause; "going to" and the like
        // do not count, so "not going to apologise" is still negated.
        while k > 0 && seen < 2 {
            k -= 1;
            let t = &toks[k];
            if t.clause != clause {
                break;
            }
            if matches!(
                t.norm.as_str(),
                "going" | "to" | "gonna" | "be" | "really" | "even"
            ) {
                continue;
            }
            seen += 1;
            let next = toks.get(k + 1).map_or("", |n| n.norm.as_str());
            let negates = NEGATORS.contains(&t.norm.as_str())
                && !(t.norm == "no" && matches!(next, "problem" | "worries" | "doubt"))
                && !(t.norm == "not" && next == "only")
                && !(t.norm == "not" && k > 0 && toks[k - 1].norm == "why");
            if negates {
                return true;
            }
        }
        false
    }

    /// A hedge in the three words before the match.
    fn hedged(&self, m: Match) -> bool {
        let toks = &self.tokens.tokens;
        let clause = toks[m.first].clause;
        (1..=3)
            .take_while(|k| m.first >= *k && toks[m.first - k].clause == clause)
            .any(|k| HEDGES.contains(&toks[m.first - k].norm.as_str()))
    }

    /// Number of questions the reply asks, with their sentence spans.
    pub fn question_sentences(&self) -> Vec<(usize, Span)> {
        let starts: Vec<usize> = lexicon::question_openers()
            .iter()
            .flat_map(|p| p.find_all(&self.tokens))
            .map(|m| m.first)
            .collect();
        self.tokens
            .sentences
            .iter()
            .enumerate()
            .filter(|(_, s)| s.question || starts.contains(&s.first))
            .map(|(i, s)| (i, s.span))
            .collect()
    }
}

/// Replaces words that are one edit (two for long words) away from a lexicon
/// word of five letters or more: "sory" -> "sorry", "apologise" typed "apologize".
fn repair_typos(tokens: &mut Tokens) {
    let vocab = lexicon::vocabulary();
    for t in &mut tokens.tokens {
        let len = t.norm.chars().count();
        if len < 4 || t.norm.chars().any(|c| c.is_ascii_digit()) {
            continue;
        }
        if vocab.known.contains(&t.norm) {
            continue;
        }
        let first = t.norm.chars().next().unwrap_or(' ');
        let max = if len >= 9 { 2 } else { 1 };
        // Four-letter words are only repaired by one missing letter ("sory").
        let lengths = if len == 4 {
            5..=5
        } else {
            len.saturating_sub(max).max(5)..=len + max
        };
        let candidate = lengths
            .filter_map(|l| vocab.candidates.get(&(first, l)))
            .flatten()
            // "upgraded" is not a typo of "upgrade", nor "minute" of "minutes":
            // an ending is not a mistake.
            .filter(|w| !t.norm.starts_with(w.as_str()) && !w.starts_with(t.norm.as_str()))
            .find(|w| edit_distance_at_most(&t.norm, w, max));
        if let Some(w) = candidate {
            t.norm = w.clone();
        }
    }
}

/// `outer` covers all of `inner`.
pub fn contains(outer: Span, inner: Span) -> bool {
    outer.start <= inner.start && inner.end <= outer.end
}

/// The two spans share at least one byte.
pub fn overlaps(a: Span, b: Span) -> bool {
    a.start < b.end && b.start < a.end
}
