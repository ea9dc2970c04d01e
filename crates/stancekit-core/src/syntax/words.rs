//! What the tagger and parser see of a word: hashes of its form, lower-cased form, affixes and
//! shape, computed once per word.

use super::hash::{bytes_hash, str_hash};
use super::lexicon::Lexicon;

/// Hashed views of one word.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct WordView {
    /// The form as written.
    pub form: u64,
    /// Lower-cased, with every ASCII digit written as `0` (so years and amounts share weights).
    pub norm: u64,
    /// The last 1..=4 characters of `norm` (shorter words repeat their whole form).
    pub suffix: [u64; 4],
    /// The first 1..=3 characters of `norm`.
    pub prefix: [u64; 3],
    /// Character classes with runs capped at four: `Xxxxx` for `Venezuela`, `dd.d` for `12.5`.
    pub shape: u64,
    /// Character classes with runs collapsed: `Xx`, `d.d`.
    pub short_shape: u64,
    /// The word's cluster (0 when it has none).
    pub cluster: u32,
}

fn class_of(c: char) -> char {
    if c.is_uppercase() {
        'X'
    } else if c.is_lowercase() {
        'x'
    } else if c.is_ascii_digit() || c.is_numeric() {
        'd'
    } else {
        c
    }
}

impl WordView {
    /// The views of `form`.
    pub(crate) fn new(form: &str, lexicon: &Lexicon) -> Self {
        let mut norm = String::with_capacity(form.len());
        for c in form.chars() {
            if c.is_ascii_digit() {
                norm.push('0');
            } else if c.is_ascii() {
                norm.push(c.to_ascii_lowercase());
            } else {
                norm.extend(c.to_lowercase());
            }
        }
        let chars: Vec<(usize, char)> = norm.char_indices().collect();
        let n = chars.len();
        let mut suffix = [0u64; 4];
        for (k, s) in suffix.iter_mut().enumerate() {
            let start = if k + 1 >= n { 0 } else { chars[n - k - 1].0 };
            *s = bytes_hash(&norm.as_bytes()[start..]) ^ (k as u64 + 1);
        }
        let mut prefix = [0u64; 3];
        for (k, p) in prefix.iter_mut().enumerate() {
            let end = chars.get(k + 1).map_or(norm.len(), |&(i, _)| i);
            *p = bytes_hash(&norm.as_bytes()[..end]) ^ ((k as u64 + 1) << 8);
        }
        let mut shape = String::with_capacity(form.len().min(32));
        let mut short = String::with_capacity(8);
        let mut run = 0;
        let mut last = '\0';
        for c in form.chars() {
            let k = class_of(c);
            if k == last {
                run += 1;
            } else {
                run = 1;
                last = k;
                short.push(k);
            }
            if run <= 4 {
                shape.push(k);
            }
        }
        let form_hash = str_hash(form);
        Self {
            form: form_hash,
            cluster: lexicon.cluster(form_hash, form),
            norm: str_hash(&norm),
            suffix,
            prefix,
            shape: str_hash(&shape),
            short_shape: str_hash(&short),
        }
    }

    /// A placeholder for positions outside the sentence (`kind` tells them apart).
    pub(crate) const fn padding(kind: u64) -> Self {
        let v = 0x9e37_79b9_0000_0000 ^ kind;
        Self {
            form: v,
            norm: v,
            suffix: [v; 4],
            prefix: [v; 3],
            shape: v,
            short_shape: v,
            cluster: 0,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits_share_a_norm_and_case_does_not_matter_for_it() {
        let l = Lexicon::default();
        assert_eq!(WordView::new("2019", &l).norm, WordView::new("2020", &l).norm);
        assert_eq!(WordView::new("Maduro", &l).norm, WordView::new("MADURO", &l).norm);
        assert_ne!(WordView::new("Maduro", &l).form, WordView::new("MADURO", &l).form);
        assert_eq!(WordView::new("Caracas", &l).shape, WordView::new("Brasilia", &l).shape);
        assert_eq!(WordView::new("running", &l).suffix[2], WordView::new("sing", &l).suffix[2]);
        assert_ne!(WordView::new("a", &l).suffix[0], WordView::new("a", &l).prefix[0]);
        // Single characters and empty strings do not panic.
        let _ = WordView::new("", &l);
        let _ = WordView::new("é", &l);
    }
}
