//! Measuring the scorer against labelled replies: precision, recall, F1 and
//! agreement per criterion and per flag, with macro averages and a confusion
//! summary.
//!
//! Three line formats are read (tab-separated, `#` starts a comment):
//! - labelled set: `persona, labels, reply[, customer]`;
//! - corpus: `source, persona, labels, reply, customer` (the first column is an
//!   `http(s)://` address), split into dev and sealed sides by [`sealed`];
//! - probes: `family, persona, probe, labels, reply, customer`: the scorer is
//!   judged only on the labels in `probe`.

use super::{grade, Context, Criterion, FlagId};
use crate::persona::Persona;
use serde::Serialize;
use std::fmt;

/// A criterion to earn or a mistake to flag.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Label {
    Hit(Criterion),
    Flag(FlagId),
}

impl Label {
    /// Every label the scorer can be measured on without scenario facts.
    pub fn all() -> Vec<Label> {
        Criterion::ALL
            .into_iter()
            .filter(|c| *c != Criterion::BroadKnowledge)
            .map(Label::Hit)
            .chain(FlagId::ALL.into_iter().map(Label::Flag))
            .collect()
    }

    /// `empathize` or `!blame`.
    pub fn name(self) -> String {
        match self {
            Label::Hit(c) => c.id().to_string(),
            Label::Flag(f) => format!("!{}", f.id()),
        }
    }

    fn parse(s: &str) -> Result<Label, String> {
        match s.strip_prefix('!') {
            Some(f) => FlagId::from_id(f)
                .map(Label::Flag)
                .ok_or_else(|| format!("unknown flag `{f}`")),
            None => Criterion::from_id(s)
                .map(Label::Hit)
                .ok_or_else(|| format!("unknown criterion `{s}`")),
        }
    }
}

/// What a labelled reply should earn and trip.
#[derive(Clone, Debug, PartialEq)]
pub struct Example {
    pub line: usize,
    /// The public page the reply comes from (corpus files).
    pub source: Option<String>,
    /// The family of a probe line (probe files).
    pub family: Option<String>,
    pub persona: Persona,
    pub reply: String,
    pub customer: String,
    pub hits: Vec<Criterion>,
    pub flags: Vec<FlagId>,
    /// The only labels this line is judged on; `None` means all of them.
    pub probe: Option<Vec<Label>>,
}

impl Example {
    fn labelled(&self, l: Label) -> bool {
        match l {
            Label::Hit(c) => self.hits.contains(&c),
            Label::Flag(f) => self.flags.contains(&f),
        }
    }

    fn judged_on(&self, l: Label) -> bool {
        self.probe.as_ref().is_none_or(|p| p.contains(&l))
    }
}

fn labels(field: &str) -> Result<Vec<Label>, String> {
    field
        .split_whitespace()
        .filter(|l| *l != "-")
        .map(Label::parse)
        .collect()
}

/// Parses any of the three formats, line by line.
pub fn parse_examples(src: &str) -> Result<Vec<Example>, String> {
    let mut out = Vec::new();
    for (i, line) in src.lines().enumerate() {
        let n = i + 1;
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        let at = |e: String| format!("line {n}: {e}");
        let (source, family, persona, probe, labelled, reply, customer) = if cols[0]
            .starts_with("http://")
            || cols[0].starts_with("https://")
        {
            if cols.len() != 5 {
                return Err(at(format!(
                        "a corpus line has 5 tab-separated columns (source, persona, labels, reply, customer), found {}",
                        cols.len()
                    )));
            }
            (
                Some(cols[0]),
                None,
                cols[1],
                None,
                cols[2],
                cols[3],
                cols[4],
            )
        } else if cols.len() == 6 {
            let probe = labels(cols[2]).map_err(at)?;
            (
                None,
                Some(cols[0]),
                cols[1],
                Some(probe),
                cols[3],
                cols[4],
                cols[5],
            )
        } else if (3..=4).contains(&cols.len()) {
            let customer = cols.get(3).copied().unwrap_or("");
            (None, None, cols[0], None, cols[1], cols[2], customer)
        } else {
            return Err(at(format!(
                    "expected 3 or 4 tab-separated columns (or 5 with a source address first, or 6 for probes), found {}",
                    cols.len()
                )));
        };
        let persona =
            Persona::from_id(persona).ok_or_else(|| at(format!("unknown persona `{persona}`")))?;
        let mut hits = Vec::new();
        let mut flags = Vec::new();
        for l in labels(labelled).map_err(at)? {
            match l {
                Label::Hit(c) => hits.push(c),
                Label::Flag(f) => flags.push(f),
            }
        }
        if let Some(p) = &probe {
            if let Some(l) = hits
                .iter()
                .map(|c| Label::Hit(*c))
                .chain(flags.iter().map(|f| Label::Flag(*f)))
                .find(|l| !p.contains(l))
            {
                return Err(at(format!("label `{}` is not in the probe", l.name())));
            }
        }
        out.push(Example {
            line: n,
            source: source.map(str::to_string),
            family: family.map(str::to_string),
            persona,
            reply: reply.to_string(),
            customer: customer.to_string(),
            hits,
            flags,
            probe,
        });
    }
    Ok(out)
}

