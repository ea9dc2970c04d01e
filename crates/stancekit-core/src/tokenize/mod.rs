//! Word tokenization: non-destructive, every token a span of the original text.
//!
//! The tokenizer follows the conventions of Universal Dependencies English (EWT, GUM):
//!
//! * Clitics are split as UD syntactic words by default (`did|n't`, `ca|n't`, `Venezuela|'s`,
//!   `I|'m`, `gon|na`, `can|not`), with straight, curly and backtick apostrophes;
//!   [`TokenizerConfig::split_clitics`] `= false` keeps the UD surface tokens whole (`didn't`).
//!   Clitics written without apostrophe are split too where UD does (`do|nt`, `it|s` when the
//!   next word shows that `its` means `it is`).
//! * Abbreviations keep their period (`U.S.`, `Mr.`, `a.m.`, `etc.`), unless a new sentence
//!   seems to follow (`... and so on, etc. We left.` gives `etc` `.`); any other final period
//!   is a token of its own.
//! * URLs, e-mail addresses, `@mentions`, `#hashtags` and emoji (with skin tones, variation
//!   selectors, ZWJ sequences and flags) are single tokens; so are common emoticons (`:)`).
//! * Numbers keep their separators and decimals (`1,000.50`, `5:30`, `9/11`, `713-853-3989`);
//!   signs and units are split off (`$|5`, `3.5|%`, `5|pm`), ordinals and decades are not
//!   (`20th`, `1990s`).
//! * Hyphenated words are split at the hyphen (`well|-|known`), as UD English does, except
//!   after prefixes such as `non-`, `re-`, `anti-`, `e-` (`non-profit`, `e-mail`), in phone
//!   numbers and codes (`713-853-3989`), and after a cut-off word of one or two letters
//!   (`w-` before a space).
//! * Runs of sentence punctuation (`...`, `?!`), repeated characters (`--`, `''`, `!!`) and
//!   separator lines (`=====`, `-->`) are single tokens.
//!
//! **Coverage.** Spans are byte offsets into the original text, in order and non-overlapping,
//! on character boundaries. Separators ([`is_separator`]: whitespace, control characters such
//! as `NUL` and `DEL`, and ignorable format characters such as the BOM, zero-width space and
//! bidirectional marks) are never inside a token and never emitted; every other character is
//! covered by exactly one token. Combining marks, joiners, variation selectors and the soft
//! hyphen belong to the token before them, or form a symbol token when nothing precedes them
//! in the same run.
//!
//! **Cost.** One forward pass with ASCII fast paths and bounded look-ahead: linear time, no
//! allocation besides the output vector, any `&str` accepted.
//!
//! Word lists (abbreviations, hyphen prefixes, contractions, sentence openers) are compiled
//! in from `resources/tokenize/`; the learned ones come from UD English EWT train
//! (CC BY-SA 4.0).

mod chars;
mod lexicon;
pub(crate) use lexicon::is_clitic;
mod scan;
#[cfg(test)]
mod tests;

pub use chars::is_separator;

use crate::{versioned, Result, Span};
use serde::{Deserialize, Serialize};

/// Whether a period between `left` and `right` (no space around it; `right` runs to the next
/// whitespace) ends a sentence: `left` is a word of two or more letters with a lower-case one
/// (`world`, not `U.S` or `e.g`), and `right` starts with a capitalised word that is no
/// top-level domain (`Today`, not `Com` in `example.Com`) and is no part of an address
/// (`Jane.Doe@example.com`, `path.Name/x`). Both the tokenizer and the sentence splitter use it.
pub(crate) fn sentence_end_without_space(left: &[u8], right: &[u8]) -> bool {
    if right.iter().take(64).any(|&b| matches!(b, b'@' | b'/' | b':')) {
        return false;
    }
    let word_len = right.iter().take_while(|b| b.is_ascii_alphabetic()).count();
    let word = &right[..word_len];
    left.len() >= 2
        && left.iter().all(u8::is_ascii_alphabetic)
        && left.iter().any(u8::is_ascii_lowercase)
        && word.len() >= 2
        && word[0].is_ascii_uppercase()
        && word[1..].iter().all(u8::is_ascii_lowercase)
        && !is_top_level_domain(word)
}

/// Generic top-level domains, which may be written capitalised (`Example.Com`).
fn is_top_level_domain(word: &[u8]) -> bool {
    matches!(
        lexicon::Lexicon::get().top_level_domain(word),
        Some(lexicon::TopLevelDomain::Domain | lexicon::TopLevelDomain::Generic)
    )
}

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
        // Load the compiled word lists now rather than on the first call.
        lexicon::Lexicon::get();
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
        let mut out = Vec::with_capacity(text.len() / 5 + 1);
        self.tokenize_into(text, &mut out);
        out
    }

    /// Tokenizes `text`, appending to `out` (reuse the vector to avoid allocations).
    ///
    /// See the [module documentation](self) for the conventions and the coverage guarantee.
    pub fn tokenize_into(&self, text: &str, out: &mut Vec<Token>) {
        scan::Scanner::new(text, self.config.split_clitics, out).run();
    }
}
