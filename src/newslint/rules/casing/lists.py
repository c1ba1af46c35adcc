"""Word lists and the name data casing/proper-noun reads (loaded on first use)."""

from __future__ import annotations

import re

from newslint.text import LazyRegex

_OPENERS = set(":\"“‘'([«—–")

COMPASS = frozenset("north south east west central northern southern eastern western upper lower".split())

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

_MONTH_BEFORE = frozenset("in into since until till by early late mid last next through during of from".split())

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


def given_like() -> frozenset[str]:
    """Given names whose capitalised form is mostly a given name (``mort``, ``sue``)."""
    return _name_data().given_like


def surname_like() -> frozenset[str]:
    """Words whose capitalised form is mostly a surname (``coles``, ``elder``)."""
    return _name_data().surname


# Words before a name-dominant word that make it a common noun ("another psalm", "acting dean"), and
# roles that are titles too ("the Harvard dean McGeorge Bundy").
_QUANTIFIERS = frozenset("a an another each every any some no one acting".split())

# a name's generic end after these is an idea, not the name ("spoke of European union")
_CONCEPT_BEFORE = frozenset("of for about toward towards on into and or".split())

# a place coordinated with another: the other one, after or before ("brazil and argentina", "Cardiff, wales")
_COUNTRY_KINDS = ("country", "state", "place")
_COUNTRY_AFTER = LazyRegex(r"(?:,|\s+(?:and|or))\s+([A-Za-z]+)\b")
_COUNTRY_BEFORE = LazyRegex(r"\b([A-Za-z]+)(?:,|\s+(?:and|or))\s+$")

# a capitalised word or initial, then a capitalised word: a title, given name or initial before a surname
_BEFORE_SURNAME = LazyRegex(r"([A-Z](?<![\w.'’].)[a-z]*)(\.?) (?=([A-Z][a-z]+)\b)")  # the capital first: found in C

# a capitalised word where a place stands: after a place's preposition, and not a longer name's first
# word ("the Church of Pampa was"; not "the Office of Minerals Exploration")
_AFTER_PLACE_PREP = LazyRegex(  # the capital first: found in C
    r"([A-Z](?:(?<=\bin .)|(?<=\bat .)|(?<=\bof .)|(?<=\bnear .)|(?<=\bfrom .))[a-z]+)\b(?![-'’]?\s*[A-Z])"
)

# a bare noun where a name stands: what may stand before it, what counts it, what may follow it
_BEFORE_BARE = frozenset(
    """of in on at by for from with and or but which born named than like as about against under over behind
    beside""".split()
)
_QUANTITY = _QUANTIFIERS | frozenset("two three many few several much more most".split())
_BARE_AFTER = LazyRegex(
    r"(?:\s*[,.;:!?)]|\s+(?:and|or|in|on|at|is|was|has|had|who|said|says|told|may|might|will|would|could|can|must)\b"
    r"|\s+[a-z]+ed\b)"
)

_ROLES = frozenset("dean provost rector vicar deacon abbot chaplain".split())

# A capitalised word (or a run of them) and what stands before it.
_CAP = r"[A-Z\u00c0-\u00de][^\W\d_]*(?:['’][^\W\d_]+)*"

# (its first capital before the look-behinds: the engine skips in C to the capitals)
_CAP_RUN = re.compile(rf"[A-Z\u00c0-\u00de](?<![^\W_].)(?<!['’].)[^\W\d_]*(?:['’][^\W\d_]+)*(?:[ ]{_CAP})*")

_LOWER_WORD = re.compile(r"(?<![^\W_])(?<!['’])[a-z\u00df-\u00ff][^\W\d_]*(?:['’][^\W\d_]+)*")

_LONG_WORD = re.compile(r"[A-Za-z\u00c0-\u024f]{4,}")

