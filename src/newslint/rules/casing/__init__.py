"""Casing rules: proper nouns written lowercase (``ukraine``, ``vladimir Putin``, ``nato``)."""

from __future__ import annotations

import re
from collections import Counter
from itertools import accumulate

from newslint.document.model import PROSE_KINDS
from newslint.registry import register
from newslint.rule import Rule
from newslint.rules.casing.candidates import (
    _UNKNOWN,
    _beside_places,
    _found,
    _keep_places,
    _lower_same_length,
    _phrase_places,
    _plain_letters,
    article_runs,
)
from newslint.rules.casing.evidence import _EAGER_ABOVE, _Forms, evidence_views
from newslint.rules.casing.forms import (
    _after_abbr,
    _base,
    _common_form,
    _derived,
    _determiner,
    _dominant_here,
    _in_foreign_phrase,
    _more_than_once,
    _name_word,
    _near,
    _occurrences,
    _starts_here,
    _titlecase,
    _typo_like,
    _window,
    _written_form,
)
from newslint.rules.casing.lists import (
    _ABBR_STREETS,
    _ADDRESSED_NAME,
    _ADDRESSES,
    _AFTER_NAME,
    _AFTER_PARTICLE,
    _AFTER_PLACE_HEAD,
    _AFTER_PLACE_PREP,
    _ALWAYS_WHOLE,
    _AMPERSAND_AFTER,
    _AMPERSAND_BEFORE,
    _BARE_TITLES,
    _BEFORE_SURNAME,
    _BODY,
    _CAPWORD,
    _COMPANY_NOUNS,
    _CONCEPT_BEFORE,
    _COUNTRY_KINDS,
    _COUNTY_AFTER,
    _DATE_AFTER,
    _DATE_BEFORE,
    _DAY_ALONE,
    _DETERMINERS,
    _EVIDENCE_BODIES,
    _FAMILY_NEXT,
    _FED,
    _GENERIC,
    _GREEK,
    _GREEK_NAME,
    _HEAD_NOT_NAME,
    _HEAD_WORDS,
    _LATIN_AFTER_IN,
    _LETTERS,
    _MONTH_BEFORE,
    _NATION_NOUNS,
    _NEVER,
    _NEXT_NAME,
    _NO_COMMON_SENSE,
    _NO_EVIDENCE,
    _NOT_NAMES,
    _OF_PLACE_BODY,
    _OF_PLACE_HEADS,
    _OPENERS,
    _PARKS,
    _PARTICLE_BEFORE,
    _PARTICLES,
    _PARTIES,
    _PEOPLE_SUFFIXES,
    _PERSON_BEFORE,
    _PERSON_TITLE_ABBRS,
    _PERSON_TITLE_WORDS,
    _PLACE_BEFORE,
    _PLACE_END,
    _PLACE_HEADS,
    _PLACE_PREP,
    _PLAIN_NOUNS,
    _QUIET_KEYS,
    _QUOTED_END,
    _RISKY_GIVEN,
    _SAY,
    _STATE_ABBR,
    _STATE_AFTER_COMMA,
    _STREETS,
    _STREETS_AFTER,
    _SURNAME_PARTICLES,
    _SURNAME_TITLES,
    _TEAM_NOUNS,
    _TITLE_ABBR,
    _TITLE_WORDS,
    _TITLES,
    _TOWN_BEFORE_STATE,
    _YEAR_AFTER,
    COMMON,
    COMPASS,
    _name_data,
    dual_names,
    gazetteer,
    given_like,
    given_names,
    name_dominant,
    proper_names,
    surname_like,
    words,
)
from newslint.rules.casing.position import (
    _COMPANY_ABBRS,
    _MONTH_ABBRS,
    _PLURAL_TITLED,
    _PLURAL_TITLES,
    _after_place_word,
    _after_rule_verb,
    _at_state,
    _bare_here,
    _beside_a_country,
    _beside_given_name,
    _described,
    _family_plurals,
    _from_position,
    _in_name_list,
    _named_otherwise,
    _no_place_alone,
    _rare_surname,
    _role_spots,
    _titled_quote_words,
)
from newslint.rules.casing.shape import _from_shape
from newslint.text import LazyRegex, glued, literal_finditer


def _plural_evidence(key: str, capitalised, lowercase) -> bool:
    """The article capitalises ``key``'s plural mid-sentence twice, writes neither form lowercase
    elsewhere, and the word is rarer than a common word (``dodger`` beside ``Dodgers``)."""
    forms = capitalised.get(key + "s")
    return (
        bool(forms)
        and forms.get(_titlecase(key) + "s", 0) >= 2
        and lowercase[key] <= 1
        and lowercase[key + "s"] == 0
        and words().get(key, 0) < COMMON
    )


def _people_of(key: str, capitalised) -> str | None:
    """The capitalised name of a people derived from a place the article capitalises (``katangans``
    beside Katanga: ``Katangans``), or None."""
    for suffix, cut in _PEOPLE_SUFFIXES:
        if key.endswith(suffix) and len(key) - cut >= 4:
            stem = key[: len(key) - cut]
            forms = capitalised.get(stem)
            if forms and forms.get(_titlecase(stem)):
                return _titlecase(key)
    return None


def _joined_words(text: str, heads: bool) -> list[tuple[int, str]]:
    """Lowercase words joined to a capitalised one as a name's part: by "&" (``bell & Howell``,
    ``Standard & poor's``) or after a place's head (``Mount pleasant``, when ``heads``)."""
    found = []
    p = text.find(" & ")
    while p != -1:
        mm = _AMPERSAND_BEFORE.search(text, max(0, p - 40), p) or _AMPERSAND_AFTER.match(text, p)
        if mm is not None and mm.group(1) not in _NEVER:
            found.append((mm.start(1), mm.group(1)))
        p = text.find(" & ", p + 3)
    if heads and (present := [head for head in _PLACE_HEADS if head in text]):
        for mm in literal_finditer(_AFTER_PLACE_HEAD, text, present):  # each match starts with a head
            if mm.group(1) not in _NEVER and mm.group(1) not in _HEAD_NOT_NAME:
                found.append((mm.start(1), mm.group(1)))
    return found


