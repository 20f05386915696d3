//! Calibration: a trainer judges replies by hand, and sees where the scorer
//! agrees. Disagreements export in the labelled-set format, so they can be
//! checked with `rapport eval` and added to the tests.

use super::{grade, Context, Criterion};
use crate::persona::Persona;

/// One reply judged by a trainer: the criteria they think it shows.
#[derive(Clone, Debug, PartialEq)]
pub struct Judged {
    pub persona: Persona,
    pub reply: String,
    pub customer: String,
    pub human: Vec<Criterion>,
}

/// Where a trainer and the scorer differ on one criterion of one reply.
#[derive(Clone, Debug, PartialEq)]
pub struct Disagreement {
    pub item: usize,
    pub criterion: Criterion,
    pub human: bool,
    pub scorer: bool,
}

/// Agreement over all judged replies.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Agreement {
    /// Per criterion: (agreements, judgements).
    pub per_criterion: Vec<(Criterion, usize, usize)>,
    pub disagreements: Vec<Disagreement>,
}

impl Agreement {
    /// Share of criterion judgements where both agree, in `[0, 1]`.
    pub fn rate(&self) -> f32 {
        let (a, n) = self
            .per_criterion
            .iter()
            .fold((0, 0), |(a, n), (_, x, y)| (a + x, n + y));
        if n == 0 {
            1.0
        } else {
            a as f32 / n as f32
        }
    }
}

/// What the scorer says a reply shows (criteria at one half or more).
pub fn scorer_view(j: &Judged) -> Vec<Criterion> {
    let a = grade(&j.reply, &Context::standalone(j.persona, &j.customer));
    Criterion::ALL.into_iter().filter(|c| a.hit(*c)).collect()
}

/// Compares every judged reply on every criterion (broad knowledge needs a
/// scenario's facts, so it is left out).
pub fn compare(items: &[Judged]) -> Agreement {
    let criteria: Vec<Criterion> = Criterion::ALL
        .into_iter()
        .filter(|c| *c != Criterion::BroadKnowledge)
        .collect();
    let mut per: Vec<(Criterion, usize, usize)> = criteria.iter().map(|c| (*c, 0, 0)).collect();
    let mut disagreements = Vec::new();
    for (i, j) in items.iter().enumerate() {
        let machine = scorer_view(j);
        for (k, c) in criteria.iter().enumerate() {
            let (h, m) = (j.human.contains(c), machine.contains(c));
            per[k].2 += 1;
            if h == m {
                per[k].1 += 1;
            } else {
                disagreements.push(Disagreement {
                    item: i,
                    criterion: *c,
                    human: h,
                    scorer: m,
                });
            }
        }
    }
    Agreement {
        per_criterion: per,
        disagreements,
    }
}

/// The replies with any disagreement, labelled as the trainer judged them, in
/// the tab-separated labelled format that `rapport eval` reads.
pub fn export_tsv(items: &[Judged], agreement: &Agreement) -> String {
    let mut out = String::from("# Replies where a trainer and the scorer disagreed, labelled as the trainer judged them.\n# Columns: persona, labels, reply, customer's last message.\n");
    for (i, j) in items.iter().enumerate() {
        if !agreement.disagreements.iter().any(|d| d.item == i) {
            continue;
        }
        let labels: Vec<&str> = j.human.iter().map(|c| c.id()).collect();
        let clean = |s: &str| s.replace(['\t', '\n', '\r'], " ");
        out.push_str(&format!(
            "{}\t{}\t{}\t{}\n",
            j.persona.id(),
            if labels.is_empty() {
                "-".to_string()
            } else {
                labels.join(" ")
            },
            clean(&j.reply),
            clean(&j.customer)
        ));
    }
    out
}
