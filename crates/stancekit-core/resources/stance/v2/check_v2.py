#!/usr/bin/env python3
"""Check the stance v2 resource files (frames.tsv and the word lists) beside this script.

Standard library only; not shipped with the package. Run it from anywhere:

    python3 crates/stancekit-core/resources/stance/v2/check_v2.py

It checks the format (UTF-8, a leading comment block with provenance, one TAB between columns,
the column count and the vocabulary of every column), the frames' examples (each names its
example holder and target as words, and contains the cue), and that no example sentence or word
list entry was taken from the gold texts: with the gold folders present (``--data``, default
``../shared/data`` beside the repository), an example whose 6-word sequence occurs in a gold
text is an error, and a word used here that occurs in the gold texts but in none of the general
resources (UD English EWT training text, the CAMEO verb dictionary, the VADER lexicon) is printed
for review (a word peculiar to the gold texts is a sign of fitting). Exit status 1 on any error.
"""

from __future__ import annotations

import argparse
import gzip
import re
import sys
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent

UPOS = {"VERB", "NOUN", "ADJ", "PREFIX", "SUFFIX"}
STANCES = {"FAVOR", "AGAINST"}
PLAIN_ROLES = {
    "agent",
    "patient",
    "poss",
    "compound",
    "amod",
    "iobj",
    "head",
    "stem",
    "subject",
    "self",
    "speaker",
    "directive",
    "accused",
}
PREP_ROLE = re.compile(r"^(obl|nmod):[a-z]+$")
OBJ_FLAG = re.compile(r"^obj=([a-z]+(\|[a-z]+)*|@[a-z]+)$")
PRT_FLAG = re.compile(r"^prt=[a-z]+$")
OBL_FLAG = re.compile(r"^obl:[a-z]+=@[a-z]+$")
CASE_FLAG = re.compile(r"^case=[a-z]+(\|[a-z]+)*$")
LEMMA = re.compile(r"^[a-z][a-z'-]*$")
MIT_NOTICE = "The MIT License (MIT)"
OEDA = "Open Event Data Alliance"


def irregular_forms() -> dict[str, list[str]]:
    """Inflected forms of cue verbs that the stem test below misses, to find a cue word in its
    example: the syntax model's WordNet list of irregular verbs (`../../syntax/irregular_verbs.tsv`,
    read the other way round), and the regular forms of stems too short for the test."""
    forms: dict[str, list[str]] = {"lie": ["lied", "lies", "lying"], "sue": ["sued"]}
    for line in (
        (HERE.parent.parent / "syntax" / "irregular_verbs.tsv").read_text(encoding="utf-8").splitlines()
    ):
        if line and not line.startswith("#"):
            form, lemma = line.split("\t")
            forms.setdefault(lemma, []).append(form)
    return forms


IRREGULAR = irregular_forms()

# Each word list: file name -> (allowed column counts, allowed notes per column after the first).
NOTE_PREP = re.compile(r"^obl:[a-z]+(\|obl:[a-z]+)*$")
WORD_LISTS = {
    "say_verbs.txt": {"label", "hedge", "noun", "PRT"},
    "directive_verbs.txt": {"OBL", "PRT"},
    "intent_verbs.txt": {"hedge"},
    "blocking_verbs.txt": None,  # checked on its own: action and optional marker
    "hypothetical.txt": {"aux", "mark", "advmod", "governor", "future", "deontic", "necessity", "perfect"},
    "negation.txt": {"advmod", "det", "cc", "case", "verb", "focus", "ends", "amod"},
    "light_verbs.txt": {"receiver", "remove", "for", "recipient", "state", "PRT"},
    "group_nouns.txt": {"number", "state"},
    "government_nouns.txt": {"state", "speaker", "target", "document", "seat"},
    "titles.txt": {"honorific", "office", "role"},
    "news_outlets.txt": {"head", "name"},
    "prepositions.txt": {"owner", "source", "seat", "patient", "agent", "member", "principal", "label", "partitive", "charge", "reason", "clause_subject", "infinitive", "content", "measure", "request", "adjunct", "range_end", "recipient", "place", "opposing", "state"},
    "object_sets.txt": {"aid", "wrongs", "captives", "arms", "envoys", "norms", "power", "holdings", "justice", "ties"},
}
# Notes that every row of these lists must have (a second column).
NOTE_REQUIRED = {
    "blocking_verbs.txt",
    "hypothetical.txt",
    "negation.txt",
    "government_nouns.txt",
    "news_outlets.txt",
    "prepositions.txt",
    "object_sets.txt",
}


