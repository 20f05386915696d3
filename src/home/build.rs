//! Checks every `scenarios/*.toml` with the same validator as `rapport check`
//! and writes them in compiled form (`bundled.txt`), so the player needs no
//! TOML reader, and their cards as Rust (`cards.rs`), so the list page needs
//! no reader at all. A broken file fails the build with file:line:column.

use std::path::Path;

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let dir = root.join("scenarios");
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    files.sort();
    let mut scenarios = Vec::new();
    let mut errors = Vec::new();
    for f in &files {
        println!("cargo:rerun-if-changed={}", f.display());
        let name = format!(
            "scenarios/{}",
            f.file_name().and_then(|n| n.to_str()).unwrap_or_default()
        );
        let source = std::fs::read_to_string(f).unwrap_or_else(|e| panic!("{name}: {e}"));
        let parsed = rapport::scenario::parse(&name, &source);
        errors.extend(
            parsed
                .diagnostics
                .iter()
                .filter(|d| d.is_error())
                .map(ToString::to_string),
        );
        scenarios.extend(parsed.scenario);
    }
    if !errors.is_empty() {
        for e in &errors {
            println!("cargo:warning={e}");
        }
        eprintln!("{}", errors.join("\n"));
        std::process::exit(1);
    }
    let out = Path::new(&std::env::var("OUT_DIR").unwrap()).to_path_buf();
    std::fs::write(
        out.join("bundled.txt"),
        rapport::scenario::compile(&scenarios),
    )
    .unwrap();
    std::fs::write(out.join("cards.rs"), cards(scenarios)).unwrap();
}

/// The scenarios' cards as a Rust slice of `card::Bundled`, in the order
/// the player's library lists them (easiest first, then by title).
fn cards(mut scenarios: Vec<rapport::scenario::Scenario>) -> String {
    scenarios.sort_by(|a, b| (a.difficulty, &a.title).cmp(&(b.difficulty, &b.title)));
    let mut out = String::from("&[\n");
    for s in &scenarios {
        out += &format!(
            "    Bundled {{ id: {:?}, title: {:?}, persona: Persona::{:?}, difficulty: Difficulty::{:?}, domain: {:?}, summary: {:?} }},\n",
            s.id.0, s.title, s.persona, s.difficulty, s.domain, s.summary
        );
    }
    out + "]"
}
