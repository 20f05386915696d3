//! Grading one reply: each criterion, the flags, the persona's adjustments and
//! the total.

use super::flags::detect_flags;
use super::lexicon as lx;
use super::matching::{overlaps, Hit, Reply};
use super::questions::questions;
use super::reflect::{content_stems, stem};
use super::total::total;
use super::{
    facts, persona_rules, Assessment, Context, Criterion, CriterionScore, Evidence, Flag, FlagId,
    QuestionKinds, Severity, MAX_GRADED_BYTES,
};
use crate::persona::Persona;
use crate::text::{self, Pattern, Span};

/// Grades `reply` in its context. Never panics; replies longer than
/// [`MAX_GRADED_BYTES`] are graded on their first part.
pub fn grade(reply: &str, ctx: &Context) -> Assessment {
    grade_with_words(reply, ctx).0
}

/// [`grade`], also handing back the reply's words as typed (unrepaired) when
/// grading tokenized them, so the conversation engine need not do it again.
pub fn grade_with_words(reply: &str, ctx: &Context) -> (Assessment, Option<text::Tokens>) {
    graded(reply, ctx, Layer::Apply)
}

/// What grading does with the learned layer (see [`super::learned`]).
pub(crate) enum Layer<'a> {
    /// Let it overrule the rules where the table says so.
    Apply,
    /// Leave it out, and collect the features it would read (for training).
    Collect(u8, &'a mut Vec<super::learned::Feature>),
}

pub(crate) fn graded(
    reply: &str,
    ctx: &Context,
    layer: Layer,
) -> (Assessment, Option<text::Tokens>) {
    let mut cut = reply.len().min(MAX_GRADED_BYTES);
    while !reply.is_char_boundary(cut) {
        cut -= 1;
    }
    let r = Reply::new(&reply[..cut]);
    if let Some(lang) = text::language::detect(&r.tokens).filter(|l| !l.scored) {
        return (unscored(&r, lang, cut < reply.len()), None);
    }
    let flags = detect_flags(&r, ctx);
    let warm_transfer = super::transfer::transfer(&r).is_some_and(|t| t.warm)
        && !flags.iter().any(|f| f.id == FlagId::ColdTransfer);
    // Lists several criteria consult, matched once.
    let shared = Shared {
        checks: super::questions::checks(&r, &flags),
        follow: super::questions::next_contacts(&r),
        respect: r.find(lx::respect()),
    };
    let (questions, question_evidence) = questions(&r, &flags, &shared.checks);
    // Facts are the trainer's own words: match them as typed, unrepaired.
    let raw = (!ctx.facts.is_empty()).then(|| text::tokenize(r.text));
    let fact_hits = raw
        .as_ref()
        .map_or_else(Vec::new, |t| facts::check(ctx.facts, t));
    let mut g = Grader {
        r: &r,
        ctx,
        flags: &flags,
        shared: &shared,
        criteria: Vec::with_capacity(13),
        fixing_now: false,
        warm_transfer,
        theirs: content_stems(ctx.customer_last),
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
        unscored_language: None,
        learned: Vec::new(),
    };
    match layer {
        Layer::Apply => super::learned::apply(&r, ctx, &mut a),
        Layer::Collect(features, out) => super::learned::extract(&r, ctx, &a, features, out),
    }
    a.notes = persona_rules::notes(&r, ctx, &a);
    a.total = total(&a, ctx.persona);
    (a, raw)
}

/// A reply in a language without lexicons: every criterion at zero with a
/// hint that says why, instead of a silent zero as if nothing was said.
fn unscored(r: &Reply, lang: &'static text::language::Language, truncated: bool) -> Assessment {
    let criteria = Criterion::ALL
        .iter()
        .map(|&c| CriterionScore {
            criterion: c,
            score: 0.0,
            applicable: false,
            evidence: Vec::new(),
            hint: None,
        })
        .collect();
    Assessment {
        criteria,
        flags: Vec::new(),
        questions: QuestionKinds::default(),
        facts: Vec::new(),
        notes: vec![super::Note {
            text: format!(
                "Not scored: this reply looks like {}, and Rapport scores replies in English.",
                lang.name
            ),
            delta: 0.0,
        }],
        words: text::word_count(r.text),
        total: 0.0,
        warm_transfer: false,
        truncated,
        unscored_language: Some(lang.id),
        learned: Vec::new(),
    }
}

/// Matches used by more than one criterion.
struct Shared {
    checks: Vec<Hit>,
    follow: Vec<Hit>,
    respect: Vec<Hit>,
}

