"""The gold format: reading, writing and round trips, and one documented error per kind of bad gold."""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from eval_gold import DOC_A, TARGETS, TEXTS, write_gold

import stancekit
from stancekit.eval import Gold, GoldTriple, load_gold
from stancekit.eval.project import GOLD_FOLDERS

pd = pytest.importorskip("pandas")


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return write_gold(tmp_path / "gold")


@pytest.fixture
def gold(folder: Path) -> Gold:
    return load_gold(folder)


def test_folder_is_read_as_written(gold: Gold) -> None:
    assert list(gold.documents) == ["a.txt", "b.txt"]
    assert gold.texts == TEXTS
    assert dict(gold.targets) == TARGETS
    a = gold.documents["a.txt"]
    assert [s.text for s in a.sentences] == [
        "Brazil backs Rivera.",
        "Lopez criticised Rivera on Monday.",
        "The weather was mild.",
        "Lopez praised and later attacked Rivera.",
    ]
    first = a.sentences[0].triples[0]
    assert first == GoldTriple("Brazil", "Ana Rivera", "FAVOR", (0, 6), "backs", (7, 12), "clear")
    # Labels not given in stance.jsonl are implied by the triples.
    assert [dict(s.labels) for s in a.sentences] == [
        {"Ana Rivera": "FAVOR", "Marco Lopez": "NONE"},
        {"Ana Rivera": "AGAINST", "Marco Lopez": "NONE"},
        {"Ana Rivera": "NONE", "Marco Lopez": "NONE"},
        {"Ana Rivera": "MIXED", "Marco Lopez": "NONE"},
    ]
    assert gold.documents["b.txt"].sentences[1].duplicate_of == 0
    assert (gold.n_sentences, gold.n_triples) == (6, 8)
    assert "2 documents, 6 sentences, 8 triples" in repr(gold)


