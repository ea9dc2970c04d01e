"""The documented result or typed exception for every kind of bad input."""

from __future__ import annotations

import gc
import math
import tracemalloc
from collections.abc import Callable

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


def test_a_surrogate_pair_kept_as_two_code_points_keeps_every_offset() -> None:
    # Some decoders leave an emoji as two surrogate code points; each keeps its own offset.
    text = "\ud83d\ude00 Maduro spoke."
    tokens = stancekit.tokenize(text)
    assert [t.text for t in tokens][-3:] == ["Maduro", "spoke", "."]
    for t in tokens:
        assert text[t.start : t.end] == t.text
    assert [s.text for s in stancekit.split_sentences(text)] == [text]
    assert stancekit.tokenize_offsets(text).tolist()[-3:] == [[3, 9], [10, 15], [15, 16]]
    # The classifier takes the span of "Maduro" as it is in this string.
    clf = stancekit.StanceClassifier.default()
    assert clf.predict_proba([(text, (3, 9))]).shape == (1, 3)


def _traced_growth(call: Callable[[], object], times: int) -> int:
    """Bytes of Python memory still allocated after ``times`` calls (after a warm-up)."""
    for _ in range(20):
        call()
    gc.collect()
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        for _ in range(times):
            call()
        gc.collect()
        return tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()


@pytest.mark.parametrize(
    "call",
    [
        lambda text: stancekit.tokenize(text),
        lambda text: stancekit.tokenize_batch([text, text]),
        lambda text: stancekit.split_sentences(text),
        lambda text: stancekit.StanceTagger().tag(text),
    ],
    ids=["tokenize", "tokenize_batch", "split_sentences", "tag"],
)
def test_results_of_text_with_lone_surrogates_do_not_leak(call: Callable[[str], object]) -> None:
    # Each result used to keep two int objects forever (30 MB after 2,000 calls).
    text = "Russia backs Maduro \udcff today. " * 50
    grown = _traced_growth(lambda: call(text), 300)
    assert grown < 100_000, f"{grown} bytes kept after 300 calls"


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


def test_a_byte_order_mark_hides_no_stance() -> None:
    tagger = stancekit.StanceTagger({"Nicolas Maduro": ["Maduro"]})
    found = tagger.tag("\ufeffRussia backs Maduro. Cuba backs Maduro.")
    assert {s.holder for s in found} == {"Russia", "Cuba"}
