"""Half-capitalised names: a two-word title (``Prime minister``), a word inside a name (``Royal national Park``)."""

from __future__ import annotations

import re

from newslint.registry import register
from newslint.rule import Rule
from newslint.text import LazyRegex

# the first word of a fixed title: a portfolio or rank (not a party: "Labor minister" is a minister of Labor)
_FIRST = """prime foreign deputy vice defence defense health finance interior home justice education
environment trade treasury employment immigration science transport agriculture energy industry tourism
communications culture housing attorney solicitor surgeon inspector auditor secretary governor lord chief
district brigadier lieutenant rear economy business services police sport sports resources development planning
affairs security works water mines infrastructure fisheries""".split()
# the second: the office
_SECOND = "minister secretary president premier general mayor treasurer executive attorney colonel admiral".split()


def _alternation(words: list[str], capital: bool) -> str:
    return "|".join(w.capitalize() if capital else w for w in words)


# a capitalised first word and a lowercase office, or the other way round, as whole words
_HALF = re.compile(
    rf"(?<![^\W_])(?:(?:{_alternation(_FIRST, True)}) ({_alternation(_SECOND, False)})"
    rf"|({_alternation(_FIRST, False)}) (?:{_alternation(_SECOND, True)}))(?![\w-])"
)
_OPENING = " \t\"“‘'(["
# "Secretary of state" before a name: the office's title, half capitalised
_SECRETARY_OF_STATE = LazyRegex(r"(?<![\w-])Secretary of (state) (?=[A-Z][a-z]+ [A-Z])")


def _near_words(text: str, words, pattern, reach: int, after: int = 1, either_case: bool = True):
    """The matches of ``pattern`` that start at most ``reach`` characters before one of ``words`` and
    end at most ``after`` characters after it: the pattern runs only around these few places, not over
    the whole text. A word is looked for by its tail when ``either_case`` (``inister`` finds ``minister``
    and ``Minister``), else as written."""
    seen = set()
    skip = 1 if either_case else 0
    for word in words:
        needle = word[skip:]
        p = text.find(needle)
        while p != -1:
            start = p - skip
            end = p + len(needle)
            if start >= 0 and (not skip or text[start].lower() == word[0].lower()):
                for m in pattern.finditer(text, max(0, start - reach), min(len(text), end + after)):
                    if m.start() not in seen and m.start() <= start < m.end():
                        seen.add(m.start())
                        yield m
            p = text.find(needle, end)


def _mid_sentence(text: str, start: int) -> bool:
    """The word at ``start`` does not open its sentence, so its capital is the writer's choice."""
    j = start
    while j and text[j - 1] in _OPENING:
        j -= 1
    return bool(j) and text[j - 1] not in ".!?:;—\n\x00"  # \x00: the end of a block in joined prose


class _ProseScan(Rule):
    """A rule whose ``find(text, words)`` yields (start, end, message, replacement), and "safe" after them
    when the fix is safe (else it is unsafe): run once over the document's joined prose, or block by block."""

    find = staticmethod(lambda text, words=None: iter(()))

    def run(self, doc, ctx):
        yield from _run_over_prose(self, doc, ctx, self.find)

    def check(self, block, ctx):
        yield from _report_all(self, block, self.find(block.text))


@register
class HalfCapitalisedTitle(_ProseScan):
    id = "casing/title"
    summary = "A title half capitalised (Prime minister) or lowercase before a name (president Saddam, mr. Smith)."
    description = (
        "Flags a fixed two-word title with one word capitalised mid-sentence and the other lowercase: "
        "`Prime minister Ariel Sharon`, `Foreign minister Alexander Downer`, `the vice President`. A house "
        "style writes such a title all capitalised before a name (`Prime Minister`) or all lowercase "
        "(`the prime minister, Ariel Sharon`), never half and half. A capital that opens a sentence is no "
        "choice and is left alone, and so is a party before an office (`Labor minister`). It also flags "
        "a formal title lowercase right before a full name where it stands as the name's title, after a "
        "preposition, a conjunction, a comma or a verb that takes a person (`wants to see president "
        "Robert Mugabe removed`); after a determiner, a possessive or a modifier a house style may "
        "lowercase it (`the US president, George W Bush`, `former president Bill Clinton`). The fix "
        "capitalises the lowercase word (unsafe: the house style may want both lowercase). A form of "
        "address lowercase before a capitalised name (`met mr. Smith`, `sir Charles' account`, `dame "
        "Judi Dench`) is flagged too, with a safe fix: no style writes it lowercase."
    )
    severity = "error"
    fixable = "always"
    examples = {
        "bad": [
            "A statement from Prime minister Ariel Sharon's office was read out.",
            "The talks were led by the foreign Minister, Alexander Downer.",
        ],
        "good": [
            "Prime Minister Ariel Sharon spoke first, and the prime minister then left.",
            "Prime minister for nine years, he retired in May.",
            "A former Labor minister, John Dawkins, spoke.",
        ],
    }

    find = staticmethod(lambda text, words=None: _titles(text, words))


