//! The arc-hybrid transition system (Kuhlmann et al. 2011) with a dynamic oracle (Goldberg &
//! Nivre 2013).
//!
//! Words are `0..n`; the artificial ROOT is `n`, at the end of the buffer. The buffer is always
//! the suffix `b0..=n`. Moves:
//! - SHIFT: push `b0` on the stack.
//! - LEFT(l): `b0` becomes the head of `s0` (label `l`); pop `s0`.
//! - RIGHT(l): `s1` becomes the head of `s0` (label `l`); pop `s0`.
//!
//! A word gets its head exactly when it leaves the stack, so every terminal state is a tree.
//! ROOT takes a dependent only when it is the last word on the stack, so every tree has exactly
//! one root, labelled with the root label; no other arc uses that label.

/// No word.
pub(crate) const NONE: u32 = u32::MAX;

/// Move classes: `0` is SHIFT, `1 + l` LEFT(l), `1 + n_labels + l` RIGHT(l).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Move {
    Shift,
    Left(u8),
    Right(u8),
}

impl Move {
    pub(crate) fn from_class(class: usize, n_labels: usize) -> Self {
        if class == 0 {
            Self::Shift
        } else if class <= n_labels {
            Self::Left((class - 1) as u8)
        } else {
            Self::Right((class - 1 - n_labels) as u8)
        }
    }

    pub(crate) fn class(self, n_labels: usize) -> usize {
        match self {
            Self::Shift => 0,
            Self::Left(l) => 1 + l as usize,
            Self::Right(l) => 1 + n_labels + l as usize,
        }
    }
}

/// A parser configuration plus what features need about the partial tree.
#[derive(Clone, Debug, Default)]
pub(crate) struct State {
    /// Number of words (ROOT is `n`).
    pub n: usize,
    pub stack: Vec<u32>,
    pub b0: usize,
    pub head: Vec<u32>,
    pub label: Vec<u8>,
    /// Leftmost and second-leftmost dependents (index `n` is ROOT).
    pub left: Vec<[u32; 2]>,
    /// Rightmost and second-rightmost dependents.
    pub right: Vec<[u32; 2]>,
    pub n_left: Vec<u8>,
    pub n_right: Vec<u8>,
    /// Bit sets of the labels of left and right dependents (label id modulo 64).
    pub left_labels: Vec<u64>,
    pub right_labels: Vec<u64>,
    pub on_stack: Vec<bool>,
}

impl State {
    /// Resets to the initial state of an `n`-word sentence, reusing allocations.
    pub(crate) fn reset(&mut self, n: usize) {
        self.n = n;
        self.stack.clear();
        self.b0 = 0;
        self.head.clear();
        self.head.resize(n, NONE);
        self.label.clear();
        self.label.resize(n, 0);
        for v in [&mut self.left, &mut self.right] {
            v.clear();
            v.resize(n + 1, [NONE, NONE]);
        }
        for v in [&mut self.n_left, &mut self.n_right] {
            v.clear();
            v.resize(n + 1, 0);
        }
        for v in [&mut self.left_labels, &mut self.right_labels] {
            v.clear();
            v.resize(n + 1, 0);
        }
        self.on_stack.clear();
        self.on_stack.resize(n + 1, false);
    }

    pub(crate) fn is_terminal(&self) -> bool {
        self.stack.is_empty() && self.b0 == self.n
    }

    pub(crate) fn s(&self, i: usize) -> u32 {
        if i < self.stack.len() {
            self.stack[self.stack.len() - 1 - i]
        } else {
            NONE
        }
    }

    pub(crate) fn can_shift(&self) -> bool {
        self.b0 < self.n
    }

    pub(crate) fn can_left(&self) -> bool {
        !self.stack.is_empty() && (self.b0 < self.n || self.stack.len() == 1)
    }

    pub(crate) fn can_right(&self) -> bool {
        self.stack.len() >= 2
    }

    /// Whether `m` may be taken now (`root` is the id of the root label).
    pub(crate) fn is_legal(&self, m: Move, root: u8) -> bool {
        match m {
            Move::Shift => self.can_shift(),
            Move::Left(l) => self.can_left() && ((self.b0 == self.n) == (l == root)),
            Move::Right(l) => self.can_right() && l != root,
        }
    }

