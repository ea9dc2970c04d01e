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
    result = run("sentences", str(doc), "-", stdin="Hello there. Bye.".encode())
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
    surface = [json.loads(line)["text"] for line in run("tokens", "--surface", str(doc)).stdout.decode().splitlines()]
    assert surface == ["We", "didn't", "."]


def test_undecodable_bytes_are_kept(tmp_path: Path) -> None:
    doc = tmp_path / "latin1.txt"
    doc.write_bytes("Caf\xe9 open. Next.".encode("latin-1"))
    result = run("sentences", str(doc))
    assert result.returncode == 0
    first = json.loads(result.stdout.decode().splitlines()[0])
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