def test_explicit_labels_are_kept(folder: Path) -> None:
    lines = (folder / "stance.jsonl").read_text(encoding="utf-8").splitlines()
    row = json.loads(lines[2])
    row["labels"] = {"Marco Lopez": "AGAINST"}  # a sentence label without a triple
    lines[2] = json.dumps(row)
    (folder / "stance.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    gold = load_gold(folder)
    assert dict(gold.documents["a.txt"].sentences[2].labels) == {
        "Ana Rivera": "NONE",
        "Marco Lopez": "AGAINST",
    }
    # Other aliases for the same targets keep every label.
    retargeted = load_gold(gold, targets={"Ana Rivera": ["Ms Rivera"], "Marco Lopez": ["Mr Lopez"]})
    assert retargeted.documents == gold.documents
    with pytest.raises(
        stancekit.ConfigError,
        match=r"gold document 'b\.txt': field 'target': 'Marco Lopez' is not one of the targets",
    ):
        load_gold(gold, targets={"Ana Rivera": []})


def test_folder_round_trip(gold: Gold, tmp_path: Path) -> None:
    again = load_gold(gold.save(tmp_path / "copy"))
    assert again == gold
    assert (tmp_path / "copy" / "docs" / "a.txt").read_text(encoding="utf-8") == DOC_A


def test_frame_round_trip(gold: Gold) -> None:
    frame = gold.to_frame()
    assert len(frame) == 8 + 1  # one row per triple, and one for the sentence without a triple
    assert load_gold(frame, docs=gold.texts, targets=gold.targets) == gold


def test_csv_round_trip_with_docs_beside_it(gold: Gold, tmp_path: Path) -> None:
    (tmp_path / "sample").mkdir()
    csv = tmp_path / "sample" / "gold.csv"
    gold.to_frame().to_csv(csv, index=False)
    shutil.copytree(gold.source + "/docs", tmp_path / "sample" / "docs")
    assert load_gold(csv, targets=gold.targets) == gold
    named = load_gold(csv)  # without targets: the ones the rows name, without aliases
    assert named.documents == gold.documents
    assert dict(named.targets) == {"Ana Rivera": [], "Marco Lopez": []}


def test_without_sentences_jsonl_the_listed_sentences_are_found_by_text(tmp_path: Path) -> None:
    folder = write_gold(tmp_path / "g", with_sentences=False, with_targets=False)
    gold = load_gold(folder)
    assert [len(d.sentences) for d in gold.documents.values()] == [4, 1]
    full = load_gold(write_gold(tmp_path / "full"))
    assert gold.documents["a.txt"] == full.documents["a.txt"]
    assert dict(gold.targets) == {"Ana Rivera": [], "Marco Lopez": []}


def test_hand_written_table_without_texts() -> None:
    frame = pd.DataFrame(
        {
            "doc": ["n1", "n1", "n1", "n2"],
            "sentence": [
                "Peru backs Rivera.",
                "Peru backs Rivera.",
                "Nothing here.",
                "Lopez attacked Rivera.",
            ],
            "holder": ["Peru", "Chile", None, "Marco Lopez"],
            "target": ["Ana Rivera", "Ana Rivera", None, "Ana Rivera"],
            "stance": ["FAVOR", "FAVOR", None, "AGAINST"],
            "cue": ["backs", "backs", None, "attacked"],
        }
    )
    gold = load_gold(frame)
    assert gold.texts == {"n1": "Peru backs Rivera.\n\nNothing here.", "n2": "Lopez attacked Rivera."}
    assert [len(s.triples) for s in gold.documents["n1"].sentences] == [2, 0]
    assert dict(gold.targets) == {"Ana Rivera": []}
    tagger = stancekit.StanceTagger({"Ana Rivera": ["Rivera"], "Marco Lopez": ["Lopez"]})
    assert set(gold.tag(tagger)) == {"n1", "n2"}


def test_table_sentences_given_as_spans() -> None:
    text = "Peru backs Rivera. Lopez attacked Rivera."
    rows = {"doc": ["n1", "n1"], "holder": ["Peru", "Marco Lopez"], "target": ["Ana Rivera"] * 2}
    stances = {"stance": ["FAVOR", "AGAINST"]}
    for spans in ([[0, 18], [19, 41]], ["[0, 18]", "[19, 41]"], [(0, 18), (19, 41)]):
        gold = load_gold(pd.DataFrame({**rows, "sentence": spans, **stances}), docs={"n1": text})
        assert [s.text for s in gold.documents["n1"].sentences] == [
            "Peru backs Rivera.",
            "Lopez attacked Rivera.",
        ]
    with pytest.raises(
        stancekit.ConfigError, match="without document texts every row needs its sentence text"
    ):
        load_gold(pd.DataFrame({**rows, "sentence": ["[0, 18]", "[19, 41]"], **stances}))


def test_tagger_output_frame_is_a_gold_table() -> None:
    """A (corrected) export of stancekit.pandas.stances loads as gold with its texts."""
    from stancekit.pandas import stances

    texts = pd.Series({"d1": "Brazil backs Rivera. Lopez criticised Rivera."})
    found = stances(texts, targets={"Ana Rivera": ["Rivera"], "Marco Lopez": ["Lopez"]})
    gold = load_gold(found, docs=texts.to_dict())
    triples = [t for s in gold.documents["d1"].sentences for t in s.triples]
    assert [(t.holder, t.stance, t.cue) for t in triples] == [
        ("Brazil", "FAVOR", "backs"),
        ("Marco Lopez", "AGAINST", "criticised"),
    ]


def test_project_gold_folders_load(shared_data: Path) -> None:
    counts = {}
    for name in GOLD_FOLDERS:
        gold = load_gold(shared_data / name)
        counts[name] = (len(gold.documents), gold.n_sentences, gold.n_triples)
        assert len(gold.targets) == 3
    # The data cards' counts (DATA.md in each folder).
    assert counts == {"seeds": (5, 138, 156), "news/venezuela": (5, 165, 107), "news/syria": (5, 139, 83)}


def test_gold_type_errors() -> None:
    with pytest.raises(TypeError, match="not int"):
        load_gold(3)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="targets must be a mapping"):
        load_gold("x", targets=3)  # type: ignore[arg-type]


