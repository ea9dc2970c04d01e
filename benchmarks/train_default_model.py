"""Train the model shipped as ``StanceClassifier.default()`` (reproducible, deterministic).

    python benchmarks/train_default_model.py [../shared/data]

Trains the default hyperparameters on the NewsMTSC train split only (dev/test untouched), writes
``crates/stancekit-core/resources/classify/newsmtsc_default.json`` with 16-bit quantized weights
and the MIT notice of NewsMTSC and VADER, and prints the dev macro-F1. Rebuild the extension
afterwards (``maturin develop``): the core embeds the file.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from stancekit.classifier import StanceClassifier
from stancekit.eval.newsmtsc import evaluate, load_newsmtsc

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "crates/stancekit-core/resources/classify/newsmtsc_default.json"

NOTICE = (
    "stancekit default stance classifier, trained by benchmarks/train_default_model.py on the "
    "NewsMTSC train split (github.com/fhamborg/NewsMTSC; Hamborg & Donnay, 'NewsMTSC: A Dataset "
    "for (Multi-)Target-dependent Sentiment Classification in Political News Articles', EACL 2021; "
    "MIT License, Copyright (c) 2020 Felix Hamborg). Labels: AGAINST = negative, FAVOR = positive, "
    "NONE = neutral portrayal of the target. Uses word valences derived from the VADER lexicon "
    "(github.com/cjhutto/vaderSentiment; MIT License, Copyright (c) 2016 C.J. Hutto). Both licenses: "
    "Permission is hereby granted, free of charge, to any person obtaining a copy of this software "
    "and associated documentation files (the 'Software'), to deal in the Software without "
    "restriction, including without limitation the rights to use, copy, modify, merge, publish, "
    "distribute, sublicense, and/or sell copies of the Software, and to permit persons to whom the "
    "Software is furnished to do so, subject to the following conditions: The above copyright "
    "notice and this permission notice shall be included in all copies or substantial portions of "
    "the Software. THE SOFTWARE IS PROVIDED 'AS IS', WITHOUT WARRANTY OF ANY KIND, EXPRESS OR "
    "IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A "
    "PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE "
    "LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR "
    "OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER "
    "DEALINGS IN THE SOFTWARE."
)


def main(data: Path) -> None:
    train = load_newsmtsc(data, "train")
    clf = StanceClassifier()
    t0 = time.perf_counter()
    clf.fit([r.text for r in train], [r.target for r in train], [r.stance for r in train])
    print(f"trained on {len(train)} rows in {time.perf_counter() - t0:.1f} s: {clf.info_}")
    clf.save(OUT, encoding="q16", notice=NOTICE)
    print(f"wrote {OUT} ({OUT.stat().st_size / 1e6:.2f} MB)")
    shipped = StanceClassifier.load(OUT)
    for split in ("dev_rw", "dev_mt"):
        print(split, evaluate(shipped, data, split).as_dict())


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "data")
