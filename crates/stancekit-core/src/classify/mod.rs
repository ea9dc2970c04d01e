//! A trainable, linear, target-dependent stance classifier.
//!
//! Each example is a sentence and a **target span** in it (byte offsets); the label is the
//! stance of the sentence towards the target (FAVOR/AGAINST/NONE, or any label set). Features are
//! hashed into a fixed table (see [`features`](self) for the families: sentence word and
//! character n-grams with the target masked, words around the target by side and distance,
//! VADER lexicon polarity by side and distance, negation scope, target position); the model is
//! a multinomial logistic regression with L2, fitted by full-batch L-BFGS. Training is
//! deterministic: the same data, configuration and `seed` give bit-identical weights, whatever
//! the number of threads.
//!
//! ```
//! use stancekit_core::classify::{ClassifierConfig, Example};
//! use stancekit_core::Span;
//!
//! let texts = ["Critics slammed Smith over the scandal.", "Fans praised Smith for the rescue.",
//!              "Smith arrived on Monday.", "Voters hate Jones and his lies.",
//!              "Jones won praise for his great work.", "Jones spoke in Ohio."];
//! let examples: Vec<Example> = texts
//!     .iter()
//!     .map(|t| {
//!         let name = if t.contains("Smith") { "Smith" } else { "Jones" };
//!         let s = t.find(name).unwrap();
//!         Example { text: t, target: Span::new(s, s + name.len()) }
//!     })
//!     .collect();
//! let labels = vec!["AGAINST".to_owned(), "FAVOR".to_owned(), "NONE".to_owned()];
//! let y = [0, 1, 2, 0, 1, 2];
//! let model = ClassifierConfig::default().fit(labels, &examples, &y, None).unwrap();
//! let (label, probs) = model.predict("Critics slammed Brown.", Span::new(16, 21));
//! assert_eq!(probs.len(), 3);
//! assert!(label < 3);
//! ```

mod codec;
mod features;
pub(crate) mod lexicon;
mod train;

#[cfg(test)]
mod tests;

use crate::{parallel, versioned, Error, Result, Span};
use features::{FeatureVec, Scratch};
use serde::{Deserialize, Serialize};
use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::OnceLock;

/// The `"type"` of the classifier's JSON envelope.
pub const JSON_TYPE: &str = "StanceClassifier";

/// How training examples are weighted by class.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ClassWeight {
    /// Every example counts once.
    #[default]
    None,
    /// Examples are weighted by `n / (n_classes * n_class)`, so every class weighs the same.
    Balanced,
}

/// Hyperparameters of the classifier.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ClassifierConfig {
    /// Inverse L2 strength (as in scikit-learn's `LogisticRegression(C=...)`); > 0.
    pub c: f64,
    /// Example weighting by class.
    pub class_weight: ClassWeight,
    /// Hash table size: `2^n_features_log2` features (10..=24).
    pub n_features_log2: u32,
    /// Longest sentence word n-gram (1..=3).
    pub word_ngrams: u32,
    /// Character n-gram lengths `(min, max)` within words; `(0, 0)` switches them off.
    pub char_ngrams: (u32, u32),
    /// Character n-grams only for words at most this many positions from the target (0 = all).
    pub char_scope: usize,
    /// Prefix (4 letters) and suffix (3 letters) features of words of 6+ letters.
    pub affixes: bool,
    /// Words on each side of the target that get positional features (0..=10; 0 = off).
    pub window: usize,
    /// How many words after a negator are negated (0 = no negation features).
    pub negation_scope: usize,
    /// VADER lexicon features.
    pub lexicon: bool,
    /// Norm of each feature block: word n-grams, character n-grams, target window, target
    /// words/position, lexicon.
    pub block_weights: [f32; 5],
    /// Features seen in fewer training rows are dropped (>= 1).
    pub min_df: u32,
    /// L-BFGS iterations at most.
    pub max_iter: u32,
    /// Stop when the largest gradient component is below this.
    pub tol: f64,
    /// Salts the feature hashing (0 = unsalted). Training has no other randomness.
    pub seed: u64,
}

