//! `rapport train`: trains the learned layer (`src/scoring/learned.rs`) on
//! the corpus's dev split and writes its table. Deterministic: the same
//! corpus and rules give the same bytes.
//!
//! Model selection uses the dev split only, by cross-validation grouped by
//! source page (no page is on both sides of a fold): for each candidate
//! (which features, how much regularisation), an outer cross-validation
//! trains on four folds, picks each label's mode and threshold by an inner
//! cross-validation inside those four, and measures on the fifth. The best
//! candidate's figures are the honest dev estimate; its final table picks
//! modes and thresholds by a cross-validation over the whole dev split and
//! trains on all of it. The sealed split is never read here.

use rapport::scoring::eval::{normalise_source, parse_examples, Example, Split};
use rapport::scoring::learned::{self, set, LabelModel, Mode, Table, LABELS};
use rapport::scoring::Context;
use std::io::Write;

/// Folds of the grouped cross-validation.
const FOLDS: usize = 5;
/// Thresholds tried per label, in logits.
const THRESHOLDS: [f32; 19] = [
    -3.0, -2.5, -2.0, -1.5, -1.25, -1.0, -0.75, -0.5, -0.25, 0.0, 0.25, 0.5, 0.75, 1.0, 1.25, 1.5,
    2.0, 2.5, 3.0,
];
/// A label leaves the rules only for a gain in F1 larger than this.
const MIN_GAIN: f64 = 0.01;

/// One candidate of the selection.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Config {
    pub features: u8,
    pub bucket_bits: u8,
    pub l2: f32,
    pub epochs: u8,
    pub keep: u16,
}

/// The candidates tried, simplest first.
pub fn candidates() -> Vec<Config> {
    let text = set::WORDS | set::PAIRS | set::STEMS | set::NEGATED | set::OPENINGS | set::CONTEXT;
    let mut out = Vec::new();
    for features in [text, text | set::RULES] {
        for l2 in [1e-4, 1e-3] {
            out.push(Config {
                features,
                bucket_bits: 12,
                l2,
                epochs: 20,
                keep: 400,
            });
        }
    }
    out
}

/// A dev reply as training reads it.
pub struct Row {
    /// Feature hashes.
    pub hashes: Vec<u32>,
    pub rules: [bool; LABELS],
    pub truth: [bool; LABELS],
    /// The labels the line is judged on (a probe's; all for the corpus).
    pub judged: [bool; LABELS],
    pub fold: usize,
}

/// The corpus's dev lines, files in name order.
pub fn load_dev(dir: &std::path::Path) -> Result<Vec<Example>, String> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|f| f.extension().is_some_and(|x| x == "tsv"))
        .collect();
    files.sort();
    let mut out = Vec::new();
    for f in files {
        let src = std::fs::read_to_string(&f).map_err(|e| format!("{}: {e}", f.display()))?;
        let ex = parse_examples(&src).map_err(|e| format!("{}: {e}", f.display()))?;
        out.extend(ex.into_iter().filter(|e| Split::Dev.keep(e)));
    }
    Ok(out)
}

/// The fold of a source page: a hash of its address independent of the
/// sealed split's.
fn fold_of(source: Option<&str>) -> usize {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in normalise_source(source.unwrap_or("")).bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    ((h / 10) % FOLDS as u64) as usize
}

/// Grades every example with the rules and reads its features.
pub fn rows(examples: &[Example], features: u8) -> Vec<Row> {
    examples
        .iter()
        .map(|ex| {
            let ctx = Context::standalone(ex.persona, &ex.customer);
            let (a, f) = learned::rules_and_features(&ex.reply, &ctx, features);
            let truth = std::array::from_fn(|l| match learned::label(l) {
                rapport::scoring::eval::Label::Hit(c) => ex.hits.contains(&c),
                rapport::scoring::eval::Label::Flag(x) => ex.flags.contains(&x),
            });
            Row {
                hashes: f.iter().map(|f| f.hash).collect(),
                rules: std::array::from_fn(|l| learned::rules_say(&a, l)),
                truth,
                judged: std::array::from_fn(|l| {
                    ex.probe
                        .as_ref()
                        .is_none_or(|p| p.contains(&learned::label(l)))
                }),
                fold: fold_of(ex.source.as_deref()),
            }
        })
        .collect()
}

