"""PhraseMatcher: finds many words and phrases in one pass over a text's words; ProseText: a document's
prose joined once, so a rule can find its few candidates with one C-level search per document."""

from __future__ import annotations

import re
from bisect import bisect_right

from newslint.document.model import PROSE_KINDS
from newslint.errors import ConfigError
from newslint.text import WORD

SEP = "\x00"
"""Joins the blocks of ``ProseText.text``: no letter, digit, space or punctuation, so no pattern of the
rules matches across it."""

_RUN = re.compile(r"[^\W\d_]+")
# characters that re.IGNORECASE or str.lower() match to an ASCII letter but bytes.lower() leaves alone
_CASE_TRAPS = "\u0130\u0131\u017f\u212a"


class ProseText:
    """The document's non-empty prose blocks (``PROSE_KINDS``) and their texts joined by ``SEP``."""

    __slots__ = ("_lower", "_traps", "_words", "blocks", "doc", "starts", "text")

    def __init__(self, doc) -> None:
        self.doc = doc
        self.blocks = [b for b in doc.blocks if b.kind in PROSE_KINDS and b.text]
        self.text = SEP.join(b.text for b in self.blocks)
        starts, pos = [], 0
        for b in self.blocks:
            starts.append(pos)
            pos += len(b.text) + 1
        self.starts = starts
        self._lower: bytes | None = None
        self._words: frozenset[bytes] | None = None
        self._traps: bool | None = None

    def locate(self, pos: int) -> tuple[int, int]:
        """(index of the block, offset in its text) of a position in ``text``."""
        k = bisect_right(self.starts, pos) - 1
        return k, pos - self.starts[k]

    def matches(self, matcher: PhraseMatcher, scope=PROSE_KINDS):
        """(block, start, end, value) of the matcher's matches in the blocks of ``scope``: one pass over
        ``text`` finds what a pass over each block would (no match crosses ``SEP``)."""
        for start, end, value in matcher.finditer(self.text):
            k, offset = self.locate(start)
            block = self.blocks[k]
            if block.kind in scope:
                yield block, offset, offset + end - start, value

    def utf8(self) -> bytes:
        return self.text.encode("utf-8", "replace")  # not kept: a large article holds enough copies

    def words(self) -> frozenset[bytes]:
        """The runs of ASCII letters of ``text``, lowercased (b"ukraine", b"s" from "Ukraine’s"): a word
        of letters that stands alone in the text is one of them. Built once, in C."""
        if self._words is None:
            utf8 = self.utf8()
            if self._lower is None and len(utf8) <= _CHUNK:
                self._lower = utf8.lower()  # for lower_bytes(), which most documents need: one encoding
            data = utf8.translate(_ASCII_WORDS)
            if len(data) <= _CHUNK:
                self._words = frozenset(data.split())
            else:  # a huge article: never a list of all its words at once (70 MB for 10 MB of text)
                words: set[bytes] = set()
                i = 0
                while i < len(data):
                    j = data.find(b" ", i + _CHUNK)
                    j = len(data) if j < 0 else j
                    words.update(data[i:j].split())
                    i = j
                self._words = frozenset(words)
        return self._words

    def share_words(self, runs) -> None:
        """Give words() its value from ``runs``, every run of ASCII letters of ``text`` as written (a rule
        that has them already: casing's), when it has none yet: the same set, without a second split."""
        if self._words is None:
            self._words = frozenset(" ".join(runs).lower().encode("ascii").split())

    def lower_bytes(self) -> bytes:
        """``text`` as UTF-8 with its ASCII letters lowercased."""
        if self._lower is None:
            self._lower = self.utf8().lower()
        return self._lower

    def case_traps(self) -> bool:
        """True when the text holds a character that case-insensitive matching takes for an ASCII letter
        (İ ı ſ K): ASCII-lowercased text then hides matches."""
        if self._traps is None:
            text = self.text
            # four searches for one character each (in C, at memchr speed) beat one pass of the class
            self._traps = not text.isascii() and any(c in text for c in _CASE_TRAPS)
        return self._traps


_CHUNK = 1 << 20
_ASCII_WORDS = bytes(c + 32 if 65 <= c <= 90 else c if 97 <= c <= 122 else 32 for c in range(256))
"""bytes.translate table: ASCII letters lowercased, every other byte a space."""


def prose_text(doc, ctx) -> ProseText:
    """The document's ``ProseText``, built once per document and shared by the rules (``ctx.shared``)."""
    return ctx.per_document("matcher.prose", doc, ProseText)


