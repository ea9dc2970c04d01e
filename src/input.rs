//! Reading Python text arguments into owned, thread-safe Rust strings.
//!
//! Policy (documented in the README and stubs):
//! - anything but `str` raises `TypeError` naming the type received (`bytes` included: decode first);
//! - a `str` with lone surrogates (e.g. from `surrogateescape` decoding) is processed with each
//!   surrogate read as U+FFFD; since that is one code point for one code point, code-point offsets
//!   still index the original string, and result texts are sliced from the original.

use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::pybacked::PyBackedStr;
use pyo3::types::{PySlice, PyString};

/// One input text: the UTF-8 the core reads, and the original when it had to be repaired.
pub struct InputText {
    /// UTF-8 text the core processes.
    pub utf8: PyBackedStr,
    /// The original `str`, kept when it had lone surrogates (then `utf8` is a repaired copy).
    pub original: Option<Py<PyString>>,
}

impl InputText {
    /// A text made in Rust (valid UTF-8 by construction).
    pub fn from_string(py: Python<'_>, text: String) -> PyResult<Self> {
        Ok(Self {
            utf8: PyString::new(py, &text).extract::<PyBackedStr>()?,
            original: None,
        })
    }

    /// The text as the core sees it.
    pub fn as_str(&self) -> &str {
        &self.utf8
    }

    /// `original[start:end]` in code points: sliced from the original when it was repaired, so
    /// nothing is lost; from the UTF-8 text otherwise (`byte_start..byte_end`).
    pub fn slice<'py>(
        &self,
        py: Python<'py>,
        bytes: (usize, usize),
        chars: (usize, usize),
    ) -> PyResult<Bound<'py, PyString>> {
        match &self.original {
            None => Ok(PyString::new(py, &self.utf8[bytes.0..bytes.1])),
            Some(orig) => {
                let slice = PySlice::new(py, chars.0 as isize, chars.1 as isize, 1);
                Ok(orig.bind(py).as_any().get_item(slice)?.cast_into::<PyString>()?)
            }
        }
    }
}

/// The name of `obj`'s type, for error messages.
fn type_name(obj: &Bound<'_, PyAny>) -> String {
    obj.get_type()
        .name()
        .map_or_else(|_| "?".to_owned(), |n| n.to_string())
}

/// Reads one text argument. `what` names it in errors (e.g. `"text"` or `"texts[3]"`).
pub fn extract_text(obj: &Bound<'_, PyAny>, what: &str) -> PyResult<InputText> {
    let Ok(s) = obj.cast::<PyString>() else {
        let hint = if obj.is_instance_of::<pyo3::types::PyBytes>() {
            " (decode bytes to str first, e.g. data.decode('utf-8'))"
        } else {
            ""
        };
        return Err(PyTypeError::new_err(format!(
            "{what} must be str, not {}{hint}",
            type_name(obj)
        )));
    };
    match s.extract::<PyBackedStr>() {
        Ok(utf8) => Ok(InputText { utf8, original: None }),
        Err(_) => {
            // Lone surrogates: each becomes one U+FFFD, keeping code-point positions.
            let repaired = s
                .call_method1("encode", ("utf-16-le", "surrogatepass"))?
                .call_method1("decode", ("utf-16-le", "replace"))?;
            Ok(InputText {
                utf8: repaired.extract::<PyBackedStr>()?,
                original: Some(s.clone().unbind()),
            })
        }
    }
}

/// Reads a batch argument: any iterable of `str` (a list, tuple, generator, pandas Series...).
pub fn extract_texts(obj: &Bound<'_, PyAny>) -> PyResult<Vec<InputText>> {
    if obj.is_instance_of::<PyString>() || obj.is_instance_of::<pyo3::types::PyBytes>() {
        return Err(PyTypeError::new_err(format!(
            "texts must be an iterable of str, not a single {}; wrap it in a list",
            type_name(obj)
        )));
    }
    let iter = obj.try_iter().map_err(|_| {
        PyTypeError::new_err(format!(
            "texts must be an iterable of str, not {}",
            type_name(obj)
        ))
    })?;
    let mut out = Vec::with_capacity(obj.len().unwrap_or(0));
    for (i, item) in iter.enumerate() {
        out.push(extract_text(&item?, &format!("texts[{i}]"))?);
    }
    Ok(out)
}

/// Parses the `offsets=` argument: `"char"` (code points, the default) or `"byte"` (UTF-8 bytes).
pub fn parse_offsets(kind: &str) -> PyResult<bool> {
    match kind {
        "char" => Ok(true),
        "byte" => Ok(false),
        other => Err(pyo3::exceptions::PyValueError::new_err(format!(
            "offsets must be 'char' or 'byte', not {other:?}"
        ))),
    }
}
