//! The averaged perceptron: a sparse trainer and the compact, quantized scorer it exports.
//!
//! Both map a list of feature keys (see [`super::hash`]) to one score per class. The trainer
//! keeps, for each feature, only the classes it was ever updated for, with the running weight
//! and the sum needed for averaging (Daumé's trick: `avg = w - acc / t`). The exported
//! [`SparseLinear`] keeps the averaged weights as `i16` with one scale, in an open-addressing
//! table, which is what the tagger and parser read at run time.

use super::hash::IdentityBuild;
use std::collections::HashMap;

#[derive(Clone, Copy, Debug)]
struct TrainEntry {
    class: u16,
    weight: f32,
    /// Sum of `t * delta` over updates, for averaging.
    acc: f64,
}

/// A perceptron being trained.
pub(crate) struct Trainer {
    n_classes: usize,
    index: HashMap<u64, u32, IdentityBuild>,
    rows: Vec<Vec<TrainEntry>>,
    /// Examples seen so far (the averaging clock), starting at 1.
    clock: u64,
}

impl Trainer {
    pub(crate) fn new(n_classes: usize) -> Self {
        Self {
            n_classes,
            index: HashMap::with_hasher(IdentityBuild),
            rows: Vec::new(),
            clock: 1,
        }
    }

    /// Adds the current (not averaged) weights of `features` to `scores`.
    pub(crate) fn score(&self, features: &[u64], scores: &mut [f32]) {
        debug_assert_eq!(scores.len(), self.n_classes);
        for f in features {
            if let Some(&row) = self.index.get(f) {
                for e in &self.rows[row as usize] {
                    scores[e.class as usize] += e.weight;
                }
            }
        }
    }

    /// Moves the weights towards `gold` and away from `guess` (no change when they agree).
    pub(crate) fn update(&mut self, features: &[u64], gold: usize, guess: usize) {
        if gold == guess {
            return;
        }
        self.add(features, gold, 1.0);
        self.add(features, guess, -1.0);
    }

    /// Adds `delta` to the weight of `class` for every feature (for ranking models, whose
    /// right and wrong candidates have different features).
    pub(crate) fn add(&mut self, features: &[u64], class: usize, delta: f32) {
        let clock = self.clock as f64;
        let class = class as u16;
        for &f in features {
            let next = self.rows.len() as u32;
            let row = *self.index.entry(f).or_insert(next);
            if row == next {
                self.rows.push(Vec::new());
            }
            let entries = &mut self.rows[row as usize];
            match entries.iter_mut().find(|e| e.class == class) {
                Some(e) => {
                    e.weight += delta;
                    e.acc += clock * f64::from(delta);
                }
                None => entries.push(TrainEntry {
                    class,
                    weight: delta,
                    acc: clock * f64::from(delta),
                }),
            }
        }
    }

    /// Advances the averaging clock by one example.
    pub(crate) fn tick(&mut self) {
        self.clock += 1;
    }

    /// The averaged weights as a compact scorer. Weights whose magnitude is below
    /// `min_weight` times the largest are dropped (pruning), the rest quantized to `i16`.
    pub(crate) fn averaged(&self, min_weight: f32) -> SparseLinear {
        quantize(self.n_classes, self.averaged_rows(), min_weight)
    }

    /// The averaged weights, by feature key (sorted), zeros dropped.
    pub(crate) fn averaged_rows(&self) -> Vec<(u64, Vec<(u16, f64)>)> {
        let t = self.clock as f64;
        let mut keyed: Vec<(u64, u32)> = self.index.iter().map(|(&k, &r)| (k, r)).collect();
        keyed.sort_unstable();
        keyed
            .into_iter()
            .map(|(key, row)| {
                let mut entries: Vec<(u16, f64)> = self.rows[row as usize]
                    .iter()
                    .map(|e| (e.class, f64::from(e.weight) - e.acc / t))
                    .filter(|&(_, w)| w != 0.0)
                    .collect();
                entries.sort_unstable_by_key(|&(c, _)| c);
                (key, entries)
            })
            .collect()
    }
}

/// The sum of several models' averaged rows (an ensemble of perceptrons trained with different
/// seeds is one linear model: the sum of their weights).
pub(crate) fn sum_rows(models: Vec<Vec<(u64, Vec<(u16, f64)>)>>) -> Vec<(u64, Vec<(u16, f64)>)> {
    let mut merged: std::collections::BTreeMap<u64, std::collections::BTreeMap<u16, f64>> = Default::default();
    for rows in models {
        for (key, entries) in rows {
            let row = merged.entry(key).or_default();
            for (c, w) in entries {
                *row.entry(c).or_default() += w;
            }
        }
    }
    merged.into_iter().map(|(k, row)| (k, row.into_iter().collect())).collect()
}

/// Quantizes averaged rows to `i16` with one scale, dropping weights below `min_weight` times
/// the largest.
pub(crate) fn quantize(n_classes: usize, rows: Vec<(u64, Vec<(u16, f64)>)>, min_weight: f32) -> SparseLinear {
    let max = rows.iter().flat_map(|(_, e)| e.iter().map(|&(_, w)| w.abs())).fold(0f64, f64::max);
    let scale = if max > 0.0 { max / f64::from(i16::MAX) } else { 1.0 };
    let threshold = f64::from(min_weight) * max;
    let quantized = rows
        .into_iter()
        .filter_map(|(key, entries)| {
            let q: Vec<(u16, i16)> = entries
                .into_iter()
                .filter(|&(_, w)| w.abs() >= threshold)
                .map(|(c, w)| (c, (w / scale).round() as i16))
                .filter(|&(_, w)| w != 0)
                .collect();
            (!q.is_empty()).then_some((key, q))
        })
        .collect();
    SparseLinear::from_rows(n_classes, scale as f32, quantized)
}