/// e^x from basic arithmetic only, so training gives the same bits everywhere.
fn exp(x: f64) -> f64 {
    let x = x.clamp(-40.0, 40.0);
    let k = (x / std::f64::consts::LN_2).round();
    let r = x - k * std::f64::consts::LN_2;
    let mut term = 1.0;
    let mut sum = 1.0;
    for i in 1..16 {
        term *= r / f64::from(i);
        sum += term;
    }
    // 2^k with k in [-58, 58].
    sum * f64::from_bits(((k as i64 + 1023) as u64) << 52)
}

fn sigmoid(z: f64) -> f64 {
    1.0 / (1.0 + exp(-z))
}

/// A fitted label before its mode and threshold are chosen.
struct Fit {
    scale: f32,
    bias: f32,
    weights: Vec<(u32, i8)>,
}

/// Logistic regression for label `l` on `train`: fitted once, then again
/// on its `keep` largest weights only, which are quantised to i8.
fn fit(rows: &[Row], train: &[usize], l: usize, c: &Config) -> Fit {
    let (w, _) = fit_dense(rows, train, l, c, None);
    let mut top: Vec<(u32, f64)> = w
        .iter()
        .enumerate()
        .map(|(b, x)| (b as u32, *x))
        .filter(|(_, x)| *x != 0.0)
        .collect();
    top.sort_by(|a, b| b.1.abs().total_cmp(&a.1.abs()).then(a.0.cmp(&b.0)));
    top.truncate(usize::from(c.keep));
    let mut allowed = vec![false; w.len()];
    for (b, _) in &top {
        allowed[*b as usize] = true;
    }
    let (w, bias) = fit_dense(rows, train, l, c, Some(&allowed));
    quantise(&w, bias, c)
}

/// The dense weights and the bias by stochastic gradient descent (a fixed
/// order per pass, a step that shrinks with time, L2 regularisation, the
/// rarer class weighing up to four times more); with `allowed`, only those
/// buckets learn.
fn fit_dense(
    rows: &[Row],
    train: &[usize],
    l: usize,
    c: &Config,
    allowed: Option<&[bool]>,
) -> (Vec<f64>, f64) {
    let buckets = 1usize << c.bucket_bits;
    let mask = (buckets - 1) as u32;
    let mut w = vec![0f64; buckets];
    let mut bias = 0.0f64;
    let lambda = f64::from(c.l2);
    let lr = 1.0;
    let pos = train.iter().filter(|i| rows[**i].truth[l]).count().max(1) as f64;
    let neg = (train.len() as f64 - pos).max(1.0);
    let pos_weight = (neg / pos).sqrt().clamp(1.0, 4.0);
    let mut order = train.to_vec();
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15 ^ l as u64;
    let (mut ws, mut t) = (1.0f64, 0.0f64);
    for _ in 0..c.epochs {
        for i in (1..order.len()).rev() {
            seed = seed
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            order.swap(i, ((seed >> 33) % (i as u64 + 1)) as usize);
        }
        {
            for &i in &order {
                let row = &rows[i];
                t += 1.0;
                let eta = lr / (1.0 + lr * lambda * t);
                let z = bias
                    + ws * row
                        .hashes
                        .iter()
                        .map(|h| w[(h & mask) as usize])
                        .sum::<f64>();
                let y = row.truth[l];
                let g = (sigmoid(z) - if y { 1.0 } else { 0.0 }) * if y { pos_weight } else { 1.0 };
                ws *= 1.0 - eta * lambda;
                // Normalised by the number of features, so one example moves
                // its own logit by at most about `eta`.
                let step = eta * g / ws / (row.hashes.len().max(1) as f64);
                for h in &row.hashes {
                    let j = (h & mask) as usize;
                    if allowed.is_none_or(|a| a[j]) {
                        w[j] -= step;
                    }
                }
                bias -= eta * g;
                if ws < 1e-6 {
                    for x in &mut w {
                        *x *= ws;
                    }
                    ws = 1.0;
                }
            }
        }
    }
    for x in &mut w {
        *x *= ws;
    }
    (w, bias)
}

