"""Table rules: pipe style, column count, delimiter row, blank lines around tables, empty cells.

They read the tables the parsers found (``Document.tables``, see ``newslint.document.tables``),
in Markdown and plain text alike, and report each problem on the line of the row at fault.
Their fixes rewrite rows into well-formed GitHub Flavored Markdown: pipes at both ends (or
the configured ``table.pipe-style``), one delimiter cell per column with its alignment kept,
blank lines around the table, and padded columns when ``table.align`` is true. A fix never
changes the text of a cell. Pipes, delimiter cells and blank lines are safe fixes; padding a
short row with empty cells, inserting a missing delimiter row (the rows were only guessed to be
a table) and escaping a pipe inside code are unsafe.

markdownlint's MD055 (table-pipe-style), MD056 (table-column-count) and MD058
(blanks-around-tables) are the reference; each rule's description says where it differs.
"""

from __future__ import annotations

import unicodedata

from newslint.document.model import Span
from newslint.document.tables import Row, Table, cell_alignment, is_delimiter_row
from newslint.finding import Edit, Finding, Fix
from newslint.registry import register
from newslint.rule import Rule

PIPE_STYLES = ("leading_and_trailing", "leading_only", "trailing_only", "no_leading_or_trailing", "consistent")
DEFAULT_PIPE_STYLE = "leading_and_trailing"


# -- settings and row formatting ------------------------------------------------------------


def table_settings(ctx) -> tuple[bool, str]:
    """(align, pipe-style) from the configuration's ``table`` mapping (validated by config.py)."""
    raw = getattr(getattr(ctx, "config", None), "raw", None) or {}
    table = raw.get("table") or {}
    align = table.get("align", False)
    style = table.get("pipe-style", DEFAULT_PIPE_STYLE)
    return (align if isinstance(align, bool) else False), (style if style in PIPE_STYLES else DEFAULT_PIPE_STYLE)


def _style_of(row: Row) -> str:
    return {
        (True, True): "leading_and_trailing",
        (True, False): "leading_only",
        (False, True): "trailing_only",
        (False, False): "no_leading_or_trailing",
    }[(row.leading_pipe, row.trailing_pipe)]


def _resolved_style(ctx) -> str:
    """The configured style; ``consistent`` takes the header row of the document's first table."""
    _, style = table_settings(ctx)
    if style != "consistent":
        return style
    tables = checked_tables(ctx.document)
    return _style_of(tables[0].rows[0]) if tables else DEFAULT_PIPE_STYLE


def checked_tables(doc) -> list[Table]:
    """The tables the rules other than table/delimiter-row check: a header row, then a delimiter row.

    Rows without a delimiter row are only guessed to be a table (they may be a credit line or a
    byline block with pipes); table/delimiter-row reports them once, and its unsafe fix makes
    them a table that the other rules then check. A delimiter row with no header row above it
    is reported by table/delimiter-row alone too: its header is probably the line above, and a
    blank line or pipes added by the other fixes would only cut the two further apart."""
    return [t for t in doc.tables if t.delimiter == 1]


def required_pipes(style: str, cells: list[str]) -> tuple[bool, bool]:
    """The pipes a row must have in ``style``: a one-cell row, an empty first or last cell
    cannot be written without the pipe on that side, whatever the style."""
    leading = style in ("leading_and_trailing", "leading_only")
    trailing = style in ("leading_and_trailing", "trailing_only")
    if len(cells) <= 1:
        return True, True
    if not cells[0]:
        leading = True
    if not cells[-1]:
        trailing = True
    return leading, trailing


def text_width(text: str) -> int:
    """Display width: wide and full-width characters count two, combining marks none."""
    width = 0
    for ch in text:
        if unicodedata.combining(ch):
            continue
        width += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return width


def _pad(text: str, width: int) -> str:
    return text + " " * max(0, width - text_width(text))


def format_row(cells: list[str], style: str, widths: list[int] | None = None) -> str:
    """A row of cells in the given pipe style, padded to ``widths`` when given."""
    leading, trailing = required_pipes(style, cells)
    padded = [_pad(c, widths[i]) if widths and i < len(widths) else c for i, c in enumerate(cells)]
    if not trailing and padded:
        padded[-1] = padded[-1].rstrip(" ")
    parts = [(" " + p + " ") if p else " " for p in padded]
    if not leading:
        parts[0] = parts[0][1:]
    if not trailing:
        parts[-1] = parts[-1].rstrip(" ")
    return ("|" if leading else "") + "|".join(parts) + ("|" if trailing else "")


