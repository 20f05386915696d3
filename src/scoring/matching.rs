//! Matching lexicons against a reply: negation, hedging and typo repair.

use super::lexicon::{self, NEGATORS};
use crate::text::{edit_distance_at_most, Match, Pattern, Span, Tokens};

/// A lexicon match in a reply.
#[derive(Clone, Copy, Debug)]
pub struct Hit {
    pub m: Match,
    pub span: Span,
    /// A hedge ("maybe", "try") stands just before it.
    pub hedged: bool,
    /// It sits inside "see how / what / if ...": "let me see what I can do",
    /// "I'll check if I can refund it" describe a search, not a commitment.
    pub embedded: bool,
}

/// Words that soften a commitment into a maybe.
const HEDGES: &[&str] = &[
    "maybe",
    "might",
    "perhaps",
    "possibly",
    "probably",
    "hopefully",
    "try",
    "trying",
    "guess",
    "hope",
];

/// Words that turn a sentence: what follows them decides its meaning.
const CONTRASTS: &[&str] = &[
    "but",
    "however",
    "though",
    "although",
    "unfortunately",
    "except",
    "afraid",
];

/// A prepared reply: tokens with common typos repaired.
pub struct Reply<'a> {
    pub text: &'a str,
    pub tokens: Tokens,
    /// The built-in patterns this reply's words allow (see [`lexicon::index`]).
    candidates: Vec<u64>,
}

impl<'a> Reply<'a> {
    pub fn new(text: &'a str) -> Self {
        let mut tokens = crate::text::tokenize(text);
        if repair_typos(&mut tokens) {
            tokens.reindex();
        }
        let candidates = lexicon::index().candidates(tokens.words.iter());
        Reply {
            text,
            tokens,
            candidates,
        }
    }

    pub fn span(&self, m: Match) -> Span {
        Span::new(
            self.tokens.tokens[m.first].span.start,
            self.tokens.tokens[m.end - 1].span.end,
        )
    }

    /// Matches of `list` that are not negated.
    pub fn find(&self, list: &[Pattern]) -> Vec<Hit> {
        self.find_raw(list, true)
    }

    /// Matches of `list` negated neither before nor right after: "Your
    /// refund is not coming", "Absolutely not." For what a reply offers.
    pub fn find_affirmed(&self, list: &[Pattern]) -> Vec<Hit> {
        let toks = &self.tokens.tokens;
        self.find(list)
            .into_iter()
            .filter(|h| {
                let clause = toks[h.m.end - 1].clause;
                !toks[h.m.end..]
                    .iter()
                    .take(2)
                    .take_while(|t| t.clause == clause)
                    .any(|t| matches!(t.norm.as_str(), "not" | "never"))
                    && !self.taken_back(h.m)
            })
            .collect()
    }

    /// True when the rest of the sentence takes the offer back or shows it
    /// was never one: "..., and I can't." (an elliptical refusal), "Refund,
    /// replacement: none of those are options", "We refunded it — oh wait,
    /// no", "I've credited it… is what I'd say if the system let me" (a
    /// counterfactual), "we sent the wrong part", "charged twice by
    /// mistake" (an admission, not a fix).
    pub fn taken_back(&self, m: Match) -> bool {
        let toks = &self.tokens.tokens;
        let sentence = toks[m.first].sentence;
        let Some(s) = self.tokens.sentences.get(sentence) else {
            return false;
        };
        let w = |k: usize| {
            toks.get(k)
                .filter(|t| t.sentence == sentence)
                .map_or("", |t| t.norm.as_str())
        };
        let clause = toks[m.end - 1].clause;
        let would = (s.first..s.end).any(|k| w(k) == "would");
        // "we sent the wrong part" owns a failure; "the driver will collect
        // the wrong one" is a fix.
        let ahead = (m.first.saturating_sub(2).max(s.first)..m.end)
            .any(|k| matches!(w(k), "will" | "can" | "shall" | "going" | "let" | "would"));
        (m.end..s.end).any(|k| match w(k) {
            "none" => matches!(w(k + 1), "of" | "are" | "is"),
            "wait" => (k + 1..k + 4).any(|j| w(j) == "no"),
            // "... if the system let me", "if I could": not the case.
            "if" => {
                would
                    && w(k + 1) != "you"
                    && (k + 1..k + 5).any(|j| matches!(w(j), "could" | "let" | "were" | "allowed"))
            }
            "i" | "we" => {
                matches!(w(k + 1), "can" | "could" | "will" | "am" | "are" | "do")
                    && w(k + 2) == "not"
                    && k + 3 >= s.end
            }
            "wrong" | "incorrect" | "twice" | "mistakenly" | "accidentally" | "wrongly" => {
                !ahead && toks[k].clause == clause && k < m.end + 4
            }
            "error" | "mistake" => {
                !ahead
                    && toks[k].clause == clause
                    && k < m.end + 6
                    && matches!(w(k - 1), "in" | "by")
            }
            _ => false,
        })
    }

