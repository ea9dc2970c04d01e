"""Parser evaluation on UD (CoNLL 2018 shared task conventions): UPOS, XPOS, lemma, UAS, LAS.

Scores are F1 over syntactic words aligned by exact character span: precision divides the
correct words by the predicted words, recall by the gold words. A word counts for

* ``words``: it is aligned (its span is a gold word's span);
* ``upos``, ``xpos``: aligned with the same tag; ``lemma``: the same lemma (any lemma is right
  where the gold lemma is ``_``);
* ``uas``: aligned, and its head is right: both are roots, or its predicted head word is aligned
  to its gold head word; ``las``: also the same relation without subtype (``nmod:poss`` is
  ``nmod``); ``las_full``: the same relation with its subtype (not a CoNLL 2018 metric, but the
  one that matters to readers of ``nsubj:pass``, ``obl:agent`` or ``nmod:poss``, such as the
  stance engine).

A parser is any callable ``parse(text) -> list of words``, each with ``.start``, ``.end``
(code points into ``text``), ``.text``, ``.upos``, ``.xpos``, ``.lemma``, ``.head`` (index of the
head word in the same list, ``None`` for a root) and ``.deprel``, as ``stancekit.parse`` returns.
On gold tokenization the parser gets the words instead of the text:
``parse_words(sentences) -> list of words`` where ``sentences`` is a document's sentences, each a
list of word strings, and the result has one word per given word, in order, heads indexing the
result (its spans are ignored: each word takes its gold word's span).

The gold is UD English EWT (``<data>/syntax/en_ewt-ud-{split}.conllu.gz``) joined with the texts
and word spans of ``<data>/segmentation/ud_ewt_{split}.jsonl.gz``: the same documents in the
same order.
"""

from __future__ import annotations

import gzip
import json
import operator
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from stancekit.eval.metrics import PRF, ZERO
from stancekit.exceptions import ConfigError

__all__ = [
    "PARSE_METRICS",
    "ParseScores",
    "ParsedDocument",
    "Word",
    "documents_from_conllu",
    "evaluate_conllu_gold_tokens",
    "evaluate_parser",
    "load_ud_parses",
    "read_conllu",
    "score_parses",
]

PARSE_METRICS = ("words", "upos", "xpos", "lemma", "uas", "las", "las_full")


@dataclass(frozen=True)
class Word:
    """A syntactic word: span in its document, tags, lemma, head (index in the document) and relation."""

    start: int
    end: int
    text: str
    upos: str
    xpos: str
    lemma: str
    head: int | None
    deprel: str
    sentence: int


@dataclass(frozen=True)
class ParsedDocument:
    """A gold document: its name, text and words (heads index ``words``)."""

    name: str
    text: str
    words: tuple[Word, ...]

    @property
    def sentences(self) -> list[list[str]]:
        """The word strings of each sentence: what ``parse_words`` receives."""
        out: list[list[str]] = []
        for w in self.words:
            if w.sentence == len(out):
                out.append([])
            out[w.sentence].append(w.text)
        return out


@dataclass(frozen=True)
class ParseScores:
    """One :class:`~stancekit.eval.PRF` per metric of :data:`PARSE_METRICS`."""

    words: PRF = ZERO
    upos: PRF = ZERO
    xpos: PRF = ZERO
    lemma: PRF = ZERO
    uas: PRF = ZERO
    las: PRF = ZERO
    las_full: PRF = ZERO
    documents: int = field(default=0)

    def __add__(self, other: ParseScores) -> ParseScores:
        if not isinstance(other, ParseScores):
            return NotImplemented
        sums = {m: getattr(self, m) + getattr(other, m) for m in PARSE_METRICS}
        return ParseScores(**sums, documents=self.documents + other.documents)

    def as_dict(self) -> dict[str, float]:
        """The F1 of each metric, with the word counts (``gold_words``, ``predicted_words``)."""
        out: dict[str, float] = {m: getattr(self, m).f1 for m in PARSE_METRICS}
        out["gold_words"] = self.words.gold
        out["predicted_words"] = self.words.predicted
        return out