def _searched_spots(text: str, toks, capitalised_keys, cased=None) -> list[tuple[int, str]]:
    """The places of the cues that look for their own words in the text, each only where a cheap test
    says it may find one: towns before a state, Greek letters, surnames after a form of address,
    title-case quotations, the Fed, streets before ``Streets``. ``cased``: the text's runs of ASCII
    letters with a capital, as written (_letter_runs), when known: a street's or park's word a pattern
    needs is one of them, or the text is not searched for it."""
    found = _towns(text)
    if not _GREEK.isdisjoint(toks):
        found += _greek_letters(text)
    if not _ADDRESSES.isdisjoint(capitalised_keys):
        found += _addressed_names(text)
    if "“" in text:
        found += _titled_quote_words(text)
    if "fed" in toks:  # "the fed chose": the Federal Reserve
        found += [(mm.start(1), "fed") for mm in _FED.finditer(text)]
    if not _family_plurals().isdisjoint(toks):  # a family by its plural name: "the castros but"
        plurals = _family_plurals()
        # a match's word is a lowercase run of the text in the list: it starts with "he " and one of those
        anchors = ["he " + word for word in plurals.intersection(toks)]
        found += [
            (mm.start(1), mm.group(1)) for mm in literal_finditer(_FAMILY_SPOT, text, anchors) if mm.group(1) in plurals
        ]
    if (cased is None or not _STREET_WORDS.isdisjoint(cased)) and (
        " Ave." in text or " Blvd." in text or " Rd." in text or " State Park" in text or _national_park(text)
    ):
        found += [(mm.start(1), mm.group(1)) for mm in _STREET_SPOT.finditer(text) if mm.group(1) not in _NEVER]
    if not _PERSON_TITLE_KEYS.isdisjoint(capitalised_keys):  # "to Congresswoman church, bless her"
        found += [
            (mm.start(1), mm.group(1))
            for mm in literal_finditer(_TITLED_SPOT, text, _PERSON_TITLES)
            if mm.group(1) not in _NEVER
        ]
    if not _PLURAL_TITLE_KEYS.isdisjoint(capitalised_keys):  # "by Senators Proxmire and butler allege"
        found += [(mm.start(1), mm.group(1)) for mm in _PLURAL_TITLED.finditer(text) if mm.group(1) not in _NEVER]
    if ") " in text:  # a nickname: "George Herman (babe) Ruth"
        found += [(mm.start(1), mm.group(1)) for mm in _NICK_SPOT.finditer(text) if mm.group(1) not in _NEVER]
    if "s" in toks:  # a possessive after a given name: "Stan getz's private brand"
        found += _given_possessives(text)
    if ", " in text:  # an item of a list of names, a surname before a role: "Buick, Chrysler, and mercury"
        found += [(mm.start(1), mm.group(1)) for mm in _LIST_ITEM.finditer(text) if mm.group(1) not in _NEVER]
        found += _role_spots(text)  # "by Ted place, director of"
        found += _before_ages(text)  # a surname before an age: "Carol strong, 13, of"; "in Lincoln, neb."
        found += [(mm.start(1), mm.group(1)) for mm in _STATE_LOWER.finditer(text)]
        given = given_names()  # a surname in a list of full names: "Jr., Stephen mana, John Moscone"
        found += [
            (mm.start(2), mm.group(2))
            for mm in _LISTED_FULL_NAME.finditer(text)
            if mm.group(1).lower() in given and mm.group(2) not in _NEVER
        ]
    if " County" in text or " Parish" in text:  # "a wise County hamlet"
        found += _before_county(text)
    if not _MONTH_ABBR_KEYS.isdisjoint(toks):  # "on sept. 4, 1998"
        found += [(mm.start(1), mm.group(1)) for mm in _MONTH_ABBR_SPOT.finditer(text)]
    if not _COMPANY_ABBR_KEYS.isdisjoint(toks):  # "Genentech inc. Chairman"
        found += [(mm.start(1), mm.group(1)) for mm in _COMPANY_ABBR_SPOT.finditer(text)]
    if (cased is None or not _STREETS_WORDS.isdisjoint(cased)) and (" Streets" in text or " Avenues" in text):
        # "at eddy and Elm Streets"
        found += [(mm.start(1), mm.group(1)) for mm in _STREETS.finditer(text) if mm.group(1) not in _NEVER]
    return found


# a lowercase word after capitalised items of a list ("Buick, Chrysler, and mercury"): _from_position()
# decides with _listed_with_names() (the pattern starts with its literal ", ", which the engine finds fast)
_LIST_ITEM = LazyRegex(r", [A-Z][a-z]+(?:,? (?:and|or) |, )([a-z]{3,})\b")


def _given_possessives(text: str) -> list[tuple[int, str]]:
    """A lowercase possessive after a capitalised given name (``Frank house's throw``): _from_position()
    decides. Most possessives are of capitalised names: the word before the mark is looked at first."""
    found = []
    given = given_names()
    for mark in ("'s", "’s"):
        p = text.find(mark)
        while p != -1:
            s = text.rfind(" ", max(0, p - 30), p)
            w = text[s + 1 : p] if s > 0 else ""
            # not "the Kennedy administration's": a body
            if (
                len(w) >= 3
                and w.isalpha()
                and w.islower()
                and w not in _NEVER
                and (w not in _BODY or w in dual_names())
            ):
                mm = _GIVEN_BEFORE.search(text, max(0, s - 30), p)
                if mm is not None and mm.group(1).lower() in given:
                    found.append((mm.start(2), w))
            p = text.find(mark, p + 2)
    return found


def _before_county(text: str) -> list[tuple[int, str]]:
    """A lowercase word right before a capitalised County or Parish (``a wise County hamlet``):
    _from_position() decides."""
    found = []
    for head in (" County", " Parish"):
        p = text.find(head)
        while p != -1:
            mm = _WORD_BEFORE_HEAD.search(text, max(0, p - 30), p)
            if mm is not None and mm.group(1) not in _NEVER:
                found.append((mm.start(1), mm.group(1)))
            p = text.find(head, p + 1)
    return found


_WORD_BEFORE_HEAD = LazyRegex(r"(?<![\w'’.-])([a-z]{3,})\Z")


def _before_ages(text: str) -> list[tuple[int, str]]:
    """A lowercase word after a capitalised given name and before an age (``Carol strong, 13,``):
    _from_position() decides."""
    found = []
    given = given_names()
    for age in _AGE.finditer(text):
        p = age.start()
        mm = _GIVEN_BEFORE.search(text, max(0, p - 40), p)
        if mm is not None and mm.group(1).lower() in given and mm.group(2) not in _NEVER:
            found.append((mm.start(2), mm.group(2)))
    return found


