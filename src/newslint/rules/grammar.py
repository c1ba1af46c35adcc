"""Grammar rules: the indefinite article chosen by sound."""

from __future__ import annotations

import re

from newslint.document.model import MASK
from newslint.registry import register
from newslint.rule import Rule

# the article, then whitespace, then an optional quote opener and the next token
_ARTICLE = re.compile(r"(?<![\w'’.\-&/])(a|an|A|An|AN)[ \t]+([\"“‘'(]?)([^\s]+)")
# the same, found faster (a literal first letter; the checks of the character before come after it)
# and without consuming the next token, so that every article is found: a superset of _ARTICLE's
_NOT_BEFORE = r"[\w'’.\-&/]"
_NEXT = r"(?=[ \t]+([\"“‘'(]?)([^\s]+))"
# (a blank after the article is checked first: it rules out most places cheaply)
_LOWER_ARTICLES = re.compile(rf"(a(?=[ \t])|an(?=[ \t]))(?<!{_NOT_BEFORE}a)(?<!{_NOT_BEFORE}an){_NEXT}")
_UPPER_ARTICLES = re.compile(
    rf"(A(?=[ \t])|A[nN](?=[ \t]))(?<!{_NOT_BEFORE}A)(?<!{_NOT_BEFORE}An)(?<!{_NOT_BEFORE}AN){_NEXT}"
)
_UPPER = re.compile(r"[A-Z]")
_LOWER = re.compile(r"[a-z]")
_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")
_TRAILING = "\"'”’),.;:!?]»"
_HEAD = re.compile(r"[^\W\d_]+")
_VOWEL = re.compile(r"[aeiouyAEIOUY]")

# letters whose name starts with a vowel sound: "an F", "an MP", "an NBA", "an SUV", "an X-ray"
_VOWEL_LETTERS = frozenset("AEFHILMNORSX")

# words that begin with a silent h: "an hour", "an honest", "an heir"
_SILENT_H = re.compile(r"(?:hour|honest|honou?r|heir|hors\b)")
# h-words where usage is split ("an historic", "an hotel", "an herb"): never flagged either way
_SPLIT_H = re.compile(r"(?:histor|hotel|herb|homage|hysteric|heroic|habitu|hilari|hypothe|humb)")
# u/eu/o words that begin with a consonant sound ("a university", "a European", "a one-time")
_CONSONANT_VOWEL = re.compile(
    r"(?:eu|ewe|uni(?!m|n|d|ll|ntell|ncorp)|unanim|usa|use|usu|usur|usi|uti|ute|uto|uta|uzi|ura|ure|uri|uro|uru"
    r"|uk[rua]|ugan|ubiq|ufo|one(?:\b|-|self|s\b)|once\b|ouija)"
)
# u/y words where the sound is not clear from the letters: skipped
_UNSURE = re.compile(r"(?:u[aeioy]|y[^aeiou]|usi|ux|uv|ul[ua]|uber)")

# acronyms read as words: the article follows the word's sound ("a NATO summit", "an OPEC quota")
WORD_ACRONYMS = {
    "NATO": "a",
    "NASA": "a",
    "NAFTA": "a",
    "UNESCO": "a",
    "UNICEF": "a",
    "FIFA": "a",
    "UEFA": "a",
    "FEMA": "a",
    "NORAD": "a",
    "DARPA": "a",
    "SWAT": "a",
    "SARS": "a",
    "MERS": "a",
    "COVID": "a",
    "CERN": "a",
    "NOAA": "a",
    "NICU": "a",
    "UNITA": "a",
    "UNIFIL": "a",
    "UNRWA": "a",
    "NIMBY": "a",
    "JPEG": "a",
    "GIF": "a",
    "LAN": "a",
    "RAM": "a",
    "HUD": "a",
    "NEET": "a",
    "PIN": "a",
    "DEFCON": "a",
    "OPEC": "an",
    "AIDS": "an",
    "ASEAN": "an",
    "OSHA": "an",
    "ISIS": "an",
    "ICE": "an",
    "IKEA": "an",
    "INTERPOL": "an",
    "OECD": "an",
    "AUKUS": "an",
    "EFTA": "an",
    "ECOWAS": "an",
    "UNAIDS": "a",
}
# short all-capital words that are ordinary words in shouted text, not acronyms: skipped
_CAPS_WORDS = frozenset(
    """ALL AND ANY ARE BAD BIG BUT CAN DAY FOR FUN GET GOT HAS HAD HER HIM HIS HOT HOW ITS LET LOT MAN MAY NEW
    NOT NOW OLD ONE OUR OUT OWN RED SAY SEE SHE THE TOO TWO USE WAR WAY WHO WHY YES YET YOU HUGE HUG
    AT AS AN IN IS IT IF OF ON OR SO TO NO GO DO BE BY HE ME MY WE OK""".split()
)
# 3-letter acronyms shaped like a word (NOP, SAM) may be read as one; these are read as letters
_LETTER_READ = frozenset("SUV HIV SEC LED RAF MOT NYT FAQ MOD".split())
# after an article these are never the word it qualifies: "an the" is a typo for "and the",
# "(A and C)" names items A and C
_FUNCTION_WORDS = frozenset(
    """the a an and or nor but so yet his her hers he she it its they them their we us our you your my me
    i is are was were be been am of to in on at for with by as if then than this that these those who
    which what not no""".split()
)
# a word before a lowercase "a" that makes it a letter or a foreign word ("il y a un", "vitamin a")
_NOT_ARTICLE_BEFORE = frozenset({"y", "il", "vitamin", "type", "plan", "grade", "class", "exhibit", "figure"})