class Report:
    def __init__(self) -> None:
        self.errors: list[str] = []
        self.reviews: list[str] = []

    def error(self, where: str, msg: str) -> None:
        self.errors.append(f"{where}: {msg}")

    def review(self, where: str, msg: str) -> None:
        self.reviews.append(f"{where}: {msg}")


def read_lines(path: Path, rep: Report) -> list[tuple[int, str]]:
    """Data lines (number, text) of a resource file, after the common format checks."""
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        rep.error(path.name, f"not UTF-8: {exc}")
        return []
    if text.startswith("\ufeff"):
        rep.error(path.name, "starts with a byte order mark")
    if "\r" in text:
        rep.error(path.name, "has CR line endings")
    lines = text.split("\n")
    if not lines or not lines[0].startswith("#"):
        rep.error(path.name, "must begin with a comment block")
    header = []
    for line in lines:
        if not line.startswith("#"):
            break
        header.append(line)
    head = "\n".join(header)
    if "Provenance" not in head or "MIT" not in head:
        rep.error(path.name, "the leading comment block must state provenance and licence (MIT)")
    if "petrarch" in head.lower() and (MIT_NOTICE not in head or OEDA not in head):
        rep.error(path.name, "derived from PETRARCH2/CAMEO but lacks its MIT notice")
    out = []
    for number, line in enumerate(lines, 1):
        if not line.strip() or line.startswith("#"):
            continue
        where = f"{path.name}:{number}"
        if line != line.strip():
            rep.error(where, "leading or trailing whitespace")
        if "\t\t" in line:
            rep.error(where, "two TABs in a row (one TAB between columns)")
        for cell in line.split("\t"):
            if cell != cell.strip():
                rep.error(where, f"cell {cell!r} has spaces around it")
        out.append((number, line))
    return out


def words_of(text: str) -> list[str]:
    """Words of a sentence as the checks see them: hyphens and possessive 's split, final periods
    dropped ("US-backed" -> US, backed; "Canada's" -> Canada; "Sen." stays "Sen.")."""
    text = re.sub(r"(\w)['\u2019]s\b", r"\1 's", text.replace("-", " "))
    words = [w if w == "'s" else w.strip("'") for w in re.findall(r"[\w'.]+", text)]
    return [w[:-1] if w.endswith(".") and w.count(".") == 1 and len(w) > 4 else w for w in words]


def check_roles(where: str, column: str, value: str, upos: str, rep: Report) -> list[str]:
    roles = value.split("|")
    for role in roles:
        if role not in PLAIN_ROLES and not PREP_ROLE.match(role):
            rep.error(where, f"{column}: unknown role {role!r}")
        if role == "stem" and upos not in {"PREFIX", "SUFFIX"}:
            rep.error(where, f"{column}: `stem` is only for PREFIX/SUFFIX rows")
        if role == "self" and upos != "NOUN":
            rep.error(where, f"{column}: `self` is only for NOUN rows")
    if len(set(roles)) != len(roles):
        rep.error(where, f"{column}: a role is repeated")
    if upos in {"PREFIX", "SUFFIX"} and not set(roles) <= {"stem", "head"}:
        rep.error(where, f"{column}: PREFIX/SUFFIX rows use only `stem` and `head`")
    return roles


def cue_in_example(lemma: str, upos: str, example: str) -> bool:
    low = [w.lower().strip(".'") for w in words_of(example)]
    if upos in {"PREFIX", "SUFFIX"}:
        return re.search(rf"(^|\W){re.escape(lemma)}-|-{re.escape(lemma)}(\W|$)", example.lower()) is not None
    forms = {lemma, *IRREGULAR.get(lemma, [])}
    stem = lemma[:-1] if lemma.endswith("e") else lemma
    if lemma.endswith("y"):
        forms.add(lemma[:-1] + "ies")
        forms.add(lemma[:-1] + "ied")
    for word in low:
        if word in forms or (len(stem) >= 3 and word.startswith(stem) and len(word) - len(stem) <= 4):
            return True
    return False


def list_lemmas(path: Path) -> set[str]:
    out = set()
    if not path.exists():
        return out
    for line in path.read_text(encoding="utf-8").split("\n"):
        if line.strip() and not line.startswith("#"):
            out.add(line.split("\t")[0])
    return out