def _titles(text: str, words=None):
    """(start, end, message, replacement) of the half-capitalised titles in ``text`` and of the
    formal titles written lowercase before a full name. ``words``: the text's lowercased words as
    bytes (ProseText.words()), when known, so that only the words present are looked for."""
    if " " not in text:
        return
    honorifics = _HONORIFICS if words is None else _present(words, _HONORIFICS)[0]
    if honorifics:
        for m in _near_words(text, honorifics, _HONORIFIC, 0, 40, either_case=False):
            # "met mr. Smith", "sir Charles' account": a form of address, never lowercase before a name
            if _mid_sentence(text, m.start()):
                k = m.lastindex
                word = m.group(k)
                message = f"'{word}' is the title of the name after it: write '{word.capitalize()}'."
                yield m.start(k), m.end(k), message, word.capitalize(), "safe"
    formal, second = (_FORMAL, _SECOND) if words is None else _present(words, _FORMAL, _SECOND)
    for m in _near_words(text, formal, _TITLE_BEFORE_NAME, 0, 80, either_case=False):
        # "wants to see president Robert Mugabe removed"
        if not _mid_sentence(text, m.start()) or not _stands_as_title(text, m.start()):
            continue
        if m.group(3) is None and not _known_name(m.group(2)):
            continue
        word = m.group(1)
        yield (
            m.start(1),
            m.end(1),
            f"'{word}' is the title of the name after it: write '{word.capitalize()}'.",
            (word.capitalize()),
        )
    if "Secretary of state " in text:  # "U.S. Secretary of state Hillary Rodham Clinton"
        for m in _SECRETARY_OF_STATE.finditer(text):
            yield (
                m.start(1),
                m.end(1),
                "'Secretary of state' is half capitalised: write 'Secretary of State' (or 'secretary of state').",
                "State",
            )
    for m in _near_words(text, second, _HALF, 17):
        capital_at = m.start() if m.group(1) else m.start(2) + len(m.group(2)) + 1
        if not _mid_sentence(text, capital_at):
            continue
        group = 1 if m.group(1) else 2
        word = m.group(group)
        whole = " ".join(w.capitalize() for w in m.group(0).split(" "))
        message = f"'{m.group(0)}' is half capitalised: write '{whole}' (or '{m.group(0).lower()}')."
        yield m.start(group), m.end(group), message, word.capitalize()


def _run_over_prose(rule, doc, ctx, find):
    """``find`` over the document's prose blocks joined (one pass per document, not one per block)."""
    from newslint.kinds.matcher import prose_text

    prose = prose_text(doc, ctx)
    hits = []
    for start, end, message, replacement, *safe in find(prose.text, prose.words()):
        k, offset = prose.locate(start)
        block = prose.blocks[k]
        if block.kind in rule.scope:
            hits.append((block, offset, offset + end - start, message, replacement, safe[0] if safe else "unsafe"))
    for block, start, end, message, replacement, applicability in hits:
        yield rule.report(block, start, end, message, replacement, applicability)


def _present(words, *lists) -> tuple[list[str], ...]:
    """Each list less the words not in ``words`` (lowercased bytes)."""
    out = []
    for lst in lists:
        encoded = _ENCODED.get(id(lst))
        if encoded is None:
            encoded = _ENCODED[id(lst)] = (lst, frozenset(w.encode() for w in lst))  # lst kept: id stays its own
        found = words & encoded[1]  # a set operation in C; the list's order kept for the few found
        out.append([w for w in lst if w.encode() in found] if found else [])
    return tuple(out)


_ENCODED: dict[int, tuple] = {}  # id(list) -> (list, its words as bytes)


def _report_all(rule, block, found):
    for start, end, message, replacement, *safe in found:
        yield rule.report(block, start, end, message, replacement, safe[0] if safe else "unsafe")


