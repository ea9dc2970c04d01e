"""StanceClassifier: API, scikit-learn conventions, persistence, bad input, determinism."""

from __future__ import annotations

import json
import math
import pickle

import numpy as np
import pytest

import stancekit
from stancekit import ArgumentError, ConfigError, SerializationError, StanceClassifier, VersionError

NAMES = ["Smith", "Jones", "the mayor", "Ms. Lee", "Guaidó", "Maduro"]
TEMPLATES = [
    ("Critics slammed {} over the corruption scandal.", "AGAINST"),
    ("{} was accused of lying and fraud.", "AGAINST"),
    ("Protesters denounced {} as a dangerous liar.", "AGAINST"),
    ("Voters praised {} for the brave rescue.", "FAVOR"),
    ("{} won wide support and admiration.", "FAVOR"),
    ("Allies hailed {} as a great, honest leader.", "FAVOR"),
    ("{} arrived in Ohio on Monday.", "NONE"),
    ("The meeting with {} is set for noon.", "NONE"),
    ("{} will speak at the conference next week.", "NONE"),
]


def make_rows() -> tuple[list[str], list[tuple[int, int]], list[str]]:
    texts, targets, labels = [], [], []
    for name in NAMES:
        for template, label in TEMPLATES:
            text = template.format(name)
            start = text.index(name)
            texts.append(text)
            targets.append((start, start + len(name)))
            labels.append(label)
    return texts, targets, labels


TEXTS, TARGETS, LABELS = make_rows()
SMALL = {"n_features_log2": 14}


@pytest.fixture(scope="module")
def fitted() -> StanceClassifier:
    return StanceClassifier(**SMALL).fit(TEXTS, TARGETS, LABELS)


def test_fit_returns_self_and_sets_classes(fitted: StanceClassifier) -> None:
    clf = StanceClassifier(**SMALL)
    assert clf.fit(TEXTS, TARGETS, LABELS) is clf
    assert fitted.classes_.tolist() == ["AGAINST", "FAVOR", "NONE"]
    assert fitted.info_["n_rows"] == len(TEXTS)


def test_predict_and_proba(fitted: StanceClassifier) -> None:
    text = "Critics slammed Brown over the scandal."
    pred = fitted.predict([text], [(16, 21)])
    assert pred.tolist() == ["AGAINST"]
    proba = fitted.predict_proba([(text, (16, 21)), ("Brown arrived in Ohio on Monday.", "Brown")])
    assert proba.shape == (2, 3)
    assert proba.dtype == np.float32
    np.testing.assert_allclose(proba.sum(axis=1), 1.0, rtol=1e-5)
    assert fitted.classes_[proba[1].argmax()] == "NONE"


def test_three_input_shapes_agree(fitted: StanceClassifier) -> None:
    pairs = list(zip(TEXTS, TARGETS, strict=True))
    a = fitted.predict_proba(TEXTS, TARGETS)
    b = fitted.predict_proba(pairs)
    strings = [t[s:e] for t, (s, e) in zip(TEXTS, TARGETS, strict=True)]
    c = fitted.predict_proba(TEXTS, strings)
    np.testing.assert_array_equal(a, b)
    np.testing.assert_array_equal(a, c)


def test_sklearn_mode_fit_on_pairs() -> None:
    pairs = list(zip(TEXTS, TARGETS, strict=True))
    a = StanceClassifier(**SMALL).fit(pairs, LABELS)
    b = StanceClassifier(**SMALL).fit(TEXTS, TARGETS, LABELS)
    np.testing.assert_array_equal(a.predict_proba(pairs), b.predict_proba(pairs))
    assert a.score(pairs, LABELS) > 0.9


def test_integer_labels() -> None:
    ints = [{"AGAINST": -1, "NONE": 0, "FAVOR": 1}[x] for x in LABELS]
    clf = StanceClassifier(**SMALL).fit(TEXTS, TARGETS, ints)
    assert clf.classes_.tolist() == [-1, 0, 1]
    assert clf.predict(TEXTS[:1], TARGETS[:1]).tolist() == [-1]


