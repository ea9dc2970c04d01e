//! The VADER word valences (MIT, see the header of `resources/classify/vader_valence.tsv`).

use std::collections::HashMap;
use std::sync::OnceLock;

const VADER_TSV: &str = include_str!("../../resources/classify/vader_valence.tsv");

fn table() -> &'static HashMap<&'static str, f32> {
    static TABLE: OnceLock<HashMap<&'static str, f32>> = OnceLock::new();
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
pub(crate) fn valence(word: &str) -> Option<f32> {
    table().get(word).copied()
}

#[cfg(test)]
mod tests {
    #[test]
    fn known_words() {
        assert!(super::valence("good").unwrap() > 1.0);
        assert!(super::valence("terrible").unwrap() < -1.0);
        assert!(super::valence("table").is_none());
        assert!(super::table().len() > 7000);
    }
}
