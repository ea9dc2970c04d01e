"""The command line, run as a user would (a subprocess of the installed console script)."""

from __future__ import annotations

import json
import shutil
import signal
import subprocess
import sys
import time
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


def test_tag_with_the_syntax_engine(tmp_path: Path) -> None:
    doc = tmp_path / "a.txt"
    doc.write_text("Aid arrived.\nBrazil strongly condemned Maduro on Monday.", encoding="utf-8")
    args = ("tag", str(doc), "--target", "Nicolas Maduro=Maduro", "--format", "jsonl")
    result = run(*args, "--engine", "syntax")
    assert result.returncode == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.decode().splitlines()]
    assert [(r["holder"], r["stance"], r["cue"]) for r in records] == [("Brazil", "AGAINST", "condemned")]
    assert "/" in records[0]["rule"]  # a frame and its roles, not a token rule
    assert run(*args, "--engine", "neural").returncode == 2


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


# ----------------------------------------------------------------- undecodable bytes and BOM
NON_UTF8 = b"\xef\xbb\xbfRussia backs Maduro in the caf\xe9.\n\nCuba backs Maduro.\n"


def _tag(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    doc = tmp_path / "latin.txt"
    doc.write_bytes(NON_UTF8)
    return run("tag", str(doc), "--target", "Nicolas Maduro=Maduro", "--no-progress", *args)


@pytest.mark.parametrize("fmt", ["jsonl", "json", "csv", "table"])
def test_undecodable_bytes_are_written_back_in_text_formats(tmp_path: Path, fmt: str) -> None:
    result = _tag(tmp_path, "--format", fmt)
    assert result.returncode == 0, result.stderr
    if fmt != "table":
        assert b"Russia backs Maduro in the caf\xe9." in result.stdout  # the original byte
    assert b"Russia" in result.stdout  # the byte-order mark no longer hides the first sentence
    out = tmp_path / f"out.{'txt' if fmt == 'table' else fmt}"
    assert _tag(tmp_path, "-o", str(out)).returncode == 0
    assert out.read_bytes() == result.stdout


def test_jsonl_output_reads_back_exactly(tmp_path: Path) -> None:
    result = _tag(tmp_path, "--format", "jsonl")
    text = NON_UTF8[3:].decode("utf-8", "surrogateescape")  # the file as the tagger saw it
    records = [json.loads(line) for line in result.stdout.decode("utf-8", "surrogateescape").splitlines()]
    assert {r["holder"] for r in records} == {"Russia", "Cuba"}
    for r in records:
        assert text[r["sentence_start"] : r["sentence_end"]] == r["sentence"]
    assert records[0]["sentence"].endswith("caf\udce9.")


def test_parquet_gets_replacement_characters_and_says_how_many(tmp_path: Path) -> None:
    pd = pytest.importorskip("pandas")
    pytest.importorskip("pyarrow")
    out = tmp_path / "out.parquet"
    result = _tag(tmp_path, "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert "1 values had undecodable bytes" in result.stderr.decode()
    table = pd.read_parquet(out)
    russia = table[table["holder"] == "Russia"].iloc[0]
    assert russia["sentence"] == "Russia backs Maduro in the caf\ufffd."
    assert russia["sentence_end"] - russia["sentence_start"] == len(russia["sentence"])


def test_sentences_skip_a_byte_order_mark(tmp_path: Path) -> None:
    doc = tmp_path / "bom.txt"
    doc.write_bytes("\ufeffMaduro spoke. Guaidó replied.".encode())
    records = [json.loads(line) for line in run("sentences", str(doc)).stdout.decode().splitlines()]
    assert [(r["start"], r["text"]) for r in records] == [(0, "Maduro spoke."), (14, "Guaidó replied.")]


# ------------------------------------------------------------------------ one-line errors
@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--top", "-1"], "--top must be at least 1, not -1"),
        (["--top", "0"], "--top must be at least 1, not 0"),
        (["-o", "/missing/dir/x.parquet"], "cannot write /missing/dir/x.parquet"),
        (["-o", "/missing/dir/x.csv"], "cannot write /missing/dir/x.csv"),
        (["-o", "out.xyz"], "cannot tell the format of out.xyz"),
    ],
)
def test_bad_options_are_one_line_errors(tmp_path: Path, args: list[str], message: str) -> None:
    doc = tmp_path / "a.txt"
    doc.write_text("Russia backs Maduro. Maduro thanked Russia.", encoding="utf-8")
    result = run("tag", str(doc), "--no-progress", *args)
    assert result.returncode == 2
    lines = result.stderr.decode().strip().splitlines()
    assert len(lines) == 1, lines
    assert message in lines[0]


def _tables(tmp_path: Path) -> dict[str, Path]:
    pd = pytest.importorskip("pandas")
    pytest.importorskip("pyarrow")
    rows = {"key": ["a1", "b2"], "body": ["Russia backs Maduro.", "Cuba backs Maduro."]}
    paths = {suffix: tmp_path / f"t.{suffix}" for suffix in ("csv", "jsonl", "parquet")}
    pd.DataFrame(rows).to_csv(paths["csv"], index=False)
    pd.DataFrame(rows).to_parquet(paths["parquet"], index=False)
    paths["jsonl"].write_text(
        "".join(json.dumps({"key": k, "body": b}) + "\n" for k, b in zip(*rows.values(), strict=True)),
        encoding="utf-8",
    )
    return paths


