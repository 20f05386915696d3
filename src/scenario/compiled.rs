//! Scenarios in compiled form: checked once (at build time for the bundled
//! ones, by the studio for a trainer's own), then stored in a compact text
//! form ([`crate::text::codec`]) the player reads without a TOML parser or
//! the validator. Golden runs keep what they expect (the progress page reads
//! what a scenario trains from it) and their replies (the result page replays
//! the best one as a model conversation).
//!
//! A compiled scenario may come back from the browser's storage, so reading
//! one checks every index it holds: a damaged one is refused with a reason,
//! never played.

use super::{
    Authority, Condition, Difficulty, EndKind, Golden, Hidden, Need, Node, NodeId, Offer, Rule,
    RunLevel, Scenario, ScenarioId,
};
use crate::mood::Mood;
use crate::persona::Persona;
use crate::scoring::{Criterion, Fact, FlagId};
use crate::text::codec::{index_of, ReadError, Reader, Writer};
use crate::text::Pattern;

/// Marks compiled scenarios.
pub const COMPILED_FORMAT: &str = "rapport-compiled-scenarios";
/// The layout of compiled scenarios this build writes; a change to the model
/// raises it, and copies this build cannot read are compiled again from
/// their source. Layout 1 (golden runs without their replies) is still read.
pub const COMPILED_VERSION: u32 = 2;

/// `scenarios` in compiled form.
pub fn compile(scenarios: &[Scenario]) -> String {
    let mut w = Writer::default();
    w.str(COMPILED_FORMAT);
    w.uint(u64::from(COMPILED_VERSION));
    w.list(scenarios, write_scenario);
    w.out
}

/// Reads scenarios written by [`compile`]; `Err` says why they cannot be played.
pub fn load_compiled(text: &str) -> Result<Vec<Scenario>, String> {
    let mut r = Reader::new(text);
    let format = r
        .str()
        .map_err(|e| format!("not a compiled scenario ({e})"))?;
    if format != COMPILED_FORMAT {
        return Err(format!(
            "expected `{COMPILED_FORMAT}`, found `{format:.40}`"
        ));
    }
    let version = r.uint()?;
    if !(1..=u64::from(COMPILED_VERSION)).contains(&version) {
        return Err(format!(
            "compiled by another version of Rapport (layout {version}, this one reads 1 to {COMPILED_VERSION})"
        ));
    }
    let scenarios = r.list(|r| read_scenario(r, version))?;
    if !r.at_end() {
        return Err("damaged: data after the last scenario".into());
    }
    for s in &scenarios {
        consistent(s).map_err(|e| format!("scenario `{}`: {e}", s.id))?;
    }
    Ok(scenarios)
}

fn patterns(w: &mut Writer, v: &[Pattern]) {
    w.list(v, |w, p| p.write(w));
}

fn read_patterns(r: &mut Reader) -> Result<Vec<Pattern>, ReadError> {
    r.list(Pattern::read)
}

fn criteria(w: &mut Writer, v: &[Criterion]) {
    w.list(v, |w, c| w.uint(index_of(&Criterion::ALL, c)));
}

fn read_criteria(r: &mut Reader) -> Result<Vec<Criterion>, ReadError> {
    r.list(|r| r.one_of(&Criterion::ALL))
}

fn indexes(w: &mut Writer, v: &[usize]) {
    w.list(v, |w, i| w.uint(*i as u64));
}

fn read_indexes(r: &mut Reader) -> Result<Vec<usize>, ReadError> {
    r.list(|r| r.below(u64::from(u32::MAX)))
}

fn opt_int(w: &mut Writer, v: Option<i32>) {
    w.opt(v, |w, x| w.int(i64::from(x)));
}

fn write_condition(w: &mut Writer, c: &Condition) {
    criteria(w, &c.hit);
    criteria(w, &c.hit_any);
    criteria(w, &c.miss);
    w.list(&c.flag, |w, f| w.uint(index_of(&FlagId::ALL, f)));
    w.opt(c.clean, Writer::bool);
    patterns(w, &c.mentions);
    w.opt(c.mention_hints.as_deref(), Writer::strs);
    indexes(w, &c.revealed);
    for m in [
        c.anger_at_least,
        c.anger_below,
        c.patience_at_least,
        c.patience_below,
        c.trust_at_least,
        c.trust_below,
    ] {
        opt_int(w, m);
    }
    w.opt(c.turn_at_least, |w, t| w.uint(t as u64));
    w.opt(c.over_limit, Writer::bool);
    w.opt(c.warm_transfer, Writer::bool);
    indexes(w, &c.met);
    indexes(w, &c.unmet);
    indexes(w, &c.stated);
    w.list(&c.offered, |w, o| w.uint(index_of(&Offer::ALL, o)));
    indexes(w, &c.wrong);
}