def test_code_point_offsets_with_non_ascii(fitted: StanceClassifier) -> None:
    text = "Ärger: Critics slammed Guaidó 😀 over the scandal."
    start = text.index("Guaidó")
    by_span = fitted.predict_proba([text], [(start, start + 6)])
    by_name = fitted.predict_proba([text], ["Guaidó"])
    np.testing.assert_array_equal(by_span, by_name)


def test_explain(fitted: StanceClassifier) -> None:
    ex = fitted.explain("Critics slammed Brown over the scandal.", (16, 21), top=None)
    assert ex["label"] == "AGAINST"
    assert set(ex["probabilities"]) == {"AGAINST", "FAVOR", "NONE"}
    names = [f["feature"] for f in ex["features"]]
    assert "L1:slammed" in names
    top = ex["features"][0]
    assert set(top["weights"]) == {"AGAINST", "FAVOR", "NONE"}
    assert len(fitted.explain("Critics slammed Brown.", "Brown", top=3)["features"]) == 3


def test_determinism(fitted: StanceClassifier) -> None:
    again = StanceClassifier(**SMALL).fit(TEXTS, TARGETS, LABELS)
    assert again.to_json() == fitted.to_json()
    stancekit.set_parallelism(False)
    try:
        serial = StanceClassifier(**SMALL).fit(TEXTS, TARGETS, LABELS)
    finally:
        stancekit.set_parallelism(True)
    assert serial.to_json() == fitted.to_json()
    salted = StanceClassifier(**SMALL, random_state=3).fit(TEXTS, TARGETS, LABELS)
    assert salted.to_json() != fitted.to_json()


def test_get_set_params_and_repr() -> None:
    clf = StanceClassifier(C=2.0, class_weight="balanced")
    params = clf.get_params()
    assert params["C"] == 2.0
    assert params["class_weight"] == "balanced"
    assert clf.set_params(C=0.5) is clf
    assert clf.C == 0.5
    assert "C=0.5" in repr(clf)
    with pytest.raises(ValueError, match="invalid parameter"):
        clf.set_params(gamma=1)
    assert StanceClassifier(**clf.get_params()).get_params() == clf.get_params()


def test_save_load_roundtrip(fitted: StanceClassifier, tmp_path) -> None:
    path = tmp_path / "model.json"
    fitted.save(path, notice="trained on toy data")
    data = json.loads(path.read_text())
    assert data["type"] == "StanceClassifier"
    assert data["version"] == stancekit.FORMAT_VERSION
    back = StanceClassifier.load(path)
    assert back.notice_ == "trained on toy data"
    assert back.get_params() == fitted.get_params()
    assert back.classes_.tolist() == fitted.classes_.tolist()
    np.testing.assert_array_equal(back.predict_proba(TEXTS, TARGETS), fitted.predict_proba(TEXTS, TARGETS))
    small = tmp_path / "q8.json"
    fitted.save(small, encoding="q8")
    assert small.stat().st_size < path.stat().st_size
    q = StanceClassifier.load(small)
    assert (q.predict(TEXTS, TARGETS) == fitted.predict(TEXTS, TARGETS)).mean() > 0.95


def test_pickle(fitted: StanceClassifier) -> None:
    back = pickle.loads(pickle.dumps(fitted))
    np.testing.assert_array_equal(back.predict_proba(TEXTS, TARGETS), fitted.predict_proba(TEXTS, TARGETS))
    assert back.get_params() == fitted.get_params()
    unfitted = pickle.loads(pickle.dumps(StanceClassifier(C=3.0)))
    assert unfitted.C == 3.0


def test_default_model() -> None:
    clf = StanceClassifier.default()
    assert clf.classes_.tolist() == ["AGAINST", "FAVOR", "NONE"]
    assert "NewsMTSC" in clf.notice_
    assert "MIT" in clf.notice_
    pred = clf.predict(
        [
            ("Critics slammed Smith over the corruption scandal.", "Smith"),
            ("Smith was praised for her courage and honesty.", "Smith"),
        ]
    )
    assert pred.tolist() == ["AGAINST", "FAVOR"]


