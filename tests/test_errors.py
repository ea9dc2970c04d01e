"""One error path: every failure a user can cause is a TypeError or a StancekitError subclass.

Never UnicodeEncodeError, UnicodeDecodeError, OverflowError, KeyError, AttributeError or a
plain ValueError.
"""

from __future__ import annotations

import gzip
import json
import pickle
import types
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path

import pytest

import stancekit
from stancekit import (
    ArgumentError,
    ConfigError,
    SentenceSplitter,
    SerializationError,
    StanceClassifier,
    StanceTagger,
    Tokenizer,
)
from stancekit._core import StanceClassifierCore

pd = pytest.importorskip("pandas")

TARGETS = {"Nicolas Maduro": ["Maduro"]}
TEXT = "Critics slammed Maduro for the crackdown."
TAGGER = StanceTagger(TARGETS)
CLASSIFIER = StanceClassifier.default()

STANCE = {
    "holder": "A",
    "holder_span": None,
    "target": "B",
    "target_span": None,
    "stance": "FAVOR",
    "cue": "x",
    "cue_span": (0, 1),
    "sentence": (0, 1),
    "score": 0.5,
    "rule": "r",
}
STANCES_FRAME_COLUMNS = ["holder", "target", "stance", "sentence"]


def stance(**changes: object) -> stancekit.Stance:
    return stancekit.Stance(**{**STANCE, **changes})  # type: ignore[arg-type]


CASES: list[tuple[str, Callable[[], object], type[Exception], str]] = [
    (
        "from_json with a surrogate",
        lambda: Tokenizer.from_json('{"type":"\ud800"}'),
        SerializationError,
        "surrogate",
    ),
    (
        "tagger from_json with a surrogate",
        lambda: StanceTagger.from_json("\udcff"),
        SerializationError,
        "surrogate",
    ),
    ("classify a negative span", lambda: TAGGER.classify(TEXT, (-1, 5)), ArgumentError, ">= 0"),
    ("classify a huge span", lambda: TAGGER.classify(TEXT, (0, 10**30)), ArgumentError, "outside the text"),
    ("classify a reversed span", lambda: TAGGER.classify(TEXT, (9, 3)), ArgumentError, "reversed"),
    ("classify a span past the end", lambda: TAGGER.classify(TEXT, (40, 50)), ArgumentError, "outside"),
    ("classify a str span", lambda: TAGGER.classify(TEXT, "Maduro"), TypeError, "pair"),  # type: ignore[arg-type]
    ("targets_from_texts(-1)", lambda: StanceTagger.targets_from_texts([TEXT], -1), ArgumentError, ">= 0"),
    ("targets_from_texts(float)", lambda: StanceTagger.targets_from_texts([TEXT], 2.5), TypeError, "int"),  # type: ignore[arg-type]
    ("explain(top=-1)", lambda: CLASSIFIER.explain(TEXT, "Maduro", top=-1), ArgumentError, ">= 0"),
    ("explain a huge span", lambda: CLASSIFIER.explain(TEXT, (0, 10**30)), ArgumentError, "outside"),
    ("predict a reversed span", lambda: CLASSIFIER.predict([(TEXT, (9, 3))]), ArgumentError, "row 0"),
    ("offsets='bytes'", lambda: stancekit.tokenize_offsets(TEXT, offsets="bytes"), ArgumentError, "'byte'"),  # type: ignore[arg-type]
    (
        "offsets=3",
        lambda: stancekit.split_sentences_offsets_batch([TEXT], offsets=3),
        ArgumentError,
        "'char'",
    ),  # type: ignore[arg-type]
    ("classifier='best'", lambda: StanceTagger(TARGETS, classifier="best"), ConfigError, "best"),
    (
        "a surrogate in a target name",
        lambda: StanceTagger({"Madur\udcf6": ["Maduro"]}),
        ConfigError,
        "surrogate",
    ),
    ("a surrogate in an alias", lambda: StanceTagger({"Maduro": ["\ud800"]}), ConfigError, "surrogate"),
    ("a target name that is not str", lambda: StanceTagger({3: ["Maduro"]}), TypeError, "must be str"),  # type: ignore[dict-item]
    (
        "a surrogate abbreviation",
        lambda: SentenceSplitter(extra_abbreviations=["Gov\udcff"]),
        ConfigError,
        "surrogate",
    ),
    ("abbreviations as a str", lambda: SentenceSplitter(extra_abbreviations="Gov"), TypeError, "single str"),  # type: ignore[arg-type]
    ("a negative token start", lambda: stancekit.Token(-1, 2, "ab", "word"), ArgumentError, ">= 0"),
    ("an unknown token kind", lambda: stancekit.Token(0, 2, "ab", "noun"), ArgumentError, "kind"),
    ("a reversed sentence", lambda: stancekit.Sentence(5, 2, "ab"), ArgumentError, "exceed"),
    ("a stance of another kind", lambda: stance(stance="MAYBE"), ArgumentError, "stance"),
    ("a negative stance span", lambda: stance(holder_span=(-1, 2)), ArgumentError, ">= 0"),
    ("a surrogate holder", lambda: stance(holder="\udcff"), ArgumentError, "surrogate"),
    (
        "tagger JSON without its config",
        lambda: StanceTagger.from_json('{"type": "StanceTagger", "version": 1}'),
        SerializationError,
        "config",
    ),
    (
        "tokenizer JSON without its config",
        lambda: Tokenizer.from_json('{"type": "Tokenizer", "version": 1}'),
        SerializationError,
        "config",
    ),
    ("summarize([])", lambda: stancekit.summarize([]), TypeError, "DataFrame"),  # type: ignore[arg-type]
    (
        "summarize without columns",
        lambda: stancekit.summarize(pd.DataFrame({"x": [1]})),
        ArgumentError,
        "columns",
    ),
    (
        "summarize(examples=-1)",
        lambda: stancekit.summarize(pd.DataFrame(columns=STANCES_FRAME_COLUMNS), examples=-1),
        ArgumentError,
        ">= 0",
    ),
    (
        "fit_frame with a missing column",
        lambda: StanceClassifier().fit_frame(pd.DataFrame({"text": ["a b"], "target": ["a"]})),
        ArgumentError,
        "'label' is not a column",
    ),
    ("set_params of an unknown name", lambda: StanceClassifier().set_params(bogus=1), ArgumentError, "bogus"),
    (
        "a classifier file with a surrogate notice",
        lambda: CLASSIFIER.to_json(notice="\udcff"),
        ArgumentError,
        "surrogate",
    ),
    ("an unknown encoding", lambda: CLASSIFIER.to_json(encoding="f16"), ArgumentError, "encoding"),  # type: ignore[arg-type]
]

