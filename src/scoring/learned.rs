//! A small learned layer over the rules. Per label (each criterion but broad
//! knowledge, each mistake), a logistic model over hashed features of the
//! reply: its words, word pairs, words under a negation, how its sentences
//! and questions open, the persona, its length, how many of the customer's
//! words it echoes, and the rules' own verdicts. The weights are trained on
//! the corpus's dev split only by `rapport train`, which writes the committed
//! table `learned.bin` (quantised to i8, pruned); per label the table also
//! says how the model's verdict combines with the rules' (rules only, model
//! only, either, both) and at what threshold, chosen by cross-validation
//! grouped by source page.
//!
//! When the combined verdict differs from the rules', the assessment changes
//! and the words with the largest weights in that direction become its
//! evidence, so a learned credit or flag still points at the words behind it.

use super::eval::Label;
use super::matching::Reply;
use super::{Assessment, Context, Criterion, CriterionScore, Evidence, Flag, FlagId, Severity};
use crate::persona::Persona;
use crate::text::{word_hash, Span};
use serde::{Serialize, Serializer};
use std::sync::atomic::{AtomicU8, Ordering};
use std::sync::OnceLock;

/// How many labels the model scores: twelve criteria and thirteen mistakes.
pub const LABELS: usize = 25;

/// The labels in table order (the order of [`Label::all`]).
pub fn label(i: usize) -> Label {
    match SCORED.get(i) {
        Some(c) => Label::Hit(*c),
        None => Label::Flag(FlagId::ALL[(i - SCORED.len()) % FlagId::ALL.len()]),
    }
}

/// Every criterion but broad knowledge (which needs a scenario's facts), in
/// rubric order: the model's first labels, before the mistakes.
const SCORED: [Criterion; 12] = {
    let mut out = [Criterion::Greet; 12];
    let (mut i, mut n) = (0, 0);
    while i < Criterion::ALL.len() {
        if !matches!(Criterion::ALL[i], Criterion::BroadKnowledge) {
            out[n] = Criterion::ALL[i];
            n += 1;
        }
        i += 1;
    }
    out
};

/// What the rules concluded for label `i`.
pub fn rules_say(a: &Assessment, i: usize) -> bool {
    match label(i) {
        Label::Hit(c) => a.hit(c),
        Label::Flag(f) => a.flagged(f),
    }
}

/// Which features a table was trained with (bits of [`Table::features`]).
pub mod set {
    /// Each word.
    pub const WORDS: u8 = 1;
    /// Each pair of neighbouring words in a sentence.
    pub const PAIRS: u8 = 2;
    /// The first five letters of each longer word (a crude stem).
    pub const STEMS: u8 = 4;
    /// Words after a negation in the same clause.
    pub const NEGATED: u8 = 8;
    /// The first word and first two words of each sentence, and of each question.
    pub const OPENINGS: u8 = 16;
    /// The rules' verdict per label, and part credit per criterion.
    pub const RULES: u8 = 32;
    /// Persona, length, how many of the customer's words are echoed.
    pub const CONTEXT: u8 = 64;
}

const T_WORD: u64 = 1;
const T_PAIR: u64 = 2;
const T_STEM: u64 = 3;
const T_NEG: u64 = 4;
const T_OPEN: u64 = 5;
const T_OPEN2: u64 = 6;
const T_ASK: u64 = 7;
const T_ASK2: u64 = 8;
const T_RULE: u64 = 9;
const T_PART: u64 = 10;
const T_PERSONA: u64 = 11;
const T_LENGTH: u64 = 12;
const T_ECHO: u64 = 13;
const T_QUESTIONS: u64 = 14;
const T_NOTE: u64 = 15;
const T_LEVEL: u64 = 16;
const T_KIND: u64 = 17;

/// The span of features of the whole reply.
const NOWHERE: Span = Span { start: 0, end: 0 };

fn mix(a: u64, b: u64) -> u64 {
    (a.rotate_left(5) ^ b).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95)
}

fn fold(h: u64) -> u32 {
    (h ^ (h >> 29) ^ (h >> 47)) as u32
}

/// One feature of a reply: its hash (the table keeps `hash % buckets`) and
/// the words it stands for (empty for features of the whole reply).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Feature {
    pub hash: u32,
    pub span: Span,
}

