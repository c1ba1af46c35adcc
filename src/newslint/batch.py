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
BATCH = 48  # files read and linted together by a serial run (lint_batch)

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


BATCH_CHARS = 1 << 18
"""lint_batch() lints documents together up to this many characters (a long article alone)."""


def lint_batch(linter: Linter, paths: list[Path], cache: ResultCache | None) -> Iterator[FileResult]:
    """Yield each path's result, in order, from the result cache or linted; the documents of one
    configuration are linted together (``Linter.lint_documents``) up to BATCH_CHARS characters."""
    items: list = []  # in order: results (a file not readable, or cached) and files to lint
    config, size = None, 0
    for path in paths:
        item = _read(linter, path, cache)
        if type(item) is tuple:
            if item[0] is not config and size:
                yield from _lint_together(linter, items, config, cache)
                items, size = [], 0
            config = item[0]
            size += len(item[1].text) + 1
        items.append(item)
        if size >= BATCH_CHARS:
            yield from _lint_together(linter, items, config, cache)
            items, size = [], 0
    yield from _lint_together(linter, items, config, cache)


def _read(linter: Linter, path: Path, cache: ResultCache | None) -> FileResult | tuple:
    """The file's result when it cannot be read or the cache has it, else (config, source, cache key)."""
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
    return config, source, key  # the decoded text is all linting needs: a huge file is not held twice


def _lint_together(linter: Linter, items: list, config, cache: ResultCache | None) -> Iterator[FileResult]:
    """The results of ``items`` (see lint_batch), the files linted together. When a rule fails they are
    linted again one by one, so that the error comes where its file does, after the results before it."""
    from newslint.document import parse

    at = [i for i, item in enumerate(items) if type(item) is tuple]
    docs = [parse(items[i][1].path, items[i][1].text) for i in at]
    found = None
    if len(docs) > 1:
        try:
            found = linter.lint_documents(docs, config)
        except Exception:
            pass  # one by one below
    done = 0
    for n, (i, doc) in enumerate(zip(at, docs)):
        yield from items[done:i]
        _, source, key = items[i]
        # a rule's error (LanguageTool down...) ends the run
        findings = found[n] if found is not None else linter.lint_document(doc, config)
        if cache is not None and not _languagetool_failed() and not _pattern_timed_out(source.path):
            cache.put(key, findings)
        yield FileResult(source.path, findings, source=source, document=doc)
        done = i + 1
    yield from items[done:]


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
    if jobs <= 1 or len(paths) < MIN_FILES_FOR_POOL or not hasattr(os, "fork"):
        at = 0
        while at < len(paths):
            size = BATCH if at else 1  # the first file alone: it loads the rules' data (cli._collect_again)
            for result in lint_batch(linter, paths[at : at + size], cache):
                yield _trimmed(result, keep_source)
            at += size
        return
    for config in {id(c): c for c in map(linter.resolver.for_path, paths)}.values():
        linter.enabled(config)  # build rules once, before the workers fork
        if config.raw.get("languagetool") is not None:
            from newslint.languagetool import prepare

            prepare(config)  # one LanguageTool server for all workers
    from newslint.pool import lint_in_pool

    yield from lint_in_pool(linter, paths, cache, min(jobs, len(paths)), keep_source)
