//! `Parser` and `Word`: tags, lemmas and dependency trees, as objects or as columns.

use crate::detach::{run_interruptible, run_pieces, run_sized, Piece, SLOW};
use crate::engine::{engine_methods, JsonEngine, Shared};
use crate::errors::Result;
use crate::input::{as_strs, extract_text, extract_texts, parse_offsets, InputText};
use pyo3::basic::CompareOp;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyByteArray, PyBytes, PyDict, PyList, PyString, PyType};
use stancekit_core::span::CharCursor;
use stancekit_core::syntax::conllu::read_conllu;
use stancekit_core::syntax::train::{train, TrainingConfig};
use stancekit_core::syntax::{Parser, ParserConfig, SyntaxModel, Word};
use stancekit_core::Error;
use std::fmt::Write as _;

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

type WordArgs = (
    usize,
    usize,
    Py<PyString>,
    Py<PyString>,
    Py<PyString>,
    Py<PyString>,
    Option<usize>,
    Py<PyString>,
    usize,
);

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
            return Err(PyValueError::new_err(format!(
                "start ({start}) must not exceed end ({end})"
            )));
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
        let result = match op {
            CompareOp::Eq => equal,
            CompareOp::Ne => !equal,
            _ => return Ok(py.NotImplemented()),
        };
        Ok(pyo3::types::PyBool::new(py, result)
            .to_owned()
            .into_any()
            .unbind())
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

/// Python strings of a model's inventories (interned: one object per name).
struct Names {
    upos: Vec<Py<PyString>>,
    xpos: Vec<Py<PyString>>,
    deprel: Vec<Py<PyString>>,
}

impl Names {
    fn of(py: Python<'_>, model: &SyntaxModel) -> Self {
        let tags = model.tag_names();
        Self {
            upos: tags
                .iter()
                .map(|(u, _)| PyString::intern(py, u).unbind())
                .collect(),
            xpos: tags
                .iter()
                .map(|(_, x)| PyString::intern(py, x).unbind())
                .collect(),
            deprel: model
                .labels()
                .iter()
                .map(|l| PyString::intern(py, l).unbind())
                .collect(),
        }
    }
}

/// The words of one piece of a text, with offsets of the whole text in both kinds.
struct ParsedPiece {
    words: Vec<Word>,
    bytes: Vec<(usize, usize)>,
    chars: Vec<(usize, usize)>,
}

fn parse_piece(parser: &Parser, piece: &Piece<'_>) -> ParsedPiece {
    let words = parser.parse(piece.text);
    let mut cursor = CharCursor::new(piece.text);
    let mut bytes = Vec::with_capacity(words.len());
    let mut chars = Vec::with_capacity(words.len());
    for w in &words {
        bytes.push((w.span.start + piece.byte_start, w.span.end + piece.byte_start));
        chars.push((
            cursor.to_char(w.span.start) + piece.char_start,
            cursor.to_char(w.span.end) + piece.char_start,
        ));
    }
    ParsedPiece { words, bytes, chars }
}

/// Where the next piece of a document continues: words and sentences so far.
#[derive(Clone, Copy, Default)]
struct DocCursor {
    words: usize,
    sentences: usize,
}

impl DocCursor {
    /// Advances past a piece's words.
    fn advance(&mut self, piece: &ParsedPiece) {
        self.words += piece.words.len();
        self.sentences += piece.words.last().map_or(0, |w| w.sentence as usize + 1);
    }
}

/// Appends the Word objects of one piece to its document's list.
fn word_objects(
    list: &Bound<'_, PyList>,
    names: &Names,
    input: &InputText,
    cursor: &mut DocCursor,
    piece: &ParsedPiece,
) -> Result<()> {
    let py = list.py();
    for ((w, &bytes), &chars) in piece.words.iter().zip(&piece.bytes).zip(&piece.chars) {
        let form = input.slice(py, bytes, chars)?;
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
            head: w.head.map(|h| h as usize + cursor.words),
            deprel: names.deprel[w.deprel as usize].clone_ref(py),
            sentence: w.sentence as usize + cursor.sentences,
        };
        list.append(Bound::new(py, word)?)?;
    }
    cursor.advance(piece);
    Ok(())
}

/// Columns of a batch, filled piece by piece.
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

