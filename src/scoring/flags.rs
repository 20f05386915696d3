//! Detecting the mistakes a reply makes, each with its span and severity.

use super::lexicon as lx;
use super::matching::{contains, overlaps, Reply};
use super::{Context, Flag, FlagId, Severity};
use crate::persona::Persona;
use crate::text::Span;

/// Every flagged mistake: once per kind and sentence, and never for words
/// already wholly inside another flag.
pub fn detect_flags(r: &Reply, ctx: &Context) -> Vec<Flag> {
    let handoff = super::transfer::transfer(r);
    let warm = handoff.is_some_and(|t| t.warm);
    let lists: [(FlagId, &[crate::text::Pattern]); 13] = [
        (FlagId::HangUp, lx::flag_hang_up()),
        (FlagId::Insult, lx::flag_insult()),
        (FlagId::CalmDown, lx::flag_calm_down()),
        (FlagId::Blame, lx::flag_blame()),
        (FlagId::NotMyJob, lx::flag_not_my_job()),
        (FlagId::PolicyShield, lx::flag_policy_shield()),
        (FlagId::Argue, lx::flag_argue()),
        (FlagId::NonApology, lx::flag_non_apology()),
        (FlagId::AdmitsLiability, lx::flag_liability()),
        (FlagId::Excuse, lx::flag_excuse()),
        (FlagId::ColdTransfer, lx::flag_cold_transfer()),
        (FlagId::SalesPitch, lx::flag_sales()),
        (FlagId::NegativeLanguage, lx::flag_negative()),
    ];
    let mut flags: Vec<Flag> = Vec::new();
    for (id, list) in lists {
        if (id == FlagId::ColdTransfer && warm)
            || (id == FlagId::AdmitsLiability && ctx.may_admit_fault)
        {
            continue;
        }
        for h in r.find(list) {
            let sentence = r.tokens.tokens[h.m.first].sentence;
            let same_sentence = |f: &Flag| {
                f.id == id
                    && r.tokens
                        .sentences
                        .get(sentence)
                        .is_some_and(|s| overlaps(s.span, f.span))
            };
            if flags
                .iter()
                .any(|f| contains(f.span, h.span) || same_sentence(f))
            {
                continue;
            }
            let mut severity = id.base_severity();
            if id == FlagId::SalesPitch && (ctx.customer_upset || ctx.persona == Persona::Irate) {
                severity = Severity::Severe;
            }
            flags.push(Flag {
                id,
                span: h.span,
                severity,
            });
        }
    }
    contradicts_the_customer(r, ctx, &mut flags);
    no_then_the_facts(r, &mut flags);
    pride_with_an_apology(r, &mut flags);
    someone_else_failed(r, &mut flags);
    someone_else_handles(r, &mut flags);
    blamed_on_circumstance(r, &mut flags);
    cause_put_elsewhere(r, &mut flags);
    remedies_are_not_sales(r, &mut flags);
    agreed_is_not_argued(r, &mut flags);
    numbers_after_a_fix(r, &mut flags);
    if let Some(t) = handoff.filter(|t| !t.warm) {
        if !flags.iter().any(|f| f.id == FlagId::ColdTransfer) {
            flags.push(Flag::at(FlagId::ColdTransfer, t.span));
        }
    }
    rude_by_shape(r, &mut flags);
    rules_are_rules(r, &mut flags);
    rule_as_refusal(r, &mut flags);
    policy_that_helps(r, &mut flags);
    owed_not_blamed(r, &mut flags);
    sent_elsewhere(r, &mut flags);
    owned_not_excused(r, &mut flags);
    turned_to_help(r, &mut flags);
    apologies_that_refuse(r, &mut flags);
    positive_alternatives(r, &mut flags);
    negation_that_is_not_negative(r, &mut flags);
    flags.sort_by_key(|f| f.span);
    flags
}

/// Sending the customer to someone else to act for themselves: "you'll
/// need to speak to the pharmacy", "disputes go to billing, not me",
/// "please email complaints@... and they'll deal with it", "the number for
/// the baggage desk is on your ticket, they can help". With a way to reach
/// them it is a cold transfer; without, "not my job". A number given in
/// case a fix fails ("if it isn't back by 3 pm, call ...") is follow-up.
fn sent_elsewhere(r: &Reply, flags: &mut Vec<Flag>) {
    const REACH: &[&str] = &[
        "call", "email", "ring", "phone", "contact", "speak", "talk", "write", "visit", "go",
        "reach", "message",
    ];
    let toks = &r.tokens.tokens;
    for s in &r.tokens.sentences {
        let words = &toks[s.first..s.end];
        let w = |i: usize| words.get(i).map_or("", |t| t.norm.as_str());
        if s.question
            || flags.iter().any(|f| {
                matches!(f.id, FlagId::ColdTransfer | FlagId::NotMyJob) && overlaps(f.span, s.span)
            })
            || words.iter().any(|t| {
                matches!(
                    t.norm.as_str(),
                    "if" | "case" | "unless" | "i" | "we" | "me"
                )
            }) && !words
                .windows(2)
                .any(|x| x[0].norm == "not" && matches!(x[1].norm.as_str(), "me" | "us"))
        {
            continue;
        }
        let opens = usize::from(w(0) == "please");
        // An order to reach someone else, or "you'll need to ...".
        // "Call me if ..." offers help; "Call us back tomorrow and ask for
        // the manager" hands the work back to them.
        let back_later = matches!(w(opens + 1), "us" | "back")
            && words.iter().any(|t| {
                matches!(
                    t.norm.as_str(),
                    "tomorrow" | "later" | "ask" | "monday" | "again"
                )
            });
        let told = (REACH.contains(&w(opens))
            && (back_later || !matches!(w(opens + 1), "me" | "us" | "back" | "on" | "ahead")))
            || (0..words.len()).any(|i| {
                w(i) == "you"
                    && matches!(w(i + 1), "will" | "would" | "must" | "need")
                    && (i + 2..i + 5)
                        .any(|j| REACH.contains(&w(j)) && !matches!(w(j + 1), "me" | "us" | "back"))
            });
        // "X goes to billing, not me"; "they can help" after a way to reach them.
        let not_me = words.windows(3).any(|x| {
            matches!(x[0].norm.as_str(), "go" | "goes" | "handled" | "dealt")
                && (x[1].norm == "to" || x[1].norm == "with" || x[1].norm == "by")
        }) && words
            .windows(2)
            .any(|x| x[0].norm == "not" && matches!(x[1].norm.as_str(), "me" | "us"));
        let means = r.text[s.span.start..s.span.end].contains('@')
            || words
                .iter()
                .any(|t| matches!(t.norm.as_str(), "number" | "website" | "address" | "line"));
        let they_help = words.windows(3).any(|x| {
            matches!(x[0].norm.as_str(), "they" | "he" | "she")
                && matches!(x[1].norm.as_str(), "can" | "will" | "should")
                && matches!(
                    x[2].norm.as_str(),
                    "help" | "deal" | "sort" | "handle" | "assist" | "fix"
                )
        });
        let id = if (told || they_help) && means {
            FlagId::ColdTransfer
        } else if told || not_me {
            FlagId::NotMyJob
        } else {
            continue;
        };
        flags.push(Flag::at(id, s.span));
    }
}

