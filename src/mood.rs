//! A customer's mood: anger, patience and trust, each from 0 to 100.

use crate::persona::Persona;
use serde::{Deserialize, Serialize};

/// The highest value of each mood scale.
pub const MOOD_MAX: i32 = 100;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mood {
    pub anger: i32,
    pub patience: i32,
    pub trust: i32,
}

impl Mood {
    /// Where a persona starts when the scenario does not say.
    pub fn default_for(persona: Persona) -> Mood {
        let (anger, patience, trust) = match persona {
            Persona::Irate => (75, 45, 30),
            Persona::Analytical => (30, 65, 35),
            Persona::Rushed => (35, 40, 50),
            Persona::Personal => (25, 70, 50),
            Persona::Functional => (30, 60, 45),
        };
        Mood {
            anger,
            patience,
            trust,
        }
    }

    /// Keeps every scale within `0..=MOOD_MAX`.
    pub fn clamped(self) -> Mood {
        Mood {
            anger: self.anger.clamp(0, MOOD_MAX),
            patience: self.patience.clamp(0, MOOD_MAX),
            trust: self.trust.clamp(0, MOOD_MAX),
        }
    }
}
