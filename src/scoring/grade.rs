//! Grading one reply: each criterion, the flags, the persona's adjustments and
//! the total.

use super::lexicon as lx;
use super::matching::{Hit, Reply};
use super::{
    facts, persona_rules, Assessment, Context, Criterion, CriterionScore, Evidence, Flag, FlagId,
    QuestionKinds, Severity, MAX_GRADED_BYTES,
};
use crate::persona::Persona;
use crate::text::{self, Span};

/// Grades `reply` in its context. Never panics; replies longer than
/// [`MAX_GRADED_BYTES`] are graded on their first part.
pub fn grade(reply: &str, ctx: &Context) -> Assessment {
    let mut cut = reply.len().min(MAX_GRADED_BYTES);
    while !reply.is_char_boundary(cut) {
        cut -= 1;
    }
    let r = Reply::new(&reply[..cut]);
    let flags = detect_flags(&r, ctx);
    let warm_transfer = !r.find(lx::warm_transfer()).is_empty()
        && !flags.iter().any(|f| f.id == FlagId::ColdTransfer);
    let (questions, question_evidence) = questions(&r, &flags);
    // Facts are the trainer's own words: match them as typed, unrepaired.
    let fact_hits = facts::check(ctx.facts, &text::tokenize(r.text));
    let mut g = Grader {
        r: &r,
        ctx,
        flags: &flags,
        criteria: Vec::with_capacity(13),
    };
    g.score_all(question_evidence, questions, &fact_hits);
    let criteria = g.criteria;
    let words = text::word_count(r.text);
    let mut a = Assessment {
        criteria,
        flags,
        questions,
        facts: fact_hits,
        notes: Vec::new(),
        words,
        total: 0.0,
        warm_transfer,
        truncated: cut < reply.len(),
    };
    a.notes = persona_rules::notes(&r, ctx, &a);
    a.total = total(&a, ctx.persona);
    a
}

struct Grader<'a> {
    r: &'a Reply<'a>,
    ctx: &'a Context<'a>,
    flags: &'a [Flag],
    criteria: Vec<CriterionScore>,
}

fn ev(hits: &[Hit], note: &str) -> Vec<Evidence> {
    hits.iter()
        .map(|h| Evidence {
            span: h.span,
            note: note.to_string(),
        })
        .collect()
}