/// The hashes of the words that negate what follows them.
fn negators() -> &'static [u64] {
    static SET: OnceLock<Vec<u64>> = OnceLock::new();
    SET.get_or_init(|| {
        super::lexicon::NEGATORS
            .iter()
            .map(|w| word_hash(w))
            .collect()
    })
}

/// The features of a graded reply, from the words grading already read and
/// the rules' assessment `a`.
pub fn extract(r: &Reply, ctx: &Context, a: &Assessment, features: u8, out: &mut Vec<Feature>) {
    let toks = &r.tokens.tokens;
    let hs = &r.tokens.hashes;
    let mut push = |h: u64, span: Span| {
        out.push(Feature {
            hash: fold(h),
            span,
        })
    };
    let mut negated = false;
    let mut clause = usize::MAX;
    for (i, t) in toks.iter().enumerate() {
        let h = hs.get(i).copied().unwrap_or(0);
        if features & set::WORDS != 0 {
            push(mix(T_WORD, h), t.span);
        }
        if features & set::STEMS != 0 && t.norm.len() > 5 {
            if let Some((cut, _)) = t.norm.char_indices().nth(5) {
                push(mix(T_STEM, word_hash(&t.norm[..cut])), t.span);
            }
        }
        if features & set::PAIRS != 0 {
            if let Some(n) = toks.get(i + 1).filter(|n| n.sentence == t.sentence) {
                let h2 = hs.get(i + 1).copied().unwrap_or(0);
                push(
                    mix(mix(T_PAIR, h), h2),
                    Span::new(t.span.start, n.span.end.max(t.span.end)),
                );
            }
        }
        if features & set::NEGATED != 0 {
            if t.clause != clause {
                clause = t.clause;
                negated = false;
            }
            if negated {
                push(mix(T_NEG, h), t.span);
            }
            if negators().contains(&h) {
                negated = true;
            }
        }
    }
    if features & set::OPENINGS != 0 {
        for s in &r.tokens.sentences {
            let (Some(first), Some(h)) = (toks.get(s.first), hs.get(s.first)) else {
                continue;
            };
            let (t1, t2) = if s.question {
                (T_ASK, T_ASK2)
            } else {
                (T_OPEN, T_OPEN2)
            };
            push(mix(t1, *h), first.span);
            if s.first + 1 < s.end {
                if let (Some(second), Some(h2)) = (toks.get(s.first + 1), hs.get(s.first + 1)) {
                    push(
                        mix(mix(t2, *h), *h2),
                        Span::new(first.span.start, second.span.end.max(first.span.end)),
                    );
                }
            }
        }
    }
    if features & set::RULES != 0 {
        for i in 0..LABELS {
            let (said, part, span) = match label(i) {
                Label::Hit(c) => {
                    let s = a.get(c);
                    let span = s
                        .evidence
                        .iter()
                        .find(|e| !e.note.starts_with("cancelled"))
                        .map_or(NOWHERE, |e| e.span);
                    (s.score >= 0.5, s.score > 0.0 && s.score < 0.5, span)
                }
                Label::Flag(f) => {
                    let span = a.flags.iter().find(|x| x.id == f).map(|x| x.span);
                    (span.is_some(), false, span.unwrap_or(NOWHERE))
                }
            };
            if said {
                push(mix(T_RULE, i as u64), span);
            }
            if part {
                push(mix(T_PART, i as u64), span);
            }
        }
        // Why the rules scored each criterion as they did, and how much.
        for s in &a.criteria {
            let c = s.criterion as u64;
            push(
                mix(mix(T_LEVEL, c), (s.score * 4.0).round() as u64),
                NOWHERE,
            );
            for e in &s.evidence {
                push(mix(mix(T_NOTE, c), word_hash(&e.note)), e.span);
            }
        }
        let q = a.questions;
        for (kind, asked) in [q.basic, q.detail, q.assessment].into_iter().enumerate() {
            if asked {
                push(mix(T_KIND, kind as u64), NOWHERE);
            }
        }
    }
    if features & set::CONTEXT != 0 {
        let persona = Persona::ALL
            .iter()
            .position(|p| *p == ctx.persona)
            .unwrap_or(0);
        push(mix(T_PERSONA, persona as u64), NOWHERE);
        let length = match a.words {
            0..=6 => 0,
            7..=15 => 1,
            16..=30 => 2,
            _ => 3,
        };
        push(mix(T_LENGTH, length), NOWHERE);
        let echoed = a
            .get(Criterion::Listen)
            .evidence
            .iter()
            .filter(|e| e.note == "reflects their words")
            .count()
            .min(4);
        push(mix(T_ECHO, echoed as u64), NOWHERE);
        let asks = r.tokens.sentences.iter().filter(|s| s.question).count();
        push(mix(T_QUESTIONS, asks.min(3) as u64), NOWHERE);
    }
}

