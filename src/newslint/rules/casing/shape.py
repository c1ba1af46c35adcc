"""Cues of shape: a lowercase word that only a name explains."""

from __future__ import annotations

from newslint.rules.casing.forms import (
    _base,
    _common_form,
    _compound,
    _content_after,
    _content_before,
    _derived,
    _elided,
    _foreign_beside,
    _initial,
    _kind,
    _name_word,
    _near,
    _starts_here,
    _titlecase,
    _typo_like,
)
from newslint.rules.casing.lists import (
    _AFTER_SURNAME,
    _AND_NAME,
    _BODY,
    _COMMON_SUFFIXES,
    _DETERMINERS,
    _GENERIC,
    _GENUS_ENDINGS,
    _KIND_WORDS,
    _LATIN_ENDINGS,
    _LATIN_VERB_ENDINGS,
    _LEXICAL,
    _LIST_GOES_ON,
    _MODAL_GIVEN,
    _NAME_AFTER_THE,
    _NAME_END,
    _NAME_INTRO,
    _NAME_LIST_GOES_ON,
    _NEVER,
    _NEXT_NAME,
    _NO_NAME_BEFORE,
    _OPENERS,
    _ORG_SUFFIX,
    _PARTICLES,
    _PEOPLE_NOUN_AFTER,
    _PLACE_END,
    _PLACE_ENDINGS,
    _PLACE_PREP,
    _PLAIN_NOUNS,
    _RISKY_GIVEN,
    _SPECIES_ENDINGS,
    _SUFFIXES,
    _SURNAME_END,
    _TITLE_ABBR,
    _TITLE_WORDS,
    COMMON,
    COMPASS,
    dual_names,
    gazetteer,
    given_like,
    given_names,
    name_dominant,
    proper_names,
    words,
)
from newslint.rules.casing.position import _at_state, _before_org, _given, _name_starts, _surname
from newslint.text import LazyRegex

# what follows a place after "in", "at"...: a phrase's end, or where it is ("at appin in the southern
# highlands", "at spencer north of Sydney")
_PLACE_GOES_ON = LazyRegex(_PLACE_END.pattern + r"|\s+(?:in|near|north|south|east|west)\b")
# a place's phrase ends and a clause goes on: "of manzanola is spending", "in tiburon launches"
_PLACE_CLAUSE_GOES_ON = LazyRegex(r"\s+(?:and|or|is|was|has|had|will|where|to|for|on|at|[a-z]{3,}ed)\b")

# what follows a surname no web text uses: a name's end, "also", "have"
_ZERO_NAME_END = LazyRegex(_SURNAME_END.source + r"|\s+(?:also|have)\b")


def _name_of(text: str, tokens, i: int) -> bool:
    """tokens[i] follows ``of`` after a capitalised word that does not open the sentence (``Schwartz of``)."""
    if i < 2:
        return False
    t = tokens[i - 2]
    near = (
        _near(text, t.end(), tokens[i - 1].start())
        or (  # "Vroman Jr. of"
            t.group(0) in ("Jr", "Sr") and text[t.end() : tokens[i - 1].start()] == ". "
        )
    )
    return t.group(0)[:1].isupper() and near and not _starts_here(text, t)


def _plural_name(key: str) -> bool:
    """A plural whose singular is a name or no English word (``catskills``): mountains, a team, a family."""
    return len(key) > 4 and key[-1] == "s" and (key[:-1] in proper_names() or not words().get(key[:-1]))


_NAME_AFTER_COMMA = LazyRegex(r", ([A-Z][a-z]+)(?: ([A-Z][a-z]+))?[,.]")


def _state_after(text: str, end: int) -> bool:
    """A comma and a state the gazetteer knows follow ``end`` (``a trenton, New Jersey, native``)."""
    m = _NAME_AFTER_COMMA.match(text, end)
    if m is None:
        return False
    first, second = m.group(1), m.group(2)
    gaz = gazetteer()
    if second is None:
        name = gaz.single.get(first.lower())
        return name is not None and (name.kind == "state" or name.canonical == "Georgia")
    return any(n.kind == "state" and n.words == (first, second) for n in gaz.phrases.get(first.lower(), ()))


