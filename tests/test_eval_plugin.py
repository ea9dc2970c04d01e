"""stancekit.testing.assert_quality and the pytest plugin (entry point pytest11), run with pytester."""

from __future__ import annotations

from pathlib import Path

import pytest
from eval_gold import predictions, write_gold

from stancekit.eval import load_gold, score_stances
from stancekit.eval.stance import StanceReport
from stancekit.testing import assert_quality

pytest_plugins = ["pytester"]

ANALYST_TEST = """
from stancekit import StanceTagger
from stancekit.eval import score_stances
from stancekit.testing import assert_quality

def test_stance_on_our_news(stancekit_gold):
    tagger = StanceTagger({TARGETS})
    report = score_stances(stancekit_gold.tag(tagger), stancekit_gold)
    assert_quality(report, min_f1={MIN_F1}, min_precision=0.5)
"""


def analyst_test(targets: str = "stancekit_gold.targets", min_f1: float = 0.6) -> str:
    return ANALYST_TEST.replace("{TARGETS}", targets).replace("{MIN_F1}", str(min_f1))


@pytest.fixture
def report(tmp_path: Path) -> StanceReport:
    return score_stances(predictions(), load_gold(write_gold(tmp_path / "gold")))


def test_assert_quality_passes_above_the_floors(report: StanceReport) -> None:
    assert_quality(
        report, min_f1=0.72, min_precision=0.8, min_recall=0.66, min_clear_recall=0.8, min_f_avg=0.66
    )


def test_assert_quality_message_has_figures_and_worst_errors(report: StanceReport) -> None:
    with pytest.raises(AssertionError) as info:
        assert_quality(report, min_f1=0.9, min_precision=0.5, errors=2)
    message = str(info.value)
    lines = message.splitlines()
    assert lines[0].endswith("under its floor: f1 0.727 < 0.900")
    assert "P 0.800  R 0.667  F1 0.727" in message
    assert "clear-triple recall: 0.800 (4/5)" in message
    assert "2 worst of 3 errors" in message
    assert lines[-1].startswith("  FN wrong stance: Marco Lopez -> Ana Rivera AGAINST cue='criticised'")


def test_assert_quality_arguments(report: StanceReport) -> None:
    with pytest.raises(ValueError, match="min_f1 is a fraction between 0 and 1, not 72"):
        assert_quality(report, min_f1=72)
    with pytest.raises(TypeError, match="not dict"):
        assert_quality(report.to_dict())  # type: ignore[arg-type]
    no_clear = StanceReport(
        report.triples, {}, {}, {}, report.sentence_labels, report.confusion, (), report.holder_match
    )
    with pytest.raises(AssertionError, match="no gold triple is marked clear"):
        assert_quality(no_clear, min_clear_recall=0.5)


def test_plugin_fixture_from_the_ini_option(pytester: pytest.Pytester) -> None:
    write_gold(pytester.path / "gold")
    pytester.makeini("[pytest]\nstancekit_gold = gold\n")
    pytester.makepyfile(test_ours=analyst_test())
    result = pytester.runpytest()
    result.assert_outcomes(passed=1)
    result.stdout.fnmatch_lines(["stancekit gold: *gold"])


def test_plugin_failure_shows_figures_and_errors(pytester: pytest.Pytester) -> None:
    write_gold(pytester.path / "gold")
    pytester.makeini("[pytest]\nstancekit_gold = gold\n")
    # A tagger that knows only one of the two targets' aliases misses the other's triples.
    pytester.makepyfile(test_ours=analyst_test('{"Ana Rivera": ["Rivera"], "Marco Lopez": []}', 0.95))
    result = pytester.runpytest()
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(
        [
            "*stance quality on *gold under its floor: f1 * < 0.950*",
            "*triples (lenient holders): P *",
            "*worst of * errors (most frequent patterns first):",
            "*FN missed: Chile -> Marco Lopez FAVOR cue='support' (clear) b.txt#0: Chile and Peru support*",
        ]
    )


def test_plugin_several_golds_and_the_command_line(pytester: pytest.Pytester) -> None:
    write_gold(pytester.path / "one")
    write_gold(pytester.path / "two")
    pytester.makeini("[pytest]\nstancekit_gold =\n    one\n    two\n")
    pytester.makepyfile(test_ours=analyst_test())
    result = pytester.runpytest("-v")
    result.assert_outcomes(passed=2)
    result.stdout.fnmatch_lines(
        ["*test_stance_on_our_news?one? PASSED*", "*test_stance_on_our_news?two? PASSED*"]
    )
    only = pytester.runpytest("--stancekit-gold", "two")
    only.assert_outcomes(passed=1)
    only.stdout.fnmatch_lines(["stancekit gold: *two"])


def test_plugin_without_gold_or_with_bad_gold(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(test_ours=analyst_test())
    result = pytester.runpytest()
    result.assert_outcomes(errors=1)
    result.stdout.fnmatch_lines(["*stancekit_gold: no gold configured; set stancekit_gold = *"])
    folder = write_gold(pytester.path / "gold")
    (folder / "targets.json").write_text('{"Someone else": []}', encoding="utf-8")
    bad = pytester.runpytest("--stancekit-gold", "gold")
    bad.assert_outcomes(errors=1)
    bad.stdout.fnmatch_lines(
        ["*stancekit_gold: *stance.jsonl:1: field 'triples[[]0].target': 'Ana Rivera' is not*"]
    )


def test_plugin_targets_option(pytester: pytest.Pytester) -> None:
    write_gold(pytester.path / "gold")
    (pytester.path / "targets.json").write_text(
        '{"Ana Rivera": ["Rivera", "Ms Rivera"], "Marco Lopez": ["Lopez"]}', encoding="utf-8"
    )
    pytester.makeini("[pytest]\nstancekit_gold = gold\nstancekit_targets = targets.json\n")
    pytester.makepyfile(
        test_targets="def test_targets(stancekit_gold):\n"
        "    assert 'Ms Rivera' in stancekit_gold.targets['Ana Rivera']\n"
    )
    pytester.runpytest().assert_outcomes(passed=1)


def test_plugin_can_be_disabled(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(test_ours="def test_x(stancekit_gold):\n    pass\n")
    result = pytester.runpytest("-p", "no:stancekit")
    result.assert_outcomes(errors=1)
    result.stdout.fnmatch_lines(["*fixture 'stancekit_gold' not found*"])
