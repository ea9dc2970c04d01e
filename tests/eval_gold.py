"""A small hand-made gold folder and hand-made predictions with known counts (tests of stancekit.eval).

Document ``a.txt`` (targets Ana Rivera, Marco Lopez)::

    s0 "Brazil backs Rivera."                      gold: Brazil FAVOR Rivera (clear)
    s1 "Lopez criticised Rivera on Monday."       gold: Marco Lopez AGAINST Rivera (hard)
    s2 "The weather was mild."                     gold: nothing
    s3 "Lopez praised and later attacked Rivera."  gold: Marco Lopez FAVOR and AGAINST Rivera (clear, MIXED)

Document ``b.txt``::

    s0 "Chile and Peru support Lopez."             gold: Chile, Peru FAVOR Lopez (clear)
    s1 the same sentence again                     duplicate_of 0 (not scored)

The predictions (:func:`predictions`) and what they score are listed in ``EXPECTED``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from stancekit import Stance

TARGETS = {"Ana Rivera": ["Rivera"], "Marco Lopez": ["Lopez"]}
DOC_A = (
    "Brazil backs Rivera. Lopez criticised Rivera on Monday.\n"
    "The weather was mild. Lopez praised and later attacked Rivera.\n"
)
DOC_B = "Chile and Peru support Lopez.\n\nChile and Peru support Lopez.\n"
TEXTS = {"a.txt": DOC_A, "b.txt": DOC_B}


def span(text: str, part: str, after: int = 0) -> list[int]:
    start = text.index(part, after)
    return [start, start + len(part)]


def sentence_spans(text: str) -> list[list[int]]:
    """The sentences of the two documents: each ends at a period."""
    spans, start = [], 0
    while True:
        while start < len(text) and text[start].isspace():
            start += 1
        if start >= len(text):
            return spans
        end = text.index(".", start) + 1
        spans.append([start, end])
        start = end


def triple(
    text: str,
    holder: str,
    holder_text: str | None,
    target: str,
    stance: str,
    cue: str,
    confidence: str,
    after: int,
) -> dict[str, Any]:
    return {
        "holder": holder,
        "holder_span": span(text, holder_text, after) if holder_text else None,
        "target": target,
        "stance": stance,
        "cue": cue,
        "cue_span": span(text, cue, after),
        "confidence": confidence,
    }


def gold_rows() -> dict[str, list[dict[str, Any]]]:
    """doc → one record per sentence: span, triples, duplicate_of."""
    a, b = sentence_spans(DOC_A), sentence_spans(DOC_B)
    rows_a = [
        [triple(DOC_A, "Brazil", "Brazil", "Ana Rivera", "FAVOR", "backs", "clear", a[0][0])],
        [triple(DOC_A, "Marco Lopez", "Lopez", "Ana Rivera", "AGAINST", "criticised", "hard", a[1][0])],
        [],
        [
            triple(DOC_A, "Marco Lopez", "Lopez", "Ana Rivera", "FAVOR", "praised", "clear", a[3][0]),
            triple(DOC_A, "Marco Lopez", "Lopez", "Ana Rivera", "AGAINST", "attacked", "clear", a[3][0]),
        ],
    ]
    chile_peru = [
        triple(DOC_B, "Chile", "Chile", "Marco Lopez", "FAVOR", "support", "clear", b[0][0]),
        triple(DOC_B, "Peru", "Peru", "Marco Lopez", "FAVOR", "support", "clear", b[0][0]),
    ]
    chile_peru_again = [
        triple(DOC_B, "Chile", "Chile", "Marco Lopez", "FAVOR", "support", "clear", b[1][0]),
        triple(DOC_B, "Peru", "Peru", "Marco Lopez", "FAVOR", "support", "clear", b[1][0]),
    ]
    return {
        "a.txt": [{"span": s, "triples": t, "duplicate_of": None} for s, t in zip(a, rows_a, strict=True)],
        "b.txt": [
            {"span": b[0], "triples": chile_peru, "duplicate_of": None},
            {"span": b[1], "triples": chile_peru_again, "duplicate_of": 0},
        ],
    }


def write_gold(root: Path, *, with_sentences: bool = True, with_targets: bool = True) -> Path:
    """The folder form of the hand-made gold under ``root``."""
    (root / "docs").mkdir(parents=True)
    for name, text in TEXTS.items():
        (root / "docs" / name).write_text(text, encoding="utf-8")
    if with_targets:
        (root / "targets.json").write_text(json.dumps(TARGETS), encoding="utf-8")
    sentences, stance = [], []
    for doc, rows in gold_rows().items():
        text = TEXTS[doc]
        sentences.append(
            {
                "doc": doc,
                "sentences": [
                    {
                        "start": r["span"][0],
                        "end": r["span"][1],
                        "text": text[r["span"][0] : r["span"][1]],
                        "boilerplate": False,
                        "duplicate_of": r["duplicate_of"],
                    }
                    for r in rows
                ],
            }
        )
        for index, r in enumerate(rows):
            if not with_sentences and r["duplicate_of"] is not None:
                continue
            stance.append(
                {
                    "doc": doc,
                    "sent_index": index,
                    "text": text[r["span"][0] : r["span"][1]],
                    "triples": r["triples"],
                }
            )
    if with_sentences:
        lines = [json.dumps(s) for s in sentences]
        (root / "sentences.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (root / "stance.jsonl").write_text("\n".join(json.dumps(s) for s in stance) + "\n", encoding="utf-8")
    return root


def stance(
    text: str, holder: str, holder_text: str, target: str, polarity: str, cue: str, after: int
) -> Stance:
    h, c = span(text, holder_text, after), span(text, cue, after)
    return Stance(
        holder, (h[0], h[1]), target, None, polarity, cue, (c[0], c[1]), (after, c[1]), 0.9, "verb:test+x"
    )


def predictions() -> dict[str, list[Stance]]:
    """Hand-made predictions for the hand-made gold (see ``EXPECTED``)."""
    a, b = sentence_spans(DOC_A), sentence_spans(DOC_B)
    return {
        "a.txt": [
            stance(DOC_A, "Brazil", "Brazil", "Ana Rivera", "FAVOR", "backs", a[0][0]),  # TP
            stance(
                DOC_A, "Brazil", "Brazil", "Ana Rivera", "FAVOR", "Rivera", a[0][0]
            ),  # the same triple: once
            stance(
                DOC_A, "Marco Lopez", "Lopez", "Ana Rivera", "FAVOR", "criticised", a[1][0]
            ),  # wrong stance
            stance(
                DOC_A, "Brazil", "Brazil", "Mars", "AGAINST", "backs", a[0][0]
            ),  # not a gold target: ignored
            stance(
                DOC_A, "Marco Lopez", "Lopez", "Ana Rivera", "AGAINST", "attacked", a[3][0]
            ),  # TP; FAVOR missed
        ],
        "b.txt": [
            stance(DOC_B, "Chile", "Chile", "Marco Lopez", "FAVOR", "support", b[0][0]),  # TP
            stance(
                DOC_B, "Peruvian government", "Peru", "Marco Lopez", "FAVOR", "support", b[0][0]
            ),  # TP if lenient
            stance(
                DOC_B, "Chile", "Chile", "Marco Lopez", "FAVOR", "support", b[1][0]
            ),  # duplicate sentence: skipped
        ],
    }


# Counts worked out by hand from the lists above.
EXPECTED = {
    "triples": (4, 5, 6),  # tp, predicted, gold
    "Ana Rivera": (2, 3, 4),
    "Marco Lopez": (2, 2, 2),
    "FAVOR": (3, 4, 4),
    "AGAINST": (1, 1, 2),
    "clear": (4, 5),  # found, gold
    "hard": (0, 1),
    # Sentence labels over 5 scored sentences x 2 targets; MIXED counts as both.
    "label FAVOR": (2, 3, 3),
    "label AGAINST": (1, 1, 2),
    "confusion": {
        ("FAVOR", "FAVOR"): 2,
        ("AGAINST", "FAVOR"): 1,
        ("MIXED", "AGAINST"): 1,
        ("NONE", "NONE"): 6,
    },
    "exact triples": (3, 5, 6),
}
