"""The counting behind every score of :mod:`stancekit.eval`: one implementation each.

* :class:`PRF`: true positives, predictions and gold items, with precision, recall and F1 as
  fractions in ``[0, 1]``. F1 is ``2·TP / (predicted + gold)``, which equals the harmonic mean
  of precision and recall, and is 0.0 when there is nothing at all. ``PRF`` values add up, so
  micro-averages are sums.
* :func:`score_spans`: exact-match P/R/F1 of predicted against gold items (spans, tuples),
  micro-averaged over documents: what sentence ends, tokens and words are scored with.
* :func:`score_labels`: one label per item (NewsMTSC, the probe set): accuracy, per-label P/R/F1
  and the macro-F1, the unweighted mean of the per-label F1.

>>> from stancekit.eval import PRF, score_labels, score_spans
>>> score_spans([{(0, 4), (5, 9)}], [{(0, 4), (5, 8)}])
PRF(tp=1, predicted=2, gold=2)
>>> scores = score_labels(["FAVOR", "NONE", "AGAINST"], ["FAVOR", "AGAINST", "AGAINST"])
>>> round(scores.macro_f1, 3), round(scores.accuracy, 3)
(0.556, 0.667)
"""

from __future__ import annotations

from collections.abc import Collection, Hashable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

__all__ = ["PRF", "LabelScores", "score_labels", "score_spans"]


@dataclass(frozen=True)
class PRF:
    """Counts of true positives, predictions and gold items, with derived scores (fractions)."""

    tp: int
    predicted: int
    gold: int

    @property
    def fp(self) -> int:
        """Predictions that match nothing in the gold."""
        return self.predicted - self.tp

    @property
    def fn(self) -> int:
        """Gold items that no prediction matches."""
        return self.gold - self.tp

    @property
    def precision(self) -> float:
        return self.tp / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.tp / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        total = self.predicted + self.gold
        return 2 * self.tp / total if total else 0.0

    def __add__(self, other: PRF) -> PRF:
        if not isinstance(other, PRF):
            return NotImplemented
        return PRF(self.tp + other.tp, self.predicted + other.predicted, self.gold + other.gold)

    def as_dict(self) -> dict[str, float]:
        """Scores and counts: ``precision``, ``recall``, ``f1``, ``tp``, ``predicted``, ``gold``."""
        return {
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
            "tp": self.tp,
            "predicted": self.predicted,
            "gold": self.gold,
        }


ZERO = PRF(0, 0, 0)


def score_spans(gold: Iterable[Collection[Hashable]], predicted: Iterable[Collection[Hashable]]) -> PRF:
    """Exact-match P/R/F1, micro-averaged: one collection of items per document, on both sides.

    Items are compared as sets within a document (a duplicate counts once). The two iterables
    must have the same length (``ValueError`` otherwise).
    """
    total = ZERO
    for gold_items, predicted_items in zip(gold, predicted, strict=True):
        gold_set, predicted_set = set(gold_items), set(predicted_items)
        total += PRF(len(gold_set & predicted_set), len(predicted_set), len(gold_set))
    return total


@dataclass(frozen=True)
class LabelScores:
    """Accuracy, per-label P/R/F1 and macro-F1 of one label per item."""

    n: int
    correct: int
    per_label: dict[str, PRF] = field(default_factory=dict)

    @property
    def accuracy(self) -> float:
        return self.correct / self.n if self.n else 0.0

    @property
    def macro_f1(self) -> float:
        """Unweighted mean of the per-label F1."""
        return sum(s.f1 for s in self.per_label.values()) / len(self.per_label) if self.per_label else 0.0

    def as_dict(self) -> dict[str, Any]:
        """``macro_f1``, ``accuracy``, ``n`` and ``f1_<label>`` for each label."""
        out: dict[str, Any] = {"macro_f1": self.macro_f1, "accuracy": self.accuracy, "n": self.n}
        out.update({f"f1_{label}": s.f1 for label, s in self.per_label.items()})
        return out


def score_labels(
    gold: Sequence[str], predicted: Sequence[str], labels: Iterable[str] | None = None
) -> LabelScores:
    """Scores of ``predicted`` against ``gold`` labels (same length) over ``labels``.

    ``labels`` defaults to every label seen on either side, sorted. A predicted label outside
    ``labels`` is simply wrong.
    """
    gold, predicted = list(gold), list(predicted)
    if len(gold) != len(predicted):
        raise ValueError(f"{len(gold)} gold labels but {len(predicted)} predicted labels")
    names = sorted(set(gold) | set(predicted)) if labels is None else list(labels)
    per_label = {}
    for label in names:
        tp = sum(g == label and p == label for g, p in zip(gold, predicted, strict=True))
        per_label[label] = PRF(tp, predicted.count(label), gold.count(label))
    correct = sum(g == p for g, p in zip(gold, predicted, strict=True))
    return LabelScores(len(gold), correct, per_label)