def inflects(lemma: str, word: str) -> bool:
    word = word.lower()
    stem = lemma[:-1] if lemma.endswith("e") else lemma
    if word in {lemma, *IRREGULAR.get(lemma, [])}:
        return True
    if lemma.endswith("y") and word in {lemma[:-1] + "ies", lemma[:-1] + "ied"}:
        return True
    return (
        word.startswith(stem)
        and len(word) - len(stem) <= 3
        and word[len(stem) :] in {"", "s", "es", "ed", "d", "ing"}
    )


def check_frames(rep: Report) -> list[dict[str, str]]:
    path = HERE / "frames.tsv"
    header = path.read_text(encoding="utf-8")
    if MIT_NOTICE not in header or OEDA not in header:
        rep.error(path.name, "frames are grown from CAMEO: the header must keep its MIT notice")
    say = list_lemmas(HERE / "say_verbs.txt")
    directive = list_lemmas(HERE / "directive_verbs.txt")
    frames = []
    seen: dict[tuple[str, ...], int] = {}
    examples: dict[str, int] = {}
    for number, line in read_lines(path, rep):
        where = f"{path.name}:{number}"
        cells = line.split("\t")
        if len(cells) != 9:
            rep.error(where, f"{len(cells)} columns, expected 9")
            continue
        lemma, upos, stance, holder, target, flags, example, ex_holder, ex_target = cells
        if not LEMMA.match(lemma):
            rep.error(where, f"lemma {lemma!r} must be lower case letters")
        if upos not in UPOS:
            rep.error(where, f"unknown upos {upos!r}")
        if stance not in STANCES:
            rep.error(where, f"unknown stance {stance!r}")
        holders = check_roles(where, "holder", holder, upos, rep)
        targets = check_roles(where, "target", target, upos, rep)
        # Only a pair named by one preposition may hold toward itself (`the clash between X and Y`).
        if set(holders) & set(targets) - {"nmod:between"}:
            rep.error(where, "a role is both holder and target")
        if flags != "-":
            parts = flags.split(",")
            for flag in parts:
                known = {"negated=AGAINST", "hard", "appeal", "mutual", "bare"}
                if flag not in known and not any(f.match(flag) for f in (PRT_FLAG, OBJ_FLAG, OBL_FLAG, CASE_FLAG)):
                    rep.error(where, f"unknown flag {flag!r}")
            if len(set(parts)) != len(parts):
                rep.error(where, "a flag is repeated")
            if "negated=AGAINST" in parts and stance != "FAVOR":
                rep.error(where, "negated=AGAINST only makes sense on a FAVOR frame")
            for flag in parts:
                if flag.startswith("prt="):
                    if upos != "VERB":
                        rep.error(where, "prt=W is only for VERB rows")
                    if flag[4:] not in [w.lower() for w in words_of(example)]:
                        rep.error(where, f"the example lacks the particle {flag[4:]!r}")
        key = (lemma, upos, stance, holder, target, flags)
        if key in seen:
            rep.error(where, f"same frame as line {seen[key]}")
        seen[key] = number
        if not example.endswith((".", "!", "?")) or not example[:1].isupper():
            rep.error(where, "the example must be one sentence: capital first, final punctuation")
        if example in examples:
            rep.error(where, f"same example as line {examples[example]}")
        examples[example] = number
        ex_words = words_of(example)
        for column, word in (("example_holder", ex_holder), ("example_target", ex_target)):
            if " " in word or not word:
                rep.error(where, f"{column} must be one head word, got {word!r}")
            elif word not in ex_words and word not in [w.rstrip(".") for w in ex_words]:
                rep.error(where, f"{column} {word!r} is not a word of the example")
        if ex_holder == ex_target:
            rep.error(where, "example holder and target are the same word")
        if not cue_in_example(lemma, upos, example):
            rep.error(where, f"the cue {lemma!r} is not found in its example")
        if holders == ["speaker"] and not any(inflects(v, w) for v in say for w in ex_words):
            rep.error(where, "a `speaker` frame needs a say verb (say_verbs.txt) in its example")
        if holders[0] == "directive" and not any(inflects(v, w) for v in directive for w in ex_words):
            rep.error(where, "a `directive` frame needs a directive verb in its example")
        frames.append({"lemma": lemma, "upos": upos, "stance": stance, "example": example, "where": where})
    check_spelling_pairs(frames, rep)
    return frames


