"""pandas adapters: a Series of texts in, a tidy DataFrame out, keyed by the Series' index.

pandas is optional (``pip install 'stancekit[pandas]'``); importing this module imports it and
registers the ``.stance`` Series accessor: ``df.text.stance.sentences()``, ``.tokens()`` and
``.stances(targets=...)`` are the functions below applied to the Series.

Missing values: ``None``, ``NaN`` and ``pd.NA`` entries give no rows (they are not an error).
Any other non-``str`` entry raises ``TypeError`` naming its index label.

Texts with lone surrogates (undecodable bytes read with ``surrogateescape``) are kept as they
are: their text columns are then of ``object`` dtype, since pandas' Arrow-backed string dtype
cannot hold them.

>>> import pandas as pd
>>> from stancekit.pandas import sentences
>>> df = sentences(pd.Series({"a": "Maduro spoke. Guaido replied.", "b": None}))
>>> df[["sentence", "start", "end", "text"]].values.tolist()
[[0, 0, 13, 'Maduro spoke.'], [1, 14, 29, 'Guaido replied.']]
>>> list(df.index)
['a', 'a']
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

import numpy as np

import stancekit
from stancekit._deps import require
from stancekit._progress import with_progress

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["parses", "sentences", "stances", "tokens"]


def _texts(series: pd.Series[Any]) -> tuple[list[str], np.ndarray[Any, Any]]:
    """The non-missing texts of ``series`` and their positions; TypeError names bad entries."""
    pd = require("pandas", "pandas")
    if not isinstance(series, pd.Series):
        raise TypeError(f"expected a pandas Series of str, not {type(series).__name__}")
    values = series.tolist()
    missing = pd.isna(series).to_numpy()
    texts, positions = [], []
    for pos, (value, is_missing) in enumerate(zip(values, missing, strict=True)):
        if is_missing:
            continue
        if not isinstance(value, str):
            label = series.index[pos]
            raise TypeError(f"entry {label!r} of the Series must be str, not {type(value).__name__}")
        texts.append(value)
        positions.append(pos)
    return texts, np.asarray(positions, dtype=np.int64)


def _has_surrogates(texts: list[str]) -> bool:
    """Whether any text has a lone surrogate (cannot be encoded as UTF-8)."""
    for text in texts:
        try:
            text.encode("utf-8")
        except UnicodeEncodeError:
            return True
    return False


def _frame(
    series: pd.Series[Any],
    positions: np.ndarray[Any, Any],
    columns: dict[str, Any],
    texts: list[str],
    text_columns: tuple[str, ...],
) -> pd.DataFrame:
    """A DataFrame whose index repeats ``series.index`` at ``positions`` (name kept).

    ``text_columns`` hold slices of ``texts``: ``object`` dtype when those have lone surrogates,
    which pandas' default (Arrow) string dtype rejects.
    """
    pd = require("pandas", "pandas")
    index = series.index.take(positions) if len(positions) else series.index[:0]
    if _has_surrogates(texts):
        columns = {
            name: pd.Series(values, index=index, dtype=object) if name in text_columns else values
            for name, values in columns.items()
        }
    return pd.DataFrame(columns, index=index)


def _numbering(doc_ids: np.ndarray[Any, Any]) -> np.ndarray[Any, Any]:
    """0, 1, 2... within each run of equal document ids (rows are grouped by document)."""
    if not len(doc_ids):
        return np.zeros(0, dtype=np.int64)
    starts = np.r_[0, np.flatnonzero(np.diff(doc_ids)) + 1]
    run_lengths = np.diff(np.r_[starts, len(doc_ids)])
    return np.arange(len(doc_ids)) - np.repeat(starts, run_lengths)


def sentences(
    series: pd.Series[Any],
    splitter: stancekit.SentenceSplitter | None = None,
    *,
    progress: bool | None = None,
) -> pd.DataFrame:
    """One row per sentence: columns ``sentence`` (number in its text), ``start``, ``end``, ``text``."""
    texts, positions = _texts(series)
    split = (splitter or stancekit.SentenceSplitter()).split_offsets_batch
    rows = with_progress(split, texts, progress, "sentences")
    docs, starts, ends = rows[:, 0], rows[:, 1], rows[:, 2]
    text_col = [texts[d][s:e] for d, s, e in zip(docs.tolist(), starts.tolist(), ends.tolist(), strict=True)]
    return _frame(
        series,
        positions[docs],
        {"sentence": _numbering(docs), "start": starts, "end": ends, "text": text_col},
        texts,
        ("text",),
    )


def tokens(
    series: pd.Series[Any],
    tokenizer: stancekit.Tokenizer | None = None,
    *,
    parse: bool = False,
    parser: stancekit.Parser | None = None,
    progress: bool | None = None,
) -> pd.DataFrame:
    """One row per token: columns ``token`` (number in its text), ``start``, ``end``, ``text``, ``kind``.

    With ``parse=True`` (or a ``parser``) the rows are the parser's words (UD syntactic words)
    and the columns those of :func:`parses`.
    """
    if parse or parser is not None:
        return parses(series, parser, progress=progress)
    texts, positions = _texts(series)
    per_doc = with_progress((tokenizer or stancekit.Tokenizer()).tokenize_batch, texts, progress, "tokens")
    docs = np.repeat(np.arange(len(per_doc), dtype=np.int64), [len(t) for t in per_doc])
    flat = [t for doc in per_doc for t in doc]
    return _frame(
        series,
        positions[docs],
        {
            "token": _numbering(docs),
            "start": np.fromiter((t.start for t in flat), dtype=np.int64, count=len(flat)),
            "end": np.fromiter((t.end for t in flat), dtype=np.int64, count=len(flat)),
            "text": [t.text for t in flat],
            "kind": [t.kind for t in flat],
        },
        texts,
        ("text",),
    )


PARSE_COLUMNS = ("token", "sentence", "start", "end", "text", "upos", "xpos", "lemma", "head", "deprel")


def parses(
    series: pd.Series[Any],
    parser: stancekit.Parser | None = None,
    *,
    progress: bool | None = None,
) -> pd.DataFrame:
    """One row per word with its analysis: ``token`` (number in its text), ``sentence``,
    ``start``, ``end``, ``text``, ``upos``, ``xpos``, ``lemma``, ``head`` (the ``token`` number of
    the head word, ``<NA>`` for a sentence's root) and ``deprel``.

    Built from :meth:`stancekit.Parser.parse_arrays`, without one Python object per word for
    the analysis: tags and relations are categoricals, lemmas an Arrow string column when pyarrow
    is installed.
    """
    pd = require("pandas", "pandas")
    texts, positions = _texts(series)
    cols = with_progress((parser or stancekit.Parser()).parse_arrays, texts, progress, "parse")
    docs, starts, ends = cols["doc"], cols["start"], cols["end"]
    head = pd.array(np.where(cols["head"] < 0, 0, cols["head"]), dtype="Int64")
    head[cols["head"] < 0] = pd.NA
    frame = _frame(
        series,
        positions[docs],
        {
            "token": _numbering(docs),
            "sentence": cols["sentence"],
            "start": starts,
            "end": ends,
            "text": [
                texts[d][a:b] for d, a, b in zip(docs.tolist(), starts.tolist(), ends.tolist(), strict=True)
            ],
            "upos": pd.Categorical.from_codes(cols["upos"], categories=cols["upos_names"]),
            "xpos": pd.Categorical.from_codes(cols["xpos"], categories=cols["xpos_names"]),
            "lemma": _lemmas(cols["lemma_data"], cols["lemma_offsets"]),
            "head": head,
            "deprel": pd.Categorical.from_codes(cols["deprel"], categories=cols["deprel_names"]),
        },
        texts,
        ("text",),
    )
    return frame


def _lemmas(data: bytes, offsets: np.ndarray[Any, Any]) -> Any:
    """The lemma column: Arrow strings over the UTF-8 buffer when pyarrow is there (no object per
    word), Python strings otherwise."""
    import pandas as pd

    try:
        import pyarrow as pa
    except ImportError:
        return [
            data[a:b].decode("utf-8")
            for a, b in zip(offsets[:-1].tolist(), offsets[1:].tolist(), strict=True)
        ]
    array = pa.LargeStringArray.from_buffers(
        len(offsets) - 1, pa.py_buffer(offsets.astype(np.int64)), pa.py_buffer(data)
    )
    return pd.arrays.ArrowExtensionArray(array)


STANCE_COLUMNS = (
    "holder",
    "target",
    "stance",
    "cue",
    "score",
    "rule",
    "sentence_start",
    "sentence_end",
    "sentence",
    "holder_start",
    "holder_end",
    "target_start",
    "target_end",
    "cue_start",
    "cue_end",
)


def stances(
    series: pd.Series[Any],
    targets: Mapping[str, Sequence[str]] | None = None,
    tagger: Any = None,
    *,
    progress: bool | None = None,
) -> pd.DataFrame:
    """One row per stance triple (holder → target, FAVOR/AGAINST), keyed by the Series' index.

    Pass ``targets`` (canonical name → aliases) or a ready ``tagger``. Span columns are
    code-point offsets into the row's text; missing holder/target spans are ``<NA>``.
    """
    pd = require("pandas", "pandas")
    if tagger is None:
        tagger = stancekit.StanceTagger(targets=dict(targets) if targets is not None else None)
    texts, positions = _texts(series)
    per_doc = with_progress(tagger.tag_batch, texts, progress, "stances")
    docs = np.repeat(np.arange(len(per_doc), dtype=np.int64), [len(t) for t in per_doc])
    records: dict[str, list[Any]] = {name: [] for name in STANCE_COLUMNS}
    for d, doc in zip(docs.tolist(), [s for triples in per_doc for s in triples], strict=True):
        text = texts[d]
        sent_start, sent_end = doc.sentence
        holder = doc.holder_span or (None, None)
        target = doc.target_span or (None, None)
        values = (
            doc.holder,
            doc.target,
            doc.stance,
            doc.cue,
            doc.score,
            doc.rule,
            sent_start,
            sent_end,
            text[sent_start:sent_end],
            holder[0],
            holder[1],
            target[0],
            target[1],
            doc.cue_span[0],
            doc.cue_span[1],
        )
        for name, value in zip(STANCE_COLUMNS, values, strict=True):
            records[name].append(value)
    frame = _frame(series, positions[docs], records, texts, ("cue", "sentence"))
    for name in ("holder_start", "holder_end", "target_start", "target_end"):
        frame[name] = pd.array(records[name], dtype="Int64")
    return frame


def _register_accessor() -> None:
    """``series.stance.sentences()``, ``.tokens()``, ``.parses()``, ``.stances(targets=...)``."""
    pd = require("pandas", "pandas")

    @pd.api.extensions.register_series_accessor("stance")
    class StanceAccessor:
        """stancekit on a Series of texts: tidy frames keyed by the Series' index."""

        def __init__(self, series: pd.Series[Any]) -> None:
            self._series = series

        def sentences(
            self, splitter: stancekit.SentenceSplitter | None = None, *, progress: bool | None = None
        ) -> Any:
            return sentences(self._series, splitter, progress=progress)

        def tokens(
            self,
            tokenizer: stancekit.Tokenizer | None = None,
            *,
            parse: bool = False,
            parser: stancekit.Parser | None = None,
            progress: bool | None = None,
        ) -> Any:
            return tokens(self._series, tokenizer, parse=parse, parser=parser, progress=progress)

        def parses(self, parser: stancekit.Parser | None = None, *, progress: bool | None = None) -> Any:
            return parses(self._series, parser, progress=progress)

        def stances(
            self,
            targets: Mapping[str, Sequence[str]] | None = None,
            tagger: Any = None,
            *,
            progress: bool | None = None,
        ) -> Any:
            return stances(self._series, targets, tagger, progress=progress)


_register_accessor()
