//! The single way core work runs: panics turned into `InternalError`, and the GIL released
//! whenever the work is big enough for that to pay.

use crate::errors::InternalError;
use pyo3::marker::Ungil;
use pyo3::prelude::*;
use std::panic::{catch_unwind, AssertUnwindSafe};

/// Single texts shorter than this (in UTF-8 bytes) are processed without releasing the GIL:
/// releasing and re-taking it costs about as much as splitting a short news article, and other
/// threads wait less than a millisecond. Batches always release it.
pub const DETACH_MIN_BYTES: usize = 1 << 16;

/// Runs `f`; a panic in the core becomes `stancekit.InternalError` instead of reaching Python
/// as `PanicException`.
fn catch<T>(f: impl FnOnce() -> T) -> PyResult<T> {
    catch_unwind(AssertUnwindSafe(f)).map_err(|payload| {
        let message = payload
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown panic".to_owned());
        InternalError::new_err(format!("internal error in the stancekit core: {message}"))
    })
}

/// Runs `f` with the GIL released, catching panics.
pub fn run_detached<T, F>(py: Python<'_>, f: F) -> PyResult<T>
where
    T: Ungil + Send,
    F: Ungil + Send + FnOnce() -> T,
{
    py.detach(|| catch(f))
}

/// Runs `f` on `bytes` of input: with the GIL released when that is at least
/// [`DETACH_MIN_BYTES`], holding it otherwise; panics are caught either way.
pub fn run_sized<T, F>(py: Python<'_>, bytes: usize, f: F) -> PyResult<T>
where
    T: Ungil + Send,
    F: Ungil + Send + FnOnce() -> T,
{
    if bytes >= DETACH_MIN_BYTES {
        run_detached(py, f)
    } else {
        catch(f)
    }
}
