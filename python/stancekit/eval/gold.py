"""Gold stance data: the documented format, its loader with validation, and its writers.

Two forms hold the same content. Offsets are always code points into the document's text as
Python reads it (``open(path, encoding="utf-8").read()``), half-open ``[start, end)``.

**A folder** (the project's ``data/seeds`` and ``data/news/*`` are examples)::

    docs/            one UTF-8 text file per document; the file name is the document's name
    stance.jsonl     one JSON object per labelled sentence (below)
    sentences.jsonl  optional: every sentence of every document (below)
    targets.json     optional: {"canonical target": ["alias", ...], ...}

``stance.jsonl`` lines: ``{"doc": "a.txt", "sent_index": 3, "text": "...", "triples": [...],
"labels": {...}}``. ``sent_index`` numbers the document's sentences in ``sentences.jsonl``;
without that file, ``text`` finds the sentence in the document instead and only the sentences
listed in ``stance.jsonl`` are scored. Each triple: ``holder`` (canonical name), ``target``,
``stance`` (``FAVOR`` or ``AGAINST``), optional ``holder_span`` (``null`` when the holder is
not in the sentence), ``cue``, ``cue_span`` and ``confidence`` (``clear`` or ``hard``).
``labels`` (optional) gives the sentence's label per target: ``FAVOR``, ``AGAINST``, ``MIXED``
or ``NONE``; a target without a label gets the one its triples imply (FAVOR or AGAINST when all
agree, MIXED when both occur, NONE without a triple). ``sentences.jsonl`` lines: ``{"doc":
"a.txt", "sentences": [{"start": 0, "end": 42, "text": "...", "boilerplate": false,
"duplicate_of": null}, ...]}`` with sentences in order; ``duplicate_of`` is the index of an
earlier sentence this one repeats (scores skip it).

**A table** (a pandas DataFrame or a CSV file), one row per triple: ``doc`` (a column, or the
frame's index as in :func:`stancekit.pandas.stances`), ``sentence`` (its text, or its span as
``[start, end]``) and/or ``sentence_start``/``sentence_end``, ``holder``, ``target``,
``stance``, and optionally ``holder_start``/``holder_end`` (or ``holder_span`` as ``[start,
end]``), ``cue``, ``cue_start``/``cue_end`` (or ``cue_span``), ``confidence``, ``boilerplate``
and ``duplicate_of``. A row whose holder, target and stance are empty marks a labelled sentence
without a triple. The document texts come from ``docs=`` (a mapping or a folder) or, for a CSV
file, from a ``docs/`` folder beside it, and its targets from a ``targets.json`` beside it.
Without texts, each document's text is its sentences joined by blank lines (tag
:attr:`Gold.texts`, not the original articles, then) and spans cannot be given. Sentence labels
are implied by the triples. Other columns (``score``, ``rule``...) are ignored, so the frame of
:func:`stancekit.pandas.stances`, corrected by hand, is a gold table.

Targets are the ``targets=`` argument (a mapping or a ``targets.json`` path), else the folder's
``targets.json``, else the targets named in the triples (each with no alias). Every triple's
target and every label's target must be one of them.

:func:`load_gold` raises :class:`stancekit.ConfigError` naming the file (or ``DataFrame``), the
line (the data row for tables) and the field for: a missing file, column or field, invalid JSON,
an unknown stance, label or confidence, a span outside its text or its sentence, a ``cue`` that
differs from the text at ``cue_span``, a sentence text not found in its document, overlapping
sentences, an unknown document, and a target not in the targets.
"""

from __future__ import annotations

import itertools
import json
import math
import os
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from stancekit._deps import require
from stancekit.exceptions import ConfigError

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "CONFIDENCES",
    "LABELS",
    "STANCES",
    "Gold",
    "GoldDocument",
    "GoldSentence",
    "GoldTriple",
    "load_gold",
]

STANCES = ("FAVOR", "AGAINST")
LABELS = ("FAVOR", "AGAINST", "MIXED", "NONE")
CONFIDENCES = ("clear", "hard")

Span = tuple[int, int]

#: Columns of :meth:`Gold.to_frame`, in order.
FRAME_COLUMNS = (
    "doc",
    "sentence_start",
    "sentence_end",
    "sentence",
    "holder",
    "target",
    "stance",
    "holder_start",
    "holder_end",
    "cue",
    "cue_start",
    "cue_end",
    "confidence",
    "boilerplate",
    "duplicate_of",
)


