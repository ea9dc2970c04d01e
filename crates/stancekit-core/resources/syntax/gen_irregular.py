"""Writes irregular_verbs.tsv: inflected verb forms whose lemma English spelling rules do not give.

Source: the `en_lemma_exc` table (its `verb` part) of the PyPI package spacy-lookups-data 1.0.5,
which holds the WordNet 3.0 verb exception list (WordNet license below): `fought` -> `fight`,
`fled` -> `flee`, `upheld` -> `uphold`, `abetted` -> `abet`. Forms with more than one lemma and
multiword forms are left out. The syntax model reads the table at run time for the verb forms
its treebank lemmatizer has no exception for (see `syntax::model`). Run from this folder:

    pip download --no-deps spacy-lookups-data==1.0.5 -d /tmp/sl && python gen_irregular.py /tmp/sl/*.whl
"""

from __future__ import annotations

import gzip
import json
import sys
import zipfile


def main(wheel: str) -> None:
    with zipfile.ZipFile(wheel) as z:
        exceptions = json.loads(gzip.decompress(z.read("spacy_lookups_data/data/en_lemma_exc.json.gz")))
        notice = z.read("spacy_lookups_data/data/en_license.txt").decode("utf-8")
    rows = sorted(
        (form, lemmas[0])
        for form, lemmas in exceptions["verb"].items()
        if len(lemmas) == 1 and form != lemmas[0] and all(c.isalpha() or c in "-'" for c in form + lemmas[0])
    )
    with open("irregular_verbs.tsv", "w", encoding="utf-8", newline="\n") as out:
        out.write(
            "# Irregular English verb forms and their lemmas (WordNet 3.0, spacy-lookups-data 1.0.5).\n"
        )
        for line in notice.strip().splitlines():
            out.write(f"# {line.rstrip()}\n".replace("#  ", "# ").rstrip() + "\n")
        for form, lemma in rows:
            out.write(f"{form}\t{lemma}\n")


if __name__ == "__main__":
    main(sys.argv[1])
