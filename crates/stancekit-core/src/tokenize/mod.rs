//! Word tokenization: non-destructive, every token a span of the original text.
//!
//! PLACEHOLDER implementation (whitespace + punctuation); the real rules land with the
//! tokenizer work.

use crate::{versioned, Result, Span};
use serde::{Deserialize, Serialize};

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TokenKind {
    /// Letters, possibly with inner apostrophes/hyphens/periods (`U.S.`, `Mr.`, `well-known`).
    Word,
    /// Digits with optional separators and decimals (`1,000.5`, `2019`).
    Number,
    /// Punctuation (`.`, `,`, `"`, `—`, `(`).
    Punct,
    /// Symbols (`$`, `%`, `&`, `+`).
    Symbol,
    /// A URL.
    Url,
    /// An e-mail address.
    Email,
    /// A hashtag (`#Venezuela`).
    Hashtag,
    /// A mention (`@jguaido`).
    Mention,
    /// An emoji, with its modifiers and joiners.
    Emoji,
}

impl TokenKind {
    /// The lower-case name used in Python and JSON.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Word => "word",
            Self::Number => "number",
            Self::Punct => "punct",
            Self::Symbol => "symbol",
            Self::Url => "url",
            Self::Email => "email",
            Self::Hashtag => "hashtag",
            Self::Mention => "mention",
            Self::Emoji => "emoji",
        }
    }
}

/// One token: a span of the original text and its kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Token {
    /// Byte span in the original text.
    pub span: Span,
    /// What the token is.
    pub kind: TokenKind,
}

/// Settings of a [`Tokenizer`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct TokenizerConfig {
    /// Split clitics as UD syntactic words (`did|n't`, `Venezuela|'s`); false keeps surface tokens whole.
    pub split_clitics: bool,
}

impl Default for TokenizerConfig {
    fn default() -> Self {
        Self { split_clitics: true }
    }
}

impl TokenizerConfig {
    /// Builds the tokenizer, validating the settings.
    ///
    /// # Errors
    /// [`crate::Error::Config`] when a setting is invalid.
    pub fn build(self) -> Result<Tokenizer> {
        Ok(Tokenizer { config: self })
    }
}

/// An immutable, thread-safe tokenizer.
#[derive(Clone, Debug)]
pub struct Tokenizer {
    config: TokenizerConfig,
}

impl Default for Tokenizer {
    fn default() -> Self {
        TokenizerConfig::default()
            .build()
            .expect("default config is valid")
    }
}

impl Tokenizer {
    /// The settings this tokenizer was built from.
    #[must_use]
    pub fn config(&self) -> &TokenizerConfig {
        &self.config
    }

    /// Serializes the settings as versioned JSON.
    #[must_use]
    pub fn to_json(&self) -> String {
        versioned::to_json("Tokenizer", &self.config)
    }

    /// Builds a tokenizer from JSON written by [`Tokenizer::to_json`].
    ///
    /// # Errors
    /// [`crate::Error::Serialization`], [`crate::Error::Version`] or [`crate::Error::Config`].
    pub fn from_json(json: &str) -> Result<Self> {
        versioned::from_json::<TokenizerConfig>("Tokenizer", json)?.build()
    }

    /// Tokenizes `text`.
    #[must_use]
    pub fn tokenize(&self, text: &str) -> Vec<Token> {
        let mut out = Vec::new();
        self.tokenize_into(text, &mut out);
        out
    }

    /// Tokenizes `text`, appending to `out` (reuse the vector to avoid allocations).
    pub fn tokenize_into(&self, text: &str, out: &mut Vec<Token>) {
        let mut start: Option<usize> = None;
        for (i, c) in text.char_indices() {
            if c.is_alphanumeric() {
                start.get_or_insert(i);
                continue;
            }
            if let Some(s) = start.take() {
                out.push(Token {
                    span: Span::new(s, i),
                    kind: TokenKind::Word,
                });
            }
            if !c.is_whitespace() && !c.is_control() {
                out.push(Token {
                    span: Span::new(i, i + c.len_utf8()),
                    kind: TokenKind::Punct,
                });
            }
        }
        if let Some(s) = start {
            out.push(Token {
                span: Span::new(s, text.len()),
                kind: TokenKind::Word,
            });
        }
    }
}
