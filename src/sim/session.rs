//! A session: one play-through of a scenario.

use super::events::{Event, Outcome, SimError, Speaker};
use super::money::{amounts_offered, OfferKind};
use super::mood_rules::next_mood;
use crate::mood::{Mood, MOOD_MAX};
use crate::scenario::{Condition, EndKind, Scenario};
use crate::scoring::{grade, Assessment, Context, Criterion, Fault, Scorecard};
use crate::text::tokenize;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use std::rc::Rc;

/// Replies longer than this many characters are refused with a message.
pub const MAX_REPLY_CHARS: usize = 2000;

/// One exchange: the trainee's reply and what followed.
#[derive(Clone, Debug, PartialEq)]
pub struct Turn {
    pub reply: String,
    pub at_ms: u64,
    pub assessment: Assessment,
    pub mood_after: Mood,
}

/// A play-through of one scenario. Cheap to clone; the scenario is shared.
#[derive(Clone, Debug, PartialEq)]
pub struct Session {
    scenario: Rc<Scenario>,
    seed: u64,
    rng: ChaCha8Rng,
    node: usize,
    mood: Mood,
    revealed: Vec<bool>,
    turns: Vec<Turn>,
    log: Vec<Event>,
    /// Offers beyond the scenario's authority, as scorecard faults.
    beyond: Vec<Fault>,
    started_ms: u64,
    last_ms: u64,
    outcome: Option<Outcome>,
}

impl Session {
    /// Starts a conversation: the customer says the opening line.
    pub fn new(scenario: Rc<Scenario>, seed: u64, now_ms: u64) -> Session {
        let mut s = Session {
            node: scenario.start,
            mood: scenario.mood,
            revealed: vec![false; scenario.hidden.len()],
            rng: ChaCha8Rng::seed_from_u64(seed),
            seed,
            scenario,
            turns: Vec::new(),
            log: Vec::new(),
            beyond: Vec::new(),
            started_ms: now_ms,
            last_ms: now_ms,
            outcome: None,
        };
        let line = s.pick(&s.scenario.node(s.node).say.clone());
        s.log.push(Event::Said {
            speaker: Speaker::Customer,
            text: line,
        });
        s
    }

    pub fn scenario(&self) -> &Rc<Scenario> {
        &self.scenario
    }
    pub fn seed(&self) -> u64 {
        self.seed
    }
    pub fn mood(&self) -> Mood {
        self.mood
    }
    pub fn turns(&self) -> &[Turn] {
        &self.turns
    }
    /// Every event so far, oldest first.
    pub fn log(&self) -> &[Event] {
        &self.log
    }
    pub fn outcome(&self) -> Option<Outcome> {
        self.outcome
    }
    pub fn is_over(&self) -> bool {
        self.outcome.is_some()
    }
    /// When the conversation started (milliseconds, as passed to `new`).
    pub fn started_ms(&self) -> u64 {
        self.started_ms
    }

    /// Milliseconds from the opening line to the last event.
    pub fn duration_ms(&self) -> u64 {
        self.last_ms.saturating_sub(self.started_ms)
    }

    /// The scorecard so far (final once the session is over, when the ending
    /// counts towards the total).
    pub fn scorecard(&self) -> Scorecard {
        let assessments: Vec<Assessment> =
            self.turns.iter().map(|t| t.assessment.clone()).collect();
        let card =
            Scorecard::from_turns(&assessments, self.emotional(), self.is_over(), &self.beyond);
        match self.outcome {
            Some(o) => card.with_outcome(o.credit()),
            None => card,
        }
    }

    fn emotional(&self) -> bool {
        self.scenario.mood.anger >= 50
    }

    fn pick(&mut self, variants: &[String]) -> String {
        match variants.len() {
            0 => String::new(),
            n => variants[self.rng.random_range(0..n as u32) as usize].clone(),
        }
    }

    fn last_customer_line(&self) -> &str {
        self.log
            .iter()
            .rev()
            .find_map(|e| match e {
                Event::Said {
                    speaker: Speaker::Customer,
                    text,
                } => Some(text.as_str()),
                _ => None,
            })
            .unwrap_or("")
    }

