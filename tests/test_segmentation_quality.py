"""Quality floors on the gold data (issues 2 and 11), as fractions. Never lower a floor to pass."""

from __future__ import annotations

from pathlib import Path

import pytest

from stancekit.eval import (
    evaluate_golden_rules,
    evaluate_seed_sentences,
    evaluate_sentences,
    evaluate_tokens,
    load_ud,
)


@pytest.fixture(scope="module")
def ud_dev(shared_data: Path) -> list[dict]:  # type: ignore[type-arg]
    return load_ud(shared_data, "ewt") + load_ud(shared_data, "gum")


def test_sentence_end_f1_on_ud_dev(ud_dev: list[dict]) -> None:  # type: ignore[type-arg]
    assert evaluate_sentences(ud_dev).f1 >= 0.970  # best peer (segtok): 0.945


def test_sentence_end_f1_on_gum_news(ud_dev: list[dict]) -> None:  # type: ignore[type-arg]
    news = [d for d in ud_dev if d["treebank"] == "gum" and d["genre"] == "news"]
    assert len(news) >= 2
    assert evaluate_sentences(news).f1 >= 0.985  # best peer (sentence-splitter): 0.979


def test_golden_rules(shared_data: Path) -> None:
    result = evaluate_golden_rules(shared_data)
    assert result["total"] == 48
    assert result["passed"] == 48, result["failures"]  # best peer (pySBD): 47


def test_every_seed_sentence_is_found_exactly(shared_data: Path) -> None:
    result = evaluate_seed_sentences(shared_data)
    assert result["total"] == 138
    assert result["misses"] == []


@pytest.mark.parametrize(("subset", "total"), [("news/venezuela", 165), ("news/syria", 139)])
def test_every_news_sentence_is_found_exactly(shared_data: Path, subset: str, total: int) -> None:
    result = evaluate_seed_sentences(shared_data, subset=subset)
    assert result["total"] == total
    assert result["misses"] == []


def test_word_span_f1_on_ud_dev(ud_dev: list[dict]) -> None:  # type: ignore[type-arg]
    assert evaluate_tokens(ud_dev).f1 >= 0.996  # best peer (spaCy): 0.988
