//! `Parser` and `Word`: tags, lemmas and dependency trees, as objects or as columns.

use crate::detach::{run_detached, run_sized};
use crate::errors::to_py;
use crate::input::{extract_text, extract_texts, parse_offsets, InputText};
use pyo3::basic::CompareOp;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyByteArray, PyBytes, PyDict, PyList, PyString, PyTuple, PyType};
use stancekit_core::parallel;
use stancekit_core::span::CharCursor;
use stancekit_core::syntax::conllu::read_conllu;
use stancekit_core::syntax::train::{train, TrainingConfig};
use stancekit_core::syntax::{Parser, ParserConfig, SyntaxModel, Word};
use std::fmt::Write as _;
use std::sync::Arc;

/// One syntactic word: `text[w.start:w.end] == w.text`; `head` indexes the same list.
#[pyclass(frozen, module = "stancekit", name = "Word")]
pub struct PyWord {
    #[pyo3(get)]
    start: usize,
    #[pyo3(get)]
    end: usize,
    #[pyo3(get)]
    text: Py<PyString>,
    #[pyo3(get)]
    upos: Py<PyString>,
    #[pyo3(get)]
    xpos: Py<PyString>,
    #[pyo3(get)]
    lemma: Py<PyString>,
    #[pyo3(get)]
    head: Option<usize>,
    #[pyo3(get)]
    deprel: Py<PyString>,
    #[pyo3(get)]
    sentence: usize,
}

type WordArgs = (usize, usize, Py<PyString>, Py<PyString>, Py<PyString>, Py<PyString>, Option<usize>, Py<PyString>, usize);

impl PyWord {
    fn args(&self, py: Python<'_>) -> WordArgs {
        (
            self.start,
            self.end,
            self.text.clone_ref(py),
            self.upos.clone_ref(py),
            self.xpos.clone_ref(py),
            self.lemma.clone_ref(py),
            self.head,
            self.deprel.clone_ref(py),
            self.sentence,
        )
    }
}

#[pymethods]
impl PyWord {
    #[new]
    #[pyo3(signature = (start, end, text, upos, xpos, lemma, head, deprel, sentence))]
    #[allow(clippy::too_many_arguments)]
    fn new(
        start: usize,
        end: usize,
        text: Py<PyString>,
        upos: Py<PyString>,
        xpos: Py<PyString>,
        lemma: Py<PyString>,
        head: Option<usize>,
        deprel: Py<PyString>,
        sentence: usize,
    ) -> PyResult<Self> {
        if start > end {
            return Err(PyValueError::new_err(format!("start ({start}) must not exceed end ({end})")));
        }
        Ok(Self {
            start,
            end,
            text,
            upos,
            xpos,
            lemma,
            head,
            deprel,
            sentence,
        })
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let head = self.head.map_or_else(|| "None".to_owned(), |h| h.to_string());
        Ok(format!(
            "Word(start={}, end={}, text={}, upos={}, xpos={}, lemma={}, head={head}, deprel={}, sentence={})",
            self.start,
            self.end,
            self.text.bind(py).repr()?,
            self.upos.bind(py).repr()?,
            self.xpos.bind(py).repr()?,
            self.lemma.bind(py).repr()?,
            self.deprel.bind(py).repr()?,
            self.sentence
        ))
    }

    fn __richcmp__(&self, py: Python<'_>, other: &Bound<'_, PyAny>, op: CompareOp) -> PyResult<Py<PyAny>> {
        let Ok(other) = other.cast::<Self>() else {
            return Ok(py.NotImplemented());
        };
        let equal = self.args(py).into_pyobject(py)?.eq(other.get().args(py))?;
        match op {
            CompareOp::Eq => Ok(pyo3::types::PyBool::new(py, equal).to_owned().into_any().unbind()),
            CompareOp::Ne => Ok(pyo3::types::PyBool::new(py, !equal).to_owned().into_any().unbind()),
            _ => Ok(py.NotImplemented()),
        }
    }

    fn __hash__(&self, py: Python<'_>) -> PyResult<isize> {
        self.args(py).into_pyobject(py)?.hash()
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> (Bound<'py, PyType>, WordArgs) {
        (slf.get_type(), slf.get().args(slf.py()))
    }

    /// The word as a dict (for DataFrames and JSON).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("start", self.start)?;
        d.set_item("end", self.end)?;
        d.set_item("text", &self.text)?;
        d.set_item("upos", &self.upos)?;
        d.set_item("xpos", &self.xpos)?;
        d.set_item("lemma", &self.lemma)?;
        d.set_item("head", self.head)?;
        d.set_item("deprel", &self.deprel)?;
        d.set_item("sentence", self.sentence)?;
        Ok(d)
    }
}

