"""The ``stancekit`` command line.

``stancekit sentences FILE...`` and ``stancekit tokens FILE...`` write one JSON object per line
with code-point offsets into the file's text; ``-`` reads standard input.

``stancekit tag [INPUT...]`` tags stance (holder → target, FAVOR/AGAINST). An INPUT is a text
file, a directory (its ``*.txt`` files, recursively), a glob, or a JSONL/CSV/Parquet file whose
``--text-column`` holds the texts; with no INPUT it tags a small built-in example corpus. Without
``--target``, the most-mentioned people in the input become the targets. ``--format`` chooses
JSON lines, CSV, Parquet or a readable holder × target table. Files are read as
UTF-8; undecodable bytes are kept as lone surrogates (``surrogateescape``) so that nothing is
lost and offsets still count code points. Bad input ends with a one-line message on standard
error and a non-zero exit status.
"""

from __future__ import annotations

import argparse
import glob
import io
import json
import sys
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any, TextIO

import stancekit
from stancekit._deps import require
from stancekit._progress import chunked


class CliError(Exception):
    """A user error: printed as one line, exit status 2."""


def _read(path: str) -> str:
    if path == "-":
        return sys.stdin.buffer.read().decode("utf-8", errors="surrogateescape")
    try:
        with open(path, encoding="utf-8", errors="surrogateescape") as f:
            return f.read()
    except OSError as exc:
        raise CliError(f"cannot read {path}: {exc.strerror or exc}") from exc


def _inputs(paths: Sequence[str]) -> Iterator[tuple[str, str]]:
    for path in paths:
        yield path, _read(path)


def _json_line(record: dict[str, object]) -> str:
    line = json.dumps(record, ensure_ascii=False)
    try:
        line.encode("utf-8")
    except UnicodeEncodeError:  # lone surrogates from undecodable input: keep them as \udcXX escapes
        line = json.dumps(record)
    return line


def _write_jsonl(out: TextIO, record: dict[str, object]) -> None:
    out.write(_json_line(record) + "\n")


def _cmd_sentences(args: argparse.Namespace, out: TextIO) -> None:
    for path, text in _inputs(args.files):
        for i, s in enumerate(stancekit.split_sentences(text)):
            _write_jsonl(out, {"file": path, "sentence": i, "start": s.start, "end": s.end, "text": s.text})


def _cmd_tokens(args: argparse.Namespace, out: TextIO) -> None:
    tokenizer = stancekit.Tokenizer(split_clitics=not args.surface)
    for path, text in _inputs(args.files):
        for i, t in enumerate(tokenizer.tokenize(text)):
            record = {
                "file": path,
                "token": i,
                "start": t.start,
                "end": t.end,
                "text": t.text,
                "kind": t.kind,
            }
            _write_jsonl(out, record)


@dataclass(frozen=True)
class Document:
    """One input text and where it came from."""

    doc: str
    text: str


def _example_corpus() -> list[Document]:
    folder = resources.files("stancekit") / "data" / "example_corpus"
    files = sorted((f for f in folder.iterdir() if f.name.endswith(".txt")), key=lambda f: f.name)
    return [Document(f"example:{f.name}", f.read_text(encoding="utf-8")) for f in files]


def _table_rows(path: Path, column: str, id_column: str | None) -> Iterator[tuple[str, object]]:
    """(doc id, text value) of each row of a JSONL, CSV or Parquet file."""
    suffix = path.suffix.lower()
    if suffix in (".jsonl", ".ndjson"):
        with open(path, encoding="utf-8", errors="surrogateescape") as f:
            for number, line in enumerate(f, 1):
                if not line.strip():
                    continue
                try:
                    record = json.loads(line)
                except json.JSONDecodeError as exc:
                    raise CliError(f"{path}:{number}: not valid JSON ({exc.msg})") from exc
                if not isinstance(record, dict) or column not in record:
                    raise CliError(f"{path}:{number}: no {column!r} field (choose one with --text-column)")
                doc = record.get(id_column) if id_column else None
                yield str(doc if doc is not None else f"{path}:{number}"), record[column]
        return
    pd = require("pandas", "pandas")
    try:
        frame = pd.read_csv(path) if suffix == ".csv" else pd.read_parquet(path)
    except ImportError:
        raise
    except Exception as exc:
        raise CliError(f"cannot read {path}: {exc}") from exc
    if column not in frame.columns:
        raise CliError(f"{path}: no column {column!r} (columns: {', '.join(map(str, frame.columns))})")
    ids = frame[id_column] if id_column and id_column in frame.columns else frame.index
    for doc, value in zip(ids, frame[column], strict=True):
        yield f"{path}:{doc}", value


