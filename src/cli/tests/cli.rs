//! The `rapport` command line, run as a user would.

use std::io::Write;
use std::process::{Command, Stdio};

fn rapport(args: &[&str], stdin: &str) -> (i32, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_rapport"))
        .args(args)
        .current_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run rapport");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn help_lists_the_commands() {
    let (code, out, _) = rapport(&["--help"], "");
    assert_eq!(code, 0);
    for cmd in ["check", "score", "play"] {
        assert!(out.contains(cmd), "{out}");
    }
    let (code, _, err) = rapport(&["frobnicate"], "");
    assert_eq!(code, 2);
    assert!(err.contains("unknown command `frobnicate`"));
}

#[test]
fn check_passes_the_bundled_pack() {
    let (code, out, _) = rapport(&["check", "scenarios/"], "");
    assert_eq!(code, 0, "{out}");
    assert!(out.contains(" 0 errors"), "{out}");
}

#[test]
fn check_reports_file_line_column_code_and_hint() {
    let (code, out, _) = rapport(&["check", "tests/fixtures/broken.toml"], "");
    assert_eq!(code, 1);
    assert!(
        out.contains("tests/fixtures/broken.toml:4:11: error[E007]: unknown persona `iratee`"),
        "{out}"
    );
    assert!(out.contains("  = hint: did you mean `irate`?"), "{out}");
    let errors = out.lines().filter(|l| l.contains(": error[")).count();
    assert!(
        errors >= 10,
        "every problem is reported, not just the first: {out}"
    );
}

#[test]
fn check_json_is_machine_readable() {
    let (code, out, _) = rapport(
        &["check", "--format", "json", "tests/fixtures/broken.toml"],
        "",
    );
    assert_eq!(code, 1);
    let v: serde_json::Value = serde_json::from_str(out.trim()).unwrap();
    let first = &v["diagnostics"][0];
    for key in ["level", "code", "message", "file", "line", "column"] {
        assert!(!first[key].is_null(), "{key} in {first}");
    }
    assert!(v["errors"].as_u64().unwrap() >= 10);
}

#[test]
fn check_explains_a_missing_path() {
    let (code, _, err) = rapport(&["check", "no/such/file.toml"], "");
    assert_eq!(code, 2);
    assert!(err.contains("no/such/file.toml: no such file or folder"));
}

#[test]
fn score_follows_the_json_lines_contract() {
    let input = concat!(
        "{\"reply\": \"Calm down, I'm sorry you feel that way.\", \"persona\": \"irate\"}\n",
        "not json\n",
        "{\"reply\": \"Hi, I'm Sam. I'll refund it now. Does that work for you?\", \"persona\": \"rushed\", \"customer\": \"refund please\"}\n",
        "{\"reply\": \"x\", \"persona\": \"grumpy\"}\n",
    );
    let (code, out, _) = rapport(&["score"], input);
    assert_eq!(code, 0);
    let lines: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 4, "one output line per input line");
    let steps = [
        "greet",
        "listen",
        "question",
        "empathize",
        "resolve",
        "check",
        "follow_up",
    ];
    let be_sure = [
        "broad_knowledge",
        "eager",
        "sincere",
        "understand",
        "respect",
        "empowered",
    ];
    for v in [&lines[0], &lines[2]] {
        for k in steps {
            let c = &v["steps"][k];
            assert!(
                c["score"].is_number() && c["evidence"].is_array() && c["hint"].is_string(),
                "{k}: {c}"
            );
        }
        for k in be_sure {
            assert!(v["be_sure"][k]["score"].is_number(), "{k}");
        }
        assert!(v["total"].is_number());
    }
    let flags: Vec<&str> = lines[0]["flags"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["id"].as_str().unwrap())
        .collect();
    assert!(
        flags.contains(&"calm_down") && flags.contains(&"non_apology"),
        "{flags:?}"
    );
    assert_eq!(lines[0]["flags"][0]["severity"], "severe");
    assert!(lines[1]["error"].is_string());
    assert_eq!(lines[2]["steps"]["check"]["score"], 1.0);
    assert!(lines[3]["error"]
        .as_str()
        .unwrap()
        .contains("unknown persona `grumpy`"));
}

#[test]
fn play_runs_a_scripted_conversation() {
    let (code, out, _) = rapport(
        &["play", "parcel-missing", "--seed", "4"],
        "Sorry about that, Marco. I'll send a replacement today; it arrives next business day.\nNothing at all.\n",
    );
    assert_eq!(code, 0);
    assert!(out.contains("CUSTOMER:"));
    assert!(
        out.contains("== Resolved: the customer left satisfied (resolved_satisfied) =="),
        "{out}"
    );
}

