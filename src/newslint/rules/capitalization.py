"""Capitalization rules: sentence starts, the article's heading style, a stray second capital."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter

from newslint.document.model import MASK, PROSE_KINDS
from newslint.registry import register
from newslint.rule import Rule

# words title case leaves in lowercase (articles, conjunctions, short prepositions, particles)
MINOR_WORDS = frozenset(
    """a an the and but or nor for so yet as at by in of off on per to up via vs v from into onto upon
    with than over out down near past till until toward towards amid among about across after against
    along around before behind below beneath beside between beyond during except inside like through
    throughout under within without is are was be de del della der des di du da la le van von von al el
    bin ibn y et en""".split()
)
# prefixes written lowercase before a capitalized name: anti-American, pro-Kremlin, non-EU, mid-March
NAME_PREFIXES = frozenset(
    """anti pro non mid ex post pre pan neo semi sub trans inter intra ultra un de al el bin ibn van von
    da di la le e i post neo counter over under self all""".split()
)
# lowercase abbreviations that end with a period inside a sentence ("etc. and", "approx. five")
_ABBREVIATIONS = frozenset(
    """etc vs approx ca cf pp p vol vols ed eds ft in lb lbs oz mi yd yds sq cu hr hrs min mins sec secs
    yr yrs mo mos wk wks no nos op viz al esp incl est dept govt univ assn bros co corp inc ltd jr sr st
    mt ave fig figs ch chap sect para misc tel ext max avg cont diam doz gal qt pt tsp tbsp kg km cm mm
    mg ml pct mln bln ibid seq var dia spp subsp gm meq""".split()
)
# capitalized abbreviations (states, titles) after which a lowercase word continues the sentence
_CAP_ABBREVIATIONS = frozenset(
    """ala ariz ark calif colo conn del fla ga ill ind kan ky la md mass mich minn miss mo mont neb nev
    okla ore pa tenn vt va wash wis wyo gen gov sen rep lt col maj capt sgt adm rev hon prof dr mr mrs ms
    st mt ft jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
    corp inc co ltd bros jr sr messrs mme mlle no nos vol fig""".split()
)
_PRONOUNS = frozenset("i me my he him his she her it its we us our you your they them their".split())
# first words of a clause: after "The Mayor said:" a paragraph opening with one is a sentence
_CLAUSE_OPENERS = frozenset(
    """how what why when where who whom whose which can could will would should shall may might must do
    does did is are was were has have had it he she they we i you there this these those if although
    though because while after before since unless until as""".split()
)
# two-letter words that can end a sentence ("paying for it. the")
_SHORT_WORDS = frozenset("it is be me us up do go so to of on at by he we or as if my".split())
# particles that begin a name in lowercase: "de Gaulle", "van Gogh", "al-Assad"
_PARTICLES = frozenset("de del della der des di du da la le van von ter den dos das bin ibn al el".split())
_SPACED_PARTICLES = frozenset("de del della der des di du da la le van von ter den dos das".split())
_LEAD = "\"'“‘(«[*_"
_TOKEN = re.compile(r"[^\s]+")
_WORDS = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")


def _first_word(text: str, pos: int) -> tuple[int, str] | None:
    """(start, token) of the first word at or after ``pos``, past opening quotes and brackets."""
    i = pos
    while i < len(text) and text[i] in _LEAD:
        i += 1
    m = _TOKEN.match(text, i)
    if m is None:
        return None
    return i, m.group(0)


_NEXT_TOKEN = re.compile(r"\s+(\S)")
# a word with a contraction or possessive ending before a period: n't, 's, 'll, 're, 've, 'd, 'm
_CONTRACTION = re.compile(r"(?:[^\W\d_]n['’]t|[^\W_]['’](?:s|ll|re|ve|d|m))[)\]\"”’']*\.$")
# a letter other than A-Z after a sentence mark (closing quotes, space, opening quotes between) or at the
# start of a block in ProseText.text (after its NUL separator): the only places a sentence can open in
# lowercase. It opens with a class of those characters, so the engine skips in C to them.
_LOWER_START = re.compile(r"[.!?…\x00](?:(?<=\x00)\s*|[\"'”’)\]»]*\s+)([\"'“‘(«\[*_]*(?![A-Z])[^\W\d_])")
_BLOCK_START = re.compile(r"\s*[\"'“‘(«\[*_]*(?![A-Z])[^\W\d_]")


def _initial_case(text: str, pos: int = 0) -> bool | None:
    """True when the first word at ``pos`` starts with a capital, False when lowercase, None when
    there is no word starting with a letter."""
    f = _first_word(text, pos) if text else None
    if f is None or not f[1][:1].isalpha():
        return None
    return f[1][0].isupper()


def _starts_lowercase(token: str, allow: frozenset[str]) -> bool:
    """True when ``token`` is a word that should have been capitalized at a start."""
    if not token[:1].isalpha() or not token[0].islower():
        return False
    core = token.rstrip("\"'”’),.;:!?]»")
    if re.fullmatch(r"[a-z](?:\.[A-Z])+\.?", core):
        return True  # u.S., n.C.: an initialism whose first letter was lowercased
    if "." in core or "/" in core or "@" in core or MASK in core or any(c.isdigit() for c in core):
        return False  # e.g., a.m., example.com, and/or, 3-D
    head = core.split("-")[0]
    if any(c.isupper() for c in head):
        return False  # iPhone, eBay, mRNA
    if head.lower() in _PARTICLES and "-" in core:
        return False  # al-Assad, bin-Salman
    return core.lower() not in allow and head.lower() not in allow


_PLAIN_WORD = re.compile(r"(?<![\w\-'’])([^\W\d_]+)(?:['’]s)?(?![\w\-'’])")
# the capital first, then the look-behind: the engine skips in C to the capitals
_CAPITAL_WORD = re.compile(r"([A-Z](?<![\w\-'’][A-Z])[^\W\d_]*)(?:['’]s)?(?![\w\-'’])")
# a colon or an opening quote or bracket, then at most two spaces before a capital: where _counts()'s
# window of three characters, its trailing spaces stripped, ends with one
_AFTER_OPENER = re.compile(r"[:\"“‘(]\s{0,2}(?=[A-Z])")


def word_evidence(doc, ctx) -> WordEvidence:
    """How the article writes each unhyphenated word inside sentences (shared per document)."""
    return ctx.per_document("capitalization.evidence", doc, WordEvidence)


class WordEvidence:
    """``evidence[(lower, capitalized)]``: how often the article writes an unhyphenated word in lowercase,
    or capitalized inside a sentence. Words at a sentence start, after a colon or an opening quote, and
    words in capitals are not counted; a heading counts only for the words it writes in lowercase.

    Counted per word when first asked (a rule asks about a few words of its headings), so an article
    pays nothing for the words nobody asks about. Each such count reads the whole article, so after
    ``ASKED`` words of a case all its words are counted in one pass (linear in an article of many
    headings)."""

    ASKED = 16

    def __init__(self, doc) -> None:
        self.doc = doc
        self._lower: Counter | None = None
        self._lowercase: dict[str, int] = {}  # the lowercase words asked, until _lower counts them all
        self._capitalized: dict[str, int] = {}
        self._all_capitalized: Counter | None = None
        self._body: tuple | None = None
        self._starts_of: tuple[int, frozenset[int]] = (-1, frozenset())

    def __getitem__(self, key: tuple[str, bool]) -> int:
        word, capitalized = key
        if capitalized:
            if self._all_capitalized is not None:
                return self._all_capitalized[word]
            n = self._capitalized.get(word)
            if n is None:
                if len(self._capitalized) >= self.ASKED or self._paragraphs()[3] is None:
                    # many words asked, or a letter that lowercases to two (İ): count them all at once
                    self._all_capitalized = self._count_all_capitalized()
                    self._body = None  # every count is made: the joined copies of the article can go
                    return self._all_capitalized[word]
                n = self._capitalized[word] = self._count_capitalized(word)
            return n
        if not word.islower():
            return 0
        if self._lower is None:
            n = self._lowercase.get(word)
            if n is not None:
                return n
            if len(self._lowercase) < self.ASKED:
                n = self._lowercase[word] = self._count_lower(word)
                return n
            self._lower = Counter()
            for b in self.doc.blocks:  # block by block: a huge article never holds a list of all its words
                if b.text and b.kind in _EVIDENCE_KINDS:
                    self._lower.update(_PLAIN_WORD.findall(b.text))
        return self._lower[word]

    def _count_lower(self, word: str) -> int:
        """How often _PLAIN_WORD finds ``word`` in the blocks (a match at a place where the word stands
        is one findall() meets: no match starts inside another)."""
        n = 0
        for b in self.doc.blocks:
            text = b.text
            if word in text and b.kind in _EVIDENCE_KINDS:
                for at in _find_all(text, word):
                    m = _PLAIN_WORD.match(text, at)
                    if m is not None and m.group(1) == word:
                        n += 1
        return n

    def _paragraphs(self) -> tuple:
        """(blocks, their offsets, their texts joined by NUL, the same lowercased or None)."""
        if self._body is None:
            blocks = [b for b in self.doc.blocks if b.text and b.kind in ("paragraph", "list_item")]
            offsets, pos = [], 0
            for b in blocks:
                offsets.append(pos)
                pos += len(b.text) + 1
            joined = "\x00".join(b.text for b in blocks)
            # lowered block by block: str.lower() of a non-ASCII text takes a buffer of 12 bytes a character
            lowered = "\x00".join(b.text.lower() for b in blocks)
            self._body = (blocks, offsets, joined, lowered if len(lowered) == len(joined) else None)
        return self._body

    def expect(self, words: int) -> None:
        """A rule is about to ask how often up to ``words`` words are written capitalized: more than
        ASKED, and all are counted now, in one pass (not first one by one)."""
        if words > self.ASKED and self._all_capitalized is None:
            self._all_capitalized = self._count_all_capitalized()
            self._body = None

    def _count_capitalized(self, word: str) -> int:
        _blocks, _offsets, joined, lowered = self._paragraphs()
        if not word:
            return 0
        n = 0
        for at in _find_all(lowered, word):  # where the word's letters stand, found in C
            m = _CAPITAL_WORD.match(joined, at)
            if m is not None and m.group(1).lower() == word and self._counts(m.group(1), at):
                n += 1
        return n

    def _count_all_capitalized(self) -> Counter:
        """Each paragraph's capitalized words counted in C, less those _counts() turns down: one at a
        sentence's start or after a colon or an opening quote (a match at such a place is the one
        finditer() meets there), and words in capitals."""
        found: Counter = Counter()
        dropped: Counter = Counter()
        for b in self.doc.blocks:
            if not b.text or b.kind not in ("paragraph", "list_item"):
                continue  # (the blocks of _paragraphs(), without its joined copies)
            text = b.text
            found.update(_CAPITAL_WORD.findall(text))
            places = {m.end() for m in _AFTER_OPENER.finditer(text)}
            places.update(_sentence_starts(b))
            for at in places:
                m = _CAPITAL_WORD.match(text, at)
                if m is not None:
                    dropped[m.group(1)] += 1
        counts: Counter = Counter()
        for word, n in found.items():
            if len(word) == 1 or not word.isupper():
                counts[word.lower()] += n - dropped[word]
        return counts

    def _counts(self, found: str, at: int) -> bool:
        """Whether the capitalized word ``found`` at ``at`` (in the joined paragraphs) is counted."""
        if len(found) > 1 and found.isupper():
            return False
        blocks, offsets, _joined, _lowered = self._paragraphs()
        k = bisect_right(offsets, at) - 1
        text, pos = blocks[k].text, at - offsets[k]
        if text[max(0, pos - 3) : pos].rstrip().endswith((":", '"', "“", "‘", "(")):
            return False  # after a colon or an opening quote a capital may start a new sentence
        if self._starts_of[0] != k:  # words are met in text order: one block's starts at a time
            self._starts_of = (k, _sentence_starts(blocks[k]))
        return pos not in self._starts_of[1]


def _find_all(text: str, word: str):
    at = text.find(word)
    while at >= 0:
        yield at
        at = text.find(word, at + 1)


_EVIDENCE_KINDS = ("heading", "paragraph", "list_item")


def _sentence_starts(block) -> frozenset[int]:
    """Where the sentences of the block's text begin, past opening quotes and brackets."""
    from newslint.document.sentences import block_spans

    text = block.text
    starts = set()
    for a, _b in block_spans(block):
        while a < len(text) and text[a] in _LEAD:
            a += 1
        starts.add(a)
    return frozenset(starts)


