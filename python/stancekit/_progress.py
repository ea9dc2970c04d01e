"""Optional progress bars for long batch calls (tqdm).

``progress=None`` (the default everywhere) shows a bar only inside a Jupyter notebook and only
when tqdm is installed; ``True`` forces one (tqdm required), ``False`` never shows one. A bar
runs the batch in about a hundred chunks of at least 256 documents, each still a full parallel
batch call, so the overhead is a hundred extra calls at most.
"""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Callable, Sequence
from typing import TypeVar

from stancekit._deps import require

T = TypeVar("T")

MIN_CHUNK = 256


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


def chunked(
    run: Callable[[Sequence[str]], list[T]], texts: Sequence[str], progress: bool | None, desc: str
) -> list[T]:
    """``run(texts)``, in chunks with a progress bar when one is wanted."""
    if not wanted(progress) or len(texts) <= MIN_CHUNK:
        return run(texts)
    tqdm = require("tqdm.auto", "progress").tqdm
    size = max(MIN_CHUNK, len(texts) // 100)
    out: list[T] = []
    with tqdm(total=len(texts), desc=desc, unit="doc") as bar:
        for start in range(0, len(texts), size):
            part = texts[start : start + size]
            out.extend(run(part))
            bar.update(len(part))
    return out