/// An excuse named in order to own it is not one: "That was our
/// contractor's mistake and I'm not going to hide behind it".
fn owned_not_excused(r: &Reply, flags: &mut Vec<Flag>) {
    let toks = &r.tokens.tokens;
    let owns = |span: Span| {
        let words: Vec<&str> = toks
            .iter()
            .filter(|t| r.tokens.sentences[t.sentence].span == span || overlaps(span, t.span))
            .map(|t| t.norm.as_str())
            .collect();
        // "Our staff should have told you": the company's failure, owned.
        let ours_should =
            words.first() == Some(&"our") && words.windows(2).any(|x| x == ["should", "have"]);
        // "it's mine to fix", "it's ours to put right".
        let ours_to_fix = words.windows(3).any(|x| {
            matches!(x[0], "mine" | "ours")
                && x[1] == "to"
                && (lx::is_act_word(x[2]) || matches!(x[2], "fix" | "put" | "sort" | "make"))
        });
        ours_should
            || ours_to_fix
            || words.windows(2).any(|x| {
                matches!(
                    (x[0], x[1]),
                    ("hide", "behind")
                        | ("no", "excuse")
                        | ("an", "excuse")
                        | ("our", "fault")
                        | ("on", "us")
                        | ("take", "responsibility")
                        | ("full", "responsibility")
                )
            })
    };
    // Owned in the sentence itself or the one after: "The courier was late.
    // That's no excuse for us."
    flags.retain(|f| {
        f.id != FlagId::Excuse || {
            let sentences = &r.tokens.sentences;
            let i = sentences.iter().position(|s| overlaps(s.span, f.span));
            !i.is_some_and(|i| {
                sentences[i..sentences.len().min(i + 2)]
                    .iter()
                    .any(|s| owns(s.span))
            })
        }
    });
}

/// The first word after `span`.
fn token_after(r: &Reply, span: Span) -> Option<usize> {
    r.tokens
        .tokens
        .iter()
        .position(|t| t.span.start >= span.end)
}

/// "Strictly it's not my department, but let me take care of it anyway":
/// what follows the "but" decides.
fn turned_to_help(r: &Reply, flags: &mut Vec<Flag>) {
    let toks = &r.tokens.tokens;
    flags.retain(|f| {
        if f.id != FlagId::NotMyJob {
            return true;
        }
        let Some(k) = token_after(r, f.span) else {
            return true;
        };
        let sentence = toks[k].sentence;
        let rest: Vec<&str> = toks[k..]
            .iter()
            .take_while(|t| t.sentence == sentence)
            .map(|t| t.norm.as_str())
            .collect();
        let Some(b) = rest
            .iter()
            .position(|w| matches!(*w, "but" | "however" | "though"))
        else {
            return true;
        };
        !rest[b + 1..].windows(2).any(|x| {
            matches!(
                (x[0], x[1]),
                ("let", "me") | ("i", "will") | ("i", "can") | ("i", "have") | ("i", "am")
            )
        })
    });
}

/// "That's not the experience you should have had", "you should have
/// been told": what they were owed, not what they did wrong.
fn owed_not_blamed(r: &Reply, flags: &mut Vec<Flag>) {
    let toks = &r.tokens.tokens;
    flags.retain(|f| {
        if f.id != FlagId::Blame {
            return true;
        }
        let Some(k) = token_after(r, f.span) else {
            return true;
        };
        let w = |i: usize| toks.get(i).map_or("", |t| t.norm.as_str());
        let ends_should_have = toks[..k].last().is_some_and(|t| t.norm == "have");
        !(ends_should_have
            && (matches!(
                w(k),
                "had"
                    | "got"
                    | "gotten"
                    | "received"
                    | "those"
                    | "them"
                    | "it"
                    | "this"
                    | "that"
                    | "your"
                    | "the"
                    | "a"
                    | "an"
            ) || (w(k) == "been"
                && matches!(
                    w(k + 1),
                    "told"
                        | "given"
                        | "sent"
                        | "offered"
                        | "informed"
                        | "notified"
                        | "contacted"
                        | "called"
                        | "warned"
                ))))
    });
}

/// Rudeness no word list names: swearing (also masked, "f***"), shouting
/// (four or more words in capitals), and questions that talk down
/// ("Haven't you seen the news?", "Don't you know how this works?").
fn rude_by_shape(r: &Reply, flags: &mut Vec<Flag>) {
    const SWEAR: &[&str] = &[
        "fuck", "shit", "crap", "damn", "bastard", "bitch", "arse", "asshole", "piss", "bollocks",
        "bloody",
    ];
    const KNOW: &[&str] = &[
        "see",
        "read",
        "know",
        "realise",
        "realize",
        "understand",
        "get",
        "listen",
        "hear",
        "remember",
        "notice",
        "think",
    ];
    let toks = &r.tokens.tokens;
    for s in &r.tokens.sentences {
        let insulted = flags
            .iter()
            .any(|f| f.id == FlagId::Insult && overlaps(f.span, s.span));
        let words = &toks[s.first..s.end];
        let w = |i: usize| words.get(i).map_or("", |t| t.norm.as_str());
        let raw = |t: &crate::text::Token| &r.text[t.span.start..t.span.end];
        let swears = words.iter().any(|t| {
            // A masked swear word, "f***", "s**t": letters, then stars.
            SWEAR.iter().any(|x| crate::text::has_prefix(&t.norm, x))
                || r.text[t.span.end..].starts_with("**")
                || raw(t).contains("**")
        });
        let mut run = 0;
        let mut long = false;
        let mut shouts = false;
        let mut last_start = usize::MAX;
        for t in words {
            // An expanded contraction ("I'M": "i", "am") is one word typed.
            if t.span.start == last_start {
                continue;
            }
            last_start = t.span.start;
            let x = raw(t);
            let letters = x.chars().filter(|c| c.is_alphabetic()).count();
            if letters >= 2 && x.chars().all(|c| !c.is_lowercase()) {
                run += 1;
                long |= letters >= 4;
                shouts |= run >= 4 && long;
            } else {
                run = 0;
                long = false;
            }
        }
        // "Haven't you seen ...?": an auxiliary, "not", "you", a verb of knowing.
        let opens = usize::from(matches!(
            w(0),
            "god" | "seriously" | "honestly" | "well" | "so" | "look"
        ));
        let talks_down = s.question
            && matches!(
                w(opens),
                "have" | "do" | "did" | "can" | "are" | "could" | "were"
            )
            && w(opens + 1) == "not"
            && w(opens + 2) == "you"
            && (opens + 3..opens + 5).any(|i| KNOW.contains(&w(i)));
        if !insulted && (swears || shouts || talks_down) {
            flags.push(Flag::at(FlagId::Insult, s.span));
        }
        // A flat contradiction with nothing to back it: "Yes you are.",
        // "Sure it is.", "No it didn't."
        let flat = words.len() <= 4
            && matches!(w(0), "yes" | "no" | "sure" | "oh")
            && matches!(
                w(1),
                "you" | "it" | "that" | "they" | "he" | "she" | "there"
            )
            && matches!(
                w(2),
                "are"
                    | "is"
                    | "was"
                    | "were"
                    | "did"
                    | "does"
                    | "do"
                    | "have"
                    | "has"
                    | "will"
                    | "can"
            )
            && (words.len() == 3 || w(3) == "not");
        if flat
            && !flags
                .iter()
                .any(|f| f.id == FlagId::Argue && overlaps(f.span, s.span))
        {
            flags.push(Flag::at(FlagId::Argue, s.span));
        }
    }
}

