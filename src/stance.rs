//! Binding of the stance tagger: `StanceTagger` (immutable, picklable by config) and `Stance`
//! (frozen result value).

use crate::detach::{run_detached, run_interruptible, run_pieces, run_sized, Piece, SLOW};
use crate::engine::{engine_methods, Shared};
use crate::errors::{argument, type_error, Result};
use crate::input::{
    as_strs, char_to_byte_offsets, extract_text, extract_texts, index_arg, span_arg, type_name, utf8_arg,
    InputText,
};
use crate::results::start_end;
use pyo3::basic::CompareOp;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyMapping, PyString, PyType};
use stancekit_core::span::byte_to_char_offsets;
use stancekit_core::stance::{most_mentioned_people, Stance, StanceEngine, StanceTagger, StanceTaggerConfig};
use stancekit_core::{Error, Span};
use std::collections::BTreeMap;

type SpanPair = (usize, usize);

/// One stance triple: `holder` favours or opposes `target`, said by `cue`.
///
/// Offsets are code points into the original text: `text[s.cue_span[0]:s.cue_span[1]] == s.cue`.
#[pyclass(frozen, module = "stancekit", name = "Stance")]
pub struct PyStance {
    /// Canonical name of the holder ("" when implied, e.g. for classify()).
    #[pyo3(get)]
    holder: String,
    /// (start, end) of the holder mention, or None when implied.
    #[pyo3(get)]
    holder_span: Option<SpanPair>,
    /// Canonical name of the target.
    #[pyo3(get)]
    target: String,
    /// (start, end) of the target mention, or None when implied.
    #[pyo3(get)]
    target_span: Option<SpanPair>,
    /// "FAVOR" or "AGAINST".
    #[pyo3(get)]
    stance: String,
    /// The cue words.
    #[pyo3(get)]
    cue: Py<PyString>,
    /// (start, end) of the cue.
    #[pyo3(get)]
    cue_span: SpanPair,
    /// (start, end) of the sentence.
    #[pyo3(get)]
    sentence: SpanPair,
    /// Confidence in 0..1.
    #[pyo3(get)]
    score: f64,
    /// The rule that found the triple.
    #[pyo3(get)]
    rule: String,
}

type StanceArgs = (
    String,
    Option<SpanPair>,
    String,
    Option<SpanPair>,
    String,
    Py<PyString>,
    SpanPair,
    SpanPair,
    f64,
    String,
);

impl PyStance {
    fn args(&self, py: Python<'_>) -> StanceArgs {
        (
            self.holder.clone(),
            self.holder_span,
            self.target.clone(),
            self.target_span,
            self.stance.clone(),
            self.cue.clone_ref(py),
            self.cue_span,
            self.sentence,
            self.score,
            self.rule.clone(),
        )
    }

    fn key(&self) -> StanceKey {
        (
            self.sentence,
            self.cue_span,
            self.holder.clone(),
            self.target.clone(),
            self.stance.clone(),
            (self.holder_span, self.target_span),
            self.rule.clone(),
            format!("{:.6}", self.score),
        )
    }
}

/// Sort and equality key of a `Stance` (besides its cue text).
type StanceKey = (
    SpanPair,
    SpanPair,
    String,
    String,
    String,
    (Option<SpanPair>, Option<SpanPair>),
    String,
    String,
);

