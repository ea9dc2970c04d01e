//! `Tokenizer` and `SentenceSplitter`: immutable engines wrapping the core, picklable by config.

use crate::detach::{run_pieces, run_sized, Piece, FAST};
use crate::engine::{engine_methods, Shared};
use crate::errors::{type_error, Result};
use crate::input::{as_strs, extract_text, extract_texts, parse_offsets, type_name, utf8_arg, InputText};
use crate::results::{PySentence, PyToken};
use crate::spans::{extend_list, offset_rows, offsets_ndarray, DocSpans};
use pyo3::prelude::*;
use pyo3::types::{PyList, PyString};
use stancekit_core::{
    Error, SentenceSplitter, SentenceSplitterConfig, TokenKind, Tokenizer, TokenizerConfig,
};

/// Tokens of one piece of a text: spans plus kinds.
struct DocTokens {
    spans: DocSpans,
    kinds: Vec<TokenKind>,
}

fn tokenize_piece(tok: &Tokenizer, piece: &Piece<'_>) -> DocTokens {
    let tokens = tok.tokenize(piece.text);
    DocTokens {
        spans: DocSpans::new(piece, tokens.iter().map(|t| t.span)),
        kinds: tokens.iter().map(|t| t.kind).collect(),
    }
}

/// One list of objects per input text, filled piece by piece by `work` and `make`.
fn object_lists<'py, R, W, M>(
    py: Python<'py>,
    inputs: &[InputText],
    batch: bool,
    work: W,
    mut make: M,
) -> Result<Vec<Bound<'py, PyList>>>
where
    R: Send,
    W: Fn(&Piece<'_>) -> R + Sync,
    M: FnMut(&Bound<'py, PyList>, &InputText, R) -> Result<()>,
{
    let lists: Vec<Bound<'py, PyList>> = inputs.iter().map(|_| PyList::empty(py)).collect();
    run_pieces(py, &as_strs(inputs), batch, FAST, work, |piece, result| {
        make(&lists[piece.doc], &inputs[piece.doc], result)
    })?;
    Ok(lists)
}

/// The `(n, 2)` or, for a batch, `(n, 3)` offsets array of the spans `spans(piece)` finds.
fn offsets_array<'py, S, I>(
    py: Python<'py>,
    inputs: &[InputText],
    batch: bool,
    chars: bool,
    spans: S,
) -> Result<Bound<'py, PyAny>>
where
    S: Fn(&str) -> I + Sync,
    I: Iterator<Item = stancekit_core::Span>,
{
    let mut parts = Vec::new();
    run_pieces(
        py,
        &as_strs(inputs),
        batch,
        FAST,
        |piece| offset_rows(piece, spans(piece.text), chars, batch),
        |_, rows| {
            parts.push(rows);
            Ok(())
        },
    )?;
    offsets_ndarray(py, &parts, batch)
}

fn token_objects(list: &Bound<'_, PyList>, input: &InputText, doc: DocTokens) -> Result<()> {
    extend_list(list, input, &doc.spans, |i, (start, end), text| PyToken {
        start,
        end,
        text: text.unbind(),
        kind: doc.kinds[i],
    })
}

fn sentence_objects(list: &Bound<'_, PyList>, input: &InputText, doc: DocSpans) -> Result<()> {
    extend_list(list, input, &doc, |_, (start, end), text: Bound<'_, PyString>| {
        PySentence {
            start,
            end,
            text: text.unbind(),
        }
    })
}

/// Word tokenizer. Immutable; pickles as its JSON config.
#[pyclass(frozen, module = "stancekit", name = "Tokenizer")]
pub struct PyTokenizer {
    inner: Shared<Tokenizer>,
}

engine_methods! { PyTokenizer {
    #[new]
    #[pyo3(signature = (*, split_clitics = true))]
    fn new(py: Python<'_>, split_clitics: bool) -> Result<Self> {
        let tokenizer = run_sized(py, 0, || TokenizerConfig { split_clitics }.build())??;
        Ok(Self { inner: Shared::new(tokenizer) })
    }

    /// Whether clitics are split as UD words (`did|n't`); false keeps surface tokens (`didn't`).
    #[getter]
    fn split_clitics(&self) -> bool {
        self.inner.get().config().split_clitics
    }

    fn tokenize<'py>(&self, py: Python<'py>, text: &Bound<'py, PyAny>) -> Result<Bound<'py, PyList>> {
        let input = [extract_text(text, "text")?];
        let tok = self.inner.get();
        let mut lists = object_lists(py, &input, false, |p| tokenize_piece(tok, p), token_objects)?;
        Ok(lists.remove(0))
    }

    fn tokenize_batch<'py>(&self, py: Python<'py>, texts: &Bound<'py, PyAny>) -> Result<Bound<'py, PyList>> {
        let inputs = extract_texts(texts)?;
        let tok = self.inner.get();
        let lists = object_lists(py, &inputs, true, |p| tokenize_piece(tok, p), token_objects)?;
        Ok(PyList::new(py, lists)?)
    }

    #[pyo3(signature = (text, *, offsets = None), text_signature = "($self, text, *, offsets='char')")]
    fn tokenize_offsets<'py>(
        &self,
        py: Python<'py>,
        text: &Bound<'py, PyAny>,
        offsets: Option<&Bound<'py, PyAny>>,
    ) -> Result<Bound<'py, PyAny>> {
        let chars = parse_offsets(offsets)?;
        let input = [extract_text(text, "text")?];
        let tok = self.inner.get();
        offsets_array(py, &input, false, chars, |t| tok.tokenize(t).into_iter().map(|t| t.span))
    }

    #[pyo3(signature = (texts, *, offsets = None), text_signature = "($self, texts, *, offsets='char')")]
    fn tokenize_offsets_batch<'py>(
        &self,
        py: Python<'py>,
        texts: &Bound<'py, PyAny>,
        offsets: Option<&Bound<'py, PyAny>>,
    ) -> Result<Bound<'py, PyAny>> {
        let chars = parse_offsets(offsets)?;
        let inputs = extract_texts(texts)?;
        let tok = self.inner.get();
        offsets_array(py, &inputs, true, chars, |t| tok.tokenize(t).into_iter().map(|t| t.span))
    }
} }

