"""NewsMTSC evaluation of :class:`stancekit.StanceClassifier` (macro-F1 over 3 classes).

NewsMTSC (Hamborg & Donnay, EACL 2021; MIT) labels how a news sentence portrays a target mention:
positive/neutral/negative, mapped here to FAVOR/NONE/AGAINST. The official metric is the macro-F1
over the three classes. The data is read from ``<data>/stance/newsmtsc/{split}.jsonl`` (the
project's ``../shared/data``); it is not shipped with the package.

    >>> from stancekit.eval.newsmtsc import train_and_evaluate   # doctest: +SKIP
    >>> train_and_evaluate("../shared/data")                     # doctest: +SKIP
    {'train_seconds': 6.0, 'dev_rw': {'macro_f1': 70.3, ...}, 'dev_mt': {...}}
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from stancekit.classifier import StanceClassifier

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


def macro_f1(gold: list[str], pred: list[str], labels: tuple[str, ...] = LABELS) -> dict[str, float]:
    """Macro-F1 (in %) over ``labels``, with per-label F1 and accuracy."""
    out: dict[str, float] = {}
    total = 0.0
    for label in labels:
        tp = sum(g == label and p == label for g, p in zip(gold, pred, strict=True))
        fp = sum(g != label and p == label for g, p in zip(gold, pred, strict=True))
        fn = sum(g == label and p != label for g, p in zip(gold, pred, strict=True))
        f1 = 200.0 * tp / (2 * tp + fp + fn) if tp else 0.0
        out[f"f1_{label}"] = round(f1, 2)
        total += f1
    out["macro_f1"] = round(total / len(labels), 2)
    out["accuracy"] = round(
        100.0 * sum(g == p for g, p in zip(gold, pred, strict=True)) / max(len(gold), 1), 2
    )
    out["n"] = len(gold)
    return out


def evaluate(clf: StanceClassifier, data: str | Path, split: str = "dev_rw") -> dict[str, float]:
    """Scores of a fitted classifier on a split."""
    rows = load_newsmtsc(data, split)
    pred = clf.predict([r.text for r in rows], [r.target for r in rows]).tolist()
    return macro_f1([r.stance for r in rows], [str(p) for p in pred])


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
        result[split] = evaluate(clf, data, split)
    return result
