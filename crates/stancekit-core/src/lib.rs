//! # stancekit-core
//!
//! The pure-Rust engine behind the `stancekit` Python package: sentence splitting, tokenization
//! and stance tagging for English news. It knows nothing of Python; the binding crate at the
//! repository root converts its values.
//!
//! Every span is a pair of **byte** offsets into the original, unmodified text. The binding
//! converts them to code-point offsets with [`span::byte_to_char_offsets`] in one linear pass.
//!
//! ```
//! use stancekit_core::{SentenceSplitter, Tokenizer};
//!
//! let text = "Mr. Smith went to Washington. He arrived on Feb. 8.";
//! let splitter = SentenceSplitter::default();
//! let sentences = splitter.split(text);
//! assert_eq!(sentences.len(), 2);
//! assert_eq!(sentences[0].as_str(text), "Mr. Smith went to Washington.");
//!
//! let tokens = Tokenizer::default().tokenize("Venezuela's leader didn't go.");
//! let words: Vec<&str> = tokens.iter().map(|t| t.span.as_str("Venezuela's leader didn't go.")).collect();
//! assert_eq!(words, ["Venezuela", "'s", "leader", "did", "n't", "go", "."]);
//! ```

pub mod chunk;
pub mod classify;
pub mod error;
pub mod parallel;
pub mod resource;
pub mod sentence;
pub mod span;
pub mod stance;
pub mod stance_v2;
pub mod syntax;
pub mod tokenize;
pub(crate) mod versioned;

pub use error::{Error, Result};
pub use sentence::{SentenceSplitter, SentenceSplitterConfig};
pub use span::Span;
pub use tokenize::{Token, TokenKind, Tokenizer, TokenizerConfig};

/// The version of the JSON format written by every `to_json` in this crate.
pub const FORMAT_VERSION: u32 = 1;
