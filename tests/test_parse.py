"""The parser through the Python API: words, trees, offsets, batches, columns, pickling, errors."""

from __future__ import annotations

import itertools
import pickle

import numpy as np
import pytest

import stancekit
from stancekit import Parser, Word

TEXT = (
    "The council rejected the plan on Tuesday, and several ministers resigned. "
    "Mr. Ortega, who leads the party, said he would appeal. Caf\u00e9s \U0001f600 stayed open!"
)


def assert_trees(words: list[Word]) -> None:
    """One root per sentence, heads inside their sentence, no cycles."""
    for s in {w.sentence for w in words}:
        members = [i for i, w in enumerate(words) if w.sentence == s]
        assert sum(words[i].head is None for i in members) == 1
        for i in members:
            seen = set()
            at = i
            while words[at].head is not None:
                assert at not in seen, f"cycle through word {i}"
                seen.add(at)
                at = words[at].head
                assert words[at].sentence == s


def test_words_index_the_text_and_form_trees() -> None:
    words = stancekit.parse(TEXT)
    assert [w.text for w in words[:4]] == ["The", "council", "rejected", "the"]
    for w in words:
        assert TEXT[w.start : w.end] == w.text
    assert_trees(words)
    assert max(w.sentence for w in words) == 2
    by_text = {w.text: w for w in words}
    rejected = by_text["rejected"]
    assert (rejected.upos, rejected.xpos, rejected.lemma, rejected.deprel) == (
        "VERB",
        "VBD",
        "reject",
        "root",
    )
    assert words[by_text["council"].head] is rejected
    assert by_text["council"].deprel == "nsubj"
    assert by_text["resigned"].deprel == "conj"
    assert by_text["leads"].deprel == "acl:relcl"


def test_passive_with_agent() -> None:
    words = stancekit.parse("The sanctions were imposed by Washington.")
    rel = {w.text: (w.deprel, words[w.head].text if w.head is not None else None) for w in words}
    assert rel["sanctions"] == ("nsubj:pass", "imposed")
    assert rel["Washington"] == ("obl:agent", "imposed")
    assert rel["were"] == ("aux:pass", "imposed")


def test_batch_equals_single_calls_and_columns_match() -> None:
    texts = [TEXT, "", "Yes.", "a" * 10, "Russia and China backed the government."]
    batch = stancekit.parse_batch(texts)
    assert batch == [stancekit.parse(t) for t in texts]
    cols = stancekit.Parser().parse_arrays(texts)
    flat = [(d, w) for d, words in enumerate(batch) for w in words]
    assert cols["doc"].tolist() == [d for d, _ in flat]
    assert cols["start"].tolist() == [w.start for _, w in flat]
    assert cols["end"].tolist() == [w.end for _, w in flat]
    assert cols["head"].tolist() == [-1 if w.head is None else w.head for _, w in flat]
    assert [cols["upos_names"][c] for c in cols["upos"]] == [w.upos for _, w in flat]
    assert [cols["xpos_names"][c] for c in cols["xpos"]] == [w.xpos for _, w in flat]
    assert [cols["deprel_names"][c] for c in cols["deprel"]] == [w.deprel for _, w in flat]
    data, offsets = cols["lemma_data"], cols["lemma_offsets"]
    lemmas = [data[a:b].decode() for a, b in itertools.pairwise(offsets)]
    assert lemmas == [w.lemma for _, w in flat]
    assert cols["sentence"].dtype == np.int64


def test_parse_tokens_takes_your_own_words() -> None:
    words = Parser().parse_tokens([["They", "did", "n't", "go", "."], ["OK"]])
    assert [w.text for w in words] == ["They", "did", "n't", "go", ".", "OK"]
    assert [w.sentence for w in words] == [0, 0, 0, 0, 0, 1]
    assert words[2].lemma == "not"
    assert_trees(words)


def test_offsets_with_astral_characters_and_lone_surrogates() -> None:
    text = "😀 Maduro spoke. \udcff Guaido replied."
    words = stancekit.parse(text)
    for w in words:
        assert text[w.start : w.end] == w.text
    assert "\udcff" in [w.text for w in words]


def test_empty_and_whitespace_give_no_words() -> None:
    assert stancekit.parse("") == []
    assert stancekit.parse(" \n\t ") == []


def test_punctuation_only_sentence_is_a_tree() -> None:
    words = stancekit.parse("?!")
    assert_trees(words)
    assert all(w.deprel in {"root", "punct"} for w in words)


def test_long_sentences_are_cut_into_pieces_with_one_root() -> None:
    text = " ".join(["word"] * 1000)
    words = Parser(max_sentence_words=64).parse(text)
    assert len(words) == 1000
    assert_trees(words)


def test_conllu_output() -> None:
    out = stancekit.to_conllu("Russia backs Maduro. He didn't go.")
    blocks = out.strip().split("\n\n")
    assert len(blocks) == 2
    assert blocks[0].splitlines()[1] == "# text = Russia backs Maduro."
    rows = [line.split("\t") for line in blocks[1].splitlines() if not line.startswith("#")]
    assert [r[1] for r in rows] == ["He", "did", "n't", "go", "."]
    assert all(len(r) == 10 for r in rows)
    assert sum(r[6] == "0" for r in rows) == 1
    assert rows[1][9] == "SpaceAfter=No"


