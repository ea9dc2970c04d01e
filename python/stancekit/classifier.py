"""A stance classifier analysts train on their own labels, with a scikit-learn-style interface.

All the work (features, training, prediction) runs in the Rust core without the GIL; this module
only handles hyperparameters, labels and input shapes. scikit-learn is *not* needed, but the
estimator follows its conventions closely enough for ``clone``, ``cross_val_score``,
``GridSearchCV`` and ``Pipeline``.

Inputs. A row is a text and a **target** in it: a ``(start, end)`` pair of code-point offsets
(``text[start:end]`` is the mention) or the target string itself (its first occurrence is used).
Rows can be given three ways:

- ``clf.fit(texts, targets, labels)``: three parallel sequences;
- ``clf.fit(X, y)``: scikit-learn mode, ``X`` a sequence of ``(text, target)`` pairs, or a pandas
  DataFrame with columns ``text`` and ``target``;
- ``clf.fit_frame(df, text="text", target="target", label="label")``.

``predict``/``predict_proba`` take ``X`` the same way, or ``(texts, targets)``.

>>> from stancekit import StanceClassifier
>>> clf = StanceClassifier.default()   # trained on NewsMTSC (MIT)
>>> clf.predict([("Critics slammed Smith over the scandal.", "Smith")])
array(['AGAINST'], dtype='<U7')
"""

from __future__ import annotations

import json
import math
import os
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any, Literal

import numpy as np

from stancekit._core import StanceClassifierCore
from stancekit.exceptions import ArgumentError, ConfigError, SerializationError

if TYPE_CHECKING:
    import numpy.typing as npt

__all__ = ["StanceClassifier"]

Encoding = Literal["f32", "q16", "q8"]

# Python hyperparameter name -> core config key.
_PARAMS = {
    "C": "c",
    "class_weight": "class_weight",
    "n_features_log2": "n_features_log2",
    "word_ngrams": "word_ngrams",
    "char_ngrams": "char_ngrams",
    "window": "window",
    "negation_scope": "negation_scope",
    "lexicon": "lexicon",
    "min_df": "min_df",
    "max_iter": "max_iter",
    "tol": "tol",
    "random_state": "seed",
}


def _is_missing(value: object) -> bool:
    if value is None:
        return True
    try:
        return isinstance(value, float | np.floating) and math.isnan(value)
    except TypeError:  # pragma: no cover - exotic numeric types
        return False


def _is_frame(obj: object) -> bool:
    return type(obj).__name__ == "DataFrame" and hasattr(obj, "columns")


def _as_list(obj: Any, what: str) -> list[Any]:
    if isinstance(obj, str | bytes):
        raise TypeError(f"{what} must be a sequence, not a single {type(obj).__name__}")
    if hasattr(obj, "tolist") and not _is_frame(obj):
        return list(obj.tolist())
    try:
        return list(obj)
    except TypeError:
        raise TypeError(f"{what} must be a sequence, not {type(obj).__name__}") from None


def _column(df: Any, name: object, what: str) -> list[Any]:
    """``df[name]`` as a list; ``ArgumentError`` naming the columns when it is missing."""
    if name not in df.columns:
        columns = ", ".join(map(repr, df.columns))
        raise ArgumentError(f"{what}={name!r} is not a column of the DataFrame (columns: {columns})")
    return list(df[name].tolist())


def _frame_targets(df: Any, target: str | tuple[str, str]) -> list[Any]:
    if isinstance(target, tuple):
        start, end = target
        return list(zip(_column(df, start, "target"), _column(df, end, "target"), strict=True))
    return _column(df, target, "target")


