"""Readability metrics of an article's prose, per article and per section, as textstat scores them.

The prose is what a reader reads as running text: paragraphs and list items (without their
markers). Headings, tables, code, front matter and comments are left out, and URLs, e-mail
addresses and inline code are masked by the document model and dropped here. Sentences come
from newslint's own splitter, also split where a missing space glues two sentences together.
The scores are textstat 0.7's (en_US) for ``prepared_text(sentences)``: every sentence on its
own line, ending with the only sentence mark of that line (marks inside a sentence, as in
``U.S.`` or ``3.5``, are dropped: textstat removes punctuation before it counts words, letters
and syllables, so only its sentence count changes, and it then matches newslint's). As in
textstat, a sentence of two words or fewer is not counted as a sentence (its words still count).

textstat itself is not imported (it imports nltk, and its per-word loops and whole-text caches
are slow and hold a huge article's word lists): :func:`counts` reproduces its cleaning and
counting over chunks of the text with C-level operations and per distinct word, and
:func:`scores` its formulas; the tests compare both with textstat's own on real texts.
What a process learns per distinct piece (its words and syllables) is kept in the per-user
cache for the next process (see ``STORE_LIMIT``).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from itertools import accumulate, chain, islice

from newslint.document.model import MASK, Block, Document
from newslint.document.sentences import block_spans, split_sentences

PROSE = frozenset({"paragraph", "list_item"})
LANG = "en_US"
_MARKS = re.compile(r"[.!?]+")
_STRIP = re.compile(r"'(?![tsd]|ve|ll|re)|[^\w\s']")  # textstat's remove_punctuation, in one pass
# what is rare in a block: a glued sentence end ("peace.Without"), a piece with no letter or digit ("—")
_GLUED_END = re.compile(r"[.!?](?<=[a-z]{2}[.!?])[\"”’')]?(?=[A-Z][a-z])")
_BARE = re.compile(r"[^\w\s](?<!\S[^\w\s])[^\w\s]*(?!\S)")
CHUNK = 1 << 16  # characters cleaned and split at a time: memory does not grow with the article
# seldom needed: compiled on first use (re caches them), which keeps the import fast
_WORD = r"\S*\w\S*"
_TLD = r"(?i)(?:com|org|net|gov|edu|io|uk|de|fr|ru|ua|co|info|news|ai)\b"

# name -> (label, one-line meaning and what news usually aims for); the order of tables and JSON
METRICS: dict[str, tuple[str, str]] = {
    "words": ("words", "words of running prose (headings, tables, code and URLs left out)"),
    "sentences": ("sent", "sentences of three or more words, split by newslint"),
    "words_per_sentence": ("w/sent", "average sentence length in words; news aims for 15-20, under 25"),
    "flesch_reading_ease": (
        "FRE",
        "Flesch Reading Ease, 0-100, higher is easier; news aims for 60-70, under 50 is hard",
    ),
    "flesch_kincaid_grade": ("FK", "Flesch-Kincaid grade: US school grade needed; news aims for 8-10"),
    "gunning_fog": ("Fog", "Gunning Fog: years of schooling needed on first reading; news aims for 8-12"),
    "smog_index": ("SMOG", "SMOG grade from words of three or more syllables; news aims for 8-12"),
    "coleman_liau_index": ("CLI", "Coleman-Liau grade from letters per word; news aims for 8-12"),
    "dale_chall_readability_score": (
        "DC",
        "Dale-Chall score from words outside 3,000 familiar ones; 7.0-7.9 is grades 9-10, news aims for 7-8",
    ),
}


class Sentence:
    """A sentence of a prose block: ``block.text[start:end]``, and its number of words."""

    __slots__ = ("block", "end", "start", "words")

    def __init__(self, block: Block, start: int, end: int, words: int) -> None:
        self.block = block
        self.start = start
        self.end = end
        self.words = words

    def __repr__(self) -> str:
        return f"Sentence({self.start}..{self.end}, {self.words} words, {self.text[:30]!r})"

    @property
    def text(self) -> str:
        return self.block.text[self.start : self.end]


_COUNTS = ("words", "lines", "short", "syllables", "full", "polysyllables", "easy", "easy_polysyllables", "letters")


class Counts:
    """What textstat's default metrics count in a prepared text; counts of two texts add up.

    ``lines``: sentences with a word; ``short``: those of one or two words (textstat does not count
    them as sentences); ``full``: whether the rest was counted: words of three syllables or more,
    words on the Dale-Chall list of familiar words, both, and letters.
    (Plain classes here, not dataclasses: they cost milliseconds to create at import.)
    """

    __slots__ = _COUNTS

    def __init__(
        self,
        words: int = 0,
        lines: int = 0,
        short: int = 0,
        syllables: int = 0,
        full: bool = False,
        polysyllables: int = 0,
        easy: int = 0,
        easy_polysyllables: int = 0,
        letters: int = 0,
    ) -> None:
        self.words = words
        self.lines = lines
        self.short = short
        self.syllables = syllables
        self.full = full
        self.polysyllables = polysyllables
        self.easy = easy
        self.easy_polysyllables = easy_polysyllables
        self.letters = letters

    def _values(self) -> tuple:
        return tuple(getattr(self, name) for name in _COUNTS)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Counts) and self._values() == other._values()

    def __repr__(self) -> str:
        return "Counts(" + ", ".join(f"{n}={v}" for n, v in zip(_COUNTS, self._values(), strict=True)) + ")"

    @property
    def sentences(self) -> int:
        """textstat's ``count_sentences``: 0 for no text, else at least 1."""
        return max(1, self.lines - self.short) if self.lines else 0

    def __add__(self, other: Counts) -> Counts:
        a, b = self._values(), other._values()
        return Counts(*(x and y if name == "full" else x + y for name, x, y in zip(_COUNTS, a, b, strict=True)))


