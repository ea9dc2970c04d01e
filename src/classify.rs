//! Binding of the trainable stance classifier (`stancekit_core::classify`).
//!
//! `StanceClassifierCore` holds one trained, immutable model. The scikit-learn-style estimator
//! `stancekit.StanceClassifier` (pure Python) wraps it: hyperparameters, `classes_`, label
//! mapping and input shapes live there; all feature extraction, training and prediction here.

use crate::detach::run_detached;
use crate::errors::{to_py, ConfigError};
use crate::input::{extract_text, InputText};
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyByteArray, PyDict, PyList, PyString, PyTuple};
use stancekit_core::classify::{check_example, ClassifierConfig, Model};
use stancekit_core::Span;
use std::sync::{Arc, OnceLock};

/// One (text, target) row with the target as byte offsets.
struct Row {
    text: InputText,
    target: Span,
}

fn type_name(obj: &Bound<'_, PyAny>) -> String {
    obj.get_type()
        .name()
        .map_or_else(|_| "?".to_owned(), |n| n.to_string())
}

/// Byte offset of code point `c` in `text` (`None` past the end).
fn char_to_byte(text: &str, c: usize) -> Option<usize> {
    if text.is_ascii() {
        return (c <= text.len()).then_some(c);
    }
    if c == 0 {
        return Some(0);
    }
    let mut n = 0;
    for (b, _) in text.char_indices() {
        if n == c {
            return Some(b);
        }
        n += 1;
    }
    (n == c).then_some(text.len())
}

/// Reads a target: `(start, end)` in code points, or a string looked up in the text.
fn extract_target(text: &str, obj: &Bound<'_, PyAny>, row: usize) -> PyResult<Span> {
    if let Ok(s) = obj.cast::<PyString>() {
        let needle = s.to_cow()?;
        if needle.trim().is_empty() {
            return Err(ConfigError::new_err(format!(
                "row {row}: the target string is empty"
            )));
        }
        return match text.find(needle.as_ref()) {
            Some(b) => Ok(Span::new(b, b + needle.len())),
            None => Err(ConfigError::new_err(format!(
                "row {row}: target {needle:?} not found in its text"
            ))),
        };
    }
    let pair: Option<(i64, i64)> = if obj.is_instance_of::<PyTuple>() || obj.is_instance_of::<PyList>() {
        obj.extract().ok()
    } else if obj.hasattr("start").unwrap_or(false) && obj.hasattr("end").unwrap_or(false) {
        Some((obj.getattr("start")?.extract()?, obj.getattr("end")?.extract()?))
    } else if obj.hasattr("__len__").unwrap_or(false) && !obj.is_none() {
        // NumPy rows and other sequences of two integers.
        obj.extract::<Vec<i64>>()
            .ok()
            .filter(|v| v.len() == 2)
            .map(|v| (v[0], v[1]))
    } else {
        None
    };
    let Some((start, end)) = pair else {
        return Err(PyTypeError::new_err(format!(
            "row {row}: target must be a (start, end) pair of code-point offsets or a str, not {}",
            type_name(obj)
        )));
    };
    let n_chars = text.chars().count() as i64;
    if start < 0 || end > n_chars || start >= end {
        return Err(ConfigError::new_err(format!(
            "row {row}: target span ({start}, {end}) is empty or outside the text of {n_chars} characters"
        )));
    }
    let (Some(bs), Some(be)) = (
        char_to_byte(text, start as usize),
        char_to_byte(text, end as usize),
    ) else {
        unreachable!("offsets checked against the length")
    };
    Ok(Span::new(bs, be))
}

/// Reads rows from `texts` + `targets`, or from `texts` alone as an iterable of `(text, target)`.
fn extract_rows(texts: &Bound<'_, PyAny>, targets: Option<&Bound<'_, PyAny>>) -> PyResult<Vec<Row>> {
    let not_iterable = |what: &str, obj: &Bound<'_, PyAny>| {
        PyTypeError::new_err(format!("{what} must be an iterable, not {}", type_name(obj)))
    };
    if texts.is_instance_of::<PyString>() {
        return Err(PyTypeError::new_err(
            "texts must be an iterable of str, not a single str; wrap it in a list",
        ));
    }
    let mut rows = Vec::with_capacity(texts.len().unwrap_or(0));
    match targets {
        Some(targets) => {
            if let (Ok(a), Ok(b)) = (texts.len(), targets.len()) {
                if a != b {
                    return Err(ConfigError::new_err(format!("got {a} texts but {b} targets")));
                }
            }
            let mut ti = targets.try_iter().map_err(|_| not_iterable("targets", targets))?;
            for (i, t) in texts
                .try_iter()
                .map_err(|_| not_iterable("texts", texts))?
                .enumerate()
            {
                let text = extract_text(&t?, &format!("texts[{i}]"))?;
                let Some(target) = ti.next() else {
                    return Err(ConfigError::new_err(format!(
                        "targets ran out at row {i}: fewer targets than texts"
                    )));
                };
                let target = extract_target(text.as_str(), &target?, i)?;
                rows.push(Row { text, target });
            }
            if ti.next().is_some() {
                return Err(ConfigError::new_err(format!(
                    "got {} texts but more targets",
                    rows.len()
                )));
            }
        }
        None => {
            for (i, item) in texts
                .try_iter()
                .map_err(|_| not_iterable("X", texts))?
                .enumerate()
            {
                let item = item?;
                let pair: Option<(Bound<'_, PyAny>, Bound<'_, PyAny>)> = if item.is_instance_of::<PyString>()
                {
                    None
                } else {
                    item.extract().ok()
                };
                let Some((text, target)) = pair else {
                    return Err(PyTypeError::new_err(format!(
                        "row {i}: expected a (text, target) pair, not {}",
                        type_name(&item)
                    )));
                };
                let text = extract_text(&text, &format!("row {i}: text"))?;
                let target = extract_target(text.as_str(), &target, i)?;
                rows.push(Row { text, target });
            }
        }
    }
    Ok(rows)
}