@dataclass(frozen=True)
class GoldTriple:
    """One gold triple: ``holder`` favours or opposes ``target``, said by ``cue``."""

    holder: str
    target: str
    stance: str
    holder_span: Span | None = None
    cue: str | None = None
    cue_span: Span | None = None
    confidence: str | None = None


@dataclass(frozen=True)
class GoldSentence:
    """One sentence of a gold document: span, triples and one label per target."""

    start: int
    end: int
    text: str
    triples: tuple[GoldTriple, ...] = ()
    labels: Mapping[str, str] = field(default_factory=dict)
    boilerplate: bool = False
    duplicate_of: int | None = None


@dataclass(frozen=True)
class GoldDocument:
    """A gold document: its name, text and labelled sentences (in order)."""

    name: str
    text: str
    sentences: tuple[GoldSentence, ...]


@dataclass(frozen=True)
class Gold:
    """Gold documents and their targets. Load with :func:`load_gold`; compare with ``==``."""

    documents: Mapping[str, GoldDocument]
    targets: Mapping[str, Sequence[str]]
    source: str = field(default="", compare=False)

    @property
    def texts(self) -> dict[str, str]:
        """Document name → text: what to tag (in this order)."""
        return {name: doc.text for name, doc in self.documents.items()}

    @property
    def n_sentences(self) -> int:
        return sum(len(doc.sentences) for doc in self.documents.values())

    @property
    def n_triples(self) -> int:
        return sum(len(s.triples) for doc in self.documents.values() for s in doc.sentences)

    def __repr__(self) -> str:
        where = f"{self.source!r}: " if self.source else ""
        return (
            f"Gold({where}{len(self.documents)} documents, {self.n_sentences} sentences, "
            f"{self.n_triples} triples, targets {list(self.targets)})"
        )

    def tag(self, tagger: Any) -> dict[str, list[Any]]:
        """Document name → the stances ``tagger.tag_batch`` finds in its text (all cores)."""
        names = list(self.documents)
        return dict(zip(names, tagger.tag_batch([self.documents[n].text for n in names]), strict=True))

    def to_frame(self) -> pd.DataFrame:
        """The table form: one row per triple, one row without a triple per sentence that has none."""
        pd = require("pandas", "pandas")
        rows = []
        for doc in self.documents.values():
            for s in doc.sentences:
                base = {
                    "doc": doc.name,
                    "sentence_start": s.start,
                    "sentence_end": s.end,
                    "sentence": s.text,
                    "boilerplate": s.boilerplate,
                    "duplicate_of": s.duplicate_of,
                }
                for t in s.triples or (None,):
                    rows.append({**base, **_triple_columns(t)})
        frame = pd.DataFrame.from_records(rows, columns=list(FRAME_COLUMNS))
        for name in ("holder_start", "holder_end", "cue_start", "cue_end", "duplicate_of"):
            frame[name] = pd.array(frame[name].tolist(), dtype="Int64")
        return frame

    def save(self, folder: str | os.PathLike[str]) -> Path:
        """Write the folder form (``docs/``, ``sentences.jsonl``, ``stance.jsonl``, ``targets.json``)."""
        root = Path(folder)
        (root / "docs").mkdir(parents=True, exist_ok=True)
        with (
            open(root / "sentences.jsonl", "w", encoding="utf-8") as sentences,
            open(root / "stance.jsonl", "w", encoding="utf-8") as stance,
        ):
            for doc in self.documents.values():
                with open(root / "docs" / doc.name, "w", encoding="utf-8", newline="") as f:
                    f.write(doc.text)
                spans = [
                    {
                        "start": s.start,
                        "end": s.end,
                        "text": s.text,
                        "boilerplate": s.boilerplate,
                        "duplicate_of": s.duplicate_of,
                    }
                    for s in doc.sentences
                ]
                sentences.write(_json({"doc": doc.name, "sentences": spans}))
                for index, s in enumerate(doc.sentences):
                    row = {
                        "doc": doc.name,
                        "sent_index": index,
                        "text": s.text,
                        "triples": [_triple_json(t) for t in s.triples],
                        "labels": dict(s.labels),
                    }
                    stance.write(_json(row))
        (root / "targets.json").write_text(
            json.dumps({k: list(v) for k, v in self.targets.items()}, ensure_ascii=False, indent=2) + "\n",
            encoding="utf-8",
        )
        return root


