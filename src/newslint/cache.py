"""Result cache: unchanged files with the same configuration and newslint are not linted again.

Entries live in ``.newslint_cache/`` (one file each, written atomically, so concurrent runs are
safe); the key covers the file's bytes and path, the configuration, the selection and a
fingerprint of newslint's own code and shipped rules.
"""

from __future__ import annotations

import os
from pathlib import Path

from newslint import __version__
from newslint.document.model import Span
from newslint.finding import Edit, Finding, Fix
from newslint.usercache import digest, write_atomic

CACHE_DIR_NAME = ".newslint_cache"
_code_fingerprint: str | None = None


def code_fingerprint() -> str:
    """newslint's version plus the size and mtime of its modules and shipped rules."""
    global _code_fingerprint
    if _code_fingerprint is None:
        from newslint.registry import shipped_rules_dir

        parts = [__version__]
        for root in (Path(__file__).parent, shipped_rules_dir()):
            for parts_below, path in sorted(_files(str(root), ())):
                name = parts_below[-1]
                if Path(name).suffix != ".pyc":
                    st = os.stat(path)
                    parts.append(f"{name}:{st.st_size}:{st.st_mtime_ns}")
        _code_fingerprint = digest(";".join(parts).encode("utf-8", "surrogatepass"))
    return _code_fingerprint


def _files(folder: str, at: tuple):
    """(its path's parts below the root, its path) of each file below ``folder``, ``__pycache__`` left out
    and symbolic links to folders not followed, as ``Path.rglob("*")`` finds them: with os.scandir, 0.5 ms
    where rglob took 2.6 (paid by each process that reads a learned store)."""
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    for entry in entries:
        if entry.name == "__pycache__":
            continue
        parts = (*at, entry.name)
        if entry.is_dir(follow_symlinks=False):
            yield from _files(entry.path, parts)
        elif entry.is_file():
            yield parts, entry.path


def finding_to_dict(f: Finding) -> dict:
    fix = None
    if f.fix is not None:
        fix = [f.fix.applicability, [[e.span.start, e.span.end, e.replacement] for e in f.fix.edits]]
    return {
        "r": f.rule,
        "s": [f.span.start, f.span.end],
        "m": f.message,
        "v": f.severity,
        "f": fix,
        "p": [f.line, f.column, f.end_line, f.end_column],
        "x": f.extra or None,
    }


def finding_from_dict(d: dict, path: str) -> Finding:
    fix = None
    if d["f"] is not None:
        applicability, edits = d["f"]
        fix = Fix(tuple(Edit(Span(a, b), r) for a, b, r in edits), applicability)
    line, column, end_line, end_column = d["p"]
    return Finding(d["r"], Span(*d["s"]), d["m"], d["v"], fix, path, line, column, end_line, end_column, d["x"] or {})


class ResultCache:
    """Maps (file bytes, path, settings) to the findings newslint reported for them."""

    def __init__(self, directory: Path, settings: str) -> None:
        self.directory = directory
        self.settings = settings
        self.hits = 0
        self.misses = 0

    @classmethod
    def for_run(cls, directory: Path | None, settings: str) -> ResultCache:
        directory = directory or Path(os.environ.get("NEWSLINT_CACHE_DIR") or Path.cwd() / CACHE_DIR_NAME)
        return cls(directory, settings)

    def key(self, path: str, data: bytes) -> str:
        head = "\0".join((code_fingerprint(), self.settings, path, "")).encode("utf-8", "surrogatepass")
        return digest(head + data)

    def _file(self, key: str) -> Path:
        return self.directory / key[:2] / key

    def get(self, key: str, path: str) -> list[Finding] | None:
        import json

        try:
            raw = self._file(key).read_bytes()
            items = json.loads(raw)
        except (OSError, ValueError):
            self.misses += 1
            return None
        self.hits += 1
        return [finding_from_dict(d, path) for d in items]

    def put(self, key: str, findings: list[Finding]) -> None:
        """Write atomically; a cache that cannot be written is silently skipped."""
        import json

        target = self._file(key)
        try:
            if not self.directory.exists():
                self.directory.mkdir(parents=True, exist_ok=True)
                (self.directory / ".gitignore").write_text("# created by newslint\n*\n", encoding="utf-8")
                (self.directory / "CACHEDIR.TAG").write_text(
                    "Signature: 8a477f597d28d172789f06886806bc55\n# newslint cache\n", encoding="utf-8"
                )
            target.parent.mkdir(exist_ok=True)
            data = json.dumps([finding_to_dict(f) for f in findings], separators=(",", ":"))
            write_atomic(target, data.encode("utf-8"), mkdir=False)
        except OSError:
            return