def _list_groups(doc) -> dict[int, list]:
    """Consecutive list items, keyed by id of each item: the item's siblings including itself."""
    groups: dict[int, list] = {}
    run: list = []
    for block in doc.blocks:
        if block.kind == "list_item":
            run.append(block)
            continue
        if block.kind in ("paragraph", "heading", "table_cell"):
            for b in run:
                groups[id(b)] = run
            run = []
    for b in run:
        groups[id(b)] = run
    return groups


_LABEL = re.compile(r"([^:.!?]{1,80}):[ \t]+")


def _label_end(text: str) -> int | None:
    """End of a short 'Label: ' lead-in of a list item ("Historical Precedents: past ..."), if any."""
    m = _LABEL.match(text)
    if m is None or MASK in m.group(1):
        return None
    words = m.group(1).split()
    if not 1 <= len(words) <= 6 or not words[0][:1].isupper():
        return None
    return m.end()


@register
class SentenceStart(Rule):
    id = "capitalization/sentence-start"
    superseded_by = ("casing/proper-noun", "casing/title")  # "ukraine is...": a proper noun, one finding
    summary = "A sentence, heading, list item or table cell that starts with a lowercase letter."
    description = (
        "Flags a lowercase first letter at the start of a paragraph, heading, list item or table cell, "
        "and after a sentence-ending period (`progress. the interplay`). Left alone: words with inner "
        "capitals (`iPhone`, `eBay`), abbreviations (`e.g.`), name particles (`de Gaulle`), text after a "
        "colon, quotations that continue a sentence, code and URLs, lists written in lowercase throughout, "
        "and the names listed in the `lowercase_names` option. After a list item's `Label:` lead-in the "
        "text is flagged only where the article's other list items capitalize it (news style capitalizes "
        "a complete sentence after a colon). A proper noun that opens a sentence lowercase (`ukraine said`) is "
        "reported by casing/proper-noun alone."
    )
    severity = "error"
    fixable = "always"
    document_level = True
    options = {"lowercase_names": ["adidas", "bell hooks", "danah boyd", "will.i.am"]}
    examples = {
        "bad": [
            "as the landscape continues to evolve, the remarks reflect a nuanced view.",
            "Talks made little progress. the interplay of interests will shape them.",
        ],
        "good": [
            "iPhone sales rose, e.g. in Europe, and de Gaulle's legacy endured: the talks went on.",
            '"Really?" he asked. The summit, Putin said, was "a success."',
        ],
    }

    def check_document(self, doc, ctx):
        from newslint.kinds.matcher import prose_text

        prose = prose_text(doc, ctx)
        blocks = prose.blocks  # paragraphs, headings, list items and table cells with text, in order
        if not blocks:
            return
        # Python reads only the blocks where a lowercase letter follows a sentence mark or opens the
        # block (found in C over the whole document), and the list items (their labels)
        todo = set()
        for m in _LOWER_START.finditer(prose.text):
            k, _ = prose.locate(m.start(1))
            # after a mark, a sentence opens here only after a full stop (not "U.S. officials")
            if m.group(0)[0] == "\x00" or self._after_full_stop(blocks[k].text, m.start(1) - prose.starts[k]):
                todo.add(k)
        if _BLOCK_START.match(blocks[0].text):
            todo.add(0)
        todo.update(k for k, b in enumerate(blocks) if b.kind == "list_item")
        allow = frozenset(w.lower() for w in ctx.options.get("lowercase_names", []))
        styles: dict = {}
        for k in sorted(todo):
            previous = blocks[k - 1].text.rstrip() if k else ""
            yield from self._check_block(doc, blocks[k], previous, allow, styles)

    def _check_block(self, doc, block, previous, allow, styles):
        from newslint.document.sentences import split_sentences

        text = block.text
        # a paragraph that goes on with the sentence the last one left open (a list set as
        # paragraphs, a fragment after "Substances:"); after a colon a full sentence is capitalized
        continues = block.kind == "paragraph" and (
            previous.endswith((";", ",", "—", "–")) or (previous.endswith(":") and not self._sentence_after_colon(text))
        )
        for k, (a, _b) in enumerate(split_sentences(text)):
            if k > 0 and not self._after_full_stop(text, a):
                continue
            found = _first_word(text, a)
            if found is None:
                continue
            pos, token = found
            if "(" in text[a:pos] or (pos > 0 and text[pos - 1] in "'‘’"):
                continue  # a parenthetical aside may open in lowercase; 'nother, ’til
            if not _starts_lowercase(token, allow):
                continue
            if k == 0 and (continues or not self._block_start_applies(doc, block, text, pos, styles)):
                continue  # a paragraph that goes on with the sentence the last one left open
            if token in _SPACED_PARTICLES and self._next_capitalized(text, pos + len(token)):
                continue  # de Gaulle, van Gogh
            yield self._finding(block, pos, "starts with a lowercase letter")
        if block.kind == "list_item" and self._style(doc, styles, "labels"):
            end = _label_end(text)
            if end is not None:
                found = _first_word(text, end)
                if found and _starts_lowercase(found[1], allow):
                    yield self._finding(block, found[0], "starts with a lowercase letter after its label")

    def _style(self, doc, styles: dict, what: str):
        """The article's list groups, label style or column styles, worked out when first needed."""
        if what not in styles:
            compute = {"groups": _list_groups, "labels": self._label_style, "columns": self._column_style}[what]
            styles[what] = compute(doc)
        return styles[what]

    @staticmethod
    def _sentence_after_colon(text: str) -> bool:
        """A paragraph after one that ends with a colon reads as a sentence of its own (so news style
        capitalizes it) when it is a quotation, a question, more than one sentence, or opens with a
        word that starts a clause; a list or fragment ("more money for schools, ...") goes on."""
        from newslint.document.sentences import split_sentences

        stripped = text.strip()
        if stripped[:1] in '"“‘' or stripped.endswith("?") or len(split_sentences(stripped)) > 1:
            return True
        m = re.match(r"[^\W\d_]+", stripped)
        return bool(m and m.group(0).lower() in _CLAUSE_OPENERS)

    def _finding(self, block, pos, what):
        ch = block.text[pos]
        return self.report(
            block, pos, pos + 1, f"This sentence {what}: write '{ch.upper()}' instead of '{ch}'.", ch.upper()
        )

    @staticmethod
    def _after_full_stop(text: str, a: int) -> bool:
        """A sentence inside a block counts only after a mark that surely ends one: '.' after a
        normal word or number ("progress. the", "in 1954. in", "(Dec. 16). it"), or '?' or '!'
        right after a lowercase word ("talks? the"). Only a window before ``a`` is read, so a
        paragraph of thousands of sentences (a file of one long line) stays linear."""
        lo = max(0, a - 120)
        before = text[lo:a].rstrip()
        if before.endswith(("?", "!")):
            m = re.search(r"([^\W\d_]+)[?!]$", before)
            return bool(m and m.group(1).islower())  # not "Oklahoma! and", not a quoted "Why?"
        if before.endswith(("”", '"', "’", "'")):
            inside = before.rstrip("\"”’'")
            if inside.endswith(".") and not inside.endswith(".."):
                before = inside  # a quotation that ends its sentence: "for the town.” he expects"
        if not before.endswith("."):
            return False
        m = re.search(r"([^\W_]+)[)\]\"”’']*\.$", before)
        if m is None:
            return False
        word = m.group(1)
        start = lo + m.start()
        if _CONTRACTION.search(before):
            return True  # "But it isn't. there", "since the early 1900's. more" (not "gov't.", "int'l.")
        if start > 0 and text[start - 1] in ".&":
            return False  # U.S., e.g., AT&T.
        if word.isdigit():
            return len(word) >= 2 and not re.search(r"(?i)\b(?:no|nos|p|pp|vol|fig|ch|art|sec)\.\s*\d+\W*\.$", before)
        if not word.isalpha():
            return len(word) >= 2 and word[-1].isalpha()  # "routes 23 and 23A. about"
        if any(c.isupper() for c in word[1:]) and not word.isupper():
            return False  # mEq., PhD.
        lower = word.lower()
        if lower in _ABBREVIATIONS or lower in _CAP_ABBREVIATIONS:
            return False
        if len(word) < 3 and lower not in _SHORT_WORDS:
            return False
        return not (word[0].isupper() and (len(word) <= 4 or word.isupper()))  # Calif., Gen., NATO.

    @staticmethod
    def _next_capitalized(text: str, pos: int) -> bool:
        m = _NEXT_TOKEN.match(text, pos)
        return bool(m and m.group(1).isupper())

    def _block_start_applies(self, doc, block, text, pos, styles) -> bool:
        if MASK in text[:pos]:
            return False  # the block opens with a URL or code
        if block.kind == "list_item":
            votes = [_initial_case(sib.text) for sib in self._style(doc, styles, "groups").get(id(block), [block])]
            if votes.count(True) <= votes.count(False):
                return False  # a list written in lowercase throughout is a house style
            return not text.rstrip().endswith((";", ","))
        if block.kind == "table_cell":
            key = (block.meta.get("table"), block.meta.get("col"))
            upper, lower = self._style(doc, styles, "columns").get(key, (0, 0))
            return len(text.split()) >= 2 and upper > lower
        return True

    @staticmethod
    def _label_style(doc) -> bool:
        """True when the article capitalizes what follows its list items' 'Label: ' lead-ins."""
        votes = []
        for block in doc.blocks:
            if block.kind == "list_item" and block.text:
                end = _label_end(block.text)
                if end is not None:
                    votes.append(_initial_case(block.text, end))
        upper, lower = votes.count(True), votes.count(False)
        return upper >= 2 and upper > 2 * lower

    @staticmethod
    def _column_style(doc) -> dict:
        out: dict = {}
        for block in doc.blocks:
            upper = _initial_case(block.text) if block.kind == "table_cell" else None
            if upper is None:
                continue
            key = (block.meta.get("table"), block.meta.get("col"))
            up, low = out.get(key, (0, 0))
            out[key] = (up + 1, low) if upper else (up, low + 1)
        return out


