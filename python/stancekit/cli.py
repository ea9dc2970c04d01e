"""The ``stancekit`` command line.

``stancekit sentences FILE...`` and ``stancekit tokens FILE...`` write one JSON object per line
with code-point offsets into the file's text; ``-`` reads standard input.

``stancekit tag [INPUT...]`` tags stance (holder → target, FAVOR/AGAINST). An INPUT is a text
file, a directory (its ``*.txt`` files, recursively), a glob, or a JSONL/CSV/Parquet file whose
``--text-column`` holds the texts; with no INPUT it tags a small built-in example corpus. Without
``--target``, the most-mentioned people in the input become the targets. ``--format`` chooses
JSON lines, a JSON array, CSV, Parquet or a readable holder × target table; with ``-o FILE`` and
no ``--format`` the file's suffix decides (``.jsonl``, ``.json``, ``.csv``, ``.parquet``,
``.txt``). A document's id is its path for a text file; for a row of a table file it is the
row's ``--id-column`` value, or ``PATH:ROW`` (rows counted from 0) without one.

Text. Files are read as UTF-8 (a leading byte-order mark is dropped); undecodable bytes are kept
as lone surrogates (``surrogateescape``) so that nothing is lost and offsets still count code
points, and JSON lines, CSV and the table write those bytes back unchanged. Parquet needs valid
UTF-8: there they become U+FFFD, and a note on standard error says how many values changed.

Failures. Bad input ends with a one-line message on standard error and exit status 2; Ctrl-C
with exit status 130. ``--progress`` shows a bar by bytes of text (default: on a terminal).

Subcommands are listed once, in :data:`COMMANDS`: another one is a :class:`Command` added there.
"""

from __future__ import annotations

import argparse
import codecs
import contextlib
import csv
import glob
import io
import json
import os
import re
import sys
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from importlib import resources
from json.encoder import encode_basestring as _encode_json_string  # type: ignore[attr-defined]
from pathlib import Path
from typing import Any, BinaryIO

import stancekit
from stancekit import _core, _progress
from stancekit._deps import require
from stancekit.eval import cli as eval_cli

PIECE_BYTES = 1 << 20
"""Big files are split, streamed and written in pieces of about this size (cut at blank lines)."""


class CliError(Exception):
    """A user error: printed as one line, exit status 2."""


# ----------------------------------------------------------------------------------------- text


def _keep_surrogates(error: UnicodeError) -> tuple[bytes, int]:
    """Encoding error handler: a lone surrogate from ``surrogateescape`` (U+DC80..U+DCFF) becomes
    the byte it stands for; any other lone surrogate its ``surrogatepass`` bytes. Nothing is lost."""
    assert isinstance(error, UnicodeEncodeError)
    out = bytearray()
    for char in error.object[error.start : error.end]:
        code = ord(char)
        out += bytes([code - 0xDC00]) if 0xDC80 <= code <= 0xDCFF else char.encode("utf-8", "surrogatepass")
    return bytes(out), error.end


codecs.register_error("stancekit.keep_surrogates", _keep_surrogates)


def encode(text: str) -> bytes:
    """``text`` as UTF-8, with undecodable input bytes written back as they were."""
    return text.encode("utf-8", "stancekit.keep_surrogates")


_SURROGATE = re.compile("[\ud800-\udfff]")
_FOREIGN_SURROGATE = re.compile("[\ud800-\udc7f\udd00-\udfff]")


def _escape_foreign_surrogates(json_text: str) -> str:
    """Surrogates that stand for undecodable bytes stay (:func:`encode` writes those bytes back);
    other lone surrogates, which no input byte made, become ``\\uXXXX`` escapes, so the JSON
    stays exact."""
    if json_text.isascii():
        return json_text
    return _FOREIGN_SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", json_text)


def json_line(value: object) -> str:
    """``value`` as JSON on one line, non-ASCII kept as is (see :func:`_escape_foreign_surrogates`)."""
    return _escape_foreign_surrogates(json.dumps(value, ensure_ascii=False))


def json_string(text: str) -> str:
    """``json_line(text)`` for a str, several times faster (millions of tokens)."""
    return _escape_foreign_surrogates(_encode_json_string(text))


