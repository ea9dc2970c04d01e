//! Reading Python arguments: texts into owned, thread-safe Rust strings, and the checked
//! integers, spans and strings the API takes.
//!
//! Text policy (documented in the README and stubs):
//! - anything but `str` raises `TypeError` naming the type received (`bytes` included: decode first);
//! - a `str` with lone surrogates (from `surrogateescape` decoding, or a surrogate pair kept as
//!   two code points) is processed with each surrogate code point read as one U+FFFD; since that
//!   is one code point for one code point, code-point offsets still index the original string,
//!   and result texts are sliced from the original, so nothing is lost.

use crate::errors::{argument, type_error, Result};
use pyo3::ffi;
use pyo3::prelude::*;
use pyo3::pybacked::PyBackedStr;
use pyo3::types::{PyBytes, PyString};
use stancekit_core::Error;

/// The UTF-8 the core reads: borrowed from the Python `str`, or a repaired copy.
enum Utf8 {
    Borrowed(PyBackedStr),
    Repaired(String),
}

/// One input text: the UTF-8 the core reads, and the original when it had to be repaired.
pub struct InputText {
    utf8: Utf8,
    /// The original `str`, kept when it had lone surrogates (then `utf8` is a repaired copy).
    original: Option<Py<PyString>>,
}

impl InputText {
    /// A text made in Rust (valid UTF-8 by construction).
    pub fn from_string(text: String) -> Self {
        Self {
            utf8: Utf8::Repaired(text),
            original: None,
        }
    }

    /// The text as the core sees it.
    pub fn as_str(&self) -> &str {
        match &self.utf8 {
            Utf8::Borrowed(s) => s,
            Utf8::Repaired(s) => s,
        }
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
            None => Ok(PyString::new(py, &self.as_str()[bytes.0..bytes.1])),
            // `PyUnicode_Substring`, not `original[PySlice]`: PyO3's `PySlice::new` leaks its
            // start and stop integers (two objects per result, forever).
            Some(original) => substring(original.bind(py), chars.0, chars.1),
        }
    }
}

/// `s[start:end]` in code points.
fn substring<'py>(s: &Bound<'py, PyString>, start: usize, end: usize) -> PyResult<Bound<'py, PyString>> {
    let to_ssize = |i: usize| isize::try_from(i).unwrap_or(isize::MAX);
    // SAFETY: `s` is a live `str`; `PyUnicode_Substring` returns a new reference or NULL with
    // an exception set, which `from_owned_ptr_or_err` turns into `Err`.
    unsafe {
        Bound::from_owned_ptr_or_err(
            s.py(),
            ffi::PyUnicode_Substring(s.as_ptr(), to_ssize(start), to_ssize(end)),
        )
        .map(|obj| obj.cast_into_unchecked())
    }
}

/// The code points of `s` as UTF-8, each lone surrogate replaced by one U+FFFD.
fn repair(s: &Bound<'_, PyString>) -> PyResult<String> {
    let py = s.py();
    // SAFETY: `s` is a live `str`; on failure both calls return -1/NULL with an exception set.
    let len = unsafe { ffi::PyUnicode_GetLength(s.as_ptr()) };
    let len = usize::try_from(len).map_err(|_| PyErr::fetch(py))?;
    let mut code_points = vec![0u32; len];
    // SAFETY: the buffer holds exactly `len` code points and `copy_null` is 0 (no terminator).
    let copied =
        unsafe { ffi::PyUnicode_AsUCS4(s.as_ptr(), code_points.as_mut_ptr(), len as ffi::Py_ssize_t, 0) };
    if copied.is_null() {
        return Err(PyErr::fetch(py));
    }
    Ok(code_points
        .into_iter()
        .map(|c| char::from_u32(c).unwrap_or(char::REPLACEMENT_CHARACTER))
        .collect())
}

/// The name of `obj`'s type, for error messages.
pub fn type_name(obj: &Bound<'_, PyAny>) -> String {
    obj.get_type()
        .name()
        .map_or_else(|_| "?".to_owned(), |n| n.to_string())
}

/// Reads one text argument. `what` names it in errors (e.g. `"text"` or `"texts[3]"`).
pub fn extract_text(obj: &Bound<'_, PyAny>, what: &str) -> Result<InputText> {
    let Ok(s) = obj.cast::<PyString>() else {
        let hint = if obj.is_instance_of::<PyBytes>() {
            " (decode bytes to str first, e.g. data.decode('utf-8'))"
        } else {
            ""
        };
        return Err(type_error(format!(
            "{what} must be str, not {}{hint}",
            type_name(obj)
        )));
    };
    match s.extract::<PyBackedStr>() {
        Ok(utf8) => Ok(InputText {
            utf8: Utf8::Borrowed(utf8),
            original: None,
        }),
        Err(_) => Ok(InputText {
            utf8: Utf8::Repaired(repair(s)?),
            original: Some(s.clone().unbind()),
        }),
    }
}

