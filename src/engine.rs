//! The one implementation of what every engine class shares: `to_json`, `from_json`,
//! `__reduce__` (pickling as the JSON), `__eq__`, `__hash__` and `__repr__`.
//!
//! To expose a new core engine `X` as a Python class:
//! 1. implement [`JsonEngine`] for `X` (its JSON type name, `to_json`, `from_json`, `repr`),
//!    usually with `json_engine!(X, "X", |x| format!("X(...)"))` at the end of this file;
//! 2. declare `#[pyclass(frozen, ...)] pub struct PyX { inner: Shared<X> }` (the field must be
//!    called `inner`);
//! 3. write its own methods inside `engine_methods! { PyX { ... } }` instead of a
//!    `#[pymethods] impl PyX { ... }` block: the macro adds the shared methods to that block.
//!
//! Equality is equality of the JSON (every engine's JSON is canonical: fields in a fixed order,
//! maps sorted), and the hash is the hash of that same JSON, so `a == b` implies
//! `hash(a) == hash(b)`. The JSON is computed once per object.

use crate::detach::run_detached;
use crate::errors::Result;
use crate::input::utf8_arg;
use pyo3::prelude::*;
use stancekit_core::classify::Model;
use stancekit_core::stance::StanceTagger;
use stancekit_core::{Error, SentenceSplitter, Tokenizer};
use std::hash::{Hash, Hasher};
use std::sync::{Arc, OnceLock};

/// A core engine that reads and writes itself as versioned JSON.
pub trait JsonEngine: Send + Sync + Sized + 'static {
    /// The `"type"` of its JSON document (for error messages).
    const JSON_TYPE: &'static str;
    /// Writes the engine as JSON.
    fn to_json(&self) -> String;
    /// Reads an engine written by [`JsonEngine::to_json`].
    ///
    /// # Errors
    /// The core's error for malformed, foreign or newer JSON.
    fn from_json(json: &str) -> stancekit_core::Result<Self>;
    /// The Python `repr` of the engine.
    fn repr(&self) -> String;
}

/// An engine shared by a Python object and the threads working for it, with its JSON cached.
pub struct Shared<E> {
    engine: Arc<E>,
    json: OnceLock<String>,
}

impl<E: JsonEngine> Shared<E> {
    /// Wraps a built engine.
    pub fn new(engine: E) -> Self {
        Self::from_arc(Arc::new(engine))
    }

    /// Wraps an engine that is shared already (e.g. the default classifier).
    pub fn from_arc(engine: Arc<E>) -> Self {
        Self {
            engine,
            json: OnceLock::new(),
        }
    }

    /// The engine itself.
    pub fn get(&self) -> &E {
        &self.engine
    }

    /// The engine's JSON, computed on first use without the GIL (a model's is megabytes); not
    /// the document it was read from, which may be spaced or ordered differently: equality and
    /// hashing need the canonical form.
    pub fn json(&self, py: Python<'_>) -> Result<&str> {
        if let Some(json) = self.json.get() {
            return Ok(json);
        }
        let json = run_detached(py, || self.engine.to_json())?;
        Ok(self.json.get_or_init(|| json))
    }

    /// Reads the `json` argument of `from_json` (without the GIL: models are megabytes).
    pub fn load(py: Python<'_>, json: &Bound<'_, PyAny>) -> Result<Self> {
        let text = utf8_arg(json, "json", |message| Error::Serialization {
            what: E::JSON_TYPE.to_owned(),
            message,
        })?;
        Ok(Self::new(run_detached(py, || E::from_json(&text))??))
    }

    /// Whether both hold equal engines.
    pub fn same(&self, py: Python<'_>, other: &Self) -> Result<bool> {
        Ok(Arc::ptr_eq(&self.engine, &other.engine) || self.json(py)? == other.json(py)?)
    }

