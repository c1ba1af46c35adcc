"""Cues of position: a lowercase word where a name stands (after a title, a given name...)."""

from __future__ import annotations

import re

from newslint.rules.casing.forms import (
    _after_abbr,
    _base,
    _common_form,
    _derived,
    _determiner,
    _initial,
    _initial_token,
    _LazyBool,
    _name_word,
    _near,
    _particle_name,
    _starts_here,
    _titlecase,
    _typo_like,
)
from newslint.rules.casing.lists import (
    _ABBR_STREETS,
    _ADDRESS_WORDS,
    _ADJECTIVE_GIVEN,
    _AMPERSAND_END,
    _AMPERSAND_NEXT,
    _AMPERSAND_PREV,
    _BARE_AFTER,
    _BARE_TITLES,
    _BEFORE_BARE,
    _BIBLE_BEFORE,
    _BODY,
    _CONGRESS_BEFORE,
    _COUNTRY_AFTER,
    _COUNTRY_BEFORE,
    _COUNTRY_KINDS,
    _COUNTY_AFTER,
    _DETERMINERS,
    _FAMILY,
    _FAMILY_NEXT,
    _FED,
    _GENERIC,
    _GIVEN_NOT_AFTER,
    _GOD_BEFORE,
    _GREEK,
    _GREEK_NAME,
    _HEAD_NOT_NAME,
    _HOUSE_NUMBER,
    _KIND_WORDS,
    _MISS_VERB_BEFORE,
    _MODAL_GIVEN,
    _NAME_END,
    _NAME_INTRO,
    _NEVER,
    _NOT_NAMES,
    _NOT_PARTY_BEFORE,
    _OBJECTS,
    _OF_GENERIC,
    _ORDINAL_BEFORE,
    _ORG_SUFFIX,
    _OTHER_PARTY,
    _PARKS,
    _PARTICLES,
    _PARTIES,
    _PARTY_BEFORE,
    _PARTY_BODIES,
    _PARTY_FAMILY,
    _PERSON_TITLE_ABBRS,
    _PERSON_TITLE_WORDS,
    _PHRASE_GOES_ON,
    _PLACE_BEFORE,
    _PLACE_END,
    _PLACE_ENDINGS,
    _PLACE_HEAD_BEFORE,
    _PLACE_NOUN_AFTER,
    _PLACE_PREP,
    _PLAIN_NOUNS,
    _QUANTITY,
    _QUOTED_SPAN,
    _QUOTED_TITLE_AFTER,
    _REPUBLIC_SENSE,
    _RISKY_GIVEN,
    _RISKY_NOT_AFTER,
    _ROLES,
    _RULE_VERBS,
    _SAY,
    _SMALL_WORDS,
    _STATE_ABBR,
    _STATE_AFTER,
    _STATE_DOTTED_AFTER,
    _STREETS_NEXT,
    _SUBJECT_BEFORE,
    _SUBJECT_VERBS,
    _SURNAME_END,
    _SURNAME_PARTICLES,
    _TITLE_ABBR,
    _TITLE_PART,
    _TITLE_WORDS,
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
from newslint.text import LazyRegex

_DIGIT = re.compile(r"\d")
# a verb in the past or the third person after a surname ("Pitcher Steve barber joined", "Richard salter seeks")
# words after which a given name that is also a word stands before its surname ("direction of don
# Chaffey", "a homer off bill Henry"; not "to": "to sue Brown")
_RISKY_GIVEN_AFTER = frozenset("and by with of off from for against".split())
_PLACE_BEFORE_STATE = LazyRegex(r"\b(?:in|at|of|from|near|to) [A-Z][a-z]+(?: [A-Z][a-z]+)?\Z")
_MONTH_ABBRS = {w: w.capitalize() for w in "jan feb mar apr aug sep sept oct nov dec".split()}
_MONTH_ABBR_DAY = LazyRegex(r"\. (?:[1-9]|[12]\d|3[01])\b(?![.:]\d)")  # "sept. 4", not "dec. 4.5"
_COMPANY_ABBRS = {"inc": "Inc", "corp": "Corp", "ltd": "Ltd", "llc": "LLC", "plc": "PLC"}
_LIST_NAME_NEXT = LazyRegex(r", [A-Z][a-z]+ (?:[A-Z]\. )?[A-Z][a-z]+")  # the list's next full name
_AGE_AFTER = LazyRegex(r", \d{1,2}, ")
_VERB_AFTER = LazyRegex(r" [a-z]{3,}(?:ed|es|ts|ks)\b")
# a title before a name, after a party's adjective ("republican Sen. Scott Beason")
_TITLE_ABBR_NEXT = LazyRegex(
    r" (?:Sen|Rep|Gov|Lt\. Gov|Assemblyman|Assemblywoman|Senator|Congressman|Congresswoman)\.? [A-Z]"
)
# verbs before "God's" ("secure god's forgiveness")
_GOD_VERBS = frozenset("secure receive accept seek know do obey praise fear serve trust follow".split())

# capitalised words a party's word or "congress" is coordinated with
_PARTY_KIN = frozenset(
    "Democratic Democrat Democrats Republican Republicans Socialist Socialists Liberal Liberals".split()
)
_CONGRESS_KIN = frozenset("Legislature Senate House Assembly Parliament Cabinet Court Administration".split())
_TITLE_BEFORE_ELECT = LazyRegex(r"\b([A-Z][a-z]+)-$")


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
        and (words().get(key) or 0) < COMMON  # "I saw Jouvet", "a frank Irish face"
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


def _coordinated_party(text: str, tokens, i: int, key: str, prev1, prev2, nxt1) -> bool:
    """A party's word or ``congress`` joined by ``and``/``or`` to a capitalised party's word or body
    (``Democratic and republican``, ``the Legislature and congress``)."""
    kin = _CONGRESS_KIN if key == "congress" else _PARTY_KIN
    if prev1 is not None and prev1.group(0) in ("and", "or") and prev2 is not None:
        return prev2.group(0) in kin and (not _starts_here(text, prev2) or text.endswith("— ", 0, prev2.start()))
    if nxt1 is not None and nxt1.group(0) in ("and", "or") and i + 2 < len(tokens):
        other = tokens[i + 2]
        return other.group(0) in kin and text[nxt1.end() : other.start()] == " "
    return False


def _rare_surname(key: str) -> bool:
    """A lowercase word after a form of address and a given name that may be the surname: rarer than
    20 million uses and in no verb's or adverb's form (``Mrs. Albert quell``; not ``Dr. Glenn saw``,
    ``Mr. Clark believes``)."""
    return (
        (words().get(key) or 0) < 20_000_000
        and not key.endswith(("s", "ed", "ly", "ing", "self"))
        and key not in _NEVER
        and key not in _SAY
        and key not in _PREDICATIVE
    )


# words that stand after a name as a predicate's complement ("to have Mr. and Mrs. Borden alive")
_PREDICATIVE = frozenset(
    """alive alone asleep awake aboard abroad ashore afloat away home there here together inside outside
    upstairs downstairs instead anyway again""".split()
)


def _titled_quote_word(text: str, start: int, end: int) -> int:
    """Where the one lowercase word of a title-case quotation text[start:end] starts, or -1: three words
    or more, two capitalised at least, no small word first, every other lowercase word a small one
    (``“Original dixieland One-Step,”``, ``“Beatrice Di tenda”``); the word must be _title_word()
    (not ``“Eisenhower Republicanism carcass”``)."""
    low = None
    caps = n = 0
    for part in _TITLE_PART.finditer(text, start, end):  # speech leaves at its second lowercase word
        word = part.group(0)
        n += 1
        if word[0].isupper():
            caps += 1
        elif word not in _SMALL_WORDS:
            if low is not None:
                return -1
            low = part
        elif n == 1:
            return -1
    if low is None or n < 3 or caps < 2:
        return -1
    return low.start() if _title_word(_base(low.group(0))[0].lower().rstrip("'’")) else -1


def _title_word(word: str) -> bool:
    """A word that may be a name in a title: no dictionary knows it, a name in hunspell or a given name,
    or a rarer word that is also a name."""
    count = words().get(word)
    return (
        not count
        or word in proper_names()
        or word in given_like()
        or (word in dual_names() and count < 1_000_000 and not word.endswith(("ing", "ed")))
    )


def _titled_quote_words(text: str) -> list[tuple[int, str]]:
    """The lowercase word of each title-case quotation (_titled_quote_word) with its place."""
    found = []
    for mm in _QUOTED_SPAN.finditer(text):
        if text.count(" ", mm.start(1), mm.end(1)) > 8:
            continue  # a title has few words; speech goes on
        p = _titled_quote_word(text, mm.start(1), mm.end(1))
        if p >= 0:
            found.append((p, _base(_TITLE_PART.match(text, p).group(0))[0].lower().rstrip("'’")))
    return found


def _in_titled_quote(text: str, start: int) -> bool:
    """The word at ``start`` is the one lowercase word of a title-case quotation."""
    q0 = text.rfind("“", max(0, start - 60), start)
    if q0 == -1 or "”" in text[q0:start]:
        return False
    q1 = text.find("”", start, start + 60)
    return q1 != -1 and text.count(" ", q0, q1) <= 8 and _titled_quote_word(text, q0 + 1, q1) == start


def _org_possessive(key: str, tokens, i: int, text: str) -> bool:
    """tokens[i] is the possessive of a company the gazetteer holds as also a word (``google's``,
    ``twitter's``), after no determiner (not ``the apple's core``)."""
    name = gazetteer().single.get(key)
    if name is None or name.kind != "org" or not name.ambiguous:
        return False
    return i == 0 or not _determiner(tokens[i - 1]) or not _near(text, tokens[i - 1].end(), tokens[i].start())


def _city_of(key: str) -> str | None:
    """The city whose people ``key`` names (``denverite``, ``brooklynites``): its canonical form, or None."""
    stem = key[: -4 if key.endswith("ites") else -3]
    for form in (stem, stem + "e"):  # "seattleite"; "melbournite" (Melbourne)
        name = gazetteer().single.get(form)
        if name is not None and name.kind == "place" and not name.ambiguous:
            return name.canonical
    return None


def _quiet_cue(text: str, tokens, i: int, key: str, before: str) -> bool:
    """A cue with no capitalised neighbour: a party or Congress, a family word, a place preposition,
    ``District of``, an age after a given name, the last item of a list of names."""
    end = tokens[i].end()
    return (
        key in _PARTIES
        or key == "congress"
        or before.lower() in _FAMILY
        or before in _PLACE_PREP
        or (before == "of" and i > 1 and tokens[i - 2].group(0)[:1].isupper())
        or (text[end : end + 2] == ", " and text[end + 2 : end + 3].isdigit())
        or (before in _SURNAME_PARTICLES and i > 1 and tokens[i - 2].group(0)[:1].isupper())
        or key in ("god", "bible")
        or before == "elect"
        or (key in given_like() and key in name_dominant())
        or bool(_PLACE_NOUN_AFTER.match(text, end))
        or before in _RULE_VERBS
        or (before == "of" and i > 1 and tokens[i - 2].group(0) in COMPASS)
        or (before in ("and", "or") and _listed_with_names(text, tokens[i].start(), end))
        or (before in ("and", "or") and i > 2 and tokens[i - 3].group(0) in _PLURAL_TITLES)
        or (
            before in ("the", "The")
            and key[-1] == "s"
            and not words().get(key)
            and key in _family_plurals()
            and _FAMILY_AFTER.match(text, end)
        )
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
      them mid-sentence and writes them lowercase nowhere else; a party's adjective before one of its
      bodies (``the republican State Central Committee``); ``congress`` after an ordinal or a verb that
      takes it (``the 118th congress``, ``briefed congress``);
    - a surname that is also a word, after a given name (``Mrs. Ethel coles,``), and a street's name
      after a house number (``4911 miles Dr.``);
    - a given name that is mostly a name before a surname or alone as a subject (``getting mort
      Lindsey's``, ``and pam burst out``); a word joined by ``&`` to a capitalised one (``bell &
      Howell``); the rest of a place after its head (``Mount pleasant``); God and the Bible where the
      name stands; a word no dictionary knows before a place's noun or after a compass point and ``of``
      (``to the rumford area``, ``west of shawano``); a country after a verb that rules it (``has ruled
      turkey since``); an author's possessive before a quoted title (``browning's “My Last Duchess”``).
    """
    if key == "fed" and any(
        mm.start(1) == tokens[i].start()
        for mm in _FED.finditer(text, max(0, tokens[i].start() - 4), tokens[i].end() + 4)
    ):
        return "Fed"  # "The fed chose to maintain the rate", "Wednesday's fed statement"
    if tokens[i].group(0) != key and _org_possessive(key, tokens, i, text):
        return gazetteer().single[key].canonical  # "according to google's recent parsing": no verb has 's
    if (
        key in _STATE_ABBR
        and i > 0
        and text[tokens[i - 1].end() : tokens[i].start()] == ", "
        and text[tokens[i].end() : tokens[i].end() + 1] == "."
        and _PLACE_BEFORE_STATE.search(text, max(0, tokens[i].start() - 40), tokens[i].start() - 2)
    ):
        return _titlecase(key)  # "during a speech in Lincoln, neb.": a state's abbreviation after its town
    if key in _MONTH_ABBRS and _MONTH_ABBR_DAY.match(text, tokens[i].end()):
        return _MONTH_ABBRS[key]  # "Google incorporated on sept. 4, 1998": a date
    if (
        key in _COMPANY_ABBRS
        and i > 0
        and text[tokens[i - 1].end() : tokens[i].start()] in (" ", ", ")
        and (tokens[i - 1].group(0)[:1].isupper() or text.endswith(".com", 0, tokens[i - 1].end()))
        and text[tokens[i].end() : tokens[i].end() + 1] in (".", ",")
    ):
        return _COMPANY_ABBRS[key]  # "Genentech inc. Chairman", "Amazon.com inc., the retailer"
    if _title_word(key) and _in_titled_quote(text, tokens[i].start()):
        return _titlecase(key)  # "“Original dixieland One-Step,”", "(“koshare in the Dust,”"
    # every cue needs a capitalised neighbour, but for a few words: most lowercase words leave here
    if (i == 0 or not text[tokens[i - 1].start()].isupper()) and (
        i + 1 == len(tokens) or not text[tokens[i + 1].start()].isupper()
    ):
        before = tokens[i - 1].group(0) if i > 0 else ""
        if not _quiet_cue(text, tokens, i, key, before):
            return None
    m = tokens[i]
    if key in _GREEK and any(
        mm.start() <= m.start() < mm.end() for mm in _GREEK_NAME.finditer(text, max(0, m.start() - 8), m.end() + 9)
    ):
        return _titlecase(key)  # "Delta kappa Epsilon": a fraternity's name
    if len(key) < 3 or key in _NEVER or key in _PARTICLES or "'" in key or "’" in key:
        return None
    # a word joined by "&" to a capitalised one: a firm's name ("bell & Howell", "Standard & poor's")
    if _AMPERSAND_NEXT.match(text, m.end()) or (
        _AMPERSAND_PREV.search(text, max(0, m.start() - 40), m.start())
        and (m.group(0) != key or _AMPERSAND_END.match(text, m.end()))
    ):
        return _titlecase(key)
    if (
        key not in _HEAD_NOT_NAME
        and key not in _SUBJECT_VERBS
        and not key.endswith("ed")  # "Le Fort claimed": a surname before its verb
        and text[m.end() : m.end() + 1] not in ("-", "'", "’")
        and _PLACE_HEAD_BEFORE.search(text, max(0, m.start() - 8), m.start())
    ):
        return _titlecase(key)  # "Mount pleasant High School", "Fort worth"
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
        if word == "elect" and text[t.start() - 1 : t.start()] == "-":  # "Mayor-elect cavanagh"
            head = _TITLE_BEFORE_ELECT.search(text, max(0, t.start() - 24), t.start())
            return head is not None and head.group(1).lower() in _TITLE_WORDS
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
        if _named_otherwise(lower):
            return False  # "Georgia", "Christian": a place or faith as often as a given name
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
    # a possessive after a given name: "Stan getz's private brand", "Catcher Frank house's throw"; not
    # "the Kennedy administration's" (a determiner: a surname as an adjective)
    if (
        m.group(0) != key
        and prev1 is not None
        and prev_gap == " "
        and (
            _given(prev1, text, _name_data().place_words)
            or (  # "Al smith's 340-blast": at a sentence's start, a name mostly a given name
                _name_word(prev1.group(0))
                and prev1.group(0).lower() in given_like()
                and prev1.group(0).lower() not in _RISKY_GIVEN
                and not _named_otherwise(prev1.group(0).lower())
            )
        )
        and not (i > 1 and tokens[i - 2].group(0).lower() in _DETERMINERS)
        and key not in _GENERIC
    ):
        return _titlecase(key)
    # a couple by the husband's names after "the": "the Ray carbones, formerly of Panama"
    if (
        key[-1] == "s"
        and len(key) > 3
        and prev1 is not None
        and prev_gap == " "
        and i > 1
        and tokens[i - 2].group(0) in ("the", "The")
        and near(i - 2, i - 1)
        and _given_name(prev1)
        and _PLACE_END.match(text, m.end())
    ):
        return _titlecase(key)
    # a surname in a list of full names: "John P. Figone Jr., Stephen mana, John Moscone"
    if (
        prev1 is not None
        and prev_gap == " "
        and i > 1
        and text[tokens[i - 2].end() : prev1.start()] in (", ", "., ")
        and _given(prev1, text, _name_data().place_words)
        and _LIST_NAME_NEXT.match(text, m.end())
        and _rare_surname(key)
    ):
        return _titlecase(key)
    # a surname before an age, after a given name, even one that is also a word: "Carol strong, 13, of"
    if (
        prev1 is not None
        and prev_gap == " "
        and _given_name(prev1)
        and _AGE_AFTER.match(text, m.end())
        and key not in _GENERIC
    ):
        return _titlecase(key)
    # the name of the God of monotheism and of its book: "gave his heart to god", "Assemblies of god
    # churches", "away from the bible"; not "a wooden god", "a different kind of god", "the bible of golf"
    of_after = re.match(r"\s+of\b", after)
    if (
        key == "god"
        and m.group(0) == key
        and (prev1 is None or prev1.group(0).lower() in _GOD_BEFORE)
        and not (prev2 is not None and prev2.group(0).lower() in _KIND_WORDS)
        and not of_after
    ):
        return "God"
    if (
        key == "god"
        and m.group(0) != key
        and prev1 is not None
        and (prev1.group(0) in _GOD_BEFORE or prev1.group(0) in _GOD_VERBS)
    ):
        return "God"  # "covered by god's love", "secure god's forgiveness"; not "the sun god's temple"
    if key == "bible" and m.group(0) == key and prev1 is not None and prev1.group(0).lower() in _BIBLE_BEFORE:
        return None if of_after else "Bible"
    # parties and Congress
    if key in ("republican", "democrat", "democratic") and _TITLE_ABBR_NEXT.match(text, m.end()):
        return _titlecase(key)  # "One of the bill's authors, republican Sen. Scott Beason, said"
    if key in _PARTIES and prev1 is not None and prev1.group(0)[:1].isupper():
        other = gaz.single.get(prev1.group(0).lower())
        if prev1.group(0).lower() in _PARTY_BEFORE or (
            other is not None and (other.kind == "state" or other.canonical == "Georgia")
        ):
            return _titlecase(key)
    if (
        key in ("republican", "democratic", "democrat")
        and i + 1 < len(tokens)
        and text[m.end() : m.end() + 1] == " "
        and tokens[i + 1].group(0) in _PARTY_BODIES
        and (tokens[i + 1].group(0) != "State" or re.match(r" [A-Z][a-z]", text[tokens[i + 1].end() :]))
    ):
        return _titlecase(key)  # "the republican State Central Committee", "the democratic National Convention"
    if (
        key == "congress"
        and prev1 is not None
        and prev1.group(0) in _CONGRESS_BEFORE
        and re.match(
            r"(?:[,.;:)]|\s+(?:to|in|on|and|or|for|that|which|was|is|has|had|would|will|last|this|just|earlier"
            r"|before|after|until|because|but|when)\b|$)",
            after,
        )
    ):
        return "Congress"  # "passed by congress", "his visit to congress": no article, so the body's name
    if (
        key == "congress"
        and prev1 is not None
        and prev1.group(0) in _CONGRESS_SUBJECT_AFTER
        and _CONGRESS_VERB.match(after)
        and not (prev1.group(0) == "that" and i > 1 and tokens[i - 2].group(0).lower() in _PLACE_PREP)
    ):  # not "delegates to that congress were": a demonstrative
        return "Congress"  # "that congress has most frequently granted", "when congress is asked"
    if (
        key == "congress"
        and _ORDINAL_BEFORE.search(text, max(0, m.start() - 24), m.start())
        and not re.match(r"\s+of\b", after)
    ):
        return "Congress"  # "the Eighty-seventh congress should", "the 87th congress"; not "the 20th congress of"
    if (
        key == "congress"
        and prev1 is not None
        and prev1.group(0) == "the"
        and re.match(r"\s+of\s+[A-Z][a-z]", after)
        and not _ORDINAL_BEFORE.search(text, max(0, m.start() - 24), m.start())
    ):
        return "Congress"  # "the congress of Industrial Organizations", "the congress of Vienna"
    if key in _PARTIES or key == "congress":
        if _coordinated_party(text, tokens, i, key, prev1, prev2, nxt1):
            return _titlecase(key)  # "Democratic and republican", "the Legislature and congress"
        if (
            key in ("democrat", "republican")
            and prev_gap == ", "
            and tokens[i - 1].group(0)[:1].isupper()
            and re.match(r"\s+of\s+[A-Z][a-z]", after)
        ):
            return _titlecase(key)  # "Senator Stuart Symington, democrat of Missouri"
        capitalised, lowercase = evidence[:2]
        family = _PARTY_FAMILY.get(key, (key,))  # "Democratic" mid-sentence: the party is written here
        if key in _OTHER_PARTY and not any(lowercase[w] for w in _REPUBLIC_SENSE):
            family += _OTHER_PARTY[key]
        if (
            any(_titlecase(k) in (capitalised.get(k) or {}) for k in family)
            and lowercase[key] <= 1
            and (prev1 is None or prev1.group(0).lower() not in _NOT_PARTY_BEFORE)
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
            or (prev1 is not None and prev1.group(0) in _RISKY_GIVEN_AFTER)
            or (prev1 is not None and (prev1.group(0).lower() in _TITLE_WORDS or prev1.group(0) == "executive"))
        )
        and _name_word(nxt1.group(0))
        and not _initial(text, nxt1)
        and surname_after(nxt1)
        and (nxt1.group(0).lower() not in gaz.words or _person_surname(gaz, nxt1.group(0).lower()))
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
    # a rarer given name (or one hunspell knows as a name) before a surname, after "by", "of", "with",
    # "late" or a comma: "designs by ceil Chapman", "the late dag Hammarskjold"; not "to see Charles"
    if (
        nxt1 is not None
        and key in given_names()
        and key not in _RISKY_GIVEN
        and key not in _TITLE_WORDS
        and (dual or (count or 0) < 5_000_000)
        and (prev_gap == ", " or (prev1 is not None and prev1.group(0) in ("by", "of", "with", "late")))
        and len(nxt1.group(0)) >= 3
        and not _starts_here(text, nxt1)
        and _surname_next(text, nxt1, surname_after)
    ):
        return _titlecase(key)
    # a family by its plural surname after "the": "the castros but", "the dooleys, and"; the singular a
    # name English writes only capitalised (not "the smiths", nor "the ponies" of no singular word)
    if (
        len(key) >= 5
        and key[-1] == "s"
        and prev1 is not None
        and (
            prev1.group(0) in ("the", "The")
            or (_given_cap(text, prev1) and prev2 is not None and prev2.group(0) == "the")
        )
        and not count  # the plural is no word of its own ("the jakes": a privy)
        and key in _family_plurals()
        and _FAMILY_AFTER.match(text, m.end())
    ):
        return _titlecase(key)
    # a surname before a role in apposition: "by Ted place, director of Greater Miami Youth"
    if (
        key not in _NEVER
        and given_before(prev1)
        and not _starts_here(text, prev1)
        and (prev2 is None or prev2.group(0)[:1].isupper() or prev2.group(0) in _NAME_BEFORE_WORDS)
        and _ROLE_AFTER.match(text, m.end())
    ):
        return _titlecase(key)
    # the second of two surnames after a plural title: "by Senators Proxmire and butler allege"
    if (
        prev1 is not None
        and prev1.group(0) in ("and", "or")
        and i > 2
        and tokens[i - 3].group(0) in _PLURAL_TITLES
        and _name_word(tokens[i - 2].group(0))
        and (dual or pure or key in surname_like())
    ):
        return _titlecase(key)
    # a couple named by the husband's names after "the": "the ray Carbones", "the grant B. Coopers"
    if (
        prev1 is not None
        and prev1.group(0) == "the"
        and key in given_names()
        and key not in _ADJECTIVE_NAMES
        and nxt1 is not None
        and _COUPLE_AFTER.match(text, m.end())
        and nxt1.group(0).lower() not in gaz.single
    ):  # not "the free Germans"
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
        and (
            nxt1.group(0).lower() not in gaz.words
            or (
                prev_gap == ", " and nxt2 is not None and _name_word(nxt2.group(0))
            )  # "debutante, miss Virginia Richmond"
        )
        and (
            prev_gap == ", "
            or (prev1 is not None and prev1.group(0).lower() in ("former", "the", "and", "by", "of", "for"))
            or (
                nxt2 is not None
                and _name_word(nxt2.group(0))
                and (prev1 is None or prev1.group(0).lower() not in _MISS_VERB_BEFORE)
            )
        )
    ):
        return _titlecase(key)  # "were miss Sandra Branum", not "I miss John Lennon"
    # a given name between a full name and "and" and a surname: "With Mickey Mantle and yogi Berra"
    if (
        key in given_names()
        and key not in _MODAL_GIVEN
        and prev1 is not None
        and prev1.group(0) in ("and", "or")
        and prev2 is not None
        and i > 2
        and _name_word(prev2.group(0))
        and _name_word(tokens[i - 3].group(0))
        and near(i - 3, i - 2)
        and not _starts_here(text, tokens[i - 3])
        and nxt1 is not None
        and _surname_next(text, nxt1, surname_after)
    ):
        return _titlecase(key)
    # a given name mostly a name when capitalised, before a surname: "getting mort Lindsey's", "was sue
    # Brown", "and don Cook,"; not "to sue Brown", "at dawn Argiento", "0.2 gram Dynafac"
    if (
        nxt1 is not None
        and key in given_like()
        and key not in _MODAL_GIVEN
        and _surname_next(text, nxt1, surname_after)
        and not _DIGIT.search(text, max(0, m.start() - 2), m.start())
        and (
            prev1 is None
            or (
                prev1.group(0).lower() not in _GIVEN_NOT_AFTER
                and (key not in _RISKY_GIVEN or prev1.group(0).lower() not in _RISKY_NOT_AFTER)
                and not (key in _RISKY_GIVEN and _plural_subject(prev1.group(0)))  # "The critics mark Zuckerberg down"
            )
        )
    ):
        return _titlecase(key)
    # a given name that is mostly a name, alone: coordinated with a capitalised given name ("old Joe and
    # charlie"), or a subject before its verb ("and pam burst out", "when charlie said")
    if key in given_like() and pure and key in name_dominant():
        nxt_word = nxt1.group(0) if nxt1 is not None else ""
        if (
            prev1 is not None
            and prev1.group(0) in ("and", "or")
            and prev2 is not None
            and (
                _given_cap(text, prev2)
                # or a surname no dictionary knows: "the first meeting of Clerfayt and lillian"
                or (
                    _name_word(prev2.group(0))
                    and not _starts_here(text, prev2)
                    and not known.get(prev2.group(0).lower())
                )
            )
        ):
            return _titlecase(key)
        if nxt_word in ("and", "or") and i + 2 < len(tokens) and near(i + 1, i + 2) and _given_cap(text, tokens[i + 2]):
            return _titlecase(key)
        verb = nxt_word in _SUBJECT_VERBS or (len(nxt_word) > 3 and nxt_word.endswith(("s", "ed")))  # "caroline wants"
        if verb and (
            (prev1 is not None and prev1.group(0) in _SUBJECT_BEFORE)
            or prev_gap.rstrip().endswith((",", ";"))
            or prev_gap.endswith(("“", '"'))  # "she says, “caroline wants her own truck"
            or (prev1 is not None and prev1.group(0).islower() and not _determiner(prev1))  # "bachelor charley was"
        ):
            return _titlecase(key)
    # a word no dictionary knows after a compass point and "of": "north of shawano or"
    if (
        len(key) >= 4
        and prev1 is not None
        and prev1.group(0) == "of"
        and prev2 is not None
        and prev2.group(0).lower() in COMPASS
        and _PHRASE_GOES_ON.match(text, m.end())
        and (pure or _compound_name(key, count))
    ):
        return _titlecase(key)
    # an item of a list of capitalised names: "Pachelbel, Buxtehude, rosenmueller and Telemann",
    # "Mundt, Goldwater, Bridges, dirksen, et al"; a word English writes as a name
    if (
        m.group(0) == key
        and (pure or dual or key in surname_like() or key in name_dominant())
        and key not in _GENERIC
        and key not in _PLAIN_NOUNS
        and key not in _ADJECTIVE_NAMES  # "Rockville, Maryland, white people"
        and _listed_with_names(text, m.start(), m.end())
    ):
        return _titlecase(key)
    # a possessive no dictionary knows after a capitalised word: "Bill veeck's health", "Controller
    # gerosa's opposition"
    if m.group(0) != key and not count and prev1 is not None and prev1.group(0)[:1].isupper() and pure:
        return _titlecase(key)
    # a street's name before another's and their common word: "at eddy and Elm Streets"
    if _STREETS_NEXT.match(text, m.end()):
        return _titlecase(key)
    # a county's name: "the lamar county Hospital District"
    if _COUNTY_AFTER.match(text, m.end()) and (
        pure
        or (dual and (count or 0) < 5_000_000 and not key.endswith(("ed", "ing", "al", "ern")))
        or (  # before a capitalised County, whatever the word: "a wise County hamlet"
            text.startswith((" County", " Parish"), m.end())
            and key not in _DETERMINERS
            and key not in _QUANTITY
            and not key.endswith(("ed", "ing", "al", "ern"))
        )
    ):
        return _titlecase(key)
    # a city's people: "The denverite has" (Denver)
    city = _city_of(key) if key.endswith(("ite", "ites")) else None
    if city is not None:
        return city + key[len(city) :]
    # an author's possessive before a work's quoted title: "the Duke's complaint in browning's “My Last
    # Duchess.”"; not "the company's “New Deal”"
    if (
        m.group(0) != key
        and _QUOTED_TITLE_AFTER.match(text, m.end())
        and not _determiner(prev1)
        and (dual or key in surname_like() or key in name_dominant() or pure)
    ):
        return _titlecase(key)
    # a country after a verb that rules or takes a land: "has ruled turkey since"
    if (
        place is not None
        and place.kind in ("country", "place", "state")
        and prev1 is not None
        and prev1.group(0) in _RULE_VERBS
        and _PHRASE_GOES_ON.match(text, m.end())
    ):
        return place.canonical
    # a word no dictionary knows before a place's noun, after a place's preposition: "to the rumford
    # area", "driving to the hermansburg community"; not "toured the appestat area"
    if (
        len(key) >= 4
        and prev1 is not None
        and _PLACE_NOUN_AFTER.match(text, m.end())
        and (
            prev1.group(0) in _PLACE_PREP
            or (prev1.group(0) == "the" and prev2 is not None and prev2.group(0) in _PLACE_PREP)
        )
        and (pure or _compound_name(key, count))
    ):
        return _titlecase(key)
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
        and not (prev2 is not None and prev2.group(0).lower() in _KIND_WORDS)
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
    if title(prev1) and (prev1.group(0)[:1].isupper() or prev1.group(0) == "elect") and pure:
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
        and prev1 is not None
        and prev1.group(0) in _PERSON_TITLES
        and not _starts_here(text, prev1)
        and _SURNAME_PUNCT.match(text, m.end())
    ):
        return _titlecase(key)  # "write to Congresswoman church, bless her heart": a person's title first
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
    if (  # a lowercase title, a given name, a surname that is also a word and a verb: "editor Edward weeks moderates"
        dual
        and prev2 is not None
        and prev2.group(0).islower()
        and prev2.group(0) in _TITLE_WORDS
        and given_before(prev1)
        and (_NAME_END.match(after) or _VERB_AFTER.match(after))
    ):
        return _titlecase(key)
    # a surname that is also an English word, after a given name: "Mrs. Ethel coles,", "Judge H. Hobart
    # grooms told", "John haase & Son"; capitalised, the word is mostly a surname or a name
    addressed = prev2 is not None and (prev2.group(0) in _BARE_TITLES or prev2.group(0) in _ADDRESS_WORDS)
    if (
        prev_gap == " "
        and key not in _GENERIC
        and key not in _PLAIN_NOUNS
        and key not in _ORG_SUFFIX
        and (
            _SURNAME_END.match(after)
            or (key in surname_like() and _VERB_AFTER.match(after))
            # a maiden name before the surname: "Mrs. Charles shipman Payson"
            or (addressed and nxt1 is not None and _name_word(nxt1.group(0)) and not _initial(text, nxt1))
        )
        and _given_slot(text, tokens, i - 1)
        and (
            key in surname_like()
            or key in name_dominant()
            or pure
            or (addressed and _rare_surname(key))  # after a form of address and a given name: "Mrs. Albert quell is"
        )
    ):
        return _titlecase(key)
    # a street's name after a house number: "4911 miles Dr.", "1409 SW maplecrest Dr."
    window = max(0, m.start() - 12)
    if _DIGIT.search(text, window, m.start()) and any(
        n.start(1) == m.start() for n in _HOUSE_NUMBER.finditer(text, window, m.end() + 12)
    ):
        return _titlecase(key)
    # a name before an organisation or street word, a state, or after "District of" (the cheap tests
    # first: whether the word is a name or a place is looked up last)
    org = False
    j = i + 1
    caps = 0
    while j < len(tokens) and caps < 4 and near(j - 1, j):
        word = tokens[j].group(0).lower()
        if not _name_word(tokens[j].group(0)) and not (caps and word in _ORG_SUFFIX):
            break  # a lowercase word ends the name, but its own generic end ("fortier High school")
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
        org = bool(state and state.group(1).lower() in _STATE_ABBR) or bool(_STATE_DOTTED_AFTER.match(after))
    if not org and i > 1 and prev_gap == " " and tokens[i - 1].group(0) == "of":
        generic = tokens[i - 2].group(0)
        org = _name_word(generic) and generic.lower() in _OF_GENERIC and near(i - 2, i - 1)
    named = org and (  # a name's word, not an adjective ("the aurora Club", "the mills Chamber Players")
        (dual or key in surname_like() or key in name_dominant())
        and caps >= 1
        and prev1 is not None
        and prev1.group(0) in ("the", "of", "at", "in", "to", "from")
        and key not in _GENERIC
        and key not in _PLAIN_NOUNS
        and key not in _ADJECTIVE_NAMES
    )
    # a street's or park's name, whatever the word: "Island Ave., dicks Ave.", "in sequoia National Park"
    named = named or (
        org
        and key not in _ADJECTIVE_NAMES
        and not key.endswith("ed")
        and bool(_STREET_OR_PARK_AFTER.match(text, m.end()))
    )
    if org and (place is not None or pure or named or _compound_name(key, count)):
        if place is not None and place.ambiguous and _determiner(prev1) and prev1.group(0).lower() != "the":
            return None  # "a jersey City fans bought": the word, described
        return _titlecase(key)
    return None


# a subordinating word, then "congress" and its verb: the body as a subject ("when congress is asked")
_CONGRESS_SUBJECT_AFTER = frozenset("that when if unless until event before after because since whether".split())
_CONGRESS_VERB = LazyRegex(
    r"\s+(?:(?:has|had|is|was|does|did|will|would|should|could|can|may|must)\b|[a-z]+ed\b(?!\s+(?:by|in|of)\b))"
)


# capitalised items of a list before a word ("Pachelbel, Buxtehude, "), and the item after it
_NAMES_BEFORE = LazyRegex(
    r"(?:(?:(?<![\w'’.-])[A-Z][a-z]+(?: [A-Z][a-z]+)?, ){2,}(?:and |or )?"
    r"|(?<![\w'’.-])[A-Z][a-z]+(?: [A-Z][a-z]+)?, [A-Z][a-z]+(?: [A-Z][a-z]+)?,? (?:and|or) )$"
)
_NAME_BEFORE = LazyRegex(r"(?<![\w'’.-])[A-Z][a-z]+(?: [A-Z][a-z]+)?, $")
_NAME_ITEM_AFTER = LazyRegex(r",? and [A-Z][a-z]+\b|, [A-Z][a-z]+,")


# words hunspell or the web also know as names that mostly qualify a noun before a capitalised name
_ADJECTIVE_NAMES = frozenset(
    """best new old young long little big great good grand small white black brown green gray grey red blue
    golden royal noble rich free strong early late first last west east north south upper lower central
    fair true dear sweet major general""".split()
)


# a family's plural surname after a given name, maybe with an initial: " Carbones,", " B. Coopers"
_COUPLE_AFTER = LazyRegex(
    r" (?:[A-Z]\. )?[A-Z][a-z]{2,}(?:[a-rt-z]s|ses)"
    r"(?=[,.;:]|\s+(?:Jr\.|Sr\.|and|of|who|will|have|are|were|gave|give)\b)"
)


_FAMILY_AFTER = LazyRegex(_FAMILY_NEXT)


# a role in apposition after a name ("Ted place, director of", "Newbold morris, the Parks Commissioner")
_ROLE_AFTER = LazyRegex(
    r", (?:the |a |an )?(?:[A-Za-z]+ )?(?:director|president|manager|chairman|secretary|editor|commissioner"
    r"|treasurer|superintendent|coach|principal|pastor|rector|publisher|owner|founder|spokesman|architect)\b"
    r"|, (?:a|the) former\b"  # "by John snook, a former commando"
)
_NAME_BEFORE_WORDS = frozenset("by of with and from to for".split())  # not "gave Mary money,": a verb
_NAME_WORD_BEFORE = LazyRegex(r"(?<![\w'’.-])[A-Z][a-z]+ ([a-z]{3,})$")


def _role_spots(text: str) -> list[tuple[int, str]]:
    """Lowercase words between a capitalised name and a role in apposition (``Ted place, director``)."""
    found = []
    for mm in _ROLE_AFTER.finditer(text):
        before = _NAME_WORD_BEFORE.search(text, max(0, mm.start() - 40), mm.start())
        if before is not None and before.group(1) not in _NEVER:
            found.append((before.start(1), before.group(1)))
    return found


_PLURAL_TITLE_WORDS = ("Senators", "Representatives", "Governors", "Judges", "Justices")
_PLURAL_TITLE_ABBRS = ("Sens", "Reps", "Govs", "Messrs")
_PLURAL_TITLES = frozenset(_PLURAL_TITLE_WORDS + _PLURAL_TITLE_ABBRS)
_PLURAL_TITLED = LazyRegex(
    rf"(?:{'|'.join(_PLURAL_TITLE_WORDS)}|(?:{'|'.join(_PLURAL_TITLE_ABBRS)})\.) [A-Z][a-z]+ (?:and|or) ([a-z]{{3,}})\b"
)


_PLURALS: list = []


def _family_plurals() -> frozenset[str]:
    """The plurals of the surnames that are no English word: hunspell writes the name only capitalised
    and the web mostly so (``castros``, ``dooleys``; not ``smiths``, ``millers``), no gazetteer name.
    One set operation tells whether an article may hold one (casing/__init__'s spot search)."""
    if not _PLURALS:
        single = gazetteer().single
        names = (proper_names() & name_dominant()) - dual_names()
        _PLURALS.append(frozenset(w + "s" for w in names if w not in single))
    return _PLURALS[0]


_PERSON_TITLES = frozenset(_PERSON_TITLE_WORDS + _PERSON_TITLE_ABBRS)
_SURNAME_PUNCT = LazyRegex(r"(?:['’]s\b|[,;:)]|\.(?:\s|$))")
# (not "St. Louis": a saint)
_STREET_OR_PARK_AFTER = LazyRegex(rf" (?:{_ABBR_STREETS}|St\.(?! [A-Z])|{_PARKS})")


def _listed_with_names(text: str, start: int, end: int) -> bool:
    """The word at ``start`` is an item of a list of capitalised names: two before it, or one before and
    one after it (``Bridges, dirksen, et al``, ``Corrette and mondonville`` is not enough)."""
    if not text.endswith((", ", " and ", " or "), 0, start):
        return False  # most words: no list's comma or conjunction right before
    before = text[max(0, start - 80) : start]
    if _NAMES_BEFORE.search(before):
        return True
    return bool(_NAME_BEFORE.search(before)) and bool(_NAME_ITEM_AFTER.match(text, end))


def _compound_name(key: str, count) -> bool:
    """A word and a place name's ending run together, that no dictionary knows (``fairmount``,
    ``summerdale``, ``puddingstone``; not ``alsosaid``): a name before its place's or body's word."""
    return (
        count is None
        and len(key) >= 7
        and key.endswith(_PLACE_ENDINGS)
        and not _typo_like(key, 1_000_000)
        and not _derived(key)
    )


def _word_before(text: str, p: int) -> str:
    """The word that ends one space before ``p`` (up to 11 letters), or ``""``."""
    before = text[max(0, p - 12) : p]
    return before[:-1].rpartition(" ")[2] if before.endswith(" ") else ""


def _after_place_word(text: str, p: int) -> bool:
    """The word at ``p`` follows a place's preposition or a capitalised compass point (``to georgia``,
    ``South georgia``), or ``of`` after a capitalised name (``Miss Pat Dawson of austin,``)."""
    word = _word_before(text, p)
    if word == "of":
        return bool(_NAME_OF.search(text, max(0, p - 30), p))
    return word in _PLACE_BEFORE or (word[:1].isupper() and word.lower() in COMPASS)


_NAME_OF = LazyRegex(r"(?<![\w'’.-])[A-Z]\w*[a-z] of $")  # "Dawson of", "McNair of"


def _after_rule_verb(text: str, p: int) -> bool:
    """The word at ``p`` follows a verb that rules or takes a land (``has ruled turkey``)."""
    return _word_before(text, p) in _RULE_VERBS


def _given_cap(text: str, t) -> bool:
    """``t`` is a capitalised given name that does not open a sentence (``Joe``)."""
    word = t.group(0)
    return _name_word(word) and word.lower() in given_names() and not _starts_here(text, t)


def _surname_next(text: str, t, surname_after) -> bool:
    """``t`` is a capitalised surname: one that is mostly a surname, hunspell's name, or no English word
    (``Lindsey``, ``Brown``, ``Carbones``); not an initial or a place."""
    word = t.group(0)
    if not _name_word(word) or _initial(text, t) or not surname_after(t):
        return False
    low = word.lower()
    return low in surname_like() or low in proper_names() or words().get(low) in (None, 0)


def _named_otherwise(lower: str) -> bool:
    """The gazetteer holds ``lower`` alone as a place, people, faith... (``georgia``, ``christian``),
    not only as a word of a longer name (``edward`` of Prince Edward Island) or as a person."""
    name = gazetteer().single.get(lower)
    return name is not None and name.kind != "person"


def _given_slot(text: str, tokens, k: int) -> bool:
    """tokens[k] is a capitalised given name where a name starts: not a place (``Somerset county``),
    not after a determiner or ``St.`` (``a ripe Bartlett pear``, ``St. John field``), and at a sentence's
    start only a name that is no English word or is written capitalised far more often than not
    (``Eldon elder,``, ``Louis glazer is``; not ``Will``)."""
    t = tokens[k]
    word = t.group(0)
    lower = word.lower()
    if not _name_word(word) or lower not in given_names() or _named_otherwise(lower) or lower in _NEVER:
        return False
    if _starts_here(text, t):
        return lower not in _RISKY_GIVEN and (lower in name_dominant() or lower not in dual_names())
    before = tokens[k - 1].group(0) if k else ""
    if before.lower() in _DETERMINERS or (before == "St" and text[tokens[k - 1].end() : t.start()] == ". "):
        return False
    return not (before.islower() and k > 1 and tokens[k - 2].group(0).lower() in _DETERMINERS)  # "a ripe Bartlett pear"


def _plural_subject(word: str) -> bool:
    """``word`` is a lowercase plural noun that may be the subject of the verb after it (``The critics
    mark``): not a word that introduces a name (``was``, ``as``), a title or a family word (``brothers``)."""
    return (
        word.islower()
        and word.endswith("s")
        and not word.endswith(("ss", "us", "is"))
        and word not in _NAME_INTRO
        and word not in _TITLE_WORDS
        and word not in _FAMILY
    )


def _given_name(t) -> bool:
    """``t`` is a capitalised given name, wherever it stands, that is no place or faith as often."""
    word = t.group(0)
    return _name_word(word) and word.lower() in given_names() and not _named_otherwise(word.lower())


def _person_surname(gaz, key: str) -> bool:
    """``key`` is a person's name in the gazetteer, and no other (``zuckerberg``)."""
    name = gaz.single.get(key)
    return name is not None and name.kind == "person" and not name.ambiguous


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


def _at_state(text: str, end: int) -> bool:
    """A US state's abbreviation follows: ``, Kan.``, ``, N.J.``."""
    m = _STATE_AFTER.match(text, end)
    return m is not None and (m.group(2) is not None or m.group(1).lower() in _STATE_ABBR)


def _beside_a_country(text: str, start: int, end: int) -> bool:
    """text[start:end] is coordinated with a country, state or place no other word spells (``brazil and
    argentina``, ``turkey, syria``; not ``turkey and ham``, ``jersey and guernsey``)."""
    single = gazetteer().single
    for m in (_COUNTRY_AFTER.match(text, end, end + 40), _COUNTRY_BEFORE.search(text, max(0, start - 40), start)):
        other = single.get(m.group(1).lower()) if m is not None else None
        if other is not None and other.kind in _COUNTRY_KINDS and not other.ambiguous:
            return True
    return False


def _no_place_alone(prefix: str) -> bool:
    """The capitalised words before a name's generic end are no place of their own (``Czech``,
    ``Soviet``, ``Solomon``; not ``Gaza``, ``Mexico``, whose ``city`` may describe)."""
    name = gazetteer().single.get(prefix.lower()) if " " not in prefix else None
    return prefix[:1].isupper() and (name is None or name.kind == "demonym")


def _bare_here(text: str, tokens, i: int, prev_m) -> bool:
    """tokens[i] stands as a bare noun where a name stands: after punctuation, a preposition or
    conjunction, or a capitalised word that no determiner opens, and before punctuation, a function
    word, a verb in the past or a capitalised word (``, which barber tossed``, ``the crypt of pike in``,
    ``born jean Baptiste``); not ``took place``, ``to cook meals``, ``the old barber``."""
    m = tokens[i]
    if prev_m is not None:
        prev = prev_m.group(0)
        low = prev.lower()
        if low == "which":
            if not text[max(0, prev_m.start() - 4) : prev_m.start()].rstrip().endswith(","):
                return False  # "which barber?"; not ", which barber tossed"
        elif prev[:1].isupper():
            if prev.endswith(("'s", "’s")):
                return False  # "the Chronicle's critic"
            k = i - 1  # back over the capitalised words before it: "the Texas pike" is no name
            while k > 0 and tokens[k].group(0)[:1].isupper() and _near(text, tokens[k - 1].end(), tokens[k].start()):
                k -= 1
            word = tokens[k].group(0)
            if not word[:1].isupper() and (word.lower() in _DETERMINERS or word.lower() in _QUANTITY):
                return False
        elif low not in _BEFORE_BARE:
            return False  # "took place", "widely read", "air mail route", "the old barber": a phrase's noun
    after = text[m.end() : m.end() + 16]
    return bool(_BARE_AFTER.match(after)) or (
        i + 1 < len(tokens) and _near(text, m.end(), tokens[i + 1].start()) and tokens[i + 1].group(0)[:1].isupper()
    )
