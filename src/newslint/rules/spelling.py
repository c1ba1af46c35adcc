"""Spelling rules: known misspellings (codespell's dictionary) and likely typos of common words."""

from __future__ import annotations

import re
from functools import lru_cache

from newslint.document.model import PROSE_KINDS
from newslint.registry import register
from newslint.rule import Rule
from newslint.text import WORD, glued, match_case

_ALPHABET = "abcdefghijklmnopqrstuvwxyz"
_LOWER = re.compile(r"[a-z]+")
# Latin and French words that English prose borrows ("in situ", "inter alia", "bete noire").
_BORROWED = frozenset(
    """situ extremis alia voce pacem noli vade mecum bona fide sine qua facto jure priori posteriori quid
    quo habeas amicus curiae nolo contendere infinitum hominem nauseam versa operandi vivendi grata
    sequitur firma incognita magna laude summa mater carte blanche etat fait accompli raison tete bete
    noire joie vivre deja brulee entente detente chez laissez faire savoir nouveau riche avant garde
    hors doeuvre oeuvre oeuvres soiree cortege protege fiance fiancee naivete passe risque mot mots
    realpolitik zeitgeist angst schadenfreude wunderkind kitsch putsch diktat glasnost perestroika
    intifada jihad fatwa forma haute pas""".split()
) | frozenset("von van der den ter ibn bint dos das del della".split())  # particles of names: "Otto von Bismarck"
# Articles and prepositions of the languages news copy quotes most: a word next to one is foreign.
_FOREIGN = frozenset(
    "la le les des du un une et el los las der die das und il di del au aux ce qui que est sur avec nolo".split()
)

# Affixes that make a plausible word from a known one ("unfreeze", "rebranded", "shareholding").
_PREFIXES = (
    "un re non pre post anti over under out mis dis co sub super inter multi semi counter mid self "
    "de en ex extra hyper micro mini macro mega neo pro pseudo trans ultra cyber bio geo eco tele"
).split()
_SUFFIXES = (
    "s es ed ing er ers est ly ness ment ments able ably ible ful less ism ist ists ize ized izes "
    "izing ise ised ises ising ity ities ic al ally ation ations ship hood ward wards like y ish"
).split()


@lru_cache(maxsize=1)
def newsroom_list() -> frozenset[str]:
    """Words the YAML rule spelling/misspellings covers: spelling/typo leaves them to it (cached per
    user as one string, keyed on the YAML file)."""
    from newslint.lexicon import _cached_as
    from newslint.registry import shipped_rules_dir

    data = _cached_as("newsroom-1", [shipped_rules_dir() / "spelling" / "misspellings.yaml"], _build_newsroom, (str,))
    return frozenset(data[0].split("\n")) if data[0] else frozenset()


def _build_newsroom(sources) -> tuple[str]:
    from newslint.errors import ConfigError
    from newslint.kinds import load_yaml_rules

    try:
        (rule,) = load_yaml_rules(sources)
    except ConfigError:
        return ("",)
    return ("\n".join(sorted({str(k).lower() for k in rule.data.get("swap", {})})),)


def _edits1(word: str) -> set[str]:
    """Every string one deletion, transposition, substitution or insertion away (Damerau-Levenshtein 1)."""
    out = set(_edit_strings(word))
    out.discard(word)
    return out


def _edit_strings(word: str) -> list[str]:
    """The strings of _edits1(word), some more than once, and maybe ``word`` itself. The 26 substitutions
    or insertions at a place are made by one ``str.join`` and all split apart at once (in C)."""
    n = len(word)
    if "\n" in word:  # the join below splits at newlines
        splits = [(word[:i], word[i:]) for i in range(n + 1)]
        out = [a + b[1:] for a, b in splits if b]
        out += [a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1]
        out += [a + c + b[1:] for a, b in splits if b for c in _ALPHABET]
        return out + [a + c + b for a, b in splits for c in _ALPHABET]
    parts = [word[:i] + word[i + 1 :] for i in range(n)]
    parts += [word[:i] + word[i + 1] + word[i] + word[i + 2 :] for i in range(n - 1)]
    for i in range(n + 1):
        a, b = word[:i], word[i:]
        parts.append(a + (b + "\n" + a).join(_ALPHABET) + b)  # insertions: a + c + b
        if b:
            b = b[1:]
            parts.append(a + (b + "\n" + a).join(_ALPHABET) + b)  # substitutions: a + c + b[1:]
    return "\n".join(parts).split("\n")


