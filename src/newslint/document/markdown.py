"""Markdown through markdown-it-py; block text is rebuilt from the source lines with exact offsets."""

from __future__ import annotations

import re

from newslint.document.inline import TextBuilder, add_inline
from newslint.document.model import Block, Document, Span
from newslint.document.plaintext import table_blocks
from newslint.document.regions import scan_regions
from newslint.document.tables import find_tables

_CONTAINER = re.compile(r"[ \t]*(?:>[ \t]?[ \t]*)*")
_MARKER = re.compile(r"(?:[-*+]|\d{1,9}[.)])(?:[ \t]+|$)")
_ATX_OPEN = re.compile(r"#{1,6}(?:[ \t]+|$)")
_ATX_CLOSE = re.compile(r"(?:[ \t]+#+)?[ \t]*$")

_parser = None


def _md():
    global _parser
    if _parser is None:
        from markdown_it import MarkdownIt

        _parser = MarkdownIt("commonmark")
    return _parser


def parse_markdown(path: str, source: str) -> Document:
    doc = Document(path, source, [], format="markdown")
    index = doc.index
    blocks, skip = scan_regions(source, index, fences=False)
    # front matter and comments are blanked for the parser, so its line map stays aligned
    lines = [source[a:b] for a, b in zip(index.starts, index.ends)]
    for i in skip:
        lines[i] = ""
    tokens = _md().parse("\n".join(lines))
    code_lines: set[int] = set()
    for tok in tokens:
        if tok.type in ("fence", "code_block", "html_block") and tok.map:
            first, last = tok.map[0], tok.map[1] - 1
            while last > first and not lines[last].strip():
                last -= 1
            kind = (
                "code"
                if tok.type != "html_block"
                else ("comment" if tok.content.lstrip().startswith("<!--") else "html")
            )
            blocks.append(Block(kind, Span(index.line_span(first)[0], index.line_span(last)[1])))
            code_lines.update(range(first, last + 1))
    tables = find_tables(source, index, skip | code_lines)
    table_lines = {r.line for t in tables for r in t.rows}
    blocks.extend(table_blocks(source, tables, markdown=True))

    item_first = False
    pending = "paragraph"
    for tok in tokens:
        if tok.type == "list_item_open":
            item_first = True
        elif tok.type == "heading_open":
            pending = "heading"
        elif tok.type == "paragraph_open":
            pending = "list_item" if item_first else "paragraph"
            item_first = False
        elif tok.type == "inline" and tok.map:
            blocks.extend(_inline_blocks(source, index, tok.map, pending, table_lines))
            pending = "paragraph"
        elif tok.type in ("fence", "code_block", "html_block", "hr"):
            item_first = False
    blocks.sort(key=lambda b: b.span.start)
    doc.blocks = blocks
    doc.tables = tables
    return doc


def _inline_blocks(source, index, line_map, kind, table_lines) -> list[Block]:
    """One block per run of the token's lines that are not table rows."""
    out: list[Block] = []
    builder: TextBuilder | None = None
    first_start = 0
    last_end = 0
    for k, line in enumerate(range(*line_map)):
        if line in table_lines:
            if builder is not None:
                out.append(Block(kind, Span(first_start, last_end), builder.text(), builder.pieces))
                builder = None
            continue
        start, end = index.line_span(line)
        pos = _CONTAINER.match(source, start, end).end()
        if k == 0 and kind == "list_item":
            m = _MARKER.match(source, pos, end)
            if m:
                pos = m.end()
        if kind == "heading":
            m = _ATX_OPEN.match(source, pos, end)
            if m:
                pos = m.end()
                end = _ATX_CLOSE.search(source, pos, end).start()
        while end > pos and source[end - 1] in " \t":
            end -= 1
        if builder is None:
            builder = TextBuilder()
            first_start = start
        else:
            builder.add(index.line_span(line - 1)[1], "\n")
        add_inline(builder, source, pos, end, True)
        last_end = index.line_span(line)[1]
    if builder is not None:
        out.append(Block(kind, Span(first_start, last_end), builder.text(), builder.pieces))
    return out