/// The `keep` largest weights, quantised to i8.
fn quantise(w: &[f64], bias: f64, c: &Config) -> Fit {
    let mut kept: Vec<(u32, f64)> = w
        .iter()
        .enumerate()
        .map(|(b, x)| (b as u32, *x))
        .filter(|(_, x)| *x != 0.0)
        .collect();
    kept.sort_by(|a, b| b.1.abs().total_cmp(&a.1.abs()).then(a.0.cmp(&b.0)));
    kept.truncate(usize::from(c.keep));
    let top = kept.first().map_or(0.0, |k| k.1.abs());
    let scale = if top > 0.0 { top / 127.0 } else { 1.0 } as f32;
    let mut weights: Vec<(u32, i8)> = kept
        .into_iter()
        .map(|(b, x)| (b, (x / f64::from(scale)).round().clamp(-127.0, 127.0) as i8))
        .filter(|(_, q)| *q != 0)
        .collect();
    weights.sort_by_key(|(b, _)| *b);
    Fit {
        scale,
        bias: bias as f32,
        weights,
    }
}

/// A fitted label as the layer reads it: the logit of a row.
struct Scorer {
    dense: Vec<i8>,
    scale: f32,
    bias: f32,
    mask: u32,
}

impl Scorer {
    fn new(f: &Fit, c: &Config) -> Scorer {
        let mut dense = vec![0i8; 1 << c.bucket_bits];
        for (b, w) in &f.weights {
            dense[*b as usize] = *w;
        }
        Scorer {
            dense,
            scale: f.scale,
            bias: f.bias,
            mask: (1u32 << c.bucket_bits) - 1,
        }
    }

    /// The logit exactly as [`learned::Model::margin`] computes it (plus the threshold).
    fn logit(&self, row: &Row) -> f32 {
        let sum: i32 = row
            .hashes
            .iter()
            .map(|h| i32::from(self.dense[(h & self.mask) as usize]))
            .sum();
        sum as f32 * self.scale + self.bias
    }
}

/// Out-of-fold logits for `idx`: each fold scored by a model trained on the
/// others.
// Labels index the rows' arrays and the logits alike.
#[allow(clippy::needless_range_loop)]
fn out_of_fold(rows: &[Row], idx: &[usize], c: &Config) -> Vec<[f32; LABELS]> {
    let mut out = vec![[0f32; LABELS]; rows.len()];
    for k in 0..FOLDS {
        let train: Vec<usize> = idx.iter().copied().filter(|i| rows[*i].fold != k).collect();
        let test: Vec<usize> = idx.iter().copied().filter(|i| rows[*i].fold == k).collect();
        if train.is_empty() || test.is_empty() {
            continue;
        }
        for l in 0..LABELS {
            let s = Scorer::new(&fit(rows, &train, l, c), c);
            for &i in &test {
                out[i][l] = s.logit(&rows[i]);
            }
        }
    }
    out
}

#[derive(Clone, Copy, Default)]
struct Counts {
    tp: usize,
    fp: usize,
    fn_: usize,
}

impl Counts {
    fn add(&mut self, p: bool, t: bool) {
        match (p, t) {
            (true, true) => self.tp += 1,
            (true, false) => self.fp += 1,
            (false, true) => self.fn_ += 1,
            _ => {}
        }
    }
    fn f1(&self) -> f64 {
        let d = 2 * self.tp + self.fp + self.fn_;
        if d == 0 {
            1.0
        } else {
            2.0 * self.tp as f64 / d as f64
        }
    }
    fn precision(&self) -> f64 {
        let d = self.tp + self.fp;
        if d == 0 {
            1.0
        } else {
            self.tp as f64 / d as f64
        }
    }
    fn recall(&self) -> f64 {
        let d = self.tp + self.fn_;
        if d == 0 {
            1.0
        } else {
            self.tp as f64 / d as f64
        }
    }
}

/// The false-credit probes and the logits of a model trained on the
/// training side: a guard on what each label may choose.
struct Guard<'a> {
    probes: &'a [Row],
    logits: Vec<[f32; LABELS]>,
}

impl Guard<'_> {
    /// False when the verdict would turn a probe the rules get right on
    /// label `l` wrong.
    fn allows(&self, l: usize, mode: Mode, th: f32) -> bool {
        self.probes.iter().zip(&self.logits).all(|(p, z)| {
            !p.judged[l]
                || p.rules[l] != p.truth[l]
                || mode.combine(p.rules[l], z[l] > th) == p.truth[l]
        })
    }
}

