//! Binding of the stance tagger: `StanceTagger` (immutable, picklable by config) and `Stance`
//! (frozen result value).

use crate::detach::run_detached;
use crate::errors::to_py;
use crate::input::{extract_text, extract_texts, InputText};
use pyo3::basic::CompareOp;
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString, PyTuple, PyType};
use stancekit_core::span::byte_to_char_offsets;
use stancekit_core::stance::{most_mentioned_people, Label, Stance, StanceTagger, StanceTaggerConfig};
use stancekit_core::{parallel, Span};
use std::collections::BTreeMap;
use std::sync::Arc;

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
        holder: String,
        holder_span: Option<SpanPair>,
        target: String,
        target_span: Option<SpanPair>,
        stance: String,
        cue: Py<PyString>,
        cue_span: SpanPair,
        sentence: SpanPair,
        score: f64,
        rule: String,
    ) -> PyResult<Self> {
        if stance != "FAVOR" && stance != "AGAINST" {
            return Err(PyValueError::new_err(format!(
                "stance must be 'FAVOR' or 'AGAINST', not {stance:?}"
            )));
        }
        for (s, e) in [Some(cue_span), Some(sentence), holder_span, target_span]
            .into_iter()
            .flatten()
        {
            if s > e {
                return Err(PyValueError::new_err(format!(
                    "span start ({s}) must not exceed end ({e})"
                )));
            }
        }
        Ok(Self {
            holder,
            holder_span,
            target,
            target_span,
            stance,
            cue,
            cue_span,
            sentence,
            score,
            rule,
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

fn tag_doc(tagger: &StanceTagger, text: &str) -> DocStances {
    let stances = tagger.tag(text);
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
    byte_to_char_offsets(text, &mut converted);
    let chars = bytes
        .iter()
        .map(|b| converted[sorted.binary_search(b).unwrap_or(0)])
        .collect();
    DocStances { stances, chars }
}

fn stance_list<'py>(py: Python<'py>, input: &InputText, doc: &DocStances) -> PyResult<Bound<'py, PyList>> {
    let list = PyList::empty(py);
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
    Ok(list)
}

/// Reads `targets=`: None, or a mapping of canonical name → iterable of aliases.
/// Reads `classifier=`: None, "default", or a trained classifier (anything with `to_json()`,
/// such as `stancekit.StanceClassifier`), kept as its JSON so the tagger still pickles as config.
fn classifier_setting(classifier: Option<&Bound<'_, PyAny>>) -> PyResult<Option<String>> {
    let Some(obj) = classifier else { return Ok(None) };
    if obj.is_none() {
        return Ok(None);
    }
    if let Ok(name) = obj.extract::<String>() {
        if name == "default" {
            return Ok(Some(name));
        }
        return Err(PyValueError::new_err(format!(
            "classifier must be None, \"default\" or a trained StanceClassifier, not the string {name:?}"
        )));
    }
    if obj.hasattr("to_json")? {
        return Ok(Some(obj.call_method0("to_json")?.extract::<String>()?));
    }
    Err(pyo3::exceptions::PyTypeError::new_err(format!(
        "classifier must be None, \"default\" or a trained StanceClassifier, not {}",
        obj.get_type().name()?
    )))
}

fn extract_map(
    obj: Option<&Bound<'_, PyAny>>,
    what: &str,
) -> PyResult<Option<BTreeMap<String, Vec<String>>>> {
    let Some(obj) = obj.filter(|o| !o.is_none()) else {
        return Ok(None);
    };
    let dict = obj
        .cast::<PyDict>()
        .map_err(|_| PyTypeError::new_err(format!("{what} must be a dict of name -> list of aliases")))?;
    let mut out = BTreeMap::new();
    for (k, v) in dict.iter() {
        let name: String = k
            .extract()
            .map_err(|_| PyTypeError::new_err(format!("{what}: names must be str")))?;
        if v.is_instance_of::<PyString>() {
            return Err(PyTypeError::new_err(format!(
                "{what}[{name:?}] must be a list of aliases, not a single str"
            )));
        }
        let mut aliases = Vec::new();
        for a in v
            .try_iter()
            .map_err(|_| PyTypeError::new_err(format!("{what}[{name:?}] must be a list of str")))?
        {
            aliases.push(
                a?.extract::<String>()
                    .map_err(|_| PyTypeError::new_err(format!("{what}[{name:?}]: aliases must be str")))?,
            );
        }
        out.insert(name, aliases);
    }
    Ok(Some(out))
}

/// Stance tagger: finds who favours or opposes whom in English news. Immutable; pickles as its
/// JSON config.
#[pyclass(frozen, module = "stancekit", name = "StanceTagger")]
pub struct PyStanceTagger {
    inner: Arc<StanceTagger>,
}

#[pymethods]
impl PyStanceTagger {
    #[new]
    #[pyo3(signature = (targets = None, *, actors = None, min_score = 0.0, classifier = None))]
    fn new(
        targets: Option<&Bound<'_, PyAny>>,
        actors: Option<&Bound<'_, PyAny>>,
        min_score: f64,
        classifier: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Self> {
        let config = StanceTaggerConfig {
            targets: extract_map(targets, "targets")?,
            actors: extract_map(actors, "actors")?.unwrap_or_default(),
            min_score,
            classifier: classifier_setting(classifier)?,
        };
        Ok(Self {
            inner: Arc::new(config.build().map_err(to_py)?),
        })
    }

    /// The classifier that re-scores triples: None, "default" (the shipped model) or "custom".
    #[getter]
    fn classifier(&self) -> Option<&'static str> {
        match self.inner.config().classifier.as_deref() {
            None => None,
            Some("default") => Some("default"),
            Some(_) => Some("custom"),
        }
    }

    /// Target name → aliases, or None (every actor found is a target).
    #[getter]
    fn targets(&self) -> Option<BTreeMap<String, Vec<String>>> {
        self.inner.config().targets.clone()
    }

    /// Extra actors added to the built-in gazetteer.
    #[getter]
    fn actors(&self) -> BTreeMap<String, Vec<String>> {
        self.inner.config().actors.clone()
    }

    /// Triples scoring below this are dropped.
    #[getter]
    fn min_score(&self) -> f64 {
        self.inner.config().min_score
    }

    /// All stance triples in `text`, in text order.
    fn tag<'py>(&self, py: Python<'py>, text: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyList>> {
        let input = extract_text(text, "text")?;
        let inner = Arc::clone(&self.inner);
        let doc = run_detached(py, || tag_doc(&inner, input.as_str()))?;
        stance_list(py, &input, &doc)
    }

    /// `tag` over many texts, without the GIL, on all cores.
    fn tag_batch<'py>(&self, py: Python<'py>, texts: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyList>> {
        let inputs = extract_texts(texts)?;
        let inner = Arc::clone(&self.inner);
        let docs = run_detached(py, || parallel::map(&inputs, |t| tag_doc(&inner, t.as_str())))?;
        let out = PyList::empty(py);
        for (input, doc) in inputs.iter().zip(&docs) {
            out.append(stance_list(py, input, doc)?)?;
        }
        Ok(out)
    }

    /// Sentence-level stance toward the mention at `target_span` = (start, end) in code points:
    /// "FAVOR", "AGAINST" or "NONE" (whoever holds it). A span outside the text gives "NONE".
    fn classify(
        &self,
        py: Python<'_>,
        text: &Bound<'_, PyAny>,
        target_span: (usize, usize),
    ) -> PyResult<&'static str> {
        let input = extract_text(text, "text")?;
        let (s, e) = target_span;
        if s > e {
            return Err(PyValueError::new_err(format!(
                "target_span start ({s}) must not exceed end ({e})"
            )));
        }
        let inner = Arc::clone(&self.inner);
        let label = run_detached(py, || {
            let t = input.as_str();
            // Code points → bytes.
            let mut bytes = [t.len() + 1, t.len() + 1];
            let ends = t.char_indices().chain(std::iter::once((t.len(), ' ')));
            for (count, (b, _)) in ends.enumerate() {
                if count == s {
                    bytes[0] = b;
                }
                if count == e {
                    bytes[1] = b;
                    break;
                }
            }
            if bytes[0] > t.len() || bytes[1] > t.len() {
                return Label::None;
            }
            inner.classify(t, Span::new(bytes[0], bytes[1]))
        })?;
        Ok(label.as_str())
    }

    /// The `n` most-mentioned people in `texts` as a targets mapping {name: [aliases]}.
    #[staticmethod]
    #[pyo3(signature = (texts, n = 5))]
    fn targets_from_texts<'py>(
        py: Python<'py>,
        texts: &Bound<'py, PyAny>,
        n: usize,
    ) -> PyResult<Bound<'py, PyDict>> {
        let inputs = extract_texts(texts)?;
        let people = run_detached(py, || {
            let refs: Vec<&str> = inputs.iter().map(InputText::as_str).collect();
            most_mentioned_people(&refs, n)
        })?;
        let d = PyDict::new(py);
        for (name, aliases) in people {
            d.set_item(name, aliases)?;
        }
        Ok(d)
    }

    fn to_json(&self) -> String {
        self.inner.to_json()
    }

    #[staticmethod]
    fn from_json(json: &str) -> PyResult<Self> {
        Ok(Self {
            inner: Arc::new(StanceTagger::from_json(json).map_err(to_py)?),
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
        use std::hash::{Hash, Hasher};
        let mut h = std::collections::hash_map::DefaultHasher::new();
        self.inner.to_json().hash(&mut h);
        h.finish()
    }

    fn __repr__(&self) -> String {
        let c = self.inner.config();
        match &c.targets {
            None => format!("StanceTagger(targets=None, min_score={})", c.min_score),
            Some(t) => format!(
                "StanceTagger(targets=[{}], min_score={})",
                t.keys().map(|k| format!("{k:?}")).collect::<Vec<_>>().join(", "),
                c.min_score
            ),
        }
    }
}
