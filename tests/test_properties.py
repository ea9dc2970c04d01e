"""Property tests over arbitrary Unicode: offsets index the text, sentences tile it."""

from __future__ import annotations

import os

from hypothesis import given, settings
from hypothesis import strategies as st

import stancekit

settings.register_profile("ci", max_examples=300, deadline=None)
settings.register_profile("dev", max_examples=60, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))

# Text with the characters that matter: newsy punctuation, quotes, whitespace, controls.
NEWSY = st.text(
    alphabet=st.one_of(
        st.sampled_from(list("abcXYZ019 .,;:!?'\"“”‘’()-—\n\t\u00a0\x00\x07…$%@#/&😀é")),
        st.characters(codec="utf-8"),
    ),
    max_size=300,
)


@given(NEWSY)
def test_tokens_index_the_text_and_skip_only_whitespace_and_controls(text: str) -> None:
    tokens = stancekit.tokenize(text)
    covered = [False] * len(text)
    previous_end = 0
    for t in tokens:
        assert previous_end <= t.start < t.end <= len(text)
        assert text[t.start : t.end] == t.text
        previous_end = t.end
        for i in range(t.start, t.end):
            covered[i] = True
    for ch, is_covered in zip(text, covered, strict=True):
        if not is_covered:
            assert (
                ch.isspace() or ch == "\x00" or ord(ch) < 32 or 0x7F <= ord(ch) < 0xA0 or not ch.isprintable()
            )


@given(NEWSY)
def test_sentences_tile_the_text(text: str) -> None:
    sentences = stancekit.split_sentences(text)
    position = 0
    for s in sentences:
        assert s.start < s.end
        assert text[position : s.start].strip() == "" or all(
            not c.isprintable() for c in text[position : s.start] if not c.isspace()
        )
        assert text[s.start : s.end] == s.text
        position = s.end
    assert text[position:].strip() == "" or all(
        not c.isprintable() for c in text[position:] if not c.isspace()
    )


@given(st.lists(NEWSY, max_size=8))
def test_batch_equals_single(texts: list[str]) -> None:
    assert stancekit.tokenize_batch(texts) == [stancekit.tokenize(t) for t in texts]
    assert stancekit.split_sentences_batch(texts) == [stancekit.split_sentences(t) for t in texts]
