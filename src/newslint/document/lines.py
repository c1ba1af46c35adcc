"""LineIndex: source offsets <-> 1-based (line, column) in code points."""

from __future__ import annotations

import re
from bisect import bisect_right
from itertools import accumulate

_EOL = re.compile(r"\r\n|\r|\n")


class LineIndex:
    """Maps offsets of a text to 1-based lines and columns (columns count code points).

    Lines end at LF, CRLF or a lone CR, as in editors and in Markdown parsers."""

    __slots__ = ("ends", "length", "starts")

    def __init__(self, text: str) -> None:
        if "\r" not in text:  # LF only (the common case): line lengths from one C-level split
            ends = list(accumulate(len(line) + 1 for line in text.split("\n")))
            starts = [0, *ends[:-1]]
            ends = [e - 1 for e in ends]
        else:
            starts = [0]
            ends = []
            for m in _EOL.finditer(text):
                ends.append(m.start())
                starts.append(m.end())
            ends.append(len(text))
        self.starts = starts
        self.ends = ends
        self.length = len(text)

    def line_col(self, offset: int) -> tuple[int, int]:
        """The 1-based (line, column) of an offset; offset == len(text) is allowed."""
        if not 0 <= offset <= self.length:
            raise ValueError(f"offset {offset} outside 0..{self.length}")
        line = bisect_right(self.starts, offset) - 1
        return line + 1, offset - self.starts[line] + 1

    def offset(self, line: int, column: int) -> int:
        """The offset of a 1-based (line, column)."""
        return self.starts[line - 1] + column - 1

    def line_span(self, line: int) -> tuple[int, int]:
        """Offsets of a 0-based line's content, without its line ending."""
        return self.starts[line], self.ends[line]

    @property
    def line_count(self) -> int:
        return len(self.starts)
