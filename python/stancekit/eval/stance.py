"""Score predicted stance triples against gold: :func:`score_stances` → :class:`StanceReport`.

The metrics (the project's definitions; every stance number it reports is computed here):

* **Scope.** A predicted triple belongs to the gold sentence that contains the start of its cue;
  predictions outside every gold sentence, and those toward a target the gold does not have, are
  not scored. Within a sentence, predictions count once per (holder, target, stance), as gold
  triples do (the first one is kept). Sentences marked ``duplicate_of`` are skipped on both sides,
  so each triple counts once.
* **Triples.** A prediction matches a gold triple of its sentence with the same target and stance
  whose holder matches: with ``holder_match="lenient"`` (the default) the same canonical name or
  overlapping holder spans; with ``"exact"`` the same canonical name. Each gold triple matches
  at most one prediction; predictions are taken in order, each matched to the first free gold
  triple it fits. Precision = matched predictions / predictions, recall = matched gold triples /
  gold triples, F1 their harmonic mean; the same per target and per stance. **Clear recall** is
  the recall over the gold triples whose ``confidence`` is ``clear``.
* **Sentences.** For each scored sentence and each gold target, the gold label (FAVOR, AGAINST,
  MIXED or NONE) against the label the predictions toward that target imply (MIXED when both
  stances occur). Precision, recall and F1 of FAVOR and of AGAINST over these (sentence, target)
  pairs, where MIXED counts as both; **F_avg** is the mean of the two F1. The confusion table
  counts gold × predicted labels.
* **Errors.** Every unmatched prediction (``FP``) and unmatched gold triple (``FN``), classed as
  ``wrong stance`` (an FP and an FN of one sentence with the same target and matching holders),
  ``wrong holder`` (same target and stance, holders that do not match), else ``spurious`` (FP)
  or ``missed`` (FN). Their ``pattern`` is the rule that fired (FP, without its ``+`` modifiers)
  or the gold cue in lower case (FN); errors are sorted so the most frequent patterns come first.

``predicted`` is a mapping from document name to what ``StanceTagger.tag`` returned for its text
(:meth:`Gold.tag` makes it), or the frame of :func:`stancekit.pandas.stances` indexed by document
name (a ``doc`` column works too). Predictions must index the gold texts: a cue that is not the
text at its span raises :class:`stancekit.ConfigError`.

>>> from stancekit.eval import load_gold, score_stances          # doctest: +SKIP
>>> gold = load_gold("tests/gold")                              # doctest: +SKIP
>>> report = score_stances(gold.tag(StanceTagger(gold.targets)), gold)  # doctest: +SKIP
>>> report.f1, report.f_avg, report.errors.head(10)             # doctest: +SKIP
"""

from __future__ import annotations

import bisect
import os
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any, Literal

from stancekit._deps import require
from stancekit.eval.gold import LABELS, STANCES, Gold, GoldSentence, GoldTriple, load_gold
from stancekit.eval.metrics import PRF, ZERO
from stancekit.exceptions import ConfigError

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.axes import Axes

__all__ = ["HolderMatch", "StanceError", "StanceReport", "score_stances"]

HolderMatch = Literal["lenient", "exact"]
Span = tuple[int, int]

#: Columns of :attr:`StanceReport.errors`, in order.
ERROR_COLUMNS = (
    "kind",
    "error",
    "pattern",
    "pattern_count",
    "doc",
    "sentence",
    "holder",
    "target",
    "stance",
    "cue",
    "rule",
    "confidence",
    "sentence_text",
)


@dataclass(frozen=True)
class StanceError:
    """A false positive (``kind="FP"``) or false negative (``"FN"``); see the module doc."""

    kind: str
    error: str
    pattern: str
    doc: str
    sentence: int
    holder: str
    target: str
    stance: str
    cue: str | None
    rule: str | None
    confidence: str | None
    sentence_text: str
    pattern_count: int = 1

    def describe(self) -> str:
        """One line: kind, error class, triple, cue, rule and the sentence (cut at 100 characters)."""
        how = f"[{self.rule}]" if self.rule else f"({self.confidence or 'gold'})"
        text = self.sentence_text if len(self.sentence_text) <= 100 else self.sentence_text[:99] + "…"
        return (
            f"{self.kind} {self.error}: {self.holder or '?'} -> {self.target} {self.stance} "
            f"cue={self.cue!r} {how} {self.doc}#{self.sentence}: {text}"
        )


