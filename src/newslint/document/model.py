"""Document, Block and Span: the parsed article; the source text is never changed."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from newslint.document.lines import LineIndex

if TYPE_CHECKING:
    from newslint.document.tables import Table

MASK = "\ufffc"
"""Stands in block text for each masked source character (URL, code, tag): no rule matches it."""

PROSE_KINDS = frozenset({"heading", "paragraph", "list_item", "table_cell"})
SKIPPED_KINDS = frozenset({"code", "front_matter", "comment", "html"})


@dataclass(frozen=True, slots=True)
class Span:
    """Half-open source offsets [start, end)."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad span {self.start}..{self.end}")

    def __len__(self) -> int:
        return self.end - self.start

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end


class Block:
    """A unit of the document (heading, paragraph, list item, table cell, ...).

    ``text`` is the block's prose with markup removed and masked parts replaced
    by ``MASK``; it is built from identity-mapped pieces, so every character of
    ``text`` has one source offset (``source_offset``).
    """

    __slots__ = ("_spos", "_tpos", "kind", "meta", "sentences", "span", "text")

    def __init__(
        self,
        kind: str,
        span: Span,
        text: str = "",
        pieces: list[tuple[int, int]] | None = None,
        meta: dict | None = None,
    ) -> None:
        self.kind = kind
        self.span = span
        self.text = text
        # pieces: (text_pos, source_pos) where each piece maps identically up to the next one
        if pieces:
            self._tpos = [t for t, _ in pieces]
            self._spos = [s for _, s in pieces]
        else:
            self._tpos, self._spos = [0], [span.start]
        self.meta = meta or {}
        self.sentences: tuple[tuple[int, int], ...] | None = None  # split_sentences(text), once asked (block_spans)

    def __repr__(self) -> str:
        return f"Block({self.kind!r}, {self.span.start}..{self.span.end}, {self.text[:40]!r})"

    def source_offset(self, i: int) -> int:
        """Source offset of text position ``i`` (``i == len(text)`` maps past the last char)."""
        if i >= len(self.text) and self.text:
            return self.source_offset(len(self.text) - 1) + 1
        k = bisect_right(self._tpos, i) - 1
        return self._spos[k] + (i - self._tpos[k])

    def source_span(self, start: int, end: int) -> Span:
        """Source span of text range [start, end)."""
        if end <= start:
            pos = self.source_offset(start)
            return Span(pos, pos)
        return Span(self.source_offset(start), self.source_offset(end - 1) + 1)

    def is_contiguous(self, start: int, end: int) -> bool:
        """True when text[start:end] is an unbroken slice of the source (safe to edit)."""
        span = self.source_span(start, end)
        return len(span) == end - start and MASK not in self.text[start:end]


@dataclass
class Document:
    """An article: its path, original source, blocks in source order and tables."""

    path: str
    source: str
    blocks: list[Block]
    tables: list[Table] = field(default_factory=list)
    format: str = "text"
    index: LineIndex = field(init=False)

    def __post_init__(self) -> None:
        self.index = LineIndex(self.source)

    def prose_blocks(self) -> list[Block]:
        return [b for b in self.blocks if b.kind in PROSE_KINDS]
