"""Regenerates ``sentence_ends.txt`` (how often a period after an abbreviation ends a sentence,
and how strongly each kind of following word signals a new sentence) and ``common_words.txt``
(the lower-case words seen at least three times, which tell a capitalised common word from a
name).

Learned from UD English EWT **train** only (CC BY-SA 4.0, Universal Dependencies; Silveira et al.
2014). Only counts are written; no text is copied. GUM is never used here (non-commercial
licence). Run from this directory:

    python3 learn_sentence_ends.py ../../../../../shared/data/segmentation/ud_ewt_train.jsonl.gz

What is counted, at every ``word.`` followed by whitespace (a single period, not an ellipsis):

* ``abbr FORM ENDS N``: for each entry of ``abbreviations.txt`` (matched as the splitter matches
  it: lower-case entries in any case, others as written), how many of its ``N`` occurrences end
  a sentence. For the classes that come before numbers (``month``, ``num``) occurrences before a
  digit are left out, because the splitter never ends a sentence there.
* ``class CLASS ENDS N``: the same counts pooled over each class: the prior of an abbreviation
  with few occurrences.
* ``class ellipsis ENDS N``: the same for an ellipsis (``...``, ``…``) written after a word.
* ``next CATEGORY ENDS NOT``: what follows the period, by category (see ``next_category``; a
  capitalised word followed by a word of ``clause_verbs.txt`` is a ``subject``, else ``common``
  when its lower-case form is in ``common_words.txt``, else a ``name``), after
  every period that ends a sentence (``ENDS``) and after every abbreviation period that does not
  (``NOT``; titles such as ``Mr.`` and initials left out, since they never end one anyway).
"""

from __future__ import annotations

import collections
import gzip
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).parent
OPENERS = "\"'\u201c\u2018([\u00ab\u2039\u00bf\u00a1"
# Characters that can open a sentence after a sentence end (the splitter's `opens_sentence`,
# minus the openers it looks through).
OPENS_SENTENCE = "-*#$<@&~\u2014\u2013\u00a3\u20ac\u2022\u2043\u2023\u25e6\u25aa\u25cf"


def read_abbreviations() -> dict[str, str]:
    table = {}
    for line in (HERE / "abbreviations.txt").read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            form, kind = line.split()[:2]
            table[form] = kind
    return table


def read_starters() -> set[str]:
    """The learned and the hand-written sentence starters, as the splitter reads them."""
    words = set()
    for name in ("starters.txt", "starters_closed_class.txt"):
        for line in (HERE / name).read_text(encoding="utf-8").splitlines():
            line = line.strip()
            if line and not line.startswith("#"):
                words.add(re.split("['\u2019]", line)[0])
    return words


def lookup(table: dict[str, str], word: str) -> tuple[str, str] | None:
    """The entry matching ``word`` (exact entries first, then lower-case ones in any case)."""
    if word in table and any(c.isupper() for c in word):
        return word, table[word]
    lower = word.lower()
    if lower in table and lower == lower.lower() and not any(c.isupper() for c in lower):
        return lower, table[lower]
    return None


def is_word_or_dotted(tok: str) -> bool:
    if re.fullmatch(r"[A-Za-z]+", tok):
        return True
    return bool(re.fullmatch(r"[A-Za-z]{1,4}(\.[A-Za-z]{1,4})+", tok))


COMMON_MIN_COUNT = 3


def read_clause_verbs() -> set[str]:
    lines = (HERE / "clause_verbs.txt").read_text(encoding="utf-8").splitlines()
    return {line.strip() for line in lines if line.strip() and not line.startswith("#")}


CLAUSE_VERBS = read_clause_verbs()


def common_words(docs: list[dict]) -> set[str]:
    """Lower-case ASCII words seen at least ``COMMON_MIN_COUNT`` times."""
    counts: collections.Counter[str] = collections.Counter()
    for doc in docs:
        text = doc["text"]
        for start, end in doc["words"]:
            word = text[start:end]
            if word.isascii() and word.isalpha() and word.islower():
                counts[word] += 1
    return {w for w, c in counts.items() if c >= COMMON_MIN_COUNT}