TABLE_SUFFIXES = (".jsonl", ".ndjson", ".csv", ".parquet")


def _documents(inputs: Sequence[str], column: str, id_column: str | None) -> list[Document]:
    if not inputs:
        return _example_corpus()
    docs: list[Document] = []
    for item in inputs:
        path = Path(item)
        if item == "-":
            docs.append(Document("-", _read("-")))
        elif path.is_dir():
            docs += [Document(str(p), _read(str(p))) for p in sorted(path.rglob("*.txt"))]
        elif path.suffix.lower() in TABLE_SUFFIXES and path.exists():
            for doc, value in _table_rows(path, column, id_column):
                if isinstance(value, str):
                    docs.append(Document(doc, value))
                elif value is not None and value == value:  # NaN != NaN: missing values are skipped
                    raise CliError(f"{doc}: {column!r} must be text, not {type(value).__name__}")
        elif not path.exists() and glob.has_magic(item):
            matches = sorted(glob.glob(item, recursive=True))
            if not matches:
                raise CliError(f"no file matches {item}")
            docs += _documents(matches, column, id_column)
        else:
            docs.append(Document(item, _read(item)))
    return docs


def _parse_targets(specs: Sequence[str]) -> dict[str, list[str]]:
    targets: dict[str, list[str]] = {}
    for spec in specs:
        name, sep, aliases = spec.partition("=")
        if not name.strip():
            raise CliError(f"--target {spec!r}: expected NAME or NAME=ALIAS,ALIAS")
        targets[name.strip()] = [a.strip() for a in aliases.split(",") if a.strip()] if sep else []
    return targets


def _stance_record(doc: Document, s: Any) -> dict[str, Any]:
    start, end = s.sentence
    return {
        "doc": doc.doc,
        "holder": s.holder,
        "target": s.target,
        "stance": s.stance,
        "cue": s.cue,
        "score": round(float(s.score), 4),
        "rule": s.rule,
        "sentence": doc.text[start:end],
        "sentence_start": start,
        "sentence_end": end,
        "holder_start": s.holder_span[0] if s.holder_span else None,
        "holder_end": s.holder_span[1] if s.holder_span else None,
        "target_start": s.target_span[0] if s.target_span else None,
        "target_end": s.target_span[1] if s.target_span else None,
        "cue_start": s.cue_span[0],
        "cue_end": s.cue_span[1],
    }


def format_table(records: Sequence[dict[str, Any]]) -> str:
    """A holder × target table of ``+FAVOR −AGAINST`` counts (plain text, no pandas needed)."""
    if not records:
        return "no stance found"
    counts: Counter[tuple[str, str, str]] = Counter((r["holder"], r["target"], r["stance"]) for r in records)
    holders = Counter(r["holder"] for r in records)
    targets = sorted({r["target"] for r in records})
    rows = [["holder \\ target", *targets]]
    for holder, _ in sorted(holders.items(), key=lambda kv: (-kv[1], kv[0])):
        cells = []
        for target in targets:
            favor, against = counts[(holder, target, "FAVOR")], counts[(holder, target, "AGAINST")]
            cells.append(f"+{favor} -{against}" if favor or against else ".")
        rows.append([holder, *cells])
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = [
        "  ".join(
            cell.ljust(w) if i == 0 else cell.rjust(w)
            for i, (cell, w) in enumerate(zip(row, widths, strict=True))
        )
        for row in rows
    ]
    lines.insert(1, "-" * len(lines[0]))
    return "\n".join(lines) + f"\n\n{len(records)} stances: +FAVOR -AGAINST per holder and target"