# British/American pairs: when one spelling is a cue, the other must be too. British -> American by
# suffix, and back for -ize only (American -or and -ense words mostly have no British twin).
BRITISH_SUFFIXES = [
    ("ise", "ize"),
    ("iser", "izer"),
    ("our", "or"),
    ("ence", "ense"),
    ("sceptical", "skeptical"),
]
NO_PAIR = {
    "rise",
    "seize",
    "chastise",
    "despise",
    "compromise",
    "advise",
    "revise",
    "surprise",
    "promise",
    "praise",
    "silence",
    "interference",
    "defiance",
    "expertise",
    "exercise",
}
AMERICAN_ONLY_ENCE = {"defence", "offence", "licence", "pretence"}


def check_spelling_pairs(frames: list[dict[str, str]], rep: Report) -> None:
    have = {(f["lemma"], f["upos"]) for f in frames}
    for lemma, upos in sorted(have):
        if lemma in NO_PAIR:
            continue
        for brit, amer in BRITISH_SUFFIXES:
            other = None
            if lemma.endswith(brit) and (brit != "ence" or lemma in AMERICAN_ONLY_ENCE):
                other = lemma[: -len(brit)] + amer
            elif lemma.endswith(amer) and amer in {"ize", "izer", "skeptical"}:
                other = lemma[: -len(amer)] + brit
            if other and (other, upos) not in have:
                rep.error("frames.tsv", f"{lemma} {upos} has no row for the other spelling {other}")


def check_word_list(name: str, rep: Report) -> list[str]:
    path = HERE / name
    if not path.exists():
        rep.error(name, "missing")
        return []
    entries = []
    seen: dict[str, int] = {}
    for number, line in read_lines(path, rep):
        where = f"{name}:{number}"
        cells = line.split("\t")
        word = cells[0]
        entries.append(word)
        if word in seen:
            rep.error(where, f"{word!r} already on line {seen[word]}")
        seen[word] = number
        if name != "titles.txt" and word != word.lower():
            rep.error(where, f"{word!r} must be lower case")
        if name == "blocking_verbs.txt":
            if len(cells) not in (2, 3) or cells[1] not in {"flip", "drop"}:
                rep.error(where, "expected: lemma TAB flip|drop [TAB prt=W]")
            elif len(cells) == 3 and not PRT_FLAG.match(cells[2]):
                rep.error(where, f"unknown marker {cells[2]!r}")
            continue
        allowed = WORD_LISTS[name]
        if len(cells) > 2:
            rep.error(where, "at most two columns: word TAB note")
            continue
        if len(cells) == 1:
            if name in NOTE_REQUIRED:
                rep.error(where, "this list needs a note in the second column")
            continue
        for note in cells[1].split(","):
            ok = note in allowed
            ok = ok or ("PRT" in allowed and PRT_FLAG.match(note) is not None)
            ok = ok or ("OBL" in allowed and NOTE_PREP.match(note) is not None)
            if not ok:
                rep.error(where, f"unknown note {note!r}")
    return entries


