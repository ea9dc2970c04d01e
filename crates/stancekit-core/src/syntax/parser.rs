//! The dependency parser: greedy arc-hybrid decoding scored by an averaged perceptron over
//! Zhang & Nivre (2011)-style features, trained with a dynamic oracle and exploration.

use super::hash::{f1, f2, f3, mix};
use super::lexicon::cluster_prefix;
use super::perceptron::{SparseLinear, Trainer};
use super::transition::{projectivize, GoldTree, Move, State, NONE};
use super::words::WordView;
use super::Rng;

/// What the parser knows of a word: its normalised form and its tag.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Token {
    pub w: u64,
    pub p: u64,
    /// The word's cluster (0 for none).
    pub c: u64,
    /// The punctuation mark right before the word ([`NO_MARK`] for none).
    pub lp: u64,
    /// The punctuation mark right after the word.
    pub rp: u64,
    /// The tag's UPOS (coarser than `p`, and more often right).
    pub u: u64,
    /// The tagger's runner-up tag when it hesitated (see `tagger::runner_up`).
    pub a: u64,
    /// The lemma (so `backs`, `backed` and `backing` share weights).
    pub l: u64,
}

/// No punctuation next to the word.
pub(crate) const NO_MARK: u64 = 0x4e4f_4d41_524b_0001;

impl Token {
    pub(crate) fn new(view: &WordView, tag: u16, upos: u16, alt: u64, lemma: u64) -> Self {
        Self {
            l: lemma,
            w: view.norm,
            p: u64::from(tag),
            c: cluster_prefix(view.cluster, 8),
            lp: NO_MARK,
            rp: NO_MARK,
            u: 0x5550_4f53_0000 | u64::from(upos),
            a: alt,
        }
    }

    /// The tokens of a sentence, each knowing the punctuation marks next to it. `upos` maps
    /// tag classes to UPOS; `alts` are the tagger's runner-ups, `lemmas` hashes of the lemmas.
    pub(crate) fn sentence(
        views: &[WordView],
        tags: &[u16],
        alts: &[u64],
        lemmas: &[u64],
        upos: &[u16],
        is_punct: &[bool],
        out: &mut Vec<Token>,
    ) {
        out.clear();
        out.extend(
            views
                .iter()
                .zip(tags)
                .zip(alts)
                .zip(lemmas)
                .map(|(((v, &t), &a), &l)| Self::new(v, t, upos.get(t as usize).copied().unwrap_or(0), a, l)),
        );
        for i in 0..out.len() {
            if i > 0 && is_punct[i - 1] {
                out[i].lp = out[i - 1].w;
            }
            if i + 1 < out.len() && is_punct[i + 1] {
                out[i].rp = out[i + 1].w;
            }
        }
    }
}

const ROOT_TOKEN: Token = Token {
    w: 0x5254_4f4f_5452_4f4f,
    p: 0x5254_4f4f_5000_0001,
    c: 0x5254_4f4f_5000_0002,
    lp: NO_MARK,
    rp: NO_MARK,
    u: 0x5254_4f4f_5000_0003,
    a: 0x5254_4f4f_5000_0004,
    l: 0x5254_4f4f_5000_0005,
};
const NO_TOKEN: Token = Token {
    w: 0x4e4f_4e45_0000_0001,
    p: 0x4e4f_4e45_0000_0002,
    c: 0x4e4f_4e45_0000_0003,
    lp: NO_MARK,
    rp: NO_MARK,
    u: 0x4e4f_4e45_0000_0004,
    a: 0x4e4f_4e45_0000_0005,
    l: 0x4e4f_4e45_0000_0006,
};
const NO_LABEL: u64 = 0xff;

/// Number of feature keys per parser state.
pub(crate) const N_FEATURES: usize = 123;

fn bucket(d: usize) -> u64 {
    match d {
        0..=4 => d as u64,
        5..=6 => 5,
        7..=9 => 6,
        10..=14 => 7,
        _ => 8,
    }
}