    /// False when a built-in pattern cannot match: none of its key words is here.
    fn may_match(&self, p: &Pattern) -> bool {
        match (p.id(), p.key_words()) {
            (Some(id), Some(_)) => self
                .candidates
                .get(id as usize / 64)
                .is_none_or(|bits| bits & (1 << (id % 64)) != 0),
            _ => true,
        }
    }

    /// Matches of `list`, negated or not.
    pub fn find_any(&self, list: &[Pattern]) -> Vec<Hit> {
        self.find_raw(list, false)
    }

    fn find_raw(&self, list: &[Pattern], skip_negated: bool) -> Vec<Hit> {
        let mut hits: Vec<Hit> = Vec::new();
        for p in list {
            if !self.may_match(p) {
                continue;
            }
            let matches = p.find_all(&self.tokens);
            if matches.is_empty() {
                continue;
            }
            let has_negator = lexicon::index().negating(p);
            for m in matches {
                if skip_negated && self.negated(m, has_negator) {
                    continue;
                }
                let span = self.span(m);
                if hits
                    .iter()
                    .any(|h| h.span.start < span.end && span.start < h.span.end)
                {
                    continue;
                }
                hits.push(Hit {
                    m,
                    span,
                    hedged: self.hedged(m),
                    embedded: self.embedded(m),
                });
            }
        }
        hits.sort_by_key(|h| h.span);
        hits
    }

    /// A negator inside the match (where the pattern has none) or in the two
    /// words before it, within the sentence.
    fn negated(&self, m: Match, pattern_has_negator: bool) -> bool {
        let toks = &self.tokens.tokens;
        if !pattern_has_negator
            && toks[m.first..m.end]
                .iter()
                .any(|t| NEGATORS.contains(&t.norm.as_str()))
        {
            return true;
        }
        let clause = toks[m.first].clause;
        let mut seen = 0;
        let mut k = m.first;
        // Look back two words within the clause; "going to" and the like
        // do not count, so "not going to apologise" is still negated.
        while k > 0 && seen < 2 {
            k -= 1;
            let t = &toks[k];
            if t.clause != clause {
                break;
            }
            if matches!(
                t.norm.as_str(),
                "going" | "to" | "gonna" | "be" | "really" | "even"
            ) {
                continue;
            }
            seen += 1;
            let next = toks.get(k + 1).map_or("", |n| n.norm.as_str());
            let negates = NEGATORS.contains(&t.norm.as_str())
                && !(t.norm == "no" && matches!(next, "problem" | "worries" | "doubt"))
                && !(t.norm == "not" && next == "only")
                && !(t.norm == "not" && k > 0 && toks[k - 1].norm == "why");
            if negates {
                return true;
            }
        }
        false
    }

    /// True when the sentence turns after the match ("but", "however",
    /// "I'm afraid") into a refusal: "I'd love to help, but there's nothing I
    /// can do", "I'm sorry. However, we can't refund it." A sentence that
    /// opens with a contrast continues the one before.
    pub fn refused_after(&self, m: Match) -> bool {
        let toks = &self.tokens.tokens;
        let mut sentence = toks[m.first].sentence;
        let mut turned = false;
        for k in m.end..toks.len() {
            let t = &toks[k];
            if t.sentence != sentence {
                let opens_with_contrast = t.sentence == sentence + 1
                    && !turned
                    && self
                        .tokens
                        .sentences
                        .get(t.sentence)
                        .is_some_and(|s| s.first == k)
                    && CONTRASTS.contains(&t.norm.as_str());
                if !opens_with_contrast {
                    break;
                }
                sentence = t.sentence;
            }
            let w = t.norm.as_str();
            if CONTRASTS.contains(&w) {
                turned = true;
                continue;
            }
            let next = toks.get(k + 1).map_or("", |n| n.norm.as_str());
            let reassures = matches!(next, "worry" | "hesitate" | "problem" | "worries");
            if turned
                && !reassures
                && (NEGATORS.contains(&w) || matches!(w, "unable" | "impossible" | "only"))
            {
                return true;
            }
        }
        false
    }