/// A rule as the whole answer: the policy, the terms or the rules as the
/// subject of a refusal ("Policy says no", "Our terms don't allow refunds
/// after 30 days", "Company rules, I'm afraid"). A rule explained next to
/// what the agent can do is not a shield (see `positive_alternatives`).
fn rule_as_refusal(r: &Reply, flags: &mut Vec<Flag>) {
    let toks = &r.tokens.tokens;
    for s in &r.tokens.sentences {
        if s.question
            || flags
                .iter()
                .any(|f| f.id == FlagId::PolicyShield && overlaps(f.span, s.span))
        {
            continue;
        }
        let words = &toks[s.first..s.end];
        let Some(k) = words.iter().position(|t| {
            matches!(
                t.norm.as_str(),
                "policy"
                    | "policies"
                    | "rules"
                    | "rule"
                    | "terms"
                    | "conditions"
                    | "regulations"
                    | "procedure"
                    | "procedures"
                    | "guidelines"
            )
        }) else {
            continue;
        };
        // The rule as the reason for no, on either side of it: "Our
        // guidelines don't allow it", "We're not allowed to, it's the
        // rules", "It's against regulations", "Rules apply to everyone",
        // "Our guidelines are very clear on this".
        let cue = |t: &crate::text::Token| {
            lx::NEGATORS.contains(&t.norm.as_str())
                || matches!(
                    t.norm.as_str(),
                    "afraid"
                        | "forbid"
                        | "forbids"
                        | "prohibit"
                        | "prohibits"
                        | "against"
                        | "strict"
                        | "clear"
                )
        };
        let clause = words[k].clause;
        let refuses = words[k + 1..].iter().take(5).any(cue)
            || (k < 4 && words[..k].iter().any(|t| t.norm == "against"))
            || (k >= 2 && words[..k].iter().any(|t| t.clause != clause && cue(t)))
            || words[k + 1..]
                .iter()
                .take(3)
                .any(|t| matches!(t.norm.as_str(), "apply" | "applies"))
                && words
                    .iter()
                    .any(|t| matches!(t.norm.as_str(), "everyone" | "everybody" | "all"));
        let offers = words
            .iter()
            .any(|t| matches!(t.norm.as_str(), "but" | "however"))
            && words
                .windows(2)
                .any(|x| x[0].norm == "i" && matches!(x[1].norm.as_str(), "can" | "will" | "have"));
        if refuses && !offers {
            flags.push(Flag::at(FlagId::PolicyShield, s.span));
        }
    }
}

/// A policy named to help is not a shield: "Our policy is to refund within
/// 5 days", "Our policy doesn't cover this, but I can refund it as a
/// goodwill gesture".
fn policy_that_helps(r: &Reply, flags: &mut Vec<Flag>) {
    let toks = &r.tokens.tokens;
    flags.retain(|f| {
        if f.id != FlagId::PolicyShield {
            return true;
        }
        let Some(s) = r.tokens.sentences.iter().find(|s| overlaps(s.span, f.span)) else {
            return true;
        };
        let words = &toks[s.first..s.end];
        let turned_to_offer = words
            .iter()
            .any(|t| matches!(t.norm.as_str(), "but" | "however"))
            && words
                .windows(2)
                .any(|x| x[0].norm == "i" && matches!(x[1].norm.as_str(), "can" | "will" | "have"));
        let refusing = words.iter().any(|t| {
            lx::NEGATORS.contains(&t.norm.as_str())
                || matches!(
                    t.norm.as_str(),
                    "only" | "afraid" | "unfortunately" | "unable" | "cannot" | "just"
                )
        });
        let grants = words
            .windows(2)
            .any(|x| x[0].norm == "to" && lx::is_act_word(&x[1].norm));
        !(turned_to_offer || (grants && !refusing))
    });
}

/// A rule given as its own reason, "rules are rules", "the fare rules are
/// the fare rules", "policy is policy": a policy shield by its shape.
fn rules_are_rules(r: &Reply, flags: &mut Vec<Flag>) {
    let toks = &r.tokens.tokens;
    let article = |w: &str| matches!(w, "the" | "a" | "an");
    for (i, t) in toks.iter().enumerate() {
        if !matches!(t.norm.as_str(), "is" | "are") {
            continue;
        }
        let in_clause = |u: &&crate::text::Token| u.clause == t.clause && u.sentence == t.sentence;
        let right: Vec<&crate::text::Token> = toks[i + 1..]
            .iter()
            .take_while(in_clause)
            .filter(|u| !article(&u.norm))
            .collect();
        let left: Vec<&crate::text::Token> = toks[..i]
            .iter()
            .rev()
            .take_while(in_clause)
            .filter(|u| !article(&u.norm))
            .take(right.len())
            .collect();
        let same = !right.is_empty()
            && right.len() <= 3
            && left.len() == right.len()
            && left.iter().rev().zip(&right).all(|(a, b)| a.norm == b.norm)
            && !matches!(
                right[0].norm.as_str(),
                "it" | "that" | "this" | "what" | "you" | "they"
            );
        if same {
            let span = crate::text::Span {
                start: left[left.len() - 1].span.start,
                end: right[right.len() - 1].span.end,
            };
            if !flags
                .iter()
                .any(|f| f.id == FlagId::PolicyShield && overlaps(f.span, span))
            {
                flags.push(Flag::at(FlagId::PolicyShield, span));
            }
        }
    }
}

