//! The customer's reaction to one reply: the mood moves, memory records what
//! was said and offered, needs are met, and the customer's line is chosen:
//! an authored node when a rule fires, otherwise a line composed from what
//! was just done and the most important need still open.

use super::events::{Event, Outcome};
use super::memory::Contradiction;
use super::mood_rules::{mood_change, MoodChange, Scale};
use super::offers::offers_made;
use super::trace::Trace;
use super::voice;
use super::Session;
use crate::mood::MOOD_MAX;
use crate::scenario::{Band, Condition, EndKind, Rule};
use crate::scoring::{Assessment, Criterion, FlagId};
use crate::text::Tokens;
use std::rc::Rc;

/// Mood points per need met in one reply (format 2).
pub const NEED_MET: (i32, i32, i32) = (-4, 5, 3);
/// Mood points for contradicting an earlier statement (anger, trust).
pub const CONTRADICTION: (i32, i32) = (5, -15);

/// What one reply did, as the tests of conditions see it.
pub(super) struct Reply<'a> {
    pub text: &'a str,
    pub tokens: &'a Tokens,
    pub a: &'a Assessment,
    pub over: bool,
}

/// The customer's line, the outcome if the conversation ends, and the trace.
type Reaction = (String, Option<Outcome>, Trace);

impl Session {
    pub(super) fn react(
        &mut self,
        text: &str,
        tokens: &Tokens,
        a: &Assessment,
        elapsed_ms: u64,
        over: bool,
    ) -> Reaction {
        let sc = Rc::clone(&self.scenario);
        let r = Reply {
            text,
            tokens,
            a,
            over,
        };
        let turn = self.turns.len();
        let mut trace = Trace {
            node_before: self.node.map(|i| sc.node(i).id.0.clone()),
            ..Trace::default()
        };
        // Memory first: conditions and needs may test what was just said.
        let mut offers = offers_made(tokens);
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

    /// Says node `t`'s line (after any reveals, unless it ends the conversation).
    fn say_node(
        &mut self,
        t: usize,
        reveals: Vec<usize>,
        a: &Assessment,
    ) -> (String, Option<Outcome>) {
        let sc = Rc::clone(&self.scenario);
        self.node = Some(t);
        let node = sc.node(t);
        let said = self.pick(node.lines(Band::of(self.mood.anger)));
        if let Some(end) = node.end {
            return (said, Some(self.ending(end, a)));
        }
        if self.turns.len() + 1 >= sc.max_turns {
            return (self.out_of_turns(), Some(Outcome::OutOfTurns));
        }
        let mut parts = self.say_reveals(&reveals);
        parts.push(voice::sentence(&said));
        (parts.join(" "), None)
    }

    /// A line composed from the needs: noticing a contradiction, answering a
    /// question (reveals), acknowledging what was just done, then asking for
    /// the most important open need. Ends the conversation when none is left.
    fn compose(
        &mut self,
        newly: &[usize],
        contradiction: Option<&Contradiction>,
        reveals: Vec<usize>,
        anger_before: i32,
        trace: &mut Trace,
    ) -> (String, Option<Outcome>) {
        let sc = Rc::clone(&self.scenario);
        self.node = None;
        let open = (0..sc.needs.len())
            .filter(|&i| !self.memory.is_met(i))
            .min_by_key(|&i| (sc.needs[i].priority, i));
        let must_open =
            (0..sc.needs.len()).any(|i| !sc.needs[i].optional && !self.memory.is_met(i));
        if !must_open && contradiction.is_none() {
            return self.close();
        }
        if self.turns.len() + 1 >= sc.max_turns {
            return (self.out_of_turns(), Some(Outcome::OutOfTurns));
        }
        let band = Band::of(self.mood.anger);
        let mut parts = Vec::new();
        if let Some(c) = contradiction {
            let line = voice::contradiction(sc.persona)
                .replace("{earlier}", &c.earlier.quote)
                .replace("{now}", &c.now.quote);
            parts.push(line);
        }
        parts.extend(self.say_reveals(&reveals));
        if contradiction.is_none() {
            let reaction = match newly.first() {
                Some(&n) if band != Band::Angry && !sc.needs[n].thanks.is_empty() => {
                    self.pick(&sc.needs[n].thanks)
                }
                Some(_) => self.pick_static(voice::ack(sc.persona, band)),
                None if self.mood.anger < anger_before => {
                    self.pick_static(voice::heard(sc.persona))
                }
                None => self.pick_static(voice::pressed(sc.persona, band)),
            };
            parts.push(voice::sentence(&reaction));
        }
        if let Some(n) = open {
            let need = &sc.needs[n];
            // Asking again only when nothing was given: after a thank-you it reads as a rebuke.
            let again = self.last_asked == Some(n) && !need.again.is_empty() && newly.is_empty();
            let mut ask = self.pick(if again { &need.again } else { &need.ask });
            // Never the very same words twice in a row: switch to the other set.
            if again && self.last_customer_line().ends_with(&voice::sentence(&ask)) {
                ask = self.pick(&need.ask);
            }
            parts.push(voice::sentence(&ask));
            self.last_asked = Some(n);
            trace.asked = Some(need.id.clone());
        }
        (parts.join(" "), None)
    }

    /// Every need that matters is met: the customer closes, content or not.
    fn close(&mut self) -> (String, Option<Outcome>) {
        let sc = Rc::clone(&self.scenario);
        if self.content() {
            let line = if sc.satisfied.is_empty() {
                self.pick_static(voice::satisfied(sc.persona))
            } else {
                self.pick(&sc.satisfied)
            };
            (line, Some(Outcome::ResolvedSatisfied))
        } else {
            let line = if sc.grudging.is_empty() {
                self.pick_static(voice::grudging(sc.persona))
            } else {
                self.pick(&sc.grudging)
            };
            (line, Some(Outcome::ResolvedUnhappy))
        }
    }

    /// Calm enough and trusting enough to leave satisfied.
    fn content(&self) -> bool {
        self.mood.anger < 50 && self.mood.trust >= 30
    }

    fn ending(&self, end: EndKind, a: &Assessment) -> Outcome {
        let needs_done = (0..self.scenario.needs.len())
            .all(|i| self.scenario.needs[i].optional || self.memory.is_met(i));
        match end {
            EndKind::Resolved if self.content() && needs_done => Outcome::ResolvedSatisfied,
            EndKind::Resolved | EndKind::Unhappy => Outcome::ResolvedUnhappy,
            EndKind::Escalated => Outcome::Escalated {
                warm: a.warm_transfer,
            },
            EndKind::HungUp => Outcome::CustomerHungUp,
        }
    }

    fn pick_static(&mut self, lines: &[&str]) -> String {
        let owned: Vec<String> = lines.iter().map(|s| s.to_string()).collect();
        self.pick(&owned)
    }

    fn hang_up_line(&mut self) -> String {
        if self.scenario.hang_up.is_empty() {
            self.pick_static(&[
                "Forget it. I'm done with this. Goodbye.",
                "You know what, I'll take my business elsewhere.",
            ])
        } else {
            let lines = self.scenario.hang_up.clone();
            self.pick(&lines)
        }
    }

    fn out_of_turns(&mut self) -> String {
        self.pick_static(&[
            "I've spent long enough on this. I'll sort it out some other way.",
            "This is going nowhere. I have to go.",
        ])
    }

    /// Hidden facts a real question in the reply asks about (not yet revealed).
    fn reveal_candidates(&self, r: &Reply) -> Vec<usize> {
        // Only real questions count, not a satisfaction check.
        let questions: Vec<_> =
            r.a.get(Criterion::Question)
                .evidence
                .iter()
                .map(|e| crate::text::tokenize(e.span.slice(r.text)))
                .collect();
        if questions.is_empty() {
            return Vec::new();
        }
        (0..self.scenario.hidden.len())
            .filter(|&i| {
                !self.revealed[i]
                    && questions.iter().any(|q| {
                        self.scenario.hidden[i]
                            .ask
                            .iter()
                            .any(|p| p.find(q).is_some())
                    })
            })
            .collect()
    }

    /// Says the revealed facts, each as its own sentence, and marks them said.
    fn say_reveals(&mut self, reveals: &[usize]) -> Vec<String> {
        let sc = Rc::clone(&self.scenario);
        let mut out = Vec::new();
        for &h in reveals {
            self.revealed[h] = true;
            out.push(voice::sentence(&self.pick(&sc.hidden[h].say)));
            self.log.push(Event::Revealed {
                hidden: sc.hidden[h].id.clone(),
            });
        }
        out
    }

    /// Whether condition `c` holds for reply `r`, given the memory so far.
    pub(super) fn holds(&self, c: &Condition, r: &Reply) -> bool {
        let m = self.mood;
        let a = r.a;
        c.hit.iter().all(|&x| a.hit(x))
            && (c.hit_any.is_empty() || c.hit_any.iter().any(|&x| a.hit(x)))
            && c.miss.iter().all(|&x| !a.hit(x))
            && (c.flag.is_empty() || c.flag.iter().any(|&f| a.flagged(f)))
            && c.clean.is_none_or(|want| want == a.flags.is_empty())
            && (c.mentions.is_empty() || c.mentions.iter().any(|p| p.find(r.tokens).is_some()))
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
    }
}

/// The mood reward for needs met in one reply.
fn note_needs(change: &mut MoodChange, met: i32) {
    change.add(Scale::Anger, NEED_MET.0 * met, "needs met");
    change.add(Scale::Patience, NEED_MET.1 * met, "needs met");
    change.add(Scale::Trust, NEED_MET.2 * met, "needs met");
}