    fn attach(&mut self, dep: u32, head: u32, label: u8) {
        let (d, h) = (dep as usize, head as usize);
        self.head[d] = head;
        self.label[d] = label;
        let bit = 1u64 << (label % 64);
        if d < h {
            // Left dependents arrive from right to left: the newest is the leftmost.
            self.left[h] = [dep, self.left[h][0]];
            self.n_left[h] = self.n_left[h].saturating_add(1);
            self.left_labels[h] |= bit;
        } else {
            // Right dependents arrive from left to right: the newest is the rightmost.
            self.right[h] = [dep, self.right[h][0]];
            self.n_right[h] = self.n_right[h].saturating_add(1);
            self.right_labels[h] |= bit;
        }
    }

    /// Applies a legal move.
    pub(crate) fn apply(&mut self, m: Move) {
        match m {
            Move::Shift => {
                self.stack.push(self.b0 as u32);
                self.on_stack[self.b0] = true;
                self.b0 += 1;
            }
            Move::Left(l) => {
                let s0 = self.stack.pop().expect("LEFT needs a stack");
                self.on_stack[s0 as usize] = false;
                self.attach(s0, self.b0 as u32, l);
            }
            Move::Right(l) => {
                let s0 = self.stack.pop().expect("RIGHT needs two stack items");
                self.on_stack[s0 as usize] = false;
                let s1 = *self.stack.last().expect("RIGHT needs two stack items");
                self.attach(s0, s1, l);
            }
        }
    }
}

/// A gold tree for the oracle: heads (ROOT = `n`), labels and children lists.
#[derive(Clone, Debug, Default)]
pub(crate) struct GoldTree {
    pub head: Vec<u32>,
    pub label: Vec<u8>,
    pub children: Vec<Vec<u32>>,
}

impl GoldTree {
    pub(crate) fn new(head: Vec<u32>, label: Vec<u8>) -> Self {
        let n = head.len();
        let mut children = vec![Vec::new(); n + 1];
        for (d, &h) in head.iter().enumerate() {
            children[h as usize].push(d as u32);
        }
        Self {
            head,
            label,
            children,
        }
    }

    /// Gold dependents of `w` still in the buffer.
    fn deps_in_buffer(&self, state: &State, w: u32) -> usize {
        self.children[w as usize]
            .iter()
            .filter(|&&c| c as usize >= state.b0)
            .count()
    }

    /// The number of gold arcs each move makes unreachable (SHIFT, LEFT, RIGHT), ignoring labels;
    /// `usize::MAX` for an illegal move.
    pub(crate) fn costs(&self, state: &State) -> [usize; 3] {
        let mut costs = [usize::MAX; 3];
        let b0 = state.b0;
        if state.can_shift() {
            let gh = self.head[b0] as usize;
            let s0 = state.s(0) as usize;
            let lost_head = usize::from(gh != state.n && state.on_stack[gh] && gh != s0);
            let lost_deps = self.children[b0]
                .iter()
                .filter(|&&c| state.on_stack[c as usize])
                .count();
            costs[0] = lost_head + lost_deps;
        }
        if let Some(&s0) = state.stack.last() {
            let deps = self.deps_in_buffer(state, s0);
            let gh = self.head[s0 as usize];
            let s1 = state.s(1);
            if state.can_left() {
                let lost = gh != b0 as u32 && ((s1 != NONE && gh == s1) || gh as usize > b0);
                costs[1] = deps + usize::from(lost);
            }
            if state.can_right() {
                costs[2] = deps + usize::from(gh as usize >= b0);
            }
        }
        costs
    }

    /// The cost of one labelled move: its unlabelled cost, plus one when it makes a gold arc
    /// with the wrong label.
    pub(crate) fn move_cost(&self, state: &State, costs: &[usize; 3], m: Move) -> usize {
        match m {
            Move::Shift => costs[0],
            Move::Left(l) => {
                let s0 = state.s(0) as usize;
                costs[1].saturating_add(usize::from(
                    self.head[s0] as usize == state.b0 && self.label[s0] != l,
                ))
            }
            Move::Right(l) => {
                let s0 = state.s(0) as usize;
                costs[2].saturating_add(usize::from(self.head[s0] == state.s(1) && self.label[s0] != l))
            }
        }
    }
}