class PhraseMatcher:
    """Matches whole words and phrases; entries are indexed by their first word (lowercased)."""

    def __init__(self, entries: dict[str, object], ignorecase: bool, origin=None, key: str = "") -> None:
        self.ignorecase = ignorecase
        self.entries = entries
        self.first: dict[str, list[tuple[re.Pattern | None, int, object]]] = {}
        self._options: dict[str, tuple] = {}  # entry -> (its key word, its option)
        for phrase, value in entries.items():
            if not isinstance(phrase, str) or not phrase.strip():
                raise ConfigError(f"{origin}: key {key!r}: entries must be non-empty strings")
            words = phrase.split()
            head = WORD.match(phrase)
            if head is None or head.start() != 0:
                raise ConfigError(f"{origin}: key {key!r}: {phrase!r} must start with a letter")
            key_word = head.group(0).lower() if ignorecase else head.group(0)
            if head.end() == len(phrase):
                option = (None, len(phrase), value)
            else:
                pattern = r"\s+".join(re.escape(w) for w in words) + r"(?![\w])"
                option = (_LazyPattern(pattern, re.IGNORECASE if ignorecase else 0), 0, value)
            self._options[phrase] = (key_word, option)
            self.first.setdefault(key_word, []).append(option)
        for options in self.first.values():
            options.sort(key=lambda o: o[0] is None)  # phrases before single words
        # one pass in C over the text finds the words an entry can start with; only those reach Python
        # (compiled on first use: most documents are matched by a narrowed matcher instead)
        self._heads: list[re.Pattern] | None = None
        self._key_heads: dict[str, re.Pattern] = {}  # one pattern per key word, for the narrowed matchers
        self._key_finders: dict[str, str | None] = {}  # and its _finder() (a source), for their long texts
        self._finders: list[str | None] | None = None  # a narrowed matcher's, one per pattern of _heads
        self._filters: tuple[dict, list] | None = None
        self._narrowed: dict[frozenset, PhraseMatcher] = {}

    # -- one document at a time ------------------------------------------------------------
    def narrowed(self, prose: ProseText) -> PhraseMatcher | None:
        """A matcher of only the entries that can occur in the document, or None when none can. It finds
        exactly what this matcher finds in the document's blocks, usually far faster: an entry is kept
        when every run of ASCII letters in it is a word of the document and a looser pattern of its
        words matches there (both tests in C)."""
        if self._filters is None:
            self._filters = _entry_filters(self.entries, self.ignorecase)
        if self.ignorecase and prose.case_traps():
            return self  # no shortcut
        index, always = self._filters
        words = prose.words()
        keep = list(always)
        for key in words.intersection(index):  # iterates the (few) keys, not the words
            for runs, loose, phrase in index[key]:
                if runs <= words and loose(prose):
                    keep.append(phrase)
        if not keep:
            return None
        if len(keep) == len(self.entries) and len(prose.text) <= _LONG_TEXT:
            return self  # (a long text is read by a subset of them all: its _long_heads())
        key = frozenset(keep)
        sub = self._narrowed.get(key)
        if sub is None:
            if len(self._narrowed) > 256:
                self._narrowed.clear()
            sub = self._narrowed[key] = self._subset(key)
        return sub

    def _subset(self, keep: frozenset) -> PhraseMatcher:
        """This matcher restricted to the entries in ``keep``, their options in the same order."""
        sub = object.__new__(PhraseMatcher)
        sub.ignorecase = self.ignorecase
        sub.entries = {p: v for p, v in self.entries.items() if p in keep}
        sub._options = {p: self._options[p] for p in sub.entries}
        sub.first = {}
        for key_word, option in sub._options.values():
            sub.first.setdefault(key_word, []).append(option)
        for options in sub.first.values():
            options.sort(key=lambda o: o[0] is None)
        # a pattern per key word, compiled once for all the subsets a process meets (not once per subset)
        for word in sub.first:
            if word not in self._key_heads:
                tails = self._tails(word)
                self._key_heads[word] = _heads_pattern([word], self.ignorecase, tails)
                self._key_finders[word] = _finder(word, self.ignorecase, tails)
        sub._heads = [self._key_heads[word] for word in sub.first]
        sub._finders = [self._key_finders[word] for word in sub.first]
        sub._key_heads = {}
        sub._key_finders = {}
        sub._filters = None
        sub._narrowed = {}
        return sub

    def _tails(self, word: str) -> list[str] | None:
        """What follows ``word`` in each entry it starts (``\\s+foremost(?![\\w])`` of ``first and
        foremost``), when every such entry is a phrase whose first word is ``word``: then a place of the word
        with none of them after it starts no match, and its pattern need not find it. Else None."""
        tails = []
        for phrase, (key_word, option) in self._options.items():
            if key_word != word:
                continue
            words = phrase.split()
            if option[0] is None or WORD.match(phrase).end() != len(words[0]):
                return None
            tails.append("".join(r"\s+" + re.escape(w) for w in words[1:]) + r"(?![\w])")
        return tails

    def _long_heads(self, text: str) -> list[int]:
        """Where a narrowed matcher's key words stand in a long text: each found by its _finder() in a
        piece of the text lowercased (a search for its letters, in C: several times faster than a
        pattern that opens with a class of letters), then kept where its heads pattern matches. A piece
        ends where a block does (no match crosses SEP); one whose lowercase differs in length or holds
        İ ı ſ (re.IGNORECASE matches them to i, i, s), and a key not in ASCII, are read by the patterns."""
        found: set[int] = set()
        size = len(text)
        i = 0
        while i < size:
            if self.ignorecase:
                j = text.find(SEP, i + _PIECE)
                j = size if j < 0 else j
                piece = text[i:j]
                low, base = piece.lower() if j - i <= 4 * _PIECE else "", i
                plain = len(low) == j - i and not any(c in piece for c in _CASE_TRAPS)
            else:  # the text as it is, in one pass
                j, low, base, plain = size, text, 0, True
            for finder, pattern in zip(self._finders, self._heads):
                if finder is None or not plain:
                    found.update(m.start() for m in pattern.finditer(text, i, j))
                    continue
                for m in re.compile(finder).finditer(low, i - base, j - base):
                    if pattern.match(text, base + m.start()):
                        found.add(base + m.start())
            i = j
        return sorted(found)

    def finditer(self, text: str):
        """Yield (start, end, value) for non-overlapping matches, left to right."""
        last_end = 0
        if self._heads is None:
            self._heads = [_heads_pattern(list(self.first), self.ignorecase)]
        if self._finders is not None and len(text) > _LONG_TEXT:
            heads = iter(self._long_heads(text))
        elif len(self._heads) == 1:
            heads = (h.start() for h in self._heads[0].finditer(text))
        else:  # a narrowed matcher: where any of its key words stands (two may start at one place)
            heads = sorted({h.start() for pattern in self._heads for h in pattern.finditer(text)})
        for head in heads:
            m = WORD.match(text, head)
            if m is None or m.start() < last_end:
                continue
            word = m.group(0)
            options = self.first.get(word.lower() if self.ignorecase else word)
            if options is None:
                # "Ukraine’s" should still match "Ukraine": try the part before the apostrophe
                cut = _split_possessive(word)
                if cut is None:
                    continue
                options = self.first.get(cut.lower() if self.ignorecase else cut)
                if options is None:
                    continue
                word = cut
            if m.start() > 0 and text[m.start() - 1] in "@#":
                continue
            for pattern, length, value in options:
                if pattern is None:
                    if len(word) == length:
                        yield m.start(), m.start() + length, value
                        last_end = m.start() + length
                        break
                else:
                    pm = pattern.match(text, m.start())
                    if pm:
                        yield pm.start(), pm.end(), value
                        last_end = pm.end()
                        break


