//! Word clusters: a distributional class for each of the most frequent English words, learned
//! from unlabelled text (Brown clustering), so that words the treebank never saw still share
//! weights with words of similar use. The table is part of the model file.

use super::hash::{str_hash, IdentityBuild};
use crate::{Error, Result};
use std::collections::HashMap;

/// Word -> Brown cluster (the cluster's bit path read as a binary number; 0 = none).
#[derive(Clone, Debug, Default)]
pub(crate) struct Lexicon {
    clusters: HashMap<u64, u32, IdentityBuild>,
    /// The table as read, for writing it back.
    pub source: String,
}

impl Lexicon {
    /// Reads `word<TAB>cluster` lines.
    pub(crate) fn parse(text: &str) -> Result<Self> {
        let mut clusters = HashMap::with_capacity_and_hasher(text.len() / 12, IdentityBuild);
        for (i, line) in text.lines().enumerate() {
            let bad = || Error::Resource {
                name: "word clusters".to_owned(),
                message: format!("line {}: expected word<TAB>number, found {line:?}", i + 1),
            };
            let (word, cluster) = line.split_once('\t').ok_or_else(bad)?;
            let cluster: u32 = cluster.parse().map_err(|_| bad())?;
            clusters.insert(str_hash(word), cluster);
        }
        Ok(Self {
            clusters,
            source: text.to_owned(),
        })
    }

    /// The cluster of a word (by the hash of its form, then of its lower-cased form).
    pub(crate) fn cluster(&self, form_hash: u64, form: &str) -> u32 {
        if let Some(&c) = self.clusters.get(&form_hash) {
            return c;
        }
        if form.chars().any(char::is_uppercase) {
            if let Some(&c) = self.clusters.get(&str_hash(&form.to_lowercase())) {
                return c;
            }
        }
        0
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
