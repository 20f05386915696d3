//! Measuring the scorer against labelled replies: precision and recall per
//! criterion and per flag.

use super::{grade, Context, Criterion, FlagId};
use crate::persona::Persona;
use std::fmt;

/// What a labelled reply should earn and trip.
#[derive(Clone, Debug, PartialEq)]
pub struct Example {
    pub line: usize,
    pub persona: Persona,
    pub reply: String,
    pub customer: String,
    pub hits: Vec<Criterion>,
    pub flags: Vec<FlagId>,
}

/// Parses the tab-separated format of `tests/data/labelled.tsv`.
pub fn parse_examples(src: &str) -> Result<Vec<Example>, String> {
    let mut out = Vec::new();
    for (i, line) in src.lines().enumerate() {
        let n = i + 1;
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if !(3..=4).contains(&cols.len()) {
            return Err(format!(
                "line {n}: expected 3 or 4 tab-separated columns, found {}",
                cols.len()
            ));
        }
        let persona = Persona::from_id(cols[0])
            .ok_or_else(|| format!("line {n}: unknown persona `{}`", cols[0]))?;
        let mut hits = Vec::new();
        let mut flags = Vec::new();
        for label in cols[1].split_whitespace().filter(|l| *l != "-") {
            if let Some(f) = label.strip_prefix('!') {
                flags.push(
                    FlagId::from_id(f).ok_or_else(|| format!("line {n}: unknown flag `{f}`"))?,
                );
            } else {
                hits.push(
                    Criterion::from_id(label)
                        .ok_or_else(|| format!("line {n}: unknown criterion `{label}`"))?,
                );
            }
        }
        out.push(Example {
            line: n,
            persona,
            reply: cols[2].to_string(),
            customer: cols.get(3).unwrap_or(&"").to_string(),
            hits,
            flags,
        });
    }
    Ok(out)
}

/// Counts for one label.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Counts {
    pub label: String,
    pub tp: usize,
    pub fp: usize,
    pub fn_: usize,
    /// Lines of the misses and false alarms, for inspection.
    pub wrong: Vec<usize>,
}

impl Counts {
    /// 1.0 when nothing was predicted.
    pub fn precision(&self) -> f64 {
        if self.tp + self.fp == 0 {
            1.0
        } else {
            self.tp as f64 / (self.tp + self.fp) as f64
        }
    }

    /// 1.0 when nothing was labelled.
    pub fn recall(&self) -> f64 {
        if self.tp + self.fn_ == 0 {
            1.0
        } else {
            self.tp as f64 / (self.tp + self.fn_) as f64
        }
    }

    pub fn support(&self) -> usize {
        self.tp + self.fn_
    }
}

/// Precision and recall for every criterion (but broad knowledge, which needs
/// scenario facts) and every flag.
#[derive(Clone, Debug, Default)]
pub struct Report {
    pub examples: usize,
    pub rows: Vec<Counts>,
}

/// Grades every example and compares with its labels.
pub fn evaluate(examples: &[Example]) -> Report {
    let criteria: Vec<Criterion> = Criterion::ALL
        .into_iter()
        .filter(|c| *c != Criterion::BroadKnowledge)
        .collect();
    let mut rows: Vec<Counts> = criteria
        .iter()
        .map(|c| Counts {
            label: c.id().to_string(),
            ..Counts::default()
        })
        .chain(FlagId::ALL.iter().map(|f| Counts {
            label: format!("!{}", f.id()),
            ..Counts::default()
        }))
        .collect();
    for ex in examples {
        let a = grade(&ex.reply, &Context::standalone(ex.persona, &ex.customer));
        let predicted_c = criteria.iter().map(|c| a.hit(*c));
        let labelled_c = criteria.iter().map(|c| ex.hits.contains(c));
        let predicted_f = FlagId::ALL.iter().map(|f| a.flagged(*f));
        let labelled_f = FlagId::ALL.iter().map(|f| ex.flags.contains(f));
        let pairs = predicted_c
            .chain(predicted_f)
            .zip(labelled_c.chain(labelled_f));
        for (row, (p, l)) in rows.iter_mut().zip(pairs) {
            match (p, l) {
                (true, true) => row.tp += 1,
                (true, false) => {
                    row.fp += 1;
                    row.wrong.push(ex.line);
                }
                (false, true) => {
                    row.fn_ += 1;
                    row.wrong.push(ex.line);
                }
                (false, false) => {}
            }
        }
    }
    Report {
        examples: examples.len(),
        rows,
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "{} labelled replies", self.examples)?;
        writeln!(
            f,
            "{:<20} {:>9} {:>7} {:>8}  wrong on lines",
            "label", "precision", "recall", "support"
        )?;
        for r in &self.rows {
            let wrong: Vec<String> = r.wrong.iter().take(12).map(ToString::to_string).collect();
            writeln!(
                f,
                "{:<20} {:>9.2} {:>7.2} {:>8}  {}",
                r.label,
                r.precision(),
                r.recall(),
                r.support(),
                wrong.join(" ")
            )?;
        }
        Ok(())
    }
}
