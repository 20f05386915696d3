//! From TOML source to a validated [`Scenario`], collecting every problem.

use super::condition::Names;
use super::diagnostic::{Code, Diagnostic};
use super::model::*;
use super::needs;
use super::reader::{did_you_mean, At, Obj, Reader};
use super::validate;
use crate::mood::Mood;
use crate::persona::Persona;
use crate::scoring::{Criterion, Fact, FlagId};
use crate::text::Pattern;
use toml::de::DeTable;

/// Files larger than this are refused.
pub const MAX_SOURCE_BYTES: usize = 256 * 1024;
/// Scenarios with more nodes than this are refused.
pub const MAX_NODES: usize = 200;
/// The turn limit when a scenario does not set `max_turns`.
pub const DEFAULT_MAX_TURNS: usize = 12;

/// Outcome ids a golden reply may expect.
pub const OUTCOME_IDS: [&str; 8] = [
    "resolved_satisfied",
    "resolved_unhappy",
    "escalated_warm",
    "escalated_cold",
    "customer_hung_up",
    "agent_hung_up",
    "trainee_ended",
    "out_of_turns",
];

const TOP_KEYS: &[&str] = &[
    "id",
    "version",
    "title",
    "persona",
    "difficulty",
    "domain",
    "tags",
    "language",
    "summary",
    "goal",
    "max_turns",
    "may_admit_fault",
    "hang_up",
    "start",
    "customer",
    "mood",
    "authority",
    "facts",
    "hidden",
    "nodes",
    "golden",
    "format",
    "needs",
    "anytime",
    "satisfied",
    "grudging",
    "phrases",
];

/// The result of parsing one file: the scenario when there were no errors,
/// and every diagnostic (errors and warnings) in source order.
#[derive(Debug)]
pub struct Parsed {
    pub scenario: Option<Scenario>,
    pub diagnostics: Vec<Diagnostic>,
}

impl Parsed {
    pub fn errors(&self) -> impl Iterator<Item = &Diagnostic> {
        self.diagnostics.iter().filter(|d| d.is_error())
    }
}

/// Parses and validates scenario source text. `file` names it in messages.
pub fn parse(file: &str, src: &str) -> Parsed {
    let mut r = Reader::new(file, src);
    if src.len() > MAX_SOURCE_BYTES {
        let message = format!(
            "the file is {} KB; the limit is {} KB",
            src.len() / 1024,
            MAX_SOURCE_BYTES / 1024
        );
        r.report(
            Code::E014,
            message,
            (0, 0),
            Some("split it into several scenarios".into()),
        );
        return finish(r, None);
    }
    let (doc, errors) = DeTable::parse_recoverable(src);
    if !errors.is_empty() {
        for e in errors {
            let span = e.span().map_or((0, 0), |s| (s.start, s.end));
            let message = e.message().trim().replace('\n', " ");
            r.report(Code::E001, format!("TOML syntax: {message}"), span, None);
        }
        return finish(r, None);
    }
    let root = Obj {
        table: doc.get_ref(),
        span: (0, 0),
        path: "",
    };
    let scenario = read_scenario(&mut r, root);
    finish(r, scenario)
}

fn finish(r: Reader, scenario: Option<Scenario>) -> Parsed {
    let mut diagnostics = r.diags;
    diagnostics.sort_by_key(|d| (d.span.0, d.code as u8));
    let ok = !diagnostics.iter().any(Diagnostic::is_error);
    Parsed {
        scenario: if ok { scenario } else { None },
        diagnostics,
    }
}

fn valid_id(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 64
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '-')
}

pub(super) fn id(r: &mut Reader, obj: Obj, key: &str) -> Option<At<String>> {
    let v = r.string(obj, key, true)?;
    if !valid_id(&v.value) {
        let message = format!("`{}` is not a valid id", v.value);
        r.report(
            Code::E012,
            message,
            v.span,
            Some("use lower-case letters, digits, `-` and `_` (at most 64)".into()),
        );
    }
    Some(v)
}

pub(super) fn choice<T: Copy>(
    r: &mut Reader,
    v: &At<String>,
    what: &str,
    code: Code,
    ids: &[&str],
    parse: impl Fn(&str) -> Option<T>,
) -> Option<T> {
    let found = parse(&v.value);
    if found.is_none() {
        let hint = match did_you_mean(&v.value, ids) {
            Some(s) => format!("did you mean `{s}`?"),
            None => format!("expected one of: {}", ids.join(", ")),
        };
        r.report(
            code,
            format!("unknown {what} `{}`", v.value),
            v.span,
            Some(hint),
        );
    }
    found
}