def _plausible_word(word: str, known) -> bool:
    """A rare word built from common parts: an inflection, a prefixed word or a compound.

    Parts count only when the frequency list knows them well (CMUdict alone holds too many odd
    entries: "veer" + "how" must not excuse "howveer").
    """

    from newslint.lexicon import COMMON, TIERS, known_tier, listed_words

    frequent, listed = (known_tier(0), listed_words(COMMON)) if len(_STAGES) > 1 else (None, None)

    def common(part: str, floor: int) -> bool:
        if frequent is not None and floor >= TIERS[0] and part not in frequent and part not in listed:
            return False  # seen fewer than TIERS[0] times: no need to look up the count
        return known.get(part, 0) >= floor

    def stem_known(stem: str) -> bool:
        # a short or rare stem proves little: "had" + "ed" is no excuse for "haded"
        return len(stem) >= 4 and (common(stem, 100_000) or (len(stem) >= 5 and common(stem, 1)))

    for suffix in _SUFFIXES:
        if not word.endswith(suffix):
            continue
        stem = word[: -len(suffix)]
        if suffix == "es" and not stem.endswith(("s", "x", "z", "ch", "sh", "o")):
            continue  # "statees" is no plural
        if len(suffix) == 1 and stem.endswith(suffix):
            continue  # "yearss", "theyy": a doubled last letter, not an ending
        candidates = {stem, stem + "e"} if suffix[0] in "aeiouy" else {stem}  # "lov" + "ly" is no "lovely"
        if stem.endswith("i") and suffix[0] != "i":
            candidates.add(stem[:-1] + "y")  # "happiness"; "runniing" is no "runny" + "ing"
        undoubled = stem[:-1]
        if (
            suffix[0] in "aeio"
            and len(stem) > 3
            and stem[-1] == stem[-2]
            and undoubled[-1] not in "aeiouwy"
            and undoubled[-2] in "aeiou"
            and undoubled[-3] not in "aeiou"
        ):
            candidates.add(undoubled)  # "travell" -> "travel", "stopp" -> "stop"
        if any(stem_known(c) for c in candidates):
            return True
    for prefix in _PREFIXES:
        if word.startswith(prefix) and stem_known(word[len(prefix) :]):
            return True
    # a compound of two common words: "shareholding", "policymaker", "bedfast"
    return any(
        common(word[:k], 5_000_000 if min(k, len(word) - k) >= 4 else 50_000_000)
        and common(word[k:], 5_000_000 if min(k, len(word) - k) >= 4 else 50_000_000)
        for k in range(3, len(word) - 2)
    )


