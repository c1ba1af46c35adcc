"""Casing rules: proper nouns written lowercase (``ukraine``, ``vladimir Putin``, ``nato``)."""

from __future__ import annotations

import re
from collections import Counter

from newslint.registry import register
from newslint.rule import Rule
from newslint.text import WORD

# A word glued to these is part of a handle, hashtag, path, file or domain name: never a name to fix.
_GLUE_BEFORE = set("@#/\\._0123456789")
_GLUE_AFTER = set("@/\\_0123456789")
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
_SAY = frozenset("said says told added announced insisted argued warned wrote tweeted replied".split())
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


def _base(word: str) -> tuple[str, int]:
    """The word without a possessive ``'s`` and the length kept (``ukraine’s`` -> ``ukraine``, 7)."""
    m = _POSSESSIVE.match(word)
    if m:
        return m.group(1), len(m.group(1))
    return word, len(word)


def _accepted(ctx) -> frozenset[str]:
    cached = ctx.shared.get("casing.accepted")
    if cached is None:
        terms = getattr(ctx.config, "accept", None) or []
        cached = frozenset(w.lower() for t in terms for w in WORD.findall(t))
        ctx.shared["casing.accepted"] = cached
    return cached


def _titleish(words: list[str]) -> bool:
    """A headline-style line: most longer words capitalised (no evidence of proper nouns there)."""
    longer = [w for w in words if len(w) > 3]
    if not longer:
        return True
    caps = sum(1 for w in longer if w[0].isupper())
    return caps * 2 > len(longer)


def document_evidence(doc) -> tuple[dict[str, Counter], Counter]:
    """Words the article capitalises mid-sentence (lowercase -> Counter of forms), and lowercase counts."""
    from newslint.document.sentences import split_sentences

    capitalised: dict[str, Counter] = {}
    lowercase: Counter = Counter()
    for block in doc.prose_blocks():
        text = block.text
        matches = list(WORD.finditer(text))
        for m in matches:
            word, _ = _base(m.group(0))
            if word.islower():
                lowercase[word] += 1
        if block.kind not in ("paragraph", "list_item") or _titleish([m.group(0) for m in matches]):
            continue
        starts = {a for a, _ in split_sentences(text)}
        for m in matches:
            word, _ = _base(m.group(0))
            if not word[0].isupper() or (word.isupper() and len(word) == 1):
                continue
            i = m.start()
            j = i - 1
            while j >= 0 and text[j] in " \t\n\r\u00a0":
                j -= 1
            if j < 0 or i in starts or text[j] in _OPENERS or (j + 1 in starts and text[j] in "\"“‘'("):
                continue
            if j >= 0 and text[j] in ".!?…":
                continue  # a new sentence the splitter kept together
            capitalised.setdefault(word.lower(), Counter())[word] += 1
    return capitalised, lowercase


