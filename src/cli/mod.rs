//! The trainer's command-line tool: `rapport <subcommand>`. Native only.

mod bench;
mod check;
mod package;
mod play;
mod sample;
mod score;

pub use score::{score_line, to_json};

use std::io::Write;

const HELP: &str = "\
rapport: customer-service role-play trainer, command-line tools

USAGE:
    rapport <COMMAND> [ARGS]

COMMANDS:
    check <FILES or FOLDERS>...   Validate scenario files; prints file:line:column: error[CODE]: message
          [--format json]         Machine-readable diagnostics
    play <SCENARIO> [--seed N]    Play a scenario in the terminal (a file path or a bundled scenario id);
                                  type /end to end the conversation
    score                         Grade replies: JSON lines on stdin, one JSON result per line on stdout
                                  Input: {\"reply\": \"...\", \"persona\": \"irate\", \"customer\": \"...\"}
    eval <FILE>                   Precision and recall of the scorer on a labelled file (tests/data/labelled.tsv)
    package --scorm               Build the app and write a SCORM 1.2 zip for an LMS; prints its path
          [--dist DIR] [--out FILE] [--title TEXT]
    sample-progress <N> [NAME]    Print a progress file of N attempts played through the engine
    bench                         Print speed figures for the scorer and the engine (use --release)
    help                          Show this message

Exit status: 0 on success, 1 when a check finds errors, 2 on bad usage.
";

/// Runs the CLI with `args` (without the program name); returns the exit code.
pub fn run(args: &[String], out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    let Some(cmd) = args.first() else {
        let _ = write!(out, "{HELP}");
        return 2;
    };
    match cmd.as_str() {
        "help" | "--help" | "-h" => {
            let _ = write!(out, "{HELP}");
            0
        }
        "check" => check::run(&args[1..], out, err),
        "bench" => bench::run(out),
        "eval" => eval(&args[1..], out, err),
        "sample-progress" => sample::run(&args[1..], out, err),
        "package" => package::run(&args[1..], out, err),
        "play" => {
            let stdin = std::io::stdin();
            play::run(&args[1..], &mut stdin.lock(), out, err)
        }
        "score" => {
            let stdin = std::io::stdin();
            match score::run(stdin.lock(), out) {
                Ok(()) => 0,
                Err(e) => {
                    let _ = writeln!(err, "rapport score: {e}");
                    1
                }
            }
        }
        other => {
            let _ = writeln!(err, "rapport: unknown command `{other}`\n\n{HELP}");
            2
        }
    }
}

fn eval(args: &[String], out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    let path = args
        .first()
        .map_or("tests/data/labelled.tsv", String::as_str);
    let src = match std::fs::read_to_string(path) {
        Ok(s) => s,
        Err(e) => {
            let _ = writeln!(err, "rapport eval: {path}: {e}");
            return 2;
        }
    };
    match crate::scoring::eval::parse_examples(&src) {
        Ok(examples) => {
            let _ = write!(out, "{}", crate::scoring::eval::evaluate(&examples));
            0
        }
        Err(e) => {
            let _ = writeln!(err, "rapport eval: {path}: {e}");
            1
        }
    }
}
