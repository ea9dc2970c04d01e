//! Binding of the stance classifier. PLACEHOLDER until the classifier work lands.

use pyo3::prelude::*;

/// A trainable stance classifier (placeholder).
#[pyclass(module = "stancekit", name = "StanceClassifierCore")]
pub struct PyStanceClassifier {}
