//! Shared conversion of core spans into Python results: code-point offsets, result objects and
//! NumPy offset arrays. One linear pass per document, inside the detached (parallel) part.

use crate::detach::{run_sized, Piece};
use crate::errors::Result;
use crate::input::InputText;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyByteArray, PyList, PyString};
use stancekit_core::parallel;
use stancekit_core::span::{byte_to_char_offsets, CharCursor};
use stancekit_core::Span;

/// Spans found in one piece of a text, with offsets of the whole text in both kinds,
/// flattened as `[start0, end0, start1, ...]`.
pub struct DocSpans {
    pub bytes: Vec<usize>,
    pub chars: Vec<usize>,
}

impl DocSpans {
    /// Collects `spans` (byte offsets into `piece.text`) and converts them to byte and
    /// code-point offsets of the whole text.
    pub fn new(piece: &Piece<'_>, spans: impl Iterator<Item = Span>) -> Self {
        let mut bytes: Vec<usize> = spans.flat_map(|s| [s.start, s.end]).collect();
        let mut chars = bytes.clone();
        byte_to_char_offsets(piece.text, &mut chars);
        bytes.iter_mut().for_each(|b| *b += piece.byte_start);
        chars.iter_mut().for_each(|c| *c += piece.char_start);
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

/// Appends to `list` one object per span of `doc`, made by `make(i, chars, text)`.
pub fn extend_list<'py, T, F>(
    list: &Bound<'py, PyList>,
    input: &InputText,
    doc: &DocSpans,
    mut make: F,
) -> Result<()>
where
    T: IntoPyObject<'py>,
    F: FnMut(usize, (usize, usize), Bound<'py, PyString>) -> T,
{
    let py = list.py();
    for i in 0..doc.len() {
        let (b, c) = doc.get(i);
        let text = input.slice(py, b, c)?;
        list.append(make(i, c, text))?;
    }
    Ok(())
}

/// The rows NumPy receives for the `spans` found in `piece`: `[start, end]`, or
/// `[doc, start, end]` when `with_doc`, as offsets of the whole text, in code points when
/// `chars`. One pass, done before re-taking the GIL (inside the parallel part of a batch).
pub fn offset_rows(
    piece: &Piece<'_>,
    spans: impl Iterator<Item = Span>,
    chars: bool,
    with_doc: bool,
) -> Vec<i64> {
    let (lower, _) = spans.size_hint();
    let mut rows = Vec::with_capacity(lower * if with_doc { 3 } else { 2 });
    let mut cursor = CharCursor::new(piece.text);
    for span in spans {
        let (start, end) = if chars {
            (
                cursor.to_char(span.start) + piece.char_start,
                cursor.to_char(span.end) + piece.char_start,
            )
        } else {
            (span.start + piece.byte_start, span.end + piece.byte_start)
        };
        if with_doc {
            rows.push(piece.doc as i64);
        }
        rows.extend_from_slice(&[start as i64, end as i64]);
    }
    rows
}

/// The start of a NumPy array's data, shareable across the threads that fill disjoint parts of it.
#[derive(Clone, Copy)]
struct ArrayData(*mut i64);

// SAFETY: the pointer is only used to write disjoint ranges of an array that no Python code can
// see yet (it has not been returned), while this function holds a reference to it.
unsafe impl Send for ArrayData {}
unsafe impl Sync for ArrayData {}

impl ArrayData {
    /// The pointer (a method, so closures capture the whole `Send` wrapper, not its field).
    fn start(self) -> *mut i64 {
        self.0
    }
}

/// A NumPy int64 array of shape `(rows, cols)` made of `parts` laid end to end.
///
/// The array is allocated by `numpy.empty` (no zeroing), then filled without the GIL, in
/// parallel for batches: copying tens of megabytes of offsets, and the page faults of a fresh
/// buffer, would otherwise be a serial step after the parallel work.
fn ndarray_from_parts<'py>(py: Python<'py>, cols: usize, parts: &[Vec<i64>]) -> Result<Bound<'py, PyAny>> {
    let values: usize = parts.iter().map(Vec::len).sum();
    let numpy = numpy(py)?;
    let shape = (values / cols, cols);
    if values * 8 < PARALLEL_FILL_MIN_BYTES {
        // Small results: fill a bytearray and let NumPy view it (cheaper than finding the
        // address of a NumPy array's data from Rust under the stable ABI).
        let buf = PyByteArray::new_with(py, values * 8, |bytes| {
            for (chunk, v) in bytes.chunks_exact_mut(8).zip(parts.iter().flatten()) {
                chunk.copy_from_slice(&v.to_ne_bytes());
            }
            Ok(())
        })?;
        return Ok(numpy.ndarray.bind(py).call1((shape, numpy.int64.bind(py), buf))?);
    }
    let array = numpy.empty.bind(py).call1((shape, numpy.int64.bind(py)))?;
    let address: usize = array.getattr("ctypes")?.getattr("data")?.extract()?;
    let data = ArrayData(address as *mut i64);
    let mut tasks = Vec::with_capacity(parts.len());
    let mut at = 0;
    for part in parts {
        tasks.push((at, part));
        at += part.len();
    }
    run_sized(py, values * 8, || {
        parallel::map(&tasks, |&(at, part)| {
            // SAFETY: `numpy.empty` gave a C-contiguous, writable, aligned buffer of `values`
            // int64s; the ranges `[at, at + part.len())` are disjoint and within it.
            unsafe { std::ptr::copy_nonoverlapping(part.as_ptr(), data.start().add(at), part.len()) }
        })
    })?;
    Ok(array)
}

/// Results of at least this many bytes are written into `numpy.empty` arrays in parallel.
const PARALLEL_FILL_MIN_BYTES: usize = 1 << 20;

/// What the offset arrays are made with, looked up once per process (a per-call import and
/// attribute lookups would cost more than splitting a short article).
struct Numpy {
    ndarray: Py<PyAny>,
    empty: Py<PyAny>,
    int64: Py<PyAny>,
}

fn numpy(py: Python<'_>) -> PyResult<&Numpy> {
    static NUMPY: PyOnceLock<Numpy> = PyOnceLock::new();
    NUMPY.get_or_try_init(py, || {
        let np = py.import("numpy")?;
        Ok(Numpy {
            ndarray: np.getattr("ndarray")?.unbind(),
            empty: np.getattr("empty")?.unbind(),
            int64: np.getattr("dtype")?.call1(("int64",))?.unbind(),
        })
    })
}

/// `(n, 2)` array of `start, end`, or `(n, 3)` of `doc, start, end` when `with_doc`, from the
/// [`offset_rows`] of each piece.
pub fn offsets_ndarray<'py>(
    py: Python<'py>,
    parts: &[Vec<i64>],
    with_doc: bool,
) -> Result<Bound<'py, PyAny>> {
    ndarray_from_parts(py, if with_doc { 3 } else { 2 }, parts)
}