def read_conllu(lines: Iterable[str]) -> Iterator[tuple[str | None, list[list[str]]]]:
    """``(newdoc id or None, rows)`` per sentence; rows are the 10 columns of each syntactic word.

    Multiword token lines (``3-4``) and empty nodes (``8.1``) are skipped.
    """
    doc_id: str | None = None
    rows: list[list[str]] = []
    for number, line in enumerate(lines, 1):
        line = line.rstrip("\n")
        if not line.strip():
            if rows:
                yield doc_id, rows
                doc_id, rows = None, []
            continue
        if line.startswith("#"):
            if line.startswith("# newdoc id ="):
                doc_id = line.split("=", 1)[1].strip()
            continue
        columns = line.split("\t")
        if len(columns) != 10:
            raise ConfigError(f"CoNLL-U line {number}: expected 10 tab-separated columns, got {len(columns)}")
        if "-" in columns[0] or "." in columns[0]:
            continue
        rows.append(columns)
    if rows:
        yield doc_id, rows


def _read_text(path: Path) -> Iterator[str]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as f:
        yield from f


def load_ud_parses(data_dir: str | Path, split: str = "dev") -> list[ParsedDocument]:
    """UD English EWT ``split`` as documents with text, word spans and gold parses."""
    data = Path(data_dir)
    conllu = data / "syntax" / f"en_ewt-ud-{split}.conllu.gz"
    spans = data / "segmentation" / f"ud_ewt_{split}.jsonl.gz"
    docs = [json.loads(line) for line in _read_text(spans)]
    sentences_by_doc: list[list[list[list[str]]]] = []
    for doc_id, rows in read_conllu(_read_text(conllu)):
        if doc_id is not None or not sentences_by_doc:
            sentences_by_doc.append([])
            if doc_id is not None and len(sentences_by_doc) <= len(docs):
                expected = docs[len(sentences_by_doc) - 1]["doc_id"]
                if doc_id != expected:
                    raise ConfigError(f"{conllu}: document {doc_id!r} where {spans} has {expected!r}")
        sentences_by_doc[-1].append(rows)
    if len(sentences_by_doc) != len(docs):
        raise ConfigError(f"{conllu} has {len(sentences_by_doc)} documents, {spans} has {len(docs)}")
    return [_join(doc, sentences, conllu) for doc, sentences in zip(docs, sentences_by_doc, strict=True)]


def _join(doc: dict[str, Any], sentences: list[list[list[str]]], source: Path) -> ParsedDocument:
    text, spans = doc["text"], doc["words"]
    n_words = sum(len(rows) for rows in sentences)
    if n_words != len(spans):
        raise ConfigError(f"{source}: {doc['doc_id']} has {n_words} words, its spans {len(spans)}")
    words: list[Word] = []
    for index, rows in enumerate(sentences):
        offset = len(words)
        for columns in rows:
            start, end = spans[len(words)]
            if text[start:end] != columns[1]:
                raise ConfigError(
                    f"{source}: {doc['doc_id']}: word {columns[1]!r} is {text[start:end]!r} in the text"
                )
            head = int(columns[6])
            words.append(
                Word(
                    start,
                    end,
                    columns[1],
                    columns[3],
                    columns[4],
                    columns[2],
                    None if head == 0 else offset + head - 1,
                    columns[7],
                    index,
                )
            )
    return ParsedDocument(doc["doc_id"], text, tuple(words))


def _relation(deprel: str | None) -> str:
    return (deprel or "").split(":", 1)[0]


def score_parses(predicted: Sequence[Sequence[Any]], gold: Sequence[ParsedDocument]) -> ParseScores:
    """Scores of ``predicted`` words (one sequence per document, duck-typed) against ``gold``."""
    if len(predicted) != len(gold):
        raise ValueError(f"{len(predicted)} predicted documents for {len(gold)} gold documents")
    total = ParseScores()
    for words, doc in zip(predicted, gold, strict=True):
        total += _score_document(words, doc)
    return total


def _head_index(head: Any, n_words: int, doc: str, word: int) -> int | None:
    if head is None:
        return None
    try:
        index = operator.index(head)
    except TypeError:
        index = -1
    if not 0 <= index < n_words:
        raise ValueError(f"{doc}: word {word} has head {head!r}, not a word index (0..{n_words - 1}) or None")
    return index