def next_category(rest: str, table: dict[str, str], starters: set[str], common: set[str]) -> str:
    """The splitter's categories of what follows a period (after the whitespace)."""
    k = 0
    while k < len(rest) and k < 4 and rest[k] in OPENERS:
        k += 1
    if k >= len(rest):
        return "other"
    c = rest[k]
    word = re.match(r"[A-Za-z]*", rest[k:]).group(0)
    if c.isupper():
        entry = lookup(table, word) if word else None
        if entry and entry[1] == "title" and rest[k + len(word) : k + len(word) + 1] == ".":
            return "title"
        if word in starters:
            return "starter"
        after = re.match(r"[A-Za-z'\u2019]*[ \t]+([a-z]+)\b", rest[k + len(word) :])
        if after and after.group(1) in CLAUSE_VERBS:
            return "subject"
        return "common" if word.lower() in common else "name"
    if c.islower():
        return "lower_starter" if word[:1].upper() + word[1:] in starters else "lower"
    if c.isdigit():
        return "digit"
    if rest[0] in OPENERS or c in OPENS_SENTENCE:
        return "opener"
    return "other"


def main(path: str) -> None:
    table = read_abbreviations()
    starters = read_starters()
    with gzip.open(path, "rt", encoding="utf-8") as f:
        docs = [json.loads(line) for line in f]
    common = common_words(docs)
    abbr_ends: collections.Counter[str] = collections.Counter()
    abbr_n: collections.Counter[str] = collections.Counter()
    next_ends: collections.Counter[str] = collections.Counter()
    next_not: collections.Counter[str] = collections.Counter()
    for doc in docs:
        text = doc["text"]
        ends = set()
        for start, end in doc["sentences"]:
            stripped = text[start:end].rstrip()
            if stripped:
                ends.add(start + len(stripped))
        for m in re.finditer(r"(?<!\S)(\S+)\.(?=\s)", text):
            raw = m.group(1)
            if raw.endswith("."):
                continue  # an ellipsis
            tok = raw.lstrip(OPENERS + "-*")
            if not is_word_or_dotted(tok):
                continue
            period_end = m.end()
            is_end = period_end in ends
            rest = text[period_end:].lstrip()
            category = next_category(rest, table, starters, common)
            entry = lookup(table, tok)
            if is_end:
                next_ends[category] += 1
            elif ((entry and entry[1] not in ("title", "inner")) or (entry is None and "." in tok)) and not (
                entry and entry[1] in ("month", "num") and category == "digit"
            ):
                next_not[category] += 1
            if entry is None:
                continue
            if entry[1] in ("month", "num") and category == "digit":
                continue
            abbr_n[entry[0]] += 1
            abbr_ends[entry[0]] += is_end
    ellipsis_ends = ellipsis_n = 0
    for doc in docs:
        text = doc["text"]
        ends = {start + len(text[start:end].rstrip()) for start, end in doc["sentences"]}
        for m in re.finditer(r"\S(?:\.\.\.+|\u2026\.?)(?=\s)", text):
            ellipsis_n += 1
            ellipsis_ends += m.end() in ends
    class_ends: collections.Counter[str] = collections.Counter()
    class_n: collections.Counter[str] = collections.Counter()
    for form, n in abbr_n.items():
        class_n[table[form]] += n
        class_ends[table[form]] += abbr_ends[form]
    out = [
        "# How often a period after an abbreviation ends a sentence, and what follows sentence ends.",
        "# Counted in UD English EWT train (CC BY-SA 4.0, Universal Dependencies) by",
        "# learn_sentence_ends.py; see its docstring. Regenerate, do not edit.",
    ]
    categories = (
        "starter",
        "title",
        "subject",
        "common",
        "name",
        "lower_starter",
        "lower",
        "digit",
        "opener",
    )
    for category in (*categories, "other"):
        out.append(f"next {category} {next_ends[category]} {next_not[category]}")
    for kind in ("title", "month", "num", "ambig", "final", "inner"):
        out.append(f"class {kind} {class_ends[kind]} {class_n[kind]}")
    out.append(f"class ellipsis {ellipsis_ends} {ellipsis_n}")
    for form in sorted(abbr_n, key=str.lower):
        out.append(f"abbr {form} {abbr_ends[form]} {abbr_n[form]}")
    (HERE / "sentence_ends.txt").write_text("\n".join(out) + "\n", encoding="utf-8")
    header = [
        f"# Lower-case words seen at least {COMMON_MIN_COUNT} times in UD English EWT train (CC BY-SA 4.0,",
        "# Universal Dependencies), by learn_sentence_ends.py. Regenerate, do not edit.",
    ]
    (HERE / "common_words.txt").write_text("\n".join(header + sorted(common)) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1])