    /// True when the commitment names no concrete action: a generic verb
    /// ("fix", "sort", "handle", "take care of") whose object is only "it",
    /// "this" or "the situation", with nothing concrete after it in the
    /// clause. "I will fix this for you" is a promise; "I'll fix the router
    /// settings" and "I'll refund it" are fixes.
    pub fn generic_action(&self, m: Match) -> bool {
        let toks = &self.tokens.tokens;
        let words = &toks[m.first..m.end];
        let clause = toks[m.end - 1].clause;
        // The whole clause: "the refund is done" names its action before the verb.
        // "..., and delete the charges" carries the commitment on.
        let continued = toks
            .iter()
            .find(|t| t.clause == clause + 1)
            .is_some_and(|t| matches!(t.norm.as_str(), "and" | "then"));
        let concrete_verb = toks
            .iter()
            .filter(|t| {
                t.clause == clause
                    || t.clause == toks[m.first].clause
                    || (continued && t.clause == clause + 1)
            })
            .any(|t| lexicon::is_act_word(&t.norm) && !is_generic_verb(&t.norm));
        // An amount names what is done: "You'll get the $40 back".
        let amount = toks
            .iter()
            .filter(|t| t.clause == clause || t.clause == toks[m.first].clause)
            .any(|t| t.norm.bytes().next().is_some_and(|b| b.is_ascii_digit()));
        // "Here you are", "on the house": no verb to be vague about.
        if concrete_verb || amount || !words.iter().any(|t| is_generic_verb(&t.norm)) {
            return false;
        }
        !toks[m.end..]
            .iter()
            .take_while(|t| t.clause == clause)
            .any(|t| !is_filler(&t.norm))
    }

    /// "see how", "check if", "find out whether" in the three words before
    /// the match: the commitment is only being looked for.
    fn embedded(&self, m: Match) -> bool {
        let toks = &self.tokens.tokens;
        let clause = toks[m.first].clause;
        (0..=3)
            .take_while(|k| m.first > *k && toks[m.first - k].clause == clause)
            .any(|k| {
                let w = toks[m.first - k].norm.as_str();
                let before = toks[m.first - k - 1].norm.as_str();
                matches!(w, "how" | "what" | "if" | "whether" | "whatever")
                    && matches!(
                        before,
                        "see"
                            | "check"
                            | "checked"
                            | "looked"
                            | "asked"
                            | "know"
                            | "figure"
                            | "out"
                            | "ask"
                            | "wonder"
                            | "look"
                            | "research"
                            | "sure"
                            | "find"
                    )
            })
    }

    /// A hedge in the three words before the match.
    fn hedged(&self, m: Match) -> bool {
        let toks = &self.tokens.tokens;
        let clause = toks[m.first].clause;
        (1..=3)
            .take_while(|k| m.first >= *k && toks[m.first - k].clause == clause)
            .any(|k| HEDGES.contains(&toks[m.first - k].norm.as_str()))
    }

    /// Number of questions the reply asks, with their sentence spans.
    pub fn question_sentences(&self) -> Vec<(usize, Span)> {
        let starts: Vec<usize> = lexicon::question_openers()
            .iter()
            .flat_map(|p| p.find_all(&self.tokens))
            .map(|m| m.first)
            .collect();
        self.tokens
            .sentences
            .iter()
            .enumerate()
            .filter(|(_, s)| s.question || starts.contains(&s.first))
            .map(|(i, s)| (i, s.span))
            .collect()
    }
}

