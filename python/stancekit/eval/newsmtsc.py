"""NewsMTSC evaluation of :class:`stancekit.StanceClassifier` and ``StanceTagger.classify``.

NewsMTSC (Hamborg & Donnay, EACL 2021; MIT) labels how a news sentence portrays a target mention:
positive/neutral/negative, mapped here to FAVOR/NONE/AGAINST. The official metric is the macro-F1
over the three classes (:func:`stancekit.eval.score_labels`). The data is read from
``<data>/stance/newsmtsc/{split}.jsonl`` (the project's ``../shared/data``); it is not shipped
with the package.

    >>> from stancekit.eval.newsmtsc import train_and_evaluate   # doctest: +SKIP
    >>> train_and_evaluate("../shared/data")                     # doctest: +SKIP
    {'train_seconds': 6.0, 'dev_rw': {'macro_f1': 0.703, ...}, 'dev_mt': {...}}
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from stancekit import StanceTagger
from stancekit.classifier import StanceClassifier
from stancekit.eval.metrics import LabelScores, score_labels

LABELS = ("AGAINST", "FAVOR", "NONE")


@dataclass(frozen=True)
class Row:
    """One NewsMTSC example: sentence, target span in code points, stance label."""

    text: str
    target: tuple[int, int]
    stance: str


def load_newsmtsc(data: str | Path, split: str) -> list[Row]:
    """Rows of ``<data>/stance/newsmtsc/<split>.jsonl`` (``train``, ``dev_rw``, ``dev_mt``...)."""
    path = Path(data) / "stance" / "newsmtsc" / f"{split}.jsonl"
    rows = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            start, end = d["target_span"]
            rows.append(Row(d["text"], (int(start), int(end)), d["stance"]))
    return rows


def evaluate(clf: StanceClassifier, data: str | Path, split: str = "dev_rw") -> LabelScores:
    """Scores of a fitted classifier on a split (``.macro_f1``, ``.accuracy``, per label)."""
    rows = load_newsmtsc(data, split)
    pred = clf.predict([r.text for r in rows], [r.target for r in rows]).tolist()
    return score_labels([r.stance for r in rows], [str(p) for p in pred], LABELS)


def evaluate_classify(tagger: StanceTagger | None, data: str | Path, split: str = "dev_rw") -> LabelScores:
    """Scores of ``tagger.classify(text, target_span)`` (default tagger when None) on a split."""
    tagger = tagger if tagger is not None else StanceTagger()
    rows = load_newsmtsc(data, split)
    pred = [tagger.classify(r.text, r.target) for r in rows]
    return score_labels([r.stance for r in rows], pred, LABELS)


def train(data: str | Path, **params: Any) -> tuple[StanceClassifier, float]:
    """A classifier trained on the train split with ``params``, and the training seconds."""
    rows = load_newsmtsc(data, "train")
    clf = StanceClassifier(**params)
    t0 = time.perf_counter()
    clf.fit([r.text for r in rows], [r.target for r in rows], [r.stance for r in rows])
    return clf, time.perf_counter() - t0


def train_and_evaluate(
    data: str | Path, splits: tuple[str, ...] = ("dev_rw", "dev_mt"), **params: Any
) -> dict[str, Any]:
    """Train on NewsMTSC train with ``params`` and score every split in ``splits``."""
    clf, seconds = train(data, **params)
    result: dict[str, Any] = {"train_seconds": round(seconds, 2), "params": clf.get_params()}
    for split in splits:
        result[split] = evaluate(clf, data, split).as_dict()
    return result
