"""Binding behaviour of Tokenizer and SentenceSplitter (rule-level coverage lives in Rust)."""

from __future__ import annotations

import copy
import pickle

import numpy as np
import pytest

import stancekit
from stancekit import Sentence, SentenceSplitter, Token, Tokenizer

TEXT = "Guaidó met Mr. Pompeo in Washington on Feb. 8. “We’re ready,” he said 😀. Details: https://x.org/a"


def test_sentence_offsets_index_the_original_text() -> None:
    sentences = stancekit.split_sentences(TEXT)
    assert len(sentences) >= 2
    for s in sentences:
        assert TEXT[s.start : s.end] == s.text
        assert s.text == s.text.strip()


def test_invisible_format_characters_are_separators() -> None:
    text = "\ufeffRussia backs Maduro. Cuba backs Maduro."
    sentences = stancekit.split_sentences(text)
    assert [(s.start, s.text) for s in sentences] == [(1, "Russia backs Maduro."), (22, "Cuba backs Maduro.")]
    text = "Maduro\u202c spoke.\u200b Then \u2066Guaido\u2069 left\u200e."
    words = ["Maduro", "spoke", ".", "Then", "Guaido", "left", "."]
    assert [t.text for t in stancekit.tokenize(text)] == words
    sentences = stancekit.split_sentences(text)
    assert [s.text for s in sentences] == ["Maduro\u202c spoke.", "Then \u2066Guaido\u2069 left\u200e."]


def test_control_characters_are_separators() -> None:
    assert stancekit.split_sentences("\x00") == []
    assert stancekit.tokenize("\x00\x7f\x9f") == []
    text = "Maduro spoke.\x00Guaido replied."
    assert [(s.start, s.end, s.text) for s in stancekit.split_sentences(text)] == [
        (0, 13, "Maduro spoke."),
        (14, 29, "Guaido replied."),
    ]


def test_token_offsets_index_the_original_text() -> None:
    tokens = stancekit.tokenize(TEXT)
    assert [t.text for t in tokens][:3] == ["Guaidó", "met", "Mr."]
    for t in tokens:
        assert TEXT[t.start : t.end] == t.text
        assert t.kind in {"word", "number", "punct", "symbol", "url", "email", "hashtag", "mention", "emoji"}


def test_offset_arrays_match_objects_in_chars_and_bytes() -> None:
    tokens = stancekit.tokenize(TEXT)
    arr = stancekit.tokenize_offsets(TEXT)
    assert arr.dtype == np.int64
    assert arr.shape == (len(tokens), 2)
    assert arr.tolist() == [[t.start, t.end] for t in tokens]
    raw = TEXT.encode("utf-8")
    byte_arr = stancekit.tokenize_offsets(TEXT, offsets="byte")
    assert [raw[s:e].decode() for s, e in byte_arr.tolist()] == [t.text for t in tokens]
    sent = stancekit.split_sentences_offsets(TEXT)
    assert sent.tolist() == [[s.start, s.end] for s in stancekit.split_sentences(TEXT)]
    with pytest.raises(ValueError, match="offsets must be 'char' or 'byte'"):
        stancekit.tokenize_offsets(TEXT, offsets="bytes")  # type: ignore[arg-type]


def test_offset_arrays_are_writable_numpy() -> None:
    arr = stancekit.split_sentences_offsets("One. Two.")
    arr[0, 0] = 5
    assert arr[0, 0] == 5


def test_batch_equals_single_calls() -> None:
    texts = [TEXT, "", "No punctuation here", "A. B. C.", "Ünïcödé text. Second one!"] * 7
    assert stancekit.tokenize_batch(texts) == [stancekit.tokenize(t) for t in texts]
    assert stancekit.split_sentences_batch(texts) == [stancekit.split_sentences(t) for t in texts]
    rows = stancekit.tokenize_offsets_batch(texts)
    expected = [[d, t.start, t.end] for d, text in enumerate(texts) for t in stancekit.tokenize(text)]
    assert rows.tolist() == expected
    rows = stancekit.split_sentences_offsets_batch(texts)
    expected = [[d, s.start, s.end] for d, text in enumerate(texts) for s in stancekit.split_sentences(text)]
    assert rows.tolist() == expected


