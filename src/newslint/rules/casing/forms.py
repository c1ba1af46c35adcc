"""Word forms and places in the text: possessives, initials, sentence starts, slips, common forms."""

from __future__ import annotations

import re
from bisect import bisect_left

from newslint.rules.casing.lists import (
    _AFTER_NAME,
    _DETERMINERS,
    _FOREIGN_GLUE,
    _INFLECTIONS,
    _INNER_CAPITAL,
    _LEXICAL,
    _NEVER,
    _PAST,
    _POSSESSIVE,
    _PREFIXES,
    _QUANTIFIERS,
    _ROLES,
    _SAY,
    _SENTENCE_END,
    _TITLE_ABBR,
    _VARIANTS,
    _WORD_FLOOR,
    _WORD_NEXT,
    COMMON,
    gazetteer,
    given_names,
    name_dominant,
    proper_names,
    words,
)
from newslint.text import WORD, glued


def _dominant_here(text: str, tokens, i: int) -> bool:
    """tokens[i], a name-dominant word, does not stand as a common noun or a role."""
    if tokens[i].group(0).lower() in _ROLES:
        return False
    if i == 0 or not _near(text, tokens[i - 1].end(), tokens[i].start()):
        return True
    return tokens[i - 1].group(0).lower() not in _QUANTIFIERS


def _base(word: str) -> tuple[str, int]:
    """The word without a possessive ``'s`` and the length kept (``ukraine’s`` -> ``ukraine``, 7)."""
    if "'" not in word and "’" not in word:
        return word, len(word)  # the common case, without a regular expression
    m = _POSSESSIVE.match(word)
    if m:
        return m.group(1), len(m.group(1))
    return word, len(word)


def _sentence_initial(text: str, p: int) -> bool:
    """The word at ``text[p]`` opens a block or a sentence (``... ended. the``): a lowercase word
    there is an error of its own, no evidence that the word is a common one. Not _mid_sentence()'s
    inverse: after a colon, a dash or an opening quote a lowercase word is a common word's use."""
    j = p - 1
    while j >= 0 and text[j] in '"“‘(':
        j -= 1
    k = j
    while j >= 0 and text[j] in " \t":
        j -= 1
    if j < 0 or text[j] in "\x00\n":
        return True
    if j == k:
        return False  # no space before it
    if text[j] in "\"”’')":
        j -= 1
    if j < 1 or text[j] not in ".!?" or text[j - 2 : j - 1] == ".":  # "a.m. the", "e.g. the": no sentence end
        return False
    return text[j - 1].islower() or text[j - 1].isdigit()


def _occurrences(text: str, key: str):
    """Starts of ``key`` in ``text`` as a whole word (a possessive ``'s`` may follow)."""
    n = len(key)
    p = text.find(key)
    while p != -1:
        e = p + n
        if _whole_word(text, p, e):  # not "5th", "@putin": not a word of the prose
            yield p
        p = text.find(key, e)


def _whole_word(text: str, p: int, e: int) -> bool:
    """text[p:e] stands as a word of the prose, as _occurrences() tests it."""
    return _bounded(text, p, e) and not glued(text, p, e)


def _bounded(text: str, p: int, e: int) -> bool:
    """No letter is glued to text[p:e] (nor a letter and an apostrophe before it); after it, only a
    possessive ``'s``."""
    if p and (text[p - 1].isalpha() or (text[p - 1] in "'’" and p > 1 and text[p - 2].isalpha())):
        return False
    size = len(text)
    if e < size:
        c = text[e]
        if c.isalpha():
            return False
        if (
            c in "'’"
            and e + 1 < size
            and text[e + 1].isalpha()
            and not (text[e + 1] in "sS" and (e + 2 >= size or not text[e + 2].isalpha()))
        ):
            return False  # an apostrophe inside a word ("o'clock"), no possessive
    return True


def _more_than_once(text: str, key: str) -> bool:
    """``key`` stands in ``text`` as a lowercase word more than once, sentence starts aside. (One pass of
    finds that stops at the second use: no count of the whole text first.)"""
    seen = False
    for p in _occurrences(text, key):
        if not _sentence_initial(text, p):
            if seen:
                return True
            seen = True
    return False


def _hyphened(text: str, start: int, end: int) -> bool:
    return text[end : end + 1] == "-" or text[start - 1 : start] == "-"


def _maybe_date(text: str, end: int) -> bool:
    """A month name not followed by a word in the same phrase (``may 5``, ``march, 1917``, ``in may.``):
    where _cued() may take it for the month."""
    return not _WORD_NEXT.match(text, end)


