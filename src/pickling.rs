//! The one way engines pickle: as their versioned JSON config, rebuilt by `from_json`.

use pyo3::prelude::*;
use pyo3::types::PyTuple;

/// `__reduce__` for an engine class: `(type(obj).from_json, (json,))`.
pub fn reduce_via_json<'py>(
    obj: &Bound<'py, PyAny>,
    json: String,
) -> PyResult<(Bound<'py, PyAny>, Bound<'py, PyTuple>)> {
    let from_json = obj.get_type().getattr("from_json")?;
    Ok((from_json, PyTuple::new(obj.py(), [json])?))
}
