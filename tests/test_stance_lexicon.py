"""The stance engine's data files pass their checker: formats, vocabularies, examples, and no
word or six-word run taken from the gold texts without a written judgment."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

CHECKER = Path(__file__).resolve().parents[1] / "crates/stancekit-core/resources/stance/v2/check_v2.py"


def test_stance_data_files_pass_their_checker(shared_data: Path) -> None:
    run = subprocess.run(
        [sys.executable, str(CHECKER), "--data", str(shared_data)],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    assert "0 errors, 0 words to review" in run.stdout, run.stdout