# ----------------------------------------------------------------------------------------------
# heading case


def _heading_words(text: str):
    """(start, word, is_first) for the heading's words; is_first marks the first word of the heading
    and of each clause after ':', '.', '!', '?' or a dash."""
    clause_start = True
    for m in _TOKEN.finditer(text):
        raw = m.group(0)
        lead = len(raw) - len(raw.lstrip(_LEAD))
        core = raw.strip("\"'“”‘’()[]«»*_,;!?.")
        if raw.endswith((":", ".", "!", "?")) or raw in ("—", "–", "-", "--", "|"):
            yield m.start() + lead, core, clause_start
            clause_start = True
            continue
        yield m.start() + lead, core, clause_start
        if core.isalpha() or any(c.isalpha() for c in core):
            clause_start = False  # ", for Engine speed": punctuation does not take the first place


def _countable(word: str) -> bool:
    if word.isalpha():
        return True  # the usual word: letters only (no digit, no MASK)
    return bool(word) and word[0].isalpha() and MASK not in word and not any(c.isdigit() for c in word)


def _has_upper(text: str) -> bool:
    return not text.islower() and any(c.isupper() for c in text)  # islower(): no capital, in C


def _is_caps_word(part: str) -> bool:
    return part.isupper() and len(part) > 1


def classify_heading(text: str, evidence: Counter | None = None) -> str | None:
    """'title', 'sentence' or None (too few telling words).

    With ``evidence`` (how the article writes words mid-sentence), a capitalized word the article
    also capitalizes mid-sentence is a name and tells nothing about the heading's style.
    """
    cap = low = 0
    for _pos, word, first in _heading_words(text):
        if first or not _countable(word):
            continue
        head = word.split("-")[0]
        if head.lower() in MINOR_WORDS or _is_caps_word(head) or _has_upper(head[1:]):
            continue
        if head[0].isupper():
            if evidence is not None and evidence[(head.lower(), True)] > 0:
                continue
            cap += 1
        else:
            low += 1
    if cap + low < 2:
        return None
    if cap >= 2 * low and cap >= 2:
        return "title"
    if low >= 2 * cap and low >= 2:
        return "sentence"
    return None