# a form of address written lowercase before a capitalised name ("mr. Smith", "sir Charles"); not after a
# digit or a period ("20 ms", "Ph.D. ms."), nor "dr" without its period ("Main dr"), nor "sir." ending a
# sentence ("Pardon me, sir. May I"), nor before a number ("ms. Harley 2253": a manuscript)
_HONORIFIC = LazyRegex(r"(?<![\w.'’-])(?<!\d )(?:(mrs?|ms)\.?|(dr)\.|(sir|dame)) (?=[A-Z][a-z]+\b(?! \d))")
_HONORIFICS = ["mr", "mrs", "ms", "dr", "sir", "dame"]
_FORMAL = """president senator governor chancellor premier king queen pope sheikh ayatollah sultan emperor prince
princess general justice mullah cardinal archbishop
congressman congresswoman""".split()
# a formal title, then a capitalised word, maybe a middle initial and another ("president George W Bush")
_TITLE_BEFORE_NAME = re.compile(
    rf"(?<![^\W_-])({'|'.join(_FORMAL)}) ([A-Z][a-z]+)(?: (?:[A-Z]\.? )?([A-Z][a-z]+))?(?![\w-])"
)
# what may stand before a title used as one: a preposition, a conjunction, a verb that takes a person
_BEFORE_TITLE = frozenset(
    """to by with from of for and or but against under on at about than as like before after behind
    between without toward towards including see oust told met meet meets urged asked called
    thanked backed supported criticised criticized accused replaced succeeded visited visit that despite
    when while because if since until whom amid""".split()
)


def _stands_as_title(text: str, start: int) -> bool:
    """The title follows a preposition, a conjunction, a verb that takes a person, or a comma; not a
    determiner, a modifier or a possessive, where a house style may lowercase it (``the US president``,
    ``former president Bill Clinton``, ``provincial governor Gul Agha``)."""
    before = text[:start].rstrip(" ")
    if before.endswith(","):
        return True
    k = len(before)
    while k and before[k - 1].isalpha():
        k -= 1
    return before[k:] in _BEFORE_TITLE and (k == 0 or before[k - 1] not in "-'’")


def _known_name(word: str) -> bool:
    """A one-word name after a title: a word English writes capitalised (``Bush`` is not; ``Mugabe`` is)."""
    from newslint.rules.casing import lists

    key = word.lower()
    return key in lists.proper_names() or key in lists.name_dominant() or not lists.words().get(key)


# the head noun of an institution's or a place's name ("the Reserve Bank", "the Royal National Park")
_HEADS = frozenset(
    """bank union commission council centre center exchange department ministry court association authority
    agency office institute hospital university college club company corporation fund board committee
    foundation trust society government directorate coalition service services park museum library gallery
    theatre theater stadium airport station minister school bureau administration academy laboratory
    parade railroad railway airlines award trophy group hotel tower chamber panel organization organisation""".split()
)
_HEADS_TITLED = frozenset(h.capitalize() for h in _HEADS)
_CAPITALISED = re.compile(r"[A-Z][a-z]+")
_FUNCTION = frozenset(
    """a an the of and or for in on at to by with from de la le du des van von bin as than that this these
    those its his her their our your my no not""".split()
)
# a run of capitalised words, then a lowercase word, then (maybe) a capitalised one: the places to test
# ("the Royal national Park", "the Consumer financial Protection Bureau": the head ends the capitals after);
# no function word as the lowercase one, so that "Energy and" leaves "Natural resources Committee" whole
_RUN = re.compile(
    r"(?<![^\W_])((?:[A-Z][a-z]+ )+)(?!(?:and|or|of|the|for|in|on|at|to|by|with|from)\b)([a-z]+)(?:['’]s)?(?![\w'’-])"
    r"(?: ((?:[A-Z][a-z]+ ){0,2}[A-Z][a-z]+))?"
)