struct Grader<'a> {
    r: &'a Reply<'a>,
    ctx: &'a Context<'a>,
    flags: &'a [Flag],
    shared: &'a Shared,
    criteria: Vec<CriterionScore>,
    /// This reply offers a fix (known once `resolve` is scored).
    fixing_now: bool,
    /// The reply hands them on warmly (who, why, briefed or staying on).
    warm_transfer: bool,
    /// The content words of the customer's last message, by stem.
    theirs: Vec<String>,
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
    fn push(&mut self, c: Criterion, score: f32, applicable: bool, mut evidence: Vec<Evidence>) {
        let mut score = score.clamp(0.0, 1.0);
        // The scenario's own wording for this criterion, said and not
        // taken back; a severe mistake still cancels warmth and respect.
        let cancels = self.severe().is_some()
            && matches!(
                c,
                Criterion::Empathize | Criterion::Sincere | Criterion::Respect
            );
        if !cancels && score < 1.0 {
            let theirs: Vec<Pattern> = self
                .ctx
                .phrases
                .iter()
                .filter(|(pc, _)| *pc == c)
                .map(|(_, p)| p.clone())
                .collect();
            if let Some(h) = self
                .r
                .find_affirmed(&theirs)
                .into_iter()
                .find(|h| !h.hedged && !h.embedded && !self.r.refused_after(h.m))
            {
                score = 1.0;
                evidence.push(Evidence {
                    span: h.span,
                    note: "the scenario's own wording for this".into(),
                });
            }
        }
        // What this turn does not call for is neither hinted at nor counted against it.
        let applicable = applicable && super::stage::called_for(self.ctx, c, self.fixing_now);
        // No nagging about a step the trainee already did earlier on.
        let done_before = self.ctx.previous.iter().any(|a| a.hit(c));
        // A customer in a hurry wants the fix, not questions or paraphrase:
        // hinting at those would contradict the persona's own advice.
        let off_script = self.ctx.persona == Persona::Rushed
            && matches!(
                c,
                Criterion::Question | Criterion::Listen | Criterion::Understand
            );
        let hint = (applicable && score < 0.5 && !done_before && !off_script)
            .then(|| c.hint().to_string());
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
        let toks = &r.tokens.tokens;
        // "This is difficult to trace": how hard a task is, not how they feel.
        let of_a_task = |h: &Hit| {
            matches!(toks[h.m.end - 1].norm.as_str(), "difficult" | "hard")
                && toks.get(h.m.end).is_some_and(|t| t.norm == "to")
        };
        // "Sorry, what was the order number?": asking them to repeat.
        // "I can't refund that, sorry": a refusal with a word tacked on.
        let not_an_apology = |h: &Hit| {
            let first = &toks[h.m.first];
            let sentence = &r.tokens.sentences[first.sentence];
            let pardon = sentence.question
                && h.m.first == sentence.first
                && first.norm == "sorry"
                && toks.get(h.m.end).is_some_and(|t| {
                    matches!(
                        t.norm.as_str(),
                        "what"
                            | "which"
                            | "when"
                            | "where"
                            | "who"
                            | "how"
                            | "could"
                            | "can"
                            | "would"
                            | "did"
                            | "was"
                            | "is"
                            | "say"
                    )
                });
            let tacked_on = h.m.end == sentence.end
                && toks[sentence.first..h.m.first].iter().any(|t| {
                    t.clause == toks[h.m.end - 1].clause && lx::NEGATORS.contains(&t.norm.as_str())
                });
            pardon || tacked_on
        };
        let strong: Vec<Hit> = r
            .find(lx::empathy())
            .into_iter()
            .filter(|h| !non_apology.iter().any(|n| overlaps(*n, h.span)))
            .filter(|h| !of_a_task(h) && !not_an_apology(h))
            .collect();
        let weak: Vec<Hit> = r
            .find(lx::empathy_weak())
            .into_iter()
            .filter(|h| !not_an_apology(h))
            .filter(|h| !non_apology.iter().any(|n| overlaps(*n, h.span)))
            .filter(|h| !strong.iter().any(|s| overlaps(s.span, h.span)))
            .collect();
        // A reaction to their situation with a word of feeling, by its shape.
        let reacts: Vec<Span> = super::feeling::acknowledgements(r)
            .into_iter()
            .filter(|s| !strong.iter().any(|h| overlaps(h.span, *s)))
            .filter(|s| !non_apology.iter().any(|n| overlaps(*n, *s)))
            .filter(|s| !self.flags.iter().any(|f| overlaps(f.span, *s)))
            .collect();
        let s = if !strong.is_empty() || !reacts.is_empty() {
            1.0
        } else if !weak.is_empty() {
            0.5
        } else {
            0.0
        };
        let mut e = ev(&strong, "acknowledges the feeling");
        e.extend(reacts.iter().map(|span| Evidence {
            span: *span,
            note: "reacts to how this feels for them".into(),
        }));
        e.extend(ev(&weak, "brief apology"));
        let (s, e) = self.cancelled(s, e);
        self.push(Criterion::Empathize, s, true, e);
        // Resolve
        let (resolve, e, carried_out) = self.resolve();
        self.push(Criterion::Resolve, resolve, true, e);
        self.fixing_now = resolve >= 0.5;
        // What was judged before the fix was known: a fix may take a step
        // off this turn's list (a customer in a hurry owed only the result).
        for cs in &mut self.criteria {
            if cs.applicable && !super::stage::called_for(self.ctx, cs.criterion, self.fixing_now) {
                cs.applicable = false;
                cs.hint = None;
            }
        }
        let fix_offered =
            resolve >= 0.5 || self.ctx.previous.iter().any(|a| a.hit(Criterion::Resolve));
        // Check
        let hits = &self.shared.checks;
        let s = if hits.is_empty() { 0.0 } else { 1.0 };
        self.push(
            Criterion::Check,
            s,
            fix_offered,
            ev(hits, "checks the solution works for them"),
        );
        // Follow up
        let (s, e) = self.follow_up();
        self.push(Criterion::FollowUp, s, fix_offered, e);
        // Broad knowledge
        let (s, e) = self.knowledge(fact_hits);
        self.push(Criterion::BroadKnowledge, s, !self.ctx.facts.is_empty(), e);
        // Eager ("absolutely" in "you're absolutely right" is respect, not eagerness)
        let respect_hits = &self.shared.respect;
        let hits: Vec<Hit> = r
            .find_affirmed(lx::eager())
            .into_iter()
            .filter(|h| !respect_hits.iter().any(|x| overlaps(x.span, h.span)))
            .filter(|h| !r.refused_after(h.m))
            // "Is there anything else I can help with?" checks; it is
            // judged there.
            .filter(|h| !self.shared.checks.iter().any(|x| overlaps(x.span, h.span)))
            // "How can I help you today?": the stock opening question.
            .filter(|h| {
                let s = &r.tokens.sentences[toks[h.m.first].sentence];
                let asks_how = (s.first..h.m.first.max(s.first) + 1)
                    .rev()
                    .take(3)
                    .any(|k| matches!(toks[k].norm.as_str(), "how" | "what"));
                !(s.question
                    && asks_how
                    && toks[h.m.first..h.m.end].iter().any(|t| t.norm == "can"))
            })
            // "I'm really busy right now": haste is not willingness.
            .filter(|h| {
                let clause = toks[h.m.first].clause;
                !toks[h.m.first..h.m.end]
                    .iter()
                    .any(|t| t.clause == clause && matches!(t.norm.as_str(), "busy" | "swamped"))
            })
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
        // Sincere: concern for what this costs them, on its own evidence; a
        // stock apology is empathy, not sincerity.
        let concern: Vec<Hit> = r
            .find(lx::concern())
            .into_iter()
            .filter(|h| !r.refused_after(h.m))
            .collect();
        let mut felt: Vec<(usize, Span)> = strong
            .iter()
            .map(|h| (toks[h.m.first].sentence, h.span))
            .collect();
        felt.extend(reacts.iter().filter_map(|span| {
            let i = r.tokens.sentences.iter().position(|x| x.span == *span)?;
            Some((i, *span))
        }));
        let specific = self.specific_empathy(&felt);
        let s = if concern.is_empty() && specific.is_empty() {
            0.0
        } else {
            1.0
        };
        let mut e = ev(&concern, "shows real concern");
        e.extend(specific.iter().map(|span| Evidence {
            span: *span,
            note: "feels for their particular situation".into(),
        }));
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
        // "What can I do for you today?" opens a call; "What do you want
        // me to do about it?" dismisses. Neither asks what they expect.
        let hostile: Vec<Span> = [FlagId::Insult, FlagId::NotMyJob, FlagId::Argue]
            .into_iter()
            .flat_map(|f| self.spans_of(f))
            .collect();
        let toks = &r.tokens.tokens;
        let restate: Vec<Hit> = r
            .find(lx::understand_restate())
            .into_iter()
            .filter(|h| !hostile.iter().any(|x| overlaps(*x, h.span)))
            .collect();
        let ask: Vec<Hit> = r
            .find(lx::understand_ask())
            .into_iter()
            .filter(|h| {
                let s = &r.tokens.sentences[toks[h.m.first].sentence];
                let words: Vec<&str> = toks[s.first..s.end]
                    .iter()
                    .map(|t| t.norm.as_str())
                    .collect();
                let has = |xs: &[&str]| words.iter().any(|w| xs.contains(w));
                let opener = s.question
                    && words.len() <= 9
                    && has(&["what", "how"])
                    && has(&["can", "may", "could"])
                    && has(&["i"])
                    && has(&["do", "help", "assist"]);
                !opener && !hostile.iter().any(|x| overlaps(*x, h.span))
            })
            .collect();
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
        let hits = &self.shared.respect;
        let polite = r.find(lx::politeness());
        let s = if !hits.is_empty() {
            1.0
        } else if !polite.is_empty() {
            0.4
        } else {
            0.0
        };
        let mut e = ev(hits, "treats their view as valid");
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
        let (s, e) = self.empowered(carried_out);
        self.push(Criterion::Empowered, s, true, e);
    }

    /// Empathy whose sentence names the customer's own situation (two or
    /// more of their content words): "I'm so sorry the sample came in the
    /// wrong colours for Riya's wedding" is meant; "sorry for the
    /// inconvenience" is stock.
    fn specific_empathy(&self, felt: &[(usize, Span)]) -> Vec<Span> {
        let theirs = &self.theirs;
        if theirs.is_empty() {
            return Vec::new();
        }
        let toks = &self.r.tokens.tokens;
        felt.iter()
            .filter(|(sentence, _)| {
                let sentence = *sentence;
                let mut seen: Vec<&str> = Vec::new();
                for t in toks.iter().filter(|t| t.sentence == sentence) {
                    if let Some(st) = stem(&t.norm) {
                        if theirs.iter().any(|x| x == st) && !seen.contains(&st) {
                            seen.push(st);
                        }
                    }
                }
                seen.len() >= 2
            })
            .map(|(_, span)| *span)
            .collect()
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
        let theirs = &self.theirs;
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
        // Using their words to answer is not yet saying them back; summing
        // up with them ("So your ...") is.
        let sums_up = seen.len() >= 2 && self.sums_up();
        let overlap = match seen.len() {
            _ if sums_up => 0.7,
            0 => 0.0,
            1 | 2 => 0.25,
            3 => 0.5,
            _ => 0.7,
        };
        // "I hear you" alone is a stock phrase; "I hear the delivery was two
        // days late" says back what they said.
        let says_back = stems
            .iter()
            .any(|h| self.paraphrase_follows(h) || self.paraphrase_precedes(h));
        // Letting them vent is listening too.
        let invites = r.find(lx::listen_invite());
        // "I can hear how frustrating this has been": the feeling said back
        // with what caused it; "I understand you're frustrated" is stock.
        let toks = &r.tokens.tokens;
        let feeling_back = stems.iter().any(|h| {
            let sentence = toks[h.m.first].sentence;
            feelings.iter().any(|f| {
                toks[f.m.first].sentence == sentence
                    && toks[f.m.end..]
                        .iter()
                        .take_while(|t| t.sentence == sentence)
                        .take(3)
                        .any(|t| {
                            matches!(
                                t.norm.as_str(),
                                "this" | "that" | "it" | "situation" | "experience"
                            )
                        })
            })
        });
        let mut s: f32 = if stems.is_empty() {
            overlap
        } else if !seen.is_empty() || says_back {
            1.0
        } else if !invites.is_empty() {
            0.7
        } else if feeling_back {
            0.55
        } else {
            0.3
        };
        if !feelings.is_empty() && s >= 0.4 {
            s += 0.25;
        }
        let mut e = ev(&stems, "paraphrases");
        e.extend(echoed);
        e.extend(ev(&feelings, "names the feeling"));
        (s.min(1.0), e)
    }

    /// A sentence that opens "So ...", "Right, ..." or "Okay, so ..." and is
    /// about them ("you", "your"): a summary, not an answer.
    fn sums_up(&self) -> bool {
        let toks = &self.r.tokens.tokens;
        self.r.tokens.sentences.iter().any(|s| {
            let words = &toks[s.first..s.end];
            let opens = words
                .iter()
                .take(2)
                .any(|t| matches!(t.norm.as_str(), "so" | "right" | "okay" | "ok"));
            opens
                && !s.question
                && words
                    .iter()
                    .any(|t| matches!(t.norm.as_str(), "you" | "your"))
        })
    }

    /// Two or more content words (not feelings) after a listening phrase, in
    /// its clause: the trainee is saying back the situation itself.
    /// "So the charge surprised you and you feel misled, did I get that
    /// right?": a confirmation after their situation said back about them.
    fn paraphrase_precedes(&self, h: &Hit) -> bool {
        let toks = &self.r.tokens.tokens;
        let confirms = matches!(toks[h.m.first].norm.as_str(), "did" | "have" | "do")
            && toks.get(h.m.first + 1).is_some_and(|t| t.norm == "i");
        if !confirms {
            return false;
        }
        let sentence = toks[h.m.first].sentence;
        let before: Vec<&crate::text::Token> = toks[..h.m.first]
            .iter()
            .rev()
            .take_while(|t| t.sentence + 1 >= sentence)
            .collect();
        before
            .iter()
            .any(|t| matches!(t.norm.as_str(), "you" | "your"))
            && before.iter().filter(|t| stem(&t.norm).is_some()).count() >= 2
    }

    fn paraphrase_follows(&self, h: &Hit) -> bool {
        let toks = &self.r.tokens.tokens;
        let clause = toks[h.m.end - 1].clause;
        let sentence = toks[h.m.end - 1].sentence;
        let feelings = lx::feelings();
        // "If I understand correctly, you need ...": when the phrase ends its
        // clause, what they said comes in the next one.
        let ends_clause = toks.get(h.m.end).is_some_and(|t| t.clause != clause);
        let after: Vec<&crate::text::Token> = toks[h.m.end..]
            .iter()
            .take_while(|t| {
                t.sentence == sentence
                    && (t.clause == clause || (ends_clause && t.clause == clause + 1))
            })
            .collect();
        let content = after
            .iter()
            .filter(|t| stem(&t.norm).is_some())
            .filter(|t| {
                !feelings.iter().any(|p| {
                    p.words()
                        .any(|w| t.norm.starts_with(w.trim_end_matches('~')))
                })
            })
            .count();
        content >= 2 || (content == 1 && after.len() >= 5)
    }

    /// The score, its evidence, and a fix already carried out ("I've
    /// refunded it", "you're booked on the 18:40"), if the reply states one.
    fn resolve(&self) -> (f32, Vec<Evidence>, Option<Span>) {
        let r = self.r;
        // "I'll send you a confirmation" is follow-through, not the fix itself.
        let follow = &self.shared.follow;
        let (own, searching): (Vec<Hit>, Vec<Hit>) = r
            .find_affirmed(lx::resolve_own())
            .into_iter()
            .filter(|h| !follow.iter().any(|f| overlaps(f.span, h.span)))
            .partition(|h| !h.embedded);
        let team: Vec<Hit> = r
            .find_affirmed(lx::resolve_team())
            .into_iter()
            .filter(|h| !h.embedded)
            .collect();
        // "The number for the baggage desk is on your ticket, they can
        // help": sending them elsewhere is not a fix.
        let elsewhere: Vec<Span> = self
            .spans_of(FlagId::ColdTransfer)
            .into_iter()
            .chain(self.spans_of(FlagId::NotMyJob))
            .collect();
        let toks = &r.tokens.tokens;
        // "We missed your delivery", "we appreciate you bringing this up":
        // the word of a fix is a noun or the customer's own doing, and the
        // agent's verb is something else.
        let not_a_deed = |h: &Hit| {
            let words = &toks[h.m.first..h.m.end];
            let n = words.len();
            // Only helpers between the agent and that word ("I'll have the
            // courier collect it") leave it the agent's deed.
            let other_verb = |middle: &[crate::text::Token]| {
                middle.iter().any(|t| {
                    !matches!(
                        t.norm.as_str(),
                        "will"
                            | "would"
                            | "shall"
                            | "can"
                            | "could"
                            | "have"
                            | "has"
                            | "had"
                            | "am"
                            | "is"
                            | "are"
                            | "be"
                            | "been"
                            | "going"
                            | "to"
                            | "just"
                            | "now"
                            | "also"
                            | "already"
                            | "certainly"
                            | "definitely"
                            | "then"
                            | "get"
                            | "got"
                    )
                })
            };
            n >= 3
                && other_verb(&words[1..n - 2])
                && matches!(words[0].norm.as_str(), "we" | "i")
                && lx::is_act_word(&words[n - 1].norm)
                && match words[n - 2].norm.as_str() {
                    "your" | "the" | "a" | "an" | "my" | "our" | "this" | "that" => true,
                    "you" => !matches!(words[n - 3].norm.as_str(), "have" | "get" | "got" | "had"),
                    _ => false,
                }
        };
        // A product pitched is not a remedy for the problem.
        let elsewhere: Vec<Span> = elsewhere
            .into_iter()
            .chain(self.spans_of(FlagId::SalesPitch).into_iter().map(|f| {
                let sentence = &r.tokens.sentences[toks
                    .iter()
                    .find(|t| t.span.start >= f.start)
                    .map_or(0, |t| t.sentence)];
                sentence.span
            }))
            .collect();
        // A question offers a fix only as a yes-or-no offer of something
        // named ("Shall I refund the $20?"). "How may I provide excellent
        // service?" asks how; "May I have your order number?" asks the
        // customer for something; "May I get you anything?" names nothing.
        let asks_not_offers = |h: &Hit| {
            let s = &r.tokens.sentences[toks[h.m.first].sentence];
            if !s.question {
                return false;
            }
            let w = |k: usize| {
                toks.get(k)
                    .filter(|_| k < s.end)
                    .map_or("", |t| t.norm.as_str())
            };
            let wh = matches!(
                w(s.first),
                "how" | "what" | "when" | "where" | "which" | "who" | "why"
            );
            let receives = (h.m.first..h.m.end).any(|k| {
                w(k) == "i"
                    && matches!(w(k + 1), "have" | "get" | "take")
                    && matches!(w(k + 2), "your" | "the" | "a")
            });
            let nothing_named =
                (h.m.end..s.end.min(h.m.end + 2)).any(|k| matches!(w(k), "anything" | "something"));
            wh || receives || nothing_named
        };
        // Not a fix at all: "we are unable to process", "may I place you on
        // hold", "we've run out of the salmon", "sorry to have kept you waiting".
        let no_fix = |h: &Hit| {
            let sentence = toks[h.m.first].sentence;
            let w = |k: usize| {
                toks.get(k)
                    .filter(|t| t.sentence == sentence)
                    .map_or("", |t| t.norm.as_str())
            };
            (h.m.first..h.m.end).any(|k| matches!(w(k), "unable" | "impossible" | "refuse"))
                || (h.m.first..h.m.end + 4).any(|k| w(k) == "hold")
                || (w(h.m.end - 1) == "run" || w(h.m.end - 1) == "sold") && w(h.m.end) == "out"
                || w(h.m.end - 1) == "waiting"
                // "I'm processing your complaint": handling the case, not fixing it.
                || (h.m.end..h.m.end + 2).any(|k| {
                    matches!(w(k), "complaint" | "request" | "query" | "enquiry" | "inquiry" | "case" | "feedback")
                })
                || asks_not_offers(h)
                // "I can give you an accurate update": news, not a remedy.
                || (h.m.end..h.m.end + 3).any(|k| {
                    matches!(
                        w(k),
                        "update" | "updates" | "answer" | "answers" | "information" | "info" | "details" | "estimate" | "overview" | "explanation"
                            // The paperwork of a fix, or a test on the way to one.
                            | "confirmation" | "receipt" | "test" | "tests" | "diagnostic" | "diagnostics"
                    )
                })
                // "You'll have to call back": the customer's task, not the agent's fix.
                || ((h.m.first.saturating_sub(4)..h.m.first).any(|k| w(k) == "you")
                    && (h.m.first..h.m.end).any(|k| matches!(w(k), "have" | "need" | "must"))
                    && (h.m.first..h.m.end).any(|k| w(k) == "to"))
                // "The house is fully booked": no room, not a booking.
                || (h.m.first.max(1)..h.m.end).any(|k| w(k) == "booked" && matches!(w(k - 1), "fully" | "already"))
        };
        let own: Vec<Hit> = own
            .into_iter()
            .filter(|h| {
                !elsewhere.iter().any(|s| overlaps(*s, h.span)) && !not_a_deed(h) && !no_fix(h)
            })
            .collect();
        // A fix's words inside a denial or a refusal describe what is not
        // happening: "there was no reason for you to get a free night", "I
        // cannot do a redo without...", "we failed to deliver your suite",
        // "it's not there even though tracking shows it was delivered". A
        // turn ("..., but", "so") or a reassurance ("no problem") ends the
        // denial; only what nobody has stated as the agent's own act is
        // judged this way.
        let denied = |h: &Hit| {
            let clause = toks[h.m.first].clause;
            let before: Vec<&str> = toks[..h.m.first]
                .iter()
                .rev()
                .take_while(|t| t.clause == clause)
                .map(|t| t.norm.as_str())
                .collect();
            let Some(k) = before.iter().position(|w| {
                matches!(
                    *w,
                    "no" | "not"
                        | "never"
                        | "nothing"
                        | "failed"
                        | "without"
                        | "unable"
                        | "neither"
                )
            }) else {
                return false;
            };
            let turned = before[..k].iter().any(|w| {
                matches!(
                    *w,
                    "but" | "however" | "instead" | "so" | "now" | "then" | "and"
                )
            });
            let reassures = before.get(k.wrapping_sub(1)).is_some_and(|w| {
                matches!(
                    *w,
                    "problem" | "worries" | "worry" | "charge" | "cost" | "extra" | "longer"
                )
            });
            !turned && !reassures
        };
        // "I'll ensure this is resolved": the outcome promised, no act named.
        let outcome_only = |h: &Hit| {
            toks[h.m.first.saturating_sub(3)..h.m.first]
                .iter()
                .any(|t| matches!(t.norm.as_str(), "ensure" | "sure"))
                && matches!(
                    toks[h.m.first].norm.as_str(),
                    "is" | "are" | "gets" | "get" | "be"
                )
        };
        let (team, outcomes): (Vec<Hit>, Vec<Hit>) = team
            .into_iter()
            .filter(|h| {
                !elsewhere.iter().any(|s| overlaps(*s, h.span))
                    && !not_a_deed(h)
                    && !no_fix(h)
                    && !denied(h)
            })
            .partition(|h| !outcome_only(h));
        // "I'll make sure this is handled", "I'll see to that": a promise
        // of care, concrete only when a fix is named after it.
        let (own, care): (Vec<Hit>, Vec<Hit>) = own.into_iter().partition(|h| {
            let words = &toks[h.m.first..h.m.end];
            let promise = words
                .iter()
                .any(|t| matches!(t.norm.as_str(), "sure" | "ensure" | "see" | "personally"))
                && !words.iter().any(|t| lx::is_act_word(&t.norm));
            let promise = promise || outcome_only(h);
            !promise || {
                let sentence = toks[h.m.first].sentence;
                toks[h.m.end..]
                    .iter()
                    .take_while(|t| t.sentence == sentence)
                    .any(|t| {
                        lx::is_act_word(&t.norm)
                            && !matches!(
                                t.norm.as_str(),
                                "handled" | "sorted" | "done" | "fixed" | "completed" | "resolved"
                            )
                    })
            }
        });
        let mut vague = r.find(lx::vague_fix());
        vague.extend(searching);
        vague.extend(care);
        vague.extend(outcomes);
        // "I'll sort this out", "We will fix it": a promise with no action named.
        let (own, generic): (Vec<Hit>, Vec<Hit>) =
            own.into_iter().partition(|h| !r.generic_action(h.m));
        // "Here's what I can do" announces a fix; the fix is what follows.
        let announces_only = |h: &Hit| {
            toks[h.m.first].norm == "here"
                && !toks[h.m.end..].iter().any(|t| lx::is_act_word(&t.norm))
        };
        let (team, generic_team): (Vec<Hit>, Vec<Hit>) = team
            .into_iter()
            .partition(|h| !r.generic_action(h.m) && !announces_only(h));
        vague.extend(generic);
        vague.extend(generic_team);
        // A fix stated as done is as good as done by the agent: "You're
        // booked on the 18:40", "the second charge is reversed", "your
        // address has been updated".
        let (done_team, team): (Vec<Hit>, Vec<Hit>) = team.into_iter().partition(|h| {
            let words = &toks[h.m.first..h.m.end];
            !h.hedged
                && words
                    .iter()
                    .any(|t| matches!(t.norm.as_str(), "is" | "are" | "been" | "now"))
                && words.iter().any(|t| {
                    lx::is_remedy_word(&t.norm)
                        || matches!(t.norm.as_str(), "booked" | "confirmed" | "done")
                })
        });
        // Said the way people type in a hurry: "Moved to tomorrow, 8 to
        // 10am.", "Refunded.", "Booked: the 18:40, seat 14C."
        let mut done_team = done_team;
        for s in &r.tokens.sentences {
            let first = &toks[s.first];
            if !s.question
                && (lx::is_remedy_word(&first.norm)
                    || matches!(first.norm.as_str(), "done" | "sorted"))
                && !toks[s.first..s.end]
                    .iter()
                    .any(|t| lx::NEGATORS.contains(&t.norm.as_str()))
                && !elsewhere.iter().any(|x| overlaps(*x, s.span))
            {
                let m = crate::text::Match {
                    first: s.first,
                    end: s.first + 1,
                };
                done_team.push(Hit {
                    m,
                    span: r.span(m),
                    hedged: false,
                    embedded: false,
                });
            }
        }
        let mut firm: Vec<Hit> = own.iter().filter(|h| !h.hedged).copied().collect();
        let carried_out = done_team.first().map(|h| h.span).or_else(|| {
            firm.iter()
                .find(|h| {
                    let words = &toks[h.m.first..h.m.end];
                    words.windows(2).any(|x| {
                        x[0].norm == "i"
                            && x[1].norm == "have"
                            && words
                                .iter()
                                .any(|t| lx::is_remedy_word(&t.norm) || t.norm.ends_with("ed"))
                    })
                })
                .map(|h| h.span)
        });
        firm.extend(done_team);
        let hedged: Vec<Hit> = own.iter().filter(|h| h.hedged).copied().collect();
        let s = if !firm.is_empty() {
            1.0
        } else if !team.is_empty() || self.warm_transfer {
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
        if self.warm_transfer && firm.is_empty() && team.is_empty() {
            if let Some(t) = super::transfer::transfer(r) {
                e.push(Evidence {
                    span: t.span,
                    note: "takes it to the person who can fix it, warmly".into(),
                });
            }
        }
        (s, e, carried_out)
    }

    /// Commitments to a next contact, less hedged or timeless ones: "I'll
    /// probably be able to get back to you at some point" promises nothing.
    fn firm_follow(&self) -> Vec<Hit> {
        let toks = &self.r.tokens.tokens;
        self.shared
            .follow
            .iter()
            .filter(|h| {
                let sentence = toks[h.m.first].sentence;
                let words: Vec<&str> = toks
                    .iter()
                    .filter(|t| t.sentence == sentence)
                    .map(|t| t.norm.as_str())
                    .collect();
                let vague = words
                    .windows(2)
                    .any(|x| x == ["some", "point"] || x == ["one", "day"])
                    || words
                        .iter()
                        .any(|w| matches!(*w, "sometime" | "eventually" | "someday"));
                let clause = toks[h.m.first].clause;
                let hedged = toks[..h.m.first]
                    .iter()
                    .rev()
                    .take(5)
                    .take_while(|t| t.sentence == sentence && t.clause == clause)
                    .any(|t| {
                        matches!(
                            t.norm.as_str(),
                            "probably" | "maybe" | "perhaps" | "possibly" | "hopefully"
                        )
                    });
                !vague && !hedged
            })
            .copied()
            .collect()
    }

    fn follow_up(&self) -> (f32, Vec<Evidence>) {
        let r = self.r;
        let parts = [
            // Each part shows follow-through on its own except a bare time.
            (self.firm_follow(), 0.6, "commits to a next contact"),
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

    /// `carried_out`: a fix the reply says is already done, which the agent
    /// decided on their own authority unless they deflect.
    fn empowered(&self, carried_out: Option<Span>) -> (f32, Vec<Evidence>) {
        let r = self.r;
        let follow = &self.shared.follow;
        let own: Vec<Hit> = r
            .find_affirmed(lx::empowered())
            .into_iter()
            .filter(|h| !follow.iter().any(|f| overlaps(f.span, h.span)) && !h.embedded)
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
        // Authority shows in what only someone trusted to decide can do: a
        // concession ("I can waive the fee", "the meal is on us", "I've
        // approved a refund"), saying what they are able to decide ("here
        // is what I can do", "I'm making an exception"), or a fix already
        // carried out on their own say-so ("I've reinstated it"). A routine
        // service step promised ("I'll reset your password", "I'll bring
        // your drinks") is the job, done willingly, not a decision taken.
        let toks = &r.tokens.tokens;
        // Saying what they are able to decide is itself a decision, though
        // it names no action yet: "here's what I can do", "leave it with me".
        let capacity = |m: crate::text::Match| {
            toks[m.first..m.end].iter().any(|t| {
                matches!(
                    t.norm.as_str(),
                    "able" | "authority" | "offer" | "what" | "leave" | "ahead"
                ) || t.norm.starts_with("authori")
            })
        };
        let decides = |m: crate::text::Match| {
            let clause = toks[m.end - 1].clause;
            let rest = toks[m.end..]
                .iter()
                .take(8)
                .take_while(|t| t.clause == clause);
            toks[m.first..m.end]
                .iter()
                .chain(rest)
                .any(|t| is_discretion_word(&t.norm))
                || capacity(m)
                || toks[m.first..m.end]
                    .windows(2)
                    .any(|x| x[0].norm == "do" && matches!(x[1].norm.as_str(), "that" | "this" | "it"))
                // Already done, on nobody else's say-so: "I've reinstated it",
                // "I've phoned the surgery myself".
                || (m.first..m.end).any(|k| {
                    let w = |j: usize| toks.get(j).map_or("", |t| t.norm.as_str());
                    let done = (k + 2..k + 4)
                        .find(|&j| !matches!(w(j), "already" | "just" | "now" | "also"))
                        .is_some_and(|j| {
                            !matches!(
                                w(j),
                                "to" | "been" | "got" | "a" | "an" | "the" | "no" | "not" | "your"
                                    | "some" | "any" | "this" | "that" | "it" | ""
                            )
                        });
                    let doing = matches!(w(k + 1), "am" | "are")
                        && w(k + 2).ends_with("ing")
                        && !matches!(
                            w(k + 2),
                            "going" | "trying" | "looking" | "checking" | "waiting" | "hoping"
                                | "having" | "getting" | "working" | "being"
                        );
                    matches!(w(k), "i" | "we") && (w(k + 1) == "have" && done || doing)
                })
                || toks[m.end..]
                    .iter()
                    .take_while(|t| t.sentence == toks[m.first].sentence)
                    .any(|t| t.norm == "myself")
        };
        let (own, routine): (Vec<Hit>, Vec<Hit>) = own.into_iter().partition(|h| decides(h.m));
        // A concession stated outright: "your meal tonight is on the house".
        // Not "you're free to say no", "when you're free", nor a question.
        let granted: Vec<Hit> = r
            .find_affirmed(lx::free_remedy())
            .into_iter()
            .filter(|h| {
                let w = |k: usize| toks.get(k).map_or("", |t| t.norm.as_str());
                let sentence = &r.tokens.sentences[toks[h.m.first].sentence];
                let state = w(h.m.first) == "free"
                    && (matches!(w(h.m.end), "to" | "again" | "now" | "time" | "")
                        || matches!(
                            w(h.m.first.wrapping_sub(1)),
                            "be" | "are" | "is" | "were" | "was" | "am"
                        ));
                !own.iter().any(|o| overlaps(o.span, h.span))
                    && !h.hedged
                    && !sentence.question
                    && !state
            })
            .collect();
        // Deciding means naming what is decided: "I'll take care of it" is not yet a decision.
        let firm = own
            .iter()
            .any(|h| !h.hedged && (!r.generic_action(h.m) || capacity(h.m)))
            || !granted.is_empty();
        e.extend(ev(&own, "acts on their own authority"));
        e.extend(ev(&granted, "grants it on their own authority"));
        if !firm {
            if let Some(span) = carried_out {
                e.push(Evidence {
                    span,
                    note: "did it on their own authority".into(),
                });
                return (1.0, e);
            }
        }
        if !firm && own.is_empty() && !routine.is_empty() {
            e.extend(ev(
                &routine,
                "does the job, without a decision of their own",
            ));
            return (0.3, e);
        }
        let s = if firm {
            1.0
        } else if own.iter().any(|h| !r.generic_action(h.m)) {
            0.5
        } else if own.is_empty() {
            0.0
        } else {
            0.3
        };
        (s, e)
    }
}

/// Words of a concession only someone trusted to decide can make.
fn is_discretion_word(w: &str) -> bool {
    const WORDS: &[&str] = &[
        "complimentary",
        "goodwill",
        "exception",
        "gesture",
        "coupon",
        "voucher",
    ];
    const STEMS: &[&str] = &[
        "waiv",
        "discount",
        "compensat",
        "approv",
        "authori",
        "overrid",
        "refund",
        "credit",
        "upgrad",
        "reimburs",
        "cover",
    ];
    WORDS.contains(&w) || STEMS.iter().any(|s| w.starts_with(s))
}