/// Python strings of the model's inventories, made once per parser.
struct Names {
    upos: Vec<Py<PyString>>,
    xpos: Vec<Py<PyString>>,
    deprel: Vec<Py<PyString>>,
}

/// Tagger, lemmatizer and dependency parser. Immutable; pickles as its JSON config.
#[pyclass(frozen, module = "stancekit", name = "Parser")]
pub struct PyParser {
    inner: Arc<Parser>,
    names: PyOnceLock<Names>,
}

/// One parsed document with code-point offsets.
struct ParsedDoc {
    words: Vec<Word>,
    /// `[start, end]` per word, in code points.
    chars: Vec<(usize, usize)>,
}

fn parse_doc(parser: &Parser, text: &str) -> ParsedDoc {
    let words = parser.parse(text);
    let mut cursor = CharCursor::new(text);
    let chars = words
        .iter()
        .map(|w| (cursor.to_char(w.span.start), cursor.to_char(w.span.end)))
        .collect();
    ParsedDoc { words, chars }
}

impl PyParser {
    fn wrap(parser: Parser) -> Self {
        Self {
            inner: Arc::new(parser),
            names: PyOnceLock::new(),
        }
    }

    fn names(&self, py: Python<'_>) -> &Names {
        self.names.get_or_init(py, || {
            let model = self.inner.model();
            let tags = model.tag_names();
            Names {
                upos: tags.iter().map(|(u, _)| PyString::intern(py, u).unbind()).collect(),
                xpos: tags.iter().map(|(_, x)| PyString::intern(py, x).unbind()).collect(),
                deprel: model.labels().iter().map(|l| PyString::intern(py, l).unbind()).collect(),
            }
        })
    }

    fn word_list<'py>(&self, py: Python<'py>, input: &InputText, doc: &ParsedDoc) -> PyResult<Bound<'py, PyList>> {
        let names = self.names(py);
        let list = PyList::empty(py);
        for (w, &chars) in doc.words.iter().zip(&doc.chars) {
            let form = input.slice(py, (w.span.start, w.span.end), chars)?;
            let lemma = match &w.lemma {
                None => form.clone(),
                Some(l) => PyString::new(py, l),
            };
            let word = PyWord {
                start: chars.0,
                end: chars.1,
                text: form.unbind(),
                upos: names.upos[w.tag as usize].clone_ref(py),
                xpos: names.xpos[w.tag as usize].clone_ref(py),
                lemma: lemma.unbind(),
                head: w.head.map(|h| h as usize),
                deprel: names.deprel[w.deprel as usize].clone_ref(py),
                sentence: w.sentence as usize,
            };
            list.append(Bound::new(py, word)?)?;
        }
        Ok(list)
    }
}

/// Columns of a batch, filled without the GIL.
#[derive(Default)]
struct Columns {
    doc: Vec<i64>,
    sentence: Vec<i64>,
    start: Vec<i64>,
    end: Vec<i64>,
    head: Vec<i64>,
    upos: Vec<i16>,
    xpos: Vec<i16>,
    deprel: Vec<i16>,
    lemma_offsets: Vec<i64>,
    lemma_data: Vec<u8>,
}

fn ne_bytes<T: Copy, const N: usize>(values: &[T], to: impl Fn(T) -> [u8; N]) -> Vec<u8> {
    let mut out = Vec::with_capacity(values.len() * N);
    for &v in values {
        out.extend_from_slice(&to(v));
    }
    out
}

fn array<'py>(py: Python<'py>, bytes: &[u8], dtype: &str) -> PyResult<Bound<'py, PyAny>> {
    static FROMBUFFER: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
    let frombuffer = FROMBUFFER.get_or_try_init(py, || Ok::<_, PyErr>(py.import("numpy")?.getattr("frombuffer")?.unbind()))?;
    let buf = PyByteArray::new(py, bytes);
    frombuffer.bind(py).call1((buf, dtype))
}

#[pymethods]
impl PyParser {
    #[new]
    #[pyo3(signature = (*, model = None, max_sentence_words = 200))]
    fn new(py: Python<'_>, model: Option<std::path::PathBuf>, max_sentence_words: usize) -> PyResult<Self> {
        let model = model
            .map(|p| {
                p.into_os_string()
                    .into_string()
                    .map_err(|_| PyValueError::new_err("model path must be valid Unicode"))
            })
            .transpose()?;
        let config = ParserConfig {
            model,
            max_sentence_words,
        };
        let parser = run_detached(py, || config.build())?.map_err(to_py)?;
        Ok(Self::wrap(parser))
    }

    /// The model file this parser reads (`None` for the built-in English model).
    #[getter]
    fn model(&self) -> Option<String> {
        self.inner.config().model.clone()
    }

    /// Sentences longer than this many words are parsed in pieces.
    #[getter]
    fn max_sentence_words(&self) -> usize {
        self.inner.config().max_sentence_words
    }

