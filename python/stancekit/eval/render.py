"""How a :class:`~stancekit.eval.StanceReport` shows itself: plain text, HTML and a heat map."""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import TYPE_CHECKING

from stancekit._deps import require
from stancekit.eval.gold import LABELS
from stancekit.eval.metrics import PRF

if TYPE_CHECKING:
    from matplotlib.axes import Axes

    from stancekit.eval.stance import StanceReport

PRF_HEADER = ["P", "R", "F1", "tp", "predicted", "gold"]


def _prf_cells(prf: PRF) -> list[str]:
    return [
        f"{prf.precision:.3f}",
        f"{prf.recall:.3f}",
        f"{prf.f1:.3f}",
        str(prf.tp),
        str(prf.predicted),
        str(prf.gold),
    ]


def _table(rows: Sequence[Sequence[str]]) -> str:
    """Left-aligned first column, right-aligned others, a rule under the header."""
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = [
        "  ".join(
            c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(row, widths, strict=True))
        )
        for row in rows
    ]
    lines.insert(1, "-" * max(len(line) for line in lines))
    return "\n".join(line.rstrip() for line in lines)


def headline(report: StanceReport) -> list[str]:
    """The figures, one per line."""
    t = report.triples
    clear = report.confidence_recall.get("clear")
    lines = [
        f"triples ({report.holder_match} holders): P {t.precision:.3f}  R {t.recall:.3f}  F1 {t.f1:.3f}"
        f"  (matched {t.tp}, predicted {t.predicted}, gold {t.gold})",
    ]
    if clear is not None:
        lines.append(f"clear-triple recall: {report.clear_recall:.3f} ({clear[0]}/{clear[1]})")
    favor, against = report.sentence_labels["FAVOR"], report.sentence_labels["AGAINST"]
    lines.append(f"sentence F_avg: {report.f_avg:.3f} (F1 FAVOR {favor.f1:.3f}, AGAINST {against.f1:.3f})")
    return lines


def report_text(report: StanceReport, *, errors: int = 10) -> str:
    where = f" {report.source}" if report.source else ""
    parts = [
        f"stance report{where}: {report.n_documents} documents, {report.n_sentences} sentences scored",
        "\n".join(headline(report)),
        _table([["target", *PRF_HEADER], *([k, *_prf_cells(v)] for k, v in report.by_target.items())]),
        _table([["stance", *PRF_HEADER], *([k, *_prf_cells(v)] for k, v in report.by_stance.items())]),
        "sentence labels (rows: gold, columns: predicted)\n"
        + _table([["", *LABELS], *([g, *(str(report.confusion[g][p]) for p in LABELS)] for g in LABELS)]),
    ]
    shown = report.error_records[: max(errors, 0)]
    if shown:
        total = len(report.error_records)
        parts.append(
            f"{len(shown)} worst of {total} errors (most frequent patterns first):\n"
            + "\n".join(f"  {e.describe()}" for e in shown)
        )
    return "\n\n".join(parts)


def _html_table(header: Sequence[str], rows: Sequence[Sequence[str]], caption: str) -> str:
    head = "".join(f"<th>{html.escape(h)}</th>" for h in header)
    body = "".join("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in row) + "</tr>" for row in rows)
    return (
        f"<table><caption style='text-align:left'>{html.escape(caption)}</caption>"
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
    )


def report_html(report: StanceReport, *, errors: int = 10) -> str:
    figures = "".join(f"<li>{html.escape(line)}</li>" for line in headline(report))
    title = html.escape(f"stance report {report.source}".strip())
    tables = [
        _html_table(
            ["", *PRF_HEADER],
            [["all", *_prf_cells(report.triples)]]
            + [[k, *_prf_cells(v)] for k, v in report.by_target.items()]
            + [[k, *_prf_cells(v)] for k, v in report.by_stance.items()],
            "triples: overall, per target, per stance",
        ),
        _html_table(
            ["gold \\ predicted", *LABELS],
            [[g, *(str(report.confusion[g][p]) for p in LABELS)] for g in LABELS],
            "sentence labels",
        ),
    ]
    worst = report.error_records[:errors]
    if worst:
        tables.append(
            _html_table(
                ["kind", "error", "pattern (count)", "triple", "cue", "where", "sentence"],
                [
                    [
                        e.kind,
                        e.error,
                        f"{e.pattern} ({e.pattern_count})",
                        f"{e.holder} → {e.target} {e.stance}",
                        e.cue or "",
                        f"{e.doc}#{e.sentence}",
                        e.sentence_text,
                    ]
                    for e in worst
                ],
                f"{len(worst)} worst of {len(report.error_records)} errors",
            )
        )
    return f"<div><strong>{title}</strong><ul>{figures}</ul>{''.join(tables)}</div>"


def plot_confusion(report: StanceReport, *, ax: Axes | None = None, normalize: bool = False) -> Axes:
    """Gold (rows) × predicted (columns) sentence labels; cells annotated with counts (or shares).

    The colour is the cell's share of its gold row, so the small rows stay readable next to NONE.
    """
    if ax is None:
        plt = require("matplotlib.pyplot", "plot")
        _, ax = plt.subplots(figsize=(5.2, 4.4))
    assert ax is not None
    counts = [[report.confusion[g][p] for p in LABELS] for g in LABELS]
    shares = [[c / max(sum(row), 1) for c in row] for row in counts]
    image = ax.imshow(shares, cmap="Blues", vmin=0, vmax=1)
    for i, row in enumerate(shares):
        for j, share in enumerate(row):
            label = f"{share:.2f}" if normalize else str(counts[i][j])
            ax.text(j, i, label, ha="center", va="center", color="white" if share > 0.5 else "black")
    ax.set_xticks(range(len(LABELS)), labels=list(LABELS))
    ax.set_yticks(range(len(LABELS)), labels=list(LABELS))
    ax.set_xlabel("predicted")
    ax.set_ylabel("gold")
    ax.set_title(f"sentence labels, F_avg {report.f_avg:.3f}")
    ax.figure.colorbar(image, ax=ax, fraction=0.046, pad=0.04, label="share of the gold row")
    return ax