class Section:
    """The prose from one heading to the next (the first section starts at the top).

    ``first`` is the section's first block, where it is reported; ``parts`` each prose block with
    its sentences' spans and words (``sentences`` makes :class:`Sentence` objects of them);
    ``words`` its words; ``texts`` its prose, to count (see ``_block``); ``lines`` and ``short``
    as in :class:`Counts`; ``packed`` the words and syllables of its prose, summed while
    :func:`sections` splits it (see ``_packed``)."""

    __slots__ = ("_counts", "first", "heading", "lines", "packed", "parts", "short", "texts", "words")

    def __init__(self, heading: Block | None, first: Block | None) -> None:
        self.heading = heading
        self.first = first
        self.parts: list[tuple[Block, tuple[tuple[int, int], ...], list[int]]] = []
        self.texts: list[str] = []
        self.words = 0
        self.lines = 0
        self.short = 0
        self.packed = 0
        self._counts: Counts | None = None

    @property
    def sentences(self) -> list[Sentence]:
        return [Sentence(block, a, b, n) for block, spans, words in self.parts for (a, b), n in zip(spans, words)]

    def counts(self, full: bool = False) -> Counts:
        """textstat's counts of the section's prose (``counts(self.sentences)``), computed once."""
        if self._counts is None and not full:
            p = self.packed
            self._counts = Counts(words=p & _LOW, lines=self.lines, short=self.short, syllables=p >> 32)
        elif self._counts is None or (full and not self._counts.full):
            c = Counts(lines=self.lines, short=self.short, full=full)
            for chunk in _chunks(self.texts):
                _tally(c, chunk, full)
            self._counts = c
        return self._counts

    @property
    def title(self) -> str:
        if self.heading is None:
            return ""
        return " ".join(self.heading.text.replace(MASK, "").split())


def count_words(text: str) -> int:
    """Whitespace-separated pieces with a letter, digit or underscore (textstat counts the same way)."""
    return len(re.findall(_WORD, text.replace(MASK, " ")))


def block_sentences(block: Block) -> list[Sentence]:
    """The block's sentences with their words, counted as :func:`count_words` does."""
    spans, _, words, _ = _block(block, False)
    return [Sentence(block, a, b, n) for (a, b), n in zip(spans, words)]


