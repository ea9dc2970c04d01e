"""Writes wordnet_lemmas.tsv: the lemmas of WordNet 3.0 with their parts of speech.

Source: the `en_lemma_index` table of the PyPI package spacy-lookups-data 1.0.5, which holds the
WordNet 3.0 lemma index (WordNet license below). Columns: the lemma, and its parts of speech as
letters (n noun, v verb, a adjective, r adverb). The lemmatizer prefers, among the lemmas its
suffix rules propose for an unknown word, one that WordNet lists for the word's part of speech
(`toppled` -> `topple`, not `toppl`). Run from this folder:

    pip download --no-deps spacy-lookups-data==1.0.5 -d /tmp/sl && python gen_wordnet.py /tmp/sl/*.whl
"""

from __future__ import annotations

import gzip
import json
import sys
import zipfile

LETTER = {"noun": "n", "verb": "v", "adj": "a", "adv": "r"}


def main(wheel: str) -> None:
    with zipfile.ZipFile(wheel) as z:
        index = json.loads(gzip.decompress(z.read("spacy_lookups_data/data/en_lemma_index.json.gz")))
        notice = z.read("spacy_lookups_data/data/en_license.txt").decode("utf-8")
    parts: dict[str, set[str]] = {}
    for pos, lemmas in index.items():
        for lemma in lemmas:
            if lemma.strip() and "\t" not in lemma and "\n" not in lemma:
                parts.setdefault(lemma, set()).add(LETTER[pos])
    with open("wordnet_lemmas.tsv", "w", encoding="utf-8", newline="\n") as out:
        out.write("# WordNet 3.0 lemmas and parts of speech (n, v, a, r), from spacy-lookups-data 1.0.5.\n")
        for line in notice.strip().splitlines():
            out.write(f"# {line.rstrip()}\n".replace("#  ", "# ").rstrip() + "\n")
        for lemma in sorted(parts):
            out.write(f"{lemma}\t{''.join(sorted(parts[lemma]))}\n")


if __name__ == "__main__":
    main(sys.argv[1])
