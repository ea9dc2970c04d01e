"""score_stances on a hand-made gold and hand-made predictions with counts worked out by hand."""

from __future__ import annotations

import json
import pickle
from pathlib import Path

import pytest
from eval_gold import DOC_A, EXPECTED, TARGETS, predictions, write_gold

import stancekit
from stancekit.eval import PRF, Gold, StanceReport, load_gold, score_stances


@pytest.fixture
def gold(tmp_path: Path) -> Gold:
    return load_gold(write_gold(tmp_path / "gold"))


@pytest.fixture
def report(gold: Gold) -> StanceReport:
    return score_stances(predictions(), gold)


def test_triple_counts(report: StanceReport) -> None:
    assert report.triples == PRF(*EXPECTED["triples"])
    assert (report.precision, report.recall) == (4 / 5, 4 / 6)
    assert report.f1 == pytest.approx(2 * 4 / (5 + 6))


def test_per_target_and_per_stance(report: StanceReport) -> None:
    assert report.by_target == {t: PRF(*EXPECTED[t]) for t in TARGETS}
    assert report.by_stance == {s: PRF(*EXPECTED[s]) for s in ("FAVOR", "AGAINST")}


def test_clear_recall(report: StanceReport) -> None:
    assert report.confidence_recall == {"clear": EXPECTED["clear"], "hard": EXPECTED["hard"]}
    assert report.clear_recall == 4 / 5


def test_sentence_labels_and_confusion(report: StanceReport) -> None:
    assert report.sentence_labels == {
        "FAVOR": PRF(*EXPECTED["label FAVOR"]),
        "AGAINST": PRF(*EXPECTED["label AGAINST"]),
    }
    assert report.f_avg == pytest.approx((4 / 6 + 2 / 3) / 2)
    cells = {(g, p): n for g, row in report.confusion.items() for p, n in row.items() if n}
    assert cells == EXPECTED["confusion"]
    assert report.n_sentences == 5  # the duplicate sentence is skipped
    assert report.n_documents == 2


def test_exact_holder_match_does_not_accept_overlapping_spans(gold: Gold) -> None:
    exact = score_stances(predictions(), gold, holder_match="exact")
    assert exact.triples == PRF(*EXPECTED["exact triples"])
    wrong_holder = [(e.kind, e.holder) for e in exact.error_records if e.error == "wrong holder"]
    assert sorted(wrong_holder) == [("FN", "Peru"), ("FP", "Peruvian government")]
    with pytest.raises(ValueError, match="holder_match"):
        score_stances(predictions(), gold, holder_match="loose")  # type: ignore[arg-type]


def test_errors_frame_worst_patterns_first(report: StanceReport) -> None:
    errors = report.errors
    assert list(errors["kind"]) == ["FP", "FN", "FN"]
    assert list(errors["error"]) == ["wrong stance", "wrong stance", "missed"]
    first = errors.iloc[0]
    assert (first["pattern"], first["rule"], first["cue"]) == ("verb:test", "verb:test+x", "criticised")
    assert first["sentence_text"] == "Lopez criticised Rivera on Monday."
    assert errors.iloc[2]["confidence"] == "clear"
    assert errors.iloc[2]["pattern"] == "praised"


def test_frequent_patterns_come_first(gold: Gold) -> None:
    preds = predictions()
    a, text = preds["a.txt"], DOC_A
    start = text.index("The weather")
    spurious = [
        stancekit.Stance(
            h,
            None,
            "Ana Rivera",
            None,
            "AGAINST",
            "weather",
            (start + 4, start + 11),
            (start, start + 21),
            0.5,
            "noun:weather",
        )
        for h in ("Brazil", "Chile")
    ]
    report = score_stances({**preds, "a.txt": a + spurious}, gold)
    assert [(e.pattern, e.pattern_count) for e in report.error_records[:2]] == [("noun:weather", 2)] * 2


def test_frame_predictions_score_like_stance_lists(gold: Gold, report: StanceReport) -> None:
    pd = pytest.importorskip("pandas")
    rows, docs = [], []
    for doc, found in predictions().items():
        for s in found:
            docs.append(doc)
            rows.append(
                {
                    "holder": s.holder,
                    "target": s.target,
                    "stance": s.stance,
                    "cue": s.cue,
                    "rule": s.rule,
                    "holder_start": s.holder_span[0] if s.holder_span else None,
                    "holder_end": s.holder_span[1] if s.holder_span else None,
                    "cue_start": s.cue_span[0],
                    "cue_end": s.cue_span[1],
                }
            )
    frame = pd.DataFrame(rows, index=pd.Index(docs, name="doc"))
    assert score_stances(frame, gold) == report
    assert score_stances(frame.reset_index(), gold) == report  # a doc column works too