def _window(text: str, start: int):
    """The words around position ``start`` (about 100 characters each side), and the index of
    the one that starts there."""
    a = text.rfind(" ", 0, max(0, start - 100)) + 1
    b = text.find(" ", start + 100)
    if b == -1:
        b = len(text)
    tokens = list(WORD.finditer(text, a, b))
    i = bisect_left(tokens, start, key=_START)  # in C: the tokens are in the text's order
    if i < len(tokens) and tokens[i].start() == start:
        return tokens, i
    return tokens, None


_START = re.Match.start


def _written_form(key: str, canonical: str) -> tuple[str, str]:
    """The form to offer for a name found lowercase, and whether the fix is safe: a name with a capital
    inside as the data writes it (``mcdonald`` -> ``McDonald``); a Mc or O' name the data does not
    know gets a guess marked unsafe (``McBrien``? ``Mcbrien``?)."""
    if canonical != _titlecase(key) or not key[:1].isalpha():
        return canonical, "safe"  # the article's own form, or the gazetteer's
    from newslint.names import name_forms

    form = name_forms().get(key)
    if form is not None:
        return form, "safe"
    if _INNER_CAPITAL.match(key):
        return canonical[:2] + canonical[2].upper() + canonical[3:], "unsafe"
    return canonical, "safe"


def _near(text: str, a: int, b: int) -> bool:
    """Two words separated only by spaces (one sentence, no punctuation between)."""
    gap = text[a:b]
    return gap != "" and gap.isspace() and "\n" not in gap


def _titlecase(key: str) -> str:
    return key[0].upper() + key[1:]


def _name_word(word: str) -> bool:
    """A capitalised name part: ``Williams``, ``SanAntonio``, ``McNair``, ``Van`` (not ``USA``, ``I``)."""
    return len(word) >= 2 and word[0].isupper() and not word.isupper() and word[1:2].islower()


def _initial(text: str, m) -> bool:
    word = m.group(0)
    return len(word) == 1 and word.isupper() and text[m.end() : m.end() + 1] == "."


def _after_abbr(text: str, m, names: frozenset) -> bool:
    """``m`` is one of ``names`` (lowercased) written capitalised and followed by its period."""
    word = m.group(0)
    return word[:1].isupper() and word.lower() in names and text[m.end() : m.end() + 1] == "."


def _starts_here(text: str, m) -> bool:
    """The word opens its sentence (or the block)."""
    j = m.start()  # text[:j] stripped of the spaces, quotes and brackets before the word, without a copy
    while j and text[j - 1] in _OPENING:
        j -= 1
    if not j:
        return True
    last = text[j - 1]
    if last == ".":
        k = j - 1  # the run of word characters before the period (re's \w)
        while k and (text[k - 1].isalnum() or text[k - 1] == "_"):
            k -= 1
        word = text[k : j - 1]
        if word and (word.lower() in _TITLE_ABBR or (len(word) == 1 and word.isupper())):
            return False  # "Gov. Mark", "J. Edgar": the period is the abbreviation's
    return last in _SENTENCE_END or last in ":—"


_OPENING = frozenset(" \t\n\"“‘'([")


# What processes learn of a word here (_typo_like, _common_form, _derived: tens of microseconds a word),
# kept in the per-user cache for the next process (usercache.LearnedStore): each answer depends only on
# the word, newslint's code and shipped data, and the word lists of other packages.
LEARNED_FORMAT = 1
_LEARNED: list = []


def learned():
    """The casing rules' store of learned answers (see above), made once."""
    if not _LEARNED:
        from newslint.usercache import LearnedStore

        _LEARNED.append(LearnedStore(f"casing-learned-v{LEARNED_FORMAT}", _learned_key, limit=100_000))
    return _LEARNED[0]


def _learned_key() -> tuple:
    import os
    import sys

    from newslint.cache import code_fingerprint
    from newslint.lexicon import word_sources

    stats = [(str(p), os.stat(p).st_size, os.stat(p).st_mtime_ns) for p in word_sources() if p is not None]
    return (LEARNED_FORMAT, sys.version, code_fingerprint(), tuple(stats))  # (str methods: Unicode's version)


def _typo_like(key: str, floor: int) -> bool:
    """A word one edit away from a word used at least ``floor`` times (a million or a hundred
    million): a slip, spelling/typo's case."""
    found = _TYPO_MEMO.get((key, floor))
    if found is None:
        store = learned()
        found = store.get(("typo", key, floor))
        if type(found) is not bool:  # not learned by an earlier process
            found = _find_typo_like(key, floor)
            store.learn(("typo", key, floor), found)
        if len(_TYPO_MEMO) > 100_000:
            _TYPO_MEMO.clear()
        _TYPO_MEMO[(key, floor)] = found
    return found