impl Default for ClassifierConfig {
    fn default() -> Self {
        Self {
            c: 1.0,
            class_weight: ClassWeight::None,
            n_features_log2: 20,
            word_ngrams: 2,
            char_ngrams: (3, 5),
            char_scope: 0,
            affixes: false,
            window: 5,
            negation_scope: 3,
            lexicon: true,
            block_weights: [1.0; 5],
            min_df: 2,
            max_iter: 80,
            tol: 1e-5,
            seed: 0,
        }
    }
}

/// One training or prediction example: a text and the target's byte span in it.
#[derive(Clone, Copy, Debug)]
pub struct Example<'a> {
    /// The sentence (or short text).
    pub text: &'a str,
    /// Byte span of the target mention in `text`.
    pub target: Span,
}

/// Checks that `target` is a non-empty span on character boundaries of a non-blank `text`.
///
/// # Errors
/// [`Error::Argument`] saying what is wrong (callers prefix it with the row).
pub fn check_example(text: &str, target: Span) -> Result<()> {
    let bad = |m: String| Err(Error::Argument(m));
    if text.trim().is_empty() {
        return bad("text is empty".to_owned());
    }
    if target.start >= target.end {
        return bad(format!(
            "target span ({}, {}) is empty or reversed",
            target.start, target.end
        ));
    }
    if target.end > text.len() || !text.is_char_boundary(target.start) || !text.is_char_boundary(target.end) {
        return bad(format!(
            "target span ({}, {}) is outside the text (length {} bytes) or not on character boundaries",
            target.start,
            target.end,
            text.len()
        ));
    }
    Ok(())
}

/// The label names of a model: at least two, all different.
fn check_labels(labels: &[String]) -> std::result::Result<(), String> {
    if labels.len() < 2 {
        return Err(format!(
            "need at least 2 labels, got {}: {labels:?}",
            labels.len()
        ));
    }
    let mut seen = std::collections::HashSet::new();
    if let Some(dup) = labels.iter().find(|l| !seen.insert(l.as_str())) {
        return Err(format!("label {dup:?} appears twice in the label set"));
    }
    Ok(())
}

impl ClassifierConfig {
    /// Checks every setting.
    ///
    /// # Errors
    /// [`Error::Config`] naming the first invalid setting.
    pub fn validate(&self) -> Result<()> {
        let bad = |m: String| Err(Error::Config(m));
        if !(self.c.is_finite() && self.c > 0.0) {
            return bad(format!("c must be a positive number, not {}", self.c));
        }
        if !(10..=24).contains(&self.n_features_log2) {
            return bad(format!(
                "n_features_log2 must be in 10..=24, not {}",
                self.n_features_log2
            ));
        }
        if !(1..=3).contains(&self.word_ngrams) {
            return bad(format!("word_ngrams must be 1, 2 or 3, not {}", self.word_ngrams));
        }
        let (lo, hi) = self.char_ngrams;
        if !((lo == 0 && hi == 0) || (1 <= lo && lo <= hi && hi <= 8)) {
            return bad(format!(
                "char_ngrams must be (0, 0) or (min, max) with 1 <= min <= max <= 8, not ({lo}, {hi})"
            ));
        }
        if self.window > 10 {
            return bad(format!("window must be in 0..=10, not {}", self.window));
        }
        if self.negation_scope > 10 {
            return bad(format!(
                "negation_scope must be in 0..=10, not {}",
                self.negation_scope
            ));
        }
        if self.block_weights.iter().any(|w| !(w.is_finite() && *w >= 0.0)) {
            return bad(format!(
                "block_weights must be finite and >= 0, not {:?}",
                self.block_weights
            ));
        }
        if self.min_df == 0 {
            return bad("min_df must be >= 1".to_owned());
        }
        if self.max_iter == 0 {
            return bad("max_iter must be >= 1".to_owned());
        }
        if !(self.tol.is_finite() && self.tol >= 0.0) {
            return bad(format!("tol must be a number >= 0, not {}", self.tol));
        }
        Ok(())
    }

