//! `Tokenizer` and `SentenceSplitter`: immutable engines wrapping the core, picklable by config.

use crate::detach::{run_detached, run_sized};
use crate::errors::to_py;
use crate::input::{extract_text, extract_texts, parse_offsets, InputText};
use crate::results::{PySentence, PyToken};
use crate::spans::{batch_ndarray, build_list, offset_rows, pairs_ndarray, DocSpans};
use pyo3::prelude::*;
use pyo3::types::{PyList, PyTuple};
use stancekit_core::{
    parallel, SentenceSplitter, SentenceSplitterConfig, TokenKind, Tokenizer, TokenizerConfig,
};
use std::sync::Arc;

/// Tokens of one document: spans plus kinds.
struct DocTokens {
    spans: DocSpans,
    kinds: Vec<TokenKind>,
}

fn tokenize_doc(tok: &Tokenizer, text: &str) -> DocTokens {
    let tokens = tok.tokenize(text);
    DocTokens {
        spans: DocSpans::new(text, tokens.iter().map(|t| t.span)),
        kinds: tokens.iter().map(|t| t.kind).collect(),
    }
}

fn token_list<'py>(py: Python<'py>, input: &InputText, doc: &DocTokens) -> PyResult<Bound<'py, PyList>> {
    build_list(py, input, &doc.spans, |i, (start, end), text| PyToken {
        start,
        end,
        text: text.unbind(),
        kind: doc.kinds[i],
    })
}

fn sentence_list<'py>(py: Python<'py>, input: &InputText, doc: &DocSpans) -> PyResult<Bound<'py, PyList>> {
    build_list(py, input, doc, |_, (start, end), text| PySentence {
        start,
        end,
        text: text.unbind(),
    })
}

/// Word tokenizer. Immutable; pickles as its JSON config.
#[pyclass(frozen, module = "stancekit", name = "Tokenizer")]
pub struct PyTokenizer {
    inner: Arc<Tokenizer>,
}

#[pymethods]
impl PyTokenizer {
    #[new]
    #[pyo3(signature = (*, split_clitics = true))]
    fn new(split_clitics: bool) -> PyResult<Self> {
        let inner = TokenizerConfig { split_clitics }.build().map_err(to_py)?;
        Ok(Self {
            inner: Arc::new(inner),
        })
    }

    /// Whether clitics are split as UD words (`did|n't`); false keeps surface tokens (`didn't`).
    #[getter]
    fn split_clitics(&self) -> bool {
        self.inner.config().split_clitics
    }

    fn tokenize<'py>(&self, py: Python<'py>, text: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyList>> {
        let input = extract_text(text, "text")?;
        let inner = Arc::clone(&self.inner);
        let doc = run_sized(py, input.as_str().len(), || tokenize_doc(&inner, input.as_str()))?;
        token_list(py, &input, &doc)
    }

    fn tokenize_batch<'py>(
        &self,
        py: Python<'py>,
        texts: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyList>> {
        let inputs = extract_texts(texts)?;
        let inner = Arc::clone(&self.inner);
        let docs = run_detached(py, || {
            parallel::map(&inputs, |t| tokenize_doc(&inner, t.as_str()))
        })?;
        let out = PyList::empty(py);
        for (input, doc) in inputs.iter().zip(&docs) {
            out.append(token_list(py, input, doc)?)?;
        }
        Ok(out)
    }

    #[pyo3(signature = (text, *, offsets = "char"))]
    fn tokenize_offsets<'py>(
        &self,
        py: Python<'py>,
        text: &Bound<'py, PyAny>,
        offsets: &str,
    ) -> PyResult<Bound<'py, PyAny>> {
        let chars = parse_offsets(offsets)?;
        let input = extract_text(text, "text")?;
        let inner = Arc::clone(&self.inner);
        let text = input.as_str();
        let rows = run_sized(py, text.len(), || {
            offset_rows(None, text, inner.tokenize(text).iter().map(|t| t.span), chars)
        })?;
        pairs_ndarray(py, rows)
    }

    #[pyo3(signature = (texts, *, offsets = "char"))]
    fn tokenize_offsets_batch<'py>(
        &self,
        py: Python<'py>,
        texts: &Bound<'py, PyAny>,
        offsets: &str,
    ) -> PyResult<Bound<'py, PyAny>> {
        let chars = parse_offsets(offsets)?;
        let inputs = extract_texts(texts)?;
        let inner = Arc::clone(&self.inner);
        let indexed: Vec<(usize, &InputText)> = inputs.iter().enumerate().collect();
        let docs = run_detached(py, || {
            parallel::map(&indexed, |&(d, t)| {
                let text = t.as_str();
                offset_rows(Some(d), text, inner.tokenize(text).iter().map(|t| t.span), chars)
            })
        })?;
        batch_ndarray(py, &docs)
    }

    fn to_json(&self) -> String {
        self.inner.to_json()
    }

    #[staticmethod]
    fn from_json(json: &str) -> PyResult<Self> {
        Ok(Self {
            inner: Arc::new(Tokenizer::from_json(json).map_err(to_py)?),
        })
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<(Bound<'py, PyAny>, Bound<'py, PyTuple>)> {
        crate::pickling::reduce_via_json(slf.as_any(), slf.get().inner.to_json())
    }

    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other
            .cast::<Self>()
            .is_ok_and(|o| o.get().inner.config() == self.inner.config())
    }

    fn __hash__(&self) -> u64 {
        u64::from(self.inner.config().split_clitics)
    }

    fn __repr__(&self) -> String {
        let split = if self.inner.config().split_clitics {
            "True"
        } else {
            "False"
        };
        format!("Tokenizer(split_clitics={split})")
    }
}

