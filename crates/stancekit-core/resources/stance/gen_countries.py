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
# when capitalised in the text). Only the country-level names and their `+` variants are kept.
"""


def pretty(name: str) -> str:
    words = name.strip("_").split("_")
    small = {"of", "and", "the"}
    return " ".join(w.lower() if w.lower() in small and i else w.capitalize() for i, w in enumerate(words))


def main(path: str) -> None:
    out = []
    cur = None
    for line in open(path, encoding="utf-8", errors="replace"):
        line = line.rstrip("\n")
        m = re.match(r"^([A-Z][A-Z_'.\-]*?)_?\s+\[([A-Z]{3})\]\s*$", line)
        if m:
            name = m.group(1).strip("_")
            canon = OVERRIDE.get(name, pretty(name))
            cur = [canon, m.group(2), [pretty(name)]]
            out.append(cur)
            continue
        if line.startswith("+") and cur is not None:
            alias = line[1:].split("#")[0].split("[")[0].strip().strip("_")
            if alias and not alias.startswith("THE_"):
                cur[2].append(pretty(alias))
            continue
        if line and not line.startswith(("#", " ", "\t")):
            cur = None
    print(HEADER, end="")
    for canon, iso, aliases in out:
        seen = []
        for a in aliases:
            if a.lower() not in [s.lower() for s in seen] and a.lower() != canon.lower():
                seen.append(a)
        print(f"{canon}\t{iso}\t{'|'.join(seen)}")


if __name__ == "__main__":
    main(sys.argv[1])