/// Replaces words that are one edit (two for long words) away from a lexicon
/// word of five letters or more: "sory" -> "sorry", "apologise" typed "apologize".
/// Real English words are never rewritten, and nothing is rewritten into a
/// negator or the verb of a fix. Returns whether any word changed.
fn repair_typos(tokens: &mut Tokens) -> bool {
    let vocab = lexicon::vocabulary();
    let mut repaired = false;
    for t in &mut tokens.tokens {
        let len = t.norm.chars().count();
        if len < 4 || t.norm.chars().any(|c| c.is_ascii_digit()) {
            continue;
        }
        if vocab.known.contains(&t.norm) || lexicon::is_real_word(&t.norm) {
            continue;
        }
        let first = t.norm.chars().next().unwrap_or(' ');
        let max = if len >= 9 { 2 } else { 1 };
        let mine = letters(&t.norm);
        // Four-letter words are only repaired by one missing letter ("sory").
        let lengths = if len == 4 {
            5..=5
        } else {
            len.saturating_sub(max).max(5)..=len + max
        };
        let candidate = lengths
            .filter_map(|l| vocab.candidates.get(&(first, l)))
            .flatten()
            // "upgraded" is not a typo of "upgrade", nor "minute" of "minutes":
            // an ending is not a mistake.
            .filter(|w| !t.norm.starts_with(w.as_str()) && !w.starts_with(t.norm.as_str()))
            // Each edit changes at most two letters of the set of letters
            // used: a cheap test that rules out most words before the
            // distance is computed.
            .filter(|w| (letters(w) ^ mine).count_ones() as usize <= 2 * max)
            // A negator or a verb of a fix only when the typed word is
            // plainly that word slipped: one letter left out ("refnd",
            // "bookd") or two swapped ("chekced"), never a substitution
            // ("chnaged" may be "changed", "chraged" is not "charged").
            .find(|w| {
                edit_distance_at_most(&t.norm, w, max)
                    && (!lexicon::is_protected_target(w) || slipped(&t.norm, w))
            });
        if let Some(w) = candidate {
            t.norm = w.clone();
            repaired = true;
        }
    }
    repaired
}

/// True when `typed` is `word` with one letter left out, or with two
/// neighbouring letters swapped.
fn slipped(typed: &str, word: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (typed.chars().collect(), word.chars().collect());
    if a.len() + 1 == b.len() {
        let k = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
        return a[k..] == b[k + 1..];
    }
    if a.len() == b.len() {
        let diff: Vec<usize> = (0..a.len()).filter(|&i| a[i] != b[i]).collect();
        return diff.len() == 2
            && diff[1] == diff[0] + 1
            && a[diff[0]] == b[diff[1]]
            && a[diff[1]] == b[diff[0]];
    }
    false
}

/// Verbs that say something will be dealt with without saying how.
fn is_generic_verb(w: &str) -> bool {
    const STEMS: &[&str] = &[
        "fix", "sort", "resolv", "handl", "correct", "deal", "manag", "address", "help", "do",
        "did", "done", "care", "see", "work", "look", "get", "got", "escalat", "priorit",
        "complet", "run", "test", "move", "chang", "updat", "process",
    ];
    STEMS.iter().any(|s| crate::text::has_prefix(w, s))
}

/// Words that add nothing concrete to a commitment: pronouns, vague nouns,
/// adverbs of time and manner, terms of address.
fn is_filler(w: &str) -> bool {
    matches!(
        w,
        "it" | "this"
            | "that"
            | "these"
            | "those"
            | "things"
            | "thing"
            | "everything"
            | "something"
            | "all"
            | "of"
            | "the"
            | "a"
            | "an"
            | "situation"
            | "problem"
            | "issue"
            | "issues"
            | "matter"
            | "mess"
            | "for"
            | "you"
            | "your"
            | "yours"
            | "me"
            | "us"
            | "now"
            | "right"
            | "away"
            | "immediately"
            | "today"
            | "straight"
            | "straightaway"
            | "asap"
            | "as"
            | "soon"
            | "possible"
            | "quickly"
            | "promptly"
            | "up"
            | "out"
            | "sir"
            | "madam"
            | "ma"
            | "am"
            | "mam"
            | "personally"
            | "first"
            | "to"
            | "so"
            | "and"
            | "okay"
            | "ok"
            | "please"
            | "here"
            | "there"
            | "on"
            | "with"
            | "at"
            | "once"
            | "myself"
            | "ourselves"
            | "together"
            | "both"
            | "can"
            | "i"
            | "we"
            | "will"
            | "is"
            | "are"
            | "be"
            | "sorted"
            | "fixed"
            | "resolved"
            | "done"
            | "properly"
            | "fully"
            | "completely"
            | "until"
            | "just"
            | "quick"
            | "fast"
            | "definitely"
            | "certainly"
            | "absolutely"
    )
}

/// The set of letters a-z in `w`, one bit each; other characters share a bit.
fn letters(w: &str) -> u32 {
    w.bytes().fold(0, |m, b| {
        m | if b.is_ascii_lowercase() {
            1 << (b - b'a')
        } else {
            1 << 26
        }
    })
}

/// `outer` covers all of `inner`.
pub fn contains(outer: Span, inner: Span) -> bool {
    outer.start <= inner.start && inner.end <= outer.end
}

/// The two spans share at least one byte.
pub fn overlaps(a: Span, b: Span) -> bool {
    a.start < b.end && b.start < a.end
}