def _proper_plural(key: str) -> bool:
    """The plural of a word hunspell writes only capitalised and the web mostly capitalises, itself used
    on the web at most as rarely as a slip, and no slip of a common word (``cadillacs``, ``bentleys``;
    not ``dickens``, ``ballards``: ballads)."""
    return (
        len(key) > 4
        and key[-1] == "s"
        and not words().get(key)
        and key[:-1] in proper_names()
        and key[:-1] in name_dominant()
        and not _typo_like(key[:-1], 1_000_000)  # the singular's slip: "ballard" of "ballad"
    )


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
    hunspell_name = key in proper_names() or _proper_plural(key)  # "a dozen bentleys"
    if (
        prev_word.lower() in _NO_NAME_BEFORE
        and not (prev_word == "A" and not _starts_here(text, prev))
        and not (hunspell_name and prev_word in ("a", "an") and _NEXT_NAME.match(text, m.end()))
        and not (hunspell_name and _state_after(text, m.end()))  # "a trenton, New Jersey, native"
    ):
        return None  # "his frau", "per diem"; but "William A boyd" (an initial), "a chopin Nocturne"
    if hunspell_name:
        if prev_word == "of" and i > 1 and tokens[i - 2].group(0).lower() in _KIND_WORDS:
            return None  # "any kind of utopian": the adjective
        if key.endswith(_COMMON_SUFFIXES) or _foreign_beside(text, tokens, i):
            return None  # "utopian", "midwestern": adjectives; "bona fide", "alma mater": foreign phrases
        possessive = m.group(0).endswith(("'s", "’s"))
        # no evidence, no name beside: only where nothing says it is a common noun or a foreign word
        if (
            _content_before(text, tokens, i)
            and not possessive  # "they thought rembrandt's self-portrait"
            and not _NEXT_NAME.match(text, m.end())
            and not _AND_NAME.match(text, m.end())  # "the carriers lexington and Bennington"
            and not (  # "the Kashmiri summer capital srinagar.": a rare word the web capitalises, ending a phrase
                (words().get(key) or 0) < 1_000_000
                and key in name_dominant()
                and _PLACE_END.match(text, m.end())
                and not _compound(key)  # "a football letterman."
            )
        ) or _elided(text, m.end(), key):
            return None  # "sweet william", "chili con carne", "transparent matt glaze"; "han'"
        if key in name_dominant() and not _common_form(key, compounds=False) and not _typo_like(key, 1_000_000):
            # capitalised on the web at least 4 times as often as not: a name wherever no word before
            # says otherwise ("in fresno next Jan.", "the tchaikovsky, the Rachmaninoff Third"); not a
            # slip of a common word ("lacey open weaves": lacy)
            return _titlecase(key)
        # a name the web writes often ("johnson", "jones") may qualify a noun ("Johnson grass", "Jones
        # County"); a rarer one there is more likely an English word ("epsom salts", "the shea tree")
        uses = words().get(key, 0)
        rare = 0 < uses < COMMON  # never used lowercase on the web (0): no English word to mistake it for
        if (
            rare
            and _content_after(text, tokens, i)
            and not prev_word[:1].isupper()
            and not possessive
            and not _PEOPLE_NOUN_AFTER.match(text, m.end())  # "the kiowa tribe"
            and not (prev_word == "of" and _name_of(text, tokens, i))  # "Sen. A. R. Schwartz of galveston authorizing"
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
        if (
            rare
            and (prev_word in _DETERMINERS or prev_word == "The")
            and not _NAME_AFTER_THE.match(text, m.end())
            and not _PEOPLE_NOUN_AFTER.match(text, m.end())
            and not (prev_word == "the" and _plural_name(key))  # "over the catskills in"
        ):
            return None  # "the gage of success", "into the campagna to": a common noun after "the"
        if _common_form(key, compounds=False):
            return None  # "sabre", "gage", "matt": an English word's other spelling
        return _titlecase(key)
    capitalised, lowercase, pairs, anywhere, alone = evidence
    plain = key in _GENERIC or key in _ORG_SUFFIX or key in _BODY or key in _PLAIN_NOUNS or key in _TITLE_WORDS
    count = words().get(key)
    # a common English word ("long", "mass", "table") is no name for being capitalised elsewhere
    unproven = plain or (count or 0) >= COMMON
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
    # the same pair capitalised elsewhere; a common word only as a possessive or a title ("Texas tech's",
    # "miss Pons" where the article writes Texas Tech, Miss Pons; not "Sunday evening", "southeast Asia")
    if lowercase[key] <= 1 and (not unproven or (not plain and (m.group(0) != key or key == "miss"))):
        if _name_word(prev_word) and prev_word.lower() not in _NEVER and (prev_word.lower(), key) in pairs:
            forms = capitalised.get(key)
            return max(forms, key=forms.get) if forms else _titlecase(key)
        if _name_word(nxt_word) and nxt_word.lower() not in _NEVER and (key, nxt_word.lower()) in pairs:
            forms = capitalised.get(key)
            return max(forms, key=forms.get) if forms else _titlecase(key)
    # a person's name the article writes whole, here with its surname lowercase: "Steve jobs had two"
    # where the article writes Steve Jobs (a given name first: not "Sunday evening", "British defence")
    if (
        lowercase[key] <= 1
        and not plain
        and _name_word(prev_word)
        and prev_word.lower() in given_like()
        and not _starts_here(text, prev)
        and (prev_word.lower(), key) in pairs
        and capitalised.get(key)
    ):
        forms = capitalised.get(key)
        return max(forms, key=forms.get)

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
        and (not unproven or (not plain and prev is None and forms and forms.get(titled, 0) >= 2))
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
        len(key) >= 3
        and (
            prev_word in ("in", "of", "from", "near", "at", "to")  # "of temple, Pa.": a town, whatever the word
            or (not plain and _name_word(prev_word) and not _starts_here(text, prev))
        )
        and _at_state(text, m.end())
    ):
        return titled  # a town before its state: "Clark of hays, Kan."
    if (
        (key in dual_names() or (key in given and key not in _RISKY_GIVEN))
        and not plain
        and key not in COMPASS  # "upper Main Street"
        and ((count or 0) < COMMON or nxt_word.lower() in _ORG_SUFFIX)  # "broad Michigan Avenue": an adjective
        and prev_word.lower() not in _DETERMINERS
        and _before_org(text, tokens, i)
    ):
        return titled  # "Every family of riviera Presbyterian Church", "on eddy Street"
    if len(key) < 4 or count or key.endswith(_SUFFIXES) or _derived(key) or _common_form(key):
        return None  # "nasaled", "hospitalising", "alsosaid": an English word in another form
    if _foreign_beside(text, tokens, i):
        return None  # "verstrichen sind sieben Jahr", "Von heute auf morgen": a phrase in another language
    if (
        count is None
        and (
            # "music from moniuszko's opera" (not "the patronne's head": a noun), "by sarasate and Saint-Saens"
            (m.group(0).endswith(("'s", "’s")) and prev_word.lower() not in _DETERMINERS)
            or (prev_word in ("by", "of", "with", "from") and _AND_NAME.match(text, m.end()))
        )
        and not _compound(key)
        and not _typo_like(key, 1_000_000)
    ):
        return _titlecase(key)
    # in a list of names: "Nehru, Tito, Nkrumah, Sukarno, betancourt, etc.", "music by pachelbel,
    # Buxtehude, Rosenmueller and Telemann"
    if (
        (
            (
                i > 0
                and text[tokens[i - 1].end() : m.start()] == ", "
                and _name_word(tokens[i - 1].group(0))
                and not _starts_here(text, tokens[i - 1])
                and _LIST_GOES_ON.match(text, m.end())
            )
            or (
                i + 1 < len(tokens)
                and (
                    prev_word in ("by", "of", "and", "with", "from")
                    or prev is None
                    or (_name_word(prev_word) and prev_word.lower() in given_names())  # "were: Art hambric, Donnell"
                )
                and text[m.end() : tokens[i + 1].start()] == ", "
                and _name_word(tokens[i + 1].group(0))
                and _NAME_LIST_GOES_ON.match(text, tokens[i + 1].end())  # "Donnell Reid, Bill"
            )
        )
        and not _compound(key)
        and not _typo_like(key, 1_000_000)
    ):
        return _titlecase(key)
    if prev is None and nxt is None:
        return None
    # each cue below holds only for a word that is no slip of a common word (looked up last: it costs most)
    # a place after "in", "near", "from", "at" or a name and "of", at a phrase's end ("in cranston.",
    # "Mrs. Guy Mullenax of kittredge."); a compound only with a place's ending ("in centredale.")
    if (
        (prev_word in ("in", "near", "from", "at") or (prev_word == "of" and _name_of(text, tokens, i)))
        and (_PLACE_GOES_ON.match(text, m.end()) or _PLACE_CLAUSE_GOES_ON.match(text, m.end()))
        and (not _compound(key) or key.endswith(_PLACE_ENDINGS))
    ):
        return None if _typo_like(key, 1_000_000) else _titlecase(key)
    # after a name ("Art hambric,", "Neveh zebek cemetery"), not after a place or people ("Italian
    # contadini"), an opening word or a possessive ("Spahn's hitless pitching")
    if (
        _name_word(prev_word)
        and prev_word.lower() not in _NEVER
        and prev_word.lower() not in places
        and _kind(prev_word.lower()) != "religion"  # "the Christian kerygma"
        and (  # at a sentence's start, a given name before a word no dictionary knows: "Bill mazeroski with"
            not _starts_here(text, prev)
            or (count is None and prev_word.lower() in given_names() and prev_word.lower() not in _MODAL_GIVEN)
            or (  # "Evegeni dubovskoi conducted"; not a quoted phrase in another language: "“Arigato gosaimasu.”"
                count is None
                and words().get(prev_word.lower()) is None
                and text[prev.start() - 1 : prev.start()] not in _OPENERS
            )
        )
        and not prev_word.endswith(("'s", "’s"))  # "Pip's phantasy", "Australia's wheatbelt"
        and not key.endswith(_LATIN_VERB_ENDINGS)  # "Carthago delenda", "Solitudinem faciunt"
        and not (  # "Bacillus subtilis", "Pseudomonas pyocanea": a species, unless after a given name or a
            # capitalised word, before a name's end ("Chief Executive Satya nadella said": a name's chain, no genus)
            prev_word.lower() not in given_names()
            and not (
                i > 1
                and tokens[i - 2].group(0)[:1].isupper()
                and _near(text, tokens[i - 2].end(), prev.start())
                and _NAME_END.match(text, m.end())
            )
            and (
                key.endswith(_LATIN_ENDINGS) or (prev_word.endswith(_GENUS_ENDINGS) and key.endswith(_SPECIES_ENDINGS))
            )
        )
        and (
            count is None
            or prev_word.lower() in given_names()
            or prev_word.lower() in _TITLE_WORDS
            or prev_word.lower() in _TITLE_ABBR
            or (  # a word of a name list with no use on the web: "Len boehmer also", "N. Volney ludwick have"
                count == 0
                and _ZERO_NAME_END.match(text, m.end())
                and text[prev.start() - 1 : prev.start()] not in _OPENERS
                and not _typo_like(key, 100_000_000)
            )
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
        and (
            not _content_before(text, tokens, i)  # "bearing reguli Q": a noun phrase goes on
            or (not count and nxt.group(0).lower() in proper_names())  # "statesman jawaharlal Nehru"
        )
    ):
        return None if _typo_like(key, 1_000_000) else _titlecase(key)
    return None
