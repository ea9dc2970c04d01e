"""StanceClassifier vs a scikit-learn baseline on NewsMTSC: macro-F1, training time, rows/s.

    pip install scikit-learn        # benchmark-only dependency
    STANCEKIT_PARALLELISM=0 OPENBLAS_NUM_THREADS=1 python benchmarks/bench_classifier.py [../shared/data]

Both models train on NewsMTSC train and are scored on dev_rw and dev_mt (macro-F1 over
AGAINST/FAVOR/NONE). The baseline is the recipe of ANCHORS.md: TF-IDF word 1-2-grams of the
sentence (target masked) + TF-IDF of the words left/right of the target + VADER lexicon counts
around the target, logistic regression (lbfgs, C=1). Speed is one thread (stancekit's parallelism
switched off, scikit-learn single-threaded): training wall time, and prediction rows/s through
the batch API including feature extraction, on the dev rows repeated to 100k rows. Wall time and
CPU time of the process are both printed: on a shared machine the CPU figures are the stable ones.
"""

from __future__ import annotations

import re
import sys
import time
from pathlib import Path

import numpy as np
from _common import DEFAULT_DATA, machine, table

import stancekit
from stancekit import StanceClassifier
from stancekit.eval import score_labels
from stancekit.eval.newsmtsc import LABELS, Row, load_newsmtsc

WORD = re.compile(r"\w+(?:'\w+)?|[^\w\s]")
PRED_ROWS = 100_000


def load_vader(data: Path) -> dict[str, float]:
    lex = {}
    with open(data / "stance" / "lexicons" / "vader_lexicon.txt", encoding="utf-8") as f:
        for line in f:
            parts = line.split("\t")
            if len(parts) >= 2:
                lex[parts[0]] = float(parts[1])
    return lex


class SklearnBaseline:
    """TF-IDF + target windows + lexicon features, logistic regression (the ANCHORS.md recipe)."""

    def __init__(self, vader: dict[str, float], window: int = 5) -> None:
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.linear_model import LogisticRegression

        self.vader = vader
        self.window = window
        self.sent = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True, token_pattern=r"\S+")
        self.win = TfidfVectorizer(min_df=1, sublinear_tf=True, token_pattern=r"\S+")
        self.lr = LogisticRegression(C=1.0, max_iter=1000)

    def _parts(self, rows: list[tuple[str, tuple[int, int]]]) -> tuple[list[str], list[str], np.ndarray]:
        sents, wins, lex = [], [], np.zeros((len(rows), 6))
        for i, (text, (s, e)) in enumerate(rows):
            left = WORD.findall(text[:s].lower())
            right = WORD.findall(text[e:].lower())
            sents.append(" ".join([*left, "TGT", *right]))
            lw, rw = left[-self.window :], right[: self.window]
            wins.append(" ".join([*("L_" + w for w in lw), *("R_" + w for w in rw)]))
            for j, (words, near) in enumerate(((left, lw), (right, rw))):
                for w in words:
                    v = self.vader.get(w, 0.0)
                    lex[i, 3 * j + (0 if v > 0 else 1)] += abs(v) / 4
                for w in near:
                    lex[i, 3 * j + 2] += self.vader.get(w, 0.0) / 4
        return sents, wins, lex

    def _matrix(self, rows: list[tuple[str, tuple[int, int]]], fit: bool):
        from scipy.sparse import csr_matrix, hstack

        sents, wins, lex = self._parts(rows)
        if fit:
            a, b = self.sent.fit_transform(sents), self.win.fit_transform(wins)
        else:
            a, b = self.sent.transform(sents), self.win.transform(wins)
        return hstack([a, b, csr_matrix(lex)]).tocsr()

    def fit(self, rows: list[tuple[str, tuple[int, int]]], y: list[str]) -> SklearnBaseline:
        self.lr.fit(self._matrix(rows, fit=True), y)
        return self

    def predict(self, rows: list[tuple[str, tuple[int, int]]]) -> np.ndarray:
        return self.lr.predict(self._matrix(rows, fit=False))


def pairs(rows: list[Row]) -> list[tuple[str, tuple[int, int]]]:
    return [(r.text, r.target) for r in rows]


def timed(fn):
    """Result, wall seconds and CPU seconds of this process (robust when the machine is shared)."""
    t0, c0 = time.perf_counter(), time.process_time()
    out = fn()
    return out, time.perf_counter() - t0, time.process_time() - c0


def main(data: Path) -> None:
    stancekit.set_parallelism(False)
    train = load_newsmtsc(data, "train")
    devs = {s: load_newsmtsc(data, s) for s in ("dev_rw", "dev_mt")}
    X, y = pairs(train), [r.stance for r in train]
    dev_all = [p for rows in devs.values() for p in pairs(rows)]
    big = (dev_all * (PRED_ROWS // len(dev_all) + 1))[:PRED_ROWS]

    results = {}
    ours, t_ours, c_ours = timed(lambda: StanceClassifier().fit(X, y))
    ours.predict(big[:1000])  # warm the per-thread caches
    _, p_ours, pc_ours = timed(lambda: ours.predict(big))
    results["stancekit StanceClassifier"] = (
        ours.predict,
        (t_ours, c_ours),
        (PRED_ROWS / p_ours, PRED_ROWS / pc_ours),
    )

    try:
        base = SklearnBaseline(load_vader(data))
    except ImportError:
        print("scikit-learn is not installed: pip install scikit-learn (benchmark-only)")
        base = None
    if base is not None:
        fitted, t_base, c_base = timed(lambda: base.fit(X, y))
        n_base = PRED_ROWS // 5  # slower: time a fifth of the rows
        _, p_base, pc_base = timed(lambda: fitted.predict(big[:n_base]))
        results["scikit-learn TF-IDF + windows + VADER, LR"] = (
            fitted.predict,
            (t_base, c_base),
            (n_base / p_base, n_base / pc_base),
        )

    rows = []
    scores = {}
    for name, (predict, t_train, rate) in results.items():
        f1 = {
            s: 100
            * score_labels([r.stance for r in rs], [str(p) for p in predict(pairs(rs))], LABELS).macro_f1
            for s, rs in devs.items()
        }
        scores[name] = (f1, t_train, rate)
        rows.append(
            [
                name,
                f1["dev_rw"],
                f1["dev_mt"],
                f"{t_train[0]:.2f} ({t_train[1]:.2f})",
                f"{rate[0]:,.0f} ({rate[1]:,.0f})",
            ]
        )
    print(f"NewsMTSC, train {len(train)} rows; one thread; {machine()}")
    print(
        table(
            ["model", "dev_rw F1m", "dev_mt F1m", "train s wall (cpu)", "predict rows/s wall (per cpu s)"],
            rows,
        )
    )
    if len(scores) == 2:
        (f_a, t_a, r_a), (f_b, t_b, r_b) = scores.values()
        print(
            f"\nstancekit / scikit-learn: dev_rw F1 {f_a['dev_rw'] - f_b['dev_rw']:+.1f} pts, "
            f"dev_mt F1 {f_a['dev_mt'] - f_b['dev_mt']:+.1f} pts, training {t_b[1] / t_a[1]:.1f}x faster, "
            f"prediction {r_a[1] / r_b[1]:.1f}x faster (CPU time)"
        )


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_DATA)