def _title_word(word: str) -> str:
    return "-".join(p[:1].upper() + p[1:] if p and p.lower() not in NAME_PREFIXES else p for p in word.split("-"))


@register
class HeadingCase(Rule):
    id = "capitalization/heading-case"
    summary = "A heading that breaks the article's heading style (title case or sentence case)."
    description = (
        "Learns the article's heading style from the majority of its headings (at least three "
        "telling headings, two to one; capitalized names do not count) and flags words that break "
        "it: a lowercase word in a title-case heading (`Negotiating peace`), and in any heading a "
        "hyphenated word with an odd inner capital (`trust-Building`). Minor words (articles, "
        "conjunctions, short prepositions) are not counted, and a lowercase word that the article "
        "capitalizes mid-sentence is left to casing/proper-noun. In sentence-case articles a "
        "capitalized word is flagged only where the article writes that word lowercase "
        "mid-sentence and never capitalized."
    )
    severity = "warning"
    fixable = "sometimes"
    document_level = True
    scope = frozenset({"heading"})
    examples = {
        "bad": [
            "Why trust-Building matters for building peace",
            "Putin's Stance on Peace Talks\nThe Role of Diplomacy in Negotiating peace\n"
            "Impact of Diplomacy on the Conflict",
        ],
        "good": ["Pro-Kremlin Voices Call for Trust-Building Measures"],
    }

    def check_document(self, doc, ctx):
        headings = [b for b in doc.blocks if b.kind == "heading" and b.text and MASK not in b.text[:1]]
        # a heading of one or two words tells no style (its first word never counts), and without a
        # style only hyphenated words can be flagged: most articles stop here, before any evidence
        telling = [h for h in headings if len(h.text.split()) >= 3]
        if len(telling) < 3 and not any("-" in h.text for h in headings):
            return
        evidence = word_evidence(doc, ctx)
        # classify_heading() asks about the capitalized words that open no clause
        evidence.expect(
            len({w.lower() for h in telling for _, w, first in _heading_words(h.text) if w[:1].isupper() and not first})
        )
        own = {id(h): classify_heading(h.text, evidence) for h in telling}
        votes = Counter(c for c in own.values() if c)
        style = None
        if votes:
            (top, n), *rest = votes.most_common()
            other = rest[0][1] if rest else 0
            if n >= 3 and n >= 2 * other:
                style = top
        for block in headings:
            if style is None and "-" not in block.text:
                continue  # with no style, only a hyphenated word's odd inner capital is flagged
            yield from self._check_heading(block, style, own.get(id(block)), evidence)

    def _check_heading(self, block, style, own, evidence):
        text = block.text
        if text.isupper():  # else some letter is not a capital (isupper() is False then): skip the count
            letters = [c for c in text if c.isalpha()]
            if letters and all(c.isupper() for c in letters):
                return  # a heading set in capitals
        if text.lstrip()[:1] in ",;:.)]":
            return  # a fragment (a wrapped line of a table or list), not a heading
        for pos, word, first in _heading_words(text):
            if not _countable(word):
                continue
            parts = word.split("-")
            # odd inner capital: a lowercase part followed by a capitalized common word (trust-Building)
            if len(parts) > 1 and parts[0][:1].islower() and parts[0].lower() not in NAME_PREFIXES:
                odd = [
                    p
                    for p in parts[1:]
                    if p[:1].isupper()
                    and not _is_caps_word(p)
                    and evidence[(p.lower(), False)] > 0
                    and evidence[(p.lower(), True)] == 0
                ]
                if odd:
                    if style == "title" or (style is None and own == "title"):
                        fixed = _title_word(word)
                    else:
                        fixed = "-".join(p.lower() if not _is_caps_word(p) else p for p in parts)
                        if first:
                            fixed = fixed[:1].upper() + fixed[1:]
                    yield self.report(
                        block,
                        pos,
                        pos + len(word),
                        f"'{word}' has an odd inner capital: write '{fixed}'.",
                        fixed,
                        "unsafe",
                    )
                    continue
            if first or style is None:
                continue
            head = parts[0]
            if head.lower() in MINOR_WORDS or _is_caps_word(head) or _has_upper(head[1:]):
                continue
            if style == "title" and own == "title" and head[0].islower():
                if evidence[(head.lower(), True)] > 0:
                    continue  # a name written lowercase: casing/proper-noun's finding
                fixed = _title_word(word)
                yield self.report(
                    block,
                    pos,
                    pos + len(word),
                    f"This heading is in title case like the article's others: write '{fixed}', not '{word}'.",
                    fixed,
                    "unsafe",
                )
            elif style == "sentence" and own == "sentence" and head[0].isupper() and len(parts) == 1:
                if head.lower() in _PRONOUNS or any(c.isdigit() for c in text):
                    continue  # "Him who rules the thunder"; recipe and table lines
                if evidence[(head.lower(), True)] > 0 or evidence[(head.lower(), False)] < 2:
                    continue  # may be a name
                fixed = word.lower()
                yield self.report(
                    block,
                    pos,
                    pos + len(word),
                    f"This heading is in sentence case like the article's others: write '{fixed}', not '{word}'.",
                    fixed,
                    "unsafe",
                )


