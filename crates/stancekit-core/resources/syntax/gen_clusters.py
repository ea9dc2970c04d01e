"""Writes clusters.tsv: Brown clusters and frequency classes of the most probable English words.

The 100,000 most probable words and the 100,000 most probable words with a cluster. Source: the `en_lexeme_cluster` and `en_lexeme_prob` tables of the PyPI package
spacy-lookups-data 1.0.5 (MIT license, Explosion; see CLUSTERS_NOTICE.md). Columns: the word, its
Brown cluster (the cluster's bit path read as a binary number; 0 for none) and its frequency
class (the negated natural log of its probability, rounded: 3 for "the", 20 for a rare word).
Run from this folder:

    pip download --no-deps spacy-lookups-data==1.0.5 -d /tmp/sl && python gen_clusters.py /tmp/sl/*.whl
"""

from __future__ import annotations

import gzip
import json
import sys
import zipfile

N_WORDS = 100_000


def main(wheel: str) -> None:
    with zipfile.ZipFile(wheel) as z:
        clusters = json.loads(gzip.decompress(z.read("spacy_lookups_data/data/en_lexeme_cluster.json.gz")))
        probs = json.loads(gzip.decompress(z.read("spacy_lookups_data/data/en_lexeme_prob.json.gz")))
    words = [w for w in probs if w.strip() and w == w.strip() and "\t" not in w and "\n" not in w]
    words.sort(key=lambda w: (-probs[w], w))
    # The most probable words, and the most probable words that have a cluster.
    keep = set(words[:N_WORDS]) | set([w for w in words if clusters.get(w)][:N_WORDS])
    with open("clusters.tsv", "w", encoding="utf-8", newline="\n") as out:
        for w in sorted(keep):
            out.write(f"{w}\t{clusters.get(w, 0)}\t{min(30, round(-probs[w]))}\n")


if __name__ == "__main__":
    main(sys.argv[1])