def _find_typo_like(key: str, floor: int) -> bool:
    from newslint.names import frequent_words

    if _TYPO_LOOKUPS[0] < 4:  # a cold process: look up a few words' edits, not load the sets
        from newslint.rules.spelling import _edits1

        _TYPO_LOOKUPS[0] += 1
        counts = words()._counts  # frequent_words()'s counts, without the memo
        least = 1_000_000 if floor <= 1_000_000 else 100_000_000
        return any(counts.get(e, 0) >= least for e in _edits1(key))
    return _one_edit_from(key, frequent_words()[0 if floor <= 1_000_000 else 1])


def _one_edit_from(word: str, frequent) -> bool:
    """``frequent`` holds a word of spelling._edits1(word) (``word`` itself aside): the same answer,
    each edit tried in turn (most words have none), no set of them built."""
    from newslint.rules.spelling import _ALPHABET

    n = len(word)
    for i in range(n):
        if word[:i] + word[i + 1 :] in frequent:
            return True  # a deletion
    for i in range(n - 1):
        swapped = word[:i] + word[i + 1] + word[i] + word[i + 2 :]
        if swapped != word and swapped in frequent:
            return True  # a transposition
    for i in range(n + 1):
        head = word[:i]
        tail = word[i:]
        for c in _ALPHABET:
            if head + c + tail in frequent:
                return True  # an insertion
        if i < n:
            rest = word[i + 1 :]
            own = word[i]
            for c in _ALPHABET:
                if c != own and head + c + rest in frequent:
                    return True  # a substitution
    return False


_TYPO_MEMO: dict[tuple[str, int], bool] = {}

_TYPO_LOOKUPS = [0]


def _particle_name(word: str) -> bool:
    """A given name or a name before ``bin``, ``van``, ``de``... (``Osama``, ``Vincent``; not ``Dutch``)."""
    if word in gazetteer().single:
        return False
    return word in given_names() or word in proper_names() or (words().get(word) or 0) < COMMON


class _LazyBool:
    """A truth value worked out the first time it is asked for."""

    __slots__ = ("_how", "_value")

    def __init__(self, how) -> None:
        self._how = how
        self._value: bool | None = None

    def __bool__(self) -> bool:
        if self._value is None:
            self._value = bool(self._how())
            self._how = None
        return self._value


def _initial_token(text: str, t) -> bool:
    return t is not None and _initial(text, t)


def _determiner(t) -> bool:
    return t is not None and t.group(0).lower() in _DETERMINERS


def _derived(key: str) -> bool:
    """An English word made longer: a prefix before a word (``interlayer``, ``nonchurchgoing``) or a
    word of six letters or more at the end (``thermoforming``, ``bodyweight``): no name."""
    found = _DERIVED_MEMO.get(key)
    if found is None:
        store = learned()
        found = store.get(("derived", key))
        if type(found) is not bool:  # not learned by an earlier process
            known = words()
            found = any(
                key.startswith(p) and known.get(key[len(p) :]) for p in _PREFIXES if len(key) - len(p) >= 4
            ) or any(known.get(key[k:]) for k in range(2, len(key) - 5))
            store.learn(("derived", key), found)
        if len(_DERIVED_MEMO) > 100_000:
            _DERIVED_MEMO.clear()
        _DERIVED_MEMO[key] = found
    return found


_DERIVED_MEMO: dict[str, bool] = {}


def _foreign_beside(text: str, tokens, i: int) -> bool:
    """A lowercase word that no dictionary knows stands right before or after tokens[i]: the phrase is
    in another language or a dialect (``bona fide``, ``eine lange Nacht vielleicht und``)."""
    known = words()
    for j in (i - 1, i + 1):
        if 0 <= j < len(tokens) and _near(text, tokens[min(i, j)].end(), tokens[max(i, j)].start()):
            word = tokens[j].group(0)
            if word.islower() and len(word) > 1 and "'" not in word and "’" not in word and not known.get(word):
                return True
    return False


def _compound(key: str) -> bool:
    """Two English words run together (``wellknown``, ``coolheaded``, ``winless``)."""
    from newslint.names import frequent_words

    frequent = frequent_words()[0]
    return any(
        key[:k] in frequent and key[k:] in frequent and (k >= 4 or len(key) - k >= 3)  # "look"+"it"; not "app"+"in"
        for k in range(2, len(key) - 1)
    )