def _read_bytes(data: bytes) -> str:
    return data.decode("utf-8-sig", errors="surrogateescape")


def _read(path: str) -> str:
    if path == "-":
        return _read_bytes(sys.stdin.buffer.read())
    try:
        with open(path, "rb") as f:
            return _read_bytes(f.read())
    except OSError as exc:
        raise CliError(f"cannot read {path}: {exc.strerror or exc}") from exc


class Output:
    """Where a command writes: standard output, or the ``--output`` file (created on first write)."""

    def __init__(self, path: str | None, stdout: BinaryIO) -> None:
        self.path = path
        self._stdout = stdout
        self._file: BinaryIO | None = None

    def _stream(self) -> BinaryIO:
        if self.path is None:
            return self._stdout
        if self._file is None:
            try:
                self._file = open(self.path, "wb")  # noqa: SIM115 - closed by close()
            except OSError as exc:
                raise CliError(f"cannot write {self.path}: {exc.strerror or exc}") from exc
        return self._file

    def write(self, text: str) -> None:
        """Write ``text`` (see :func:`encode`)."""
        try:
            self._stream().write(encode(text))
        except BrokenPipeError:
            raise
        except OSError as exc:
            raise CliError(f"cannot write {self.path or 'standard output'}: {exc.strerror or exc}") from exc

    def flush(self) -> None:
        """Flush what was written (e.g. before a message on standard error)."""
        self._stream().flush()

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
        else:
            self._stdout.flush()


# ------------------------------------------------------------------------- sentences and tokens


def _show_progress(args: argparse.Namespace) -> bool:
    return bool(args.progress if args.progress is not None else sys.stderr.isatty())


def _pieces(args: argparse.Namespace) -> Iterator[tuple[int, str, str, int]]:
    """``(file number, path, piece, offset)`` for every input file, cut at blank lines into pieces
    of about :data:`PIECE_BYTES` (so a big file streams), with a progress bar over all the bytes
    when wanted. ``offset`` is the piece's code-point offset in its file."""
    texts = [(path, _read(path)) for path in args.files]
    spans = [_core._paragraph_spans(text, PIECE_BYTES) for _, text in texts]
    total = sum(len(encode(text)) for _, text in texts)
    with _progress.bar(total, args.command) if _show_progress(args) else contextlib.nullcontext() as shown:
        for number, ((path, text), cuts) in enumerate(zip(texts, spans, strict=True)):
            for start, end in cuts:
                piece = text[start:end]
                yield number, path, piece, start
                if shown is not None:
                    shown.update(len(encode(piece)))


def _cmd_sentences(args: argparse.Namespace, out: Output) -> None:
    counts: Counter[int] = Counter()
    for number, path, piece, offset in _pieces(args):
        prefix = f'{{"file": {json_string(path)}, "sentence": '
        lines = []
        for s in stancekit.split_sentences(piece):
            start, end = s.start + offset, s.end + offset
            text = json_string(s.text)
            lines.append(f'{prefix}{counts[number]}, "start": {start}, "end": {end}, "text": {text}}}\n')
            counts[number] += 1
        out.write("".join(lines))


def _cmd_tokens(args: argparse.Namespace, out: Output) -> None:
    tokenizer = stancekit.Tokenizer(split_clitics=not args.surface)
    counts: Counter[int] = Counter()
    for number, path, piece, offset in _pieces(args):
        prefix = f'{{"file": {json_string(path)}, "token": '
        lines = []
        for t in tokenizer.tokenize(piece):
            start, end, text = t.start + offset, t.end + offset, json_string(t.text)
            fields = f'"start": {start}, "end": {end}, "text": {text}, "kind": "{t.kind}"'
            lines.append(f"{prefix}{counts[number]}, {fields}}}\n")
            counts[number] += 1
        out.write("".join(lines))


