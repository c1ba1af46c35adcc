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


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to a temporary file beside ``path``, then rename it into place."""
    import tempfile

    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix="." + path.name + ".", suffix=".tmp")
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
            stored_key, data = marshal.load(fh)
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
