//! Nodes and the conversation graph: ids, gotos, reachability, ways out.

use super::diagnostic::Code;
use super::model::{EndKind, Hidden, Node, NodeId, Rule};
use super::parse::{lines, read_condition, MAX_NODES};
use super::reader::{did_you_mean, At, Obj, Reader};

/// A node as read, with the spans validation needs.
pub struct ReadNode {
    pub node: Node,
    pub span: (usize, usize),
    pub has_fallback: bool,
}

fn node_ids(r: &mut Reader, root: Obj) -> Vec<Option<String>> {
    // A throwaway reader: problems are reported by the full pass below.
    let mut quiet = Reader::new(r.file, r.src);
    quiet
        .tables(root, "nodes")
        .into_iter()
        .map(|(t, span)| {
            let obj = Obj {
                table: t,
                span,
                path: "",
            };
            quiet.string(obj, "id", false).map(|s| s.value)
        })
        .collect()
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
pub fn read_nodes(r: &mut Reader, root: Obj, hidden: &[Hidden]) -> Vec<ReadNode> {
    let ids = node_ids(r, root);
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
        r.check_keys(obj, &["id", "say", "end", "next"]);
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
        let mut rules = Vec::new();
        let mut targets = Vec::new();
        let mut has_fallback = false;
        for (j, (rt, rspan)) in r.tables(obj, "next").into_iter().enumerate() {
            let rpath = format!("{path}.next[{j}]");
            let robj = Obj {
                table: rt,
                span: rspan,
                path: &rpath,
            };
            r.check_keys(robj, &["when", "goto"]);
            let wpath = format!("{rpath}.when");
            let when = match r.table(robj, "when", &wpath) {
                Some(w) => read_condition(r, w, hidden),
                None => {
                    has_fallback = true;
                    Default::default()
                }
            };
            if let Some(goto) = r.string(robj, "goto", true) {
                if let Some(target) = index_of(&goto.value) {
                    rules.push(Rule { when, goto: target });
                }
                targets.push(goto);
            }
        }
        gotos.push(targets);
        out.push(ReadNode {
            node: Node {
                id: NodeId(id.map_or_else(String::new, |i| i.value)),
                say,
                end,
                next: rules,
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

/// Graph checks from the start node: unreachable nodes, nodes with no way out,
/// missing fallbacks, ending nodes with rules.
pub fn graph(r: &mut Reader, nodes: &[ReadNode], start: usize) {
    let mut reached = vec![false; nodes.len()];
    let mut stack = vec![start];
    while let Some(i) = stack.pop() {
        if std::mem::replace(&mut reached[i], true) {
            continue;
        }
        if nodes[i].node.end.is_none() {
            stack.extend(nodes[i].node.next.iter().map(|rule| rule.goto));
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
