"""The name lists casing/proper-noun reads, loaded once per process from a precompiled cache.

The same data as ``newslint.lexicon``'s gazetteer(), proper_names(), given_names() and
dual_names() (rules/data/*.txt), parsed once and kept as marshal data under the user's cache
folder (keyed on the files' sizes and mtimes), so a cold start reads one small file instead of
parsing four text files; plus the word sets the rule finds its candidates with:

- ``full``: lowercase words that are always looked at (the gazetteer's one-word names, the words of
  its longer names that are capitalised there, hunspell's proper names, the party words);
- ``light``: given names and words hunspell also knows as names (``smith``, ``will``), looked at
  only beside a capitalised word.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

_ALWAYS = ("republican", "republicans", "democrat", "democrats", "congress", "miss")


@dataclass(frozen=True, slots=True)
class NameData:
    gazetteer: object  # newslint.lexicon.Gazetteer
    proper: frozenset[str]
    given: frozenset[str]
    dual: frozenset[str]
    full: frozenset[str]
    light: frozenset[str]
    # lowercase word -> ((first word, index in gazetteer.phrases[first], position, lowercase name, offset), ...)
    phrase_words: dict
    place_words: frozenset[str]  # the words of the gazetteer's places, countries, states, demonyms, languages


def _build(sources) -> tuple:
    from newslint import lexicon

    for fn in (lexicon.gazetteer, lexicon.proper_names, lexicon.given_names, lexicon.dual_names):
        fn.cache_clear()  # read the files as they are now
    gaz = lexicon.gazetteer()
    single = {k: (n.canonical, n.kind, n.ambiguous) for k, n in gaz.single.items()}
    phrases = {
        k: [(n.canonical, n.kind, n.ambiguous, list(n.words), list(n.seps)) for n in names]
        for k, names in gaz.phrases.items()
    }
    proper = lexicon.proper_names()
    given = lexicon.given_names()
    dual = lexicon.dual_names()
    return single, phrases, "\n".join(sorted(gaz.words)), "\n".join(proper), "\n".join(given), "\n".join(dual)


@lru_cache(maxsize=1)
def name_data() -> NameData:
    from newslint.lexicon import Gazetteer, Name, gazetteer_path
    from newslint.usercache import cached

    data_dir = gazetteer_path().parent
    sources = [data_dir / f for f in ("gazetteer.txt", "proper_names.txt", "given_names.txt", "dual_names.txt")]
    data = cached("casing-names-v2", sources, _build)
    if data is None:  # a data file is missing: build from what the lexicon can read
        data = _build(sources)
    single, phrases, words, proper, given, dual = data
    proper, given, dual = (frozenset(x.split("\n")) - {""} for x in (proper, given, dual))
    gaz = Gazetteer()
    gaz.single = {k: Name(c, kind, amb) for k, (c, kind, amb) in single.items()}
    gaz.phrases = {
        k: [Name(c, kind, amb, tuple(ws), tuple(seps)) for c, kind, amb, ws, seps in names]
        for k, names in phrases.items()
    }
    gaz.words = frozenset(words.split("\n"))
    phrase_words: dict[str, list] = {}
    for first, names in gaz.phrases.items():
        for n_index, name in enumerate(names):
            offset = 0
            for pos, word in enumerate(name.words):
                if not word.islower():
                    entry = (first, n_index, pos, name.canonical.lower(), offset)
                    phrase_words.setdefault(word.lower(), []).append(entry)
                offset += len(word) + (len(name.seps[pos]) if pos < len(name.seps) else 0)
    for entries in phrase_words.values():
        entries.sort(key=lambda e: -len(gaz.phrases[e[0]][e[1]].words))  # longest name first
    full = frozenset(gaz.single) | proper | frozenset(phrase_words) | frozenset(_ALWAYS)
    light = (given | dual) - full
    kinds = ("country", "state", "place", "demonym", "language")
    place_words = {k for k, n in gaz.single.items() if n.kind in kinds}
    place_words.update(w.lower() for names in gaz.phrases.values() for n in names if n.kind in kinds for w in n.words)
    return NameData(
        gaz, proper, given, dual, full, light, {k: tuple(v) for k, v in phrase_words.items()}, frozenset(place_words)
    )


def _build_frequent(sources) -> tuple:
    from newslint import lexicon

    known = lexicon.words()
    pairs = list(zip(known.keys, known.values))
    return (
        frozenset(k for k, v in pairs if v >= 1_000_000),
        frozenset(k for k, v in pairs if v >= 100_000_000),
    )


@lru_cache(maxsize=1)
def frequent_words() -> tuple[frozenset[str], frozenset[str]]:
    """English words used at least a million and at least a hundred million times in symspellpy's
    web corpus: the words a slip (``waas``) or a run-together compound (``wellknown``) is made of."""
    from newslint.lexicon import word_sources
    from newslint.usercache import cached

    sources = word_sources()
    data = cached("casing-frequent", sources, _build_frequent) if sources else None
    return data if data else (frozenset(), frozenset())


@lru_cache(maxsize=1)
def british_spellings() -> frozenset[str]:
    """The British spellings codespell maps to American ones (``honour``, ``centred``): English words,
    no names."""
    from newslint.lexicon import _package_file

    path = _package_file("codespell_lib", "data", "dictionary_en-GB_to_en-US.txt")
    if path is None:
        return frozenset()
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return frozenset()
    return frozenset(line.partition("->")[0].strip().lower() for line in lines if "->" in line)


@lru_cache(maxsize=1)
def name_forms() -> dict[str, str]:
    """Lowercase -> the written form of names with a capital inside (``mcdonald`` -> ``McDonald``),
    from rules/data/name_forms.txt (hunspell-en-us, built by tools/build_gazetteer.py)."""
    from newslint.lexicon import gazetteer_path

    try:
        text = gazetteer_path().with_name("name_forms.txt").read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return {}
    return {line.lower(): line for line in text.split("\n") if line and not line.startswith("#")}