@register
class HalfCapitalisedName(_ProseScan):
    id = "casing/name-part"
    summary = "A word inside a name left lowercase (the Royal national Park, the industrial Relations Commission)."
    description = (
        "Flags a lowercase word between a word capitalised mid-sentence and the capitalised head noun "
        "of an institution's or a place's name (`the Royal national Park`, `the Australian stock "
        "Exchange`, `the Afghan interim Authority`): the head's capital says the words before it are the "
        "name's. A lowercase head after a capitalised word (`a House committee`, `the Catholic church`, "
        "`a National League club`) is a house style or a description and is left alone, and so is a "
        "title before a name (`Korean president Park`); a capitalised `Minister` is a head too (`the Foreign "
        "affairs Minister`). It also flags a name the article itself writes "
        "capitalised (two words or more, with a common word capitalised by choice: `Industrial Relations "
        "Commission`, `New Delhi`) written elsewhere with a word lowercase before a capitalised one (`the "
        "industrial Relations Commission`, `the Civil aviation Safety Authority`), or with its last word "
        "lowercase where the name ends (`in the Blue mountains.`, `the Reserve bank has`) and the article "
        "writes it so no more often than capitalised; not a last word that qualifies a noun (`the Anne "
        "Arundel county school`), not after `a` (`a House committee`), and not where the capital kept is a "
        "name's own (`American league`, `Korean war`). The fix capitalises the word (unsafe)."
    )
    severity = "error"
    fixable = "always"
    superseded_by = ("casing/proper-noun",)  # "new Delhi": the gazetteer's name, one finding
    examples = {
        "bad": [
            "Fire is likely to reach the Royal national Park later today.",
            "He gave false information to the Australian stock Exchange.",
        ],
        "good": [
            "A House committee heard the proposal, and the Catholic church agreed.",
            "South Korean president Park Geun-hye spoke first.",
        ],
    }

    find = staticmethod(lambda text, words=None: _name_parts(text, words))

    def run(self, doc, ctx):
        from newslint.kinds.matcher import prose_text

        lower = _lower_runs(ctx, prose_text(doc, ctx))  # before words(): the runs give them
        yield from _run_over_prose(self, doc, ctx, lambda text, words: _name_parts(text, words, lower))


def _lower_runs(ctx, prose) -> set[str] | None:
    """The runs of letters the prose writes lowercase (casing/proper-noun's, found once per article),
    when they hold every lowercase word that stands alone in it (not "word" of "word×"); else None."""
    from newslint.rules.casing.candidates import _plain_letters, article_runs
    from newslint.rules.casing.evidence import _EAGER_ABOVE

    text = prose.text
    if len(text) > _EAGER_ABOVE or not _plain_letters(text):
        return None  # proper-noun reads a long article block by block
    return article_runs(ctx, text, prose)[0]


def _name_parts(text: str, words=None, lower=None):
    """(start, end, message, replacement) of the lowercase words inside names in ``text`` (``words``
    as for _titles(); ``lower``: _lower_runs(), to look only for names whose words it holds)."""
    if " " not in text:
        return
    names = _article_names(text)
    done = set()  # starts already reported from the article's own names
    if names:
        for hit in (*_half_written(text, names, lower), *_last_word_lowercase(text, names, lower)):
            done.add(hit[0])
            yield hit
    if "(" in text:  # "the Occupational Safety and Health administration (OSHA)"
        for hit in _spelled_out(text):
            if hit[0] not in done:
                done.add(hit[0])
                yield hit
    bodies = _BODIES if words is None else _present(words, _BODIES)[0]
    for word in bodies:  # "the university of Michigan", "the center for Strategic and International Studies"
        p = text.find(word + " ")
        while p != -1:
            m = _BODY_OF.match(text, p)
            if m is not None and word in _THE_BODIES and not text.endswith(("the ", "The "), 0, p):
                m = None
            if m is not None and p not in done and (p == 0 or not (text[p - 1].isalnum() or text[p - 1] in "'’-")):
                name = m.group(0)
                titled = word.capitalize()
                message = f"'{word}' is part of the name '{titled}{name[len(word) :]}': write '{titled}'."
                yield p, p + len(word), message, titled
            p = text.find(word + " ", p + 1)
    waters = _WATERS if words is None else _present(words, _WATERS)[0]
    for word in waters:  # "the Northern Arabian sea to start", "the Mississippi delta."
        p = text.find(" " + word)
        while p != -1:
            end = p + 1 + len(word)
            if p + 1 not in done and _LAST_THEN.match(text, end) and not _WATER_COMPOUND.match(text, end):
                base = max(0, p - 60)
                m = _WATER_NAME.search(text[base : p + 1])  # the capitalised words right before
                if m is not None and _water_name(text, m.group(1), base + m.start(1)):
                    titled = word.capitalize()
                    message = f"'{word}' is part of the name '{m.group(1)}{titled}': write '{titled}'."
                    yield p + 1, end, message, titled
            p = text.find(" " + word, end)
    if words is not None:
        heads = {h.capitalize() for h in _present(words, _HEADS)[0]}
    else:
        heads = _HEADS_TITLED.intersection(_CAPITALISED.findall(text))
    if not heads:
        return
    # a head written capitalised, as in a name's last word (a lowercase "park", or the one in "spark",
    # is never the head of a _RUN match within reach: looking there only cost time, and the place it
    # marked as seen hid the name it stood before: "the Royal spark Theatre" with "park" elsewhere)
    for m in _near_words(text, sorted(heads), _RUN, 60, either_case=False):
        hit = _name_part(text, m)
        if hit is not None and hit[0] not in done:
            start, word = hit
            name = m.group(0)
            if name.partition(" ")[0].lower() in _FUNCTION:
                name = name.partition(" ")[2]  # "The Foreign affairs Minister": the name starts after "The"
            message = f"'{word}' is part of the name '{name}': write '{word.capitalize()}'."
            yield start, start + len(word), message, word.capitalize()