# -- candidates: C-level set operations per block, Python per candidate ---------------------------------
_LETTERS = re.compile(r"[A-Za-z\u00c0-\u024f]+")  # Latin letters: names in other scripts are not looked at

_CAPWORD = re.compile(r"[A-Z\u00c0-\u00d6\u00d8-\u00de][^\W\d_]*")  # not "×"

_FAMILY = frozenset(
    "wife husband son daughter brother sister mother father widow brothers sisters sons daughters".split()
)

_FAMILY_ENDS = frozenset(w[-1] for w in _FAMILY) | frozenset(w[-1].upper() for w in _FAMILY)

_FAMILY_BEFORE = re.compile(rf"\b(?:{'|'.join(sorted(_FAMILY))}),? $", re.IGNORECASE)

_WORD_NEXT = re.compile(r"[^\S\n]+[^\W\d_]")

_INNER_CAPITAL = re.compile(r"(?:mc|o['’])[a-z]{2}")

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

_ADJECTIVE_GIVEN = frozenset("rich major christian".split())  # "summer" is in _MODAL_GIVEN

_MODAL_GIVEN = frozenset("will may hope grant chase drew rose june april august summer".split())

_ORG_SUFFIX = frozenset(
    """co corp inc ltd company corporation university college school academy institute stadium hall
    street st avenue ave road rd boulevard blvd lane park square church hospital club township county
    parish bridge river lake center centre theater theatre museum library airport station city inn hotel
    motel orchestra players commission society association foundation lodge chapel cemetery""".split()
)

# A lowercase word between a house number (and a compass point) and a street word: "4911 miles Dr.",
# "1409 SW maplecrest Dr.", "2731 pall Mall"; not "St. Louis" or "Dr. Smith" (a saint, a doctor)
_HOUSE_NUMBER = LazyRegex(
    r"(?<![\w.,])\d{1,5} (?:[NSEW]{1,2}\.? )?([a-z]{3,}) (?:(?:St|Dr|Ave|Blvd|Rd|Pl|Ct|Ln)\.(?! [A-Z])|"
    r"(?:Street|Avenue|Road|Drive|Boulevard|Lane|Place|Court|Terrace|Way|Mall|Parkway|Circle)\b)"
)

_STATE_ABBR = frozenset(
    """ala ariz ark calif colo conn del fla ga ill ind kan kans ky la md mass mich minn miss mo mont
    neb nebr nev okla ore pa tenn tex vt va wash wis wyo eng ont""".split()
)

# a comma and a state's dotted abbreviation, spaced or not ("of hays, N.J.", "in brigantine, N. J.")
_STATE_DOTTED_AFTER = re.compile(r",\s+(?:N\. ?[YJCHMD]\.|S\. ?[CD]\.|R\. ?I\.|D\. ?C\.|W\. ?Va\.)")

# Greek letters: beside a capitalised one, a fraternity's name ("Delta kappa Epsilon")
_GREEK = frozenset(
    """alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi rho sigma tau
    upsilon phi chi psi omega""".split()
)

_GREEK_TITLED = "|".join(sorted(w.title() for w in _GREEK))
_GREEK_NAME = LazyRegex(
    rf"\b(?:{_GREEK_TITLED}) ({'|'.join(sorted(_GREEK))})\b|\b({'|'.join(sorted(_GREEK))}) (?:{_GREEK_TITLED})\b"
)

# a form of address, a given name, a lowercase word: the surname, maybe ("Mrs. Albert quell is")
_ADDRESS_WORDS = tuple(
    """Mrs Mr Miss Dr Minister Senator Secretary Governor Premier Treasurer Judge Coach Chef Mayor Sheriff
    President Gen Col Capt Rev Sgt Professor Father""".split()
)
_ADDRESSES = frozenset(w.lower() for w in _ADDRESS_WORDS)  # among the article's capitals: worth a look
_ADDRESSED_NAME = LazyRegex(rf"(?:{'|'.join(_ADDRESS_WORDS)})\.? [A-Z][a-z]+ ([a-z]{{3,}})\b")

