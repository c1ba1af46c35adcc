"""Casing rules: proper nouns written lowercase (``ukraine``, ``vladimir Putin``, ``nato``)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from itertools import pairwise

from newslint.document.model import PROSE_KINDS
from newslint.registry import register
from newslint.rule import Rule
from newslint.text import WORD, glued

_OPENERS = set(":\"“‘'([«—–")
_COMPASS = frozenset("north south east west central northern southern eastern western upper lower".split())
_ALWAYS_WHOLE = frozenset({"north korea", "south korea", "south sudan", "north macedonia"})
# Generic words inside names: "European union" (a union of Europe) and "Rhode island" are told apart
# only by the article writing the full name elsewhere.
_GENERIC = frozenset(
    """union island islands states nations sea ocean city republic coast valley hill street bank court
    council commission parliament organization league strait gulf heights empire kingdom united east
    west north south new great central middle far near red black holy federal reserve international
    world watch health human rights security criminal town cape virgin territories minor outlying
    strip america district""".split()
)

# Context cues for names that are also common words (``in china.``, ``march 5``, ``trump said``).
_PLACE_BEFORE = frozenset(
    """in to from into across against between throughout toward towards via visit visited visiting
    visits invaded invade invading inside outside near""".split()
)
_MONTH_BEFORE = frozenset("in since until till by early late mid last next through during of from".split())
_AFTER_NAME = frozenset(
    """and or but is was has had have will would said says on in for to with since after before during
    over as at by that which who where when remains""".split()
)
_SAY = frozenset(
    """said says told added announced insisted argued warned wrote tweeted replied reported declared
    explained noted stated recalled commented testified asserted admitted predicted""".split()
)
_TITLES = frozenset("president mr mrs ms dr sen senator gov governor minister chancellor premier leader".split())
_NATION_NOUNS = frozenset(
    """government president prime minister ministry officials official army military troops forces
    border capital authorities leader leaders parliament embassy citizens nationals foreign economy
    police navy counterpart counterparts""".split()
)
# Particles of names, written lowercase inside them ("Ursula von der Leyen") and capitalised elsewhere.
_PARTICLES = frozenset("von van der den ter ten del della des dos das bin ibn abu bint".split())
# Capitalised words before a lowercase one that say nothing about it being a name.
_NOT_NAMES = frozenset("i the a an mr mrs ms dr st mt".split())
_DETERMINERS = frozenset("a an the this that these those my your his her its our their some any no".split())
_POSSESSIVE = re.compile(r"^(.+?)['’]s$", re.IGNORECASE)


class _Counts:
    """lexicon.word_counts() (loads in about a millisecond, where words() takes tens) with a memo per
    process: the same ``get`` as lexicon.words()."""

    __slots__ = ("_counts", "_memo")
    _MISSING = object()

    def __init__(self, counts) -> None:
        self._counts = counts
        self._memo: dict[str, object] = {}

    def get(self, key: str, default=None):
        found = self._memo.get(key, self._MISSING)
        if found is self._MISSING:
            found = self._counts.get(key)
            if len(self._memo) < 200_000:
                self._memo[key] = found
        return default if found is None else found


_COUNTS: list[_Counts] = []


def words() -> _Counts:
    """Lowercase English word -> corpus count, as lexicon.words() gives it."""
    if not _COUNTS:
        from newslint.lexicon import word_counts

        _COUNTS.append(_Counts(word_counts()))
    return _COUNTS[0]


def _name_data():
    """names.name_data() (imported once: these accessors run for every candidate)."""
    if not _NAME_DATA:
        from newslint.names import name_data

        _NAME_DATA.append(name_data)
    return _NAME_DATA[0]()


_NAME_DATA: list = []


def gazetteer():
    return _name_data().gazetteer


def proper_names() -> frozenset[str]:
    return _name_data().proper


def given_names() -> frozenset[str]:
    return _name_data().given


def dual_names() -> frozenset[str]:
    return _name_data().dual


def name_dominant() -> frozenset[str]:
    """Words written capitalised far more often than lowercase (``john``, ``turin``)."""
    from newslint.lexicon import name_dominant as dominant

    return dominant()


# Words before a name-dominant word that make it a common noun ("another psalm", "acting dean"), and
# roles that are titles too ("the Harvard dean McGeorge Bundy").
_QUANTIFIERS = frozenset("a an another each every any some no one acting".split())
_ROLES = frozenset("dean provost rector vicar deacon abbot chaplain".split())


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


# A capitalised word (or a run of them) and what stands before it.
_CAP = r"[A-Z\u00c0-\u00de][^\W\d_]*(?:['’][^\W\d_]+)*"
_CAP_RUN = re.compile(rf"(?<![^\W_])(?<!['’]){_CAP}(?:[ ]{_CAP})*")
_LOWER_WORD = re.compile(r"(?<![^\W_])(?<!['’])[a-z\u00df-\u00ff][^\W\d_]*(?:['’][^\W\d_]+)*")
_LONG_WORD = re.compile(r"[A-Za-z\u00c0-\u024f]{4,}")
_ABBR_BEFORE = re.compile(r"(?:^|[\s(“\"'‘])([A-Za-z]+)\.[ \t]+$")


_START_CANDIDATE = re.compile(
    r"(?:^|[.!?][\"”’')]?[ \t]+)[\"“‘(]?([a-z\u00df-\u00ff][^\W\d_]*(?:['’][^\W\d_]+)*)", re.M
)


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


_HEADLINE_WORDS = 16  # longer words: a title-case headline has fewer


def _titleish_text(text: str) -> bool:
    """A headline-style line: most longer words capitalised (no evidence of proper nouns there)."""
    longer = _LONG_WORD.findall(text)
    if len(longer) > _HEADLINE_WORDS:
        return False  # a paragraph that lists names ("won by John Nyberg of Tualatin, Anne ...") is prose
    return not longer or (len(longer) - len(list(filter(str.islower, longer)))) * 2 > len(longer)


def document_evidence(doc) -> tuple[dict[str, Counter], Counter, frozenset, Counter, Counter]:
    """What the article says about its words: the ones it capitalises mid-sentence (lowercase ->
    Counter of forms), how often it writes each lowercase, and the pairs of capitalised words it
    writes side by side (``("texas", "tech")``) in its sentences."""
    from newslint.document.sentences import TITLES, split_sentences

    capitalised: dict[str, Counter] = {}
    lowercase: Counter = Counter()
    pairs: set[tuple[str, str]] = set()
    anywhere: Counter = Counter()  # capitalised, sentence starts included
    alone: Counter = Counter()  # capitalised mid-sentence with no capitalised word beside it
    for block in doc.prose_blocks():
        text = block.text
        lowercase.update(_LOWER_WORD.findall(text))
        for m in _START_CANDIDATE.finditer(text):
            if _sentence_initial(text, m.start(1)):
                lowercase[m.group(1)] -= 1  # a sentence's lowercase start is no common-word use
        if block.kind not in ("paragraph", "list_item") or _titleish_text(text):
            continue
        starts = None
        for m in _CAP_RUN.finditer(text):
            run = m.group(0)
            parts = run.split(" ") if " " in run else [run]
            if len(parts) > 1:
                lowered = [_base(p)[0].lower() for p in parts]
                pairs.update(pairwise(lowered))
            i = m.start()
            j = i - 1
            while j >= 0 and text[j] in " \t\n\r\u00a0":
                j -= 1
            mid = True
            if j < 0 or text[j] in _OPENERS:
                mid = False
            elif text[j] in ".!?…":
                # after "Mr." or an initial ("J. Edgar Hoover") the sentence goes on
                abbr = _ABBR_BEFORE.search(text, max(0, j - 12), i)
                mid = (
                    text[j] == "."
                    and abbr is not None
                    and (abbr.group(1).lower() in TITLES or (len(abbr.group(1)) == 1 and abbr.group(1).isupper()))
                )
            elif text[j] in "\"”’')":
                if starts is None:
                    starts = {a for a, _ in split_sentences(text)}
                mid = i not in starts
            first = 0 if mid else 1
            for p in parts[first:]:
                word = _base(p)[0]
                if len(word) == 1 and word.isupper():
                    continue
                capitalised.setdefault(word.lower(), Counter())[word] += 1
            if len(parts) == 1:
                anywhere[_base(run)[0].lower()] += 1
                if mid and not _IN_CHAIN.search(text, max(0, i - 60), i):
                    alone[_base(run)[0].lower()] += 1
            else:
                anywhere.update(lowered)
    for key in [k for k in lowercase if "'" in k or "’" in k or not k.islower()]:
        n = lowercase.pop(key)
        base = _base(key)[0]
        if base.islower():
            lowercase[base] += n
    return capitalised, lowercase, frozenset(pairs), anywhere, alone


# -- the article's evidence, worked out per word on demand -------------------------------------------
_EAGER_ABOVE = 200_000  # characters of prose: above, one pass over the article (linear) instead
_UPPER_FIRST = frozenset(chr(c) for c in range(ord("A"), ord("Z") + 1)) | frozenset(
    chr(c) for c in range(0xC0, 0xDF) if c != 0xD7
)


class _KeyFacts:
    __slots__ = ("after", "alone", "anywhere", "before", "forms", "lower")

    def __init__(self) -> None:
        self.forms: Counter = Counter()
        self.lower = 0
        self.anywhere = 0
        self.alone = 0
        self.before: set[str] = set()
        self.after: set[str] = set()


class _LazyEvidence:
    """What document_evidence() says about one word, found with ``str.find`` in the article's
    lowercased blocks when a rule asks (a few dozen words per article) instead of for every word."""

    def __init__(self, doc) -> None:
        blocks = doc.prose_blocks()
        self.blocks = [(b.text, b.kind in ("paragraph", "list_item")) for b in blocks]
        self.joined = "\x00".join(b.text for b in blocks)  # one string: one find per word, not per block
        # lowered block by block: str.lower() of a whole non-ASCII article takes 12 bytes a character at peak
        self.low = "\x00".join(b.text.lower() for b in blocks)
        self.starts = []
        pos = 0
        for b in blocks:
            self.starts.append(pos)
            pos += len(b.text) + 1
        self.titleish: dict[int, bool] = {}
        self.facts: dict[str, _KeyFacts] = {}
        # the runs of _LETTERS of these blocks that are not lowercase, lowercased (set by the rule when
        # it has them): a lowercase run of _LETTERS not among them is never written capitalised here
        self.capitals: frozenset[str] | None = None
        # those of them written other than Capitalised or in capitals ("McDonald"), when all are ASCII
        self.odd_capitals: frozenset[str] | None = None
        # with odd_capitals: the runs as written ("Ukraine", "NATO"); a form not among them is not written
        self.cased: set[str] | None = None

    def key(self, key: str) -> _KeyFacts:
        facts = self.facts.get(key)
        if facts is None:
            capitals = self.capitals
            if capitals is not None and key not in capitals and key.islower() and _LETTERS.fullmatch(key):
                facts = self.facts[key] = self._scan_lowercase(key)
            else:
                facts = self.facts[key] = self._scan(key)
        return facts

    def may_have_forms(self, key: str) -> bool:
        """False when ``key(key).forms`` is empty, found from its Capitalised and capital forms alone
        (their few places; no scan of every use); True when it may not be."""
        facts = self.facts.get(key)
        if facts is not None:
            return bool(facts.forms)
        odd, capitals = self.odd_capitals, self.capitals
        if odd is None or capitals is None or key in odd or len(key) < 2 or not (key.isascii() and key.isalpha()):
            return True
        if key not in capitals:
            return False  # never written capitalised
        from bisect import bisect_right

        joined = self.joined
        n = len(key)
        cased = self.cased
        for form in (key[0].upper() + key[1:], key.upper()):  # its only capitalised forms here
            if cased is not None and form not in cased:
                continue  # no run of letters is this form: no scan for it
            q = joined.find(form)
            while q != -1:
                before = joined[q - 1] if q else ""
                if _bounded(joined, q, q + n) and not before.isdigit() and (not before or before not in "'’"):
                    index = bisect_right(self.starts, q) - 1
                    text, kind_ok = self.blocks[index]
                    p = q - self.starts[index]
                    # the block's test last: most capitalised uses open a sentence, and it reads the block
                    if (
                        kind_ok
                        and (_prev_capital(text, p) is not None or _mid_sentence(text, p))
                        and self._eligible(index)
                    ):
                        return True  # _capital() counts it in a form
                q = joined.find(form, q + 1)
        return False

    def _scan_lowercase(self, key: str) -> _KeyFacts:
        """_scan() for a word never written capitalised here: its lowercase uses only, found in the
        text as it is (no capitalised form to pass over)."""
        facts = _KeyFacts()
        if not ("a" <= key[0] <= "z" or "\u00df" <= key[0] <= "\u00ff"):
            return facts  # _scan() counts no lowercase use of it either
        n = len(key)
        joined = self.joined
        q = joined.find(key)
        while q != -1:
            before = joined[q - 1] if q else ""
            if (
                _bounded(joined, q, q + n)
                and not before.isdigit()
                and (not before or before not in "'’")
                and not _sentence_initial(joined, q)
            ):
                facts.lower += 1
            q = joined.find(key, q + 1)
        return facts

    def _eligible(self, index: int) -> bool:
        found = self.titleish.get(index)
        if found is None:
            found = self.titleish[index] = not _titleish_text(self.blocks[index][0])
        return found

    def _scan(self, key: str) -> _KeyFacts:
        from bisect import bisect_right

        facts = _KeyFacts()
        n = len(key)
        if not n:
            return facts
        lower_first = "a" <= key[0] <= "z" or "\u00df" <= key[0] <= "\u00ff"
        low = self.low
        joined = self.joined
        size = len(joined)
        q = low.find(key)
        while q != -1:
            e = q + n
            nxt_q = low.find(key, q + 1)
            before = joined[q - 1] if q else ""
            if before.isalpha() or (before in "'’" and q > 1 and joined[q - 2].isalpha()):
                q = nxt_q
                continue
            end = e
            if e < size:
                c = joined[e]
                if c.isalpha():
                    q = nxt_q
                    continue
                if c in "'’" and e + 1 < size and joined[e + 1].isalpha():
                    if joined[e + 1] in "sS" and (e + 2 >= size or not joined[e + 2].isalpha()):
                        end = e + 2
                    else:
                        q = nxt_q
                        continue
            form = joined[q:e]
            clean_before = not before.isdigit() and (not before or before not in "'’")
            if form.islower():
                if lower_first and clean_before and not _sentence_initial(joined, q):
                    facts.lower += 1
            elif form[0] in _UPPER_FIRST and clean_before:
                index = bisect_right(self.starts, q) - 1
                text, kind_ok = self.blocks[index]
                if kind_ok and self._eligible(index):
                    base = self.starts[index]
                    self._capital(facts, text, q - base, e - base, end - base, form)
            q = nxt_q
        return facts

    @staticmethod
    def _capital(facts: _KeyFacts, text: str, p: int, e: int, end: int, form: str) -> None:
        """One capitalised use of the word at text[p:e] (text[e:end] a possessive)."""
        prev = _prev_capital(text, p)
        nxt = None
        if end + 1 < len(text) and text[end] == " " and text[end + 1] in _UPPER_FIRST:
            m = _NEXT_CAP.match(text, end + 1)
            if m is not None:
                nxt = _base(m.group(0))[0].lower()
        facts.anywhere += 1
        if prev:
            facts.before.add(prev)
        if nxt is not None:
            facts.after.add(nxt)
        letter = len(form) == 1 and form.isupper()  # an initial: counted in no form
        if prev is not None:
            if not letter:
                facts.forms[form] += 1  # inside a run of capitalised words: never its first word
            return
        if _mid_sentence(text, p):
            if not letter:
                facts.forms[form] += 1
            if nxt is None:
                facts.alone += 1


def _prev_capital(text: str, p: int) -> str | None:
    """The capitalised word right before the capitalised one at text[p], lowercased; "" inside a longer
    name ("High Commissioner for Refugees": never written alone); None."""
    if p >= 2 and text[p - 1] == " " and text[p - 2].isalpha():
        m = _PREV_CAP.search(text, max(0, p - 60), p - 1)
        if m is not None:
            return _base(m.group(1))[0].lower()
        if _IN_CHAIN.search(text, max(0, p - 60), p):
            return ""
    return None


_PREV_CAP = re.compile(rf"(?<![^\W_])(?<!['’])({_CAP})$")
# a capitalised word, then a word that joins the words of a name ("Commissioner for", "Bank of the");
# not "and" ("Rodgers and Hart": two names)
_IN_CHAIN = re.compile(rf"(?<![^\W_]){_CAP} (?:(?:for|of|on|de|the) )+$")
_NEXT_CAP = re.compile(_CAP)


def _mid_sentence(text: str, i: int) -> bool:
    """The capitalised word at ``i`` does not open a sentence (document_evidence's test)."""
    j = i - 1
    while j >= 0 and text[j] in " \t\n\r\u00a0":
        j -= 1
    if j < 0 or text[j] in _OPENERS:
        return False
    if text[j] in ".!?…":
        from newslint.document.sentences import TITLES

        abbr = _ABBR_BEFORE.search(text, max(0, j - 12), i)
        return (
            text[j] == "."
            and abbr is not None
            and (abbr.group(1).lower() in TITLES or (len(abbr.group(1)) == 1 and abbr.group(1).isupper()))
        )
    if text[j] in "\"”’')":
        from newslint.document.sentences import split_sentences

        return i not in {a for a, _ in split_sentences(text)}
    return True


class _Forms:
    __slots__ = ("ev",)

    def __init__(self, ev: _LazyEvidence) -> None:
        self.ev = ev

    def get(self, key: str, default=None):
        forms = self.ev.key(key).forms
        return forms if forms else default


class _Count:
    __slots__ = ("attr", "ev")

    def __init__(self, ev: _LazyEvidence, attr: str) -> None:
        self.ev = ev
        self.attr = attr

    def __getitem__(self, key: str) -> int:
        return getattr(self.ev.key(key), self.attr)


class _Pairs:
    __slots__ = ("ev",)

    def __init__(self, ev: _LazyEvidence) -> None:
        self.ev = ev

    def __contains__(self, pair) -> bool:
        a, b = pair
        return a in self.ev.key(b).before


def evidence_views(doc):
    """document_evidence(doc)'s five answers: computed at once for a long article (linear), or
    word by word on demand for the rest (most words are never asked about)."""
    if sum(len(b.text) for b in doc.prose_blocks()) > _EAGER_ABOVE:
        return document_evidence(doc)
    ev = _LazyEvidence(doc)
    if len(ev.low) != len(ev.joined):  # a letter whose lowercase is longer ("İ"): positions would drift
        return document_evidence(doc)
    return (_Forms(ev), _Count(ev, "lower"), _Pairs(ev), _Count(ev, "anywhere"), _Count(ev, "alone"))


# -- candidates: C-level set operations per block, Python per candidate ---------------------------------
_LETTERS = re.compile(r"[A-Za-z\u00c0-\u024f]+")  # Latin letters: names in other scripts are not looked at
_CAPWORD = re.compile(r"[A-Z\u00c0-\u00d6\u00d8-\u00de][^\W\d_]*")  # not "×"
_SEEN: set[str] = set()  # letter runs already classified in this process
_UNKNOWN: set[str] = set()  # lowercase ones no dictionary knows as a word (or CMUdict only)


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
    """Every word of the name lists of ``data`` and _UNKNOWN (kept up to date by _classify): the words
    worth a look."""
    if not _RELEVANT or _RELEVANT[0] is not data:
        from newslint.names import _ALWAYS

        found = set(data.gazetteer.single)
        found.update(data.proper, data.phrase_words, _ALWAYS, data.given, data.dual, _UNKNOWN)
        _RELEVANT[:] = [data, found]
    return _RELEVANT[1]


_RELEVANT: list = []  # [the name data, its _relevant() set]


def _occurrences(text: str, key: str):
    """Starts of ``key`` in ``text`` as a whole word (a possessive ``'s`` may follow)."""
    n = len(key)
    p = text.find(key)
    while p != -1:
        e = p + n
        if _whole_word(text, p, e):  # not "5th", "@putin": not a word of the prose
            yield p
        p = text.find(key, e)


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


def _keep_places(text, key, name, always, date, besides, entries, low, spots) -> None:
    """Append to ``spots`` the places of ``key`` in ``text`` that one of the tests keeps."""
    n = len(key)
    for s in _occurrences(text, key):
        if name is None and _hyphened(text, s, s + n):
            continue  # "pre-legislative", "Inter-american": prefixes and compounds
        if (
            always
            or (date and _maybe_date(text, s + n))
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


_FAMILY = frozenset("wife husband son daughter brother sister mother father widow".split())
_FAMILY_ENDS = frozenset(w[-1] for w in _FAMILY) | frozenset(w[-1].upper() for w in _FAMILY)
_FAMILY_BEFORE = re.compile(rf"\b(?:{'|'.join(sorted(_FAMILY))}),? $", re.IGNORECASE)


def _more_than_once(text: str, key: str) -> bool:
    """``key`` stands in ``text`` as a lowercase word more than once, sentence starts aside."""
    if text.count(key) < 2:
        return False
    from itertools import islice

    return len(list(islice((p for p in _occurrences(text, key) if not _sentence_initial(text, p)), 2))) > 1


def _hyphened(text: str, start: int, end: int) -> bool:
    return text[end : end + 1] == "-" or text[start - 1 : start] == "-"


def _maybe_date(text: str, end: int) -> bool:
    """A month name not followed by a word in the same phrase (``may 5``, ``march, 1917``, ``in may.``):
    where _cued() may take it for the month."""
    return not _WORD_NEXT.match(text, end)


_WORD_NEXT = re.compile(r"[^\S\n]+[^\W\d_]")


def _window(text: str, start: int):
    """The words around position ``start`` (about 100 characters each side), and the index of
    the one that starts there."""
    a = text.rfind(" ", 0, max(0, start - 100)) + 1
    b = text.find(" ", start + 100)
    if b == -1:
        b = len(text)
    tokens = list(WORD.finditer(text, a, b))
    for i, m in enumerate(tokens):
        if m.start() == start:
            return tokens, i
    return tokens, None


@register
class ProperNoun(Rule):
    id = "casing/proper-noun"
    summary = "Proper noun written lowercase (country, city, person, organisation, day, month...)."
    description = (
        "Flags a lowercase proper noun and offers its canonical form: `ukraine` -> `Ukraine`, "
        "`ukraine’s` -> `Ukraine’s`, `US-russia` -> `US-Russia`, `vladimir Putin` -> `Vladimir Putin`, "
        "`nato` -> `NATO`. Sources: a gazetteer shipped in rules/data/gazetteer.txt (countries from "
        "pycountry; demonyms, capitals and cities, organisations, people in the news, days, months, "
        "languages and religions curated by hand; rebuilt by tools/build_gazetteer.py); words English "
        "writes only capitalised (hunspell-en-us's proper names in rules/data/proper_names.txt: "
        "`hiroshima`, `chopin’s`), but after `a`, `his`, `per` (`his frau`, `per diem`); and the article "
        "itself: a word it capitalises mid-sentence (after `Mr.` and initials too) and writes lowercase "
        "only here, standing where a name stands (`pelham said`, `Judge parsons`), written alone "
        "mid-sentence twice (`when palmer missed`), beside the same capitalised word as elsewhere "
        "(`Texas tech` where the article has `Texas Tech`) or as a possessive (`brooks's teammates`); a "
        "word no dictionary knows, capitalised elsewhere in the article or beside a name (`Neveh zebulek "
        "chapel`, `the wissahonk Section`) or after `in` at a phrase's end (`in pennsauken,`). Without "
        "evidence, a word is flagged where only a name stands: a given name before a surname or an initial "
        "(`harry Truman`, `john F. Kennedy`), a surname after a title, given name or initial (`Leonard "
        "kaplan`, `Mickey mantle and`), a name before a company, church or street word (`riviera "
        "Presbyterian Church`), before a state's abbreviation (`of hays, Kan.`), in a list of names, "
        "`miss` before a full name, a month before a day (`until may 2`, `for march 31 at`). Names that "
        "are also common words (`china`, `turkey`, `may`, `polish`) need the article's evidence and a "
        "name's position (`in china.`, `trump said`). Words in your vocabulary (`vocabulary: accept`) "
        "are left alone. Without the article's evidence, a word is no name where English explains it: a "
        "British or older spelling (`hospitalising`, `sabre`, `gage`), two words run together (`alsosaid`), "
        "a word qualified by or qualifying a common noun (`sweet william`, `epsom salts`), a word in a "
        "phrase of another language (`sur la valeur`); a capitalised word inside a longer name (`High "
        "Commissioner for Refugees`) is not the word written alone. The fix is the canonical form (safe); "
        "a name with a capital inside takes hunspell's form (`McDonald`), and a Mc or O' name no list "
        "knows gets a guess marked unsafe."
    )
    severity = "error"
    fixable = "always"
    examples = {
        "bad": [
            "The conflict in ukraine has lasted three years.",
            "Talks on ukraine’s future resumed.",
            "Analysts watch US-russia relations.",
            "In recent statements, vladimir Putin spoke again.",
            "Leaders like putin rarely back down.",
            "The nato summit opens on Monday.",
            "Officials in the united states disagreed.",
            "One of them is former Fire Chief john A. Laughlin, he said.",
            "The increase was opposed by Leonard kaplan, spokesman for the builders.",
        ],
        "good": [
            "The U.S. and Russian officials met in Kyiv on Monday.",
            "She ordered a new iPhone and a turkey for dinner.",
            "Prices may rise in march of next year, the bill says.",
            "We ate off fine china and will polish the silver.",
            "Vladimir Putin and Ukraine’s president spoke.",
            "Mark my words, John said after a frank discussion.",
            "France keeps a republican form of government.",
        ],
    }

    def _evidence(self, ctx):
        ev = ctx.shared.get("casing.evidence")
        if ev is None:
            ev = evidence_views(ctx.document)
            ctx.shared["casing.evidence"] = ev
        return ev

    def _capitalised_keys(self, ctx) -> frozenset[str]:
        """A superset of the words the article capitalises mid-sentence (lowercased)."""
        keys = ctx.shared.get("casing.capitalised")
        if keys is None:
            ev = self._evidence(ctx)
            if isinstance(ev[0], dict):
                keys = frozenset(ev[0])
            else:
                found: set[str] = set()
                for b in ctx.document.prose_blocks():
                    if b.kind in ("paragraph", "list_item"):
                        found.update(_CAPWORD.findall(b.text))
                keys = frozenset(w.lower() for w in found) - _NEVER
            ctx.shared["casing.capitalised"] = keys
        return keys

    def _phrase_seen(self, ctx, canonical: str) -> bool:
        seen = ctx.shared.setdefault("casing.phrases", {})
        if canonical not in seen:
            seen[canonical] = any(canonical in b.text for b in ctx.document.prose_blocks())
        return seen[canonical]

    def run(self, doc, ctx):
        """All blocks at once: one pass over the article's text finds the few words worth a look."""
        blocks = [b for b in doc.blocks if b.kind in self.scope and b.text]
        if not blocks:
            return
        joined = "\x00".join(b.text for b in blocks)
        if len(joined) > _EAGER_ABOVE:  # a long article: block by block, so each find stays local
            del joined
            for b in blocks:
                yield from self.check(b, ctx)
            ctx.shared.pop("casing.evidence", None)  # only this rule reads it: free the article's copies
            return
        lower, others, odd, cased = _letter_runs(joined)
        forms = self._evidence(ctx)[0]
        if "casing.capitalised" not in ctx.shared and isinstance(forms, _Forms) and _plain_letters(joined):
            # (with a "×" glued to a word, the runs hold "×Kelvin": _capitalised_keys() finds "Kelvin")
            others = frozenset(others)
            ctx.shared["casing.capitalised"] = others - _NEVER
            if forms.ev.capitals is None and self.scope >= PROSE_KINDS:
                forms.ev.capitals = others  # the blocks of the rule's scope: those of the evidence
                forms.ev.odd_capitals = odd
                forms.ev.cased = cased
        spots = self._spots(ctx, joined, lower, whole=True)
        if not spots:
            return
        from bisect import bisect_right

        starts = []
        pos = 0
        for b in blocks:
            starts.append(pos)
            pos += len(b.text) + 1
        by_block: dict[int, list] = {}
        for s, key in spots:
            index = bisect_right(starts, s) - 1
            by_block.setdefault(index, []).append((s - starts[index], key))
        for index in sorted(by_block):
            yield from self._findings(blocks[index], ctx, by_block[index])

    def check(self, block, ctx):
        text = block.text
        spots = self._spots(ctx, text, set(_LETTERS.findall(text)))
        if spots:
            yield from self._findings(block, ctx, spots)

    def _spots(self, ctx, text: str, toks: set[str], whole: bool = False) -> list[tuple[int, str]]:
        """Where in ``text`` a lowercase word may be a proper noun: set operations on its words find
        the candidates (names, unknown words, words the article capitalises); cheap tests on each
        place keep the few worth a look. ``toks`` may leave out the words that are not lowercase
        (the name lists hold lowercase words only)."""
        from newslint.names import _ALWAYS

        if not toks:
            return []
        data = _name_data()
        new = toks - _SEEN
        if new:
            _classify(new)
        # one pass of the article's words over the big sets, then the few found over each
        found = toks & _relevant(data)
        single = data.gazetteer.single
        phrase_words = data.phrase_words
        full = (single.keys() & found) | (found & data.proper) | (phrase_words.keys() & found) | (found & _UNKNOWN)
        full |= found & _ALWAYS
        light = (found & data.given) | (found & data.dual)
        maybe = set()
        asked = (toks & self._capitalised_keys(ctx)) - full - _NO_EVIDENCE
        if asked:
            forms, lowercase = self._evidence(ctx)[:2]
            lazy = whole and not isinstance(forms, dict)
            ev = forms.ev if lazy and isinstance(forms, _Forms) else None
            for key in asked:
                if len(key) == 1:
                    continue  # its capital is an initial, counted in no form ("s" of "U.S.", "t" of "don't")
                if lazy and _more_than_once(text, key):
                    continue  # written lowercase elsewhere too: no evidence, and no scan of the article
                if ev is not None and not ev.may_have_forms(key):
                    continue  # capitalised only where a sentence starts: no scan of the article
                if forms.get(key) and lowercase[key] <= 1:
                    maybe.add(key)  # capitalised mid-sentence, and written lowercase only here
            full |= maybe
        light -= full
        light -= _NEVER  # "will", "can": never a name here, whatever the lists say
        if not full and not light:
            return []
        spots: list[tuple[int, str]] = []
        low = ""  # the text lowercased, for the phrase words' tests (the only keys with entries)
        if not phrase_words.keys().isdisjoint(full):
            views = ctx.shared.get("casing.evidence")
            if views is not None and isinstance(views[0], _Forms) and views[0].ev.joined == text:
                low = views[0].ev.low  # the same text, lowered block by block: the same string
            else:
                low = _lower_same_length(text)
        forms = None
        proper = data.proper
        given = data.given
        dual = data.dual
        for key in full:
            name = single.get(key)
            always = key in proper or key in _UNKNOWN or key in maybe or key in _PARTIES or key in _QUIET_KEYS
            date = False
            if name is not None:
                if not name.ambiguous:
                    always = True
                elif name.kind == "time":
                    date = True
                else:
                    if forms is None:
                        forms = self._evidence(ctx)[0]
                    always = always or name.canonical in (forms.get(key) or ())
            besides = (key in given or key in dual) and key not in _NO_EVIDENCE
            entries = phrase_words.get(key, ())
            if always or date or besides:
                _keep_places(text, key, name, always, date, besides, entries, low, spots)
            elif entries:  # only a name of several words keeps a place: look for the names
                if key.isalpha():
                    _phrase_places(text, key, name, entries, low, spots)
                else:
                    _keep_places(text, key, name, always, date, besides, entries, low, spots)
        for key in light:  # in none of the lists of full: a capitalised word beside it keeps a place
            if key in _PARTIES or key in _QUIET_KEYS:
                _keep_places(text, key, None, True, False, False, (), low, spots)
            elif key not in _NO_EVIDENCE:
                _beside_places(text, key, spots)
        for particle in _SURNAME_PARTICLES.intersection(toks):  # "Osama bin laden": no list holds "laden"
            needle = f" {particle} "
            p = text.find(needle)
            while p != -1:
                m = _AFTER_PARTICLE.match(text, p + len(needle))
                if m is not None and m.group(1) not in _NEVER and _PARTICLE_BEFORE.search(text, max(0, p - 40), p):
                    spots.append((m.start(1), m.group(1)))
                p = text.find(needle, p + 1)
        spots.sort()
        return spots

    def _findings(self, block, ctx, spots):
        from newslint.names import name_data

        data = name_data()
        gaz = data.gazetteer
        text = block.text
        accepted = ctx.accepted_words()
        consumed_to = -1
        reported = set()
        for s, key in spots:
            if s < consumed_to:
                continue
            tokens, i = _window(text, s)
            if i is None:
                continue
            for first, n_index, pos, _, _ in data.phrase_words.get(key, ()):
                start = i - pos
                if start < 0:
                    continue
                name = gaz.phrases[first][n_index]
                if tokens[start].group(0).lower() != first and _base(tokens[start].group(0))[0].lower() != first:
                    continue
                hit = self._match_phrase(text, tokens, start, name)
                if hit is None:
                    continue
                consumed_to = max(consumed_to, tokens[start + len(name.words) - 1].end())
                if (hit[0][0], name.canonical) not in reported:
                    reported.add((hit[0][0], name.canonical))
                    finding = self._check_phrase(block, ctx, tokens, start, name, hit, accepted)
                    if finding is not None:
                        yield finding
                break
            if s < consumed_to:
                continue
            finding = self._single(block, ctx, text, tokens, i, gaz, accepted)
            if finding is not None:
                yield finding

    def _single(self, block, ctx, text, tokens, i, gaz, accepted):
        """The finding for the lowercase word tokens[i], if it is a proper noun."""
        m = tokens[i]
        word, length = _base(m.group(0))
        if not word.islower() or glued(text, m.start(), m.start() + length):
            return None
        if m.start() and text[m.start() - 1] in "\"“‘'(" and _QUOTED_END.match(text, m.end()):
            return None  # a word quoted as a word: 'the Manu word "eromonga"', 'the "china" tag'
        key = word
        if key in accepted:
            return None
        name = gaz.single.get(key)
        if name is not None:
            if name.ambiguous and not self._cued(ctx, text, tokens, i, name, key):
                return None
            canonical = name.canonical
        else:
            if text[m.end() : m.end() + 1] == "-" or text[m.start() - 1 : m.start()] == "-":
                return None  # "pre-legislative", "Inter-american": prefixes and compounds
            latin = key in _LATIN_AFTER_IN and i and tokens[i - 1].group(0).lower() == "in"
            if latin or _in_foreign_phrase(tokens, i):
                return None  # "des illusions sur la valeur", "Non est lex sana", "tried in absentia"
            canonical = self._from_article(ctx, key, text, tokens, i)
            if canonical is None:
                canonical = _from_position(text, tokens, i, key, self._evidence(ctx))
            if canonical is None:
                canonical = _from_shape(text, tokens, i, key, self._evidence(ctx))
            if canonical is None:
                return None
        start = m.start()
        canonical, applicability = _written_form(key, canonical)
        if applicability != "safe":
            message = f"'{word}' is a proper noun: write it capitalised (perhaps '{canonical}')."
        else:
            message = f"'{word}' is a proper noun: write '{canonical}'."
        return self.report(block, start, start + length, message, canonical, applicability)

    # -- multi-word names ------------------------------------------------------------------------
    @staticmethod
    def _match_phrase(text, tokens, i, name):
        n = len(name.words)
        if i + n > len(tokens):
            return None
        parts = []
        for k in range(n):
            m = tokens[i + k]
            word = m.group(0)
            length = len(word)
            if k == n - 1:
                word, length = _base(word)
            if word.lower() != name.words[k].lower():
                return None
            if k:
                sep = text[tokens[i + k - 1].end() : m.start()]
                if name.seps[k - 1] == "-" and sep != "-":
                    return None
                if name.seps[k - 1] == " " and (not sep or not sep.isspace() or sep.count("\n") > 1):
                    return None
            parts.append((m.start(), m.start() + length, word))
        return parts

    def _check_phrase(self, block, ctx, tokens, i, name, parts, accepted):
        text = block.text
        wrong = [
            k
            for k, (_, _, word) in enumerate(parts)
            if word != name.words[k] and word.islower() and not name.words[k].islower()
        ]
        if not wrong:
            return None
        if all(p[2].isupper() for p in parts if len(p[2]) > 1):
            return None
        if name.canonical.lower() in accepted or glued(text, parts[0][0], parts[-1][1]):
            return None
        if (
            wrong == [0]
            and parts[0][2] in _COMPASS
            and name.canonical.lower() not in _ALWAYS_WHOLE
            and any(p[2].lower() in gazetteer().single or p[2].lower() in proper_names() for p in parts[1:])
            and not self._phrase_seen(ctx, name.canonical)
        ):
            return None  # descriptions: "east Africa", "north London"; not "west Bank", nor "south Africa's
            # innings" in an article that writes South Africa
        # a generic word lowercase at the end needs the article's own capitalised name ("European union"
        # after the war); inside, the head word's capital says the name is meant ("the united Nations",
        # "cape Canaveral"); a word English writes only capitalised is no generic word ("Latin america")
        partial_generic = (
            len(wrong) < len(parts)
            and wrong[-1] == len(parts) - 1
            and all(parts[k][2] in _GENERIC and parts[k][2] not in proper_names() for k in wrong)
        )
        if (name.ambiguous or partial_generic) and not self._half_capitalised(text, tokens, i, parts, wrong):
            if not self._phrase_seen(ctx, name.canonical):
                return None
            if len(wrong) == len(parts) and _described(text, parts[0][0]):
                return None  # "the country's northern territory", "a white house": a description
        first, last = parts[wrong[0]], parts[wrong[-1]]
        pieces = []
        pos = first[0]
        for k in range(wrong[0], wrong[-1] + 1):
            a, b, _ = parts[k]
            pieces.append(text[pos:a])
            pieces.append(name.words[k] if k in wrong else text[a:b])
            pos = b
        replacement = "".join(pieces)
        found = text[first[0] : last[1]]
        return self.report(
            block,
            first[0],
            last[1],
            f"'{found}' is part of the proper noun '{name.canonical}': write '{replacement}'.",
            replacement,
            "safe",
        )

    @staticmethod
    def _half_capitalised(text: str, tokens, i: int, parts, wrong) -> bool:
        """The name is written half capitalised, a capital mid-sentence on a word that is no name of its
        own: the writer meant the name (``the white House``, ``the United states``; not ``European union``,
        whose capital is the demonym's)."""
        gaz = gazetteer().single
        names = proper_names()
        capitalised = [k for k in range(len(parts)) if k not in wrong and parts[k][2][:1].isupper()]
        return bool(capitalised) and all(
            not _starts_here(text, tokens[i + k])
            and parts[k][2].lower() not in gaz
            and parts[k][2].lower() not in names
            and parts[k][2].lower() not in _COMPASS
            for k in capitalised
        )

    # -- evidence ---------------------------------------------------------------------------------
    def _from_article(self, ctx, key: str, text: str, tokens, i: int) -> str | None:
        """The capitalised form of a lowercase word that is a name: the article's own, or Titlecase.

        A word English writes only capitalised (hunspell's proper names: ``johnson``, ``powell``)
        needs the article to capitalise it mid-sentence once, or a name beside it (``harold V.
        Varani``, ``Mrs. Geraldine thompson``); one known only from CMUdict's list of names and
        words (``keegan``, ``somerville``) needs the article to capitalise it mid-sentence once and
        write it lowercase nowhere else. A word no dictionary knows (``zelenskyy``) needs two capitalised
        mid-sentence uses and no other lowercase one. Anything else is an English word too (``jury``,
        ``city``), and capitals elsewhere prove nothing.
        """
        if len(key) < 3 or key in _PARTICLES:
            return None
        count = words().get(key)
        name_like = key in proper_names() or count == 0
        if count and not name_like:
            return self._dual_from_article(ctx, key, text, tokens, i)
        capitalised, lowercase = self._evidence(ctx)[:2]
        forms = capitalised.get(key) or Counter()
        titled = {f: n for f, n in forms.items() if not f.isupper()}
        if name_like:
            once_derived = count == 0 and sum(titled.values()) < 2 and _derived(key)  # "Intergroup" once
            if (
                titled
                and sum(titled.values()) >= lowercase[key]
                and (count != 0 or lowercase[key] <= 1)
                and not once_derived
            ):
                return max(titled, key=titled.get)
            if key in proper_names() and self._beside_a_name(text, tokens, i):
                return key[0].upper() + key[1:]
            return None
        if len(key) < 4 or not titled or lowercase[key] > 1:
            return None  # written lowercase elsewhere: no proof of a name
        if sum(titled.values()) < 2 and (_typo_like(key, 1_000_000) or _derived(key) or _common_form(key)):
            return None  # once capitalised, and a slip or another form of a word ("macropathological")
        return max(titled, key=titled.get)

    def _dual_from_article(self, ctx, key: str, text: str, tokens, i: int) -> str | None:
        """An English word that is also a name, in an article that capitalises it mid-sentence twice and
        writes it lowercase nowhere else, standing where a person's name stands: before ``said`` or
        after a title (``pelham said``, ``Judge parsons``; a rarer word or one hunspell knows as a name),
        or after ``and``, ``when``... with no lowercase word after it (``Davis and bush,``; hunspell's
        names only). Anything else is an English word too (``jury``, ``city``): capitals elsewhere
        prove nothing."""
        capitalised, lowercase = self._evidence(ctx)[:2]
        forms = capitalised.get(key)
        if not forms:
            return None  # most words: the article never capitalises them mid-sentence
        titled = _titlecase(key)
        times = forms.get(titled, 0)
        if not times or lowercase[key] > 1:
            return None
        if key in _GENERIC or key in _PLAIN_NOUNS or key in _NEVER or key in _TITLE_WORDS:
            return None
        if key in name_dominant() and _dominant_here(text, tokens, i):
            return titled  # "Django owed much to louis": a word English mostly capitalises
        dual = key in dual_names()
        m = tokens[i]
        prev_m = tokens[i - 1] if i > 0 and _near(text, tokens[i - 1].end(), m.start()) else None
        if prev_m is None and i > 0 and text[tokens[i - 1].end() : m.start()] == ". ":
            prev_m = tokens[i - 1] if _after_abbr(text, tokens[i - 1], _TITLE_ABBR) else None
        prev = prev_m.group(0) if prev_m is not None else ""
        nxt = tokens[i + 1].group(0) if i + 1 < len(tokens) and _near(text, m.end(), tokens[i + 1].start()) else ""
        rare = words().get(key, 0) < _COMMON
        if nxt.lower() in _SAY and (times >= 2 or (rare and (prev_m is None or prev.lower() in _PERSON_BEFORE))):
            return titled  # "pelham said" (once capitalised is enough where a clause starts)
        if prev_m is not None and (
            _after_abbr(text, prev_m, _TITLE_ABBR)
            or (prev[:1].isupper() and prev.lower() in _TITLE_WORDS)
            or prev in _BARE_TITLES
            or (prev == "State" and text.endswith("Secretary of ", 0, prev_m.start()))
        ):
            return titled  # "Judge parsons", "Mayor wagner", "Miss grant", "Secretary of State rusk"
        if _beside_given_name(text, tokens, i, prev_m, nxt):
            return titled  # "Tom day of Beaverton", "Dick Stuart, don Hoak" where the article writes Day, Don
        if (
            prev in ("and", "or")
            and (key in dual_names() or words().get(key, 0) < _COMMON)  # not "Pictures and commentary"
            and i > 1
            and _near(text, tokens[i - 2].end(), prev_m.start())
        ):
            other = tokens[i - 2]
            if _name_word(other.group(0)) and not _starts_here(text, other):
                return titled  # "Students Holmes and hunter", "Porter and wert": two of the article's names
        if not dual and words().get(key, 0) >= 10_000_000:
            return None  # a common word that hunspell does not know as a name
        if _in_name_list(text, tokens, i):
            return titled  # "four counties: Troup, pierce, Bryan and Bulloch"
        if not dual or times < 2:
            return None
        if prev.lower() in _PERSON_BEFORE and not nxt[:1].islower():
            return titled
        if prev.lower() in _PERSON_BEFORE and nxt in ("and", "had", "has", "was", "is", "who", "would", "will"):
            return titled
        return None

    @staticmethod
    def _beside_a_name(text: str, tokens, i: int) -> bool:
        """A name (hunspell's, the gazetteer's, or a capitalised word no dictionary knows as a common
        word) or an initial right before or after, in the same sentence."""
        names = proper_names()
        places = gazetteer().single
        known = words()

        def is_name(word: str) -> bool:
            word = _base(word)[0]
            if len(word) < 3 or not word[0].isupper() or not word[1:].islower():
                return False
            key = word.lower()
            return key in names or key in places or not known.get(key, 0)

        m = tokens[i]
        if i + 1 < len(tokens) and _near(text, m.end(), tokens[i + 1].start()):
            nxt = tokens[i + 1]
            initial = len(nxt.group(0)) == 1 and nxt.group(0).isupper() and text[nxt.end() : nxt.end() + 1] == "."
            if initial or is_name(nxt.group(0)):
                return True
        if i > 0:
            prev = tokens[i - 1]
            gap = text[prev.end() : m.start()]
            word = prev.group(0)
            # "Mrs. Geraldine thompson", "Mayer goldberg"; "Then heywood" no ("then" is a word)
            return gap == " " and is_name(word) and word.lower() not in _NOT_NAMES
        return False

    def _cued(self, ctx, text, tokens, i, name, key) -> bool:
        """An ambiguous name: the article capitalises it mid-sentence and this one stands as a name."""
        capitalised = self._evidence(ctx)[0]
        m = tokens[i]
        word = m.group(0)
        prev = tokens[i - 1].group(0).lower() if i > 0 and _near(text, tokens[i - 1].end(), m.start()) else ""
        if name.kind == "time" and prev in _DATE_BEFORE and _DATE_AFTER.match(text, m.end()):
            return True  # "on march 2", "since may, 1958": a date, evidence or not
        if name.kind == "time" and _DAY_ALONE.match(text, m.end()):
            return True  # "for may 6 at", "Sunday, may 14.": a day, then the phrase ends
        if name.canonical not in capitalised.get(key, {}):
            return False
        _, lowercase, _, _, alone = self._evidence(ctx)
        if (
            name.kind not in ("country", "time")  # "hanging chad", "jordan almonds": the gazetteer's own doubt
            and lowercase[key] <= 1
            and key not in _GENERIC
            and key not in _TITLE_WORDS
            and key in name_dominant()
            and _dominant_here(text, tokens, i)
        ):
            return True  # "near turin" where the article writes Turin: a word English mostly capitalises
        if (
            name.kind != "time"
            and alone[key] >= 2
            and lowercase[key] <= 1
            and key not in _GENERIC
            and prev not in _DETERMINERS
            and text[m.start() - 1 : m.start()] not in _OPENERS
        ):
            return True  # an article that writes Wagner alone twice, mid-sentence, and wagner once
        if (
            name.kind in ("country", "state", "place")
            and lowercase[key] <= 1
            and _NEXT_NAME.match(text, m.end())
            and prev not in ("a", "an")
        ):
            return True  # "the georgia Legislature", "the havana American Legion post" where Georgia is written
        nxt_m = tokens[i + 1] if i + 1 < len(tokens) and _near(text, m.end(), tokens[i + 1].start()) else None
        nxt = nxt_m.group(0).lower() if nxt_m else ""
        after = text[m.end() : m.end() + 12]
        ends = not nxt or bool(re.match(r"\s*[.,;:!?)\]—–]", after))
        possessive = word.lower() != key
        kind = name.kind
        if kind in ("country", "state", "place"):
            if possessive:
                return prev not in _DETERMINERS
            return prev in _PLACE_BEFORE and (ends or nxt in _AFTER_NAME)
        if kind == "time":  # ambiguous months: march, may, august
            if re.match(r"\s+(?:[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?(?:\s*[,.;]|\s+\d{4}\b|\s*$)", after):
                return True
            if re.match(r"\s+\d{4}\b", after):
                return True
            return prev in _MONTH_BEFORE and ends
        if kind in ("demonym", "language"):
            if prev in ("in", "speak", "speaks", "spoke", "speaking") and ends:
                return True
            return nxt in _NATION_NOUNS and prev not in ("a", "an")
        if kind == "person":
            return prev in _TITLES or prev in _TITLE_WORDS or nxt in _SAY or (possessive and prev not in _DETERMINERS)
        return prev == "the" and (nxt in _SAY or bool(_BODY_VERB.match(text, m.end())))  # "the pentagon now believes"


# what a body does after "the" (with the article's capitalised name: "the pentagon now believes")
_BODY_VERB = re.compile(
    r"\s+(?:(?:now|also|still|already|reportedly)\s+)?"
    r"(?:believes|believed|confirmed|denied|plans|planned|wants|wanted|has|had|is|was|will|would)\b"
)


_INNER_CAPITAL = re.compile(r"(?:mc|o['’])[a-z]{2}")


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


# -- names known from their position ---------------------------------------------------------------
# Titles before a name: abbreviations (capitalised, with their period) and words (any case: "coach").
_TITLE_ABBR = frozenset(
    """mr mrs ms messrs dr sen sens rep reps gov govs gen col maj capt lt sgt cmdr adm rev msgr prof atty
    supt insp det cpl pvt hon fr""".split()
)
_TITLE_WORDS = frozenset(
    """president coach chief policeman patrolman judge justice mayor secretary senator governor sheriff
    chairman chairwoman commissioner councilman councilwoman director manager marshal general colonel
    captain sergeant lieutenant commander admiral officer detective trooper professor rabbi bishop pastor
    reverend father minister premier chancellor ambassador rookie pitcher quarterback superintendent
    prosecutor attorney treasurer representative congressman congresswoman assemblyman alderman
    spokesman spokeswoman inspector prince princess king queen pope cardinal archbishop sir dame
    brother sister son daughter wife husband nephew niece cousin uncle aunt widow leader scientist
    economist columnist editor producer writer author novelist playwright poet composer conductor
    pianist violinist cellist singer soprano tenor baritone actor actress dancer painter sculptor
    architect designer critic publisher reporter correspondent photographer dealer banker lawyer
    physician surgeon halfback fullback wingback catcher outfielder infielder shortstop golfer""".split()
)
# Words that never start or end a name, whatever the lists say ("Coach had Smith", "Sen. John said").
_NEVER = frozenset(
    """a an the and or nor but of in on at to for with by from as is was were are be been being has had
    have having will would can could may might must shall should do does did not no yes said says say
    told tells asked who whom whose which that this these those it he she they we you i his her their its
    our my your me him them us there then than so if when where while after before also only just even
    any all some more most very too about into over under up down out off again yesterday today
    tomorrow tonight here now since until because though although per via each every both either
    neither other another such what how why one two three four five six seven eight nine ten""".split()
)
# Given names too risky as cues: modal verbs, months and verbs that take a name as object
# ("will Smith win", "to sue Google", "grant Ukraine").
_RISKY_GIVEN = frozenset(
    """will may mark bill sue grant rob pat drew chase hope joy faith grace rose june april august
    art rich major miles don gene ivy summer dawn eve christian carol sandy penny""".split()
)
# Latin words after "in" that the word lists hold as names or not at all ("in absentia", "in toto")
_LATIN_AFTER_IN = frozenset("absentia toto situ vitro vivo utero extremis loco memoriam camera perpetuum".split())
_ADJECTIVE_GIVEN = frozenset("rich major christian summer".split())
_MODAL_GIVEN = frozenset("will may hope grant chase drew rose june april august summer".split())
_ORG_SUFFIX = frozenset(
    """co corp inc ltd company corporation university college school academy institute stadium hall
    street st avenue ave road rd boulevard blvd lane park square church hospital club township county
    parish bridge river lake center centre theater theatre museum library airport station""".split()
)
_STATE_ABBR = frozenset(
    """ala ariz ark calif colo conn del fla ga ill ind kan kans ky la md mass mich minn miss mo mont
    neb nebr nev okla ore pa tenn tex vt va wash wis wyo""".split()
)
_STATE_DOTTED = ("N.Y.", "N.J.", "N.C.", "S.C.", "N.H.", "N.M.", "N.D.", "S.D.", "R.I.", "D.C.", "W.Va.")
_OF_GENERIC = frozenset(
    """district university bank republic isle gulf bay duke duchess earl museum college kingdom
    province city county port cape mount lake strait""".split()
)
# What follows a surname ("Sen. Wayne morse (D., Ore.)", "Gov. Marvin griffin and", "Mrs. Roger mead is").
_NAME_END = re.compile(
    r"(?:['’]s\b|\s*[,;:(]|\.(?:\s|$)|$|\s+(?:Jr|Sr|and|or|is|was|has|had|said|says|told|who|whose|of|in|at)\b)"
)
_NAME_INTRO = frozenset(
    """and by with from for of that was is said says told as like including when where while but or
    than""".split()
)
_OBJECTS = frozenset("him her them me us".split())
_BARE_TITLES = frozenset("Miss Mr Mrs Ms Dr Viscount Lord Lady Baron Earl".split())
_CONGRESS_BEFORE = frozenset("by to from before in of for".split())
_PLACE_PREP = frozenset("in near from at of to".split())
# Words before a person's name used alone ("when palmer missed", "Davis and bush,").
_PERSON_BEFORE = frozenset("and when but that while as after before because if since until though".split())
# Common nouns that follow a given name in a place or body's name ("Lake Forest house", "Harmony lodge").
_PLAIN_NOUNS = frozenset(
    """house home lodge faith city town east west north south building office temple chapel farm
    ranch store shop band group team family estate""".split()
)
_PARTIES = frozenset("republican republicans democrat democrats".split())
_PARTY_BEFORE = frozenset("house senate".split())
_PARTY_FAMILY = {
    **dict.fromkeys(("democrat", "democrats"), ("democrat", "democrats", "democratic")),
    **dict.fromkeys(("republican", "republicans"), ("republican", "republicans")),
}
_QUIET_KEYS = frozenset(("congress", "miss"))
_MISS_VERB_BEFORE = frozenset(
    """i you we they he she who will would to not never still really also just can could should might
    may must don't didn't won't doesn't""".split()
)
_SENTENCE_END = ".!?…"


def _titlecase(key: str) -> str:
    return key[0].upper() + key[1:]


def _name_word(word: str) -> bool:
    """A capitalised name part: ``Williams``, ``SanAntonio``, ``McNair``, ``Van`` (not ``USA``, ``I``)."""
    return len(word) >= 2 and word[0].isupper() and not word.isupper() and word[1:2].islower()


def _described(text: str, start: int) -> bool:
    """The words at ``start`` follow a possessive or an indefinite article: a description, not a name."""
    before = text[max(0, start - 20) : start].split()
    if not before:
        return False
    last = before[-1]
    return last.lower() in ("a", "an", "another", "one") or last.endswith(("'s", "’s", "s'", "s’"))


def _beside_given_name(text: str, tokens, i: int, prev_m, nxt: str) -> bool:
    """tokens[i] follows a capitalised given name (``Tom day``, ``Bobby waters``) or is a given name
    before a capitalised word (``don Hoak``, ``jean Baptiste``)."""
    if prev_m is not None and text[prev_m.end() : tokens[i].start()] == " ":
        prev = prev_m.group(0)
        if _name_word(prev) and prev.lower() in given_names() and prev.lower() not in _NOT_NAMES:
            return True
    key = tokens[i].group(0).lower()
    return (
        bool(nxt)
        and _name_word(nxt)
        and key in given_names()
        and (words().get(key) or 0) < _COMMON  # "I saw Jouvet", "a frank Irish face"
        and nxt.lower() not in _NOT_NAMES
        and nxt.lower() not in gazetteer().single
    )


def _in_name_list(text: str, tokens, i: int) -> bool:
    """tokens[i] stands in a list of capitalised names: ``Troup, pierce, Bryan``, ``Troup, pierce and Bryan``."""
    if i == 0 or i + 2 >= len(tokens) or text[tokens[i - 1].end() : tokens[i].start()] != ", ":
        return False
    if not _name_word(tokens[i - 1].group(0)):
        return False
    gap = text[tokens[i].end() : tokens[i + 1].start()]
    if gap == ", ":
        return _name_word(tokens[i + 1].group(0))
    return (
        gap == " "
        and tokens[i + 1].group(0) == "and"
        and text[tokens[i + 1].end() : tokens[i + 2].start()] == " "
        and _name_word(tokens[i + 2].group(0))
    )


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


def _typo_like(key: str, floor: int) -> bool:
    """A word one edit away from a word used at least ``floor`` times (a million or a hundred
    million): a slip, spelling/typo's case."""
    found = _TYPO_MEMO.get((key, floor))
    if found is None:
        from newslint.names import frequent_words

        if _TYPO_LOOKUPS[0] < 4:  # a cold process: look up a few words' edits, not load the sets
            from newslint.rules.spelling import _edits1

            _TYPO_LOOKUPS[0] += 1
            counts = words()._counts  # frequent_words()'s counts, without the memo
            least = 1_000_000 if floor <= 1_000_000 else 100_000_000
            found = any(counts.get(e, 0) >= least for e in _edits1(key))
        else:
            found = _one_edit_from(key, frequent_words()[0 if floor <= 1_000_000 else 1])
        if len(_TYPO_MEMO) > 100_000:
            _TYPO_MEMO.clear()
        _TYPO_MEMO[(key, floor)] = found
    return found


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


_SURNAME_PARTICLES = frozenset("bin ibn van von de del della da dos du".split())
_AFTER_PARTICLE = re.compile(r"([a-z]{3,})\b(?!['’-]\w)")  # the word after " bin "
_PARTICLE_BEFORE = re.compile(r"(?<![^\W_])[A-Z][a-z]+$")  # a capitalised word before " bin "


def _particle_name(word: str) -> bool:
    """A given name or a name before ``bin``, ``van``, ``de``... (``Osama``, ``Vincent``; not ``Dutch``)."""
    if word in gazetteer().single:
        return False
    return word in given_names() or word in proper_names() or (words().get(word) or 0) < _COMMON


def _quiet_cue(text: str, tokens, i: int, key: str, before: str) -> bool:
    """A cue with no capitalised neighbour: a party or Congress, a family word, a place preposition,
    ``District of``, an age after a given name."""
    end = tokens[i].end()
    return (
        key in _PARTIES
        or key == "congress"
        or before.lower() in _FAMILY
        or before in _PLACE_PREP
        or (before == "of" and i > 1 and tokens[i - 2].group(0)[:1].isupper())
        or (text[end : end + 2] == ", " and text[end + 2 : end + 3].isdigit())
        or (before in _SURNAME_PARTICLES and i > 1 and tokens[i - 2].group(0)[:1].isupper())
    )


def _from_position(text: str, tokens, i: int, key: str, evidence) -> str | None:
    """The Titlecase form of a lowercase word that stands where a name stands.

    - between a title and a name, a given name (``Fire Chief john A. Laughlin``, ``coach darrell
      Royal``);
    - after a title, a given name or an initial, a surname that is no English word or that hunspell
      also knows as a name (``Leonard kaplan``, ``Sen. Wayne morse``, ``J. Edgar hoover``);
    - a given name no English word before a surname (``anna Xydis``);
    - a name before a company, street or school word (``the reynolds Metal Co.``, ``yale University``),
      before a state's abbreviation (``norman, Okla.``) or after ``District of`` (``District of columbia``);
    - ``republicans`` after a state, ``House`` or ``Senate`` (``Georgia republicans``, ``House
      republican Leader``); ``republicans``, ``democrats`` and ``congress`` where the article capitalises
      them mid-sentence and writes them lowercase nowhere else.
    """
    # every cue needs a capitalised neighbour, but for a few words: most lowercase words leave here
    if (i == 0 or not text[tokens[i - 1].start()].isupper()) and (
        i + 1 == len(tokens) or not text[tokens[i + 1].start()].isupper()
    ):
        before = tokens[i - 1].group(0) if i > 0 else ""
        if not _quiet_cue(text, tokens, i, key, before):
            return None
    if len(key) < 3 or key in _NEVER or key in _PARTICLES or "'" in key or "’" in key:
        return None
    m = tokens[i]
    gaz = gazetteer()
    known = words()
    count = known.get(key)
    pure = _LazyBool(  # worked out only when a cue needs it (a slip test costs most)
        lambda: (
            (key in proper_names() and not _common_form(key, compounds=False))  # not "race marshall Graham"
            or (key in name_dominant() and key not in _ROLES and not _common_form(key, compounds=False))
            or (count == 0 and not _typo_like(key, 100_000_000))  # "waas" after "Pete Ward": a slip of "was"
            or (count is None and len(key) >= 4 and not _typo_like(key, 1_000_000) and not _common_form(key))
        )
    )
    dual = key in dual_names()
    given = key in given_names() and key not in _RISKY_GIVEN and (count or 0) < 250_000_000
    place = gaz.single.get(key)

    def near(a, b) -> bool:
        return _near(text, tokens[a].end(), tokens[b].start())

    prev1 = tokens[i - 1] if i > 0 and near(i - 1, i) else None
    prev_gap = text[tokens[i - 1].end() : m.start()] if i > 0 else ""

    def linked(a: int) -> bool:
        """tokens[a] belongs to the same name as tokens[a + 1]: spaces between, or its period ("Sen. Wayne")."""
        if near(a, a + 1):
            return True
        t = tokens[a]
        return text[t.end() : tokens[a + 1].start()] == ". " and (
            _initial(text, t) or _after_abbr(text, t, _TITLE_ABBR)
        )

    prev2 = tokens[i - 2] if prev1 is not None and i > 1 and linked(i - 2) else None
    if (
        prev1 is None
        and i > 0
        and prev_gap == ". "
        and (_initial(text, tokens[i - 1]) or _after_abbr(text, tokens[i - 1], _TITLE_ABBR))
    ):
        prev1 = tokens[i - 1]  # "J. Edgar", "Sen. Wayne": the period belongs to the abbreviation
        prev2 = tokens[i - 2] if i > 1 and linked(i - 2) else None
    nxt1 = tokens[i + 1] if i + 1 < len(tokens) and near(i, i + 1) else None
    after = text[m.end() :]

    def title(t) -> bool:
        if t is None:
            return False
        word = t.group(0)
        return _after_abbr(text, t, _TITLE_ABBR) or word.lower() in _TITLE_WORDS or word in _BARE_TITLES

    def given_before(t) -> bool:
        """A capitalised given name or an initial (not the word that opens the sentence unless a pure name)."""
        if t is None:
            return False
        word = t.group(0)
        if _initial(text, t):
            # a lone initial ("John C. stennis"), not one of a dotted abbreviation ("U. S.", "F.B.I.")
            # or a genus ("B. subtilis"): a name word stands before it
            k = tokens.index(t) if t in tokens else -1
            before = tokens[k - 1] if k > 0 else None
            return (
                before is not None
                and _near(text, before.end(), t.start())
                and _name_word(before.group(0))
                and not _initial(text, before)
            )
        lower = word.lower()
        if not _name_word(word) or lower in _NEVER or lower in _PARTICLES:
            return False
        if lower not in given_names():
            return False
        if lower in gaz.words:
            return False  # "South Carolina", "Georgia": a place as often as a given name
        if _starts_here(text, t):
            return word.lower() in proper_names() or known.get(word.lower()) == 0
        return True

    def surname_after(t) -> bool:
        if t is None:
            return False
        word = t.group(0)
        if _initial(text, t):
            return True
        if not _name_word(word) or word.lower() in _NEVER:
            return False
        other = gaz.single.get(word.lower())
        return other is None or other.kind not in ("time", "country", "state", "place", "demonym", "language")

    # a surname after a particle and a given name: "Osama bin laden", "Vincent van gogh"
    if (
        prev1 is not None
        and prev1.group(0) in _SURNAME_PARTICLES
        and prev2 is not None
        and _name_word(prev2.group(0))
        and not _starts_here(text, prev2)
        and _particle_name(prev2.group(0).lower())
        and key not in _GENERIC
    ):
        return _titlecase(key)
    # parties and Congress
    if key in _PARTIES and prev1 is not None and prev1.group(0)[:1].isupper():
        other = gaz.single.get(prev1.group(0).lower())
        if prev1.group(0).lower() in _PARTY_BEFORE or (
            other is not None and (other.kind == "state" or other.canonical == "Georgia")
        ):
            return _titlecase(key)
    if (
        key == "congress"
        and prev1 is not None
        and prev1.group(0) in _CONGRESS_BEFORE
        and re.match(
            r"(?:[,.;:)]|\s+(?:to|in|on|and|or|for|that|which|was|is|has|had|would|will|last|this)\b|$)", after
        )
    ):
        return "Congress"  # "passed by congress", "his visit to congress": no article, so the body's name
    if key in _PARTIES or key == "congress":
        capitalised, lowercase = evidence[:2]
        family = _PARTY_FAMILY.get(key, (key,))  # "Democratic" mid-sentence: the party is written here
        if (
            any(_titlecase(k) in (capitalised.get(k) or {}) for k in family)
            and lowercase[key] <= 1
            and (prev1 is None or prev1.group(0).lower() not in ("a", "an", "party", "social"))
            and not re.match(r"\s+of\b", after)
        ):
            return _titlecase(key)
        return None

    # a given name (that hunspell also knows as a name) where a name starts: after a comma or a word
    # that introduces one ("by", "and", "to"), not after a determiner or adjective ("the man Rankin",
    # "his son Peepy", "one chance Gonzales")
    name_given = (
        key in given_names()
        and key not in _RISKY_GIVEN
        and key not in _TITLE_WORDS
        and ("," in prev_gap or prev1 is None or prev1.group(0).lower() in _NAME_INTRO)
        and (dual or pure)
    )
    nxt2 = tokens[i + 2] if nxt1 is not None and i + 2 < len(tokens) and linked(i + 1) else None
    if (
        key in _RISKY_GIVEN
        and key not in _MODAL_GIVEN
        and nxt1 is not None
        and (
            prev_gap == ", "
            or (prev1 is not None and prev1.group(0) in ("and", "by", "with"))
            or (prev1 is not None and (prev1.group(0) in _TITLE_WORDS or prev1.group(0) == "executive"))
        )
        and _name_word(nxt1.group(0))
        and not _initial(text, nxt1)
        and surname_after(nxt1)
        and nxt1.group(0).lower() not in gaz.words
        and _NAME_END.match(text[nxt1.end() :])
    ):
        return _titlecase(key)  # "Frank Ciciulla and gene Wilson", "succeeded by rob Ledford of"
    if name_given and nxt1 is not None and surname_after(nxt1):
        # a given name that is also a name in hunspell before a surname no dictionary knows as a word
        # ("anna Xydis", "frank Ciciulla"), or before an initial and a surname ("john C. Stennis")
        surname = nxt1.group(0).lower()
        if len(surname) >= 3 and (
            not _initial(text, nxt1)
            and surname not in gaz.words
            and (surname in proper_names() or known.get(surname) in (None, 0))
        ):
            return _titlecase(key)
        if _initial(text, nxt1) and nxt2 is not None and _name_word(nxt2.group(0)):
            return _titlecase(key)
        # in a list of names or after "by": "Bill Kay, frank Ciciulla and", "by chuck Briefer."
        listed = (prev_gap == ", " and i > 1 and _name_word(tokens[i - 1].group(0))) or (
            prev1 is not None and prev1.group(0) in ("by", "and", "with")
        )
        if listed and _NAME_END.match(text[nxt1.end() :]) and surname not in gaz.words:
            return _titlecase(key)
    # a given name followed by an age: "his sons, John, 17, and jim, 13, were inside"
    if (
        key in given_names()
        and key not in _RISKY_GIVEN
        and key not in _TITLE_WORDS
        and re.match(r",\s\d{1,3}(?:[,;]|\.(?:\s|$)|\s+(?:and|of)\b)", after)
        and (dual or pure)
    ):
        return _titlecase(key)
    # "miss" as a title: "the former miss Ann Rickenbaugh", "daughter, miss Mary Ann Marella"
    if (
        key == "miss"
        and nxt1 is not None
        and _name_word(nxt1.group(0))
        and nxt1.group(0).lower() not in gaz.words
        and (
            prev_gap == ", "
            or (prev1 is not None and prev1.group(0).lower() in ("former", "the", "and", "by", "of"))
            or (
                nxt2 is not None
                and _name_word(nxt2.group(0))
                and (prev1 is None or prev1.group(0).lower() not in _MISS_VERB_BEFORE)
            )
        )
    ):
        return _titlecase(key)  # "were miss Sandra Branum", not "I miss John Lennon"
    # a name in apposition to a family word: "his wife, shirley, 46"
    if (
        (prev_gap == ", " or (prev_gap == " " and key not in _MODAL_GIVEN and key not in _ADJECTIVE_GIVEN))
        and i > 0
        and tokens[i - 1].group(0).lower() in _FAMILY
        and (pure or (key in given_names() and re.match(r"(?:[,;]|\.(?:\s|$)|\s+and\b)", after)))
    ):
        return _titlecase(key)  # "his wife, shirley, 46", "his twin brother mark,"; not "make his mother rich,"
    # a word English writes only capitalised, where a place stands: "in cranston.", "near snellville,"
    if (
        key in proper_names()
        and prev1 is not None
        and prev1.group(0) in _PLACE_PREP
        and not (prev2 is not None and prev2.group(0).lower() in ("kind", "sort", "type", "form"))
        and re.match(r"(?:[,.;:)]|\s+and\s+[A-Z]|$)", after)
    ):
        return _titlecase(key)
    # between a title and a name: a given name ("Fire Chief john A. Laughlin", "coach darrell Royal")
    if title(prev1) and surname_after(nxt1) and (given or pure):
        return _titlecase(key)
    # a given name that is no English word before a surname ("anna Xydis", "louis Armstrong")
    if key in given_names() and surname_after(nxt1) and not _initial(text, nxt1) and pure:
        return _titlecase(key)
    # a surname after a title, a given name or an initial: a word that is no English word
    # ("Leonard kaplan", "President balaguer"); one that is also a name ("Sen. Wayne morse", "J. Edgar
    # hoover") only after a title or an initial and a given name
    if title(prev1) and prev1.group(0)[:1].isupper() and pure:
        return _titlecase(key)
    if dual and prev1 is not None and _after_abbr(text, prev1, _TITLE_ABBR):
        return _titlecase(key)  # "Sen. morse", "Mrs. mead"
    verb_like = key not in proper_names() and nxt1 is not None and nxt1.group(0) in _OBJECTS
    if len(key) >= 4 and given_before(prev1) and not _determiner(prev2) and not verb_like and pure:
        return _titlecase(key)  # "Leonard kaplan"; not "John forbad him" (a verb before its object)
    if (
        len(key) >= 4
        and prev1 is not None
        and _name_word(prev1.group(0))
        and prev2 is not None
        and prev2.group(0)[:1].isupper()
        and title(prev2)
        and pure
    ):
        return _titlecase(key)  # "Foreign Minister Tiao sopsaisana", "Prince Souvanna phouma"
    plain_noun = key in _ORG_SUFFIX or key in _GENERIC or key in _PLAIN_NOUNS or key.endswith(("ed", "ing"))
    if (
        dual
        and not plain_noun
        and title(prev1)
        and _name_word(prev1.group(0))
        and prev1.group(0).lower() in _TITLE_WORDS
        and not _starts_here(text, prev1)
        and not _determiner(prev2)
    ):
        return _titlecase(key)  # "Secretary rusk", "Field Marshal slim"
    if (
        dual
        and not plain_noun
        and given_before(prev1)
        and not _starts_here(text, prev1)
        and not (
            i > 1
            and near(i - 2, i - 1)  # "Braves; Frank graham,": a new name after the semicolon
            and (
                (tokens[i - 2].group(0)[:1].isupper() and tokens[i - 2].group(0).lower() not in given_names())
                or tokens[i - 2].group(0)[-2:] in ("'s", "’s")
            )
        )
        and not _determiner(prev2)
        and re.match(r"(?:['’]s\b|[,;(]|\.(?:\s|$)|\s+(?:Jr|Sr)\b)", after)
    ):
        return _titlecase(key)  # "Judy garland, showman", "a screenplay by George wells."
    if (
        dual
        and given_before(prev1)
        and prev1.group(0)[:1].isupper()
        and ((title(prev2) and prev2.group(0)[:1].isupper()) or _initial(text, prev1) or _initial_token(text, prev2))
        and _NAME_END.match(after)
    ):
        return _titlecase(key)
    # a name before an organisation or street word, a state, or after "District of" (the cheap tests
    # first: whether the word is a name or a place is looked up last)
    org = False
    j = i + 1
    caps = 0
    while j < len(tokens) and caps < 4 and near(j - 1, j) and _name_word(tokens[j].group(0)):
        word = tokens[j].group(0).lower()
        if word in _ORG_SUFFIX:
            if (
                word in ("st", "co", "ave", "rd", "blvd", "corp", "inc", "ltd")
                and text[tokens[j].end() : tokens[j].end() + 1] != "."
            ):
                break
            if word == "st" and re.match(r"\s+[A-Z]", text[tokens[j].end() + 1 :]):
                break  # "St. Louis": a saint, not a street
            org = True
            break
        caps += 1
        j += 1
    if not org:
        state = re.match(r",\s+([A-Z][a-z]+)\.", after)
        org = bool(state and state.group(1).lower() in _STATE_ABBR) or bool(
            re.match(r",\s+(?:" + "|".join(re.escape(s) for s in _STATE_DOTTED) + ")", after)
        )
    if not org and i > 1 and prev_gap == " " and tokens[i - 1].group(0) == "of":
        generic = tokens[i - 2].group(0)
        org = _name_word(generic) and generic.lower() in _OF_GENERIC and near(i - 2, i - 1)
    if org and (place is not None or pure):
        return _titlecase(key)
    return None


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


# Common nouns that stand in names of bodies and places and lowercase on their own ("the House
# committee", "the state department"): a capitalised pair elsewhere proves nothing about them.
_BODY = frozenset(
    """committee department board commission court party church school hospital agency bureau office
    administration authority service services association society foundation fund corps force
    police army navy government state county city town village area plan program project act law bill
    amendment treaty conference convention series game games cup bowl award prize fellowship house
    senate assembly legislature congress education gallery national american""".split()
)
_AFTER_SURNAME = re.compile(
    r"['’]s\b|\s*[,;:)]|\.(?:\s|$)|$|\s+(?:Jr|Sr|said|says|told|who|whose|was|is|has|had|and|or|of|in|at|with|as|will|would)\b"
)


def _given(t, text: str, places) -> bool:
    """``t`` is a capitalised given name mid-sentence (``Hal``, ``Enos``), or an initial after one."""
    word = t.group(0)
    lower = word.lower()
    if _initial(text, t) or text[t.start() - 1 : t.start()] == "-":
        return False  # an initial; the end of a compound ("the Sydney-Hobart race")
    return (
        _name_word(word)
        and lower in given_names()
        and lower not in _RISKY_GIVEN
        and lower not in _NEVER
        and lower not in places
        and lower not in _TITLE_WORDS
        and not _starts_here(text, t)
    )


def _name_starts(text: str, tokens, i: int, places) -> bool:
    """A person's name may start at ``tokens[i]``: after a comma, a word that introduces one (``by``,
    ``and``, ``against``) or a capitalised word that is no name or place (``Producer john Holmes``);
    not after a determiner, an adjective or a noun (``one chance Gonzales``, ``Harvard dean Bundy``)."""
    if i == 0:
        return False
    gap = text[tokens[i - 1].end() : tokens[i].start()]
    if gap.strip() == ",":
        return True
    if not _near(text, tokens[i - 1].end(), tokens[i].start()):
        return False
    prev = tokens[i - 1]
    word = prev.group(0)
    if word in _NAME_INTRO or word in ("against", "at", "about", "between", "under", "named", "called"):
        return True
    if word.islower() and word in _TITLE_WORDS:
        return True  # "German scientist willy Fiedler"

    lower = word.lower()
    if _given(prev, text, places):
        return True  # a middle name: "Mary ann Shay"
    return (
        _name_word(word)
        and lower not in _NEVER
        and lower not in places
        and lower not in proper_names()
        and not _starts_here(text, prev)
    )


def _surname(word: str, t, text: str, places) -> bool:
    """``word`` (the token ``t``) is a capitalised surname: a name that is no common word
    (hunspell's names, CMUdict's, hunspell's words that are also names: ``Truman``, ``Collins``)."""
    if t is None or not _name_word(word):
        return False
    lower = word.lower()
    if lower in _NEVER or lower in places or lower in _TITLE_WORDS or lower in _GENERIC or lower in _ORG_SUFFIX:
        return False
    if lower in _BODY or lower in _PLAIN_NOUNS:
        return False
    return lower in proper_names() or lower in dual_names() or words().get(lower, 0) < 1_000_000


def _before_org(text: str, tokens, i: int) -> bool:
    """Capitalised words that end in a company, school, church or street word follow ``tokens[i]``
    (``riviera Presbyterian Church``, ``eddy Street``; not ``St. Louis``)."""
    j = i + 1
    while j < len(tokens) and j <= i + 3 and _near(text, tokens[j - 1].end(), tokens[j].start()):
        word = tokens[j].group(0)
        if not _name_word(word):
            return False
        lower = word.lower()
        if lower in _ORG_SUFFIX:
            end = tokens[j].end()
            if lower in ("st", "co", "ave", "rd", "blvd", "corp", "inc", "ltd") and text[end : end + 1] != ".":
                return False
            return not (lower == "st" and re.match(r"\s+[A-Z]", text[end + 1 :]))
        j += 1
    return False


_DAY_ALONE = re.compile(
    r"\s+(?:[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?(?:\s*[,.;:)]|\s*$|\s+(?:at|and|to|through|in|until|was|were|is)\b)"
)
_NEXT_NAME = re.compile(r"(?:['’]s)?[ ][A-Z][a-z]")
_DATE_BEFORE = frozenset("on by since until till before after from through".split())
_DATE_AFTER = re.compile(r"\s+(?:[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?\b(?![-.,]?\d)|,?\s+\d{4}\b")
_PLACE_END = re.compile(r"[,;:)]|\.(?:\s|$)|$")
_LIST_GOES_ON = re.compile(r",\s|\s+(?:and|or|etc)\b")
_STATE_AFTER = re.compile(r",\s+([A-Z][a-z]+)\.|,\s+((?:N\.\s?[YJCHMD]|S\.\s?[CD]|R\.\s?I|D\.\s?C|W\.\s?Va)\.)")


def _at_state(text: str, end: int) -> bool:
    """A US state's abbreviation follows: ``, Kan.``, ``, N.J.``."""
    m = _STATE_AFTER.match(text, end)
    return m is not None and (m.group(2) is not None or m.group(1).lower() in _STATE_ABBR)


_QUOTED_END = re.compile(r"[,.]?[\"”’')]")
_NO_NAME_BEFORE = frozenset("a an his her my your our their its no per".split())
_SUFFIXES = ("less", "ian", "ly", "ness", "ish")
_COMMON_SUFFIXES = (
    "ian",
    "ern",
    "ism",
    "ist",
    "ists",
    "ic",
    "ical",
    "ize",
    "izing",
    "ise",
    "ising",
    "ese",
    "ish",
    "or",
)
_GENUS_ENDINGS = ("us", "a", "as", "um", "ia", "es", "er", "is", "on")  # "Pseudomonas pyocanea": a species
_SPECIES_ENDINGS = ("a", "ae", "i", "ii", "us", "is", "um", "es", "ea", "ans", "ens", "ica", "icus", "ata", "ora")
_LATIN_ENDINGS = ("us", "is", "um", "ae", "ii", "ans", "ens", "ensis", "oides", "icus", "ica", "ium", "ata", "ora")
_LATIN_VERB_ENDINGS = ("unt", "nda", "ndum", "ntur")
_COMMON = 10_000_000  # uses in symspellpy's web corpus: above, a word is too common to be a name by evidence


_PREFIXES = ("inter", "non", "re", "macro", "micro", "multi", "ortho", "over", "under", "super", "anti", "pre", "post")


def _derived(key: str) -> bool:
    """An English word made longer: a prefix before a word (``interlayer``, ``nonchurchgoing``) or a
    word of six letters or more at the end (``thermoforming``, ``bodyweight``): no name."""
    found = _DERIVED_MEMO.get(key)
    if found is None:
        known = words()
        found = any(key.startswith(p) and known.get(key[len(p) :]) for p in _PREFIXES if len(key) - len(p) >= 4) or any(
            known.get(key[k:]) for k in range(2, len(key) - 5)
        )
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
    return any(key[:k] in frequent and key[k:] in frequent for k in range(2, len(key) - 1))


# Spelling variants of one English word: British and older forms ("hospitalising", "sabre", "gage").
_VARIANTS = (
    ("isation", "ization"),
    ("isations", "izations"),
    ("ise", "ize"),
    ("ised", "ized"),
    ("ises", "izes"),
    ("ising", "izing"),
    ("iser", "izer"),
    ("isers", "izers"),
    ("yse", "yze"),
    ("ysed", "yzed"),
    ("ysing", "yzing"),
    ("tre", "ter"),
    ("tres", "ters"),
    ("bre", "ber"),
    ("bres", "bers"),
    ("lled", "led"),
    ("lling", "ling"),
    ("ller", "ler"),
    ("llers", "lers"),
    ("ll", "l"),
    ("ogue", "og"),
    ("age", "auge"),
    ("ages", "auges"),
    ("t", "te"),
)
_INFLECTIONS = (
    ("s", ""),
    ("es", ""),
    ("ed", ""),
    ("ed", "e"),
    ("d", ""),
    ("ing", ""),
    ("ing", "e"),
    ("able", ""),
    ("able", "e"),
    ("ity", "e"),
    ("ity", ""),
)
_NAME_AFTER_THE = re.compile(r"(?:['’]s\b|\s+(?:[A-Z]|and\b|or\b))")  # "the Rachmaninoff Prelude"
_WORD_FLOOR = 100_000  # uses in symspellpy's corpus: a word, not a stray form
_LEXICAL = frozenset(
    """of the a an and or but nor in on at to for with by from as into onto upon over under about than
    like said says told named called including between among against is was were are be been has had
    have when where while that which who whom if because after before since until""".split()
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
        found = _FORM_MEMO[(key, compounds)] = _find_common_form(key, compounds)
    return found


_FORM_MEMO: dict[tuple[str, bool], bool] = {}


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
    for end, back in _INFLECTIONS:
        if key.endswith(end) and len(key) - len(end) >= 4:
            stem = key[: len(key) - len(end)] + back
            if word(stem) or _derived(stem):
                return True
    return any(
        known.get(key[:k], 0) >= _WORD_FLOOR and known.get(key[k:], 0) >= _WORD_FLOOR for k in range(4, len(key) - 3)
    )


# Function words of French, Latin, German, Spanish and Italian that English does not use lowercase.
_FOREIGN_GLUE = frozenset(
    """le la les des du et est sur une dans avec qui que pas aux sont sunt non quod cum mea der das und
    ist sind ein eine nicht mit auf dem el los las del por para una il di che della degli""".split()
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


_PAST = frozenset(
    """spoke wrote went came took gave made met won lost left fell saw became began fought led ran sent
    sold held kept brought thought stood struck paid knew grew flew drove chose rode sang""".split()
)


def _elided(text: str, end: int, key: str) -> bool:
    """A dialect form with a dropped letter (``han'``, ``hankerin'``): an apostrophe, no ``'s``."""
    if text[end : end + 1] not in ("'", "’") or text[end + 1 : end + 2].isalpha():
        return False
    known = words()
    return any(known.get(key + c, 0) >= _WORD_FLOOR for c in "gd")


def _from_shape(text: str, tokens, i: int, key: str, evidence) -> str | None:
    """The Titlecase form of a lowercase word that only a name explains.

    - a word English writes only capitalised (hunspell's proper names: ``hiroshima``, ``chopin's``),
      but after ``a``, ``his``, ``per``... (``his frau``, ``per diem``);
    - a word the article writes capitalised beside the same capitalised neighbour elsewhere
      (``Texas tech`` in an article with ``Texas Tech``), written lowercase nowhere else;
    - a word no dictionary knows, and no slip of a common word, beside a capitalised name
      (``Neveh zebek cemetery``, ``Art hambric,``).
    """
    if len(key) < 3 or key in _NEVER or key in _PARTICLES:
        return None
    m = tokens[i]
    prev = tokens[i - 1] if i > 0 and _near(text, tokens[i - 1].end(), m.start()) else None
    nxt = tokens[i + 1] if i + 1 < len(tokens) and _near(text, m.end(), tokens[i + 1].start()) else None
    prev_word = prev.group(0) if prev is not None else ""
    if prev_word.lower() in _NO_NAME_BEFORE and not (prev_word == "A" and not _starts_here(text, prev)):
        return None  # "his frau", "per diem"; but "William A boyd" (an initial)
    if key in proper_names():
        if prev_word == "of" and i > 1 and tokens[i - 2].group(0).lower() in ("kind", "sort", "type", "form"):
            return None  # "any kind of utopian": the adjective
        if key.endswith(_COMMON_SUFFIXES) or _foreign_beside(text, tokens, i):
            return None  # "utopian", "midwestern": adjectives; "bona fide", "alma mater": foreign phrases
        # no evidence, no name beside: only where nothing says it is a common noun or a foreign word
        if (_content_before(text, tokens, i) and not _NEXT_NAME.match(text, m.end())) or _elided(text, m.end(), key):
            return None  # "sweet william", "chili con carne", "transparent matt glaze"; "han'"
        # a name the web writes often ("johnson", "jones") may qualify a noun ("Johnson grass", "Jones
        # County"); a rarer one there is more likely an English word ("epsom salts", "the shea tree")
        rare = words().get(key, 0) < _COMMON
        if (
            rare
            and _content_after(text, tokens, i)
            and not prev_word[:1].isupper()
            and not m.group(0).endswith(("'s", "’s"))
        ):
            return None
        if (
            prev_word in ("and", "or")
            and i > 1
            and tokens[i - 2].group(0).islower()
            and tokens[i - 2].group(0) not in _LEXICAL
            and _near(text, tokens[i - 2].end(), prev.start())
        ):
            return None  # "pranks and bonheur", "houses and landes": joined to a common noun
        if rare and (prev_word in _DETERMINERS or prev_word == "The") and not _NAME_AFTER_THE.match(text, m.end()):
            return None  # "the gage of success", "into the campagna to": a common noun after "the"
        if _common_form(key, compounds=False):
            return None  # "sabre", "gage", "matt": an English word's other spelling
        return _titlecase(key)
    capitalised, lowercase, pairs, anywhere, alone = evidence
    plain = key in _GENERIC or key in _ORG_SUFFIX or key in _BODY or key in _PLAIN_NOUNS or key in _TITLE_WORDS
    count = words().get(key)
    # a common English word ("long", "mass", "table") is no name for being capitalised elsewhere
    unproven = plain or (count or 0) >= _COMMON
    forms = capitalised.get(key)
    titled = _titlecase(key)
    if (
        lowercase[key] <= 1
        and (count is None or count == 0)
        and (forms or anywhere[key] >= 2)
        and not _derived(key)
        # a slip of a common word ("lumpe" of "lump"), unless the article writes this very word
        # capitalised mid-sentence ("Jerry Lumpe")
        and (
            (forms is not None and forms.get(titled, 0) >= 1 and text[m.end() : m.end() + 1] != "(")  # "tris(hydroxy"
            or not _typo_like(key, 1_000_000)
        )
    ):
        return max(forms, key=forms.get) if forms else titled  # "skorich" in an article about Skorich
    nxt_word = _base(nxt.group(0))[0] if nxt is not None else ""
    # a common word no list knows as a name ("seminary", "exchequer") needs a third capitalised use
    listed = key in proper_names() or key in dual_names() or key in given_names()
    used = max(count or 0, words().get(key[:-1], 0) if key.endswith("s") else 0)  # "preambles": a plural
    need = 2 if listed or used < 1_000_000 else 3
    if (
        lowercase[key] <= 1
        and alone[key] >= need
        and not unproven
        and forms
        and forms.get(titled, 0) >= need
        and not (prev_word.lower() in _DETERMINERS and nxt_word == "of")
        and not (_content_before(text, tokens, i) and _content_after(text, tokens, i))  # "charging cavalry trooper"
        and text[m.start() - 1 : m.start()] not in _OPENERS
    ):
        return titled  # "when palmer missed" in an article that writes Palmer alone, mid-sentence, twice
    if lowercase[key] <= 1 and not unproven:
        if _name_word(prev_word) and prev_word.lower() not in _NEVER and (prev_word.lower(), key) in pairs:
            forms = capitalised.get(key)
            return max(forms, key=forms.get) if forms else _titlecase(key)
        if _name_word(nxt_word) and nxt_word.lower() not in _NEVER and (key, nxt_word.lower()) in pairs:
            forms = capitalised.get(key)
            return max(forms, key=forms.get) if forms else _titlecase(key)

    from newslint.names import name_data

    places = name_data().place_words
    given = given_names()
    if (
        key in given
        and key not in _RISKY_GIVEN
        and key not in _TITLE_WORDS
        and not plain
        and (key in dual_names() or not count)
        and _name_starts(text, tokens, i, places)
        and _surname(nxt_word, nxt, text, places)
    ):
        return titled  # a given name before a surname: "harry Truman", "Producer john Holmes"
    if (
        (key in dual_names() or not count)
        and len(key) >= 4
        and not plain
        and prev is not None
        and not (count is None and key.endswith(_SUFFIXES))
        and _given(prev, text, places)
        and not (i > 1 and tokens[i - 2].group(0).lower() in _DETERMINERS)  # "The Kennedy hope is"
        and not (  # "Emperor Maximilian beard", "National Forest land": a common word after a whole name
            (count or 0) >= 1_000_000
            and i > 1
            and _near(text, tokens[i - 2].end(), prev.start())
            and _name_word(tokens[i - 2].group(0))
            and tokens[i - 2].group(0).lower() not in given_names()
        )
        and _AFTER_SURNAME.match(text, m.end())
    ):
        return titled  # a surname after a given name: "Hal smith with", "Enos slaughter, another"
    if (
        key in given
        and key not in _RISKY_GIVEN
        and key not in _TITLE_WORDS
        and nxt is not None
        and _initial(text, nxt)
        and i + 2 < len(tokens)
        and text[nxt.end() : tokens[i + 2].start()] == ". "
        and _name_word(tokens[i + 2].group(0))
        and prev_word.lower() not in _DETERMINERS
    ):
        return titled  # a given name, an initial and a surname: "downgrade john F. Kennedy"
    if (
        m.group(0) != key
        and not unproven
        and lowercase[key] <= 1
        and forms
        and forms.get(titled, 0) >= 1
        and (
            prev is None
            or prev_word in _NAME_INTRO
            or prev_word in _PLACE_PREP
            or (prev_word[:1].isupper() and prev_word.lower() not in _NEVER)
        )
    ):
        return titled  # a possessive of a name the article capitalises: "brooks's teammates"
    if (
        not plain
        and len(key) >= 3
        and (
            prev_word in ("in", "of", "from", "near", "at") or (_name_word(prev_word) and not _starts_here(text, prev))
        )
        and _at_state(text, m.end())
    ):
        return titled  # a town before its state: "Clark of hays, Kan."
    if (
        (key in dual_names() or (key in given and key not in _RISKY_GIVEN))
        and not plain
        and key not in _COMPASS  # "upper Main Street"
        and ((count or 0) < _COMMON or nxt_word.lower() in _ORG_SUFFIX)  # "broad Michigan Avenue": an adjective
        and prev_word.lower() not in _DETERMINERS
        and _before_org(text, tokens, i)
    ):
        return titled  # "Every family of riviera Presbyterian Church", "on eddy Street"
    if len(key) < 4 or count or key.endswith(_SUFFIXES) or _derived(key) or _common_form(key):
        return None  # "nasaled", "hospitalising", "alsosaid": an English word in another form
    if _foreign_beside(text, tokens, i):
        return None  # "verstrichen sind sieben Jahr", "Von heute auf morgen": a phrase in another language
    # in a list of names: "Nehru, Tito, Nkrumah, Sukarno, betancourt, etc."
    if (
        i > 0
        and text[tokens[i - 1].end() : m.start()] == ", "
        and _name_word(tokens[i - 1].group(0))
        and not _starts_here(text, tokens[i - 1])
        and _LIST_GOES_ON.match(text, m.end())
        and not _compound(key)
        and not _typo_like(key, 1_000_000)
    ):
        return _titlecase(key)
    if prev is None and nxt is None:
        return None
    # each cue below holds only for a word that is no slip of a common word (looked up last: it costs most)
    # a place after "in", "near", "of"... at a phrase's end ("in cranston.", "of plainfield, N. J.")
    if prev_word in ("in", "near", "from", "at") and _PLACE_END.match(text, m.end()) and not _compound(key):
        return None if _typo_like(key, 1_000_000) else _titlecase(key)
    # after a name ("Art hambric,", "Neveh zebek cemetery"), not after a place or people ("Italian
    # contadini"), an opening word or a possessive ("Spahn's hitless pitching")
    if (
        _name_word(prev_word)
        and prev_word.lower() not in _NEVER
        and prev_word.lower() not in places
        and _kind(prev_word.lower()) != "religion"  # "the Christian kerygma"
        and not _starts_here(text, prev)
        and not prev_word.endswith(("'s", "’s"))  # "Pip's phantasy", "Australia's wheatbelt"
        and not key.endswith(_LATIN_VERB_ENDINGS)  # "Carthago delenda", "Solitudinem faciunt"
        and not (  # "Bacillus subtilis", "Pseudomonas pyocanea": a species, unless after a given name
            prev_word.lower() not in given_names()
            and (
                key.endswith(_LATIN_ENDINGS) or (prev_word.endswith(_GENUS_ENDINGS) and key.endswith(_SPECIES_ENDINGS))
            )
        )
        and (
            count is None
            or prev_word.lower() in given_names()
            or prev_word.lower() in _TITLE_WORDS
            or prev_word.lower() in _TITLE_ABBR
        )
    ):
        return None if _typo_like(key, 1_000_000) else _titlecase(key)
    # before a name, a word that is no compound of two English words ("the wissahickon Section", not
    # "wellknown Manhattan decorators", "the winless Birds")
    if (
        nxt is not None
        and _name_word(nxt.group(0))
        and nxt.group(0).lower() not in _NEVER
        and not _compound(key)
        and not _content_before(text, tokens, i)  # "bearing reguli Q": a noun phrase goes on
    ):
        return None if _typo_like(key, 1_000_000) else _titlecase(key)
    return None


# Capitals elsewhere prove nothing for these; nor does a capitalised neighbour.
_NO_EVIDENCE = _GENERIC | _PLAIN_NOUNS | _NEVER | _TITLE_WORDS | _BODY | _ORG_SUFFIX
