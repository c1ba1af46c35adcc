"""Lints many files: serially or on a process pool, through the result cache, in a fixed order."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from newslint.document.model import Span
from newslint.errors import NewslintError
from newslint.files import decode, read_bytes
from newslint.finding import Edit, Finding, Fix
from newslint.runner import FileResult, Linter

if TYPE_CHECKING:
    from newslint.cache import ResultCache

MIN_FILES_FOR_POOL = 8

KEEP_SOURCE = ("always", "findings", "fixes", "never")
"""What a worker process sends back of a file's text: always; for a file with findings (SARIF's
snippets, the baseline's fingerprints); for one with a fix (the JSON report's edit positions); never."""


def settings_fingerprint(linter: Linter, path: Path) -> str:
    """What besides the file decides its findings: its configuration and the command line's selection."""
    import json

    config = linter.resolver.for_path(path)
    sel = linter.selection
    extra = []
    for p in config.rule_paths:
        files = sorted(p.rglob("*")) if p.is_dir() else [p]
        extra.extend(f"{f}:{f.stat().st_size}:{f.stat().st_mtime_ns}" for f in files if f.is_file())
    return json.dumps(
        [
            str(config.path),
            config.raw,
            sel.select,
            sel.ignore,
            sel.report_unused,
            [r.id for r in sel.extra_rules],
            extra,
        ],
        sort_keys=True,
        default=str,
    )


def result_cache(meta: dict, linter: Linter) -> ResultCache | None:
    """The cache for a `check` run, or None with --no-cache or NEWSLINT_NO_CACHE set."""
    if meta.get("newslint.no_cache") or os.environ.get("NEWSLINT_NO_CACHE"):
        return None
    from newslint.cache import ResultCache

    return ResultCache.for_run(meta.get("newslint.cache_dir"), "")


def lint_file(linter: Linter, path: Path, cache: ResultCache | None) -> FileResult:
    try:
        config = linter.resolver.for_path(path)
        data = read_bytes(path, config.max_file_size)
        source = decode(data, str(path))
    except NewslintError as exc:
        return FileResult(str(path), error=str(exc))
    key = None
    if cache is not None:
        key = cache.key(settings_fingerprint(linter, path), data)
        cached = cache.get(key, str(path))
        if cached is not None:
            return FileResult(str(path), cached, source=source)
    del data  # the decoded text is all linting needs: a huge file is not held twice
    result = linter.lint_source(source, config)  # a rule's error (LanguageTool down...) ends the run
    if cache is not None and not _languagetool_failed() and not _pattern_timed_out(str(path)):
        cache.put(key, result.findings)
    return result


def _languagetool_failed() -> bool:
    """A run where LanguageTool was down lacks its findings: such results are not cached."""
    import sys

    module = sys.modules.get("newslint.languagetool")
    return module is not None and module.incomplete_run()


def _pattern_timed_out(path: str) -> bool:
    """A user pattern stopped by its time limit: the findings depend on the machine's speed, not cached."""
    import sys

    module = sys.modules.get("newslint.kinds.existence")
    return module is not None and any(p == path for _, p in module.timed_out())


def _needs_source(result: FileResult, keep: str) -> bool:
    if keep == "always":
        return True
    if keep == "findings":
        return bool(result.findings)
    return keep == "fixes" and any(f.fix is not None for f in result.findings)


def _trimmed(result: FileResult, keep: str) -> FileResult:
    """``result`` without its parsed document, and without its text where the report does not read it:
    a long serial run holds the findings only, as the workers send them."""
    result.document = None
    if result.source is not None and not _needs_source(result, keep):
        result.source = None
    return result


def _pack(f: Finding) -> tuple:
    """A finding as a tuple of strings and numbers: pickled and rebuilt in a third of the time the
    finding's classes take (their slots are saved and restored in Python)."""
    fix = None
    if f.fix is not None:
        fix = (f.fix.applicability, tuple((e.span.start, e.span.end, e.replacement) for e in f.fix.edits))
    return (f.rule, f.span.start, f.span.end, f.message, f.severity, fix, f.path, f.line, f.column, f.end_line,
            f.end_column, f.extra or None)  # fmt: skip


def _unpack(item: tuple) -> FileResult:
    path, error, source, packed = item
    findings = []
    for rule, start, end, message, severity, fix, fpath, line, column, end_line, end_column, extra in packed:
        if fix is not None:
            fix = Fix(tuple(Edit(Span(a, b), text) for a, b, text in fix[1]), fix[0])
        findings.append(
            Finding(
                rule, Span(start, end), message, severity, fix, fpath, line, column, end_line, end_column, extra or {}
            )
        )
    return FileResult(path, findings, error, source)


def lint_files(
    linter: Linter,
    paths: list[Path],
    cache: ResultCache | None = None,
    jobs: int | None = None,
    keep_source: str = "always",
) -> Iterator[FileResult]:
    """Yield a FileResult per path, in the order of ``paths``, whatever the number of processes.
    ``keep_source`` (one of KEEP_SOURCE): which results keep their text (no result keeps its parsed
    document). With several processes this one lints from the front and its forked workers from the
    back (``newslint.pool``)."""
    jobs = jobs or os.cpu_count() or 1
    if jobs <= 1 or len(paths) < MIN_FILES_FOR_POOL:
        for path in paths:
            yield _trimmed(lint_file(linter, path, cache), keep_source)
        return
    for config in {id(c): c for c in map(linter.resolver.for_path, paths)}.values():
        linter.enabled(config)  # build rules once, before the workers fork
        if config.raw.get("languagetool") is not None:
            from newslint.languagetool import prepare

            prepare(config)  # one LanguageTool server for all workers
    from newslint.pool import lint_in_pool

    yield from lint_in_pool(linter, paths, cache, min(jobs, len(paths)), keep_source)
