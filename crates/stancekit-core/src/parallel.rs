//! Maybe-parallel batch processing.
//!
//! Batches run on rayon's global pool unless parallelism is switched off, either by the
//! environment variable `STANCEKIT_PARALLELISM` (`0`, `false`, `off` or `no`) read on first use,
//! or by [`set_parallelism`] (the Python binding calls it in a forked child, where rayon's
//! threads no longer exist and using the pool would deadlock).

use rayon::prelude::*;
use std::sync::atomic::{AtomicBool, AtomicU8, Ordering};

const UNSET: u8 = 0;
const ON: u8 = 1;
const OFF: u8 = 2;

static STATE: AtomicU8 = AtomicU8::new(UNSET);
static POOL_USED: AtomicBool = AtomicBool::new(false);

/// Name of the environment variable that switches parallelism off.
pub const ENV_VAR: &str = "STANCEKIT_PARALLELISM";

/// Whether batches run in parallel.
#[must_use]
pub fn parallelism_enabled() -> bool {
    match STATE.load(Ordering::Relaxed) {
        ON => true,
        OFF => false,
        _ => {
            let enabled = std::env::var(ENV_VAR).map_or(true, |v| {
                !matches!(
                    v.trim().to_ascii_lowercase().as_str(),
                    "0" | "false" | "off" | "no"
                )
            });
            STATE.store(if enabled { ON } else { OFF }, Ordering::Relaxed);
            enabled
        }
    }
}

/// Switches parallel batches on or off for the whole process (overrides the environment).
pub fn set_parallelism(enabled: bool) {
    STATE.store(if enabled { ON } else { OFF }, Ordering::Relaxed);
}

/// Whether a batch has run on rayon's pool in this process (its threads then exist, and a
/// forked child must not use the pool).
#[must_use]
pub fn pool_used() -> bool {
    POOL_USED.load(Ordering::Relaxed)
}

/// How many items [`map`] works on at once: the pool's threads, or 1 when parallelism is off.
#[must_use]
pub fn threads() -> usize {
    if parallelism_enabled() {
        rayon::current_num_threads().max(1)
    } else {
        1
    }
}

/// Applies `f` to every item, in parallel when enabled and worthwhile, keeping the order.
pub fn map<T, R, F>(items: &[T], f: F) -> Vec<R>
where
    T: Sync,
    R: Send,
    F: Fn(&T) -> R + Sync + Send,
{
    if items.len() > 1 && parallelism_enabled() && rayon::current_num_threads() > 1 {
        POOL_USED.store(true, Ordering::Relaxed);
        items.par_iter().with_min_len(1).map(f).collect()
    } else {
        items.iter().map(f).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn map_keeps_order() {
        let items: Vec<usize> = (0..1000).collect();
        assert_eq!(
            map(&items, |x| x * 2),
            items.iter().map(|x| x * 2).collect::<Vec<_>>()
        );
    }
}
