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
            return data
    except (OSError, EOFError, ValueError, TypeError, MemoryError):
        pass  # missing, or written by another version: rebuild
    data = build(sources)
    try:
        write_atomic(path, marshal.dumps((key, data)))
    except (OSError, ValueError):
        pass  # read-only or missing home, or data marshal cannot store: work without a cache
    return data
