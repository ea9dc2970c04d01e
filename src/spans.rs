//! Shared conversion of core spans into Python results: code-point offsets, result objects and
//! NumPy offset arrays. One linear pass per document, inside the detached (parallel) part.

use crate::input::InputText;
use pyo3::prelude::*;
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

    /// The flat offsets of the requested kind.
    pub fn offsets(&self, chars: bool) -> &[usize] {
        if chars {
            &self.chars
        } else {
            &self.bytes
        }
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

/// Wraps a flat `i64` vector as a NumPy array with `cols` columns (writable, C order).
pub fn ndarray<'py>(py: Python<'py>, data: &[i64], cols: usize) -> PyResult<Bound<'py, PyAny>> {
    // SAFETY-free byte view: i64 -> native-endian bytes, copied once into a bytearray that
    // NumPy then views without copying.
    let mut raw = Vec::with_capacity(data.len() * 8);
    for v in data {
        raw.extend_from_slice(&v.to_ne_bytes());
    }
    let buf = PyByteArray::new(py, &raw);
    let np = py.import("numpy")?;
    let arr = np.call_method1("frombuffer", (buf, np.getattr("int64")?))?;
    arr.call_method1("reshape", (-1i64, cols))
}

/// Flattens per-document spans into `[doc, start, end]` rows.
pub fn batch_rows(docs: &[DocSpans], chars: bool) -> Vec<i64> {
    let total: usize = docs.iter().map(DocSpans::len).sum();
    let mut rows = Vec::with_capacity(total * 3);
    for (d, doc) in docs.iter().enumerate() {
        for pair in doc.offsets(chars).chunks_exact(2) {
            rows.extend_from_slice(&[d as i64, pair[0] as i64, pair[1] as i64]);
        }
    }
    rows
}

/// Flat `[start, end, ...]` of one document as `i64`.
pub fn pair_rows(doc: &DocSpans, chars: bool) -> Vec<i64> {
    doc.offsets(chars).iter().map(|&o| o as i64).collect()
}
