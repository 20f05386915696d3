//! Splits a reply into segments marked as earning or costing points, for
//! highlighting evidence. Pure, so it is tested natively.

use rapport::scoring::Assessment;
use rapport::text::Span;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mark {
    Plain,
    Good,
    /// Some credit, not the real thing (a vague or hedged promise).
    Partial,
    Bad,
}

/// Evidence longer than this (in bytes) is not marked in the reply: a mark on
/// most of a sentence says nothing. The feedback still names the criterion.
pub const MAX_MARK_BYTES: usize = 60;

/// A run of the reply with one mark and the reasons behind it.
#[derive(Clone, Debug, PartialEq)]
pub struct Segment {
    pub text: String,
    pub mark: Mark,
    pub notes: Vec<String>,
}

/// Segments of `reply` under the evidence of `a`; a mistake wins over credit
/// where they overlap.
///
/// Marks stay at the level of phrases a trainee can read at a glance: each
/// criterion marks one piece of its evidence (the longest that is short
/// enough to mean something), and a criterion earned only in part is not
/// marked on a single word or inside a phrase that earned full credit,
/// unless the reason is a vague or hedged promise, which must never look like
/// full credit. Touching marks of the same kind read as one phrase.
pub fn segments(reply: &str, a: &Assessment) -> Vec<Segment> {
    let mut marks: Vec<(Span, Mark, String)> = Vec::new();
    for c in &a.criteria {
        let best = c
            .evidence
            .iter()
            .filter(|e| !e.note.starts_with("cancelled") && e.span.len() <= MAX_MARK_BYTES)
            .max_by_key(|e| (e.span.len(), std::cmp::Reverse(e.span.start)));
        let Some(e) = best.filter(|_| c.score > 0.0) else {
            continue;
        };
        let promise = e.note.contains("vague") || e.note.contains("hedged");
        let (mark, label) = if c.score < 0.5 || promise {
            (Mark::Partial, "Partly")
        } else {
            (Mark::Good, "Earned")
        };
        marks.push((
            e.span,
            mark,
            format!("{label} {}: {}", c.criterion.label(), e.note),
        ));
    }
    let overlaps = |a: Span, b: Span| a.start < b.end && b.start < a.end;
    let is_promise = |note: &str| note.contains("vague") || note.contains("hedged");
    let good: Vec<Span> = marks
        .iter()
        .filter(|m| m.1 == Mark::Good)
        .map(|m| m.0)
        .collect();
    let promises: Vec<Span> = marks
        .iter()
        .filter(|m| m.1 == Mark::Partial && is_promise(&m.2))
        .map(|m| m.0)
        .collect();
    marks.retain(|(span, mark, note)| match mark {
        // No part of a vague promise looks like full credit.
        Mark::Good => !promises.iter().any(|p| overlaps(*p, *span)),
        Mark::Partial => {
            is_promise(note)
                || (span.slice(reply).split_whitespace().nth(1).is_some()
                    && !good.iter().any(|g| overlaps(*g, *span)))
        }
        _ => true,
    });
    for f in &a.flags {
        marks.push((
            f.span,
            Mark::Bad,
            format!("Mistake, {}: {}", f.id.label(), f.id.advice()),
        ));
    }
    split(reply, &marks)
}

fn split(reply: &str, marks: &[(Span, Mark, String)]) -> Vec<Segment> {
    // Cut points at every span edge that falls on a character boundary.
    let mut cuts: Vec<usize> = vec![0, reply.len()];
    for (s, _, _) in marks {
        cuts.extend(
            [s.start, s.end]
                .into_iter()
                .filter(|&i| i <= reply.len() && reply.is_char_boundary(i)),
        );
    }
    cuts.sort_unstable();
    cuts.dedup();
    let mut out: Vec<Segment> = Vec::new();
    for w in cuts.windows(2) {
        let (a, b) = (w[0], w[1]);
        let covering: Vec<&(Span, Mark, String)> = marks
            .iter()
            .filter(|(s, _, _)| s.start <= a && b <= s.end)
            .collect();
        // The worst mark wins where marks overlap.
        let mark = covering
            .iter()
            .map(|m| m.1)
            .max_by_key(|m| match m {
                Mark::Plain => 0,
                Mark::Good => 1,
                Mark::Partial => 2,
                Mark::Bad => 3,
            })
            .unwrap_or(Mark::Plain);
        let mut notes: Vec<String> = covering.iter().map(|m| m.2.clone()).collect();
        notes.dedup();
        match out.last_mut() {
            Some(last) if last.mark == mark && (last.notes == notes || mark != Mark::Plain) => {
                last.text.push_str(&reply[a..b]);
                for n in notes {
                    if !last.notes.contains(&n) {
                        last.notes.push(n);
                    }
                }
            }
            _ => out.push(Segment {
                text: reply[a..b].to_string(),
                mark,
                notes,
            }),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(s: usize, e: usize, mark: Mark) -> (Span, Mark, String) {
        (Span::new(s, e), mark, String::new())
    }

    #[test]
    fn bad_wins_and_text_is_preserved() {
        let reply = "Calm down, I'm sorry 😀";
        let segs = split(reply, &[m(0, 9, Mark::Bad), m(5, 20, Mark::Good)]);
        let joined: String = segs.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(joined, reply);
        assert_eq!(segs[0].mark, Mark::Bad);
        assert_eq!(segs[0].text, "Calm down");
        assert!(segs
            .iter()
            .any(|s| s.mark == Mark::Good && s.text.contains("sorry")));
    }

    #[test]
    fn partial_beats_good_and_loses_to_bad() {
        let segs = split(
            "abcdef",
            &[
                m(0, 4, Mark::Good),
                m(2, 6, Mark::Partial),
                m(5, 6, Mark::Bad),
            ],
        );
        let marks: Vec<Mark> = segs.iter().map(|s| s.mark).collect();
        assert_eq!(marks, vec![Mark::Good, Mark::Partial, Mark::Bad]);
    }

    #[test]
    fn touching_marks_of_one_kind_are_one_phrase_with_every_reason() {
        let reply = "I'll personally make sure";
        let segs = split(
            reply,
            &[
                (Span::new(0, 15), Mark::Good, "Empowered".into()),
                (Span::new(0, 25), Mark::Good, "Resolve".into()),
            ],
        );
        assert_eq!(segs.len(), 1);
        assert_eq!(segs[0].text, reply);
        assert_eq!(segs[0].notes, vec!["Empowered", "Resolve"]);
    }

    #[test]
    fn out_of_range_spans_are_ignored() {
        let segs = split("héllo", &[m(2, 99, Mark::Good)]);
        assert_eq!(
            segs.iter().map(|s| s.text.as_str()).collect::<String>(),
            "héllo"
        );
    }
}