def delimiter_cell(align: str | None, width: int | None = None) -> str:
    """A delimiter cell: three hyphens plus the alignment colons, or exactly ``width`` characters."""
    colons = {"center": 2, "left": 1, "right": 1}.get(align or "", 0)
    dashes = "-" * (max(3, width - colons) if width is not None else 3)
    if align == "center":
        return ":" + dashes + ":"
    if align == "left":
        return ":" + dashes
    if align == "right":
        return dashes + ":"
    return dashes


def table_widths(source: str, table: Table, columns: int) -> list[int]:
    """Column widths for padding: the widest cell of each column (three at least)."""
    widths = [3] * columns
    for row in table.rows:
        if row is table.delimiter_row:
            continue
        for i, text in enumerate(row.cell_texts(source)):
            if i < columns:
                widths[i] = max(widths[i], text_width(text))
    return widths


def table_aligns(source: str, table: Table, columns: int) -> list[str | None]:
    """Each column's alignment from the delimiter row (None where there is no delimiter cell)."""
    delim = table.delimiter_row
    texts = delim.cell_texts(source) if delim is not None else []
    return [cell_alignment(texts[i]) if i < len(texts) else None for i in range(columns)]


class Writer:
    """Writes one table's rows in the configured pipe style (padded when ``align``).

    Column widths and the padded form of every row are computed once per table, so a long
    table costs linear time. With ``align`` on, the first fix a rule makes for a table also
    pads every other row, so a rewritten table comes out aligned as a whole; the rule's later
    fixes for that table touch their own row only (they overlap the first and would be
    redone on the next pass anyway)."""

    def __init__(self, source: str, table: Table, style: str, align: bool) -> None:
        self.source = source
        self.table = table
        self.style = style
        self.align = align
        self._widths: dict[int, list[int]] = {}
        self._whole_done = False

    def widths(self, columns: int) -> list[int]:
        if columns not in self._widths:
            self._widths[columns] = table_widths(self.source, self.table, columns)
        return self._widths[columns]

    def delimiter(self) -> str:
        """A well-formed delimiter row for the table: one cell per column, alignments kept."""
        columns = self.table.columns
        aligns = table_aligns(self.source, self.table, columns)
        if not self.align:
            return format_row([delimiter_cell(a) for a in aligns], self.style)
        widths = self.widths(columns)
        return format_row([delimiter_cell(a, w) for a, w in zip(aligns, widths)], self.style, widths)

    def line(self, row: Row, cells: list[str] | None = None) -> str:
        """``row`` rewritten (its own cell texts unless ``cells`` is given).

        A delimiter row keeps its cells, or is rebuilt from the column alignments with padded
        widths when ``align`` is on and it is well formed (table/delimiter-row rewrites a
        malformed one)."""
        table, source = self.table, self.source
        if cells is None:
            cells = row.cell_texts(source)
        if row is table.delimiter_row:
            if (
                self.align
                and table.has_header
                and is_delimiter_row(source, row.cells)
                and len(row.cells) == table.columns
            ):
                return self.delimiter()
            return format_row(cells, self.style)
        widths = self.widths(max(table.columns, len(cells))) if self.align else None
        return format_row(cells, self.style, widths)

    def fix(self, row: Row | None, replacement: str, applicability: str = "safe", extra: tuple[Edit, ...] = ()) -> Fix:
        """Replace the row's content (after any block-quote prefix and indentation) up to its line end."""
        edits = [*extra]
        if row is not None:
            edits.append(Edit(Span(row.content.start, row.span.end), replacement))
        if self.align and not self._whole_done:
            self._whole_done = True
            for other in self.table.rows:
                if other is row:
                    continue
                new = self.line(other)
                if self.source[other.content.start : other.span.end] != new:
                    edits.append(Edit(Span(other.content.start, other.span.end), new))
        edits.sort(key=lambda e: (e.span.start, e.span.end))
        return Fix(tuple(edits), applicability)


def eol_after(source: str, index, line: int) -> str:
    """The line ending after a 0-based line; for the last line, the document's first line ending."""
    if line + 1 < index.line_count:
        return source[index.ends[line] : index.starts[line + 1]]
    if index.line_count > 1:
        return source[index.ends[0] : index.starts[1]]
    return "\n"


def is_blank(source: str, index, line: int, quoted: bool) -> bool:
    start, end = index.line_span(line)
    text = source[start:end]
    return not (text.strip(" \t>") if quoted else text.strip())


class TableRule(Rule):
    document_level = True
    scope = frozenset({"table_cell", "table_delimiter"})

    def finding(self, row_or_span, message: str, fix: Fix | None = None) -> Finding:
        span = row_or_span.content if isinstance(row_or_span, Row) else row_or_span
        return Finding(self.id, span, message, self.severity, fix)


