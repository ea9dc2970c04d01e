"""Quality checks for test suites: keep a tagger's scores on your own gold above floors.

:func:`assert_quality` fails with the figures and the ten worst errors, so a red test says what
went wrong. The pytest plugin (installed with stancekit, see :mod:`stancekit.pytest_plugin`)
adds the ``stancekit_gold`` fixture; a whole test::

    from stancekit import StanceTagger
    from stancekit.eval import score_stances
    from stancekit.testing import assert_quality

    def test_stance_on_our_news(stancekit_gold):
        tagger = StanceTagger(stancekit_gold.targets)
        report = score_stances(stancekit_gold.tag(tagger), stancekit_gold)
        assert_quality(report, min_f1=0.6, min_precision=0.7)

with ``stancekit_gold = "tests/gold"`` (a gold folder or CSV file) under ``[tool.pytest.ini_options]``.
"""

from __future__ import annotations

from stancekit.eval.render import headline
from stancekit.eval.stance import StanceReport

__all__ = ["assert_quality"]


def assert_quality(
    report: StanceReport,
    *,
    min_f1: float | None = None,
    min_precision: float | None = None,
    min_recall: float | None = None,
    min_clear_recall: float | None = None,
    min_f_avg: float | None = None,
    errors: int = 10,
) -> None:
    """Raise ``AssertionError`` when a score of ``report`` is under its floor (fractions, 0..1).

    The message lists each score under its floor, the report's figures and its ``errors`` worst
    errors. A floor left at None is not checked; ``min_clear_recall`` fails when the gold marks
    no triple ``clear``.
    """
    if not isinstance(report, StanceReport):
        raise TypeError(f"report must be a StanceReport (from score_stances), not {type(report).__name__}")
    floors = {
        "f1": (min_f1, report.f1),
        "precision": (min_precision, report.precision),
        "recall": (min_recall, report.recall),
        "clear_recall": (min_clear_recall, report.clear_recall),
        "f_avg": (min_f_avg, report.f_avg),
    }
    failures = []
    for name, (floor, value) in floors.items():
        if floor is None:
            continue
        if not 0.0 <= floor <= 1.0:
            raise ValueError(f"min_{name} is a fraction between 0 and 1, not {floor!r}")
        if value is None:
            failures.append(f"{name}: no gold triple is marked clear (floor {floor:.3f})")
        elif value < floor:
            failures.append(f"{name} {value:.3f} < {floor:.3f}")
    if not failures:
        return
    where = f" on {report.source}" if report.source else ""
    lines = [f"stance quality{where} under its floor: " + "; ".join(failures), *headline(report)]
    worst = report.error_records[: max(errors, 0)]
    if worst:
        lines.append(
            f"{len(worst)} worst of {len(report.error_records)} errors (most frequent patterns first):"
        )
        lines += [f"  {e.describe()}" for e in worst]
    raise AssertionError("\n".join(lines))
