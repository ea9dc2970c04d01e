"""Regenerates the learned word list of the tokenizer (abbreviations_learned.txt) from UD English EWT **train** only.

UD English EWT is CC BY-SA 4.0 (Universal Dependencies, Silveira et al. 2014; Bies et al. 2012).
Only counts are derived from it; no text is copied beyond single common English words.
GUM is never used here (non-commercial licence). Run from this directory:

    python3 learn_lists.py ../../../../../shared/data/segmentation/ud_ewt_train.jsonl.gz
"""
import collections
import gzip
import json
import sys


def main(path):
    docs = [json.loads(line) for line in gzip.open(path, "rt", encoding="utf-8")]
    # The sentence starters the tokenizer reads are the sentence splitter's
    # (resources/sentence/starters*.txt): one list for both.
    abbr = collections.Counter()
    for d in docs:
        t = d["text"]
        for s, e in d["words"]:
            w = t[s:e]
            if not w.isascii():
                continue
            core = w[:-1]
            if len(w) > 2 and w.endswith(".") and core.isalpha():
                abbr[core] += 1
    with open("abbreviations_learned.txt", "w", encoding="utf-8") as f:
        f.write("# Words written with a final period at least twice in UD English EWT train\n")
        f.write("# (CC BY-SA 4.0), by learn_lists.py. Merged with the hand list, ../sentence/abbreviations.txt.\n")
        for w, c in sorted(abbr.items()):
            if c >= 2:
                f.write(w + "\n")


if __name__ == "__main__":
    main(sys.argv[1])