fn read_condition(r: &mut Reader) -> Result<Condition, ReadError> {
    let opt_int = |r: &mut Reader| r.opt(Reader::i32);
    Ok(Condition {
        hit: read_criteria(r)?,
        hit_any: read_criteria(r)?,
        miss: read_criteria(r)?,
        flag: r.list(|r| r.one_of(&FlagId::ALL))?,
        clean: r.opt(Reader::bool)?,
        mentions: read_patterns(r)?,
        mention_hints: r.opt(Reader::strs)?,
        revealed: read_indexes(r)?,
        anger_at_least: opt_int(r)?,
        anger_below: opt_int(r)?,
        patience_at_least: opt_int(r)?,
        patience_below: opt_int(r)?,
        trust_at_least: opt_int(r)?,
        trust_below: opt_int(r)?,
        turn_at_least: r.opt(|r| r.below(u64::from(u32::MAX)))?,
        over_limit: r.opt(Reader::bool)?,
        warm_transfer: r.opt(Reader::bool)?,
        met: read_indexes(r)?,
        unmet: read_indexes(r)?,
        stated: read_indexes(r)?,
        offered: r.list(|r| r.one_of(&Offer::ALL))?,
        wrong: read_indexes(r)?,
    })
}

fn write_rule(w: &mut Writer, rule: &Rule) {
    write_condition(w, &rule.when);
    w.opt(rule.goto, |w, g| w.uint(g as u64));
    w.uint(rule.line as u64);
}

fn read_rule(r: &mut Reader) -> Result<Rule, ReadError> {
    Ok(Rule {
        when: read_condition(r)?,
        goto: r.opt(|r| r.below(u64::from(u32::MAX)))?,
        line: r.below(u64::from(u32::MAX))?,
    })
}

fn write_scenario(w: &mut Writer, s: &Scenario) {
    w.str(&s.id.0);
    w.uint(u64::from(s.version));
    w.str(&s.title);
    w.uint(index_of(&Persona::ALL, &s.persona));
    w.uint(index_of(&Difficulty::ALL, &s.difficulty));
    w.str(&s.domain);
    w.strs(&s.tags);
    w.str(&s.language);
    w.str(&s.summary);
    w.opt(s.goal.as_deref(), Writer::str);
    w.str(&s.customer_name);
    w.str(&s.situation);
    for m in [s.mood.anger, s.mood.patience, s.mood.trust] {
        w.int(i64::from(m));
    }
    w.opt(s.authority.refund_limit, Writer::float);
    w.opt(s.authority.credit_limit, Writer::float);
    w.strs(&s.authority.notes);
    w.list(&s.facts, |w, f| {
        w.str(&f.id);
        w.str(&f.text);
        patterns(w, &f.says);
        patterns(w, &f.wrong);
    });
    w.list(&s.hidden, |w, h| {
        w.str(&h.id);
        patterns(w, &h.ask);
        w.strs(&h.say);
    });
    w.list(&s.nodes, |w, n| {
        w.str(&n.id.0);
        for lines in [&n.say, &n.say_calm, &n.say_tense, &n.say_angry] {
            w.strs(lines);
        }
        w.opt(n.end, |w, e| w.uint(index_of(&EndKind::ALL, &e)));
        w.list(&n.next, write_rule);
        w.opt(n.need, |w, i| w.uint(i as u64));
    });
    w.uint(u64::from(s.format));
    w.list(&s.needs, |w, n| {
        w.str(&n.id);
        w.uint(u64::from(n.priority));
        w.bool(n.optional);
        w.list(&n.met, write_condition);
        for lines in [&n.ask, &n.again, &n.thanks] {
            w.strs(lines);
        }
    });
    w.list(&s.anytime, write_rule);
    w.strs(&s.satisfied);
    w.strs(&s.grudging);
    w.uint(s.start as u64);
    w.uint(s.max_turns as u64);
    w.bool(s.may_admit_fault);
    w.list(&s.phrases, |w, (c, p)| {
        w.uint(index_of(&Criterion::ALL, c));
        p.write(w);
    });
    w.strs(&s.hang_up);
    // Golden runs say what a scenario trains (the progress page's advice).
    w.list(&s.golden, |w, g| {
        w.str(&g.name);
        w.strs(&g.replies);
        w.uint(g.seed);
        w.opt(g.expect_outcome.as_deref(), Writer::str);
        criteria(w, &g.expect_hit);
        w.list(&g.expect_flag, |w, f| w.uint(index_of(&FlagId::ALL, f)));
        criteria(w, &g.expect_miss);
        w.list(&g.expect_no_flag, |w, f| w.uint(index_of(&FlagId::ALL, f)));
        w.opt(g.level, |w, l| w.uint(index_of(&RunLevel::ALL, &l)));
        w.uint(g.line as u64);
    });
    w.str(&s.file);
}

