"""Pictures of stance for reports: a holder × target matrix and a holder → target network.

matplotlib is optional (``pip install 'stancekit[plot]'``) and imported when a function is called.
Both functions accept a stances frame (from :func:`stancekit.pandas.stances`) or its
:func:`stancekit.summarize` table, draw on ``ax`` (a new figure when omitted) and return the Axes.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from stancekit._deps import require
from stancekit.summary import summarize

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.axes import Axes

__all__ = ["stance_matrix", "stance_network"]

FAVOR_COLOR = "#1b7837"
AGAINST_COLOR = "#b2182b"


def _summary(data: pd.DataFrame) -> pd.DataFrame:
    if {"FAVOR", "AGAINST"} <= set(data.columns):
        return data
    return summarize(data)


def _axes(ax: Axes | None, size: tuple[float, float]) -> Axes:
    if ax is not None:
        return ax
    plt = require("matplotlib.pyplot", "plot")
    _, new_ax = plt.subplots(figsize=size)
    return new_ax  # type: ignore[no-any-return]


def stance_matrix(data: pd.DataFrame, *, ax: Axes | None = None, max_holders: int = 25) -> Axes:
    """Heat map of net stance (FAVOR − AGAINST) per holder (rows) and target (columns).

    Each cell is annotated ``+favor/−against``; the ``max_holders`` holders with the most
    triples are shown.
    """
    summary = _summary(data).reset_index()
    if summary.empty:
        raise ValueError("no stance triples to plot")
    top = summary.groupby("holder")["total"].sum().sort_values(ascending=False).index[:max_holders]
    summary = summary[summary["holder"].isin(top)]
    net = summary.pivot_table(index="holder", columns="target", values="net", aggfunc="sum", fill_value=0)
    net = net.loc[[h for h in top if h in net.index]]
    favor = summary.pivot_table(index="holder", columns="target", values="FAVOR", aggfunc="sum", fill_value=0)
    against = summary.pivot_table(
        index="holder", columns="target", values="AGAINST", aggfunc="sum", fill_value=0
    )
    ax = _axes(ax, (1.8 + 1.6 * net.shape[1], 1.2 + 0.45 * net.shape[0]))
    limit = max(1, int(abs(net.to_numpy()).max()))
    image = ax.imshow(net.to_numpy(), cmap="RdYlGn", vmin=-limit, vmax=limit, aspect="auto")
    ax.set_xticks(range(net.shape[1]), labels=list(net.columns), rotation=20, ha="right")
    ax.set_yticks(range(net.shape[0]), labels=list(net.index))
    for i, holder in enumerate(net.index):
        for j, target in enumerate(net.columns):
            f, a = int(favor.loc[holder, target]), int(against.loc[holder, target])
            if f or a:
                ax.text(j, i, f"+{f}/−{a}", ha="center", va="center", fontsize=8)
    ax.set_xlabel("target")
    ax.set_ylabel("holder")
    ax.set_title("Stance: net FAVOR − AGAINST")
    ax.figure.colorbar(image, ax=ax, label="net stance")
    ax.figure.tight_layout()
    return ax


def stance_network(data: pd.DataFrame, *, ax: Axes | None = None, min_count: int = 1) -> Axes:
    """Directed network: holders and targets on a circle, an arrow per (holder, target, stance).

    Green arrows are FAVOR, red AGAINST; width grows with the number of triples. Pairs with
    fewer than ``min_count`` triples are left out.
    """
    summary = _summary(data).reset_index()
    edges: list[tuple[str, str, str, int]] = []
    for row in summary.itertuples(index=False):
        for label in ("FAVOR", "AGAINST"):
            count = int(getattr(row, label))
            if count >= min_count:
                edges.append((str(row.holder), str(row.target), label, count))
    if not edges:
        raise ValueError("no stance triples to plot")
    nodes = list(dict.fromkeys([e[1] for e in edges] + [e[0] for e in edges]))
    position = {
        n: (math.cos(2 * math.pi * k / len(nodes)), math.sin(2 * math.pi * k / len(nodes)))
        for k, n in enumerate(nodes)
    }
    targets = {e[1] for e in edges}
    ax = _axes(ax, (9, 9))
    widest = max(e[3] for e in edges)
    for holder, target, label, count in edges:
        (x0, y0), (x1, y1) = position[holder], position[target]
        bend = 0.15 if label == "FAVOR" else -0.15
        ax.annotate(
            "",
            xy=(x1, y1),
            xytext=(x0, y0),
            arrowprops={
                "arrowstyle": "-|>",
                "color": FAVOR_COLOR if label == "FAVOR" else AGAINST_COLOR,
                "lw": 0.8 + 3.2 * count / widest,
                "alpha": 0.75,
                "shrinkA": 12,
                "shrinkB": 12,
                "connectionstyle": f"arc3,rad={bend}",
            },
        )
    for node, (x, y) in position.items():
        ax.scatter(
            [x], [y], s=260 if node in targets else 120, color="#333333" if node in targets else "#888888"
        )
        ax.annotate(
            node, (x, y), xytext=(8 * x, 8 * y), textcoords="offset points", ha="left" if x >= 0 else "right"
        )
    ax.plot([], [], color=FAVOR_COLOR, label="FAVOR")
    ax.plot([], [], color=AGAINST_COLOR, label="AGAINST")
    ax.legend(loc="lower right")
    ax.set_xlim(-1.6, 1.6)
    ax.set_ylim(-1.4, 1.4)
    ax.set_axis_off()
    ax.set_title("Who favours or opposes whom")
    return ax
