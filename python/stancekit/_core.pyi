# Hand-written stubs for the Rust extension `stancekit._core`, checked by `mypy.stubtest`.
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, Literal, final

import numpy as np
import numpy.typing as npt

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
    "StanceClassifierCore",
    "StanceTagger",
    "StancekitError",
    "Token",
    "Tokenizer",
    "VersionError",
    "Word",
    "__version__",
    "_paragraph_spans",
    "_set_progress",
    "parallelism_enabled",
    "set_parallelism",
    "train_syntax_model",
]

__version__: str
FORMAT_VERSION: int
#: The names ``StanceTagger(engine=...)`` accepts, the default first.
STANCE_ENGINES: tuple[str, ...]

class StancekitError(ValueError): ...
class ConfigError(StancekitError): ...
class ArgumentError(StancekitError): ...
class SerializationError(StancekitError): ...
class VersionError(SerializationError): ...
class ResourceError(StancekitError): ...
class InternalError(StancekitError): ...

_TokenKind = Literal["word", "number", "punct", "symbol", "url", "email", "hashtag", "mention", "emoji"]
_OffsetKind = Literal["char", "byte"]

@final
class Token:
    """A token: ``text[t.start:t.end] == t.text`` (code-point offsets into the original text)."""

    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def text(self) -> str: ...
    @property
    def kind(self) -> _TokenKind: ...
    def __new__(cls, start: int, end: int, text: str, kind: str) -> Token: ...
    def __reduce__(self) -> tuple[type[Token], tuple[int, int, str, str]]: ...
    def to_dict(self) -> dict[str, Any]: ...

@final
class Sentence:
    """A sentence: ``text[s.start:s.end] == s.text`` (code-point offsets into the original text)."""

    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def text(self) -> str: ...
    def __new__(cls, start: int, end: int, text: str) -> Sentence: ...
    def __reduce__(self) -> tuple[type[Sentence], tuple[int, int, str]]: ...
    def to_dict(self) -> dict[str, Any]: ...

@final
class Tokenizer:
    """Word tokenizer; immutable, picklable (as its JSON config)."""

    def __new__(cls, *, split_clitics: bool = True) -> Tokenizer: ...
    @property
    def split_clitics(self) -> bool: ...
    def tokenize(self, text: str) -> list[Token]: ...
    def tokenize_batch(self, texts: Iterable[str]) -> list[list[Token]]: ...
    def tokenize_offsets(self, text: str, *, offsets: _OffsetKind = "char") -> npt.NDArray[np.int64]: ...
    def tokenize_offsets_batch(
        self, texts: Iterable[str], *, offsets: _OffsetKind = "char"
    ) -> npt.NDArray[np.int64]: ...
    def to_json(self) -> str: ...
    @staticmethod
    def from_json(json: str) -> Tokenizer: ...
    def __reduce__(self) -> tuple[Any, tuple[str]]: ...

@final
class SentenceSplitter:
    """Sentence splitter for English news; immutable, picklable (as its JSON config)."""

    def __new__(cls, *, extra_abbreviations: list[str] = ...) -> SentenceSplitter: ...
    @property
    def extra_abbreviations(self) -> list[str]: ...
    def split(self, text: str) -> list[Sentence]: ...
    def split_batch(self, texts: Iterable[str]) -> list[list[Sentence]]: ...
    def split_offsets(self, text: str, *, offsets: _OffsetKind = "char") -> npt.NDArray[np.int64]: ...
    def split_offsets_batch(
        self, texts: Iterable[str], *, offsets: _OffsetKind = "char"
    ) -> npt.NDArray[np.int64]: ...
    def to_json(self) -> str: ...
    @staticmethod
    def from_json(json: str) -> SentenceSplitter: ...
    def __reduce__(self) -> tuple[Any, tuple[str]]: ...

def set_parallelism(enabled: bool) -> None: ...
def parallelism_enabled() -> bool: ...
def _set_progress(callback: Callable[[int, int], object] | None) -> None:
    """Install ``callback(done_bytes, total_bytes)`` for core calls of this thread (private)."""

def _paragraph_spans(text: str, size: int) -> list[tuple[int, int]]:
    """Code-point spans of ``text`` cut at blank lines into pieces of about ``size`` bytes (private)."""