    /// Trains a model.
    ///
    /// `labels` names the classes; `y[i]` is the class index of `examples[i]`; `sample_weight`
    /// optionally weighs each example (multiplied with the class weight).
    ///
    /// # Errors
    /// [`Error::Config`] for an invalid setting; [`Error::Argument`] for mismatched lengths,
    /// fewer than two label names or classes present, a repeated label name, a label index out
    /// of range, a bad weight, or an invalid example (the message names the row);
    /// [`Error::Resource`] when the lexicon the features need is malformed.
    pub fn fit(
        &self,
        labels: Vec<String>,
        examples: &[Example<'_>],
        y: &[usize],
        sample_weight: Option<&[f64]>,
    ) -> Result<Model> {
        self.validate()?;
        if self.lexicon {
            lexicon::check()?;
        }
        let k = labels.len();
        let cfg = |m: String| Error::Argument(m);
        check_labels(&labels).map_err(cfg)?;
        if examples.len() != y.len() {
            return Err(cfg(format!(
                "got {} examples but {} labels",
                examples.len(),
                y.len()
            )));
        }
        if let Some(w) = sample_weight {
            if w.len() != y.len() {
                return Err(cfg(format!(
                    "got {} examples but {} sample weights",
                    examples.len(),
                    w.len()
                )));
            }
            if let Some(i) = w.iter().position(|v| !(v.is_finite() && *v >= 0.0)) {
                return Err(cfg(format!(
                    "row {i}: sample weight {} is not a finite number >= 0",
                    w[i]
                )));
            }
        }
        if let Some(i) = y.iter().position(|&c| c >= k) {
            return Err(cfg(format!(
                "row {i}: label index {} is out of range for {k} labels",
                y[i]
            )));
        }
        for (i, ex) in examples.iter().enumerate() {
            check_example(ex.text, ex.target).map_err(|e| cfg(format!("row {i}: {e}")))?;
        }
        let mut counts = vec![0usize; k];
        for &c in y {
            counts[c] += 1;
        }
        let present = counts.iter().filter(|&&n| n > 0).count();
        if present < 2 {
            let only = counts
                .iter()
                .position(|&n| n > 0)
                .map_or("none".to_owned(), |c| format!("{:?}", labels[c]));
            return Err(cfg(format!(
                "training labels must contain at least 2 classes; got only {only} in {} rows",
                y.len()
            )));
        }

        // Features, in parallel.
        let feats = extract_many(self, examples, |e| (e.text, e.target));

        // Compact feature ids (first-occurrence order) and document frequencies.
        let mut compact: HashMap<u32, u32> = HashMap::new();
        let mut hashed: Vec<u32> = Vec::new();
        let mut df: Vec<u32> = Vec::new();
        for f in &feats {
            let mut row_ids: Vec<u32> = f
                .idx
                .iter()
                .map(|&h| {
                    *compact.entry(h).or_insert_with(|| {
                        hashed.push(h);
                        df.push(0);
                        (hashed.len() - 1) as u32
                    })
                })
                .collect();
            row_ids.sort_unstable();
            row_ids.dedup();
            for id in row_ids {
                df[id as usize] += 1;
            }
        }
        // Drop rare features and renumber the kept ones, most frequent first (the hot weights
        // then share cache lines during training).
        let mut order: Vec<usize> = (0..hashed.len()).filter(|&id| df[id] >= self.min_df).collect();
        order.sort_by(|&a, &b| df[b].cmp(&df[a]).then(a.cmp(&b)));
        let mut keep: Vec<u32> = vec![u32::MAX; hashed.len()];
        let mut kept_hashed: Vec<u32> = Vec::with_capacity(order.len());
        for id in order {
            keep[id] = kept_hashed.len() as u32;
            kept_hashed.push(hashed[id]);
        }
        let mut indptr = Vec::with_capacity(feats.len() + 1);
        let mut indices = Vec::new();
        let mut values = Vec::new();
        indptr.push(0);
        let mut row: Vec<(u32, f32)> = Vec::new();
        for f in &feats {
            // Sorted by id with repeats merged: fewer, more local weight reads in training.
            row.clear();
            row.extend(f.idx.iter().zip(&f.val).filter_map(|(h, v)| {
                let id = keep[compact[h] as usize];
                (id != u32::MAX).then_some((id, *v))
            }));
            row.sort_by_key(|&(id, _)| id);
            for &(id, v) in &row {
                if indices.len() > *indptr.last().unwrap_or(&0) && indices.last() == Some(&id) {
                    *values.last_mut().expect("values parallel to indices") += v;
                } else {
                    indices.push(id);
                    values.push(v);
                }
            }
            indptr.push(indices.len());
        }
        let x = train::Csr {
            indptr,
            indices,
            values,
            n_features: kept_hashed.len(),
        };
        let n = y.len() as f64;
        let class_w: Vec<f64> = match self.class_weight {
            ClassWeight::None => vec![1.0; k],
            ClassWeight::Balanced => counts
                .iter()
                .map(|&c| {
                    if c == 0 {
                        0.0
                    } else {
                        n / (present as f64 * c as f64)
                    }
                })
                .collect(),
        };
        let sw: Vec<f64> = y
            .iter()
            .enumerate()
            .map(|(i, &c)| class_w[c] * sample_weight.map_or(1.0, |w| w[i]))
            .collect();
        let total: f64 = sw.iter().sum();
        if total <= 0.0 {
            return Err(cfg("the sample weights sum to 0".to_owned()));
        }
        let problem = train::Problem::new(&x, y, &sw, k, 1.0 / (self.c * total));
        let (w, fitted) = train::fit(&problem, self.max_iter, self.tol);

        let mut table = vec![0f32; (1usize << self.n_features_log2) * k];
        for (id, &h) in kept_hashed.iter().enumerate() {
            for c in 0..k {
                table[h as usize * k + c] += w[id * k + c] as f32;
            }
        }
        Ok(Model {
            config: self.clone(),
            labels,
            table,
            info: TrainInfo {
                n_rows: y.len(),
                n_features: kept_hashed.len(),
                iterations: fitted.iterations,
                loss: fitted.loss,
            },
            notice: String::new(),
            id: next_model_id(),
        })
    }
}

/// Extracts features of many items in parallel (chunks reuse their buffers).
fn extract_many<T: Sync>(
    cfg: &ClassifierConfig,
    items: &[T],
    get: impl Fn(&T) -> (&str, Span) + Sync,
) -> Vec<FeatureVec> {
    let chunks: Vec<&[T]> = items.chunks(256).collect();
    parallel::map(&chunks, |chunk| {
        let mut scratch = Scratch::default();
        chunk
            .iter()
            .map(|it| {
                let (text, target) = get(it);
                let mut fv = FeatureVec::default();
                features::extract(cfg, text, target, &mut scratch, &mut fv, false);
                fv
            })
            .collect::<Vec<_>>()
    })
    .into_iter()
    .flatten()
    .collect()
}

/// Facts about a training run.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct TrainInfo {
    /// Training rows.
    pub n_rows: usize,
    /// Distinct features kept.
    pub n_features: usize,
    /// L-BFGS iterations run.
    pub iterations: u32,
    /// Final value of the objective.
    pub loss: f64,
}

