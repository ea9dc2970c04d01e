//! Multinomial logistic regression with L2, fitted by full-batch L-BFGS.
//!
//! Deterministic: every sum runs in a fixed order (per-row terms are computed in parallel, then
//! reduced serially), so a given data set gives bit-identical weights on any number of threads.

use crate::parallel;

/// Training rows in compressed sparse row form over compact feature ids.
pub(crate) struct Csr {
    pub indptr: Vec<usize>,
    pub indices: Vec<u32>,
    pub values: Vec<f32>,
    pub n_features: usize,
}

impl Csr {
    fn n_rows(&self) -> usize {
        self.indptr.len() - 1
    }

    /// The same matrix by columns: `(colptr, rows, values)`.
    fn transpose(&self) -> (Vec<usize>, Vec<u32>, Vec<f32>) {
        let mut colptr = vec![0usize; self.n_features + 1];
        for &j in &self.indices {
            colptr[j as usize + 1] += 1;
        }
        for j in 0..self.n_features {
            colptr[j + 1] += colptr[j];
        }
        let mut next = colptr.clone();
        let mut rows = vec![0u32; self.indices.len()];
        let mut vals = vec![0f32; self.indices.len()];
        for r in 0..self.n_rows() {
            for p in self.indptr[r]..self.indptr[r + 1] {
                let j = self.indices[p] as usize;
                rows[next[j]] = r as u32;
                vals[next[j]] = self.values[p];
                next[j] += 1;
            }
        }
        (colptr, rows, vals)
    }
}

/// What the optimizer reports.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Fitted {
    pub iterations: u32,
    pub loss: f64,
}

/// Problem definition.
pub(crate) struct Problem<'a> {
    /// `x` by columns (see [`Problem::new`]).
    csc: (Vec<usize>, Vec<u32>, Vec<f32>),
    pub x: &'a Csr,
    pub y: &'a [usize],
    pub sample_weight: &'a [f64],
    pub n_classes: usize,
    /// L2 strength: the objective is `sum_i s_i * CE_i / sum_i s_i + lambda / 2 * |w|^2`.
    pub lambda: f64,
}

const CHUNK: usize = 256;
/// Column blocks of the forward pass (fixed, so sums do not depend on the thread count).
const FORWARD_BLOCKS: usize = 4;

impl<'a> Problem<'a> {
    /// Sets up the problem (builds the column view of `x` used for gradients).
    pub fn new(x: &'a Csr, y: &'a [usize], sample_weight: &'a [f64], n_classes: usize, lambda: f64) -> Self {
        Self {
            csc: x.transpose(),
            x,
            y,
            sample_weight,
            n_classes,
            lambda,
        }
    }

    /// Objective value and gradient at `w` (layout `w[feature * K + class]`).
    fn eval(&self, w: &[f64], grad: &mut [f64]) -> f64 {
        let k = self.n_classes;
        let n = self.x.n_rows();
        let total_weight: f64 = self.sample_weight.iter().sum();
        let chunks: Vec<(usize, usize)> = (0..n).step_by(CHUNK).map(|s| (s, (s + CHUNK).min(n))).collect();
        // Logits Z = X W by columns: W is read sequentially and Z (n x K) stays in cache. The
        // column blocks are fixed (not per thread) and summed in order: thread-independent.
        let (colptr, rows, vals) = &self.csc;
        let n_feat = self.x.n_features;
        let block = n_feat.div_ceil(FORWARD_BLOCKS).max(1);
        let blocks: Vec<(usize, usize)> = (0..n_feat)
            .step_by(block)
            .map(|s| (s, (s + block).min(n_feat)))
            .collect();
        let partial: Vec<Vec<f64>> = parallel::map(&blocks, |&(s, e)| {
            let mut z = vec![0f64; n * k];
            for j in s..e {
                let wj = &w[j * k..(j + 1) * k];
                for p in colptr[j]..colptr[j + 1] {
                    let r = rows[p] as usize;
                    let v = f64::from(vals[p]);
                    for c in 0..k {
                        z[r * k + c] += v * wj[c];
                    }
                }
            }
            z
        });
        let mut z_all = vec![0f64; n * k];
        for z in &partial {
            z_all.iter_mut().zip(z).for_each(|(a, b)| *a += b);
        }
        // Per-row loss and dloss/dlogit.
        let parts: Vec<(Vec<f64>, Vec<f64>)> = parallel::map(&chunks, |&(s, e)| {
            let mut losses = Vec::with_capacity(e - s);
            let mut dz = vec![0f64; (e - s) * k];
            for r in s..e {
                let z = &z_all[r * k..(r + 1) * k];
                let max = z.iter().copied().fold(f64::NEG_INFINITY, f64::max);
                let sum: f64 = z.iter().map(|v| (v - max).exp()).sum();
                let lse = max + sum.ln();
                let sw = self.sample_weight[r] / total_weight;
                losses.push(sw * (lse - z[self.y[r]]));
                let row = &mut dz[(r - s) * k..(r - s + 1) * k];
                for c in 0..k {
                    let p = (z[c] - lse).exp();
                    row[c] = sw * (p - if c == self.y[r] { 1.0 } else { 0.0 });
                }
            }
            (losses, dz)
        });
        let mut loss = 0.5 * self.lambda * w.iter().map(|v| v * v).sum::<f64>();
        let mut dz_all = Vec::with_capacity(n * k);
        for (losses, dz) in &parts {
            loss += losses.iter().sum::<f64>();
            dz_all.extend_from_slice(dz);
        }
        // Gradient column by column: dz (n x K) is small and stays in cache, and every
        // feature's gradient is one ordered sum, so the result does not depend on threads.
        let col_chunks: Vec<(usize, usize)> = (0..n_feat)
            .step_by(4096)
            .map(|s| (s, (s + 4096).min(n_feat)))
            .collect();
        let pieces: Vec<Vec<f64>> = parallel::map(&col_chunks, |&(s, e)| {
            let mut out = vec![0f64; (e - s) * k];
            for j in s..e {
                let o = &mut out[(j - s) * k..(j - s + 1) * k];
                for p in colptr[j]..colptr[j + 1] {
                    let r = rows[p] as usize;
                    let v = f64::from(vals[p]);
                    for c in 0..k {
                        o[c] += v * dz_all[r * k + c];
                    }
                }
                for c in 0..k {
                    o[c] += self.lambda * w[j * k + c];
                }
            }
            out
        });
        let mut at = 0;
        for piece in pieces {
            grad[at..at + piece.len()].copy_from_slice(&piece);
            at += piece.len();
        }
        loss
    }
}