    /// Grades the trainee's reply and lets the customer react.
    pub fn respond(&mut self, reply: &str, now_ms: u64) -> Result<Vec<Event>, SimError> {
        if self.is_over() {
            return Err(SimError::Ended);
        }
        let reply = reply.trim();
        if reply.is_empty() {
            return Err(SimError::EmptyReply);
        }
        let chars = reply.chars().count();
        if chars > MAX_REPLY_CHARS {
            return Err(SimError::TooLong {
                chars,
                max: MAX_REPLY_CHARS,
            });
        }
        let start = self.log.len();
        let sc = Rc::clone(&self.scenario);
        let previous: Vec<Assessment> = self.turns.iter().map(|t| t.assessment.clone()).collect();
        let ctx = Context {
            persona: sc.persona,
            customer_last: self.last_customer_line(),
            previous: &previous,
            facts: &sc.facts,
            may_admit_fault: sc.may_admit_fault,
            customer_upset: self.mood.anger >= 50,
        };
        let a = grade(reply, &ctx);
        let elapsed = now_ms.saturating_sub(self.last_ms);
        self.last_ms = now_ms.max(self.last_ms);
        self.log.push(Event::Said {
            speaker: Speaker::Trainee,
            text: reply.to_string(),
        });
        self.log.push(Event::Assessed {
            turn: self.turns.len(),
            assessment: Box::new(a.clone()),
        });

        let over = self.beyond_authority(reply);
        let before = self.mood;
        self.mood = next_mood(sc.persona, self.mood, &a, elapsed, over.is_some());
        if let Some((amount, limit)) = over {
            self.log.push(Event::BeyondAuthority { amount, limit });
            self.beyond.push(Fault::BeyondAuthority {
                turn: self.turns.len(),
                offered_cents: (amount * 100.0).round() as u64,
                limit_cents: (limit * 100.0).round() as u64,
            });
        }
        self.log.push(Event::MoodChanged {
            before,
            after: self.mood,
        });
        let newly = self.reveal(reply, &a);
        self.turns.push(Turn {
            reply: reply.to_string(),
            at_ms: now_ms,
            assessment: a.clone(),
            mood_after: self.mood,
        });

        let target = sc
            .node(self.node)
            .next
            .iter()
            .find(|r| self.holds(&r.when, &a, reply, over.is_some()))
            .map(|r| r.goto);
        if let Some(t) = target {
            self.node = t;
        }
        let node = sc.node(self.node);
        let mut line: Vec<String> = newly
            .iter()
            .map(|&h| self.pick(&sc.hidden[h].say))
            .collect();
        for &h in &newly {
            self.log.push(Event::Revealed {
                hidden: sc.hidden[h].id.clone(),
            });
        }
        let outcome = if a.flagged(crate::scoring::FlagId::HangUp) {
            Some(Outcome::AgentHungUp)
        } else if self.mood.anger >= MOOD_MAX || self.mood.patience <= 0 {
            line.clear();
            line.push(self.hang_up_line());
            Some(Outcome::CustomerHungUp)
        } else if node.end.is_none() && self.turns.len() >= sc.max_turns {
            line.push(self.pick(&out_of_turns_lines()));
            Some(Outcome::OutOfTurns)
        } else {
            line.push(self.pick(&node.say));
            node.end.map(|e| self.ending(e, &a))
        };
        if outcome != Some(Outcome::AgentHungUp) {
            self.log.push(Event::Said {
                speaker: Speaker::Customer,
                text: line.join(" "),
            });
        }
        if let Some(o) = outcome {
            self.finish(o);
        }
        Ok(self.log[start..].to_vec())
    }

    /// The trainee ends the conversation.
    pub fn end(&mut self, now_ms: u64) -> Result<Vec<Event>, SimError> {
        if self.is_over() {
            return Err(SimError::Ended);
        }
        self.last_ms = now_ms.max(self.last_ms);
        let start = self.log.len();
        self.finish(Outcome::TraineeEnded);
        Ok(self.log[start..].to_vec())
    }