/// The address as the split sees it: lower-cased, no scheme, no `www.`, no
/// trailing `/`, so one page always lands on one side.
pub fn normalise_source(address: &str) -> String {
    let a = address.trim().to_lowercase();
    let a = a
        .strip_prefix("https://")
        .or_else(|| a.strip_prefix("http://"))
        .unwrap_or(&a);
    let a = a.strip_prefix("www.").unwrap_or(a);
    a.trim_end_matches('/').to_string()
}

/// True when a source belongs to the sealed side of the split: FNV-1a 64 of
/// its normalised address is 0, 1 or 2 modulo 10. Fixed before any line was
/// read, so nobody chooses which replies are held out.
pub fn sealed(address: &str) -> bool {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in normalise_source(address).bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h % 10 < 3
}

/// Which side of the corpus to measure.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Split {
    All,
    Dev,
    Sealed,
}

impl Split {
    /// Keeps the examples on this side. Lines without a source (labelled
    /// sets, probes) are on the dev side: they were read while writing rules.
    pub fn keep(self, ex: &Example) -> bool {
        let is_sealed = ex.source.as_deref().is_some_and(sealed);
        match self {
            Split::All => true,
            Split::Dev => !is_sealed,
            Split::Sealed => is_sealed,
        }
    }
}

/// Counts for one label.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Counts {
    pub label: String,
    pub tp: usize,
    pub fp: usize,
    #[serde(rename = "fn")]
    pub fn_: usize,
    /// Lines of the misses and false alarms, for inspection.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub wrong: Vec<usize>,
    /// Positions (in the examples measured) of replies labelled with it
    /// that the scorer missed.
    #[serde(skip)]
    pub missed: Vec<usize>,
    /// Positions of replies where the scorer gave it unlabelled.
    #[serde(skip)]
    pub false_alarms: Vec<usize>,
}

impl Counts {
    /// 1.0 when nothing was predicted.
    pub fn precision(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }

    /// 1.0 when nothing was labelled.
    pub fn recall(&self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }

    /// Agreement on this label: 2TP / (2TP + FP + FN), the F1 score; 1.0
    /// when the label was neither given nor predicted.
    pub fn f1(&self) -> f64 {
        ratio(2 * self.tp, 2 * self.tp + self.fp + self.fn_)
    }

    pub fn support(&self) -> usize {
        self.tp + self.fn_
    }

    fn add(&mut self, predicted: bool, labelled: bool, (line, index): (usize, usize)) {
        match (predicted, labelled) {
            (true, true) => self.tp += 1,
            (true, false) => {
                self.fp += 1;
                self.wrong.push(line);
                self.false_alarms.push(index);
            }
            (false, true) => {
                self.fn_ += 1;
                self.wrong.push(line);
                self.missed.push(index);
            }
            (false, false) => {}
        }
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        1.0
    } else {
        a as f64 / b as f64
    }
}

/// A label the scorer missed on a line, next to one it gave there unasked.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Confusion {
    pub missed: String,
    pub given_instead: String,
    pub lines: usize,
}

/// The scorer's figures on a set of examples.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Report {
    pub examples: usize,
    pub sources: usize,
    /// One row per label, then `(none)`: a reply labelled with nothing that
    /// earned and tripped nothing, so correct silence counts too.
    pub rows: Vec<Counts>,
    /// Micro-averaged agreement over every label and `(none)`.
    pub agreement: f64,
    pub macro_precision: f64,
    pub macro_recall: f64,
    pub macro_f1: f64,
    /// Probe lines fully right (probe files only), and how many there were.
    pub probes_right: usize,
    pub probes: usize,
    /// Per probe family: (family, right, lines).
    pub families: Vec<(String, usize, usize)>,
    pub confusions: Vec<Confusion>,
    /// False for the sealed split: its lines are never printed.
    #[serde(skip)]
    pub show_lines: bool,
}