#[pymethods]
impl PyStance {
    #[new]
    #[pyo3(signature = (holder, holder_span, target, target_span, stance, cue, cue_span, sentence, score, rule))]
    #[allow(clippy::too_many_arguments)]
    fn new(
        holder: &Bound<'_, PyAny>,
        holder_span: Option<&Bound<'_, PyAny>>,
        target: &Bound<'_, PyAny>,
        target_span: Option<&Bound<'_, PyAny>>,
        stance: &Bound<'_, PyAny>,
        cue: Py<PyString>,
        cue_span: &Bound<'_, PyAny>,
        sentence: &Bound<'_, PyAny>,
        score: f64,
        rule: &Bound<'_, PyAny>,
    ) -> Result<Self> {
        let stance = utf8_arg(stance, "stance", Error::Argument)?;
        if stance != "FAVOR" && stance != "AGAINST" {
            return Err(argument(format!(
                "stance must be 'FAVOR' or 'AGAINST', not {stance:?}"
            )));
        }
        let pair = |obj: &Bound<'_, PyAny>, what: &str| -> Result<SpanPair> {
            let (start, end) = obj
                .extract::<(Bound<'_, PyAny>, Bound<'_, PyAny>)>()
                .map_err(|_| type_error(format!("{what} must be a (start, end) pair of ints")))?;
            start_end(&start, &end)
        };
        let optional = |obj: Option<&Bound<'_, PyAny>>, what: &str| -> Result<Option<SpanPair>> {
            obj.filter(|o| !o.is_none()).map(|o| pair(o, what)).transpose()
        };
        Ok(Self {
            holder: utf8_arg(holder, "holder", Error::Argument)?,
            holder_span: optional(holder_span, "holder_span")?,
            target: utf8_arg(target, "target", Error::Argument)?,
            target_span: optional(target_span, "target_span")?,
            stance,
            cue,
            cue_span: pair(cue_span, "cue_span")?,
            sentence: pair(sentence, "sentence")?,
            score,
            rule: utf8_arg(rule, "rule", Error::Argument)?,
        })
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "Stance(holder={:?}, target={:?}, stance={:?}, cue={}, rule={:?}, score={})",
            self.holder,
            self.target,
            self.stance,
            self.cue.bind(py).repr()?,
            self.rule,
            self.score
        ))
    }

    fn __richcmp__(&self, py: Python<'_>, other: &Bound<'_, PyAny>, op: CompareOp) -> PyResult<Py<PyAny>> {
        let Ok(other) = other.cast::<Self>() else {
            return Ok(py.NotImplemented());
        };
        let o = other.get();
        let a = self.key();
        let b = o.key();
        let cue_eq = self.cue.bind(py).as_any().eq(o.cue.bind(py))?;
        let result = match op {
            CompareOp::Eq => a == b && cue_eq,
            CompareOp::Ne => !(a == b && cue_eq),
            CompareOp::Lt => a < b,
            CompareOp::Le => a <= b,
            CompareOp::Gt => a > b,
            CompareOp::Ge => a >= b,
        };
        Ok(pyo3::types::PyBool::new(py, result)
            .to_owned()
            .into_any()
            .unbind())
    }

    fn __hash__(&self, py: Python<'_>) -> PyResult<isize> {
        (
            self.holder.clone(),
            self.holder_span,
            self.target.clone(),
            self.target_span,
            self.stance.clone(),
            self.cue_span,
            self.sentence,
            self.rule.clone(),
        )
            .into_pyobject(py)?
            .hash()
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> (Bound<'py, PyType>, StanceArgs) {
        (slf.get_type(), slf.get().args(slf.py()))
    }

    /// The triple as a plain dict (spans as tuples or None).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("holder", &self.holder)?;
        d.set_item("holder_span", self.holder_span)?;
        d.set_item("target", &self.target)?;
        d.set_item("target_span", self.target_span)?;
        d.set_item("stance", &self.stance)?;
        d.set_item("cue", self.cue.clone_ref(py))?;
        d.set_item("cue_span", self.cue_span)?;
        d.set_item("sentence", self.sentence)?;
        d.set_item("score", self.score)?;
        d.set_item("rule", &self.rule)?;
        Ok(d)
    }
}

/// Triples of one document with code-point offsets.
struct DocStances {
    stances: Vec<Stance>,
    /// Flat char offsets, 8 per triple: cue, sentence, holder, target (holder/target may be dummies).
    chars: Vec<usize>,
}

/// Triples of one piece of a text, with byte offsets (in the `Stance`s) and code-point offsets
/// (in `chars`) of the whole text.
fn tag_piece(tagger: &StanceTagger, piece: &Piece<'_>) -> DocStances {
    let mut stances = tagger.tag(piece.text);
    let mut bytes = Vec::with_capacity(stances.len() * 8);
    for s in &stances {
        let h = s
            .holder_span
            .unwrap_or(Span::new(s.cue_span.start, s.cue_span.start));
        let t = s
            .target_span
            .unwrap_or(Span::new(s.cue_span.start, s.cue_span.start));
        bytes.extend_from_slice(&[
            s.cue_span.start,
            s.cue_span.end,
            s.sentence.start,
            s.sentence.end,
            h.start,
            h.end,
            t.start,
            t.end,
        ]);
    }
    // Convert in one monotonic pass: sorted unique offsets, then look each one up.
    let mut sorted = bytes.clone();
    sorted.sort_unstable();
    sorted.dedup();
    let mut converted = sorted.clone();
    byte_to_char_offsets(piece.text, &mut converted);
    let chars = bytes
        .iter()
        .map(|b| converted[sorted.binary_search(b).unwrap_or(0)] + piece.char_start)
        .collect();
    let shift =
        |span: &mut Span| *span = Span::new(span.start + piece.byte_start, span.end + piece.byte_start);
    for s in &mut stances {
        shift(&mut s.cue_span);
        shift(&mut s.sentence);
        for span in [&mut s.holder_span, &mut s.target_span].into_iter().flatten() {
            shift(span);
        }
    }
    DocStances { stances, chars }
}