/// NumPy array of `f32` `[n, k]` from a flat vector.
fn f32_array<'py>(py: Python<'py>, data: &[f32], cols: usize) -> PyResult<Bound<'py, PyAny>> {
    let mut raw = Vec::with_capacity(data.len() * 4);
    for v in data {
        raw.extend_from_slice(&v.to_ne_bytes());
    }
    let np = py.import("numpy")?;
    let arr = np.call_method1("frombuffer", (PyByteArray::new(py, &raw), np.getattr("float32")?))?;
    arr.call_method1("reshape", (-1i64, cols))
}

fn i64_array<'py>(py: Python<'py>, data: &[i64]) -> PyResult<Bound<'py, PyAny>> {
    let mut raw = Vec::with_capacity(data.len() * 8);
    for v in data {
        raw.extend_from_slice(&v.to_ne_bytes());
    }
    let np = py.import("numpy")?;
    np.call_method1("frombuffer", (PyByteArray::new(py, &raw), np.getattr("int64")?))
}

fn default_model() -> Arc<Model> {
    static MODEL: OnceLock<Arc<Model>> = OnceLock::new();
    Arc::clone(MODEL.get_or_init(|| Arc::new(Model::default_newsmtsc().clone())))
}

/// A trained stance classifier (the core of `stancekit.StanceClassifier`). Immutable; pickles
/// as its JSON.
#[pyclass(frozen, module = "stancekit._core", name = "StanceClassifierCore")]
pub struct PyStanceClassifier {
    inner: Arc<Model>,
}

#[pymethods]
impl PyStanceClassifier {
    /// Trains a model. `labels` names the classes; `y[i]` is the class index of row `i`.
    /// Rows are `texts` + `targets`, or `texts` alone as `(text, target)` pairs. `config` is a
    /// JSON object of hyperparameters (see `default_config()`).
    #[staticmethod]
    #[pyo3(signature = (texts, targets, labels, y, *, config = "{}", sample_weight = None))]
    fn fit(
        py: Python<'_>,
        texts: &Bound<'_, PyAny>,
        targets: Option<&Bound<'_, PyAny>>,
        labels: Vec<String>,
        y: Vec<i64>,
        config: &str,
        sample_weight: Option<Vec<f64>>,
    ) -> PyResult<Self> {
        let cfg: ClassifierConfig = serde_json::from_str(config)
            .map_err(|e| ConfigError::new_err(format!("invalid classifier settings: {e}")))?;
        let rows = extract_rows(texts, targets)?;
        for (i, r) in rows.iter().enumerate() {
            check_example(r.text.as_str(), r.target)
                .map_err(|m| ConfigError::new_err(format!("row {i}: {m}")))?;
        }
        let y: Vec<usize> = y
            .iter()
            .enumerate()
            .map(|(i, &v)| {
                usize::try_from(v)
                    .map_err(|_| ConfigError::new_err(format!("row {i}: label index {v} is negative")))
            })
            .collect::<PyResult<_>>()?;
        let model = run_detached(py, || {
            let examples: Vec<stancekit_core::classify::Example<'_>> = rows
                .iter()
                .map(|r| stancekit_core::classify::Example {
                    text: r.text.as_str(),
                    target: r.target,
                })
                .collect();
            cfg.fit(labels, &examples, &y, sample_weight.as_deref())
        })?
        .map_err(to_py)?;
        Ok(Self {
            inner: Arc::new(model),
        })
    }

    /// The shipped model trained on NewsMTSC (MIT; Hamborg & Donnay, EACL 2021), labels
    /// `AGAINST`, `FAVOR`, `NONE`.
    #[staticmethod]
    fn default() -> Self {
        Self {
            inner: default_model(),
        }
    }

    /// The default hyperparameters as a JSON object.
    #[staticmethod]
    fn default_config() -> String {
        serde_json::to_string(&ClassifierConfig::default()).expect("config serializes")
    }

    /// Label names in index order.
    #[getter]
    fn labels(&self) -> Vec<String> {
        self.inner.labels().to_vec()
    }