/// How a label's final verdict combines the rules and the model.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    Rules,
    Model,
    Either,
    Both,
}

impl Mode {
    pub const ALL: [Mode; 4] = [Mode::Rules, Mode::Model, Mode::Either, Mode::Both];

    pub fn id(self) -> &'static str {
        match self {
            Mode::Rules => "rules",
            Mode::Model => "model",
            Mode::Either => "either",
            Mode::Both => "both",
        }
    }

    /// The verdict from the rules' and the model's.
    pub fn combine(self, rules: bool, model: bool) -> bool {
        match self {
            Mode::Rules => rules,
            Mode::Model => model,
            Mode::Either => rules || model,
            Mode::Both => rules && model,
        }
    }

    fn from_byte(b: u8) -> Option<Mode> {
        Mode::ALL.get(usize::from(b)).copied()
    }
}

/// One label's part of the table.
#[derive(Clone, Debug, PartialEq)]
pub struct LabelModel {
    pub mode: Mode,
    /// The logit above which the model says yes.
    pub threshold: f32,
    /// Logit per unit of a quantised weight.
    pub scale: f32,
    pub bias: f32,
    /// `(bucket, weight)`, buckets ascending; empty when the mode is rules.
    pub weights: Vec<(u32, i8)>,
}

/// The table `rapport train` writes: how it was trained and the weights.
#[derive(Clone, Debug, PartialEq)]
pub struct Table {
    /// Which features ([`set`] bits).
    pub features: u8,
    /// log2 of the number of hash buckets.
    pub bucket_bits: u8,
    /// L2 regularisation per example.
    pub l2: f32,
    /// Training passes over the examples.
    pub epochs: u8,
    /// Most weights kept per label.
    pub keep: u16,
    pub labels: Vec<LabelModel>,
}

const MAGIC: &[u8; 4] = b"RPL1";

impl Table {
    pub fn buckets(&self) -> u32 {
        1 << self.bucket_bits
    }

    /// The table as bytes: a header, then per label its mode, threshold, and
    /// unless the mode is rules its scale, bias and weights (bucket gaps as
    /// varints, then the weights).
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = MAGIC.to_vec();
        out.extend([self.features, self.bucket_bits, self.epochs]);
        out.extend(self.l2.to_le_bytes());
        out.extend(self.keep.to_le_bytes());
        for l in &self.labels {
            out.push(l.mode as u8);
            out.extend(l.threshold.to_le_bytes());
            if l.mode == Mode::Rules {
                continue;
            }
            out.extend(l.scale.to_le_bytes());
            out.extend(l.bias.to_le_bytes());
            out.extend((l.weights.len() as u16).to_le_bytes());
            let mut last = 0;
            for (b, _) in &l.weights {
                let mut gap = b - last;
                last = *b;
                loop {
                    let byte = (gap & 0x7f) as u8;
                    gap >>= 7;
                    if gap == 0 {
                        out.push(byte);
                        break;
                    }
                    out.push(byte | 0x80);
                }
            }
            out.extend(l.weights.iter().map(|(_, w)| *w as u8));
        }
        out
    }

    /// Reads a table; `None` when the bytes are not one.
    pub fn from_bytes(b: &[u8]) -> Option<Table> {
        let mut at = 0usize;
        let mut take = |n: usize| -> Option<&[u8]> {
            let s = b.get(at..at.checked_add(n)?)?;
            at += n;
            Some(s)
        };
        if take(4)? != MAGIC {
            return None;
        }
        let h = take(3)?;
        let (features, bucket_bits, epochs) = (h[0], h[1], h[2]);
        if bucket_bits > 24 {
            return None;
        }
        let f32_of = |s: &[u8]| Some(f32::from_le_bytes(s.try_into().ok()?));
        let l2 = f32_of(take(4)?)?;
        let keep = u16::from_le_bytes(take(2)?.try_into().ok()?);
        let mut labels = Vec::with_capacity(LABELS);
        for _ in 0..LABELS {
            let mode = Mode::from_byte(take(1)?[0])?;
            let threshold = f32_of(take(4)?)?;
            let mut l = LabelModel {
                mode,
                threshold,
                scale: 0.0,
                bias: 0.0,
                weights: Vec::new(),
            };
            if mode != Mode::Rules {
                l.scale = f32_of(take(4)?)?;
                l.bias = f32_of(take(4)?)?;
                let n = usize::from(u16::from_le_bytes(take(2)?.try_into().ok()?));
                let mut last = 0u32;
                let mut buckets = Vec::with_capacity(n);
                for _ in 0..n {
                    let mut gap = 0u32;
                    let mut shift = 0;
                    loop {
                        let byte = take(1)?[0];
                        gap |= u32::from(byte & 0x7f).checked_shl(shift)?;
                        shift += 7;
                        if byte & 0x80 == 0 {
                            break;
                        }
                        if shift > 28 {
                            return None;
                        }
                    }
                    last = last.checked_add(gap)?;
                    if last >> bucket_bits != 0 {
                        return None;
                    }
                    buckets.push(last);
                }
                let ws = take(n)?;
                l.weights = buckets
                    .into_iter()
                    .zip(ws.iter().map(|w| *w as i8))
                    .collect();
            }
            labels.push(l);
        }
        (at == b.len()).then_some(Table {
            features,
            bucket_bits,
            l2,
            epochs,
            keep,
            labels,
        })
    }
}

