"""``stancekit eval GOLD``, run as a user would (a subprocess of the installed console script)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from eval_gold import write_gold

from stancekit.eval import load_gold

EXE = shutil.which("stancekit")


def run(*args: str) -> subprocess.CompletedProcess[str]:
    cmd = [EXE] if EXE else [sys.executable, "-m", "stancekit"]
    return subprocess.run([*cmd, "eval", *args], capture_output=True, text=True, timeout=120, check=False)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return write_gold(tmp_path / "gold")


def test_table(folder: Path) -> None:
    result = run(str(folder))
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert f"stance report {folder}: 2 documents, 5 sentences scored" in out
    assert "triples (lenient holders): P " in out
    assert "sentence labels (rows: gold, columns: predicted)" in out
    assert out.splitlines()[6].split()[:3] == ["target", "P", "R"]


def test_json_and_floors(folder: Path) -> None:
    result = run(str(folder), "--format", "json", "--errors", "0", "--min-f1", "0.1")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["triples"]["gold"] == 6
    assert set(report["by_target"]) == {"Ana Rivera", "Marco Lopez"}
    assert report["errors"] == []
    failing = run(str(folder), "--min-precision", "1.0", "--min-f1", "0.99", "--holder-match", "exact")
    assert failing.returncode == 1
    assert "triples (exact holders)" in failing.stdout  # the report is printed before the verdict
    assert failing.stderr.startswith("stancekit eval: stance quality on ")
    assert "< 0.990" in failing.stderr


def test_targets_file_and_csv_gold(folder: Path, tmp_path: Path) -> None:
    targets = tmp_path / "targets.json"
    targets.write_text(json.dumps({"Ana Rivera": ["Rivera"], "Marco Lopez": []}), encoding="utf-8")
    without_alias = json.loads(run(str(folder), "--targets", str(targets), "--format", "json").stdout)
    with_alias = json.loads(run(str(folder), "--format", "json").stdout)
    assert without_alias["by_target"]["Marco Lopez"]["tp"] < with_alias["by_target"]["Marco Lopez"]["tp"]
    csv = folder / "gold.csv"  # beside docs/ and targets.json
    load_gold(folder).to_frame().to_csv(csv, index=False)
    from_csv = json.loads(run(str(csv), "--format", "json").stdout)
    assert from_csv["triples"] == with_alias["triples"]
    elsewhere = tmp_path / "elsewhere.csv"
    shutil.copy(csv, elsewhere)
    with_docs = run(str(elsewhere), "--docs", str(folder / "docs"), "--targets", str(folder / "targets.json"))
    assert with_docs.returncode == 0, with_docs.stderr


def test_bad_gold_and_bad_arguments(folder: Path) -> None:
    lines = (folder / "stance.jsonl").read_text(encoding="utf-8").splitlines()
    lines[1] = lines[1].replace('"AGAINST"', '"AGAINTS"', 1)
    (folder / "stance.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run(str(folder))
    assert result.returncode == 2
    assert result.stderr.strip() == (
        f"stancekit: error: {folder}/stance.jsonl:2: "
        "field 'triples[0].stance': 'AGAINTS' is not one of FAVOR, AGAINST"
    )
    missing = run(str(folder.parent / "nothing"))
    assert missing.returncode == 2
    assert "not a gold folder or a .csv file (it does not exist)" in missing.stderr
    out_of_range = run(str(folder), "--min-f1", "85")
    assert out_of_range.returncode == 2
    assert "85 is not a fraction between 0 and 1" in out_of_range.stderr


def test_project_evaluation_covers_every_gold_folder(
    shared_data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from stancekit.eval.__main__ import main

    assert main([str(shared_data)]) == 0
    report = json.loads(capsys.readouterr().out)
    stance = report["stance"]
    folders = ["seeds", "news/venezuela", "news/syria"]
    assert [stance[f]["gold"] for f in folders] == [150, 107, 83]  # triples outside duplicate sentences
    for count in ("tp", "predicted", "gold"):
        assert stance["pooled"][count] == sum(stance[f][count] for f in folders)
    assert {"clear_recall", "f_avg", "precision", "recall", "f1"} <= set(stance["pooled"])
    assert stance["seeds_guideline_aliases"]["f1"] >= 0.80  # the floor of test_stance_quality
    assert report["segmentation"]["golden_rules"]["total"] == 48
    assert {"newsmtsc_classify_dev_rw", "newsmtsc_classify_dev_mt", "probe"} <= set(stance)
