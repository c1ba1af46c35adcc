"""Build rules/data/name_dominant.txt: English words that are written capitalised far more often than
lowercase (``john``, ``turin``, ``wagner``), for casing/proper-noun; and rules/data/surname_like.txt:
English words whose capitalised form is mostly a surname (``coles``, ``glazer``, ``elder``).

The source is the word probabilities of spaCy's English lexicon in the PyPI package
``spacy-lookups-data`` (MIT; estimated from Reddit comments, a corpus that is neither Brown nor
trained on it). A word is listed when its Titlecase form is at least RATIO times as probable as its
lowercase form, and newslint's word list counts it (a word no list knows is a name to the rule
anyway). The rule reads the list only with evidence from the article or a name's position, because
Reddit's capitals include the starts of sentences (``lets``, ``wont``).

surname_like.txt uses the same package's word clusters (Brown clustering on the same corpus: words
used alike share a cluster). A word is listed when its Titlecase form falls in one of SURNAME_CLUSTERS,
the clusters that hold most surnames of the people in rules/data/gazetteer.txt (``Putin``, ``Biden``:
clusters 22 and 86; given names and places have clusters of their own), its Titlecase form is at least
exp(SURNAME_MARGIN) times as probable as its lowercase form (not ``groom``, ``day``), and newslint's
word list counts it. The rule reads it only where a surname stands: after a given name, before a
name's end (``Mrs. Ethel coles,``).

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
SURNAMES = ROOT / "rules" / "data" / "surname_like.txt"
GIVEN = ROOT / "rules" / "data" / "given_like.txt"
MEMBER = "spacy_lookups_data/data/en_lexeme_prob.json.gz"
CLUSTERS = "spacy_lookups_data/data/en_lexeme_cluster.json.gz"
RATIO = 4.0
SURNAME_CLUSTERS = frozenset({22, 86, 214})
SURNAME_MARGIN = -2.0
GIVEN_CLUSTERS = frozenset({502, 1014})


def probabilities(wheel: Path, member: str = MEMBER) -> dict:
    with zipfile.ZipFile(wheel) as z:
        return json.loads(gzip.decompress(z.read(member)))


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


def surname_like(probs: dict[str, float], clusters: dict[str, int], known) -> list[str]:
    out = []
    for title, cluster in clusters.items():
        if cluster not in SURNAME_CLUSTERS or not (title.isalpha() and title.isascii() and title.istitle()):
            continue
        word = title.lower()
        if len(word) >= 3 and probs[title] - probs.get(word, -99.0) >= SURNAME_MARGIN and known.get(word):
            out.append(word)
    return sorted(out)


def given_like(clusters: dict[str, int], given) -> list[str]:
    """Given names whose Titlecase form shares the clusters of most given names (``mort``, ``sue``)."""
    return sorted(w for w in given if w.isalpha() and clusters.get(w.capitalize()) in GIVEN_CLUSTERS)


def _write(path: Path, words: list[str], header: str) -> None:
    path.write_text(header + "\n".join(words) + "\n", encoding="utf-8")
    print(f"{path.relative_to(ROOT)}: {len(words)} words")


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    sys.path.insert(0, str(ROOT / "src"))
    from newslint.lexicon import given_names, word_counts

    probs = probabilities(Path(argv[0]))
    clusters = probabilities(Path(argv[0]), CLUSTERS)
    _write(
        OUTPUT,
        dominant(probs, word_counts()),
        "# Words written capitalised at least 4 times as often as lowercase (spaCy's English lexeme\n"
        "# probabilities, PyPI spacy-lookups-data 1.0.5, MIT), that newslint's word list also counts.\n"
        "# Built by tools/build_name_dominant.py; do not edit by hand.\n",
    )
    _write(
        SURNAMES,
        surname_like(probs, clusters, word_counts()),
        "# Words whose Titlecase form is mostly a surname: in spaCy's word clusters 22, 86 or 214 (those of\n"
        "# most surnames of rules/data/gazetteer.txt's people) and at least exp(-2) times as probable as the\n"
        "# lowercase form (PyPI spacy-lookups-data 1.0.5, MIT). Built by tools/build_name_dominant.py.\n",
    )
    _write(
        GIVEN,
        given_like(clusters, given_names()),
        "# Given names of rules/data/given_names.txt whose Titlecase form is in spaCy's word clusters 502\n"
        "# or 1014 (those of most given names; PyPI spacy-lookups-data 1.0.5, MIT), so mostly a name when\n"
        "# capitalised (``mort``, ``sue``). Built by tools/build_name_dominant.py.\n",
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
