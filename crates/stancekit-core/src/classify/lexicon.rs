//! The VADER word valences (MIT, see the header of `resources/classify/vader_valence.tsv`).

use crate::resource;
use crate::Result;
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

const VADER_NAME: &str = "classify/vader_valence.tsv";
const VADER_TSV: &str = include_str!("../../resources/classify/vader_valence.tsv");

/// Parses `word<TAB>valence` lines.
fn parse(name: &str, tsv: &'static str) -> Result<Table> {
    let mut table = Table::default();
    for (line, text) in resource::data_lines(tsv) {
        let (word, value) = text
            .split_once('\t')
            .ok_or_else(|| resource::error(name, line, "expected word<TAB>valence"))?;
        let value = value
            .trim()
            .parse::<f32>()
            .ok()
            .filter(|v| v.is_finite())
            .ok_or_else(|| resource::error(name, line, format!("valence {value:?} is not a number")))?;
        table.insert(word, value);
    }
    Ok(table)
}

fn table() -> Result<&'static Table> {
    static TABLE: OnceLock<Result<Table>> = OnceLock::new();
    resource::cached(&TABLE, || parse(VADER_NAME, VADER_TSV))
}

/// Checks that the lexicon loads; called by the constructors of models that use it, so a
/// malformed lexicon is an error there and the feature extraction can rely on it.
///
/// # Errors
/// [`crate::Error::Resource`] naming the line.
pub(crate) fn check() -> Result<()> {
    table().map(|_| ())
}

/// Every word of the lexicon with its valence (-4..+4); none when the lexicon is malformed (the
/// model constructors report that). The stance rules read their valences here too: one copy.
pub(crate) fn entries() -> impl Iterator<Item = (&'static str, f32)> {
    table().into_iter().flatten().map(|(w, v)| (*w, *v))
}

/// The VADER valence (-4..+4) of a lower-cased word, if it has one.
#[cfg_attr(not(test), allow(dead_code))]
pub(crate) fn valence(word: &str) -> Option<f32> {
    table().ok()?.get(word).copied()
}

/// Valences keyed by the word's [`super::features::hash_str`] (64-bit; collisions between the
/// 7k lexicon words and other words are vanishingly unlikely).
fn hashed_table() -> &'static HashMap<u64, f32, BuildHasherDefault<WordHasher>> {
    static TABLE: OnceLock<HashMap<u64, f32, BuildHasherDefault<WordHasher>>> = OnceLock::new();
    TABLE.get_or_init(|| {
        // Empty when the lexicon is malformed: the model constructors reported that already.
        table()
            .into_iter()
            .flatten()
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
        assert!(super::table().unwrap().len() > 7000);
        let h = super::super::features::hash_str("terrible");
        assert_eq!(super::valence_by_hash(h), super::valence("terrible"));
    }

    #[test]
    fn malformed_lines_are_resource_errors() {
        let err = super::parse("test.tsv", "# c\ngood\t1.9\nbad 2\n").unwrap_err();
        assert_eq!(
            err.to_string(),
            "invalid resource test.tsv: line 3: expected word<TAB>valence"
        );
        let err = super::parse("test.tsv", "good\tx\n").unwrap_err();
        assert!(matches!(err, crate::Error::Resource { .. }), "{err}");
    }
}
