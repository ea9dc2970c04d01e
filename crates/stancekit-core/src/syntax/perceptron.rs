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

/// Quantizes averaged rows to `i16` with one scale, dropping weights below `min_weight` times
/// the largest.
pub(crate) fn quantize(n_classes: usize, rows: Vec<(u64, Vec<(u16, f64)>)>, min_weight: f32) -> SparseLinear {
    let max = rows
        .iter()
        .flat_map(|(_, e)| e.iter().map(|&(_, w)| w.abs()))
        .fold(0f64, f64::max);
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

/// Bits of a feature key the model keeps: enough that a feature the model does not know meets
/// a stored one by chance about once in a million lookups, few enough to store in 5 bytes.
pub(crate) const KEY_BITS: u32 = 40;

/// The top [`KEY_BITS`] bits of a feature key (keys are well mixed: any bits will do).
#[inline]
pub(crate) const fn short_key(key: u64) -> u64 {
    key >> (64 - KEY_BITS)
}

/// Bits of a slot's `key_len` that hold the row's length (rows are at most `n_classes` long).
const LEN_BITS: u32 = 64 - KEY_BITS;

/// Rows of at most this many entries are kept inside their slot as well, so that scoring them
/// costs one trip to memory, not two (most rows are this short: 85% of the parser's).
const INLINE: usize = 2;

/// A slot of the table: a feature's short key, the length of its row and, for a short row, the
/// row itself.
#[derive(Clone, Copy, Debug, Default)]
struct Slot {
    /// The short key above the row's length (the low [`LEN_BITS`] bits; 0 marks an empty slot).
    key_len: u64,
    /// A row of up to [`INLINE`] entries, 32 bits each (class, then weight); for a longer row,
    /// its start in `entries`.
    payload: u64,
}

impl Slot {
    fn new(key: u64, start: u32, row: &[(u16, i16)]) -> Self {
        let payload = if row.len() <= INLINE {
            row.iter().enumerate().fold(0u64, |acc, (k, &(class, w))| {
                acc | (u64::from(class) | u64::from(w as u16) << 16) << (32 * k)
            })
        } else {
            u64::from(start)
        };
        Self {
            key_len: key << LEN_BITS | row.len() as u64,
            payload,
        }
    }

    fn key(&self) -> u64 {
        self.key_len >> LEN_BITS
    }

    fn len(&self) -> usize {
        (self.key_len & ((1 << LEN_BITS) - 1)) as usize
    }

    /// The `k`-th entry of an inline row.
    fn inline(&self, k: usize) -> (u16, i16) {
        let bits = self.payload >> (32 * k);
        (bits as u16, (bits >> 16) as u16 as i16)
    }
}

/// A compact linear model: per feature key, a short list of `(class, weight)` pairs.
#[derive(Clone, Debug)]
pub(crate) struct SparseLinear {
    n_classes: usize,
    /// Multiply an `i32` score by this to get the model's float score.
    scale: f32,
    mask: usize,
    /// Open addressing, linear probing.
    slots: Vec<Slot>,
    /// The rows longer than [`INLINE`] and shorter than `dense_min`, one after the other.
    entries: Vec<(u16, i16)>,
    /// Rows of at least this many entries are kept dense instead, a weight for every class:
    /// such rows belong to the commonest features (a tag alone, a tag pair), which are met in
    /// nearly every state, and adding a dense row is a vector loop without branches.
    dense_min: usize,
    /// The dense rows, `n_classes` weights each.
    dense: Vec<i16>,
    n_features: usize,
    n_weights: usize,
}

impl SparseLinear {
    /// Builds the table from rows of full feature keys (any order; every row non-empty, classes
    /// below `n_classes`). Keys are kept to their top [`KEY_BITS`] bits; two features that share
    /// them (about one pair in a hundred thousand models) share their weights.
    pub(crate) fn from_rows(n_classes: usize, scale: f32, rows: Vec<(u64, Vec<(u16, i16)>)>) -> Self {
        let mut short: Vec<(u64, Vec<(u16, i16)>)> =
            rows.into_iter().map(|(k, r)| (short_key(k), r)).collect();
        short.sort_by_key(|r| r.0);
        let mut merged: Vec<(u64, Vec<(u16, i16)>)> = Vec::with_capacity(short.len());
        for (key, row) in short {
            match merged.last_mut() {
                Some((k, existing)) if *k == key => {
                    for (c, w) in row {
                        match existing.iter_mut().find(|e| e.0 == c) {
                            Some(e) => e.1 = e.1.saturating_add(w),
                            None => existing.push((c, w)),
                        }
                    }
                }
                _ => merged.push((key, row)),
            }
        }
        Self::from_short_rows(n_classes, scale, merged)
    }

    /// Builds the table from rows whose keys are short already (as [`SparseLinear::rows`] and
    /// model files give them), unique.
    pub(crate) fn from_short_rows(n_classes: usize, scale: f32, rows: Vec<(u64, Vec<(u16, i16)>)>) -> Self {
        let capacity = (rows.len() * 2).next_power_of_two().max(16);
        let mask = capacity - 1;
        // Untouched memory first, so that the hint applies when the table is filled.
        let mut slots: Vec<Slot> = Vec::with_capacity(capacity);
        advise_huge_pages(&slots);
        slots.resize(capacity, Slot::default());
        // A dense row costs a vector add over every class, a sparse one a scalar add per entry:
        // with 8 or more 16-bit lanes a vector, dense wins from about an eighth of the classes.
        let dense_min = (n_classes / 8).max(INLINE + 1);
        let sparse =
            |r: &(u64, Vec<(u16, i16)>)| (INLINE < r.1.len() && r.1.len() < dense_min).then_some(r.1.len());
        let mut entries: Vec<(u16, i16)> = Vec::with_capacity(rows.iter().filter_map(sparse).sum());
        advise_huge_pages(&entries);
        let mut dense: Vec<i16> = Vec::new();
        let n_features = rows.len();
        let n_weights = rows.iter().map(|r| r.1.len()).sum();
        for (key, row) in rows {
            let start = if row.len() >= dense_min {
                let start = dense.len();
                dense.resize(start + n_classes, 0);
                for &(class, w) in &row {
                    if let Some(d) = dense.get_mut(start + class as usize) {
                        *d = d.saturating_add(w);
                    }
                }
                start / n_classes
            } else {
                let start = entries.len();
                if row.len() > INLINE {
                    entries.extend_from_slice(&row);
                }
                start
            };
            let mut i = key as usize & mask;
            while slots[i].len() != 0 {
                i = (i + 1) & mask;
            }
            slots[i] = Slot::new(key, start as u32, &row);
        }
        Self {
            n_classes,
            scale,
            mask,
            slots,
            entries,
            dense_min,
            dense,
            n_features,
            n_weights,
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
        self.n_weights
    }

    /// The quantization scale.
    pub(crate) fn scale(&self) -> f32 {
        self.scale
    }

    /// Adds the weights of `features` to `scores` (one per class, in quantized units).
    ///
    /// The table is far larger than the CPU caches, so every lookup is a trip to memory. The
    /// trips are made together rather than one after the other: first the home slot of every
    /// key is prefetched; then the slots are read, short rows added at once and long rows have
    /// their weights prefetched; then the long rows are added.
    #[inline]
    pub(crate) fn score(&self, features: &[u64], scores: &mut [i32]) {
        const CHUNK: usize = 128;
        let n_classes = self.n_classes;
        for chunk in features.chunks(CHUNK) {
            for &f in chunk {
                prefetch(&self.slots[short_key(f) as usize & self.mask]);
            }
            let mut long_rows = [(0u32, 0u32); CHUNK];
            let mut n = 0;
            for &f in chunk {
                let Some(slot) = self.find_slot(short_key(f)) else {
                    continue;
                };
                let len = slot.len();
                if len <= INLINE {
                    (0..len).for_each(|k| add(scores, slot.inline(k)));
                } else if len >= self.dense_min {
                    let start = slot.payload as usize * n_classes;
                    if let Some(row) = self.dense.get(start..start + n_classes) {
                        scores.iter_mut().zip(row).for_each(|(s, &w)| *s += i32::from(w));
                    }
                } else {
                    let start = slot.payload as u32;
                    if let Some(first) = self.entries.get(start as usize) {
                        prefetch(first);
                    }
                    long_rows[n] = (start, len as u32);
                    n += 1;
                }
            }
            for &(start, len) in &long_rows[..n] {
                let start = start as usize;
                self.entries[start..start + len as usize]
                    .iter()
                    .for_each(|&e| add(scores, e));
            }
        }
    }

    fn find_slot(&self, key: u64) -> Option<&Slot> {
        let mut i = key as usize & self.mask;
        loop {
            let slot = &self.slots[i];
            if slot.len() == 0 {
                return None;
            }
            if slot.key() == key {
                return Some(slot);
            }
            i = (i + 1) & self.mask;
        }
    }

    /// A copy without the weights of magnitude below `min_abs` (in quantized units).
    /// (Rows come back with short keys, hence `from_short_rows`.)
    pub(crate) fn pruned(&self, min_abs: i16) -> Self {
        let rows = self
            .rows()
            .into_iter()
            .filter_map(|(k, row)| {
                let kept: Vec<(u16, i16)> = row
                    .iter()
                    .copied()
                    .filter(|&(_, w)| w.unsigned_abs() >= min_abs.unsigned_abs())
                    .collect();
                (!kept.is_empty()).then_some((k, kept))
            })
            .collect();
        Self::from_short_rows(self.n_classes, self.scale, rows)
    }

    /// A copy whose weights keep only 8 bits each, relative to the largest weight of their row
    /// (what a file with one scale per row and `i8` weights would hold).
    pub(crate) fn coarse(&self) -> Self {
        let rows = self
            .rows()
            .into_iter()
            .filter_map(|(k, row)| {
                let max = row
                    .iter()
                    .map(|&(_, w)| i32::from(w).abs())
                    .max()
                    .unwrap_or(0)
                    .max(1);
                let kept: Vec<(u16, i16)> = row
                    .iter()
                    .map(|&(c, w)| {
                        let q = (f64::from(w) * 127.0 / f64::from(max)).round();
                        (c, (q * f64::from(max) / 127.0).round() as i16)
                    })
                    .filter(|&(_, w)| w != 0)
                    .collect();
                (!kept.is_empty()).then_some((k, kept))
            })
            .collect();
        Self::from_short_rows(self.n_classes, self.scale, rows)
    }

    /// The row of an occupied slot.
    fn row_of(&self, slot: &Slot) -> Vec<(u16, i16)> {
        let len = slot.len();
        if len <= INLINE {
            (0..len).map(|k| slot.inline(k)).collect()
        } else if len >= self.dense_min {
            let start = slot.payload as usize * self.n_classes;
            (0u16..)
                .zip(&self.dense[start..start + self.n_classes])
                .filter(|&(_, &w)| w != 0)
                .map(|(class, &w)| (class, w))
                .collect()
        } else {
            let start = slot.payload as usize;
            self.entries[start..start + len].to_vec()
        }
    }

    /// Rows in (short) key order, for writing.
    pub(crate) fn rows(&self) -> Vec<(u64, Vec<(u16, i16)>)> {
        let mut rows: Vec<(u64, Vec<(u16, i16)>)> = self
            .slots
            .iter()
            .filter(|s| s.len() != 0)
            .map(|s| (s.key(), self.row_of(s)))
            .collect();
        rows.sort_unstable_by_key(|r| r.0);
        rows
    }
}

/// Adds one weight to its class's score. Classes were checked when the model was built or read;
/// a corrupted class is skipped all the same rather than indexing out of bounds.
#[inline(always)]
fn add(scores: &mut [i32], (class, w): (u16, i16)) {
    if let Some(s) = scores.get_mut(class as usize) {
        *s += i32::from(w);
    }
}

/// Asks the CPU to fetch the cache line holding `value` (a hint; no effect where unsupported).
#[inline(always)]
fn prefetch<T>(value: &T) {
    #[cfg(target_arch = "x86_64")]
    // SAFETY: a prefetch only hints the cache; `value` is a valid reference, and SSE (which has
    // the instruction) is part of the x86_64 baseline.
    unsafe {
        std::arch::x86_64::_mm_prefetch::<{ std::arch::x86_64::_MM_HINT_T0 }>(
            std::ptr::from_ref(value).cast::<i8>(),
        );
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = value;
}

/// Asks the kernel to back the memory of a large table with huge pages when it is first
/// touched. Lookups land all over the tables, so with small pages most of them also miss the
/// TLB; on EWT dev text parsing got 4 to 11% faster (`benchmarks/bench_syntax.py`, side by
/// side). A hint: with transparent huge pages off (or on other systems) nothing changes.
fn advise_huge_pages<T>(table: &Vec<T>) {
    #[cfg(target_os = "linux")]
    {
        const HUGE_PAGE: usize = 2 << 20;
        let addr = table.as_ptr() as usize;
        let bytes = table.capacity() * std::mem::size_of::<T>();
        let start = addr.next_multiple_of(HUGE_PAGE);
        let end = (addr + bytes) / HUGE_PAGE * HUGE_PAGE;
        if end > start {
            // SAFETY: the range lies inside the vector's own allocation, and MADV_HUGEPAGE
            // changes neither its contents nor its mapping, only how it is backed.
            unsafe {
                libc::madvise(start as *mut libc::c_void, end - start, libc::MADV_HUGEPAGE);
            }
        }
    }
    #[cfg(not(target_os = "linux"))]
    let _ = table;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn learns_a_separable_problem_and_exports_the_same_decisions() {
        // Class = which of the two features is present.
        let [a, b, c, d] = [1u64, 2, 10, 11].map(|v| super::super::hash::f1(0, v));
        let data = [
            (vec![a, c], 0usize),
            (vec![b, c], 1),
            (vec![a, d], 0),
            (vec![b, d], 1),
        ];
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
        model.score(&[super::super::hash::f1(0, 999)], &mut s);
        assert_eq!(s, [0, 0]);
    }

    #[test]
    fn every_row_layout_scores_its_weights_and_gives_its_row_back() {
        // 40 classes: rows of 1-2 entries sit in their slot, 3-4 in `entries`, 5 and more dense.
        let n_classes = 40;
        let rows: Vec<(u64, Vec<(u16, i16)>)> = (1..=12u16)
            .map(|len| {
                let row = (0..len)
                    .map(|k| (k * 3 % 40, (i16::from(k as u8) - 5) * 700 + 1))
                    .collect();
                (super::super::hash::f1(7, u64::from(len)), row)
            })
            .collect();
        let model = SparseLinear::from_rows(n_classes, 1.0, rows.clone());
        assert_eq!(model.n_weights(), (1..=12).sum::<usize>());
        let mut back: Vec<(u64, Vec<(u16, i16)>)> = model.rows();
        back.sort();
        let mut expected: Vec<(u64, Vec<(u16, i16)>)> =
            rows.iter().map(|(k, r)| (short_key(*k), r.clone())).collect();
        expected.iter_mut().for_each(|(_, r)| r.sort_unstable());
        expected.sort();
        assert_eq!(back, expected);
        for (key, row) in &rows {
            let mut scores = vec![0i32; n_classes];
            model.score(&[*key], &mut scores);
            let mut naive = vec![0i32; n_classes];
            row.iter().for_each(|&(c, w)| naive[c as usize] += i32::from(w));
            assert_eq!(scores, naive, "row of {}", row.len());
        }
        // All features at once add up.
        let keys: Vec<u64> = rows.iter().map(|r| r.0).collect();
        let mut scores = vec![0i32; n_classes];
        model.score(&keys, &mut scores);
        let mut naive = vec![0i32; n_classes];
        rows.iter()
            .flat_map(|r| &r.1)
            .for_each(|&(c, w)| naive[c as usize] += i32::from(w));
        assert_eq!(scores, naive);
    }
}
