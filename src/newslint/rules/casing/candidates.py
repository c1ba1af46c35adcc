"""Where a lowercase word may be a proper noun: the candidate words and places of an article."""

from __future__ import annotations

from collections.abc import Iterable
from itertools import chain

from newslint.rules.casing.forms import _hyphened, _maybe_date, _occurrences, _whole_word
from newslint.rules.casing.lists import _FAMILY_BEFORE, _FAMILY_ENDS, _LETTERS, _NEVER, surname_like, words
from newslint.text import glued

_SEEN: set[str] = set()  # letter runs already classified in this process

_UNKNOWN: set[str] = set()  # lowercase ones no dictionary knows as a word (or CMUdict only)

_DULL: set[str] = set()  # those of _SEEN that _relevant() does not hold: most words of an article


def _letter_runs(text: str) -> tuple[set[str], Iterable[str], frozenset[str] | None, set[str] | None]:
    """The runs of _LETTERS in ``text`` that are lowercase, the others lowercased, those of the others
    written neither Capitalised nor in capitals, and the others as written (None: not known). Without a
    letter of U+00C0-U+024F (no UTF-8 lead byte C3-C9), the runs are those of ASCII letters: found
    with bytes.translate and split, in C."""
    data = text.encode("utf-8", "surrogatepass")
    if any(lead in data for lead in _LATIN_LEADS):
        toks = set(_LETTERS.findall(text))
        lower = set(filter(str.islower, toks))
        return lower, (w.lower() for w in toks - lower), None, None
    runs = set(data.translate(_ASCII_LETTERS).decode("ascii").split())  # ASCII letters and spaces only
    lower = set(filter(str.islower, runs))
    others = runs - lower
    odd = others.difference(filter(str.istitle, others), filter(str.isupper, others))
    return lower, map(str.lower, others), frozenset(map(str.lower, odd)), others


def article_runs(ctx, text: str, prose=None) -> tuple[set[str], frozenset[str], frozenset[str] | None, set[str] | None]:
    """_letter_runs(text), the others lowercased in a frozenset: worked out once for the article's prose
    joined (``ProseText.text``), whichever casing rule asks first (name-part reads the lowercase runs).
    ``prose``: that ProseText, whose words() the runs of ASCII letters then give (no second split)."""
    cached = ctx.shared.get("casing.runs")
    if cached is not None and cached[0] == text:
        return cached[1]
    lower, others, odd, cased = _letter_runs(text)
    runs = (lower, frozenset(others), odd, cased)
    ctx.shared["casing.runs"] = (text, runs)
    if prose is not None and cased is not None:  # (None: the runs hold other letters than ASCII ones)
        prose.share_words(chain(lower, cased))
    return runs


def _plain_letters(text: str) -> bool:
    """No character of ``text`` makes a run of _LETTERS differ from the word it holds: no × or ÷ (in
    _LETTERS, no letters), no capital outside _LETTERS whose lowercase is in them (K for Kelvin, Å
    for Ångström, ẞ, Ȿ, Ɀ)."""
    return not any(c in text for c in "\u00d7\u00f7\u1e9e\u212a\u212b\u2c7e\u2c7f")


_LATIN_LEADS = tuple(bytes([b]) for b in range(0xC3, 0xCA))  # the lead bytes of U+00C0-U+027F

_ASCII_LETTERS = bytes(c if 65 <= c <= 90 or 97 <= c <= 122 else 32 for c in range(256))  # others: spaces


def _classify(new: set[str]) -> None:
    from newslint.names import frequent_words

    known = words()
    if len(_SEEN) > 2_000_000:  # a bound for very long runs over many files
        _SEEN.clear()
        _UNKNOWN.clear()
        _RELEVANT.clear()
        _DULL.clear()
    # after a few articles, most new words are frequent ones: set differences save the look-ups (the
    # words of lexicon.known_tier(2) are used at least 100,000 times: known words)
    if len(_SEEN) > 3_000:
        from newslint.lexicon import known_tier

        rare = new - frequent_words()[0] - known_tier(2)
    else:
        rare = new
    for w in filter(str.islower, rare):
        if not known.get(w):
            _UNKNOWN.add(w)
            if _RELEVANT:
                _RELEVANT[1].add(w)
    _SEEN.update(new)


def _relevant(data) -> set[str]:
    """Every word of the name lists of ``data``, surname_like() and _UNKNOWN (kept up to date by _classify): the words
    worth a look."""
    if not _RELEVANT or _RELEVANT[0] is not data:
        from newslint.names import _ALWAYS

        found = set(data.gazetteer.single)
        found.update(data.proper, data.phrase_words, _ALWAYS, data.given, data.dual, _UNKNOWN, surname_like())
        _RELEVANT[:] = [data, found]
        _DULL.clear()  # told apart with other lists
    return _RELEVANT[1]


def _found(toks: set[str], data) -> set[str]:
    """``toks & _relevant(data)``, the words new to this process classified first. One look-up in _DULL
    drops the words seen before that no list holds (most of an article's): only the few left meet
    _SEEN and _relevant(), two more big sets (each look-up a miss of the processor's caches)."""
    rest = toks - _DULL if _RELEVANT and _RELEVANT[0] is data else toks
    new = rest - _SEEN
    if new:
        _classify(new)
    relevant = _relevant(data)
    if new:
        _DULL.update(new - relevant)
    return rest & relevant