# -- the rules --------------------------------------------------------------------------------


@register
class PipeStyle(TableRule):
    id = "table/pipe-style"
    summary = "Table row without the leading and trailing pipes the table style asks for."
    description = (
        "Every row of a table, the delimiter row too, should start and end with a pipe (`| a | b |`): "
        "it is the most portable form, and a row without a leading pipe is easily misread by "
        "renderers and editors. One finding per table, at its first row in the wrong style; its fix "
        "rewrites every such row of the table. The expected style is the `table.pipe-style` setting "
        "(`leading_and_trailing` by default; also `leading_only`, `trailing_only`, "
        "`no_leading_or_trailing`, or `consistent`: the header row of the document's first table). "
        "A one-cell row, and a row whose first or last cell is empty, always needs the pipe on "
        "that side. The fix rewrites the row with the expected pipes and single spaces around "
        "each cell (padded columns when `table.align` is true); cell text is never changed. "
        "Differs from markdownlint MD055: the default is `leading_and_trailing`, not `consistent` "
        "(news copy pasted from spreadsheets has no house style to be consistent with), the style "
        "is a document-wide setting because every table fix writes rows in it, and a line of "
        "prose right after a table is not checked as a row (table/blank-lines reports it). Rows with no "
        "delimiter row are left to table/delimiter-row: they are only guessed to be a table."
    )
    severity = "warning"
    fixable = "always"
    examples = {
        "bad": ["Name | Role |\n---|---|\nAlice | Editor |"],
        "good": ["| Name | Role |\n| --- | --- |\n| Alice | Editor |"],
    }

    def check_document(self, doc, ctx):
        style = _resolved_style(ctx)
        align, _ = table_settings(ctx)
        for table in checked_tables(doc):
            writer = Writer(doc.source, table, style, align)
            wrong = []
            for row in table.rows:
                want = required_pipes(style, row.cell_texts(doc.source))
                have = (row.leading_pipe, row.trailing_pipe)
                if have != want:
                    wrong.append((row, have, want))
            if not wrong:
                continue
            # One finding per table, at its first such row, fixing them all: a table pasted without
            # outer pipes is one slip, not one per row.
            row, have, want = wrong[0]
            others = ()  # with table.align, the writer's fix pads every row of the table already
            if not writer.align:
                others = tuple(Edit(Span(r.content.start, r.span.end), writer.line(r)) for r, _, _ in wrong[1:])
            message = _pipe_message(have, want, row is table.delimiter_row)
            if len(wrong) > 1:
                more = len(wrong) - 1
                rows = f"{more} more row{'s' if more > 1 else ''}"
                message = f"{message[:-1]} ({rows} of this table: the fix writes them too)."
            yield self.finding(_pipe_span(row, have, want), message, writer.fix(row, writer.line(row), extra=others))


def _pipe_span(row: Row, have: tuple[bool, bool], want: tuple[bool, bool]) -> Span:
    """Where the pipe is missing (the first or last cell) or not wanted (the pipe itself)."""
    spans = []
    if have[0] != want[0]:
        first = row.cells[0]
        spans.append(first if want[0] else Span(row.content.start, row.content.start + 1))
    if have[1] != want[1]:
        last = row.cells[-1]
        spans.append(last if want[1] else Span(row.content.end - 1, row.content.end))
    return Span(min(s.start for s in spans), max(s.end for s in spans))


def _pipe_message(have: tuple[bool, bool], want: tuple[bool, bool], delimiter: bool = False) -> str:
    add = [side for side, h, w in (("leading", have[0], want[0]), ("trailing", have[1], want[1])) if w and not h]
    drop = [side for side, h, w in (("leading", have[0], want[0]), ("trailing", have[1], want[1])) if h and not w]
    parts = []
    if add:
        parts.append("add " + (" and ".join(add) + " pipes" if len(add) == 2 else f"a {add[0]} pipe"))
    if drop:
        parts.append("remove the " + (" and ".join(drop) + " pipes" if len(drop) == 2 else f"{drop[0]} pipe"))
    example = {
        (True, True): "| a | b |",
        (True, False): "| a | b",
        (False, True): "a | b |",
        (False, False): "a | b",
    }[want]
    if delimiter:
        example = example.replace("a", "---").replace("b", "---")
    return f"{' and '.join(parts).capitalize()} in this table row: write it as '{example}'."


