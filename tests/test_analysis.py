"""Notebook-side helpers: the .stance accessor, summarize, plots (rendered to PNG), progress, Dask."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

import stancekit
from stancekit import pandas as skpd
from stancekit.summary import summarize

pd = pytest.importorskip("pandas")

TRIPLES = pd.DataFrame(
    {
        "holder": ["Russia", "Russia", "United States", "United States", "Cuba"],
        "target": ["Nicolas Maduro", "Nicolas Maduro", "Nicolas Maduro", "Juan Guaido", "Nicolas Maduro"],
        "stance": ["FAVOR", "FAVOR", "AGAINST", "FAVOR", "FAVOR"],
        "sentence": [
            "Moscow backs Maduro.",
            "Russia stands by Maduro.",
            "The US sanctions Maduro.",
            "The US backs Guaido.",
            "Cuba backs Maduro.",
        ],
    }
)


def test_accessor_matches_functions() -> None:
    series = pd.Series({"x": "One. Two.", "y": None, "z": "Three"})
    pd.testing.assert_frame_equal(series.stance.sentences(), skpd.sentences(series))
    pd.testing.assert_frame_equal(series.stance.tokens(), skpd.tokens(series))


def test_summarize_counts_and_examples() -> None:
    table = summarize(TRIPLES, examples=2)
    assert table.index.names == ["holder", "target"]
    row = table.loc[("Russia", "Nicolas Maduro")]
    assert (row["FAVOR"], row["AGAINST"], row["total"], row["net"]) == (2, 0, 2, 2)
    assert row["example_favor"] == "Moscow backs Maduro.\nRussia stands by Maduro."
    assert table.loc[("United States", "Nicolas Maduro"), "example_against"] == "The US sanctions Maduro."
    assert list(table["total"]) == sorted(table["total"], reverse=True)
    with pytest.raises(ValueError, match="missing"):
        summarize(TRIPLES.drop(columns="stance"))


def test_summarize_empty_frame() -> None:
    table = summarize(TRIPLES.iloc[:0])
    assert table.empty
    assert {"FAVOR", "AGAINST", "total", "net"} <= set(table.columns)


def test_plots_render_to_png(tmp_path: Path) -> None:
    matplotlib = pytest.importorskip("matplotlib")
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from stancekit.plot import stance_matrix, stance_network

    for draw, name in ((stance_matrix, "matrix.png"), (stance_network, "network.png")):
        ax = draw(TRIPLES)
        path = tmp_path / name
        ax.figure.savefig(path, dpi=60)
        plt.close(ax.figure)
        assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
        assert path.stat().st_size > 5000
    with pytest.raises(stancekit.ArgumentError, match="no stance triples"):
        stance_matrix(TRIPLES.iloc[:0])


def _many_triples(holders: int, targets: int) -> pd.DataFrame:
    """Every holder takes a stance on one to three targets (deterministic, no randomness)."""
    rows = []
    for h in range(holders):
        for k in range(1 + h % 3):
            rows.append(
                {
                    "holder": f"Holder with a long name {h}",
                    "target": f"Target person {(h + k) % targets}",
                    "stance": "FAVOR" if (h + k) % 2 else "AGAINST",
                    "sentence": f"Sentence {h}.",
                }
            )
    return pd.DataFrame(rows)


def test_plots_of_many_holders_are_readable(tmp_path: Path) -> None:
    matplotlib = pytest.importorskip("matplotlib")
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from stancekit.plot import stance_matrix, stance_network

    triples = _many_triples(holders=60, targets=5)
    network = stance_network(triples, max_holders=40)
    matrix = stance_matrix(triples, max_holders=25)
    assert network.get_title() == "Who favours or opposes whom (top 40 of 60 holders)"
    assert matrix.get_title() == "Stance: net FAVOR − AGAINST (top 25 of 60 holders)"
    assert stance_network(TRIPLES).get_title() == "Who favours or opposes whom"

    # Bipartite: holders in a column on the left, targets on the right, every label inside
    # the axes (none clipped).
    figure = network.figure
    figure.canvas.draw()
    renderer = figure.canvas.get_renderer()
    frame = network.get_window_extent(renderer)
    holders = [t for t in network.texts if t.get_text().startswith("Holder")]
    targets = [t for t in network.texts if t.get_text().startswith("Target")]
    assert len(holders) == 40
    assert len(targets) == 5
    right_of_holders = max(t.get_window_extent(renderer).x1 for t in holders)
    left_of_targets = min(t.get_window_extent(renderer).x0 for t in targets)
    assert right_of_holders < frame.x0 + 0.5 * frame.width < left_of_targets
    for text in holders + targets:
        box = text.get_window_extent(renderer)
        assert frame.x0 - 1 <= box.x0, text.get_text()
        assert box.x1 <= frame.x1 + 1, text.get_text()
    heights = [t.get_window_extent(renderer).y0 for t in holders]
    assert min(b - a for a, b in itertools.pairwise(sorted(heights))) > 5  # no two labels overlap

    for ax, name in ((network, "network_many.png"), (matrix, "matrix_many.png")):
        ax.figure.savefig(tmp_path / name, dpi=60)
        plt.close(ax.figure)
        assert (tmp_path / name).stat().st_size > 10_000


def test_progress_bar_chunks_give_the_same_result(capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("tqdm")
    series = pd.Series([f"Doc {i}. Maduro spoke. Guaido too." for i in range(1000)])
    with_bar = skpd.sentences(series, progress=True)
    pd.testing.assert_frame_equal(with_bar, skpd.sentences(series, progress=False))
    assert "sentences" in capsys.readouterr().err
    pd.testing.assert_frame_equal(skpd.tokens(series, progress=True), skpd.tokens(series))


@pytest.mark.slow
def test_dask_on_a_local_cluster_equals_single_process() -> None:
    dd = pytest.importorskip("dask.dataframe")
    distributed = pytest.importorskip("distributed")
    import stancekit.dask as skd

    texts = pd.Series([f"Doc {i}: Maduro spoke on Feb. {i % 27 + 1}. Guaidó replied!" for i in range(400)])
    texts.index = texts.index + 1000
    ddf = dd.from_pandas(texts.to_frame("text"), npartitions=4)
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster),
    ):
        got_sentences = skd.sentences(ddf["text"]).compute()
        got_tokens = skd.tokens(ddf["text"], stancekit.Tokenizer(split_clitics=False)).compute()
    pd.testing.assert_frame_equal(got_sentences, skpd.sentences(texts))
    pd.testing.assert_frame_equal(got_tokens, skpd.tokens(texts, stancekit.Tokenizer(split_clitics=False)))


def test_dask_rejects_non_dask_input() -> None:
    pytest.importorskip("dask.dataframe")
    import stancekit.dask as skd

    with pytest.raises(TypeError, match="dask Series"):
        skd.sentences(pd.Series(["a"]))  # type: ignore[arg-type]
