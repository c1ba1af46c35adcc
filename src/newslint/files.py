"""Finding files to lint, reading them exactly, and writing them back atomically."""

from __future__ import annotations

import fnmatch
import os
import stat
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
    """A file's bytes; missing, unreadable, oversized and non-regular files (folders, FIFOs, devices)
    are input errors. The file is opened without blocking (a FIFO with no writer would wait forever)
    and checked on the open descriptor, so a file swapped between the check and the read is not read."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory, not a file") from None
    except PermissionError:
        raise InputError(f"{path}: permission denied") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None
    try:
        st = os.fstat(fd)
        if stat.S_ISDIR(st.st_mode):
            raise InputError(f"{path}: is a directory, not a file")
        if not stat.S_ISREG(st.st_mode):
            raise InputError(f"{path}: not a regular file (a pipe, socket or device); not linted")
        if st.st_size > max_size:
            raise InputError(
                f"{path}: file is {st.st_size} bytes, larger than max-file-size ({max_size} bytes); not linted"
            )
        # the file's size and a byte (not max_size + 1: that buffer is allocated on every read)
        data = _read_upto(fd, st.st_size + 1)
        if len(data) > st.st_size:  # it grew since fstat: past the limit, it is refused too
            data += _read_upto(fd, max_size + 1 - len(data))
    except PermissionError:
        raise InputError(f"{path}: permission denied") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None
    finally:
        os.close(fd)
    if len(data) > max_size:
        raise InputError(f"{path}: file is larger than max-file-size ({max_size} bytes); not linted")
    return data


def _read_upto(fd: int, n: int) -> bytes:
    """Up to ``n`` bytes of ``fd``, fewer only at its end (``os.read``: no buffered file object)."""
    data = os.read(fd, n)
    if 0 < len(data) < n:
        parts = [data]
        while n > (got := sum(map(len, parts))) and (more := os.read(fd, n - got)):
            parts.append(more)
        data = b"".join(parts)
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


def stat_kind(path: Path) -> str:
    """``"dir"``, ``"file"``, ``"other"`` or ``""`` where ``path`` cannot be stat-ed (missing, or
    inside a folder this user may not search)."""
    try:
        mode = os.stat(path).st_mode
    except (OSError, ValueError):
        return ""
    return "dir" if stat.S_ISDIR(mode) else "file" if stat.S_ISREG(mode) else "other"


def path_kind(raw: str) -> str | None:
    """``"dir"``, ``"file"`` (anything else that exists, or what cannot be stat-ed for another reason
    than its absence) or None (missing), from one stat."""
    import errno

    try:
        mode = os.stat(Path(raw)).st_mode  # Path: "" is ".", "a.txt/" is "a.txt", as for Path.exists()
    except OSError as exc:
        if exc.errno in (errno.ENOENT, errno.ENOTDIR, errno.EBADF, errno.ELOOP):
            return None
        if getattr(exc, "winerror", None) in (21, 123, 1921):  # not ready, invalid name, link loop
            return None
        return "file"  # EACCES and the like: reading it reports the error, for this file only
    except ValueError:  # a NUL in the name
        return None
    return "dir" if stat.S_ISDIR(mode) else "file"


def discover(paths: list[str], unreadable: list[str] | None = None) -> list[Path]:
    """Expand folders into their article files (sorted, hidden folders skipped, symlink loops safe,
    each file once however many links lead to it, only regular files). Files named explicitly are
    always returned (reading them reports what is wrong with them); a folder that cannot be listed
    is added to ``unreadable`` as a one-line error."""
    out: list[Path] = []
    seen: set[tuple[int, int]] = set()
    files_seen: set[tuple[int, int]] = set()

    def listing_failed(exc: OSError) -> None:
        if unreadable is not None:
            unreadable.append(f"{exc.filename}: {(exc.strerror or 'cannot be read').lower()} (folder not linted)")

    for raw in paths:
        p = Path(raw)
        if stat_kind(p) != "dir":
            out.append(p)  # a file, or missing or unreadable: reading it reports what is wrong
            continue
        for dirpath, dirnames, filenames in os.walk(p, onerror=listing_failed, followlinks=True):
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
                if not name.lower().endswith(SUFFIXES):
                    continue
                try:
                    fst = os.stat(os.path.join(dirpath, name))
                except OSError:
                    continue  # a dangling symlink, or a file deleted since the folder was listed
                if not stat.S_ISREG(fst.st_mode) or (fst.st_dev, fst.st_ino) in files_seen:
                    continue  # FIFOs, sockets and devices are never read; a file linked twice is linted once
                files_seen.add((fst.st_dev, fst.st_ino))
                out.append(Path(dirpath) / name)
    return out


def git_ignored(paths: list[Path]) -> set[Path]:
    """The paths that git would ignore (.gitignore, .git/info/exclude, core.excludesFile), asked of
    ``git check-ignore`` in one call per work tree; tracked files are never ignored. Empty outside a
    git work tree or without git."""
    import shutil
    import subprocess

    if not paths or shutil.which("git") is None:
        return set()
    by_folder: dict[Path, list[Path]] = {}
    for p in paths:
        by_folder.setdefault(p.parent, []).append(p)
    ignored: set[Path] = set()
    top_of: dict[Path, Path | None] = {}
    by_top: dict[Path, list[Path]] = {}
    for folder, files in by_folder.items():
        absolute = os.path.abspath(folder)
        known = [t for t in top_of.values() if t is not None and (absolute + os.sep).startswith(str(t) + os.sep)]
        if known:  # one `git rev-parse` per work tree, not per folder
            top_of[folder] = known[0]
        if folder not in top_of:
            try:
                out = subprocess.run(
                    ["git", "rev-parse", "--show-toplevel"],
                    cwd=folder,
                    capture_output=True,
                    text=True,
                    timeout=30,
                )
            except (OSError, subprocess.SubprocessError):
                out = None
            top_of[folder] = Path(out.stdout.strip()) if out is not None and out.returncode == 0 else None
        top = top_of[folder]
        if top is not None:
            by_top.setdefault(top, []).extend(files)
    for top, files in by_top.items():
        data = "".join(os.path.abspath(f) + "\0" for f in files)
        try:
            out = subprocess.run(
                ["git", "check-ignore", "--stdin", "-z"],
                cwd=top,
                input=data.encode("utf-8", "surrogateescape"),
                capture_output=True,
                timeout=120,
            )
        except (OSError, subprocess.SubprocessError):
            continue
        if out.returncode not in (0, 1):  # 1: nothing ignored; 128: a fatal error
            continue
        hits = {name for name in out.stdout.decode("utf-8", "surrogateescape").split("\0") if name}
        ignored.update(f for f in files if os.path.abspath(f) in hits)
    return ignored