/// The features of a state. `tokens` has one entry per word plus ROOT at the end.
pub(crate) fn features(state: &State, tokens: &[Token], out: &mut Vec<u64>) {
    out.clear();
    let tok = |i: u32| if i == NONE { NO_TOKEN } else { tokens[i as usize] };
    let lab = |i: u32| {
        if i == NONE {
            NO_LABEL
        } else {
            u64::from(state.label[i as usize])
        }
    };
    let (s0i, s1i, s2i) = (state.s(0), state.s(1), state.s(2));
    let b0i = state.b0 as u32;
    let (s0, s1, s2) = (tok(s0i), tok(s1i), tok(s2i));
    let b0 = if state.b0 == state.n { ROOT_TOKEN } else { tok(b0i) };
    let b1 = if state.b0 + 1 < state.n {
        tokens[state.b0 + 1]
    } else {
        NO_TOKEN
    };
    let b2 = if state.b0 + 2 < state.n {
        tokens[state.b0 + 2]
    } else {
        NO_TOKEN
    };
    let kids = |i: u32| -> ([u32; 2], [u32; 2]) {
        if i == NONE {
            ([NONE; 2], [NONE; 2])
        } else {
            (state.left[i as usize], state.right[i as usize])
        }
    };
    let (s0l, s0r) = kids(s0i);
    let (s1l, s1r) = kids(s1i);
    let (b0l, _) = kids(b0i);
    let count = |v: &Vec<u8>, i: u32| if i == NONE { 0xfe } else { u64::from(v[i as usize]) };
    let set = |v: &Vec<u64>, i: u32| if i == NONE { 1 << 63 } else { v[i as usize] };
    let s0vl = count(&state.n_left, s0i);
    let s0vr = count(&state.n_right, s0i);
    let b0vl = count(&state.n_left, b0i);
    let s1vl = count(&state.n_left, s1i);
    let s1vr = count(&state.n_right, s1i);
    let d0 = if s0i == NONE {
        99
    } else {
        bucket(state.b0 - s0i as usize)
    };
    let d1 = if s1i == NONE || s0i == NONE {
        99
    } else {
        bucket((s0i - s1i) as usize)
    };
    let s0wp = mix(s0.w, s0.p);
    let s1wp = mix(s1.w, s1.p);
    let b0wp = mix(b0.w, b0.p);
    let b1wp = mix(b1.w, b1.p);
    let (s0l1, s0l2, s0r1, s0r2) = (tok(s0l[0]), tok(s0l[1]), tok(s0r[0]), tok(s0r[1]));
    let (s1l1, s1r1) = (tok(s1l[0]), tok(s1r[0]));
    let (b0l1, b0l2) = (tok(b0l[0]), tok(b0l[1]));
    out.extend_from_slice(&[
        // Single positions.
        f1(1, s0.w),
        f1(2, s0.p),
        f1(3, s0wp),
        f1(4, s1.w),
        f1(5, s1.p),
        f1(6, s1wp),
        f1(7, s2.p),
        f1(8, s2.w),
        f1(9, b0.w),
        f1(10, b0.p),
        f1(11, b0wp),
        f1(12, b1.w),
        f1(13, b1.p),
        f1(14, b1wp),
        f1(15, b2.w),
        f1(16, b2.p),
        // Pairs.
        f2(17, s0wp, b0wp),
        f2(18, s0wp, b0.w),
        f2(19, s0.w, b0wp),
        f2(20, s0wp, b0.p),
        f2(21, s0.p, b0wp),
        f2(22, s0.w, b0.w),
        f2(23, s0.p, b0.p),
        f2(24, b0.p, b1.p),
        f2(25, s1.p, s0.p),
        f2(26, s1.w, s0.w),
        f2(27, s1wp, s0.p),
        f2(28, s1.p, s0wp),
        f2(29, s1.p, b0.p),
        f2(30, s1.w, b0.w),
        // Triples of tags.
        f3(31, b0.p, b1.p, b2.p),
        f3(32, s0.p, b0.p, b1.p),
        f3(33, s1.p, s0.p, b0.p),
        f3(34, s2.p, s1.p, s0.p),
        f3(35, s0.p, s0l1.p, b0.p),
        f3(36, s0.p, s0r1.p, b0.p),
        f3(37, s0.p, b0.p, b0l1.p),
        f3(38, s1.p, s1r1.p, s0.p),
        f3(39, s1.p, s0.p, s0l1.p),
        f3(40, s1.p, s0.p, s0r1.p),
        // Distance.
        f2(41, s0.w, d0),
        f2(42, s0.p, d0),
        f2(43, b0.w, d0),
        f2(44, b0.p, d0),
        f3(45, s0.w, b0.w, d0),
        f3(46, s0.p, b0.p, d0),
        f3(47, s1.p, s0.p, d1),
        f3(48, s1.w, s0.w, d1),
        // Valency.
        f2(49, s0.w, s0vl),
        f2(50, s0.p, s0vl),
        f2(51, s0.w, s0vr),
        f2(52, s0.p, s0vr),
        f2(53, b0.w, b0vl),
        f2(54, b0.p, b0vl),
        f2(55, s1.w, s1vr),
        f2(56, s1.p, s1vr),
        f2(57, s1.p, s1vl),
        // Dependents.
        f1(58, s0l1.w),
        f1(59, s0l1.p),
        f1(60, lab(s0l[0])),
        f1(61, s0r1.w),
        f1(62, s0r1.p),
        f1(63, lab(s0r[0])),
        f1(64, b0l1.w),
        f1(65, b0l1.p),
        f1(66, lab(b0l[0])),
        f1(67, s1r1.w),
        f1(68, s1r1.p),
        f1(69, lab(s1r[0])),
        f1(70, s1l1.p),
        f1(71, lab(s1l[0])),
        f1(72, s0l2.p),
        f1(73, lab(s0l[1])),
        f1(74, s0r2.p),
        f1(75, lab(s0r[1])),
        f1(76, b0l2.p),
        f1(77, lab(b0l[1])),
        f3(78, s0.p, s0l1.p, s0l2.p),
        f3(79, s0.p, s0r1.p, s0r2.p),
        f3(80, b0.p, b0l1.p, b0l2.p),
        // Label sets.
        f2(81, s0.w, set(&state.left_labels, s0i)),
        f2(82, s0.p, set(&state.left_labels, s0i)),
        f2(83, s0.w, set(&state.right_labels, s0i)),
        f2(84, s0.p, set(&state.right_labels, s0i)),
        f2(85, b0.p, set(&state.left_labels, b0i)),
        f3(86, s0.p, b1wp, b0.p),
        f2(87, s1.p, set(&state.right_labels, s1i)),
        // Word clusters.
        f1(88, s0.c),
        f1(89, b0.c),
        f1(90, b1.c),
        f1(91, s1.c),
        f2(92, s0.c, b0.c),
        f2(93, s0.c, b0.p),
        f2(94, s0.p, b0.c),
        f2(95, s1.c, s0.c),
        f3(96, s0.p, b0.p, b0.c),
        // Punctuation next to the words (the marks themselves are not parsed).
        f1(97, s0.rp),
        f1(98, b0.lp),
        f2(99, s0.rp, b0.lp),
        f3(100, s0.p, s0.rp, b0.p),
        f3(101, s0.p, b0.lp, b0.p),
        f3(102, s1.p, s1.rp, s0.p),
        f2(103, s0.lp, s0.p),
        f3(104, s0.w, s0.rp, b0.p),
        // Coarse tags and the tagger's runner-ups.
        f2(105, s0.u, b0.u),
        f3(106, s0.u, b0.u, b1.u),
        f3(107, s1.u, s0.u, b0.u),
        f2(108, s0.w, b0.u),
        f2(109, s0.u, b0.w),
        f1(110, b0.a),
        f1(111, s0.a),
        f2(112, s0.p, b0.a),
        f2(113, s0.a, b0.p),
        f2(114, b0.a, b1.p),
        f2(115, s1.p, s0.a),
        f2(116, b1.a, b0.p),
        // Lemmas.
        f1(117, s0.l),
        f1(118, b0.l),
        f2(119, s0.l, b0.l),
        f2(120, s0.l, b0.p),
        f2(121, s0.p, b0.l),
        f2(122, s1.l, s0.l),
        f1(123, b1.l),
    ]);
    debug_assert_eq!(out.len(), N_FEATURES);
}