_LISTED_FULL_NAME = LazyRegex(r", ([A-Z][a-z]+) ([a-z]{3,}), [A-Z]")  # _from_position() decides
_STATE_LOWER = LazyRegex(rf", ({'|'.join(sorted(_STATE_ABBR))})\.")  # _from_position() decides
# an abbreviated month before a day, a company's abbreviation after its name: _from_position() decides
_MONTH_ABBR_KEYS = frozenset(_MONTH_ABBRS)
_MONTH_ABBR_SPOT = LazyRegex(rf"(?<![\w.'’-])({'|'.join(_MONTH_ABBRS)})\. \d")
_COMPANY_ABBR_KEYS = frozenset(_COMPANY_ABBRS)
_COMPANY_ABBR_SPOT = LazyRegex(rf"(?<=[A-Za-z]),? ({'|'.join(_COMPANY_ABBRS)})[.,]")
_AGE = LazyRegex(r", \d{1,2}, ")

_GIVEN_BEFORE = LazyRegex(r"\b([A-Z][a-z]+) ([a-z]{3,})\Z")


def _towns(text: str) -> list[tuple[int, str]]:
    """Lowercase words before a state's abbreviation and after a place's preposition (``in brigantine,
    N. J.``, ``at kingwood, W. Va.``, ``of temple, Pa.``): _from_shape() decides. A common word only
    before an abbreviation that is no word itself (not "the one in season, Miss. State officials")."""
    found = []
    for mm in _STATE_AFTER_COMMA.finditer(text):
        town = _TOWN_BEFORE_STATE.search(text, max(0, mm.start() - 30), mm.start())
        if town is None or town.group(1) in _NEVER:
            continue
        word_like = mm.group(0).lstrip(", ").rstrip(".").lower() in _WORD_STATES
        if not word_like or (words().get(town.group(1)) or 0) < 1_000_000:
            found.append((town.start(1), town.group(1)))
    return found


_WORD_STATES = frozenset("del ga ill ind la md mass miss mo ore wash".split())  # abbreviations that are words


def _greek_letters(text: str) -> list[tuple[int, str]]:
    """Lowercase Greek letters beside a capitalised one: a fraternity's name (``Delta kappa Epsilon``)."""
    return [
        (mm.start(1), mm.group(1)) if mm.group(1) else (mm.start(2), mm.group(2)) for mm in _GREEK_NAME.finditer(text)
    ]


def _addressed_names(text: str) -> list[tuple[int, str]]:
    """A rarer lowercase word after a form of address and a given name (``Mrs. Albert quell``):
    _from_position() decides."""
    return [(mm.start(1), mm.group(1)) for mm in _ADDRESSED_NAME.finditer(text) if _rare_surname(mm.group(1))]


def _plural_of_word(key: str) -> bool:
    """``key`` is the plural of an English word (``keys``), not a singular ending in s (``boss``, ``bus``)."""
    return key.endswith("s") and not key.endswith(("ss", "us", "is", "os")) and bool(words().get(key[:-1]))


_LONG_PART = 4_000  # characters of a long article's blocks looked at together (as a short article's)


