"""Train stancekit's syntax model: ``python -m stancekit.train parser TRAIN.conllu[.gz] ...``.

Reproduces the built-in model from UD English EWT train (about five minutes on two cores)::

    python -m stancekit.train parser ../shared/data/syntax/en_ewt-ud-train.conllu.gz \\
        -o en_ewt.stkm --dev ../shared/data/syntax/en_ewt-ud-dev.conllu.gz

Training is deterministic: the same treebank, word clusters and settings give the same bytes.
The file loads with ``stancekit.Parser(model="en_ewt.stkm")``. Word clusters default to those
of the built-in model (Brown clusters from the MIT-licensed spacy-lookups-data package), and so
do the known lemmas (WordNet 3.0's); ``--clusters FILE`` and ``--lemmas FILE`` give others.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from pathlib import Path

from stancekit import Parser
from stancekit._core import train_syntax_model
from stancekit.exceptions import StancekitError


def read_text(path: str) -> str:
    """A UTF-8 text file, gunzipped when its name ends in ``.gz``."""
    data = Path(path).read_bytes()
    if path.endswith(".gz"):
        data = gzip.decompress(data)
    return data.decode("utf-8")


def _gold_token_scores(model_path: str, dev_path: str) -> dict[str, float]:
    from stancekit.eval.parse import evaluate_conllu_gold_tokens

    return evaluate_conllu_gold_tokens(Parser(model=model_path), read_text(dev_path))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m stancekit.train", description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="what", required=True)
    p = sub.add_parser("parser", help="the tagger, lemmatizer and dependency parser")
    p.add_argument("train", help="CoNLL-U treebank (.conllu or .conllu.gz)")
    p.add_argument("-o", "--output", default="syntax.stkm", help="model file to write")
    p.add_argument("--dev", help="a CoNLL-U file to score the model on (gold tokenization)")
    p.add_argument(
        "--clusters",
        help="word clusters, word<TAB>cluster[<TAB>frequency] lines (default: the built-in ones)",
    )
    p.add_argument(
        "--lemmas", help="known lemmas, lemma<TAB>letters (n v a r) lines (default: the built-in ones)"
    )
    p.add_argument("--config", help="training settings as a JSON object, e.g. '{\"parser_epochs\": 10}'")
    args = ap.parse_args(argv)
    try:
        treebank = read_text(args.train)
        clusters = read_text(args.clusters) if args.clusters else None
        lemmas = read_text(args.lemmas) if args.lemmas else None
        start = time.perf_counter()
        model = train_syntax_model(treebank, clusters=clusters, lemmas=lemmas, config=args.config)
        Path(args.output).write_bytes(model)
        print(
            f"wrote {args.output} ({len(model) / 1e6:.1f} MB) in {time.perf_counter() - start:.0f} s",
            file=sys.stderr,
        )
        if args.dev:
            print(json.dumps(_gold_token_scores(args.output, args.dev), indent=2))
    except (OSError, UnicodeDecodeError, StancekitError) as exc:
        print(f"stancekit.train: {exc}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