/// An int NumPy array holding `values` (one copy).
fn ndarray<'py, T: Copy, const N: usize>(
    py: Python<'py>,
    values: &[T],
    to_bytes: impl Fn(T) -> [u8; N],
    dtype: &str,
) -> PyResult<Bound<'py, PyAny>> {
    static FROMBUFFER: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
    let frombuffer = FROMBUFFER.get_or_try_init(py, || {
        Ok::<_, PyErr>(py.import("numpy")?.getattr("frombuffer")?.unbind())
    })?;
    let buf = PyByteArray::new_with(py, values.len() * N, |bytes| {
        for (chunk, &v) in bytes.chunks_exact_mut(N).zip(values) {
            chunk.copy_from_slice(&to_bytes(v));
        }
        Ok(())
    })?;
    frombuffer.bind(py).call1((buf, dtype))
}

/// The text of one sentence in CoNLL-U, without its `# sent_id` line.
fn conllu_sentence(parser: &Parser, text: &str, words: &[Word], first: usize, out: &mut String) {
    let start = words[0].span.start;
    let end = words[words.len() - 1].span.end;
    // A comment is one line: line breaks inside the sentence become spaces.
    let flat: String = text[start..end]
        .chars()
        .map(|c| if c == '\n' || c == '\r' { ' ' } else { c })
        .collect();
    let _ = writeln!(out, "# text = {flat}");
    for (k, w) in words.iter().enumerate() {
        let head = w.head.map_or(0, |h| h as usize - first + 1);
        let space_after = words.get(k + 1).is_some_and(|n| n.span.start == w.span.end);
        let _ = writeln!(
            out,
            "{}\t{}\t{}\t{}\t{}\t_\t{}\t{}\t_\t{}",
            k + 1,
            field(w.span.as_str(text)),
            field(w.lemma_str(text)),
            parser.upos(w),
            parser.xpos(w),
            head,
            parser.deprel(w),
            if space_after { "SpaceAfter=No" } else { "_" }
        );
    }
    out.push('\n');
}

/// The CoNLL-U blocks of one piece, one per sentence.
fn conllu_piece(parser: &Parser, piece: &Piece<'_>) -> Vec<String> {
    let words = parser.parse(piece.text);
    let mut blocks = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let first = i;
        while i < words.len() && words[i].sentence == words[first].sentence {
            i += 1;
        }
        let mut block = String::new();
        conllu_sentence(parser, piece.text, &words[first..i], first, &mut block);
        blocks.push(block);
    }
    blocks
}

/// A form as a CoNLL-U field: no tabs or line breaks.
fn field(s: &str) -> std::borrow::Cow<'_, str> {
    if s.contains(['\t', '\n', '\r']) {
        std::borrow::Cow::Owned(s.replace(['\t', '\n', '\r'], " "))
    } else {
        std::borrow::Cow::Borrowed(s)
    }
}

/// Tagger, lemmatizer and dependency parser. Immutable; pickles as its JSON config.
#[pyclass(frozen, module = "stancekit", name = "Parser")]
pub struct PyParser {
    inner: Shared<Parser>,
}

impl PyParser {
    /// One list of Word objects per input text.
    fn word_lists<'py>(
        &self,
        py: Python<'py>,
        inputs: &[InputText],
        batch: bool,
    ) -> Result<Vec<Bound<'py, PyList>>> {
        let parser = self.inner.get();
        let names = Names::of(py, parser.model());
        let lists: Vec<Bound<'py, PyList>> = inputs.iter().map(|_| PyList::empty(py)).collect();
        let mut cursors = vec![DocCursor::default(); inputs.len()];
        run_pieces(
            py,
            &as_strs(inputs),
            batch,
            SLOW,
            |p| parse_piece(parser, p),
            |piece, parsed| {
                word_objects(
                    &lists[piece.doc],
                    &names,
                    &inputs[piece.doc],
                    &mut cursors[piece.doc],
                    &parsed,
                )
            },
        )?;
        Ok(lists)
    }
}