# --- stance tagging ---
@final
class Stance:
    """One stance triple: ``holder`` favours or opposes ``target``, said by ``cue``.

    Offsets are code points into the original text: ``text[s.cue_span[0]:s.cue_span[1]] == s.cue``.
    Frozen, hashable, picklable, ordered by (sentence, cue_span, holder, target, stance, ...).
    """

    @property
    def holder(self) -> str:
        """Canonical holder name ("" when implied; "UNRESOLVED" for a pronoun without antecedent)."""
    @property
    def holder_span(self) -> tuple[int, int] | None:
        """Where the holder is mentioned in the sentence: its name, or a pronoun that refers to it;
        None if implied or named only in another sentence (the speaker of a quote)."""
    @property
    def target(self) -> str: ...
    @property
    def target_span(self) -> tuple[int, int] | None: ...
    @property
    def stance(self) -> Literal["FAVOR", "AGAINST"]: ...
    @property
    def cue(self) -> str: ...
    @property
    def cue_span(self) -> tuple[int, int]: ...
    @property
    def sentence(self) -> tuple[int, int]: ...
    @property
    def score(self) -> float: ...
    @property
    def rule(self) -> str:
        """Why: frame and argument roles, e.g. ``verb:passive-by-agent+list``."""
    def __new__(
        cls,
        holder: str,
        holder_span: tuple[int, int] | None,
        target: str,
        target_span: tuple[int, int] | None,
        stance: Literal["FAVOR", "AGAINST"],
        cue: str,
        cue_span: tuple[int, int],
        sentence: tuple[int, int],
        score: float,
        rule: str,
    ) -> Stance: ...
    def to_dict(self) -> dict[str, object]: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __lt__(self, other: Stance, /) -> bool: ...
    def __le__(self, other: Stance, /) -> bool: ...
    def __gt__(self, other: Stance, /) -> bool: ...
    def __ge__(self, other: Stance, /) -> bool: ...
    def __hash__(self) -> int: ...

@final
class StanceTagger:
    """Finds who favours or opposes whom in English news. Immutable; pickles as its JSON config.

    ``targets`` maps a canonical name to its aliases; ``None`` makes every actor found (countries,
    international bodies, officials, named persons) a target under its canonical name. ``actors``
    adds actors to the built-in gazetteer. ``classifier`` re-scores every triple found by the
    rules with a trained classifier: ``"default"`` (the shipped NewsMTSC model) or a trained
    ``StanceClassifier`` (kept as its JSON, so the tagger still pickles); it never adds or drops
    a triple. ``engine`` picks the mechanism: ``"combined"`` (the default and the best measured:
    the cue rules over tokens, then cue frames matched on the dependency parse for each target the
    rules found nothing toward in a sentence), ``"rules"`` (the cue rules alone: no parse, about
    20 times faster, sentences also cut at line breaks) or ``"syntax"`` (the frames alone). Raises
    ``ConfigError`` for an empty mapping, an empty name or alias, an alias that is only stop
    words, an alias shared by two targets, a name with a lone surrogate, an unknown
    ``classifier`` or ``engine`` string, or ``min_score`` outside 0..1; ``TypeError`` for
    arguments of the wrong type.
    """

    def __new__(
        cls,
        targets: Mapping[str, Sequence[str]] | None = None,
        *,
        actors: Mapping[str, Sequence[str]] | None = None,
        min_score: float = 0.0,
        classifier: Literal["default"] | StanceClassifierCore | Any | None = None,
        engine: Literal["combined", "rules", "syntax"] | None = None,
    ) -> StanceTagger: ...
    @property
    def classifier(self) -> Literal["default", "custom"] | None:
        """The classifier that re-scores triples (``None``: rule strength only)."""
    @property
    def engine(self) -> Literal["combined", "rules", "syntax"]:
        """The mechanism that finds triples."""
    @property
    def targets(self) -> dict[str, list[str]] | None: ...
    @property
    def actors(self) -> dict[str, list[str]]: ...
    @property
    def min_score(self) -> float: ...
    def tag(self, text: str) -> list[Stance]:
        """All stance triples in ``text``, in text order. Any str works (empty, punctuation, 100 MB)."""
    def tag_batch(self, texts: Iterable[str]) -> list[list[Stance]]:
        """``[tag(t) for t in texts]`` without the GIL, on all cores."""
    def classify(self, text: str, target_span: tuple[int, int]) -> Literal["FAVOR", "AGAINST", "NONE"]:
        """Sentence-level stance toward the mention at ``target_span`` (code points), holder-agnostic.

        ``ArgumentError`` for a span that is negative, reversed or outside the text."""
    @staticmethod
    def targets_from_texts(texts: Iterable[str], n: int = 5) -> dict[str, list[str]]:
        """The ``n`` most-mentioned people in ``texts`` as a ``targets`` mapping.

        Ready to pass to ``StanceTagger``: no name or alias any engine refuses, none shared.
        """
    def to_json(self) -> str: ...
    @staticmethod
    def from_json(json: str) -> StanceTagger: ...
    def __reduce__(self) -> tuple[object, tuple[str]]: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...

