"""The README's code blocks and the package's docstring examples run and print what they show."""

from __future__ import annotations

import doctest
import importlib
import re
from pathlib import Path

import pytest
from eval_gold import write_gold

pytest_plugins = ["pytester"]

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"


def python_blocks() -> list[str]:
    return re.findall(r"```python\n(.*?)```", README.read_text(encoding="utf-8"), flags=re.S)


def test_readme_examples_run_as_one_session() -> None:
    """The README's ``>>>`` blocks, in order, sharing one namespace like a Python session."""
    blocks = [b for b in python_blocks() if ">>>" in b]
    assert blocks
    test = doctest.DocTestParser().get_doctest("\n".join(blocks), {}, "README", str(README), 0)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    runner.run(test)
    assert runner.failures == 0


def test_readme_pytest_example_passes(pytester: pytest.Pytester) -> None:
    """The analysts' pytest example, as printed, on a gold folder configured as the README says."""
    (example,) = [b for b in python_blocks() if "def test_" in b]
    write_gold(pytester.path / "my_gold")
    pytester.makepyprojecttoml('[tool.pytest.ini_options]\nstancekit_gold = "my_gold"\n')
    pytester.makepyfile(test_our_news=example)  # a name no module of this suite has
    pytester.runpytest().assert_outcomes(passed=1)


@pytest.mark.parametrize(
    "module", ["stancekit", "stancekit.pandas", "stancekit.summary", "stancekit.eval.metrics"]
)
def test_docstring_examples(module: str) -> None:
    if module != "stancekit":
        pytest.importorskip("pandas")
    result = doctest.testmod(
        importlib.import_module(module), optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE
    )
    assert result.attempted > 0
    assert result.failed == 0
