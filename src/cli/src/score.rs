//! `rapport score`: JSON lines in, one graded JSON line out per input.

use rapport::persona::Persona;
use rapport::scoring::{grade, Assessment, Context, Criterion, MAX_GRADED_BYTES};
use serde::Deserialize;
use serde_json::{json, Map, Value};
use std::io::{BufRead, Write};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Input {
    reply: String,
    #[serde(default)]
    persona: Option<String>,
    #[serde(default)]
    customer: Option<String>,
}

/// Grades one input line; errors become `{"error": ...}`.
pub fn score_line(line: &str) -> Value {
    match graded(line) {
        Ok((_, a)) => to_json(&a),
        Err(e) => e,
    }
}

/// The explanation of one input line, or its error as a sentence.
pub fn explain_line(line: &str) -> String {
    match graded(line) {
        Ok((input, a)) => {
            let persona = Persona::from_id(input.persona.as_deref().unwrap_or("irate"))
                .unwrap_or(Persona::Irate);
            let customer = input.customer.unwrap_or_default();
            rapport::scoring::explain(&input.reply, &Context::standalone(persona, &customer), &a)
        }
        Err(e) => format!(
            "error: {}\n",
            e.get("error").and_then(Value::as_str).unwrap_or("")
        ),
    }
}

fn graded(line: &str) -> Result<(Input, Assessment), Value> {
    let input: Input = match serde_json::from_str(line) {
        Ok(i) => i,
        Err(e) => return Err(json!({ "error": format!("invalid input: {e}") })),
    };
    let persona = match input.persona.as_deref() {
        None => Persona::Irate,
        Some(p) => match Persona::from_id(p) {
            Some(p) => p,
            None => {
                let known: Vec<&str> = Persona::ALL.iter().map(|p| p.id()).collect();
                return Err(
                    json!({ "error": format!("unknown persona `{p}`; expected one of {}", known.join(", ")) }),
                );
            }
        },
    };
    if input.reply.len() > MAX_GRADED_BYTES {
        return Err(
            json!({ "error": format!("reply is {} bytes; the limit is {MAX_GRADED_BYTES}", input.reply.len()) }),
        );
    }
    let customer = input.customer.clone().unwrap_or_default();
    let a = grade(&input.reply, &Context::standalone(persona, &customer));
    Ok((input, a))
}

/// The stable JSON shape of an assessment.
pub fn to_json(a: &Assessment) -> Value {
    let rubric = |list: &[Criterion]| {
        let mut m = Map::new();
        for c in list {
            let s = a.get(*c);
            let evidence: Vec<Value> = s
                .evidence
                .iter()
                .filter(|e| !e.note.starts_with("cancelled") && !e.span.is_empty())
                .map(|e| json!([e.span.start, e.span.end]))
                .collect();
            m.insert(
                c.id().to_string(),
                json!({
                    "score": round(s.score),
                    "evidence": evidence,
                    "hint": s.hint.clone().unwrap_or_default(),
                }),
            );
        }
        Value::Object(m)
    };
    let flags: Vec<Value> = a
        .flags
        .iter()
        .map(|f| json!({ "id": f.id.id(), "span": [f.span.start, f.span.end], "severity": f.severity.id() }))
        .collect();
    let mut out = json!({
        "steps": rubric(&Criterion::STEPS),
        "be_sure": rubric(&Criterion::BE_SURE),
        "flags": flags,
        "questions": a.questions,
        "total": round(a.total),
    });
    if let (Some(lang), Value::Object(m)) = (a.unscored_language, &mut out) {
        m.insert("not_scored".into(), json!({ "language": lang }));
    }
    out
}

fn round(x: f32) -> f64 {
    (f64::from(x) * 100.0).round() / 100.0
}

/// Reads JSON lines from `input` until it ends, writing one result per line.
/// With `explain`, writes each line's explanation instead, blank-line separated.
pub fn run(input: impl BufRead, mut out: impl Write, explain: bool) -> std::io::Result<()> {
    for line in input.lines() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        if explain {
            writeln!(out, "{}", explain_line(&line))?;
        } else {
            writeln!(out, "{}", score_line(&line))?;
        }
    }
    out.flush()
}