def _json(record: dict[str, Any]) -> str:
    return json.dumps(record, ensure_ascii=False) + "\n"


def _triple_json(t: GoldTriple) -> dict[str, Any]:
    return {
        "holder": t.holder,
        "holder_span": list(t.holder_span) if t.holder_span else None,
        "target": t.target,
        "stance": t.stance,
        "cue": t.cue,
        "cue_span": list(t.cue_span) if t.cue_span else None,
        "confidence": t.confidence,
    }


def _triple_columns(t: GoldTriple | None) -> dict[str, Any]:
    if t is None:
        return {}
    return {
        "holder": t.holder,
        "target": t.target,
        "stance": t.stance,
        "holder_start": t.holder_span[0] if t.holder_span else None,
        "holder_end": t.holder_span[1] if t.holder_span else None,
        "cue": t.cue,
        "cue_start": t.cue_span[0] if t.cue_span else None,
        "cue_end": t.cue_span[1] if t.cue_span else None,
        "confidence": t.confidence,
    }


def implied_label(triples: Sequence[GoldTriple], target: str) -> str:
    """The sentence label the triples toward ``target`` imply: FAVOR, AGAINST, MIXED or NONE."""
    stances = {t.stance for t in triples if t.target == target}
    if len(stances) == 2:
        return "MIXED"
    return stances.pop() if stances else "NONE"


# ---------------------------------------------------------------------------------------------
# Loading


class _Where:
    """Where a value came from, for error messages: ``file:line: field 'x': problem``."""

    def __init__(self, source: str, line: int | str | None = None) -> None:
        self.source, self.line = source, line

    def error(self, field_name: str | None, problem: str) -> ConfigError:
        if self.line is None:
            where = self.source
        elif isinstance(self.line, int):
            where = f"{self.source}:{self.line}"
        else:
            where = f"{self.source} {self.line}"
        if field_name is None:
            return ConfigError(f"{where}: {problem}")
        return ConfigError(f"{where}: field {field_name!r}: {problem}")


def load_gold(
    source: str | os.PathLike[str] | pd.DataFrame | Gold,
    *,
    targets: Mapping[str, Sequence[str]] | str | os.PathLike[str] | None = None,
    docs: Mapping[str, str] | str | os.PathLike[str] | None = None,
) -> Gold:
    """Read and validate gold data: a folder, a CSV file or a DataFrame (see the module doc).

    ``targets`` replaces the folder's ``targets.json``; ``docs`` gives the document texts of a
    table. A :class:`Gold` is returned as it is (with ``targets`` applied when given).
    """
    target_map = _read_targets(targets) if targets is not None else None
    if isinstance(source, Gold):
        if target_map is None:
            return source
        return _retarget(source, target_map)
    if isinstance(source, (str, os.PathLike)):
        path = Path(source)
        if path.is_dir():
            return _load_folder(path, target_map)
        if path.suffix.lower() == ".csv":
            if not path.is_file():
                raise ConfigError(f"{path}: no such file")
            pd = require("pandas", "pandas")
            try:
                frame = pd.read_csv(path, dtype=str, keep_default_na=False, na_filter=False)
            except (ValueError, UnicodeDecodeError) as exc:  # pandas' parser errors are ValueErrors
                raise ConfigError(f"{path}: not a readable CSV file ({exc})") from exc
            texts = _read_docs(docs) if docs is not None else _docs_beside(path)
            if target_map is None and (path.parent / "targets.json").is_file():
                target_map = _read_targets(path.parent / "targets.json")
            return _load_frame(frame, str(path), texts, target_map, first_line=2)
        raise ConfigError(
            f"{path}: not a gold folder or a .csv file" + ("" if path.exists() else " (it does not exist)")
        )
    pd = _pandas_if_frame(source)
    if pd is not None:
        texts = _read_docs(docs) if docs is not None else None
        return _load_frame(source, "DataFrame", texts, target_map, first_line=None)
    raise TypeError(f"gold must be a folder, a .csv path, a DataFrame or a Gold, not {type(source).__name__}")


def _pandas_if_frame(value: object) -> Any:
    module = type(value).__module__
    if module.startswith("pandas"):
        pd = require("pandas", "pandas")
        if isinstance(value, pd.DataFrame):
            return pd
    return None


