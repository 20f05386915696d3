//! `rapport sample-progress N`: a realistic progress file of N attempts, played
//! through the real engine with each scenario's golden replies. Used by the
//! benchmarks and handy for trying the progress page and the team view.

use rapport::progress::{encode, Attempt, Progress};
use rapport::scenario::bundled;
use rapport::sim::Session;
use std::io::Write;
use std::rc::Rc;

/// Builds `n` attempts, starting at `start_ms` and roughly six hours apart.
pub fn sample(n: usize, start_ms: u64, trainee: &str) -> Progress {
    let scenarios: Vec<Rc<_>> = bundled()
        .into_iter()
        .filter_map(|p| p.scenario)
        .map(Rc::new)
        .collect();
    let mut attempts = Vec::with_capacity(n);
    for i in 0..n {
        let s = &scenarios[i % scenarios.len()];
        let golden = &s.golden[(i / scenarios.len()) % s.golden.len()];
        let started = start_ms + i as u64 * 6 * 3_600_000;
        let mut session = Session::new(Rc::clone(s), i as u64, started);
        for (k, reply) in golden.replies.iter().enumerate() {
            if session
                .respond(reply, started + (k as u64 + 1) * 25_000)
                .is_err()
            {
                break;
            }
        }
        let _ = session.end(started + 200_000);
        attempts.extend(Attempt::from_session(&session));
    }
    Progress {
        trainee: trainee.to_string(),
        attempts,
    }
}

/// Runs the command; returns the exit code.
pub fn run(args: &[String], out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    let n = match args.first().map(|a| a.parse::<usize>()) {
        Some(Ok(n)) if n <= 100_000 => n,
        _ => {
            let _ = writeln!(err, "rapport sample-progress: give the number of attempts (up to 100000), e.g. `rapport sample-progress 500`");
            return 2;
        }
    };
    let trainee = args.get(1).map_or("Sample Trainee", String::as_str);
    let _ = writeln!(out, "{}", encode(&sample(n, 1_760_000_000_000, trainee)));
    0
}
