//! Clarifying questions: which sentences ask, and of which kind.

use super::lexicon as lx;
use super::matching::{overlaps, Hit, Reply};
use super::{Evidence, Flag, QuestionKinds};

/// Question sentences, classified; hostile ones (overlapping a flag) and
/// satisfaction checks (`checks`, the reply's check phrases) do not count.
pub fn questions(r: &Reply, flags: &[Flag], checks: &[Hit]) -> (QuestionKinds, Vec<Evidence>) {
    let mut kinds = QuestionKinds::default();
    let mut e = Vec::new();
    let in_sentence = |list: &[Hit], sentence: usize| {
        list.iter()
            .any(|h| r.tokens.tokens[h.m.first].sentence == sentence)
    };
    let basic = r.find_any(lx::question_basic());
    let detail = r.find_any(lx::question_detail());
    let assess = r.find_any(lx::question_assessment());
    // Offers of help, hold requests and "is that right?" after a paraphrase
    // are questions in form only.
    let offers = r.find_any(lx::not_clarifying());
    for (i, span) in r.question_sentences() {
        if flags.iter().any(|f| overlaps(f.span, span))
            || in_sentence(checks, i)
            || in_sentence(&offers, i)
        {
            continue;
        }
        let note = if in_sentence(&assess, i) {
            kinds.assessment = true;
            "assessment question"
        } else if in_sentence(&detail, i) {
            kinds.detail = true;
            "detail question"
        } else {
            kinds.basic = true;
            if in_sentence(&basic, i) {
                "basic question"
            } else {
                "clarifying question"
            }
        };
        e.push(Evidence {
            span,
            note: note.into(),
        });
    }
    (kinds, e)
}
