//! Word clusters: a distributional class for each of the most frequent English words, learned
//! from unlabelled text (Brown clustering), so that words the treebank never saw still share
//! weights with words of similar use. The table is part of the model file.

use super::hash::{str_hash, IdentityBuild};
use crate::{Error, Result};
use std::collections::HashMap;

/// What the lexicon knows of a word form.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Entry {
    /// Brown cluster: the cluster's bit path read as a binary number; 0 = none.
    pub cluster: u32,
    /// Frequency class: the negated natural log of the word's probability, rounded (3 for
    /// "the"); [`UNKNOWN_FREQUENCY`] when the word is not listed.
    pub freq: u8,
}

/// The frequency class of words the lexicon does not list.
pub(crate) const UNKNOWN_FREQUENCY: u8 = 31;

const UNKNOWN: Entry = Entry {
    cluster: 0,
    freq: UNKNOWN_FREQUENCY,
};

/// Word -> cluster and frequency class.
#[derive(Clone, Debug, Default)]
pub(crate) struct Lexicon {
    entries: HashMap<u64, Entry, IdentityBuild>,
    /// The table as read, for writing it back.
    pub source: String,
}

impl Lexicon {
    /// Reads `word<TAB>cluster[<TAB>frequency class]` lines.
    pub(crate) fn parse(text: &str) -> Result<Self> {
        let mut entries = HashMap::with_capacity_and_hasher(text.len() / 12, IdentityBuild);
        for (i, line) in text.lines().enumerate() {
            let bad = || Error::Resource {
                name: "word clusters".to_owned(),
                message: format!(
                    "line {}: expected word<TAB>cluster[<TAB>frequency class], found {line:?}",
                    i + 1
                ),
            };
            let mut cols = line.split('\t');
            let (Some(word), Some(cluster), freq, None) =
                (cols.next(), cols.next(), cols.next(), cols.next())
            else {
                return Err(bad());
            };
            let cluster: u32 = cluster.parse().map_err(|_| bad())?;
            let freq: u8 = match freq {
                None => UNKNOWN_FREQUENCY,
                Some(f) => f.parse::<u8>().map_err(|_| bad())?.min(UNKNOWN_FREQUENCY - 1),
            };
            entries.insert(str_hash(word), Entry { cluster, freq });
        }
        Ok(Self {
            entries,
            source: text.to_owned(),
        })
    }

    /// The entry of a form (by its hash).
    pub(crate) fn get(&self, form_hash: u64) -> Entry {
        self.entries.get(&form_hash).copied().unwrap_or(UNKNOWN)
    }
}

/// The first `bits` bits of a cluster path (the whole path when it is shorter), tagged with
/// `bits` so prefixes of different lengths never share a key.
#[must_use]
pub(crate) const fn cluster_prefix(cluster: u32, bits: u32) -> u64 {
    let len = 32 - cluster.leading_zeros();
    let shift = len.saturating_sub(bits);
    ((cluster >> shift) as u64) | ((bits as u64) << 40)
}
