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
TAGGERS = {engine: stancekit.StanceTagger(engine=engine) for engine in stancekit.STANCE_ENGINES}


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


@pytest.mark.parametrize("engine", stancekit.STANCE_ENGINES)
@given(text=TEXTS)
# A quote whose speaker is named in the paragraph before it: the holder has no span in it.
@example(text="Russia  said \n\n'U.S. condemned Russia ")
def test_stance_spans_lie_inside_their_sentence(engine: str, text: str) -> None:
    for s in TAGGERS[engine].tag(text):
        start, end = s.sentence
        assert 0 <= start < end <= len(text)
        assert text[s.cue_span[0] : s.cue_span[1]] == s.cue
        for span in (s.holder_span, s.target_span, s.cue_span):
            if span is not None:
                assert start <= span[0] < span[1] <= end


# The `rules` engine alone also cuts sentences at line breaks (documented); the others do not.
@pytest.mark.parametrize("engine", ["combined", "syntax"])
@given(text=TEXTS)
@example(text="Russia backs Maduro\na")
@example(text="Russia and China said they\nsupport Maduro.")
def test_stance_sentences_are_split_sentences(engine: str, text: str) -> None:
    tagger = TAGGERS[engine]
    sentences = {(s.start, s.end) for s in stancekit.split_sentences(text)}
    found = tagger.tag(text)
    for s in found:
        assert s.sentence in sentences
        assert text[s.cue_span[0] : s.cue_span[1]] == s.cue
    assert tagger.tag_batch([text]) == [found]


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
