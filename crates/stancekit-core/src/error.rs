//! The crate's one error type.

/// Everything that can fail in the core. Text processing itself never fails: any `&str` is
/// valid input. Building engines from configurations, reading serialized data or resources and
/// checking arguments (spans, counts, training rows) can.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum Error {
    /// A configuration value is out of range or inconsistent.
    #[error("invalid configuration: {0}")]
    Config(String),
    /// JSON could not be parsed or does not describe the expected object.
    #[error("cannot read {what} from JSON: {message}")]
    Serialization {
        /// What was being read, e.g. `"Tokenizer"`.
        what: String,
        /// The parser's message, with line and column where it has them.
        message: String,
    },
    /// Serialized data was written by a newer, incompatible format version.
    #[error("{what} JSON has format version {found}; this build reads versions up to {supported}")]
    Version {
        /// What was being read.
        what: String,
        /// The version found in the data.
        found: u64,
        /// The newest version this build reads.
        supported: u32,
    },
    /// An argument or input value is invalid: a span outside its text, a negative count, an
    /// unknown option, a malformed training row. The message names the argument or the row.
    #[error("{0}")]
    Argument(String),
    /// A built-in or user-provided resource (lexicon, gazetteer, model) is malformed.
    #[error("invalid resource {name}: {message}")]
    Resource {
        /// The resource's name.
        name: String,
        /// What is wrong with it.
        message: String,
    },
}

/// Shorthand for results of this crate.
pub type Result<T> = std::result::Result<T, Error>;
