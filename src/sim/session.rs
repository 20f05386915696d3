//! A session: one play-through of a scenario.

use super::events::{Event, Outcome, SimError, Speaker};
use super::memory::Memory;
use super::money::{amounts_offered, OfferKind};
use super::trace::Trace;
use crate::mood::Mood;
use crate::scenario::{NodeId, Scenario};
use crate::scoring::{grade_with_words, Assessment, Context, Fault, Scorecard};
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
    /// Why the customer answered as they did.
    pub trace: Trace,
}

/// A play-through of one scenario. Cheap to clone; the scenario is shared.
#[derive(Clone, Debug, PartialEq)]
pub struct Session {
    pub(super) scenario: Rc<Scenario>,
    seed: u64,
    rng: ChaCha8Rng,
    /// The node whose rules the next reply is tried against (`None`: the
    /// customer is talking about their needs).
    pub(super) node: Option<usize>,
    pub(super) mood: Mood,
    pub(super) revealed: Vec<bool>,
    pub(super) memory: Memory,
    /// The need the customer asked for in their last line.
    pub(super) last_asked: Option<usize>,
    /// Every need is met but the customer was still sore: the next reply decides.
    pub(super) lingering: bool,
    pub(super) turns: Vec<Turn>,
    /// Every turn's assessment again, so grading gets them without a copy.
    assessments: Vec<Assessment>,
    pub(super) log: Vec<Event>,
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
            node: Some(scenario.start),
            mood: scenario.mood,
            revealed: vec![false; scenario.hidden.len()],
            memory: Memory::new(&scenario),
            last_asked: None,
            lingering: false,
            rng: ChaCha8Rng::seed_from_u64(seed),
            seed,
            scenario,
            turns: Vec::new(),
            assessments: Vec::new(),
            log: Vec::new(),
            beyond: Vec::new(),
            started_ms: now_ms,
            last_ms: now_ms,
            outcome: None,
        };
        let sc = Rc::clone(&s.scenario);
        let band = crate::scenario::Band::of(s.mood.anger);
        let line = s.pick(sc.node(sc.start).lines(band));
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
    /// The node the customer is at (`None` while their needs lead).
    pub fn node_id(&self) -> Option<&NodeId> {
        self.node.map(|i| &self.scenario.node(i).id)
    }
    /// What the customer remembers so far.
    pub fn memory(&self) -> &Memory {
        &self.memory
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
        let card = Scorecard::from_turns(
            &self.assessments,
            self.scenario.persona,
            self.emotional(),
            self.is_over(),
            &self.beyond,
        );
        match self.outcome {
            Some(o) => card.with_outcome(o.credit()),
            None => card,
        }
    }

    pub(super) fn emotional(&self) -> bool {
        self.scenario.mood.anger >= 50
    }

    pub(super) fn pick(&mut self, variants: &[String]) -> String {
        match variants.len() {
            0 => String::new(),
            n => variants[self.rng.random_range(0..n as u32) as usize].clone(),
        }
    }

    pub(super) fn last_customer_line(&self) -> &str {
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
        let (a, words) = {
            let ctx = Context {
                persona: sc.persona,
                customer_last: self.last_customer_line(),
                previous: &self.assessments,
                facts: &sc.facts,
                may_admit_fault: sc.may_admit_fault,
                customer_upset: self.mood.anger >= 50,
                phrases: &sc.phrases,
            };
            grade_with_words(reply, &ctx)
        };
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
        if let Some((amount, limit)) = over {
            self.log.push(Event::BeyondAuthority { amount, limit });
            self.beyond.push(Fault::BeyondAuthority {
                turn: self.turns.len(),
                offered_cents: (amount * 100.0).round() as u64,
                limit_cents: (limit * 100.0).round() as u64,
            });
        }
        let (line, outcome, trace) = self.react(reply, words, &a, elapsed, over.is_some());
        self.assessments.push(a.clone());
        self.turns.push(Turn {
            reply: reply.to_string(),
            at_ms: now_ms,
            assessment: a,
            mood_after: self.mood,
            trace,
        });
        if outcome != Some(Outcome::AgentHungUp) {
            self.log.push(Event::Said {
                speaker: Speaker::Customer,
                text: line,
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

    /// The largest amount offered over the scenario's limit, with that limit.
    pub(super) fn beyond_authority(&self, reply: &str) -> Option<(f64, f64)> {
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
}