/// An apology that only prefaces a refusal is a non-apology: "I'm sorry, but
/// we can't do that", "I'm sorry sir, it's company policy."
fn apologies_that_refuse(r: &Reply, flags: &mut Vec<Flag>) {
    let refusing = [FlagId::PolicyShield, FlagId::NotMyJob, FlagId::Blame];
    for h in r.find(lx::empathy_weak()) {
        let sentence = r.tokens.tokens[h.m.first].sentence;
        let refusal_in_sentence = flags.iter().any(|f| {
            refusing.contains(&f.id)
                && f.span.start >= h.span.end
                && r.tokens.sentences[sentence].span.end >= f.span.end
        });
        let already = flags
            .iter()
            .any(|f| f.id == FlagId::NonApology && overlaps(f.span, h.span));
        if !already && (refusal_in_sentence || r.refused_after(h.m) || prefaces_refusal(r, h.m)) {
            flags.push(Flag::at(FlagId::NonApology, h.span));
        }
    }
}

/// "I can't refund $150, but I can refund $60": a refusal in the same
/// sentence as a concrete offer is framed positively enough.
fn positive_alternatives(r: &Reply, flags: &mut Vec<Flag>) {
    let offers: Vec<usize> = r
        .find(lx::resolve_own())
        .into_iter()
        .chain(r.find(lx::resolve_team()))
        .filter(|h| !h.hedged)
        .map(|h| r.tokens.tokens[h.m.first].sentence)
        .collect();
    flags.retain(|f| {
        f.id != FlagId::NegativeLanguage
            || !r
                .tokens
                .tokens
                .iter()
                .find(|t| t.span.start >= f.span.start)
                .is_some_and(|t| offers.contains(&t.sentence))
    });
}

/// Negative framing is about what the agent will not do. A negator in a
/// friendly idiom ("no problem", "no need to apologise", "I can't thank you
/// enough") or in an apology that names the customer's trouble ("I'm sorry
/// you waited with no update") is not it.
fn negation_that_is_not_negative(r: &Reply, flags: &mut Vec<Flag>) {
    let toks = &r.tokens.tokens;
    flags.retain(|f| {
        if f.id != FlagId::NegativeLanguage {
            return true;
        }
        let Some(at) = toks.iter().position(|t| t.span.start >= f.span.start) else {
            return true;
        };
        let sentence = &r.tokens.sentences[toks[at].sentence];
        let apologising = toks[sentence.first..at].iter().any(|t| {
            matches!(
                t.norm.as_str(),
                "sorry" | "apologise" | "apologize" | "apologies" | "regret"
            )
        }) && !toks[sentence.first..sentence.end].iter().any(|t| {
            matches!(
                t.norm.as_str(),
                "but" | "however" | "unfortunately" | "afraid" | "can" | "unable" | "only"
            )
        });
        let idiom = toks[at..sentence.end].windows(2).any(|w| {
            matches!(
                (w[0].norm.as_str(), w[1].norm.as_str()),
                (
                    "no",
                    "problem" | "worries" | "need" | "trouble" | "apology" | "bother"
                ) | ("not", "a_problem")
                    | ("thank", "you")
            )
        }) && toks[at..sentence.end].len() <= 8;
        !(apologising || idiom)
    });
}

/// "Free upgrade to a mid-size, bay 4, ready now" is a remedy: an offer that
/// costs the customer nothing and names no price is not a sale.
fn remedies_are_not_sales(r: &Reply, flags: &mut Vec<Flag>) {
    let free: Vec<usize> = r
        .find(lx::free_remedy())
        .iter()
        .map(|h| r.tokens.tokens[h.m.first].sentence)
        .collect();
    let priced = |sentence: usize| {
        r.tokens
            .tokens
            .iter()
            .any(|t| t.sentence == sentence && t.norm.starts_with(|c: char| c.is_ascii_digit()))
            && r.tokens.tokens.iter().any(|t| {
                t.sentence == sentence && matches!(t.norm.as_str(), "month" | "year" | "week")
            })
    };
    flags.retain(|f| {
        if f.id != FlagId::SalesPitch {
            return true;
        }
        let sentence = sentence_at(r, f.span.start);
        !free.contains(&sentence) || priced(sentence)
    });
}

/// Denying what the customer just said, in their own words: they wrote "the
/// parcel is lost", the reply says "it is not lost"; they wrote "you put
/// bookmarks in my browser", the reply says "we didn't put any bookmarks".
/// A negator followed closely by a word of theirs that they said without
/// one is a contradiction, unless the sentence apologises or sympathises.
fn contradicts_the_customer(r: &Reply, ctx: &Context, flags: &mut Vec<Flag>) {
    if ctx.customer_last.is_empty() || flags.iter().any(|f| f.id == FlagId::Argue) {
        return;
    }
    let toks = &r.tokens.tokens;
    // A denial of fact ("it is not lost", "we did not put"), not a refusal
    // ("we do not give refunds") or a promise ("it will not").
    let denials: Vec<usize> = (1..toks.len())
        .filter(|&i| {
            matches!(toks[i].norm.as_str(), "not" | "never")
                && matches!(
                    toks[i - 1].norm.as_str(),
                    "is" | "was" | "are" | "were" | "did" | "has" | "have" | "had"
                )
        })
        .collect();
    if denials.is_empty() {
        return;
    }
    // Only now is the customer's message worth reading.
    let theirs = crate::text::tokenize(ctx.customer_last);
    let asserted = |st: &str| {
        theirs.tokens.iter().enumerate().any(|(k, t)| {
            super::reflect::stem(&t.norm) == Some(st)
                && !theirs.tokens[k.saturating_sub(3)..k]
                    .iter()
                    .any(|b| b.clause == t.clause && lx::NEGATORS.contains(&b.norm.as_str()))
        })
    };
    for i in denials {
        let t = &toks[i];
        let sentence = &r.tokens.sentences[t.sentence];
        let softened = toks[sentence.first..sentence.end].iter().any(|w| {
            matches!(
                w.norm.as_str(),
                "sorry"
                    | "apologise"
                    | "apologize"
                    | "apologies"
                    | "understand"
                    | "afraid"
                    | "unfortunately"
            )
        });
        if softened || sentence.question {
            continue;
        }
        let denied = toks[i + 1..]
            .iter()
            .take(5)
            .take_while(|w| w.clause == t.clause)
            .find(|w| super::reflect::stem(&w.norm).is_some_and(asserted));
        if let Some(w) = denied {
            flags.push(Flag::at(
                FlagId::Argue,
                crate::text::Span::new(t.span.start, w.span.end),
            ));
            return;
        }
    }
}

