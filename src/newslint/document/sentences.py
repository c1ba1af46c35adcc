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
ENDERS = frozenset(
    """etc inc corp co ltd llc plc jr sr bros a.m p.m u.s u.k u.n u.s.a e.u d.c
    bbl bbls lb lbs oz gal qt yd yds cu sq mi hr hrs mins secs tbsp tsp doz pct""".split()
)  # ...and units: "4.9 million bbl. of oil", "3 lb. of beef"
OPENERS = frozenset(
    """the a an he she it they we i you his her its their our this that these those there but and
    so yet or nor if when while after before as in on at for from with by to of however
    meanwhile still also then now today yesterday tomorrow some many most all one what who why
    how where which mr mrs ms dr""".split()
)
CLOSERS = "\"'”’)]»"

# A sentence mark (a run of ``.!?`` or an ellipsis) with its closing quotes and brackets, before
# white space or the end; its groups: the mark, "" for a plain period (one after four lowercase
# letters that end no abbreviation: no word before it needs reading), the closers, and before
# white space the white space, the next word's opening quotes and its first character. It
# opens with a character class, so the regular expression engine skips to the next mark in C.
_LONG_ABBREVIATIONS = sorted(w for w in TITLES | ENDERS if len(w) >= 4 and "." not in w)
# (after four lowercase ASCII letters, the four-letter ones can only be written lowercase: one look-behind
# tries them all, without case folding; the longer ones keep theirs: "Approx.")
_FOUR = "|".join(w for w in _LONG_ABBREVIATIONS if len(w) == 4)
_CANDIDATE = re.compile(
    r"([.!?…](?:(?<=…)|(?<=[.!?])[.!?]*))"
    r"(?:(?<=[a-z]{4}\.)"
    + (rf"(?<!(?:{_FOUR})\.)" if _FOUR else "")
    + "".join(rf"(?<!(?i:{w})\.)" for w in _LONG_ABBREVIATIONS if len(w) != 4)
    + r"())?"
    r"([\"'”’)\]»]*)(?:(?=(\s+)([\"'“‘(\[«]*)(\S?))|$)"
)
_INITIALISM = re.compile(r"(?:[a-z]\.)+[a-z]")
_NEXT = re.compile(r"\s+([\"'“‘(\[«]*)(\S*)")
_RUN = re.compile(r"[A-Za-z.]{0,40}")  # on the reversed text: the letters and dots before a mark
_NUMBERED = frozenset(("no", "nos", "p", "pp"))  # "No. 5", "p. 12"
_LETTERS_DOT = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.")


def _word_before(text: str, end: int, rev: str | None = None) -> str:
    """The run of ASCII letters and dots that ends at ``end`` and starts with a letter, lowercased
    (at most 40 characters back, so the splitter stays linear). ``rev``: ``text[::-1]``, when known
    (the run is then one C-level match)."""
    if rev is None:
        rev = text[::-1]
    at = len(text) - end
    return text[end - (_RUN.match(rev, at).end() - at) : end].lstrip(".").lower()


def _opens_sentence(text: str, end: int, first: str) -> bool:
    """After an abbreviation that may end a sentence ("Inc.", "U.S."): whether the next word is a
    capitalised likely sentence opener ("The", "He")."""
    w = re.match(r"[A-Za-z]+", _NEXT.match(text, end).group(2))
    return bool(first.isupper() and w and w.group(0).lower() in OPENERS)


def block_spans(block) -> tuple[tuple[int, int], ...]:
    """``split_sentences(block.text)``, kept on the block: two rules split every block of an article
    (readability's sections, heading-case's capitals), and a long one has more than the cache holds."""
    spans = block.sentences
    if spans is None:
        spans = block.sentences = split_sentences(block.text)
    return spans


@lru_cache(maxsize=4096)
def split_sentences(text: str) -> tuple[tuple[int, int], ...]:
    """Split ``text`` into (start, end) sentence spans, whitespace trimmed.

    A mark ends a sentence at the end of the text; before an opening quote standing alone; an
    ellipsis before a capital; ``!`` or ``?`` unless a quotation closes and a lowercase word
    follows ("Really?" he asked); a period unless after a title ("Mr.") or a capital initial, or
    after an abbreviation that may end a sentence ("Inc.", "U.S.") when no likely sentence opener
    follows, or before a figure after "No." or "p.". Memoised: several rules split the same block;
    the result is a tuple, so no caller can change it."""
    out: list[tuple[int, int]] = []
    start = len(text) - len(text.lstrip())
    rev = None
    for m in _CANDIDATE.finditer(text):
        mark, plain, closers, space, opener, first = m.groups()
        if plain is not None and first:
            pass  # a period after an ordinary word, then a word: a boundary
        elif space is not None:  # else the end of the text: a boundary
            if not first:
                if not opener:
                    continue
            elif mark == "..." or mark == "…":
                if not first.isupper():
                    continue
            elif mark[-1] in "!?":
                if closers and first.islower():
                    continue  # "Really?" he asked.
            elif not closers or first.isdigit():  # a period: what word stands before it?
                at = m.start()
                if at and text[at - 1] in _LETTERS_DOT:
                    if rev is None:
                        rev = text[::-1]
                    token = _word_before(text, at, rev)
                else:
                    token = ""
                if token and not closers:
                    if token in TITLES or (len(token) == 1 and token.isalpha() and text[at - 1].isupper()):
                        continue  # Mr. Smith, J. Smith, e.g. this
                    if token in ENDERS or ("." in token and _INITIALISM.fullmatch(token)):
                        if _opens_sentence(text, m.end(), first):
                            out.append((start, m.end()))
                            start = m.end(4)
                        continue
                if first.isdigit() and token in _NUMBERED:
                    continue  # No. 5
        out.append((start, m.end()))
        start = m.end(4) if space is not None else m.end()
    end = len(text.rstrip())
    if start < end:
        out.append((start, end))
    return tuple(out)