/// Appends to `list` a `Stance` per triple of `doc`.
fn stance_objects(list: &Bound<'_, PyList>, input: &InputText, doc: DocStances) -> Result<()> {
    let py = list.py();
    for (i, s) in doc.stances.iter().enumerate() {
        let c = &doc.chars[i * 8..i * 8 + 8];
        let cue = input.slice(py, (s.cue_span.start, s.cue_span.end), (c[0], c[1]))?;
        list.append(PyStance {
            holder: s.holder.clone(),
            holder_span: s.holder_span.map(|_| (c[4], c[5])),
            target: s.target.clone(),
            target_span: s.target_span.map(|_| (c[6], c[7])),
            stance: s.stance.as_str().to_owned(),
            cue: cue.unbind(),
            cue_span: (c[0], c[1]),
            sentence: (c[2], c[3]),
            score: s.score,
            rule: s.rule.clone(),
        })?;
    }
    Ok(())
}

/// One list of `Stance`s per input text. A text longer than about a megabyte is tagged in
/// pieces cut at blank lines (so that Ctrl-C and progress work); what the tagger looks up
/// across sentences does not reach across such a cut.
fn tag_texts<'py>(
    py: Python<'py>,
    tagger: &StanceTagger,
    inputs: &[InputText],
    batch: bool,
) -> Result<Vec<Bound<'py, PyList>>> {
    let lists: Vec<Bound<'py, PyList>> = inputs.iter().map(|_| PyList::empty(py)).collect();
    run_pieces(
        py,
        &as_strs(inputs),
        batch,
        SLOW,
        |p| tag_piece(tagger, p),
        |piece, doc| stance_objects(&lists[piece.doc], &inputs[piece.doc], doc),
    )?;
    Ok(lists)
}

/// Reads `classifier=`: None, "default", or a trained classifier (anything with `to_json()`,
/// such as `stancekit.StanceClassifier`), kept as its JSON so the tagger still pickles as config.
fn classifier_setting(classifier: Option<&Bound<'_, PyAny>>) -> Result<Option<String>> {
    let Some(obj) = classifier.filter(|o| !o.is_none()) else {
        return Ok(None);
    };
    if obj.is_instance_of::<PyString>() {
        let name = utf8_arg(obj, "classifier", Error::Config)?;
        if name == "default" {
            return Ok(Some(name));
        }
        return Err(Error::Config(format!(
            "classifier must be None, \"default\" or a trained StanceClassifier, not the string {name:?}"
        ))
        .into());
    }
    if obj.hasattr("to_json")? {
        let json = obj.call_method0("to_json")?;
        return Ok(Some(utf8_arg(&json, "classifier.to_json()", Error::Config)?));
    }
    Err(type_error(format!(
        "classifier must be None, \"default\" or a trained StanceClassifier, not {}",
        type_name(obj)
    )))
}

/// Reads `targets=` or `actors=`: None, or a mapping (a dict, `MappingProxyType`, any
/// `collections.abc.Mapping`) of canonical name → iterable of aliases.
fn extract_map(obj: Option<&Bound<'_, PyAny>>, what: &str) -> Result<Option<BTreeMap<String, Vec<String>>>> {
    let Some(obj) = obj.filter(|o| !o.is_none()) else {
        return Ok(None);
    };
    let mapping = obj.cast::<PyMapping>().map_err(|_| {
        type_error(format!(
            "{what} must be a mapping of name -> list of aliases, not {}",
            type_name(obj)
        ))
    })?;
    let mut out = BTreeMap::new();
    for item in mapping.items()?.iter() {
        let (key, value) = item.extract::<(Bound<'_, PyAny>, Bound<'_, PyAny>)>()?;
        let name = utf8_arg(&key, &format!("{what}: a name"), Error::Config)?;
        let label = format!("{what}[{name:?}]");
        if value.is_instance_of::<PyString>() {
            return Err(type_error(format!(
                "{label} must be a list of aliases, not a single str"
            )));
        }
        let aliases = value
            .try_iter()
            .map_err(|_| {
                type_error(format!(
                    "{label} must be a list of str, not {}",
                    type_name(&value)
                ))
            })?
            .enumerate()
            .map(|(i, alias)| utf8_arg(&alias?, &format!("{label}[{i}]"), Error::Config))
            .collect::<Result<Vec<String>>>()?;
        out.insert(name, aliases);
    }
    Ok(Some(out))
}

