"""The documented result or typed exception for every kind of bad input."""

from __future__ import annotations

import math

import pytest

import stancekit

FUNCS = [
    stancekit.tokenize,
    stancekit.split_sentences,
    stancekit.tokenize_offsets,
    stancekit.split_sentences_offsets,
]
BATCH = [
    stancekit.tokenize_batch,
    stancekit.split_sentences_batch,
    stancekit.tokenize_offsets_batch,
    stancekit.split_sentences_offsets_batch,
]


@pytest.mark.parametrize("func", FUNCS, ids=lambda f: f.__name__)
@pytest.mark.parametrize(
    ("value", "type_name"),
    [(None, "NoneType"), (math.nan, "float"), (3, "int"), (b"bytes", "bytes"), (["a"], "list")],
)
def test_non_str_raises_type_error_naming_the_type(func, value, type_name) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(TypeError, match=f"text must be str, not {type_name}"):
        func(value)


def test_bytes_error_says_how_to_fix() -> None:
    with pytest.raises(TypeError, match="decode"):
        stancekit.tokenize(b"abc")  # type: ignore[arg-type]


@pytest.mark.parametrize("func", BATCH, ids=lambda f: f.__name__)
def test_batch_names_the_bad_item(func) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(TypeError, match=r"texts\[2\] must be str, not NoneType"):
        func(["a", "b", None])
    with pytest.raises(TypeError, match="not a single str"):
        func("a text, not a list")
    with pytest.raises(TypeError, match="iterable of str, not int"):
        func(5)


def test_empty_and_whitespace_only_texts_give_nothing() -> None:
    for text in ["", " ", "\n\n\t ", "\u00a0\u2003"]:
        assert stancekit.tokenize(text) == []
        assert stancekit.split_sentences(text) == []


def test_lone_surrogates_are_kept_and_offsets_still_index_the_original() -> None:
    # Documented policy: a lone surrogate is read as U+FFFD, and result texts are sliced
    # from the original string, so nothing is lost.
    text = "Maduro \udcff spoke. Guaido\ud800 replied."
    for t in stancekit.tokenize(text):
        assert text[t.start : t.end] == t.text
    sentences = stancekit.split_sentences(text)
    assert [text[s.start : s.end] for s in sentences] == [s.text for s in sentences]
    assert any("\ud800" in s.text for s in sentences)


def test_control_characters_and_nul_never_inside_tokens() -> None:
    text = "Maduro\x00spoke\x07 to\x1b[0m Guaido.\x0c Next\x85line."
    tokens = stancekit.tokenize(text)
    for t in tokens:
        assert text[t.start : t.end] == t.text
        assert not any(ord(c) < 32 or 0x7F <= ord(c) < 0xA0 for c in t.text)
    for s in stancekit.split_sentences(text):
        assert text[s.start : s.end] == s.text


@pytest.mark.parametrize(
    "text", ["." * 100_000, "a" * 1_000_000, "\n" * 200_000, "Mr. " * 50_000, "😀" * 100_000]
)
def test_degenerate_texts_do_not_fail(text: str) -> None:
    for s in stancekit.split_sentences(text):
        assert text[s.start : s.end] == s.text
    arr = stancekit.tokenize_offsets(text)
    assert (arr[:, 0] < arr[:, 1]).all()


@pytest.mark.slow
def test_a_100_mb_text_is_processed_in_linear_memory() -> None:
    import resource

    unit = "Maduro was supported by Russia, Bolivia and Turkey on Feb. 8. Guaidó said “no”.\n\n"
    text = unit * (100_000_000 // len(unit))
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    sentences = stancekit.split_sentences_offsets(text)
    tokens = stancekit.tokenize_offsets(text)
    grown_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    n_units = len(text) // len(unit)
    assert len(sentences) == 2 * n_units
    assert len(tokens) == n_units * len(stancekit.tokenize(unit))
    # Offsets need 16 bytes per span (plus the UTF-8 copy of the text, about 100 MB):
    # far below anything quadratic or per-character object.
    assert grown_mb < 100 + 40 * (len(tokens) + len(sentences)) / 1e6
