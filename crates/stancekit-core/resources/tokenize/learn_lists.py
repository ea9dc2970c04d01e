"""Regenerates the learned word lists of the tokenizer from UD English EWT **train** only.

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
    start = collections.Counter()  # capitalized at sentence start
    cap_mid = collections.Counter()  # capitalized inside a sentence
    low_mid = collections.Counter()  # lower-case inside a sentence
    abbr = collections.Counter()
    for d in docs:
        t = d["text"]
        starts = {s for s, _ in d["sentences"]}
        for s, e in d["words"]:
            w = t[s:e]
            if not w.isascii():
                continue
            if s in starts and w[:1].isupper():
                start[w] += 1
            elif w.islower():
                low_mid[w] += 1
            elif w[:1].isupper():
                cap_mid[w] += 1
            core = w[:-1]
            if len(w) > 2 and w.endswith(".") and core.isalpha():
                abbr[core] += 1
    starters = sorted(
        (w for w, c in start.items()
         if c >= 3 and len(w) > 1 and not w.isupper()
         and low_mid[w.lower()] >= 10 and cap_mid[w] <= c),
        key=lambda w: (-start[w], w),
    )
    with open("sentence_starters.txt", "w", encoding="utf-8") as f:
        f.write("# Capitalized words that often open a sentence and are common lower-case words.\n")
        f.write("# Learned from UD English EWT train (CC BY-SA 4.0) by learn_lists.py.\n")
        f.write("I\n")
        for w in starters:
            f.write(w + "\n")
    with open("abbreviations_learned.txt", "w", encoding="utf-8") as f:
        f.write("# Words written with a final period at least twice in UD English EWT train\n")
        f.write("# (CC BY-SA 4.0), by learn_lists.py. Merged with the hand list in abbreviations.txt.\n")
        for w, c in sorted(abbr.items()):
            if c >= 2:
                f.write(w + "\n")


if __name__ == "__main__":
    main(sys.argv[1])
