"""Line-structured news text: every non-blank line is a heading, list item, table row or paragraph."""

from __future__ import annotations

import re

from newslint.document.inline import TextBuilder, add_inline, has_markup
from newslint.document.model import Block, Document, Span
from newslint.document.regions import scan_regions
from newslint.document.tables import Table, find_tables

_MARKER_FIRSTS = "-*+•#"  # the first character after [ \t]* of a LIST_MARKER or ATX_HEADING (or a digit)
LIST_MARKER = re.compile(r"[ \t]*(?:[-*+•]|\d{1,9}[.)])[ \t]+(?=\S)")
ATX_HEADING = re.compile(r"[ \t]{0,3}#{1,6}[ \t]+")
_FINAL_PUNCT = tuple(".!?:;,…—–")  # a line that ends in a dash introduces the next ("as follows —")
_CLOSERS = "\"'”’)]»"
MAX_HEADING_WORDS = 15


def is_heading_line(text: str) -> bool:
    """A short line without final punctuation reads as a heading in plain news text."""
    stripped = text.strip().rstrip(_CLOSERS)
    if not stripped or stripped.endswith(_FINAL_PUNCT):
        return False
    return len(stripped.split()) <= MAX_HEADING_WORDS and any(c.isalpha() for c in stripped)


def prose_block(
    kind: str, source: str, start: int, end: int, markdown: bool, meta: dict | None = None, bare: bool = False
) -> Block:
    """A block of ``source[start:end]``; ``bare``: the source holds no markup, so the text is the source."""
    if bare:
        return Block(kind, Span(start, end), source[start:end], [(0, start)], meta)
    builder = TextBuilder()
    add_inline(builder, source, start, end, markdown)
    return Block(kind, Span(start, end), builder.text(), builder.pieces, meta)


def table_blocks(source: str, tables: list[Table], markdown: bool) -> list[Block]:
    blocks = []
    for t_i, table in enumerate(tables):
        for r_i, row in enumerate(table.rows):
            if row.is_delimiter:
                blocks.append(Block("table_delimiter", row.span, meta={"table": t_i, "row": r_i}))
                continue
            for c_i, cell in enumerate(row.cells):
                meta = {"table": t_i, "row": r_i, "col": c_i, "header": r_i == 0}
                blocks.append(prose_block("table_cell", source, cell.start, cell.end, markdown, meta))
    return blocks


def parse_plaintext(path: str, source: str) -> Document:
    doc = Document(path, source, [], format="text")
    index = doc.index
    blocks, skip = scan_regions(source, index)
    regions = bool(blocks)
    comments = False
    if "newslint-" in source:
        from newslint.suppress import line_comment_directives

        for start, end in line_comment_directives(source):  # `// newslint-disable ...` lines are comments
            line = index.line_col(start)[0] - 1
            if line not in skip:
                blocks.append(Block("comment", Span(start, end)))
                skip.add(line)
                comments = True
    tables = find_tables(source, index, skip)
    skip.update(r.line for t in tables for r in t.rows)
    blocks.extend(table_blocks(source, tables, markdown=False))
    bare = not has_markup(source, markdown=False)
    starts, ends = index.starts, index.ends
    lines = source.split("\n") if "\r" not in source else [source[a:b] for a, b in zip(starts, ends)]
    for line, text in enumerate(lines):
        body = text.lstrip()
        if not body or line in skip:
            continue
        start, end = starts[line], ends[line]
        lead = len(text) - len(body)
        marker = atx = None
        first = body[0]
        if first in _MARKER_FIRSTS or first.isdecimal():  # a list marker or heading can start here
            marker = LIST_MARKER.match(text)
            atx = None if marker else ATX_HEADING.match(text)
        tail = text.rstrip()
        if marker:
            kind, offset = "list_item", marker.end()
        elif atx:
            kind, offset = "heading", atx.end()
        elif tail[-1] in _FINAL_PUNCT:  # most lines: what is_heading_line reads first
            kind, offset = "paragraph", lead
        else:
            kind, offset = ("heading" if is_heading_line(body) else "paragraph"), lead
        content_end = max(start + offset, start + len(tail))
        if bare:  # the text is the source's: no markup to take out
            cs = start + offset
            pieces = [(0, cs)] if offset else None  # None: the text starts where the line does
            content = text if cs == start and content_end == end else source[cs:content_end]
            blocks.append(Block(kind, Span(start, end), content, pieces, {"line": line}))
        else:
            block = prose_block(kind, source, start + offset, content_end, False, {"line": line})
            block.span = Span(start, end)
            blocks.append(block)
    if regions or tables or comments:
        blocks.sort(key=lambda b: b.span.start)  # else the lines' blocks are in order already
    doc.blocks = blocks
    doc.tables = tables
    return doc