/// Each label's mode and threshold, chosen on out-of-fold logits: the best
/// F1 among those the probe guard allows, if it beats the rules by more
/// than [`MIN_GAIN`].
fn choose(
    rows: &[Row],
    idx: &[usize],
    logits: &[[f32; LABELS]],
    guard: &Guard,
) -> Vec<(Mode, f32)> {
    (0..LABELS)
        .map(|l| {
            let f1 = |mode: Mode, th: f32| {
                let mut c = Counts::default();
                for &i in idx {
                    let r = &rows[i];
                    c.add(mode.combine(r.rules[l], logits[i][l] > th), r.truth[l]);
                }
                c.f1()
            };
            let rules = f1(Mode::Rules, 0.0);
            let mut best = (Mode::Rules, 0.0f32, rules + MIN_GAIN);
            for mode in [Mode::Either, Mode::Model, Mode::Both] {
                for th in THRESHOLDS {
                    let v = f1(mode, th);
                    if v > best.2 && guard.allows(l, mode, th) {
                        best = (mode, th, v);
                    }
                }
            }
            (best.0, best.1)
        })
        .collect()
}

/// Every label fitted on `train`, its modes and thresholds chosen by an
/// inner cross-validation inside `train` under the probe guard.
fn decide(
    rows: &[Row],
    train: &[usize],
    c: &Config,
    probes: &[Row],
) -> (Vec<(Mode, f32)>, Vec<Scorer>) {
    let inner = out_of_fold(rows, train, c);
    let scorers: Vec<Scorer> = (0..LABELS)
        .map(|l| Scorer::new(&fit(rows, train, l, c), c))
        .collect();
    let guard = Guard {
        probes,
        logits: probes
            .iter()
            .map(|p| std::array::from_fn(|l| scorers[l].logit(p)))
            .collect(),
    };
    (choose(rows, train, &inner, &guard), scorers)
}

/// Figures in the shape `rapport eval` prints them.
pub struct Figures {
    pub rows: Vec<(String, f64, f64, f64, usize)>,
    pub agreement: f64,
    pub macro_p: f64,
    pub macro_r: f64,
    pub macro_f1: f64,
}

fn figures(rows: &[Row], idx: &[usize], verdict: &dyn Fn(usize, usize) -> bool) -> Figures {
    let mut counts = [Counts::default(); LABELS + 1];
    for &i in idx {
        let r = &rows[i];
        let mut any = false;
        for (l, c) in counts.iter_mut().take(LABELS).enumerate() {
            let p = verdict(i, l);
            any |= p;
            c.add(p, r.truth[l]);
        }
        counts[LABELS].add(!any, !r.truth.iter().any(|t| *t));
    }
    let (tp, fp, fn_) = counts
        .iter()
        .fold((0, 0, 0), |a, c| (a.0 + c.tp, a.1 + c.fp, a.2 + c.fn_));
    let measured: Vec<&Counts> = counts.iter().filter(|c| c.tp + c.fn_ > 0).collect();
    let mean = |f: fn(&Counts) -> f64| {
        measured.iter().map(|c| f(c)).sum::<f64>() / measured.len().max(1) as f64
    };
    Figures {
        rows: counts
            .iter()
            .enumerate()
            .map(|(l, c)| {
                let name = if l < LABELS {
                    learned::label(l).name()
                } else {
                    "(none)".into()
                };
                (name, c.precision(), c.recall(), c.f1(), c.tp + c.fn_)
            })
            .collect(),
        agreement: Counts { tp, fp, fn_ }.f1(),
        macro_p: mean(Counts::precision),
        macro_r: mean(Counts::recall),
        macro_f1: mean(Counts::f1),
    }
}

/// The honest dev estimate of a candidate: nested grouped cross-validation.
fn nested(rows: &[Row], c: &Config, probes: &[Row]) -> Figures {
    let all: Vec<usize> = (0..rows.len()).collect();
    let mut verdicts = vec![[false; LABELS]; rows.len()];
    for k in 0..FOLDS {
        let train: Vec<usize> = all.iter().copied().filter(|i| rows[*i].fold != k).collect();
        let test: Vec<usize> = all.iter().copied().filter(|i| rows[*i].fold == k).collect();
        let (chosen, scorers) = decide(rows, &train, c, probes);
        for (l, (mode, th)) in chosen.iter().enumerate() {
            for &i in &test {
                let model = scorers[l].logit(&rows[i]) > *th;
                verdicts[i][l] = mode.combine(rows[i].rules[l], model);
            }
        }
    }
    figures(rows, &all, &|i, l| verdicts[i][l])
}

