"""Writes clusters.tsv: Brown word clusters for the 100,000 most probable words.

Source: the `en_lexeme_cluster` and `en_lexeme_prob` tables of the PyPI package
spacy-lookups-data 1.0.5 (MIT license, Explosion; see CLUSTERS_NOTICE.md). The cluster value is
the Brown cluster's bit path read as a binary number. Words without a cluster (value 0) are left
out. Run from this folder:

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
    words = [w for w, c in clusters.items() if c and w.strip() and "\t" not in w and "\n" not in w]
    words.sort(key=lambda w: (-probs.get(w, -100.0), w))
    with open("clusters.tsv", "w", encoding="utf-8", newline="\n") as out:
        for w in sorted(words[:N_WORDS]):
            out.write(f"{w}\t{clusters[w]}\n")


if __name__ == "__main__":
    main(sys.argv[1])