/// "Not my job" by its shape: the work named as someone else's, with no
/// offer to hand it over. "Billing handles that", "the warehouse deals
/// with returns", "that's for the accounts team to sort out", "it's down to
/// the courier".
fn someone_else_handles(r: &Reply, flags: &mut Vec<Flag>) {
    const HANDLES: &[&str] = &[
        "handles",
        "handle",
        "deals",
        "deal",
        "manages",
        "covers",
        "sorts",
        "processes",
    ];
    const UNITS: &[&str] = &[
        "billing",
        "accounts",
        "sales",
        "support",
        "returns",
        "shipping",
        "dispatch",
        "team",
        "department",
        "desk",
        "office",
        "tech",
        "finance",
        "claims",
        "payroll",
    ];
    let toks = &r.tokens.tokens;
    for s in &r.tokens.sentences {
        if s.question
            || flags.iter().any(|f| {
                matches!(f.id, FlagId::NotMyJob | FlagId::ColdTransfer) && overlaps(f.span, s.span)
            })
        {
            continue;
        }
        let words = &toks[s.first..s.end];
        // Only a sentence with a verb of handling or "for"/"down to" can say so.
        if !words.iter().any(|t| {
            matches!(
                t.norm.as_str(),
                "handles"
                    | "handle"
                    | "deals"
                    | "deal"
                    | "manages"
                    | "covers"
                    | "sorts"
                    | "processes"
                    | "takes"
                    | "looks"
                    | "responsible"
                    | "for"
                    | "down"
            )
        }) {
            continue;
        }
        let w = |i: usize| words.get(i).map_or("", |t| t.norm.as_str());
        let other = |i: usize| {
            let x = w(i);
            UNITS.contains(&x) || is_third_party_noun(x) || lx::is_role(x)
        };
        // The agent hands it over or acts: a transfer, judged elsewhere.
        let agent_acts = (0..words.len()).any(|i| {
            matches!(w(i), "i" | "we" | "let")
                && matches!(
                    w(i + 1),
                    "will" | "can" | "am" | "me" | "have" | "would" | "shall"
                )
                && !matches!(w(i + 2), "not")
        });
        if agent_acts {
            continue;
        }
        let handled = (0..words.len().min(5)).any(|i| {
            other(i)
                && w(i + 1) != "not"
                && (HANDLES.contains(&w(i + 1))
                    || (w(i + 1) == "takes" && w(i + 2) == "care")
                    || (w(i + 1) == "looks" && w(i + 2) == "after")
                    || (w(i + 1) == "is" && w(i + 2) == "responsible"))
        });
        // "That's for the accounts team to sort out", "it's down to the courier".
        let theirs = (0..words.len()).any(|i| {
            (w(i) == "for" || (w(i) == "down" && w(i + 1) == "to"))
                && (i + 1..words.len().min(i + 5)).any(other)
                && (w(i) == "down" || (i + 2..words.len().min(i + 7)).any(|j| w(j) == "to"))
        });
        if handled || theirs {
            flags.push(Flag::at(FlagId::NotMyJob, s.span));
        }
    }
}

