"""Property tests over arbitrary Unicode: offsets index the text, sentences tile it, batches
equal single calls, every parse is a tree, stance spans lie inside their sentence.

The number of examples comes from the Hypothesis profile (see ``conftest.py``): CI runs 20,000
per property (``HYPOTHESIS_PROFILE=ci``), ``slow`` a million.
"""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import stancekit

# Cuts a generated text into a batch (one generated text costs less than a list of them).
BATCH_SEPARATOR = "\x1e"

# Text made of what matters: newsy punctuation, quotes, whitespace, controls, invisible format
# characters, lone surrogates and surrogate pairs kept as two code points (undecodable input),
# words the tagger reacts to, and any other character.
CHARS = st.one_of(
    st.sampled_from(list("abcXYZ019 .,;:!?'\"“”‘’()-—\n\t\u00a0\x00\x07…$%@#/&😀é\ufeff\u200b\u202e\u2029")),
    st.sampled_from(["\n\n", "U.S.", "Mr. ", "\udcff", "\ud83d\ude00", "\ud800", BATCH_SEPARATOR]),
    st.sampled_from(["Russia ", "backs ", "Maduro", " condemned ", "Cuba ", "Guaido ", " said "]),
    st.characters(codec="utf-8"),
)
TEXTS = st.lists(CHARS, max_size=120).map("".join)

TAGGER = stancekit.StanceTagger()
SYNTAX_TAGGER = stancekit.StanceTagger(engine="syntax")


def _invisible(text: str) -> bool:
    """Whitespace, controls and other characters that never start or end a sentence or token."""
    return all(c.isspace() or not c.isprintable() or unicodedata.category(c) in ("Cf", "Cs") for c in text)


@given(TEXTS)
def test_tokens_and_sentences_index_the_text(text: str) -> None:
    tokens = stancekit.tokenize(text)
    previous_end = 0
    for t in tokens:
        assert previous_end <= t.start < t.end <= len(text)
        assert text[t.start : t.end] == t.text
        assert _invisible(text[previous_end : t.start])
        previous_end = t.end
    assert _invisible(text[previous_end:])
    assert stancekit.tokenize_offsets(text).tolist() == [[t.start, t.end] for t in tokens]

    sentences = stancekit.split_sentences(text)
    position = 0
    for s in sentences:
        assert position <= s.start < s.end <= len(text)
        assert text[s.start : s.end] == s.text
        assert _invisible(text[position : s.start])
        position = s.end
    assert _invisible(text[position:])
    assert stancekit.split_sentences_offsets(text).tolist() == [[s.start, s.end] for s in sentences]


@given(TEXTS.map(lambda text: text.split(BATCH_SEPARATOR)))
def test_batch_equals_single(texts: list[str]) -> None:
    assert stancekit.tokenize_batch(texts) == [stancekit.tokenize(t) for t in texts]
    assert stancekit.split_sentences_batch(texts) == [stancekit.split_sentences(t) for t in texts]
    assert TAGGER.tag_batch(texts) == [TAGGER.tag(t) for t in texts]
    assert stancekit.parse_batch(texts) == [stancekit.parse(t) for t in texts]


@given(TEXTS)
def test_stance_spans_lie_inside_their_sentence(text: str) -> None:
    for s in TAGGER.tag(text):
        start, end = s.sentence
        assert 0 <= start < end <= len(text)
        assert text[s.cue_span[0] : s.cue_span[1]] == s.cue
        for span in (s.holder_span, s.target_span, s.cue_span):
            if span is not None:
                assert start <= span[0] < span[1] <= end


@pytest.mark.xfail(reason="stance v2 (issue 9)", strict=True)
@given(TEXTS)
@example("Russia backs Maduro\na")
def test_stance_sentences_are_split_sentences(text: str) -> None:
    sentences = {(s.start, s.end) for s in stancekit.split_sentences(text)}
    for s in TAGGER.tag(text):
        assert s.sentence in sentences


@given(TEXTS)
@example("Russia backs Maduro\na")
def test_syntax_engine_sentences_are_split_sentences(text: str) -> None:
    sentences = {(s.start, s.end) for s in stancekit.split_sentences(text)}
    found = SYNTAX_TAGGER.tag(text)
    for s in found:
        assert s.sentence in sentences
        assert text[s.cue_span[0] : s.cue_span[1]] == s.cue
    assert SYNTAX_TAGGER.tag_batch([text]) == [found]


@given(TEXTS)
def test_every_parse_is_a_tree_over_the_tokenizers_words(text: str) -> None:
    words = stancekit.parse(text)
    assert [(w.start, w.end) for w in words] == [(t.start, t.end) for t in _sentence_words(text)]
    for w in words:
        assert text[w.start : w.end] == w.text
    for s in {w.sentence for w in words}:
        members = [i for i, w in enumerate(words) if w.sentence == s]
        assert sum(words[i].head is None for i in members) == 1
        for i in members:
            seen = set()
            while words[i].head is not None:
                assert i not in seen, "cycle"
                seen.add(i)
                i = words[i].head
                assert words[i].sentence == s


def _sentence_words(text: str) -> list[stancekit.Token]:
    """The tokenizer's words of each sentence, with offsets into ``text``."""
    out = []
    for s in stancekit.split_sentences(text):
        for t in stancekit.tokenize(s.text):
            out.append(stancekit.Token(t.start + s.start, t.end + s.start, t.text, t.kind))
    return out
