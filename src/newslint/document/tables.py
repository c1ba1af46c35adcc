"""Pipe tables: rows and cells, found in Markdown and plain text alike.

The recogniser follows the GitHub Flavored Markdown spec, section "Tables (extension)"
(https://github.github.com/gfm/#tables-extension-): a header row, a delimiter row of
hyphens with optional alignment colons, then body rows; leading and trailing pipes are
optional, and an escaped pipe (``\\|``) does not split a cell. Two departures, both for
precision on news copy:

- a pipe inside an inline code span does not split a cell here (GFM renderers do split
  it; the ``table/column-count`` rule reports such a pipe, so the table is still fixed);
- a table may start right after a paragraph line and may be followed directly by prose:
  the table rules report the missing blank lines, and the prose line stays prose.

Malformed tables are recognised too, so that the table rules can report them: a run of
two or more pipe rows with the same cell count and no delimiter row, a delimiter row with
the wrong number of cells or malformed cells, a delimiter row with no header above it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import pairwise

from newslint.document.lines import LineIndex
from newslint.document.model import Span

# a GFM delimiter cell: hyphens with an optional colon at either end
_DELIM_CELL = re.compile(r"^:?-+:?$")
# a cell of a row meant as a delimiter row, well formed or not ("==", "-:-", "::--", "- -")
_DELIM_LIKE_CELL = re.compile(r"^[-:= \t]*$")
# a later delimiter row that starts a second table glued to the first one: every cell has three
# or more hyphens (a body row of single dashes, "| - | - |", stays a body row, as in GFM)
_STRONG_DELIM_CELL = re.compile(r"^:?-{3,}:?$")
# block-quote markers in front of a row ("> | a | b |")
_QUOTE = re.compile(r"(?:[ \t]{0,3}>[ \t]?)+")
# a line that starts a list item or an ATX heading is never a table row
_NOT_A_ROW = re.compile(r"[ \t]*(?:[-*+•][ \t]|\d{1,9}[.)][ \t]|#{1,6}[ \t])")


@dataclass
class Row:
    """One table line: its 0-based line number, line span and cell spans (content, trimmed).

    ``content`` is the row from its first to its last non-blank character after any
    block-quote ``prefix``; ``pipes`` are the offsets of the pipes that split cells;
    ``code_pipes`` the offsets of unescaped pipes inside code spans (GFM splits at them)."""

    line: int
    span: Span
    cells: list[Span]
    leading_pipe: bool
    trailing_pipe: bool
    is_delimiter: bool = False
    content: Span | None = None
    prefix: str = ""
    pipes: list[int] = field(default_factory=list)
    code_pipes: list[int] = field(default_factory=list)

    def cell_texts(self, source: str) -> list[str]:
        return [source[c.start : c.end] for c in self.cells]


@dataclass
class Table:
    """A run of pipe rows.

    ``delimiter`` is the index of the delimiter row: 1 for a table with a header row,
    0 for a delimiter row with no header above it, None for rows without a delimiter row."""

    rows: list[Row] = field(default_factory=list)
    delimiter: int | None = None

    @property
    def span(self) -> Span:
        return Span(self.rows[0].span.start, self.rows[-1].span.end)

    @property
    def header(self) -> Row:
        return self.rows[0]

    @property
    def has_header(self) -> bool:
        return self.delimiter != 0

    @property
    def delimiter_row(self) -> Row | None:
        return None if self.delimiter is None else self.rows[self.delimiter]

    @property
    def body(self) -> list[Row]:
        start = 1 if self.delimiter is None else self.delimiter + 1
        return self.rows[start:]

    @property
    def columns(self) -> int:
        """The table's column count: the header's cells (the delimiter's, with no header)."""
        return len(self.rows[0].cells)

    @property
    def first_line(self) -> int:
        return self.rows[0].line

    @property
    def last_line(self) -> int:
        return self.rows[-1].line


def split_row(source: str, start: int, end: int) -> tuple[list[Span], bool, bool] | None:
    """Split a line into cell spans; None when it has no unescaped pipe outside code."""
    parts = _split(source, start, end)
    if parts is None:
        return None
    cells, leading, trailing, _pipes, _code = parts
    return cells, leading, trailing


_TOKEN = re.compile(r"\\.|`+|\|", re.S)


def _split(source: str, start: int, end: int):
    if source.find("|", start, end) == -1:
        return None
    pipes: list[int] = []
    code_pipes: list[int] = []
    ticks = 0
    for m in _TOKEN.finditer(source, start, end):
        token = m.group()
        if token[0] == "\\":
            continue
        if token[0] == "`":
            n = len(token)
            if ticks == 0:
                if _find_run(source, token, m.end(), end) != -1:
                    ticks = n
            elif n == ticks:
                ticks = 0
            continue
        (pipes if ticks == 0 else code_pipes).append(m.start())
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
    return cells, leading, trailing, pipes, code_pipes


def _find_run(source: str, run: str, start: int, end: int) -> int:
    """The start of the next backtick run of exactly ``len(run)`` backticks in [start, end)."""
    pos = source.find(run, start, end)
    while pos != -1:
        after = pos + len(run)
        if (pos == 0 or source[pos - 1] != "`") and (after >= end or source[after] != "`"):
            return pos
        while after < end and source[after] == "`":
            after += 1
        pos = source.find(run, after, end)
    return -1


def is_delimiter_row(source: str, cells: list[Span]) -> bool:
    """A GFM delimiter row: every cell is hyphens with optional alignment colons."""
    return bool(cells) and all(_DELIM_CELL.match(source[c.start : c.end]) for c in cells)


def looks_like_delimiter(source: str, cells: list[Span]) -> bool:
    """A row meant as a delimiter row, well formed or not: only hyphens, colons, equals signs
    and spaces in its cells, with at least one hyphen or equals sign."""
    texts = [source[c.start : c.end] for c in cells]
    return bool(texts) and all(_DELIM_LIKE_CELL.match(t) for t in texts) and any(("-" in t or "=" in t) for t in texts)


def _strong_delimiter(source: str, row: Row) -> bool:
    return all(_STRONG_DELIM_CELL.match(source[c.start : c.end]) for c in row.cells)


def cell_alignment(text: str) -> str | None:
    """Alignment of a delimiter cell: left, right, center or None."""
    text = text.strip()
    left = text.startswith(":")
    right = text.endswith(":") and len(text) > 1
    if left and right:
        return "center"
    if left:
        return "left"
    if right:
        return "right"
    return None


def read_row(source: str, index: LineIndex, line: int) -> Row | None:
    """The table row on a 0-based line, or None when the line is not one."""
    start, end = index.line_span(line)
    if source.find("|", start, end) == -1:
        return None  # every row, the delimiter row included, has a pipe
    if source[start:end].isspace():
        return None
    quote = _QUOTE.match(source, start, end)
    body = quote.end() if quote else start
    if _NOT_A_ROW.match(source, body, end) and not _dash_delimiter_line(source, body, end):
        return None
    parts = _split(source, body, end)
    if parts is None:
        return None
    cells, leading, trailing, pipes, code_pipes = parts
    cs, ce = body, end
    while cs < ce and source[cs] in " \t":
        cs += 1
    while ce > cs and source[ce - 1] in " \t":
        ce -= 1
    row = Row(
        line,
        Span(start, end),
        cells,
        leading,
        trailing,
        content=Span(cs, ce),
        prefix=source[start:body],
        pipes=pipes,
        code_pipes=code_pipes,
    )
    row.is_delimiter = looks_like_delimiter(source, cells)
    return row


def _dash_delimiter_line(source: str, start: int, end: int) -> bool:
    # "- | -" starts like a list item but is meant as a delimiter row
    text = source[start:end]
    return "|" in text and not text.strip(" \t|:-=")


def find_tables(source: str, index: LineIndex, skip: set[int]) -> list[Table]:
    """Find pipe tables among the lines not in ``skip``.

    A run of consecutive pipe rows is cut into tables: a delimiter row makes the row above
    it a header (earlier rows of the run are not part of that table: in GFM they belong to
    the paragraph above), body rows follow until the next header-and-delimiter pair; rows
    with no delimiter row form a broken table when there are two or more of them with the
    same cell count (two cells at least)."""
    tables: list[Table] = []
    if "|" not in source:
        return tables
    run: list[Row] = []
    for line in range(index.line_count):
        row = None if line in skip else read_row(source, index, line)
        if row is None:
            tables.extend(_cut(source, run))
            run = []
        else:
            run.append(row)
    tables.extend(_cut(source, run))
    return tables


def _cut(source: str, rows: list[Row]) -> list[Table]:
    out: list[Table] = []
    pending: list[Row] = []

    def flush() -> None:
        counts = {len(r.cells) for r in pending}
        if len(pending) >= 2 and len(counts) == 1 and counts.pop() >= 2:
            for r in pending:
                r.is_delimiter = False
            out.append(Table(list(pending), None))
        pending.clear()

    i, n = 0, len(rows)
    while i < n:
        row = rows[i]
        # the first two rows of a stretch may hold a malformed delimiter; later only a clear one counts
        if row.is_delimiter and (len(pending) <= 1 or _strong_delimiter(source, row)):
            header = pending.pop() if pending else None
            if header is not None and header.is_delimiter:
                pending.append(header)
                header = None
            flush()
            table = [header, row] if header is not None else [row]
            i += 1
            while i < n:
                nxt = rows[i]
                if nxt.is_delimiter and _strong_delimiter(source, nxt):
                    break
                if i + 1 < n and rows[i + 1].is_delimiter and _strong_delimiter(source, rows[i + 1]):
                    break
                nxt.is_delimiter = False
                table.append(nxt)
                i += 1
            out.append(Table(table, 1 if header is not None else 0))
        else:
            pending.append(row)
            i += 1
    flush()
    return out
