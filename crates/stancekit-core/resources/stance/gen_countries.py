"""Dev tool: derive countries.tsv from PETRARCH2's Phoenix.Countries.actors.txt (MIT).

Run once by a developer: python gen_countries.py /path/to/petrarch2_Phoenix.Countries.actors.txt
The package never runs this; it ships the generated countries.tsv.
"""

import re
import sys

OVERRIDE = {
    "UNITED_STATES_OF_AMERICA": "United States",
    "RUSSIAN_FEDERATION": "Russia",
    "UNITED_KINGDOM": "United Kingdom",
    "KOREA_REPUBLIC_OF": "South Korea",
}
HEADER = """# Countries, their name variants and demonyms, derived from the PETRARCH2 dictionary
# Phoenix.Countries.actors.txt (github.com/openeventdata/petrarch2), which carries this notice:
#
# The MIT License (MIT)
# Copyright (c) 2014 Open Event Data Alliance
# Permission is hereby granted, free of charge, to any person obtaining a copy of this software and
# associated documentation files (the "Software"), to deal in the Software without restriction,
# including without limitation the rights to use, copy, modify, merge, publish, distribute,
# sublicense, and/or sell copies of the Software, and to permit persons to whom the Software is
# furnished to do so, subject to the following conditions:
# The above copyright notice and this permission notice shall be included in all copies or
# substantial portions of the Software.
# THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING BUT
# NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND
# NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM,
# DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
# OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.
#
# Format: canonical<TAB>ISO code<TAB>alias|alias|... (aliases matched case-insensitively but only
# when capitalised in the text). Only the country-level names and their `+` variants are kept; an
# entry whose codes are dated (states formed after 1990) keeps the code it has today.
"""


def pretty(name: str) -> str:
    words = name.strip("_").split("_")
    small = {"of", "and", "the"}
    return " ".join(w.lower() if w.lower() in small and i else w.capitalize() for i, w in enumerate(words))


def current_code(codes: list[str]) -> str | None:
    """The country code an entry with dated codes has today: its last code, when that is a bare
    three-letter code that is undated or open-ended (`[UKR >911221]`). Entries whose last code is
    an agent's (`[ERIGOV >930524]`) or closed are people, parties or former states."""
    if not codes:
        return None
    m = re.match(r"^\[([A-Z]{3})(?: >\d+)?\]$", codes[-1])
    return m.group(1) if m else None


def main(path: str) -> None:
    out = []
    by_code: dict[str, list] = {}
    dated: list[list] = []
    cur = None
    # A name line without a code opens an entry whose codes follow on indented lines, dated
    # (states that became independent after 1990: Ukraine, Eritrea, Timor-Leste, ...).
    pending = None

    def close_pending() -> None:
        nonlocal pending
        if pending is not None:
            code = current_code(pending[3])
            if code is not None:
                dated.append([pending[0], code, pending[2]])
        pending = None

    with open(path, encoding="utf-8", errors="replace") as source:
        lines = source.read().splitlines()
    for line in lines:
        m = re.match(r"^([A-Z][A-Z_'.\-]*?)_?\s+\[([A-Z]{3})\]\s*(?:#.*)?$", line)
        if m:
            close_pending()
            name = m.group(1).strip("_")
            canon = OVERRIDE.get(name, pretty(name))
            cur = [canon, m.group(2), [pretty(name)]]
            out.append(cur)
            by_code.setdefault(m.group(2), cur)
            continue
        if line.startswith("+") and (cur is not None or pending is not None):
            alias = line[1:].split("#")[0].split("[")[0].strip().strip("_")
            if alias and not alias.startswith("THE_"):
                (cur if cur is not None else pending)[2].append(pretty(alias))
            continue
        if pending is not None and line.startswith(("\t", " ")) and line.strip().startswith("["):
            pending[3].append(line.strip())
            continue
        if line and not line.startswith(("#", " ", "\t")):
            close_pending()
            cur = None
            m = re.match(r"^([A-Z][A-Z_'.\-]*?)_?\s*(?:#.*)?$", line)
            if m:
                name = m.group(1).strip("_")
                pending = [OVERRIDE.get(name, pretty(name)), None, [pretty(name)], []]
    close_pending()
    # A dated entry is another name of a country the file also lists with a plain code (East
    # German cities under Germany); otherwise it is a country of its own.
    for entry in dated:
        if entry[1] in by_code:
            by_code[entry[1]][2].extend(entry[2])
        else:
            out.append(entry)
            by_code[entry[1]] = entry
    print(HEADER, end="")
    for canon, iso, aliases in out:
        seen = []
        for a in aliases:
            if a.lower() not in [s.lower() for s in seen] and a.lower() != canon.lower():
                seen.append(a)
        print(f"{canon}\t{iso}\t{'|'.join(seen)}")


if __name__ == "__main__":
    main(sys.argv[1])
