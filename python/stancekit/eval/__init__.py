"""The project's evaluation: quality of stancekit's engines on gold data.

Each function takes the directory of the gold data (the project's ``../shared/data``) and an
engine (the defaults when omitted) and returns plain numbers, so tests can assert floors and
scripts can print tables. Everything at once, as JSON::

    python -m stancekit.eval ../shared/data [--classifier]

The gold data is not shipped with the package; only these scoring functions are.
"""

from stancekit.eval.newsmtsc import evaluate as evaluate_classifier
from stancekit.eval.newsmtsc import load_newsmtsc, train_and_evaluate
from stancekit.eval.segmentation import (
    PRF,
    evaluate_golden_rules,
    evaluate_seed_sentences,
    evaluate_sentences,
    evaluate_tokens,
    load_ud,
    segmentation_report,
)
from stancekit.eval.stance import EVAL_TARGETS, evaluate_stance, score_newsmtsc, score_probe, score_seeds

__all__ = [
    "EVAL_TARGETS",
    "PRF",
    "evaluate_classifier",
    "evaluate_golden_rules",
    "evaluate_seed_sentences",
    "evaluate_sentences",
    "evaluate_stance",
    "evaluate_tokens",
    "load_newsmtsc",
    "load_ud",
    "score_newsmtsc",
    "score_probe",
    "score_seeds",
    "segmentation_report",
    "train_and_evaluate",
]