/// A table ready to score: per bucket, the labels that weigh it and how much.
pub struct Model {
    pub table: Table,
    /// Per bucket, where its weights start in `weights` (high bits) and how
    /// many there are (low five bits); 0 when no label weighs it.
    index: Vec<u32>,
    /// `(label, weight)`, grouped by bucket.
    weights: Vec<(u8, i8)>,
    /// Some label uses the model.
    active: bool,
}

impl Model {
    pub fn new(table: Table) -> Model {
        let mut by_bucket: Vec<(u32, u8, i8)> = table
            .labels
            .iter()
            .enumerate()
            .flat_map(|(l, lm)| lm.weights.iter().map(move |(b, w)| (*b, l as u8, *w)))
            .filter(|(b, _, w)| *w != 0 && *b < table.buckets())
            .collect();
        by_bucket.sort_unstable();
        let mut index = vec![0u32; table.buckets() as usize];
        let mut weights: Vec<(u8, i8)> = Vec::with_capacity(by_bucket.len());
        for (b, l, w) in by_bucket {
            let slot = &mut index[b as usize];
            if *slot == 0 {
                *slot = (weights.len() as u32) << 5;
            }
            // At most one weight per label, so fewer than 32 per bucket.
            *slot += 1;
            weights.push((l, w));
        }
        let active = table.labels.iter().any(|l| l.mode != Mode::Rules);
        Model {
            table,
            index,
            weights,
            active,
        }
    }

    /// The `(label, weight)` pairs of a feature.
    fn row(&self, hash: u32) -> &[(u8, i8)] {
        let mask = (1u32 << self.table.bucket_bits) - 1;
        match self.index.get((hash & mask) as usize) {
            Some(&slot) if slot != 0 => {
                let start = (slot >> 5) as usize;
                self.weights
                    .get(start..start + (slot & 31) as usize)
                    .unwrap_or(&[])
            }
            _ => &[],
        }
    }

    /// The summed quantised weights of `features`, per label.
    pub fn sums(&self, features: &[Feature]) -> [i32; LABELS] {
        // Indexed by a u8, so never out of bounds and never checked.
        let mut acc = [0i32; 256];
        let mask = (1u32 << self.table.bucket_bits) - 1;
        let (index, weights) = (&self.index[..], &self.weights[..]);
        for f in features {
            let Some(&slot) = index.get((f.hash & mask) as usize) else {
                continue;
            };
            let start = (slot >> 5) as usize;
            let Some(row) = weights.get(start..start + (slot & 31) as usize) else {
                continue;
            };
            for &(l, w) in row {
                acc[usize::from(l)] += i32::from(w);
            }
        }
        std::array::from_fn(|l| acc[l])
    }

    /// How far above its threshold label `l`'s logit is.
    pub fn margin(&self, l: usize, sum: i32) -> f32 {
        let lm = &self.table.labels[l];
        sum as f32 * lm.scale + lm.bias - lm.threshold
    }

