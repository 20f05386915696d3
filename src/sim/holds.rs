//! Whether a condition holds for a reply, given what the customer remembers.

use super::Session;
use crate::scenario::Condition;
use crate::scoring::Assessment;
use crate::text::{tokenize, Tokens};
use std::cell::OnceCell;

/// What one reply did, as the tests of conditions see it.
pub(super) struct Reply<'a> {
    pub text: &'a str,
    /// Tokenized on first use: many turns need no phrase matching at all.
    pub tokens: OnceCell<Tokens>,
    /// The text in lower case, for the phrase prefilter.
    pub lower: OnceCell<String>,
    pub a: &'a Assessment,
    pub over: bool,
}

impl Reply<'_> {
    pub fn tokens(&self) -> &Tokens {
        self.tokens.get_or_init(|| tokenize(self.text))
    }

    /// Whether the reply contains one of `c`'s phrases; a cheap look at the
    /// raw text first rules most replies out without tokenizing.
    fn mentions(&self, c: &Condition) -> bool {
        // Only worth it while the words are not at hand yet.
        if let (None, Some(hints)) = (self.tokens.get(), &c.mention_hints) {
            let lower = self.lower.get_or_init(|| self.text.to_lowercase());
            if !hints.iter().any(|h| lower.contains(h.as_str())) {
                return false;
            }
        }
        c.mentions.iter().any(|p| p.find(self.tokens()).is_some())
    }
}

impl Session {
    /// Whether condition `c` holds for reply `r`, given the memory so far.
    pub(super) fn holds(&self, c: &Condition, r: &Reply) -> bool {
        let m = self.mood;
        let a = r.a;
        c.hit.iter().all(|&x| a.hit(x))
            && (c.hit_any.is_empty() || c.hit_any.iter().any(|&x| a.hit(x)))
            && c.miss.iter().all(|&x| !a.hit(x))
            && (c.flag.is_empty() || c.flag.iter().any(|&f| a.flagged(f)))
            && c.clean.is_none_or(|want| want == a.flags.is_empty())
            && c.revealed
                .iter()
                .all(|&h| self.revealed.get(h).copied().unwrap_or(false))
            && c.anger_at_least.is_none_or(|v| m.anger >= v)
            && c.anger_below.is_none_or(|v| m.anger < v)
            && c.patience_at_least.is_none_or(|v| m.patience >= v)
            && c.patience_below.is_none_or(|v| m.patience < v)
            && c.trust_at_least.is_none_or(|v| m.trust >= v)
            && c.trust_below.is_none_or(|v| m.trust < v)
            && c.turn_at_least.is_none_or(|v| self.turns.len() + 1 >= v)
            && c.over_limit.is_none_or(|want| want == r.over)
            && c.warm_transfer.is_none_or(|want| want == a.warm_transfer)
            && c.met.iter().all(|&n| self.memory.is_met(n))
            && c.unmet.iter().all(|&n| !self.memory.is_met(n))
            && c.stated.iter().all(|&f| self.memory.stated(f))
            && (c.offered.is_empty() || c.offered.iter().any(|&o| self.memory.offered(o)))
            && (c.wrong.is_empty() || c.wrong.iter().any(|&f| self.memory.got_wrong(f)))
            // Last: phrase matching is the only part that may need tokenizing.
            && (c.mentions.is_empty() || r.mentions(c))
    }
}