@register
class Typo(Rule):
    id = "spelling/typo"
    summary = "Misspelled word: a known misspelling, or an unknown word one letter away from a common one."
    description = (
        "Two sources. (1) Known misspellings from codespell's dictionary (the installed `codespell` "
        "package), with the correction: a safe fix when codespell gives one correction without a caveat, an"
        " unsafe one otherwise. (2) An unknown lowercase word (absent from symspellpy's English frequency "
        "list, hunspell-en-us's lowercase words and the common variants of Debian's wamerican list "
        "(`snuck`, `pled`; both shipped in rules/data) and codespell's British/American pairs; a word only "
        "CMUdict's list of names knows counts as unknown) one edit (a dropped, doubled, swapped, extra or "
        "wrong letter) from a common English word (seen a million times in the list's corpus), with the "
        "most frequent such words as an unsafe suggestion. Part (2) stays quiet on words shorter than the "
        "option `min-length` (3), three-letter words unless a very common word is one edit away, words used"
        " twice or more in the article, borrowed Latin and French words and words next to a foreign or "
        "unknown lowercase one (`bete noire`, `la chatte`, `a loya jirga`), old spellings (`feare`, "
        "`employe`), inflections, prefixed words and compounds of known words (but not two swapped letters "
        "or a doubled one in a common word: `tranist`, `askking`), and parts of hyphenated words that are "
        "not joined to real words. A capitalised word is checked only at the start of a sentence and only "
        "against codespell's list (`Becuase`), unless it looks like a name (used again, or next to another "
        "capitalised word). Never flagged: other capitalised words, acronyms, words with digits or "
        "underscores, names from the gazetteer of casing/proper-noun, and words in your vocabulary. The "
        "newsroom list of the YAML rule spelling/misspellings (rules/spelling/misspellings.yaml) is kept as"
        " its own rule, so a newsroom can edit it; words on that list are left to it here, so one "
        "misspelling never gets two findings."
    )
    severity = "error"
    fixable = "always"
    options = {"min-length": 3}
    examples = {
        "bad": [
            "Officials adressed the crowd on Monday.",
            "The reprot was published on Tuesday.",
            "Exports fell becuase of the war.",
            "The vote was preceeded by a debate.",
            "Negotiators met ovre the weekend.",
        ],
        "good": [
            "The government said the decision was final.",
            "Shareholders backed the rebranded policymaker's plan.",
            "The colour of the theater's labor banner was gray.",
            "NATO and the IAEA met in Kyiv; Zelenskyy spoke.",
        ],
    }

    @staticmethod
    def _starts_sentence(ctx, block, start: int) -> bool:
        from newslint.document.sentences import split_sentences

        cache = ctx.shared.setdefault("spelling.starts", {})
        starts = cache.get(id(block))
        if starts is None:
            starts = cache[id(block)] = {a for a, _ in split_sentences(block.text)}
        i = start
        while i > 0 and block.text[i - 1] in "\"“‘'([«":
            i -= 1
        return i in starts

    @staticmethod
    def _used_twice(ctx, lower: str) -> bool:
        """The word occurs twice or more in the document's prose, in any case."""
        memo = ctx.shared.get("spelling.twice")
        if memo is None:
            from newslint.kinds.matcher import prose_text

            blocks = ctx.document.prose_blocks()
            if sum(len(b.text) + 1 for b in blocks) > 50_001:  # a long document: count every word once
                from collections import Counter

                counts: Counter = Counter()
                for b in blocks:
                    counts.update(map(str.lower, WORD.findall(b.text)))
                memo = {"": counts}
            else:  # the shared ProseText (the same words as the blocks joined) and its text lowercased, once needed
                memo = {"": [prose_text(ctx.document, ctx), None]}
            ctx.shared["spelling.twice"] = memo
        found = memo.get(lower)
        if found is None:
            data = memo[""]
            if not isinstance(data, list):
                found = data[lower] > 1
            elif _fewer_than_two(data, lower):  # a cheap upper bound
                found = False
            else:
                text = data[0].text
                if data[1] is None:
                    data[1] = text.lower()
                if len(data[1]) == len(text):
                    found = len(_spots(text, data[1], {lower: True})) > 1
                else:
                    matches = _exact(lower, re.IGNORECASE).finditer(text)
                    found = sum(1 for m in matches if m.group(0).lower() == lower) > 1
            memo[lower] = found
        return found

    document_level = True  # the blocks' words are looked up at once; findings stay in their block

    def check_document(self, doc, ctx):
        if self.scope == PROSE_KINDS:
            from newslint.kinds.matcher import prose_text

            prose = prose_text(doc, ctx)  # built once a document, shared with other rules
            plan = _plan_runs(prose) if len(prose.text) <= 20_000 else None
            if plan is not None:
                for block in prose.blocks:
                    spots = plan.get(id(block))
                    if spots:
                        yield from self._check_words(block, ctx, spots)
                return
        blocks = [b for b in doc.blocks if b.kind in self.scope and b.text]
        for chunk in chunks(blocks):  # a long document a part at a time: bounded memory and finds
            plan = _plan(chunk)
            for block in chunk:
                spots = plan[id(block)]
                if spots:
                    yield from self._check_words(block, ctx, spots)

    def check(self, block, ctx):
        spots = _plan([block])[id(block)]
        if spots:
            yield from self._check_words(block, ctx, spots)

    def _check_words(self, block, ctx, spots):
        """The checks of each occurrence, in context, of the words _plan found."""
        from newslint.lexicon import codespell_index, counts, gazetteer_words, parse_codespell_entry

        text = block.text
        misspelled = codespell_index()
        known = counts()
        names = gazetteer_words()
        newsroom = newsroom_list()
        accepted = ctx.accepted_words()
        min_length = max(3, int(ctx.options.get("min-length", 5)))
        for start, end in spots:
            word = text[start:end]
            if word[0] == "’" or glued(text, start, end):
                continue
            opener = False
            if not word.islower():
                # a capitalised word only at a sentence start, only from codespell's list ("Teh", "Becuase")
                if not (word[0].isupper() and word[1:].islower() and len(word) > 2):
                    continue
                if misspelled.get(word.lower()) is None or not self._starts_sentence(ctx, block, start):
                    continue
                if (
                    self._used_twice(ctx, word.lower())
                    or re.match(r"(?:\s+(?:and|of|&))?\s+[A-Z]|-", text[end : end + 8])
                    or text[start - 1 : start] == "-"
                ):
                    continue  # a name: used again ("Fromm"), or beside another ("Lew Ayres", "Didi and Gogo")
                opener = True
            if text[end : end + 1] in ("'", "’") and not text[end + 1 : end + 2].isalpha():
                continue  # an elision in dialogue ("countin'", "lyin'") or a closing quote
            lower = word.lower()
            if lower in newsroom or lower in accepted or lower in names:
                continue
            if _mentioned(text, start, end):
                continue  # a file extension (".rar") or a word quoted as a word (the usual "ums")
            raw = misspelled.get(lower.replace("’", "'"))
            if raw is None and word.islower() and known.get(word):
                continue  # a known word, not a misspelling
            if raw is None and _foreign_quote(text, start, end, known):
                continue  # a short quotation in another language: the Swahili nickname "mkono wa damu"
            if raw is not None:
                corrections, reason = parse_codespell_entry(raw)
                if "’" in word:
                    corrections = [c.replace("'", "’") for c in corrections]
                if not corrections or (len(corrections) > 1 and "-" in (text[start - 1 : start], text[end : end + 1])):
                    continue  # none, or a doubtful entry inside a hyphenated word ("know-it-alls": all? falls?)
                right = match_case(word, corrections[0])
                if len(corrections) == 1:
                    msg = f"'{word}' is a misspelling of '{right}'."
                else:
                    options = "', '".join(match_case(word, c) for c in corrections)
                    msg = f"'{word}' is a misspelling: write one of '{options}'."
                safe = len(corrections) == 1 and not reason
                yield self.report(block, start, end, msg, right, "safe" if safe else "unsafe")
                continue
            if opener:
                continue
            suggestions = self._suggest(ctx, text, start, end, word, known, misspelled, min_length)
            if suggestions:
                alternatives = "' or '".join(suggestions)
                yield self.report(
                    block,
                    start,
                    end,
                    f"'{word}' is not a known word: did you mean '{alternatives}'?",
                    suggestions[0],
                    "unsafe",
                )

    def _suggest(self, ctx, text, start, end, word, known, misspelled, min_length) -> list[str] | None:
        """The checks of an unknown lowercase word's context (_classify did those of the word alone)."""
        if len(word) < min_length:
            return None
        # a word only CMUdict knows (count 0) is mostly a name; lowercase, it is as unknown as "nad",
        # but not inside a hyphenated word ("bric-a-brac", "teen-agers", "Kai-shek")
        if known.get(word) == 0 and "-" in (text[end : end + 1], text[start - 1 : start]):
            return None
        if text[end : end + 1] in ("'", "’") or text[start - 1 : start] in ("'", "’"):
            return None  # elisions: "o'er", "'twas"
        if "-" in (text[end : end + 1], text[start - 1 : start]):
            # a part of a hyphenated compound: only a longer part joined to real words ("three-yaer")
            compound = re.search(r"[\w-]*$", text[:start]).group(0) + re.match(r"[\w-]*", text[start:]).group(0)
            others = [p for p in compound.split("-") if p and p != word]
            if len(word) < 4 or not others or any(not p.isalpha() or p.lower() not in known for p in others):
                return None
            if text[end : end + 1] == "-" and word[-1] in "io":
                return None  # combining forms: "tragi-comic", "socio-economic", "Sino-"
        if text[end : end + 1] == "." and text[end + 1 : end + 2] not in ("", " ", "\n", '"', "”", ")"):
            return None
        if self._used_twice(ctx, word):
            return None  # used twice: deliberate (a term, a name, a coinage)
        if self._foreign_context(text, start, end, known, misspelled):
            return None
        return _dictionary_suggestions(word)

    @staticmethod
    def _foreign_context(text: str, start: int, end: int, known, misspelled) -> bool:
        """A neighbour that is foreign ("la chatte", "bete noire", "nolo contendere"): a word of
        another language's articles, or an unknown lowercase word ("a loya jirga": two unknown words
        side by side are a phrase of another language, not two slips; a word only CMUdict knows is
        as unknown here as elsewhere)."""
        window = text[max(0, start - 30) : start]
        left = window.rstrip()  # the letters before the spaces before the word, read backwards (in C)
        before = _LETTERS.match(left[::-1]) if len(left) < len(window) else None
        after = _SPACE_LETTERS.match(text, end, end + 30)
        base = max(0, start - 30)
        for neighbour, glue, rest in (
            (
                before and before.group(0)[::-1],
                before and text[base + len(left) - before.end() - 1 : base + len(left) - before.end()],
                "",
            ),
            (after and after.group(1), after and text[after.end(1) : after.end(1) + 1], after and text[after.end(1) :]),
        ):
            if not neighbour or glue == "-":
                continue  # no neighbour, or a part of a hyphenated word ("its annuall pre-Fair parade")
            lower = neighbour.lower()
            if lower == "die" and not re.match(r" [A-Z]", rest or ""):
                continue  # English ("I wiill die rich"), unless a German noun follows ("wiill die Zeit")
            if (
                lower in _FOREIGN
                or neighbour == "de"
                or (
                    neighbour.islower()
                    and len(lower) > 2
                    and not _is_common(lower, known)  # (most neighbours: one set probe)
                    and not known.get(lower)
                    and lower not in misspelled
                )
            ):
                return True
        return False


