"""The name lists casing/proper-noun reads, loaded once per process from a precompiled cache.

The same data as ``newslint.lexicon``'s gazetteer(), proper_names(), given_names(), dual_names()
surname_like() and given_like() (rules/data/*.txt), parsed once and kept as marshal data under the user's cache
folder (keyed on the files' sizes and mtimes), so a cold start reads one small file instead of
parsing five text files; plus the word sets the rule finds its candidates with:

- ``full``: lowercase words that are always looked at (the gazetteer's one-word names, the words of
  its longer names that are capitalised there, hunspell's proper names, the party words);
- ``light``: given names and words hunspell also knows as names (``smith``, ``will``), looked at
  only beside a capitalised word.
"""

from __future__ import annotations

from functools import lru_cache

_ALWAYS = frozenset(("republican", "republicans", "democrat", "democrats", "congress", "miss"))


class NameData:
    """The name lists; ``full`` and ``light`` are built on first use (the rule intersects with their
    parts instead)."""

    __slots__ = (
        "_full",
        "_light",
        "dual",
        "gazetteer",
        "given",
        "given_like",
        "phrase_words",
        "place_words",
        "proper",
        "surname",
    )

    def __init__(
        self, gazetteer, proper, given, dual, phrase_words, place_words, surname=frozenset(), given_like=frozenset()
    ) -> None:
        self.gazetteer = gazetteer  # newslint.lexicon.Gazetteer
        self.proper: frozenset[str] = proper
        self.given: frozenset[str] = given
        self.dual: frozenset[str] = dual
        # lowercase word -> ((first word, index in gazetteer.phrases[first], position, lowercase name, offset), ...)
        self.phrase_words: dict = phrase_words
        # the words of the gazetteer's places, countries, states, demonyms, languages
        self.place_words: frozenset[str] = place_words
        self.surname: frozenset[str] = surname  # words mostly a surname when capitalised (lexicon.surname_like)
        self.given_like: frozenset[str] = given_like  # given names mostly a name when capitalised
        self._full: frozenset[str] | None = None
        self._light: frozenset[str] | None = None

    @property
    def full(self) -> frozenset[str]:
        if self._full is None:
            self._full = frozenset(self.gazetteer.single) | self.proper | frozenset(self.phrase_words) | _ALWAYS
        return self._full

    @property
    def light(self) -> frozenset[str]:
        if self._light is None:
            self._light = (self.given | self.dual) - self.full
        return self._light


def _build(sources) -> tuple:
    from newslint import lexicon

    for fn in (
        lexicon.gazetteer,
        lexicon.proper_names,
        lexicon.given_names,
        lexicon.dual_names,
        lexicon.surname_like,
        lexicon.given_like,
    ):
        fn.cache_clear()  # read the files as they are now
    gaz = lexicon.gazetteer()
    single = {k: (n.canonical, n.kind, n.ambiguous) for k, n in gaz.single.items()}
    phrases = {
        k: [(n.canonical, n.kind, n.ambiguous, list(n.words), list(n.seps)) for n in names]
        for k, names in gaz.phrases.items()
    }
    sets = (frozenset(gaz.words), lexicon.proper_names(), lexicon.given_names(), lexicon.dual_names())
    data = (
        single,
        phrases,
        *(frozenset(x) - {""} for x in sets),
        _phrase_words(gaz),
        _place_words(gaz),
        lexicon.surname_like() - {""},
        lexicon.given_like() - {""},
    )
    return _one_copy(data, {})


def _one_copy(value, seen: dict):
    """``value`` with each string the same object wherever it occurs (87,000 strings, 43,000 distinct):
    marshal then stores and loads it once (a cold start reads the file in 12 ms instead of 15)."""
    if type(value) is str:
        return seen.setdefault(value, value)
    if type(value) is dict:
        return {_one_copy(k, seen): _one_copy(v, seen) for k, v in value.items()}
    if type(value) in (tuple, list, frozenset):
        return type(value)(_one_copy(v, seen) for v in value)
    return value


def _phrase_words(gaz) -> dict:
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
    return {k: tuple(v) for k, v in phrase_words.items()}


def _place_words(gaz) -> frozenset[str]:
    kinds = ("country", "state", "place", "demonym", "language")
    place_words = {k for k, n in gaz.single.items() if n.kind in kinds}
    place_words.update(w.lower() for names in gaz.phrases.values() for n in names if n.kind in kinds for w in n.words)
    return frozenset(place_words)


@lru_cache(maxsize=1)
def name_data() -> NameData:
    from newslint.lexicon import Gazetteer, Name, gazetteer_path
    from newslint.usercache import cached

    data_dir = gazetteer_path().parent
    names = (
        "gazetteer.txt",
        "proper_names.txt",
        "given_names.txt",
        "dual_names.txt",
        "surname_like.txt",
        "given_like.txt",
    )
    sources = [data_dir / f for f in names]
    data = cached("casing-names-v6", sources, _build)  # marshal keeps the sets: no split, no copy
    if data is None:  # a data file is missing: build from what the lexicon can read
        data = _build(sources)
    single, phrases, words, proper, given, dual, phrase_words, place_words, surname, given_like = data
    gaz = Gazetteer()
    gaz.single = _LazyNames(single)
    gaz.phrases = {
        k: [Name(c, kind, amb, tuple(ws), tuple(seps)) for c, kind, amb, ws, seps in names]
        for k, names in phrases.items()
    }
    gaz.words = words
    return NameData(gaz, proper, given, dual, phrase_words, place_words, surname, given_like)


class _LazyNames(dict):
    """Lowercase word -> lexicon.Name, each Name made the first time it is asked for (the rule asks
    for a few per article; making all 10,000 at load cost about 10 ms of a cold start). Keys,
    ``in`` and iteration are the dict's own; values are (canonical, kind, ambiguous) until read."""

    __slots__ = ()

    def __getitem__(self, key: str):
        value = dict.__getitem__(self, key)
        if type(value) is tuple:
            from newslint.lexicon import Name

            value = Name(*value)
            dict.__setitem__(self, key, value)
        return value

    def get(self, key: str, default=None):
        return self[key] if dict.__contains__(self, key) else default

    def items(self):
        return ((k, self[k]) for k in self)

    def values(self):
        return (self[k] for k in self)

    def __eq__(self, other) -> bool:
        return dict(self.items()) == other

    __hash__ = None  # as a dict's


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