fn dot(a: &[f64], b: &[f64]) -> f64 {
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}

/// Minimizes the objective with L-BFGS (memory `m`), from zero weights.
pub(crate) fn fit(problem: &Problem<'_>, max_iter: u32, tol: f64) -> (Vec<f64>, Fitted) {
    let dim = problem.x.n_features * problem.n_classes;
    let m = 10usize;
    let mut w = vec![0f64; dim];
    let mut g = vec![0f64; dim];
    let mut f = problem.eval(&w, &mut g);
    let mut s_hist: Vec<Vec<f64>> = Vec::with_capacity(m);
    let mut y_hist: Vec<Vec<f64>> = Vec::with_capacity(m);
    let mut rho: Vec<f64> = Vec::with_capacity(m);
    let mut w_new = vec![0f64; dim];
    let mut g_new = vec![0f64; dim];
    let mut dir = vec![0f64; dim];
    let mut alpha = vec![0f64; m];
    let mut it = 0u32;
    while it < max_iter {
        let gmax = g.iter().fold(0f64, |a, v| a.max(v.abs()));
        if gmax <= tol {
            break;
        }
        it += 1;
        // Two-loop recursion: dir = -H g.
        dir.copy_from_slice(&g);
        for i in (0..s_hist.len()).rev() {
            alpha[i] = rho[i] * dot(&s_hist[i], &dir);
            dir.iter_mut()
                .zip(&y_hist[i])
                .for_each(|(d, y)| *d -= alpha[i] * y);
        }
        if let (Some(s), Some(y)) = (s_hist.last(), y_hist.last()) {
            let gamma = dot(s, y) / dot(y, y);
            dir.iter_mut().for_each(|d| *d *= gamma);
        } else {
            let gn = dot(&g, &g).sqrt();
            dir.iter_mut().for_each(|d| *d /= gn.max(1e-12));
        }
        for i in 0..s_hist.len() {
            let beta = rho[i] * dot(&y_hist[i], &dir);
            dir.iter_mut()
                .zip(&s_hist[i])
                .for_each(|(d, s)| *d += (alpha[i] - beta) * s);
        }
        dir.iter_mut().for_each(|d| *d = -*d);
        let mut slope = dot(&g, &dir);
        if slope >= 0.0 {
            // Not a descent direction: restart from steepest descent.
            s_hist.clear();
            y_hist.clear();
            rho.clear();
            let gn = dot(&g, &g).sqrt().max(1e-12);
            dir.iter_mut().zip(&g).for_each(|(d, gv)| *d = -gv / gn);
            slope = dot(&g, &dir);
        }
        // Backtracking line search (Armijo).
        let mut step = 1.0f64;
        let mut f_new;
        let mut tries = 0;
        loop {
            w_new
                .iter_mut()
                .zip(w.iter().zip(&dir))
                .for_each(|(wn, (wv, d))| *wn = wv + step * d);
            f_new = problem.eval(&w_new, &mut g_new);
            if f_new <= f + 1e-4 * step * slope || tries >= 30 {
                break;
            }
            step *= 0.5;
            tries += 1;
        }
        if f_new > f {
            break;
        }
        let s: Vec<f64> = w_new.iter().zip(&w).map(|(a, b)| a - b).collect();
        let y: Vec<f64> = g_new.iter().zip(&g).map(|(a, b)| a - b).collect();
        let sy = dot(&s, &y);
        let rel = (f - f_new) / f.abs().max(1e-12);
        std::mem::swap(&mut w, &mut w_new);
        std::mem::swap(&mut g, &mut g_new);
        f = f_new;
        if sy > 1e-12 {
            if s_hist.len() == m {
                s_hist.remove(0);
                y_hist.remove(0);
                rho.remove(0);
            }
            s_hist.push(s);
            y_hist.push(y);
            rho.push(1.0 / sy);
        }
        if rel < 1e-9 {
            break;
        }
    }
    (
        w,
        Fitted {
            iterations: it,
            loss: f,
        },
    )
}
