//! The pure core never names the browser stack; only `ui/` (and the app's
//! entry point) may.

use std::path::Path;

const CORE: &[&str] = &[
    "src/text",
    "src/scoring",
    "src/scenario",
    "src/sim",
    "src/persona.rs",
    "src/mood.rs",
    "src/cli",
];
const BROWSER: &[&str] = &[
    "yew",
    "gloo",
    "web_sys",
    "web-sys",
    "js_sys",
    "js-sys",
    "wasm_bindgen",
    "wasm-bindgen",
];

fn rust_files(path: &Path, out: &mut Vec<std::path::PathBuf>) {
    if path.is_dir() {
        for e in std::fs::read_dir(path).unwrap().flatten() {
            rust_files(&e.path(), out);
        }
    } else if path.extension().is_some_and(|x| x == "rs") {
        out.push(path.to_path_buf());
    }
}

#[test]
fn the_core_never_names_the_browser_stack() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for c in CORE {
        rust_files(&root.join(c), &mut files);
    }
    assert!(files.len() > 10, "found the core files");
    let mut offences = Vec::new();
    for f in files {
        let src = std::fs::read_to_string(&f).unwrap();
        for (n, line) in src.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            for word in BROWSER {
                let named = code
                    .split(|c: char| !(c.is_alphanumeric() || c == '_' || c == '-'))
                    .any(|tok| tok == *word);
                if named {
                    offences.push(format!("{}:{}: names `{word}`", f.display(), n + 1));
                }
            }
        }
    }
    assert!(offences.is_empty(), "{}", offences.join("\n"));
}

#[test]
fn main_only_mounts_the_app() {
    let main =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("src/main.rs")).unwrap();
    let code: Vec<&str> = main
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.trim_start().starts_with("//"))
        .collect();
    assert!(code.len() <= 4, "{code:?}");
}
