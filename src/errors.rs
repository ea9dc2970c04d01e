//! The package's exception hierarchy and the one mapping from core errors to it.

use pyo3::create_exception;
use pyo3::exceptions::PyValueError;
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

/// Converts a core error to its Python exception.
pub fn to_py(err: Error) -> PyErr {
    let message = err.to_string();
    match err {
        Error::Config(_) => ConfigError::new_err(message),
        Error::Serialization { .. } => SerializationError::new_err(message),
        Error::Version { .. } => VersionError::new_err(message),
        Error::Resource { .. } => ResourceError::new_err(message),
    }
}
