//! The package's exception hierarchy and the one mapping from core errors to it.
//!
//! Every binding function returns [`Result`]: `?` turns a core [`Error`] into [`Failure::Core`]
//! and keeps a Python exception as [`Failure::Python`]; PyO3 raises either through the single
//! `From<Failure> for PyErr` below. (A direct `From<stancekit_core::Error> for PyErr` is not
//! allowed by Rust's orphan rule: both types belong to other crates.)

use pyo3::create_exception;
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::PyErr;
use stancekit_core::Error;

create_exception!(
    stancekit,
    StancekitError,
    PyValueError,
    "Base class of every error raised by stancekit itself (a subclass of ValueError)."
);
create_exception!(
    stancekit,
    ConfigError,
    StancekitError,
    "An engine setting is invalid."
);
create_exception!(
    stancekit,
    ArgumentError,
    StancekitError,
    "An argument's value is invalid: a span outside its text, a negative count, an unknown option, a malformed training row."
);
create_exception!(
    stancekit,
    SerializationError,
    StancekitError,
    "JSON (a config, a saved engine or model) cannot be read."
);
create_exception!(
    stancekit,
    VersionError,
    SerializationError,
    "Saved data was written by a newer, incompatible version of stancekit."
);
create_exception!(
    stancekit,
    ResourceError,
    StancekitError,
    "A lexicon, gazetteer or model is malformed."
);
create_exception!(
    stancekit,
    InternalError,
    StancekitError,
    "A bug in stancekit: the Rust core failed unexpectedly. Please report it with the input."
);

/// Why a binding call failed.
#[derive(Debug)]
pub enum Failure {
    /// The core refused: raised as the matching `StancekitError` subclass.
    Core(Error),
    /// A Python exception: a `TypeError` for an argument of the wrong type, or one raised by
    /// Python code the call ran (an iterator, a progress callback, Ctrl-C).
    Python(PyErr),
}

/// The result of every binding function.
pub type Result<T> = std::result::Result<T, Failure>;

impl From<Error> for Failure {
    fn from(err: Error) -> Self {
        Self::Core(err)
    }
}

impl From<PyErr> for Failure {
    fn from(err: PyErr) -> Self {
        Self::Python(err)
    }
}

impl From<Failure> for PyErr {
    fn from(failure: Failure) -> Self {
        let err = match failure {
            Failure::Python(err) => return err,
            Failure::Core(err) => err,
        };
        let message = err.to_string();
        match err {
            Error::Config(_) => ConfigError::new_err(message),
            Error::Argument(_) => ArgumentError::new_err(message),
            Error::Serialization { .. } => SerializationError::new_err(message),
            Error::Version { .. } => VersionError::new_err(message),
            Error::Resource { .. } => ResourceError::new_err(message),
        }
    }
}

/// A `TypeError` (an argument of the wrong type; not a core error).
pub fn type_error(message: String) -> Failure {
    Failure::Python(PyTypeError::new_err(message))
}

/// An [`Error::Argument`] failure.
pub fn argument(message: String) -> Failure {
    Failure::Core(Error::Argument(message))
}
