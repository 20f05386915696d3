//! Customer personas: who the trainee is talking to, and what that customer
//! rewards and punishes.

use serde::Serialize;
use std::fmt;

/// A simulated customer's personality type.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Persona {
    Irate,
    Analytical,
    Rushed,
    Personal,
    Functional,
}

impl Persona {
    pub const ALL: [Persona; 5] = [
        Persona::Irate,
        Persona::Analytical,
        Persona::Rushed,
        Persona::Personal,
        Persona::Functional,
    ];

    /// The id used in scenario files and on the command line.
    pub fn id(self) -> &'static str {
        match self {
            Persona::Irate => "irate",
            Persona::Analytical => "analytical",
            Persona::Rushed => "rushed",
            Persona::Personal => "personal",
            Persona::Functional => "functional",
        }
    }

    /// Parses an id such as `"irate"`.
    pub fn from_id(id: &str) -> Option<Persona> {
        Persona::ALL.into_iter().find(|p| p.id() == id)
    }

    /// A short label for people.
    pub fn label(self) -> &'static str {
        match self {
            Persona::Irate => "Irate",
            Persona::Analytical => "Analytical",
            Persona::Rushed => "Rushed",
            Persona::Personal => "Personal",
            Persona::Functional => "Functional",
        }
    }

    /// One line on how to handle this customer, shown before a conversation.
    pub fn tip(self) -> &'static str {
        match self {
            Persona::Irate => {
                "Stay calm, acknowledge the feeling before fixing anything, and own the problem."
            }
            Persona::Analytical => "Be exact. Give correct facts and figures; skip the small talk.",
            Persona::Rushed => "Keep it short. Get to the fix with as few questions as possible.",
            Persona::Personal => {
                "Build rapport: be warm, use their name, remember what they told you."
            }
            Persona::Functional => {
                "Be predictable: explain the steps you will take, then follow them."
            }
        }
    }
}

impl fmt::Display for Persona {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}
