"""The project's evaluation: quality of stancekit's engines on gold data.

Each function takes the directory of the gold data (the project's ``../shared/data``) and an
engine (the defaults when omitted) and returns plain dicts of numbers, so tests can assert
floors and scripts can print tables::

    python -m stancekit.eval ../shared/data

The gold data is not shipped with the package; only these scoring functions are.
"""

from stancekit.eval.segmentation import (
    PRF,
    evaluate_golden_rules,
    evaluate_seed_sentences,
    evaluate_sentences,
    evaluate_tokens,
    load_ud,
)

__all__ = [
    "PRF",
    "evaluate_golden_rules",
    "evaluate_seed_sentences",
    "evaluate_sentences",
    "evaluate_tokens",
    "load_ud",
]