@register
class ColumnCount(TableRule):
    id = "table/column-count"
    summary = "Table row with more or fewer cells than the header row."
    description = (
        "Every row should have as many cells as the header row. GFM renderers fill a short row "
        "with empty cells and silently drop the extra cells of a long one, so a long row loses "
        "text: merge its cells or add a column. The fix for a short row pads it with empty cells; "
        "it is unsafe, since the missing value may belong in another column. A long row has no fix. "
        "Also reported: an unescaped pipe inside inline code in a table row, where GFM renderers "
        "split the cell (write `\\|`; the unsafe fix inserts the backslash). "
        "Same findings as markdownlint MD056, plus the pipe-in-code check and an unsafe fix for short "
        "rows (MD056 reports without a fix). A table without a delimiter row is left to "
        "table/delimiter-row."
    )
    severity = "error"
    fixable = "sometimes"
    examples = {
        "bad": ["| Name | Role |\n| --- | --- |\n| Alice | Editor | London |"],
        "good": ["| Name | Role |\n| --- | --- |\n| Alice | Editor |\n| Bob | |"],
    }

    def check_document(self, doc, ctx):
        style = _resolved_style(ctx)
        align, _ = table_settings(ctx)
        source = doc.source
        for table in checked_tables(doc):
            writer = Writer(source, table, style, align)
            want = table.columns
            for row in table.rows:
                for pipe in row.code_pipes:
                    yield self.finding(
                        Span(pipe, pipe + 1),
                        "GFM renderers split a table cell at a pipe even inside code: escape it as '\\|'.",
                        Fix.replace(Span(pipe, pipe), "\\", "unsafe"),
                    )
            if not table.has_header:
                continue
            for row in table.body:
                have = len(row.cells)
                if have < want:
                    cells = row.cell_texts(source) + [""] * (want - have)
                    yield self.finding(
                        row,
                        f"This row has {have} {_cells(have)} but the header has {want}: "
                        f"add the missing {_cells(want - have)}.",
                        writer.fix(row, writer.line(row, cells), "unsafe"),
                    )
                elif have > want:
                    extra = Span(row.cells[want].start, row.content.end)
                    yield self.finding(
                        extra,
                        f"This row has {have} cells but the header has {want}: renderers drop the "
                        f"extra {_cells(have - want)}, so merge {'it' if have - want == 1 else 'them'} "
                        "or add a column.",
                    )


def _cells(n: int) -> str:
    return "cell" if n == 1 else "cells"


@register
class DelimiterRow(TableRule):
    id = "table/delimiter-row"
    summary = "Missing or malformed table delimiter row."
    description = (
        "A table needs a delimiter row right under its header row, with one cell per column made "
        "of hyphens and an optional alignment colon at either end (`---`, `:---`, `---:`, "
        "`:---:`). Without it, or with a different number of cells than the header, or with "
        "malformed cells (`===`, `-:-`, an empty cell), GFM renderers show no table at all. "
        "The fix rewrites a malformed delimiter row with one cell per header column, keeping each "
        "column's alignment (safe); a missing delimiter row is inserted under the first row, which "
        "becomes the header (unsafe: the rows were only guessed to be a table). A delimiter row "
        "with no header row above it is reported without a fix. markdownlint has no rule for this "
        "(its parser does not see such a table at all)."
    )
    severity = "error"
    fixable = "sometimes"
    examples = {
        "bad": ["| Name | Role |\n| === | === |\n| Alice | Editor |", "Name | Role\nAlice | Editor"],
        "good": ["| Name | Role |\n| :--- | ---: |\n| Alice | Editor |"],
    }

    def check_document(self, doc, ctx):
        style = _resolved_style(ctx)
        align, _ = table_settings(ctx)
        source = doc.source
        for table in doc.tables:
            writer = Writer(source, table, style, align)
            if table.delimiter is None:
                header = table.header
                line = writer.delimiter()
                eol = eol_after(source, doc.index, header.line)
                yield self.finding(
                    header,
                    f"This table has no delimiter row: add one under the header row, such as '{line}'.",
                    writer.fix(
                        None, "", "unsafe", (Edit(Span(header.span.end, header.span.end), eol + header.prefix + line),)
                    ),
                )
                continue
            delim = table.delimiter_row
            if not table.has_header:
                yield self.finding(delim, "This delimiter row has no header row above it: add one.")
                continue
            problem = _delimiter_problem(source, table)
            if problem:
                yield self.finding(delim, problem, writer.fix(delim, writer.delimiter()))


