"""The ``stancekit`` command line.

``stancekit sentences FILE...`` and ``stancekit tokens FILE...`` write one JSON object per line
with code-point offsets into the file's text; ``-`` reads standard input. Files are read as
UTF-8; undecodable bytes are kept as lone surrogates (``surrogateescape``) so that nothing is
lost and offsets still count code points. Bad input ends with a one-line message on standard
error and a non-zero exit status.
"""

from __future__ import annotations

import argparse
import io
import json
import sys
from collections.abc import Iterator, Sequence
from typing import TextIO

import stancekit


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


def _write_jsonl(out: TextIO, record: dict[str, object]) -> None:
    line = json.dumps(record, ensure_ascii=False)
    try:
        line.encode("utf-8")
    except UnicodeEncodeError:  # lone surrogates from undecodable input: keep them as \udcXX escapes
        line = json.dumps(record)
    out.write(line + "\n")


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
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args = build_parser().parse_args(argv)
    if isinstance(sys.stdout, io.TextIOWrapper):
        sys.stdout.reconfigure(encoding="utf-8")
    try:
        args.run(args, sys.stdout)
    except (CliError, stancekit.StancekitError) as exc:
        print(f"stancekit: error: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # e.g. `stancekit tokens big.txt | head`
        return 0
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
