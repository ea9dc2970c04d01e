"""The command line, run as a user would (a subprocess of the installed console script)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

EXE = shutil.which("stancekit")


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    cmd = [EXE] if EXE else [sys.executable, "-m", "stancekit"]
    return subprocess.run([*cmd, *args], input=stdin, capture_output=True, timeout=120, check=False)


def test_sentences_from_file_and_stdin(tmp_path: Path) -> None:
    doc = tmp_path / "doc.txt"
    text = "Guaidó spoke on Feb. 8.\n\nMaduro replied."
    doc.write_text(text, encoding="utf-8")
    result = run("sentences", str(doc), "-", stdin=b"Hello there. Bye.")
    assert result.returncode == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.decode().splitlines()]
    assert [r["file"] for r in records] == [str(doc), str(doc), "-", "-"]
    for r in records[:2]:
        assert text[r["start"] : r["end"]] == r["text"]


def test_tokens_jsonl(tmp_path: Path) -> None:
    doc = tmp_path / "doc.txt"
    doc.write_text("We didn't.", encoding="utf-8")
    words = [json.loads(line)["text"] for line in run("tokens", str(doc)).stdout.decode().splitlines()]
    assert words == ["We", "did", "n't", "."]
    surface = [
        json.loads(line)["text"] for line in run("tokens", "--surface", str(doc)).stdout.decode().splitlines()
    ]
    assert surface == ["We", "didn't", "."]


def test_undecodable_bytes_are_kept(tmp_path: Path) -> None:
    doc = tmp_path / "latin1.txt"
    doc.write_bytes("Caf\xe9 open. Next.".encode("latin-1"))
    result = run("sentences", str(doc))
    assert result.returncode == 0
    assert b"Caf\xe9 open." in result.stdout  # the original byte, written back
    first = json.loads(result.stdout.decode("utf-8", "surrogateescape").splitlines()[0])
    assert first["text"].startswith("Caf\udce9")


def test_missing_file_is_a_one_line_error() -> None:
    result = run("sentences", "/no/such/file.txt")
    assert result.returncode == 2
    assert result.stdout == b""
    lines = result.stderr.decode().strip().splitlines()
    assert len(lines) == 1
    assert "cannot read /no/such/file.txt" in lines[0]


@pytest.mark.parametrize("args", [[], ["bogus"], ["sentences"]])
def test_usage_errors(args: list[str]) -> None:
    assert run(*args).returncode == 2


def test_tag_without_input_prints_a_table_of_the_builtin_corpus() -> None:
    result = run("tag", "--no-progress")
    assert result.returncode == 0, result.stderr
    out = result.stdout.decode()
    assert "holder \\ target" in out
    assert "stances: +FAVOR -AGAINST" in out
    assert "targets:" in result.stderr.decode()


def test_tag_jsonl_with_targets_indexes_the_file(tmp_path: Path) -> None:
    doc = tmp_path / "a.txt"
    text = "Russia and Cuba continue to back Maduro.\n\nWashington condemned Maduro’s crackdown."
    doc.write_text(text, encoding="utf-8")
    result = run("tag", str(doc), "--target", "Nicolas Maduro=Maduro", "--format", "jsonl")
    assert result.returncode == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.decode().splitlines()]
    assert {(r["holder"], r["stance"]) for r in records} >= {("Russia", "FAVOR"), ("Cuba", "FAVOR")}
    for r in records:
        assert r["target"] == "Nicolas Maduro"
        assert text[r["cue_start"] : r["cue_end"]] == r["cue"]
        assert text[r["sentence_start"] : r["sentence_end"]] == r["sentence"]


def test_tag_reads_directories_globs_and_tables(tmp_path: Path) -> None:
    pd = pytest.importorskip("pandas")
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "one.txt").write_text("Russia backs Maduro.", encoding="utf-8")
    (tmp_path / "docs" / "two.txt").write_text("Cuba backs Maduro.", encoding="utf-8")
    frame = pd.DataFrame({"id": ["x", "y"], "body": ["Iran backs Maduro.", None]})
    frame.to_csv(tmp_path / "t.csv", index=False)
    (tmp_path / "t.jsonl").write_text(
        json.dumps({"id": "z", "body": "Bolivia backs Maduro."}) + "\n", encoding="utf-8"
    )
    out = tmp_path / "out.csv"
    result = run(
        "tag",
        str(tmp_path / "docs"),
        str(tmp_path / "t.csv"),
        str(tmp_path / "t.jsonl"),
        str(tmp_path / "docs" / "*.txt"),
        "--text-column",
        "body",
        "--id-column",
        "id",
        "--target",
        "Nicolas Maduro=Maduro",
        "-o",
        str(out),
    )
    assert result.returncode == 0, result.stderr
    table = pd.read_csv(out)
    assert sorted(table["holder"]) == ["Bolivia", "Cuba", "Cuba", "Iran", "Russia", "Russia"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["tag", "--target", "=Maduro"], "expected NAME or NAME=ALIAS"),
        (["tag", "/no/such/dir/*.txt"], "no file matches"),
        (["tag", "--format", "parquet"], "needs --output"),
    ],
)
def test_tag_bad_input_is_a_one_line_error(args: list[str], message: str) -> None:
    result = run(*args)
    assert result.returncode == 2
    lines = result.stderr.decode().strip().splitlines()
    assert len(lines) == 1, lines
    assert message in lines[0]


def test_tag_malformed_jsonl_names_the_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "fine"}\n{oops\n', encoding="utf-8")
    result = run("tag", str(bad), "--target", "X=Maduro")
    assert result.returncode == 2
    assert f"{bad}:2: not valid JSON" in result.stderr.decode()