engine_methods! { PyParser {
    #[new]
    #[pyo3(signature = (*, model = None, max_sentence_words = 200))]
    fn new(py: Python<'_>, model: Option<std::path::PathBuf>, max_sentence_words: usize) -> Result<Self> {
        let model = model
            .map(|p| {
                p.into_os_string()
                    .into_string()
                    .map_err(|p| Error::Config(format!("the model path {p:?} is not valid Unicode")))
            })
            .transpose()?;
        let config = ParserConfig { model, max_sentence_words };
        let parser = run_sized(py, 1 << 20, || config.build())??;
        Ok(Self { inner: Shared::new(parser) })
    }

    /// The model file this parser reads (`None` for the built-in English model).
    #[getter]
    fn model(&self) -> Option<String> {
        self.inner.get().config().model.clone()
    }

    /// Sentences longer than this many words are parsed in pieces.
    #[getter]
    fn max_sentence_words(&self) -> usize {
        self.inner.get().config().max_sentence_words
    }

    /// The dependency labels the model produces.
    #[getter]
    fn labels(&self) -> Vec<String> {
        self.inner.get().model().labels().to_vec()
    }

    /// The (UPOS, XPOS) pairs the tagger produces.
    #[getter]
    fn tags(&self) -> Vec<(String, String)> {
        self.inner
            .get()
            .model()
            .tag_names()
            .into_iter()
            .map(|(u, x)| (u.to_owned(), x.to_owned()))
            .collect()
    }

    fn parse<'py>(&self, py: Python<'py>, text: &Bound<'py, PyAny>) -> Result<Bound<'py, PyList>> {
        let input = [extract_text(text, "text")?];
        Ok(self.word_lists(py, &input, false)?.remove(0))
    }

    fn parse_batch<'py>(&self, py: Python<'py>, texts: &Bound<'py, PyAny>) -> Result<Bound<'py, PyList>> {
        let inputs = extract_texts(texts)?;
        Ok(PyList::new(py, self.word_lists(py, &inputs, true)?)?)
    }

    /// Parses text you tokenized yourself: ``sentences`` is a list of sentences, each a list of
    /// words. Offsets index ``" ".join`` of all the words (one space between words and between
    /// sentences); heads index the returned list.
    fn parse_tokens<'py>(&self, py: Python<'py>, sentences: Vec<Vec<String>>) -> Result<Bound<'py, PyList>> {
        let parser = self.inner.get();
        let names = Names::of(py, parser.model());
        let bytes: usize = sentences.iter().flatten().map(String::len).sum();
        let (text, parsed) = run_sized(py, bytes * 8, || {
            let (text, words) = parser.parse_tokens(&sentences);
            let mut cursor = CharCursor::new(&text);
            let bytes: Vec<(usize, usize)> = words.iter().map(|w| (w.span.start, w.span.end)).collect();
            let chars = bytes.iter().map(|&(s, e)| (cursor.to_char(s), cursor.to_char(e))).collect();
            (text, ParsedPiece { words, bytes, chars })
        })?;
        let input = InputText::from_string(text);
        let list = PyList::empty(py);
        word_objects(&list, &names, &input, &mut DocCursor::default(), &parsed)?;
        Ok(list)
    }

    /// Columns of a batch without one object per word (see the stubs for the layout).
    #[pyo3(signature = (texts, *, offsets = None), text_signature = "($self, texts, *, offsets='char')")]
    fn parse_arrays<'py>(
        &self,
        py: Python<'py>,
        texts: &Bound<'py, PyAny>,
        offsets: Option<&Bound<'py, PyAny>>,
    ) -> Result<Bound<'py, PyDict>> {
        let chars = parse_offsets(offsets)?;
        let inputs = extract_texts(texts)?;
        let parser = self.inner.get();
        let model = parser.model();
        let mut c = Columns::default();
        c.lemma_offsets.push(0);
        let mut cursors = vec![DocCursor::default(); inputs.len()];
        run_pieces(py, &as_strs(&inputs), true, SLOW, |p| parse_piece(parser, p), |piece, parsed| {
            let cursor = &mut cursors[piece.doc];
            let text = piece.text;
            for ((w, &b), &ch) in parsed.words.iter().zip(&parsed.bytes).zip(&parsed.chars) {
                let (s, e) = if chars { ch } else { b };
                c.doc.push(piece.doc as i64);
                c.sentence.push((w.sentence as usize + cursor.sentences) as i64);
                c.start.push(s as i64);
                c.end.push(e as i64);
                c.head.push(w.head.map_or(-1, |h| (h as usize + cursor.words) as i64));
                let (u, x) = model.tag_indices(w.tag);
                c.upos.push(u as i16);
                c.xpos.push(x as i16);
                c.deprel.push(i16::from(w.deprel));
                c.lemma_data.extend_from_slice(w.lemma_str(text).as_bytes());
                c.lemma_offsets.push(c.lemma_data.len() as i64);
            }
            cursor.advance(&parsed);
            Ok(())
        })?;
        let out = PyDict::new(py);
        for (name, values) in [
            ("doc", &c.doc),
            ("sentence", &c.sentence),
            ("start", &c.start),
            ("end", &c.end),
            ("head", &c.head),
            ("lemma_offsets", &c.lemma_offsets),
        ] {
            out.set_item(name, ndarray(py, values, i64::to_ne_bytes, "int64")?)?;
        }
        for (name, values) in [("upos", &c.upos), ("xpos", &c.xpos), ("deprel", &c.deprel)] {
            out.set_item(name, ndarray(py, values, i16::to_ne_bytes, "int16")?)?;
        }
        out.set_item("lemma_data", PyBytes::new(py, &c.lemma_data))?;
        out.set_item("upos_names", model.upos_names())?;
        out.set_item("xpos_names", model.xpos_names())?;
        out.set_item("deprel_names", model.labels())?;
        Ok(out)
    }

    /// The text's analysis in CoNLL-U: one block per sentence with `# sent_id` and `# text`
    /// comments, `SpaceAfter=No` where the next word follows without a space.
    fn to_conllu(&self, py: Python<'_>, text: &Bound<'_, PyAny>) -> Result<String> {
        let input = [extract_text(text, "text")?];
        let parser = self.inner.get();
        let mut out = String::new();
        let mut sent_id = 0;
        run_pieces(py, &as_strs(&input), false, SLOW, |p| conllu_piece(parser, p), |_, blocks| {
            for block in blocks {
                sent_id += 1;
                let _ = writeln!(out, "# sent_id = {sent_id}");
                out.push_str(&block);
            }
            Ok(())
        })?;
        Ok(out)
    }
} }