def test_batch_accepts_any_iterable_and_empty() -> None:
    assert stancekit.tokenize_batch([]) == []
    assert stancekit.tokenize_offsets_batch([]).shape == (0, 3)
    assert stancekit.split_sentences_batch(t for t in ("a.", "b.")) == [
        stancekit.split_sentences("a."),
        stancekit.split_sentences("b."),
    ]


def test_serial_and_parallel_give_the_same_result() -> None:
    texts = [TEXT * 3] * 50
    parallel = stancekit.tokenize_batch(texts)
    stancekit.set_parallelism(False)
    try:
        assert not stancekit.parallelism_enabled()
        assert stancekit.tokenize_batch(texts) == parallel
    finally:
        stancekit.set_parallelism(True)


def test_clitic_option() -> None:
    assert [t.text for t in Tokenizer().tokenize("didn't")] == ["did", "n't"]
    assert [t.text for t in Tokenizer(split_clitics=False).tokenize("didn't")] == ["didn't"]


@pytest.mark.parametrize(
    "obj",
    [
        Tokenizer(),
        Tokenizer(split_clitics=False),
        SentenceSplitter(),
        SentenceSplitter(extra_abbreviations=["Excl", "Approx"]),
        Token(0, 3, "Mr.", "word"),
        Sentence(4, 9, "Hi.\ud800"),
    ],
    ids=repr,
)
def test_pickle_copy_and_json_roundtrip(obj: object) -> None:
    for clone in (pickle.loads(pickle.dumps(obj)), copy.deepcopy(obj), copy.copy(obj)):
        assert clone == obj
        assert type(clone) is type(obj)
    if hasattr(obj, "to_json"):
        assert type(obj).from_json(obj.to_json()) == obj  # type: ignore[attr-defined]


def test_engines_are_immutable() -> None:
    tok = Tokenizer()
    with pytest.raises(AttributeError):
        tok.split_clitics = False  # type: ignore[misc]
    with pytest.raises(AttributeError):
        Token(0, 1, "a", "word").start = 3  # type: ignore[misc]


def test_results_compare_hash_and_convert() -> None:
    a, b = Token(0, 2, "US", "word"), Token(0, 2, "US", "word")
    assert a == b
    assert hash(a) == hash(b)
    assert a != Token(0, 2, "US", "punct")
    assert a.to_dict() == {"start": 0, "end": 2, "text": "US", "kind": "word"}
    assert repr(a) == "Token(start=0, end=2, text='US', kind='word')"
    assert Sentence(0, 3, "Hi.").to_dict() == {"start": 0, "end": 3, "text": "Hi."}
    with pytest.raises(ValueError, match="unknown token kind"):
        Token(0, 1, "a", "noun")
    with pytest.raises(ValueError, match="must not exceed"):
        Sentence(3, 1, "x")


def test_json_config_errors_are_typed() -> None:
    with pytest.raises(stancekit.SerializationError, match="line 1"):
        Tokenizer.from_json("{not json")
    with pytest.raises(stancekit.SerializationError, match='expected "Tokenizer"'):
        Tokenizer.from_json(SentenceSplitter().to_json())
    with pytest.raises(stancekit.SerializationError, match="unknown field"):
        Tokenizer.from_json('{"type": "Tokenizer", "version": 1, "config": {"split_clitic": true}}')
    with pytest.raises(stancekit.VersionError, match="format version 99"):
        Tokenizer.from_json('{"type": "Tokenizer", "version": 99, "config": {}}')
    with pytest.raises(stancekit.SerializationError, match="version"):
        SentenceSplitter.from_json('{"type": "SentenceSplitter", "config": {}}')
    # The hierarchy: every package error is a StancekitError and a ValueError.
    assert issubclass(stancekit.VersionError, stancekit.SerializationError)
    assert issubclass(stancekit.StancekitError, ValueError)


def test_version_is_exposed() -> None:
    assert stancekit.__version__.count(".") == 2
    assert stancekit.FORMAT_VERSION >= 1