impl Grader<'_> {
    fn push(&mut self, c: Criterion, score: f32, applicable: bool, evidence: Vec<Evidence>) {
        let score = score.clamp(0.0, 1.0);
        // No nagging about a step the trainee already did earlier on.
        let done_before = self.ctx.previous.iter().any(|a| a.hit(c));
        let hint = (applicable && score < 0.5 && !done_before).then(|| c.hint().to_string());
        self.criteria.push(CriterionScore {
            criterion: c,
            score,
            applicable,
            evidence,
            hint,
        });
    }

    fn severe(&self) -> Option<&Flag> {
        self.flags.iter().find(|f| f.severity == Severity::Severe)
    }

    fn cancelled(&self, score: f32, mut evidence: Vec<Evidence>) -> (f32, Vec<Evidence>) {
        match self.severe() {
            Some(f) if score > 0.0 => {
                evidence.push(Evidence {
                    span: f.span,
                    note: format!("cancelled by: {}", f.id.label()),
                });
                (0.0, evidence)
            }
            _ => (score, evidence),
        }
    }

    fn score_all(&mut self, q_ev: Vec<Evidence>, q: QuestionKinds, fact_hits: &[facts::FactHit]) {
        let r = self.r;
        let turn = self.ctx.turn();
        // Greet
        let greet = r.find(lx::greeting());
        let intro = r.find(lx::introduction());
        let s = if greet.is_empty() { 0.0 } else { 0.7 } + if intro.is_empty() { 0.0 } else { 0.3 };
        let mut e = ev(&greet, "greeting");
        e.extend(ev(&intro, "introduces themselves"));
        self.push(Criterion::Greet, s, turn == 0, e);
        // Listen
        let (s, e) = self.listen();
        self.push(Criterion::Listen, s, true, e);
        // Question
        let kinds = [q.basic, q.detail, q.assessment]
            .iter()
            .filter(|k| **k)
            .count();
        let s = if kinds == 0 {
            0.0
        } else {
            0.6 + 0.2 * (kinds - 1) as f32
        };
        self.push(Criterion::Question, s, true, q_ev);
        // Empathize
        let non_apology: Vec<Span> = self.spans_of(FlagId::NonApology);
        let strong: Vec<Hit> = r
            .find(lx::empathy())
            .into_iter()
            .filter(|h| !non_apology.iter().any(|n| overlaps(*n, h.span)))
            .collect();
        let weak: Vec<Hit> = r
            .find(lx::empathy_weak())
            .into_iter()
            .filter(|h| !non_apology.iter().any(|n| overlaps(*n, h.span)))
            .filter(|h| !strong.iter().any(|s| overlaps(s.span, h.span)))
            .collect();
        let s = if !strong.is_empty() {
            1.0
        } else if !weak.is_empty() {
            0.5
        } else {
            0.0
        };
        let mut e = ev(&strong, "acknowledges the feeling");
        e.extend(ev(&weak, "brief apology"));
        let (s, e) = self.cancelled(s, e);
        self.push(Criterion::Empathize, s, true, e);
        let empathy_score = s;
        // Resolve
        let (resolve, e) = self.resolve();
        self.push(Criterion::Resolve, resolve, true, e);
        let fix_offered =
            resolve >= 0.5 || self.ctx.previous.iter().any(|a| a.hit(Criterion::Resolve));
        // Check
        let hits = r.find(lx::check());
        let s = if hits.is_empty() { 0.0 } else { 1.0 };
        self.push(
            Criterion::Check,
            s,
            fix_offered,
            ev(&hits, "checks the solution works for them"),
        );
        // Follow up
        let (s, e) = self.follow_up();
        self.push(Criterion::FollowUp, s, fix_offered, e);
        // Broad knowledge
        let (s, e) = self.knowledge(fact_hits);
        self.push(Criterion::BroadKnowledge, s, !self.ctx.facts.is_empty(), e);
        // Eager ("absolutely" in "you're absolutely right" is respect, not eagerness)
        let respect_hits = r.find(lx::respect());
        let hits: Vec<Hit> = r
            .find(lx::eager())
            .into_iter()
            .filter(|h| !respect_hits.iter().any(|x| overlaps(x.span, h.span)))
            .collect();
        let mut s = if hits.is_empty() { 0.0 } else { 1.0 };
        let mut e = ev(&hits, "sounds willing to help");
        if let Some(span) = self.spans_of(FlagId::NotMyJob).first() {
            s = 0.0;
            e.push(Evidence {
                span: *span,
                note: "refuses to help".into(),
            });
        }
        self.push(Criterion::Eager, s, true, e);
        // Sincere
        let concern = r.find(lx::concern());
        let s = if !concern.is_empty() || empathy_score >= 1.0 {
            1.0
        } else {
            empathy_score
        };
        let mut e = ev(&concern, "shows real concern");
        if concern.is_empty() {
            e.extend(ev(&strong, "shows real concern"));
        }
        let (mut s, mut e) = self.cancelled(s, e);
        if let Some(span) = non_apology.first() {
            s = 0.0;
            e.push(Evidence {
                span: *span,
                note: "apologises for their feelings, not the experience".into(),
            });
        }
        self.push(Criterion::Sincere, s, true, e);
        // Understand
        let restate = r.find(lx::understand_restate());
        let ask = r.find(lx::understand_ask());
        let s = if !restate.is_empty() {
            1.0
        } else if !ask.is_empty() {
            0.7
        } else {
            0.0
        };
        let mut e = ev(&restate, "restates what they expect");
        e.extend(ev(&ask, "asks what they expect"));
        self.push(Criterion::Understand, s, true, e);
        // Respect
        let hits = r.find(lx::respect());
        let polite = r.find(lx::politeness());
        let s = if !hits.is_empty() {
            1.0
        } else if !polite.is_empty() {
            0.4
        } else {
            0.0
        };
        let mut e = ev(&hits, "treats their view as valid");
        e.extend(ev(&polite, "polite"));
        let (mut s, mut e) = self.cancelled(s, e);
        if let Some(span) = self.spans_of(FlagId::Argue).first() {
            s = s.min(0.2);
            e.push(Evidence {
                span: *span,
                note: "argues with the customer".into(),
            });
        }
        self.push(Criterion::Respect, s, true, e);
        // Empowered
        let (s, e) = self.empowered();
        self.push(Criterion::Empowered, s, true, e);
    }

    fn spans_of(&self, id: FlagId) -> Vec<Span> {
        self.flags
            .iter()
            .filter(|f| f.id == id)
            .map(|f| f.span)
            .collect()
    }

    fn listen(&self) -> (f32, Vec<Evidence>) {
        let r = self.r;
        let stems = r.find(lx::listen_stems());
        let theirs = content_stems(self.ctx.customer_last);
        let mut echoed: Vec<Evidence> = Vec::new();
        let mut seen: Vec<&str> = Vec::new();
        for t in &r.tokens.tokens {
            if let Some(st) = stem(&t.norm) {
                if theirs.iter().any(|x| x == st) && !seen.contains(&st) {
                    seen.push(st);
                    echoed.push(Evidence {
                        span: t.span,
                        note: "reflects their words".into(),
                    });
                }
            }
        }
        let feelings = r.find(lx::feelings());
        let overlap = match seen.len() {
            0 => 0.0,
            1 => 0.25,
            2 => 0.5,
            _ => 0.7,
        };
        let mut s: f32 = if stems.is_empty() {
            overlap
        } else if seen.is_empty() {
            0.5
        } else {
            1.0
        };
        if !feelings.is_empty() && s > 0.0 {
            s += 0.25;
        }
        let mut e = ev(&stems, "paraphrases");
        e.extend(echoed);
        e.extend(ev(&feelings, "names the feeling"));
        (s.min(1.0), e)
    }

    fn resolve(&self) -> (f32, Vec<Evidence>) {
        let r = self.r;
        // "I'll send you a confirmation" is follow-through, not the fix itself.
        let follow = r.find(lx::follow_commit());
        let own: Vec<Hit> = r
            .find(lx::resolve_own())
            .into_iter()
            .filter(|h| !follow.iter().any(|f| overlaps(f.span, h.span)))
            .collect();
        let team = r.find(lx::resolve_team());
        let vague = r.find(lx::vague_fix());
        let firm: Vec<Hit> = own.iter().filter(|h| !h.hedged).copied().collect();
        let hedged: Vec<Hit> = own.iter().filter(|h| h.hedged).copied().collect();
        let s = if !firm.is_empty() {
            1.0
        } else if !team.is_empty() {
            0.7
        } else if !hedged.is_empty() {
            0.5
        } else if !vague.is_empty() {
            0.3
        } else {
            0.0
        };
        let mut e = ev(&firm, "owns a concrete fix");
        e.extend(ev(&team, "states a concrete fix"));
        e.extend(ev(&hedged, "a hedged promise"));
        e.extend(ev(&vague, "a vague promise"));
        (s, e)
    }

    fn follow_up(&self) -> (f32, Vec<Evidence>) {
        let r = self.r;
        let parts = [
            // Each part shows follow-through on its own except a bare time.
            (
                r.find(lx::follow_commit()),
                0.6,
                "commits to a next contact",
            ),
            (r.find(lx::follow_time()), 0.3, "gives a time"),
            (
                r.find(lx::follow_reference()),
                0.5,
                "gives a reference or direct line",
            ),
            (r.find(lx::follow_root()), 0.5, "looks for the root cause"),
        ];
        let mut s = 0.0;
        let mut e = Vec::new();
        for (hits, points, note) in parts {
            if !hits.is_empty() {
                s += points;
                e.extend(ev(&hits, note));
            }
        }
        (s, e)
    }

    fn knowledge(&self, hits: &[facts::FactHit]) -> (f32, Vec<Evidence>) {
        let text_of = |id: &str| {
            self.ctx
                .facts
                .iter()
                .find(|f| f.id == id)
                .map_or("", |f| f.text.as_str())
        };
        let e: Vec<Evidence> = hits
            .iter()
            .map(|h| Evidence {
                span: h.span,
                note: if h.correct {
                    format!("correct: {}", text_of(&h.fact))
                } else {
                    format!("wrong: the fact is \"{}\"", text_of(&h.fact))
                },
            })
            .collect();
        let s = if !hits.is_empty() && hits.iter().all(|h| h.correct) {
            1.0
        } else {
            0.0
        };
        (s, e)
    }

    fn empowered(&self) -> (f32, Vec<Evidence>) {
        let r = self.r;
        let follow = r.find(lx::follow_commit());
        let own: Vec<Hit> = r
            .find(lx::empowered())
            .into_iter()
            .filter(|h| !follow.iter().any(|f| overlaps(f.span, h.span)))
            .collect();
        let deflect = r.find(lx::deflect());
        let mut e = Vec::new();
        let blockers: Vec<Span> = self
            .spans_of(FlagId::NotMyJob)
            .into_iter()
            .chain(deflect.iter().map(|h| h.span))
            .collect();
        if let Some(span) = blockers.first() {
            e.push(Evidence {
                span: *span,
                note: "deflects instead of deciding".into(),
            });
            return (0.0, e);
        }
        let firm = own.iter().any(|h| !h.hedged);
        e.extend(ev(&own, "acts on their own authority"));
        let s = if firm {
            1.0
        } else if own.is_empty() {
            0.0
        } else {
            0.5
        };
        (s, e)
    }
}