def _spelled_out(text: str):
    """(start, end, message, replacement) of the lowercase words of a name spelled out before its
    acronym in brackets, the initials of its words the acronym's letters and one of them capitalised
    mid-sentence (``the Occupational Safety and Health administration (OSHA)``; not ``gross domestic
    product (GDP)``, all lowercase, nor ``Nuclear magnetic resonance (NMR)`` opening a sentence)."""
    for m in _ACRONYM.finditer(text):
        letters = m.group(1)
        words = []  # (start, word) of the name's words, last first; function words skipped
        for w in _WORD_BEFORE.finditer(text, max(0, m.start() - 30 * len(letters)), m.start()):
            words.append((w.start(), w.group(0)))
        named = []
        for start, word in reversed(words):
            if len(named) == len(letters):
                break
            if word.lower() in _ACRONYM_FUNCTION and not word[0].isupper():
                continue
            named.append((start, word))
        if len(named) != len(letters) or "".join(w[0].upper() for _, w in reversed(named)) != letters:
            continue
        named.reverse()
        if not any(w[0].isupper() and _mid_sentence(text, s) for s, w in named):
            continue
        name = text[named[0][0] : named[-1][0] + len(named[-1][1])]
        for s, w in named:
            if w[0].islower() and "-" not in w:
                message = f"'{w}' is part of the name '{name}' ({letters}): write '{w.capitalize()}'."
                yield s, s + len(w), message, w.capitalize()


_ACRONYM = LazyRegex(r" \(([A-Z]{2,6})\)")
_WORD_BEFORE = LazyRegex(r"(?<![\w'’-])[A-Za-z][A-Za-z'’-]*")
_ACRONYM_FUNCTION = frozenset("of and for the on in to at a an &".split())


# an institution's word before "of" or "for" and a capitalised name: never lowercase in edited prose
# (Brown, Lee and the modern articles have none); not "school of", "office of", "center of", "bank of",
# whose lowercase word is a common noun ("the school of Rollins", "the office of Peerless"), nor a plural
# ("the universities of Cologne, Heidelberg")
_BODIES = ["university", "institute", "center", "centre", "office", "department"]
# these only after "the": not "a fascinating museum of East and West"
_THE_BODY_WORDS = "academy association society council commission league bureau foundation museum".split()
_BODIES += _THE_BODY_WORDS
_THE_BODIES = frozenset(_THE_BODY_WORDS)
_BODY_OF = LazyRegex(
    r"(?:university|institute) (?:of|for) [A-Z][a-z]+(?: [A-Z][a-z]+)*"
    # a name of two capitalised words or more: not "an association of American universities"
    rf"|(?:{'|'.join(_THE_BODY_WORDS)}) (?:of|for) [A-Z][a-z]+(?: (?:and |of |the )?[A-Z][a-z]+)+"
    r"|(?:center|centre|office) for [A-Z][a-z]+(?: (?:and )?[A-Z][a-z]+)*"
    r"|department of [A-Z][a-z]+(?: [A-Z][a-z]+)*"
)


# a body of water's word after its capitalised name: lowercase there nowhere in Brown, Lee or the modern
# articles ("the Caribbean sea", "the Mississippi delta."); not "Arctic sea ice", a compound's first word
_WATERS = ["sea", "ocean", "gulf", "strait", "straits", "canal", "delta"]
_WATER_NAME = LazyRegex(r"(?<![\w'’.-])((?:[A-Z][a-z]+ )+)$")
_WATER_COMPOUND = LazyRegex(
    r" (?:ice|level|levels|floor|water|waters|bed|life|lion|lions|salt|air|breeze|route|routes)\b"
)


def _water_name(text: str, name: str, start: int) -> bool:
    """The capitalised words ``name`` at ``start`` name a water: the last one is no function word, and
    one of them is capitalised mid-sentence (not "The sea" or "South sea" that opens a sentence alone)."""
    words = name.split()
    if words[-1].lower() in _FUNCTION or (words[0].lower() in _FUNCTION and len(words) == 2):
        return False
    return len(words) > 1 or _mid_sentence(text, start)


