"""Stance tagging throughput: split + tokenize + tag end to end through the Python API.

The five seed documents repeated to >= 10 MB (news-like text), tagged with the evaluation targets:

* single thread: ``tagger.tag(doc)`` for each document (``STANCEKIT_PARALLELISM`` irrelevant);
  wall-clock MB/s and MB per CPU-second (the latter is robust to other load on a shared machine);
* batch: ``tagger.tag_batch(docs)`` on all cores of this machine (rayon; 2 on the project machine);
* for the engines that parse, the parser alone on the same text (every sentence, one thread);
* for comparison, a target-blind Python lexicon baseline (VADER lexicon word lookup per sentence)
  when ``../shared/data/stance/lexicons/vader_lexicon.txt`` is present.

Usage: python benchmarks/bench_stance.py [--data ../shared/data] [--mb 10] [--repeat 3]
"""

from __future__ import annotations

import argparse
import contextlib
import os
import re
import statistics
import time
from pathlib import Path

from _common import DEFAULT_DATA, repeat_to

from stancekit import STANCE_ENGINES, Parser, StanceTagger, parallelism_enabled
from stancekit.eval.project import EVAL_TARGETS


def corpus(data: Path, megabytes: float) -> list[str]:
    docs = [p.read_text(encoding="utf-8") for p in sorted((data / "seeds" / "docs").glob("*.txt"))]
    return repeat_to(docs, megabytes)


def timed(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def vader_baseline(data: Path):
    path = data / "stance" / "lexicons" / "vader_lexicon.txt"
    if not path.exists():
        return None
    lex = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) >= 2:
            with contextlib.suppress(ValueError):
                lex[parts[0]] = float(parts[1])
    sent_re = re.compile(r"(?<=[.!?])\s+|\n+")
    word_re = re.compile(r"\w+|[^\w\s]")

    def run(texts: list[str]) -> int:
        n = 0
        for t in texts:
            for s in sent_re.split(t):
                score = sum(lex.get(w.lower(), 0.0) for w in word_re.findall(s))
                n += score != 0.0
        return n

    return run


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--mb", type=float, default=10.0)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--engine", choices=STANCE_ENGINES, default=STANCE_ENGINES[0])
    args = ap.parse_args()
    texts = corpus(args.data, args.mb)
    size = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    tagger = StanceTagger(EVAL_TARGETS, engine=args.engine)
    tagger.tag(texts[0])  # compile resources once
    print(
        f"corpus: {len(texts)} documents, {size:.1f} MB; "
        f"cores: {os.cpu_count()}; parallel: {parallelism_enabled()}; engine: {args.engine}"
    )
    c0 = time.process_time()
    t_single = timed(lambda: [tagger.tag(t) for t in texts], args.repeat)
    cpu = (time.process_time() - c0) / args.repeat
    print(f"stancekit tag (1 thread)        {size / t_single:8.2f} MB/s  ({size / cpu:.2f} MB/CPU-s)")
    t_batch = timed(lambda: tagger.tag_batch(texts), args.repeat)
    print(f"stancekit tag_batch (all cores) {size / t_batch:8.2f} MB/s  (x{t_single / t_batch:.2f})")
    n = sum(len(r) for r in tagger.tag_batch(texts))
    print(f"triples found: {n}")
    if args.engine != "rules":
        # The engines that read the parse spend most of their time in it: the parser alone,
        # every sentence, on the same text.
        parser = Parser()
        t_parse = timed(lambda: [parser.parse(t) for t in texts], 1)
        print(f"parser alone (1 thread)         {size / t_parse:8.2f} MB/s  (every sentence)")
    base = vader_baseline(args.data)
    if base is not None:
        t_base = timed(lambda: base(texts), 1)
        print(f"python VADER lexicon baseline   {size / t_base:8.2f} MB/s  (target-blind, no holders)")


if __name__ == "__main__":
    main()