_QUOTE_OPENS = frozenset("\"'“‘")
_QUOTE_CLOSES = re.compile(r"[\"'”’]")


def _mentioned(text: str, start: int, end: int) -> bool:
    """The word at text[start:end] is named, not used: a file extension after a dot that follows a space
    (``.zip or .rar``), or a lowercase word alone in quotation marks with no punctuation inside them
    (``the usual “ums” and “ahs”``; not a quoted reply, ``said to be “faiir.”``)."""
    before = text[start - 1 : start]
    if before == ".":
        return start == 1 or text[start - 2] in " \t\n(“\"'"
    return before in _QUOTE_OPENS and text[start].islower() and _QUOTE_CLOSES.match(text, end) is not None


_QUOTED_SPAN = re.compile(r"[\"“]([^\"“”]{1,60})[\"”]")


def _foreign_quote(text: str, start: int, end: int, known) -> bool:
    """text[start:end] is inside a quotation of two to six words of which two lowercase ones or more
    are no English word (``"mkono wa damu,"``): another language quoted, not slips."""
    for m in _QUOTED_SPAN.finditer(text, max(0, start - 60), min(len(text), end + 60)):
        if m.start(1) <= start and end <= m.end(1):
            words = re.findall(r"[^\W\d_]+", m.group(1))
            if 2 <= len(words) <= 6:
                return sum(1 for w in words if w.islower() and not known.get(w)) >= 2
            return False
    return False


