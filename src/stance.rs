//! Binding of the stance tagger. PLACEHOLDER until the stance work lands.

use pyo3::prelude::*;

/// One stance triple (placeholder).
#[pyclass(frozen, module = "stancekit", name = "Stance")]
pub struct PyStance {}

/// The stance tagger (placeholder).
#[pyclass(frozen, module = "stancekit", name = "StanceTagger")]
pub struct PyStanceTagger {}