def _cmd_tag(args: argparse.Namespace, out: TextIO) -> None:
    fmt = args.format or ("table" if args.output is None else Path(args.output).suffix.lstrip(".") or "jsonl")
    if fmt not in ("jsonl", "csv", "parquet", "table"):
        raise CliError(f"unknown format {fmt!r}: use jsonl, csv, parquet or table")
    if fmt == "parquet" and args.output is None:
        raise CliError("--format parquet needs --output FILE")
    targets = _parse_targets(args.target) if args.target else None
    docs = _documents(args.inputs, args.text_column, args.id_column)
    if not docs:
        raise CliError("no input documents")
    texts = [d.text for d in docs]
    if targets is None:
        targets = dict(stancekit.StanceTagger.targets_from_texts(texts, args.top))
        if not targets:
            raise CliError("no person is mentioned often enough to be a target; give --target NAME=ALIAS,...")
        print("targets: " + "; ".join(targets), file=sys.stderr)
    tagger = stancekit.StanceTagger(targets=targets)
    show_progress = args.progress if args.progress is not None else sys.stderr.isatty()
    per_doc = chunked(tagger.tag_batch, texts, show_progress, "tagging")
    records = [_stance_record(doc, s) for doc, found in zip(docs, per_doc, strict=True) for s in found]
    if fmt == "table":
        _write(args.output, out, format_table(records) + "\n")
    elif fmt == "jsonl":
        _write(args.output, out, "".join(_json_line(r) + "\n" for r in records))
    elif fmt in ("csv", "parquet"):
        pd = require("pandas", "pandas")
        frame = pd.DataFrame.from_records(records, columns=RECORD_COLUMNS)
        if fmt == "csv":
            _write(args.output, out, frame.to_csv(index=False))
        else:
            frame.to_parquet(args.output, index=False)


RECORD_COLUMNS = [
    "doc", "holder", "target", "stance", "cue", "score", "rule", "sentence", "sentence_start", "sentence_end",
    "holder_start", "holder_end", "target_start", "target_end", "cue_start", "cue_end",
]  # fmt: skip


def _write(path: str | None, out: TextIO, content: str) -> None:
    if path is None:
        out.write(content)
        return
    try:
        with open(path, "w", encoding="utf-8", errors="surrogateescape") as f:
            f.write(content)
    except OSError as exc:
        raise CliError(f"cannot write {path}: {exc.strerror or exc}") from exc


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="stancekit",
        description="Sentences, tokens and stance from English news.",
    )
    parser.add_argument("--version", action="version", version=f"stancekit {stancekit.__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("sentences", help="split files into sentences (JSON lines)")
    p.add_argument("files", nargs="+", metavar="FILE", help="text files; - for standard input")
    p.set_defaults(run=_cmd_sentences)

    p = sub.add_parser("tokens", help="tokenize files (JSON lines)")
    p.add_argument("files", nargs="+", metavar="FILE", help="text files; - for standard input")
    p.add_argument("--surface", action="store_true", help="keep clitics whole (didn't) instead of UD words")
    p.set_defaults(run=_cmd_tokens)

    p = sub.add_parser("tag", help="tag stance: holder -> target, FAVOR/AGAINST")
    p.add_argument(
        "inputs",
        nargs="*",
        metavar="INPUT",
        help="text files, directories, globs, or JSONL/CSV/Parquet files; none: the built-in example corpus",
    )
    p.add_argument(
        "--target",
        action="append",
        metavar="NAME=ALIAS,ALIAS",
        help="a target and its aliases (repeatable); default: the most-mentioned people",
    )
    p.add_argument("--top", type=int, default=3, help="how many people become targets without --target")
    p.add_argument(
        "--format", choices=["jsonl", "csv", "parquet", "table"], help="default: table, or from --output"
    )
    p.add_argument("--output", "-o", help="write here instead of standard output")
    p.add_argument("--text-column", default="text", help="text column of JSONL/CSV/Parquet inputs")
    p.add_argument("--id-column", default=None, help="document id column of JSONL/CSV/Parquet inputs")
    p.add_argument(
        "--progress",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="progress bar (default: on a terminal)",
    )
    p.set_defaults(run=_cmd_tag)

    from stancekit.eval.cli import add_eval_command  # its own module: scoring is not tagging

    add_eval_command(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args = build_parser().parse_args(argv)
    if isinstance(sys.stdout, io.TextIOWrapper):
        sys.stdout.reconfigure(encoding="utf-8")
    try:
        args.run(args, sys.stdout)
    except (CliError, stancekit.StancekitError, ImportError) as exc:
        print(f"stancekit: error: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # e.g. `stancekit tokens big.txt | head`
        return 0
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
