//! Shared conversion of core spans into Python results: code-point offsets, result objects and
//! NumPy offset arrays. One linear pass per document, inside the detached (parallel) part.

use crate::input::InputText;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyByteArray, PyList};
use stancekit_core::span::byte_to_char_offsets;
use stancekit_core::Span;

/// Spans of one document with both offset kinds, flattened as `[start0, end0, start1, ...]`.
pub struct DocSpans {
    pub bytes: Vec<usize>,
    pub chars: Vec<usize>,
}

impl DocSpans {
    /// Collects `spans` of `text` and computes their code-point offsets.
    pub fn new(text: &str, spans: impl Iterator<Item = Span>) -> Self {
        let bytes: Vec<usize> = spans.flat_map(|s| [s.start, s.end]).collect();
        let mut chars = bytes.clone();
        byte_to_char_offsets(text, &mut chars);
        Self { bytes, chars }
    }

    pub fn len(&self) -> usize {
        self.bytes.len() / 2
    }

    /// Byte and char offsets of span `i`.
    pub fn get(&self, i: usize) -> ((usize, usize), (usize, usize)) {
        (
            (self.bytes[2 * i], self.bytes[2 * i + 1]),
            (self.chars[2 * i], self.chars[2 * i + 1]),
        )
    }
}

/// Builds a Python list with one object per span of `doc`, made by `make(i, bytes, chars, text)`.
pub fn build_list<'py, T, F>(
    py: Python<'py>,
    input: &InputText,
    doc: &DocSpans,
    mut make: F,
) -> PyResult<Bound<'py, PyList>>
where
    T: IntoPyObject<'py>,
    F: FnMut(usize, (usize, usize), Bound<'py, pyo3::types::PyString>) -> T,
{
    let list = PyList::empty(py);
    for i in 0..doc.len() {
        let (b, c) = doc.get(i);
        let text = input.slice(py, b, c)?;
        list.append(make(i, c, text))?;
    }
    Ok(list)
}

/// Flat `[start0, end0, start1, ...]` offsets of `spans` in `text`, in code points when `chars`.
pub fn flat_offsets(text: &str, spans: impl Iterator<Item = Span>, chars: bool) -> Vec<usize> {
    let mut flat: Vec<usize> = spans.flat_map(|s| [s.start, s.end]).collect();
    if chars {
        byte_to_char_offsets(text, &mut flat);
    }
    flat
}

/// A NumPy int64 array of shape `(rows, cols)` whose bytes are written by `fill`, one value at a
/// time, straight into the buffer NumPy then views (no intermediate copy).
fn ndarray_with<'py>(
    py: Python<'py>,
    rows: usize,
    cols: usize,
    values: impl Iterator<Item = usize>,
) -> PyResult<Bound<'py, PyAny>> {
    let buf = PyByteArray::new_with(py, rows * cols * 8, |bytes| {
        for (chunk, v) in bytes.chunks_exact_mut(8).zip(values) {
            chunk.copy_from_slice(&(v as i64).to_ne_bytes());
        }
        Ok(())
    })?;
    let (ndarray, int64) = numpy_ndarray_and_int64(py)?;
    ndarray.bind(py).call1(((rows, cols), int64.bind(py), buf))
}

/// `numpy.ndarray` and the `int64` dtype, looked up once per process (a per-call import and
/// attribute lookups would cost more than splitting a short article).
fn numpy_ndarray_and_int64(py: Python<'_>) -> PyResult<&(Py<PyAny>, Py<PyAny>)> {
    static NUMPY: PyOnceLock<(Py<PyAny>, Py<PyAny>)> = PyOnceLock::new();
    NUMPY.get_or_try_init(py, || {
        let np = py.import("numpy")?;
        let int64 = np.getattr("dtype")?.call1(("int64",))?;
        Ok((np.getattr("ndarray")?.unbind(), int64.unbind()))
    })
}

/// `(n, 2)` array of `start, end` from flat offsets.
pub fn pairs_ndarray<'py>(py: Python<'py>, flat: &[usize]) -> PyResult<Bound<'py, PyAny>> {
    ndarray_with(py, flat.len() / 2, 2, flat.iter().copied())
}

/// The `doc, start, end` rows of document `doc` from its flat offsets (done per document, inside
/// the parallel part of a batch, so that only a copy remains for the serial part).
pub fn doc_rows(doc: usize, flat: &[usize]) -> Vec<i64> {
    flat.chunks_exact(2)
        .flat_map(|p| [doc as i64, p[0] as i64, p[1] as i64])
        .collect()
}

/// `(n, 3)` array of `doc, start, end` from the rows of each document ([`doc_rows`]).
pub fn batch_ndarray<'py>(py: Python<'py>, docs: &[Vec<i64>]) -> PyResult<Bound<'py, PyAny>> {
    let rows = docs.iter().map(|d| d.len() / 3).sum();
    ndarray_with(py, rows, 3, docs.iter().flatten().map(|&v| v as usize))
}
