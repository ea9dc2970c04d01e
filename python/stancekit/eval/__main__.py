"""``python -m stancekit.eval [DATA_DIR] [--classifier]``: every evaluation number, as JSON.

``--classifier`` also trains a StanceClassifier on NewsMTSC train and scores dev_rw/dev_mt
(about ten seconds).
"""

from __future__ import annotations

import json
import sys
from typing import Any

from stancekit.eval.newsmtsc import train_and_evaluate
from stancekit.eval.segmentation import segmentation_report
from stancekit.eval.stance import evaluate_stance


def _rounded(value: Any) -> Any:
    if isinstance(value, float):
        return float(f"{value:.5g}")
    if isinstance(value, dict):
        return {k: _rounded(v) for k, v in value.items() if k not in ("errors", "misses")}
    return value


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    paths = [a for a in args if not a.startswith("--")]
    data_dir = paths[0] if paths else "../shared/data"
    report: dict[str, Any] = {
        "segmentation": segmentation_report(data_dir),
        "stance": evaluate_stance(data_dir),
    }
    if "--classifier" in args:
        report["classifier_newsmtsc"] = train_and_evaluate(data_dir)
    print(json.dumps(_rounded(report), indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