/// Reusable buffers of one parse.
#[derive(Default)]
pub(crate) struct Scratch {
    pub state: State,
    feats: Vec<u64>,
    scores: Vec<i32>,
}

/// A trained parser.
#[derive(Clone, Debug)]
pub(crate) struct ParserModel {
    pub weights: SparseLinear,
    pub n_labels: usize,
    pub root_label: u8,
}

impl ParserModel {
    /// Parses one sentence; the tree is left in `scratch.state` (`head`, `label`).
    pub(crate) fn parse(&self, tokens: &[Token], scratch: &mut Scratch) {
        let n = tokens.len();
        let state = &mut scratch.state;
        state.reset(n);
        let n_classes = self.weights.n_classes();
        while !state.is_terminal() {
            features(state, tokens, &mut scratch.feats);
            scratch.scores.clear();
            scratch.scores.resize(n_classes, 0);
            self.weights.score(&scratch.feats, &mut scratch.scores);
            let m = best_legal(state, &scratch.scores, self.n_labels, self.root_label);
            state.apply(m);
        }
    }
}

fn best_legal<T: PartialOrd + Copy>(state: &State, scores: &[T], n_labels: usize, root: u8) -> Move {
    // Classes in order (SHIFT, LEFT(l), RIGHT(l)); the first of equal scores wins.
    let mut best: Option<(Move, T)> = None;
    let mut consider = |m: Move, s: T| {
        if best.is_none_or(|(_, b)| s > b) {
            best = Some((m, s));
        }
    };
    if state.can_shift() {
        consider(Move::Shift, scores[0]);
    }
    if state.can_left() {
        if state.b0 == state.n {
            consider(Move::Left(root), scores[1 + root as usize]);
        } else {
            for l in (0..n_labels as u8).filter(|&l| l != root) {
                consider(Move::Left(l), scores[1 + l as usize]);
            }
        }
    }
    if state.can_right() {
        for l in (0..n_labels as u8).filter(|&l| l != root) {
            consider(Move::Right(l), scores[1 + n_labels + l as usize]);
        }
    }
    best.expect("a non-terminal state has a legal move").0
}