def normalise(text: str) -> str:
    text = unicodedata.normalize("NFKC", text)
    text = text.translate(str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"'}))
    return " ".join(re.findall(r"[a-z0-9']+", text.lower()))


def gold_texts(data: Path) -> list[tuple[str, str]]:
    paths = sorted((data / "seeds" / "docs").glob("*")) + sorted((data / "news").glob("*/docs/*"))
    return [(str(p.relative_to(data)), p.read_text(encoding="utf-8")) for p in paths if p.is_file()]


def general_words(data: Path) -> set[str]:
    """Words of general English resources: the UD EWT training text (forms and lemmas), the
    PETRARCH2 CAMEO verb dictionary and the VADER lexicon."""
    words: set[str] = set()
    path = data / "syntax" / "en_ewt-ud-train.conllu.gz"
    if path.exists():
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            for line in handle:
                if line and line[0].isdigit():
                    cells = line.split("\t")
                    if len(cells) > 2:
                        words.add(cells[1].lower())
                        words.add(cells[2].lower())
    lexicons = data / "stance" / "lexicons"
    for name in ("petrarch2_CAMEO.2.0.txt", "cameo_verbs.tsv", "vader_lexicon.txt"):
        if (lexicons / name).exists():
            text = (lexicons / name).read_text(encoding="utf-8", errors="replace").lower()
            words.update(re.findall(r"[a-z][a-z'-]*", text.replace("_", " ")))
    return words


# Words that the review above printed once and a person judged general English of political news
# (why, in a few words). A new word is printed again until it is judged and added here.
REVIEWED = {
    "align": "common verb (align with)",
    "allied": "common participle/adjective (allied with, Iran-allied)",
    "depose": "common verb of coups, CAMEO 17x sense",
    "disavow": "common verb; named in the annotation guidelines",
    "meddling": "common noun of interference accusations",
    "mr": "English honorific (EWT writes Mr. with a period)",
    "sen": "abbreviation of Senator",
    "sens": "plural abbreviation of Senators; named in a DATA.md",
    "opponents": "plural of opponent (in EWT as singular)",
    "presidency": "common noun",
    "reelection": "American spelling of re-election",
    "rightful": "evaluative adjective named in the lexicon spec",
    "tweet": "common verb of saying on social media",
    "unfounded": "common adjective of rebuttals",
    "usurpation": "noun of usurp (CAMEO 171); named in the annotation guidelines",
    "mismanagement": "common noun of misrule (mis- + management)",
    "oppression": "common noun of oppress",
    "plundering": "gerund of plunder, beside the noun plunder",
    "spat": "common noun of a short quarrel",
    "reprehensible": "common adjective of moral blame (deplorable, despicable)",
    "ruse": "common noun of deception (ploy, trick)",
    "smokescreen": "common noun of deception (a cover for something else)",
}


def check_against_gold(
    frames: list[dict[str, str]], lists: dict[str, list[str]], data: Path, rep: Report
) -> str:
    gold = gold_texts(data)
    if not gold:
        return f"gold texts not found under {data}: copy check skipped"
    n = 6
    shingles: dict[tuple[str, ...], str] = {}
    gold_vocab: set[str] = set()
    for name, text in gold:
        tokens = normalise(text).split()
        gold_vocab.update(tokens)
        for i in range(len(tokens) - n + 1):
            shingles.setdefault(tuple(tokens[i : i + n]), name)
    for frame in frames:
        tokens = normalise(frame["example"]).split()
        for i in range(len(tokens) - n + 1):
            hit = shingles.get(tuple(tokens[i : i + n]))
            if hit:
                rep.error(frame["where"], f"example shares {n} words in a row with {hit}: write another")
                break
    general = general_words(data)
    if not general:
        return f"{len(gold)} gold texts read; EWT and lexicons missing, vocabulary review skipped"
    used: dict[str, str] = {}
    for frame in frames:
        used.setdefault(frame["lemma"], frame["where"])
    for name, entries in lists.items():
        for entry in entries:
            for word in normalise(entry).split():
                used.setdefault(word, name)
    for word, where in sorted(used.items()):
        if word in gold_vocab and word not in general and word not in REVIEWED:
            rep.review(where, f"{word!r} is in the gold texts but not in EWT/CAMEO/VADER: general English?")
    return (
        f"{len(gold)} gold texts read, {len(shingles)} {n}-word sequences compared; "
        f"{len(REVIEWED)} words judged general English by hand (REVIEWED)"
    )


def default_data() -> Path:
    """The shared data folder beside the repository (``../shared/data`` from its root)."""
    beside_repo = HERE.parents[5].parent / "shared" / "data"
    return beside_repo if beside_repo.exists() else Path("/work/shared/data")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--data", type=Path, default=default_data(), help="shared data folder (default: ../shared/data)"
    )
    args = parser.parse_args()
    rep = Report()
    frames = check_frames(rep)
    lists = {name: check_word_list(name, rep) for name in WORD_LISTS}
    readme = HERE / "README.md"
    if not readme.exists():
        rep.error("README.md", "missing")
    gold_note = check_against_gold(frames, lists, args.data, rep)

    counts: dict[tuple[str, str], int] = {}
    for frame in frames:
        key = (frame["stance"], frame["upos"])
        counts[key] = counts.get(key, 0) + 1
    print(f"frames.tsv: {len(frames)} frames, {len({(f['lemma'], f['upos']) for f in frames})} cue words")
    for upos in ["VERB", "NOUN", "ADJ", "PREFIX", "SUFFIX"]:
        row = "  ".join(f"{stance} {counts.get((stance, upos), 0):3d}" for stance in ["FAVOR", "AGAINST"])
        print(f"  {upos:7s} {row}")
    for name, entries in lists.items():
        print(f"{name}: {len(entries)} entries")
    print(gold_note)
    for line in rep.reviews:
        print(f"REVIEW {line}")
    for line in rep.errors:
        print(f"ERROR {line}")
    print(f"{len(rep.errors)} errors, {len(rep.reviews)} words to review")
    return 1 if rep.errors else 0


if __name__ == "__main__":
    sys.exit(main())