fn read_scenario(r: &mut Reader, version: u64) -> Result<Scenario, ReadError> {
    let big = u64::from(u32::MAX);
    Ok(Scenario {
        id: ScenarioId(r.str()?),
        version: r.below(big)? as u32,
        title: r.str()?,
        persona: r.one_of(&Persona::ALL)?,
        difficulty: r.one_of(&Difficulty::ALL)?,
        domain: r.str()?,
        tags: r.strs()?,
        language: r.str()?,
        summary: r.str()?,
        goal: r.opt(Reader::str)?,
        customer_name: r.str()?,
        situation: r.str()?,
        mood: Mood {
            anger: r.i32()?,
            patience: r.i32()?,
            trust: r.i32()?,
        },
        authority: Authority {
            refund_limit: r.opt(Reader::float)?,
            credit_limit: r.opt(Reader::float)?,
            notes: r.strs()?,
        },
        facts: r.list(|r| {
            Ok(Fact {
                id: r.str()?,
                text: r.str()?,
                says: read_patterns(r)?,
                wrong: read_patterns(r)?,
            })
        })?,
        hidden: r.list(|r| {
            Ok(Hidden {
                id: r.str()?,
                ask: read_patterns(r)?,
                say: r.strs()?,
            })
        })?,
        nodes: r.list(|r| {
            Ok(Node {
                id: NodeId(r.str()?),
                say: r.strs()?,
                say_calm: r.strs()?,
                say_tense: r.strs()?,
                say_angry: r.strs()?,
                end: r.opt(|r| r.one_of(&EndKind::ALL))?,
                next: r.list(read_rule)?,
                need: r.opt(|r| r.below(big))?,
            })
        })?,
        format: r.below(big)? as u32,
        needs: r.list(|r| {
            Ok(Need {
                id: r.str()?,
                priority: r.below(256)? as u8,
                optional: r.bool()?,
                met: r.list(read_condition)?,
                ask: r.strs()?,
                again: r.strs()?,
                thanks: r.strs()?,
            })
        })?,
        anytime: r.list(read_rule)?,
        satisfied: r.strs()?,
        grudging: r.strs()?,
        start: r.below(big)?,
        max_turns: r.below(big)?,
        may_admit_fault: r.bool()?,
        phrases: r.list(|r| Ok((r.one_of(&Criterion::ALL)?, Pattern::read(r)?)))?,
        hang_up: r.strs()?,
        golden: r.list(|r| {
            Ok(Golden {
                name: r.str()?,
                replies: if version >= 2 { r.strs()? } else { Vec::new() },
                seed: r.uint()?,
                expect_outcome: r.opt(Reader::str)?,
                expect_hit: read_criteria(r)?,
                expect_flag: r.list(|r| r.one_of(&FlagId::ALL))?,
                expect_miss: read_criteria(r)?,
                expect_no_flag: r.list(|r| r.one_of(&FlagId::ALL))?,
                level: r.opt(|r| r.one_of(&RunLevel::ALL))?,
                line: r.below(big)?,
            })
        })?,
        file: r.str()?,
    })
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
        // The replies are kept: the result page replays the best run.
        assert!(back
            .iter()
            .flat_map(|s| &s.golden)
            .any(|g| !g.replies.is_empty()));
    }

    #[test]
    fn a_layout_1_copy_still_plays_without_its_golden_replies() {
        // Written by the build before golden replies were kept (the first
        // bundled scenario), as a trainer's browser may still hold one.
        let old = include_str!("../../tests/data/compiled/layout-1.txt");
        assert!(old.starts_with("26:rapport-compiled-scenarios1,"));
        let back = load_compiled(old).unwrap();
        assert_eq!(back.len(), 1);
        assert!(back[0].golden.iter().all(|g| g.replies.is_empty()));
    }

    #[test]
    fn damaged_or_foreign_text_is_refused_with_a_reason() {
        let good = compile(&library()[..1]);
        let newer = good.replacen(&format!("scenarios{COMPILED_VERSION},"), "scenarios99,", 1);
        let other = good.replacen(
            "26:rapport-compiled-scenarios",
            "26:rapport-compiled-scenariox",
            1,
        );
        let after = format!("{good}1,");
        for (text, why) in [
            ("", "not a compiled scenario"),
            ("{}", "not a compiled scenario"),
            (other.as_str(), "expected"),
            (newer.as_str(), "another version"),
            (&good[..good.len() / 2], "damaged"),
            (after.as_str(), "after the last scenario"),
        ] {
            let err = load_compiled(text).unwrap_err();
            assert!(err.contains(why), "{why}: {err}");
        }
        // Every cut is refused cleanly, never a panic.
        for cut in (0..good.len()).step_by(7) {
            if let Some(part) = good.get(..cut) {
                assert!(load_compiled(part).is_err());
            }
        }
    }

    #[test]
    fn a_start_or_goto_past_the_last_node_is_refused() {
        let mut s = library().remove(0);
        s.start = s.nodes.len();
        assert!(load_compiled(&compile(&[s]))
            .unwrap_err()
            .contains("no start node"));
        let mut s = library().remove(0);
        let n = s.nodes.len();
        let node = s.nodes.iter_mut().find(|n| !n.next.is_empty()).unwrap();
        node.next[0].goto = Some(n);
        assert!(load_compiled(&compile(&[s]))
            .unwrap_err()
            .contains("points at nothing"));
    }
}