# a quoted title in title case with one lowercase word ("“Original dixieland One-Step,”"): the quotation,
# a title word, and the small words a title leaves lowercase
_QUOTED_SPAN = LazyRegex(r"“([^“”]{3,60})”")
_TITLE_PART = LazyRegex(r"[A-Za-z][A-Za-z'’-]*")
_SMALL_WORDS = frozenset(
    """a an the and but or nor for of in on at to by from with as vs via into onto upon up down out off over
    per than is are be am was were it its und de di da del la le les des du der von van et y e""".split()
)

# a street's name before another's and their common word ("at eddy and Elm Streets")
_STREETS_AFTER = r" and [A-Z][a-z]+ (?:Streets|Avenues)\b"
_STREETS = LazyRegex(r"\b([a-z]{3,})" + _STREETS_AFTER)
_STREETS_NEXT = LazyRegex(_STREETS_AFTER)

# a place's division after its name ("of cook county", "the lamar County line")
_COUNTY_AFTER = LazyRegex(r"\s+(?:[Cc]ounty|countian|parish|township)\b")

# the Federal Reserve: "fed" after "the" or a possessive, no verb there ("the fed chose"; not "the fed up")
_FED = LazyRegex(r"(?:\b[Tt]he |['’]s )(fed)\b(?![ -]up\b)")

# a state's abbreviation after a comma, and a lowercase town before it ("in brigantine, N. J.")
_STATE_AFTER_COMMA = LazyRegex(r",\s+(?:[A-Z][a-z]{1,3}\.|[NSRDW]\. ?(?:[A-Z]|Va)\.)")
_TOWN_BEFORE_STATE = LazyRegex(r"\b(?:in|at|near|from|of|to) ([a-z]{3,})$")

_OF_GENERIC = frozenset(
    """district university bank republic isle gulf bay duke duchess earl museum college kingdom
    province city county port cape mount lake strait""".split()
)

# Heads before "of" and a place: a capitalised body's name ("the Rotary Club of providence") or a
# country's people and powers ("the true government of china is")
_OF_PLACE_BODY = frozenset("club council chamber church diocese bishop archbishop mayor".split()) | _OF_GENERIC
_OF_PLACE_HEADS = frozenset(
    """government governments president presidency people peoples capital embassy invasion
    leader leaders citizens army navy coast interior border borders economy""".split()
)

# What follows a surname ("Sen. Wayne morse (D., Ore.)", "Gov. Marvin griffin and", "Mrs. Roger mead is").
_NAME_END = re.compile(
    r"(?:['’]s\b|\s*[,;:(]|\.(?:\s|$)|$|\s+(?:Jr|Sr|and|or|is|was|has|had|said|says|told|who|whose|of|in|at)\b)"
)
# and a firm's name ("John haase & Son"), a verb's helper ("Julian hazard are now"), a dash ("Stephen
# crane — poet")
_SURNAME_END = LazyRegex(
    _NAME_END.pattern + r"|\s+&\s|\s+(?:are|were|will|would|could|might|must|should|did|does)\b|\s+—\s"
)

_NAME_INTRO = frozenset(
    """and by with from for of that was is said says told as like including when where while but or
    than""".split()
)

_OBJECTS = frozenset("him her them me us".split())

_BARE_TITLES = frozenset("Miss Mr Mrs Ms Dr Viscount Lord Lady Baron Earl".split())

