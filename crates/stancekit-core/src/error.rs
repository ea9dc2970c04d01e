//! The crate's one error type.

/// Everything that can fail in the core. Text processing itself never fails: any `&str` is
/// valid input. Only building engines from configurations and reading serialized data can fail.
#[derive(Debug, thiserror::Error)]
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