def _block(block: Block, pack: bool = True) -> tuple[tuple | list, str, list[int], int]:
    """The spans of the block's sentences, its prose as textstat would split it into words, the
    words of each sentence, and (``pack``) the words and syllables of its prose (see ``_packed``).

    Sentences are separated by white space, so the block's text splits into the same pieces as
    its sentences; where single spaces separate the pieces (most prose), a sentence's pieces are
    its spaces plus one, counted in C. A piece with no letter or digit ("—", "&") is no word:
    the packed words tell whether the block has one, and only then are they looked for. A glued
    sentence end is rare and takes the longer way (``_glued_block``).
    """
    text = block.text
    clean = text.replace(MASK, " ") if MASK in text else text
    pieces = clean.split()
    if pack:
        packed = _packed(pieces)
        if packed >> 64:  # a piece glues two sentences together
            return _glued_block(block, clean, pack)
    elif _GLUED_END.search(clean):
        return _glued_block(block, clean, pack)
    else:
        packed = 0
    spans = block_spans(block)
    if " ".join(pieces) == clean:
        words = [clean.count(" ", a, b) + 1 for a, b in spans]
    else:
        words = [len(clean[a:b].split()) for a, b in spans]
    if not pack:
        _drop_bare(clean, spans, words)
    elif packed & _LOW != len(pieces):  # pieces that are no word: take them off their sentences
        values = list(map(_PACKED.__getitem__, pieces))  # 0 for such a piece
        ends = list(accumulate(words))  # where each sentence's pieces end
        k = -1
        for _ in range(len(pieces) - (packed & _LOW)):
            k = values.index(0, k + 1)
            words[bisect_right(ends, k)] -= 1
    return spans, clean, words, packed


def _drop_bare(clean: str, spans, words: list[int]) -> None:
    """Take the pieces with no letter or digit off the words of the sentences that hold them."""
    starts = None
    for m in _BARE.finditer(clean):
        if starts is None:
            starts = [a for a, _ in spans]
        i = bisect_right(starts, m.start()) - 1
        if i >= 0 and m.start() < spans[i][1]:
            words[i] -= 1


def _glued_block(block: Block, clean: str, pack: bool) -> tuple[list, str, list[int], int]:
    """``_block`` where a missing space glues two sentences together: split there too (``_split``);
    the sentences are then joined by a line break, so the glued pieces count as two."""
    spans = _split(block.text)
    parts = [clean[a:b].split() for a, b in spans]
    words = list(map(len, parts))
    packed = _packed(list(chain.from_iterable(parts))) & _UNGLUED if pack else 0
    _drop_bare(clean, spans, words)
    prose = "\n".join(clean[a:b] for a, b in spans)
    return spans, prose, words, packed


def _split(text: str) -> list[tuple[int, int]]:
    """newslint's sentences, also split where a missing space glues two together ("peace.Without").

    The glued boundary is the one spacing/after-punctuation reports: a sentence mark between two
    lowercase letters and a capitalised word, not a domain name ("Booking.com").
    """
    glued, tld = _GLUED_END, re.compile(_TLD)
    out = []
    for a, b in split_sentences(text):
        for m in glued.finditer(text, a, b):
            if not tld.match(text, m.end()):
                out.append((a, m.end()))
                a = m.end()
        out.append((a, b))
    return out


def sections(doc: Document) -> list[Section]:
    """The document's sections with the sentences of their prose, in source order."""
    out = [Section(None, None)]
    for block in doc.blocks:
        if block.kind == "heading":
            if out[-1].heading is not None or out[-1].first is not None:
                out.append(Section(block, block))
            else:
                out[-1] = Section(block, block)
            continue
        if block.kind not in PROSE or not block.text:
            continue
        sec = out[-1]
        if sec.first is None:
            sec.first = block
        spans, prose, words, packed = _block(block)
        sec.packed += packed
        sec.parts.append((block, spans, words))
        sec.texts.append(prose)
        sec.words += sum(words)
        sec.lines += len(words) - words.count(0)
        sec.short += words.count(1) + words.count(2)
    return [s for s in out if s.first is not None]


def prepared_text(sentences: list[Sentence]) -> str:
    """What textstat scores: one sentence per line, marks inside it dropped, ending in one period."""
    lines = []
    for s in sentences:
        if not s.words:
            continue
        body = " ".join(_MARKS.sub("", s.text.replace(MASK, " ")).split())
        lines.append(body + ".")
    return "\n".join(lines)


def counts(sentences: list[Sentence], full: bool = False) -> Counts:
    """textstat's counts of ``prepared_text(sentences)``, without building it (any sentences)."""
    c = Counts(full=full)
    texts = []
    for s in sentences:
        n = s.words
        if n:
            c.lines += 1
            c.short += n <= 2
            texts.append(s.text)
    for chunk in _chunks(texts):
        _tally(c, chunk, full)
    return c


