"""Parser scoring (CoNLL 2018 style) with fake parsers: the gold scores 1, known errors cost what they do."""

from __future__ import annotations

import dataclasses
import gzip
import json
from pathlib import Path

import pytest

import stancekit
from stancekit.eval import PRF, evaluate_parser, load_ud_parses, score_parses
from stancekit.eval.parse import PARSE_METRICS, ParsedDocument, Word, read_conllu

# Two small documents written for this test, in CoNLL-U (ID FORM LEMMA UPOS XPOS FEATS HEAD DEPREL DEPS MISC).
CONLLU = """\
# newdoc id = d1
# sent_id = d1-1
# text = Lima backs Rivera.
1	Lima	Lima	PROPN	NNP	_	2	nsubj	_	_
2	backs	back	VERB	VBZ	_	0	root	_	_
3	Rivera	Rivera	PROPN	NNP	_	2	obj	_	SpaceAfter=No
4	.	.	PUNCT	.	_	2	punct	_	_

# sent_id = d1-2
# newpar id = d1-p2
# text = She didn't go.
1	She	she	PRON	PRP	_	4	nsubj	_	_
2-3	didn't	_	_	_	_	_	_	_	_
2	did	do	AUX	VBD	_	4	aux	_	_
3	n't	_	PART	RB	_	4	advmod	_	_
4	go	go	VERB	VB	_	0	root	_	SpaceAfter=No
5	.	.	PUNCT	.	_	4	punct	_	_

# newdoc id = d2
# sent_id = d2-1
# text = Peru's envoy spoke.
1	Peru	Peru	PROPN	NNP	_	3	nmod:poss	_	SpaceAfter=No
2	's	's	PART	POS	_	1	case	_	_
3	envoy	envoy	NOUN	NN	_	4	nsubj	_	_
4	spoke	speak	VERB	VBD	_	0	root	_	SpaceAfter=No
5	.	.	PUNCT	.	_	4	punct	_	_
"""
TEXTS = {"d1": "Lima backs Rivera.\n\nShe didn't go.", "d2": "Peru's envoy spoke."}
FORMS = {
    "d1": ["Lima", "backs", "Rivera", ".", "She", "did", "n't", "go", "."],
    "d2": ["Peru", "'s", "envoy", "spoke", "."],
}


def _spans(text: str, forms: list[str]) -> list[list[int]]:
    spans, at = [], 0
    for form in forms:
        start = text.index(form, at)
        spans.append([start, start + len(form)])
        at = start + len(form)
    return spans


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    (tmp_path / "syntax").mkdir()
    (tmp_path / "segmentation").mkdir()
    with gzip.open(tmp_path / "syntax" / "en_ewt-ud-dev.conllu.gz", "wt", encoding="utf-8") as f:
        f.write(CONLLU)
    with gzip.open(tmp_path / "segmentation" / "ud_ewt_dev.jsonl.gz", "wt", encoding="utf-8") as f:
        for doc, text in TEXTS.items():
            f.write(json.dumps({"doc_id": doc, "text": text, "words": _spans(text, FORMS[doc])}) + "\n")
    return tmp_path


@pytest.fixture
def gold(data_dir: Path) -> list[ParsedDocument]:
    return load_ud_parses(data_dir)


def test_conllu_joined_with_word_spans(gold: list[ParsedDocument]) -> None:
    d1, d2 = gold
    assert (d1.name, d2.name) == ("d1", "d2")
    assert [w.text for w in d1.words] == FORMS["d1"]  # the multiword token line is skipped
    assert all(d1.text[w.start : w.end] == w.text for w in d1.words)
    go = d1.words[7]
    assert (go.upos, go.xpos, go.lemma, go.head, go.deprel, go.sentence) == (
        "VERB",
        "VB",
        "go",
        None,
        "root",
        1,
    )
    assert d1.words[4].head == 7  # heads index the document's words
    assert d1.sentences == [["Lima", "backs", "Rivera", "."], ["She", "did", "n't", "go", "."]]
    assert d2.words[0].deprel == "nmod:poss"


def test_the_gold_itself_scores_one(gold: list[ParsedDocument], data_dir: Path) -> None:
    by_text = {d.text: list(d.words) for d in gold}
    result = evaluate_parser(
        data_dir, parse=by_text.__getitem__, parse_words=lambda s: by_text[_joined(gold, s)]
    )
    for setting in ("raw_text", "gold_tokenization"):
        assert {m: result[setting][m] for m in PARSE_METRICS} == dict.fromkeys(PARSE_METRICS, 1.0)
        assert result[setting]["gold_words"] == result[setting]["predicted_words"] == 14


