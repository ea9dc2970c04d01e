"""Helpers shared by the benchmark scripts: corpus building, timing, peer alignment, tables."""

from __future__ import annotations

import gzip
import json
import os
import platform
import time
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "data"


def ud_dev_docs(data_dir: Path) -> list[dict[str, Any]]:
    docs = []
    for treebank in ("ewt", "gum"):
        with gzip.open(
            data_dir / "segmentation" / f"ud_{treebank}_dev.jsonl.gz", "rt", encoding="utf-8"
        ) as f:
            docs += [json.loads(line) for line in f]
    return docs


def repeat_to(texts: Sequence[str], megabytes: float) -> list[str]:
    """The texts repeated until their UTF-8 size reaches ``megabytes``."""
    out: list[str] = []
    size = 0
    while size < megabytes * 1e6:
        for t in texts:
            out.append(t)
            size += len(t.encode("utf-8"))
    return out


def mb(texts: Iterable[str]) -> float:
    return sum(len(t.encode("utf-8")) for t in texts) / 1e6


def time_best(fn: Callable[[], object], repeat: int = 3) -> float:
    """Best wall time of ``repeat`` runs (seconds)."""
    return time_best_wall_cpu(fn, repeat)[0]


def time_best_wall_cpu(fn: Callable[[], object], repeat: int = 3) -> tuple[float, float]:
    """Best wall time and best process CPU time of ``repeat`` runs (seconds).

    For single-threaded work the CPU time is the robust figure on a shared machine: other
    processes slow the wall clock, not the CPU seconds this process spends.
    """
    best_wall = best_cpu = float("inf")
    for _ in range(repeat):
        wall, cpu = time.perf_counter(), time.process_time()
        fn()
        best_wall = min(best_wall, time.perf_counter() - wall)
        best_cpu = min(best_cpu, time.process_time() - cpu)
    return best_wall, best_cpu


def align(text: str, pieces: Iterable[str]) -> list[tuple[int, int]]:
    """Spans of ``pieces`` (strings a peer returned) found in order in ``text``."""
    spans, cursor = [], 0
    for piece in pieces:
        piece = piece.strip()
        if not piece:
            continue
        start = text.find(piece, cursor)
        if start < 0:  # the peer changed the text (normalised quotes, spaces...): skip it
            continue
        spans.append((start, start + len(piece)))
        cursor = start + len(piece)
    return spans


def machine() -> str:
    return f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"


def table(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    def fmt(v: object) -> str:
        return f"{v:.1f}" if isinstance(v, float) else str(v)

    lines = [
        "| " + " | ".join(headers) + " |",
        "|" + "|".join("---:" if i else "---" for i in range(len(headers))) + "|",
    ]
    lines += ["| " + " | ".join(fmt(v) for v in row) + " |" for row in rows]
    return "\n".join(lines)
