//! The customer's reaction to one reply: the mood moves, memory records what
//! was said and offered, needs are met, and the customer's line is chosen:
//! an authored node when a rule fires, otherwise a line composed from what
//! was just done and the most important need still open.

use super::events::{Event, Outcome};
use super::holds::Reply;
use super::memory::Contradiction;
use super::mood_rules::{mood_change, MoodChange, Scale};
use super::offers::{might_offer, offers_made};
use super::trace::Trace;
use super::Session;
use crate::mood::MOOD_MAX;
use crate::scenario::Rule;
use crate::scoring::{Assessment, Criterion, FlagId};
use crate::text::Tokens;
use std::rc::Rc;

/// Mood points per need met in one reply (format 2).
pub const NEED_MET: (i32, i32, i32) = (-4, 5, 3);
/// Mood points for contradicting an earlier statement (anger, trust).
pub const CONTRADICTION: (i32, i32) = (5, -15);

/// The customer's line, the outcome if the conversation ends, and the trace.
type Reaction = (String, Option<Outcome>, Trace);

impl Session {
    pub(super) fn react(
        &mut self,
        text: &str,
        words: Option<Tokens>,
        a: &Assessment,
        elapsed_ms: u64,
        over: bool,
    ) -> Reaction {
        let sc = Rc::clone(&self.scenario);
        let r = Reply {
            text,
            tokens: words.map(std::cell::OnceCell::from).unwrap_or_default(),
            lower: std::cell::OnceCell::new(),
            a,
            over,
        };
        let turn = self.turns.len();
        let mut trace = Trace {
            node_before: self.node.map(|i| sc.node(i).id.0.clone()),
            ..Trace::default()
        };
        // Memory first: conditions and needs may test what was just said.
        let mut offers = if might_offer(text) {
            offers_made(r.tokens())
        } else {
            Vec::new()
        };
        if over {
            offers.retain(|o| {
                !matches!(
                    o,
                    crate::scenario::Offer::Refund | crate::scenario::Offer::Credit
                )
            });
        }
        let contradiction = self.memory.remember(&sc, turn, text, a, &offers);
        trace.facts = a
            .facts
            .iter()
            .map(|f| (f.fact.clone(), f.correct))
            .collect();
        trace.offers = offers.iter().map(|o| o.id()).collect();

        let before = self.mood;
        let heard_before = self
            .turns
            .iter()
            .any(|t| t.assessment.hit(Criterion::Empathize));
        let mut change = mood_change(sc.persona, a, elapsed_ms, over, heard_before);
        self.mood = change.apply(before);
        let newly = self.meet_needs(&r, turn, &mut trace);
        note_needs(&mut change, newly.len() as i32);
        if let Some(c) = &contradiction {
            change.add(
                Scale::Anger,
                CONTRADICTION.0,
                "contradicted an earlier statement",
            );
            change.add(
                Scale::Trust,
                CONTRADICTION.1,
                "contradicted an earlier statement",
            );
            trace.contradiction = Some(format!(
                "`{}`: \"{}\" (reply {}) then \"{}\"",
                c.fact,
                c.earlier.quote,
                c.earlier.turn + 1,
                c.now.quote
            ));
        }
        self.mood = change.apply(before);
        trace.mood = change.parts;
        self.log.push(Event::MoodChanged {
            before,
            after: self.mood,
        });

        let (line, outcome) =
            self.decide(&r, &newly, contradiction.as_ref(), before.anger, &mut trace);
        trace.open = sc
            .needs
            .iter()
            .enumerate()
            .filter(|(i, _)| !self.memory.is_met(*i))
            .map(|(_, n)| n.id.clone())
            .collect();
        trace.node_after = self.node.map(|i| sc.node(i).id.0.clone());
        if let Some(o) = outcome {
            trace.ending.get_or_insert_with(|| o.id().to_string());
        }
        (line, outcome, trace)
    }

    /// Marks the needs this reply meets; returns their indexes, most important first.
    fn meet_needs(&mut self, r: &Reply, turn: usize, trace: &mut Trace) -> Vec<usize> {
        let sc = Rc::clone(&self.scenario);
        let mut newly = Vec::new();
        for (i, need) in sc.needs.iter().enumerate() {
            if self.memory.is_met(i) {
                continue;
            }
            if let Some(c) = need.met.iter().find(|c| self.holds(c, r)) {
                self.memory.met[i] = Some(turn);
                trace.needs_met.push((need.id.clone(), c.describe()));
                newly.push(i);
            }
        }
        newly.sort_by_key(|&i| (sc.needs[i].priority, i));
        newly
    }

    /// Chooses the customer's line and whether the conversation ends.
    fn decide(
        &mut self,
        r: &Reply,
        newly: &[usize],
        contradiction: Option<&Contradiction>,
        anger_before: i32,
        trace: &mut Trace,
    ) -> (String, Option<Outcome>) {
        let sc = Rc::clone(&self.scenario);
        if r.a.flagged(FlagId::HangUp) {
            return (String::new(), Some(Outcome::AgentHungUp));
        }
        if self.mood.anger >= MOOD_MAX || self.mood.patience <= 0 {
            trace.ending = Some(if self.mood.anger >= MOOD_MAX {
                "anger reached 100".into()
            } else {
                "patience ran out".into()
            });
            self.node = None;
            return (self.hang_up_line(), Some(Outcome::CustomerHungUp));
        }
        let fired = self.fire(r, trace);
        let target = match fired {
            Some(Some(t)) => match sc.node(t).need {
                Some(n) if self.memory.is_met(n) => {
                    trace.skipped.push(sc.node(t).id.0.clone());
                    None
                }
                _ => Some(t),
            },
            // A rule without `goto`: back to the needs.
            Some(None) => None,
            // Nothing fired: a graph-only customer repeats the node.
            None if sc.needs.is_empty() => self.node,
            None => None,
        };
        let reveals = self.reveal_candidates(r);
        match target {
            Some(t) => self.say_node(t, reveals, r.a),
            None => self.compose(newly, contradiction, reveals, anger_before, trace),
        }
    }

    /// The rule that fires: the current node's, else an `[[anytime]]` one.
    /// `Some(goto)` when one fired.
    fn fire(&self, r: &Reply, trace: &mut Trace) -> Option<Option<usize>> {
        let sc = &self.scenario;
        let node_rules: &[Rule] = match self.node {
            Some(i) if sc.node(i).end.is_none() => &sc.node(i).next,
            _ => &[],
        };
        let (rule, place) = match node_rules.iter().position(|x| self.holds(&x.when, r)) {
            Some(j) => (
                &node_rules[j],
                format!("nodes.next[{j}] of `{}`", sc.node(self.node?).id),
            ),
            None => {
                let j = sc.anytime.iter().position(|x| self.holds(&x.when, r))?;
                (&sc.anytime[j], format!("anytime[{j}]"))
            }
        };
        let goto = rule.goto.map_or_else(
            || "back to the needs".to_string(),
            |g| format!("goto `{}`", sc.node(g).id),
        );
        trace.rule = Some(format!(
            "{place} at line {} ({}) -> {goto}",
            rule.line,
            rule.when.describe()
        ));
        Some(rule.goto)
    }
}

/// The mood reward for needs met in one reply.
fn note_needs(change: &mut MoodChange, met: i32) {
    change.add(Scale::Anger, NEED_MET.0 * met, "needs met");
    change.add(Scale::Patience, NEED_MET.1 * met, "needs met");
    change.add(Scale::Trust, NEED_MET.2 * met, "needs met");
}