def _delimiter_problem(source: str, table: Table) -> str | None:
    delim = table.delimiter_row
    texts = delim.cell_texts(source)
    bad = [t for t, c in zip(texts, delim.cells) if not is_delimiter_row(source, [c])]
    if bad and bad[0]:
        return (
            f"Malformed delimiter cell '{bad[0]}': write hyphens with an optional colon at either end, "
            "such as '---', ':---', '---:' or ':---:'."
        )
    if bad:
        return "Empty cell in the delimiter row: write '---' (or ':---', '---:', ':---:') in every cell."
    if len(texts) != table.columns:
        return (
            f"The delimiter row has {len(texts)} {_cells(len(texts))} but the header has {table.columns}: "
            "write one delimiter cell per column, or renderers show no table."
        )
    if (
        not delim.leading_pipe
        and texts[0] == "-"
        and source[delim.content.start + 1 : delim.content.start + 2]
        in (
            " ",
            "\t",
        )
    ):
        return "This delimiter row starts like a list item ('- '): write at least three hyphens per cell."
    return None


@register
class BlankLines(TableRule):
    id = "table/blank-lines"
    summary = "No blank line before or after a table."
    description = (
        "A table needs a blank line before and after it. Without one before it, many Markdown "
        "renderers (CommonMark without the table extension, Python-Markdown, older GFM) read the "
        "rows as part of the paragraph above; without one after it, GFM renderers read the next "
        "line of prose as one more table row. Reported on the table's first or last row; the fix "
        "inserts the blank line (inside a block quote, a `>` line), with the file's line ending. "
        "An HTML comment line next to a table counts as a blank line (it ends its own block and "
        "does not print). "
        "Like markdownlint MD058, with one difference: markdownlint (as GFM) counts a prose line glued "
        "under a table as one more row, so MD058 is silent there and MD055 reports the row's pipes; "
        "newslint keeps the line as prose and reports the missing blank line, which is what the "
        "writer meant."
    )
    severity = "warning"
    fixable = "always"
    examples = {
        "bad": ["The figures:\n| Name | Role |\n| --- | --- |\n| Alice | Editor |\nShe joined in May."],
        "good": ["The figures:\n\n| Name | Role |\n| --- | --- |\n| Alice | Editor |\n\nShe joined in May."],
    }

    def check_document(self, doc, ctx):
        source, index = doc.source, doc.index
        # an HTML comment line next to a table (a generated-content marker) ends its own block in
        # every renderer and is invisible in print: it stands for a blank line
        comments = set()
        for block in doc.blocks:
            if block.kind == "comment":
                first_line = index.line_col(block.span.start)[0] - 1
                comments.update(range(first_line, index.line_col(block.span.end)[0]))
        for table in checked_tables(doc):
            first, last = table.rows[0], table.rows[-1]
            quoted = ">" in first.prefix
            before, after = first.line - 1, last.line + 1
            if before >= 0 and before not in comments and not is_blank(source, index, before, quoted):
                prev = first.line - 1
                eol = eol_after(source, index, prev)
                at = index.ends[prev]
                yield self.finding(
                    first,
                    "Add a blank line before this table, or renderers read it as part of the paragraph above.",
                    Fix.replace(Span(at, at), eol + first.prefix.rstrip()),
                )
            if after < index.line_count and after not in comments and not is_blank(source, index, after, quoted):
                eol = eol_after(source, index, last.line)
                at = index.ends[last.line]
                yield self.finding(
                    last,
                    "Add a blank line after this table, or renderers read the next line as a table row.",
                    Fix.replace(Span(at, at), eol + last.prefix.rstrip()),
                )


@register
class EmptyCell(TableRule):
    id = "table/empty-cell"
    summary = "Empty table cell."
    description = (
        "A cell with no text. In news tables an empty cell is usually a value that went missing "
        "in the paste; write the value, or a dash or 'n/a' when there is none. Off by default "
        "(select it with `select: [table/empty-cell]`); no fix. Delimiter rows and the cells a "
        "short row lacks (table/column-count) are not reported. markdownlint has no such rule."
    )
    severity = "info"
    enabled_by_default = False
    fixable = "never"
    examples = {
        "bad": ["| Name | Role |\n| --- | --- |\n| Alice | |"],
        "good": ["| Name | Role |\n| --- | --- |\n| Alice | n/a |"],
    }

    def check_document(self, doc, ctx):
        for table in checked_tables(doc):
            for row in table.rows:
                if row is table.delimiter_row:
                    continue
                for cell in row.cells:
                    if cell.start != cell.end:
                        continue
                    before = max((p for p in row.pipes if p < cell.start), default=cell.start)
                    after = min((p for p in row.pipes if p >= cell.end), default=cell.end)
                    yield self.finding(
                        Span(before, after + 1),
                        "Empty table cell: write the value, or a dash or 'n/a' if there is none.",
                    )