/// `outer` covers all of `inner`.
fn contains(outer: Span, inner: Span) -> bool {
    outer.start <= inner.start && inner.end <= outer.end
}

fn overlaps(a: Span, b: Span) -> bool {
    a.start < b.end && b.start < a.end
}

const STOPWORDS: &[&str] = &[
    "the", "and", "that", "this", "with", "have", "from", "your", "you", "what", "when", "will",
    "would", "could", "should", "there", "their", "they", "them", "been", "were", "just", "about",
    "into", "than", "then", "also", "very", "really", "because", "still", "again", "even", "some",
    "want", "need", "know", "like", "does", "doing", "done", "here", "where", "which", "while",
    "only", "over", "after", "before", "being", "thing", "things", "going", "make", "made", "said",
    "says", "tell", "told", "yes", "okay", "please", "thank", "thanks", "sorry", "hello", "today",
    "time", "more", "much", "many", "every", "other", "them", "these", "those", "there", "whats",
];

fn stem(word: &str) -> Option<&str> {
    if word.chars().count() < 4 || STOPWORDS.contains(&word) {
        return None;
    }
    let end = word.char_indices().nth(5).map_or(word.len(), |(i, _)| i);
    Some(&word[..end])
}

fn content_stems(text: &str) -> Vec<String> {
    let toks = text::tokenize(text);
    let mut out: Vec<String> = Vec::new();
    for t in &toks.tokens {
        if let Some(s) = stem(&t.norm) {
            if !out.iter().any(|x| x == s) {
                out.push(s.to_string());
            }
        }
    }
    out
}

