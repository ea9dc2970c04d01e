//! What the tagger and parser see of a word: hashes of its form, lower-cased form, affixes and
//! shape, computed once per word.

use super::hash::{bytes_hash, str_hash};
use super::lexicon::{Entry, Lexicon};
use std::collections::HashMap;
use std::sync::OnceLock;

/// Inflectional endings and their replacements (`resources/syntax/inflections.tsv`).
fn inflections() -> &'static [(String, String)] {
    static TABLE: OnceLock<Vec<(String, String)>> = OnceLock::new();
    TABLE.get_or_init(|| {
        crate::resource::data_lines(include_str!("../../resources/syntax/inflections.tsv"))
            .filter_map(|(_, line)| {
                let (suffix, replacement) = line.split_once('\t')?;
                Some((
                    suffix.to_owned(),
                    if replacement == "-" {
                        String::new()
                    } else {
                        replacement.to_owned()
                    },
                ))
            })
            .collect()
    })
}

/// The parts of speech (bits) a word has as a known lemma, in the low four bits, and those of
/// the known lemmas it inflects, in the high four.
fn lexical_classes(lower: &str, known: &HashMap<String, u8>) -> u8 {
    let own = known.get(lower).copied().unwrap_or(0);
    let mut inflected = 0;
    for (suffix, replacement) in inflections() {
        if let Some(stem) = lower.strip_suffix(suffix.as_str()) {
            if stem.chars().count() >= 2 {
                inflected |= known.get(&format!("{stem}{replacement}")).copied().unwrap_or(0);
            }
        }
    }
    (own & 0x0f) | (inflected << 4)
}

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
    /// The word's cluster (0 when it has none; of its lower-cased form when the form as
    /// written is not listed).
    pub cluster: u32,
    /// The frequency class of the form as written (see [`Entry::freq`]).
    pub freq: u8,
    /// The lexicon's entry for the lower-cased form, for words with a capital letter (what the
    /// word is when it is not a name: `Office` in a heading is the common noun).
    pub lower: Entry,
    /// Letter case: 0 no letter, 1 lower-case initial, 2 capitalised, 3 all capitals (two or
    /// more letters).
    pub caps: u8,
    /// What the known lemmas say of the word (see [`lexical_classes`]).
    pub classes: u8,
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
    /// The views of `form`; `known` holds the known lemmas and their parts of speech.
    pub(crate) fn new(form: &str, lexicon: &Lexicon, known: &HashMap<String, u8>) -> Self {
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
        let entry = lexicon.get(form_hash);
        let has_upper = form.chars().any(char::is_uppercase);
        let lower = if has_upper {
            lexicon.get(str_hash(&form.to_lowercase()))
        } else {
            entry
        };
        let letters = form.chars().filter(|c| c.is_alphabetic()).count();
        let caps = match form.chars().find(|c| c.is_alphabetic()) {
            None => 0,
            Some(c) if c.is_lowercase() => 1,
            Some(_) if letters >= 2 && !form.chars().any(char::is_lowercase) => 3,
            Some(_) => 2,
        };
        let lowered = form.to_lowercase();
        Self {
            classes: lexical_classes(&lowered, known),
            form: form_hash,
            cluster: if entry.cluster == 0 {
                lower.cluster
            } else {
                entry.cluster
            },
            freq: entry.freq,
            lower,
            caps,
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
            freq: 0,
            lower: Entry { cluster: 0, freq: 0 },
            caps: 0,
            classes: 0,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits_share_a_norm_and_case_does_not_matter_for_it() {
        let l = Lexicon::default();
        assert_eq!(
            WordView::new("2019", &l, &HashMap::new()).norm,
            WordView::new("2020", &l, &HashMap::new()).norm
        );
        assert_eq!(
            WordView::new("Maduro", &l, &HashMap::new()).norm,
            WordView::new("MADURO", &l, &HashMap::new()).norm
        );
        assert_ne!(
            WordView::new("Maduro", &l, &HashMap::new()).form,
            WordView::new("MADURO", &l, &HashMap::new()).form
        );
        assert_eq!(
            WordView::new("Caracas", &l, &HashMap::new()).shape,
            WordView::new("Brasilia", &l, &HashMap::new()).shape
        );
        assert_eq!(
            WordView::new("running", &l, &HashMap::new()).suffix[2],
            WordView::new("sing", &l, &HashMap::new()).suffix[2]
        );
        assert_ne!(
            WordView::new("a", &l, &HashMap::new()).suffix[0],
            WordView::new("a", &l, &HashMap::new()).prefix[0]
        );
        // Single characters and empty strings do not panic.
        let _ = WordView::new("", &l, &HashMap::new());
        let _ = WordView::new("é", &l, &HashMap::new());
    }
}
