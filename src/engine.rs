//! The one implementation of what every engine class shares: `to_json`, `from_json`,
//! `__reduce__` (pickling as the JSON), `__eq__`, `__hash__` and `__repr__`.
//!
//! To expose a new core engine `X` as a Python class:
//! 1. implement [`JsonEngine`] for `X` (its JSON type name, `to_json`, `from_json`, `repr`);
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

    /// The engine's JSON, computed on first use (not the document it was read from, which may
    /// be spaced or ordered differently: equality and hashing need the canonical form).
    pub fn json(&self) -> &str {
        self.json.get_or_init(|| self.engine.to_json())
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
    pub fn same(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.engine, &other.engine) || self.json() == other.json()
    }

    /// A hash consistent with [`Shared::same`].
    pub fn hash(&self) -> u64 {
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        self.json().hash(&mut hasher);
        hasher.finish()
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
            fn to_json(&self) -> String {
                self.inner.json().to_owned()
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
                Ok((from_json, (slf.get().inner.json().to_owned(),)))
            }

            fn __eq__(&self, other: &pyo3::Bound<'_, pyo3::PyAny>) -> bool {
                other.cast::<Self>().is_ok_and(|o| o.get().inner.same(&self.inner))
            }

            fn __hash__(&self) -> u64 {
                self.inner.hash()
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

impl JsonEngine for Tokenizer {
    const JSON_TYPE: &'static str = "Tokenizer";
    fn to_json(&self) -> String {
        Tokenizer::to_json(self)
    }
    fn from_json(json: &str) -> stancekit_core::Result<Self> {
        Tokenizer::from_json(json)
    }
    fn repr(&self) -> String {
        format!(
            "Tokenizer(split_clitics={})",
            py_bool(self.config().split_clitics)
        )
    }
}

impl JsonEngine for SentenceSplitter {
    const JSON_TYPE: &'static str = "SentenceSplitter";
    fn to_json(&self) -> String {
        SentenceSplitter::to_json(self)
    }
    fn from_json(json: &str) -> stancekit_core::Result<Self> {
        SentenceSplitter::from_json(json)
    }
    fn repr(&self) -> String {
        format!(
            "SentenceSplitter(extra_abbreviations={:?})",
            self.config().extra_abbreviations
        )
    }
}

impl JsonEngine for StanceTagger {
    const JSON_TYPE: &'static str = "StanceTagger";
    fn to_json(&self) -> String {
        StanceTagger::to_json(self)
    }
    fn from_json(json: &str) -> stancekit_core::Result<Self> {
        StanceTagger::from_json(json)
    }
    fn repr(&self) -> String {
        let c = self.config();
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

impl JsonEngine for Model {
    const JSON_TYPE: &'static str = stancekit_core::classify::JSON_TYPE;
    fn to_json(&self) -> String {
        Model::to_json(self)
    }
    fn from_json(json: &str) -> stancekit_core::Result<Self> {
        Model::from_json(json)
    }
    fn repr(&self) -> String {
        format!(
            "StanceClassifierCore(labels={:?}, n_features={})",
            self.labels(),
            self.info().n_features
        )
    }
}