    /// The dependency labels the model produces.
    #[getter]
    fn labels(&self) -> Vec<String> {
        self.inner.model().labels().to_vec()
    }

    /// The (UPOS, XPOS) pairs the tagger produces.
    #[getter]
    fn tags(&self) -> Vec<(String, String)> {
        self.inner
            .model()
            .tag_names()
            .into_iter()
            .map(|(u, x)| (u.to_owned(), x.to_owned()))
            .collect()
    }

    fn parse<'py>(&self, py: Python<'py>, text: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyList>> {
        let input = extract_text(text, "text")?;
        let inner = Arc::clone(&self.inner);
        let doc = run_sized(py, input.as_str().len() * 8, || parse_doc(&inner, input.as_str()))?;
        self.word_list(py, &input, &doc)
    }

    fn parse_batch<'py>(&self, py: Python<'py>, texts: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyList>> {
        let inputs = extract_texts(texts)?;
        let inner = Arc::clone(&self.inner);
        let docs = run_detached(py, || parallel::map(&inputs, |t| parse_doc(&inner, t.as_str())))?;
        let out = PyList::empty(py);
        for (input, doc) in inputs.iter().zip(&docs) {
            out.append(self.word_list(py, input, doc)?)?;
        }
        Ok(out)
    }

    /// Parses text you tokenized yourself: ``sentences`` is a list of sentences, each a list of
    /// words. Offsets index ``" ".join`` of all the words (one space between words and between
    /// sentences); heads index the returned list.
    fn parse_tokens<'py>(&self, py: Python<'py>, sentences: Vec<Vec<String>>) -> PyResult<Bound<'py, PyList>> {
        let inner = Arc::clone(&self.inner);
        let bytes: usize = sentences.iter().flatten().map(String::len).sum();
        let (text, doc) = run_sized(py, bytes * 8, || {
            let (text, words) = inner.parse_tokens(&sentences);
            let mut cursor = CharCursor::new(&text);
            let chars = words
                .iter()
                .map(|w| (cursor.to_char(w.span.start), cursor.to_char(w.span.end)))
                .collect();
            (text, ParsedDoc { words, chars })
        })?;
        let input = InputText::from_string(py, text)?;
        self.word_list(py, &input, &doc)
    }

    #[pyo3(signature = (texts, *, offsets = "char"))]
    fn parse_arrays<'py>(&self, py: Python<'py>, texts: &Bound<'py, PyAny>, offsets: &str) -> PyResult<Bound<'py, PyDict>> {
        let chars = parse_offsets(offsets)?;
        let inputs = extract_texts(texts)?;
        let inner = Arc::clone(&self.inner);
        let indexed: Vec<(usize, &InputText)> = inputs.iter().enumerate().collect();
        let cols = run_detached(py, || {
            let parts = parallel::map(&indexed, |&(d, t)| {
                let text = t.as_str();
                let doc = parse_doc(&inner, text);
                let model = inner.model();
                let mut c = Columns::default();
                for (w, &(cs, ce)) in doc.words.iter().zip(&doc.chars) {
                    let (s, e) = if chars { (cs, ce) } else { (w.span.start, w.span.end) };
                    c.doc.push(d as i64);
                    c.sentence.push(i64::from(w.sentence));
                    c.start.push(s as i64);
                    c.end.push(e as i64);
                    c.head.push(w.head.map_or(-1, i64::from));
                    let (u, x) = model.tag_indices(w.tag);
                    c.upos.push(u as i16);
                    c.xpos.push(x as i16);
                    c.deprel.push(i16::from(w.deprel));
                    c.lemma_data.extend_from_slice(w.lemma_str(text).as_bytes());
                    c.lemma_offsets.push(c.lemma_data.len() as i64);
                }
                c
            });
            let mut all = Columns::default();
            all.lemma_offsets.push(0);
            for p in parts {
                let base = all.lemma_data.len() as i64;
                all.doc.extend(p.doc);
                all.sentence.extend(p.sentence);
                all.start.extend(p.start);
                all.end.extend(p.end);
                all.head.extend(p.head);
                all.upos.extend(p.upos);
                all.xpos.extend(p.xpos);
                all.deprel.extend(p.deprel);
                all.lemma_offsets.extend(p.lemma_offsets.iter().map(|o| o + base));
                all.lemma_data.extend(p.lemma_data);
            }
            all
        })?;
        let model = self.inner.model();
        let out = PyDict::new(py);
        for (name, values) in [
            ("doc", &cols.doc),
            ("sentence", &cols.sentence),
            ("start", &cols.start),
            ("end", &cols.end),
            ("head", &cols.head),
            ("lemma_offsets", &cols.lemma_offsets),
        ] {
            out.set_item(name, array(py, &ne_bytes(values, i64::to_ne_bytes), "int64")?)?;
        }
        for (name, values) in [("upos", &cols.upos), ("xpos", &cols.xpos), ("deprel", &cols.deprel)] {
            out.set_item(name, array(py, &ne_bytes(values, i16::to_ne_bytes), "int16")?)?;
        }
        out.set_item("lemma_data", PyBytes::new(py, &cols.lemma_data))?;
        out.set_item("upos_names", model.upos_names())?;
        out.set_item("xpos_names", model.xpos_names())?;
        out.set_item("deprel_names", model.labels())?;
        Ok(out)
    }

    /// The text's analysis in CoNLL-U (one block per sentence, `# text` comments, `SpaceAfter=No`).
    fn to_conllu(&self, py: Python<'_>, text: &Bound<'_, PyAny>) -> PyResult<String> {
        let input = extract_text(text, "text")?;
        let inner = Arc::clone(&self.inner);
        run_sized(py, input.as_str().len() * 8, || conllu(&inner, input.as_str()))
    }

    fn to_json(&self) -> String {
        self.inner.to_json()
    }

    #[staticmethod]
    fn from_json(py: Python<'_>, json: &str) -> PyResult<Self> {
        let parser = run_detached(py, || Parser::from_json(json))?.map_err(to_py)?;
        Ok(Self::wrap(parser))
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
        self.inner.config().max_sentence_words as u64
    }

    fn __repr__(&self) -> String {
        let c = self.inner.config();
        format!("Parser(model={:?}, max_sentence_words={})", c.model, c.max_sentence_words)
    }
}