/// Sentence splitter. Immutable; pickles as its JSON config.
#[pyclass(frozen, module = "stancekit", name = "SentenceSplitter")]
pub struct PySentenceSplitter {
    inner: Arc<SentenceSplitter>,
}

fn split_doc(splitter: &SentenceSplitter, text: &str) -> DocSpans {
    DocSpans::new(text, splitter.split(text).into_iter())
}

#[pymethods]
impl PySentenceSplitter {
    #[new]
    #[pyo3(signature = (*, extra_abbreviations = Vec::new()))]
    fn new(extra_abbreviations: Vec<String>) -> PyResult<Self> {
        let inner = SentenceSplitterConfig { extra_abbreviations }
            .build()
            .map_err(to_py)?;
        Ok(Self {
            inner: Arc::new(inner),
        })
    }

    /// Abbreviations added to the built-in list (without their final period).
    #[getter]
    fn extra_abbreviations(&self) -> Vec<String> {
        self.inner.config().extra_abbreviations.clone()
    }

    fn split<'py>(&self, py: Python<'py>, text: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyList>> {
        let input = extract_text(text, "text")?;
        let inner = Arc::clone(&self.inner);
        let doc = run_sized(py, input.as_str().len(), || split_doc(&inner, input.as_str()))?;
        sentence_list(py, &input, &doc)
    }

    fn split_batch<'py>(&self, py: Python<'py>, texts: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyList>> {
        let inputs = extract_texts(texts)?;
        let inner = Arc::clone(&self.inner);
        let docs = run_detached(py, || parallel::map(&inputs, |t| split_doc(&inner, t.as_str())))?;
        let out = PyList::empty(py);
        for (input, doc) in inputs.iter().zip(&docs) {
            out.append(sentence_list(py, input, doc)?)?;
        }
        Ok(out)
    }

    #[pyo3(signature = (text, *, offsets = "char"))]
    fn split_offsets<'py>(
        &self,
        py: Python<'py>,
        text: &Bound<'py, PyAny>,
        offsets: &str,
    ) -> PyResult<Bound<'py, PyAny>> {
        let chars = parse_offsets(offsets)?;
        let input = extract_text(text, "text")?;
        let inner = Arc::clone(&self.inner);
        let text = input.as_str();
        let rows = run_sized(py, text.len(), || {
            offset_rows(None, text, inner.split(text).into_iter(), chars)
        })?;
        pairs_ndarray(py, rows)
    }

    #[pyo3(signature = (texts, *, offsets = "char"))]
    fn split_offsets_batch<'py>(
        &self,
        py: Python<'py>,
        texts: &Bound<'py, PyAny>,
        offsets: &str,
    ) -> PyResult<Bound<'py, PyAny>> {
        let chars = parse_offsets(offsets)?;
        let inputs = extract_texts(texts)?;
        let inner = Arc::clone(&self.inner);
        let indexed: Vec<(usize, &InputText)> = inputs.iter().enumerate().collect();
        let docs = run_detached(py, || {
            parallel::map(&indexed, |&(d, t)| {
                offset_rows(Some(d), t.as_str(), inner.split(t.as_str()).into_iter(), chars)
            })
        })?;
        batch_ndarray(py, &docs)
    }

    fn to_json(&self) -> String {
        self.inner.to_json()
    }

    #[staticmethod]
    fn from_json(json: &str) -> PyResult<Self> {
        Ok(Self {
            inner: Arc::new(SentenceSplitter::from_json(json).map_err(to_py)?),
        })
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<(Bound<'py, PyAny>, Bound<'py, PyTuple>)> {
        crate::pickling::reduce_via_json(slf.as_any(), slf.get().inner.to_json())
    }

    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other
            .cast::<Self>()
            .is_ok_and(|o| o.get().inner.config() == self.inner.config())
    }

    fn __hash__(&self) -> u64 {
        self.inner.config().extra_abbreviations.len() as u64
    }

    fn __repr__(&self) -> String {
        format!(
            "SentenceSplitter(extra_abbreviations={:?})",
            self.inner.config().extra_abbreviations
        )
    }
}
