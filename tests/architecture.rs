//! The boundaries between the crates, as Cargo resolves them: the core
//! depends on no web crate at all, the player carries no TOML or zip reader
//! (the studio and the CLI do), and the list page (the first module a
//! browser loads) carries neither, nor the full player. The compiler enforces the first (the
//! core cannot name a crate it does not depend on); these tests keep anyone
//! from adding the dependency back.

use std::path::Path;
use std::process::Command;

const WEB: &[&str] = &[
    "yew",
    "gloo",
    "web-sys",
    "js-sys",
    "wasm-bindgen",
    "wasm-bindgen-futures",
];
const AUTHORING: &[&str] = &["toml", "toml_parser", "miniz_oxide", "zip"];

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Every package in `package`'s dependency tree (normal and build
/// dependencies, for every target), as `name`.
fn tree(package: &str, edges: &str, features: &[&str]) -> Vec<String> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let out = Command::new(cargo)
        .current_dir(root())
        .args([
            "tree",
            "--offline",
            "-p",
            package,
            "--target",
            "all",
            "-e",
            edges,
        ])
        .args(["--prefix", "none", "--format", "{p}", "--no-dedupe"])
        .args(features)
        .output()
        .expect("cargo tree runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    let mut names: Vec<String> = text
        .lines()
        .filter_map(|l| l.split_whitespace().next())
        .map(str::to_string)
        .collect();
    names.sort();
    names.dedup();
    names
}

#[test]
fn the_core_depends_on_no_web_crate() {
    let names = tree("rapport", "normal,build", &["--all-features"]);
    assert!(names.contains(&"serde".to_string()), "{names:?}");
    let web: Vec<&String> = names.iter().filter(|n| WEB.contains(&n.as_str())).collect();
    assert!(web.is_empty(), "the core depends on {web:?}");
}

#[test]
fn the_player_carries_no_toml_or_zip_reader() {
    let names = tree("rapport-player", "normal", &[]);
    assert!(names.contains(&"yew".to_string()), "{names:?}");
    let found: Vec<&String> = names
        .iter()
        .filter(|n| AUTHORING.contains(&n.as_str()))
        .collect();
    assert!(found.is_empty(), "the player depends on {found:?}");
    // ...while the studio does read TOML.
    assert!(tree("rapport-studio", "normal", &[]).contains(&"toml".to_string()));
}

#[test]
fn the_entry_points_only_mount_an_app() {
    for main in [
        "src/home/src/main.rs",
        "src/player/src/main.rs",
        "src/studio/src/main.rs",
    ] {
        let src = std::fs::read_to_string(root().join(main)).unwrap();
        let code: Vec<&str> = src
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.trim_start().starts_with("//"))
            .collect();
        assert!(code.len() <= 3, "{main}: {code:?}");
    }
}

#[test]
fn the_list_page_carries_no_scenario_reader_and_not_the_player() {
    let names = tree("rapport-home", "normal", &[]);
    assert!(names.contains(&"yew".to_string()), "{names:?}");
    let found: Vec<&String> = names
        .iter()
        .filter(|n| {
            AUTHORING.contains(&n.as_str()) || n.starts_with("rapport-") && *n != "rapport-home"
        })
        .collect();
    assert!(found.is_empty(), "the list page depends on {found:?}");
    // ...while the player builds on it.
    assert!(tree("rapport-player", "normal", &[]).contains(&"rapport-home".to_string()));
}
