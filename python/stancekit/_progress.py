"""Optional progress bars for long calls (tqdm), by bytes of text processed.

``progress=None`` (the default everywhere) shows a bar only inside a Jupyter notebook and only
when tqdm is installed; ``True`` forces one (tqdm required), ``False`` never shows one.

The bar follows the work itself: the Rust core processes texts in groups of about a megabyte
per thread (cutting a huge text at blank lines) and, between groups, calls the callback that
:func:`reporting` installs for the calling thread with the bytes done so far. So one big file
or a handful of documents move the bar as smoothly as a large batch, and the call is still one
parallel batch.
"""

from __future__ import annotations

import importlib.util
import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, TypeVar

from stancekit import _core
from stancekit._deps import require

T = TypeVar("T")

ProgressCallback = Callable[[int, int], object]

_installed = threading.local()


def in_notebook() -> bool:
    shell = sys.modules.get("IPython")
    if shell is None:
        return False
    ipython = getattr(shell, "get_ipython", lambda: None)()
    return type(ipython).__name__ == "ZMQInteractiveShell"


def wanted(progress: bool | None) -> bool:
    if progress is None:
        return in_notebook() and importlib.util.find_spec("tqdm") is not None
    return bool(progress)


@contextmanager
def reporting(callback: ProgressCallback) -> Iterator[None]:
    """Within the block, core calls made by this thread call ``callback(done, total)`` (bytes)."""
    previous = getattr(_installed, "callback", None)
    _installed.callback = callback
    _core._set_progress(callback)
    try:
        yield
    finally:
        _installed.callback = previous
        _core._set_progress(previous)


def bar(total: int | None, desc: str) -> Any:
    """A tqdm bar counting bytes."""
    tqdm = require("tqdm.auto", "progress").tqdm
    return tqdm(total=total, desc=desc, unit="B", unit_scale=True, unit_divisor=1024)


def with_progress(
    run: Callable[[Sequence[str]], T], texts: Sequence[str], progress: bool | None, desc: str
) -> T:
    """``run(texts)``, with a progress bar when one is wanted."""
    if not wanted(progress):
        return run(texts)
    with bar(None, desc) as shown:

        def update(done: int, total: int) -> None:
            if shown.total != total:
                shown.total = total
            shown.update(done - shown.n)

        with reporting(update):
            return run(texts)
