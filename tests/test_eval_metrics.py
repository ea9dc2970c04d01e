"""The counting every score goes through: PRF, span P/R/F1 and label scores, with counts known by hand."""

from __future__ import annotations

import pytest

from stancekit.eval import PRF, score_labels, score_spans


def test_prf_scores_and_sums() -> None:
    prf = PRF(tp=3, predicted=4, gold=6)
    assert (prf.precision, prf.recall, prf.fp, prf.fn) == (0.75, 0.5, 1, 3)
    assert prf.f1 == pytest.approx(2 * 0.75 * 0.5 / 1.25)
    assert prf + PRF(1, 1, 2) == PRF(4, 5, 8)
    assert PRF(0, 0, 0).as_dict() == {
        "precision": 0.0,
        "recall": 0.0,
        "f1": 0.0,
        "tp": 0,
        "predicted": 0,
        "gold": 0,
    }


def test_span_scores_are_micro_averaged_over_documents() -> None:
    gold = [{(0, 4), (5, 9)}, {(0, 2)}]
    predicted = [[(0, 4), (5, 8), (5, 8)], [(0, 2), (3, 4)]]  # a repeated span counts once
    assert score_spans(gold, predicted) == PRF(tp=2, predicted=4, gold=3)
    with pytest.raises(ValueError, match="zip"):
        score_spans(gold, predicted[:1])


def test_label_scores() -> None:
    gold = ["FAVOR", "FAVOR", "AGAINST", "NONE", "NONE"]
    pred = ["FAVOR", "NONE", "AGAINST", "AGAINST", "NONE"]
    scores = score_labels(gold, pred, ("FAVOR", "AGAINST", "NONE"))
    assert scores.per_label == {"FAVOR": PRF(1, 1, 2), "AGAINST": PRF(1, 2, 1), "NONE": PRF(1, 2, 2)}
    assert scores.accuracy == 3 / 5
    assert scores.macro_f1 == pytest.approx((2 / 3 + 2 / 3 + 1 / 2) / 3)
    assert scores.as_dict()["f1_FAVOR"] == pytest.approx(2 / 3)
    # Without labels: every label seen, sorted; a label never predicted nor gold is not averaged.
    assert list(score_labels(gold, pred).per_label) == ["AGAINST", "FAVOR", "NONE"]
    with pytest.raises(ValueError, match="5 gold labels but 4 predicted"):
        score_labels(gold, pred[:4])
