//! Saying the customer's line: an authored node's, or one composed from the
//! needs (a contradiction noticed, a question answered, what was just done
//! acknowledged, the next need asked for), and the closing and hang-up lines.

use super::events::{Event, Outcome};
use super::holds::Reply;
use super::memory::Contradiction;
use super::trace::Trace;
use super::voice;
use super::Session;
use crate::scenario::{Band, EndKind};
use crate::scoring::{Assessment, Criterion};
use std::rc::Rc;

impl Session {
    /// Says node `t`'s line (after any reveals, unless it ends the conversation).
    pub(super) fn say_node(
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
    pub(super) fn compose(
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
        let last_turn = self.turns.len() + 1 >= sc.max_turns;
        if !must_open && contradiction.is_none() {
            // Still sore: they stay on the line for one more reply before closing.
            if self.content() || self.lingering || last_turn {
                return self.close();
            }
            return (self.linger(), None);
        }
        if last_turn {
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
        // The ask first: when it is an "again" line, it already presses, and a
        // rebuke in front of it would say the same thing twice.
        let mut pressing = false;
        let ask = open.map(|n| {
            let need = &sc.needs[n];
            // Asking again only when nothing was given: after a thank-you it reads as a rebuke.
            pressing = self.last_asked == Some(n) && !need.again.is_empty() && newly.is_empty();
            let mut ask = self.pick(if pressing { &need.again } else { &need.ask });
            // Never the very same words twice in a row: switch to the other set.
            if pressing && self.last_customer_line().ends_with(&voice::sentence(&ask)) {
                ask = self.pick(&need.ask);
                pressing = false;
            }
            self.last_asked = Some(n);
            trace.asked = Some(need.id.clone());
            ask
        });
        if contradiction.is_none() {
            let reaction = match newly.first() {
                Some(&n) if band != Band::Angry && !sc.needs[n].thanks.is_empty() => {
                    Some(self.pick(&sc.needs[n].thanks))
                }
                Some(_) => Some(self.pick_static(voice::ack(sc.persona, band))),
                None if self.mood.anger < anger_before => {
                    Some(self.pick_static(voice::heard(sc.persona)))
                }
                None if pressing => None,
                None => Some(self.pick_static(voice::pressed(sc.persona, band))),
            };
            parts.extend(reaction.map(|r| voice::sentence(&r)));
        }
        parts.extend(ask.map(|a| voice::sentence(&a)));
        (parts.join(" "), None)
    }

    /// Every need that matters is met but the customer is not content yet: a
    /// brief acknowledgement and a last doubt, which the next reply can settle.
    fn linger(&mut self) -> String {
        self.lingering = true;
        self.node = None;
        self.pick_static(voice::lingering(self.scenario.persona))
    }

    /// Every need that matters is met: the customer closes, content or not.
    pub(super) fn close(&mut self) -> (String, Option<Outcome>) {
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
    pub(super) fn content(&self) -> bool {
        self.mood.anger < 50 && self.mood.trust >= 30
    }

    pub(super) fn ending(&self, end: EndKind, a: &Assessment) -> Outcome {
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

    pub(super) fn pick_static(&mut self, lines: &[&str]) -> String {
        let owned: Vec<String> = lines.iter().map(|s| s.to_string()).collect();
        self.pick(&owned)
    }

    pub(super) fn hang_up_line(&mut self) -> String {
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

    pub(super) fn out_of_turns(&mut self) -> String {
        self.pick_static(&[
            "I've spent long enough on this. I'll sort it out some other way.",
            "This is going nowhere. I have to go.",
        ])
    }

    /// Hidden facts a real question in the reply asks about (not yet revealed).
    pub(super) fn reveal_candidates(&self, r: &Reply) -> Vec<usize> {
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
    pub(super) fn say_reveals(&mut self, reveals: &[usize]) -> Vec<String> {
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
}