def _read_targets(targets: Mapping[str, Sequence[str]] | str | os.PathLike[str]) -> dict[str, list[str]]:
    if isinstance(targets, (str, os.PathLike)):
        path = Path(targets)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except OSError as exc:
            raise ConfigError(f"{path}: cannot read targets ({exc.strerror or exc})") from exc
        except json.JSONDecodeError as exc:
            raise ConfigError(f"{path}:{exc.lineno}: not valid JSON ({exc.msg})") from exc
        return _check_targets(data, _Where(str(path)))
    if isinstance(targets, Mapping):
        return _check_targets(targets, _Where("targets"))
    raise TypeError(f"targets must be a mapping or a targets.json path, not {type(targets).__name__}")


def _check_targets(data: Any, where: _Where) -> dict[str, list[str]]:
    if not isinstance(data, Mapping) or not data:
        raise where.error(None, 'expected a non-empty object {"target": ["alias", ...]}')
    out = {}
    for name, aliases in data.items():
        if not isinstance(name, str) or not name.strip():
            raise where.error(None, f"target name {name!r} must be a non-empty string")
        if isinstance(aliases, str) or not isinstance(aliases, Sequence):
            raise where.error(name, "aliases must be a list of strings")
        if not all(isinstance(a, str) for a in aliases):
            raise where.error(name, "aliases must be a list of strings")
        out[name] = list(aliases)
    return out


def _read_docs(docs: Mapping[str, str] | str | os.PathLike[str]) -> dict[str, str]:
    if isinstance(docs, (str, os.PathLike)):
        folder = Path(docs)
        if not folder.is_dir():
            raise ConfigError(f"{folder}: not a folder of documents")
        return _read_folder_texts(folder)
    if isinstance(docs, Mapping):
        for name, text in docs.items():
            if not isinstance(text, str):
                raise TypeError(f"docs[{name!r}] must be str, not {type(text).__name__}")
        return {str(name): text for name, text in docs.items()}
    raise TypeError(f"docs must be a mapping or a folder, not {type(docs).__name__}")


def _read_folder_texts(folder: Path) -> dict[str, str]:
    texts = {}
    for path in sorted(folder.iterdir()):
        if path.is_file() and not path.name.startswith("."):
            try:
                with open(path, encoding="utf-8") as f:
                    texts[path.name] = f.read()
            except UnicodeDecodeError as exc:
                raise ConfigError(f"{path}: not UTF-8 text ({exc.reason} at byte {exc.start})") from exc
    return texts


def _docs_beside(csv_path: Path) -> dict[str, str] | None:
    folder = csv_path.parent / "docs"
    return _read_folder_texts(folder) if folder.is_dir() else None


def _jsonl(path: Path) -> Iterator[tuple[_Where, dict[str, Any]]]:
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            if not line.strip():
                continue
            where = _Where(str(path), number)
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                raise where.error(None, f"not valid JSON ({exc.msg})") from exc
            if not isinstance(record, dict):
                raise where.error(None, "expected a JSON object")
            yield where, record


def _required(record: Mapping[str, Any], name: str, where: _Where, field_name: str | None = None) -> Any:
    value = record.get(name)
    if value is None:
        raise where.error(field_name or name, "missing")
    return value


