"""The per-user data cache (``$XDG_CACHE_HOME/newslint``): precompiled word lists, rules, syllables.

Everything here is rebuilt from installed files when missing, stale or unreadable; nothing is
ever downloaded. A cache that cannot be written is skipped.
"""

from __future__ import annotations

import os
from pathlib import Path

CACHE_FORMAT = 2


def cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or ""
    if not os.path.isabs(base):
        base = os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "newslint"


def digest(data: bytes) -> str:
    """A hex digest for cache keys (BLAKE2b; without importing hashlib's OpenSSL, 4 ms at start-up)."""
    try:
        from _blake2 import blake2b
    except ImportError:  # an interpreter built without it
        from hashlib import blake2b
    return blake2b(data, digest_size=20).hexdigest()


def write_atomic(path: Path, data: bytes, mkdir: bool = True) -> None:
    """Write ``data`` to a new temporary file beside ``path``, then rename it into place."""
    if mkdir:
        path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.parent / f".{path.name}.{os.getpid()}.{os.urandom(4).hex()}.tmp"
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def cached(name: str, sources: list[Path], build):
    """``build(sources)`` -> a tuple of marshal-able data, cached under ``name`` and keyed on the
    sources' paths, sizes and mtimes and newslint's version."""
    import marshal

    from newslint import __version__

    try:
        stats = [(str(p), p.stat()) for p in sources]
    except OSError:
        return None
    key = f"{CACHE_FORMAT}:{__version__}:" + ";".join(f"{p}:{st.st_size}:{st.st_mtime_ns}" for p, st in stats)
    path = cache_dir() / f"{name}.marshal"
    try:
        with open(path, "rb") as fh:
            stored_key, data = marshal.loads(fh.read())  # one read: marshal.load(fh) reads piecemeal
        if stored_key == key and isinstance(data, tuple):
            if name.partition("-")[0] in PRUNED:
                _touch(path)  # last used now: prune() keeps it
            return data
    except (OSError, EOFError, ValueError, TypeError, MemoryError):
        pass  # missing, or written by another version: rebuild
    data = build(sources)
    try:
        write_atomic(path, marshal.dumps((key, data)))
    except (OSError, ValueError):
        pass  # read-only or missing home, or data marshal cannot store: work without a cache
    else:
        family = name.partition("-")[0]
        if family in PRUNED:
            prune(family)
    return data


def _touch(path: Path) -> None:
    try:
        os.utime(path)
    except OSError:
        pass  # a read-only cache: it is not written, so not pruned either


PRUNED = ("config", "rules")
"""Families of entries keyed by a path (a configuration's, a rules folder's): one per path ever used,
so old ones are pruned."""
KEEP = 128


def prune(family: str, limit: int = 2 * KEEP) -> None:
    """Once there are more than ``limit`` ``family-*.marshal`` entries, keep the KEEP last used (an
    entry of these families is touched when read): a path used once, a test's temporary folder or a
    deleted checkout, would otherwise leave its entry for good."""
    try:
        with os.scandir(cache_dir()) as it:
            entries = [e for e in it if e.name.startswith(family + "-") and e.name.endswith(".marshal")]
        if len(entries) <= limit:
            return
        entries.sort(key=lambda e: e.stat().st_mtime_ns, reverse=True)
        for e in entries[KEEP:]:
            os.unlink(e.path)
    except OSError:
        pass  # another process pruned first, or the folder is read-only: the next write tries again


class LearnedStore:
    """What processes learn one entry at a time (a pure function of the entry and of newslint's code and
    data, as ``key()`` names them), kept in this cache for the next process: entries are marshal-able
    keys and values, and a process that meets an entry the file holds need not work it out again.

    The file is read once a process has learned ``load_after`` entries (a run of a few articles does not
    pay for it), and written, merged with what other processes left there and atomically, each time
    the process has learned as many new entries as it had at its last write (a pool's workers run no
    atexit), and at exit. A file written under another key (other code or data), broken or unreadable is ignored and
    replaced; at most ``limit`` entries are kept. The caller checks a value's shape before using it.
    """

    def __init__(self, name: str, key, load_after: int = 200, limit: int = 200_000) -> None:
        self.name = name
        self.key = key  # () -> a marshal-able key of the code and data the entries depend on
        self.load_after = load_after
        self.limit = limit
        self.loaded = False
        self.stored: dict = {}  # what the file held when read
        self.new: dict = {}  # learned here since the last write
        self.learned = 0
        self._key = None
        self._path: Path | None = None

    def path(self) -> Path:
        """The file, in the cache folder of the process's first read or write (also at exit)."""
        if self._path is None:
            self._path = cache_dir() / f"{self.name}.marshal"
        return self._path

    def get(self, entry, default=None):
        return self.stored.get(entry, default)

    def learn(self, entry, value) -> None:
        """Note what this process worked out for ``entry``."""
        if len(self.new) < self.limit:
            self.new[entry] = value
        self.learned += 1
        if not self.loaded:
            if self.learned >= self.load_after:
                self.load()
        elif len(self.new) >= max(self.load_after, self.learned - len(self.new)):
            self.save()

    def load(self) -> None:
        import atexit

        self.loaded = True
        _LOADED.append(self)
        stored = self.stored = self._read()
        if stored:  # what the file holds already is not new: a run that learns nothing writes nothing
            self.new = {k: v for k, v in self.new.items() if k not in stored or stored[k] != v}
        atexit.register(self.save)  # what is left to write when a process (not a pool's worker) ends

    def _read(self) -> dict:
        import marshal

        try:
            with open(self.path(), "rb") as fh:
                stored_key, data = marshal.loads(fh.read())
            if self._key is None:
                self._key = self.key()
        except (OSError, EOFError, ValueError, TypeError, MemoryError):
            return {}
        return data if stored_key == self._key and type(data) is dict else {}

    def save(self) -> None:
        """Write the new entries, with the file's, to the cache (nothing when nothing is new)."""
        if not self.new:
            return
        import marshal

        try:  # a cache that cannot be written (or a process short of memory) goes without
            if self._key is None:
                self._key = self.key()
            merged = self._read()  # as another process may have left it
            room = self.limit - len(merged)
            if room > 0:
                merged.update(self.new if len(self.new) <= room else dict(list(self.new.items())[:room]))
                write_atomic(self.path(), marshal.dumps((self._key, merged)))
        except (OSError, ValueError, MemoryError):
            pass
        self.new = {}


_LOADED: list[LearnedStore] = []  # the stores this process has read


def save_learned() -> None:
    """Write what this process learned into each store it has read: a pool's worker, which runs no
    atexit, calls it before it ends."""
    for store in _LOADED:
        store.save()
