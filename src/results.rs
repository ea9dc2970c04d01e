//! Frozen result values: `Token` and `Sentence`.
//!
//! Texts are kept as Python `str` objects (not Rust strings) so that a text with lone
//! surrogates round-trips unchanged.

use crate::errors::{argument, Result};
use crate::input::{index_arg, utf8_arg};
use pyo3::basic::CompareOp;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyString, PyType};
use stancekit_core::{Error, TokenKind};

/// Parses a token kind name (`"word"`, `"number"`, ...).
fn kind_arg(kind: &Bound<'_, PyAny>) -> Result<TokenKind> {
    let name = utf8_arg(kind, "kind", Error::Argument)?;
    serde_json::from_value(serde_json::Value::String(name.clone()))
        .map_err(|_| argument(format!("unknown token kind {name:?}")))
}

/// Reads the `start` and `end` of a result value: non-negative, in order.
pub fn start_end(start: &Bound<'_, PyAny>, end: &Bound<'_, PyAny>) -> Result<(usize, usize)> {
    let (start, end) = (index_arg(start, "start")?, index_arg(end, "end")?);
    if start > end {
        return Err(argument(format!("start ({start}) must not exceed end ({end})")));
    }
    Ok((start, end))
}

/// `==`/`!=` on (start, end, text, extra); ordering comparisons are not supported.
fn compare(
    py: Python<'_>,
    a: (usize, usize, &Py<PyString>),
    b: (usize, usize, &Py<PyString>),
    extra_equal: bool,
    op: CompareOp,
) -> PyResult<Py<PyAny>> {
    let equal = || -> PyResult<bool> {
        Ok(a.0 == b.0 && a.1 == b.1 && extra_equal && a.2.bind(py).as_any().eq(b.2.bind(py))?)
    };
    let result = match op {
        CompareOp::Eq => equal()?,
        CompareOp::Ne => !equal()?,
        _ => return Ok(py.NotImplemented()),
    };
    Ok(pyo3::types::PyBool::new(py, result)
        .to_owned()
        .into_any()
        .unbind())
}

/// A token: `text[token.start:token.end] == token.text`, offsets in code points of the original text.
#[pyclass(frozen, module = "stancekit", name = "Token")]
pub struct PyToken {
    #[pyo3(get)]
    pub start: usize,
    #[pyo3(get)]
    pub end: usize,
    #[pyo3(get)]
    pub text: Py<PyString>,
    pub kind: TokenKind,
}

#[pymethods]
impl PyToken {
    #[new]
    fn new(
        start: &Bound<'_, PyAny>,
        end: &Bound<'_, PyAny>,
        text: Py<PyString>,
        kind: &Bound<'_, PyAny>,
    ) -> Result<Self> {
        let (start, end) = start_end(start, end)?;
        Ok(Self {
            start,
            end,
            text,
            kind: kind_arg(kind)?,
        })
    }

    /// The token's kind: word, number, punct, symbol, url, email, hashtag, mention or emoji.
    #[getter]
    fn kind(&self) -> &'static str {
        self.kind.as_str()
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "Token(start={}, end={}, text={}, kind='{}')",
            self.start,
            self.end,
            self.text.bind(py).repr()?,
            self.kind.as_str()
        ))
    }

    fn __richcmp__(&self, py: Python<'_>, other: &Bound<'_, PyAny>, op: CompareOp) -> PyResult<Py<PyAny>> {
        let Ok(other) = other.cast::<Self>() else {
            return Ok(py.NotImplemented());
        };
        let o = other.get();
        compare(
            py,
            (self.start, self.end, &self.text),
            (o.start, o.end, &o.text),
            self.kind == o.kind,
            op,
        )
    }

    fn __hash__(&self, py: Python<'_>) -> PyResult<isize> {
        (self.start, self.end, self.text.clone_ref(py), self.kind.as_str())
            .into_pyobject(py)?
            .hash()
    }

    #[allow(clippy::type_complexity)]
    fn __reduce__<'py>(
        slf: &Bound<'py, Self>,
    ) -> (Bound<'py, PyType>, (usize, usize, Py<PyString>, &'static str)) {
        let me = slf.get();
        (
            slf.get_type(),
            (me.start, me.end, me.text.clone_ref(slf.py()), me.kind.as_str()),
        )
    }

    /// The token as a plain dict with keys `start`, `end`, `text`, `kind`.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("start", self.start)?;
        d.set_item("end", self.end)?;
        d.set_item("text", self.text.clone_ref(py))?;
        d.set_item("kind", self.kind.as_str())?;
        Ok(d)
    }
}

/// A sentence: `text[s.start:s.end] == s.text`, offsets in code points of the original text.
#[pyclass(frozen, module = "stancekit", name = "Sentence")]
pub struct PySentence {
    #[pyo3(get)]
    pub start: usize,
    #[pyo3(get)]
    pub end: usize,
    #[pyo3(get)]
    pub text: Py<PyString>,
}

#[pymethods]
impl PySentence {
    #[new]
    fn new(start: &Bound<'_, PyAny>, end: &Bound<'_, PyAny>, text: Py<PyString>) -> Result<Self> {
        let (start, end) = start_end(start, end)?;
        Ok(Self { start, end, text })
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "Sentence(start={}, end={}, text={})",
            self.start,
            self.end,
            self.text.bind(py).repr()?
        ))
    }

    fn __richcmp__(&self, py: Python<'_>, other: &Bound<'_, PyAny>, op: CompareOp) -> PyResult<Py<PyAny>> {
        let Ok(other) = other.cast::<Self>() else {
            return Ok(py.NotImplemented());
        };
        let o = other.get();
        compare(
            py,
            (self.start, self.end, &self.text),
            (o.start, o.end, &o.text),
            true,
            op,
        )
    }

    fn __hash__(&self, py: Python<'_>) -> PyResult<isize> {
        (self.start, self.end, self.text.clone_ref(py))
            .into_pyobject(py)?
            .hash()
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> (Bound<'py, PyType>, (usize, usize, Py<PyString>)) {
        let me = slf.get();
        (slf.get_type(), (me.start, me.end, me.text.clone_ref(slf.py())))
    }

    /// The sentence as a plain dict with keys `start`, `end`, `text`.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("start", self.start)?;
        d.set_item("end", self.end)?;
        d.set_item("text", self.text.clone_ref(py))?;
        Ok(d)
    }
}