_CONGRESS_BEFORE = frozenset(
    "by to from before in of for briefed told urged asked lobbied addressed passed cleared".split()
)
# an ordinal in digits or capitalised right before a word ("the 87th congress", "the Eighty-seventh
# congress"); not "the fourth congress", which may be any
_ORDINAL_BEFORE = LazyRegex(
    r"\b(?:\d+(?:st|nd|rd|th)|(?:(?:Twenty|Thirty|Forty|Fifty|Sixty|Seventy|Eighty|Ninety)-"
    r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth))|(?:First|Second|Third|Fourth|Fifth|Sixth"
    r"|Seventh|Eighth|Ninth|Tenth|Eleventh|Twelfth|(?:Thir|Four|Fif|Six|Seven|Eigh|Nine)teenth"
    r"|(?:Twen|Thir|For|Fif|Six|Seven|Eigh|Nine)tieth)) $"
)

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
# capitalised words after a party's adjective in the name of one of its bodies
_PARTY_BODIES = frozenset("State National Party Committee Convention Caucus Club Leader Conference Senatorial".split())

_PARTY_FAMILY = {
    **dict.fromkeys(("democrat", "democrats"), ("democrat", "democrats", "democratic")),
    **dict.fromkeys(("republican", "republicans"), ("republican", "republicans")),
}
# The other party capitalised says the article means parties ("five Democrats ... and two republicans"),
# unless it speaks of a republic against a monarchy, where republicans are its supporters
_OTHER_PARTY = dict.fromkeys(("republican", "republicans"), ("democrat", "democrats"))
_REPUBLIC_SENSE = ("republic", "monarchy", "monarchist", "monarchists")

# Before "republicans" or "democrats", words of their other senses ("social democrats", "dissident
# republicans" of Ireland)
_NOT_PARTY_BEFORE = frozenset("a an party social dissident irish militant loyalist nationalist hardline".split())

_QUIET_KEYS = frozenset(("congress", "miss", "god", "bible"))

# bodies the article's capitals name, where English seldom writes the word lowercase ("the Senate")
_EVIDENCE_BODIES = frozenset(("senate", "legislature"))

# Before "god" the name (to god, of god, thank god), not the noun (a god, the god of war, kind of god)
_GOD_BEFORE = frozenset(
    """of to in with from by for unto before under against upon toward towards through and or that because
    if when thank trust praise bless pray""".split()
)
# Before "bible" the book (the bible, this new bible), not a reference work (a bible, the bible of golf)
_KIND_WORDS = frozenset("kind sort type form".split())
_BIBLE_BEFORE = frozenset("the holy this his her their my our your its new family".split())

_MISS_VERB_BEFORE = frozenset(
    """i you we they he she who will would to not never still really also just can could should might
    may must don't didn't won't doesn't""".split()
)

# Before a given name that is also a word, the words after which it is that word ("to sue Brown",
# "at dawn Argiento", "his will Smith"); _RISKY_GIVEN also not after a preposition
_GIVEN_NOT_AFTER = _MISS_VERB_BEFORE | _DETERMINERS | frozenset(("every", "each", "one"))
_RISKY_NOT_AFTER = frozenset("at in on by of for from until till since into through during".split())

# A person's name as a subject: what may stand before it and the verbs that may follow it ("and pam
# burst out", "when charlie said")
_SUBJECT_BEFORE = frozenset("and but when while then as that until because so if".split())
_SUBJECT_VERBS = _SAY | frozenset(
    """was is had has would will could did does went came got took saw ran burst looked turned
    laughed smiled nodded asked answered began tried knew thought felt wanted""".split()
)

_SENTENCE_END = ".!?…"

_SURNAME_PARTICLES = frozenset("bin ibn van von de del della da dos du".split())

# a lowercase word joined by "&" to a capitalised one, as in a firm's name ("bell & Howell", "Dillon,
# read & Co.", "Standard & poor's"): before " & " and a capital, or after a capitalised word that does
# not open a sentence and " & "
# A people's name made from a place's: (ending, letters the place lacks): "katangans" of Katanga
_PEOPLE_SUFFIXES = (("ans", 2), ("an", 1), ("ians", 4), ("ian", 3), ("ese", 3), ("ns", 2), ("n", 1))