# -- bad gold: every case names the file, the line and the field ------------------------------

Edit = Callable[[Path], None]


def _edit_jsonl(name: str, line: int, change: Callable[[dict[str, Any]], None]) -> Edit:
    def edit(folder: Path) -> None:
        path = folder / name
        lines = path.read_text(encoding="utf-8").splitlines()
        record = json.loads(lines[line - 1])
        change(record)
        lines[line - 1] = json.dumps(record)
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")

    return edit


def _first_triple(**changes: Any) -> Callable[[dict[str, Any]], None]:
    return lambda record: record["triples"][0].update(changes)


def _write(name: str, content: str) -> Edit:
    return lambda folder: (folder / name).write_text(content, encoding="utf-8")


BAD_FOLDERS: dict[str, tuple[Edit, str]] = {
    "unknown stance": (
        _edit_jsonl("stance.jsonl", 2, _first_triple(stance="PRO")),
        r"stance.jsonl:2: field 'triples\[0\].stance': 'PRO' is not one of FAVOR, AGAINST",
    ),
    "unknown sentence label": (
        _edit_jsonl("stance.jsonl", 1, lambda r: r.update(labels={"Ana Rivera": "POSITIVE"})),
        r"stance.jsonl:1: field 'labels.Ana Rivera': 'POSITIVE' is not one of FAVOR, AGAINST, MIXED, NONE",
    ),
    "unknown confidence": (
        _edit_jsonl("stance.jsonl", 1, _first_triple(confidence="sure")),
        r"stance.jsonl:1: field 'triples\[0\].confidence': 'sure' is not one of clear, hard",
    ),
    "span outside its text": (
        _edit_jsonl("stance.jsonl", 4, _first_triple(cue_span=[500, 507], cue=None)),
        r"stance.jsonl:4: field 'triples\[0\].cue_span': "
        r"span \[500, 507\) is outside its text \(length 119\)",
    ),
    "span outside its sentence": (
        _edit_jsonl("stance.jsonl", 1, _first_triple(holder_span=[21, 26])),
        r"stance.jsonl:1: field 'triples\[0\].holder_span': "
        r"span \[21, 26\) is outside its sentence \[0, 20\)",
    ),
    "span not a pair": (
        _edit_jsonl("stance.jsonl", 1, _first_triple(holder_span=[0])),
        r"stance.jsonl:1: field 'triples\[0\].holder_span': expected \[start, end\]",
    ),
    "cue differs from its span": (
        _edit_jsonl("stance.jsonl", 1, _first_triple(cue="supports")),
        r"stance.jsonl:1: field 'triples\[0\].cue': "
        r"'supports' differs from the text at triples\[0\].cue_span, 'backs'",
    ),
    "target not in targets.json": (
        _edit_jsonl("stance.jsonl", 2, _first_triple(target="Nobody")),
        r"stance.jsonl:2: field 'triples\[0\].target': "
        r"'Nobody' is not one of the targets \(Ana Rivera, Marco Lopez\)",
    ),
    "label target not in targets.json": (
        _edit_jsonl("stance.jsonl", 3, lambda r: r.update(labels={"Nobody": "NONE"})),
        r"stance.jsonl:3: field 'labels.Nobody': 'Nobody' is not one of the targets",
    ),
    "missing holder": (
        _edit_jsonl("stance.jsonl", 1, lambda r: r["triples"][0].pop("holder")),
        r"stance.jsonl:1: field 'triples\[0\].holder': expected a non-empty string, not None",
    ),
    "missing doc field": (
        _edit_jsonl("stance.jsonl", 1, lambda r: r.pop("doc")),
        r"stance.jsonl:1: field 'doc': missing",
    ),
    "unknown document": (
        _edit_jsonl("stance.jsonl", 5, lambda r: r.update(doc="z.txt")),
        r"stance.jsonl:5: field 'doc': 'z.txt' is not a file in docs/",
    ),
    "sentence index out of range": (
        _edit_jsonl("stance.jsonl", 3, lambda r: r.update(sent_index=9)),
        r"stance.jsonl:3: field 'sent_index': 9 is not a sentence of a.txt in sentences.jsonl \(4\)",
    ),
    "sentence given twice": (
        _edit_jsonl("stance.jsonl", 2, lambda r: r.update(sent_index=0, text=None)),
        r"stance.jsonl:2: field 'sent_index': this sentence was already given on line 1",
    ),
    "sentence text differs": (
        _edit_jsonl("stance.jsonl", 3, lambda r: r.update(text="The weather was cold.")),
        r"stance.jsonl:3: field 'text': differs from sentence 2 of a.txt in sentences.jsonl",
    ),
    "invalid JSON": (_write("stance.jsonl", '{"doc": "a.txt",\n'), r"stance.jsonl:1: not valid JSON"),
    "overlapping sentences": (
        _edit_jsonl("sentences.jsonl", 1, lambda r: r["sentences"][1].update(start=10, text=DOC_A[10:55])),
        r"sentences.jsonl:1: field 'sentences\[1\].start': overlaps or precedes the previous sentence",
    ),
    "sentence span outside its text": (
        _edit_jsonl("sentences.jsonl", 2, lambda r: r["sentences"][1].update(end=999, text=None)),
        r"sentences.jsonl:2: field 'sentences\[1\].start/end': span \[31, 999\) is outside its text",
    ),
    "duplicate_of a later sentence": (
        _edit_jsonl("sentences.jsonl", 1, lambda r: r["sentences"][0].update(duplicate_of=2)),
        r"sentences.jsonl:1: field 'sentences\[0\].duplicate_of': 2 is not an earlier sentence's index",
    ),
    "targets.json not a mapping": (
        _write("targets.json", '["Ana Rivera"]'),
        r"targets.json: expected a non-empty object",
    ),
    "targets.json invalid": (_write("targets.json", "{"), r"targets.json:1: not valid JSON"),
    "no stance.jsonl": (lambda folder: (folder / "stance.jsonl").unlink(), r"gold: no stance.jsonl"),
    "no docs folder": (lambda folder: shutil.rmtree(folder / "docs"), r"gold: no docs/ folder"),
}