def _name_part(text: str, m) -> tuple[int, str] | None:
    """The lowercase word of ``m`` when it stands between a word capitalised mid-sentence and a
    capitalised head noun (``the Royal national Park``)."""
    lower, head = m.group(2), m.group(3)
    if head is not None and " " in head:
        head = head.rpartition(" ")[2]
    if head is None or head.lower() not in _HEADS or lower in _NOT_INSIDE:
        return None
    if lower in _FUNCTION or len(lower) < 3:
        return None
    last = m.group(1).split()[-1]
    if last.lower() in _FUNCTION or not _mid_sentence(text, m.end(1) - len(last) - 1):
        return None  # "The old Belasco Theater": a determiner, no name's word
    return m.start(2), lower


# words that stand lowercase between a name and a capitalised word ("Korean president Park")
_NOT_INSIDE = frozenset("president minister secretary chief leader spokesman spokeswoman official".split())


# two or more capitalised words: a name as the article writes it ("Industrial Relations Commission");
# no look-behind first, so that the engine skips in C to the capitals (a match inside a word is dropped)
_CAP_RUN = re.compile(r"[A-Z][a-z]+ [A-Z][a-z]+(?: [A-Z][a-z]+)*(?![\w'’-])")
_CHOSEN: dict[str, bool] = {}
_NAME_CHOSEN: dict[str, bool] = {}  # a run of capitalised words -> one of them is _chosen_capital()


def _chosen_capital(key: str) -> bool:
    """A common English word that is no name of its own (``new``, ``industrial``; not ``american``,
    ``godkin``, ``southern``): capitalised mid-sentence, it is a name's by the writer's choice."""
    known = _CHOSEN.get(key)
    if known is None:
        from newslint.rules.casing import lists

        known = _CHOSEN[key] = (
            key not in lists.gazetteer().single
            and key not in lists.proper_names()
            and key not in lists.COMPASS
            and key not in _FUNCTION
            and (lists.words().get(key) or 0) >= lists.COMMON
        )
        if len(_CHOSEN) > 100_000:
            _CHOSEN.clear()
    return known


# the text's characters by class, one byte each (an ASCII capital A, a lowercase a, a space, anything
# else "."): a match of _CAP_RUN starts at the A of an "Aa+ Aa" of the text's classes (bytes.translate
# of its Latin-1 form, each character outside Latin-1 a "?": places stay the text's)
_CLASSES = bytes(65 if 65 <= c <= 90 else 97 if 97 <= c <= 122 else 32 if c == 32 else 46 for c in range(256))
_TWO_CAPITALISED = re.compile(rb"Aa+ Aa")


def _cap_runs(text: str):
    """``_CAP_RUN.finditer(text)``, the pattern tried only where two capitalised words meet: the engine
    finds those in the classes' bytes with a search for a literal, not a class at every character.
    (A match that fails where its second word starts: that word is followed by no space, so no match
    starts there either; a skipped start is inside a match found.)"""
    if len(text) < 5:
        return
    end = 0
    for j in _TWO_CAPITALISED.finditer(text.encode("latin-1", "replace").translate(_CLASSES)):
        start = j.start()
        if start >= end and (m := _CAP_RUN.match(text, start)) is not None:
            yield m
            end = m.end()


def _article_names(text: str) -> list[str]:
    """The runs of two or more capitalised words in ``text`` (``Industrial Relations Commission``),
    less a first word that may be capitalised as the sentence's or is a function word (``The House``)."""
    names = []
    for m in _cap_runs(text):
        start = m.start()
        if start and (text[start - 1].isalnum() or text[start - 1] in "'’_-"):
            continue  # the tail of a word ("McDonald Trust")
        name = m.group(0)
        first, _, rest = name.partition(" ")
        if first.lower() in _FUNCTION or not _mid_sentence(text, start):
            name = rest  # its first capital may be the sentence's ("The House")
            if " " not in name:
                continue
        names.append(name)
    return names


