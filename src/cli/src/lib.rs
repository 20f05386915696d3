//! The trainer's command-line tool: `rapport <subcommand>`. Native only.

mod bench;
mod check;
mod cmi5;
mod package;
mod play;
mod sample;
mod score;
pub mod train;

pub use score::{score_line, to_json};

use std::io::Write;

const HELP: &str = "\
rapport: customer-service role-play trainer, command-line tools

USAGE:
    rapport <COMMAND> [ARGS]

COMMANDS:
    check <FILES or FOLDERS>...   Validate scenario files; prints file:line:column: error[CODE]: message
          [--format json]         Machine-readable diagnostics
    play <SCENARIO> [--seed N] [--trace]
                                  Play a scenario in the terminal (a file path or a bundled scenario id);
                                  type /end to end the conversation. --trace shows, per reply, the node,
                                  the rule that fired, needs met, facts stated and the mood changes
    score                         Grade replies: JSON lines on stdin, one JSON result per line on stdout
                                  Input: {\"reply\": \"...\", \"persona\": \"irate\", \"customer\": \"...\"}
          [--explain]             Instead, say in words what earned or cost each criterion
    eval <FILES or FOLDERS>...    Precision, recall, F1 and agreement of the scorer on labelled replies
          [--split all|dev|sealed]  Corpus lines by source: the sealed side prints figures only
          [--format json] [--show LABEL]  (--show lists one label's misses; never on sealed)
    train [--check] [--out FILE]  Train the learned layer on the corpus's dev split (grouped cross-validation
                                  picks features, regularisation, and per label the threshold and how it
                                  combines with the rules) and write src/scoring/learned.bin; --check only
                                  compares
    vocabulary                    Print the words typo repair corrects towards (for scripts/gen-real-words)
    package --scorm               Build the app and write a SCORM 1.2 zip for an LMS; prints its path
    package --cmi5                Build the app and write a cmi5 course zip (cmi5.xml) for an LMS
          [--dist DIR] [--out FILE] [--title TEXT] [--mastery 0..1 (cmi5)]
    sample-progress <N> [NAME]    Print a progress file of N attempts played through the engine
    bench                         Print speed figures for the scorer and the engine (use --release)
    help                          Show this message

Grading options (eval, score, bench):
    --learned on|off              Grade with or without the learned layer (src/scoring/learned.rs);
                                  off unless switched on (see README, \"Measuring the scorer\")

Exit status: 0 on success, 1 when a check finds errors, 2 on bad usage.
";

/// Runs the CLI with `args` (without the program name); returns the exit code.
pub fn run(args: &[String], out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    // `--learned on|off` anywhere: grade with or without the learned layer.
    let mut rest: Vec<String> = Vec::with_capacity(args.len());
    let mut it = args.iter();
    while let Some(a) = it.next() {
        if a != "--learned" {
            rest.push(a.clone());
            continue;
        }
        match it.next().map(String::as_str) {
            Some("on") => rapport::scoring::learned::switch(true),
            Some("off") => rapport::scoring::learned::switch(false),
            other => {
                let _ = writeln!(
                    err,
                    "rapport: --learned takes on or off, not {}",
                    other.unwrap_or("nothing")
                );
                return 2;
            }
        }
    }
    let args = &rest[..];
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
        "train" => train::run(&args[1..], out, err),
        "vocabulary" => {
            let mut words: Vec<&String> = rapport::scoring::lexicon::vocabulary()
                .candidates
                .values()
                .flatten()
                .collect();
            words.sort();
            for w in words {
                let _ = writeln!(out, "{w}");
            }
            0
        }
        "sample-progress" => sample::run(&args[1..], out, err),
        "package" => package::run(&args[1..], out, err),
        "play" => {
            let stdin = std::io::stdin();
            play::run(&args[1..], &mut stdin.lock(), out, err)
        }
        "score" => {
            let stdin = std::io::stdin();
            let explain = match args.get(1).map(String::as_str) {
                None => false,
                Some("--explain") => true,
                Some(other) => {
                    let _ = writeln!(err, "rapport score: unknown option `{other}`\n\n{HELP}");
                    return 2;
                }
            };
            match score::run(stdin.lock(), out, explain) {
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
    use rapport::scoring::eval::{evaluate_split, parse_examples, Split};
    let mut split = Split::All;
    let mut json = false;
    let mut show: Option<String> = None;
    let mut paths: Vec<std::path::PathBuf> = Vec::new();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--split" => {
                split = match it.next().map(String::as_str) {
                    Some("all") => Split::All,
                    Some("dev") => Split::Dev,
                    Some("sealed") => Split::Sealed,
                    other => {
                        let _ = writeln!(
                            err,
                            "rapport eval: --split takes all, dev or sealed, not {}",
                            other.unwrap_or("nothing")
                        );
                        return 2;
                    }
                }
            }
            "--format" => match json_format("eval", it.next(), err) {
                Some(j) => json = j,
                None => return 2,
            },
            "--show" => show = it.next().cloned(),
            p => paths.push(p.into()),
        }
    }
    if paths.is_empty() {
        paths.push("tests/data/corpus".into());
    }
    let mut examples = Vec::new();
    for path in expand(&paths) {
        let src = match std::fs::read_to_string(&path) {
            Ok(s) => s,
            Err(e) => {
                let _ = writeln!(err, "rapport eval: {}: {e}", path.display());
                return 2;
            }
        };
        match parse_examples(&src) {
            Ok(ex) => examples.extend(ex),
            Err(e) => {
                let _ = writeln!(err, "rapport eval: {}: {e}", path.display());
                return 1;
            }
        }
    }
    let report = evaluate_split(&examples, split);
    if let Some(label) = show {
        if split == Split::Sealed {
            let _ = writeln!(err, "rapport eval: the sealed split never shows its lines");
            return 2;
        }
        let Some(row) = report.row(&label) else {
            let _ = writeln!(err, "rapport eval: no label `{label}`");
            return 2;
        };
        let kept: Vec<_> = examples.iter().filter(|e| split.keep(e)).collect();
        for (title, at) in [
            ("missed", &row.missed),
            ("given unlabelled", &row.false_alarms),
        ] {
            let _ = writeln!(out, "== {label}: {title} ({}) ==", at.len());
            for e in at.iter().filter_map(|i| kept.get(*i)) {
                let _ = writeln!(out, "{}\t{}\t{}", e.line, e.persona.id(), e.reply);
            }
        }
        return 0;
    }
    if json {
        let _ = writeln!(
            out,
            "{}",
            serde_json::to_string(&report).unwrap_or_default()
        );
    } else {
        let _ = write!(out, "{report}");
    }
    0
}

/// Folders stand for the `.tsv` files directly inside them, sorted.
fn expand(paths: &[std::path::PathBuf]) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for p in paths {
        match std::fs::read_dir(p) {
            Ok(dir) => {
                let mut files: Vec<_> = dir
                    .filter_map(|e| e.ok().map(|e| e.path()))
                    .filter(|f| f.extension().is_some_and(|x| x == "tsv"))
                    .collect();
                files.sort();
                out.extend(files);
            }
            Err(_) => out.push(p.clone()),
        }
    }
    out
}

/// The value of `--format` for `command`: `Some(true)` for json, `Some(false)`
/// for text; anything else is reported on `err` (`None`: exit with 2).
pub(crate) fn json_format(
    command: &str,
    value: Option<&String>,
    err: &mut dyn Write,
) -> Option<bool> {
    match value.map(String::as_str) {
        Some("json") => Some(true),
        Some("text") => Some(false),
        other => {
            let _ = writeln!(
                err,
                "rapport {command}: --format takes text or json, not {}",
                other.unwrap_or("nothing")
            );
            None
        }
    }
}