# a word of two capitals and lowercase letters ("LIberian", "THe"; not a plural, "MPs"); whether a
# word character stands before it is tested on the few matches (a look-behind first would be tried at
# every place of the text)
_TWO_CAPITALS = re.compile(r"[A-Z][A-Z](?!s(?![a-z]))[a-z]+(?![\w'’-])")
_CASE_SHAPES = bytes(65 if 65 <= c <= 90 else 97 if 97 <= c <= 122 else 32 for c in range(256))
"""bytes.translate table: an ASCII capital becomes A, a lowercase ASCII letter a, any other byte a space."""
# an acronym with an ending: "DJing", "OKed", "KOed", "IDers"
_ACRONYM_ENDINGS = ("ing", "ed", "er", "ers", "es")


@register
class TwoCapitals(Rule):
    id = "capitalization/two-capitals"
    summary = "A word with its second letter capitalised by a slip of the shift key (LIberian, THe)."
    description = (
        "Flags a word written with two capitals and then lowercase letters (`a LIberian national`, `THe "
        "talks`) when the word with only its first capital is an English word or a name newslint knows. "
        "An acronym with an ending (`DJing`, `OKed`), a word in capitals and a word the lists do not know "
        "(`JPMorgan`, `USAid`) are left alone. The fix lowercases the second letter (safe)."
    )
    severity = "error"
    fixable = "always"
    examples = {
        "bad": ["He was detained as a LIberian national.", "THe talks resumed on Monday."],
        "good": ["The DJing contest was OKed by MPs and CEOs.", "JPMorgan and USAid signed the deal."],
    }

    def run(self, doc, ctx):
        if self.scope == PROSE_KINDS:
            from newslint.kinds.matcher import prose_text

            # a match is two ASCII capitals and a lowercase ASCII letter in a row: found in C over the
            # document's prose, with its letters mapped to A and a (most documents have none)
            if b"AAa" not in prose_text(doc, ctx).utf8().translate(_CASE_SHAPES):
                return
        yield from super().run(doc, ctx)

    def check(self, block, ctx):
        text = block.text
        if not _TWO_CAPITALS.search(text):
            return
        from newslint.lexicon import counts, gazetteer_words

        known = counts()
        names = gazetteer_words()
        for m in _TWO_CAPITALS.finditer(text):
            start = m.start()
            if start and (text[start - 1].isalnum() or text[start - 1] in "_'’-"):
                continue  # inside a word ("McDOnald", "NASA's")
            word = m.group(0)
            if word.endswith(_ACRONYM_ENDINGS) and len(word) - 2 <= 3:
                continue  # "DJing", "OKed", "IDers": an acronym and its ending
            right = word[0] + word[1:].lower()
            key = right.lower()
            if known.get(key) is None and key not in names:
                continue  # "JPMorgan"-like names and words the lists do not know
            yield self.report(
                block, m.start(), m.end(), f"'{word}' has a stray capital: write '{right}'.", right, "safe"
            )