class _LazyPattern:
    """A phrase's pattern, compiled the first time a document has its first word (start-up stays small)."""

    __slots__ = ("compiled", "flags", "source")

    def __init__(self, source: str, flags: int) -> None:
        self.source = source
        self.flags = flags
        self.compiled: re.Pattern | None = None

    def match(self, text: str, pos: int):
        if self.compiled is None:
            self.compiled = re.compile(self.source, self.flags)
        return self.compiled.match(text, pos)


_IGNORECASE_ALSO = "\u0130\u0131\u017f\u212a"  # İ ı ſ K: re.IGNORECASE matches them to i, i, s, k


def _heads_pattern(keys: list[str], ignorecase: bool, tails: list[str] | None = None) -> re.Pattern:
    """Finds a key word that stands alone (no letter or apostrophe before, no letter after), and one of
    ``tails`` (patterns) right after it when given.

    Written to open with a class of the keys' first characters, so the regular-expression engine
    skips in C to the few places where a key can start (an alternation of whole words under
    IGNORECASE would be tried at every character)."""
    flags = re.IGNORECASE if ignorecase else 0
    keys = sorted(keys, key=len, reverse=True)
    after = f"(?=(?i:{'|'.join(tails)}))" if tails and ignorecase else f"(?={'|'.join(tails)})" if tails else ""
    if not keys or (ignorecase and not all(k[0].isascii() for k in keys)):
        # other scripts have case equivalents the class below would have to list
        alternation = "|".join(re.escape(k) for k in keys)
        return re.compile(rf"(?<![^\W\d_'’])(?:{alternation})(?![^\W\d_]){after}", flags)
    firsts = set()
    for k in keys:
        c = k[0]
        firsts.add(c)
        if ignorecase:
            firsts.update(x for x in {c.lower(), c.upper(), *_IGNORECASE_ALSO} if re.fullmatch(re.escape(c), x, re.I))
    cls = "".join(re.escape(c) for c in sorted(firsts))
    rests = "|".join(f"(?<={re.escape(k[0])}){re.escape(k[1:])}" for k in keys)
    inline = "(?i:" if ignorecase else "(?:"
    return re.compile(rf"[{cls}](?<![^\W\d_'’][{cls}]){inline}{rests})(?![^\W\d_]){after}")