pub(super) fn criteria(r: &mut Reader, obj: Obj, key: &str) -> Vec<Criterion> {
    let ids: Vec<&str> = Criterion::ALL.iter().map(|c| c.id()).collect();
    let list = r
        .strings(obj, key, false)
        .map(|a| a.value)
        .unwrap_or_default();
    list.iter()
        .filter_map(|v| choice(r, v, "criterion", Code::E008, &ids, Criterion::from_id))
        .collect()
}

pub(super) fn flags(r: &mut Reader, obj: Obj, key: &str) -> Vec<FlagId> {
    let ids: Vec<&str> = FlagId::ALL.iter().map(|c| c.id()).collect();
    let list = r
        .strings(obj, key, false)
        .map(|a| a.value)
        .unwrap_or_default();
    list.iter()
        .filter_map(|v| choice(r, v, "flag", Code::E009, &ids, FlagId::from_id))
        .collect()
}

/// Phrases compiled as literal patterns; empty ones are reported.
pub(super) fn phrases(r: &mut Reader, obj: Obj, key: &str, required: bool) -> Vec<Pattern> {
    phrases_with(r, obj, key, required, Pattern::literal)
}

/// Like [`phrases`], compiling each phrase without `~` with `compile`.
pub(super) fn phrases_with(
    r: &mut Reader,
    obj: Obj,
    key: &str,
    required: bool,
    compile: impl Fn(&str) -> Option<Pattern>,
) -> Vec<Pattern> {
    let list = r.strings(obj, key, required);
    if let Some(l) = &list {
        if l.value.is_empty() && required {
            let message = format!("`{key}` is empty");
            r.report(
                Code::E010,
                message,
                l.span,
                Some("give at least one phrase".into()),
            );
        }
    }
    let mut out = Vec::new();
    for p in list.map(|l| l.value).unwrap_or_default() {
        // A word ending in `~` matches every word it starts ("refund~": refunded, refunding).
        if p.value.contains('~') {
            match Pattern::parse(&p.value.to_lowercase()) {
                Ok(pat) => out.push(pat),
                Err(e) => r.report(
                    Code::E010,
                    format!("this phrase: {}", e.reason),
                    p.span,
                    None,
                ),
            }
            continue;
        }
        match compile(&p.value) {
            Some(pat) => out.push(pat),
            None => r.report(Code::E010, "this phrase has no words".into(), p.span, None),
        }
    }
    out
}

/// Line variants: a non-empty list of non-blank strings.
pub(super) fn lines(r: &mut Reader, obj: Obj, key: &str, required: bool) -> Vec<String> {
    let Some(list) = r.strings(obj, key, required) else {
        return Vec::new();
    };
    if list.value.is_empty() {
        let path = if obj.path.is_empty() {
            key.to_string()
        } else {
            format!("{}.{key}", obj.path)
        };
        r.report(
            Code::E010,
            format!("`{path}` has no line variants"),
            list.span,
            Some("give at least one line".into()),
        );
    }
    for l in list.value.iter().filter(|l| l.value.trim().is_empty()) {
        r.report(
            Code::E010,
            "a line variant is blank".into(),
            l.span,
            Some("remove it or write the line".into()),
        );
    }
    list.value
        .into_iter()
        .map(|l| l.value.trim().to_string())
        .filter(|l| !l.is_empty())
        .collect()
}

