"""Threads, forks and the GIL: batch calls are safe and give the same results everywhere."""

from __future__ import annotations

import multiprocessing
import sys
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest

import stancekit

TEXTS = [
    f"Doc {i}. Maduro met Mr. Guaidó on Feb. {i % 28 + 1}. They did n't agree!" * (i % 5 + 1)
    for i in range(200)
]


def test_threads_share_engines_safely() -> None:
    expected = stancekit.tokenize_batch(TEXTS)
    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(lambda _: stancekit.tokenize_batch(TEXTS), range(16)))
    assert all(r == expected for r in results)


def test_batch_releases_the_gil() -> None:
    # While a long batch runs on one thread, another Python thread keeps running.
    big = ["Maduro spoke in Caracas. " * 4000] * 64
    ticks = 0
    done = threading.Event()

    def count() -> None:
        nonlocal ticks
        while not done.is_set():
            ticks += 1

    counter = threading.Thread(target=count)
    counter.start()
    try:
        for _ in range(3):
            stancekit.split_sentences_offsets_batch(big)
            stancekit.tokenize_offsets_batch(big)
    finally:
        done.set()
        counter.join()
    assert ticks > 1000


def _child_tokenize(queue: multiprocessing.Queue) -> None:  # type: ignore[type-arg]
    queue.put(stancekit.tokenize_offsets_batch(TEXTS).tolist())


@pytest.mark.skipif(sys.platform == "win32", reason="fork is POSIX-only")
def test_fork_after_parallel_use_does_not_deadlock() -> None:
    expected = stancekit.tokenize_offsets_batch(TEXTS).tolist()  # starts rayon's pool
    ctx = multiprocessing.get_context("fork")
    queue = ctx.Queue()
    child = ctx.Process(target=_child_tokenize, args=(queue,))
    child.start()
    result = queue.get(timeout=60)
    child.join(timeout=60)
    assert child.exitcode == 0
    assert result == expected
