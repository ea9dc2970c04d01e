//! Binding of the trainable stance classifier (`stancekit_core::classify`).
//!
//! `StanceClassifierCore` holds one trained, immutable model. The scikit-learn-style estimator
//! `stancekit.StanceClassifier` (pure Python) wraps it: hyperparameters, `classes_`, label
//! mapping and input shapes live there; all feature extraction, training and prediction here.

use crate::detach::{run_detached, run_grouped, run_interruptible, run_sized, FAST};
use crate::engine::{engine_methods, Shared};
use crate::errors::{argument, type_error, Result};
use crate::input::{char_to_byte_offsets, extract_text, index_arg, span_arg, type_name, utf8_arg, InputText};
use pyo3::prelude::*;
use pyo3::types::{PyByteArray, PyDict, PyList, PyString, PyTuple};
use stancekit_core::classify::{check_example, ClassifierConfig, Example, Model};
use stancekit_core::{Error, Span};
use std::sync::{Arc, OnceLock};

/// One (text, target) row with the target as byte offsets.
struct Row {
    text: InputText,
    target: Span,
}

/// Reads a target of `text`: `(start, end)` in code points, or a string looked up in the text.
/// `row` prefixes error messages (`"row 3: "`, or `""` for a single row).
fn extract_target(text: &str, obj: &Bound<'_, PyAny>, row: &str) -> Result<Span> {
    if obj.is_instance_of::<PyString>() {
        let needle = utf8_arg(obj, &format!("{row}target"), Error::Argument)?;
        if needle.trim().is_empty() {
            return Err(argument(format!("{row}the target string is empty")));
        }
        return match text.find(needle.as_str()) {
            Some(b) => Ok(Span::new(b, b + needle.len())),
            None => Err(argument(format!("{row}target {needle:?} not found in its text"))),
        };
    }
    let what = format!("{row}target span");
    let n_chars = text.chars().count();
    let (start, end) = if obj.hasattr("start")? && obj.hasattr("end")? {
        let pair = PyTuple::new(obj.py(), [obj.getattr("start")?, obj.getattr("end")?])?;
        span_arg(pair.as_any(), &what, n_chars)?
    } else if obj.is_instance_of::<PyTuple>() || obj.is_instance_of::<PyList>() || obj.hasattr("__len__")? {
        // Tuples, lists, NumPy rows and other sequences of two integers.
        span_arg(obj, &what, n_chars)?
    } else {
        return Err(type_error(format!(
            "{row}target must be a (start, end) pair of code-point offsets or a str, not {}",
            type_name(obj)
        )));
    };
    if start == end {
        return Err(argument(format!("{what} ({start}, {end}) is empty")));
    }
    let (start, end) = char_to_byte_offsets(text, (start, end));
    Ok(Span::new(start, end))
}

/// Reads rows from `texts` + `targets`, or from `texts` alone as an iterable of `(text, target)`.
fn extract_rows(texts: &Bound<'_, PyAny>, targets: Option<&Bound<'_, PyAny>>) -> Result<Vec<Row>> {
    let not_iterable = |what: &str, obj: &Bound<'_, PyAny>| {
        type_error(format!("{what} must be an iterable, not {}", type_name(obj)))
    };
    if texts.is_instance_of::<PyString>() {
        return Err(type_error(
            "texts must be an iterable of str, not a single str; wrap it in a list".to_owned(),
        ));
    }
    let mut rows = Vec::with_capacity(texts.len().unwrap_or(0));
    match targets {
        Some(targets) => {
            if let (Ok(a), Ok(b)) = (texts.len(), targets.len()) {
                if a != b {
                    return Err(argument(format!("got {a} texts but {b} targets")));
                }
            }
            let mut ti = targets.try_iter().map_err(|_| not_iterable("targets", targets))?;
            let texts = texts.try_iter().map_err(|_| not_iterable("texts", texts))?;
            for (i, t) in texts.enumerate() {
                let text = extract_text(&t?, &format!("texts[{i}]"))?;
                let Some(target) = ti.next() else {
                    return Err(argument(format!(
                        "targets ran out at row {i}: fewer targets than texts"
                    )));
                };
                let target = extract_target(text.as_str(), &target?, &format!("row {i}: "))?;
                rows.push(Row { text, target });
            }
            if ti.next().is_some() {
                return Err(argument(format!("got {} texts but more targets", rows.len())));
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
                    return Err(type_error(format!(
                        "row {i}: expected a (text, target) pair, not {}",
                        type_name(&item)
                    )));
                };
                let text = extract_text(&text, &format!("row {i}: text"))?;
                let target = extract_target(text.as_str(), &target, &format!("row {i}: "))?;
                rows.push(Row { text, target });
            }
        }
    }
    Ok(rows)
}