def test_parser_pickles_as_config_and_compares() -> None:
    p = Parser(max_sentence_words=50)
    q = pickle.loads(pickle.dumps(p))
    assert q == p
    assert hash(q) == hash(p)
    assert q.max_sentence_words == 50
    assert Parser.from_json(p.to_json()) == p
    assert repr(p) == "Parser(model=None, max_sentence_words=50)"
    assert "nsubj" in p.labels
    assert ("PROPN", "NNP") in p.tags


def test_word_values() -> None:
    w = stancekit.parse("Hi.")[0]
    assert pickle.loads(pickle.dumps(w)) == w
    assert hash(pickle.loads(pickle.dumps(w))) == hash(w)
    assert w.to_dict()["text"] == "Hi"
    assert "Word(start=0, end=2, text='Hi'" in repr(w)
    with pytest.raises(ValueError, match="must not exceed"):
        Word(3, 1, "x", "X", "X", "x", None, "root", 0)


def test_errors(tmp_path) -> None:
    with pytest.raises(TypeError, match="must be str"):
        stancekit.parse(b"bytes")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        stancekit.parse(None)  # type: ignore[arg-type]
    with pytest.raises(stancekit.ConfigError, match="max_sentence_words"):
        Parser(max_sentence_words=3)
    with pytest.raises(stancekit.ConfigError, match="cannot read the model file"):
        Parser(model=str(tmp_path / "missing.stkm"))
    bad = tmp_path / "bad.stkm"
    bad.write_bytes(b"not a model at all")
    with pytest.raises(stancekit.SerializationError, match="not a stancekit model"):
        Parser(model=str(bad))
    with pytest.raises(stancekit.SerializationError):
        Parser.from_json('{"type": "Parser", "version": 1, "config": {"nope": 1}}')
    with pytest.raises(stancekit.VersionError):
        Parser.from_json('{"type": "Parser", "version": 99, "config": {}}')


TINY_TREEBANK = """\
# text = Russia backs the government.
1\tRussia\tRussia\tPROPN\tNNP\t_\t2\tnsubj\t_\t_
2\tbacks\tback\tVERB\tVBZ\t_\t0\troot\t_\t_
3\tthe\tthe\tDET\tDT\t_\t4\tdet\t_\t_
4\tgovernment\tgovernment\tNOUN\tNN\t_\t2\tobj\t_\tSpaceAfter=No
5\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_

# text = Cuba rejected the plan.
1\tCuba\tCuba\tPROPN\tNNP\t_\t2\tnsubj\t_\t_
2\trejected\treject\tVERB\tVBD\t_\t0\troot\t_\t_
3\tthe\tthe\tDET\tDT\t_\t4\tdet\t_\t_
4\tplan\tplan\tNOUN\tNN\t_\t2\tobj\t_\tSpaceAfter=No
5\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_

"""


def test_train_a_model_and_load_it(tmp_path, capsys) -> None:
    from stancekit.train import main

    conllu = tmp_path / "tiny.conllu"
    conllu.write_text(TINY_TREEBANK * 5, encoding="utf-8")
    out = tmp_path / "tiny.stkm"
    config = '{"tagger_epochs": 3, "parser_epochs": 3, "folds": 2}'
    # A CoNLL-U file is no cluster table; an unknown setting is refused.
    assert main(["parser", str(conllu), "-o", str(out), "--clusters", str(conllu), "--config", config]) == 2
    assert "word clusters" in capsys.readouterr().err
    assert main(["parser", str(conllu), "-o", str(out), "--config", '{"epochs": 3}']) == 2
    assert "unknown field `epochs`" in capsys.readouterr().err
    clusters = tmp_path / "clusters.tsv"
    clusters.write_text("Russia\t10\nCuba\t10\n", encoding="utf-8")
    assert main(["parser", str(conllu), "-o", str(out), "--clusters", str(clusters), "--config", config]) == 0
    again = tmp_path / "again.stkm"
    assert (
        main(["parser", str(conllu), "-o", str(again), "--clusters", str(clusters), "--config", config]) == 0
    )
    assert out.read_bytes() == again.read_bytes(), "training is deterministic"
    parser = Parser(model=str(out))
    words = parser.parse("Peru backs the plan.")
    assert [w.upos for w in words] == ["PROPN", "VERB", "DET", "NOUN", "PUNCT"]
    assert_trees(words)
    assert pickle.loads(pickle.dumps(parser)).model == str(out)
    assert main(["parser", str(tmp_path / "missing.conllu"), "-o", str(out)]) == 2
    damaged = out.read_bytes()
    (tmp_path / "damaged.stkm").write_bytes(damaged[: len(damaged) // 2])
    with pytest.raises(stancekit.SerializationError, match="truncated"):
        Parser(model=str(tmp_path / "damaged.stkm"))