def _parts(blocks: list):
    """A long article's blocks a few at a time (about _LONG_PART characters): the blocks, their texts
    joined by "\x00" and where each starts in the joined text."""
    first = size = 0
    for k, b in enumerate(blocks, 1):
        size += len(b.text) + 1
        if size >= _LONG_PART or k == len(blocks):
            part = blocks[first:k]
            yield (
                part,
                "\x00".join(b.text for b in part),
                list(accumulate((len(b.text) + 1 for b in part[:-1]), initial=0)),
            )
            first, size = k, 0


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
        "kaplan`, `Mickey mantle and`), a surname that is also a word, after a given name (`Mrs. Ethel coles,`: "
        "capitalised, the word is mostly a surname in spaCy's word clusters), a street's name after a house "
        "number (`4911 miles Dr.`), a name before a company, church or street word (`riviera "
        "Presbyterian Church`), before a state's abbreviation (`of hays, Kan.`), in a list of names, "
        "`miss` before a full name, a month before a day or a year (`until may 2`, `in march, 1917`), a "
        "given name that is mostly a name before a surname (`getting mort Lindsey's`), a word joined by `&` "
        "to a capitalised one (`bell & Howell`), the rest of a place after its head (`Mount pleasant`), "
        "God and the Bible where the name stands (`to god`, `away from the bible`). Names that "
        "are also common words (`china`, `turkey`, `may`, `polish`) need the article's evidence and a "
        "name's position (`in china.`, `trump said`), or a country or place beside them that is no word "
        "(`between Russia and china`). Words in your vocabulary (`vocabulary: accept`) "
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
            from newslint.kinds.matcher import prose_text

            ev = evidence_views(ctx.document, prose_text(ctx.document, ctx))
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

    def _singulars(self, ctx, capitalised_keys) -> frozenset[str]:
        """The singulars of the plurals the article capitalises (``dodger`` of ``Dodgers``), once per
        article (a long one asks block by block)."""
        found = ctx.shared.get("casing.singulars")
        if found is None:
            found = frozenset(k[:-1] for k in capitalised_keys if len(k) > 4 and k[-1] == "s")
            ctx.shared["casing.singulars"] = found
        return found

    def _quoted_name(self, ctx, key: str) -> bool:
        """A quoted word that is the article's name: capitalised mid-sentence elsewhere, lowercase only
        here, and a rarer word or a given name (``of “lucia.”``, ``an “amy”``; not ``the “china” tag``)."""
        capitalised, lowercase = self._evidence(ctx)[:2]
        forms = capitalised.get(key)
        return (
            bool(forms)
            and forms.get(_titlecase(key), 0) >= 1
            and lowercase[key] <= 1
            and key not in _NEVER
            and key not in _NO_EVIDENCE
            and (words().get(key, 0) < COMMON or key in given_like())
        )

    def _phrase_seen(self, ctx, canonical: str) -> bool:
        seen = ctx.shared.setdefault("casing.phrases", {})
        if canonical not in seen:
            seen[canonical] = any(canonical in b.text for b in ctx.document.prose_blocks())
        return seen[canonical]

    def _joined(self, doc, ctx) -> tuple[list, str, list[int], object]:
        """The blocks of the rule's scope with text, joined by "\x00", where each starts in the joined
        text, and the document's ProseText when they are its own (the scope is the prose: shared with
        name-part and title), else None."""
        if self.scope == PROSE_KINDS:
            from newslint.kinds.matcher import prose_text

            prose = prose_text(doc, ctx)
            return prose.blocks, prose.text, prose.starts, prose
        blocks = [b for b in doc.blocks if b.kind in self.scope and b.text]
        starts = []
        pos = 0
        for b in blocks:
            starts.append(pos)
            pos += len(b.text) + 1
        return blocks, "\x00".join(b.text for b in blocks), starts, None

    def run(self, doc, ctx):
        """All blocks at once: one pass over the article's text finds the few words worth a look."""
        blocks, joined, starts, prose = self._joined(doc, ctx)
        if not blocks:
            return
        if len(joined) > _EAGER_ABOVE:  # a long article: some blocks at a time, so each find stays local
            del joined
            for part, text, starts in _parts(blocks):
                spots = self._spots(ctx, text, set(_LETTERS.findall(text)))
                yield from self._block_findings(ctx, part, starts, spots)
            ctx.shared.pop("casing.evidence", None)  # only this rule reads it: free the article's copies
            return
        lower, others, odd, cased = article_runs(ctx, joined, prose)
        forms = self._evidence(ctx)[0]
        if "casing.capitalised" not in ctx.shared and isinstance(forms, _Forms) and _plain_letters(joined):
            # (with a "×" glued to a word, the runs hold "×Kelvin": _capitalised_keys() finds "Kelvin")
            others = frozenset(others)
            ctx.shared["casing.capitalised"] = others - _NEVER
            if forms.ev.capitals is None and self.scope >= PROSE_KINDS:
                forms.ev.capitals = others  # the blocks of the rule's scope: those of the evidence
                forms.ev.odd_capitals = odd
                forms.ev.cased = cased
        yield from self._block_findings(ctx, blocks, starts, self._spots(ctx, joined, lower, True, cased))

    def _block_findings(self, ctx, blocks, starts, spots):
        """The findings of the spots of the blocks joined (``starts``: where each block starts), block by block."""
        if not spots:
            return
        from bisect import bisect_right

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

    def _spots(self, ctx, text: str, toks: set[str], whole: bool = False, cased=None) -> list[tuple[int, str]]:
        """Where in ``text`` a lowercase word may be a proper noun: set operations on its words find
        the candidates (names, unknown words, words the article capitalises); cheap tests on each
        place keep the few worth a look. ``toks`` may leave out the words that are not lowercase
        (the name lists hold lowercase words only)."""
        from newslint.names import _ALWAYS

        if not toks:
            return []
        data = _name_data()
        # one pass of the article's words over the big sets, then the few found over each
        found = _found(toks, data)
        single = data.gazetteer.single
        phrase_words = data.phrase_words
        listed = (single.keys() & found) | (found & data.proper) | (found & _UNKNOWN) | (found & _ALWAYS)
        full = listed | (phrase_words.keys() & found)
        light = (found & data.given) | (found & data.dual) | (found & surname_like())
        maybe = set()
        # a word of a longer name only ("martin" of "Saint Martin") may still be the article's own name
        capitalised_keys = self._capitalised_keys(ctx)
        asked = (toks & capitalised_keys) - listed - _NO_EVIDENCE
        asked |= _SURNAME_TITLES.intersection(toks) & capitalised_keys  # "Alan Pope" ... "the life of pope"
        asked |= _EVIDENCE_BODIES.intersection(toks) & capitalised_keys  # "the Senate" ... "The senate's vote"
        # a singular whose plural the article capitalises ("the dodger team" beside "Those Dodgers won")
        singular = self._singulars(ctx, capitalised_keys) & toks
        singular -= listed | asked | _NO_EVIDENCE
        if singular:
            forms, lowercase = self._evidence(ctx)[:2]
            maybe.update(k for k in singular if _plural_evidence(k, forms, lowercase))
            full |= maybe
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
        heads = not _HEAD_WORDS.isdisjoint(capitalised_keys)  # "Mount", "Fort": a place's head
        searched = _searched_spots(text, toks, capitalised_keys, cased)
        if not full and not light and not heads and not searched and " & " not in text:
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
            if not (always or date) and name is not None and name.kind == "org" and name.ambiguous:
                n = len(key)  # a company's possessive: "according to google's recent parsing"
                searched.extend(
                    (p, key)
                    for p in _occurrences(text, key)
                    if key in _BARE_ORGS or text.startswith(("'s", "’s"), p + n)
                )
            if not (always or date) and name is not None and name.kind in _COUNTRY_KINDS:
                n = len(key)  # an ambiguous country no evidence keeps: its places beside another country
                spots.extend(
                    (p, key)
                    for p in _occurrences(text, key)
                    if _beside_a_country(text, p, p + n)
                    or _after_rule_verb(text, p)  # "has ruled turkey since"
                    or (key in _NO_COMMON_SENSE and _after_place_word(text, p))  # "to georgia."
                    or _at_state(text, p + n)  # "his phoenix, Ariz., rancho"
                )
                if not besides and not entries:
                    continue
            if not always and name is not None and name.kind == "person":  # "the trump administration"
                spots.extend((p, key) for p in _occurrences(text, key) if _ADMINISTRATION.match(text, p + len(key)))
            if not always and name is not None and name.kind in ("demonym", "language", "religion"):
                # "a cable in french from a bank", "like the french, have", "Christians and jews": _cued() decides
                before = ("in ", "the ", "The ", "and ", "or ") if key in _PEOPLES else ("in ", "and ", "or ")
                spots.extend(
                    (p, key)
                    for p in _occurrences(text, key)
                    if text.endswith(before, 0, p) or _NATION_NEXT.match(text, p + len(key))  # "argentine food"
                )
            if always or date or besides:
                _keep_places(text, key, name, always, date, besides, entries, low, spots)
            elif entries:  # only a name of several words keeps a place: look for the names
                if key.isalpha():
                    _phrase_places(text, key, name, entries, low, spots)
                else:
                    _keep_places(text, key, name, always, date, besides, entries, low, spots)
        alone = (light & data.given_like) & name_dominant() if light else light
        for key in light:  # in none of the lists of full: a capitalised word beside it keeps a place
            if key in _PARTIES or key in _QUIET_KEYS:
                _keep_places(text, key, None, True, False, False, (), low, spots)
            elif key not in _NO_EVIDENCE:
                if key in alone:  # a name wherever it stands alone: "and pam burst out"
                    _keep_places(text, key, None, True, False, False, (), low, spots)
                else:
                    _beside_places(text, key, spots)
            elif key in _RISKY_GIVEN and key in given:  # "Coach bill Meek": only a risky given name's cue decides
                _beside_places(text, key, spots)
        for particle in _SURNAME_PARTICLES.intersection(toks):  # "Osama bin laden": no list holds "laden"
            needle = f" {particle} "
            p = text.find(needle)
            while p != -1:
                m = _AFTER_PARTICLE.match(text, p + len(needle))
                if m is not None and m.group(1) not in _NEVER and _PARTICLE_BEFORE.search(text, max(0, p - 40), p):
                    spots.append((m.start(1), m.group(1)))
                p = text.find(needle, p + 1)
        joined = _joined_words(text, heads) + searched  # "bell & Howell", "Mount pleasant High School"
        # the word may be a candidate already, or kept twice (a demonym before "government" that a name
        # of several words keeps too): each place once
        return sorted(set(spots + joined))

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
                if (hit[0][0], name.canonical) in reported:
                    consumed_to = max(consumed_to, tokens[start + len(name.words) - 1].end())
                    break
                reported.add((hit[0][0], name.canonical))
                finding = self._check_phrase(block, ctx, tokens, start, name, hit, accepted)
                if finding is None and name.ambiguous:
                    continue  # "New york Yankees" in no other writing: "New York" may still say it
                consumed_to = max(consumed_to, tokens[start + len(name.words) - 1].end())
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
        key = word
        if key in accepted:
            return None
        name = gaz.single.get(key)
        nickname = _nickname(text, m.start(), m.end())  # "George Herman (babe) Ruth"
        if (
            m.start()
            and text[m.start() - 1] in "\"“‘'("
            and _QUOTED_END.match(text, m.end())
            and (name is None or name.ambiguous)
            and not (
                (text[m.start() - 1] != "(" or not words().get(key))  # "(broxodent)", not "(sabre)"
                and self._quoted_name(ctx, key)
                and not _GLOSS_AFTER.match(text, m.end())
            )
            and not nickname
        ):
            return None  # a word quoted as a word: 'the Manu word "eromonga"', 'the "china" tag'
        if nickname:
            canonical = name.canonical if name is not None else _titlecase(key)
        elif name is not None:
            if (
                name.ambiguous
                and not self._cued(ctx, text, tokens, i, name, key)
                and (name.kind == "time" or _from_position(text, tokens, i, key, self._evidence(ctx)) is None)
            ):
                return None  # a word that is also a name, neither the article nor its position says which
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
            and parts[0][2] in COMPASS
            and name.canonical.lower() not in _ALWAYS_WHOLE
            and any(p[2].lower() in gazetteer().single or p[2].lower() in proper_names() for p in parts[1:])
            and not self._phrase_seen(ctx, name.canonical)
        ):
            return None  # descriptions: "east Africa", "north London"; not "west Bank", nor "south Africa's
            # innings" in an article that writes South Africa
        # a generic word lowercase at the end needs the article's own capitalised name ("European union"
        # after the war); inside, the head word's capital says the name is meant ("the united Nations",
        # "cape Canaveral"); a word English writes only capitalised is no generic word ("Latin america")
        single = gazetteer().single
        partial_generic = (
            len(wrong) < len(parts)
            and wrong[-1] == len(parts) - 1
            and all(
                parts[k][2] in _GENERIC
                and parts[k][2] not in proper_names()
                and (parts[k][2] not in single or single[parts[k][2]].ambiguous)
                for k in wrong
            )
        )
        if (
            partial_generic
            and not name.ambiguous
            and all(parts[k][2][:1].isupper() for k in range(wrong[0]))
            and _no_place_alone(" ".join(p[2] for p in parts[: wrong[0]]))
            and not _described(text, parts[0][0])
            and not (i and tokens[i - 1].group(0).lower() in _CONCEPT_BEFORE)
        ):
            partial_generic = False  # "the Czech republic", "the Soviet union", "Solomon islands": the prefix
            # names no place of its own, so the capitalised words are the name's own; not "spoke of European
            # union", an idea
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
            and parts[k][2].lower() not in COMPASS
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
        forms = capitalised.get(key) or _NO_FORMS
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
        if count is None and not titled and lowercase[key] <= 1:
            people = _people_of(key, capitalised)
            if people is not None:
                return people  # "the katangans" where the article writes Katanga
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
            nxt_m = tokens[i + 1] if i + 1 < len(tokens) else None
            attributive = (
                nxt_m is not None and text[tokens[i].end() : nxt_m.start()] == " " and nxt_m.group(0).islower()
            )
            if attributive and _plural_evidence(key, capitalised, lowercase):
                return _titlecase(key)  # "the '55 dodger team" where the article writes "Those Dodgers won"
            return None  # most words: the article never capitalises them mid-sentence
        titled = _titlecase(key)
        times = forms.get(titled, 0)
        if not times or lowercase[key] > 1:
            return None
        m = tokens[i]
        prev_m = tokens[i - 1] if i > 0 and _near(text, tokens[i - 1].end(), m.start()) else None
        nxt = tokens[i + 1].group(0) if i + 1 < len(tokens) and _near(text, m.end(), tokens[i + 1].start()) else ""
        if prev_m is not None and prev_m.group(0) in _SURNAME_PARTICLES and key not in _NEVER:
            return titled  # "including bin laden," where the article writes bin Laden
        if key in _SURNAME_TITLES and _bare_here(text, tokens, i, prev_m) and self._person_named(ctx, titled):
            return titled  # "to save the life of pope." where the article names Alan Pope
        if prev_m is not None and prev_m.group(0) == titled:
            return titled  # "Sing sing's prisoner strike" where the article writes Sing Sing
        if key in _EVIDENCE_BODIES and times >= 2:
            return titled  # "The senate's overwhelming vote" where the article writes the Senate twice
        if key in _GENERIC or key in _PLAIN_NOUNS or key in _NEVER or key in _TITLE_WORDS:
            return None
        if prev_m is not None and prev_m.group(0) in _POINTS and not _starts_here(text, prev_m):
            return titled  # "the East providence Rescue Squad" where the article writes Providence
        if key in name_dominant() and _dominant_here(text, tokens, i):
            return titled  # "Django owed much to louis": a word English mostly capitalises
        dual = key in dual_names()
        if (
            not dual
            and self._evidence(ctx)[4][key] >= 2
            and words().get(key, 0) < _RARE_EVIDENCE
            and not _derived(key)
            and not _plural_of_word(key)  # "Commissioner of Licenses and Inspections" ... "licenses, permits"
            and not _determiner(prev_m)
        ):
            return titled  # "expected in woomera today" where the article writes Woomera alone twice
        if prev_m is None and i > 0 and text[tokens[i - 1].end() : m.start()] == ". ":
            prev_m = tokens[i - 1] if _after_abbr(text, tokens[i - 1], _TITLE_ABBR) else None
        prev = prev_m.group(0) if prev_m is not None else ""
        rare = words().get(key, 0) < COMMON
        if nxt.lower() in _SAY and (times >= 2 or (rare and (prev_m is None or prev.lower() in _PERSON_BEFORE))):
            return titled  # "pelham said" (once capitalised is enough where a clause starts)
        if prev_m is not None and (
            _after_abbr(text, prev_m, _TITLE_ABBR)
            or (prev[:1].isupper() and prev.lower() in _TITLE_WORDS)
            or prev in _BARE_TITLES
            or (prev == "State" and text.endswith("Secretary of ", 0, prev_m.start()))
        ):
            return titled  # "Judge parsons", "Mayor wagner", "Miss grant", "Secretary of State rusk"
        if (
            prev in ("the", "The")
            and nxt in _TEAM_NOUNS
            and (times >= 3 or (times >= 2 and self._evidence(ctx)[4][key] >= 2))
        ):
            return titled  # "for the rice game" where the article writes Rice three times
        if rare and nxt in _COMPANY_NOUNS:
            return titled  # "through the fiat plant" where the article writes Fiat; not "the power plant"
        if (rare or dual or times >= 2) and prev.lower() in _SAY and _PLACE_END.match(text, m.end()):
            # "“Yes, your honor,” replied bellows." where the article writes Bellows; "says keys," where
            # it writes Keys twice
            return titled
        if (rare or dual) and _COUNTY_AFTER.match(text, m.end()):
            return titled  # "the Criminal court of cook county" where the article writes Cook
        if _beside_given_name(text, tokens, i, prev_m, nxt):
            return titled  # "Tom day of Beaverton", "Dick Stuart, don Hoak" where the article writes Day, Don
        if (
            prev in ("and", "or", "nor")
            and (key in dual_names() or words().get(key, 0) < COMMON or self._person_named(ctx, titled))
            and i > 1  # not "Pictures and commentary"; "Mays and mantle" where the article names Mickey Mantle
            and _near(text, tokens[i - 2].end(), prev_m.start())
        ):
            other = tokens[i - 2]
            if _name_word(other.group(0)) and (
                not _starts_here(text, other) or capitalised.get(other.group(0).lower())  # "Cooperman and teller are"
            ):
                return titled  # "Students Holmes and hunter", "Porter and wert": two of the article's names
        if (
            m.group(0) != key
            and key[-1] != "s"
            and (prev_m is None or prev in _BEFORE_POSSESSOR or (prev.islower() and prev.endswith("ed")))
            and self._person_named(ctx, titled)
        ):  # not "The baseball player's standard quote" beside Gary Player
            return titled  # "because of field's unique position" where the article names Marshall Field
        if (
            (prev.lower() in _PERSON_BEFORE or prev == "Did")
            and times >= 2
            and _SUBJECT_VERB.match(text, m.end())
            and self._person_named(ctx, titled)
        ):
            return titled  # "And walker looks stronger", "But keys worries" where the article names Ancel Keys
        if rare and key[-1] != "s" and _bare_here(text, tokens, i, prev_m) and self._person_named(ctx, titled):
            return titled  # "which barber tossed", "the crypt of pike in" where the article names Albert Pike
        if prev == "of" and i > 1 and _near(text, tokens[i - 2].end(), prev_m.start()):
            head = tokens[i - 2].group(0)
            if head[:1].isupper() and head.lower() in _OF_PLACE_BODY and not _starts_here(text, tokens[i - 2]):
                return titled  # "the Rotary Club of providence at" where the article writes East Providence
        if (
            rare
            and prev in _PLACE_PREP
            and (_PLACE_END.match(text, m.end()) or _PLACE_GOES_ON.match(text, m.end()))
            and not _plural_of_word(key)  # "a variety of licenses," beside the Commissioner of Licenses
            and self._place_named(ctx, titled)
        ):
            return titled  # "Mrs. Charles Glison of pampa," where the article writes the Church of Pampa
        if m.group(0).endswith(("s's", "s’s")) and _plural_of_word(key):
            return titled  # "come keys's main messages" where the article writes Keys: no plural takes 's
        if (
            key[-1] != "s"
            and self._evidence(ctx)[4][key] >= 3
            and _bare_here(text, tokens, i, prev_m)
            and self._person_named(ctx, titled)
        ):
            return titled  # "behind player," where the article names Gary Player and writes Player alone 3 times
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

    def _person_named(self, ctx, titled: str) -> bool:
        """The article writes ``titled`` as a person's surname: after a given name, an initial or a title
        (``Albert Pike``, ``C. Virgil Martin``, ``Rep. Barber``). One pass over the article finds them all
        the first time a word asks (linear: a huge article with many candidates reads its text once)."""
        surnames = ctx.shared.get("casing.person_named")
        if surnames is None:
            surnames = set()
            given = given_names()
            for b in ctx.document.prose_blocks():
                for m in _BEFORE_SURNAME.finditer(b.text):
                    word, dot, surname = m.group(1), m.group(2), m.group(3)
                    if surname in surnames:
                        continue  # found already: no tests
                    low = word.lower()
                    if dot:
                        named = len(word) == 1 or low in _TITLE_ABBR
                    else:
                        named = low in _TITLE_WORDS or (low in given and not _named_otherwise(low))
                    if named and low not in _NEVER:
                        surnames.add(surname)
            ctx.shared["casing.person_named"] = surnames
        return titled in surnames

    def _place_named(self, ctx, titled: str) -> bool:
        """The article writes ``titled`` where a place stands: after ``in``, ``of``, ``near``... and not
        as a longer name's first word (``the Church of Pampa was``). One pass, the first time a word asks."""
        places = ctx.shared.get("casing.place_named")
        if places is None:
            places = set()
            for b in ctx.document.prose_blocks():
                places.update(_AFTER_PLACE_PREP.findall(b.text))
            ctx.shared["casing.place_named"] = places
        return titled in places

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
        if name.kind == "time" and prev == "mid" and text[m.start() - 1] in " -":
            return True  # "in mid march.", "mid-march": the month
        if name.kind == "time" and prev in _MONTH_BEFORE and _YEAR_AFTER.match(text, m.end()):
            return True  # "in march, 1917", "by august 1914"
        if (
            name.kind == "time"
            and prev in ("and", "or")
            and i > 1
            and tokens[i - 2].group(0) in _MONTHS_TITLED
            and not (key == "may" and _LOWER_WORD_NEXT.match(text, m.end()))  # "rose in July and may rise"
        ):
            return True  # "in July and august rose to 2,418 units": another month beside it, evidence or not
        if name.kind == "time" and prev in _AUGUST_BEFORE and _OF_YEAR.match(text, m.end()):
            return True  # "in august of 1960, he sold seven"
        if (
            key == "august"
            and prev in ("in", "since", "until", "during", "through")
            and _PLACE_END.match(text, m.end())
        ):
            return True  # "In august, Apple stopped": the adjective never stands there
        if name.kind == "time" and _DAY_ALONE.match(text, m.end()):
            return True  # "for may 6 at", "Sunday, may 14.": a day, then the phrase ends
        if name.kind == "time" and prev in _AUGUST_BEFORE and _MONTH_ENDS.match(text, m.end()):
            return True  # "I visited the bank in march and wrote": no determiner, so no parade
        if name.kind == "time" and prev in ("during", "since", "until", "till") and text[m.end() : m.end() + 1] != "-":
            return True  # "car sales during march showed": a noun "march" there takes an article
        if name.kind == "time" and prev == "of" and i > 1 and tokens[i - 2].group(0).lower() in _TIME_OF:
            return True  # "probably the first week of march,"
        if name.kind == "time" and prev in ("last", "next") and _PLACE_END.match(text, m.end()):
            return True  # "Johnson's visit last may."; not "the last may be
        if name.kind in ("demonym", "language") and prev == "in" and _LANGUAGE_ENDS.match(text, m.end()):
            return True  # "a cable in french from a bank"; not "in french fries"
        if (
            name.kind in _COUNTRY_KINDS
            and prev == "of"
            and i > 1
            and tokens[i - 2].group(0) in _RULER_TITLES
            and _near(text, tokens[i - 2].end(), tokens[i - 1].start())
        ):
            return True  # "the King of morocco", "the Governor of georgia": a ruler's land
        if name.kind in ("place", "state") and word == key and prev not in ("a", "an") and _at_state(text, m.end()):
            return True  # "en route to his phoenix, Ariz., rancho": a town before its state
        if name.kind in _COUNTRY_KINDS and _beside_a_country(text, m.start(), m.end()):
            return True  # "cases rose in brazil and argentina", "between china and russia"
        if name.kind == "demonym" and prev not in ("a", "an") and _NATION_NEXT.match(text, m.end()):
            return True  # "searched argentine food", "the dutch government": a nation's, evidence or not
        if key in _BARE_ORGS and (
            (prev in _ORG_PREP and _PLACE_END.match(text, m.end()))
            or (prev in _PERSON_BEFORE and _BODY_VERB.match(text, m.end()))
        ):
            return True  # "a rumor, spread on twitter, that", "before tesla had": no common sense stands there
        if name.kind == "person" and _ADMINISTRATION.match(text, m.end()):
            return True  # "the trump administration"
        if (
            name.kind in ("demonym", "religion")
            and prev in ("and", "or")
            and i > 1
            and _near(text, tokens[i - 2].end(), tokens[i - 1].start())
        ):
            other = gazetteer().single.get(tokens[i - 2].group(0).lower())
            if tokens[i - 2].group(0)[:1].isupper() and other is not None and other.kind in ("demonym", "religion"):
                return True  # "Christians and jews", "the English and dutch": beside another people, evidence or not
        if key in _PEOPLES and prev == "the" and _PEOPLE_GOES_ON.match(text, m.end()):
            return True  # "like the french, have outdoor cafes": the people; not "the french fries"
        if key in _NO_COMMON_SENSE and _after_place_word(text, m.start()):
            return True  # "to georgia.", "South georgia": a place's name with no common word's sense
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
            if prev == "of" and i > 1 and (ends or nxt in _AFTER_NAME):
                head = tokens[i - 2].group(0)
                if (head[:1].isupper() and head.lower() in _OF_PLACE_BODY) or head in _OF_PLACE_HEADS:
                    return True  # "the Rotary Club of providence at", "the true government of china is"
            if prev in ("that", "because", "if", "whether", "unless") and nxt != "of":
                return True  # "the fact that georgia law", "The fact that china (which" where it is written
            return prev in _PLACE_BEFORE and (ends or nxt in _AFTER_NAME)
        if kind == "time":  # ambiguous months: march, may, august
            if re.match(r"\s+(?:[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?(?:\s*[,.;]|\s+\d{4}\b|\s*$)", after):
                return True
            if re.match(r"\s+\d{4}\b", after):
                return True
            if prev in ("this", "last", "next") and nxt in _AFTER_NAME:
                return True  # "this march was off 23 per cent" where the article writes March 1960
            if prev in ("and", "or") and i > 1 and tokens[i - 2].group(0) in _MONTHS_TITLED:
                return True  # "ending in February or march" where the article writes March
            if prev in _MONTH_NOUN_BEFORE and nxt in _MONTH_NOUNS:
                return True  # "down 1% from the march level", "With the march pickup" where March is written
            if prev in _AUGUST_BEFORE and (nxt in _CLAUSE_OPENERS or (nxt.endswith("ed") and len(nxt) > 3)):
                return True  # "In august our dealers sold", "shipments in august climbed" where March is written
            return prev in _MONTH_BEFORE and (ends or nxt in _AFTER_NAME)  # "in march for the first time"
        if kind in ("demonym", "language"):
            if prev in ("in", "speak", "speaks", "spoke", "speaking") and ends:
                return True
            return nxt in _NATION_NOUNS and prev not in ("a", "an")
        if kind == "person":
            return prev in _TITLES or prev in _TITLE_WORDS or nxt in _SAY or (possessive and prev not in _DETERMINERS)
        if kind == "org" and lowercase[key] <= 1:
            if prev in _ORG_PREP and ends:
                return True  # "Steve Jobs had two at apple.", "on twitter, Facebook" where Apple is written
            if prev in _PERSON_BEFORE and _BODY_VERB.match(text, m.end()):
                return True  # "evidence that apple is gearing up" where the article writes Apple
            if prev == "the" and i > 1 and tokens[i - 2].group(0) in _ORG_PREP and (ends or nxt == "to"):
                return True  # "belt-tightening at the pentagon to wring out" where the Pentagon is written
        return prev == "the" and (nxt in _SAY or bool(_BODY_VERB.match(text, m.end())))  # "the pentagon now believes"