/// Training settings of the parser.
#[derive(Clone, Debug)]
pub(crate) struct ParserTraining {
    pub epochs: usize,
    pub seed: u64,
    /// From this epoch on, follow the model's own (possibly wrong) move with probability
    /// `explore` (dynamic-oracle training).
    pub explore_from: usize,
    pub explore: f64,
    pub prune: f32,
}

/// One training sentence: tokens (with predicted tags) and the gold tree (ROOT = `n`).
pub(crate) struct TrainSentence {
    pub tokens: Vec<Token>,
    pub head: Vec<u32>,
    pub label: Vec<u8>,
}

/// Trains the parser.
pub(crate) fn train(
    sentences: &[TrainSentence],
    n_labels: usize,
    root_label: u8,
    opts: &ParserTraining,
) -> ParserModel {
    let n_classes = 1 + 2 * n_labels;
    let golds: Vec<GoldTree> = sentences
        .iter()
        .map(|s| {
            let mut head = s.head.clone();
            projectivize(&mut head);
            GoldTree::new(head, s.label.clone())
        })
        .collect();
    let mut trainer = Trainer::new(n_classes);
    let mut rng = Rng::new(opts.seed);
    let mut order: Vec<usize> = (0..sentences.len()).collect();
    let mut state = State::default();
    let mut feats = Vec::with_capacity(N_FEATURES);
    let mut scores = vec![0f32; n_classes];
    for epoch in 0..opts.epochs {
        rng.shuffle(&mut order);
        for &i in &order {
            let (tokens, gold) = (&sentences[i].tokens, &golds[i]);
            state.reset(tokens.len());
            while !state.is_terminal() {
                features(&state, tokens, &mut feats);
                scores.iter_mut().for_each(|s| *s = 0.0);
                trainer.score(&feats, &mut scores);
                let guess = best_legal(&state, &scores, n_labels, root_label);
                let costs = gold.costs(&state);
                let mut best_cost = usize::MAX;
                let mut best_gold: Option<(Move, f32)> = None;
                for (class, &s) in scores.iter().enumerate() {
                    let m = Move::from_class(class, n_labels);
                    if !state.is_legal(m, root_label) {
                        continue;
                    }
                    let c = gold.move_cost(&state, &costs, m);
                    if c < best_cost || (c == best_cost && best_gold.is_none_or(|(_, b)| s > b)) {
                        best_cost = c;
                        best_gold = Some((m, s));
                    }
                }
                let gold_move = best_gold.expect("a legal move").0;
                let guess_cost = gold.move_cost(&state, &costs, guess);
                if guess_cost > best_cost {
                    trainer.update(&feats, gold_move.class(n_labels), guess.class(n_labels));
                }
                trainer.tick();
                let follow_guess = epoch >= opts.explore_from && rng.next_f64() < opts.explore;
                state.apply(if follow_guess { guess } else { gold_move });
            }
        }
    }
    ParserModel {
        weights: trainer.averaged(opts.prune),
        n_labels,
        root_label,
    }
}
