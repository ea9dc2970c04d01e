"""Notebook-side helpers: the .stance accessor, summarize, plots (rendered to PNG), progress, Dask."""

from __future__ import annotations

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
    with pytest.raises(ValueError, match="no stance triples"):
        stance_matrix(TRIPLES.iloc[:0])


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