def _nickname(text: str, start: int, end: int) -> bool:
    """The bracketed word at ``start`` is a nickname between a given name and a surname: "George Herman
    (babe) Ruth", "Joe (caesar) DiVarco"."""
    return (
        text[start - 1 : start] == "("
        and text[end : end + 2] == ") "
        and bool(_NICK_AFTER.match(text, end + 2))
        and bool(_NICK_BEFORE.search(text, max(0, start - 30), start - 1))
    )


# (both start with a literal, which the engine finds fast; "he " is the end of "the" and "The")
_FAMILY_SPOT = LazyRegex(rf"he ([a-z]{{4,}}s)(?={_FAMILY_NEXT})")
# a word before an abbreviated street word or a park's ("Island Ave., dicks Ave.", "in sequoia National
# Park"), and after a title only a person bears ("Congresswoman church,"): _from_position() decides
_STREET_SPOT = LazyRegex(rf"(?<![\w'’.-])([a-z]{{3,}}) (?:{_ABBR_STREETS}|{_PARKS})")


# the capitalised words of _STREET_SPOT's and _STREETS's endings (read from the patterns, so that a word
# added there is here too): each ending holds one of them as a whole run of letters where a pattern matches
_STREET_WORDS = frozenset(re.findall(r"[A-Z][a-z]+", _ABBR_STREETS + _PARKS))
_STREETS_WORDS = frozenset(re.findall(r"[A-Z][a-z]+", _STREETS_AFTER))


