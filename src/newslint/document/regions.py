"""Regions that are never linted: front matter, fenced code and HTML comments."""

from __future__ import annotations

import re

from newslint.document.lines import LineIndex
from newslint.document.model import Block, Span

_FENCE = re.compile(r"^[ \t]{0,3}(`{3,}|~{3,})")
_COMMENT_OPEN = re.compile(r"^[ \t]{0,3}<!--")


def scan_regions(source: str, index: LineIndex, fences: bool = True) -> tuple[list[Block], set[int]]:
    """Blocks for front matter, fenced code and HTML comments, and the set of 0-based lines they cover."""
    blocks: list[Block] = []
    skip: set[int] = set()
    if (  # one character first: found far faster than three or four, and seldom in news text
        ("<" not in source or "<!--" not in source)
        and "---" not in source[:4]
        and (not fences or (("`" not in source or "```" not in source) and ("~" not in source or "~~~" not in source)))
    ):
        return blocks, skip  # no comment, front matter or fence anywhere
    n = index.line_count

    def line_text(i: int) -> str:
        a, b = index.line_span(i)
        return source[a:b]

    def add(kind: str, first: int, last: int) -> None:
        start = index.line_span(first)[0]
        end = index.line_span(last)[1]
        blocks.append(Block(kind, Span(start, end)))
        skip.update(range(first, last + 1))

    i = 0
    if n > 1 and line_text(0).rstrip() == "---":
        for j in range(1, n):
            if line_text(j).rstrip() in ("---", "..."):
                add("front_matter", 0, j)
                i = j + 1
                break
    while i < n:
        text = line_text(i)
        fence = _FENCE.match(text) if fences else None
        if fence:
            marker = fence.group(1)
            j = i + 1
            while j < n and not re.match(
                rf"^[ \t]{{0,3}}{re.escape(marker[0])}{{{len(marker)},}}[ \t]*$", line_text(j)
            ):
                j += 1
            add("code", i, min(j, n - 1))
            i = j + 1
            continue
        if _COMMENT_OPEN.match(text):
            j = i
            while j < n and "-->" not in line_text(j)[(text.index("<!--") + 4) if j == i else 0 :]:
                j += 1
            add("comment", i, min(j, n - 1))
            i = j + 1
            continue
        i += 1
    return blocks, skip