    /// A hash consistent with [`Shared::same`].
    pub fn hash(&self, py: Python<'_>) -> Result<u64> {
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        self.json(py)?.hash(&mut hasher);
        Ok(hasher.finish())
    }
}

/// `#[pymethods]` for an engine class (see the module documentation): the class's own
/// methods, given in the braces, plus the shared ones.
macro_rules! engine_methods {
    ($class:ident { $($methods:tt)* }) => {
        #[pyo3::pymethods]
        impl $class {
            $($methods)*

            /// The engine as versioned JSON (`{"type": ..., "version": N, "config": {...}}`).
            fn to_json(&self, py: pyo3::Python<'_>) -> crate::errors::Result<String> {
                Ok(self.inner.json(py)?.to_owned())
            }

            /// Rebuilds an engine from `to_json()` output.
            #[staticmethod]
            fn from_json(
                py: pyo3::Python<'_>,
                json: &pyo3::Bound<'_, pyo3::PyAny>,
            ) -> crate::errors::Result<Self> {
                Ok(Self { inner: crate::engine::Shared::load(py, json)? })
            }

            /// Pickles as `(type(self).from_json, (self.to_json(),))`.
            fn __reduce__<'py>(
                slf: &pyo3::Bound<'py, Self>,
            ) -> crate::errors::Result<(pyo3::Bound<'py, pyo3::PyAny>, (String,))> {
                let from_json = slf.get_type().getattr("from_json")?;
                Ok((from_json, (slf.get().inner.json(slf.py())?.to_owned(),)))
            }

            fn __eq__(&self, other: &pyo3::Bound<'_, pyo3::PyAny>) -> crate::errors::Result<bool> {
                match other.cast::<Self>() {
                    Ok(o) => o.get().inner.same(other.py(), &self.inner),
                    Err(_) => Ok(false),
                }
            }

            fn __hash__(&self, py: pyo3::Python<'_>) -> crate::errors::Result<u64> {
                self.inner.hash(py)
            }

            fn __repr__(&self) -> String {
                crate::engine::JsonEngine::repr(self.inner.get())
            }
        }
    };
}
pub(crate) use engine_methods;

/// Python's spelling of a bool.
fn py_bool(b: bool) -> &'static str {
    if b {
        "True"
    } else {
        "False"
    }
}

/// Implements [`JsonEngine`] for a core engine whose inherent `to_json`/`from_json` read and
/// write its versioned JSON: `json_engine!(Engine, "JsonType", |engine| repr_expression)`.
macro_rules! json_engine {
    ($engine:ty, $json_type:expr, |$this:ident| $repr:expr) => {
        impl JsonEngine for $engine {
            const JSON_TYPE: &'static str = $json_type;
            fn to_json(&self) -> String {
                <$engine>::to_json(self)
            }
            fn from_json(json: &str) -> stancekit_core::Result<Self> {
                <$engine>::from_json(json)
            }
            fn repr(&self) -> String {
                let $this = self;
                $repr
            }
        }
    };
}

json_engine!(Tokenizer, "Tokenizer", |tokenizer| format!(
    "Tokenizer(split_clitics={})",
    py_bool(tokenizer.config().split_clitics)
));

json_engine!(SentenceSplitter, "SentenceSplitter", |splitter| format!(
    "SentenceSplitter(extra_abbreviations={:?})",
    splitter.config().extra_abbreviations
));

json_engine!(StanceTagger, "StanceTagger", |tagger| {
    let c = tagger.config();
    match &c.targets {
        None => format!("StanceTagger(targets=None, min_score={})", c.min_score),
        Some(t) => format!(
            "StanceTagger(targets=[{}], min_score={})",
            t.keys().map(|k| format!("{k:?}")).collect::<Vec<_>>().join(", "),
            c.min_score
        ),
    }
});

json_engine!(Model, stancekit_core::classify::JSON_TYPE, |model| format!(
    "StanceClassifierCore(labels={:?}, n_features={})",
    model.labels(),
    model.info().n_features
));
