"""The README's code blocks and the package's docstring examples run and print what they show."""

from __future__ import annotations

import doctest
import importlib
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"


def python_blocks() -> list[str]:
    return re.findall(r"```python\n(.*?)```", README.read_text(encoding="utf-8"), flags=re.S)


@pytest.mark.parametrize("index", range(len(python_blocks())))
def test_readme_python_blocks_run(index: int, tmp_path: Path) -> None:
    block = python_blocks()[index]
    if ">>>" in block:
        parser = doctest.DocTestParser()
        test = parser.get_doctest(block, {}, f"README block {index}", str(README), 0)
        runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
        runner.run(test)
        assert runner.failures == 0
    else:
        script = tmp_path / "block.py"
        script.write_text(block, encoding="utf-8")
        result = subprocess.run(
            [sys.executable, str(script)], capture_output=True, text=True, cwd=ROOT, check=False
        )
        assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("module", ["stancekit", "stancekit.pandas", "stancekit.summary"])
def test_docstring_examples(module: str) -> None:
    if module != "stancekit":
        pytest.importorskip("pandas")
    result = doctest.testmod(
        importlib.import_module(module), optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE
    )
    assert result.attempted > 0
    assert result.failed == 0
