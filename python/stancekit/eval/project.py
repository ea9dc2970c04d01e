"""The project's own evaluation on its gold data (``../shared/data``), built on the public API.

``python -m stancekit.eval ../shared/data`` prints :func:`project_report` as JSON: stance on every
gold folder that has its own ``targets.json`` (``seeds``, ``news/venezuela``, ``news/syria``)
with a tagger built from those targets, per folder and pooled; the probe set; NewsMTSC; sentence
and token segmentation; and parsing when the package has a parser.

The probe set (``stance/probe/dev.jsonl``): one row per (holder, target) pair; the tagger gets
the row's target (with the guideline aliases of :data:`EVAL_TARGETS` when it is one of those) and
the predicted label is the stance of a triple toward it whose holder matches the row's holder
(names that contain one another, or the holder's span), else NONE; scored with
:func:`stancekit.eval.score_labels` over FAVOR, AGAINST and NONE.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import stancekit
from stancekit import StanceTagger
from stancekit.eval.gold import load_gold
from stancekit.eval.metrics import LabelScores, score_labels
from stancekit.eval.stance import StanceReport, score_stances

__all__ = ["EVAL_TARGETS", "GOLD_FOLDERS", "evaluate_folders", "project_report", "score_probe"]

#: The project's stance gold folders, each with its own ``targets.json``.
GOLD_FOLDERS = ("seeds", "news/venezuela", "news/syria")

#: The seed guidelines' three targets with the aliases the guidelines list (richer than the
#: seeds' ``targets.json``, which lists literal names only); the quality floors use these.
EVAL_TARGETS: dict[str, list[str]] = {
    "Nicolas Maduro": [
        "Maduro",
        "Nicolás Maduro",
        "President Nicolas Maduro",
        "Maduro's government",
        "Maduro's regime",
        "the socialist leader",
        "the socialist president",
        "the embattled president",
        "embattled President Nicolas Maduro",
        "Venezuela's embattled president",
        "Venezuelan ally",
        "the current government led by Maduro",
    ],
    "Juan Guaido": [
        "Guaido",
        "Guaidó",
        "Juan Guaidó",
        "Mr Guaido",
        "the opposition leader",
        "opposition leader",
        "interim president",
        "acting president",
        "the US's star pupil",
    ],
    "United States": [
        "US",
        "U.S.",
        "U.S",
        "USA",
        "the United States",
        "Washington",
        "the Trump administration",
        "Trump administration",
        "American officials",
        "USA officials",
        "US officials",
        "Pompeo",
        "Mike Pompeo",
        "Bolton",
        "John Bolton",
    ],
}

PROBE_LABELS = ("FAVOR", "AGAINST", "NONE")


def evaluate_folders(
    data_dir: str | Path,
    folders: Sequence[str] = GOLD_FOLDERS,
    *,
    targets: Mapping[str, Sequence[str]] | None = None,
    tagger_options: Mapping[str, Any] | None = None,
) -> dict[str, StanceReport]:
    """A report per gold folder (tagged with a tagger of its targets), and ``"pooled"``.

    ``targets`` replaces every folder's ``targets.json`` (e.g. :data:`EVAL_TARGETS` for seeds);
    ``tagger_options`` go to :class:`stancekit.StanceTagger` (e.g. ``classifier="default"``).
    """
    reports: dict[str, StanceReport] = {}
    for folder in folders:
        gold = load_gold(Path(data_dir) / folder, targets=targets)
        tagger = StanceTagger({k: list(v) for k, v in gold.targets.items()}, **(tagger_options or {}))
        reports[folder] = score_stances(gold.tag(tagger), gold)
    if len(reports) > 1:
        pooled = list(reports.values())
        reports["pooled"] = sum(pooled[1:], start=pooled[0])
    return reports


def _overlap(a: Sequence[int] | None, b: Sequence[int] | None) -> bool:
    return a is not None and b is not None and a[0] < b[1] and b[0] < a[1]


def _probe_holder_matches(stance: Any, holder: str, text: str) -> bool:
    h, found = holder.lower(), stance.holder.lower()
    if found == h or h in found or (found and found in h):
        return True
    start = text.find(holder)
    return start >= 0 and _overlap(stance.holder_span, (start, start + len(holder)))


def score_probe(data_dir: str | Path, *, details: bool = False) -> dict[str, Any]:
    """Accuracy and macro-F1 (FAVOR/AGAINST/NONE) on the probe pairs (see the module doc)."""
    path = Path(data_dir) / "stance" / "probe" / "dev.jsonl"
    with open(path, encoding="utf-8") as f:
        rows = [json.loads(line) for line in f if line.strip()]
    taggers: dict[str, StanceTagger] = {}
    gold: list[str] = []
    pred: list[str] = []
    errors = []
    for row in rows:
        target = row["target"]
        canon = next((k for k, v in EVAL_TARGETS.items() if target == k or target in v), target)
        aliases = {canon: EVAL_TARGETS.get(canon, [target])}
        key = json.dumps(aliases, sort_keys=True)
        if key not in taggers:
            taggers[key] = StanceTagger(aliases)
        labels = {
            s.stance
            for s in taggers[key].tag(row["text"])
            if s.target == canon and _probe_holder_matches(s, row["holder"], row["text"])
        }
        label = "NONE" if not labels else ("FAVOR" if labels == {"FAVOR"} else "AGAINST")
        gold.append(row["label"])
        pred.append(label)
        if label != row["label"]:
            errors.append((row["id"], row["holder"], row["target"], row["label"], label, row["text"]))
    scores: LabelScores = score_labels(gold, pred, PROBE_LABELS)
    out: dict[str, Any] = scores.as_dict()
    if details:
        out["errors"] = errors
    return out


def _stance_summary(report: StanceReport) -> dict[str, Any]:
    t = report.triples
    return {
        "precision": t.precision,
        "recall": t.recall,
        "f1": t.f1,
        "tp": t.tp,
        "predicted": t.predicted,
        "gold": t.gold,
        "clear_recall": report.clear_recall,
        "f_avg": report.f_avg,
    }


def project_report(data_dir: str | Path, *, classifier: bool = False) -> dict[str, Any]:
    """Every number the README reports, as plain values (``classifier`` also trains NewsMTSC)."""
    from stancekit.eval.newsmtsc import evaluate_classify, train_and_evaluate
    from stancekit.eval.segmentation import segmentation_report

    stance: dict[str, Any] = {
        name: _stance_summary(report) for name, report in evaluate_folders(data_dir).items()
    }
    seeds_guideline = evaluate_folders(data_dir, ["seeds"], targets=EVAL_TARGETS)["seeds"]
    stance["seeds_guideline_aliases"] = _stance_summary(seeds_guideline)
    # Each engine alone, on the same folders (see StanceTagger's ``engine``).
    for engine in ("rules", "syntax"):
        stance[f"{engine}_engine"] = {
            name: _stance_summary(report)
            for name, report in evaluate_folders(data_dir, tagger_options={"engine": engine}).items()
        }
    stance["probe"] = score_probe(data_dir)
    for split in ("dev_rw", "dev_mt"):
        stance[f"newsmtsc_classify_{split}"] = evaluate_classify(None, data_dir, split).as_dict()
    report: dict[str, Any] = {"segmentation": segmentation_report(data_dir), "stance": stance}
    if callable(getattr(stancekit, "parse", None)):
        from stancekit.eval.parse import evaluate_parser

        parser = stancekit.Parser()
        report["parse_ewt_dev"] = evaluate_parser(data_dir, parser.parse, parse_words=parser.parse_tokens)
    if classifier:
        report["classifier_newsmtsc"] = train_and_evaluate(data_dir)
    return report
