"""Finding files to lint, reading them exactly, and writing them back atomically."""

from __future__ import annotations

import fnmatch
import os
from dataclasses import dataclass
from pathlib import Path

from newslint.errors import InputError

SUFFIXES = (".md", ".markdown", ".txt")
BOM = "\ufeff"


@dataclass
class Source:
    """A decoded file: text without BOM, and what it takes to write it back the same way."""

    path: str
    text: str
    bom: bool = False
    size: int = 0


def decode(data: bytes, path: str) -> Source:
    """Decode UTF-8 (with or without BOM); binary data and invalid UTF-8 are input errors."""
    if b"\x00" in data[:8192]:
        raise InputError(f"{path}: binary file (contains NUL bytes), not linted")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: not valid UTF-8 (byte {exc.start}: {data[exc.start : exc.start + 1]!r})") from None
    bom = text.startswith(BOM)
    return Source(path, text[1:] if bom else text, bom, len(data))


def read_source(path: Path, max_size: int) -> Source:
    return decode(read_bytes(path, max_size), str(path))


def read_bytes(path: Path, max_size: int) -> bytes:
    """A file's bytes; missing, unreadable and oversized files are input errors."""
    try:
        size = path.stat().st_size
        if size > max_size:
            raise InputError(f"{path}: file is {size} bytes, larger than max-file-size ({max_size}); not linted")
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory") from None
    except PermissionError:
        raise InputError(f"{path}: permission denied") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None
    return data


def is_excluded(path: Path, patterns: list[str], root: Path) -> bool:
    if not patterns:
        return False
    try:
        rel = path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        rel = path.as_posix()
    parts = rel.split("/")
    for pat in patterns:
        pat = pat.rstrip("/")
        if fnmatch.fnmatch(rel, pat) or any(fnmatch.fnmatch(p, pat) for p in parts):
            return True
        if any(fnmatch.fnmatch("/".join(parts[: i + 1]), pat) for i in range(len(parts))):
            return True
    return False


def discover(paths: list[str]) -> list[Path]:
    """Expand folders into their article files (sorted, hidden folders skipped, symlink loops safe).
    Files named explicitly are always returned."""
    out: list[Path] = []
    seen: set[tuple[int, int]] = set()
    for raw in paths:
        p = Path(raw)
        if not p.is_dir():
            out.append(p)
            continue
        for dirpath, dirnames, filenames in os.walk(p, followlinks=True):
            try:
                st = os.stat(dirpath)
            except OSError:
                dirnames[:] = []
                continue
            key = (st.st_dev, st.st_ino)
            if key in seen:
                dirnames[:] = []
                continue
            seen.add(key)
            dirnames[:] = sorted(
                d for d in dirnames if not d.startswith(".") and d not in ("node_modules", "__pycache__")
            )
            for name in sorted(filenames):
                if name.lower().endswith(SUFFIXES):
                    out.append(Path(dirpath) / name)
    return out