/// The final table for a candidate whose modes and thresholds are chosen:
/// every label trained on the whole dev split.
pub fn table(rows: &[Row], c: &Config, chosen: &[(Mode, f32)]) -> Table {
    let all: Vec<usize> = (0..rows.len()).collect();
    let labels = chosen
        .iter()
        .enumerate()
        .map(|(l, (mode, threshold))| {
            let (scale, bias, weights) = if *mode == Mode::Rules {
                (0.0, 0.0, Vec::new())
            } else {
                let f = fit(rows, &all, l, c);
                (f.scale, f.bias, f.weights)
            };
            LabelModel {
                mode: *mode,
                threshold: *threshold,
                scale,
                bias,
                weights,
            }
        })
        .collect();
    Table {
        features: c.features,
        bucket_bits: c.bucket_bits,
        l2: c.l2,
        epochs: c.epochs,
        keep: c.keep,
        labels,
    }
}

/// Trains the final weights again with the choices recorded in `committed`
/// (what the tests compare the committed table with).
pub fn retrain(examples: &[Example], committed: &Table) -> Table {
    let c = Config {
        features: committed.features,
        bucket_bits: committed.bucket_bits,
        l2: committed.l2,
        epochs: committed.epochs,
        keep: committed.keep,
    };
    let chosen: Vec<(Mode, f32)> = committed
        .labels
        .iter()
        .map(|l| (l.mode, l.threshold))
        .collect();
    table(&rows(examples, c.features), &c, &chosen)
}

fn describe(c: &Config) -> String {
    let names = [
        (set::WORDS, "words"),
        (set::PAIRS, "pairs"),
        (set::STEMS, "stems"),
        (set::NEGATED, "negated"),
        (set::OPENINGS, "openings"),
        (set::RULES, "rules"),
        (set::CONTEXT, "context"),
    ];
    let f: Vec<&str> = names
        .iter()
        .filter(|(b, _)| c.features & b != 0)
        .map(|(_, n)| *n)
        .collect();
    format!(
        "features {}, 2^{} buckets, l2 {}, {} passes, keep {}",
        f.join("+"),
        c.bucket_bits,
        c.l2,
        c.epochs,
        c.keep
    )
}

fn print_figures(out: &mut dyn Write, title: &str, f: &Figures) {
    let _ = writeln!(out, "{title}");
    let _ = writeln!(
        out,
        "{:<20} {:>9} {:>7} {:>6} {:>8}",
        "label", "precision", "recall", "F1", "support"
    );
    for (name, p, r, f1, n) in &f.rows {
        let _ = writeln!(out, "{name:<20} {p:>9.2} {r:>7.2} {f1:>6.2} {n:>8}");
    }
    let _ = writeln!(
        out,
        "macro: precision {:.3}, recall {:.3}, F1 {:.3}\nagreement: {:.3}\n",
        f.macro_p, f.macro_r, f.macro_f1, f.agreement
    );
}

