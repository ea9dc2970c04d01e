"""Aggregating stance triples: holder × target counts with example sentences."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from stancekit._deps import require
from stancekit.exceptions import ArgumentError

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["summarize"]

_REQUIRED = ("holder", "target", "stance", "sentence")


def summarize(stances: pd.DataFrame, *, examples: int = 1) -> pd.DataFrame:
    """Holder × target table of FAVOR and AGAINST counts, from a stances frame.

    ``stances`` is what :func:`stancekit.pandas.stances` returns (at least the columns
    ``holder``, ``target``, ``stance`` and ``sentence``). The result has one row per
    (holder, target) pair, indexed by both, with columns ``FAVOR``, ``AGAINST``, ``total``,
    ``net`` (FAVOR − AGAINST) and ``example_favor`` / ``example_against`` (up to ``examples``
    distinct sentences each, joined by newlines), sorted by ``total`` then names.

    >>> import pandas as pd
    >>> rows = pd.DataFrame({"holder": ["Russia", "Russia", "United States"],
    ...                      "target": ["Nicolas Maduro"] * 3,
    ...                      "stance": ["FAVOR", "FAVOR", "AGAINST"],
    ...                      "sentence": ["Russia backs Maduro.", "Moscow stands by Maduro.",
    ...                                   "The US sanctions Maduro."]})
    >>> summarize(rows)[["FAVOR", "AGAINST", "net"]]
                                  FAVOR  AGAINST  net
    holder        target
    Russia        Nicolas Maduro      2        0    2
    United States Nicolas Maduro      0        1   -1
    """
    pd = require("pandas", "pandas")
    if not isinstance(stances, pd.DataFrame):
        raise TypeError(
            "stances must be a pandas DataFrame (from stancekit.pandas.stances), "
            f"not {type(stances).__name__}"
        )
    missing = [c for c in _REQUIRED if c not in stances.columns]
    if missing:
        raise ArgumentError(f"a stances frame needs the columns {list(_REQUIRED)}; missing {missing}")
    if isinstance(examples, bool) or not isinstance(examples, int):
        raise TypeError(f"examples must be an int, not {type(examples).__name__}")
    if examples < 0:
        raise ArgumentError(f"examples must be >= 0, not {examples}")
    frame = stances.reset_index(drop=True)
    counts = pd.crosstab([frame["holder"], frame["target"]], frame["stance"])
    counts = counts.reindex(columns=["FAVOR", "AGAINST"], fill_value=0)
    counts.columns.name = None
    counts["total"] = counts["FAVOR"] + counts["AGAINST"]
    counts["net"] = counts["FAVOR"] - counts["AGAINST"]

    def first_sentences(label: str) -> Any:
        subset = frame[frame["stance"] == label]
        return subset.groupby(["holder", "target"])["sentence"].agg(
            lambda s: "\n".join(list(dict.fromkeys(s))[:examples])
        )

    for label in ("FAVOR", "AGAINST"):
        counts[f"example_{label.lower()}"] = first_sentences(label).reindex(counts.index).fillna("")
    order = counts.reset_index().sort_values(["total", "holder", "target"], ascending=[False, True, True])
    return order.set_index(["holder", "target"])