/// Sentence splitter. Immutable; pickles as its JSON config.
#[pyclass(frozen, module = "stancekit", name = "SentenceSplitter")]
pub struct PySentenceSplitter {
    inner: Shared<SentenceSplitter>,
}

/// Reads `extra_abbreviations=`: an iterable of str (not a single str).
fn abbreviations(obj: &Bound<'_, PyAny>) -> Result<Vec<String>> {
    let what = "extra_abbreviations";
    if obj.is_instance_of::<PyString>() {
        return Err(type_error(format!(
            "{what} must be a list of str, not a single str"
        )));
    }
    let items = obj
        .try_iter()
        .map_err(|_| type_error(format!("{what} must be a list of str, not {}", type_name(obj))))?;
    items
        .enumerate()
        .map(|(i, item)| utf8_arg(&item?, &format!("{what}[{i}]"), Error::Config))
        .collect()
}

engine_methods! { PySentenceSplitter {
    #[new]
    #[pyo3(signature = (*, extra_abbreviations = None), text_signature = "(*, extra_abbreviations=[])")]
    fn new(py: Python<'_>, extra_abbreviations: Option<&Bound<'_, PyAny>>) -> Result<Self> {
        let extra_abbreviations = extra_abbreviations.map(abbreviations).transpose()?.unwrap_or_default();
        let splitter = run_sized(py, 0, || SentenceSplitterConfig { extra_abbreviations }.build())??;
        Ok(Self { inner: Shared::new(splitter) })
    }

    /// Abbreviations added to the built-in list (without their final period).
    #[getter]
    fn extra_abbreviations(&self) -> Vec<String> {
        self.inner.get().config().extra_abbreviations.clone()
    }

    fn split<'py>(&self, py: Python<'py>, text: &Bound<'py, PyAny>) -> Result<Bound<'py, PyList>> {
        let input = [extract_text(text, "text")?];
        let splitter = self.inner.get();
        let work = |p: &Piece<'_>| DocSpans::new(p, splitter.split(p.text).into_iter());
        let mut lists = object_lists(py, &input, false, work, sentence_objects)?;
        Ok(lists.remove(0))
    }

    fn split_batch<'py>(&self, py: Python<'py>, texts: &Bound<'py, PyAny>) -> Result<Bound<'py, PyList>> {
        let inputs = extract_texts(texts)?;
        let splitter = self.inner.get();
        let work = |p: &Piece<'_>| DocSpans::new(p, splitter.split(p.text).into_iter());
        let lists = object_lists(py, &inputs, true, work, sentence_objects)?;
        Ok(PyList::new(py, lists)?)
    }

    #[pyo3(signature = (text, *, offsets = None), text_signature = "($self, text, *, offsets='char')")]
    fn split_offsets<'py>(
        &self,
        py: Python<'py>,
        text: &Bound<'py, PyAny>,
        offsets: Option<&Bound<'py, PyAny>>,
    ) -> Result<Bound<'py, PyAny>> {
        let chars = parse_offsets(offsets)?;
        let input = [extract_text(text, "text")?];
        let splitter = self.inner.get();
        offsets_array(py, &input, false, chars, |t| splitter.split(t).into_iter())
    }

    #[pyo3(signature = (texts, *, offsets = None), text_signature = "($self, texts, *, offsets='char')")]
    fn split_offsets_batch<'py>(
        &self,
        py: Python<'py>,
        texts: &Bound<'py, PyAny>,
        offsets: Option<&Bound<'py, PyAny>>,
    ) -> Result<Bound<'py, PyAny>> {
        let chars = parse_offsets(offsets)?;
        let inputs = extract_texts(texts)?;
        let splitter = self.inner.get();
        offsets_array(py, &inputs, true, chars, |t| splitter.split(t).into_iter())
    }
} }