def _national_park(text: str) -> bool:
    """The text names a national park, forest, monument or seashore (``National Guard`` alone: no
    _STREET_SPOT to find)."""
    return " National " in text and (
        " National Park" in text
        or " National Forest" in text
        or " National Monument" in text
        or " National Seashore" in text
    )


_PERSON_TITLE_KEYS = frozenset(w.lower() for w in _PERSON_TITLE_WORDS + _PERSON_TITLE_ABBRS)
_PERSON_TITLES = _PERSON_TITLE_WORDS + tuple(w + "." for w in _PERSON_TITLE_ABBRS)  # where a _TITLED_SPOT starts
_TITLED_SPOT = LazyRegex(
    rf"(?:{'|'.join(_PERSON_TITLE_WORDS)}|(?:{'|'.join(_PERSON_TITLE_ABBRS)})\.) ([a-z]{{3,}})(?=['’,;:)])"
)
_PLURAL_TITLE_KEYS = frozenset(w.lower() for w in _PLURAL_TITLES)
_NICK_SPOT = LazyRegex(r"\(([a-z]{3,})\) [A-Z][a-z]")
_NICK_BEFORE = LazyRegex(r"(?<![\w'’.-])[A-Z][a-z]+ $")
_NICK_AFTER = LazyRegex(r"[A-Z][a-z]")  # "Ruth", "DiVarco"

