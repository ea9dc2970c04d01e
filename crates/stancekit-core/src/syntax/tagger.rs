//! Part-of-speech tagger: greedy, left to right, an averaged perceptron over word, affix, shape,
//! cluster and context features. Its classes are the (UPOS, XPOS) pairs of the training data, so
//! both tags come from one decision and always agree.
//!
//! It runs in two passes: the second pass sees the first pass's tags of the words to the right
//! (and of the word itself), which a left-to-right tagger otherwise cannot know ("that" before a
//! clause or a noun, "before" before a clause or a date). The second pass is trained on
//! jackknifed first-pass tags, so it learns how far to trust them.

use super::hash::{f1, f2, f3};
use super::lexicon::cluster_prefix;
use super::perceptron::{SparseLinear, Trainer};
use super::words::WordView;
use super::Rng;

/// Tag value before the first word (for the previous-tag features).
const START: u64 = 0xffff_fff0;
/// Tag value after the last word (for the look-ahead features).
const END: u64 = 0xffff_fff1;
const BEFORE: [WordView; 2] = [WordView::padding(1), WordView::padding(2)];
const AFTER: [WordView; 2] = [WordView::padding(3), WordView::padding(4)];

fn view(words: &[WordView], i: isize) -> &WordView {
    if i < 0 {
        &BEFORE[((-i) as usize - 1).min(1)]
    } else if i as usize >= words.len() {
        &AFTER[(i as usize - words.len()).min(1)]
    } else {
        &words[i as usize]
    }
}

/// The features of word `i` given the two tags before it and, in the second pass, the first
/// pass's tags (`ahead`).
pub(crate) fn features(words: &[WordView], i: usize, prev: u64, prev2: u64, ahead: Option<&[u16]>, out: &mut Vec<u64>) {
    out.clear();
    let at = i;
    let i = i as isize;
    let w = view(words, i);
    let wm1 = view(words, i - 1);
    let wm2 = view(words, i - 2);
    let wp1 = view(words, i + 1);
    let wp2 = view(words, i + 2);
    out.extend_from_slice(&[
        f1(0, 0),
        f1(1, w.norm),
        f1(2, w.form),
        f1(3, w.suffix[0]),
        f1(4, w.suffix[1]),
        f1(5, w.suffix[2]),
        f1(6, w.suffix[3]),
        f1(7, w.prefix[0]),
        f1(8, w.prefix[1]),
        f1(9, w.prefix[2]),
        f1(10, w.shape),
        f1(11, w.short_shape),
        f1(12, prev),
        f2(13, prev, prev2),
        f2(14, prev, w.norm),
        f1(15, wm1.norm),
        f1(16, wm1.suffix[2]),
        f1(17, wm2.norm),
        f1(18, wp1.norm),
        f1(19, wp1.suffix[2]),
        f1(20, wp2.norm),
        f2(21, wm1.norm, w.norm),
        f2(22, w.norm, wp1.norm),
        f1(23, wp1.short_shape),
        f2(24, prev, w.suffix[2]),
        f2(25, u64::from(i == 0), w.shape),
        f2(26, prev, wp1.norm),
        f3(27, wm1.norm, w.norm, wp1.norm),
        f2(28, w.suffix[1], wp1.norm),
        f2(29, wm1.short_shape, w.short_shape),
        f1(30, u64::from(w.cluster)),
        f1(31, cluster_prefix(w.cluster, 4)),
        f1(32, cluster_prefix(w.cluster, 6)),
        f1(33, cluster_prefix(w.cluster, 10)),
        f1(34, u64::from(wm1.cluster)),
        f1(35, u64::from(wp1.cluster)),
        f2(36, prev, cluster_prefix(w.cluster, 6)),
        f1(37, cluster_prefix(wp1.cluster, 6)),
    ]);
    if let Some(ahead) = ahead {
        let tag_at = |k: usize| ahead.get(k).map_or(END, |&t| u64::from(t));
        let (own, a1, a2) = (tag_at(at), tag_at(at + 1), tag_at(at + 2));
        out.extend_from_slice(&[
            f1(40, own),
            f1(41, a1),
            f2(42, a1, a2),
            f2(43, prev, a1),
            f2(44, w.norm, a1),
            f2(45, own, w.suffix[2]),
            f3(46, prev, own, a1),
            f2(47, own, w.norm),
        ]);
    }
}

