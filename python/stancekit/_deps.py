"""Lazy imports of optional dependencies, with an install hint when they are missing."""

from __future__ import annotations

import importlib
from types import ModuleType


def require(module: str, extra: str) -> ModuleType:
    """Import ``module`` or raise ImportError telling which extra installs it."""
    try:
        return importlib.import_module(module)
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise ImportError(
            f"{module} is required for this; install it with: pip install 'stancekit[{extra}]'"
        ) from exc