def _cmd_parse(args: argparse.Namespace, out: Output) -> None:
    parser = stancekit.Parser()
    words_so_far: Counter[int] = Counter()
    sentences_so_far: Counter[int] = Counter()
    for number, path, piece, offset in _pieces(args):
        if args.format == "conllu":
            # Sentence ids run on over the pieces of a file: `PATH-N`.
            lines = []
            for line in parser.to_conllu(piece).splitlines(keepends=True):
                if line.startswith("# sent_id = "):
                    if sentences_so_far[number] == 0:
                        lines.append(f"# newdoc id = {path}\n")
                    sentences_so_far[number] += 1
                    line = f"# sent_id = {path}-{sentences_so_far[number]}\n"
                lines.append(line)
            out.write("".join(lines))
            continue
        words = parser.parse(piece)
        base, sentence_base = words_so_far[number], sentences_so_far[number]
        prefix = f'{{"file": {json_string(path)}, "word": '
        lines = []
        for i, w in enumerate(words):
            head = "null" if w.head is None else str(w.head + base)
            fields = (
                f'"sentence": {w.sentence + sentence_base}, "start": {w.start + offset}, '
                f'"end": {w.end + offset}, "text": {json_string(w.text)}, "upos": "{w.upos}", '
                f'"xpos": {json_string(w.xpos)}, "lemma": {json_string(w.lemma)}, "head": {head}, '
                f'"deprel": "{w.deprel}"'
            )
            lines.append(f"{prefix}{base + i}, {fields}}}\n")
        words_so_far[number] += len(words)
        sentences_so_far[number] += words[-1].sentence + 1 if words else 0
        out.write("".join(lines))


def _configure_parse(p: argparse.ArgumentParser) -> None:
    _configure_files(p)
    p.add_argument(
        "--format",
        choices=["jsonl", "conllu"],
        default="jsonl",
        help="jsonl: one JSON object per word (file, word, sentence, start, end, text, upos, xpos, "
        "lemma, head, deprel); conllu: CoNLL-U, one block per sentence (default: jsonl)",
    )


def _configure_files(p: argparse.ArgumentParser) -> None:
    p.add_argument("files", nargs="+", metavar="FILE", help="text files; - for standard input")
    _add_progress(p)


def _configure_tokens(p: argparse.ArgumentParser) -> None:
    _configure_files(p)
    p.add_argument("--surface", action="store_true", help="keep clitics whole (didn't) instead of UD words")


def _add_progress(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--progress",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="progress bar by bytes of text (default: on a terminal)",
    )


# ------------------------------------------------------------------------------------------ tag


@dataclass(frozen=True)
class Document:
    """One input text and where it came from."""

    doc: str
    text: str


def _example_corpus() -> list[Document]:
    folder = resources.files("stancekit") / "data" / "example_corpus"
    files = sorted((f for f in folder.iterdir() if f.name.endswith(".txt")), key=lambda f: f.name)
    return [Document(f"example:{f.name}", f.read_text(encoding="utf-8")) for f in files]


def _records(path: Path) -> tuple[list[str] | None, Iterator[tuple[str, dict[str, Any]]]]:
    """The columns of a table file (``None`` for JSONL, whose records each have their own) and
    its ``(where, record)`` rows, ``where`` naming the line for messages. Text is read like
    text files (``utf-8-sig``, undecodable bytes kept); an empty CSV field is a missing value."""
    suffix = path.suffix.lower()
    if suffix in (".jsonl", ".ndjson"):

        def jsonl() -> Iterator[tuple[str, dict[str, Any]]]:
            with open(path, encoding="utf-8-sig", errors="surrogateescape") as f:
                for number, line in enumerate(f, 1):
                    if not line.strip():
                        continue
                    try:
                        record = json.loads(line)
                    except json.JSONDecodeError as exc:
                        raise CliError(f"{path}:{number}: not valid JSON ({exc.msg})") from exc
                    if not isinstance(record, dict):
                        raise CliError(f"{path}:{number}: not a JSON object")
                    yield f"{path}:{number}", record

        return None, jsonl()
    try:
        if suffix == ".csv":
            with open(path, encoding="utf-8-sig", errors="surrogateescape", newline="") as f:
                reader = csv.DictReader(f)
                rows = [
                    (f"{path}:{reader.line_num}", {k: v if v != "" else None for k, v in record.items()})
                    for record in reader
                ]
                columns = list(reader.fieldnames or [])
        else:
            frame = require("pandas", "pandas").read_parquet(path)
            columns = [str(c) for c in frame.columns]
            rows = [(f"{path}: row {i}", record) for i, record in enumerate(frame.to_dict("records"))]
    except ImportError:
        raise
    except Exception as exc:
        raise CliError(f"cannot read {path}: {exc}") from exc
    return columns, iter(rows)