/// An excuse by its shape: someone or something other than the agent (the
/// system, a carrier, the kitchen, a colleague, another department) as the
/// subject of a failure: "Our system can't do that", "the courier lost it",
/// "James was supposed to shovel", "the server farm misconfigured a block".
fn someone_else_failed(r: &Reply, flags: &mut Vec<Flag>) {
    const OTHERS: &[&str] = &[
        "system",
        "systems",
        "computer",
        "computers",
        "server",
        "servers",
        "network",
        "software",
        "platform",
        "app",
        "website",
        "site",
        "carrier",
        "courier",
        "couriers",
        "supplier",
        "suppliers",
        "manufacturer",
        "warehouse",
        "kitchen",
        "chef",
        "cook",
        "staff",
        "colleague",
        "colleagues",
        "coworker",
        "department",
        "team",
        "partner",
        "partners",
        "vendor",
        "contractor",
        "driver",
        "drivers",
        "technician",
        "engineer",
        "representative",
        "someone",
        "somebody",
        "farm",
        "provider",
        "airline",
        "everyone",
        "everybody",
    ];
    const FAILED: &[&str] = &[
        "not",
        "never",
        "failed",
        "forgot",
        "lost",
        "misplaced",
        "delayed",
        "broke",
        "broken",
        "down",
        "slow",
        "crashed",
        "misconfigured",
        "messed",
        "missed",
        "supposed",
        "busy",
        "mistake",
        "error",
        "wrong",
        "overloaded",
        "behind",
        "short",
        "outage",
        "problems",
        "issues",
        "trouble",
        "tied",
        "held",
        "stuck",
        "sick",
    ];
    // A failure by its verb, in any of its forms: "the app keeps
    // crashing", "the courier mixed up the parcels".
    const FAILING: &[&str] = &[
        "crash", "glitch", "messed", "screwed", "mixed", "misplac", "mislabel", "misrout",
        "misread", "overbook", "forgot", "forget", "fail", "dropped", "broke",
    ];
    if flags.iter().any(|f| f.id == FlagId::Excuse) {
        return;
    }
    let toks = &r.tokens.tokens;
    for s in &r.tokens.sentences {
        let words = &toks[s.first..s.end];
        if s.question {
            continue;
        }
        // Where a clause's subject can stand: the sentence's start, after a
        // comma or dash, or after a joining word ("..., so the driver never
        // came", "sorry, as the doctors got tied up").
        let starts = (0..words.len()).filter(|&p| {
            p == 0
                || words[p].clause != words[p - 1].clause
                || matches!(
                    words[p - 1].norm.as_str(),
                    "so" | "and" | "but" | "because" | "as" | "since" | "when" | "while"
                )
        });
        // A person named by name mid-sentence: "James was supposed to".
        let named = |i: usize| {
            i > 0
                && words[i].norm != "i"
                && words[i].norm.chars().all(|c| c.is_ascii_alphabetic())
                && r.text[words[i].span.start..]
                    .chars()
                    .next()
                    .is_some_and(char::is_uppercase)
                && words.get(i + 1).is_some_and(|t| {
                    matches!(
                        t.norm.as_str(),
                        "was" | "is" | "has" | "had" | "did" | "forgot" | "never"
                    )
                })
        };
        let subject_at = |p: usize| {
            (p..words.len().min(p + 4))
                .take_while(|&i| words[i].clause == words[p].clause)
                .take_while(|&i| !matches!(words[i].norm.as_str(), "i" | "we" | "you" | "your"))
                .find(|&i| {
                    let w = words[i].norm.as_str();
                    OTHERS.contains(&w)
                        || is_third_party_noun(w)
                        || lx::is_role(w)
                        || (i == p && matches!(w, "he" | "she"))
                        || named(i)
                })
        };
        let Some(k) = starts.into_iter().find_map(subject_at) else {
            continue;
        };
        let after: Vec<&str> = words[k + 1..]
            .iter()
            .take(8)
            .take_while(|t| t.clause == words[k].clause)
            .map(|t| t.norm.as_str())
            .collect();
        // "Everyone's off over Christmas", "the team is away": nobody there to do it.
        let absent = matches!(after.first(), Some(&("is" | "are" | "was" | "were")))
            && matches!(
                after.get(1),
                Some(&("off" | "away" | "out" | "sick" | "on"))
            )
            && !(after.get(1) == Some(&"on")
                && matches!(after.get(2), Some(&("it" | "the" | "your" | "this"))));
        // Someone named only by role, pronoun or name must have done
        // something wrong, not just be away or bound by a rule ("he's in a
        // meeting", "the doctor can't see you without the form").
        let listed = OTHERS.contains(&words[k].norm.as_str());
        let denied = after.iter().any(|w| matches!(*w, "anything" | "nothing"));
        let failing = |w: &str| FAILING.iter().any(|f| crate::text::has_prefix(w, f));
        // "acting up", "playing up": misbehaving.
        let misbehaving = after
            .windows(2)
            .any(|x| matches!(x, ["acting" | "playing", "up"]));
        // "The technician will replace the broken part": a plan, not a failure.
        let plans = matches!(
            after.first(),
            Some(&("will" | "shall" | "can" | "could" | "would"))
        ) && !matches!(after.get(1), Some(&("not" | "never")));
        let failed = !denied
            && !plans
            && if listed {
                absent || misbehaving || after.iter().any(|w| FAILED.contains(w) || failing(w))
            } else {
                after.iter().any(|w| {
                    (FAILED.contains(w) || FAILING.iter().any(|f| crate::text::has_prefix(w, f)))
                        && !matches!(*w, "not" | "never" | "busy" | "down" | "short" | "behind")
                }) || after.windows(2).any(|x| {
                    // A thing they failed to do: "hasn't sent", "never came".
                    matches!(
                        x,
                        ["has" | "have" | "had" | "did", "not"]
                            | [
                                "never",
                                "showed"
                                    | "came"
                                    | "arrived"
                                    | "turned"
                                    | "passed"
                                    | "sent"
                                    | "called"
                                    | "replied"
                                    | "got"
                                    | "told"
                                    | "updated"
                            ]
                    )
                })
            };
        if failed {
            flags.push(Flag::at(FlagId::Excuse, s.span));
            return;
        }
    }
}

/// A reason that puts the failure on circumstances or someone else:
/// "because of the snow", "due to high demand", "since the update went
/// out", "as our supplier was late". The agent's own reason ("because I
/// want to get it right") is not an excuse.
fn blamed_on_circumstance(r: &Reply, flags: &mut Vec<Flag>) {
    const CAUSES: &[&str] = &[
        "weather",
        "snow",
        "storm",
        "storms",
        "traffic",
        "holiday",
        "holidays",
        "season",
        "volume",
        "volumes",
        "demand",
        "strike",
        "strikes",
        "outage",
        "migration",
        "update",
        "upgrade",
        "backlog",
        "shortage",
        "shortages",
        "staffing",
        "system",
        "systems",
        "supplier",
        "suppliers",
        "courier",
        "carrier",
        "warehouse",
        "computer",
        "network",
        "busy",
        "workload",
        "policy",
        "management",
        "covid",
        "pandemic",
        "christmas",
    ];
    let toks = &r.tokens.tokens;
    for s in &r.tokens.sentences {
        if flags
            .iter()
            .any(|f| f.id == FlagId::Excuse && overlaps(f.span, s.span))
        {
            continue;
        }
        let words = &toks[s.first..s.end];
        let w = |i: usize| words.get(i).map_or("", |t| t.norm.as_str());
        let Some(k) = (0..words.len()).find(|&i| {
            matches!(w(i), "because" | "since")
                || (w(i) == "due" && w(i + 1) == "to")
                || (w(i) == "owing" && w(i + 1) == "to")
        }) else {
            continue;
        };
        // The agent's own reason, or a reason owned, is no excuse.
        let mine = matches!(w(k + 1), "i" | "we" | "you")
            && !matches!(w(k + 2), "are" | "were" | "have" | "had")
            // "your airports are closed because of snow": their situation.
            || (0..k).any(|i| matches!(w(i), "you" | "your"));
        let owned = words.windows(2).any(|x| {
            matches!(
                (x[0].norm.as_str(), x[1].norm.as_str()),
                ("our", "fault")
                    | ("my", "fault")
                    | ("our", "mistake")
                    | ("my", "mistake")
                    | ("no", "excuse")
            )
        });
        let cause = (k + 1..words.len().min(k + 7)).any(|i| CAUSES.contains(&w(i)));
        // "..., due to the storm, we didn't get it to you": the failure owned.
        let we_failed = (k + 1..words.len()).any(|i| {
            matches!(w(i), "we" | "i")
                && (matches!(w(i + 1), "failed" | "missed")
                    || (matches!(w(i + 1), "did" | "could" | "were") && w(i + 2) == "not"))
        });
        if cause && !mine && !owned && !we_failed && !s.question {
            flags.push(Flag::at(FlagId::Excuse, s.span));
        }
    }
}