def _joined(gold: list[ParsedDocument], sentences: list[list[str]]) -> str:
    return next(d.text for d in gold if d.sentences == sentences)


def _with_errors(gold: list[ParsedDocument]) -> list[list[Word]]:
    """The gold with known errors (see test_known_errors)."""
    d1 = list(gold[0].words)
    d1[1] = dataclasses.replace(d1[1], upos="NOUN")  # backs
    d1[2] = dataclasses.replace(d1[2], head=0)  # Rivera attached to Lima
    d1[3] = dataclasses.replace(d1[3], deprel="obj")  # "." with the right head, wrong relation
    d1[4] = dataclasses.replace(d1[4], upos="PROPN")  # She
    d1[6] = dataclasses.replace(
        d1[6], lemma="no", deprel="advmod:neg"
    )  # gold lemma "_"; subtypes do not count
    d1[7] = dataclasses.replace(d1[7], xpos="VBP", lemma="went")  # go
    peru, _s, envoy, spoke, stop = gold[1].words
    # "Peru's" as one word: not aligned; the other words keep their gold heads, at shifted indexes.
    d2 = [
        dataclasses.replace(peru, end=6, text="Peru's", head=1),
        dataclasses.replace(envoy, head=2),
        spoke,
        dataclasses.replace(stop, head=2),
    ]
    return [d1, d2]


def test_known_errors(gold: list[ParsedDocument]) -> None:
    scores = score_parses(_with_errors(gold), gold)
    # 13 predicted words, 14 gold words, 12 aligned.
    assert scores.words == PRF(12, 13, 14)
    assert scores.upos == PRF(10, 13, 14)  # backs, She
    assert scores.xpos == PRF(11, 13, 14)  # go
    assert scores.lemma == PRF(11, 13, 14)  # go ("n't" has gold lemma "_")
    assert scores.uas == PRF(11, 13, 14)  # Rivera
    assert scores.las == PRF(10, 13, 14)  # Rivera, "."
    assert scores.las_full == PRF(9, 13, 14)  # and "n't": advmod:neg is not advmod
    assert scores.as_dict()["las"] == pytest.approx(2 * 10 / 27)
    assert scores.documents == 2


def test_bad_parser_output_is_named(gold: list[ParsedDocument], data_dir: Path) -> None:
    broken = [list(gold[0].words), [dataclasses.replace(gold[1].words[0], head=9)]]
    with pytest.raises(ValueError, match="d2: word 0 has head 9, not a word index"):
        score_parses(broken, gold)
    with pytest.raises(ValueError, match="1 predicted documents for 2 gold"):
        score_parses(broken[:1], gold)
    with pytest.raises(ValueError, match="d1: parse_words returned 1 words for 9"):
        evaluate_parser(data_dir, parse=lambda text: [], parse_words=lambda sentences: [gold[0].words[0]])


def test_misaligned_gold_files_are_reported(data_dir: Path) -> None:
    path = data_dir / "segmentation" / "ud_ewt_dev.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as f:
        f.write(
            json.dumps({"doc_id": "d1", "text": TEXTS["d1"], "words": _spans(TEXTS["d1"], FORMS["d1"])})
            + "\n"
        )
    with pytest.raises(stancekit.ConfigError, match="has 2 documents"):
        load_ud_parses(data_dir)


def test_read_conllu_rejects_short_lines() -> None:
    with pytest.raises(
        stancekit.ConfigError, match="CoNLL-U line 2: expected 10 tab-separated columns, got 3"
    ):
        list(read_conllu(["# text = x", "1\tx\tx"]))


def test_gold_parser_on_ud_ewt_dev(shared_data: Path) -> None:
    docs = load_ud_parses(shared_data)
    assert (len(docs), sum(len(d.words) for d in docs)) == (318, 25147)  # the data card's counts
    in_order = iter([list(d.words) for d in docs])  # two documents share one text: go by order
    result = evaluate_parser(shared_data, parse=lambda text: next(in_order))
    assert result["raw_text"]["las"] == 1.0


@pytest.mark.skipif(not hasattr(stancekit, "parse"), reason="this stancekit has no parser yet")
def test_stancekit_parser_runs_through_the_evaluation(data_dir: Path) -> None:
    result = evaluate_parser(data_dir)
    assert 0.0 <= result["raw_text"]["las"] <= 1.0
