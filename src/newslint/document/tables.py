"""Pipe tables: rows and cells, found in Markdown and plain text alike."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import pairwise

from newslint.document.lines import LineIndex
from newslint.document.model import Span

_DELIM_CELL = re.compile(r"^\s*:?-+:?\s*$")


@dataclass
class Row:
    """One table line: its 0-based line number, line span and cell spans (content, trimmed)."""

    line: int
    span: Span
    cells: list[Span]
    leading_pipe: bool
    trailing_pipe: bool
    is_delimiter: bool = False


@dataclass
class Table:
    """A run of pipe rows; ``delimiter`` is the index of the delimiter row, if any."""

    rows: list[Row] = field(default_factory=list)
    delimiter: int | None = None

    @property
    def span(self) -> Span:
        return Span(self.rows[0].span.start, self.rows[-1].span.end)

    @property
    def header(self) -> Row:
        return self.rows[0]

    @property
    def first_line(self) -> int:
        return self.rows[0].line

    @property
    def last_line(self) -> int:
        return self.rows[-1].line


def split_row(source: str, start: int, end: int) -> tuple[list[Span], bool, bool] | None:
    """Split a line into cell spans; None when it has no unescaped pipe outside code."""
    pipes: list[int] = []
    i = start
    ticks = 0
    while i < end:
        c = source[i]
        if c == "\\":
            i += 2
            continue
        if c == "`":
            run = i
            while i < end and source[i] == "`":
                i += 1
            n = i - run
            if ticks == 0:
                closer = source.find("`" * n, i, end)
                if closer != -1:
                    ticks = n
            elif n == ticks:
                ticks = 0
            continue
        if c == "|" and ticks == 0:
            pipes.append(i)
        i += 1
    if not pipes:
        return None
    content_start, content_end = start, end
    while content_start < content_end and source[content_start] in " \t":
        content_start += 1
    while content_end > content_start and source[content_end - 1] in " \t":
        content_end -= 1
    leading = pipes[0] == content_start
    trailing = pipes[-1] == content_end - 1 and not (leading and len(pipes) == 1)
    bounds = [content_start - 1 if not leading else None, *pipes, content_end if not trailing else None]
    bounds = [b for b in bounds if b is not None]
    cells = []
    for a, b in pairwise(bounds):
        cs, ce = a + 1, b
        while cs < ce and source[cs] in " \t":
            cs += 1
        while ce > cs and source[ce - 1] in " \t":
            ce -= 1
        cells.append(Span(cs, ce))
    return cells, leading, trailing


def is_delimiter_row(source: str, cells: list[Span]) -> bool:
    return bool(cells) and all(_DELIM_CELL.match(source[c.start : c.end] or " ") for c in cells)


def find_tables(source: str, index: LineIndex, skip: set[int]) -> list[Table]:
    """Find pipe tables among the lines not in ``skip``: a header row followed by a delimiter
    row, or two or more pipe rows with the same cell count (a table without a delimiter row)."""
    tables: list[Table] = []
    run: list[Row] = []

    def flush() -> None:
        if not run:
            return
        delim = next((k for k, r in enumerate(run) if r.is_delimiter), None)
        counts = {len(r.cells) for r in run}
        if (delim is not None and len(run) >= 2) or (len(run) >= 2 and len(counts) == 1):
            tables.append(Table(list(run), delim))
        run.clear()

    for line in range(index.line_count):
        start, end = index.line_span(line)
        if line in skip or start == end or source[start:end].isspace():
            flush()
            continue
        parts = split_row(source, start, end)
        if parts is None:
            flush()
            continue
        cells, leading, trailing = parts
        row = Row(line, Span(start, end), cells, leading, trailing)
        row.is_delimiter = is_delimiter_row(source, cells) and "-" in source[start:end]
        run.append(row)
    flush()
    return tables