def _number_sound(token: str) -> str | None:
    m = _NUMBER.match(token)
    if m is None:
        return None
    digits = m.group(0)
    first_group = digits.split(".")[0].split(",")[0]
    if digits[0] == "8":
        return "an"
    if digits[0] == "0":
        return None
    if first_group[:2] in ("11", "18"):
        n = len(first_group)
        if n == 2 or (n == 4 and "," not in digits and first_group[:2] == "18"):
            return "an"  # eleven, eighteen, 11,000, 18-year-old, the 1880s
        if n == 4 and "," not in digits:
            return None  # 1100: "eleven hundred" or "one thousand one hundred"
    return "a"


def _word_sound(word: str) -> str | None:
    """'a' or 'an' for an ordinary word (any case), None when the sound is unclear."""
    w = word.lower()
    if not w or not w[0].isalpha():
        return None
    if w[0] in "aeiou":
        if _CONSONANT_VOWEL.match(w):
            return "a"
        if w[0] == "u" and _UNSURE.match(w):
            return None
        return "an"
    if w[0] == "h":
        if _SILENT_H.match(w):
            return "an"
        if _SPLIT_H.match(w):
            return None
        return "a"
    if w[0] == "y" and _UNSURE.match(w):
        return None
    if w[0] == "x" and len(w) > 1 and w[1] not in "aeiouy":
        return "an"  # "an Xbox", "an Xmas card": said "ex-"; "a xylophone", "a xenophobe" said "z"
    return "a"


def expected_article(token: str) -> str | None:
    """The article the next token takes by sound, or None when it cannot be told safely."""
    core = token.rstrip(_TRAILING)
    if not core or MASK in core:
        return None
    if core[0] in "'’" and core[1:2].isdigit():  # "an ’80s song"
        core = core[1:]
    if core[0].isdigit():
        return _number_sound(core)
    if not core[0].isalpha():
        return None
    head = _HEAD.match(core).group(0)
    rest = core[len(head) :]
    if "." in rest and len(head) == 1:  # U.S., F.B.I., U.N. -> read as letters
        return "an" if head.upper() in _VOWEL_LETTERS else "a"
    if "." in rest:
        return None
    if len(head) == 1:
        if head.islower() and not rest.startswith("-"):
            return None  # a lone lowercase letter is usually a name or a label
        return "an" if head.upper() in _VOWEL_LETTERS else "a"  # an X-ray, a T-shirt, an F-16, an e-mail
    if head.isupper():
        if head in WORD_ACRONYMS:
            return WORD_ACRONYMS[head]
        if head in _CAPS_WORDS or len(head) > 4 or (len(head) == 4 and re.search(r"[AEIOU]", head)):
            return None  # a word set in capitals, or an acronym that may be read as a word
        if (
            len(head) == 3
            and head[0] in _VOWEL_LETTERS
            and head[1] in "AEIOU"
            and head[2] not in "AEIOU"
            and head not in _LETTER_READ
        ):
            return None  # NOP, SAM, MIG: may be said as a word
        return "an" if head[0] in _VOWEL_LETTERS else "a"  # an MP, an NBA, an FBI, a UN
    inner_capital = not head[1:].islower() and any(c.isupper() for c in head[1:])
    if head[0].islower() and inner_capital:
        # eBay, iPhone, mRNA: the first letter is said as a letter
        return "an" if head[0].upper() in _VOWEL_LETTERS else "a"
    if inner_capital:
        return None  # McDonald, DeSantis: leave names with inner capitals alone
    if not _VOWEL.search(head):
        return None  # Sp, Dr, Pvt: an abbreviation, read as letters or as the full word
    return _word_sound(head)


def _is_sentence_start(text: str, pos: int) -> bool:
    before = text[:pos].rstrip()
    return not before or before[-1] in ".!?:;\"“‘'(\u2022" or before.endswith("’")