def _chunks(texts: list[str]):
    """The texts joined by line breaks, in pieces of about CHUNK characters cut at spaces.

    So memory does not grow with the article: only one chunk's words are held at a time."""
    parts: list[str] = []
    size = 0
    for text in texts:
        if len(text) > CHUNK:
            start = 0
            while len(text) - start > CHUNK:
                m = re.compile(r"\s+").search(text, start + CHUNK)
                if m is None:
                    break
                parts.append(text[start : m.start()])
                yield "\n".join(parts)
                parts.clear()
                size = 0
                start = m.end()
            text = text[start:]
        parts.append(text)
        size += len(text)
        if size >= CHUNK:
            yield "\n".join(parts)
            parts.clear()
            size = 0
    if parts:
        yield "\n".join(parts)


# textstat's cleaning of one whitespace-separated piece, remembered for the process: the piece
# (marks and case kept) -> its syllables << 32 | 1 for a word (0 when nothing is left), plus
# _GLUED when it glues two sentences together, so that one C-level sum over a block's pieces
# gives its words, its syllables and whether it needs splitting at a glued end.
_PACKED: dict[str, int] = {}
MEMO_LIMIT = 200_000
_LOW = (1 << 32) - 1
_GLUED = 1 << 64  # added for a piece that glues two sentences together ("peace.Without"): rare, a big int
_UNGLUED = _GLUED - 1
_PACK = [n << 32 | 1 for n in range(256)]  # shared int objects: a few values for every piece


def _word(piece: str) -> str:
    """What textstat makes of a piece: lowercased, without marks and punctuation ("" when nothing is left)."""
    if piece.isalnum():  # most pieces: letters and digits only (\w is isalnum() or "_")
        return piece.lower()
    return _STRIP.sub("", _MARKS.sub("", piece)).lower()


# What earlier processes learned, in the per-user cache: read once this process has learned
# LOAD_AFTER pieces and one for every 500 bytes of the file (reading a piece costs ~0.25 us,
# learning one ~5 us: a run of a few articles does not pay for a big file). Written atomically
# each time a process has learned as many new pieces as before its last write, and at exit (a
# pool's workers do not run atexit): the file's pieces, then this process's in the order met
# (the frequent ones first), at most STORE_LIMIT.
STORE_FORMAT = 2
STORE_LIMIT = 120_000
LOAD_AFTER = 1_000
SAVE_AFTER = 1_000
_store: dict = {"loaded": False, "new": 0, "learned": 0, "seen": None, "full": False}


def expect_many_documents() -> None:
    """This process (a pool's worker, forked after this call) lints many documents: it reads the store
    once it has learned LOAD_AFTER pieces, whatever the file's size (the store then pays for itself)."""
    _store["after"] = LOAD_AFTER


