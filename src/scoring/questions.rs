//! Clarifying questions: which sentences ask, and of which kind.

use super::lexicon as lx;
use super::matching::{overlaps, Hit, Reply};
use super::{Evidence, Flag, QuestionKinds, Severity};
use crate::text::Match;

/// The reply's checks that the problem is solved: its check phrases, less
/// those that ask about the past ("Were you able to log in before the
/// update?"), ask for more information ("anything else you can tell me?")
/// or are rhetorical beside a severe mistake ("Does that make sense?
/// Because I'm not explaining it again."); plus a question about how
/// things are now after the agent has just acted ("I've reset the line.
/// How's the signal on your end now?").
pub fn checks(r: &Reply, flags: &[Flag]) -> Vec<Hit> {
    let toks = &r.tokens.tokens;
    let sentences = &r.tokens.sentences;
    let words = |i: usize| {
        toks[sentences[i].first..sentences[i].end]
            .iter()
            .map(|t| t.norm.as_str())
    };
    let severe_near = |i: usize| {
        flags.iter().any(|f| {
            f.severity == Severity::Severe
                && [Some(i), i.checked_sub(1), Some(i + 1)]
                    .into_iter()
                    .flatten()
                    .filter_map(|j| sentences.get(j))
                    .any(|s| overlaps(s.span, f.span))
        })
    };
    let mut out: Vec<Hit> = r
        .find(lx::check())
        .into_iter()
        .filter(|h| {
            let i = toks[h.m.first].sentence;
            let w: Vec<&str> = words(i).collect();
            let past = w.iter().enumerate().any(|(k, x)| {
                matches!(*x, "ago" | "yesterday" | "previously" | "originally")
                    || (*x == "before"
                        && w.get(k + 1)
                            .is_some_and(|n| matches!(*n, "the" | "that" | "this" | "it" | "then")))
            });
            let mut asks_to_tell = false;
            let mut prev = "";
            for w in words(i) {
                if matches!(
                    prev,
                    "tell" | "share" | "describe" | "remember" | "mention" | "show" | "give"
                ) && matches!(w, "me" | "us")
                {
                    asks_to_tell = true;
                }
                prev = w;
            }
            !past && !asks_to_tell && !severe_near(i)
        })
        .collect();
    let acted = |before: usize| {
        (0..before).any(|i| {
            !sentences[i].question && {
                let w: Vec<&str> = words(i).collect();
                w.windows(3).any(|x| {
                    matches!(x[0], "i" | "we")
                        && matches!(x[1], "have" | "just" | "already")
                        && (x[2].ends_with("ed")
                            || matches!(
                                x[2],
                                "sent"
                                    | "done"
                                    | "made"
                                    | "put"
                                    | "set"
                                    | "reset"
                                    | "got"
                                    | "given"
                            ))
                })
            }
        })
    };
    for (i, s) in sentences.iter().enumerate() {
        if s.question
            && words(i).any(|w| w == "now")
            && !out.iter().any(|h| toks[h.m.first].sentence == i)
            && !severe_near(i)
            && acted(i)
        {
            let m = Match {
                first: s.first,
                end: s.end,
            };
            out.push(Hit {
                m,
                span: r.span(m),
                hedged: false,
                embedded: false,
            });
        }
    }
    out
}

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
    // "Yes, sir?", "Half-price sports?": a word or two with a question
    // mark asks them nothing about their problem.
    let fragment = |i: usize| {
        let s = &r.tokens.sentences[i];
        let words = &r.tokens.tokens[s.first..s.end];
        let w = |k: usize| words.get(k).map_or("", |t| t.norm.as_str());
        // "Would you like a coffee?", "Do you want me to resend it?": an offer.
        let offer = matches!(w(0), "would" | "do")
            && w(1) == "you"
            && matches!(w(2), "like" | "want" | "prefer" | "care");
        offer
            || words.len() <= 3
                && !words.iter().any(|t| {
                    matches!(
                        t.norm.as_str(),
                        "you"
                            | "your"
                            | "what"
                            | "which"
                            | "when"
                            | "where"
                            | "who"
                            | "how"
                            | "why"
                            | "is"
                            | "are"
                            | "do"
                            | "did"
                            | "can"
                            | "could"
                    )
                })
    };
    for (i, span) in r.question_sentences() {
        if flags.iter().any(|f| overlaps(f.span, span))
            || fragment(i)
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
