"""Evaluation of the stance tagger: seed gold triples, the probe set and NewsMTSC.

All functions take the directory of the shared gold data (``../shared/data``) and a tagger; the
tagger defaults to ``StanceTagger(EVAL_TARGETS)``, the evaluation's setting (the three targets
of the seed guidelines with the aliases the guidelines list).

Run ``python -m stancekit.eval.stance /path/to/shared/data`` for a report.

Metrics
-------
Seeds (``data/seeds``): one triple per (holder, target, stance) per gold sentence, on both sides.
A predicted triple belongs to the gold sentence that contains its cue. It matches a gold triple of
the same sentence with the same target and stance when the holders match leniently: the same
canonical name, or overlapping holder spans. Sentences marked ``duplicate_of`` are skipped (each
triple counts once). Sentence level: for each (sentence, target) of the three targets the gold label
(FAVOR / AGAINST / MIXED / NONE; MIXED counts as both) is compared with the set of stances
predicted toward that target in the sentence; ``f_avg`` is the mean of the F1 of FAVOR and of
AGAINST over those labels.

Probe (``data/stance/probe/dev.jsonl``): one row per (holder, target) pair; the tagger gets the
row's target (canonical name and the string itself as alias) and the predicted label is the stance
of a triple toward it whose holder matches the row's holder (span overlap or name), else NONE.
Reported: accuracy and macro-F1 over FAVOR / AGAINST / NONE.

NewsMTSC (``data/stance/newsmtsc/dev_{rw,mt}.jsonl``): ``tagger.classify(text, target_span)``
against positive→FAVOR, negative→AGAINST, neutral→NONE; macro-F1 over the three classes.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from stancekit import StanceTagger

__all__ = [
    "EVAL_TARGETS",
    "evaluate_stance",
    "f1_from_counts",
    "macro_f1",
    "score_newsmtsc",
    "score_probe",
    "score_seeds",
]

#: The evaluation's targets: the seed guidelines' three targets with the aliases they list.
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

LABELS = ("FAVOR", "AGAINST", "NONE")


def _read_jsonl(path: Path) -> list[dict[str, Any]]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def f1_from_counts(tp: int, fp: int, fn: int) -> float:
    """F1 = 2TP / (2TP + FP + FN); 0.0 when there is nothing at all."""
    denom = 2 * tp + fp + fn
    return 2 * tp / denom if denom else 0.0


def macro_f1(gold: Sequence[str], pred: Sequence[str], labels: Iterable[str] = LABELS) -> float:
    """Macro-averaged F1 over ``labels``."""
    scores = []
    for lab in labels:
        tp = sum(1 for g, p in zip(gold, pred, strict=False) if g == lab and p == lab)
        fp = sum(1 for g, p in zip(gold, pred, strict=False) if g != lab and p == lab)
        fn = sum(1 for g, p in zip(gold, pred, strict=False) if g == lab and p != lab)
        scores.append(f1_from_counts(tp, fp, fn))
    return sum(scores) / len(scores)


def _overlap(a: Sequence[int] | None, b: Sequence[int] | None) -> bool:
    return a is not None and b is not None and a[0] < b[1] and b[0] < a[1]


def _default_tagger(tagger: StanceTagger | None) -> StanceTagger:
    return tagger if tagger is not None else StanceTagger(EVAL_TARGETS)


def score_seeds(
    shared_data: str | Path, tagger: StanceTagger | None = None, *, details: bool = False
) -> dict[str, Any]:
    """Triple precision/recall/F1 and sentence-level F_avg on the seed gold (see module doc).

    Returns a dict with ``precision``, ``recall``, ``f1``, ``tp``, ``n_pred``, ``n_gold``,
    ``f_avg``, ``f1_favor``, ``f1_against`` and, with ``details=True``, ``errors``: a list of
    ``(doc, sent_index, "FP"|"FN", triple)``.
    """
    tagger = _default_tagger(tagger)
    root = Path(shared_data) / "seeds"
    sentences = {d["doc"]: d["sentences"] for d in _read_jsonl(root / "sentences.jsonl")}
    gold_rows = _read_jsonl(root / "stance.jsonl")
    gold_by_doc: dict[str, dict[int, dict[str, Any]]] = {}
    for row in gold_rows:
        gold_by_doc.setdefault(row["doc"], {})[row["sent_index"]] = row
    targets = list(EVAL_TARGETS)
    tp = n_pred = n_gold = 0
    lab_counts = {lab: [0, 0, 0] for lab in ("FAVOR", "AGAINST")}  # tp, fp, fn
    errors: list[tuple[str, int, str, dict[str, Any]]] = []
    docs = sorted(sentences)
    texts = [(root / "docs" / d).read_text(encoding="utf-8") for d in docs]
    results = tagger.tag_batch(texts)
    for doc, text, found in zip(docs, texts, results, strict=False):
        sents = sentences[doc]
        pred_by_sent: dict[int, dict[tuple[str, str, str], Any]] = {}
        for st in found:
            idx = next(
                (i for i, s in enumerate(sents) if s["start"] <= st.cue_span[0] < s["end"]),
                None,
            )
            if idx is None:
                continue
            pred_by_sent.setdefault(idx, {}).setdefault((st.holder, st.target, st.stance), st)
        for idx, s in enumerate(sents):
            if s.get("duplicate_of") is not None:
                continue
            row = gold_by_doc.get(doc, {}).get(idx, {"triples": [], "labels": {}})
            gold = [t for t in row["triples"] if t["target"] in EVAL_TARGETS]
            preds = [p for p in pred_by_sent.get(idx, {}).values() if p.target in EVAL_TARGETS]
            n_pred += len(preds)
            n_gold += len(gold)
            used = [False] * len(gold)
            for p in preds:
                hit = None
                for gi, g in enumerate(gold):
                    if used[gi] or g["target"] != p.target or g["stance"] != p.stance:
                        continue
                    if g["holder"] == p.holder or _overlap(g["holder_span"], p.holder_span):
                        hit = gi
                        break
                if hit is None:
                    if details:
                        errors.append((doc, idx, "FP", {**p.to_dict(), "text": text[s["start"] : s["end"]]}))
                else:
                    used[hit] = True
                    tp += 1
            if details:
                for gi, g in enumerate(gold):
                    if not used[gi]:
                        errors.append((doc, idx, "FN", {**g, "text": text[s["start"] : s["end"]]}))
            labels = row.get("labels", {})
            for t in targets:
                g = labels.get(t, "NONE")
                gset = {"FAVOR", "AGAINST"} if g == "MIXED" else ({g} - {"NONE"})
                pset = {p.stance for p in preds if p.target == t}
                for lab in ("FAVOR", "AGAINST"):
                    if lab in gset and lab in pset:
                        lab_counts[lab][0] += 1
                    elif lab in pset:
                        lab_counts[lab][1] += 1
                    elif lab in gset:
                        lab_counts[lab][2] += 1
    precision = tp / n_pred if n_pred else 0.0
    recall = tp / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    f_fav = f1_from_counts(*lab_counts["FAVOR"])
    f_ag = f1_from_counts(*lab_counts["AGAINST"])
    out: dict[str, Any] = {
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "tp": tp,
        "n_pred": n_pred,
        "n_gold": n_gold,
        "f1_favor": f_fav,
        "f1_against": f_ag,
        "f_avg": (f_fav + f_ag) / 2,
    }
    if details:
        out["errors"] = errors
    return out


def _holder_matches(st: Any, holder: str, text: str) -> bool:
    h = holder.lower()
    if st.holder.lower() == h or h in st.holder.lower() or (st.holder and st.holder.lower() in h):
        return True
    start = text.find(holder)
    return start >= 0 and _overlap(st.holder_span, (start, start + len(holder)))


def score_probe(shared_data: str | Path, *, details: bool = False) -> dict[str, Any]:
    """Accuracy and macro-F1 (FAVOR/AGAINST/NONE) on the probe pairs (see module doc)."""
    rows = _read_jsonl(Path(shared_data) / "stance" / "probe" / "dev.jsonl")
    taggers: dict[str, StanceTagger] = {}
    gold: list[str] = []
    pred: list[str] = []
    errors = []
    for row in rows:
        target = row["target"]
        canon = next((k for k, v in EVAL_TARGETS.items() if target == k or target in v), None)
        if canon is None:
            aliases = {target: [target]}
            canon = target
        else:
            aliases = {canon: EVAL_TARGETS[canon]}
        key = json.dumps(aliases, sort_keys=True)
        if key not in taggers:
            taggers[key] = StanceTagger(aliases)
        found = taggers[key].tag(row["text"])
        labels = {
            st.stance
            for st in found
            if st.target == canon and _holder_matches(st, row["holder"], row["text"])
        }
        p = "NONE" if not labels else ("FAVOR" if labels == {"FAVOR"} else "AGAINST")
        gold.append(row["label"])
        pred.append(p)
        if p != row["label"]:
            errors.append((row["id"], row["holder"], row["target"], row["label"], p, row["text"]))
    acc = sum(g == p for g, p in zip(gold, pred, strict=False)) / len(gold) if gold else 0.0
    out: dict[str, Any] = {"accuracy": acc, "macro_f1": macro_f1(gold, pred), "n": len(gold)}
    if details:
        out["errors"] = errors
    return out


def score_newsmtsc(
    shared_data: str | Path, tagger: StanceTagger | None = None, split: str = "dev_rw"
) -> dict[str, Any]:
    """Macro-F1 of ``tagger.classify`` on NewsMTSC ``dev_rw`` or ``dev_mt``."""
    if split not in ("dev_rw", "dev_mt"):
        raise ValueError(f"split must be 'dev_rw' or 'dev_mt', not {split!r}")
    tagger = tagger if tagger is not None else StanceTagger()
    rows = _read_jsonl(Path(shared_data) / "stance" / "newsmtsc" / f"{split}.jsonl")
    gold = [r["stance"] for r in rows]
    pred = [tagger.classify(r["text"], tuple(r["target_span"])) for r in rows]
    return {
        "macro_f1": macro_f1(gold, pred),
        "accuracy": sum(g == p for g, p in zip(gold, pred, strict=False)) / len(gold) if gold else 0.0,
        "n": len(gold),
        "pred_distribution": {lab: pred.count(lab) for lab in LABELS},
    }


def evaluate_stance(shared_data: str | Path, tagger: StanceTagger | None = None) -> dict[str, Any]:
    """All stance numbers at once: ``seeds``, ``probe``, ``newsmtsc_dev_rw``, ``newsmtsc_dev_mt``."""
    return {
        "seeds": score_seeds(shared_data, tagger),
        "probe": score_probe(shared_data),
        "newsmtsc_dev_rw": score_newsmtsc(shared_data, split="dev_rw"),
        "newsmtsc_dev_mt": score_newsmtsc(shared_data, split="dev_mt"),
    }


def _main(argv: list[str]) -> None:
    data = Path(argv[1]) if len(argv) > 1 else Path(__file__).resolve().parents[3].parent / "shared" / "data"
    verbose = "-v" in argv
    seeds = score_seeds(data, details=verbose)
    errors = seeds.pop("errors", [])
    print("seeds", json.dumps({k: round(v, 4) if isinstance(v, float) else v for k, v in seeds.items()}))
    for doc, idx, kind, t in errors:
        if kind == "FP":
            triple = f"{t['holder']} -> {t['target']} {t['stance']} cue={t['cue']!r}"
            print(f"  FP {doc[:3]}/{idx} {triple} [{t['rule']}]")
            print(f"       {t['text'][:160]}")
        else:
            triple = f"{t['holder']} -> {t['target']} {t['stance']} cue={t['cue']!r}"
            print(f"  FN {doc[:3]}/{idx} {triple} ({t['confidence']})")
    probe = score_probe(data, details=verbose)
    perr = probe.pop("errors", [])
    print("probe", json.dumps({k: round(v, 4) if isinstance(v, float) else v for k, v in probe.items()}))
    for e in perr:
        print("  ", e)
    for split in ("dev_rw", "dev_mt"):
        r = score_newsmtsc(data, split=split)
        print(
            f"newsmtsc {split}",
            json.dumps({k: round(v, 4) if isinstance(v, float) else v for k, v in r.items()}),
        )


if __name__ == "__main__":
    _main(sys.argv)
