"""Fixing files: run the fix loop on a file's text and write the result back without losing a byte.

The text side (applying edits, the re-lint loop) is pure and lives in ``newslint.fix``; this
module reads, diffs and writes. A file is written to a temporary file in its own folder and
renamed over the original, keeping its BOM, its line endings (edits are made on the original
text; inserted line breaks take the file's dominant ending), its final newline or the absence
of one, its permissions and, where the process may, its owner and group. A file that changed
on disk since it was read is left alone, and so is a read-only one: both get a one-line error.
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from newslint.errors import NewslintError
from newslint.files import BOM, Source
from newslint.fix import FixResult, fix_until_stable
from newslint.runner import FileResult, Linter


class WriteError(NewslintError):
    """A fixed file that could not be written back (read-only, changed on disk, disk full...)."""


def encode(source: Source) -> bytes:
    """The bytes of a decoded file: its text in UTF-8, after the BOM it had."""
    return ((BOM if source.bom else "") + source.text).encode("utf-8")


def fix_source(linter: Linter, source: Source, config, unsafe: bool = False) -> FixResult:
    """Fix a decoded file's text in memory with the rules its configuration enables."""

    def lint(text: str):
        return linter.lint_source(Source(source.path, text, source.bom), config).findings

    return fix_until_stable(source.text, lint, unsafe)


_LINES = re.compile(r"[^\n]*\n|[^\n]+$")


def unified_diff(path: str, before: str, after: str, context: int = 3) -> str:
    """A unified diff of two texts, as ``patch -p0`` and ``git apply`` read it: lines end at
    ``\\n`` (a CR stays part of its line), and a last line without a newline is marked."""
    import difflib

    out = []
    for line in difflib.unified_diff(_LINES.findall(before), _LINES.findall(after), path, path, n=context):
        out.append(line)
        if not line.endswith("\n"):
            out.append("\n\\ No newline at end of file\n")
    return "".join(out)


def write_atomic(path: Path, data: bytes, expected: bytes | None = None) -> None:
    """Replace the file at ``path`` with ``data``: temporary file in the same folder, then rename.

    ``expected`` is the content the file had when it was read; if the file no longer holds it,
    nothing is written. Permissions are kept, and owner and group where the process may set
    them. A symbolic link stays a link (its target is rewritten); a file with several hard
    links is rewritten in place, so that every link sees the fix. Raises ``WriteError``.
    """
    target = Path(os.path.realpath(path))
    try:
        st = os.stat(target)
    except FileNotFoundError:
        raise WriteError(f"{path}: removed since it was read; not written") from None
    except OSError as exc:
        raise WriteError(f"{path}: cannot write ({exc.strerror or exc})") from None
    if not stat.S_ISREG(st.st_mode):
        raise WriteError(f"{path}: not a regular file; not written")
    if not st.st_mode & 0o222 or not os.access(target, os.W_OK):
        raise WriteError(f"{path}: read-only file; not fixed (make it writable or drop --fix)")
    if expected is not None:
        _check_unchanged(path, target, expected)
    if st.st_nlink > 1:
        _write_in_place(path, target, data, expected)
        return
    folder = target.parent
    if not os.access(folder, os.W_OK | os.X_OK):
        raise WriteError(f"{path}: folder {folder} is read-only; not fixed")
    import tempfile

    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".newslint-tmp", dir=folder)
    except OSError as exc:
        raise WriteError(
            f"{path}: cannot create a temporary file in {folder} ({exc.strerror or exc}); not fixed"
        ) from None
    try:
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
            os.chmod(tmp, stat.S_IMODE(st.st_mode))
            if (
                hasattr(os, "chown")
                and hasattr(os, "geteuid")
                and (st.st_uid, st.st_gid) != (os.geteuid(), os.getegid())
            ):
                try:
                    os.chown(tmp, st.st_uid, st.st_gid)
                except OSError:
                    pass  # not permitted: the file gets the writer's owner, as any editor would do
        except OSError as exc:
            raise WriteError(f"{path}: cannot write ({exc.strerror or exc}); not fixed") from None
        if expected is not None:
            _check_unchanged(path, target, expected)  # once more, as close to the rename as possible
        try:
            os.replace(tmp, target)
        except OSError as exc:
            raise WriteError(f"{path}: cannot replace the file ({exc.strerror or exc}); not fixed") from None
        tmp = None
    finally:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass


