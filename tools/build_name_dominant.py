"""Build rules/data/name_dominant.txt: English words that are written capitalised far more often than
lowercase (``john``, ``turin``, ``wagner``), for casing/proper-noun.

The source is the word probabilities of spaCy's English lexicon in the PyPI package
``spacy-lookups-data`` (MIT; estimated from Reddit comments, a corpus that is neither Brown nor
trained on it). A word is listed when its Titlecase form is at least RATIO times as probable as its
lowercase form, and newslint's word list counts it (a word no list knows is a name to the rule
anyway). The rule reads the list only with evidence from the article or a name's position, because
Reddit's capitals include the starts of sentences (``lets``, ``wont``).

Run (commit the result; the package is only needed at build time):
    pip download spacy-lookups-data==1.0.5 --no-deps -d /tmp/slk
    python tools/build_name_dominant.py /tmp/slk/spacy_lookups_data-1.0.5-py2.py3-none-any.whl
"""

from __future__ import annotations

import gzip
import json
import math
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUTPUT = ROOT / "rules" / "data" / "name_dominant.txt"
MEMBER = "spacy_lookups_data/data/en_lexeme_prob.json.gz"
RATIO = 4.0


def probabilities(wheel: Path) -> dict[str, float]:
    with zipfile.ZipFile(wheel) as z:
        return json.loads(gzip.decompress(z.read(MEMBER)))


def dominant(probs: dict[str, float], known) -> list[str]:
    log_ratio = math.log(RATIO)
    out = []
    for word, lp in probs.items():
        if not (word.isalpha() and word.isascii() and word.islower() and len(word) >= 3):
            continue
        title = probs.get(word.capitalize())
        if title is not None and title - lp >= log_ratio and known.get(word):
            out.append(word)
    return sorted(out)


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    sys.path.insert(0, str(ROOT / "src"))
    from newslint.lexicon import word_counts

    words = dominant(probabilities(Path(argv[0])), word_counts())
    header = (
        "# Words written capitalised at least 4 times as often as lowercase (spaCy's English lexeme\n"
        "# probabilities, PyPI spacy-lookups-data 1.0.5, MIT), that newslint's word list also counts.\n"
        "# Built by tools/build_name_dominant.py; do not edit by hand.\n"
    )
    OUTPUT.write_text(header + "\n".join(words) + "\n", encoding="utf-8")
    print(f"{OUTPUT.relative_to(ROOT)}: {len(words)} words")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