@pytest.mark.parametrize("case", list(BAD_FOLDERS))
def test_bad_gold_folder(case: str, folder: Path) -> None:
    edit, message = BAD_FOLDERS[case]
    edit(folder)
    with pytest.raises(stancekit.ConfigError, match=message):
        load_gold(folder)


def test_text_not_found_without_sentences_jsonl(tmp_path: Path) -> None:
    folder = write_gold(tmp_path / "g", with_sentences=False)
    _edit_jsonl("stance.jsonl", 2, lambda r: r.update(text="Lopez never said that."))(folder)
    with pytest.raises(
        stancekit.ConfigError,
        match=r"stance.jsonl:2: field 'text': the sentence is not in the document 'a.txt'",
    ):
        load_gold(folder)


def _csv_text(gold: Gold) -> list[str]:
    return gold.to_frame().to_csv(index=False).splitlines()


def _csv_case(
    change: Callable[[list[str]], list[str]], message: str
) -> tuple[Callable[[list[str]], list[str]], str]:
    return change, message


def _replace_in_line(line: int, old: str, new: str) -> Callable[[list[str]], list[str]]:
    def change(lines: list[str]) -> list[str]:
        assert old in lines[line - 1], lines[line - 1]
        lines[line - 1] = lines[line - 1].replace(old, new, 1)
        return lines

    return change