/// A sentence that opens with a bare "No" and goes on to state the facts
/// the agent's way contradicts the customer: "No, the item was in stock when
/// you ordered", "No, it was there when we checked". A "no" that reassures
/// or answers ("No, you don't need to do anything", "No, there's no charge",
/// "No problem") is not arguing.
fn no_then_the_facts(r: &Reply, flags: &mut Vec<Flag>) {
    const REASSURE: &[&str] = &[
        "need",
        "needs",
        "problem",
        "problems",
        "worry",
        "worries",
        "charge",
        "cost",
        "fee",
        "trouble",
        "rush",
        "hurry",
        "obligation",
        "thank",
        "thanks",
        "sorry",
        "apologise",
        "apologize",
        "apologies",
        "fault",
        "blame",
        "shame",
    ];
    let toks = &r.tokens.tokens;
    for s in &r.tokens.sentences {
        let words = &toks[s.first..s.end];
        let w = |i: usize| words.get(i).map_or("", |t| t.norm.as_str());
        if w(0) != "no" || words.len() < 4 || s.question {
            continue;
        }
        // The statement after the "no": a subject, then a verb of being or doing.
        let subject = matches!(
            w(1),
            "it" | "that" | "this" | "the" | "they" | "he" | "she" | "we"
        );
        let stated = (2..words.len().min(6)).any(|i| {
            matches!(
                w(i),
                "is" | "was" | "were" | "are" | "did" | "does" | "has" | "had"
            )
        });
        let reassures = words.iter().any(|t| REASSURE.contains(&t.norm.as_str()));
        let already = flags
            .iter()
            .any(|f| f.id == FlagId::Argue && overlaps(f.span, s.span));
        if subject && stated && !reassures && !already {
            flags.push(Flag::at(FlagId::Argue, s.span));
        }
    }
}

/// Pride in the service beside an apology for falling short of it concedes
/// the failure ("We pride ourselves on error-free copies and we are terribly
/// sorry"); on its own it defends the company against the customer ("We
/// pride ourselves on our service and would never do that").
fn pride_with_an_apology(r: &Reply, flags: &mut Vec<Flag>) {
    let toks = &r.tokens.tokens;
    flags.retain(|f| {
        if f.id != FlagId::Argue {
            return true;
        }
        let in_sentence: Vec<&str> = toks
            .iter()
            .filter(|t| overlaps(r.tokens.sentences[t.sentence].span, f.span))
            .map(|t| t.norm.as_str())
            .collect();
        let pride = in_sentence.contains(&"pride");
        let apology = in_sentence
            .iter()
            .any(|w| *w == "sorry" || w.starts_with("apolog"));
        !(pride && apology)
    });
}

/// An apology whose very next words, after at most a form of address, are
/// a refusal or an order: "I'm sorry, ma'am, we can't refund this item",
/// "I'm sorry. You'll have to sit somewhere else", "I'm so sorry that we
/// cannot honor your request". It only prefaces the no. "I'm sorry, you'll
/// need to restart it" gives a step; "I'm sorry, I can't
/// believe that happened" reacts to their story, and "I'm sorry, you should
/// never have been charged" takes their side.
fn prefaces_refusal(r: &Reply, m: crate::text::Match) -> bool {
    let toks = &r.tokens.tokens;
    let w = |k: usize| toks.get(k).map_or("", |t| t.norm.as_str());
    let mut k = m.end;
    let mut skipped = 0;
    while skipped < 3
        && matches!(
            w(k),
            "sir"
                | "madam"
                | "ma"
                | "am"
                | "ma'am"
                | "maam"
                | "miss"
                | "mr"
                | "mrs"
                | "ms"
                | "that"
                | "dear"
        )
    {
        k += 1;
        skipped += 1;
    }
    // At most one sentence on.
    if toks
        .get(k)
        .is_none_or(|t| t.sentence > toks[m.first].sentence + 1)
    {
        return false;
    }
    let refuses = matches!(w(k), "i" | "we")
        && (matches!((w(k + 1), w(k + 2)), ("can" | "will", "not"))
            && !matches!(w(k + 3), "believe" | "imagine" | "thank" | "tell" | "wait")
            || matches!((w(k + 1), w(k + 2)), ("do", "not"))
                && matches!(
                    w(k + 3),
                    "offer"
                        | "accept"
                        | "give"
                        | "allow"
                        | "do"
                        | "refund"
                        | "take"
                        | "provide"
                        | "sell"
                        | "permit"
                        | "issue"
                )
            || matches!(
                (w(k + 1), w(k + 2), w(k + 3)),
                ("are" | "am", "not", "able")
            )
            || matches!((w(k + 1), w(k + 2)), ("have", "to"))
            || matches!(
                (w(k + 1), w(k + 2), w(k + 3)),
                ("am" | "are", "going", "to") if w(k + 4) == "have"
            ));
    // "You'll have to stand in line": the burden put on them. "You'll need
    // to restart the router" is a step to follow, not a refusal.
    let orders = matches!(w(k), "you" | "they")
        && matches!(
            (w(k + 1), w(k + 2), w(k + 3)),
            ("will" | "would", "have", "to")
        );
    refuses || orders
}

/// Words that say something went wrong: the failure an excuse explains.
fn is_failure_word(w: &str) -> bool {
    const WORDS: &[&str] = &[
        "late",
        "later",
        "lost",
        "not",
        "never",
        "nothing",
        "unable",
        "slow",
        "slower",
        "behind",
        "stuck",
        "held",
        "tied",
        "missed",
        "missing",
        "wrong",
        "error",
        "mistake",
        "problem",
        "problems",
        "issue",
        "issues",
        "trouble",
        "twice",
        "failed",
        "forgot",
        "broke",
        "broken",
        "down",
        "outage",
        "closed",
        "shut",
        "cancelled",
        "canceled",
        "postponed",
        "waiting",
        "wait",
        "overcharged",
        "mixed",
        "damaged",
    ];
    WORDS.contains(&w) || w.starts_with("delay")
}

/// Someone or something that is neither the agent nor the customer, able to
/// fail: people, teams, firms, machines. With "the", "our", "their" or "one
/// of our" before it, or on its own ("he", "someone").
fn is_third_party_noun(w: &str) -> bool {
    const NOUNS: &[&str] = &[
        "system",
        "systems",
        "computer",
        "computers",
        "server",
        "servers",
        "network",
        "software",
        "platform",
        "website",
        "site",
        "printer",
        "machine",
        "equipment",
        "provider",
        "processor",
        "carrier",
        "courier",
        "couriers",
        "supplier",
        "suppliers",
        "manufacturer",
        "factory",
        "warehouse",
        "depot",
        "kitchen",
        "chef",
        "cook",
        "staff",
        "colleague",
        "colleagues",
        "coworker",
        "department",
        "team",
        "office",
        "partner",
        "partners",
        "vendor",
        "contractor",
        "contractors",
        "driver",
        "drivers",
        "technician",
        "engineer",
        "engineers",
        "representative",
        "rep",
        "agent",
        "receptionist",
        "employee",
        "employees",
        "people",
        "person",
        "doctor",
        "doctors",
        "nurse",
        "nurses",
        "lab",
        "store",
        "branch",
        "bank",
        "company",
        "firm",
        "airline",
        "hotel",
        "accounts",
        "housekeeping",
        "wholesaler",
        "distributor",
        "builders",
        "crew",
    ];
    NOUNS.contains(&w)
}