#[test]
fn package_scorm_writes_a_zip_with_a_manifest_listing_every_file() {
    let dir = std::env::temp_dir().join(format!("rapport-scorm-test-{}", std::process::id()));
    let dist = dir.join("dist");
    std::fs::create_dir_all(&dist).unwrap();
    std::fs::write(dist.join("index.html"), "<!doctype html><title>x</title>").unwrap();
    std::fs::write(dist.join("app.js"), "console.log(1)").unwrap();
    std::fs::write(dist.join("scorm.js"), "// glue").unwrap();
    let out = dir.join("course.zip");
    let (code, stdout, stderr) = rapport(
        &[
            "package",
            "--scorm",
            "--dist",
            dist.to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
            "--title",
            "Team <A> & co",
        ],
        "",
    );
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(stdout.trim(), out.to_str().unwrap(), "prints the path");
    let mut zip = zip::ZipArchive::new(std::fs::File::open(&out).unwrap()).unwrap();
    let mut names: Vec<String> = (0..zip.len())
        .map(|i| zip.by_index(i).unwrap().name().to_string())
        .collect();
    names.sort();
    assert_eq!(
        names,
        ["app.js", "imsmanifest.xml", "index.html", "scorm.js"]
    );
    let mut manifest = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("imsmanifest.xml").unwrap(), &mut manifest)
        .unwrap();
    assert!(manifest.contains("<schemaversion>1.2</schemaversion>"));
    assert!(manifest.contains("adlcp:scormtype=\"sco\" href=\"index.html\""));
    assert!(manifest.contains("<file href=\"app.js\"/>"));
    assert!(manifest.contains("Team &lt;A&gt; &amp; co"));
    let (code, _, err) = rapport(
        &[
            "package",
            "--scorm",
            "--dist",
            dir.join("empty").to_str().unwrap(),
        ],
        "",
    );
    assert_eq!(code, 1);
    assert!(!err.is_empty());
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn score_explain_says_what_earned_and_cost_each_criterion() {
    let input = concat!(
        "{\"reply\": \"Calm down, I'm sorry you feel that way.\", \"persona\": \"irate\"}\n",
        "{\"reply\": \"Hi, I'm Sam. I'm so sorry about the double charge. I've refunded the $64.90 to your card.\", \"persona\": \"rushed\"}\n",
        "not json\n",
    );
    let (code, out, _) = rapport(&["score", "--explain"], input);
    assert_eq!(code, 0);
    let parts: Vec<&str> = out.split("\n\nReply: ").collect();
    assert_eq!(parts.len(), 2, "{out}");
    let (rude, good) = (parts[0], parts[1]);
    assert!(rude.contains("calm_down (severe): \"Calm down\""), "{rude}");
    assert!(rude.contains("non_apology"), "{rude}");
    assert!(rude.contains("= 0% (never below 0%)"), "{rude}");
    assert!(rude.contains("resolve             0%  not due"), "{rude}");
    assert!(
        good.contains("\"I've refunded\": owns a concrete fix"),
        "{good}"
    );
    assert!(good.contains("resolve           100%  earned"), "{good}");
    assert!(
        good.contains("question            0%  not due"),
        "a rushed call is not asked for questions: {good}"
    );
    assert!(!good.contains("Mistakes"), "{good}");
    assert!(out.contains("error: invalid input"), "{out}");
    let (code, _, err) = rapport(&["score", "--frobnicate"], "");
    assert_eq!(code, 2);
    assert!(err.contains("unknown option `--frobnicate`"), "{err}");
}

#[test]
fn package_cmi5_writes_a_course_structure_with_one_au_launching_the_app() {
    let dir = std::env::temp_dir().join(format!("rapport-cmi5-test-{}", std::process::id()));
    let dist = dir.join("dist");
    std::fs::create_dir_all(&dist).unwrap();
    std::fs::write(dist.join("index.html"), "<!doctype html><title>x</title>").unwrap();
    std::fs::write(dist.join("xapi.js"), "// glue").unwrap();
    let out = dir.join("course.zip");
    let args = [
        "package",
        "--cmi5",
        "--dist",
        dist.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "--title",
        "Team <A>",
        "--mastery",
        "0.6",
    ];
    let (code, stdout, stderr) = rapport(&args, "");
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(stdout.trim(), out.to_str().unwrap());
    let mut zip = zip::ZipArchive::new(std::fs::File::open(&out).unwrap()).unwrap();
    let mut names: Vec<String> = (0..zip.len())
        .map(|i| zip.by_index(i).unwrap().name().to_string())
        .collect();
    names.sort();
    assert_eq!(names, ["cmi5.xml", "index.html", "xapi.js"]);
    let mut xml = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("cmi5.xml").unwrap(), &mut xml).unwrap();
    assert!(xml.contains(
        r#"<courseStructure xmlns="https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd">"#
    ));
    assert!(xml.contains(r#"<au id="urn:rapport:course:practice" moveOn="CompletedAndPassed" launchMethod="AnyWindow" masteryScore="0.6">"#));
    assert!(xml.contains("<url>index.html</url>"));
    assert!(xml.contains("Team &lt;A&gt;"));
    let (code, _, err) = rapport(&["package", "--cmi5", "--mastery", "7"], "");
    assert_eq!(code, 2);
    assert!(err.contains("between 0 and 1"), "{err}");
    let _ = std::fs::remove_dir_all(&dir);
}
