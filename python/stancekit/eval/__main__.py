"""``python -m stancekit.eval [DATA_DIR] [--classifier]``: every evaluation number, as JSON.

DATA_DIR is the project's gold data (default ``../shared/data``); see
:func:`stancekit.eval.project.project_report`. ``--classifier`` also trains a StanceClassifier
on NewsMTSC train and scores dev_rw/dev_mt (about ten seconds).
"""

from __future__ import annotations

import json
import sys
from typing import Any

from stancekit.eval.project import project_report


def _rounded(value: Any) -> Any:
    if isinstance(value, float):
        return float(f"{value:.5g}")
    if isinstance(value, dict):
        return {k: _rounded(v) for k, v in value.items() if k not in ("errors", "misses")}
    return value


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    paths = [a for a in args if not a.startswith("--")]
    report = project_report(paths[0] if paths else "../shared/data", classifier="--classifier" in args)
    print(json.dumps(_rounded(report), indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