/// An excuse by the shape of a reason, whatever the cause is called: a
/// failure explained by a cause that is neither the agent nor the customer.
/// "It was delayed due to a fault at the depot", "the delay was caused by the
/// shipping company", "it's late because the engineer was stuck on another
/// job", "sorry, as the doctors got tied up". The failure must be said
/// outside the reason: "because of the delay, I've refunded your fee" gives a
/// reason for a fix, not an excuse; a reason that is the customer's ("your
/// flight was cancelled because of the storm") or owned ("due to my error")
/// is none either.
fn cause_put_elsewhere(r: &Reply, flags: &mut Vec<Flag>) {
    let toks = &r.tokens.tokens;
    for s in &r.tokens.sentences {
        if s.question
            || flags
                .iter()
                .any(|f| f.id == FlagId::Excuse && overlaps(f.span, s.span))
        {
            continue;
        }
        let words = &toks[s.first..s.end];
        let w = |i: usize| words.get(i).map_or("", |t| t.norm.as_str());
        let n = words.len();
        let mut found = None;
        for k in 0..n {
            // A reason given as a phrase: "due to X", "because of X",
            // "caused by X", "owing to X", "as a result of X".
            let phrase = match (w(k), w(k + 1)) {
                ("due" | "owing", "to") => Some(k + 2),
                ("because", "of") => Some(k + 2),
                ("caused", "by") => Some(k + 2),
                ("result", "of") if w(k.wrapping_sub(1)) == "a" => Some(k + 2),
                _ => None,
            };
            // A reason given as a clause whose subject is someone else:
            // "because the engineer was stuck", "as he got tied up".
            let clause = matches!(w(k), "because" | "as" | "since") && w(k + 1) != "of";
            let start = match (phrase, clause) {
                (Some(p), _) => p,
                (None, true) => k + 1,
                _ => continue,
            };
            // "Due to arrive Friday", "due to be sent": a schedule.
            if w(k) == "due"
                && matches!(
                    w(start),
                    "be" | "arrive"
                        | "ship"
                        | "leave"
                        | "go"
                        | "start"
                        | "expire"
                        | "renew"
                        | "land"
                        | "depart"
                        | "open"
                        | "close"
                        | "come"
                        | "finish"
                        | "end"
                        | "reach"
                        | "run"
                        | "take"
                        | "get"
                        | "you"
                        | "us"
                        | "me"
                )
            {
                continue;
            }
            let clause_no = words[k].clause;
            let cause: Vec<&str> = words[start.min(n)..]
                .iter()
                .take(7)
                .take_while(|t| t.clause == clause_no)
                .map(|t| t.norm.as_str())
                .collect();
            if cause.is_empty() {
                continue;
            }
            // The customer's circumstance, the agent's own reason or an owned one.
            let theirs_or_mine = cause.iter().any(|c| {
                matches!(
                    *c,
                    "you" | "your" | "yours" | "i" | "my" | "me" | "we" | "us"
                )
            }) || (0..k).any(|i| matches!(w(i), "you" | "your"))
                || cause.windows(2).any(|x| {
                    x[0] == "our" && matches!(x[1], "mistake" | "error" | "oversight" | "fault")
                });
            if theirs_or_mine {
                continue;
            }
            // A reason phrase must name someone or something in the chain
            // of service ("due to problems on their end", "caused by the
            // shipping company", "due to staffing"); a mechanical fault or a
            // security alert is the situation, not an excuse.
            let agent = cause.iter().any(|c| {
                is_third_party_noun(c)
                    || matches!(
                        *c,
                        "their"
                            | "staff"
                            | "staffing"
                            | "construction"
                            | "shortage"
                            | "backlog"
                            | "demand"
                            | "volume"
                            | "volumes"
                            | "migration"
                            | "glitch"
                    )
            });
            if phrase.is_some() && !agent {
                continue;
            }
            if phrase.is_none() {
                // The clause's subject: someone else, doing or suffering a failure.
                let subject = match cause.first() {
                    Some(&("he" | "she" | "someone" | "somebody" | "nobody")) => true,
                    Some(&("the" | "our" | "their")) => {
                        cause.get(1).is_some_and(|c| is_third_party_noun(c))
                    }
                    Some(&"one") => cause.get(1) == Some(&"of"),
                    _ => false,
                };
                if !subject || !cause[1..].iter().any(|c| is_failure_word(c)) {
                    continue;
                }
            }
            // The failure itself, said outside the reason and not as the
            // agent's own doing: "we didn't get you there", "we do not offer
            // it" own the failure or refuse; neither is an excuse.
            let failed = |i: usize| {
                is_failure_word(w(i))
                    && !(i.saturating_sub(3)..i).any(|j| matches!(w(j), "we" | "i"))
            };
            let outside = (0..k).any(failed)
                || (start + cause.len()..n).any(failed)
                || (phrase.is_none() && (0..k).any(|i| w(i) == "sorry"));
            if outside {
                found = Some(s.span);
                break;
            }
        }
        if let Some(span) = found {
            flags.push(Flag::at(FlagId::Excuse, span));
        }
    }
}

/// A "that's not right" followed by taking the customer's side agrees with
/// them: "That's not right at all. You should never have been charged twice."
fn agreed_is_not_argued(r: &Reply, flags: &mut Vec<Flag>) {
    if r.find(lx::agreement()).is_empty() {
        return;
    }
    flags.retain(|f| f.id != FlagId::Argue);
}

/// A number or address given after the agent has fixed the problem ("if it
/// isn't there by Friday, call 0345 ... and quote CR-88214") is a back-up,
/// follow-through, not a cold transfer.
fn numbers_after_a_fix(r: &Reply, flags: &mut Vec<Flag>) {
    let fixed = r
        .find(lx::resolve_own())
        .iter()
        .chain(r.find(lx::resolve_team()).iter())
        .any(|h| !h.hedged && !h.embedded);
    if fixed {
        flags.retain(|f| f.id != FlagId::ColdTransfer);
    }
}

fn sentence_at(r: &Reply, byte: usize) -> usize {
    r.tokens
        .tokens
        .iter()
        .find(|t| t.span.end > byte)
        .map_or(0, |t| t.sentence)
}
