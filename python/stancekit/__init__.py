"""stancekit: sentences, tokens and stance from English news, with a Rust core.

Offsets are code points into the original text, so ``text[x.start:x.end] == x.text``.
Every ``*_batch`` function releases the GIL and runs on all cores (set the environment
variable ``STANCEKIT_PARALLELISM=0`` or call :func:`set_parallelism` to run serially).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Literal

from stancekit._core import (
    FORMAT_VERSION,
    STANCE_ENGINES,
    Parser,
    Sentence,
    SentenceSplitter,
    Stance,
    StanceTagger,
    Token,
    Tokenizer,
    Word,
    __version__,
    parallelism_enabled,
    set_parallelism,
)
from stancekit.classifier import StanceClassifier
from stancekit.exceptions import (
    ArgumentError,
    ConfigError,
    InternalError,
    ResourceError,
    SerializationError,
    StancekitError,
    VersionError,
)

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt
    import pandas as pd

__all__ = [
    "FORMAT_VERSION",
    "STANCE_ENGINES",
    "ArgumentError",
    "ConfigError",
    "InternalError",
    "Parser",
    "ResourceError",
    "Sentence",
    "SentenceSplitter",
    "SerializationError",
    "Stance",
    "StanceClassifier",
    "StanceTagger",
    "StancekitError",
    "Token",
    "Tokenizer",
    "VersionError",
    "Word",
    "__version__",
    "parallelism_enabled",
    "parse",
    "parse_batch",
    "set_parallelism",
    "split_sentences",
    "split_sentences_batch",
    "split_sentences_offsets",
    "split_sentences_offsets_batch",
    "summarize",
    "to_conllu",
    "tokenize",
    "tokenize_batch",
    "tokenize_offsets",
    "tokenize_offsets_batch",
]

_SPLITTER = SentenceSplitter()
_TOKENIZER = Tokenizer()

Offsets = Literal["char", "byte"]

_PARSER: Parser | None = None


def _parser() -> Parser:
    # Built on first use: loading the model takes a fraction of a second that `import stancekit`
    # should not pay.
    global _PARSER
    if _PARSER is None:
        _PARSER = Parser()
    return _PARSER


def parse(text: str) -> list[Word]:
    """Split, tokenize, tag, lemmatize and parse ``text`` with the default :class:`Parser`.

    One :class:`Word` per UD syntactic word, in text order; ``head`` indexes the same list
    (``None`` for a sentence's root).

    >>> for w in parse("Russia backs Maduro."):
    ...     print(w.text, w.upos, w.lemma, w.head, w.deprel)
    Russia PROPN Russia 1 nsubj
    backs VERB back None root
    Maduro PROPN Maduro 1 obj
    . PUNCT . 1 punct
    """
    return _parser().parse(text)


def parse_batch(texts: Iterable[str]) -> list[list[Word]]:
    """Parse many texts on all cores; same result as ``[parse(t) for t in texts]``."""
    return _parser().parse_batch(texts)


def to_conllu(text: str) -> str:
    """The analysis of ``text`` as CoNLL-U (one block per sentence, with ``# text`` comments)."""
    return _parser().to_conllu(text)


def summarize(stances: pd.DataFrame, *, examples: int = 1) -> pd.DataFrame:
    """Holder × target table of FAVOR/AGAINST counts with example sentences (needs pandas).

    See :func:`stancekit.summary.summarize`.
    """
    from stancekit.summary import summarize as _summarize

    return _summarize(stances, examples=examples)


def split_sentences(text: str) -> list[Sentence]:
    """Split ``text`` into sentences with the default :class:`SentenceSplitter`.

    >>> [s.text for s in split_sentences("Mr. Guaidó spoke. Maduro did not.")]
    ['Mr. Guaidó spoke.', 'Maduro did not.']
    """
    return _SPLITTER.split(text)


def split_sentences_batch(texts: Iterable[str]) -> list[list[Sentence]]:
    """Split many texts on all cores; same result as ``[split_sentences(t) for t in texts]``."""
    return _SPLITTER.split_batch(texts)


def split_sentences_offsets(text: str, *, offsets: Offsets = "char") -> npt.NDArray[np.int64]:
    """Sentence spans as an ``(n, 2)`` int64 array of ``start, end`` (no per-sentence objects)."""
    return _SPLITTER.split_offsets(text, offsets=offsets)


def split_sentences_offsets_batch(
    texts: Iterable[str], *, offsets: Offsets = "char"
) -> npt.NDArray[np.int64]:
    """Sentence spans of many texts as an ``(n, 3)`` int64 array of ``doc, start, end``."""
    return _SPLITTER.split_offsets_batch(texts, offsets=offsets)


def tokenize(text: str) -> list[Token]:
    """Tokenize ``text`` with the default :class:`Tokenizer` (clitics split as UD words).

    >>> [t.text for t in tokenize("Venezuela's leader didn't go.")]
    ['Venezuela', "'s", 'leader', 'did', "n't", 'go', '.']
    """
    return _TOKENIZER.tokenize(text)


def tokenize_batch(texts: Iterable[str]) -> list[list[Token]]:
    """Tokenize many texts on all cores; same result as ``[tokenize(t) for t in texts]``."""
    return _TOKENIZER.tokenize_batch(texts)


def tokenize_offsets(text: str, *, offsets: Offsets = "char") -> npt.NDArray[np.int64]:
    """Token spans as an ``(n, 2)`` int64 array of ``start, end`` (no per-token objects)."""
    return _TOKENIZER.tokenize_offsets(text, offsets=offsets)


def tokenize_offsets_batch(texts: Iterable[str], *, offsets: Offsets = "char") -> npt.NDArray[np.int64]:
    """Token spans of many texts as an ``(n, 3)`` int64 array of ``doc, start, end``."""
    return _TOKENIZER.tokenize_offsets_batch(texts, offsets=offsets)