class StanceClassifier:
    """Target-dependent stance classifier: a linear model over hashed features, trained in Rust.

    Features: sentence word n-grams and character n-grams with the target masked, the words
    around the target by side and distance, VADER lexicon polarity (MIT) by side and distance,
    negation scope, target words and position in the sentence. Model: multinomial logistic
    regression with L2 (``C`` as in scikit-learn), fitted by full-batch L-BFGS; training is
    deterministic (bit-identical on any number of threads for the same data and
    ``random_state``, which only salts the feature hashing).

    Parameters
    ----------
    C:
        Inverse L2 regularization strength (> 0).
    class_weight:
        ``None`` or ``"balanced"`` (weights inversely proportional to class frequencies).
    n_features_log2:
        Hash table size ``2**n_features_log2`` (10..24): memory is fixed, whatever the data.
    word_ngrams:
        Longest sentence word n-gram (1..3).
    char_ngrams:
        ``(min, max)`` character n-gram lengths within words, or ``(0, 0)`` for none.
    window:
        Words on each side of the target with positional features (0..10).
    negation_scope:
        Words after a negator that are marked negated (0..10).
    lexicon:
        Use VADER valence features.
    min_df:
        Drop features seen in fewer training rows.
    max_iter, tol:
        L-BFGS iterations at most and gradient tolerance.
    random_state:
        Integer salt of the feature hashing (0 = none).
    """

    _estimator_type = "classifier"

    def __init__(
        self,
        *,
        C: float = 1.0,
        class_weight: str | None = None,
        n_features_log2: int = 20,
        word_ngrams: int = 2,
        char_ngrams: tuple[int, int] = (3, 5),
        window: int = 5,
        negation_scope: int = 3,
        lexicon: bool = True,
        min_df: int = 2,
        max_iter: int = 80,
        tol: float = 1e-5,
        random_state: int | None = 0,
    ) -> None:
        self.C = C
        self.class_weight = class_weight
        self.n_features_log2 = n_features_log2
        self.word_ngrams = word_ngrams
        self.char_ngrams = char_ngrams
        self.window = window
        self.negation_scope = negation_scope
        self.lexicon = lexicon
        self.min_df = min_df
        self.max_iter = max_iter
        self.tol = tol
        self.random_state = random_state

    # ----------------------------------------------------------------- scikit-learn conventions
    def get_params(self, deep: bool = True) -> dict[str, Any]:
        """Hyperparameters as a dict (scikit-learn convention)."""
        return {name: getattr(self, name) for name in _PARAMS}

    def set_params(self, **params: Any) -> StanceClassifier:
        """Set hyperparameters (scikit-learn convention); returns ``self``."""
        for name, value in params.items():
            if name not in _PARAMS:
                raise ArgumentError(
                    f"invalid parameter {name!r} for StanceClassifier; valid ones: {sorted(_PARAMS)}"
                )
            setattr(self, name, value)
        return self

    def __sklearn_tags__(self) -> Any:
        from sklearn.utils import (  # type: ignore[import-untyped, import-not-found, unused-ignore]
            ClassifierTags,
            InputTags,
            Tags,
            TargetTags,
        )

        return Tags(
            estimator_type="classifier",
            target_tags=TargetTags(required=True),
            classifier_tags=ClassifierTags(),
            input_tags=InputTags(two_d_array=False, string=True),
        )

    def __repr__(self) -> str:
        defaults = StanceClassifier().get_params()
        changed = ", ".join(f"{k}={v!r}" for k, v in self.get_params().items() if v != defaults[k])
        return f"StanceClassifier({changed})"

    def _config_json(self) -> str:
        cw = self.class_weight
        if cw not in (None, "balanced", "none"):
            raise ConfigError(f"class_weight must be None or 'balanced', not {cw!r}")
        config: dict[str, Any] = {}
        for name, key in _PARAMS.items():
            value = getattr(self, name)
            if name == "class_weight":
                value = "balanced" if value == "balanced" else "none"
            elif name == "random_state":
                value = 0 if value is None else value
                if not isinstance(value, int | np.integer) or value < 0:
                    raise ConfigError(f"random_state must be None or an integer >= 0, not {value!r}")
                value = int(value)
            elif name == "char_ngrams":
                value = list(value)
            config[key] = value
        return json.dumps(config)

    # ------------------------------------------------------------------------------ training
    def fit(
        self,
        X: Any,
        y: Any = None,
        labels: Any = None,
        *,
        sample_weight: Any = None,
    ) -> StanceClassifier:
        """Train on labelled rows; returns ``self``.

        ``fit(texts, targets, labels)`` or ``fit(X, y)`` with ``X`` a sequence of
        ``(text, target)`` pairs or a DataFrame with ``text`` and ``target`` columns. Labels can
        be any hashable, sortable values (strings such as FAVOR/AGAINST/NONE, or integers); at
        least two classes are needed. Missing labels (None/NaN) raise ``ArgumentError`` naming
        the row.
        """
        if labels is not None:
            texts, targets, y = X, y, labels
            if targets is None:
                raise TypeError("fit(texts, targets, labels) needs targets")
        elif y is None:
            raise TypeError("fit needs labels: fit(X, y) or fit(texts, targets, labels)")
        else:
            texts, targets = self._split_x(X)
        y_list = _as_list(y, "labels")
        for i, value in enumerate(y_list):
            if _is_missing(value):
                raise ArgumentError(f"row {i}: label is missing ({value!r})")
        try:
            classes = np.unique(np.asarray(y_list, dtype=object if _mixed(y_list) else None))
        except TypeError as exc:
            raise TypeError(f"labels must be mutually comparable (e.g. all str): {exc}") from None
        index = {c: i for i, c in enumerate(classes.tolist())}
        y_idx = [index[v] for v in (np.asarray(y_list).tolist())]
        if len(classes) < 2:
            raise ArgumentError(
                f"labels must contain at least 2 classes; got only {classes.tolist()!r} in {len(y_idx)} rows"
            )
        weights = (
            None if sample_weight is None else [float(w) for w in _as_list(sample_weight, "sample_weight")]
        )
        self._core = StanceClassifierCore.fit(
            texts,
            targets,
            [str(c) for c in classes.tolist()],
            y_idx,
            config=self._config_json(),
            sample_weight=weights,
        )
        self.classes_ = classes
        return self

    def fit_frame(
        self,
        df: Any,
        *,
        text: str = "text",
        target: str | tuple[str, str] = "target",
        label: str = "label",
        sample_weight: str | None = None,
    ) -> StanceClassifier:
        """Train on a pandas DataFrame: ``target`` names a column of ``(start, end)`` pairs or
        target strings, or is a ``(start_column, end_column)`` tuple."""
        if not _is_frame(df):
            raise TypeError(f"fit_frame needs a pandas DataFrame, not {type(df).__name__}")
        weights = None if sample_weight is None else _column(df, sample_weight, "sample_weight")
        return self.fit(
            _column(df, text, "text"),
            _frame_targets(df, target),
            _column(df, label, "label"),
            sample_weight=weights,
        )

    @staticmethod
    def _split_x(X: Any, targets: Any = None) -> tuple[Any, Any]:
        if targets is not None:
            return X, targets
        if _is_frame(X):
            if "text" not in X.columns or "target" not in X.columns:
                raise ArgumentError(
                    "a DataFrame X needs columns 'text' and 'target' (or use fit_frame to name them)"
                )
            return X["text"].tolist(), X["target"].tolist()
        if isinstance(X, np.ndarray) and X.ndim == 2 and X.shape[1] == 2:
            return X[:, 0].tolist(), X[:, 1].tolist()
        return X, None

    # ---------------------------------------------------------------------------- prediction
    def _check_fitted(self) -> StanceClassifierCore:
        core: StanceClassifierCore | None = getattr(self, "_core", None)
        if core is None:
            raise ConfigError(
                "this StanceClassifier is not fitted yet: call fit() or use StanceClassifier.default()"
            )
        return core

    def predict_proba(self, X: Any, targets: Any = None) -> npt.NDArray[np.float32]:
        """Class probabilities, an ``(n, len(classes_))`` float32 array (columns in ``classes_`` order)."""
        core = self._check_fitted()
        texts, tg = self._split_x(X, targets)
        return core.predict_proba(texts, tg)

    def predict(self, X: Any, targets: Any = None) -> npt.NDArray[Any]:
        """Predicted labels, an array of values from ``classes_``."""
        core = self._check_fitted()
        texts, tg = self._split_x(X, targets)
        return self.classes_[core.predict(texts, tg)]

    def score(self, X: Any, y: Any, sample_weight: Any = None) -> float:
        """Accuracy (scikit-learn's default classifier score)."""
        pred = self.predict(X)
        gold = np.asarray(_as_list(y, "y"))
        if len(gold) != len(pred):
            raise ArgumentError(f"got {len(pred)} rows but {len(gold)} labels")
        hits = (pred == gold).astype(float)
        if sample_weight is None:
            return float(hits.mean())
        w = np.asarray(_as_list(sample_weight, "sample_weight"), dtype=float)
        return float((hits * w).sum() / w.sum())

    def explain(self, text: str, target: Any, *, top: int | None = 20) -> dict[str, Any]:
        """Why the model decides as it does for one row.

        Returns a dict: ``label`` (the predicted label), ``probabilities`` (label -> probability)
        and ``features``: a list of dicts ``{"feature", "value", "weights"}``, strongest influence
        on the decision first (``weights`` maps each label to value x weight; ``top`` limits the
        list, ``None`` keeps every feature).
        """
        core = self._check_fitted()
        raw = core.explain(text, target, top=top)
        classes = self.classes_.tolist()
        return {
            "label": classes[raw["label"]],
            "probabilities": dict(zip(classes, raw["probabilities"], strict=True)),
            "features": [
                {"feature": name, "value": value, "weights": dict(zip(classes, scores, strict=True))}
                for name, value, scores in raw["features"]
            ],
        }

    # ------------------------------------------------------------------------- persistence
    def to_json(self, *, encoding: Encoding = "f32", notice: str | None = None) -> str:
        """The fitted model as versioned JSON (``{"type": "StanceClassifier", "version": N, ...}``).

        ``encoding``: ``"f32"`` (exact), ``"q16"`` or ``"q8"`` (quantized, smaller);
        ``notice``: provenance/license text stored in the file.
        """
        return self._check_fitted().encode(encoding, notice)

    def save(
        self, path: str | os.PathLike[str], *, encoding: Encoding = "f32", notice: str | None = None
    ) -> None:
        """Write the fitted model to a JSON file (see :meth:`to_json` for the options)."""
        with open(path, "w", encoding="utf-8") as f:
            f.write(self.to_json(encoding=encoding, notice=notice))

    @property
    def notice_(self) -> str:
        """Provenance/license text stored with the model (``""`` when none)."""
        return self._check_fitted().notice

    @classmethod
    def from_json(cls, data: str) -> StanceClassifier:
        """Rebuild a fitted classifier from :meth:`to_json` output. Labels come back as ``str``."""
        return cls._from_core(StanceClassifierCore.from_json(data))

    @classmethod
    def load(cls, path: str | os.PathLike[str]) -> StanceClassifier:
        """Read a model written by :meth:`save`.

        A file that is not a saved model (compressed, binary, not UTF-8, not the JSON of a
        classifier) raises :class:`~stancekit.SerializationError`; a missing file ``OSError``.
        """
        with open(path, "rb") as f:
            data = f.read()
        if data[:2] == b"\x1f\x8b":
            raise SerializationError(f"{path}: gzip-compressed; decompress it first (gunzip)")
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise SerializationError(
                f"{path}: not a saved model (not UTF-8 text at byte {exc.start})"
            ) from None
        return cls.from_json(text)

    @classmethod
    def default(cls) -> StanceClassifier:
        """The shipped model, trained on the NewsMTSC train split (MIT; Hamborg & Donnay,
        EACL 2021), labels ``AGAINST``/``FAVOR``/``NONE`` (negative/positive/neutral portrayal
        of the target)."""
        return cls._from_core(StanceClassifierCore.default())

    @classmethod
    def _from_core(cls, core: StanceClassifierCore) -> StanceClassifier:
        config = json.loads(core.config)
        params: dict[str, Any] = {}
        for name, key in _PARAMS.items():
            value = config[key]
            if name == "class_weight":
                value = None if value == "none" else value
            elif name == "char_ngrams":
                value = tuple(value)
            params[name] = value
        clf = cls(**params)
        clf._core = core
        clf.classes_ = np.asarray(core.labels)
        return clf

    def __eq__(self, other: object) -> bool:
        """Equal hyperparameters and, when fitted, an equal model and classes (a pickle round
        trip compares equal)."""
        if type(other) is not type(self):
            return NotImplemented
        assert isinstance(other, StanceClassifier)
        if self.get_params() != other.get_params():
            return False
        mine, theirs = getattr(self, "_core", None), getattr(other, "_core", None)
        if mine is None or theirs is None:
            return mine is theirs
        return bool(mine == theirs and self.classes_.tolist() == other.classes_.tolist())

    # Mutable (set_params, fit), so unhashable, like other objects with value equality.
    __hash__ = None  # type: ignore[assignment]

    @property
    def info_(self) -> dict[str, Any]:
        """Facts about training: rows, distinct features, L-BFGS iterations, final loss."""
        return dict(self._check_fitted().info)


def _mixed(values: Sequence[Any] | Iterable[Any]) -> bool:
    return len({type(v) for v in values}) > 1
