"""``stancekit eval GOLD``: tag a gold sample with a tagger of its targets and print the report.

GOLD is a gold folder or CSV file (:mod:`stancekit.eval.gold`). ``--format table`` (default)
prints the figures, per-target and per-stance tables, the sentence-label confusion table and the
worst errors; ``--format json`` prints :meth:`StanceReport.to_dict`. With ``--min-f1`` or
``--min-precision`` the exit status is 1 when a score is under its floor (the report is printed
first); invalid gold ends with a one-line message and exit status 2.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import TextIO

from stancekit import STANCE_ENGINES, StanceTagger
from stancekit.eval.gold import load_gold
from stancekit.eval.stance import score_stances
from stancekit.testing import assert_quality

__all__ = ["DESCRIPTION", "HELP", "configure_eval", "run_eval"]


def _fraction(value: str) -> float:
    try:
        number = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a number") from None
    if not 0.0 <= number <= 1.0:
        raise argparse.ArgumentTypeError(f"{value} is not a fraction between 0 and 1")
    return number


HELP = "score the stance tagger on your own gold (folder or CSV)"
DESCRIPTION = (
    "Tag the documents of GOLD with a stance tagger of its targets and print how the triples "
    "match the gold: precision, recall and F1 (overall, per target, per stance), recall on "
    "clear triples, sentence-level F_avg, the confusion of sentence labels and the worst errors. "
    "Exit status 1 when a score is under --min-f1 or --min-precision, 2 for invalid gold."
)


def configure_eval(p: argparse.ArgumentParser) -> None:
    """Add the ``eval`` subcommand's arguments to its parser."""
    p.add_argument("gold", metavar="GOLD", help="gold folder (docs/, stance.jsonl...) or CSV file")
    p.add_argument("--targets", metavar="targets.json", help="targets and aliases; default: the gold's own")
    p.add_argument("--docs", metavar="FOLDER", help="document texts of a CSV gold (default: docs/ beside it)")
    p.add_argument("--format", choices=["table", "json"], default="table", help="default: table")
    p.add_argument("--holder-match", choices=["lenient", "exact"], default="lenient", help="default: lenient")
    p.add_argument("--min-f1", type=_fraction, metavar="X", help="exit 1 when triple F1 < X (0..1)")
    p.add_argument("--min-precision", type=_fraction, metavar="X", help="exit 1 when triple precision < X")
    p.add_argument("--errors", type=int, default=10, metavar="N", help="worst errors shown (default 10)")
    p.add_argument("--classifier", action="store_true", help="re-score triples with the default classifier")
    p.add_argument("--engine", choices=STANCE_ENGINES, default="combined", help="default: combined")


def run_eval(args: argparse.Namespace, out: TextIO) -> None:
    """Score, print, and exit with status 1 (``SystemExit``) when a floor is not met."""
    gold = load_gold(args.gold, targets=args.targets, docs=args.docs)
    tagger = StanceTagger(
        {name: list(aliases) for name, aliases in gold.targets.items()},
        classifier="default" if args.classifier else None,
        engine=args.engine,
    )
    report = score_stances(gold.tag(tagger), gold, holder_match=args.holder_match)
    if args.format == "json":
        out.write(json.dumps(report.to_dict(errors=args.errors), ensure_ascii=False, indent=2) + "\n")
    else:
        out.write(report.to_text(errors=args.errors) + "\n")
    try:
        assert_quality(report, min_f1=args.min_f1, min_precision=args.min_precision, errors=0)
    except AssertionError as exc:
        out.flush()
        print(f"stancekit eval: {str(exc).splitlines()[0]}", file=sys.stderr)
        raise SystemExit(1) from None