_AMPERSAND_BEFORE = LazyRegex(r"(?<![\w'’-])([a-z]{3,})$")  # searched up to " & ", then a capital
_AMPERSAND_AFTER = LazyRegex(r" & ([a-z]{3,})\b")  # matched at " & ", after a capitalised word
# a place's head word, capitalised: the lowercase word after it is the rest of the name ("Mount
# pleasant High School", "Fort worth"); a cheap test first (the article capitalises a head word)
_PLACE_HEADS = ("Mount ", "Mt. ", "Mt ", "Fort ", "Ft. ", "San ", "Santa ", "Los ", "Las ")  # in a block's text
_HEAD_WORDS = frozenset(h.rstrip(". ").lower() for h in _PLACE_HEADS)  # among the article's capitals
_HEADS = "|".join(re.escape(h.rstrip()) for h in _PLACE_HEADS)
_AFTER_PLACE_HEAD = LazyRegex(rf"(?<=[\w,] )(?:{_HEADS}) ([a-z]{{3,}})\b(?![-'’])")
_PLACE_HEAD_BEFORE = re.compile(rf"(?<=[\w,] )(?:{_HEADS}) $")
_HEAD_NOT_NAME = frozenset("and the that was are has had for with from into when where which who".split())

_AMPERSAND_NEXT = re.compile(r" & [A-Z]")
_AMPERSAND_PREV = re.compile(r"(?<=[\w,] )[A-Z][A-Za-z]* & $")
_AMPERSAND_END = re.compile(r"['’]s\b|\s+[A-Z]|[,.;:)]")  # "poor's average", "Howell, warned"

_AFTER_PARTICLE = re.compile(r"([a-z]{3,})\b(?!['’-]\w)")  # the word after " bin "

_PARTICLE_BEFORE = re.compile(r"(?<![^\W_])[A-Z][a-z]+$")  # a capitalised word before " bin "

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

_DAY_ALONE = re.compile(
    r"\s+(?:[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?(?:\s*[,.;:)—–]|\s*$|\s+(?:at|and|to|through|in|until|was|were|is|with|by|for|from|when|after|before|as)\b)"
)

_NEXT_NAME = re.compile(r"(?:['’]s)?[ ][A-Z][a-z]")

_DATE_BEFORE = frozenset("on by since until till before after from through".split())

_DATE_AFTER = re.compile(r"\s+(?:[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?\b(?![-.,]?\d)|,?\s+\d{4}\b")

_YEAR_AFTER = LazyRegex(r",?\s(?:1[5-9]|20)\d\d\b(?![-.,:]?\d)")  # a month's year: ", 1917"

_PLACE_END = re.compile(r"[,;:)]|\.(?:\s|$)|$")

_LIST_GOES_ON = re.compile(r",\s|\s+(?:and|or|etc)\b")
_NAME_LIST_GOES_ON = re.compile(r"(?: [A-Z][a-z]+)?(?:,\s|\s+(?:and|or|etc)\b)")  # after a name of one or two words

_STATE_AFTER = re.compile(r",\s+([A-Z][a-z]+)\.|,\s+((?:N\.\s?[YJCHMD]|S\.\s?[CD]|R\.\s?I|D\.\s?C|W\.\s?Va)\.)")

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

COMMON = 10_000_000  # uses in symspellpy's web corpus: above, a word is too common to be a name by evidence

_PREFIXES = ("inter", "non", "re", "macro", "micro", "multi", "ortho", "over", "under", "super", "anti", "pre", "post")

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

# After a word no dictionary knows, the nouns that make it a place's name ("to the rumford area")
_PLACE_NOUN_AFTER = re.compile(
    r"\s+(?:area|district|neighborhood|neighbourhood|suburb|township|community|government|authorities|airport|police)\b"
)
# Titles that are also surnames: evidence holds for them where the article names a person so
# ("Alan Pope" ... "the life of pope.")
_SURNAME_TITLES = frozenset("pope king bishop dean pastor painter".split())