/// `rapport train [--out FILE] [--check] [--corpus DIR] [--per-label]`;
/// `--per-label` also prints each candidate's model alone against the rules,
/// per label, on out-of-fold predictions.
// Labels index the rows' arrays and the logits alike.
#[allow(clippy::needless_range_loop)]
pub fn run(args: &[String], out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    let mut path = std::path::PathBuf::from("src/scoring/learned.bin");
    let mut corpus = std::path::PathBuf::from("tests/data/corpus");
    let mut probe_file = std::path::PathBuf::from("tests/data/false-credit.tsv");
    let mut check = false;
    let mut per_label = false;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--out" => match it.next() {
                Some(p) => path = p.into(),
                None => {
                    let _ = writeln!(err, "rapport train: --out takes a file");
                    return 2;
                }
            },
            "--corpus" => match it.next() {
                Some(p) => corpus = p.into(),
                None => {
                    let _ = writeln!(err, "rapport train: --corpus takes a folder");
                    return 2;
                }
            },
            "--probes" => match it.next() {
                Some(p) => probe_file = p.into(),
                None => {
                    let _ = writeln!(err, "rapport train: --probes takes a file");
                    return 2;
                }
            },
            "--check" => check = true,
            "--per-label" => per_label = true,
            other => {
                let _ = writeln!(err, "rapport train: unknown option `{other}`");
                return 2;
            }
        }
    }
    let examples = match load_dev(&corpus) {
        Ok(e) => e,
        Err(e) => {
            let _ = writeln!(err, "rapport train: {e}");
            return 2;
        }
    };
    let probe_lines = match std::fs::read_to_string(&probe_file)
        .map_err(|e| e.to_string())
        .and_then(|s| parse_examples(&s))
    {
        Ok(p) => p,
        Err(e) => {
            let _ = writeln!(err, "rapport train: {}: {e}", probe_file.display());
            return 2;
        }
    };
    let _ = writeln!(
        out,
        "dev split: {} replies; {FOLDS} folds grouped by source page; {} probes guard the choices\n",
        examples.len(),
        probe_lines.len()
    );
    let mut best: Option<(Config, Figures)> = None;
    let mut rules_only: Option<Figures> = None;
    for c in candidates() {
        let rows = rows(&examples, c.features);
        if rules_only.is_none() {
            let all: Vec<usize> = (0..rows.len()).collect();
            let f = figures(&rows, &all, &|i, l| rows[i].rules[l]);
            print_figures(out, "rules only (dev, as `rapport eval --split dev`)", &f);
            rules_only = Some(f);
        }
        if per_label {
            let all: Vec<usize> = (0..rows.len()).collect();
            let oof = out_of_fold(&rows, &all, &c);
            let _ = writeln!(out, "{}", describe(&c));
            for l in 0..LABELS {
                let mut r = Counts::default();
                for &i in &all {
                    r.add(rows[i].rules[l], rows[i].truth[l]);
                }
                let best = THRESHOLDS
                    .iter()
                    .map(|th| {
                        let mut m = Counts::default();
                        for &i in &all {
                            m.add(oof[i][l] > *th, rows[i].truth[l]);
                        }
                        (m.f1(), *th)
                    })
                    .fold((0.0, 0.0), |a, b| if b.0 > a.0 { b } else { a });
                let _ = writeln!(
                    out,
                    "  {:<20} rules {:.2}  model {:.2} at {}",
                    learned::label(l).name(),
                    r.f1(),
                    best.0,
                    best.1
                );
            }
        }
        let probes = self::rows(&probe_lines, c.features);
        let f = nested(&rows, &c, &probes);
        let _ = writeln!(
            out,
            "candidate: {}\n  nested CV agreement {:.3}, macro F1 {:.3}",
            describe(&c),
            f.agreement,
            f.macro_f1
        );
        if best.as_ref().is_none_or(|(_, b)| f.agreement > b.agreement) {
            best = Some((c, f));
        }
    }
    let Some((c, f)) = best else {
        return 1;
    };
    let _ = writeln!(out);
    print_figures(
        out,
        &format!(
            "chosen: {} (nested grouped CV on dev: rules + model)",
            describe(&c)
        ),
        &f,
    );
    let rows = rows(&examples, c.features);
    let all: Vec<usize> = (0..rows.len()).collect();
    let probes = self::rows(&probe_lines, c.features);
    let (chosen, _) = decide(&rows, &all, &c, &probes);
    for (l, (mode, th)) in chosen.iter().enumerate() {
        if *mode != Mode::Rules {
            let _ = writeln!(
                out,
                "  {:<20} {} (threshold {th})",
                learned::label(l).name(),
                mode.id()
            );
        }
    }
    let bytes = table(&rows, &c, &chosen).to_bytes();
    let _ = writeln!(
        out,
        "table: {} bytes, {} gzip-9",
        bytes.len(),
        gzip_len(&bytes)
    );
    if check {
        let same = std::fs::read(&path).is_ok_and(|old| old == bytes);
        let _ = writeln!(
            out,
            "{}: {}",
            path.display(),
            if same {
                "up to date"
            } else {
                "differs: run `rapport train`"
            }
        );
        return if same { 0 } else { 1 };
    }
    if let Err(e) = std::fs::write(&path, &bytes) {
        let _ = writeln!(err, "rapport train: {}: {e}", path.display());
        return 1;
    }
    let _ = writeln!(out, "wrote {}", path.display());
    0
}

/// The table's size compressed as the site serves it.
fn gzip_len(bytes: &[u8]) -> usize {
    miniz_oxide::deflate::compress_to_vec(bytes, 10).len() + 18
}
