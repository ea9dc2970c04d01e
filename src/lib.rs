//! PyO3 binding of stancekit: conversion and GIL handling only; all NLP lives in `stancekit-core`.

mod classify;
mod detach;
mod engine;
mod engines;
mod errors;
mod input;
mod results;
mod spans;
mod stance;
mod syntax;

use pyo3::prelude::*;

/// Called in the child after `fork()`: rayon's worker threads do not survive a fork, so a child
/// of a process that used the pool runs its batches serially instead of deadlocking.
extern "C" fn after_fork_in_child() {
    if stancekit_core::parallel::pool_used() {
        stancekit_core::parallel::set_parallelism(false);
    }
}

/// Switches parallel batch processing on or off for this process (overrides `STANCEKIT_PARALLELISM`).
#[pyfunction]
fn set_parallelism(enabled: bool) {
    stancekit_core::parallel::set_parallelism(enabled);
}

/// Whether batch calls run on all cores.
#[pyfunction]
fn parallelism_enabled() -> bool {
    stancekit_core::parallel::parallelism_enabled()
}

/// The `(start, end)` code-point spans of the pieces `text` is cut into at blank lines, each
/// about `size` bytes of UTF-8 (the cutting the engines use for huge texts). Private: the
/// command line streams a big file in these pieces.
#[pyfunction]
#[pyo3(name = "_paragraph_spans")]
fn paragraph_spans(text: &Bound<'_, PyAny>, size: &Bound<'_, PyAny>) -> errors::Result<Vec<(usize, usize)>> {
    let size = input::index_arg(size, "size")?;
    let input = input::extract_text(text, "text")?;
    let text = input.as_str();
    let mut cursor = stancekit_core::span::CharCursor::new(text);
    Ok(stancekit_core::chunk::paragraph_pieces(text, size)
        .into_iter()
        .map(|p| (cursor.to_char(p.start), cursor.to_char(p.end)))
        .collect())
}

#[pymodule(gil_used = false)]
mod _core {
    #[pymodule_export]
    use super::classify::PyStanceClassifier;
    #[pymodule_export]
    use super::detach::progress::set_progress;
    #[pymodule_export]
    use super::engines::{PySentenceSplitter, PyTokenizer};
    #[pymodule_export]
    use super::errors::{
        ArgumentError, ConfigError, InternalError, ResourceError, SerializationError, StancekitError,
        VersionError,
    };
    #[pymodule_export]
    use super::results::{PySentence, PyToken};
    #[pymodule_export]
    use super::stance::{PyStance, PyStanceTagger};
    #[pymodule_export]
    use super::syntax::{train_syntax_model, PyParser, PyWord};
    #[pymodule_export]
    use super::{paragraph_spans, parallelism_enabled, set_parallelism};

    use pyo3::prelude::*;

    #[pymodule_init]
    fn init(m: &Bound<'_, PyModule>) -> PyResult<()> {
        m.add("__version__", env!("CARGO_PKG_VERSION"))?;
        m.add("FORMAT_VERSION", stancekit_core::FORMAT_VERSION)?;
        let engines = stancekit_core::stance::StanceEngine::ALL.map(|e| e.as_str());
        m.add("STANCE_ENGINES", pyo3::types::PyTuple::new(m.py(), engines)?)?;
        // SAFETY: registering a plain extern "C" function with no captured state.
        #[cfg(unix)]
        unsafe {
            libc::pthread_atfork(None, None, Some(super::after_fork_in_child));
        }
        Ok(())
    }
}