@register
class ProperNoun(Rule):
    id = "casing/proper-noun"
    summary = "Proper noun written lowercase (country, city, person, organisation, day, month...)."
    description = (
        "Flags a lowercase proper noun and offers its canonical form: `ukraine` -> `Ukraine`, "
        "`ukraine’s` -> `Ukraine’s`, `US-russia` -> `US-Russia`, `vladimir Putin` -> `Vladimir Putin`, "
        "`nato` -> `NATO`. Two sources: a gazetteer shipped in rules/data/gazetteer.txt (countries from "
        "pycountry; demonyms, capitals and cities, organisations, people in the news, days, months, "
        "languages and religions curated by hand; rebuilt by tools/build_gazetteer.py), and the article "
        "itself: a word that English writes only capitalised (hunspell-en-us's proper names, shipped in "
        "rules/data/proper_names.txt: `johnson`, `powell`) is flagged when the article capitalises it "
        "mid-sentence elsewhere or a name or initial stands beside it (`Mrs. Geraldine thompson`, "
        "`harold V. Varani`); a word no dictionary knows (`zelenskyy`) when the article capitalises it "
        "mid-sentence at least twice and writes it lowercase only once. Common words that the article "
        "capitalises in names and titles (`City`, `Jury`) never count. Names that are also common words "
        "(`china`, `turkey`, `may`, `march`, "
        "`polish`, `jordan`) are flagged only when the article capitalises them elsewhere mid-sentence AND "
        "the lowercase one stands where a name stands (`in china.`, `march 5`, `trump said`). Words in your "
        "vocabulary (`vocabulary: accept`) are left to that rule. The fix is the canonical form (safe)."
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
        ],
        "good": [
            "The U.S. and Russian officials met in Kyiv on Monday.",
            "She ordered a new iPhone and a turkey for dinner.",
            "Prices may rise in march of next year, the bill says.",
            "We ate off fine china and will polish the silver.",
            "Vladimir Putin and Ukraine’s president spoke.",
        ],
    }

    def _evidence(self, ctx):
        ev = ctx.shared.get("casing.evidence")
        if ev is None:
            ev = document_evidence(ctx.document)
            ctx.shared["casing.evidence"] = ev
        return ev

    def _phrase_seen(self, ctx, canonical: str) -> bool:
        seen = ctx.shared.setdefault("casing.phrases", {})
        if canonical not in seen:
            seen[canonical] = any(canonical in b.text for b in ctx.document.prose_blocks())
        return seen[canonical]

    def check(self, block, ctx):
        from newslint.lexicon import gazetteer

        gaz = gazetteer()
        text = block.text
        tokens = list(WORD.finditer(text))
        accepted = _accepted(ctx)
        i = 0
        while i < len(tokens):
            m = tokens[i]
            options = gaz.phrases.get(_base(m.group(0))[0].lower())
            if options:
                consumed = None
                for name in options:
                    hit = self._match_phrase(text, tokens, i, name)
                    if hit is None:
                        continue
                    consumed = len(name.words)
                    finding = self._check_phrase(block, ctx, tokens, i, name, hit, accepted)
                    if finding is not None:
                        yield finding
                    break
                if consumed:
                    i += consumed
                    continue
            i += 1
            word, length = _base(m.group(0))
            if not word.islower() or _glued(text, m.start(), m.start() + length):
                continue
            if m.start() and text[m.start() - 1] in "\"“‘'" and text[m.end() : m.end() + 1] in ('"', "”", "’", "'"):
                continue  # a word quoted as a word: 'the Manu word "eromonga"', 'the "china" tag'
            key = word
            if key in accepted:
                continue
            name = gaz.single.get(key)
            if name is not None:
                if name.ambiguous and not self._cued(ctx, text, tokens, i - 1, name, key):
                    continue
                canonical = name.canonical
            else:
                if text[m.end() : m.end() + 1] == "-" or text[m.start() - 1 : m.start()] == "-":
                    continue  # "pre-legislative", "Inter-american": prefixes and compounds
                canonical = self._from_article(ctx, key, text, tokens, i - 1)
                if canonical is None:
                    continue
            start = m.start()
            yield self.report(
                block,
                start,
                start + length,
                f"'{word}' is a proper noun: write '{canonical}'.",
                canonical,
                "safe",
            )

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
        if name.canonical.lower() in accepted or _glued(text, parts[0][0], parts[-1][1]):
            return None
        if wrong == [0] and parts[0][2] in _COMPASS and name.canonical.lower() not in _ALWAYS_WHOLE:
            return None  # "southern Africa" style descriptions: "east Africa", "north London"
        partial_generic = len(wrong) < len(parts) and all(parts[k][2] in _GENERIC for k in wrong)
        if (name.ambiguous or partial_generic) and not self._phrase_seen(ctx, name.canonical):
            return None
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
        from newslint.lexicon import proper_names, words

        count = words().get(key)
        name_like = key in proper_names() or count == 0
        if count and not name_like:
            return None  # an English word too ("jury", "city"): capitals elsewhere prove nothing
        capitalised, lowercase = self._evidence(ctx)
        forms = capitalised.get(key) or Counter()
        titled = {f: n for f, n in forms.items() if not f.isupper()}
        if name_like:
            if titled and sum(titled.values()) >= lowercase[key] and (count != 0 or lowercase[key] <= 1):
                return max(titled, key=titled.get)
            if key in proper_names() and self._beside_a_name(text, tokens, i):
                return key[0].upper() + key[1:]
            return None
        if len(key) < 4 or not titled or lowercase[key] > 1 or sum(titled.values()) < 2:
            return None  # capitalised too rarely, or written lowercase elsewhere: no proof of a name
        return max(titled, key=titled.get)

    @staticmethod
    def _beside_a_name(text: str, tokens, i: int) -> bool:
        """A name (hunspell's, the gazetteer's, or a capitalised word no dictionary knows as a common
        word) or an initial right before or after, in the same sentence."""
        from newslint.lexicon import gazetteer, proper_names, words

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
        capitalised, _ = self._evidence(ctx)
        if name.canonical not in capitalised.get(key, {}):
            return False
        m = tokens[i]
        word = m.group(0)
        prev = tokens[i - 1].group(0).lower() if i > 0 and _near(text, tokens[i - 1].end(), m.start()) else ""
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
            return prev in _TITLES or nxt in _SAY or (possessive and prev not in _DETERMINERS)
        return nxt in _SAY and prev == "the"


def _near(text: str, a: int, b: int) -> bool:
    """Two words separated only by spaces (one sentence, no punctuation between)."""
    gap = text[a:b]
    return gap != "" and gap.isspace() and "\n" not in gap


def _glued(text: str, start: int, end: int) -> bool:
    if start > 0 and text[start - 1] in _GLUE_BEFORE:
        return True
    if end < len(text):
        nxt = text[end]
        if nxt in _GLUE_AFTER:
            return True
        if nxt == "." and end + 1 < len(text) and text[end + 1].isalnum():
            return True  # ukraine.gov.ua, report.pdf
    return False
