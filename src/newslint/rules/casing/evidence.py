"""The article's own evidence: the words it capitalises mid-sentence, and how often."""

from __future__ import annotations

import re
from collections import Counter
from itertools import pairwise

from newslint.rules.casing.forms import _base, _bounded, _sentence_initial
from newslint.rules.casing.lists import _CAP, _CAP_RUN, _LETTERS, _LONG_WORD, _LOWER_WORD, _OPENERS

_ABBR_BEFORE = re.compile(r"(?:^|[\s(“\"'‘])([A-Za-z]+)\.[ \t]+$")

_START_CANDIDATE = re.compile(
    r"(?:^|[.!?][\"”’')]?[ \t]+)[\"“‘(]?([a-z\u00df-\u00ff][^\W\d_]*(?:['’][^\W\d_]+)*)", re.M
)

_PROSE_END = re.compile(r"[a-z)][.!?][\"”’')]?$")  # a sentence's stop after a lowercase word ends the block

_HEADLINE_WORDS = 16  # longer words: a title-case headline has fewer

_HEADLINE_READ = 300  # characters a paragraph's first longer words are counted in (about 25 in prose)


def _titleish_text(text: str) -> bool:
    """A headline-style line: most longer words capitalised (no evidence of proper nouns there), and
    not a sentence that ends as prose does (a headline has no final stop: "Apple was started by Steve
    Jobs and Steve Wozniak in a garage." is prose)."""
    if _PROSE_END.search(text, max(0, len(text) - 4)) and text.count(" ") >= 8:
        return False
    if len(text) > _HEADLINE_READ and len(_LONG_WORD.findall(text, 0, _HEADLINE_READ)) > _HEADLINE_WORDS:
        return False  # more longer words in its first characters alone: prose, found without reading it all
    longer = _LONG_WORD.findall(text)
    if len(longer) > _HEADLINE_WORDS:
        return False  # a paragraph that lists names ("won by John Nyberg of Tualatin, Anne ...") is prose
    return not longer or (len(longer) - len(list(filter(str.islower, longer)))) * 2 > len(longer)


def document_evidence(doc) -> tuple[dict[str, Counter], Counter, frozenset, Counter, Counter]:
    """What the article says about its words: the ones it capitalises mid-sentence (lowercase ->
    Counter of forms), how often it writes each lowercase, and the pairs of capitalised words it
    writes side by side (``("texas", "tech")``) in its sentences."""
    from newslint.document.sentences import TITLES, split_sentences

    lowercase: Counter = Counter()
    pairs: set[tuple[str, str]] = set()
    # counted once at the end (one C-level pass each, not a Counter step per use)
    forms: list[str] = []  # capitalised mid-sentence, as written
    anywhere: list[str] = []  # capitalised, sentence starts included
    alone: list[str] = []  # capitalised mid-sentence with no capitalised word beside it
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
            if " " not in run:
                word = _base(run)[0]
                if mid:
                    forms.append(word)
                key = word.lower()
                anywhere.append(key)
                if mid:
                    # the regular expression only after a joining word ("Bank of the"; its $ passes a last \n)
                    e = i - 1 if text[i - 1] == "\n" else i
                    if not (text.endswith(_CHAIN_ENDS, 0, e) and _IN_CHAIN.search(text, max(0, i - 60), i)):
                        alone.append(key)
                continue
            parts = run.split(" ")
            if "'" in run or "’" in run:
                parts = [_base(p)[0] for p in parts]
            lowered = [p.lower() for p in parts]
            pairs.update(pairwise(lowered))
            forms.extend(parts if mid else parts[1:])
            anywhere.extend(lowered)
    capitalised: dict[str, Counter] = {}
    for word, n in Counter(forms).items():
        if len(word) == 1 and word.isupper():
            continue  # an initial
        key = word.lower()
        found = capitalised.get(key)
        if found is None:
            found = capitalised[key] = Counter()
        found[word] = n
    for key in [k for k in lowercase if "'" in k or "’" in k or not k.islower()]:
        n = lowercase.pop(key)
        base = _base(key)[0]
        if base.islower():
            lowercase[base] += n
    return capitalised, lowercase, frozenset(pairs), Counter(anywhere), Counter(alone)


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

    def __init__(self, doc, prose=None) -> None:
        blocks = doc.prose_blocks()
        self.blocks = [(b.text, b.kind in ("paragraph", "list_item")) for b in blocks]
        if prose is not None and len(prose.blocks) == len(blocks):  # no empty block: the ProseText's text
            self.joined, self.starts = prose.text, prose.starts
        else:
            self.joined = "\x00".join(b.text for b in blocks)  # one string: one find per word, not per block
            self.starts = []
            pos = 0
            for b in blocks:
                self.starts.append(pos)
                pos += len(b.text) + 1
        # lowered block by block: str.lower() of a whole non-ASCII article takes 12 bytes a character at peak
        self.low = "\x00".join(b.text.lower() for b in blocks)
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

_CHAIN_ENDS = (" for ", " of ", " on ", " de ", " the ")  # how text before an _IN_CHAIN match ends

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


def evidence_views(doc, prose=None):
    """document_evidence(doc)'s five answers: computed at once for a long article (linear), or
    word by word on demand for the rest (most words are never asked about). ``prose``: the document's
    ProseText, when there is one (its joined text is the evidence's unless a prose block is empty)."""
    if sum(len(b.text) for b in doc.prose_blocks()) > _EAGER_ABOVE:
        return document_evidence(doc)
    ev = _LazyEvidence(doc, prose)
    if len(ev.low) != len(ev.joined):  # a letter whose lowercase is longer ("İ"): positions would drift
        return document_evidence(doc)
    return (_Forms(ev), _Count(ev, "lower"), _Pairs(ev), _Count(ev, "anywhere"), _Count(ev, "alone"))