def _fewer_than_two(data: list, lower: str) -> bool:
    """``lower`` occurs fewer than twice in ``data[0].text.lower()`` (a ProseText's), counted without
    lowercasing the text where that gives the same count: an ASCII word in the ASCII-lowercased bytes
    of a text without the characters that lowercase to ASCII letters (İ and K)."""
    prose = data[0]
    if lower.isascii() and "\u0130" not in prose.text and "\u212a" not in prose.text:  # (one-character finds)
        return prose.lower_bytes().count(lower.encode()) < 2
    if data[1] is None:
        data[1] = prose.text.lower()
    return data[1].count(lower) < 2


def chunks(blocks, size: int = 20_000):
    """``blocks`` in runs of about ``size`` characters (one run for an ordinary article)."""
    run, length = [], 0
    for block in blocks:
        run.append(block)
        length += len(block.text)
        if length >= size:
            yield run
            run, length = [], 0
    if run:
        yield run


def _dictionary_suggestions(word: str) -> list[str] | None:
    """The common words one edit from ``word``, most frequent first, unless ``word`` looks deliberate
    whatever its context (an inflection or compound of known words, an old spelling); memoised, and a
    word with none joins _NEVER (and _NEVER_RUNS)."""
    found = _SUGGESTIONS.get(word, _SUGGESTIONS)
    if found is not _SUGGESTIONS:
        return found
    store = learned_store()
    stored = store.get(word, _SUGGESTIONS)
    if stored is None or (type(stored) is tuple and stored and all(type(c) is str for c in stored)):
        found = None if stored is None else list(stored)  # what an earlier process worked out
    else:
        found = _suggestions(word)
        store.learn(word, None if found is None else tuple(found))
    if found is None:
        _NEVER.add(word)
        if word.isascii():
            _NEVER_RUNS.add(word.encode())
            _RUNS.pop(word.encode(), None)
    _SUGGESTIONS[word] = found
    return found


def _suggestions(word: str) -> list[str] | None:
    """_dictionary_suggestions() worked out (not memoised, no side effect)."""
    from newslint.lexicon import counts

    known = counts()
    if not _plausible_word(word, known) or _slip_of(word):
        candidates = _common(_edit_strings(word)) - {word}
        ranked = sorted(((known.get(c, 0), c) for c in candidates), reverse=True)
        if not ranked or (len(word) == 3 and ranked[0][0] < 50_000_000):
            pass  # three letters: only an obvious slip of a very common word ("thn", "wiht")
        elif word.endswith("e") and ranked[0][1][:-1] == word:
            pass  # "employe", "batterie", "comedie": old or foreign spellings, not a dropped letter
        else:
            return [c for _, c in ranked[:3]]
    return None


def learned_store():
    """The per-user store of what processes learned of the words (see usercache.LearnedStore): a word's
    suggestions (_dictionary_suggestions, by the word) and a run's verdict (_classify, by the run's
    bytes), which depend only on the word, newslint's code and shipped data, and the word lists of
    other packages (their paths, sizes and times)."""
    global _LEARNED
    if _LEARNED is None:
        from newslint.usercache import LearnedStore

        _LEARNED = LearnedStore(f"spelling-learned-v{LEARNED_FORMAT}", _learned_key, limit=100_000)
    return _LEARNED


def _learned_key() -> tuple:
    import os
    import sys

    from newslint.cache import code_fingerprint
    from newslint.lexicon import codespell_source, word_sources

    sources = [*word_sources(), codespell_source()]
    stats = [(str(p), os.stat(p).st_size, os.stat(p).st_mtime_ns) for p in sources if p is not None]
    return (LEARNED_FORMAT, sys.version, code_fingerprint(), tuple(stats))  # (str methods: Unicode's version)


LEARNED_FORMAT = 1
_LEARNED = None


def _slip_of(word: str) -> bool:
    """Two letters swapped or one doubled in a common word (lexicon.COMMON: "tranist", "askking"): a
    slip, even where the letters also spell parts of words ("tran" + "ist", "ask" + "king"). A final
    "re" for "er" is an old or British spelling ("delivre", "centre"), not a slip."""
    swaps = {
        word[:i] + word[i + 1] + word[i] + word[i + 2 :]
        for i in range(len(word) - 1)
        if word[i] != word[i + 1] and word[i:] != "re"
    }
    swaps.update(word[:i] + word[i + 1 :] for i in range(len(word) - 1) if word[i] == word[i + 1])
    return bool(_common(swaps))


def _common(words) -> set[str] | frozenset[str]:
    """The words of ``words`` (an iterable) seen a million times (lexicon.COMMON): by a set operation on
    the common words (_common_words), or, while the process has planned one document only, by looking
    up the few words (cheaper than loading 22,000 words for a single article)."""
    if len(_STAGES) < 2:
        from newslint.lexicon import COMMON, counts

        known = counts()
        return {w for w in words if known.get(w, 0) >= COMMON}
    return _common_words().intersection(words)