/// A NumPy array of `dtype` and `shape` over the native-endian bytes of `values`.
fn ndarray<'py, T: Copy, const N: usize>(
    py: Python<'py>,
    values: &[T],
    to_bytes: impl Fn(T) -> [u8; N],
    dtype: &str,
    shape: &[usize],
) -> Result<Bound<'py, PyAny>> {
    let raw: Vec<u8> = values.iter().flat_map(|&v| to_bytes(v)).collect();
    let np = py.import("numpy")?;
    let array = np.call_method1("frombuffer", (PyByteArray::new(py, &raw), np.getattr(dtype)?))?;
    Ok(array.call_method1("reshape", PyTuple::new(py, shape)?)?)
}

fn default_model() -> Result<Arc<Model>> {
    static MODEL: OnceLock<Arc<Model>> = OnceLock::new();
    if let Some(model) = MODEL.get() {
        return Ok(Arc::clone(model));
    }
    let model = Arc::new(Model::try_default_newsmtsc()?.clone());
    Ok(Arc::clone(MODEL.get_or_init(|| model)))
}

/// Probabilities of every row, `k` per row, computed in interruptible groups.
fn probabilities(py: Python<'_>, model: &Model, rows: &[Row]) -> Result<Vec<f32>> {
    let mut probs = Vec::with_capacity(rows.len() * model.labels().len());
    run_grouped(
        py,
        rows,
        |r| r.text.as_str().len(),
        true,
        FAST.piece_bytes,
        |r| model.predict(r.text.as_str(), r.target).1,
        |_, p| {
            probs.extend_from_slice(&p);
            Ok(())
        },
    )?;
    Ok(probs)
}

/// A trained stance classifier (the core of `stancekit.StanceClassifier`). Immutable; pickles
/// as its JSON.
#[pyclass(frozen, module = "stancekit._core", name = "StanceClassifierCore")]
pub struct PyStanceClassifier {
    inner: Shared<Model>,
}

