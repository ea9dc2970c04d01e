//! Sentence splitting for English news.
//!
//! PLACEHOLDER implementation; the real rules land with the splitter work.

use crate::{versioned, Result, Span};
use serde::{Deserialize, Serialize};

/// Settings of a [`SentenceSplitter`].
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct SentenceSplitterConfig {
    /// Extra abbreviations (without the final period, e.g. `"Gov"`), added to the built-in list.
    pub extra_abbreviations: Vec<String>,
}

impl SentenceSplitterConfig {
    /// Builds the splitter, validating the settings.
    ///
    /// # Errors
    /// [`crate::Error::Config`] when a setting is invalid.
    pub fn build(self) -> Result<SentenceSplitter> {
        Ok(SentenceSplitter { config: self })
    }
}

/// An immutable, thread-safe sentence splitter.
#[derive(Clone, Debug)]
pub struct SentenceSplitter {
    config: SentenceSplitterConfig,
}

impl Default for SentenceSplitter {
    fn default() -> Self {
        SentenceSplitterConfig::default()
            .build()
            .expect("default config is valid")
    }
}

impl SentenceSplitter {
    /// The settings this splitter was built from.
    #[must_use]
    pub fn config(&self) -> &SentenceSplitterConfig {
        &self.config
    }

    /// Serializes the settings as versioned JSON.
    #[must_use]
    pub fn to_json(&self) -> String {
        versioned::to_json("SentenceSplitter", &self.config)
    }

    /// Builds a splitter from JSON written by [`SentenceSplitter::to_json`].
    ///
    /// # Errors
    /// [`crate::Error::Serialization`], [`crate::Error::Version`] or [`crate::Error::Config`].
    pub fn from_json(json: &str) -> Result<Self> {
        versioned::from_json::<SentenceSplitterConfig>("SentenceSplitter", json)?.build()
    }

    /// Splits `text` into sentences: trimmed, non-empty, in order, non-overlapping spans; the
    /// text between two consecutive sentences is whitespace only.
    #[must_use]
    pub fn split(&self, text: &str) -> Vec<Span> {
        let mut out = Vec::new();
        let mut start = None;
        let mut chars = text.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            if c.is_whitespace() {
                continue;
            }
            start.get_or_insert(i);
            let next_ws = chars.peek().is_none_or(|&(_, n)| n.is_whitespace());
            if matches!(c, '.' | '!' | '?') && next_ws {
                out.push(Span::new(start.take().unwrap_or(i), i + 1));
            }
        }
        if let Some(s) = start {
            out.push(Span::new(s, text.trim_end().len()));
        }
        out
    }
}
