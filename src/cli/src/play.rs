//! `rapport play`: a scenario in the terminal, on the same engine as the app.

use rapport::scenario::{bundled, parse, Scenario};
use rapport::scoring::Criterion;
use rapport::sim::{Event, Session, Speaker};
use std::io::{BufRead, Write};
use std::rc::Rc;

fn load(what: &str) -> Result<Scenario, String> {
    let path = std::path::Path::new(what);
    let parsed = if path.exists() {
        let src = std::fs::read_to_string(path).map_err(|e| format!("{what}: {e}"))?;
        parse(what, &src)
    } else {
        bundled()
            .into_iter()
            .find(|p| p.scenario.as_ref().is_some_and(|s| s.id.0 == what))
            .ok_or_else(|| format!("no file or bundled scenario called `{what}`"))?
    };
    let errors: Vec<String> = parsed.errors().map(ToString::to_string).collect();
    match parsed.scenario {
        Some(s) => Ok(s),
        None => Err(errors.join("\n")),
    }
}

fn render(events: &[Event], out: &mut dyn Write) {
    render_with(events, None, out);
}

/// Renders events; with a trace, prints it right after the reply's mood line.
fn render_with(events: &[Event], trace: Option<&rapport::sim::Trace>, out: &mut dyn Write) {
    for e in events {
        let _ = match e {
            Event::Said {
                speaker: Speaker::Customer,
                text,
            } => writeln!(out, "\nCUSTOMER: {text}"),
            Event::Said {
                speaker: Speaker::Trainee,
                ..
            } => Ok(()),
            Event::Assessed { assessment: a, .. } => {
                let hits: Vec<&str> = Criterion::ALL
                    .iter()
                    .filter(|c| a.hit(**c))
                    .map(|c| c.id())
                    .collect();
                let _ = writeln!(
                    out,
                    "  score {:.2} | hit: {}",
                    a.total,
                    if hits.is_empty() {
                        "-".into()
                    } else {
                        hits.join(", ")
                    }
                );
                for f in &a.flags {
                    let _ = writeln!(
                        out,
                        "  flag {} ({}): {}",
                        f.id.id(),
                        f.severity.id(),
                        f.id.advice()
                    );
                }
                for n in &a.notes {
                    let _ = writeln!(out, "  note: {}", n.text);
                }
                Ok(())
            }
            Event::MoodChanged { after, .. } => {
                let _ = writeln!(
                    out,
                    "  mood: anger {} | patience {} | trust {}",
                    after.anger, after.patience, after.trust
                );
                if let Some(t) = trace {
                    for line in t.to_string().lines() {
                        let _ = writeln!(out, "  trace {line}");
                    }
                }
                Ok(())
            }
            Event::Revealed { hidden } => writeln!(out, "  (the customer revealed: {hidden})"),
            Event::BeyondAuthority { amount, limit } => {
                writeln!(
                    out,
                    "  beyond your authority: offered {amount:.2}, limit {limit:.2}"
                )
            }
            Event::Ended { outcome, scorecard } => {
                let _ = writeln!(out, "\n== {} ({}) ==", outcome.title(), outcome.id());
                let _ = writeln!(out, "conversation score: {:.2}", scorecard.total);
                for c in &scorecard.criteria {
                    let _ = writeln!(out, "  {:<24} {:.2}", c.criterion.label(), c.score);
                }
                for f in &scorecard.faults {
                    let _ = writeln!(out, "  fault: {}", f.explain());
                }
                Ok(())
            }
        };
    }
}

/// Runs the command; returns the exit code.
pub fn run(
    args: &[String],
    input: &mut dyn BufRead,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> i32 {
    let mut seed = 1u64;
    let mut target = None;
    let mut show_trace = false;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        if a == "--trace" {
            show_trace = true;
        } else if a == "--seed" {
            match it.next().and_then(|s| s.parse().ok()) {
                Some(s) => seed = s,
                None => {
                    let _ = writeln!(err, "rapport play: --seed takes a whole number");
                    return 2;
                }
            }
        } else {
            target = Some(a.clone());
        }
    }
    let Some(target) = target else {
        let _ = writeln!(err, "rapport play: name a scenario file or bundled id, e.g. `rapport play billing-double-charge`");
        return 2;
    };
    let scenario = match load(&target) {
        Ok(s) => s,
        Err(e) => {
            let _ = writeln!(err, "rapport play: {e}");
            return 1;
        }
    };
    let _ = writeln!(
        out,
        "{} ({}, {})\n{}",
        scenario.title,
        scenario.persona.label(),
        scenario.difficulty.id(),
        scenario.situation.trim()
    );
    let mut session = Session::new(Rc::new(scenario), seed, 0);
    if show_trace {
        let start = session.scenario().node(session.scenario().start).id.clone();
        let _ = writeln!(out, "  trace node: {start}");
    }
    render(session.log(), out);
    let mut now = 0u64;
    for line in input.lines() {
        let Ok(line) = line else { break };
        now += 20_000;
        let ending = line.trim() == "/end";
        let result = if ending {
            session.end(now)
        } else {
            session.respond(&line, now)
        };
        match result {
            Ok(events) => {
                let trace = session
                    .turns()
                    .last()
                    .map(|t| &t.trace)
                    .filter(|_| show_trace && !ending);
                render_with(&events, trace, out)
            }
            Err(e) => {
                let _ = writeln!(out, "  ({e})");
            }
        }
        if session.is_over() {
            return 0;
        }
    }
    if let Ok(events) = session.end(now) {
        render(&events, out);
    }
    0
}