def _table_rows(path: Path, column: str, id_column: str | None) -> Iterator[tuple[str, object]]:
    """(doc id, text value) of each row of a JSONL, CSV or Parquet file: the row's ``id_column``
    value when given, else ``PATH:ROW`` with rows counted from 0, the same for every format."""
    columns, rows = _records(path)
    if columns is not None:
        for option, name in (("--text-column", column), ("--id-column", id_column)):
            if name is not None and name not in columns:
                raise CliError(f"{path}: no column {name!r} for {option} (columns: {', '.join(columns)})")
    for row, (where, record) in enumerate(rows):
        if column not in record:
            raise CliError(f"{where}: no {column!r} field (choose one with --text-column)")
        if id_column is not None and id_column not in record:
            raise CliError(f"{where}: no {id_column!r} field (the --id-column)")
        yield (str(record[id_column]) if id_column is not None else f"{path}:{row}"), record[column]


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


RECORD_COLUMNS = [
    "doc", "holder", "target", "stance", "cue", "score", "rule", "sentence", "sentence_start", "sentence_end",
    "holder_start", "holder_end", "target_start", "target_end", "cue_start", "cue_end",
]  # fmt: skip


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


FORMATS = ("jsonl", "json", "csv", "parquet", "table")
SUFFIX_FORMATS = {
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "json",
    ".csv": "csv",
    ".parquet": "parquet",
    ".pq": "parquet",
    ".txt": "table",
}


def _output_format(args: argparse.Namespace) -> str:
    if args.format is not None:
        if args.format == "parquet" and args.output is None:
            raise CliError("--format parquet needs --output FILE")
        return str(args.format)
    if args.output is None:
        return "table"
    suffix = Path(args.output).suffix.lower()
    if suffix not in SUFFIX_FORMATS:
        known = ", ".join(SUFFIX_FORMATS)
        raise CliError(f"cannot tell the format of {args.output} from its suffix ({known}); give --format")
    return SUFFIX_FORMATS[suffix]


def _write_parquet(records: list[dict[str, Any]], path: str) -> None:
    """Parquet holds valid UTF-8 only: lone surrogates become U+FFFD, counted on standard error."""
    pd = require("pandas", "pandas")
    changed = 0
    for record in records:
        for key in ("doc", "cue", "sentence"):
            # One U+FFFD per surrogate code point, so offsets still count code points.
            record[key], n = _SURROGATE.subn("\ufffd", record[key])
            changed += n > 0
    frame = pd.DataFrame.from_records(records, columns=RECORD_COLUMNS)
    try:
        frame.to_parquet(path, index=False)
    except OSError as exc:
        raise CliError(f"cannot write {path}: {exc.strerror or exc}") from exc
    if changed:
        print(
            f"stancekit: {changed} values had undecodable bytes; Parquet needs valid UTF-8, "
            f"so they are written as U+FFFD in {path}",
            file=sys.stderr,
        )


