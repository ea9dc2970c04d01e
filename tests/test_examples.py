"""The worked example in examples/ runs end to end on the built-in corpus and draws its pictures."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def test_stance_report_example_runs(tmp_path: Path) -> None:
    pytest.importorskip("pandas")
    pytest.importorskip("matplotlib")
    env = {**os.environ, "MPLBACKEND": "Agg"}
    result = subprocess.run(
        [sys.executable, str(ROOT / "examples" / "stance_report.py"), "--out", str(tmp_path)],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "targets:" in result.stdout
    for name in ("stance_matrix.png", "stance_network.png"):
        data = (tmp_path / name).read_bytes()
        assert data.startswith(b"\x89PNG")