    /// The words that pushed label `l` most in the direction of `up`, with
    /// their part of the logit; features of one span count together.
    pub fn words(&self, l: usize, features: &[Feature], up: bool) -> Vec<(Span, f32)> {
        let scale = self.table.labels[l].scale;
        let mut parts: Vec<(Span, f32)> = features
            .iter()
            .filter(|f| !f.span.is_empty())
            .filter_map(|f| {
                let (_, w) = self
                    .row(f.hash)
                    .iter()
                    .find(|(x, _)| usize::from(*x) == l)?;
                Some((f.span, f32::from(*w) * scale))
            })
            .collect();
        parts.sort_unstable_by_key(|p| p.0);
        let mut merged: Vec<(Span, f32)> = Vec::with_capacity(parts.len());
        for (span, v) in parts {
            match merged.last_mut() {
                Some(last) if last.0 == span => last.1 += v,
                _ => merged.push((span, v)),
            }
        }
        merged.retain(|(_, v)| if up { *v > 0.0 } else { *v < 0.0 });
        merged.sort_by(|a, b| b.1.abs().total_cmp(&a.1.abs()).then(a.0.cmp(&b.0)));
        merged.truncate(3);
        merged
    }
}

/// The committed table, written by `rapport train`.
pub const TABLE: &[u8] = include_bytes!("learned.bin");

/// Whether grading uses the learned layer unless [`switch`] says otherwise.
/// Its figures, and why it is off, are in README.md ("Measuring the scorer").
pub const ENABLED: bool = false;

/// 0: as [`ENABLED`] says; 1: on; 2: off.
static SWITCH: AtomicU8 = AtomicU8::new(0);

/// Turns the learned layer on or off for this process (`rapport eval
/// --learned on`), whatever [`ENABLED`] says.
///
/// Without the `learned-switch` feature this has no effect.
pub fn switch(on: bool) {
    SWITCH.store(if on { 1 } else { 2 }, Ordering::Relaxed);
}

/// Whether grading uses the learned layer now. Without the core's
/// `learned-switch` feature (the player's build) only [`ENABLED`] decides, so
/// an app built with it off carries no table.
pub fn enabled() -> bool {
    if !cfg!(feature = "learned-switch") {
        return ENABLED;
    }
    match SWITCH.load(Ordering::Relaxed) {
        1 => true,
        2 => false,
        _ => ENABLED,
    }
}

/// The committed table, read once; `None` when it is missing or damaged.
pub fn model() -> Option<&'static Model> {
    static MODEL: OnceLock<Option<Model>> = OnceLock::new();
    MODEL
        .get_or_init(|| Table::from_bytes(TABLE).map(Model::new))
        .as_ref()
}

/// What the learned layer said about one label of a reply.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Call {
    pub label: Label,
    pub mode: &'static str,
    /// The rules' verdict, the model's, and the one kept.
    pub rules: bool,
    pub model: bool,
    pub verdict: bool,
    /// The model's logit minus its threshold.
    pub margin: f32,
    /// The words that pushed the model most towards its verdict, with their
    /// part of the logit.
    pub words: Vec<(Span, f32)>,
}

impl Serialize for Label {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.name())
    }
}

/// The layer's calls on a reply whose rules' assessment is `a` and whose
/// features are `features`: every label where the model says yes or the
/// verdict differs from the rules' (only the latter with `changed_only`),
/// with the words behind each.
fn judge(m: &Model, a: &Assessment, features: &[Feature], changed_only: bool) -> Vec<Call> {
    let sums = m.sums(features);
    let mut out = Vec::new();
    for (l, lm) in m.table.labels.iter().enumerate() {
        if lm.mode == Mode::Rules {
            continue;
        }
        let margin = m.margin(l, sums[l]);
        let model = margin > 0.0;
        let rules = rules_say(a, l);
        let verdict = lm.mode.combine(rules, model);
        if verdict == rules && (changed_only || !model) {
            continue;
        }
        out.push(Call {
            label: label(l),
            mode: lm.mode.id(),
            rules,
            model,
            verdict,
            margin,
            words: m.words(l, features, model),
        });
    }
    out
}