@register
class IndefiniteArticle(Rule):
    id = "grammar/indefinite-article"
    summary = "Wrong indefinite article: 'a' before a vowel sound or 'an' before a consonant sound."
    description = (
        "Chooses `a` or `an` by the sound of the next word, not its spelling: `an hour`, `an honest`, "
        "`a university`, `a European`, `a one-time`, `an MP`, `an FBI`, `a U.S.`, `a UN`, `a NATO` "
        "(read as a word), `an 18-year-old`, `an 8`, `an 11`. Words whose sound is split in usage "
        "(`historic`, `hotel`, `herb`), shouted text in capitals and single letters are left alone."
    )
    severity = "error"
    fixable = "always"
    examples = {
        "bad": [
            "It was a enduring peace agreement.",
            "He signed an peace deal within a hour.",
            "She met a MP and a 18-year-old activist.",
        ],
        "good": [
            "It was an honest answer from a European diplomat at a university.",
            "A one-time envoy met an MP, an FBI agent and a U.S. official for an hour.",
            "A NATO summit, a UN vote, an 8% rise and a once-in-a-generation deal.",
        ],
    }

    document_level = True  # the blocks' text is searched at once; findings stay in their block

    def check_document(self, doc, ctx):
        from newslint.rules.spelling import chunks

        blocks = [b for b in doc.blocks if b.kind in self.scope and b.text]
        for chunk in chunks(blocks):  # a huge document a part at a time: bounded memory
            suspects = _suspects("\n".join(b.text for b in chunk))
            if suspects:
                for block in chunk:
                    yield from self._check(block, suspects)

    def check(self, block, ctx):
        suspects = _suspects(block.text)
        if suspects:
            yield from self._check(block, suspects)

    def _check(self, block, suspects):
        text = block.text
        shouting = None
        for m in _ARTICLE.finditer(text):
            if m.groups() not in suspects:
                continue  # the article suits the next word, whatever the context
            article, opener, token = m.group(1), m.group(2), m.group(3)
            # "Plan A offers", "Vitamin A": not an article; but in a title ("The Making Of An
            # President") a capitalized "An" before a capitalized word is one
            if (
                article[0].isupper()
                and not _is_sentence_start(text, m.start())
                and (article != "An" or not token[:1].isupper() or token.isupper())
            ):
                continue
            if article.islower():
                prev = re.search(r"([^\W\d_]+)\W*$", text[: m.start()])
                if prev and prev.group(1).lower() in _NOT_ARTICLE_BEFORE:
                    continue
            if token.rstrip(_TRAILING).lower() in _FUNCTION_WORDS:
                continue
            if opener and len(token.rstrip(_TRAILING)) <= 1:
                continue  # a "b" grade: a letter used as a name
            if shouting is None:
                upper = len(_UPPER.findall(text))
                shouting = upper > 0 and upper > 1.5 * len(_LOWER.findall(text))
            if shouting and token.isupper():
                continue
            want = expected_article(token)
            if want is None or want == article.lower():
                continue
            if article == "AN":
                replacement = "A"
            elif article == "A":
                replacement = "AN" if shouting else "An"
            elif article == "An":
                replacement = "A"
            else:
                replacement = want
            word = token.rstrip(_TRAILING)
            if "." in word:
                word = token.rstrip("\"'”’),;:!?]»")  # keep the final dot of U.S.
            sound = "a vowel" if want == "an" else "a consonant"
            yield self.report(
                block,
                m.start(1),
                m.end(1),
                f"Use '{replacement}' instead of '{article}' before '{word}', which starts with {sound} sound.",
                replacement,
            )


def _suspects(text: str) -> set[tuple[str, str, str]]:
    """The (article, opener, next token) triples of ``text`` whose article does not suit the token by
    the token alone; the others, remembered for the process in _SUITED, are never flagged."""
    found = set(_LOWER_ARTICLES.findall(text))
    found.update(_UPPER_ARTICLES.findall(text))
    found.difference_update(_SUITED)
    suspects = set()
    for triple in found:
        if triple in _UNSUITED:
            suspects.add(triple)
            continue
        article, opener, token = triple
        if article == "a" and _PLAIN_CONSONANT.match(token):
            want = None  # "a man", "a new": the token takes 'a' or cannot be told (expected_article's answer)
        else:
            core = token.rstrip(_TRAILING)
            want = None if core.lower() in _FUNCTION_WORDS or (opener and len(core) <= 1) else expected_article(token)
        if want is None or want == article.lower():
            memo = _SUITED
        else:
            memo = _UNSUITED
            suspects.add(triple)
        if len(memo) > 500_000:
            memo.clear()
        memo.add(triple)
    return suspects


# a token whose leading letters are two or more lowercase ASCII letters, the first a consonant that is
# never silent or read as a vowel (not h, x or y): it takes 'a' (or, without a vowel, cannot be told)
_PLAIN_CONSONANT = re.compile(r"[bcdfgjklmnpqrstvwz][a-z]+(?![^\W\d_])")  # not x: "an xbox"
_SUITED: set[tuple[str, str, str]] = set()
_UNSUITED: set[tuple[str, str, str]] = set()
