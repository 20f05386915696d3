//! `rapport check`: validate scenario files and folders.

use rapport::scenario::{parse, Code, Diagnostic};
use std::io::Write;
use std::path::{Path, PathBuf};

/// Expands folders into their `.toml` files (sorted); keeps files as given.
pub fn expand(paths: &[String]) -> Result<Vec<PathBuf>, String> {
    let mut out = Vec::new();
    for p in paths {
        let path = Path::new(p);
        if path.is_dir() {
            let mut files: Vec<PathBuf> = std::fs::read_dir(path)
                .map_err(|e| format!("{p}: cannot read folder: {e}"))?
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|f| f.extension().is_some_and(|x| x == "toml"))
                .collect();
            files.sort();
            out.extend(files);
        } else if path.exists() {
            out.push(path.to_path_buf());
        } else {
            return Err(format!("{p}: no such file or folder"));
        }
    }
    Ok(out)
}

/// Checks every file; returns all diagnostics, including duplicate scenario
/// ids across files.
pub fn check_files(files: &[PathBuf]) -> Vec<Diagnostic> {
    let mut all = Vec::new();
    let mut ids: Vec<(String, String)> = Vec::new();
    for f in files {
        let name = f.display().to_string();
        let bytes = match std::fs::read(f) {
            Ok(b) => b,
            Err(e) => {
                all.push(Diagnostic::new(
                    Code::E001,
                    format!("cannot read the file: {e}"),
                    &name,
                    "",
                    (0, 0),
                ));
                continue;
            }
        };
        let Ok(src) = String::from_utf8(bytes) else {
            let d = Diagnostic::new(
                Code::E001,
                "the file is not UTF-8 text".into(),
                &name,
                "",
                (0, 0),
            );
            all.push(d.with_hint("save it as UTF-8"));
            continue;
        };
        let parsed = parse(&name, &src);
        if let Some(s) = &parsed.scenario {
            all.extend(golden_diagnostics(s, &name, &src));
        }
        if let Some(s) = &parsed.scenario {
            if let Some((_, other)) = ids.iter().find(|(id, _)| *id == s.id.0) {
                let at = src.find(&format!("\"{}\"", s.id.0)).unwrap_or(0);
                let d = Diagnostic::new(
                    Code::E006,
                    format!("scenario id `{}` is already used by {other}", s.id),
                    &name,
                    &src,
                    (at, at),
                );
                all.push(d.with_hint("every scenario in a library needs its own id"));
            } else {
                ids.push((s.id.0.clone(), name.clone()));
            }
        }
        all.extend(parsed.diagnostics);
    }
    all
}

/// Plays each golden run; a mismatch is an E015 at its `[[golden]]` table.
fn golden_diagnostics(s: &rapport::scenario::Scenario, name: &str, src: &str) -> Vec<Diagnostic> {
    let shared = std::rc::Rc::new(s.clone());
    let mut out = Vec::new();
    for g in &s.golden {
        let offset: usize = src
            .split_inclusive('\n')
            .take(g.line.saturating_sub(1))
            .map(str::len)
            .sum();
        for problem in rapport::sim::run_golden(&shared, g) {
            let d = Diagnostic::new(
                Code::E015,
                format!("golden run \"{}\": {problem}", g.name),
                name,
                src,
                (offset, offset),
            );
            out.push(d.with_hint("change the scenario's rules or the golden run's expectations"));
        }
    }
    out
}

/// Runs the command; returns the exit code.
pub fn run(args: &[String], out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    let mut json = false;
    let mut paths = Vec::new();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--format" => match crate::json_format("check", it.next(), err) {
                Some(j) => json = j,
                None => return 2,
            },
            "--format=json" => json = true,
            _ => paths.push(a.clone()),
        }
    }
    if paths.is_empty() {
        let _ = writeln!(err, "rapport check: name at least one scenario file or folder, e.g. `rapport check scenarios/`");
        return 2;
    }
    let files = match expand(&paths) {
        Ok(f) => f,
        Err(e) => {
            let _ = writeln!(err, "rapport check: {e}");
            return 2;
        }
    };
    let diags = check_files(&files);
    let errors = diags.iter().filter(|d| d.is_error()).count();
    if json {
        let report = serde_json::json!({
            "files": files.len(),
            "errors": errors,
            "warnings": diags.len() - errors,
            "diagnostics": diags,
        });
        let _ = writeln!(out, "{report}");
    } else {
        for d in &diags {
            let _ = writeln!(out, "{d}");
        }
        let _ = writeln!(
            out,
            "checked {} file{}: {errors} error{}, {} warning{}",
            files.len(),
            if files.len() == 1 { "" } else { "s" },
            if errors == 1 { "" } else { "s" },
            diags.len() - errors,
            if diags.len() - errors == 1 { "" } else { "s" },
        );
    }
    i32::from(errors > 0)
}
