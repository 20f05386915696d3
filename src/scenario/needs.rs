//! Reading `[[needs]]`: what the customer needs from the conversation, how a
//! reply meets it, and how the customer asks for it.

use super::condition::{read_condition, Names};
use super::diagnostic::Code;
use super::model::Need;
use super::parse::{id, lines, unique};
use super::reader::{Obj, Reader};
use toml::de::DeValue;

/// The priority of a need that does not say.
pub const DEFAULT_PRIORITY: u8 = 5;

/// Every need's id, in file order (empty for a broken id), so conditions read
/// before or after the needs can refer to them.
pub fn need_ids(r: &Reader, root: Obj) -> Vec<String> {
    r.ids_of(root, "needs")
        .into_iter()
        .map(Option::unwrap_or_default)
        .collect()
}

/// Reads `met`: one condition table, or a list of them (any one meets the need).
fn read_met(r: &mut Reader, obj: Obj, path: &str, names: &Names) -> Vec<super::Condition> {
    let key_path = format!("{path}.met");
    let single = obj
        .table
        .iter()
        .find(|(k, _)| k.get_ref().as_ref() == "met")
        .is_some_and(|(_, v)| matches!(v.get_ref(), DeValue::Table(_)));
    if single {
        return r
            .table(obj, "met", &key_path)
            .map(|t| vec![read_condition(r, t, names)])
            .unwrap_or_default();
    }
    let tables = r.tables(obj, "met");
    if tables.is_empty() {
        r.report(
            Code::E003,
            format!("missing required key `{key_path}` (how a reply meets this need)"),
            obj.span,
            Some("add `met = { hit_any = [\"resolve\"], mentions = [\"...\"] }` or a list of such tables".into()),
        );
    }
    tables
        .into_iter()
        .enumerate()
        .map(|(j, (t, span))| {
            let p = format!("{key_path}[{j}]");
            let o = Obj {
                table: t,
                span,
                path: &p,
            };
            read_condition(r, o, names)
        })
        .collect()
}

/// Reads every `[[needs]]` table. A format 2 file needs at least one.
pub fn read_needs(r: &mut Reader, root: Obj, names: &Names) -> Vec<Need> {
    let tables = r.tables(root, "needs");
    if tables.is_empty() && names.format >= 2 {
        r.report(
            Code::E003,
            "missing `[[needs]]`: a format 2 scenario says what the customer needs".into(),
            (0, 0),
            Some("add [[needs]] with id, priority, met and ask (see scenarios/README.md)".into()),
        );
    }
    let mut out = Vec::new();
    let mut seen = Vec::new();
    for (i, (t, span)) in tables.into_iter().enumerate() {
        let path = format!("needs[{i}]");
        let obj = Obj {
            table: t,
            span,
            path: &path,
        };
        r.check_keys(
            obj,
            &[
                "id", "priority", "optional", "met", "ask", "again", "thanks",
            ],
        );
        let nid = id(r, obj, "id");
        if let Some(n) = &nid {
            unique(r, &mut seen, n, "need");
        }
        let priority = r
            .int(obj, "priority", (1, 9))
            .map_or(DEFAULT_PRIORITY, |v| v.value as u8);
        let optional = r.boolean(obj, "optional").unwrap_or(false);
        let met = read_met(r, obj, &path, names);
        out.push(Need {
            id: nid.map_or_else(String::new, |n| n.value),
            priority,
            optional,
            met,
            ask: lines(r, obj, "ask", true),
            again: lines(r, obj, "again", false),
            thanks: lines(r, obj, "thanks", false),
        });
    }
    out
}