/// Tags one sentence greedily with one pass's weights.
fn greedy(weights: &SparseLinear, words: &[WordView], ahead: Option<&[u16]>, scratch: &mut TagScratch, out: &mut Vec<u16>) {
    out.clear();
    let (mut prev, mut prev2) = (START, START);
    for i in 0..words.len() {
        features(words, i, prev, prev2, ahead, &mut scratch.feats);
        scratch.scores.clear();
        scratch.scores.resize(weights.n_classes(), 0);
        weights.score(&scratch.feats, &mut scratch.scores);
        let tag = argmax(&scratch.scores) as u16;
        out.push(tag);
        prev2 = prev;
        prev = u64::from(tag);
    }
}

/// Reusable buffers of the tagger.
#[derive(Default)]
pub(crate) struct TagScratch {
    feats: Vec<u64>,
    scores: Vec<i32>,
    first: Vec<u16>,
}

/// A trained tagger: the first pass and, optionally, the second.
#[derive(Clone, Debug)]
pub(crate) struct TaggerModel {
    pub first: SparseLinear,
    pub second: Option<SparseLinear>,
}

impl TaggerModel {
    /// Tags one sentence; `out` receives one class per word.
    pub(crate) fn tag(&self, words: &[WordView], scratch: &mut TagScratch, out: &mut Vec<u16>) {
        match &self.second {
            None => greedy(&self.first, words, None, scratch, out),
            Some(second) => {
                let mut first = std::mem::take(&mut scratch.first);
                greedy(&self.first, words, None, scratch, &mut first);
                greedy(second, words, Some(&first), scratch, out);
                scratch.first = first;
            }
        }
    }

    /// Tags with the first pass only.
    pub(crate) fn tag_first(&self, words: &[WordView], scratch: &mut TagScratch, out: &mut Vec<u16>) {
        greedy(&self.first, words, None, scratch, out);
    }
}

/// Runs a second pass's weights given the first pass's tags (for jackknifing in training).
pub(crate) fn second_pass(weights: &SparseLinear, words: &[WordView], first: &[u16], scratch: &mut TagScratch, out: &mut Vec<u16>) {
    greedy(weights, words, Some(first), scratch, out);
}

/// Index of the largest score (the first on ties).
pub(crate) fn argmax<T: PartialOrd + Copy>(scores: &[T]) -> usize {
    let mut best = 0;
    for (i, &s) in scores.iter().enumerate().skip(1) {
        if s > scores[best] {
            best = i;
        }
    }
    best
}

/// Training settings of one tagger pass.
#[derive(Clone, Debug)]
pub(crate) struct TaggerTraining {
    pub epochs: usize,
    pub seed: u64,
    pub prune: f32,
}

/// Trains one pass on sentences of (word views, gold classes); `ahead` gives the first pass's
/// tags of each sentence when training the second pass.
pub(crate) fn train_pass(
    sentences: &[(&[WordView], &[u16])],
    ahead: Option<&[&[u16]]>,
    n_classes: usize,
    opts: &TaggerTraining,
) -> SparseLinear {
    let mut trainer = Trainer::new(n_classes);
    let mut order: Vec<usize> = (0..sentences.len()).collect();
    let mut rng = Rng::new(opts.seed);
    let mut feats = Vec::new();
    let mut scores = vec![0f32; n_classes];
    for _ in 0..opts.epochs {
        rng.shuffle(&mut order);
        for &s in &order {
            let (words, gold) = sentences[s];
            let ahead = ahead.map(|a| a[s]);
            let (mut prev, mut prev2) = (START, START);
            for i in 0..words.len() {
                // Train on the model's own previous tags, as it will run.
                features(words, i, prev, prev2, ahead, &mut feats);
                scores.iter_mut().for_each(|s| *s = 0.0);
                trainer.score(&feats, &mut scores);
                let guess = argmax(&scores);
                trainer.update(&feats, gold[i] as usize, guess);
                trainer.tick();
                prev2 = prev;
                prev = guess as u64;
            }
        }
    }
    trainer.averaged(opts.prune)
}