/// One feature's part in a decision (see [`Model::explain`]).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Contribution {
    /// Readable feature name, e.g. `"L1:critics"`, `"lex:neg L 1"`.
    pub name: String,
    /// The feature's value for this example.
    pub value: f32,
    /// `value * weight` for each class, in label order.
    pub scores: Vec<f32>,
}

/// Why the model decided as it did for one example.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Explanation {
    /// Index of the predicted label.
    pub label: usize,
    /// Class probabilities, in label order.
    pub probabilities: Vec<f32>,
    /// Every active feature, strongest influence on the predicted label first (its score
    /// minus the mean of the other classes' scores).
    pub features: Vec<Contribution>,
}

/// A trained classifier. Immutable and thread-safe.
#[derive(Clone, Debug)]
pub struct Model {
    config: ClassifierConfig,
    labels: Vec<String>,
    /// Weights, `table[feature * n_classes + class]`.
    table: Vec<f32>,
    info: TrainInfo,
    /// Provenance/license text saved with the model.
    notice: String,
    /// Identifies the weights for per-thread caches (unique per trained/loaded model).
    id: u64,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct WeightsData {
    encoding: String,
    scale: f32,
    rows: String,
    values: String,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct ModelData {
    /// Free text kept with the model: provenance, license, credits.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    notice: String,
    config: ClassifierConfig,
    labels: Vec<String>,
    #[serde(default)]
    info: TrainInfo,
    weights: WeightsData,
}

thread_local! {
    static BUFFERS: RefCell<(Scratch, FeatureVec, WordCache)> = RefCell::new(Default::default());
}

/// Per-thread cache of each word's summed character n-gram weights for one model: a word's
/// n-grams are hashed and looked up once, later occurrences cost one map lookup.
#[derive(Default)]
struct WordCache {
    model: u64,
    /// Word hash ([`features::hash_str`]) -> offset in `arena`.
    index: HashMap<u64, u32, std::hash::BuildHasherDefault<IdHasher>>,
    arena: Vec<f32>,
    bytes: Vec<u8>,
    idx: Vec<u32>,
}

impl WordCache {
    const MAX_WORDS: usize = 200_000;

    fn add_chars(&mut self, model: &Model, scratch: &Scratch, out: &mut [f32]) {
        let k = out.len();
        if self.model != model.id || self.index.len() >= Self::MAX_WORDS {
            self.model = model.id;
            self.index.clear();
            self.arena.clear();
        }
        let scale = scratch.char_scale;
        for &(t, hash) in &scratch.chars {
            let off = if let Some(&o) = self.index.get(&hash) {
                o as usize
            } else {
                let w = scratch.form(t);
                self.idx.clear();
                features::char_ngram_indices(&model.config, w, &mut self.bytes, &mut self.idx);
                let o = self.arena.len();
                self.arena.resize(o + k, 0.0);
                for &i in &self.idx {
                    let row = &model.table[i as usize * k..(i as usize + 1) * k];
                    for (a, v) in self.arena[o..o + k].iter_mut().zip(row) {
                        *a += v;
                    }
                }
                self.index.insert(hash, o as u32);
                o
            };
            for (o, a) in out.iter_mut().zip(&self.arena[off..off + k]) {
                *o += scale * a;
            }
        }
    }
}

/// Hasher for keys that are already well-mixed 64-bit hashes.
#[derive(Default)]
struct IdHasher(u64);

impl std::hash::Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) | u64::from(b);
        }
    }
    fn write_u64(&mut self, v: u64) {
        self.0 = v.wrapping_mul(0x9e37_79b9_7f4a_7c15);
    }
}