# A firm's nouns: after a name the article capitalises, the firm's ("the fiat plant", "Ford dealers")
_COMPANY_NOUNS = frozenset(
    """plant plants factory factories company's headquarters executives shares stock dealers dealership
    showroom brand""".split()
)

# what a team's name qualifies ("for the rice game" where the article writes Rice)
_TEAM_NOUNS = frozenset("game games team squad coach coaches fans match matches victory defeat".split())

_QUOTED_TITLE_AFTER = LazyRegex(r" [“\"][A-Z]")  # a work's title after its author's possessive

# Names the gazetteer holds as ambiguous for another name's sake, with no common word's sense
# (Georgia the state and the country, Austin the city and the surname): a place's position is enough
_NO_COMMON_SENSE = frozenset("georgia austin turin kingston jordan manhattan havana bermuda".split())

# The endings of place names made of two words (Fairmount, Summerdale, Buckhead, Brasstown)
_PLACE_ENDINGS = tuple(
    """mount dale stone head town ton ville field wood land burg berg borough ford port side view crest
    brook hill hills wick mont haven vale ridge springs""".split()
)

# Verbs whose object is a country or a people's land ("has ruled turkey since", "invaded china in")
_RULE_VERBS = frozenset("ruled rules ruling invaded invade invades governs governed governing annexed occupied".split())
_PHRASE_GOES_ON = LazyRegex(r"[,.;:)]|\s+(?:since|in|for|until|and|or|with|after|before|from|during)\b|$")

# After a name, the nouns that make it a people's ("the kiowa tribe", "the navajo nation")
_PEOPLE_NOUN_AFTER = LazyRegex(r"\s+(?:tribe|tribes|nation|reservation|language|family|clan)\b")

_AND_NAME = LazyRegex(r"\s+(?:and|or)\s+[A-Z][a-z]")

_WORD_FLOOR = 100_000  # uses in symspellpy's corpus: a word, not a stray form

_LEXICAL = frozenset(
    """of the a an and or but nor in on at to for with by from as into onto upon over under about than
    like said says told named called including between among against is was were are be been has had
    have when where while that which who whom if because after before since until""".split()
)

# Function words of French, Latin, German, Spanish and Italian that English does not use lowercase.
_FOREIGN_GLUE = frozenset(
    """le la les des du et est sur une dans avec qui que pas aux sont sunt non quod cum mea der das und
    ist sind ein eine nicht mit auf dem el los las del por para una il di che della degli""".split()
)

_PAST = frozenset(
    """spoke wrote went came took gave made met won lost left fell saw became began fought led ran sent
    sold held kept brought thought stood struck paid knew grew flew drove chose rode sang""".split()
)

# Capitals elsewhere prove nothing for these; nor does a capitalised neighbour.
_NO_EVIDENCE = _GENERIC | _PLAIN_NOUNS | _NEVER | _TITLE_WORDS | _BODY | _ORG_SUFFIX

# Shared by a spot search (casing/__init__) and the decision it leads to (position): one source each.
# Titles only a person bears: the word after them is a surname even if a plain noun ("Congresswoman church,")
_PERSON_TITLE_WORDS = ("Congresswoman", "Congressman", "Senator", "Representative", "Governor", "Mayor")
_PERSON_TITLE_ABBRS = ("Sen", "Rep", "Gov")
# an abbreviated street word and a park's words after a name ("Island Ave., dicks Ave.", "sequoia National Park")
_ABBR_STREETS = r"(?:Ave|Blvd|Rd)\."
_PARKS = r"(?:National (?:Park|Forest|Monument|Seashore)|State Park)\b"
# what follows a family's plural name ("the castros but", "the larkins are ahead")
_FAMILY_NEXT = r"(?:[,.;:)]|\s+(?:and|or|but|are|were|have|had|will|would|who|told|said|gave|lived)\b)"