def test_fit_frame() -> None:
    pd = pytest.importorskip("pandas")
    df = pd.DataFrame({"sentence": TEXTS, "span": TARGETS, "stance": LABELS})
    df["s"] = [s for s, _ in TARGETS]
    df["e"] = [e for _, e in TARGETS]
    a = StanceClassifier(**SMALL).fit_frame(df, text="sentence", target="span", label="stance")
    b = StanceClassifier(**SMALL).fit_frame(df, text="sentence", target=("s", "e"), label="stance")
    np.testing.assert_array_equal(a.predict_proba(TEXTS, TARGETS), b.predict_proba(TEXTS, TARGETS))
    X = pd.DataFrame({"text": TEXTS, "target": TARGETS})
    np.testing.assert_array_equal(a.predict_proba(X), a.predict_proba(TEXTS, TARGETS))
    c = StanceClassifier(**SMALL).fit(X, pd.Series(LABELS))
    np.testing.assert_array_equal(c.predict_proba(X), a.predict_proba(X))


# ----------------------------------------------------------------------------------- bad input
def test_one_class_only() -> None:
    with pytest.raises(ArgumentError, match="at least 2 classes"):
        StanceClassifier().fit(TEXTS, TARGETS, ["FAVOR"] * len(TEXTS))


def test_mismatched_lengths() -> None:
    with pytest.raises(ArgumentError, match="texts but"):
        StanceClassifier().fit(TEXTS, TARGETS[:-1], LABELS)
    with pytest.raises(ArgumentError, match="labels"):
        StanceClassifier().fit(TEXTS, TARGETS, LABELS[:-1])


@pytest.mark.parametrize("missing", [None, float("nan"), np.nan])
def test_missing_label_names_the_row(missing: object) -> None:
    labels = list(LABELS)
    labels[7] = missing  # type: ignore[call-overload]
    with pytest.raises(ArgumentError, match="row 7: label is missing"):
        StanceClassifier().fit(TEXTS, TARGETS, labels)


def test_empty_text_names_the_row() -> None:
    texts = list(TEXTS)
    texts[4] = "   "
    targets = list(TARGETS)
    targets[4] = (0, 1)
    with pytest.raises(ArgumentError, match="row 4: text is empty"):
        StanceClassifier().fit(texts, targets, LABELS)


def test_target_not_found_names_the_row() -> None:
    targets: list[object] = list(TARGETS)
    targets[5] = "Napoleon"
    with pytest.raises(ArgumentError, match='row 5: target "Napoleon" not found'):
        StanceClassifier().fit(TEXTS, targets, LABELS)


@pytest.mark.parametrize("span", [(3, 3), (5, 2), (-1, 4), (0, 10_000)])
def test_bad_span_names_the_row(span: tuple[int, int]) -> None:
    targets = list(TARGETS)
    targets[2] = span
    with pytest.raises(ArgumentError, match="row 2: target span"):
        StanceClassifier().fit(TEXTS, targets, LABELS)


def test_wrong_types() -> None:
    texts: list[object] = list(TEXTS)
    texts[1] = b"bytes"
    with pytest.raises(TypeError, match=r"texts\[1\] must be str"):
        StanceClassifier().fit(texts, TARGETS, LABELS)
    targets: list[object] = list(TARGETS)
    targets[3] = 3.5
    with pytest.raises(TypeError, match="row 3: target must be"):
        StanceClassifier().fit(TEXTS, targets, LABELS)
    with pytest.raises(TypeError, match="row 0: expected a"):
        StanceClassifier(**SMALL).fit(["just text"] * 3, ["A", "B", "A"])
    with pytest.raises(TypeError, match="single str"):
        StanceClassifier.default().predict("Smith is bad.", ["Smith"])


def test_bad_hyperparameters() -> None:
    with pytest.raises(ConfigError, match="c must be"):
        StanceClassifier(C=0).fit(TEXTS, TARGETS, LABELS)
    with pytest.raises(ConfigError, match="class_weight"):
        StanceClassifier(class_weight="weird").fit(TEXTS, TARGETS, LABELS)
    with pytest.raises(ConfigError, match="n_features_log2"):
        StanceClassifier(n_features_log2=40).fit(TEXTS, TARGETS, LABELS)