@dataclass(frozen=True)
class StanceReport:
    """Scores of predicted triples against gold (see :mod:`stancekit.eval.stance` for definitions).

    Scores are fractions in ``[0, 1]``; :class:`~stancekit.eval.PRF` keeps the counts.
    Reports add up (``a + b``) into pooled scores over both golds.
    """

    triples: PRF
    by_target: Mapping[str, PRF]
    by_stance: Mapping[str, PRF]
    confidence_recall: Mapping[str, tuple[int, int]]
    sentence_labels: Mapping[str, PRF]
    confusion: Mapping[str, Mapping[str, int]]
    error_records: tuple[StanceError, ...]
    holder_match: str = "lenient"
    n_documents: int = 0
    n_sentences: int = 0
    source: str = field(default="", compare=False)

    @property
    def precision(self) -> float:
        return self.triples.precision

    @property
    def recall(self) -> float:
        return self.triples.recall

    @property
    def f1(self) -> float:
        return self.triples.f1

    @property
    def clear_recall(self) -> float | None:
        """Recall on the gold triples marked ``clear`` (None when the gold marks none)."""
        found, total = self.confidence_recall.get("clear", (0, 0))
        return found / total if total else None

    @property
    def f_avg(self) -> float:
        """Sentence level: mean F1 of FAVOR and AGAINST."""
        return sum(self.sentence_labels[s].f1 for s in STANCES) / len(STANCES)

    @property
    def errors(self) -> pd.DataFrame:
        """False positives and negatives, most frequent patterns first (needs pandas)."""
        pd = require("pandas", "pandas")
        return pd.DataFrame.from_records(
            [{name: getattr(e, name) for name in ERROR_COLUMNS} for e in self.error_records],
            columns=list(ERROR_COLUMNS),
        )

    def summary(self) -> dict[str, float | None]:
        """The headline figures: precision, recall, f1, clear_recall, f_avg."""
        return {
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
            "clear_recall": self.clear_recall,
            "f_avg": self.f_avg,
        }

    def to_dict(self, *, errors: int | None = 10) -> dict[str, Any]:
        """Everything as plain JSON-ready values, with the ``errors`` worst errors (None: all)."""
        return {
            "source": self.source,
            "holder_match": self.holder_match,
            "documents": self.n_documents,
            "sentences": self.n_sentences,
            **self.summary(),
            "triples": self.triples.as_dict(),
            "by_target": {k: v.as_dict() for k, v in self.by_target.items()},
            "by_stance": {k: v.as_dict() for k, v in self.by_stance.items()},
            "confidence_recall": {k: {"found": f, "gold": n} for k, (f, n) in self.confidence_recall.items()},
            "sentence_labels": {k: v.as_dict() for k, v in self.sentence_labels.items()},
            "confusion": {g: dict(row) for g, row in self.confusion.items()},
            "errors": [
                {name: getattr(e, name) for name in ERROR_COLUMNS}
                for e in self.error_records[: None if errors is None else max(errors, 0)]
            ],
        }

    def to_frame(self) -> pd.DataFrame:
        """P/R/F1 with counts: overall, per target and per stance, one row each (needs pandas)."""
        pd = require("pandas", "pandas")
        rows = [("all", "all", self.triples)]
        rows += [("target", k, v) for k, v in self.by_target.items()]
        rows += [("stance", k, v) for k, v in self.by_stance.items()]
        frame = pd.DataFrame.from_records(
            [{"group": g, "name": n, **prf.as_dict()} for g, n, prf in rows],
            columns=["group", "name", "precision", "recall", "f1", "tp", "predicted", "gold"],
        )
        return frame.set_index(["group", "name"])

    def to_text(self, *, errors: int = 10) -> str:
        """A plain-text report: figures, per-target and per-stance tables, confusion, worst errors."""
        from stancekit.eval.render import report_text

        return report_text(self, errors=errors)

    def __str__(self) -> str:
        return self.to_text()

    def _repr_html_(self) -> str:
        from stancekit.eval.render import report_html

        return report_html(self)

    def plot_confusion(self, *, ax: Axes | None = None, normalize: bool = False) -> Axes:
        """The sentence-label confusion matrix as a heat map (needs matplotlib); returns the Axes."""
        from stancekit.eval.render import plot_confusion

        return plot_confusion(self, ax=ax, normalize=normalize)

    def __add__(self, other: StanceReport) -> StanceReport:
        if not isinstance(other, StanceReport):
            return NotImplemented
        if other.holder_match != self.holder_match:
            raise ValueError(f"cannot pool {self.holder_match!r} and {other.holder_match!r} holder matching")
        confusion = {
            g: {p: self.confusion.get(g, {}).get(p, 0) + other.confusion.get(g, {}).get(p, 0) for p in LABELS}
            for g in LABELS
        }
        return StanceReport(
            triples=self.triples + other.triples,
            by_target=_add_maps(self.by_target, other.by_target),
            by_stance=_add_maps(self.by_stance, other.by_stance),
            confidence_recall={
                k: (
                    self.confidence_recall.get(k, (0, 0))[0] + other.confidence_recall.get(k, (0, 0))[0],
                    self.confidence_recall.get(k, (0, 0))[1] + other.confidence_recall.get(k, (0, 0))[1],
                )
                for k in {**self.confidence_recall, **other.confidence_recall}
            },
            sentence_labels=_add_maps(self.sentence_labels, other.sentence_labels),
            confusion=confusion,
            error_records=_ranked([*self.error_records, *other.error_records]),
            holder_match=self.holder_match,
            n_documents=self.n_documents + other.n_documents,
            n_sentences=self.n_sentences + other.n_sentences,
            source=" + ".join(s for s in (self.source, other.source) if s),
        )


