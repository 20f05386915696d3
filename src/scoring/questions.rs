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
    // "Why don't you take your business elsewhere?", "Don't you realise
    // how many people love it?", "Why would you leave us?": a challenge in
    // the form of a question, which asks for no information.
    let rhetorical = |i: usize| {
        let s = &r.tokens.sentences[i];
        let words = &r.tokens.tokens[s.first..s.end];
        let w = |k: usize| words.get(k).map_or("", |t| t.norm.as_str());
        const AUX: &[&str] = &[
            "do", "does", "did", "have", "has", "had", "are", "is", "were", "was", "can", "could",
            "would", "will", "should",
        ];
        let negative_ask = AUX.contains(&w(0)) && w(1) == "not" && w(2) == "you";
        // "Why are you cancelling?" asks; "why would you" and "why don't
        // you" challenge, unless they invite the customer to tell more
        // ("Why don't you tell me what happened").
        let invites =
            (2..6).any(|k| matches!(w(k), "tell" | "describe" | "explain" | "walk" | "share"));
        let why_you = w(0) == "why"
            && ((w(1) == "would" && w(2) == "you")
                || (AUX.contains(&w(1)) && w(2) == "not" && w(3) == "you"))
            && !invites;
        (negative_ask && !invites) || why_you
    };
    for (i, span) in r.question_sentences() {
        if flags.iter().any(|f| overlaps(f.span, span))
            || fragment(i)
            || rhetorical(i)
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

/// Commitments to a next contact: the follow-up lexicon, and by shape the
/// agent (or "we") with a future and a verb of getting in touch: "... and
/// will reply with a breakdown by 4pm", "I'll circle back after the fix",
/// "I can call you back tomorrow", "I'll forward your message so she can
/// return your call". The customer's own next step ("please call back") is
/// not the agent's commitment.
pub fn next_contacts(r: &Reply) -> Vec<Hit> {
    const CONTACT: &[&str] = &[
        "reply", "respond", "share", "send", "confirm", "call", "ring", "phone", "email", "text",
        "update", "notify", "contact", "message", "write", "forward", "pass", "circle", "report",
        "answer", "follow",
    ];
    let toks = &r.tokens.tokens;
    // "You'll have to call back", "Please call us back": their next step.
    let theirs = |h: &Hit| {
        let sentence = toks[h.m.first].sentence;
        let first = r.tokens.sentences[sentence].first;
        let before = &toks[first..h.m.first];
        let agent = before.iter().any(|t| matches!(t.norm.as_str(), "i" | "we"))
            || toks[h.m.first..h.m.end]
                .iter()
                .any(|t| matches!(t.norm.as_str(), "i" | "we"));
        let told = before.windows(2).any(|x| {
            x[0].norm == "you"
                && matches!(
                    x[1].norm.as_str(),
                    "will"
                        | "would"
                        | "have"
                        | "need"
                        | "can"
                        | "could"
                        | "should"
                        | "must"
                        | "may"
                )
        }) || before.first().is_some_and(|t| t.norm == "please");
        let acts = matches!(
            toks[h.m.first].norm.as_str(),
            "call"
                | "callback"
                | "ring"
                | "phone"
                | "contact"
                | "email"
                | "text"
                | "message"
                | "follow"
                | "reach"
        );
        told && acts && !agent
    };
    let mut out: Vec<Hit> = r
        .find(lx::follow_commit())
        .into_iter()
        .filter(|h| !theirs(h))
        .collect();
    for (k, t) in toks.iter().enumerate() {
        let future = matches!(t.norm.as_str(), "will" | "shall")
            || (t.norm == "going" && toks.get(k + 1).is_some_and(|n| n.norm == "to"))
            || (t.norm == "can" && toks.get(k.wrapping_sub(1)).is_some_and(|p| p.norm == "i"));
        if !future {
            continue;
        }
        // The subject: "I" or "we" earlier in the sentence, with no "you"
        // nearer to the verb.
        let sentence = t.sentence;
        let subject = toks[..k]
            .iter()
            .rev()
            .take_while(|p| p.sentence == sentence)
            .find(|p| {
                matches!(
                    p.norm.as_str(),
                    "i" | "we" | "you" | "they" | "he" | "she" | "it"
                )
            })
            .map(|p| p.norm.as_str());
        if !matches!(subject, Some("i" | "we")) {
            continue;
        }
        let Some(v) = (k + 1..toks.len().min(k + 4))
            .take_while(|&j| toks[j].sentence == sentence)
            .find(|&j| CONTACT.contains(&toks[j].norm.as_str()))
        else {
            continue;
        };
        // To them, or with something for them: "call you back", "reply with",
        // "send an update", "confirm by email".
        let to_them = toks[v + 1..toks.len().min(v + 4)]
            .iter()
            .take_while(|n| n.sentence == sentence)
            .any(|n| {
                matches!(
                    n.norm.as_str(),
                    "you"
                        | "back"
                        | "with"
                        | "by"
                        | "an"
                        | "a"
                        | "the"
                        | "your"
                        | "along"
                        | "message"
                )
            });
        // Sending or passing on is a contact when what goes is word, not goods:
        // "send you an update", "pass the message along"; "send it to you
        // tomorrow" may be the fix itself.
        let goods_verb = matches!(toks[v].norm.as_str(), "send" | "share" | "forward" | "pass");
        let word_sent = toks[v + 1..toks.len().min(v + 5)]
            .iter()
            .take_while(|n| n.sentence == sentence)
            .any(|n| {
                matches!(
                    n.norm.as_str(),
                    "update"
                        | "updates"
                        | "confirmation"
                        | "email"
                        | "summary"
                        | "details"
                        | "message"
                        | "note"
                        | "link"
                        | "answer"
                        | "information"
                        | "info"
                        | "breakdown"
                        | "workaround"
                        | "report"
                        | "status"
                        | "word"
                        | "text"
                        | "reply"
                )
            });
        let m = Match {
            first: k,
            end: v + 1,
        };
        if to_them && (!goods_verb || word_sent) && !out.iter().any(|h| overlaps(h.span, r.span(m)))
        {
            out.push(Hit {
                m,
                span: r.span(m),
                hedged: false,
                embedded: false,
            });
        }
    }
    out.sort_by_key(|h| h.span);
    out
}