def test_unfitted() -> None:
    with pytest.raises(ConfigError, match="not fitted"):
        StanceClassifier().predict(TEXTS, TARGETS)


def test_corrupted_and_future_files(fitted: StanceClassifier, tmp_path) -> None:
    data = json.loads(fitted.to_json())
    future = dict(data, version=stancekit.FORMAT_VERSION + 1)
    with pytest.raises(VersionError, match="version"):
        StanceClassifier.from_json(json.dumps(future))
    with pytest.raises(SerializationError):
        StanceClassifier.from_json(fitted.to_json()[:-40])
    broken = json.loads(fitted.to_json())
    broken["config"]["weights"]["values"] = "AAAA"
    with pytest.raises(SerializationError, match=r"weights\.values"):
        StanceClassifier.from_json(json.dumps(broken))
    other = dict(data, type="Tokenizer")
    with pytest.raises(SerializationError, match="type"):
        StanceClassifier.from_json(json.dumps(other))
    path = tmp_path / "garbage.json"
    path.write_text("not json at all")
    with pytest.raises(SerializationError):
        StanceClassifier.load(path)


def test_sample_weight() -> None:
    w = [1.0] * len(TEXTS)
    a = StanceClassifier(**SMALL).fit(TEXTS, TARGETS, LABELS, sample_weight=w)
    b = StanceClassifier(**SMALL).fit(TEXTS, TARGETS, LABELS)
    np.testing.assert_allclose(a.predict_proba(TEXTS, TARGETS), b.predict_proba(TEXTS, TARGETS), atol=1e-6)
    w[0] = math.inf
    with pytest.raises(ArgumentError, match="row 0: sample weight"):
        StanceClassifier(**SMALL).fit(TEXTS, TARGETS, LABELS, sample_weight=w)


# ------------------------------------------------------------------------------- scikit-learn
def test_sklearn_clone_cross_val_and_pipeline() -> None:
    sklearn = pytest.importorskip("sklearn")
    from sklearn.base import clone, is_classifier
    from sklearn.model_selection import GridSearchCV, cross_val_score
    from sklearn.pipeline import Pipeline
    from sklearn.preprocessing import FunctionTransformer

    assert sklearn.__version__
    pairs = list(zip(TEXTS, TARGETS, strict=True))
    clf = StanceClassifier(**SMALL, C=2.0)
    assert is_classifier(clf)
    cloned = clone(clf)
    assert cloned.get_params() == clf.get_params()
    assert not hasattr(cloned, "classes_")
    scores = cross_val_score(clf, pairs, LABELS, cv=3)
    assert scores.shape == (3,)
    assert scores.mean() > 0.6
    f1 = cross_val_score(clf, pairs, LABELS, cv=3, scoring="f1_macro")
    assert f1.mean() > 0.6
    pipe = Pipeline([("identity", FunctionTransformer(lambda x: x)), ("clf", clf)])
    pipe.fit(pairs, LABELS)
    assert pipe.predict(pairs[:2]).tolist() == LABELS[:2]
    grid = GridSearchCV(StanceClassifier(**SMALL), {"C": [0.5, 2.0]}, cv=3).fit(pairs, LABELS)
    assert grid.best_params_["C"] in (0.5, 2.0)


def test_empty_batch_and_parallel_equals_serial(fitted: StanceClassifier) -> None:
    assert fitted.predict([]).shape == (0,)
    assert fitted.predict_proba([], []).shape == (0, 3)
    many = list(zip(TEXTS, TARGETS, strict=True)) * 50
    parallel = fitted.predict_proba(many)
    stancekit.set_parallelism(False)
    try:
        serial = fitted.predict_proba(many)
    finally:
        stancekit.set_parallelism(True)
    np.testing.assert_array_equal(parallel, serial)


def test_numpy_targets(fitted: StanceClassifier) -> None:
    spans = np.asarray(TARGETS, dtype=np.int64)
    np.testing.assert_array_equal(
        fitted.predict_proba(TEXTS, list(spans)), fitted.predict_proba(TEXTS, TARGETS)
    )
