"""Dask helpers: the pandas adapters applied partition by partition, on any Dask scheduler.

``pip install 'stancekit[dask]'``. Engines and taggers pickle as their JSON config, so they ship
to worker processes (a ``distributed.LocalCluster`` or a real cluster) unchanged::

    import dask.dataframe as dd
    from distributed import Client, LocalCluster
    import stancekit.dask as skd

    client = Client(LocalCluster(n_workers=4, threads_per_worker=1))
    corpus = dd.read_parquet("articles/")               # a column "text"
    triples = skd.stances(corpus["text"], targets={"Nicolas Maduro": ["Maduro"]})
    table = stancekit.summarize(triples.compute())

Each function returns a lazy Dask DataFrame with the same columns as its pandas counterpart,
indexed by the input's index, with ``meta`` given so Dask never runs the engine to guess it.

The same pattern on Spark: ``df.mapInPandas`` (or a pandas UDF) calling
:func:`stancekit.pandas.stances` on each batch's text column, with the tagger created once per
executor (it pickles as JSON); there is no scheduler in stancekit itself.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

import stancekit
from stancekit import pandas as skpd
from stancekit._deps import require

if TYPE_CHECKING:
    import dask.dataframe as dd

__all__ = ["sentences", "stances", "tokens"]


def _check(series: Any) -> None:
    dd = require("dask.dataframe", "dask")
    if not isinstance(series, dd.Series):
        raise TypeError(f"expected a dask Series of texts (e.g. ddf['text']), not {type(series).__name__}")


def sentences(series: dd.Series, splitter: stancekit.SentenceSplitter | None = None) -> dd.DataFrame:
    """Like :func:`stancekit.pandas.sentences`, lazily, one task per partition."""
    _check(series)
    splitter = splitter or stancekit.SentenceSplitter()
    meta = skpd.sentences(series._meta, splitter)  # empty, with the index's dtype and name
    return series.map_partitions(skpd.sentences, splitter, meta=meta)


def tokens(series: dd.Series, tokenizer: stancekit.Tokenizer | None = None) -> dd.DataFrame:
    """Like :func:`stancekit.pandas.tokens`, lazily, one task per partition."""
    _check(series)
    tokenizer = tokenizer or stancekit.Tokenizer()
    meta = skpd.tokens(series._meta, tokenizer)
    return series.map_partitions(skpd.tokens, tokenizer, meta=meta)


def stances(
    series: dd.Series,
    targets: Mapping[str, Sequence[str]] | None = None,
    tagger: Any = None,
) -> dd.DataFrame:
    """Like :func:`stancekit.pandas.stances`, lazily, one task per partition."""
    _check(series)
    if tagger is None:
        tagger = stancekit.StanceTagger(targets=dict(targets) if targets is not None else None)
    meta = skpd.stances(series._meta, tagger=tagger)
    return series.map_partitions(skpd.stances, None, tagger, meta=meta)
