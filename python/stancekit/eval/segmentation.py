"""Sentence and token evaluation on UD English (EWT, GUM), Golden Rules and the seed gold.

Definitions (the same as in ``ANCHORS.md``):

* sentence-end F1: per document, the set of gold sentence end offsets (after stripping trailing
  whitespace) against the predicted ones; precision, recall and F1 (fractions) are
  micro-averaged over all documents (:func:`stancekit.eval.score_spans`);
* Golden Rules: a case passes when the predicted sentence texts, stripped and without empty
  ones, equal the gold list;
* token F1: exact (start, end) span match against UD syntactic words (``did|n't``) or, with
  ``unit="tokens"``, UD surface tokens, micro-averaged.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

import stancekit
from stancekit.eval.gold import load_gold
from stancekit.eval.metrics import PRF, score_spans

Spans = Sequence[tuple[int, int]]


def load_ud(data_dir: str | Path, treebank: str, split: str = "dev") -> list[dict[str, Any]]:
    """Documents of ``segmentation/ud_{treebank}_{split}.jsonl.gz`` (``treebank``: ewt or gum)."""
    path = Path(data_dir) / "segmentation" / f"ud_{treebank}_{split}.jsonl.gz"
    with gzip.open(path, "rt", encoding="utf-8") as f:
        return [json.loads(line) for line in f]


def _ends(text: str, spans: Iterable[Sequence[int]]) -> set[int]:
    ends = set()
    for start, end in spans:
        stripped = len(text[start:end].rstrip())
        if stripped:
            ends.add(start + stripped)
    return ends


def _sentence_spans(splitter: stancekit.SentenceSplitter | None) -> Callable[[str], list[tuple[int, int]]]:
    split = (splitter or stancekit.SentenceSplitter()).split
    return lambda text: [(s.start, s.end) for s in split(text)]


def evaluate_sentences(
    docs: Iterable[dict[str, Any]],
    splitter: stancekit.SentenceSplitter | None = None,
    *,
    split: Callable[[str], Spans] | None = None,
) -> PRF:
    """Sentence-end P/R/F1 of ``splitter`` (or any ``split(text) -> spans``) over UD documents."""
    split_fn = split or _sentence_spans(splitter)
    docs = list(docs)
    return score_spans(
        (_ends(d["text"], d["sentences"]) for d in docs),
        (_ends(d["text"], split_fn(d["text"])) for d in docs),
    )


def evaluate_tokens(
    docs: Iterable[dict[str, Any]],
    tokenizer: stancekit.Tokenizer | None = None,
    *,
    unit: str = "words",
    tokenize: Callable[[str], Spans] | None = None,
) -> PRF:
    """Exact span P/R/F1 of token spans against UD ``words`` (default) or ``tokens``."""
    if unit not in ("words", "tokens"):
        raise ValueError(f"unit must be 'words' or 'tokens', not {unit!r}")
    if tokenize is None:
        tok = tokenizer or stancekit.Tokenizer(split_clitics=unit == "words")

        def tokenize(text: str) -> Spans:
            return [(int(s), int(e)) for s, e in tok.tokenize_offsets(text)]

    docs = list(docs)
    return score_spans(
        ({(s, e) for s, e in d[unit]} for d in docs), ({(s, e) for s, e in tokenize(d["text"])} for d in docs)
    )


def _golden_rules(data_dir: str | Path) -> Iterator[dict[str, Any]]:
    with open(Path(data_dir) / "segmentation" / "golden_rules_en.jsonl", encoding="utf-8") as f:
        for line in f:
            yield json.loads(line)


def evaluate_golden_rules(
    data_dir: str | Path,
    splitter: stancekit.SentenceSplitter | None = None,
    *,
    split: Callable[[str], Spans] | None = None,
) -> dict[str, Any]:
    """Golden Rules cases passed, with the ids of the failures."""
    split_fn = split or _sentence_spans(splitter)
    passed, failures = 0, []
    for case in _golden_rules(data_dir):
        text = case["text"]
        predicted = [text[s:e].strip() for s, e in split_fn(text)]
        gold = [g.strip() for g in case["sentences"] if g.strip()]
        if [p for p in predicted if p] == gold:
            passed += 1
        else:
            failures.append(case["id"])
    return {"passed": passed, "total": passed + len(failures), "failures": failures}


def evaluate_seed_sentences(
    data_dir: str | Path, splitter: stancekit.SentenceSplitter | None = None, *, subset: str = "seeds"
) -> dict[str, Any]:
    """How many gold sentences of ``subset`` (``seeds``, ``news/venezuela``, ``news/syria``) are
    found exactly (same start and end), with the misses."""
    split_fn = _sentence_spans(splitter)
    found, total, misses = 0, 0, []
    for doc in load_gold(Path(data_dir) / subset).documents.values():
        predicted = set(split_fn(doc.text))
        for sentence in doc.sentences:
            total += 1
            if (sentence.start, sentence.end) in predicted:
                found += 1
            else:
                misses.append((doc.name, sentence.start, sentence.end))
    return {"found": found, "total": total, "misses": misses}


def segmentation_report(data_dir: str | Path) -> dict[str, Any]:
    """Every segmentation number the README reports, for the default engines."""
    ewt, gum = load_ud(data_dir, "ewt"), load_ud(data_dir, "gum")
    news = [d for d in gum if d.get("genre") == "news"]
    return {
        "sentences_ud_dev": evaluate_sentences(ewt + gum).as_dict(),
        "sentences_gum_news_dev": evaluate_sentences(news).as_dict(),
        "golden_rules": evaluate_golden_rules(data_dir),
        "seed_sentences": evaluate_seed_sentences(data_dir),
        "news_venezuela_sentences": evaluate_seed_sentences(data_dir, subset="news/venezuela"),
        "news_syria_sentences": evaluate_seed_sentences(data_dir, subset="news/syria"),
        "words_ud_dev": evaluate_tokens(ewt + gum).as_dict(),
        "surface_tokens_ud_dev": evaluate_tokens(ewt + gum, unit="tokens").as_dict(),
    }
