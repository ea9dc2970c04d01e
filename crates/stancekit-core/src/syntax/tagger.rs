//! Part-of-speech tagger: greedy, left to right, an averaged perceptron over word, affix, shape,
//! cluster and context features. Its classes are the (UPOS, XPOS) pairs of the training data, so
//! both tags come from one decision and always agree.
//!
//! It runs in two passes: the second pass sees the first pass's tags of the words to the right
//! (and of the word itself), which a left-to-right tagger otherwise cannot know ("that" before a
//! clause or a noun, "before" before a clause or a date). The second pass is trained on
//! jackknifed first-pass tags, so it learns how far to trust them.

use super::hash::{f1, f2, f3, mix};
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

/// The letter case of a sentence as a whole: 0 mostly lower case, 1 mixed, 2 mostly capitalised
/// (a heading or title), 3 all capitals. Headings and shouting change what a capital means.
pub(crate) fn case_profile(words: &[WordView]) -> u64 {
    let (mut lettered, mut capitalised, mut shouted) = (0usize, 0usize, 0usize);
    for w in words.iter().skip(1) {
        match w.caps {
            0 => {}
            1 => lettered += 1,
            2 => {
                lettered += 1;
                capitalised += 1;
            }
            _ => {
                lettered += 1;
                shouted += 1;
            }
        }
    }
    if lettered >= 2 && shouted * 10 >= lettered * 8 {
        3
    } else if lettered >= 2 && (capitalised + shouted) * 10 >= lettered * 6 {
        2
    } else if (capitalised + shouted) * 10 >= lettered * 3 {
        1
    } else {
        0
    }
}

/// The features of word `i` of a sentence with case profile `profile`, given the two tags
/// before it and, in the second pass, the first pass's tags (`ahead`).
#[allow(clippy::too_many_arguments)]
pub(crate) fn features(
    words: &[WordView],
    profile: u64,
    i: usize,
    prev: u64,
    prev2: u64,
    ahead: Option<&[u16]>,
    out: &mut Vec<u64>,
) {
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
        // Frequency and letter case: a capitalised word whose lower-case form is common is
        // rarely a name in running text, often one in a heading.
        f3(38, u64::from(w.caps), u64::from(w.freq), u64::from(w.lower.freq)),
        f3(39, profile, u64::from(w.caps), u64::from(i == 0)),
        f3(48, profile, u64::from(w.caps), cluster_prefix(w.lower.cluster, 6)),
        f3(49, profile, w.short_shape, u64::from(w.lower.freq.min(20) / 4)),
        // What the known lemmas say the word can be (`toppled`: a form of a verb).
        f2(50, u64::from(w.classes), w.suffix[1]),
        f2(51, u64::from(w.classes), prev),
        f2(52, u64::from(wp1.classes), u64::from(w.classes)),
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

/// No runner-up tag worth telling the parser about.
pub(crate) const NO_ALT: u64 = 0x4e4f_414c_5400_0001;

/// The runner-up of a decision, when it came close: its class mixed with how close (three
/// margin classes, in perceptron update units); [`NO_ALT`] otherwise. The parser sees it, so it
/// can hedge where the tagger hesitated (VBD or VBN? IN or RB?).
fn runner_up(scores: &[i32], best: usize, scale: f32) -> u64 {
    let mut second: Option<usize> = None;
    for (c, &s) in scores.iter().enumerate() {
        if c != best && second.is_none_or(|k| s > scores[k]) {
            second = Some(c);
        }
    }
    let Some(second) = second else {
        return NO_ALT;
    };
    let margin = (scores[best] - scores[second]) as f32 * scale;
    let closeness = if margin < 1.0 {
        0
    } else if margin < 3.0 {
        1
    } else if margin < 8.0 {
        2
    } else {
        return NO_ALT;
    };
    mix(second as u64, closeness)
}

/// Tags one sentence greedily with one pass's weights; `scratch.alts` gets the runner-ups.
fn greedy(
    weights: &SparseLinear,
    words: &[WordView],
    ahead: Option<&[u16]>,
    scratch: &mut TagScratch,
    out: &mut Vec<u16>,
) {
    out.clear();
    scratch.alts.clear();
    let profile = case_profile(words);
    let (mut prev, mut prev2) = (START, START);
    for i in 0..words.len() {
        features(words, profile, i, prev, prev2, ahead, &mut scratch.feats);
        scratch.scores.clear();
        scratch.scores.resize(weights.n_classes(), 0);
        weights.score(&scratch.feats, &mut scratch.scores);
        let best = argmax(&scratch.scores);
        scratch
            .alts
            .push(runner_up(&scratch.scores, best, weights.scale()));
        let tag = best as u16;
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
    /// The runner-up codes of the last sentence tagged (see [`runner_up`]).
    pub alts: Vec<u64>,
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
pub(crate) fn second_pass(
    weights: &SparseLinear,
    words: &[WordView],
    first: &[u16],
    scratch: &mut TagScratch,
    out: &mut Vec<u16>,
) {
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
            let profile = case_profile(words);
            let (mut prev, mut prev2) = (START, START);
            for (i, &gold_tag) in gold.iter().enumerate().take(words.len()) {
                // Train on the model's own previous tags, as it will run.
                features(words, profile, i, prev, prev2, ahead, &mut feats);
                scores.iter_mut().for_each(|s| *s = 0.0);
                trainer.score(&feats, &mut scores);
                let guess = argmax(&scores);
                trainer.update(&feats, gold_tag as usize, guess);
                trainer.tick();
                prev2 = prev;
                prev = guess as u64;
            }
        }
    }
    trainer.averaged(opts.prune)
}
