"""The pandas adapters: index kept, missing values give no rows, bad entries named."""

from __future__ import annotations

import math

import pytest

import stancekit
from stancekit import pandas as skpd

pd = pytest.importorskip("pandas")


def test_sentences_frame_keeps_index_and_offsets() -> None:
    texts = pd.Series(
        ["Maduro spoke. Guaidó replied!", None, "", "One line"], index=[10, 11, 12, 13], name="body"
    )
    texts.index.name = "doc"
    df = skpd.sentences(texts)
    assert list(df.columns) == ["sentence", "start", "end", "text"]
    assert df.index.name == "doc"
    assert list(df.index) == [10, 10, 13]
    assert list(df["sentence"]) == [0, 1, 0]
    for label, row in df.iterrows():
        assert texts[label][row.start : row.end] == row.text


def test_tokens_frame() -> None:
    texts = pd.Series({"a": "Guaidó won.", "b": math.nan, "c": pd.NA, "d": "Hi"})
    df = skpd.tokens(texts)
    assert list(df.columns) == ["token", "start", "end", "text", "kind"]
    assert list(df.index) == ["a"] * 3 + ["d"]
    assert list(df["token"]) == [0, 1, 2, 0]
    assert df.loc["d", "text"] == "Hi"
    assert df["start"].dtype == "int64"


def test_all_missing_or_empty_series_gives_empty_frames() -> None:
    for series in (pd.Series([], dtype=object), pd.Series([None, math.nan])):
        assert skpd.sentences(series).empty
        assert skpd.tokens(series).empty
        assert list(skpd.sentences(series).columns) == ["sentence", "start", "end", "text"]


def test_arrow_and_string_dtypes_are_accepted() -> None:
    for dtype in ("string", "object"):
        series = pd.Series(["One. Two.", None], dtype=dtype)
        assert len(skpd.sentences(series)) == 2
    pytest.importorskip("pyarrow")
    series = pd.Series(["One. Two.", None], dtype="string[pyarrow]")
    assert len(skpd.sentences(series)) == 2


def test_bad_entries_are_named() -> None:
    with pytest.raises(TypeError, match="entry 'x' of the Series must be str, not int"):
        skpd.sentences(pd.Series({"ok": "fine", "x": 5}))
    with pytest.raises(TypeError, match="expected a pandas Series"):
        skpd.tokens(["a list"])  # type: ignore[arg-type]


def test_custom_engines_are_used() -> None:
    df = skpd.tokens(pd.Series(["didn't"]), tokenizer=stancekit.Tokenizer(split_clitics=False))
    assert list(df["text"]) == ["didn't"]


def test_texts_with_undecodable_bytes_are_kept() -> None:
    # Lone surrogates (from surrogateescape) cannot live in pandas' Arrow strings: the text
    # columns are then object columns holding exactly the sliced text.
    text = "Russia backs Maduro in the caf\udce9. Cuba backs Maduro."
    series = pd.Series({"a": text, "b": "Plain text."}, dtype=object)
    sentences = skpd.sentences(series)
    assert sentences.loc["a", "text"].tolist() == [
        "Russia backs Maduro in the caf\udce9.",
        "Cuba backs Maduro.",
    ]
    tokens = skpd.tokens(series)
    assert "\udce9" in tokens["text"].tolist()
    for frame in (sentences, tokens):
        for label, row in frame.iterrows():
            assert series[label][row.start : row.end] == row.text
    stances = skpd.stances(series, targets={"Nicolas Maduro": ["Maduro"]})
    assert set(stances["holder"]) == {"Russia", "Cuba"}
    assert stances["sentence"].str.contains("\udce9").any()
    assert sentences["text"].dtype == object


def test_parses_frame_and_tokens_with_parse() -> None:
    texts = pd.Series({"a": "Peru backed Rivera. She thanked them.", "b": None, "c": "Yes!"})
    df = skpd.parses(texts)
    assert list(df.columns) == [
        "token",
        "sentence",
        "start",
        "end",
        "text",
        "upos",
        "xpos",
        "lemma",
        "head",
        "deprel",
    ]
    assert list(df.index) == ["a"] * 8 + ["c"] * 2
    words = stancekit.parse(texts["a"])
    a = df.loc["a"]
    assert list(a["text"]) == [w.text for w in words]
    assert list(a["lemma"]) == [w.lemma for w in words]
    assert list(a["upos"].astype(str)) == [w.upos for w in words]
    assert list(a["deprel"].astype(str)) == [w.deprel for w in words]
    assert [None if pd.isna(h) else int(h) for h in a["head"]] == [w.head for w in words]
    assert list(a["sentence"]) == [w.sentence for w in words]
    assert df["upos"].dtype == "category"
    assert skpd.tokens(texts, parse=True).equals(df)
    assert texts.stance.tokens(parse=True).equals(df)
    assert texts.stance.parses().equals(df)