def _score_document(predicted: Sequence[Any], gold: ParsedDocument) -> ParseScores:
    gold_index = {(w.start, w.end): i for i, w in enumerate(gold.words)}
    spans = [(int(w.start), int(w.end)) for w in predicted]
    aligned = [gold_index.get(span) for span in spans]
    correct = dict.fromkeys(PARSE_METRICS, 0)
    for i, (word, g) in enumerate(zip(predicted, aligned, strict=True)):
        head = _head_index(word.head, len(predicted), gold.name, i)
        if g is None:
            continue
        gw = gold.words[g]
        correct["words"] += 1
        correct["upos"] += word.upos == gw.upos
        correct["xpos"] += word.xpos == gw.xpos
        correct["lemma"] += gw.lemma == "_" or word.lemma == gw.lemma
        # Both roots, or the predicted head word is aligned to the gold head word.
        head_right = head is None if gw.head is None else head is not None and aligned[head] == gw.head
        correct["uas"] += head_right
        correct["las"] += head_right and _relation(word.deprel) == _relation(gw.deprel)
        correct["las_full"] += head_right and word.deprel == gw.deprel
    n_predicted, n_gold = len(predicted), len(gold.words)
    return ParseScores(**{m: PRF(c, n_predicted, n_gold) for m, c in correct.items()}, documents=1)


@dataclass(frozen=True)
class _OnGoldSpans:
    """A word from ``parse_words`` moved onto its gold word's span."""

    start: int
    end: int
    text: str
    upos: str
    xpos: str
    lemma: str
    head: int | None
    deprel: str


def _on_gold_tokens(words: Sequence[Any], doc: ParsedDocument) -> list[_OnGoldSpans]:
    if len(words) != len(doc.words):
        raise ValueError(f"{doc.name}: parse_words returned {len(words)} words for {len(doc.words)}")
    return [
        _OnGoldSpans(g.start, g.end, g.text, w.upos, w.xpos, w.lemma, w.head, w.deprel)
        for w, g in zip(words, doc.words, strict=True)
    ]


def evaluate_parser(
    data_dir: str | Path,
    parse: Callable[[str], Sequence[Any]] | None = None,
    parse_words: Callable[[list[list[str]]], Sequence[Any]] | None = None,
    *,
    split: str = "dev",
    limit: int | None = None,
) -> dict[str, dict[str, float]]:
    """F1 of every metric on UD English EWT ``split`` (the first ``limit`` documents).

    ``raw_text``: ``parse(text)`` on each document's text (default ``stancekit.parse``);
    ``gold_tokenization``: ``parse_words(sentences)`` when given. See the module doc.
    """
    if parse is None:
        import stancekit

        parse = getattr(stancekit, "parse", None)
        if parse is None:
            raise ValueError("this stancekit has no parser: pass parse=callable")
    docs = load_ud_parses(data_dir, split)[:limit]
    result = {"raw_text": score_parses([parse(d.text) for d in docs], docs).as_dict()}
    if parse_words is not None:
        words = [_on_gold_tokens(parse_words(d.sentences), d) for d in docs]
        result["gold_tokenization"] = score_parses(words, docs).as_dict()
    return result


def documents_from_conllu(text: str) -> list[ParsedDocument]:
    """Every sentence of a CoNLL-U text as a document whose text is its words joined by spaces."""
    docs = []
    for number, (_, rows) in enumerate(read_conllu(text.splitlines())):
        words, at = [], 0
        for columns in rows:
            head = int(columns[6])
            end = at + len(columns[1])
            words.append(
                Word(
                    at,
                    end,
                    columns[1],
                    columns[3],
                    columns[4],
                    columns[2],
                    None if head == 0 else head - 1,
                    columns[7],
                    0,
                )
            )
            at = end + 1
        docs.append(ParsedDocument(f"sentence-{number + 1}", " ".join(w.text for w in words), tuple(words)))
    return docs


def evaluate_conllu_gold_tokens(parser: Any, conllu: str) -> dict[str, float]:
    """F1 (= accuracy here) of every metric of ``parser.parse_tokens`` on a CoNLL-U text's words."""
    docs = documents_from_conllu(conllu)
    words = [_on_gold_tokens(parser.parse_tokens(d.sentences), d) for d in docs]
    return score_parses(words, docs).as_dict()
