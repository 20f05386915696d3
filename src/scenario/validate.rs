//! Nodes and the conversation graph: ids, gotos, reachability, ways out.

use super::condition::{read_condition, Names};
use super::diagnostic::Code;
use super::model::{EndKind, Node, NodeId, Rule};
use super::parse::{choice, lines, MAX_NODES};
use super::reader::{did_you_mean, At, Obj, Reader};

/// A node as read, with the spans validation needs.
pub struct ReadNode {
    pub node: Node,
    pub span: (usize, usize),
    pub has_fallback: bool,
}

/// Looks a node id up; reports E005 with a suggestion when it is unknown.
pub fn resolve(
    r: &mut Reader,
    nodes: &[ReadNode],
    target: &At<String>,
    key: &str,
) -> Option<usize> {
    let found = nodes.iter().position(|n| n.node.id.0 == target.value);
    if found.is_none() {
        let ids: Vec<&str> = nodes.iter().map(|n| n.node.id.as_str()).collect();
        let hint = match did_you_mean(&target.value, &ids) {
            Some(s) => format!("did you mean `{s}`?"),
            None if ids.is_empty() => "add [[nodes]] to the file".to_string(),
            None => format!("known nodes: {}", ids.join(", ")),
        };
        r.report(
            Code::E005,
            format!(
                "`{key}` names node `{}`, which does not exist",
                target.value
            ),
            target.span,
            Some(hint),
        );
    }
    found
}

/// Reads every `[[nodes]]` table with its rules.
pub fn read_nodes(r: &mut Reader, root: Obj, names: &Names) -> Vec<ReadNode> {
    let ids = r.ids_of(root, "nodes");
    let tables = r.tables(root, "nodes");
    if tables.is_empty() {
        r.report(
            Code::E003,
            "missing required `[[nodes]]`: a scenario needs at least one node".into(),
            (0, 0),
            Some("add [[nodes]] with id and say".into()),
        );
    }
    if tables.len() > MAX_NODES {
        let message = format!("{} nodes; the limit is {MAX_NODES}", tables.len());
        r.report(Code::E014, message, tables[MAX_NODES].1, None);
        return Vec::new();
    }
    let index_of = |name: &str| ids.iter().position(|i| i.as_deref() == Some(name));
    let mut out: Vec<ReadNode> = Vec::new();
    let mut gotos: Vec<Vec<At<String>>> = Vec::new();
    let mut seen: Vec<String> = Vec::new();
    for (i, (t, span)) in tables.into_iter().enumerate() {
        let path = format!("nodes[{i}]");
        let obj = Obj {
            table: t,
            span,
            path: &path,
        };
        r.check_keys(
            obj,
            &[
                "id",
                "say",
                "say_calm",
                "say_tense",
                "say_angry",
                "end",
                "next",
                "need",
            ],
        );
        let id = r.string(obj, "id", true);
        if let Some(id) = &id {
            if seen.contains(&id.value) {
                r.report(
                    Code::E006,
                    format!("duplicate node id `{}`", id.value),
                    id.span,
                    Some("each node needs its own id".into()),
                );
            }
            seen.push(id.value.clone());
        }
        let say = lines(r, obj, "say", true);
        let say_calm = lines(r, obj, "say_calm", false);
        let say_tense = lines(r, obj, "say_tense", false);
        let say_angry = lines(r, obj, "say_angry", false);
        let need_ids: Vec<&str> = names.needs.iter().map(String::as_str).collect();
        let need = r.string(obj, "need", false).and_then(|v| {
            choice(r, &v, "need", Code::E016, &need_ids, |s| {
                names.needs.iter().position(|n| n == s)
            })
        });
        let end_ids: Vec<&str> = EndKind::ALL.iter().map(|e| e.id()).collect();
        let end = r.string(obj, "end", false).and_then(|e| {
            let found = EndKind::from_id(&e.value);
            if found.is_none() {
                let hint = match did_you_mean(&e.value, &end_ids) {
                    Some(s) => format!("did you mean `{s}`?"),
                    None => format!("expected one of: {}", end_ids.join(", ")),
                };
                r.report(
                    Code::E012,
                    format!("unknown ending `{}`", e.value),
                    e.span,
                    Some(hint),
                );
            }
            found
        });
        let (rules, targets, has_fallback) = read_rules(r, obj, &path, "next", &index_of, names);
        gotos.push(targets);
        out.push(ReadNode {
            node: Node {
                id: NodeId(id.map_or_else(String::new, |i| i.value)),
                say,
                say_calm,
                say_tense,
                say_angry,
                end,
                next: rules,
                need,
            },
            span,
            has_fallback,
        });
    }
    for targets in gotos {
        for t in targets {
            resolve(r, &out, &t, "goto");
        }
    }
    out
}