_LONG_TEXT = 200_000  # characters: a narrowed matcher finds its key words in a longer text with _long_heads()
_PIECE = 1 << 20  # characters of a long text lowercased at a time


def _finder(word: str, ignorecase: bool, tails: list[str] | None) -> str | None:
    """A pattern that finds ``word`` (with one of ``tails`` after it) wherever its heads pattern matches,
    and in the text lowercased too when ``ignorecase`` (lowercasing a character changes neither whether
    it is a letter, a word character or a space, nor its place, checked by the caller): the word's letters
    first, so the engine searches for them in C. None for a word not in ASCII."""
    if not word.isascii():
        return None
    after = f"(?=(?i:{'|'.join(tails)}))" if tails and ignorecase else f"(?={'|'.join(tails)})" if tails else ""
    return rf"{re.escape(word)}(?<![^\W\d_'’].{{{len(word)}}})(?![^\W\d_]){after}"


def _entry_filters(entries: dict, ignorecase: bool) -> tuple[dict, list]:
    """({key word: [(runs, loose test, entry), ...]}, [entries always kept]) for ``narrowed``.

    An entry's runs are its runs of ASCII letters, lowercased, as bytes; its key is the longest (likely
    the rarest), so a document is tested only for the entries whose key it has. An entry with no ASCII
    run is always kept."""
    index: dict[bytes, list] = {}
    always = []
    for phrase in entries:
        runs = [r.lower().encode() for r in _RUN.findall(phrase) if r.isascii()]
        if not runs:
            always.append(phrase)
            continue
        key = max(reversed(runs), key=len)
        index.setdefault(key, []).append((frozenset(runs), _Loose(phrase, ignorecase), phrase))
    return index, always


class _Loose:
    """Tests a document with a pattern that matches wherever the entry can (and more): the entry's words
    in order with any run of non-letters between them. Compiled when first needed."""

    __slots__ = ("ignorecase", "pattern", "phrase")

    def __init__(self, phrase: str, ignorecase: bool) -> None:
        self.phrase = phrase
        self.ignorecase = ignorecase
        self.pattern = None

    def __call__(self, prose: ProseText) -> bool:
        if self.pattern is None:
            self.pattern = self._compile()
        if self.pattern is False:
            return True
        return self.pattern.search(prose.lower_bytes() if self.ignorecase else prose.text) is not None

    def _compile(self):
        words = self.phrase.split()
        if len(words) == 1 and _RUN.fullmatch(self.phrase):
            return False  # one word of letters: the test of its run was the whole test
        if not self.ignorecase:
            return re.compile(r"\s+".join(re.escape(w) for w in words))
        if not all(c.isascii() or not c.isalpha() for c in self.phrase):
            return False  # lower_bytes() lowercases ASCII letters only: keep the entry
        first = re.escape(words[0].lower().encode())
        rest = b"".join(rb"[^a-z0-9_]+" + re.escape(w.lower().encode()) for w in words[1:])
        # the literal first, the look-behind after it: the engine then skips in C to the literal
        return re.compile(first + rb"(?<![a-z]" + first + rb")" + rest + rb"(?![a-z])")


def _split_possessive(word: str) -> str | None:
    for apostrophe in ("'", "’"):
        i = word.find(apostrophe)
        if i > 0 and word[i + 1 :].lower() in ("s", ""):
            return word[:i]
    return None