impl JsonEngine for Parser {
    const JSON_TYPE: &'static str = "Parser";
    fn to_json(&self) -> String {
        Parser::to_json(self)
    }
    fn from_json(json: &str) -> stancekit_core::Result<Self> {
        Parser::from_json(json)
    }
    fn repr(&self) -> String {
        let c = self.config();
        let model = c
            .model
            .as_ref()
            .map_or_else(|| "None".to_owned(), |m| format!("{m:?}"));
        format!(
            "Parser(model={model}, max_sentence_words={})",
            c.max_sentence_words
        )
    }
}

/// Trains a syntax model on a CoNLL-U treebank (GIL released; Ctrl-C stops waiting for it);
/// returns the model file's bytes. `clusters` (word clusters) and `lemmas` (known lemmas with
/// their parts of speech) default to the built-in model's; `config` is a JSON object of training
/// settings (defaults for the missing ones).
#[pyfunction]
#[pyo3(signature = (conllu, *, clusters = None, lemmas = None, config = None))]
pub fn train_syntax_model<'py>(
    py: Python<'py>,
    conllu: String,
    clusters: Option<String>,
    lemmas: Option<String>,
    config: Option<&str>,
) -> Result<Bound<'py, PyBytes>> {
    let config: TrainingConfig = match config {
        None => TrainingConfig::default(),
        Some(json) => {
            serde_json::from_str(json).map_err(|e| Error::Config(format!("invalid training config: {e}")))?
        }
    };
    let bytes = run_interruptible(py, move || -> stancekit_core::Result<Vec<u8>> {
        let treebank = read_conllu(&conllu)?;
        // Word clusters and known lemmas default to the built-in model's.
        let (builtin_clusters, builtin_known) = SyntaxModel::builtin_training_lexicons()?;
        let clusters = clusters.as_deref().unwrap_or(&builtin_clusters);
        let known = lemmas.unwrap_or(builtin_known);
        let model = train(&treebank, clusters, &known, &config, &mut |line| {
            eprintln!("{line}")
        })?;
        Ok(model.to_bytes())
    })??;
    Ok(PyBytes::new(py, &bytes))
}