    /// The hyperparameters the model was trained with, as a JSON object.
    #[getter]
    fn config(&self) -> String {
        serde_json::to_string(self.inner.config()).expect("config serializes")
    }

    /// Facts about training: `n_rows`, `n_features`, `iterations`, `loss`.
    #[getter]
    fn info<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let i = self.inner.info();
        let d = PyDict::new(py);
        d.set_item("n_rows", i.n_rows)?;
        d.set_item("n_features", i.n_features)?;
        d.set_item("iterations", i.iterations)?;
        d.set_item("loss", i.loss)?;
        Ok(d)
    }

    /// Class probabilities as a float32 array `(n, n_labels)`.
    #[pyo3(signature = (texts, targets = None))]
    fn predict_proba<'py>(
        &self,
        py: Python<'py>,
        texts: &Bound<'py, PyAny>,
        targets: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let rows = extract_rows(texts, targets)?;
        let inner = Arc::clone(&self.inner);
        let probs = run_detached(py, || {
            inner.predict_proba_batch(&rows, |r| (r.text.as_str(), r.target))
        })?;
        f32_array(py, &probs, self.inner.labels().len())
    }

    /// Predicted label indices as an int64 array `(n,)`.
    #[pyo3(signature = (texts, targets = None))]
    fn predict<'py>(
        &self,
        py: Python<'py>,
        texts: &Bound<'py, PyAny>,
        targets: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let rows = extract_rows(texts, targets)?;
        let inner = Arc::clone(&self.inner);
        let k = self.inner.labels().len();
        let idx = run_detached(py, || {
            let probs = inner.predict_proba_batch(&rows, |r| (r.text.as_str(), r.target));
            probs
                .chunks_exact(k)
                .map(|p| {
                    let mut best = 0;
                    for (i, v) in p.iter().enumerate() {
                        if *v > p[best] {
                            best = i;
                        }
                    }
                    best as i64
                })
                .collect::<Vec<i64>>()
        })?;
        i64_array(py, &idx)
    }

    /// The decision for one `(text, target)`: a dict with `label` (index), `probabilities`
    /// and `features`: `(name, value, scores)` tuples, strongest influence on the decision first
    /// (`scores` has one `value * weight` per label).
    #[pyo3(signature = (text, target, *, top = None))]
    fn explain<'py>(
        &self,
        py: Python<'py>,
        text: &Bound<'py, PyAny>,
        target: &Bound<'py, PyAny>,
        top: Option<usize>,
    ) -> PyResult<Bound<'py, PyDict>> {
        let input = extract_text(text, "text")?;
        let span = extract_target(input.as_str(), target, 0)
            .map_err(|e| ConfigError::new_err(e.value(py).to_string().replacen("row 0: ", "", 1)))?;
        let inner = Arc::clone(&self.inner);
        let ex = run_detached(py, || inner.explain(input.as_str(), span))?;
        let d = PyDict::new(py);
        d.set_item("label", ex.label)?;
        d.set_item("probabilities", ex.probabilities)?;
        let feats = PyList::empty(py);
        for c in ex.features.into_iter().take(top.unwrap_or(usize::MAX)) {
            feats.append((c.name, c.value, c.scores))?;
        }
        d.set_item("features", feats)?;
        Ok(d)
    }

    /// The model as versioned JSON; `encoding` is `"f32"` (exact), `"q16"` or `"q8"` (smaller);
    /// `notice` (provenance, license, credits) is stored in the file when given.
    #[pyo3(signature = (encoding = "f32", notice = None))]
    fn to_json(&self, encoding: &str, notice: Option<String>) -> PyResult<String> {
        if !matches!(encoding, "f32" | "q16" | "q8") {
            return Err(ConfigError::new_err(format!(
                "encoding must be 'f32', 'q16' or 'q8', not {encoding:?}"
            )));
        }
        Ok(match notice {
            Some(n) => {
                let mut m = (*self.inner).clone();
                m.set_notice(n);
                m.to_json_with(encoding)
            }
            None => self.inner.to_json_with(encoding),
        })
    }

    /// Provenance/license text stored with the model ("" when none).
    #[getter]
    fn notice(&self) -> String {
        self.inner.notice().to_owned()
    }

    /// Reads a model written by `to_json`.
    #[staticmethod]
    fn from_json(py: Python<'_>, json: &str) -> PyResult<Self> {
        let json = json.to_owned();
        let model = run_detached(py, move || Model::from_json(&json))?.map_err(to_py)?;
        Ok(Self {
            inner: Arc::new(model),
        })
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<(Bound<'py, PyAny>, Bound<'py, PyTuple>)> {
        crate::pickling::reduce_via_json(slf.as_any(), slf.get().inner.to_json())
    }

    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other
            .cast::<Self>()
            .is_ok_and(|o| Arc::ptr_eq(&o.get().inner, &self.inner) || *o.get().inner == *self.inner)
    }

    fn __repr__(&self) -> String {
        format!(
            "StanceClassifierCore(labels={:?}, n_features={})",
            self.inner.labels(),
            self.inner.info().n_features
        )
    }
}
