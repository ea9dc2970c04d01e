"""Pictures of stance for reports: a holder × target matrix and a holder → target network.

matplotlib is optional (``pip install 'stancekit[plot]'``) and imported when a function is called.
Both functions accept a stances frame (from :func:`stancekit.pandas.stances`) or its
:func:`stancekit.summarize` table, draw on ``ax`` (a new figure when omitted) and return the Axes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from stancekit._deps import require
from stancekit.exceptions import ArgumentError
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


def _top_holders(totals: dict[str, int], limit: int) -> tuple[list[str], int]:
    """The ``limit`` holders with the most triples (most first) and how many holders there are."""
    order = sorted(totals, key=lambda h: (-totals[h], h))
    return order[:limit], len(order)


def _shown(top: list[str], total: int) -> str:
    return f" (top {len(top)} of {total} holders)" if len(top) < total else ""


def stance_matrix(data: pd.DataFrame, *, ax: Axes | None = None, max_holders: int = 25) -> Axes:
    """Heat map of net stance (FAVOR − AGAINST) per holder (rows) and target (columns).

    Each cell is annotated ``+favor/−against``; the ``max_holders`` holders with the most
    triples are shown, and the title says so when there are more.
    """
    summary = _summary(data).reset_index()
    if summary.empty:
        raise ArgumentError("no stance triples to plot")
    totals = {str(h): int(n) for h, n in summary.groupby("holder")["total"].sum().items()}
    top, n_holders = _top_holders(totals, max_holders)
    summary = summary[summary["holder"].isin(top)]
    net = summary.pivot_table(index="holder", columns="target", values="net", aggfunc="sum", fill_value=0)
    net = net.loc[[h for h in top if h in net.index]]
    favor = summary.pivot_table(index="holder", columns="target", values="FAVOR", aggfunc="sum", fill_value=0)
    against = summary.pivot_table(
        index="holder", columns="target", values="AGAINST", aggfunc="sum", fill_value=0
    )
    ax = _axes(ax, (2.6 + 1.3 * net.shape[1], 1.4 + 0.38 * net.shape[0]))
    limit = max(1, int(abs(net.to_numpy()).max()))
    image = ax.imshow(net.to_numpy(), cmap="RdYlGn", vmin=-limit, vmax=limit, aspect="auto")
    ax.set_xticks(range(net.shape[1]), labels=list(net.columns), rotation=30, ha="right")
    ax.set_yticks(range(net.shape[0]), labels=list(net.index))
    for i, holder in enumerate(net.index):
        for j, target in enumerate(net.columns):
            f, a = int(favor.loc[holder, target]), int(against.loc[holder, target])
            if f or a:
                ax.text(j, i, f"+{f}/−{a}", ha="center", va="center", fontsize=8)
    ax.set_xlabel("target")
    ax.set_ylabel("holder")
    ax.set_title("Stance: net FAVOR − AGAINST" + _shown(top, n_holders))
    ax.figure.colorbar(image, ax=ax, label="net stance")
    ax.figure.tight_layout()
    return ax


def _rows(names: list[str]) -> dict[str, float]:
    """Evenly spaced heights from the top (1) to the bottom (0) of a column, in order."""
    if len(names) == 1:
        return {names[0]: 0.5}
    return {name: 1 - i / (len(names) - 1) for i, name in enumerate(names)}


def _fit_labels(ax: Axes, labels: list[Any]) -> None:
    """Set the x limits so that every label, anchored at x = 0 (holders) or x = 1 (targets),
    lies inside the axes: label widths are fixed in points, so the margins are solved for."""
    figure = ax.figure
    figure.canvas.draw()
    renderer = figure.canvas.get_renderer()  # type: ignore[attr-defined]
    width = ax.get_window_extent(renderer).width
    left = right = 0.0  # widest overhang, as a fraction of the axes, left of 0 and right of 1
    for label in labels:
        anchor_x, anchor_y = label.xy if hasattr(label, "xy") else label.get_position()
        anchor = ax.transData.transform((anchor_x, anchor_y))[0]
        box = label.get_window_extent(renderer=renderer)
        if anchor_x <= 0.5:
            left = max(left, (anchor - box.x0 + 6) / width)
        else:
            right = max(right, (box.x1 - anchor + 6) / width)
    span = 1 / max(1 - left - right, 0.2)
    ax.set_xlim(-left * span, 1 + right * span)


def stance_network(
    data: pd.DataFrame, *, ax: Axes | None = None, min_count: int = 1, max_holders: int = 40
) -> Axes:
    """Who favours or opposes whom: holders in a column on the left, targets on the right, an
    arrow per (holder, target, stance).

    Green arrows are FAVOR, red AGAINST; width grows with the number of triples. Arrows into a
    target fan in along a bar, and holders are ordered by the targets they address, so arrows
    cross little; a name that is both holder and target appears in both columns. Pairs
    with fewer than ``min_count`` triples are left out; the ``max_holders`` holders with the most
    triples are shown, and the title says so when there are more.
    """
    summary = _summary(data).reset_index()
    edges: list[tuple[str, str, str, int]] = []
    for row in summary.itertuples(index=False):
        for label in ("FAVOR", "AGAINST"):
            count = int(getattr(row, label))
            if count >= min_count:
                edges.append((str(row.holder), str(row.target), label, count))
    if not edges:
        raise ArgumentError("no stance triples to plot")
    totals: dict[str, int] = {}
    for holder, _, _, count in edges:
        totals[holder] = totals.get(holder, 0) + count
    top, n_holders = _top_holders(totals, max_holders)
    edges = [e for e in edges if e[0] in top]
    target_totals: dict[str, int] = {}
    for _, target, _, count in edges:
        target_totals[target] = target_totals.get(target, 0) + count
    targets = sorted(target_totals, key=lambda t: (-target_totals[t], t))
    target_y = _rows(targets)
    # Each holder sits at the count-weighted mean height of its targets (fewer crossings).
    weight: dict[str, float] = {}
    mass: dict[str, int] = {}
    for holder, target, _, count in edges:
        weight[holder] = weight.get(holder, 0.0) + count * target_y[target]
        mass[holder] = mass.get(holder, 0) + count
    holders = sorted(mass, key=lambda h: (-weight[h] / mass[h], -mass[h], h))
    holder_y = _rows(holders)

    rows = max(len(holders), len(targets))
    font = 10 if rows <= 15 else 8 if rows <= 30 else 6.5
    ax = _axes(ax, (10, max(4.0, 1.5 + 0.28 * rows)))
    # Arrows into a target fan in along a bar instead of meeting in one point: in the order of
    # their holders' heights, over 60% of the space between two targets.
    spacing = 1 / (len(targets) - 1) if len(targets) > 1 else 0.5
    arrivals: dict[tuple[str, str, str], float] = {}
    for target in targets:
        incoming = sorted((e for e in edges if e[1] == target), key=lambda e: (-holder_y[e[0]], e[2]))
        half = 0.3 * spacing * (len(incoming) - 1) / max(len(incoming), 1)
        for i, (holder, _, label, _) in enumerate(incoming):
            offset = half - 2 * half * i / (len(incoming) - 1) if len(incoming) > 1 else 0.0
            arrivals[(holder, target, label)] = target_y[target] + offset
        ax.plot([1, 1], [target_y[target] - half, target_y[target] + half], color="#333333", lw=4,
                solid_capstyle="round", zorder=3)  # fmt: skip
    widest = max(e[3] for e in edges)
    dense = len(edges) > 60
    for holder, target, label, count in edges:
        ax.annotate(
            "",
            xy=(1, arrivals[(holder, target, label)]),
            xytext=(0, holder_y[holder]),
            arrowprops={
                "arrowstyle": "-|>",
                "mutation_scale": 8 if dense else 11,
                "color": FAVOR_COLOR if label == "FAVOR" else AGAINST_COLOR,
                "lw": (0.7 if dense else 1.2) + 2.8 * (count - 1) / max(widest - 1, 1),
                "alpha": 0.55 if dense else 0.75,
                "shrinkA": 4,
                "shrinkB": 4,
            },
        )
    ax.scatter([0] * len(holders), [holder_y[h] for h in holders], s=24, color="#777777", zorder=3)
    ax.scatter([1] * len(targets), [target_y[t] for t in targets], s=30, color="#333333", zorder=3)
    labels: list[Any] = [
        ax.annotate(h, (0, holder_y[h]), xytext=(-8, 0), textcoords="offset points", ha="right", va="center",
                    fontsize=font)
        for h in holders
    ] + [
        ax.annotate(t, (1, target_y[t]), xytext=(9, 0), textcoords="offset points", ha="left", va="center",
                    fontsize=font, fontweight="bold")
        for t in targets
    ]  # fmt: skip
    fan = 0.3 * spacing  # the largest half-bar
    top_y = 1.0 + max(fan, 0.5 / rows) + 0.4 / rows
    for x, heading in ((0, "holders"), (1, "targets")):
        labels.append(ax.text(x, top_y, heading, ha="center", va="bottom", fontsize=font + 1, style="italic"))
    ax.plot([], [], color=FAVOR_COLOR, label="FAVOR")
    ax.plot([], [], color=AGAINST_COLOR, label="AGAINST")
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.01), ncol=2, frameon=False, fontsize=font)
    ax.set_ylim(-max(fan, 0.5 / rows) - 0.02, top_y + 1.2 / rows + 0.02)
    ax.set_xlim(-0.05, 1.05)
    ax.set_axis_off()
    ax.set_title("Who favours or opposes whom" + _shown(top, n_holders))
    ax.figure.tight_layout()
    _fit_labels(ax, labels)
    return ax