def _add_maps(a: Mapping[str, PRF], b: Mapping[str, PRF]) -> dict[str, PRF]:
    return {k: a.get(k, ZERO) + b.get(k, ZERO) for k in {**a, **b}}


# ---------------------------------------------------------------------------------------------
# Predictions


@dataclass(frozen=True)
class Predicted:
    """A predicted triple as the scorer sees it (from a ``Stance`` or a frame row)."""

    holder: str
    holder_span: Span | None
    target: str
    stance: str
    cue: str
    cue_span: Span
    rule: str | None = None


def _span_or_none(value: Any) -> Span | None:
    if value is None:
        return None
    start, end = value
    return (int(start), int(end))


def _from_objects(doc: str, stances: Iterable[Any]) -> Iterator[Predicted]:
    for s in stances:
        try:
            cue_span = _span_or_none(s.cue_span)
            holder, holder_span = str(s.holder), _span_or_none(s.holder_span)
            target, stance, cue = str(s.target), str(s.stance), str(s.cue)
        except (AttributeError, TypeError, ValueError):
            cue_span = None
        if cue_span is None:
            raise TypeError(
                f"predicted[{doc!r}] must hold Stance objects (holder, holder_span, target, stance, cue, "
                f"cue_span), not {type(s).__name__}"
            )
        yield Predicted(holder, holder_span, target, stance, cue, cue_span, getattr(s, "rule", None))


def _row_span(row: Mapping[str, Any], prefix: str) -> Span | None:
    """``<prefix>_start``/``<prefix>_end`` of a frame row, None when either is missing."""
    start: Any = row.get(f"{prefix}_start")
    end: Any = row.get(f"{prefix}_end")
    if _missing(start) or _missing(end):
        return None
    return (int(start), int(end))


def _missing(value: Any) -> bool:
    return value is None or value != value or type(value).__name__ == "NAType"  # NaN != NaN


def _from_frame(frame: pd.DataFrame) -> dict[str, list[Predicted]]:
    missing = [
        c for c in ("holder", "target", "stance", "cue", "cue_start", "cue_end") if c not in frame.columns
    ]
    if missing:
        raise ConfigError(
            f"predicted frame: no column {missing[0]!r} (expected the frame of stancekit.pandas.stances)"
        )
    docs = frame["doc"].tolist() if "doc" in frame.columns else frame.index.tolist()
    out: dict[str, list[Predicted]] = {}
    for doc, row in zip(docs, frame.to_dict("records"), strict=True):
        cue_span = _row_span(row, "cue")
        if cue_span is None:
            raise ConfigError(f"predicted frame: document {doc!r} has a row without cue_start/cue_end")
        holder, rule = row["holder"], row.get("rule")
        out.setdefault(str(doc), []).append(
            Predicted(
                "" if _missing(holder) else str(holder),
                _row_span(row, "holder"),
                str(row["target"]),
                str(row["stance"]),
                str(row["cue"]),
                cue_span,
                rule if isinstance(rule, str) else None,
            )
        )
    return out