# a quoted word glossed: a word, not a name ('“eromonga” means manhood')
_GLOSS_AFTER = LazyRegex(r"[,.]?[\"”’')]\s+(?:means|meant|stands for)\b")

# the four points, capitalised: a place's first word (not COMPASS's "Southern writing", "Upper classes")
_POINTS = frozenset(("North", "South", "East", "West"))

_RARE_EVIDENCE = 300_000  # uses on the web: a rarer word the article capitalises twice is its name

_LOWER_WORD_NEXT = LazyRegex(r"\s+[a-z]")
_MONTHS_TITLED = frozenset(
    "January February March April May June July August September October November December".split()
)

_AUGUST_BEFORE = frozenset(("in", "since", "until", "during", "through"))

# a month's figures, after "the", "in"...: "from the march level", "in march sales" (not "may": "may gain")
_MONTH_NOUNS = frozenset(
    """sales level levels gain gains pickup figure figures total totals rate rates index report issue
    edition meeting deadline quarter payroll output data decline increase drop rise""".split()
)
_MONTH_NOUN_BEFORE = frozenset("the in from with since than".split())

# words that open a clause after a phrase of time ("In august our dealers sold")
_CLAUSE_OPENERS = frozenset("our their his her its we they he she it i the this these those while".split())
_OF_YEAR = LazyRegex(r" of (?:1[5-9]|20)\d\d\b")