def _load_after() -> int:
    """How many pieces this process learns before it reads the store (see above), found once."""
    if "after" not in _store:
        import os

        try:
            size = os.stat(_store_path_key()[0]).st_size
        except OSError:
            size = 0
        _store["after"] = max(LOAD_AFTER, size // 500)
    return _store["after"]


def _store_path_key():
    import zlib

    from newslint import syllables
    from newslint.usercache import cache_dir

    key = (STORE_FORMAT, syllables.data_key())
    return cache_dir() / f"readability-pieces-v{STORE_FORMAT}-{zlib.crc32(repr(key).encode()):08x}.marshal", key


def _stat(st) -> tuple:
    return st.st_ino, st.st_size, st.st_mtime_ns


def _read_store(path, key) -> tuple[dict[str, int], tuple | None]:
    """The stored pieces (empty when missing, broken or of another key) and the file's identity."""
    import marshal
    import os

    try:
        with open(path, "rb") as fh:
            seen = _stat(os.fstat(fh.fileno()))
            stored_key, data = marshal.loads(fh.read())
    except (OSError, EOFError, ValueError, TypeError, MemoryError):
        return {}, None
    return (data, seen) if stored_key == key and type(data) is dict else ({}, None)


def _load_store() -> None:
    """Add what earlier processes learned to the memo, once per process."""
    import atexit

    global _PACKED
    _store["loaded"] = True
    found, seen = _read_store(*_store_path_key())
    _store["full"] = len(found) >= STORE_LIMIT
    if found:  # the pieces the file holds already are not new: a run that learns nothing writes nothing
        _store["new"] = min(_store["new"], sum(1 for piece in _PACKED if piece not in found))
    if len(_PACKED) + len(found) <= MEMO_LIMIT:
        # the file's dict becomes the memo, with the few pieces learned so far added: adding its ~100,000
        # pieces to the memo instead took as long again as reading them
        found.update(_PACKED)
        _PACKED = found
        _store["seen"] = seen  # the memo holds the file's pieces
    atexit.register(save_store)


def save_store() -> None:
    """Write the pieces this process learned (with the file's) to the per-user cache, if enough are new."""
    if _store["new"] < SAVE_AFTER or _store["full"]:
        return
    import marshal
    import os

    from newslint.usercache import write_atomic

    _store["new"] = 0
    path, key = _store_path_key()
    try:
        unchanged = _store["seen"] is not None and _stat(os.stat(path)) == _store["seen"]
    except OSError:
        unchanged = False
    merged = {} if unchanged else _read_store(path, key)[0]  # as another process may have left it
    if len(merged) >= STORE_LIMIT:
        _store["full"] = True
        return
    try:  # a cache that cannot be written (or a process short of memory) goes without
        merged.update(islice(_PACKED.items(), 2 * STORE_LIMIT))
        if len(merged) > STORE_LIMIT:
            merged = dict(islice(merged.items(), STORE_LIMIT))
        _store["full"] = len(merged) >= STORE_LIMIT
        write_atomic(path, marshal.dumps((key, merged)))
        _store["seen"] = _stat(os.stat(path))
        for version in range(1, STORE_FORMAT):  # an older format's store is never read again
            for stale in path.parent.glob(f"readability-pieces-v{version}-*.marshal"):
                stale.unlink(missing_ok=True)
    except (OSError, ValueError, MemoryError):
        _store["seen"] = None


def _learn(pieces: set[str]) -> None:
    from newslint import syllables

    met = len(_PACKED) + len(pieces)
    if not _store["loaded"] and met >= LOAD_AFTER and STORE_LIMIT and met >= _load_after():
        _load_store()
    new = pieces.difference(_PACKED)  # iterates the pieces, not the memo
    if not new:
        return
    if len(_PACKED) + len(new) > MEMO_LIMIT:
        _PACKED.clear()
        _store["seen"] = None  # the file's pieces are no longer all in the memo
        new = pieces
    plain = list(new)
    # _word of every piece at once: a piece has no white space, and each step (the marks, the
    # apostrophes before a line break or the end, lowercasing) stops at one as at the end
    words = _STRIP.sub("", _MARKS.sub("", "\n".join(plain))).lower().split("\n")
    memo = syllables.MEMO
    if len(memo) >= syllables.MEMO_LIMIT:
        memo.clear()
    syllables.learn(set(words).difference(memo).difference(("",)))
    pack = _PACK  # memo has every word now; None for "", a piece that is no word
    found = [0 if n is None else pack[n] if n < 256 else n << 32 | 1 for n in map(memo.get, words)]
    glued = _GLUED_END.search
    found = [v | _GLUED if glued(p) else v for p, v in zip(plain, found)]
    _PACKED.update(zip(plain, found))
    _store["new"] += len(plain)
    _store["learned"] += len(plain)
    if _store["loaded"] and _store["new"] >= max(SAVE_AFTER, _store["learned"] - _store["new"]):
        save_store()


def _packed(pieces: list[str]) -> int:
    """The words of ``pieces`` plus their syllables << 32 and their glued ends << 64 (one C-level sum
    when all are known)."""
    try:
        return sum(map(_PACKED.__getitem__, pieces))
    except KeyError:
        _learn(set(pieces))
        return sum(map(_PACKED.__getitem__, pieces))


def _tally(c: Counts, text: str, full: bool) -> None:
    """Add textstat's counts of ``text`` (sentences separated by spaces or line breaks) to ``c``.

    textstat drops sentence marks, then apostrophes that do not start a contraction ending
    (``'s``, ``'t``, ``'ll``...), then every other character that is not a letter, digit,
    underscore or space, lowercases and splits. Each step changes a piece between spaces on
    its own, so each distinct piece is cleaned once (``_learn``) and a chunk costs one split
    and one sum, both C-level.
    """
    if MASK in text:
        text = text.replace(MASK, " ")
    pieces = text.split()
    packed = _packed(pieces)
    c.words += packed & _LOW
    c.syllables += (packed >> 32) & _LOW
    if full:
        from collections import Counter

        from newslint import syllables

        easy = easy_words()
        nonword = re.compile(r"\W+")
        for piece, n in Counter(pieces).items():
            word = _word(piece)
            if not word:
                continue
            c.letters += n * len(nonword.sub("", piece))
            poly = syllables.count(word) >= 3
            c.polysyllables += n * poly
            if word in easy:
                c.easy += n
                c.easy_polysyllables += n * poly


_EASY: frozenset[str] | None = None


def easy_words() -> frozenset[str]:
    """textstat's Dale-Chall list of familiar English words (read from its package, not imported)."""
    global _EASY
    if _EASY is None:
        import importlib.util
        from pathlib import Path

        spec = importlib.util.find_spec("textstat")
        words: frozenset[str] = frozenset()
        if spec is not None and spec.submodule_search_locations:
            path = Path(next(iter(spec.submodule_search_locations))) / "resources" / "en" / "easy_words.txt"
            with open(path) as fh:  # textstat opens it in text mode with the default encoding too
                words = frozenset(line.strip() for line in fh)
        _EASY = words
    return _EASY


def scores(c: Counts, names: tuple[str, ...] | None = None) -> dict[str, float]:
    """textstat 0.7's formulas (en_US) on the counts, operation for operation (all of METRICS, or ``names``)."""
    words, sentences = c.words, c.sentences
    wps = words / sentences if sentences else 0.0
    spw = c.syllables / words if words else 0.0
    out: dict[str, float] = {}
    for name in names or METRICS:
        if name == "words":
            v: float = words
        elif name == "sentences":
            v = sentences
        elif name == "words_per_sentence":
            v = wps
        elif name == "flesch_reading_ease":
            v = 0.0 if wps == 0 or spw == 0 else 206.835 - 1.015 * wps - 84.6 * spw
        elif name == "flesch_kincaid_grade":
            v = 0.0 if wps == 0 or spw == 0 else 0.39 * wps + 11.8 * spw - 15.59
        elif name == "gunning_fog":
            v = 0.4 * (wps + 100 * (c.polysyllables - c.easy_polysyllables) / words) if words else 0.0
        elif name == "smog_index":
            v = 1.043 * (30 * (c.polysyllables / sentences)) ** 0.5 + 3.1291 if sentences else 0.0
        elif name == "coleman_liau_index":
            letters = (c.letters / words if words else 0.0) * 100
            per = (sentences / words if words else 0.0) * 100
            v = 0.0 if letters == 0 or per == 0 else 0.058 * letters - 0.296 * per - 15.8
        elif name == "dale_chall_readability_score":
            if words:
                hard = 100 * (words - c.easy) / words
                v = 0.1579 * hard + 0.0496 * wps
                if hard > 5:
                    v += 3.6365
            else:
                v = 0.0
        else:
            raise KeyError(name)
        out[name] = v
    return out


def analyse(doc: Document, shared: dict | None = None) -> list[Section]:
    """The document's sections, computed once per document and shared between rules."""
    if shared is not None and "readability.sections" in shared:
        return shared["readability.sections"]
    found = sections(doc)
    if shared is not None:
        shared["readability.sections"] = found
    return found


def total(parts: list[Counts]) -> Counts:
    """The counts of the texts one after the other."""
    out = parts[0] if parts else Counts()
    for part in parts[1:]:
        out = out + part
    return out


def document_metrics(doc: Document) -> dict:
    """All metrics of the article and of each section with prose (the shape ``stats --format json`` prints).

    An article without prose has no scores: 0 words and sentences, and None for the rest.
    """
    secs = [sec for sec in sections(doc) if sec.words]
    if not secs:
        return {"metrics": {name: 0 if name in ("words", "sentences") else None for name in METRICS}, "sections": []}
    return {
        "metrics": scores(total([sec.counts(full=True) for sec in secs])),
        "sections": [
            {
                "title": sec.title,
                "line": doc.index.line_col(sec.first.span.start)[0],
                "metrics": scores(sec.counts(full=True)),
            }
            for sec in secs
        ],
    }