/// Makes a tree projective by lifting: while some arc crosses another, the shortest such arc's
/// dependent is re-attached to its head's head. `head[d]` is the head of `d` (ROOT = `n`).
pub(crate) fn projectivize(head: &mut [u32]) {
    let n = head.len();
    loop {
        let mut worst: Option<(usize, usize)> = None;
        for d in 0..n {
            let h = head[d] as usize;
            if h == n {
                continue;
            }
            let (lo, hi) = (d.min(h), d.max(h));
            let non_projective = (lo + 1..hi).any(|k| !dominates(head, h, k));
            if non_projective && worst.is_none_or(|(_, len)| hi - lo < len) {
                worst = Some((d, hi - lo));
            }
        }
        match worst {
            Some((d, _)) => head[d] = head[head[d] as usize],
            None => return,
        }
    }
}

/// Whether `h` is an ancestor of (or equal to) `k`.
fn dominates(head: &[u32], h: usize, mut k: usize) -> bool {
    let n = head.len();
    for _ in 0..=n {
        if k == h {
            return true;
        }
        if k == n {
            return false;
        }
        k = head[k] as usize;
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Follows the oracle's zero-cost moves (preferring SHIFT, then RIGHT, then LEFT) and
    /// returns the tree built.
    fn oracle_parse(gold: &GoldTree, n_labels: usize, root: u8) -> (Vec<u32>, Vec<u8>) {
        let n = gold.head.len();
        let mut state = State::default();
        state.reset(n);
        while !state.is_terminal() {
            let costs = gold.costs(&state);
            let best = (0..1 + 2 * n_labels)
                .map(|c| Move::from_class(c, n_labels))
                .filter(|&m| state.is_legal(m, root))
                .min_by_key(|&m| gold.move_cost(&state, &costs, m))
                .expect("a legal move");
            assert_eq!(gold.move_cost(&state, &costs, best), 0, "{:?}", state.stack);
            state.apply(best);
        }
        (state.head.clone(), state.label.clone())
    }

    #[test]
    fn oracle_reproduces_projective_trees() {
        // "the cat sat on the mat ." : heads with ROOT = 7
        let head = vec![1, 2, 7, 5, 5, 2, 2];
        let label = vec![1, 2, 0, 3, 1, 4, 5];
        let gold = GoldTree::new(head.clone(), label.clone());
        assert_eq!(oracle_parse(&gold, 6, 0), (head, label));
    }

    #[test]
    fn oracle_reproduces_every_small_projective_tree() {
        // All head assignments of 4 words with one root that are projective trees.
        let n = 4u32;
        let mut checked = 0;
        let mut heads = vec![0u32; 4];
        for code in 0..(5u32.pow(4)) {
            let mut c = code;
            for h in heads.iter_mut() {
                *h = c % 5;
                c /= 5;
            }
            if heads.iter().enumerate().any(|(d, &h)| h as usize == d) {
                continue;
            }
            if heads.iter().filter(|&&h| h == n).count() != 1 {
                continue;
            }
            let is_tree = (0..4).all(|d| dominates(&heads, 4, d));
            if !is_tree {
                continue;
            }
            let mut p = heads.clone();
            projectivize(&mut p);
            if p != heads {
                continue;
            }
            let labels: Vec<u8> = heads.iter().map(|&h| if h == n { 0 } else { 1 }).collect();
            let gold = GoldTree::new(heads.clone(), labels.clone());
            assert_eq!(oracle_parse(&gold, 2, 0), (heads.clone(), labels), "{heads:?}");
            checked += 1;
        }
        assert!(checked > 20, "{checked}");
    }

    #[test]
    fn lifting_makes_trees_projective() {
        // The arc 0 -> 3 spans word 1, which hangs from ROOT (= 4), not from 0.
        let mut h = vec![2, 4, 1, 0];
        projectivize(&mut h);
        for d in 0..4 {
            let hd = h[d] as usize;
            let (lo, hi) = (d.min(hd), d.max(hd));
            if hd != 4 {
                assert!((lo + 1..hi).all(|k| dominates(&h, hd, k)), "{h:?}");
            }
        }
        assert_ne!(h, vec![2, 4, 1, 0]);
    }
}