# words of time before "of" and a month ("the first week of march", "the end of may")
_TIME_OF = frozenset("week weeks month end middle beginning start ides half days part".split())

# where a month or a language after "in" ends its phrase: punctuation, or a word that starts another
_MONTH_ENDS = LazyRegex(
    r"(?:[,;:)]|\.(?:\s|$)|$|\s+(?:and|or|but|when|after|before|to|for|with|the|he|she|it|they|we)\b)"
)
# not "with": "got in dutch with the foreman"
_LANGUAGE_ENDS = LazyRegex(r"(?:[,;:)]|\.(?:\s|$)|$|\s+(?:and|or|but|from|to|by|as|for|was|is)\b)")

# ambiguous companies whose common sense never stands after a preposition at a phrase's end or as a
# subject ("on twitter,", "before tesla had"; not apple: "pork with apple, sage")
_SUBJECT_VERB = LazyRegex(r" (?:[a-z]{3,}(?:s|ed)|can|cannot|could|would|will|did|does|decide|had|has|is|was)\b")
_NATION_NEXT = LazyRegex(rf" (?:{'|'.join(sorted(_NATION_NOUNS | {'food', 'cuisine', 'people', 'flag'}))})\b")
_BARE_ORGS = frozenset(("twitter", "tesla"))
_ADMINISTRATION = LazyRegex(r"\s+administration\b")

# ambiguous demonyms that name a people after "the" where a verb or the phrase's end follows (not "polish",
# "danish": "the polish was dull", "the danish was stale")
_PEOPLES = frozenset(("french", "dutch", "welsh"))
_PEOPLE_GOES_ON = LazyRegex(
    r"(?:[,;:)]|\.(?:\s|$)|$|\s+(?:and|or|but|are|were|have|had|did|do|say|said|who|will|would|could|can|must|also|still|never)\b)"
)

_NO_FORMS: Counter = Counter()  # (read only) a word the article never capitalises mid-sentence

# capitalised titles of a ruler of a land ("the King of morocco")
_RULER_TITLES = frozenset(
    "King Queen Prince Princess Sultan Emperor Empress Shah Emir Governor President Premier Duke Duchess".split()
)

# words before a person's possessive ("because of field's", "would be brown's"), not a modifier's
_BEFORE_POSSESSOR = frozenset("of and but or to for with at on in by from as be is was were been that than".split())

# a place's phrase going on after it ("at providence on October 8"): a preposition and a capital or digit
_PLACE_GOES_ON = LazyRegex(r"\s+(?:on|in|from|for|during|since) (?=[A-Z0-9])")

# prepositions before an organisation's name at a phrase's end ("at apple.", "on twitter,")
_ORG_PREP = frozenset("at on with by from than for against to".split())

# what a body does after "the" (with the article's capitalised name: "the pentagon now believes")
_BODY_VERB = re.compile(
    r"\s+(?:(?:now|also|still|already|reportedly)\s+)?"
    r"(?:believes|believed|confirmed|denied|plans|planned|wants|wanted|has|had|is|was|will|would)\b"
)
