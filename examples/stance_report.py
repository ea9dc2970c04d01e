# %% [markdown]
# # Who favours or opposes whom: a stance report in a few cells
#
# Percent-format script (opens as a notebook in Jupyter/VS Code via jupytext, runs as a plain
# script too): `python examples/stance_report.py [FOLDER_OF_TXT] [--out DIR]`. With no folder it
# uses stancekit's built-in example corpus. It tags stance, builds the holder × target summary
# table and saves the matrix and network pictures as PNG.

# %%
import argparse
import os
from importlib import resources
from pathlib import Path

import matplotlib

if not os.environ.get("MPLBACKEND"):
    matplotlib.use("Agg")  # plain-script runs write files; notebooks keep their inline backend
import matplotlib.pyplot as plt
import pandas as pd

import stancekit
import stancekit.pandas  # registers the .stance Series accessor
from stancekit.plot import stance_matrix, stance_network

parser = argparse.ArgumentParser()
parser.add_argument("folder", nargs="?", help="folder of .txt articles (default: the built-in corpus)")
parser.add_argument("--out", default="stance_report", help="where the PNG files go")
args, _ = parser.parse_known_args()

# %% [markdown]
# ## Load the corpus: one row per article

# %%
if args.folder:
    files = sorted(Path(args.folder).rglob("*.txt"))
    corpus = pd.Series({f.name: f.read_text(encoding="utf-8") for f in files}, name="text")
else:
    folder = resources.files("stancekit") / "data" / "example_corpus"
    files = sorted((f for f in folder.iterdir() if f.name.endswith(".txt")), key=lambda f: f.name)
    corpus = pd.Series({f.name: f.read_text(encoding="utf-8") for f in files}, name="text")
print(f"{len(corpus)} articles, {corpus.str.len().sum():,} characters")

# %% [markdown]
# ## Tag stance toward the most-mentioned people
# `targets_from_texts` picks them; pass your own `{"Canonical": ["alias", ...]}` instead if you know them.

# %%
targets = dict(stancekit.StanceTagger.targets_from_texts(corpus.tolist(), 3))
print("targets:", list(targets))
triples = corpus.stance.stances(targets=targets)  # the .stance accessor, registered by stancekit.pandas
triples[["holder", "target", "stance", "cue", "rule"]].head(10)

# %% [markdown]
# ## Summary: FAVOR/AGAINST counts per holder and target, with an example sentence

# %%
summary = stancekit.summarize(triples)
print(summary[["FAVOR", "AGAINST", "net", "example_favor"]].head(15).to_string())

# %% [markdown]
# ## Pictures for the report

# %%
out = Path(args.out)
out.mkdir(parents=True, exist_ok=True)
ax = stance_matrix(summary)
ax.figure.savefig(out / "stance_matrix.png", dpi=120)
plt.close(ax.figure)
ax = stance_network(summary)
ax.figure.savefig(out / "stance_network.png", dpi=120)
plt.close(ax.figure)
print(f"wrote {out / 'stance_matrix.png'} and {out / 'stance_network.png'}")