impl Report {
    /// The row of one label, by its name (`empathize`, `!blame`).
    pub fn row(&self, name: &str) -> Option<&Counts> {
        self.rows.iter().find(|r| r.label == name)
    }
}

/// Grades every example and compares with its labels.
pub fn evaluate(examples: &[Example]) -> Report {
    let all = Label::all();
    let mut rows: Vec<Counts> = all
        .iter()
        .map(|l| Counts {
            label: l.name(),
            ..Counts::default()
        })
        .collect();
    let mut none = Counts {
        label: "(none)".into(),
        ..Counts::default()
    };
    let mut pairs: Vec<(Label, Label, usize)> = Vec::new();
    let mut families: Vec<(String, usize, usize)> = Vec::new();
    let (mut probes, mut probes_right) = (0, 0);
    let mut sources: Vec<String> = Vec::new();
    for (index, ex) in examples.iter().enumerate() {
        if let Some(s) = &ex.source {
            let s = normalise_source(s);
            if !sources.contains(&s) {
                sources.push(s);
            }
        }
        let a = grade(&ex.reply, &Context::standalone(ex.persona, &ex.customer));
        let predicted = |l: Label| match l {
            Label::Hit(c) => a.hit(c),
            Label::Flag(f) => a.flagged(f),
        };
        let (mut missed, mut extra, mut right) = (Vec::new(), Vec::new(), true);
        for (row, l) in rows.iter_mut().zip(&all) {
            if !ex.judged_on(*l) {
                continue;
            }
            let (p, want) = (predicted(*l), ex.labelled(*l));
            row.add(p, want, (ex.line, index));
            right &= p == want;
            match (p, want) {
                (false, true) => missed.push(*l),
                (true, false) => extra.push(*l),
                _ => {}
            }
        }
        if ex.probe.is_none() {
            let nothing_labelled = ex.hits.is_empty() && ex.flags.is_empty();
            let nothing_predicted = all.iter().all(|l| !predicted(*l));
            none.add(nothing_predicted, nothing_labelled, (ex.line, index));
        }
        for m in &missed {
            for e in &extra {
                match pairs.iter_mut().find(|(a, b, _)| a == m && b == e) {
                    Some(p) => p.2 += 1,
                    None => pairs.push((*m, *e, 1)),
                }
            }
        }
        if let Some(fam) = &ex.family {
            probes += 1;
            probes_right += usize::from(right);
            match families.iter_mut().find(|(f, _, _)| f == fam) {
                Some(f) => {
                    f.1 += usize::from(right);
                    f.2 += 1;
                }
                None => families.push((fam.clone(), usize::from(right), 1)),
            }
        }
    }
    rows.push(none);
    let (tp, fp, fn_) = rows
        .iter()
        .fold((0, 0, 0), |(a, b, c), r| (a + r.tp, b + r.fp, c + r.fn_));
    let measured: Vec<&Counts> = rows.iter().filter(|r| r.support() > 0).collect();
    let mean = |f: fn(&Counts) -> f64| {
        if measured.is_empty() {
            1.0
        } else {
            measured.iter().map(|r| f(r)).sum::<f64>() / measured.len() as f64
        }
    };
    pairs.sort_by(|a, b| b.2.cmp(&a.2).then(a.0.cmp(&b.0)).then(a.1.cmp(&b.1)));
    families.sort();
    Report {
        examples: examples.len(),
        sources: sources.len(),
        agreement: ratio(2 * tp, 2 * tp + fp + fn_),
        macro_precision: mean(Counts::precision),
        macro_recall: mean(Counts::recall),
        macro_f1: mean(Counts::f1),
        probes_right,
        probes,
        families,
        confusions: pairs
            .into_iter()
            .take(10)
            .map(|(m, e, n)| Confusion {
                missed: m.name(),
                given_instead: e.name(),
                lines: n,
            })
            .collect(),
        rows,
        show_lines: true,
    }
}

