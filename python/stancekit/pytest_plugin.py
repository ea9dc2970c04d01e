"""The stancekit pytest plugin: a ``stancekit_gold`` fixture with your own gold data.

Installed with stancekit (entry point ``pytest11``, name ``stancekit``; ``-p no:stancekit``
turns it off). Say where the gold is, a folder or a CSV file (:mod:`stancekit.eval.gold`), in
the pytest configuration (relative to it)::

    [tool.pytest.ini_options]
    stancekit_gold = "tests/gold"            # several: a list, each test runs once per gold
    stancekit_targets = "tests/targets.json" # optional: replaces the gold's targets.json

or on the command line (relative to the current directory; it takes precedence):
``pytest --stancekit-gold tests/gold``. The fixture is the loaded :class:`stancekit.eval.Gold`,
read once per session; a test that uses it fails with the reason when no gold is configured or
the gold is invalid. The pytest header names the gold in use.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from stancekit.eval.gold import Gold

_CACHE = pytest.StashKey[dict[Path, "Gold"]]()


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("stancekit", "stancekit gold data")
    group.addoption(
        "--stancekit-gold",
        action="append",
        metavar="PATH",
        help="gold folder or CSV file for the stancekit_gold fixture (repeatable; overrides the ini option)",
    )
    parser.addini("stancekit_gold", "gold folders or CSV files for the stancekit_gold fixture", type="paths")
    parser.addini("stancekit_targets", "targets.json that replaces the gold's targets", type="paths")


def gold_paths(config: pytest.Config) -> list[Path]:
    """The configured gold paths: ``--stancekit-gold`` if given, else the ini option."""
    given = config.getoption("stancekit_gold")
    if given:
        return [config.invocation_params.dir / p for p in given]
    return [Path(p) for p in config.getini("stancekit_gold")]


def pytest_report_header(config: pytest.Config) -> str | None:
    paths = gold_paths(config)
    return f"stancekit gold: {', '.join(map(str, paths))}" if paths else None


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "stancekit_gold" not in metafunc.fixturenames:
        return
    paths = gold_paths(metafunc.config)
    if len(paths) > 1:
        metafunc.parametrize(
            "stancekit_gold",
            paths,
            indirect=True,
            ids=[_label(metafunc.config, p) for p in paths],
            scope="session",
        )


def _label(config: pytest.Config, path: Path) -> str:
    try:
        return str(path.resolve().relative_to(config.rootpath.resolve()))
    except ValueError:
        return str(path)


@pytest.fixture(scope="session")
def stancekit_gold(request: pytest.FixtureRequest) -> Gold:
    """The gold configured with ``stancekit_gold`` (ini) or ``--stancekit-gold``, loaded once."""
    from stancekit.eval.gold import load_gold
    from stancekit.exceptions import StancekitError

    path: Path | None = getattr(request, "param", None)
    if path is None:
        paths = gold_paths(request.config)
        if not paths:
            pytest.fail(
                'stancekit_gold: no gold configured; set stancekit_gold = "path/to/gold" under '
                "[tool.pytest.ini_options] or run pytest --stancekit-gold PATH",
                pytrace=False,
            )
        path = paths[0]
    cache = request.config.stash.setdefault(_CACHE, {})
    if path not in cache:
        targets = request.config.getini("stancekit_targets")
        try:
            cache[path] = load_gold(path, targets=Path(targets[0]) if targets else None)
        except StancekitError as exc:
            pytest.fail(f"stancekit_gold: {exc}", pytrace=False)
    return cache[path]