def _half_written(text: str, found: list[str], lower=None):
    """A name the article writes capitalised (``found``, of _article_names) written elsewhere with a
    word lowercase and another capitalised mid-sentence (``the Industrial Relations commission``).
    ``lower``: the lowercase words of ``text``, when known (a name none of whose words before the last
    is among them is never written so)."""
    names = set()
    for name in found:
        if lower is not None and lower.isdisjoint(name.lower().split(" ")[:-1]):
            continue
        chosen = _NAME_CHOSEN.get(name)
        if chosen is None:
            chosen = any(_chosen_capital(w.lower()) for w in name.split(" "))
            if len(_NAME_CHOSEN) > 100_000:
                _NAME_CHOSEN.clear()
            _NAME_CHOSEN[name] = chosen
        if chosen:
            names.add(name)
    if not names:
        return
    # each name looked up where its last word stands, written as in the name (a lowercase word is
    # never the last one)
    by_last: dict[str, list[str]] = {}
    for name in names:
        by_last.setdefault(name.rpartition(" ")[2], []).append(name)
    for end, candidates in _last_words(text, by_last):
        for name in candidates:
            start = end - len(name)
            if start < 0:
                continue
            written = text[start:end]
            if written != name and written.lower() == name.lower() and _whole(text, start, end):
                yield from _lowercase_words(text, start, written, name)


def _last_words(text: str, by_last: dict[str, list]) -> list[tuple[int, list]]:
    """(end, by_last[word]) where a key of ``by_last`` (a match of _CAPITALISED) stands in ``text`` as a
    whole match of _CAPITALISED, in the text's order: one str.find per key, in C, instead of a Python
    step per capitalised word of the text. (Every capital followed by [a-z] starts such a match.)"""
    size = len(text)
    if len(by_last) * size > _FIND_BUDGET:  # a huge article with many names: one pass, linear
        return [(m.end(), by_last[m.group(0)]) for m in _CAPITALISED.finditer(text) if m.group(0) in by_last]
    places = []
    for word, value in by_last.items():
        n = len(word)
        p = text.find(word)
        while p != -1:
            end = p + n
            if end == size or not ("a" <= text[end] <= "z"):
                places.append((end, value))
            p = text.find(word, end)
    places.sort(key=_first)
    return places


# characters str.find may scan for one article's keys, one search per key, before a single pass over the
# text is cheaper: finds are fast on news articles, quadratic on a huge one with thousands of names
_FIND_BUDGET = 20_000_000


def _first(pair):
    return pair[0]


def _whole(text: str, start: int, end: int) -> bool:
    return (start == 0 or not (text[start - 1].isalnum() or text[start - 1] in "'’-")) and (
        end == len(text) or not (text[end].isalnum() or text[end] in "'’-")
    )


def _lowercase_words(text: str, start: int, written: str, name: str):
    """The words of ``written`` that ``name`` capitalises, when another of its words is capitalised
    mid-sentence (the writer meant the name) and none is capitalised otherwise."""
    pos = start
    wrong = []
    meant = False
    for word, canonical in zip(written.split(" "), name.split(" ")):
        key = word.lower()
        if word == canonical:
            # a capital the writer chose, on a word that is no name of its own ("New", not "American")
            meant = meant or ((pos > start or _mid_sentence(text, pos)) and _chosen_capital(key))
        elif word.islower() and word not in _FUNCTION:
            wrong.append((pos, word, canonical))
        else:
            return  # "NEW York": another writing
        pos += len(word) + 1
    if not meant or not wrong or _after_indefinite(text, start):
        return  # "a House committee": one of them, not the name
    last = start + len(written) - len(written.rpartition(" ")[2])
    if any(pos == last for pos, _, _ in wrong):
        return  # a lowercase head: a house style ("the Labour party", "the Godkin lectures")
    for pos, word, canonical in wrong:
        message = f"'{word}' is part of the name '{name}', as the article writes it elsewhere: write '{canonical}'."
        yield pos, pos + len(word), message, canonical


def _after_indefinite(text: str, start: int) -> bool:
    before = text[max(0, start - 9) : start].split()
    return bool(before) and before[-1].lower() in ("a", "an", "another", "one", "each", "every", "any")


# what may follow a name's lowercase last word for it to be the name, not a noun's modifier (not "the Anne
# Arundel county school"): a possessive ("the Cancer council's chief"), punctuation, or a function word or verb
_LAST_THEN = re.compile(
    r"(?:['’]s\b|\s*[.,;:!?)\]”\"—–(]|\s*$|\s+(?:and|or|but|in|on|at|of|to|for|with|from|by|as|is|was|has"
    r"|had|have|are|were|will|would|can|could|may|might|must|should|said|says|told|who|which|that|since|after"
    r"|before|last|this|out|up|into|over|about|against|under|then|also|now|still)\b)"
)