@lru_cache(maxsize=1)
def _common_words() -> frozenset[str]:
    """The words seen a million times (lexicon.COMMON): the first two tiers and the common words
    codespell lists, in one set (one probe a word)."""
    from newslint.lexicon import COMMON, known_tier, listed_words

    return known_tier(0) | known_tier(1) | listed_words(COMMON)


def _plan(blocks) -> dict[int, list[tuple[int, int]]]:
    """id(block) -> the spans, in the block, of the words that may be flagged there.

    In the blocks' joined text, everything but ASCII letters, ``'`` and non-ASCII characters becomes
    a space (``bytes.translate``, in C); its pieces less the process's _NEVER set (the common words,
    and the words found never flagged so far) leave the few that reach Python, each judged once a
    process (_judge). Their occurrences are then found with ``str.find``.
    """
    from bisect import bisect_right

    from newslint.lexicon import known_tier

    plan: dict[int, list[tuple[int, int]]] = {id(b): [] for b in blocks}
    texts = [b.text for b in blocks]
    joined = "\n".join(texts)
    if len(_NEVER) > 1_000_000:  # a process fed huge, odd texts: start the memo again
        _NEVER.clear()
        _PLANNED.clear()
        _JUDGED.clear()
        _SUGGESTIONS.clear()
    if len(_PLANNED) < 2:
        # the common words are never flagged: 9,000 for the first document, 22,000 once the process
        # lints a second one (then the longer lists pay off)
        for tier in range(1 if not _PLANNED else 2):
            _NEVER.update(known_tier(tier))
        _PLANNED.append(None)
    pieces = joined.encode("utf-8", "surrogatepass").translate(_KEEP).decode("utf-8", "surrogatepass").split()
    forms: dict[str, bool] = {}
    for piece in set(pieces).difference(_NEVER):  # distinct first: fewer probes of the big set
        judged = _JUDGED.get(piece)
        for form, any_case in _judge(piece) if judged is None else judged:
            forms[form] = any_case or forms.get(form, False)
    if not forms:
        return plan
    low = joined.lower() if any(forms.values()) else None
    starts = []
    offset = 0
    for text in texts:
        starts.append(offset)
        offset += len(text) + 1
    for start, end in _spots(joined, low, forms):
        i = bisect_right(starts, start) - 1
        plan[id(blocks[i])].append((start - starts[i], end - starts[i]))
    return plan


def _plan_runs(prose) -> dict[int, list[tuple[int, int]]] | None:
    """What _plan gives for the blocks of ``prose`` (a ProseText), found from its lowercased runs of
    ASCII letters (``ProseText.words()``, shared with other rules): those not known to be never
    flagged (the common words, _NEVER_RUNS) are the few judged in Python. None (use _plan) when a
    word may be flaggable that its runs do not show: a codespell misspelling with an apostrophe
    (``did'nt``) or a letter outside ASCII (``évaluate``), or a Kelvin sign (lowercases to ``k``).

    A run stands for the ASCII words of its letters in any case: its verdict is _classify's, whose
    None means no form of it is ever flagged, True that codespell lists it (any case), False that
    only its lowercase form may be flagged (an unknown word). _spots then finds the words."""
    text = prose.text
    words = prose.words()
    if not text.isascii():
        low = prose.lower_bytes()
        if _KELVIN in low or _held(words, low, _odd_words(), 0):
            return None
        straight, curly = b"'" in low, _CURLY in low
        if (straight or curly) and _held(words, low, _apostrophe_words(), 0 if straight and curly else 1 + curly):
            return None
    elif "'" in text and _held(words, prose.lower_bytes(), _apostrophe_words(), 1):
        return None
    if len(_NEVER_RUNS) > 1_000_000 or len(_RUNS) > 200_000:  # huge, odd texts: start the memo again
        _NEVER_RUNS.clear()
        _RUNS.clear()
        _SEEDED.clear()
    from newslint.lexicon import known_tier_bytes, tier_bytes

    # the common words: 9,000 for the first document; 54,000 once the process lints a second one, in
    # _NEVER_RUNS itself (one probe a word)
    if not _STAGES:
        candidates = words.difference(known_tier_bytes(0)).difference(_NEVER_RUNS)
    else:
        if not _SEEDED:
            _NEVER_RUNS.update(known_tier_bytes(0))
            for tier in (1, 2):  # not kept apart as well (known_tier_bytes's cache): one copy of the words
                _NEVER_RUNS.update(tier_bytes(tier))
            _SEEDED.append(None)
        candidates = words.difference(_NEVER_RUNS)
    if len(_STAGES) < 2:
        _STAGES.append(None)
    forms: dict[str, bool] = {}
    store = learned_store()
    for run in candidates:
        verdict = _RUNS.get(run)
        if verdict is None:
            form = run.decode("ascii")
            any_case = store.get(run, _RUNS)
            if any_case is None:
                _NEVER.add(form)  # as _classify() does: an earlier process's verdict
            elif any_case is not True and any_case is not False:
                any_case = _classify(form)
                store.learn(run, any_case)
            if any_case is None:
                _NEVER_RUNS.add(run)
                continue
            verdict = _RUNS[run] = (form, any_case)
        forms[verdict[0]] = verdict[1]
    plan: dict[int, list[tuple[int, int]]] = {}
    if not forms:
        return plan
    low = text.lower() if any(forms.values()) else None
    blocks = prose.blocks
    for start, end in _spots(text, low, forms):
        k, offset = prose.locate(start)
        plan.setdefault(id(blocks[k]), []).append((offset, offset + end - start))
    return plan