# --- trainable classifier ---
@final
class StanceClassifierCore:
    """A trained stance classifier (the core of ``stancekit.StanceClassifier``).

    Immutable; pickles as its JSON.
    """

    @staticmethod
    def fit(
        texts: Iterable[str] | Iterable[tuple[str, object]],
        targets: Iterable[object] | None,
        labels: Sequence[str],
        y: Sequence[int],
        *,
        config: str = "{}",
        sample_weight: Sequence[float] | None = None,
    ) -> StanceClassifierCore: ...
    @staticmethod
    def default() -> StanceClassifierCore: ...
    @staticmethod
    def default_config() -> str: ...
    @property
    def labels(self) -> list[str]: ...
    @property
    def config(self) -> str: ...
    @property
    def info(self) -> dict[str, int | float]: ...
    @property
    def notice(self) -> str: ...
    def predict_proba(
        self, texts: Iterable[str] | Iterable[tuple[str, object]], targets: Iterable[object] | None = None
    ) -> npt.NDArray[np.float32]: ...
    def predict(
        self, texts: Iterable[str] | Iterable[tuple[str, object]], targets: Iterable[object] | None = None
    ) -> npt.NDArray[np.int64]: ...
    def explain(self, text: str, target: object, *, top: int | None = None) -> dict[str, Any]: ...
    def encode(self, encoding: Literal["f32", "q16", "q8"] = "f32", notice: str | None = None) -> str: ...
    def to_json(self) -> str: ...
    @staticmethod
    def from_json(json: str) -> StanceClassifierCore: ...
    def __reduce__(self) -> tuple[Callable[[str], StanceClassifierCore], tuple[str]]: ...
    def __eq__(self, other: object, /) -> bool: ...

# --- syntax ---
@final
class Word:
    """One UD syntactic word: ``text[w.start:w.end] == w.text`` (code points into the original).

    ``head`` is the index of the head word in the same list (``None`` for a sentence's root),
    ``deprel`` the UD relation with its subtype (``nsubj:pass``), ``sentence`` the sentence index.
    """

    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def text(self) -> str: ...
    @property
    def upos(self) -> str: ...
    @property
    def xpos(self) -> str: ...
    @property
    def lemma(self) -> str: ...
    @property
    def head(self) -> int | None: ...
    @property
    def deprel(self) -> str: ...
    @property
    def sentence(self) -> int: ...
    def __new__(
        cls,
        start: int,
        end: int,
        text: str,
        upos: str,
        xpos: str,
        lemma: str,
        head: int | None,
        deprel: str,
        sentence: int,
    ) -> Word: ...
    def __reduce__(self) -> tuple[type[Word], tuple[Any, ...]]: ...
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...

@final
class Parser:
    """Tagger (UPOS, Penn XPOS), lemmatizer and labelled dependency parser (UD).

    ``model`` is a model file written by ``python -m stancekit.train parser`` (``None``: the
    built-in English model, trained on UD English EWT, CC BY-SA 4.0). Sentences longer than
    ``max_sentence_words`` (at least 8) are parsed in pieces whose roots attach to the first
    piece's root as ``parataxis``. Immutable; pickles as its JSON config (not the weights).
    """

    def __new__(cls, *, model: str | None = None, max_sentence_words: int = 200) -> Parser: ...
    @property
    def model(self) -> str | None: ...
    @property
    def max_sentence_words(self) -> int: ...
    @property
    def labels(self) -> list[str]: ...
    @property
    def tags(self) -> list[tuple[str, str]]: ...
    def parse(self, text: str) -> list[Word]: ...
    def parse_batch(self, texts: Iterable[str]) -> list[list[Word]]: ...
    def parse_tokens(self, sentences: Sequence[Sequence[str]]) -> list[Word]:
        """Parse your own tokenization: a list of sentences, each a list of words. Offsets index
        ``" ".join`` of all the words; heads index the returned list."""
    def parse_arrays(self, texts: Iterable[str], *, offsets: _OffsetKind = "char") -> dict[str, Any]:
        """Columns of a batch without one object per word: int64 ``doc``, ``sentence``,
        ``start``, ``end``, ``head`` (index within the document, -1 for a root); int16 codes
        ``upos``, ``xpos``, ``deprel`` into ``upos_names``, ``xpos_names``, ``deprel_names``;
        lemmas as UTF-8 ``lemma_data`` with int64 ``lemma_offsets`` (n + 1, Arrow layout)."""
    def to_conllu(self, text: str) -> str: ...
    def to_json(self) -> str: ...
    @staticmethod
    def from_json(json: str) -> Parser: ...
    def __reduce__(self) -> tuple[Any, tuple[str]]: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...

def train_syntax_model(
    conllu: str, *, clusters: str | None = None, lemmas: str | None = None, config: str | None = None
) -> bytes:
    """Train a syntax model on a CoNLL-U treebank; returns the model file's bytes."""