BAD_TABLES = {
    "missing column": (
        lambda lines: [
            ",".join(c for c in line.split(",") if c != "stance") if i == 0 else line
            for i, line in enumerate(lines)
        ],
        r"gold.csv:1: no column 'stance' \(columns: doc, ",
    ),
    "unknown stance": (
        _replace_in_line(3, ",AGAINST,", ",CONTRA,"),
        r"gold.csv:3: field 'stance': 'CONTRA' is not one of FAVOR, AGAINST",
    ),
    "target not in targets": (
        _replace_in_line(2, ",Ana Rivera,", ",Nobody,"),
        r"gold.csv:2: field 'target': 'Nobody' is not one of the targets",
    ),
    "span outside its text": (
        _replace_in_line(2, ",0,6,", ",0,600,"),
        r"gold.csv:2: field 'holder_start/holder_end': span \[0, 600\) is outside its text",
    ),
    "span outside its sentence": (
        _replace_in_line(2, ",7,12,", ",7,40,"),
        r"gold.csv:2: field 'cue_start/cue_end': span \[7, 40\) is outside its sentence \[0, 20\)",
    ),
    "offset not a number": (
        _replace_in_line(2, ",7,12,", ",seven,12,"),
        r"gold.csv:2: field 'cue_start': expected an integer offset, not 'seven'",
    ),
    "unknown document": (
        _replace_in_line(2, "a.txt", "q.txt"),
        r"gold.csv:2: field 'doc': 'q.txt' is not one of the documents",
    ),
    "sentence differs from its span": (
        _replace_in_line(2, "Brazil backs Rivera.", "Brazil backs Lopez."),
        r"gold.csv:2: field 'sentence': differs from the document",
    ),
    "half a triple": (
        _replace_in_line(2, ",FAVOR,", ",,"),
        r"gold.csv:2: field 'stance': missing \(one of FAVOR, AGAINST\)",
    ),
}


@pytest.mark.parametrize("case", list(BAD_TABLES))
def test_bad_gold_csv(case: str, gold: Gold, tmp_path: Path) -> None:
    change, message = BAD_TABLES[case]
    csv = tmp_path / "gold.csv"
    csv.write_text("\n".join(change(_csv_text(gold))) + "\n", encoding="utf-8")
    with pytest.raises(stancekit.ConfigError, match=message):
        load_gold(csv, docs=gold.texts, targets=TARGETS)


def test_bad_gold_frame_names_the_row() -> None:
    frame = pd.DataFrame(
        {"doc": ["n1", "n1"], "sentence": ["Peru backs Rivera.", "Chile too."], "holder": ["Peru", "Chile"],
         "target": ["Ana Rivera", "Ana Rivera"], "stance": ["FAVOR", "favour"]},
        index=["r1", "r2"],
    )  # fmt: skip
    with pytest.raises(
        stancekit.ConfigError,
        match=re.escape(
            "DataFrame row 1 (index 'r2'): field 'stance': 'favour' is not one of FAVOR, AGAINST"
        ),
    ):
        load_gold(frame)


def test_table_spans_need_the_texts() -> None:
    frame = pd.DataFrame(
        {"doc": ["n1"], "sentence": ["Peru backs Rivera."], "holder": ["Peru"], "target": ["Ana Rivera"],
         "stance": ["FAVOR"], "cue": ["backs"], "cue_start": [5], "cue_end": [10]}
    )  # fmt: skip
    with pytest.raises(
        stancekit.ConfigError, match="field 'cue_start/cue_end': spans need the document texts"
    ):
        load_gold(frame)
    assert load_gold(frame, docs={"n1": "Peru backs Rivera."}).n_triples == 1


def test_unreadable_csv(tmp_path: Path) -> None:
    empty = tmp_path / "empty.csv"
    empty.write_text("", encoding="utf-8")
    with pytest.raises(stancekit.ConfigError, match=r"empty\.csv: not a readable CSV file"):
        load_gold(empty)


def test_missing_paths() -> None:
    with pytest.raises(stancekit.ConfigError, match=r"nowhere\.csv: no such file"):
        load_gold("nowhere.csv")
    with pytest.raises(stancekit.ConfigError, match=r"not a gold folder or a \.csv file"):
        load_gold("nowhere")
