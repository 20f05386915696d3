//! The bundled scenario pack and the scenario checker.

use rapport::persona::Persona;
use rapport::scenario::{bundled, parse, Code, Level, BUNDLED_FILES};
use rapport::sim::run_golden;
use std::collections::HashSet;
use std::rc::Rc;

#[test]
fn every_bundled_scenario_parses_without_errors() {
    assert!(
        !BUNDLED_FILES.is_empty(),
        "scenarios/ holds at least one file"
    );
    for p in bundled() {
        let errors: Vec<String> = p.errors().map(ToString::to_string).collect();
        assert!(errors.is_empty(), "{}", errors.join("\n"));
        assert!(p.scenario.is_some());
    }
}

#[test]
fn bundled_scenarios_have_unique_ids_and_golden_runs() {
    let mut ids = HashSet::new();
    for s in bundled().into_iter().filter_map(|p| p.scenario) {
        assert!(ids.insert(s.id.0.clone()), "duplicate id {}", s.id);
        assert!(
            s.golden.len() >= 2,
            "{} needs a good and a poor golden run",
            s.file
        );
    }
}

#[test]
fn every_golden_run_plays_as_expected() {
    let mut failures = Vec::new();
    for s in bundled().into_iter().filter_map(|p| p.scenario) {
        let s = Rc::new(s);
        for g in &s.golden {
            for problem in run_golden(&s, g) {
                failures.push(format!("{}:{}: {}: {problem}", s.file, g.line, g.name));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_starter_pack_is_broad_enough() {
    let pack: Vec<_> = bundled().into_iter().filter_map(|p| p.scenario).collect();
    assert!(pack.len() >= 15, "{} scenarios", pack.len());
    let count = |p: Persona| pack.iter().filter(|s| s.persona == p).count();
    for p in [Persona::Irate, Persona::Analytical, Persona::Rushed] {
        assert!(count(p) >= 4, "only {} {} scenarios", count(p), p.id());
    }
    for p in [Persona::Personal, Persona::Functional] {
        assert!(count(p) >= 1, "no {} scenario", p.id());
    }
    let difficulties: HashSet<_> = pack.iter().map(|s| s.difficulty).collect();
    assert_eq!(
        difficulties.len(),
        3,
        "easy, medium and hard are all present"
    );
    let domains: HashSet<_> = pack.iter().map(|s| s.domain.as_str()).collect();
    assert!(domains.len() >= 10, "{domains:?}");
}

#[test]
fn every_scenario_has_a_good_and_a_poor_golden_run() {
    for s in bundled().into_iter().filter_map(|p| p.scenario) {
        let outcomes: Vec<&str> = s
            .golden
            .iter()
            .filter_map(|g| g.expect_outcome.as_deref())
            .collect();
        let good = outcomes
            .iter()
            .any(|o| *o == "resolved_satisfied" || *o == "escalated_warm");
        let poor = outcomes
            .iter()
            .any(|o| *o != "resolved_satisfied" && *o != "escalated_warm");
        assert!(good && poor, "{}: golden outcomes {outcomes:?}", s.file);
    }
}

#[test]
fn the_fuzz_corpus_never_panics_and_always_explains() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/fuzz");
    let mut seen = 0;
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let src = std::fs::read_to_string(entry.path()).unwrap();
        let name = entry.file_name().to_string_lossy().into_owned();
        let parsed = parse(&name, &src);
        if parsed.scenario.is_none() {
            assert!(
                parsed.errors().count() > 0,
                "{name}: rejected without an error"
            );
        }
        for d in &parsed.diagnostics {
            assert!(d.line >= 1 && d.column >= 1, "{name}: {d}");
        }
        seen += 1;
    }
    assert!(seen >= 10);
}

#[test]
fn a_broken_file_reports_every_problem_with_a_position() {
    let src = include_str!("fixtures/broken.toml");
    let parsed = parse("broken.toml", src);
    assert!(parsed.scenario.is_none());
    let codes: Vec<Code> = parsed.diagnostics.iter().map(|d| d.code).collect();
    for want in [
        Code::E002, // colour
        Code::E003, // customer.situation
        Code::E004, // max_turns
        Code::E005, // goto middel
        Code::E006, // duplicate node done
        Code::E007, // persona iratee
        Code::E008, // empathise
        Code::E009, // rude
        Code::E010, // empty say, blank variant, empty says
        Code::E011, // middle has no way out
        Code::E012, // id with spaces, resolvd
        Code::W001, // island
        Code::W002, // no golden runs
    ] {
        assert!(codes.contains(&want), "missing {want:?} in {codes:?}");
    }
    let text: Vec<String> = parsed.diagnostics.iter().map(ToString::to_string).collect();
    let joined = text.join("\n");
    assert!(
        joined.contains("broken.toml:10:1: error[E002]: unknown key `colour` at the top level"),
        "{joined}"
    );
    assert!(joined.contains("broken.toml:4:11: error[E007]: unknown persona `iratee`\n  = hint: did you mean `irate`?"), "{joined}");
    assert!(joined.contains("error[E005]: `goto` names node `middel`, which does not exist\n  = hint: did you mean `middle`?"), "{joined}");
    assert!(joined.contains("did you mean `empathize`?"), "{joined}");
    // Sorted by position in the file.
    let lines: Vec<usize> = parsed.diagnostics.iter().map(|d| d.line).collect();
    assert!(lines.windows(2).all(|w| w[0] <= w[1]), "{lines:?}");
}

#[test]
fn toml_syntax_errors_point_at_the_spot() {
    let parsed = parse("bad.toml", "id = \"x\"\ntitle = \"unterminated\nmore = 1\n");
    let d = &parsed.diagnostics[0];
    assert_eq!(d.code, Code::E001);
    assert_eq!(d.level, Level::Error);
    assert_eq!(d.line, 2);
    assert!(d.column > 1);
}

#[test]
fn oversized_files_are_refused_quickly() {
    let big = format!(
        "id = \"x\"\n# {}\n",
        "a".repeat(rapport::scenario::MAX_SOURCE_BYTES)
    );
    let parsed = parse("big.toml", &big);
    assert_eq!(parsed.diagnostics[0].code, Code::E014);
}

#[test]
fn hostile_text_is_kept_verbatim_as_data() {
    let src = BUNDLED_FILES[0]
        .1
        .replacen("title = \"", "title = \"<script>alert(1)</script> ", 1);
    let s = parse("x.toml", &src).scenario.expect("still valid");
    assert!(s.title.starts_with("<script>"));
}

mod property {
    use proptest::prelude::*;
    use rapport::scenario::parse;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]

        #[test]
        fn parsing_any_text_never_panics(src in "\\PC{0,400}") {
            let _ = parse("fuzz.toml", &src);
        }

        #[test]
        fn reading_any_bytes_as_a_zip_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
            let mut with_eocd = bytes.clone();
            with_eocd.extend_from_slice(&[0x50, 0x4b, 0x05, 0x06, 0, 0, 0, 0, 1, 0, 1, 0, 46, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
            let _ = rapport::scenario::read_zip(&bytes);
            let _ = rapport::scenario::read_zip(&with_eocd);
        }

        #[test]
        fn parsing_mutated_scenarios_never_panics(cut in 0usize..4000, junk in "[\\[\\]={}\"#a-z0-9 \n]{0,40}") {
            let base = rapport::scenario::BUNDLED_FILES[0].1;
            let mut at = cut.min(base.len());
            while !base.is_char_boundary(at) { at -= 1; }
            let src = format!("{}{}{}", &base[..at], junk, &base[at..]);
            let _ = parse("fuzz.toml", &src);
        }
    }
}

#[test]
fn the_documented_example_is_valid_and_its_golden_runs_pass() {
    let doc = include_str!("../scenarios/README.md");
    let start = doc.find("```toml\n").expect("an example") + "```toml\n".len();
    let end = start + doc[start..].find("```").unwrap();
    let parsed = parse("scenarios/README.md", &doc[start..end]);
    let problems: Vec<String> = parsed.diagnostics.iter().map(ToString::to_string).collect();
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    let s = Rc::new(parsed.scenario.unwrap());
    assert_eq!(
        s.goal.as_deref(),
        Some("Calm Sam down and book the earliest technician visit.")
    );
    for g in &s.golden {
        assert_eq!(run_golden(&s, g), Vec::<String>::new(), "{}", g.name);
    }
}

#[test]
fn every_code_is_documented() {
    let doc = include_str!("../scenarios/README.md");
    for code in [
        "E001", "E002", "E003", "E004", "E005", "E006", "E007", "E008", "E009", "E010", "E011",
        "E012", "E013", "E014", "E015", "E016", "W001", "W002", "W003", "W004", "W005",
    ] {
        assert!(
            doc.contains(&format!("| {code} |")),
            "{code} is not in scenarios/README.md"
        );
    }
}

#[test]
fn custom_files_round_trip_and_may_not_reuse_an_id() {
    use rapport::scenario::{check_custom, decode_custom, encode_custom, valid_custom, CustomFile};
    let (name, src) = BUNDLED_FILES[0];
    let copy = CustomFile::new("mine.toml", src);
    let bundled_id = parse(name, src).scenario.unwrap().id.0;
    let clash = check_custom(&copy, &[bundled_id.as_str()]);
    assert!(clash.scenario.is_none());
    assert_eq!(clash.diagnostics[0].code, Code::E006);
    assert!(clash.diagnostics[0].to_string().starts_with("mine.toml:"));
    let renamed = CustomFile::new("mine.toml", src.replacen("id = \"", "id = \"mine-", 1));
    let files = vec![renamed.clone(), CustomFile::new("bad.toml", "id = ")];
    assert_eq!(decode_custom(&encode_custom(&files)).unwrap(), files);
    assert!(decode_custom("{\"format\":\"other\",\"version\":1,\"files\":[]}").is_err());
    let valid = valid_custom(&files, &[bundled_id.as_str()]);
    assert_eq!(valid.len(), 1);
    assert!(valid[0].id.0.starts_with("mine-"));
}

mod zip_packs {
    use rapport::scenario::{read_zip, ArchiveError, BUNDLED_FILES, MAX_SOURCE_BYTES};
    use std::io::Write;

    fn zip_of(entries: &[(&str, &[u8])], method: zip::CompressionMethod) -> Vec<u8> {
        let mut buf = std::io::Cursor::new(Vec::new());
        let mut w = zip::ZipWriter::new(&mut buf);
        let opts = zip::write::SimpleFileOptions::default().compression_method(method);
        for (name, data) in entries {
            w.start_file(*name, opts).unwrap();
            w.write_all(data).unwrap();
        }
        w.finish().unwrap();
        buf.into_inner()
    }

    #[test]
    fn reads_the_toml_files_of_stored_and_deflated_packs() {
        let (_, a) = BUNDLED_FILES[0];
        let (_, b) = BUNDLED_FILES[1];
        for method in [
            zip::CompressionMethod::Stored,
            zip::CompressionMethod::Deflated,
        ] {
            let bytes = zip_of(
                &[
                    ("week-1/a.toml", a.as_bytes()),
                    ("week-1/readme.txt", b"hi"),
                    ("b.toml", b.as_bytes()),
                ],
                method,
            );
            let files = read_zip(&bytes).unwrap();
            let names: Vec<&str> = files.iter().map(|f| f.name.as_str()).collect();
            assert_eq!(names, ["a.toml", "b.toml"]);
            assert_eq!(files[0].source, a);
        }
    }

    #[test]
    fn hostile_or_broken_archives_are_refused_with_a_reason() {
        assert_eq!(read_zip(b"not a zip at all"), Err(ArchiveError::NotZip));
        let good = zip_of(
            &[("a.toml", b"id = \"x\"")],
            zip::CompressionMethod::Deflated,
        );
        assert!(read_zip(&good[..good.len() - 30]).is_err(), "truncated");
        let huge = vec![b'a'; MAX_SOURCE_BYTES + 1];
        let bomb = zip_of(&[("big.toml", &huge)], zip::CompressionMethod::Deflated);
        assert!(matches!(
            read_zip(&bomb),
            Err(ArchiveError::TooLarge { .. })
        ));
        let mut damaged = good.clone();
        let at = damaged.len() / 3;
        damaged[at] ^= 0xff;
        let _ = read_zip(&damaged); // an error or a garbled file, never a panic
    }
}

#[test]
fn golden_runs_say_what_must_not_happen() {
    let src = r#"
id = "neg"
title = "Negative expectations"
persona = "irate"
difficulty = "easy"
domain = "test"
summary = "A customer."
start = "start"

[customer]
name = "Pat"
situation = "Pat is upset."

[[nodes]]
id = "start"
say = ["Well?"]

[[nodes.next]]
goto = "done"

[[nodes]]
id = "done"
end = "unhappy"
say = ["Fine."]

[[golden]]
name = "calm down"
seed = 1
replies = ["Calm down, sir."]
expect_miss = ["empathize"]
expect_no_flag = ["calm_down"]

[[golden]]
name = "sympathy"
seed = 1
replies = ["I'm so sorry, that must have been really frustrating for you."]
expect_miss = ["empathize"]
expect_no_flag = ["calm_down"]
"#;
    let parsed = parse("neg.toml", src);
    let problems: Vec<String> = parsed
        .diagnostics
        .iter()
        .filter(|d| d.code != Code::W005)
        .map(ToString::to_string)
        .collect();
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    let s = Rc::new(parsed.scenario.unwrap());
    let rude = run_golden(&s, &s.golden[0]);
    assert_eq!(
        rude,
        vec!["expected the flag `calm_down` never to be raised, but reply 1 raised it".to_string()],
        "a rude reply earns nothing, so only the flag expectation fails"
    );
    let kind = run_golden(&s, &s.golden[1]);
    assert_eq!(
        kind,
        vec!["expected `empathize` not to be earned, but reply 1 earned it".to_string()]
    );
}

#[test]
fn every_good_golden_run_rules_out_false_blame() {
    for s in bundled().into_iter().filter_map(|p| p.scenario) {
        for g in &s.golden {
            let good = matches!(
                g.expect_outcome.as_deref(),
                Some("resolved_satisfied" | "escalated_warm")
            );
            assert!(
                !good || !g.expect_no_flag.is_empty(),
                "{}: good run \"{}\" has no expect_no_flag",
                s.file,
                g.name
            );
        }
    }
}

#[test]
fn a_large_file_with_tens_of_thousands_of_problems_is_checked_in_seconds() {
    // Found by fuzzing: every problem's line was found by scanning the file
    // from the top, so a 250 KB file with a broken list took minutes.
    let mut src = String::from("id = \"many\"\nstart = \"n0\"\n");
    let mut i = 0;
    while src.len() < 250 * 1024 {
        if i == 80 {
            // An unclosed list: every line after it is a problem.
            src.push_str("say = [\"x\"c\n");
        }
        src.push_str(&format!(
            "[[nodes]]\nid = \"n{i}\"\nsay = [\"x\"]\n[[nodes.next]]\ngoto = \"n{}\"\n",
            i + 1
        ));
        i += 1;
    }
    let started = std::time::Instant::now();
    let parsed = parse("big.toml", &src);
    let errors = parsed.errors().count();
    assert!(errors > 1000, "{errors} errors");
    let took = started.elapsed();
    assert!(took.as_secs() < 10, "took {took:?}");
}

/// A small format 2 file; `extra` is appended.
fn format2(extra: &str) -> String {
    format!(
        r#"id = "needs-test"
format = 2
title = "Needs"
persona = "rushed"
difficulty = "easy"
domain = "test"
summary = "A customer in a hurry."
start = "opening"

[customer]
name = "Kim"
situation = "Kim wants a refund."

[[facts]]
id = "refund_time"
text = "Refunds take 3 days."
says = ["3 days"]
wrong = ["today"]

[[needs]]
id = "refund"
priority = 1
met = {{ offered = ["refund"] }}
ask = ["Can I have my money back?"]

[[needs]]
id = "when"
priority = 2
met = {{ stated = ["refund_time"] }}
ask = ["When?"]

[[nodes]]
id = "opening"
say = ["I want a refund."]
{extra}
"#
    )
}

#[test]
fn format_1_files_still_load_with_a_reminder_and_newer_formats_are_refused() {
    // A format 1 file: no `format`, no needs, a graph where every rule has a goto.
    let old = format2("\n  [[nodes.next]]\n  goto = \"done\"\n\n[[nodes]]\nid = \"done\"\nend = \"resolved\"\nsay = [\"Thanks.\"]\n")
        .replace("format = 2\n", "");
    let start = old.find("[[needs]]").unwrap();
    let end = old.find("[[nodes]]").unwrap();
    let old = format!("{}{}", &old[..start], &old[end..]);
    let parsed = parse("old.toml", &old);
    let codes: Vec<Code> = parsed.diagnostics.iter().map(|d| d.code).collect();
    assert_eq!(codes, [Code::W002, Code::W005], "{:?}", parsed.diagnostics);
    let s = Rc::new(parsed.scenario.expect("a format 1 file still loads"));
    assert_eq!((s.format, s.needs.len()), (1, 0));
    let mut session = rapport::sim::Session::new(s, 1, 0);
    session.respond("Hello", 1000).unwrap();
    assert_eq!(
        session.outcome(),
        Some(rapport::sim::Outcome::ResolvedSatisfied)
    );

    let newer = format2("").replace("format = 2", "format = 3");
    let parsed = parse("new.toml", &newer);
    assert!(parsed.scenario.is_none());
    let d = parsed
        .diagnostics
        .iter()
        .find(|d| d.code == Code::E012)
        .unwrap();
    assert_eq!((d.line, d.column), (2, 10), "{d}");
    assert!(
        d.message.contains("format 3") && d.message.contains("formats 1 to 2"),
        "{d}"
    );
}

#[test]
fn needs_and_memory_keys_are_checked_with_positions_and_suggestions() {
    let src = format2(
        r#"
[[anytime]]
when = { met = ["refnd"], stated = ["refund_tme"], offered = ["refunds"] }
goto = "opening"

[[needs]]
id = "extra"
priorty = 2
met = { unmet = ["whne"] }
ask = ["More?"]
"#,
    );
    let parsed = parse("needs.toml", &src);
    let text: Vec<String> = parsed.diagnostics.iter().map(ToString::to_string).collect();
    let joined = text.join("\n");
    for want in [
        "error[E016]: unknown need `refnd`\n  = hint: did you mean `refund`?",
        "error[E016]: unknown fact `refund_tme`\n  = hint: did you mean `refund_time`?",
        "error[E012]: unknown offer `refunds`\n  = hint: did you mean `refund`?",
        "error[E002]: unknown key `priorty` in `needs[2]`\n  = hint: did you mean `priority`?",
        "error[E016]: unknown need `whne`\n  = hint: did you mean `when`?",
    ] {
        assert!(joined.contains(want), "missing {want:?} in\n{joined}");
    }
    assert!(joined.contains("needs.toml:37:17: error[E016]"), "{joined}");
}

#[test]
fn a_failing_golden_run_says_where_it_went() {
    let src = format2(
        r#"
[[golden]]
name = "stops early"
seed = 1
replies = ["I'll refund you."]
expect_outcome = "resolved_satisfied"
"#,
    );
    let parsed = parse("gold.toml", &src);
    let s = Rc::new(parsed.scenario.expect("valid"));
    let problems = run_golden(&s, &s.golden[0]);
    assert_eq!(problems.len(), 1, "{problems:?}");
    let p = &problems[0];
    assert!(p.contains("got `trainee_ended`: at reply 1"), "{p}");
    assert!(p.contains("node `opening` -> (needs)"), "{p}");
    assert!(p.contains("needs still open: when"), "{p}");
    assert!(p.contains("1 ") && p.contains("met refund"), "{p}");
}

#[test]
fn a_scenario_can_add_its_own_phrases_per_criterion() {
    use rapport::persona::Persona;
    use rapport::scoring::{grade, Context, Criterion};
    let src = format2(
        "[[nodes.next]]\ngoto = \"opening\"\n\n[phrases]\nresolve = [\"hold the suite\"]\n",
    );
    let parsed = parse("phrases.toml", &src);
    let problems: Vec<String> = parsed.diagnostics.iter().map(ToString::to_string).collect();
    let s = parsed
        .scenario
        .unwrap_or_else(|| panic!("{}", problems.join("\n")));
    assert_eq!(s.phrases.len(), 1);
    let ctx = Context {
        phrases: &s.phrases,
        ..Context::standalone(Persona::Rushed, "My booking is gone!")
    };
    let said = grade("Right away: I'll hold the suite for you.", &ctx);
    assert!(said.hit(Criterion::Resolve));
    assert!(said
        .get(Criterion::Resolve)
        .evidence
        .iter()
        .any(|e| e.note == "the scenario's own wording for this"));
    for r in [
        "I can't hold the suite.",
        "Let me see if I can hold the suite.",
    ] {
        assert!(!grade(r, &ctx).hit(Criterion::Resolve), "{r}");
    }
    // Without the scenario's phrase the same words earn no fix.
    let plain = grade(
        "Right away: I'll hold the suite for you.",
        &Context::standalone(Persona::Rushed, "My booking is gone!"),
    );
    assert!(!plain.hit(Criterion::Resolve));

    let bad =
        format2("[[nodes.next]]\ngoto = \"opening\"\n\n[phrases]\nresolv = [\"reinstate\"]\n");
    let parsed = parse("phrases.toml", &bad);
    let e = parsed
        .diagnostics
        .iter()
        .find(|d| d.message.contains("unknown key `resolv`"))
        .expect("a misspelt criterion is reported");
    assert_eq!(e.code, Code::E002);
    assert!(e.to_string().contains("did you mean `resolve`?"), "{e}");
    assert!(e.to_string().starts_with("phrases.toml:"), "{e}");
}