def _string(value: Any, where: _Where, field_name: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise where.error(field_name, f"expected a non-empty string, not {value!r}")
    return value


def _span(value: Any, where: _Where, field_name: str, text: str) -> Span | None:
    if value is None:
        return None
    if (
        isinstance(value, str)
        or not isinstance(value, Sequence)
        or len(value) != 2
        or not all(isinstance(v, int) and not isinstance(v, bool) for v in value)
    ):
        raise where.error(field_name, f"expected [start, end] code-point offsets, not {value!r}")
    start, end = value
    if not 0 <= start <= end <= len(text):
        raise where.error(field_name, f"span [{start}, {end}) is outside its text (length {len(text)})")
    return (start, end)


def _inside(span: Span | None, sentence: Span, where: _Where, field_name: str) -> None:
    if span is not None and not sentence[0] <= span[0] <= span[1] <= sentence[1]:
        raise where.error(
            field_name, f"span [{span[0]}, {span[1]}) is outside its sentence [{sentence[0]}, {sentence[1]})"
        )


def _choice(value: Any, choices: Sequence[str], where: _Where, field_name: str) -> str:
    if value is None:
        raise where.error(field_name, f"missing (one of {', '.join(choices)})")
    if value not in choices:
        raise where.error(field_name, f"{value!r} is not one of {', '.join(choices)}")
    return str(value)


def _triple(raw: Mapping[str, Any], where: _Where, prefix: str, text: str, sentence: Span) -> GoldTriple:
    """A validated triple from JSON-like ``raw``; field names in errors are ``<prefix>.<key>``."""

    def name(key: str) -> str:
        return f"{prefix}.{key}" if prefix else key

    holder = _string(raw.get("holder"), where, name("holder"))
    target = _string(raw.get("target"), where, name("target"))
    stance = _choice(raw.get("stance"), STANCES, where, name("stance"))
    holder_span = _span(raw.get("holder_span"), where, name("holder_span"), text)
    cue = None if raw.get("cue") is None else _string(raw["cue"], where, name("cue"))
    cue_span = _span(raw.get("cue_span"), where, name("cue_span"), text)
    confidence = raw.get("confidence")
    if confidence is not None:
        confidence = _choice(confidence, CONFIDENCES, where, name("confidence"))
    _inside(holder_span, sentence, where, name("holder_span"))
    _inside(cue_span, sentence, where, name("cue_span"))
    if cue is not None and cue_span is not None and text[cue_span[0] : cue_span[1]] != cue:
        found = text[cue_span[0] : cue_span[1]]
        raise where.error(name("cue"), f"{cue!r} differs from the text at {name('cue_span')}, {found!r}")
    return GoldTriple(holder, target, stance, holder_span, cue, cue_span, confidence)


@dataclass
class _Draft:
    """A sentence being assembled while reading, with where it was defined."""

    start: int
    end: int
    where: _Where
    triples: list[tuple[GoldTriple, _Where, str]] = field(default_factory=list)
    labels: dict[str, tuple[str, _Where, str]] = field(default_factory=dict)
    boilerplate: bool = False
    duplicate_of: int | None = None
    labelled: bool = False


def _load_folder(root: Path, targets: dict[str, list[str]] | None) -> Gold:
    docs_dir, stance_path = root / "docs", root / "stance.jsonl"
    if not docs_dir.is_dir():
        raise ConfigError(f"{root}: no docs/ folder (one text file per document)")
    if not stance_path.is_file():
        raise ConfigError(f"{root}: no stance.jsonl (one JSON object per labelled sentence)")
    texts = _read_folder_texts(docs_dir)
    if targets is None and (root / "targets.json").is_file():
        targets = _read_targets(root / "targets.json")
    sentences_path = root / "sentences.jsonl"
    drafts: dict[str, list[_Draft]] = {}
    if sentences_path.is_file():
        for where, record in _jsonl(sentences_path):
            doc = _document(record, where, texts)
            if doc in drafts:
                raise where.error("doc", f"{doc!r} is listed twice")
            drafts[doc] = _sentence_drafts(record, where, texts[doc])
    listed = bool(drafts)
    cursors: dict[str, int] = {}
    for where, record in _jsonl(stance_path):
        doc = _document(record, where, texts)
        text = texts[doc]
        if listed:
            index = _required(record, "sent_index", where)
            sentences = drafts.get(doc, [])
            if not isinstance(index, int) or not 0 <= index < len(sentences):
                raise where.error(
                    "sent_index",
                    f"{index!r} is not a sentence of {doc} in sentences.jsonl ({len(sentences)})",
                )
            draft = sentences[index]
            given = record.get("text")
            if given is not None and given != text[draft.start : draft.end]:
                raise where.error("text", f"differs from sentence {index} of {doc} in sentences.jsonl")
        else:
            sentence_text = _string(record.get("text"), where, "text")
            start = _find(text, sentence_text, cursors.get(doc, 0), where, doc)
            cursors[doc] = start
            draft = _Draft(start, start + len(sentence_text), where)
            drafts.setdefault(doc, []).append(draft)
        if draft.labelled:
            raise where.error("sent_index", f"this sentence was already given on line {draft.where.line}")
        draft.labelled, draft.where = True, where
        triples = record.get("triples", [])
        if not isinstance(triples, list):
            raise where.error("triples", "expected a list")
        for i, raw in enumerate(triples):
            prefix = f"triples[{i}]"
            if not isinstance(raw, dict):
                raise where.error(prefix, "expected a JSON object")
            triple = _triple(raw, where, prefix, text, (draft.start, draft.end))
            draft.triples.append((triple, where, f"{prefix}.target"))
        labels = record.get("labels") or {}
        if not isinstance(labels, dict):
            raise where.error("labels", 'expected an object {"target": "FAVOR"|"AGAINST"|"MIXED"|"NONE"}')
        for target, label in labels.items():
            draft.labels[target] = (
                _choice(label, LABELS, where, f"labels.{target}"),
                where,
                f"labels.{target}",
            )
    for doc, sentences in drafts.items():
        if not listed:
            sentences.sort(key=lambda d: d.start)
            _check_order(sentences, doc)
    documents = {doc: drafts[doc] for doc in texts if doc in drafts}
    return _finish(documents, texts, targets, str(root))


def _document(record: Mapping[str, Any], where: _Where, texts: Mapping[str, str]) -> str:
    doc = _required(record, "doc", where)
    if doc not in texts:
        raise where.error("doc", f"{doc!r} is not a file in docs/")
    return str(doc)


def _sentence_drafts(record: Mapping[str, Any], where: _Where, text: str) -> list[_Draft]:
    raw = _required(record, "sentences", where)
    if not isinstance(raw, list):
        raise where.error("sentences", "expected a list")
    drafts: list[_Draft] = []
    for i, s in enumerate(raw):
        name = f"sentences[{i}]"
        if not isinstance(s, dict):
            raise where.error(name, "expected a JSON object")
        span = _span([s.get("start"), s.get("end")], where, f"{name}.start/end", text)
        assert span is not None
        if "text" in s and s["text"] != text[span[0] : span[1]]:
            raise where.error(f"{name}.text", f"differs from the document at [{span[0]}, {span[1]})")
        if drafts and span[0] < drafts[-1].end:
            raise where.error(f"{name}.start", "overlaps or precedes the previous sentence")
        duplicate_of = s.get("duplicate_of")
        if duplicate_of is not None and not (isinstance(duplicate_of, int) and 0 <= duplicate_of < i):
            raise where.error(f"{name}.duplicate_of", f"{duplicate_of!r} is not an earlier sentence's index")
        boilerplate = s.get("boilerplate", False)
        if not isinstance(boilerplate, bool):
            raise where.error(f"{name}.boilerplate", f"expected true or false, not {boilerplate!r}")
        drafts.append(_Draft(span[0], span[1], where, boilerplate=boilerplate, duplicate_of=duplicate_of))
    return drafts


def _find(text: str, sentence: str, cursor: int, where: _Where, doc: str) -> int:
    start = text.find(sentence, cursor)
    if start < 0:
        start = text.find(sentence)
    if start < 0:
        raise where.error("text", f"the sentence is not in the document {doc!r}")
    return start


def _check_order(sentences: list[_Draft], doc: str) -> None:
    for before, after in itertools.pairwise(sentences):
        if after.start < before.end and (after.start, after.end) != (before.start, before.end):
            raise after.where.error(
                "text", f"overlaps the sentence given at line {before.where.line} of {doc}"
            )


def _finish(
    drafts: dict[str, list[_Draft]],
    texts: Mapping[str, str],
    targets: dict[str, list[str]] | None,
    source: str,
) -> Gold:
    """Check every target against ``targets`` (or take the ones named), and build the Gold."""
    if targets is None:
        named = {t.target for ds in drafts.values() for d in ds for t, _, _ in d.triples}
        named |= {target for ds in drafts.values() for d in ds for target in d.labels}
        targets = {name: [] for name in sorted(named)}
    documents = {}
    for doc, ds in drafts.items():
        text = texts[doc]
        sentences = []
        for d in ds:
            for t, where, target_field in d.triples:
                if t.target not in targets:
                    raise where.error(target_field, _unknown_target(t.target, targets))
            for target, (_, where, name) in d.labels.items():
                if target not in targets:
                    raise where.error(name, _unknown_target(target, targets))
            triples = tuple(t for t, _, _ in d.triples)
            given = {target: label for target, (label, _, _) in d.labels.items()}
            labels = {target: given.get(target) or implied_label(triples, target) for target in targets}
            sentences.append(
                GoldSentence(
                    d.start, d.end, text[d.start : d.end], triples, labels, d.boilerplate, d.duplicate_of
                )
            )
        documents[doc] = GoldDocument(doc, text, tuple(sentences))
    return Gold(documents, targets, source)


def _unknown_target(target: str, targets: Mapping[str, Sequence[str]]) -> str:
    return f"{target!r} is not one of the targets ({', '.join(targets)})"


def _retarget(gold: Gold, targets: dict[str, list[str]]) -> Gold:
    """``gold`` with other ``targets``: every triple's target checked, labels kept for those targets."""
    drafts = {}
    for name, doc in gold.documents.items():
        where = _Where(gold.source or "Gold", f"document {name!r}")
        ds = []
        for s in doc.sentences:
            d = _Draft(s.start, s.end, where, boilerplate=s.boilerplate, duplicate_of=s.duplicate_of)
            d.triples = [(t, where, "target") for t in s.triples]
            d.labels = {t: (label, where, "labels") for t, label in s.labels.items() if t in targets}
            ds.append(d)
        drafts[name] = ds
    return _finish(drafts, gold.texts, targets, gold.source)


# ---------------------------------------------------------------------------------------------
# The table form


def _cell(value: Any) -> Any:
    """None for every spelling of a missing value (None, NaN, pd.NA, NaT, empty string)."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if type(value).__name__ in ("NAType", "NaTType"):
        return None
    return value


def _integer(value: Any, where: _Where, field_name: str) -> int | None:
    value = _cell(value)
    if value is None:
        return None
    if isinstance(value, str):
        try:
            return int(value.strip())
        except ValueError:
            raise where.error(field_name, f"expected an integer offset, not {value!r}") from None
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if hasattr(value, "__index__") and not isinstance(value, bool):
        return int(value.__index__())
    raise where.error(field_name, f"expected an integer offset, not {value!r}")


def _frame_span(row: Mapping[str, Any], prefix: str, where: _Where, text: str | None) -> Span | None:
    """``<prefix>_start``/``<prefix>_end`` columns, or a ``<prefix>_span`` column ``[start, end]``."""
    start = _integer(row.get(f"{prefix}_start"), where, f"{prefix}_start")
    end = _integer(row.get(f"{prefix}_end"), where, f"{prefix}_end")
    name = f"{prefix}_start/{prefix}_end"
    value: Any = None if start is None and end is None else [start, end]
    joined = _cell(row.get(f"{prefix}_span"))
    if value is None and joined is not None:
        name = f"{prefix}_span"
        value = joined
        if isinstance(value, str):
            try:
                value = json.loads(value)
            except json.JSONDecodeError:
                raise where.error(name, f"expected [start, end], not {value!r}") from None
        elif not isinstance(value, Sequence):
            value = list(value)
    if value is None:
        return None
    if text is None:
        raise where.error(
            name, "spans need the document texts (pass docs=, or put docs/ beside the CSV file)"
        )
    return _span(list(value) if isinstance(value, tuple) else value, where, name, text)


def _boolean(value: Any, where: _Where, field_name: str) -> bool:
    value = _cell(value)
    if value is None:
        return False
    if isinstance(value, str) and value.strip().lower() in ("true", "false", "1", "0"):
        return value.strip().lower() in ("true", "1")
    if isinstance(value, (bool, int)) or type(value).__name__ == "bool_":
        return bool(value)
    raise where.error(field_name, f"expected true or false, not {value!r}")


def _load_frame(
    frame: pd.DataFrame,
    source: str,
    texts: dict[str, str] | None,
    targets: dict[str, list[str]] | None,
    first_line: int | None,
) -> Gold:
    columns = [str(c) for c in frame.columns]
    header = _Where(source, 1 if first_line is not None else None)
    if "doc" not in columns and frame.index.name != "doc" and first_line is not None:
        raise header.error(None, f"no column 'doc' (columns: {', '.join(columns)})")
    for name in ("holder", "target", "stance"):
        if name not in columns:
            raise header.error(None, f"no column {name!r} (columns: {', '.join(columns)})")
    if "sentence" not in columns and not {"sentence_start", "sentence_end"} <= set(columns):
        raise header.error(
            None, f"no column 'sentence' or 'sentence_start'/'sentence_end' (columns: {', '.join(columns)})"
        )
    doc_ids = frame["doc"].tolist() if "doc" in columns else frame.index.tolist()
    records = frame.to_dict("records")
    synthetic = texts is None
    if synthetic:
        texts = _joined_sentences(records, doc_ids, frame.index.tolist(), source, first_line)
    assert texts is not None
    drafts: dict[str, dict[Span, _Draft]] = {}
    cursors: dict[str, int] = {}
    for position, (doc_id, row) in enumerate(zip(doc_ids, records, strict=True)):
        where = _row_where(source, first_line, position, frame.index[position])
        if _is_span(row.get("sentence")):
            row = {**row, "sentence": None, "sentence_span": row["sentence"]}
        doc = _cell(doc_id)
        if doc is None:
            raise where.error("doc", "missing")
        doc = str(doc)
        if doc not in texts:
            raise where.error("doc", f"{doc!r} is not one of the documents")
        text = texts[doc]
        sentence_span = _frame_span(row, "sentence", where, None if synthetic else text)
        sentence_text = _cell(row.get("sentence"))
        if sentence_span is None:
            if sentence_text is None:
                raise where.error("sentence", "missing")
            start = _find(text, str(sentence_text), cursors.get(doc, 0), where, doc)
            sentence_span = (start, start + len(str(sentence_text)))
        elif sentence_text is not None and text[sentence_span[0] : sentence_span[1]] != sentence_text:
            raise where.error("sentence", "differs from the document at sentence_start/sentence_end")
        cursors[doc] = sentence_span[0]
        draft = drafts.setdefault(doc, {}).get(sentence_span)
        if draft is None:
            draft = _Draft(*sentence_span, where)
            draft.boilerplate = _boolean(row.get("boilerplate"), where, "boilerplate")
            draft.duplicate_of = _integer(row.get("duplicate_of"), where, "duplicate_of")
            drafts[doc][sentence_span] = draft
        holder, target, stance = (_cell(row.get(name)) for name in ("holder", "target", "stance"))
        if holder is None and target is None and stance is None:
            continue
        raw = {
            "holder": holder,
            "target": target,
            "stance": stance,
            "cue": _cell(row.get("cue")),
            "confidence": _cell(row.get("confidence")),
        }
        triple = _triple(raw, where, "", text, sentence_span)
        holder_span = _frame_span(row, "holder", where, None if synthetic else text)
        cue_span = _frame_span(row, "cue", where, None if synthetic else text)
        _inside(holder_span, sentence_span, where, "holder_start/holder_end")
        _inside(cue_span, sentence_span, where, "cue_start/cue_end")
        if triple.cue is not None and cue_span is not None and text[cue_span[0] : cue_span[1]] != triple.cue:
            found = text[cue_span[0] : cue_span[1]]
            raise where.error("cue", f"{triple.cue!r} differs from the text at cue_start/cue_end, {found!r}")
        draft.triples.append((replace(triple, holder_span=holder_span, cue_span=cue_span), where, "target"))
    ordered: dict[str, list[_Draft]] = {}
    for doc in texts:
        if doc in drafts:
            ordered[doc] = sorted(drafts[doc].values(), key=lambda d: d.start)
            _check_order(ordered[doc], doc)
            for index, d in enumerate(ordered[doc]):
                if d.duplicate_of is not None and not 0 <= d.duplicate_of < index:
                    raise d.where.error(
                        "duplicate_of", f"{d.duplicate_of} is not an earlier sentence's index"
                    )
    return _finish(ordered, texts, targets, source)


def _is_span(value: Any) -> bool:
    """A ``sentence`` cell that gives a span: ``[start, end]`` as a list, tuple or string."""
    if isinstance(value, str):
        return re.fullmatch(r"\s*\[\s*\d+\s*,\s*\d+\s*\]\s*", value) is not None
    return isinstance(value, (list, tuple)) and len(value) == 2


def _row_where(source: str, first_line: int | None, position: int, label: Any) -> _Where:
    if first_line is not None:
        return _Where(source, first_line + position)
    return _Where(source, f"row {position} (index {label!r})")


def _joined_sentences(
    records: list[dict[str, Any]], doc_ids: list[Any], labels: list[Any], source: str, first_line: int | None
) -> dict[str, str]:
    """Without document texts: each document is its distinct sentences joined by blank lines."""
    sentences: dict[str, dict[str, None]] = {}
    for position, (doc_id, row) in enumerate(zip(doc_ids, records, strict=True)):
        sentence = _cell(row.get("sentence"))
        if sentence is None or _is_span(sentence):
            where = _row_where(source, first_line, position, labels[position])
            raise where.error("sentence", "without document texts every row needs its sentence text")
        doc = _cell(doc_id)
        if doc is not None:
            sentences.setdefault(str(doc), {})[str(sentence)] = None
    return {doc: "\n\n".join(s) for doc, s in sentences.items()}