_KELVIN = "\u212a".encode()
_CURLY = "’".encode()


def _held(words: frozenset[bytes], low: bytes, index: dict, kind: int) -> bool:
    """One of the words of ``index`` (see _index) may be in ``low``, a ProseText's lower_bytes(),
    whose words() are ``words``; ``kind`` picks the forms to look for: 0 all, 1 those without a
    curly apostrophe, 2 those without a straight one (the text lacks it)."""
    if words.isdisjoint(index):
        return False
    for head in words.intersection(index):
        for runs, forms in index[head]:
            if runs <= words:
                for needle in forms[kind]:
                    if _starts_word(low, needle):
                        return True
    return False


def _starts_word(text: bytes, needle: bytes) -> bool:
    """``needle`` occurs in ``text`` with no ASCII letter just before it."""
    i = text.find(needle)
    while i > 0 and text[i - 1 : i].isalpha():
        i = text.find(needle, i + 1)
    return i >= 0


@lru_cache(maxsize=1)
def _apostrophe_words() -> dict[bytes, list[tuple[frozenset[bytes], tuple[tuple[bytes, ...], ...]]]]:
    """codespell's misspellings with an apostrophe (``did'nt``): see _index."""
    from newslint.lexicon import codespell_odd

    # a word never ends with an apostrophe (text.WORD): those are never looked up
    return _index(k for k in codespell_odd()[0] if not k.endswith("'"))


@lru_cache(maxsize=1)
def _odd_words() -> dict[bytes, list[tuple[frozenset[bytes], tuple[tuple[bytes, ...], ...]]]]:
    """codespell's misspellings with a letter outside ASCII (``évaluate``): see _index."""
    from newslint.lexicon import codespell_odd

    return _index(codespell_odd()[1])


def _index(keys) -> dict[bytes, list[tuple[frozenset[bytes], tuple[tuple[bytes, ...], ...]]]]:
    """One run of ASCII letters of each key (lowercased) -> [(the key's runs, the key as it may
    stand in a ProseText's lower_bytes(): lowercase or capitalised, with either apostrophe; with
    no curly one; with no straight one)]."""
    index: dict[bytes, list] = {}
    for key in keys:
        key = key.lower()
        runs = [r.encode() for r in re.findall(r"[a-z]+", key)]
        if not runs:
            continue
        forms = {key, key[:1].upper() + key[1:]}
        forms |= {f.replace("'", "’") for f in forms}
        needles = sorted({f.encode("utf-8").lower() for f in forms})
        kinds = (
            tuple(needles),
            tuple(n for n in needles if _CURLY not in n),
            tuple(n for n in needles if b"'" not in n),
        )
        index.setdefault(max(runs, key=len), []).append((frozenset(runs), kinds))
    return index


def _spots(text: str, low: str | None, forms: dict[str, bool]) -> list[tuple[int, int]]:
    """The spans of ``forms`` as whole words of ``text``: in any case for a form that codespell lists
    (``Becuase``; ``low`` is ``text.lower()``), else only in lowercase."""
    found = []
    for form, any_case in forms.items():
        if any_case and (low is None or len(low) != len(text)):  # lowercasing moved things ("İ")
            found.extend(m.span() for m in _exact(form, re.IGNORECASE).finditer(text) if m.group(0).lower() == form)
            continue
        haystack = low if any_case else text
        i = haystack.find(form)
        while i >= 0:
            j = i + len(form)
            if _START.match(text, i) and _END.match(text, j):
                found.append((i, j))
            i = haystack.find(form, i + 1)
    found.sort()
    return found