def _predictions(predicted: Any, gold: Gold) -> dict[str, list[Predicted]]:
    if isinstance(predicted, Mapping):
        by_doc = {str(doc): list(_from_objects(str(doc), stances)) for doc, stances in predicted.items()}
    elif type(predicted).__module__.startswith("pandas") and hasattr(predicted, "columns"):
        by_doc = _from_frame(predicted)
    else:
        raise TypeError(
            "predicted must be a mapping from document name to Stance lists, or the frame of "
            f"stancekit.pandas.stances, not {type(predicted).__name__}"
        )
    for doc, items in by_doc.items():
        if doc not in gold.documents:
            raise ConfigError(
                f"predicted document {doc!r} is not in the gold ({len(gold.documents)} documents)"
            )
        text = gold.documents[doc].text
        for p in items:
            if text[p.cue_span[0] : p.cue_span[1]] != p.cue:
                raise ConfigError(
                    f"predicted cue {p.cue!r} in {doc!r} is not the gold text at {list(p.cue_span)}: "
                    "tag the gold's own texts (gold.tag(tagger) or gold.texts)"
                )
    return by_doc


# ---------------------------------------------------------------------------------------------
# Scoring


def _holders_match(p: Predicted, g: GoldTriple, holder_match: str) -> bool:
    if p.holder == g.holder:
        return True
    if holder_match == "exact":
        return False
    a, b = p.holder_span, g.holder_span
    return a is not None and b is not None and a[0] < b[1] and b[0] < a[1]


def _sentence_of(sentences: Sequence[GoldSentence], starts: Sequence[int], position: int) -> int | None:
    """Index of the sentence containing ``position`` (sentences are sorted and do not overlap)."""
    index = bisect.bisect_right(starts, position) - 1
    return index if index >= 0 and position < sentences[index].end else None


@dataclass
class _Tally:
    """Running counts while scoring."""

    triples: list[int] = field(default_factory=lambda: [0, 0, 0])  # tp, predicted, gold
    by_target: dict[str, list[int]] = field(default_factory=dict)
    by_stance: dict[str, list[int]] = field(default_factory=lambda: {s: [0, 0, 0] for s in STANCES})
    confidence: dict[str, list[int]] = field(default_factory=dict)  # found, total
    labels: dict[str, list[int]] = field(default_factory=lambda: {s: [0, 0, 0] for s in STANCES})
    confusion: dict[str, dict[str, int]] = field(
        default_factory=lambda: {g: dict.fromkeys(LABELS, 0) for g in LABELS}
    )
    errors: list[StanceError] = field(default_factory=list)

    def count(self, target: str, stance: str, tp: int, predicted: int, gold: int) -> None:
        for counts in (self.triples, self.by_target.setdefault(target, [0, 0, 0]), self.by_stance[stance]):
            counts[0] += tp
            counts[1] += predicted
            counts[2] += gold


def score_stances(
    predicted: Mapping[str, Sequence[Any]] | pd.DataFrame,
    gold: Gold | str | os.PathLike[str] | pd.DataFrame,
    *,
    holder_match: HolderMatch = "lenient",
) -> StanceReport:
    """Score ``predicted`` triples against ``gold`` (a :class:`Gold` or what :func:`load_gold` reads)."""
    if holder_match not in ("lenient", "exact"):
        raise ValueError(f"holder_match must be 'lenient' or 'exact', not {holder_match!r}")
    gold = load_gold(gold)
    by_doc = _predictions(predicted, gold)
    tally = _Tally(by_target={t: [0, 0, 0] for t in gold.targets})
    n_sentences = 0
    for name, document in gold.documents.items():
        per_sentence: dict[int, dict[tuple[str, str, str], Predicted]] = {}
        starts = [s.start for s in document.sentences]
        for p in by_doc.get(name, []):
            index = _sentence_of(document.sentences, starts, p.cue_span[0])
            if index is None or p.target not in gold.targets:
                continue
            per_sentence.setdefault(index, {}).setdefault((p.holder, p.target, p.stance), p)
        for index, sentence in enumerate(document.sentences):
            if sentence.duplicate_of is not None:
                continue
            n_sentences += 1
            preds = list(per_sentence.get(index, {}).values())
            _score_sentence(tally, name, index, sentence, preds, gold.targets, holder_match)
    return StanceReport(
        triples=PRF(*tally.triples),
        by_target={k: PRF(*v) for k, v in tally.by_target.items()},
        by_stance={k: PRF(*v) for k, v in tally.by_stance.items()},
        confidence_recall={k: (v[0], v[1]) for k, v in sorted(tally.confidence.items())},
        sentence_labels={k: PRF(*v) for k, v in tally.labels.items()},
        confusion=tally.confusion,
        error_records=_ranked(tally.errors),
        holder_match=holder_match,
        n_documents=len(gold.documents),
        n_sentences=n_sentences,
        source=gold.source,
    )