# a lowercase ASCII word after a capitalised one and a space, whole (not before a letter, digit or hyphen):
# where _last_word_lowercase's finds of " word" stop, after a name's word (no capital inside the match but
# its first: no place of such a word is inside another match)
_LOWER_AFTER_CAPITALISED = re.compile(r"[A-Z][a-z]+ ([a-z]+)(?![^\W_]|-)")


def _last_word_lowercase(text: str, found: list[str], lower=None):
    """A name the article writes capitalised (``Blue Mountains``), written elsewhere as often or less
    with its last word lowercase before punctuation, a function word or a verb (``in the Blue
    mountains.``); not after ``a``, and only where a capital is the writer's choice (``Blue``, not
    ``Korean`` of ``Korean war``). ``found``: the names of _article_names; ``lower``: the lowercase
    words of ``text``, when known (a last word not among them is never written lowercase)."""
    # the last word lowercase -> {the name less its last word: the name}, for the names with a capital
    # the writer chose before the last word ("Blue", not "Korean" of "Korean War")
    by_last: dict[str, dict[str, str]] = {}
    counts: dict[str, int] = {}
    twice: set[str] = set()  # names with no chosen capital: they need two capitalised writings
    loose: set[str] = set()  # a body's name whose head may qualify a noun when written twice
    for name in found:
        if lower is not None and lower.isdisjoint(name.lower().split(" ")[1:]):
            continue  # none of the words that may end it is written lowercase
        words = name.split(" ")
        chosen = False
        for k in range(2, len(words) + 1):  # "Blue Mountains" of "Blue Mountains National Park" too
            chosen = chosen or _chosen_capital(words[k - 2].lower())
            last = words[k - 1].lower()
            if last in _FUNCTION or (lower is not None and last not in lower):
                continue
            if chosen:
                by_last.setdefault(last, {})[" ".join(words[: k - 1]) + " "] = " ".join(words[:k])
                if k == len(words) and last in _HEADS:
                    loose.add(name)
            elif k == len(words) and last in _HEADS:
                # no chosen capital before, but a body's head the article writes capitalised twice
                # ("the Trump Organization" ... "the Trump organization saved")
                prefix = " ".join(words[: k - 1]) + " "
                by_last.setdefault(last, {}).setdefault(prefix, name)
                twice.add(name)
    if len(by_last) * len(text) > _FIND_BUDGET:  # a huge article with many names: one pass, linear
        for m in _LOWER_AFTER_CAPITALISED.finditer(text):
            names = by_last.get(m.group(1))
            if names is not None:
                hit = _lowercase_last(text, m.start(1), m.end(1), names, counts, twice, loose)
                if hit is not None:
                    yield hit
        return
    for last, names in by_last.items():
        needle = " " + last
        p = text.find(needle)
        while p != -1:
            end = p + len(needle)
            if end == len(text) or not (text[end].isalnum() or text[end] == "-"):
                hit = _lowercase_last(text, p + 1, end, names, counts, twice, loose)
                if hit is not None:
                    yield hit
            p = text.find(needle, end)


def _lowercase_last(text: str, pos: int, end: int, names: dict[str, str], counts: dict[str, int], twice=(), loose=()):
    """The finding for the lowercase word at ``pos`` when the capitalised words before it are one of
    ``names`` less its last word (``counts``: how often the article writes a form, counted once)."""
    for prefix, name in names.items():
        start = pos - len(prefix)
        if start < 0 or not text.startswith(prefix, start):
            continue
        if start and (text[start - 1].isalnum() or text[start - 1] in "'’_-"):
            continue
        word = text[pos:end]
        free = name in twice or name in loose  # a body's head: "the Trump tower triplex", "Market committee decisions"
        if (not free and not _LAST_THEN.match(text, end)) or _after_indefinite(text, start):
            return None  # a modifier ("the Anne Arundel county school") or one of them ("a House committee")
        if " " not in prefix.strip() and not _mid_sentence(text, start):
            return None  # "Party members": the sentence's capital
        for form in (name, prefix + word):
            if form not in counts:
                counts[form] = text.count(form)
        if counts[name] < counts[prefix + word]:
            return None  # the article mostly writes it so: its style, not a slip
        if free and not _LAST_THEN.match(text, end) and (counts[name] < 2 or counts[prefix + word] > 1):
            return None  # a modifier is the name's only when the article writes the name twice, this once
        if name in twice and (counts[name] < 2 or counts[prefix + word] > 1):
            return None
        message = (
            f"'{word}' is part of the name '{name}', as the article writes it elsewhere: write '{word.capitalize()}'."
        )
        return pos, end, message, word.capitalize()
    return None