/// Stance tagger: finds who favours or opposes whom in English news. Immutable; pickles as its
/// JSON config.
#[pyclass(frozen, module = "stancekit", name = "StanceTagger")]
pub struct PyStanceTagger {
    inner: Shared<StanceTagger>,
}

engine_methods! { PyStanceTagger {
    #[new]
    #[pyo3(signature = (targets = None, *, actors = None, min_score = 0.0, classifier = None, engine = None))]
    fn new(
        py: Python<'_>,
        targets: Option<&Bound<'_, PyAny>>,
        actors: Option<&Bound<'_, PyAny>>,
        min_score: f64,
        classifier: Option<&Bound<'_, PyAny>>,
        engine: Option<&Bound<'_, PyAny>>,
    ) -> Result<Self> {
        let engine = match engine {
            None => StanceEngine::default(),
            Some(name) => StanceEngine::from_name(&utf8_arg(name, "engine", Error::Config)?)?,
        };
        let config = StanceTaggerConfig {
            targets: extract_map(targets, "targets")?,
            actors: extract_map(actors, "actors")?.unwrap_or_default(),
            min_score,
            classifier: classifier_setting(classifier)?,
            engine,
        };
        Ok(Self { inner: Shared::new(run_detached(py, || config.build())??) })
    }

    /// The classifier that re-scores triples: None, "default" (the shipped model) or "custom".
    #[getter]
    fn classifier(&self) -> Option<&'static str> {
        match self.inner.get().config().classifier.as_deref() {
            None => None,
            Some("default") => Some("default"),
            Some(_) => Some("custom"),
        }
    }

    /// The mechanism that finds triples: "combined" (default), "rules" or "syntax".
    #[getter]
    fn engine(&self) -> &'static str {
        self.inner.get().config().engine.as_str()
    }

    /// Target name → aliases, or None (every actor found is a target).
    #[getter]
    fn targets(&self) -> Option<BTreeMap<String, Vec<String>>> {
        self.inner.get().config().targets.clone()
    }

    /// Extra actors added to the built-in gazetteer.
    #[getter]
    fn actors(&self) -> BTreeMap<String, Vec<String>> {
        self.inner.get().config().actors.clone()
    }

    /// Triples scoring below this are dropped.
    #[getter]
    fn min_score(&self) -> f64 {
        self.inner.get().config().min_score
    }

    /// All stance triples in `text`, in text order.
    fn tag<'py>(&self, py: Python<'py>, text: &Bound<'py, PyAny>) -> Result<Bound<'py, PyList>> {
        let input = [extract_text(text, "text")?];
        Ok(tag_texts(py, self.inner.get(), &input, false)?.remove(0))
    }

    /// `tag` over many texts, without the GIL, on all cores.
    fn tag_batch<'py>(&self, py: Python<'py>, texts: &Bound<'py, PyAny>) -> Result<Bound<'py, PyList>> {
        let inputs = extract_texts(texts)?;
        Ok(PyList::new(py, tag_texts(py, self.inner.get(), &inputs, true)?)?)
    }

    /// Sentence-level stance toward the mention at `target_span` = (start, end) in code points:
    /// "FAVOR", "AGAINST" or "NONE" (whoever holds it).
    fn classify(
        &self,
        py: Python<'_>,
        text: &Bound<'_, PyAny>,
        target_span: &Bound<'_, PyAny>,
    ) -> Result<&'static str> {
        let input = extract_text(text, "text")?;
        let t = input.as_str();
        let chars = span_arg(target_span, "target_span", t.chars().count())?;
        let (start, end) = char_to_byte_offsets(t, chars);
        let tagger = self.inner.get();
        let label = run_sized(py, t.len(), || tagger.classify(t, Span::new(start, end)))?;
        Ok(label.as_str())
    }

    /// The `n` most-mentioned people in `texts` as a targets mapping {name: [aliases]}, ready
    /// to pass to StanceTagger: no name or alias any engine refuses, none shared.
    #[staticmethod]
    #[pyo3(signature = (texts, n = None), text_signature = "(texts, n=5)")]
    fn targets_from_texts<'py>(
        py: Python<'py>,
        texts: &Bound<'py, PyAny>,
        n: Option<&Bound<'py, PyAny>>,
    ) -> Result<Bound<'py, PyDict>> {
        let n = n.map(|n| index_arg(n, "n")).transpose()?.unwrap_or(5);
        let inputs = extract_texts(texts)?;
        let people = run_interruptible(py, move || most_mentioned_people(&as_strs(&inputs), n))?;
        let d = PyDict::new(py);
        for (name, aliases) in people {
            d.set_item(name, aliases)?;
        }
        Ok(d)
    }
} }