FORBIDDEN = (UnicodeError, OverflowError, KeyError, AttributeError, IndexError)


@pytest.mark.parametrize(("call", "error", "message"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_user_errors_are_typed(call: Callable[[], object], error: type[Exception], message: str) -> None:
    with pytest.raises(error, match=message) as info:
        call()
    assert isinstance(info.value, TypeError | stancekit.StancekitError)
    assert not isinstance(info.value, FORBIDDEN)


def test_mapping_proxy_and_other_mappings_are_accepted_as_targets() -> None:
    text = "Russia backs Maduro."
    expected = StanceTagger(TARGETS).tag(text)
    assert expected
    assert StanceTagger(types.MappingProxyType(TARGETS)).tag(text) == expected

    class Targets(Mapping[str, list[str]]):
        def __getitem__(self, key: str) -> list[str]:
            return TARGETS[key]

        def __iter__(self) -> Iterator[str]:
            return iter(TARGETS)

        def __len__(self) -> int:
            return len(TARGETS)

    assert StanceTagger(Targets()).tag(text) == expected
    with pytest.raises(TypeError, match="mapping"):
        StanceTagger([("Nicolas Maduro", ["Maduro"])])  # type: ignore[arg-type]


def _model_json(**changes: object) -> str:
    data = json.loads(CLASSIFIER.to_json())
    data["config"].update(changes)
    return json.dumps(data)


def test_a_classifier_file_with_duplicate_labels_is_rejected() -> None:
    with pytest.raises(SerializationError, match="appears twice"):
        StanceClassifier.from_json(_model_json(labels=["FAVOR", "FAVOR", "NONE"]))
    assert StanceClassifier.from_json(_model_json()) == CLASSIFIER


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (gzip.compress(CLASSIFIER.to_json().encode()), "gzip"),
        ("Caf\xe9 is not a model".encode("latin-1"), "not UTF-8"),
        (b"\x00\x01\x02\xff", "not UTF-8"),
        (b'{"type": "StanceClassifier", "version": 1}', "config"),
    ],
)
def test_loading_a_file_that_is_not_a_model_is_a_serialization_error(
    tmp_path: Path, content: bytes, message: str
) -> None:
    path = tmp_path / "model.json"
    path.write_bytes(content)
    with pytest.raises(SerializationError, match=message):
        StanceClassifier.load(path)


def test_classifier_equality_survives_pickling_and_is_unhashable(tmp_path: Path) -> None:
    clone = pickle.loads(pickle.dumps(CLASSIFIER))
    assert clone == CLASSIFIER
    assert StanceClassifier(C=2.0) != StanceClassifier()
    assert StanceClassifier() == StanceClassifier()
    assert clone != StanceClassifier()  # fitted vs not fitted
    CLASSIFIER.save(tmp_path / "m.json")
    assert StanceClassifier.load(tmp_path / "m.json") == CLASSIFIER
    with pytest.raises(TypeError, match="unhashable"):
        hash(CLASSIFIER)


ENGINES = [
    Tokenizer(split_clitics=False),
    SentenceSplitter(extra_abbreviations=["Gov", "Sen"]),
    StanceTagger(TARGETS, actors={"Acme Corporation": ["Acme"]}, min_score=0.3),
    StanceClassifierCore.default(),
]


@pytest.mark.parametrize("engine", ENGINES, ids=lambda e: type(e).__name__)
def test_engines_share_one_json_pickle_equality_and_hash(engine: object) -> None:
    cls = type(engine)
    json_text = engine.to_json()  # type: ignore[attr-defined]
    clone = pickle.loads(pickle.dumps(engine))
    assert clone == engine
    assert hash(clone) == hash(engine)
    assert clone.to_json() == json_text
    # Equal engines read from differently spaced JSON are equal and hash alike.
    respaced = cls.from_json(json.dumps(json.loads(json_text), indent=2))  # type: ignore[attr-defined]
    assert respaced == engine
    assert hash(respaced) == hash(engine)
    assert engine != object()
    assert repr(engine).startswith(cls.__name__)
    fn, args = engine.__reduce__()  # type: ignore[attr-defined]
    assert fn == cls.from_json  # type: ignore[attr-defined]
    assert args == (json_text,)


def test_different_engines_are_unequal() -> None:
    assert Tokenizer() != Tokenizer(split_clitics=False)
    assert SentenceSplitter() != SentenceSplitter(extra_abbreviations=["Gov"])
    assert StanceTagger(TARGETS) != StanceTagger(TARGETS, min_score=0.5)
    assert len({Tokenizer(), Tokenizer(), Tokenizer(split_clitics=False)}) == 2
