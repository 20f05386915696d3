//! What a session reports: events, outcomes and errors.

use crate::mood::Mood;
use crate::scoring::{Assessment, Scorecard};
use std::fmt;

/// Who said a line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Speaker {
    Customer,
    Trainee,
}

/// How a conversation ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    ResolvedSatisfied,
    ResolvedUnhappy,
    /// Handed to a supervisor; `warm` when the trainee transferred them properly.
    Escalated {
        warm: bool,
    },
    CustomerHungUp,
    /// The trainee ended the call on the customer.
    AgentHungUp,
    /// The trainee chose to end the conversation.
    TraineeEnded,
    /// The turn limit ran out before a resolution.
    OutOfTurns,
}

impl Outcome {
    /// Stable id, as golden replies name it.
    pub fn id(self) -> &'static str {
        match self {
            Outcome::ResolvedSatisfied => "resolved_satisfied",
            Outcome::ResolvedUnhappy => "resolved_unhappy",
            Outcome::Escalated { warm: true } => "escalated_warm",
            Outcome::Escalated { warm: false } => "escalated_cold",
            Outcome::CustomerHungUp => "customer_hung_up",
            Outcome::AgentHungUp => "agent_hung_up",
            Outcome::TraineeEnded => "trainee_ended",
            Outcome::OutOfTurns => "out_of_turns",
        }
    }

    /// A heading for the result view.
    pub fn title(self) -> &'static str {
        match self {
            Outcome::ResolvedSatisfied => "Resolved: the customer left satisfied",
            Outcome::ResolvedUnhappy => "Resolved, but the customer is still unhappy",
            Outcome::Escalated { warm: true } => "Escalated with a warm transfer",
            Outcome::Escalated { warm: false } => "Escalated without a proper hand-over",
            Outcome::CustomerHungUp => "The customer hung up",
            Outcome::AgentHungUp => "You ended the call on the customer",
            Outcome::TraineeEnded => "You ended the conversation",
            Outcome::OutOfTurns => "The conversation ran out of time",
        }
    }

    /// How much this ending counts towards the conversation score, in `[0, 1]`.
    pub fn credit(self) -> f32 {
        match self {
            Outcome::ResolvedSatisfied | Outcome::Escalated { warm: true } => 1.0,
            Outcome::ResolvedUnhappy => 0.4,
            Outcome::Escalated { warm: false } => 0.3,
            Outcome::TraineeEnded | Outcome::OutOfTurns => 0.2,
            Outcome::CustomerHungUp | Outcome::AgentHungUp => 0.0,
        }
    }

    /// True for the endings a trainee should aim for.
    pub fn is_good(self) -> bool {
        matches!(
            self,
            Outcome::ResolvedSatisfied | Outcome::Escalated { warm: true }
        )
    }
}

/// Something that happened in a session, in order.
#[derive(Clone, Debug, PartialEq)]
pub enum Event {
    /// A line of the conversation.
    Said {
        speaker: Speaker,
        text: String,
    },
    /// The trainee's reply was graded (`turn` is 0-based).
    Assessed {
        turn: usize,
        assessment: Box<Assessment>,
    },
    MoodChanged {
        before: Mood,
        after: Mood,
    },
    /// The customer revealed a hidden fact.
    Revealed {
        hidden: String,
    },
    /// The trainee offered more than the scenario allows.
    BeyondAuthority {
        amount: f64,
        limit: f64,
    },
    /// The conversation is over.
    Ended {
        outcome: Outcome,
        scorecard: Box<Scorecard>,
    },
}

/// Misuse of a session: an error, never a panic.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SimError {
    /// The conversation has already ended.
    Ended,
    /// The reply is empty or only white space.
    EmptyReply,
    /// The reply is longer than the limit (in characters).
    TooLong { chars: usize, max: usize },
}

impl fmt::Display for SimError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SimError::Ended => write!(f, "this conversation has ended; start a new one to keep practising"),
            SimError::EmptyReply => write!(f, "type a reply before sending"),
            SimError::TooLong { chars, max } => write!(
                f,
                "your reply is {chars} characters long; keep it under {max} (a real customer would not read more)"
            ),
        }
    }
}

impl std::error::Error for SimError {}
