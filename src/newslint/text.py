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
