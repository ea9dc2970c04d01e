"""``python -m stancekit.eval [DATA_DIR]``: print the evaluation numbers as JSON."""

from __future__ import annotations

import json
import sys

from stancekit.eval.segmentation import segmentation_report


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    data_dir = args[0] if args else "../shared/data"
    print(json.dumps({"segmentation": segmentation_report(data_dir)}, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