def test_real_tagger_output_and_pandas_frame_agree(gold: Gold) -> None:
    pd = pytest.importorskip("pandas")
    from stancekit.pandas import stances

    tagger = stancekit.StanceTagger(TARGETS)
    from_lists = score_stances(gold.tag(tagger), gold)
    from_frame = score_stances(stances(pd.Series(gold.texts), tagger=tagger), gold)
    assert from_lists == from_frame
    assert from_lists.triples.predicted > 0


def test_gold_given_as_path(gold: Gold, report: StanceReport) -> None:
    assert score_stances(predictions(), gold.source) == report


def test_predictions_must_index_the_gold_texts(gold: Gold) -> None:
    shifted = {
        "a.txt": [
            stancekit.Stance("Brazil", None, "Ana Rivera", None, "FAVOR", "backs", (0, 5), (0, 20), 1.0, "r")
        ]
    }
    with pytest.raises(
        stancekit.ConfigError, match=r"cue 'backs' in 'a.txt' is not the gold text at \[0, 5\]"
    ):
        score_stances(shifted, gold)
    with pytest.raises(stancekit.ConfigError, match=r"predicted document 'c\.txt' is not in the gold"):
        score_stances({"c.txt": []}, gold)
    with pytest.raises(TypeError, match="must hold Stance objects"):
        score_stances({"a.txt": ["Brazil backs Rivera"]}, gold)
    with pytest.raises(TypeError, match="not list"):
        score_stances([], gold)  # type: ignore[arg-type]


def test_no_predictions_scores_zero_without_dividing_by_zero(gold: Gold) -> None:
    empty = score_stances({}, gold)
    assert empty.triples == PRF(0, 0, 6)
    assert (empty.precision, empty.recall, empty.f1) == (0.0, 0.0, 0.0)
    assert len(empty.error_records) == 6
    assert all(e.error == "missed" for e in empty.error_records)


def test_reports_pool_by_adding_counts(gold: Gold, report: StanceReport) -> None:
    pooled = report + score_stances({}, gold)
    assert pooled.triples == PRF(4, 5, 12)
    assert pooled.by_target["Ana Rivera"] == PRF(2, 3, 8)
    assert pooled.confidence_recall["clear"] == (4, 10)
    assert pooled.confusion["NONE"]["NONE"] == 12
    assert pooled.n_sentences == 10
    assert len(pooled.error_records) == 3 + 6


def test_report_renders_as_text_json_and_html(report: StanceReport) -> None:
    text = str(report)
    assert "P 0.800  R 0.667  F1 0.727" in text
    assert "clear-triple recall: 0.800 (4/5)" in text
    assert "FP wrong stance: Marco Lopez -> Ana Rivera FAVOR cue='criticised'" in text
    data = json.loads(json.dumps(report.to_dict(errors=None)))
    assert data["triples"]["tp"] == 4
    assert data["by_target"]["Marco Lopez"]["f1"] == 1.0
    assert data["confusion"]["MIXED"]["AGAINST"] == 1
    assert len(data["errors"]) == 3
    assert len(report.to_dict(errors=1)["errors"]) == 1
    html = report._repr_html_()
    assert html.count("<table>") == 3
    assert "Lopez criticised Rivera on Monday." in html


def test_report_table_frame(report: StanceReport) -> None:
    pytest.importorskip("pandas")
    table = report.to_frame()
    assert table.loc[("all", "all"), "tp"] == 4
    assert table.loc[("target", "Ana Rivera"), "gold"] == 4
    assert table.loc[("stance", "AGAINST"), "recall"] == 0.5


def test_confusion_plot(report: StanceReport) -> None:
    pytest.importorskip("matplotlib")
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    ax = report.plot_confusion()
    cells = sorted(t.get_text() for t in ax.texts)
    assert cells == sorted(["2", "1", "1", "6"] + ["0"] * 12)
    assert [t.get_text() for t in ax.get_xticklabels()] == ["FAVOR", "AGAINST", "MIXED", "NONE"]
    normalized = report.plot_confusion(normalize=True)
    assert "1.00" in {t.get_text() for t in normalized.texts}
    plt.close("all")


def test_report_pickles(report: StanceReport) -> None:
    assert pickle.loads(pickle.dumps(report)) == report
