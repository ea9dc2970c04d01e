//! The VADER word valences (MIT, see the header of `resources/classify/vader_valence.tsv`).

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

/// A small, fast hasher for short lower-case words (not DoS-resistant; the keys are fixed).
#[derive(Default)]
struct WordHasher(u64);

impl Hasher for WordHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write_u64(&mut self, v: u64) {
        self.0 = v.wrapping_mul(0x9e37_79b9_7f4a_7c15);
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(0x517c_c1b7_2722_0a95);
        }
    }
}

type Table = HashMap<&'static str, f32, BuildHasherDefault<WordHasher>>;

const VADER_TSV: &str = include_str!("../../resources/classify/vader_valence.tsv");

fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| {
        VADER_TSV
            .lines()
            .filter(|l| !l.starts_with('#') && !l.is_empty())
            .filter_map(|l| {
                let (w, v) = l.split_once('\t')?;
                Some((w, v.trim().parse::<f32>().ok()?))
            })
            .collect()
    })
}

/// The VADER valence (-4..+4) of a lower-cased word, if it has one.
#[cfg_attr(not(test), allow(dead_code))]
pub(crate) fn valence(word: &str) -> Option<f32> {
    table().get(word).copied()
}

/// Valences keyed by the word's [`super::features::hash_str`] (64-bit; collisions between the
/// 7k lexicon words and other words are vanishingly unlikely).
fn hashed_table() -> &'static HashMap<u64, f32, BuildHasherDefault<WordHasher>> {
    static TABLE: OnceLock<HashMap<u64, f32, BuildHasherDefault<WordHasher>>> = OnceLock::new();
    TABLE.get_or_init(|| {
        table()
            .iter()
            .map(|(w, v)| (super::features::hash_str(w), *v))
            .collect()
    })
}

/// [`valence`] of the word whose [`super::features::hash_str`] is `hash`.
#[inline]
pub(crate) fn valence_by_hash(hash: u64) -> Option<f32> {
    hashed_table().get(&hash).copied()
}

#[cfg(test)]
mod tests {
    #[test]
    fn known_words() {
        assert!(super::valence("good").unwrap() > 1.0);
        assert!(super::valence("terrible").unwrap() < -1.0);
        assert!(super::valence("table").is_none());
        assert!(super::table().len() > 7000);
        let h = super::super::features::hash_str("terrible");
        assert_eq!(super::valence_by_hash(h), super::valence("terrible"));
    }
}
