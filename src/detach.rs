//! The single way heavy work runs: without the GIL, with panics turned into `InternalError`.

use crate::errors::InternalError;
use pyo3::marker::Ungil;
use pyo3::prelude::*;
use std::panic::{catch_unwind, AssertUnwindSafe};

/// Runs `f` with the GIL released; a panic in the core becomes `stancekit.InternalError`
/// instead of reaching Python as `PanicException`.
pub fn run_detached<T, F>(py: Python<'_>, f: F) -> PyResult<T>
where
    T: Ungil + Send,
    F: Ungil + Send + FnOnce() -> T,
{
    py.detach(|| catch_unwind(AssertUnwindSafe(f)))
        .map_err(|payload| {
            let message = payload
                .downcast_ref::<&str>()
                .map(|s| (*s).to_owned())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown panic".to_owned());
            InternalError::new_err(format!("internal error in the stancekit core: {message}"))
        })
}