/// Question sentences, classified; hostile ones (overlapping a flag) and
/// satisfaction checks do not count.
fn questions(r: &Reply, flags: &[Flag]) -> (QuestionKinds, Vec<Evidence>) {
    let mut kinds = QuestionKinds::default();
    let mut e = Vec::new();
    let checks = r.find(lx::check());
    let in_sentence = |list: &[Hit], sentence: usize| {
        list.iter()
            .any(|h| r.tokens.tokens[h.m.first].sentence == sentence)
    };
    let basic = r.find_any(lx::question_basic());
    let detail = r.find_any(lx::question_detail());
    let assess = r.find_any(lx::question_assessment());
    for (i, span) in r.question_sentences() {
        if flags.iter().any(|f| overlaps(f.span, span)) || in_sentence(&checks, i) {
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

/// Every flagged mistake; one span is flagged once, by the first list that
/// claims it.
fn detect_flags(r: &Reply, ctx: &Context) -> Vec<Flag> {
    let warm = !r.find(lx::warm_transfer()).is_empty();
    let lists: [(FlagId, &[crate::text::Pattern]); 12] = [
        (FlagId::HangUp, lx::flag_hang_up()),
        (FlagId::Insult, lx::flag_insult()),
        (FlagId::CalmDown, lx::flag_calm_down()),
        (FlagId::Blame, lx::flag_blame()),
        (FlagId::NotMyJob, lx::flag_not_my_job()),
        (FlagId::PolicyShield, lx::flag_policy_shield()),
        (FlagId::Argue, lx::flag_argue()),
        (FlagId::NonApology, lx::flag_non_apology()),
        (FlagId::AdmitsLiability, lx::flag_liability()),
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
    flags.sort_by_key(|f| f.span);
    flags
}

/// Weighted rubric coverage minus penalties, plus persona notes, in `[0, 1]`.
fn total(a: &Assessment, persona: Persona) -> f32 {
    let weight = |c: Criterion| match (persona, c) {
        (Persona::Analytical, Criterion::BroadKnowledge) => 2.0,
        (Persona::Irate, Criterion::Empathize) => 1.5,
        (Persona::Personal, Criterion::Sincere) => 1.5,
        (Persona::Rushed, Criterion::Resolve) => 1.5,
        (Persona::Functional, Criterion::Question) => 1.25,
        _ => 1.0,
    };
    let sum = |list: &[Criterion]| -> f32 {
        list.iter()
            .map(|c| a.get(*c))
            .filter(|s| s.applicable || s.score > 0.0)
            .map(|s| s.score * weight(s.criterion))
            .sum()
    };
    let steps = (sum(&Criterion::STEPS) / 2.5).min(1.0);
    let be_sure = (sum(&Criterion::BE_SURE) / 3.5).min(1.0);
    let penalty: f32 = a.flags.iter().map(|f| f.severity.penalty()).sum();
    let notes: f32 = a.notes.iter().map(|n| n.delta).sum();
    let t = (0.5 * steps + 0.5 * be_sure - penalty + notes).clamp(0.0, 1.0);
    (t * 100.0).round() / 100.0
}