/// Measures one side of the examples; the sealed side never shows its lines.
pub fn evaluate_split(examples: &[Example], split: Split) -> Report {
    let kept: Vec<Example> = examples.iter().filter(|e| split.keep(e)).cloned().collect();
    let mut r = evaluate(&kept);
    if split == Split::Sealed {
        r.show_lines = false;
        for row in &mut r.rows {
            row.wrong.clear();
            row.missed.clear();
            row.false_alarms.clear();
        }
        r.confusions.clear();
    }
    r
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} labelled replies", self.examples)?;
        if self.sources > 0 {
            write!(f, " from {} sources", self.sources)?;
        }
        writeln!(f)?;
        let tail = if self.show_lines {
            "  wrong on lines"
        } else {
            ""
        };
        writeln!(
            f,
            "{:<20} {:>9} {:>7} {:>6} {:>8}{tail}",
            "label", "precision", "recall", "F1", "support"
        )?;
        for r in &self.rows {
            let wrong: Vec<String> = r.wrong.iter().take(12).map(ToString::to_string).collect();
            writeln!(
                f,
                "{:<20} {:>9.2} {:>7.2} {:>6.2} {:>8}  {}",
                r.label,
                r.precision(),
                r.recall(),
                r.f1(),
                r.support(),
                wrong.join(" ")
            )?;
        }
        writeln!(
            f,
            "macro: precision {:.2}, recall {:.2}, F1 {:.2}",
            self.macro_precision, self.macro_recall, self.macro_f1
        )?;
        writeln!(
            f,
            "agreement (micro F1 over every label and correct silence): {:.3}",
            self.agreement
        )?;
        if self.probes > 0 {
            writeln!(
                f,
                "probes fully right: {}/{} ({:.1}%)",
                self.probes_right,
                self.probes,
                100.0 * self.probes_right as f64 / self.probes as f64
            )?;
            for (fam, right, n) in &self.families {
                writeln!(f, "  {fam:<22} {right}/{n}")?;
            }
        }
        if !self.confusions.is_empty() {
            writeln!(f, "most frequent confusions (missed -> given instead):")?;
            for c in &self.confusions {
                writeln!(
                    f,
                    "  {} -> {}: {} lines",
                    c.missed, c.given_instead, c.lines
                )?;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_page_is_always_on_one_side() {
        let a = "https://www.example.com/empathy-phrases/";
        let b = "http://example.com/empathy-phrases";
        assert_eq!(normalise_source(a), normalise_source(b));
        assert_eq!(sealed(a), sealed(b));
    }

    #[test]
    fn about_three_in_ten_sources_are_sealed() {
        let n = (0..1000)
            .filter(|i| sealed(&format!("https://site{i}.example/page")))
            .count();
        assert!((250..350).contains(&n), "{n}");
    }

    #[test]
    fn reads_all_three_formats() {
        let src = "irate\tempathize\tI'm so sorry.\n\
                   https://a.example/x\trushed\t-\tOkay.\t\n\
                   refusal\tirate\tresolve eager\t-\tAbsolutely not.\tRefund me.\n";
        let ex = parse_examples(src).unwrap();
        assert_eq!(ex.len(), 3);
        assert_eq!(ex[1].source.as_deref(), Some("https://a.example/x"));
        assert_eq!(ex[2].family.as_deref(), Some("refusal"));
        assert_eq!(
            ex[2].probe,
            Some(vec![
                Label::Hit(Criterion::Resolve),
                Label::Hit(Criterion::Eager)
            ])
        );
        assert!(parse_examples("fam\tirate\tresolve\tempathize\tx\ty\n")
            .unwrap_err()
            .contains("not in the probe"));
        assert!(parse_examples("https://a.example\tirate\t-\tx\n")
            .unwrap_err()
            .contains("5 tab-separated"));
    }

    #[test]
    fn the_sealed_side_never_shows_its_lines() {
        let sealed_src = (0..50)
            .map(|i| format!("https://s{i}.example/p"))
            .find(|s| sealed(s))
            .unwrap();
        let src = format!("{sealed_src}\tirate\tresolve\tHello.\t\n");
        let ex = parse_examples(&src).unwrap();
        let r = evaluate_split(&ex, Split::Sealed);
        assert_eq!(r.examples, 1);
        assert!(r.rows.iter().all(|row| row.wrong.is_empty()));
        assert!(!r.to_string().contains("wrong on lines"));
        assert_eq!(evaluate_split(&ex, Split::Dev).examples, 0);
    }
}