type Rules = (Vec<Rule>, Vec<At<String>>, bool);

/// Reads the rules under `key` of `obj`: the rules, the goto names to check
/// once every node is known, and whether one of them has no condition.
fn read_rules(
    r: &mut Reader,
    obj: Obj,
    path: &str,
    key: &str,
    index_of: &dyn Fn(&str) -> Option<usize>,
    names: &Names,
) -> Rules {
    let mut rules = Vec::new();
    let mut targets = Vec::new();
    let mut has_fallback = false;
    for (j, (rt, rspan)) in r.tables(obj, key).into_iter().enumerate() {
        let rpath = if path.is_empty() {
            format!("{key}[{j}]")
        } else {
            format!("{path}.{key}[{j}]")
        };
        let robj = Obj {
            table: rt,
            span: rspan,
            path: &rpath,
        };
        r.check_keys(robj, &["when", "goto"]);
        let wpath = format!("{rpath}.when");
        let when = match r.table(robj, "when", &wpath) {
            Some(w) => read_condition(r, w, names),
            None => {
                has_fallback = true;
                Default::default()
            }
        };
        let line = crate::text::line_col(r.src, rspan.0).0;
        // Format 2: a rule without `goto` hands the turn back to the needs.
        let goto = r.string(robj, "goto", names.format < 2 || key == "anytime");
        match goto {
            Some(goto) => {
                if let Some(target) = index_of(&goto.value) {
                    rules.push(Rule {
                        when,
                        goto: Some(target),
                        line,
                    });
                }
                targets.push(goto);
            }
            None if names.format >= 2 => rules.push(Rule {
                when,
                goto: None,
                line,
            }),
            None => {}
        }
    }
    (rules, targets, has_fallback)
}

/// Reads the top-level `[[anytime]]` rules, tried on every reply that the
/// current node's rules do not decide.
pub fn read_anytime(r: &mut Reader, root: Obj, nodes: &[ReadNode], names: &Names) -> Vec<Rule> {
    let index_of = |name: &str| nodes.iter().position(|n| n.node.id.0 == name);
    let (rules, targets, _) = read_rules(r, root, "", "anytime", &index_of, names);
    for t in targets {
        resolve(r, nodes, &t, "goto");
    }
    rules
}

/// Graph checks from the start node: unreachable nodes, nodes with no way out,
/// missing fallbacks, ending nodes with rules.
pub fn graph(r: &mut Reader, nodes: &[ReadNode], start: usize, anytime: &[Rule], format: u32) {
    let mut reached = vec![false; nodes.len()];
    let mut stack = vec![start];
    stack.extend(anytime.iter().filter_map(|rule| rule.goto));
    while let Some(i) = stack.pop() {
        if std::mem::replace(&mut reached[i], true) {
            continue;
        }
        if nodes[i].node.end.is_none() {
            stack.extend(nodes[i].node.next.iter().filter_map(|rule| rule.goto));
        }
    }
    for (i, n) in nodes.iter().enumerate() {
        let id = &n.node.id;
        if !reached[i] {
            r.report(
                Code::W001,
                format!("node `{id}` is never reached from the start"),
                n.span,
                Some("add a goto to it, or remove it".into()),
            );
        }
        match (n.node.end.is_some(), n.node.next.is_empty()) {
            // Format 2: a node with no rules hands the next reply to the needs.
            (false, _) if format >= 2 => {}
            (false, true) => r.report(
                Code::E011,
                format!("node `{id}` has no way out: no `end` and no `[[nodes.next]]` rules"),
                n.span,
                Some("add `end = \"resolved\"` (or unhappy, escalated, hung_up) or a rule with a goto".into()),
            ),
            (false, false) if !n.has_fallback => r.report(
                Code::W003,
                format!("node `{id}` has no fallback rule (one without `when`)"),
                n.span,
                Some("when no rule matches, the customer repeats this node; add a last rule without `when`".into()),
            ),
            (true, false) => r.report(
                Code::W004,
                format!("node `{id}` ends the conversation, so its rules are never used"),
                n.span,
                None,
            ),
            _ => {}
        }
    }
}