#[derive(Clone, Copy, Debug, Default)]
struct Slot {
    key: u64,
    start: u32,
    len: u32,
}

/// A compact linear model: per feature key, a short list of `(class, weight)` pairs.
#[derive(Clone, Debug)]
pub(crate) struct SparseLinear {
    n_classes: usize,
    /// Multiply an `i32` score by this to get the model's float score.
    scale: f32,
    mask: usize,
    /// Open addressing, linear probing; `len == 0` marks an empty slot.
    slots: Vec<Slot>,
    entries: Vec<(u16, i16)>,
    n_features: usize,
}

impl SparseLinear {
    /// Builds the table from rows sorted by key (keys unique; every row non-empty, classes
    /// below `n_classes`).
    pub(crate) fn from_rows(n_classes: usize, scale: f32, rows: Vec<(u64, Vec<(u16, i16)>)>) -> Self {
        let capacity = (rows.len() * 2).next_power_of_two().max(16);
        let mask = capacity - 1;
        let mut slots = vec![Slot::default(); capacity];
        let mut entries = Vec::with_capacity(rows.iter().map(|r| r.1.len()).sum());
        let n_features = rows.len();
        for (key, row) in rows {
            let start = entries.len() as u32;
            entries.extend_from_slice(&row);
            let mut i = key as usize & mask;
            while slots[i].len != 0 {
                i = (i + 1) & mask;
            }
            slots[i] = Slot {
                key,
                start,
                len: row.len() as u32,
            };
        }
        Self {
            n_classes,
            scale,
            mask,
            slots,
            entries,
            n_features,
        }
    }

    /// Number of classes scored.
    pub(crate) fn n_classes(&self) -> usize {
        self.n_classes
    }

    /// Number of features with weights.
    pub(crate) fn n_features(&self) -> usize {
        self.n_features
    }

    /// Number of stored `(class, weight)` pairs.
    pub(crate) fn n_weights(&self) -> usize {
        self.entries.len()
    }

    /// The quantization scale.
    pub(crate) fn scale(&self) -> f32 {
        self.scale
    }

    fn find(&self, key: u64) -> Option<&[(u16, i16)]> {
        let mut i = key as usize & self.mask;
        loop {
            let slot = &self.slots[i];
            if slot.len == 0 {
                return None;
            }
            if slot.key == key {
                let start = slot.start as usize;
                return Some(&self.entries[start..start + slot.len as usize]);
            }
            i = (i + 1) & self.mask;
        }
    }

    /// Adds the weights of `features` to `scores` (one per class, in quantized units).
    #[inline]
    pub(crate) fn score(&self, features: &[u64], scores: &mut [i32]) {
        for &f in features {
            if let Some(row) = self.find(f) {
                for &(class, w) in row {
                    // Classes were checked when the model was built or read.
                    if let Some(s) = scores.get_mut(class as usize) {
                        *s += i32::from(w);
                    }
                }
            }
        }
    }

    /// A copy without the weights of magnitude below `min_abs` (in quantized units).
    pub(crate) fn pruned(&self, min_abs: i16) -> Self {
        let rows = self
            .rows()
            .into_iter()
            .filter_map(|(k, row)| {
                let kept: Vec<(u16, i16)> = row.iter().copied().filter(|&(_, w)| w.unsigned_abs() >= min_abs.unsigned_abs()).collect();
                (!kept.is_empty()).then_some((k, kept))
            })
            .collect();
        Self::from_rows(self.n_classes, self.scale, rows)
    }

    /// Rows in key order, for writing.
    pub(crate) fn rows(&self) -> Vec<(u64, &[(u16, i16)])> {
        let mut rows: Vec<(u64, &[(u16, i16)])> = self
            .slots
            .iter()
            .filter(|s| s.len != 0)
            .map(|s| {
                let start = s.start as usize;
                (s.key, &self.entries[start..start + s.len as usize])
            })
            .collect();
        rows.sort_unstable_by_key(|r| r.0);
        rows
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn learns_a_separable_problem_and_exports_the_same_decisions() {
        // Class = which of the two features is present.
        let data = [(vec![1u64, 10], 0usize), (vec![2, 10], 1), (vec![1, 11], 0), (vec![2, 11], 1)];
        let mut t = Trainer::new(2);
        for _ in 0..5 {
            for (f, y) in &data {
                let mut s = [0f32; 2];
                t.score(f, &mut s);
                let guess = usize::from(s[1] > s[0]);
                t.update(f, *y, guess);
                t.tick();
            }
        }
        let model = t.averaged(0.0);
        for (f, y) in &data {
            let mut s = [0i32; 2];
            model.score(f, &mut s);
            assert_eq!(usize::from(s[1] > s[0]), *y, "{f:?}");
        }
        assert!(model.n_features() >= 2);
        // Unknown features score nothing.
        let mut s = [0i32; 2];
        model.score(&[999], &mut s);
        assert_eq!(s, [0, 0]);
    }
}