/// Runs the learned layer over the rules' assessment `a` and changes it
/// where the combined verdict differs from the rules'; those calls are kept
/// in [`Assessment::learned`].
pub(crate) fn apply(r: &Reply, ctx: &Context, a: &mut Assessment) {
    if !enabled() {
        return;
    }
    let Some(m) = model().filter(|m| m.active) else {
        return;
    };
    let mut features = Vec::with_capacity(4 * r.tokens.tokens.len() + 40);
    extract(r, ctx, a, m.table.features, &mut features);
    let calls = judge(m, a, &features, true);
    for call in &calls {
        overrule(a, ctx, call);
    }
    a.learned = calls;
}

/// Changes the assessment to the learned verdict, with its words as evidence.
fn overrule(a: &mut Assessment, ctx: &Context, call: &Call) {
    let span = call.words.first().map_or(NOWHERE, |w| w.0);
    match call.label {
        Label::Hit(c) => {
            let Some(s) = a.criteria.get_mut(c as usize) else {
                return;
            };
            if call.verdict {
                s.score = s.score.max(0.5);
                s.evidence
                    .extend(call.words.iter().map(|(span, _)| Evidence {
                        span: *span,
                        note: "learned: words that usually earn this".into(),
                    }));
            } else {
                s.score = s.score.min(0.4);
                s.evidence.push(Evidence {
                    span,
                    note: "cancelled by the learned check: replies worded like this rarely earn it"
                        .into(),
                });
            }
            rehint(s, ctx);
        }
        Label::Flag(f) => {
            if call.verdict {
                let severity = if f == FlagId::SalesPitch
                    && (ctx.customer_upset || ctx.persona == Persona::Irate)
                {
                    Severity::Severe
                } else {
                    f.base_severity()
                };
                a.flags.push(Flag {
                    id: f,
                    span,
                    severity,
                });
            } else {
                a.flags.retain(|x| x.id != f);
            }
        }
    }
}

/// The hint as grading sets it, for a score the learned layer changed.
fn rehint(s: &mut CriterionScore, ctx: &Context) {
    let c = s.criterion;
    let done_before = ctx.previous.iter().any(|a| a.hit(c));
    let off_script = ctx.persona == Persona::Rushed
        && matches!(
            c,
            Criterion::Question | Criterion::Listen | Criterion::Understand
        );
    s.hint = (s.applicable && s.score < 0.5 && !done_before && !off_script)
        .then(|| c.hint().to_string());
}

/// Every call the learned layer makes on `reply` in `ctx` (where the model
/// says yes or the verdict differs from the rules'), with the words behind
/// each, for explaining. Grading keeps only the calls that changed a verdict.
pub fn calls(reply: &str, ctx: &Context) -> Vec<Call> {
    if !enabled() {
        return Vec::new();
    }
    let Some(m) = model().filter(|m| m.active) else {
        return Vec::new();
    };
    let (rules, features) = rules_and_features(reply, ctx, m.table.features);
    if rules.unscored_language.is_some() {
        return Vec::new();
    }
    judge(m, &rules, &features, false)
}

/// The rules' assessment of `reply` (the learned layer left out) and its
/// features, as training reads them.
pub fn rules_and_features(reply: &str, ctx: &Context, features: u8) -> (Assessment, Vec<Feature>) {
    let mut out = Vec::new();
    let a = super::grade::graded(reply, ctx, super::grade::Layer::Collect(features, &mut out)).0;
    (a, out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_are_in_eval_order() {
        let all = Label::all();
        assert_eq!(all.len(), LABELS);
        for (i, l) in all.iter().enumerate() {
            assert_eq!(label(i), *l);
        }
    }

    #[test]
    fn a_table_reads_back_and_damage_is_refused() {
        let t = Table {
            features: set::WORDS | set::RULES,
            bucket_bits: 12,
            l2: 0.001,
            epochs: 10,
            keep: 300,
            labels: (0..LABELS)
                .map(|i| LabelModel {
                    mode: Mode::ALL[i % 4],
                    threshold: 0.25,
                    scale: if i % 4 == 0 { 0.0 } else { 0.01 },
                    bias: if i % 4 == 0 { 0.0 } else { -1.5 },
                    weights: if i % 4 == 0 {
                        Vec::new()
                    } else {
                        vec![(3, 7), (200, -127), (4095, 1)]
                    },
                })
                .collect(),
        };
        let b = t.to_bytes();
        assert_eq!(Table::from_bytes(&b), Some(t));
        for cut in 0..b.len() {
            assert_eq!(Table::from_bytes(&b[..cut]), None);
        }
    }

    #[test]
    fn the_committed_table_reads() {
        assert!(model().is_some());
    }
}
