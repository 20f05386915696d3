//! Why the customer said what they said: per turn, the node, the rule that
//! fired, needs met, facts stated, offers, and the mood changes with their
//! causes. `rapport play --trace` and the trainer's "Try it" show it.

use super::mood_rules::MoodPart;
use std::fmt;

/// What decided the customer's line after one reply.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Trace {
    /// The node the reply answered (`None`: the customer was talking about their needs).
    pub node_before: Option<String>,
    /// The rule that fired: where it is and what it tests.
    pub rule: Option<String>,
    /// The node whose line the customer said (`None`: a line composed from the needs).
    pub node_after: Option<String>,
    /// Nodes skipped because the need they ask for is already met.
    pub skipped: Vec<String>,
    /// Needs this reply met, each with what met it.
    pub needs_met: Vec<(String, String)>,
    /// The need the customer asked for next, if any.
    pub asked: Option<String>,
    /// Needs still open after this reply.
    pub open: Vec<String>,
    /// Facts the reply stated (`true`) or got wrong (`false`).
    pub facts: Vec<(String, bool)>,
    /// Offers the reply made.
    pub offers: Vec<&'static str>,
    /// An earlier statement this reply contradicts.
    pub contradiction: Option<String>,
    /// Hidden facts the customer revealed.
    pub revealed: Vec<String>,
    /// Itemised mood changes.
    pub mood: Vec<MoodPart>,
    /// Why the conversation ended, when it did.
    pub ending: Option<String>,
}

fn list(v: &[String]) -> String {
    if v.is_empty() {
        "-".into()
    } else {
        v.join(", ")
    }
}

impl fmt::Display for Trace {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let at = |n: &Option<String>| n.clone().unwrap_or_else(|| "(needs)".into());
        writeln!(
            f,
            "node: {} -> {}",
            at(&self.node_before),
            at(&self.node_after)
        )?;
        writeln!(
            f,
            "rule: {}",
            self.rule
                .as_deref()
                .unwrap_or("none fired; the customer's needs lead")
        )?;
        for s in &self.skipped {
            writeln!(f, "skipped: node `{s}` (its need is met)")?;
        }
        let met: Vec<String> = self
            .needs_met
            .iter()
            .map(|(n, by)| format!("{n} ({by})"))
            .collect();
        writeln!(f, "needs met: {}", list(&met))?;
        writeln!(f, "needs open: {}", list(&self.open))?;
        if let Some(a) = &self.asked {
            writeln!(f, "asks for: {a}")?;
        }
        let facts: Vec<String> = self
            .facts
            .iter()
            .map(|(id, ok)| {
                if *ok {
                    id.clone()
                } else {
                    format!("{id} (wrong)")
                }
            })
            .collect();
        writeln!(f, "facts stated: {}", list(&facts))?;
        let offers: Vec<String> = self.offers.iter().map(|s| s.to_string()).collect();
        writeln!(f, "offers: {}", list(&offers))?;
        if let Some(c) = &self.contradiction {
            writeln!(f, "contradiction: {c}")?;
        }
        if !self.revealed.is_empty() {
            writeln!(f, "revealed: {}", list(&self.revealed))?;
        }
        let mood: Vec<String> = self
            .mood
            .iter()
            .map(|p| format!("{} {:+} ({})", p.scale.id(), p.delta, p.cause))
            .collect();
        writeln!(f, "mood: {}", list(&mood))?;
        if let Some(e) = &self.ending {
            writeln!(f, "ending: {e}")?;
        }
        Ok(())
    }
}