fn next_model_id() -> u64 {
    static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
    NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
}

fn softmax(scores: &mut [f32]) {
    let max = scores.iter().copied().fold(f32::NEG_INFINITY, f32::max);
    let mut sum = 0.0;
    for s in scores.iter_mut() {
        *s = (*s - max).exp();
        sum += *s;
    }
    scores.iter_mut().for_each(|s| *s /= sum);
}

fn argmax(p: &[f32]) -> usize {
    let mut best = 0;
    for (i, v) in p.iter().enumerate() {
        if *v > p[best] {
            best = i;
        }
    }
    best
}

const DEFAULT_MODEL_NAME: &str = "classify/newsmtsc_default.json";
const DEFAULT_MODEL_JSON: &str = include_str!("../../resources/classify/newsmtsc_default.json");

impl Model {
    /// The shipped model: trained on the NewsMTSC train split (MIT; Hamborg & Donnay, EACL
    /// 2021) with labels `AGAINST`, `FAVOR`, `NONE` (negative, positive, neutral towards the
    /// target). Parsed once, on first use.
    ///
    /// # Panics
    /// Never for a correctly built package (the resource is checked by the tests); see
    /// [`Model::try_default_newsmtsc`] for the fallible form.
    #[must_use]
    pub fn default_newsmtsc() -> &'static Model {
        Self::try_default_newsmtsc().expect("shipped model is valid")
    }

    /// [`Model::default_newsmtsc`], or the [`Error::Resource`] saying why the shipped model
    /// cannot be read.
    ///
    /// # Errors
    /// [`Error::Resource`] when the shipped model file is malformed.
    pub fn try_default_newsmtsc() -> Result<&'static Model> {
        static MODEL: OnceLock<Result<Model>> = OnceLock::new();
        crate::resource::cached(&MODEL, || {
            Model::from_json(DEFAULT_MODEL_JSON).map_err(|e| crate::resource::error(DEFAULT_MODEL_NAME, 0, e))
        })
    }

    /// The hyperparameters the model was trained with.
    #[must_use]
    pub fn config(&self) -> &ClassifierConfig {
        &self.config
    }

    /// The label names, in index order.
    #[must_use]
    pub fn labels(&self) -> &[String] {
        &self.labels
    }

    /// Facts about the training run.
    #[must_use]
    pub fn info(&self) -> &TrainInfo {
        &self.info
    }

    /// Provenance/license text saved with the model (empty when none was set).
    #[must_use]
    pub fn notice(&self) -> &str {
        &self.notice
    }

    /// Sets the provenance/license text saved with the model.
    pub fn set_notice(&mut self, notice: impl Into<String>) {
        self.notice = notice.into();
    }

    fn scores_of(&self, fv: &FeatureVec, out: &mut [f32]) {
        let k = self.labels.len();
        out.iter_mut().for_each(|v| *v = 0.0);
        for (&i, &v) in fv.idx.iter().zip(&fv.val) {
            let row = &self.table[i as usize * k..(i as usize + 1) * k];
            for (o, w) in out.iter_mut().zip(row) {
                *o += v * w;
            }
        }
    }

    /// Writes the class probabilities of `(text, target)` into `out` (length = labels).
    ///
    /// A target span that is empty, out of bounds or off character boundaries is read as the
    /// position where it starts (no target words); use [`check_example`] to reject such input.
    pub fn predict_proba_into(&self, text: &str, target: Span, out: &mut [f32]) {
        let target = clamp_span(text, target);
        BUFFERS.with(|b| {
            let mut b = b.borrow_mut();
            let (scratch, fv, cache) = &mut *b;
            features::extract(&self.config, text, target, scratch, fv, true);
            self.scores_of(fv, out);
            if !scratch.chars.is_empty() {
                cache.add_chars(self, scratch, out);
            }
        });
        softmax(out);
    }

    /// The predicted label index and the class probabilities of `(text, target)`.
    #[must_use]
    pub fn predict(&self, text: &str, target: Span) -> (usize, Vec<f32>) {
        let mut p = vec![0f32; self.labels.len()];
        self.predict_proba_into(text, target, &mut p);
        (argmax(&p), p)
    }

    /// Probabilities of many items, flattened `[n_items * n_labels]`, in parallel when enabled.
    pub fn predict_proba_batch<T: Sync>(
        &self,
        items: &[T],
        get: impl Fn(&T) -> (&str, Span) + Sync,
    ) -> Vec<f32> {
        let k = self.labels.len();
        let chunks: Vec<&[T]> = items.chunks(512).collect();
        parallel::map(&chunks, |chunk| {
            let mut out = vec![0f32; chunk.len() * k];
            for (it, o) in chunk.iter().zip(out.chunks_exact_mut(k)) {
                let (text, target) = get(it);
                self.predict_proba_into(text, target, o);
            }
            out
        })
        .concat()
    }

    /// The decision for `(text, target)` with every feature behind it.
    #[must_use]
    pub fn explain(&self, text: &str, target: Span) -> Explanation {
        let target = clamp_span(text, target);
        let k = self.labels.len();
        let mut fv = FeatureVec {
            names: Some(Vec::new()),
            ..FeatureVec::default()
        };
        features::extract(
            &self.config,
            text,
            target,
            &mut Scratch::default(),
            &mut fv,
            false,
        );
        let mut probs = vec![0f32; k];
        self.scores_of(&fv, &mut probs);
        softmax(&mut probs);
        let label = argmax(&probs);
        let names = fv.names.take().unwrap_or_default();
        let mut merged: Vec<Contribution> = Vec::new();
        let mut pos: HashMap<String, usize> = HashMap::new();
        for ((name, &i), &v) in names.into_iter().zip(&fv.idx).zip(&fv.val) {
            let row = &self.table[i as usize * k..(i as usize + 1) * k];
            let slot = *pos.entry(name.clone()).or_insert_with(|| {
                merged.push(Contribution {
                    name,
                    value: 0.0,
                    scores: vec![0.0; k],
                });
                merged.len() - 1
            });
            let c = &mut merged[slot];
            c.value += v;
            for (s, w) in c.scores.iter_mut().zip(row) {
                *s += v * w;
            }
        }
        let margin = |c: &Contribution| {
            let others: f32 = c
                .scores
                .iter()
                .enumerate()
                .filter(|(j, _)| *j != label)
                .map(|(_, s)| s)
                .sum::<f32>()
                / (k - 1) as f32;
            c.scores[label] - others
        };
        merged.sort_by(|a, b| margin(b).abs().total_cmp(&margin(a).abs()));
        Explanation {
            label,
            probabilities: probs,
            features: merged,
        }
    }

    /// Serializes the model as versioned JSON with exact (`f32`) weights.
    #[must_use]
    pub fn to_json(&self) -> String {
        self.to_json_with("f32")
    }

    /// Serializes with the given weight encoding: `"f32"` (exact), `"q16"` or `"q8"` (quantized
    /// with one scale: smaller files, slightly different probabilities). Unknown names mean `f32`.
    #[must_use]
    pub fn to_json_with(&self, encoding: &str) -> String {
        let k = self.labels.len();
        let mut rows = Vec::new();
        let mut vals = Vec::new();
        for (i, row) in self.table.chunks_exact(k).enumerate() {
            if row.iter().any(|v| *v != 0.0) {
                rows.push(i as u32);
                vals.extend_from_slice(row);
            }
        }
        let encoding = match encoding {
            "q8" | "q16" => encoding,
            _ => "f32",
        };
        let (bytes, scale) = codec::encode_values(&vals, encoding);
        let data = ModelData {
            notice: self.notice.clone(),
            config: self.config.clone(),
            labels: self.labels.clone(),
            info: self.info.clone(),
            weights: WeightsData {
                encoding: encoding.to_owned(),
                scale,
                rows: codec::b64_encode(&codec::encode_indices(&rows)),
                values: codec::b64_encode(&bytes),
            },
        };
        versioned::to_json(JSON_TYPE, &data)
    }

    /// Reads a model written by [`Model::to_json`].
    ///
    /// # Errors
    /// [`Error::Serialization`] for malformed JSON, labels or weights (naming the field),
    /// [`Error::Version`] for a newer format, [`Error::Config`] for invalid hyperparameters,
    /// [`Error::Resource`] when the lexicon the features need is malformed.
    pub fn from_json(json: &str) -> Result<Self> {
        let data: ModelData = versioned::from_json(JSON_TYPE, json)?;
        let err = |m: String| Error::Serialization {
            what: JSON_TYPE.to_owned(),
            message: m,
        };
        data.config.validate()?;
        if data.config.lexicon {
            lexicon::check()?;
        }
        check_labels(&data.labels).map_err(|m| err(format!("in \"labels\": {m}")))?;
        let k = data.labels.len();
        let w = &data.weights;
        let rows = codec::b64_decode(&w.rows)
            .and_then(|b| codec::decode_indices(&b))
            .map_err(|m| err(format!("in \"weights.rows\": {m}")))?;
        if !(w.scale.is_finite() && w.scale > 0.0) {
            return Err(err(format!("\"weights.scale\" must be > 0, not {}", w.scale)));
        }
        let vals = codec::b64_decode(&w.values)
            .and_then(|b| codec::decode_values(&b, &w.encoding, w.scale))
            .map_err(|m| err(format!("in \"weights.values\": {m}")))?;
        if vals.len() != rows.len() * k {
            return Err(err(format!(
                "\"weights.values\" has {} numbers, expected {} rows x {k} labels",
                vals.len(),
                rows.len()
            )));
        }
        if vals.iter().any(|v| !v.is_finite()) {
            return Err(err("\"weights.values\" contains a non-finite number".to_owned()));
        }
        let size = 1usize << data.config.n_features_log2;
        if let Some(bad) = rows.iter().find(|&&r| r as usize >= size) {
            return Err(err(format!(
                "\"weights.rows\" has row {bad}, outside the table of 2^{} rows",
                data.config.n_features_log2
            )));
        }
        let mut table = vec![0f32; size * k];
        for (r, chunk) in rows.iter().zip(vals.chunks_exact(k)) {
            table[*r as usize * k..(*r as usize + 1) * k].copy_from_slice(chunk);
        }
        Ok(Self {
            config: data.config,
            labels: data.labels,
            table,
            info: data.info,
            notice: data.notice,
            id: next_model_id(),
        })
    }
}

impl PartialEq for Model {
    fn eq(&self, other: &Self) -> bool {
        self.config == other.config && self.labels == other.labels && self.table == other.table
    }
}

/// A span made safe to use on `text`: clamped to its length and moved back to char boundaries.
fn clamp_span(text: &str, span: Span) -> Span {
    let fix = |mut i: usize| {
        i = i.min(text.len());
        while !text.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    let start = fix(span.start);
    Span::new(start, fix(span.end).max(start))
}
