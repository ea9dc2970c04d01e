"""Stance tagging on Dask (1 and 2 worker processes) against the single-process batch API.

    pip install ".[dask]" && python benchmarks/bench_dask.py [--mb 10] [--data ../shared/data] [--engine E]

The corpus is the seed documents (or the built-in example corpus when the gold data is absent)
repeated to ``--mb`` MB, in 16 partitions. Every run returns the same triples; the table shows
MB/s and the overhead of Dask relative to ``StanceTagger.tag_batch`` in this process.
"""

from __future__ import annotations

import argparse
import time
from importlib import resources
from pathlib import Path

import dask.dataframe as dd
import pandas as pd
from _common import DEFAULT_DATA, machine, mb, repeat_to, table
from distributed import Client, LocalCluster

import stancekit
import stancekit.dask as skd
from stancekit import pandas as skpd

TARGETS = {
    "Nicolas Maduro": ["Maduro", "Nicolás Maduro"],
    "Juan Guaido": ["Guaido", "Guaidó", "Juan Guaidó"],
    "United States": ["US", "U.S.", "USA", "United States", "Washington"],
}


def corpus(data_dir: Path, size_mb: float) -> list[str]:
    docs = sorted((data_dir / "seeds" / "docs").glob("*.txt")) if data_dir.is_dir() else []
    if docs:
        texts = [p.read_text(encoding="utf-8") for p in docs]
    else:
        folder = resources.files("stancekit") / "data" / "example_corpus"
        texts = [f.read_text(encoding="utf-8") for f in folder.iterdir() if f.name.endswith(".txt")]
    return repeat_to(texts, size_mb)


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--mb", type=float, default=10.0)
    parser.add_argument("--partitions", type=int, default=16)
    parser.add_argument("--engine", choices=stancekit.STANCE_ENGINES, default=stancekit.STANCE_ENGINES[0])
    args = parser.parse_args()

    texts = corpus(args.data, args.mb)
    size = mb(texts)
    tagger = stancekit.StanceTagger(targets=TARGETS, engine=args.engine)
    print(f"# stancekit {stancekit.__version__}: Dask vs in-process batch ({machine()})")
    print(f"engine: {args.engine}")
    print(f"corpus: {size:.1f} MB, {len(texts)} documents, {args.partitions} partitions\n")

    start = time.perf_counter()
    expected = sum(len(found) for found in tagger.tag_batch(texts))
    batch_seconds = time.perf_counter() - start
    rows = [["tag_batch, one process, all cores (Stance objects)", size / batch_seconds, "", expected]]

    series = pd.Series(texts, name="text")
    start = time.perf_counter()
    frame_rows = len(skpd.stances(series, tagger=tagger))
    frame_seconds = time.perf_counter() - start
    rows.append(["stancekit.pandas.stances, one process (DataFrame)", size / frame_seconds, "", frame_rows])
    ddf = dd.from_pandas(series.to_frame(), npartitions=args.partitions)
    for workers in (1, 2):
        with (
            LocalCluster(
                n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None
            ) as cluster,
            Client(cluster) as client,
        ):
            client.run(stancekit.set_parallelism, False)  # one thread per worker process
            skd.stances(ddf["text"].head(10, compute=False), tagger=tagger).compute()  # warm up the workers
            start = time.perf_counter()
            found = len(skd.stances(ddf["text"], tagger=tagger).compute())
            seconds = time.perf_counter() - start
        overhead = f"{100 * (seconds / frame_seconds - 1):+.0f}% time"
        rows.append([f"Dask LocalCluster, {workers} worker process(es)", size / seconds, overhead, found])
    print(table(["run", "MB/s", "time vs pandas.stances in one process", "triples"], rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
