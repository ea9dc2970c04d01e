"""Parsing throughput (split + tokenize + tag + lemmatize + parse) through the Python API.

Corpus: the UD English EWT+GUM dev documents repeated to >= 5 MB (``--mb``). Rows:

* ``parse_arrays`` one document per call, one thread: the columnar path (NumPy arrays and a UTF-8
  lemma buffer, no Python object per word);
* ``parse`` one document per call, one thread: one ``Word`` object per word;
* ``parse_arrays`` on the whole batch, on all cores (``STANCEKIT_PARALLELISM`` on), and the
  speed-up over the single-thread columnar row;
* peers on the same text when they can be installed with their English models from the package
  registries: spaCy's ``en_core_web_sm`` (a download from GitHub, not on PyPI) and Stanza's
  English models (a download from Hugging Face) cannot be fetched on a machine that reaches only
  the registries, so their rows say so; ANCHORS.md quotes their published speeds.

Words per second count the parser's words; MB per CPU-second is printed too (robust on a shared
machine). Usage: python benchmarks/bench_syntax.py [--data ../shared/data] [--mb 5] [--repeat 3]
"""

from __future__ import annotations

import argparse
import importlib.util
from pathlib import Path

from _common import DEFAULT_DATA, machine, mb, repeat_to, table, time_best_wall_cpu, ud_dev_docs

import stancekit


def spacy_row(texts: list[str], n_words: int) -> list[object]:
    if importlib.util.find_spec("spacy") is None:
        return ["spaCy en_core_web_sm", "not installed", "", ""]
    import spacy

    try:
        nlp = spacy.load("en_core_web_sm")
    except OSError:
        return ["spaCy en_core_web_sm", "model not installable from PyPI here", "", ""]
    wall, cpu = time_best_wall_cpu(lambda: [nlp(t) for t in texts], 1)
    return [
        "spaCy en_core_web_sm (one doc per call)",
        n_words / wall,
        f"{mb(texts) / wall:.2f}",
        f"{mb(texts) / cpu:.2f}",
    ]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--mb", type=float, default=5.0)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    docs = [d["text"] for d in ud_dev_docs(args.data)]
    texts = repeat_to(docs, args.mb)
    parser = stancekit.Parser()
    n_words = len(parser.parse_arrays(texts)["doc"])
    size = mb(texts)
    rows: list[list[object]] = []

    stancekit.set_parallelism(False)
    wall, cpu = time_best_wall_cpu(lambda: [parser.parse_arrays([t]) for t in texts], args.repeat)
    single = n_words / wall
    rows.append(
        ["parse_arrays, one doc per call, 1 thread", single, f"{size / wall:.2f}", f"{size / cpu:.2f}"]
    )
    wall, cpu = time_best_wall_cpu(lambda: [parser.parse(t) for t in texts], args.repeat)
    rows.append(
        [
            "parse (Word objects), one doc per call, 1 thread",
            n_words / wall,
            f"{size / wall:.2f}",
            f"{size / cpu:.2f}",
        ]
    )
    stancekit.set_parallelism(True)
    wall, cpu = time_best_wall_cpu(lambda: parser.parse_arrays(texts), args.repeat)
    rows.append(
        [f"parse_arrays, batch, all cores ({n_words / wall / single:.2f}x)", n_words / wall, size / wall, ""]
    )
    rows.append(spacy_row(texts[: max(1, len(texts) // 20)], n_words // 20))
    rows.append(["Stanza (English models)", "models not installable from PyPI here", "", ""])
    print(f"{len(texts)} documents, {size:.1f} MB, {n_words} words; {machine()}\n")
    print(table(["what", "words/s", "MB/s", "MB/CPU-s"], rows))


if __name__ == "__main__":
    main()