def _judge(piece: str) -> tuple[tuple[str, bool], ...]:
    """The words of a piece of text (see _plan) that may be flagged, lowercased, each with whether
    any case may be (True: codespell lists it) or only lowercase (False: an unknown word); memoised
    in _JUDGED, or the piece joins _NEVER when there are none."""
    if piece.isascii() and piece.isalpha():  # most pieces: one word
        if piece.islower():
            any_case = _classify(piece)
            judged = () if any_case is None else ((piece, any_case),)
        elif piece[1:].islower() and len(piece) > 2 and (lower := piece.lower()) not in _NEVER:
            judged = ((lower, True),) if lower in _lexicon()[4] else ()  # "Becuase": codespell's
        else:
            judged = ()  # a capitalised word codespell does not list, or capitals ("NATO", "McCain")
    else:
        found = []
        for word in WORD.findall(piece):
            if word in _NEVER:
                continue
            if word.islower():
                any_case = _classify(word)
                if any_case is not None:
                    found.append((word, any_case))
            elif word[0].isupper() and word[1:].islower() and len(word) > 2:
                # a capitalised word is flagged only when codespell lists it ("Becuase")
                lower = word.lower()
                if lower not in _NEVER and lower in _lexicon()[4]:
                    found.append((lower, True))
        judged = tuple(found)
    if not judged:
        _NEVER.add(piece)
    elif len(_JUDGED) < 200_000:
        _JUDGED[piece] = judged
    return judged


def _classify(form: str) -> bool | None:
    """What the dictionary alone says of a lowercased word: None when no occurrence of it, in any case
    or context, can be flagged; True when codespell lists it; False when only its lowercase
    occurrences can be flagged, as unknown words. None adds it to _NEVER."""
    newsroom, names, listed, counts, index, proper = _lexicon()
    verdict: bool | None = False
    if form in listed:
        verdict = True  # a known word that codespell lists ("advices", "despatch")
    elif form in names or form in newsroom or counts.known(form):
        verdict = None  # a known word; or the YAML rule's, or a name's
    elif form in index or ("’" in form and form.replace("’", "'") in index):
        verdict = True
    elif (
        len(form) < 3
        or len(form) > MAX_SUGGEST_LENGTH
        or not _LOWER.fullmatch(form)
        or form in _BORROWED
        or form in proper
        or _old_spelling(form, counts)
    ):
        verdict = None
    if verdict is None:
        _NEVER.add(form)
    return verdict


@lru_cache(maxsize=1)
def _lexicon() -> tuple:
    """The word lists _classify reads, loaded on first use."""
    from newslint.lexicon import codespell_index, counts, gazetteer_words, listed_words, proper_names

    newsroom = newsroom_list()
    names = gazetteer_words()
    return newsroom, names, listed_words(), counts(), codespell_index(), proper_names()


def _old_spelling(word: str, known) -> bool:
    """ "feare", "himselfe", "romantick"; "employe", "employes": older spellings of common words."""
    if (
        len(word) >= 5
        and ((word.endswith("e") and word[-2] not in "aeiou") or word.endswith("ck"))
        and _is_common(word[:-1], known)
    ):
        return True
    base = word[:-1] if word.endswith("s") else word
    return base.endswith("e") and not base.endswith("ee") and _is_common(base + "e", known)


def _is_common(word: str, known) -> bool:
    """``known.get(word, 0) >= lexicon.COMMON`` (``known`` is lexicon.counts()): one probe of
    _common_words once the process has planned two documents (it is loaded then), else a lookup."""
    if len(_STAGES) > 1:
        return word in _common_words()
    from newslint.lexicon import COMMON

    return known.get(word, 0) >= COMMON


def _exact(word: str, flags: int = 0) -> re.Pattern:
    """``word`` as a whole WORD token (no letter, and no letter and apostrophe, on either side)."""
    return re.compile(rf"(?<![^\W\d_])(?<![^\W\d_]['’]){re.escape(word)}(?![^\W\d_]|['’][^\W\d_])", flags)


_LETTERS = re.compile(r"[^\W\d_]+")
_SPACE_LETTERS = re.compile(r"\s+([^\W\d_]+)")
_KEEP = bytes(c if chr(c).isalpha() or c == 39 or c >= 128 else 32 for c in range(256))
"""A bytes.translate table: ASCII letters, the apostrophe and the bytes of non-ASCII characters stay,
the rest become spaces."""
_START = re.compile(r"(?<![^\W\d_])(?<![^\W\d_]['’])")
_END = re.compile(r"(?![^\W\d_]|['’][^\W\d_])")

_NEVER: set[str] = set()
"""Lowercased words never flagged, in any case or context: the common words (lexicon.known_tier),
and those found so far in this process."""
_JUDGED: dict[str, tuple[tuple[str, bool], ...]] = {}
"""Pieces of text (see _plan) with words that may be flagged -> those words (see _judge)."""
_SUGGESTIONS: dict[str, list[str] | None] = {}
_NEVER_RUNS: set[bytes] = set()
"""Lowercase runs of ASCII letters (see _plan_runs) no form of which is ever flagged: from the second
document on, the common words too."""
_RUNS: dict[bytes, tuple[str, bool]] = {}
"""Other runs met -> (the run as str, _classify's verdict)."""
_SEEDED: list[None] = []
"""One item once _NEVER_RUNS holds the common words (known_tier_bytes 0 to 2)."""
_STAGES: list[None] = []
"""One item a document planned by _plan_runs (up to two)."""
_PLANNED: list[None] = []
"""One item a document planned in this process (up to two)."""

MAX_SUGGEST_LENGTH = 30
"""Longer "words" (base64, minified text) get no suggestion: English words are shorter."""
