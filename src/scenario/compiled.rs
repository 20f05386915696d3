//! Scenarios in compiled form: checked once (at build time for the bundled
//! ones, by the studio for a trainer's own), then stored as JSON the player
//! reads without a TOML parser or the validator.
//!
//! A compiled scenario may come back from the browser's storage, so reading
//! one checks every index it holds: a damaged one is refused with a reason,
//! never played.

use super::{Condition, Scenario};
use serde::{Deserialize, Serialize};

/// Marks a compiled library.
pub const COMPILED_FORMAT: &str = "rapport-compiled-scenarios";
/// The layout of compiled scenarios this build writes and reads; a change to
/// the model raises it, and older copies are compiled again from their source.
pub const COMPILED_VERSION: u32 = 1;

#[derive(Serialize)]
struct Out<'a> {
    format: &'static str,
    version: u32,
    scenarios: &'a [Scenario],
}

#[derive(Deserialize)]
struct In {
    format: String,
    version: u32,
    scenarios: Vec<Scenario>,
}

/// `scenarios` in compiled form.
pub fn compile(scenarios: &[Scenario]) -> String {
    serde_json::to_string(&Out {
        format: COMPILED_FORMAT,
        version: COMPILED_VERSION,
        scenarios,
    })
    .unwrap_or_default()
}

/// Reads scenarios written by [`compile`]; `Err` says why they cannot be played.
pub fn load_compiled(text: &str) -> Result<Vec<Scenario>, String> {
    let read: In =
        serde_json::from_str(text).map_err(|e| format!("not a compiled scenario: {e}"))?;
    if read.format != COMPILED_FORMAT {
        return Err(format!(
            "expected `{COMPILED_FORMAT}`, found `{}`",
            read.format
        ));
    }
    if read.version != COMPILED_VERSION {
        return Err(format!(
            "compiled by another version of Rapport (layout {}, this one reads {COMPILED_VERSION})",
            read.version
        ));
    }
    for s in &read.scenarios {
        consistent(s).map_err(|e| format!("scenario `{}`: {e}", s.id))?;
    }
    Ok(read.scenarios)
}

/// Every index in `s` points at something, and it can be played.
fn consistent(s: &Scenario) -> Result<(), String> {
    let nodes = s.nodes.len();
    if nodes == 0 || s.start >= nodes {
        return Err("it has no start node".into());
    }
    if s.max_turns == 0 {
        return Err("it allows no replies".into());
    }
    let node_ok = |i: Option<usize>| i.is_none_or(|i| i < nodes);
    let condition_ok = |c: &Condition| {
        c.met.iter().chain(&c.unmet).all(|&i| i < s.needs.len())
            && c.stated.iter().chain(&c.wrong).all(|&i| i < s.facts.len())
            && c.revealed.iter().all(|&i| i < s.hidden.len())
    };
    let rules = s.nodes.iter().flat_map(|n| &n.next).chain(&s.anytime);
    for rule in rules {
        if !node_ok(rule.goto) || !condition_ok(&rule.when) {
            return Err(format!("the rule at line {} points at nothing", rule.line));
        }
    }
    for n in &s.nodes {
        if n.need.is_some_and(|i| i >= s.needs.len()) {
            return Err(format!("node `{}` asks for a need it does not have", n.id));
        }
        if n.say.is_empty()
            && n.say_calm.is_empty()
            && n.say_tense.is_empty()
            && n.say_angry.is_empty()
        {
            return Err(format!("node `{}` has nothing to say", n.id));
        }
    }
    for need in &s.needs {
        if !need.met.iter().all(condition_ok) {
            return Err(format!("need `{}` points at nothing", need.id));
        }
    }
    Ok(())
}

#[cfg(all(test, feature = "authoring"))]
mod tests {
    use super::*;
    use crate::scenario::bundled;

    fn library() -> Vec<Scenario> {
        bundled().into_iter().filter_map(|p| p.scenario).collect()
    }

    #[test]
    fn every_bundled_scenario_reads_back_exactly() {
        let all = library();
        assert!(all.len() >= 10);
        let back = load_compiled(&compile(&all)).unwrap();
        assert_eq!(back, all);
    }

    #[test]
    fn damaged_or_foreign_text_is_refused_with_a_reason() {
        let good = compile(&library()[..1]);
        for (text, why) in [
            ("", "not a compiled scenario"),
            ("{}", "not a compiled scenario"),
            (r#"{"format":"x","version":1,"scenarios":[]}"#, "expected"),
            (
                &good.replace("\"version\":1", "\"version\":99"),
                "another version",
            ),
            (
                &good.replace("\"start\":0", "\"start\":999"),
                "no start node",
            ),
            (&good[..good.len() / 2], "not a compiled scenario"),
        ] {
            let err = load_compiled(text).unwrap_err();
            assert!(err.contains(why), "{why}: {err}");
        }
    }

    #[test]
    fn a_goto_past_the_last_node_is_refused() {
        let mut s = library().remove(0);
        let n = s.nodes.len();
        let node = s.nodes.iter_mut().find(|n| !n.next.is_empty()).unwrap();
        node.next[0].goto = Some(n);
        assert!(load_compiled(&compile(&[s]))
            .unwrap_err()
            .contains("points at nothing"));
    }
}