    fn finish(&mut self, outcome: Outcome) {
        self.outcome = Some(outcome);
        let scorecard = self.scorecard();
        self.log.push(Event::Ended {
            outcome,
            scorecard: Box::new(scorecard),
        });
    }

    fn ending(&self, end: EndKind, a: &Assessment) -> Outcome {
        match end {
            EndKind::Resolved if self.mood.anger < 50 && self.mood.trust >= 30 => {
                Outcome::ResolvedSatisfied
            }
            EndKind::Resolved | EndKind::Unhappy => Outcome::ResolvedUnhappy,
            EndKind::Escalated => Outcome::Escalated {
                warm: a.warm_transfer,
            },
            EndKind::HungUp => Outcome::CustomerHungUp,
        }
    }

    fn hang_up_line(&mut self) -> String {
        let lines = if self.scenario.hang_up.is_empty() {
            vec![
                "Forget it. I'm done with this. Goodbye.".to_string(),
                "You know what, I'll take my business elsewhere.".to_string(),
            ]
        } else {
            self.scenario.hang_up.clone()
        };
        self.pick(&lines)
    }

    /// The largest amount offered over the scenario's limit, with that limit.
    fn beyond_authority(&self, reply: &str) -> Option<(f64, f64)> {
        let auth = &self.scenario.authority;
        amounts_offered(reply)
            .into_iter()
            .find_map(|(kind, amount)| {
                let limit = match kind {
                    OfferKind::Refund => auth.refund_limit,
                    OfferKind::Credit => auth.credit_limit.or(auth.refund_limit),
                }?;
                (amount > limit).then_some((amount, limit))
            })
    }

    /// Hidden facts a question in the reply asks about; marks them revealed.
    fn reveal(&mut self, reply: &str, a: &Assessment) -> Vec<usize> {
        // Only real questions count, not a satisfaction check.
        let questions: Vec<_> = a
            .get(Criterion::Question)
            .evidence
            .iter()
            .map(|e| tokenize(e.span.slice(reply)))
            .collect();
        let mut newly = Vec::new();
        for (i, h) in self.scenario.hidden.iter().enumerate() {
            let asked = questions
                .iter()
                .any(|q| h.ask.iter().any(|p| p.find(q).is_some()));
            if !self.revealed[i] && asked {
                self.revealed[i] = true;
                newly.push(i);
            }
        }
        newly
    }

    fn holds(&self, c: &Condition, a: &Assessment, reply: &str, over: bool) -> bool {
        let m = self.mood;
        let tokens = if c.mentions.is_empty() {
            None
        } else {
            Some(tokenize(reply))
        };
        c.hit.iter().all(|&x| a.hit(x))
            && (c.hit_any.is_empty() || c.hit_any.iter().any(|&x| a.hit(x)))
            && c.miss.iter().all(|&x| !a.hit(x))
            && (c.flag.is_empty() || c.flag.iter().any(|&f| a.flagged(f)))
            && c.clean.is_none_or(|want| want == a.flags.is_empty())
            && tokens.is_none_or(|t| c.mentions.iter().any(|p| p.find(&t).is_some()))
            && c.revealed
                .iter()
                .all(|&h| self.revealed.get(h).copied().unwrap_or(false))
            && c.anger_at_least.is_none_or(|v| m.anger >= v)
            && c.anger_below.is_none_or(|v| m.anger < v)
            && c.patience_at_least.is_none_or(|v| m.patience >= v)
            && c.patience_below.is_none_or(|v| m.patience < v)
            && c.trust_at_least.is_none_or(|v| m.trust >= v)
            && c.trust_below.is_none_or(|v| m.trust < v)
            && c.turn_at_least.is_none_or(|v| self.turns.len() >= v)
            && c.over_limit.is_none_or(|want| want == over)
            && c.warm_transfer.is_none_or(|want| want == a.warm_transfer)
    }
}

fn out_of_turns_lines() -> Vec<String> {
    vec![
        "I've spent long enough on this. I'll sort it out some other way.".to_string(),
        "This is going nowhere. I have to go.".to_string(),
    ]
}