def _check_unchanged(path: Path, target: Path, expected: bytes) -> None:
    try:
        current = target.read_bytes()
    except OSError as exc:
        raise WriteError(f"{path}: cannot re-read before writing ({exc.strerror or exc}); not fixed") from None
    if current != expected:
        raise WriteError(f"{path}: changed on disk since it was read; not overwritten (run newslint again)")


def _write_in_place(path: Path, target: Path, data: bytes, expected: bytes | None) -> None:
    try:
        with open(target, "r+b") as fh:
            if expected is not None and fh.read() != expected:
                raise WriteError(f"{path}: changed on disk since it was read; not overwritten (run newslint again)")
            fh.seek(0)
            fh.write(data)
            fh.truncate()
            fh.flush()
            os.fsync(fh.fileno())
    except OSError as exc:
        raise WriteError(f"{path}: cannot write ({exc.strerror or exc})") from None


@dataclass
class Fixer:
    """Fixes files for ``newslint check --fix`` and ``--diff``.

    ``write`` false (``--diff``) computes the fixes and keeps their diffs but writes nothing.
    ``warn`` receives one-line warnings (rules whose fixes did not settle). ``fixed`` counts the
    fixes applied (written, or that would be written with ``--diff``), ``changed`` the files.
    """

    linter: Linter
    unsafe: bool = False
    write: bool = True
    warn: Callable[[str], None] = lambda message: None
    fixed: int = 0
    changed: list[str] = field(default_factory=list)
    diffs: list[str] = field(default_factory=list)
    stdin: FileResult | None = None

    def fix_path(self, path: Path) -> FileResult:
        """Fix one file. The result holds the findings left after fixing. A file that cannot be
        read comes back with ``error`` and no source; one that cannot be written back comes back
        with ``error``, its source and its findings as read (it is unchanged)."""
        from newslint.files import decode, read_bytes

        try:
            config = self.linter.resolver.for_path(path)
            data = read_bytes(path, config.max_file_size)
            source = decode(data, str(path))
        except NewslintError as exc:
            return FileResult(str(path), error=str(exc))
        fr = fix_source(self.linter, source, config, self.unsafe)
        if fr.changed and self.write:
            try:
                write_atomic(path, encode(_with_text(source, fr.text)), data)
            except WriteError as exc:
                return FileResult(source.path, fr.initial, error=str(exc), source=source)
        return self._done(source, fr)

    def fix_source(self, source: Source, config=None) -> FileResult:
        """Fix a decoded text in memory (standard input); the result's ``source`` is the fixed text."""
        config = config or self.linter.resolver.for_path(Path(source.path))
        self.stdin = self._done(source, fix_source(self.linter, source, config, self.unsafe))
        return self.stdin

    def print_stdin(self) -> bool:
        """With --fix, write the fixed standard input (BOM kept) to standard output; True if there was one."""
        if self.stdin is None or not self.write:
            return False
        import sys

        sys.stdout.flush()
        sys.stdout.buffer.write(encode(self.stdin.source))
        sys.stdout.buffer.flush()
        return True

    def print_diffs(self, errors: int = 0) -> int:
        """With --diff: the diffs on standard output, a summary on standard error; returns the exit
        code (2 after errors, 1 when there is something to fix, else 0)."""
        import click

        click.echo("".join(self.diffs), nl=False)
        n, files = self.fixed, len(self.changed)
        if files:
            summary = f"Would fix {n} problem{'s' if n != 1 else ''} in {files} file{'s' if files != 1 else ''}."
        else:
            summary = "No fixes to apply."
        click.echo(summary, err=True)
        return 2 if errors else 1 if files else 0

    def _done(self, source: Source, fr: FixResult) -> FileResult:
        if fr.unconverged:
            self.warn(
                f"{source.path}: fixes of {', '.join(fr.unconverged)} did not settle after {fr.passes} passes; "
                "the findings left are reported"
            )
        if not fr.changed:
            return FileResult(source.path, fr.remaining, source=source)
        self.fixed += len(fr.fixed)
        self.changed.append(source.path)
        if not self.write:
            bom = BOM if source.bom else ""  # part of the first line, so that the diff applies to the file
            self.diffs.append(unified_diff(source.path, bom + source.text, bom + fr.text))
        return FileResult(source.path, fr.remaining, source=_with_text(source, fr.text))


def _with_text(source: Source, text: str) -> Source:
    return Source(source.path, text, source.bom, len(text.encode("utf-8")) + 3 * source.bom)
