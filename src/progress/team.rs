//! A trainer's team view: several trainees' exported progress side by side.

use super::envelope::Progress;
use crate::scoring::Criterion;

/// One trainee's row: attempts and the average of each criterion.
#[derive(Clone, Debug, PartialEq)]
pub struct TeamRow {
    pub trainee: String,
    pub attempts: usize,
    pub average_total: f32,
    /// In [`Criterion::ALL`] order.
    pub averages: Vec<f32>,
}

/// Rows for every trainee file, named "Trainee N" when unnamed.
pub fn team_table(files: &[Progress]) -> Vec<TeamRow> {
    files
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let n = p.attempts.len().max(1) as f32;
            TeamRow {
                trainee: if p.trainee.trim().is_empty() {
                    format!("Trainee {}", i + 1)
                } else {
                    p.trainee.clone()
                },
                attempts: p.attempts.len(),
                average_total: p.attempts.iter().map(|a| a.total).sum::<f32>() / n,
                averages: Criterion::ALL
                    .iter()
                    .map(|&c| p.attempts.iter().map(|a| a.score(c)).sum::<f32>() / n)
                    .collect(),
            }
        })
        .collect()
}