engine_methods! { PyStanceClassifier {
    /// Trains a model. `labels` names the classes; `y[i]` is the class index of row `i`.
    /// Rows are `texts` + `targets`, or `texts` alone as `(text, target)` pairs. `config` is a
    /// JSON object of hyperparameters (see `default_config()`).
    #[staticmethod]
    #[pyo3(
        signature = (texts, targets, labels, y, *, config = None, sample_weight = None),
        text_signature = "(texts, targets, labels, y, *, config='{}', sample_weight=None)"
    )]
    fn fit(
        py: Python<'_>,
        texts: &Bound<'_, PyAny>,
        targets: Option<&Bound<'_, PyAny>>,
        labels: &Bound<'_, PyAny>,
        y: Vec<i64>,
        config: Option<&Bound<'_, PyAny>>,
        sample_weight: Option<Vec<f64>>,
    ) -> Result<Self> {
        let config = config.map(|c| utf8_arg(c, "config", Error::Config)).transpose()?;
        let config = config.as_deref().unwrap_or("{}");
        let cfg: ClassifierConfig = serde_json::from_str(config)
            .map_err(|e| Error::Config(format!("invalid classifier settings: {e}")))?;
        let labels = labels
            .try_iter()
            .map_err(|_| type_error(format!("labels must be a list of str, not {}", type_name(labels))))?
            .enumerate()
            .map(|(i, label)| utf8_arg(&label?, &format!("labels[{i}]"), Error::Argument))
            .collect::<Result<Vec<String>>>()?;
        let rows = extract_rows(texts, targets)?;
        for (i, r) in rows.iter().enumerate() {
            check_example(r.text.as_str(), r.target)
                .map_err(|e| Error::Argument(format!("row {i}: {e}")))?;
        }
        let y: Vec<usize> = y
            .iter()
            .enumerate()
            .map(|(i, &v)| {
                usize::try_from(v).map_err(|_| argument(format!("row {i}: label index {v} is negative")))
            })
            .collect::<Result<_>>()?;
        let model = run_interruptible(py, move || {
            let examples: Vec<Example<'_>> = rows
                .iter()
                .map(|r| Example { text: r.text.as_str(), target: r.target })
                .collect();
            cfg.fit(labels, &examples, &y, sample_weight.as_deref())
        })??;
        Ok(Self { inner: Shared::new(model) })
    }

    /// The shipped model trained on NewsMTSC (MIT; Hamborg & Donnay, EACL 2021), labels
    /// `AGAINST`, `FAVOR`, `NONE`.
    #[staticmethod]
    fn default(py: Python<'_>) -> Result<Self> {
        let model = run_detached(py, default_model)??;
        Ok(Self { inner: Shared::from_arc(model) })
    }

    /// The default hyperparameters as a JSON object.
    #[staticmethod]
    fn default_config() -> String {
        serde_json::to_string(&ClassifierConfig::default()).expect("config serializes")
    }

    /// Label names in index order.
    #[getter]
    fn labels(&self) -> Vec<String> {
        self.inner.get().labels().to_vec()
    }

    /// The hyperparameters the model was trained with, as a JSON object.
    #[getter]
    fn config(&self) -> String {
        serde_json::to_string(self.inner.get().config()).expect("config serializes")
    }

    /// Facts about training: `n_rows`, `n_features`, `iterations`, `loss`.
    #[getter]
    fn info<'py>(&self, py: Python<'py>) -> Result<Bound<'py, PyDict>> {
        let i = self.inner.get().info();
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
    ) -> Result<Bound<'py, PyAny>> {
        let rows = extract_rows(texts, targets)?;
        let k = self.inner.get().labels().len();
        let probs = probabilities(py, self.inner.get(), &rows)?;
        ndarray(py, &probs, f32::to_ne_bytes, "float32", &[rows.len(), k])
    }

    /// Predicted label indices as an int64 array `(n,)`.
    #[pyo3(signature = (texts, targets = None))]
    fn predict<'py>(
        &self,
        py: Python<'py>,
        texts: &Bound<'py, PyAny>,
        targets: Option<&Bound<'py, PyAny>>,
    ) -> Result<Bound<'py, PyAny>> {
        let rows = extract_rows(texts, targets)?;
        let k = self.inner.get().labels().len();
        let probs = probabilities(py, self.inner.get(), &rows)?;
        let best: Vec<i64> = probs
            .chunks_exact(k)
            .map(|p| (0..k).fold(0, |best, i| if p[i] > p[best] { i } else { best }) as i64)
            .collect();
        ndarray(py, &best, i64::to_ne_bytes, "int64", &[best.len()])
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
        top: Option<&Bound<'py, PyAny>>,
    ) -> Result<Bound<'py, PyDict>> {
        let top = top.map(|t| index_arg(t, "top")).transpose()?.unwrap_or(usize::MAX);
        let input = extract_text(text, "text")?;
        let span = extract_target(input.as_str(), target, "")?;
        check_example(input.as_str(), span)?;
        let model = self.inner.get();
        let ex = run_sized(py, input.as_str().len(), || model.explain(input.as_str(), span))?;
        let d = PyDict::new(py);
        d.set_item("label", ex.label)?;
        d.set_item("probabilities", ex.probabilities)?;
        let feats = PyList::empty(py);
        for c in ex.features.into_iter().take(top) {
            feats.append((c.name, c.value, c.scores))?;
        }
        d.set_item("features", feats)?;
        Ok(d)
    }

    /// The model as versioned JSON with its weights in `encoding`: `"f32"` (exact, what
    /// `to_json()` writes), `"q16"` or `"q8"` (smaller); `notice` (provenance, license, credits)
    /// is stored in the file when given.
    #[pyo3(signature = (encoding = None, notice = None), text_signature = "($self, encoding='f32', notice=None)")]
    fn encode(
        &self,
        py: Python<'_>,
        encoding: Option<&Bound<'_, PyAny>>,
        notice: Option<&Bound<'_, PyAny>>,
    ) -> Result<String> {
        let encoding = match encoding {
            Some(e) => utf8_arg(e, "encoding", Error::Argument)?,
            None => "f32".to_owned(),
        };
        if !matches!(encoding.as_str(), "f32" | "q16" | "q8") {
            return Err(argument(format!("encoding must be 'f32', 'q16' or 'q8', not {encoding:?}")));
        }
        let notice = notice.map(|n| utf8_arg(n, "notice", Error::Argument)).transpose()?;
        let model = self.inner.get();
        run_detached(py, || match notice {
            Some(notice) => {
                let mut model = model.clone();
                model.set_notice(notice);
                model.to_json_with(&encoding)
            }
            None => model.to_json_with(&encoding),
        })
    }

    /// Provenance/license text stored with the model ("" when none).
    #[getter]
    fn notice(&self) -> String {
        self.inner.get().notice().to_owned()
    }
} }