def _csv(records: list[dict[str, Any]]) -> str:
    """The records as CSV with a header (the csv module keeps lone surrogates, which pandas'
    Arrow strings would reject; missing values are empty fields)."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=RECORD_COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(records)
    return buffer.getvalue()


def _check_output(path: str | None) -> None:
    """Fail before the work, not after it, when ``--output`` cannot be written."""
    if path is None:
        return
    folder = Path(path).parent
    if not folder.is_dir():
        raise CliError(f"cannot write {path}: no directory {folder}")
    if Path(path).is_dir():
        raise CliError(f"cannot write {path}: it is a directory")


def _cmd_tag(args: argparse.Namespace, out: Output) -> None:
    fmt = _output_format(args)
    _check_output(args.output)
    if args.top < 1:
        raise CliError(f"--top must be at least 1, not {args.top}")
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
    tagger = stancekit.StanceTagger(targets=targets, engine=args.engine)
    per_doc = _progress.with_progress(tagger.tag_batch, texts, _show_progress(args), "tagging")
    records = [_stance_record(doc, s) for doc, found in zip(docs, per_doc, strict=True) for s in found]
    if fmt == "table":
        out.write(format_table(records) + "\n")
    elif fmt == "jsonl":
        out.write("".join(json_line(r) + "\n" for r in records))
    elif fmt == "json":
        out.write("[\n" + ",\n".join(json_line(r) for r in records) + ("\n]\n" if records else "]\n"))
    elif fmt == "csv":
        out.write(_csv(records))
    else:
        _write_parquet(records, args.output)


def _configure_tag(p: argparse.ArgumentParser) -> None:
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
        "--engine",
        choices=stancekit.STANCE_ENGINES,
        default="combined",
        help="combined (default: rules, then frames on the dependency parse), rules (no parse, "
        "fastest) or syntax (frames only)",
    )
    p.add_argument("--format", choices=FORMATS, help="default: from the --output suffix, else table")
    p.add_argument("--output", "-o", help="write here instead of standard output")
    p.add_argument("--text-column", default="text", help="text column of JSONL/CSV/Parquet inputs")
    p.add_argument("--id-column", default=None, help="document id column of JSONL/CSV/Parquet inputs")
    _add_progress(p)


# ---------------------------------------------------------------------------------- the parser


@dataclass(frozen=True)
class Command:
    """A subcommand: ``configure`` adds its arguments to its parser; ``run`` does the work, writing
    text to ``out`` (``out.write(str)``, ``out.flush()``), and returns the exit status (``None``
    means 0; ``SystemExit`` works too). ``run`` raises :class:`CliError` (or a
    :class:`stancekit.StancekitError`) for bad input: one line on standard error, status 2.
    ``description`` is the subcommand's ``--help`` text (default: ``help``)."""

    name: str
    help: str
    configure: Callable[[argparse.ArgumentParser], None]
    run: Callable[[argparse.Namespace, Output], int | None]
    description: str | None = None


COMMANDS: tuple[Command, ...] = (
    Command("sentences", "split files into sentences (JSON lines)", _configure_files, _cmd_sentences),
    Command("tokens", "tokenize files (JSON lines)", _configure_tokens, _cmd_tokens),
    Command("parse", "tag, lemmatize and parse files (JSON lines or CoNLL-U)", _configure_parse, _cmd_parse),
    Command("tag", "tag stance: holder -> target, FAVOR/AGAINST", _configure_tag, _cmd_tag),
    Command(
        "eval", eval_cli.HELP, eval_cli.configure_eval, eval_cli.run_eval, description=eval_cli.DESCRIPTION
    ),
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="stancekit",
        description="Sentences, tokens and stance from English news.",
    )
    parser.add_argument("--version", action="version", version=f"stancekit {stancekit.__version__}")
    sub = parser.add_subparsers(dest="command", required=True)
    for command in COMMANDS:
        p = sub.add_parser(command.name, help=command.help, description=command.description or command.help)
        command.configure(p)
        p.set_defaults(run=command.run)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args = build_parser().parse_args(argv)
    stdout: BinaryIO = getattr(sys.stdout, "buffer", None) or _TextBytes(sys.stdout)  # type: ignore[assignment]
    out = Output(getattr(args, "output", None), stdout)
    try:
        status = args.run(args, out)
        out.close()
    except (CliError, stancekit.StancekitError, ImportError) as exc:
        print(f"stancekit: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("stancekit: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # e.g. `stancekit tokens big.txt | head`
        # Python flushes standard output once more at exit: point it at /dev/null first.
        with contextlib.suppress(OSError, ValueError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    return int(status or 0)


class _TextBytes(io.RawIOBase):
    """Bytes written to a text stream that has no ``buffer`` (e.g. a test's ``StringIO``)."""

    def __init__(self, stream: Any) -> None:
        self._stream = stream

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        self._stream.write(bytes(data).decode("utf-8", "surrogateescape"))
        return len(data)


if __name__ == "__main__":
    raise SystemExit(main())