fn read_scenario(r: &mut Reader, root: Obj) -> Option<Scenario> {
    r.check_keys(root, TOP_KEYS);
    let format = read_format(r, root)?;
    let id = id(r, root, "id");
    let version = r
        .int(root, "version", (1, 1_000_000))
        .map_or(1, |v| v.value as u32);
    let title = r.string(root, "title", true);
    let persona_ids: Vec<&str> = Persona::ALL.iter().map(|p| p.id()).collect();
    let persona = r
        .string(root, "persona", true)
        .and_then(|v| choice(r, &v, "persona", Code::E007, &persona_ids, Persona::from_id));
    let difficulty_ids: Vec<&str> = Difficulty::ALL.iter().map(|d| d.id()).collect();
    let difficulty = r.string(root, "difficulty", true).and_then(|v| {
        choice(
            r,
            &v,
            "difficulty",
            Code::E012,
            &difficulty_ids,
            Difficulty::from_id,
        )
    });
    let domain = r.string(root, "domain", true);
    let tags = r
        .strings(root, "tags", false)
        .map(|t| t.value.into_iter().map(|s| s.value).collect())
        .unwrap_or_default();
    let language = r
        .string(root, "language", false)
        .map_or_else(|| "en".to_string(), |l| l.value);
    let summary = r.string(root, "summary", true);
    let goal = r.string(root, "goal", false).map(|g| g.value);
    let max_turns = r
        .int(root, "max_turns", (1, 100))
        .map_or(DEFAULT_MAX_TURNS, |v| v.value as usize);
    let may_admit_fault = r.boolean(root, "may_admit_fault").unwrap_or(false);
    let phrases = read_phrases(r, root);
    let hang_up = lines(r, root, "hang_up", false);

    let customer = r.table(root, "customer", "customer");
    let (customer_name, situation) = match customer {
        Some(c) => {
            r.check_keys(c, &["name", "situation"]);
            (r.string(c, "name", true), r.string(c, "situation", true))
        }
        None => {
            r.report(
                Code::E003,
                "missing required table `[customer]` (name and situation)".into(),
                (0, 0),
                Some("add [customer] with name = \"...\" and situation = \"...\"".into()),
            );
            (None, None)
        }
    };
    let mood = read_mood(r, root, persona.unwrap_or(Persona::Irate));
    let authority = read_authority(r, root);
    let facts = read_facts(r, root);
    let hidden = read_hidden(r, root);
    let need_ids = needs::need_ids(r, root);
    let names = Names {
        hidden: &hidden,
        needs: &need_ids,
        facts: &facts,
        format,
    };
    let needs = needs::read_needs(r, root, &names);
    let satisfied = lines(r, root, "satisfied", false);
    let grudging = lines(r, root, "grudging", false);
    let start = r.string(root, "start", true);
    let nodes = validate::read_nodes(r, root, &names);
    let anytime = validate::read_anytime(r, root, &nodes, &names);
    let golden = read_golden(r, root);
    let start_index = start
        .as_ref()
        .and_then(|s| validate::resolve(r, &nodes, s, "start"));
    if let Some(start_index) = start_index {
        validate::graph(r, &nodes, start_index, &anytime, format);
    }
    if golden.is_empty() {
        r.report(
            Code::W002,
            "no golden replies".into(),
            (0, 0),
            Some(
                "add [[golden]] runs with replies and the expected outcome; the tests play them"
                    .into(),
            ),
        );
    }
    Some(Scenario {
        id: ScenarioId(id?.value),
        version,
        title: title?.value,
        persona: persona?,
        difficulty: difficulty?,
        domain: domain?.value,
        tags,
        language,
        summary: summary?.value,
        goal,
        customer_name: customer_name?.value,
        situation: situation?.value,
        mood,
        authority,
        facts,
        hidden,
        nodes: nodes.into_iter().map(|n| n.node).collect(),
        format,
        needs,
        anytime,
        satisfied,
        grudging,
        start: start_index?,
        max_turns,
        may_admit_fault,
        phrases,
        hang_up,
        golden,
        file: r.file.to_string(),
    })
}

/// The `format` key: 1 when absent; a newer format than this build reads is refused.
fn read_format(r: &mut Reader, root: Obj) -> Option<u32> {
    let Some(f) = r.int(root, "format", (1, 1000)) else {
        r.report(
            Code::W005,
            "format 1 file: the customer follows the node graph only".into(),
            (0, 0),
            Some(format!(
                "it plays as before; add `format = {FORMAT}` and [[needs]] so the customer reacts to what each reply does (see scenarios/README.md)"
            )),
        );
        return Some(1);
    };
    let format = f.value as u32;
    if format > FORMAT {
        r.report(
            Code::E012,
            format!("this file is written in scenario format {format}; this version of Rapport reads formats 1 to {FORMAT}"),
            f.span,
            Some("open it in a newer Rapport, or rewrite it for this format".into()),
        );
        return None;
    }
    Some(format)
}

fn read_mood(r: &mut Reader, root: Obj, persona: Persona) -> Mood {
    let mut mood = Mood::default_for(persona);
    if let Some(m) = r.table(root, "mood", "mood") {
        r.check_keys(m, &["anger", "patience", "trust"]);
        let range = (0, i64::from(crate::mood::MOOD_MAX));
        if let Some(v) = r.int(m, "anger", range) {
            mood.anger = v.value as i32;
        }
        if let Some(v) = r.int(m, "patience", range) {
            mood.patience = v.value as i32;
        }
        if let Some(v) = r.int(m, "trust", range) {
            mood.trust = v.value as i32;
        }
    }
    mood
}

/// `[phrases]`: criterion id = ["phrase", ...], the scenario's own wordings.
fn read_phrases(r: &mut Reader, root: Obj) -> Vec<(Criterion, Pattern)> {
    let Some(t) = r.table(root, "phrases", "phrases") else {
        return Vec::new();
    };
    let ids: Vec<&str> = Criterion::ALL.iter().map(|c| c.id()).collect();
    r.check_keys(t, &ids);
    let mut out = Vec::new();
    for c in Criterion::ALL {
        for p in phrases(r, t, c.id(), false) {
            out.push((c, p));
        }
    }
    out
}

