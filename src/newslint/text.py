"""Small text helpers shared by rules."""

from __future__ import annotations

import re

WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
"""A word: letters, with inner apostrophes (``don't``, ``Ukraine’s``)."""


def match_case(template: str, replacement: str) -> str:
    """Give ``replacement`` the case pattern of ``template`` (lower, Capitalized or UPPER)."""
    if template.isupper() and len(template) > 1:
        return replacement.upper()
    if template[:1].isupper() and replacement[:1].islower():
        return replacement[:1].upper() + replacement[1:]
    return replacement


_GLUE_BEFORE = frozenset("@#/\\_0123456789")
_GLUE_AFTER = frozenset("@/\\_0123456789")


def glued(text: str, start: int, end: int) -> bool:
    """``text[start:end]`` is part of a handle, hashtag, path, file or domain name, or glued to digits
    (``@putin``, ``#ukraine``, ``ukraine.gov.ua``, ``report.pdf``, ``covid19``)."""
    if start > 0:
        before = text[start - 1]
        if before in _GLUE_BEFORE or (before == "." and start > 1 and text[start - 2].isalnum()):
            return True
    if end < len(text):
        after = text[end]
        if after in _GLUE_AFTER or (after == "." and end + 1 < len(text) and text[end + 1].isalnum()):
            return True
    return False


class LazyRegex:
    """A pattern compiled the first time it is used: a rare cue's pattern costs the start-up nothing.
    ``match``, ``search``, ``finditer``... are the compiled pattern's."""

    __slots__ = ("compiled", "flags", "source")

    def __init__(self, source: str, flags: int = 0) -> None:
        self.source = source
        self.flags = flags
        self.compiled: re.Pattern | None = None

    def __getattr__(self, name: str):
        if self.compiled is None:
            self.compiled = re.compile(self.source, self.flags)
        return getattr(self.compiled, name)


def literal_finditer(pattern, text: str, literals):
    """``pattern.finditer(text)`` for a pattern each of whose matches starts with one of ``literals``
    (its lookbehinds aside): the pattern is tried only where a literal starts (found by ``str.find``,
    in C), not at every place of the text. The same matches, in the same order, none overlapping."""
    starts = set()
    for literal in literals:
        p = text.find(literal)
        while p != -1:
            starts.add(p)
            p = text.find(literal, p + 1)
    end = 0
    for p in sorted(starts):
        if p >= end and (m := pattern.match(text, p)) is not None:
            yield m
            end = m.end()