/// CoNLL-U of a text: sentences in order, word IDs from 1, heads as IDs (0 = root).
fn conllu(parser: &Parser, text: &str) -> String {
    let words = parser.parse(text);
    let mut out = String::with_capacity(text.len() * 6);
    let mut i = 0;
    let mut sentence_index = 0;
    while i < words.len() {
        let first = i;
        let s = words[i].sentence;
        while i < words.len() && words[i].sentence == s {
            i += 1;
        }
        let sentence = &words[first..i];
        let start = sentence[0].span.start;
        let end = sentence[sentence.len() - 1].span.end;
        // CoNLL-U comments are one line: line breaks inside a sentence become spaces.
        let flat: String = text[start..end].chars().map(|c| if c == '\n' || c == '\r' { ' ' } else { c }).collect();
        let _ = writeln!(out, "# sent_id = {}", sentence_index + 1);
        let _ = writeln!(out, "# text = {flat}");
        for (k, w) in sentence.iter().enumerate() {
            let form = w.span.as_str(text);
            let head = w.head.map_or(0, |h| h as usize - first + 1);
            let space_after = sentence.get(k + 1).is_some_and(|n| n.span.start == w.span.end);
            let _ = writeln!(
                out,
                "{}\t{}\t{}\t{}\t{}\t_\t{}\t{}\t_\t{}",
                k + 1,
                clean(form),
                clean(w.lemma_str(text)),
                parser.upos(w),
                parser.xpos(w),
                head,
                parser.deprel(w),
                if space_after { "SpaceAfter=No" } else { "_" }
            );
        }
        out.push('\n');
        sentence_index += 1;
    }
    out
}

/// A form as a CoNLL-U field: no tabs or line breaks.
fn clean(s: &str) -> std::borrow::Cow<'_, str> {
    if s.contains(['\t', '\n', '\r']) {
        std::borrow::Cow::Owned(s.replace(['\t', '\n', '\r'], " "))
    } else {
        std::borrow::Cow::Borrowed(s)
    }
}

/// Trains a syntax model on a CoNLL-U treebank (GIL released); returns the model file's bytes.
///
/// `clusters` defaults to the built-in model's word clusters; `config` is a JSON object of
/// training settings (defaults for the missing ones).
#[pyfunction]
#[pyo3(signature = (conllu, *, clusters = None, config = None))]
pub fn train_syntax_model<'py>(
    py: Python<'py>,
    conllu: &str,
    clusters: Option<&str>,
    config: Option<&str>,
) -> PyResult<Bound<'py, PyBytes>> {
    let config: TrainingConfig = match config {
        None => TrainingConfig::default(),
        Some(json) => serde_json::from_str(json)
            .map_err(|e| crate::errors::ConfigError::new_err(format!("invalid training config: {e}")))?,
    };
    let bytes = run_detached(py, || -> stancekit_core::Result<Vec<u8>> {
        let treebank = read_conllu(conllu)?;
        let builtin;
        let clusters = match clusters {
            Some(c) => c,
            None => {
                builtin = SyntaxModel::builtin()?;
                builtin.clusters()
            }
        };
        let model = train(&treebank, clusters, &config, &mut |line| eprintln!("{line}"))?;
        Ok(model.to_bytes())
    })?
    .map_err(to_py)?;
    Ok(PyBytes::new(py, &bytes))
}
