"""Evaluation: score stancekit (or any tagger, splitter or parser) against labelled data.

For analysts: write a small gold sample of your own news in the format of
:mod:`stancekit.eval.gold` (a folder or a CSV table), then

>>> from stancekit import StanceTagger
>>> from stancekit.eval import load_gold, score_stances
>>> gold = load_gold(folder)                                  # doctest: +SKIP
>>> report = score_stances(gold.tag(StanceTagger(gold.targets)), gold)  # doctest: +SKIP
>>> report.f1, report.clear_recall, report.f_avg              # doctest: +SKIP

``report.errors`` lists the false positives and negatives (a DataFrame, worst patterns first);
in Jupyter the report shows as tables and ``report.plot_confusion()`` draws the sentence-label
confusion matrix. :func:`stancekit.testing.assert_quality` turns a report into a pytest check,
and ``stancekit eval GOLD --min-f1 0.6`` does the same from a shell.

One implementation per metric, each defined once in its module's documentation:

* :mod:`~stancekit.eval.metrics`: P/R/F1 counts (:class:`PRF`), span P/R/F1
  (:func:`score_spans`), accuracy and macro-F1 of labels (:func:`score_labels`);
* :mod:`~stancekit.eval.stance`: triples and sentence labels (:func:`score_stances`);
* :mod:`~stancekit.eval.segmentation`: sentence ends, tokens, Golden Rules;
* :mod:`~stancekit.eval.parse`: UPOS, XPOS, lemma, UAS, LAS (:func:`score_parses`);
* :mod:`~stancekit.eval.newsmtsc` and :mod:`~stancekit.eval.project`: the project's own data
  (``python -m stancekit.eval ../shared/data`` prints every number as JSON).

Scores are fractions in ``[0, 1]``.
"""

from stancekit.eval.gold import Gold, GoldDocument, GoldSentence, GoldTriple, load_gold
from stancekit.eval.metrics import PRF, LabelScores, score_labels, score_spans
from stancekit.eval.parse import ParseScores, evaluate_parser, load_ud_parses, score_parses
from stancekit.eval.segmentation import (
    evaluate_golden_rules,
    evaluate_seed_sentences,
    evaluate_sentences,
    evaluate_tokens,
    load_ud,
    segmentation_report,
)
from stancekit.eval.stance import StanceError, StanceReport, score_stances

__all__ = [
    "PRF",
    "Gold",
    "GoldDocument",
    "GoldSentence",
    "GoldTriple",
    "LabelScores",
    "ParseScores",
    "StanceError",
    "StanceReport",
    "evaluate_golden_rules",
    "evaluate_parser",
    "evaluate_seed_sentences",
    "evaluate_sentences",
    "evaluate_tokens",
    "load_gold",
    "load_ud",
    "load_ud_parses",
    "score_labels",
    "score_parses",
    "score_spans",
    "score_stances",
    "segmentation_report",
]
