"""Sentence splitter tuned for news: abbreviations, initials, decimals, ellipses and quotes."""

from __future__ import annotations

import re
from functools import lru_cache

# Abbreviations after which a period never ends a sentence (lowercase, without the final dot).
TITLES = frozenset(
    """mr mrs ms dr gen lt col maj capt cmdr sgt cpl pvt adm sen rep gov pres supt det insp prof
    rev fr msgr st mt ft ave blvd rd hon amb no nos vol pp fig figs approx dept est jan feb mar
    apr jun jul aug sep sept oct nov dec e.g i.e cf vs v al op cit viz""".split()
)
# Abbreviations that may also end a sentence: a boundary only when a likely sentence opener follows.
ENDERS = frozenset("""etc inc corp co ltd llc plc jr sr bros a.m p.m u.s u.k u.n u.s.a e.u d.c""".split())
OPENERS = frozenset(
    """the a an he she it they we i you his her its their our this that these those there but and
    so yet or nor if when while after before as in on at for from with by to of however
    meanwhile still also then now today yesterday tomorrow some many most all one what who why
    how where which mr mrs ms dr""".split()
)
CLOSERS = "\"'”’)]»"

_CANDIDATE = re.compile(r"(?:\.\.\.|…|[.!?]+)[\"'”’)\]»]*(?=\s+|$)")
_INITIALISM = re.compile(r"(?:[a-z]\.)+[a-z]")
_NEXT = re.compile(r"\s+([\"'“‘(\[«]*)(\S*)")


def _is_boundary(text: str, m: re.Match) -> bool:
    nxt = _NEXT.match(text, m.end())
    if nxt is None:
        return True  # end of text
    opener, word = nxt.group(1), nxt.group(2)
    if not word:
        return bool(opener)
    first = word[0]
    mark = m.group(0).rstrip(CLOSERS)
    closed = len(mark) < len(m.group(0))
    if mark in ("...", "…"):
        return first.isupper()
    if mark[-1] in "!?":
        # "Really?" he asked.  -> the quotation continues the sentence
        return not (closed and first.islower())
    token = _word_before(text, m.start())
    if token and not closed:
        if token in TITLES or (len(token) == 1 and token.isalpha() and text[m.start() - 1].isupper()):
            return False  # Mr. Smith, J. Smith, e.g. this
        if token in ENDERS or _INITIALISM.fullmatch(token):
            w = re.match(r"[A-Za-z]+", word)
            return bool(first.isupper() and w and w.group(0).lower() in OPENERS)
    return not (first.isdigit() and token in ("no", "nos", "p", "pp"))  # "No. 5"


_LETTERS_DOT = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.")


def _word_before(text: str, end: int) -> str:
    """The run of ASCII letters and dots that ends at ``end`` and starts with a letter, lowercased
    (at most 40 characters back, so the splitter stays linear)."""
    lo = max(0, end - 40)
    j = end
    while j > lo and text[j - 1] in _LETTERS_DOT:
        j -= 1
    while j < end and text[j] == ".":
        j += 1
    return text[j:end].lower()


@lru_cache(maxsize=4096)
def split_sentences(text: str) -> tuple[tuple[int, int], ...]:
    """Split ``text`` into (start, end) sentence spans, whitespace trimmed.

    Memoised: several rules split the same block; the result is a tuple, so no caller can change it."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _CANDIDATE.finditer(text):
        if m.end() <= start:
            continue
        if _is_boundary(text, m):
            spans.append((start, m.end()))
            start = m.end()
    spans.append((start, len(text)))
    out = []
    for a, b in spans:
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if a < b:
            out.append((a, b))
    return tuple(out)