def _common_form(key: str, compounds: bool = True) -> bool:
    # ``compounds=False``: a spelling variant only (for a name English writes capitalised: "gage" is
    # "gauge", but "Romans" is no plural and "Newfoundland" no compound)
    """``key`` is an English word in another form, no name: a British or older spelling of a known
    word (``hospitalising``, ``honour``, ``sabre``, ``gage``, ``matt``), a known word inflected or
    made an adjective (``nasaled``, ``purpling``, ``reimburseable``), two known words run together
    (``alsosaid``, ``wheatbelt``, ``castorbeans``)."""
    found = _FORM_MEMO.get((key, compounds))
    if found is None:
        store = learned()
        found = store.get(("form", key, compounds))
        if type(found) is not bool:  # not learned by an earlier process
            found = _find_common_form(key, compounds)
            store.learn(("form", key, compounds), found)
        _FORM_MEMO[(key, compounds)] = found
    return found


_FORM_MEMO: dict[tuple[str, bool], bool] = {}
_COMPOUND_FLOOR = 1_000_000  # uses of one half at least of two words run together (not "cess" + "nock")


def _find_common_form(key: str, compounds: bool) -> bool:
    from newslint.names import british_spellings

    if key in british_spellings():
        return True
    known = words()
    names = proper_names()

    def word(w: str) -> bool:
        """A word of a dictionary (hunspell's count as 1), not one English writes only capitalised."""
        return known.get(w, 0) >= 1 and w not in names

    for old, new in _VARIANTS:
        if key.endswith(old) and len(key) - len(old) >= 1 and word(key[: len(key) - len(old)] + new):
            return True
    if "our" in key[1:] and word(key.replace("our", "or")):
        return True  # "honourable", "favourite"
    if key.startswith("ph") and word("f" + key[2:]):
        return True  # "phantasy"
    if not compounds:
        return False
    if key.endswith("in") and word(key + "g"):
        return True  # "hankerin'", "talkin'": a dialect's -ing
    for end, back in _INFLECTIONS:
        if key.endswith(end) and len(key) - len(end) >= 4:
            stem = key[: len(key) - len(end)] + back
            if word(stem) or _derived(stem):
                return True
    named = name_dominant()

    def part(w: str) -> bool:
        """A frequent word, not a name (``fern`` + ``berger``, ``karl`` + ``heinz`` make names)."""
        return known.get(w, 0) >= _WORD_FLOOR and w not in names and w not in named

    return any(
        part(key[:k]) and part(key[k:]) and max(known.get(key[:k]), known.get(key[k:])) >= _COMPOUND_FLOOR
        for k in range(4, len(key) - 3)
    )


def _in_foreign_phrase(tokens, i: int) -> bool:
    """Two or more function words of another language among the four words each side of tokens[i]."""
    found = 0
    for t in tokens[max(0, i - 4) : i + 5]:
        if t.group(0).lower() in _FOREIGN_GLUE:
            found += 1
    return found >= 2


def _kind(key: str) -> str:
    name = gazetteer().single.get(key)
    return name.kind if name is not None else ""


def _content_before(text: str, tokens, i: int) -> bool:
    """A lowercase word that carries meaning stands right before tokens[i] (``sweet william``, ``race
    marshall``, ``transparent matt``): tokens[i] is a noun it qualifies or a noun phrase's head, no name."""
    if i == 0 or not _near(text, tokens[i - 1].end(), tokens[i].start()):
        return False
    word = tokens[i - 1].group(0)
    return word.islower() and len(word) > 1 and word not in _LEXICAL and word not in _NEVER


def _content_after(text: str, tokens, i: int) -> bool:
    """A lowercase word that carries meaning follows tokens[i] (``epsom salts``, ``shea tree``): it
    qualifies that noun."""
    if i + 1 >= len(tokens) or not _near(text, tokens[i].end(), tokens[i + 1].start()):
        return False
    word = tokens[i + 1].group(0)
    if word in _SAY or word in _AFTER_NAME or word in _PAST or word.endswith("ed"):
        return False  # a verb: "survivors of hiroshima spoke", "residents of hiroshima gathered"
    return word.islower() and len(word) > 2 and word not in _LEXICAL and word not in _NEVER


def _elided(text: str, end: int, key: str) -> bool:
    """A dialect form with a dropped letter (``han'``, ``hankerin'``): an apostrophe, no ``'s``."""
    if text[end : end + 1] not in ("'", "’") or text[end + 1 : end + 2].isalpha():
        return False
    known = words()
    return any(known.get(key + c, 0) >= _WORD_FLOOR for c in "gd")