/// Reads a batch argument: any iterable of `str` (a list, tuple, generator, pandas Series...).
pub fn extract_texts(obj: &Bound<'_, PyAny>) -> Result<Vec<InputText>> {
    if obj.is_instance_of::<PyString>() || obj.is_instance_of::<PyBytes>() {
        return Err(type_error(format!(
            "texts must be an iterable of str, not a single {}; wrap it in a list",
            type_name(obj)
        )));
    }
    let iter = obj.try_iter().map_err(|_| {
        type_error(format!(
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

/// The `&str` views of `inputs`, as the core takes them.
pub fn as_strs(inputs: &[InputText]) -> Vec<&str> {
    inputs.iter().map(InputText::as_str).collect()
}

/// Parses the `offsets=` argument: `"char"` (code points, the default) or `"byte"` (UTF-8 bytes).
pub fn parse_offsets(kind: Option<&Bound<'_, PyAny>>) -> Result<bool> {
    let Some(kind) = kind else { return Ok(true) };
    match kind.extract::<&str>() {
        Ok("char") => Ok(true),
        Ok("byte") => Ok(false),
        _ => Err(argument(format!(
            "offsets must be 'char' or 'byte', not {}",
            kind.repr().map_or_else(|_| "?".to_owned(), |r| r.to_string())
        ))),
    }
}

/// Reads a `str` setting or name that the core keeps as a Rust `String`: `TypeError` for
/// another type; `invalid(message)` (the error kind the caller chooses) for a `str` with lone
/// surrogates, which no valid name or JSON document contains.
pub fn utf8_arg(obj: &Bound<'_, PyAny>, what: &str, invalid: impl FnOnce(String) -> Error) -> Result<String> {
    let s = obj
        .cast::<PyString>()
        .map_err(|_| type_error(format!("{what} must be str, not {}", type_name(obj))))?;
    match s.to_str() {
        Ok(text) => Ok(text.to_owned()),
        Err(_) => {
            let text = repair(s)?;
            let at = text
                .chars()
                .position(|c| c == char::REPLACEMENT_CHARACTER)
                .unwrap_or(0);
            Err(invalid(format!(
                "{what} has a lone surrogate at position {at} (undecodable input?): it must be valid Unicode text"
            ))
            .into())
        }
    }
}

/// Reads a non-negative integer (any Python int, NumPy integers too). Values too large for
/// the machine are `usize::MAX`: for a count that means "all", for an offset "past the end".
pub fn index_arg(obj: &Bound<'_, PyAny>, what: &str) -> Result<usize> {
    match obj.extract::<i64>() {
        Ok(v) if v < 0 => Err(argument(format!("{what} must be >= 0, not {v}"))),
        Ok(v) => Ok(usize::try_from(v).unwrap_or(usize::MAX)),
        Err(err) if err.is_instance_of::<pyo3::exceptions::PyOverflowError>(obj.py()) => {
            if obj.lt(0)? {
                Err(argument(format!("{what} must be >= 0, not {obj}")))
            } else {
                Ok(usize::MAX)
            }
        }
        Err(_) => Err(type_error(format!(
            "{what} must be an int, not {}",
            type_name(obj)
        ))),
    }
}

/// Reads a `(start, end)` pair of code-point offsets into a text of `len` code points.
pub fn span_arg(obj: &Bound<'_, PyAny>, what: &str, len: usize) -> Result<(usize, usize)> {
    // A tuple, list, NumPy row or any other sized, indexable pair.
    let pair = if obj.is_instance_of::<PyString>() || obj.len().ok() != Some(2) {
        None
    } else {
        obj.get_item(0).and_then(|s| Ok((s, obj.get_item(1)?))).ok()
    };
    let Some((start, end)) = pair else {
        return Err(type_error(format!(
            "{what} must be a (start, end) pair of ints, not {}",
            type_name(obj)
        )));
    };
    let (start, end) = (index_arg(&start, what)?, index_arg(&end, what)?);
    let show = |i: usize| {
        if i == usize::MAX {
            "a huge number".to_owned()
        } else {
            i.to_string()
        }
    };
    if start > end {
        return Err(argument(format!(
            "{what} ({}, {}) is reversed: start must not exceed end",
            show(start),
            show(end)
        )));
    }
    if end > len {
        return Err(argument(format!(
            "{what} ({}, {}) is outside the text of {len} characters",
            show(start),
            show(end)
        )));
    }
    Ok((start, end))
}

/// Byte offsets of the code-point offsets `chars` (each at most the number of code points).
pub fn char_to_byte_offsets(text: &str, chars: (usize, usize)) -> (usize, usize) {
    if text.is_ascii() {
        return chars;
    }
    let mut bytes = (text.len(), text.len());
    for (count, (b, _)) in text.char_indices().enumerate() {
        if count == chars.0 {
            bytes.0 = b;
        }
        if count == chars.1 {
            bytes.1 = b;
            break;
        }
    }
    bytes
}