fn read_authority(r: &mut Reader, root: Obj) -> Authority {
    let Some(a) = r.table(root, "authority", "authority") else {
        return Authority::default();
    };
    r.check_keys(a, &["refund_limit", "credit_limit", "notes"]);
    Authority {
        refund_limit: r.number(a, "refund_limit").map(|v| v.value),
        credit_limit: r.number(a, "credit_limit").map(|v| v.value),
        notes: lines(r, a, "notes", false),
    }
}

pub(super) fn unique(r: &mut Reader, seen: &mut Vec<String>, id: &At<String>, what: &str) {
    if seen.contains(&id.value) {
        r.report(
            Code::E006,
            format!("duplicate {what} id `{}`", id.value),
            id.span,
            Some(format!("each {what} needs its own id")),
        );
    } else {
        seen.push(id.value.clone());
    }
}

fn read_facts(r: &mut Reader, root: Obj) -> Vec<Fact> {
    let mut out = Vec::new();
    let mut seen = Vec::new();
    for (i, (t, span)) in r.tables(root, "facts").into_iter().enumerate() {
        let path = format!("facts[{i}]");
        let obj = Obj {
            table: t,
            span,
            path: &path,
        };
        r.check_keys(obj, &["id", "text", "says", "wrong"]);
        let fid = id(r, obj, "id");
        if let Some(f) = &fid {
            unique(r, &mut seen, f, "fact");
        }
        let text = r.string(obj, "text", true);
        let says = phrases(r, obj, "says", true);
        let wrong = phrases(r, obj, "wrong", false);
        if let (Some(fid), Some(text)) = (fid, text) {
            out.push(Fact {
                id: fid.value,
                text: text.value,
                says,
                wrong,
            });
        }
    }
    out
}

fn read_hidden(r: &mut Reader, root: Obj) -> Vec<Hidden> {
    let mut out = Vec::new();
    let mut seen = Vec::new();
    for (i, (t, span)) in r.tables(root, "hidden").into_iter().enumerate() {
        let path = format!("hidden[{i}]");
        let obj = Obj {
            table: t,
            span,
            path: &path,
        };
        r.check_keys(obj, &["id", "ask", "say"]);
        let hid = id(r, obj, "id");
        if let Some(h) = &hid {
            unique(r, &mut seen, h, "hidden fact");
        }
        let ask = phrases(r, obj, "ask", true);
        let say = lines(r, obj, "say", true);
        // Keep the slot even when the id is broken, so indexes stay aligned.
        out.push(Hidden {
            id: hid.map_or_else(String::new, |h| h.value),
            ask,
            say,
        });
    }
    out
}

fn read_golden(r: &mut Reader, root: Obj) -> Vec<Golden> {
    let mut out = Vec::new();
    for (i, (t, span)) in r.tables(root, "golden").into_iter().enumerate() {
        let path = format!("golden[{i}]");
        let obj = Obj {
            table: t,
            span,
            path: &path,
        };
        r.check_keys(
            obj,
            &[
                "name",
                "replies",
                "seed",
                "expect_outcome",
                "expect_hit",
                "expect_flag",
                "expect_miss",
                "expect_no_flag",
                "level",
            ],
        );
        let level_ids: Vec<&str> = RunLevel::ALL.iter().map(|l| l.id()).collect();
        let level = r.string(obj, "level", false).and_then(|v| {
            choice(
                r,
                &v,
                "run level",
                Code::E012,
                &level_ids,
                RunLevel::from_id,
            )
        });
        let name = r
            .string(obj, "name", false)
            .map_or_else(|| format!("golden run {}", i + 1), |n| n.value);
        let replies = lines(r, obj, "replies", true);
        let seed = r
            .int(obj, "seed", (0, i64::MAX))
            .map_or(1, |v| v.value as u64);
        let expect_outcome = r.string(obj, "expect_outcome", false);
        if let Some(o) = &expect_outcome {
            choice(r, o, "outcome", Code::E012, &OUTCOME_IDS, |s| {
                OUTCOME_IDS.iter().find(|x| **x == s)
            });
        }
        out.push(Golden {
            name,
            replies,
            seed,
            expect_outcome: expect_outcome.map(|o| o.value),
            expect_hit: criteria(r, obj, "expect_hit"),
            expect_flag: flags(r, obj, "expect_flag"),
            expect_miss: criteria(r, obj, "expect_miss"),
            expect_no_flag: flags(r, obj, "expect_no_flag"),
            level,
            line: r.line_col(span.0).0,
        });
    }
    out
}