def _score_sentence(
    tally: _Tally,
    doc: str,
    index: int,
    sentence: GoldSentence,
    preds: list[Predicted],
    targets: Iterable[str],
    holder_match: str,
) -> None:
    gold = list(sentence.triples)
    matched = [False] * len(gold)
    false_positives = []
    for p in preds:
        hit = next(
            (
                i
                for i, g in enumerate(gold)
                if not matched[i]
                and g.target == p.target
                and g.stance == p.stance
                and _holders_match(p, g, holder_match)
            ),
            None,
        )
        tally.count(p.target, p.stance, int(hit is not None), 1, 0)
        if hit is None:
            false_positives.append(p)
        else:
            matched[hit] = True
    for g, found in zip(gold, matched, strict=True):
        tally.count(g.target, g.stance, 0, 0, 1)
        if g.confidence is not None:
            counts = tally.confidence.setdefault(g.confidence, [0, 0])
            counts[0] += found
            counts[1] += 1
    missed = [g for g, found in zip(gold, matched, strict=True) if not found]
    tally.errors += _classify(doc, index, sentence.text, false_positives, missed, holder_match)
    for target in targets:
        gold_label = sentence.labels.get(target, "NONE")
        stances = {p.stance for p in preds if p.target == target}
        predicted_label = "MIXED" if len(stances) == 2 else (next(iter(stances)) if stances else "NONE")
        tally.confusion[gold_label][predicted_label] += 1
        for stance in STANCES:
            in_gold = gold_label in (stance, "MIXED")
            in_predicted = predicted_label in (stance, "MIXED")
            counts = tally.labels[stance]
            counts[0] += in_gold and in_predicted
            counts[1] += in_predicted
            counts[2] += in_gold


def _classify(
    doc: str,
    index: int,
    text: str,
    false_positives: list[Predicted],
    missed: list[GoldTriple],
    holder_match: str,
) -> list[StanceError]:
    """One error per FP and FN, pairing an FP with an FN of the same sentence where one explains the other."""
    kinds_fp = ["spurious"] * len(false_positives)
    kinds_fn = ["missed"] * len(missed)
    explanations: list[tuple[str, Callable[[Predicted, GoldTriple], bool]]] = [
        ("wrong stance", lambda p, g: g.stance != p.stance and _holders_match(p, g, holder_match)),
        ("wrong holder", lambda p, g: g.stance == p.stance and not _holders_match(p, g, holder_match)),
    ]
    for error, same in explanations:
        for i, p in enumerate(false_positives):
            if kinds_fp[i] != "spurious":
                continue
            for j, g in enumerate(missed):
                if kinds_fn[j] == "missed" and g.target == p.target and same(p, g):
                    kinds_fp[i] = kinds_fn[j] = error
                    break
    errors = [
        StanceError(
            "FP",
            kind,
            _rule_pattern(p.rule),
            doc,
            index,
            p.holder,
            p.target,
            p.stance,
            p.cue,
            p.rule,
            None,
            text,
        )
        for p, kind in zip(false_positives, kinds_fp, strict=True)
    ]
    errors += [
        StanceError(
            "FN",
            kind,
            (g.cue or "(no cue)").lower(),
            doc,
            index,
            g.holder,
            g.target,
            g.stance,
            g.cue,
            None,
            g.confidence,
            text,
        )
        for g, kind in zip(missed, kinds_fn, strict=True)
    ]
    return errors


def _rule_pattern(rule: str | None) -> str:
    return (rule or "(no rule)").split("+", 1)[0]


def _ranked(errors: Sequence[StanceError]) -> tuple[StanceError, ...]:
    """Errors with their pattern's count, the most frequent (kind, pattern) first."""
    counts = Counter((e.kind, e.pattern) for e in errors)
    first_seen: dict[tuple[str, str], int] = {}
    for i, e in enumerate(errors):
        first_seen.setdefault((e.kind, e.pattern), i)
    ranked = sorted(
        range(len(errors)),
        key=lambda i: (
            -counts[errors[i].kind, errors[i].pattern],
            first_seen[errors[i].kind, errors[i].pattern],
            i,
        ),
    )
    return tuple(replace(errors[i], pattern_count=counts[errors[i].kind, errors[i].pattern]) for i in ranked)