_RELEVANT: list = []  # [the name data, its _relevant() set]


def _lower_same_length(text: str) -> str:
    """``text`` lowercased character by character, a character whose lowercase is longer kept ("İ"):
    positions stay those of ``text``."""
    low = text.lower()
    if len(low) == len(text):
        return low
    table = {}
    for c in set(text):
        lower = c.lower()
        if lower != c and len(lower) == 1:
            table[ord(c)] = lower
    return text.translate(table)


# words before a month that keep its place whatever follows ("this march was", "in march and wrote")
_DATE_SPOT_BEFORE = tuple(w + " " for w in "this last next in since until during through of the and or".split())
_DATE_SPOT_BEFORE += tuple(w.capitalize() for w in _DATE_SPOT_BEFORE)  # "In march our dealers"


def _keep_places(text, key, name, always, date, besides, entries, low, spots) -> None:
    """Append to ``spots`` the places of ``key`` in ``text`` that one of the tests keeps."""
    n = len(key)
    for s in _occurrences(text, key):
        if name is None and _hyphened(text, s, s + n):
            continue  # "pre-legislative", "Inter-american": prefixes and compounds
        if (
            always
            or (date and (_maybe_date(text, s + n) or text.endswith(_DATE_SPOT_BEFORE, 0, s)))
            or (besides and _capital_beside(text, s, s + n))
            or (entries and any(low.startswith(e[3], s - e[4]) for e in entries if s >= e[4]))
        ):
            spots.append((s, key))


def _beside_places(text: str, key: str, spots: list) -> None:
    """_keep_places() for a key with no name of its own (``name`` None) that only a capitalised word
    beside it keeps (``besides``): the same places, in one loop."""
    n = len(key)
    size = len(text)
    p = text.find(key)
    while p != -1:
        e = p + n
        ok = not (p and (text[p - 1].isalpha() or (text[p - 1] in "'’" and p > 1 and text[p - 2].isalpha())))
        if ok and e < size:
            c = text[e]
            if c.isalpha():
                ok = False
            elif c in "'’" and e + 1 < size and text[e + 1].isalpha():
                ok = text[e + 1] in "sS" and (e + 2 >= size or not text[e + 2].isalpha())
        if ok and not glued(text, p, e) and not _hyphened(text, p, e) and _capital_beside(text, p, e):
            spots.append((p, key))
        p = text.find(key, e)


def _phrase_places(text, key, name, entries, low, spots) -> None:
    """What _keep_places() keeps of ``key`` when only its ``entries`` (names of several words) can keep
    a place: each name looked for in ``low``, then the places where ``key`` stands in it as a word.
    ``key`` is all letters: _occurrences() then skips no place by its non-overlapping search. A key
    written less often than half its names (``new``: 21 names) is looked for instead, as _keep_places()
    does: one search rather than one a name."""
    if len(entries) > 4 and text.count(key) * 2 < len(entries):
        _keep_places(text, key, name, False, False, False, entries, low, spots)
        return
    n = len(key)
    found = set()
    for entry in entries:
        phrase, offset = entry[3], entry[4]
        p = low.find(phrase)
        while p != -1:
            found.add(p + offset)
            p = low.find(phrase, p + 1)
    for s in found:
        e = s + n
        if text.startswith(key, s) and _whole_word(text, s, e) and not (name is None and _hyphened(text, s, e)):
            spots.append((s, key))


def _capital_beside(text: str, start: int, end: int) -> bool:
    """A capitalised word stands right before text[start:end] (spaces between, or the period of an
    abbreviation or initial: ``Sen. morse``) or right after it, or an age follows (``jim, 13``): the
    only places where a given name or a word that is also a name can be told to be a name."""
    k = start - 1
    while k >= 0 and text[k] in " \t\u00a0":
        k -= 1
    if k >= 0 and text[k] == "." and k < start - 1:
        k -= 1
    if k >= 0 and text[k].isalpha():
        last = k
        while k > 0 and (text[k - 1].isalpha() or (text[k - 1] in "'’" and k > 1 and text[k - 2].isalpha())):
            k -= 1
        if text[k].isupper() and text[k : last + 1].lower() not in _NEVER:  # "The frank talk": no name
            return True
    k = end
    size = len(text)
    if k + 1 < size and text[k] in "'’" and text[k + 1] in "sS":
        k += 2
    while k < size and text[k] in " \t\u00a0":
        k += 1
    if k > end and k + 1 < size and text[k] in '“"' and text[k + 1].isupper() and text[k - 2 : k - 1] in "sS":
        return True  # a possessive before a quoted title: "browning's “My Last Duchess”"
    if k > end and k < size and text[k].isupper():
        e = k + 1
        while e < size and text[e].isalpha():
            e += 1
        if text[k:e].lower() not in _NEVER:  # "jack I said": no name
            return True
    if text[end : end + 1] == "," and (text[end + 2 : end + 3].isdigit() or text[end + 2 : end + 3].isupper()):
        return True
    last = text[start - 2 : start - 1]  # the last letter of a family word ("wife ", "son, ")
    if last == ",":
        last = text[start - 3 : start - 2]
    return (
        last in _FAMILY_ENDS
        and text[start - 1 : start] == " "
        and _FAMILY_BEFORE.search(text, max(0, start - 12), start) is not None
    )