@pytest.mark.parametrize("suffix", ["csv", "jsonl", "parquet"])
def test_an_unknown_id_column_is_an_error(tmp_path: Path, suffix: str) -> None:
    path = _tables(tmp_path)[suffix]
    result = run("tag", str(path), "--text-column", "body", "--id-column", "nope", "--target", "M=Maduro")
    assert result.returncode == 2
    lines = result.stderr.decode().strip().splitlines()
    assert len(lines) == 1
    assert "'nope'" in lines[0]


@pytest.mark.parametrize("suffix", ["csv", "jsonl", "parquet"])
def test_ids_are_the_same_for_every_table_format(tmp_path: Path, suffix: str) -> None:
    path = _tables(tmp_path)[suffix]
    common = ["tag", str(path), "--text-column", "body", "--target", "M=Maduro", "--format", "jsonl"]
    for extra, expected in (([], [f"{path}:0", f"{path}:1"]), (["--id-column", "key"], ["a1", "b2"])):
        result = run(*common, *extra)
        assert result.returncode == 0, result.stderr
        assert [json.loads(line)["doc"] for line in result.stdout.decode().splitlines()] == expected


def test_output_suffixes_choose_table_and_json(tmp_path: Path) -> None:
    doc = tmp_path / "a.txt"
    doc.write_text("Russia backs Maduro. Cuba condemned Maduro.", encoding="utf-8")
    table, array = tmp_path / "out.txt", tmp_path / "out.json"
    for out in (table, array):
        result = run("tag", str(doc), "--target", "Nicolas Maduro=Maduro", "-o", str(out))
        assert result.returncode == 0, result.stderr
    assert "holder \\ target" in table.read_text(encoding="utf-8")
    records = json.loads(array.read_text(encoding="utf-8"))
    assert {(r["holder"], r["stance"]) for r in records} == {("Russia", "FAVOR"), ("Cuba", "AGAINST")}


# -------------------------------------------------------------- big files, progress, Ctrl-C
PARAGRAPH = "Guaidó met Mr. Pompeo on Feb. 8. Russia backs Maduro — “firmly”.\n\n"


def test_a_big_file_streams_in_pieces_with_a_progress_bar(tmp_path: Path) -> None:
    text = PARAGRAPH * (2_500_000 // len(PARAGRAPH))
    doc = tmp_path / "big.txt"
    doc.write_text(text, encoding="utf-8")
    quiet = run("sentences", str(doc), "--no-progress")
    shown = run("sentences", str(doc), "--progress")
    assert quiet.returncode == shown.returncode == 0
    assert shown.stdout == quiet.stdout
    assert "100%" in shown.stderr.decode()
    records = [json.loads(line) for line in quiet.stdout.decode().splitlines()]
    assert len(records) == 2 * text.count(PARAGRAPH)
    assert [r["sentence"] for r in records[-3:]] == list(range(len(records) - 3, len(records)))
    for r in records[:: len(records) // 100]:
        assert text[r["start"] : r["end"]] == r["text"]
    tokens = run("tokens", str(doc), "--progress")
    assert tokens.returncode == 0
    assert "100%" in tokens.stderr.decode()


@pytest.mark.skipif(sys.platform == "win32", reason="SIGINT is POSIX")
def test_ctrl_c_is_one_line_and_status_130(tmp_path: Path) -> None:
    doc = tmp_path / "huge.txt"
    doc.write_text(PARAGRAPH * (100_000_000 // len(PARAGRAPH)), encoding="utf-8")
    cmd = [EXE] if EXE else [sys.executable, "-m", "stancekit"]
    child = subprocess.Popen(
        [*cmd, "tag", str(doc), "--target", "M=Maduro", "--no-progress"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    time.sleep(3)  # reading the file, then tagging (about 10 s)
    assert child.poll() is None
    sent = time.monotonic()
    child.send_signal(signal.SIGINT)
    _, err = child.communicate(timeout=30)
    assert time.monotonic() - sent < 1.0
    assert child.returncode == 130
    assert err.decode().strip().splitlines() == ["stancekit: interrupted"]


def test_parse_jsonl_and_conllu(tmp_path: Path) -> None:
    doc = tmp_path / "doc.txt"
    text = "Peru backed Rivera.\n\nShe didn't reply."
    doc.write_text(text, encoding="utf-8")
    result = run("parse", str(doc))
    assert result.returncode == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.decode().splitlines()]
    assert [r["text"] for r in records] == [
        "Peru",
        "backed",
        "Rivera",
        ".",
        "She",
        "did",
        "n't",
        "reply",
        ".",
    ]
    assert [r["word"] for r in records] == list(range(9))
    assert [r["sentence"] for r in records] == [0] * 4 + [1] * 5
    for r in records:
        assert text[r["start"] : r["end"]] == r["text"]
        assert r["head"] is None or 0 <= r["head"] < 9
    assert sum(r["head"] is None for r in records) == 2
    conllu = run("parse", "--format", "conllu", str(doc)).stdout.decode()
    assert conllu.startswith(f"# newdoc id = {doc}\n# sent_id = {doc}-1\n# text = Peru backed Rivera.\n")
    assert f"# sent_id = {doc}-2" in conllu
    rows = [line.split("\t") for line in conllu.splitlines() if line and not line.startswith("#")]
    assert len(rows) == 9
    assert all(len(r) == 10 for r in rows)
