//! A reply's grading in words, for trainers: for every criterion whether
//! this turn called for it, the points, and the words that earned or cost
//! them; then the mistakes, the persona's notes and the total's arithmetic.
//! `rapport score --explain` prints it.

use super::total::parts;
use super::{Assessment, Context, Criterion};
use std::fmt::Write;

/// The explanation of `a`, graded for `reply` in `ctx`.
pub fn explain(reply: &str, ctx: &Context, a: &Assessment) -> String {
    let mut out = String::new();
    let quote = |s: crate::text::Span| reply.get(s.start..s.end).unwrap_or("").trim();
    let _ = writeln!(out, "Reply: \"{}\"", reply.trim());
    let _ = writeln!(
        out,
        "Customer: {} · reply {}",
        ctx.persona.label(),
        ctx.turn() + 1
    );
    if let Some(lang) = a.unscored_language {
        let _ = writeln!(
            out,
            "Not scored: the reply is not in English (detected `{lang}`)."
        );
        return out;
    }
    let due: Vec<&str> = Criterion::ALL
        .iter()
        .filter(|c| a.get(**c).applicable)
        .map(|c| c.id())
        .collect();
    let _ = writeln!(out, "This turn calls for: {}", due.join(", "));
    for (title, list) in [
        ("Seven steps", &Criterion::STEPS[..]),
        ("BE SURE", &Criterion::BE_SURE[..]),
    ] {
        let _ = writeln!(out, "\n{title}");
        for c in list {
            let s = a.get(*c);
            let state = match (s.applicable, s.score >= 0.5) {
                (_, true) => "earned",
                (true, false) => "missed",
                (false, false) => "not due",
            };
            let _ = writeln!(out, "  {:<16} {:>4.0}%  {state}", c.id(), s.score * 100.0);
            for e in &s.evidence {
                let _ = writeln!(out, "      \"{}\": {}", quote(e.span), e.note);
            }
            if let Some(h) = &s.hint {
                let _ = writeln!(out, "      hint: {h}");
            }
        }
    }
    if !a.flags.is_empty() {
        let _ = writeln!(out, "\nMistakes");
        for f in &a.flags {
            let _ = writeln!(
                out,
                "  {} ({}): \"{}\", costs {:.0} points. {}",
                f.id.id(),
                f.severity.id(),
                quote(f.span),
                f.severity.penalty() * 100.0,
                f.id.advice()
            );
        }
    }
    let learned = super::learned::calls(reply, ctx);
    if !learned.is_empty() {
        let _ = writeln!(
            out,
            "\nLearned check (a model trained on the corpus, combined with the rules per label)"
        );
        for c in &learned {
            let yes_no = |b: bool| if b { "yes" } else { "no" };
            let outcome = match (c.rules, c.verdict) {
                (false, true) => "added",
                (true, false) => "taken away",
                _ => "agrees",
            };
            let _ = writeln!(
                out,
                "  {:<19} rules {}, model {} ({:+.2} from its threshold; {}): {outcome}",
                c.label.name(),
                yes_no(c.rules),
                yes_no(c.model),
                c.margin,
                c.mode
            );
            let words: Vec<String> = c
                .words
                .iter()
                .map(|(s, w)| format!("\"{}\" {w:+.2}", quote(*s)))
                .collect();
            if !words.is_empty() {
                let _ = writeln!(out, "      words: {}", words.join(", "));
            }
        }
    }
    if !a.notes.is_empty() {
        let _ = writeln!(out, "\nFor this customer");
        for n in &a.notes {
            let _ = writeln!(out, "  {:+.0} points: {}", n.delta * 100.0, n.text);
        }
    }
    let p = parts(a, ctx.persona);
    // `+ 0.0` turns a negative zero into "0".
    let points = |x: f32| (x * 100.0).round() + 0.0;
    let raw = 0.5 * points(p.steps) + 0.5 * points(p.be_sure) - points(p.penalty) + points(p.notes);
    let kept = if raw < 0.0 {
        " (never below 0%)"
    } else if raw > 100.0 {
        " (never above 100%)"
    } else {
        ""
    };
    let _ = writeln!(
        out,
        "\nTotal: steps {}% × ½ + BE SURE {}% × ½ − mistakes {} points {} notes {} points = {}%{kept}",
        points(p.steps),
        points(p.be_sure),
        points(p.penalty),
        if p.notes < 0.0 { "−" } else { "+" },
        points(p.notes).abs(),
        points(a.total),
    );
    out
}
