//! `rapport bench`: speed figures for the scorer and the engine, measured on
//! this machine (run with `--release`).

use rapport::persona::Persona;
use rapport::scenario::{bundled, BUNDLED_FILES};
use rapport::scoring::{grade, Context};
use rapport::sim::Session;
use std::io::Write;
use std::rc::Rc;
use std::time::Instant;

/// Typical agent replies of everyday length.
const REPLIES: &[&str] = &[
    "Hi, thanks for calling, my name is Sam. I'm so sorry to hear your order arrived damaged; that must be really frustrating. Could you give me your order number?",
    "I completely understand. I'll refund the duplicate charge right now, and you'll see it on your card in 3 to 5 business days. Does that work for you?",
    "Calm down, please. It's our policy that you should have checked the box before signing.",
    "I'd be glad to help with that. Let me check your account. So you'd like the plan changed before your next bill, is that right?",
    "I'll call you back tomorrow by 5pm, and your reference number is 88231. I'll make sure this doesn't happen again.",
    "Unfortunately there's nothing I can do; you'll need to call the warehouse on 555-0100.",
];

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

/// Runs every benchmark and prints the figures.
pub fn run(out: &mut dyn Write) -> i32 {
    // Grading: median time per reply over many rounds.
    let customer = "You charged me twice and nobody called me back!";
    let ctx = Context::standalone(Persona::Irate, customer);
    for r in REPLIES {
        grade(r, &ctx); // warm-up (lexicons compile once)
    }
    let mut per_reply = Vec::new();
    let started = Instant::now();
    let mut graded = 0u64;
    for _ in 0..2000 {
        for r in REPLIES {
            let t = Instant::now();
            std::hint::black_box(grade(std::hint::black_box(r), &ctx));
            per_reply.push(t.elapsed().as_secs_f64() * 1e6);
            graded += 1;
        }
    }
    let rate = graded as f64 / started.elapsed().as_secs_f64();
    let _ = writeln!(
        out,
        "grade: median {:.1} µs per reply, {:.0} replies/s ({} replies of {}-{} chars)",
        median(per_reply),
        rate,
        graded,
        REPLIES.iter().map(|r| r.len()).min().unwrap_or(0),
        REPLIES.iter().map(|r| r.len()).max().unwrap_or(0)
    );

    // A 100 KB paste: graded on its first part, quickly.
    let paste = "I understand how frustrating this is and I will fix it. ".repeat(1800);
    let t = Instant::now();
    let a = grade(&paste, &ctx);
    let _ = writeln!(
        out,
        "grade: a {} KB paste took {:.2} ms (truncated: {})",
        paste.len() / 1024,
        t.elapsed().as_secs_f64() * 1e3,
        a.truncated
    );

    // Parsing and validating the whole pack.
    let mut parse_ms = Vec::new();
    for _ in 0..50 {
        let t = Instant::now();
        std::hint::black_box(bundled());
        parse_ms.push(t.elapsed().as_secs_f64() * 1e3);
    }
    let bytes: usize = BUNDLED_FILES.iter().map(|(_, s)| s.len()).sum();
    let _ = writeln!(
        out,
        "scenarios: parse + validate {} files ({} KB) median {:.2} ms",
        BUNDLED_FILES.len(),
        bytes / 1024,
        median(parse_ms)
    );

    // Session::respond, including grading and the customer's reaction.
    let scenarios: Vec<Rc<_>> = bundled()
        .into_iter()
        .filter_map(|p| p.scenario)
        .map(Rc::new)
        .collect();
    let mut respond_us = Vec::new();
    for round in 0..300u64 {
        for s in &scenarios {
            let mut session = Session::new(Rc::clone(s), round, 0);
            for (i, r) in REPLIES.iter().take(3).enumerate() {
                if session.is_over() {
                    break;
                }
                let t = Instant::now();
                let _ = std::hint::black_box(session.respond(r, (i as u64 + 1) * 10_000));
                respond_us.push(t.elapsed().as_secs_f64() * 1e6);
            }
        }
    }
    let n = respond_us.len();
    let _ = writeln!(
        out,
        "session: respond median {:.1} µs per call ({n} calls)",
        median(respond_us)
    );

    // The same over every bundled golden run: needs met, memory, reveals, endings.
    let mut golden_us = Vec::new();
    for round in 0..40u64 {
        for s in &scenarios {
            for g in &s.golden {
                let mut session = Session::new(Rc::clone(s), round, 0);
                for (i, r) in g.replies.iter().enumerate() {
                    if session.is_over() {
                        break;
                    }
                    let t = Instant::now();
                    let _ = std::hint::black_box(session.respond(r, (i as u64 + 1) * 10_000));
                    golden_us.push(t.elapsed().as_secs_f64() * 1e6);
                }
            }
        }
    }
    let n = golden_us.len();
    let _ = writeln!(
        out,
        "session: respond median {:.1} µs per call over the golden runs ({n} calls)",
        median(golden_us)
    );

    // A progress record after 500 attempts.
    let progress = super::sample::sample(500, 1_760_000_000_000, "Sample Trainee");
    let blob = rapport::progress::encode(&progress);
    let t = Instant::now();
    let back = rapport::progress::decode(&blob)
        .map(|p| p.attempts.len())
        .unwrap_or(0);
    let _ = writeln!(
        out,
        "progress: 500 attempts are {:.1} KB as stored (transcripts kept for the last {}); decoding took {:.2} ms ({back} attempts)",
        blob.len() as f64 / 1024.0,
        rapport::progress::TRANSCRIPT_KEEP,
        t.elapsed().as_secs_f64() * 1e3
    );
    0
}
