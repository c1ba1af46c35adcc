"""Spelling rules: known misspellings (codespell's dictionary) and likely typos of common words."""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

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
)
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
    """Words the YAML rule spelling/misspellings covers: spelling/typo leaves them to it."""
    from newslint.errors import ConfigError
    from newslint.kinds import load_yaml_rules
    from newslint.registry import shipped_rules_dir

    try:
        (rule,) = load_yaml_rules([shipped_rules_dir() / "spelling" / "misspellings.yaml"])
    except ConfigError:
        return frozenset()
    return frozenset(str(k).lower() for k in rule.data.get("swap", {}))


def _edits1(word: str) -> set[str]:
    """Every string one deletion, transposition, substitution or insertion away (Damerau-Levenshtein 1)."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    out = {a + b[1:] for a, b in splits if b}
    out |= {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    out |= {a + c + b[1:] for a, b in splits if b for c in _ALPHABET}
    out |= {a + c + b for a, b in splits for c in _ALPHABET}
    out.discard(word)
    return out


def _plausible_word(word: str, known) -> bool:
    """A rare word built from common parts: an inflection, a prefixed word or a compound.

    Parts count only when the frequency list knows them well (CMUdict alone holds too many odd
    entries: "veer" + "how" must not excuse "howveer").
    """

    def common(part: str, floor: int) -> bool:
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
        "package), with the correction: a safe fix when codespell gives one correction without a caveat, "
        "an unsafe one otherwise. (2) An unknown lowercase word (absent from symspellpy's English "
        "frequency list, hunspell-en-us's lowercase words (shipped in rules/data) and codespell's "
        "British/American pairs; a word only CMUdict's list of names knows counts as unknown) one "
        "edit (a dropped, doubled, "
        "swapped, extra or wrong letter) from a common English word (seen a million times in the list's "
        "corpus), with the most frequent such words as an unsafe suggestion. Part (2) stays quiet on "
        "words shorter than the option `min-length` (3), three-letter words unless a very common word is "
        "one edit away, words used twice or more in the article, borrowed Latin and French words and "
        "words next to a foreign one (`bete noire`, `la chatte`), old spellings (`feare`, `employe`), "
        "inflections, prefixed words and "
        "compounds of known words, and parts of hyphenated words that are not joined to real words. A "
        "capitalised word is checked only at the start of a sentence and only against codespell's list "
        "(`Becuase`), unless it looks like a name (used again, or next to another capitalised word). "
        "Never flagged: other capitalised words, acronyms, "
        "words with digits or underscores, names from the gazetteer of casing/proper-noun, and words in "
        "your vocabulary. The newsroom list of the YAML rule spelling/misspellings (rules/spelling/"
        "misspellings.yaml) is kept as its own rule, so a newsroom can edit it; words on that list are "
        "left to it here, so one misspelling never gets two findings."
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

    def _document_counts(self, ctx) -> Counter:
        counts = ctx.shared.get("spelling.counts")
        if counts is None:
            counts = Counter(m.group(0).lower() for b in ctx.document.prose_blocks() for m in WORD.finditer(b.text))
            ctx.shared["spelling.counts"] = counts
        return counts

    def check(self, block, ctx):
        from newslint.lexicon import codespell, gazetteer, parse_codespell_entry, words

        text = block.text
        misspelled = codespell()
        known = words()
        names = gazetteer().words
        newsroom = newsroom_list()
        accepted = ctx.accepted_words()
        min_length = max(3, int(ctx.options.get("min-length", 5)))
        fine = _FINE
        for m in WORD.finditer(text):
            word = m.group(0)
            if word in fine:
                continue
            start, end = m.span()
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
                    self._document_counts(ctx)[word.lower()] > 1
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
            raw = misspelled.get(lower.replace("’", "'"))
            if raw is None and word.islower() and known.get(word):
                fine.add(word)  # a known word, not a misspelling: never flagged, whatever its context
                continue
            if raw is not None:
                corrections, reason = parse_codespell_entry(raw)
                if "’" in word:
                    corrections = [c.replace("'", "’") for c in corrections]
                if not corrections:
                    continue
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
        # a word only CMUdict knows (count 0) is mostly a name; lowercase, it is as unknown as "nad",
        # but not inside a hyphenated word ("bric-a-brac", "teen-agers", "Kai-shek")
        count = known.get(word)
        if len(word) < min_length or len(word) > MAX_SUGGEST_LENGTH or not _LOWER.fullmatch(word) or count:
            return None  # short, long (a blob, not a word: its edits would not fit in memory), or known
        if word in _BORROWED:
            return None
        if count == 0 and "-" in (text[end : end + 1], text[start - 1 : start]):
            return None
        from newslint.lexicon import proper_names

        if word in proper_names():
            return None  # a name written lowercase ("powell"): casing/proper-noun's to report
        if (
            len(word) >= 5
            and ((word.endswith("e") and word[-2] not in "aeiou") or word.endswith("ck"))
            and known.get(word[:-1], 0) >= 1_000_000
        ):
            return None  # old spellings in quoted documents: "feare", "himselfe", "romantick"
        base = word[:-1] if word.endswith("s") else word
        if base.endswith("e") and not base.endswith("ee") and known.get(base + "e", 0) >= 1_000_000:
            return None  # "employe", "employes": the older spelling of "employee"
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
        if self._document_counts(ctx)[word] > 1:
            return None  # used twice: deliberate (a term, a name, a coinage)
        if _plausible_word(word, known) or self._foreign_context(text, start, end, known, misspelled):
            return None
        found = sorted(((known.get(c, 0), c) for c in _edits1(word) if known.get(c, 0) >= 1_000_000), reverse=True)
        if not found:
            return None
        if len(word) == 3 and found[0][0] < 50_000_000:
            return None  # three letters: only an obvious slip of a very common word ("thn", "wiht")
        if word.endswith("e") and found[0][1][:-1] == word:
            return None  # "employe", "batterie", "comedie": old or foreign spellings, not a dropped letter
        return [c for _, c in found[:3]]

    @staticmethod
    def _foreign_context(text: str, start: int, end: int, known, misspelled) -> bool:
        """A neighbour that is foreign ("la chatte", "bete noire", "nolo contendere")."""
        before = re.search(r"([^\W\d_]+)\s+$", text[max(0, start - 30) : start])
        after = re.match(r"\s+([^\W\d_]+)", text[end : end + 30])
        for m in (before, after):
            if m is None:
                continue
            neighbour = m.group(1)
            lower = neighbour.lower()
            if (
                lower in _FOREIGN
                or neighbour == "de"
                or (neighbour.islower() and len(lower) > 2 and lower not in known and lower not in misspelled)
            ):
                return True
        return False


MAX_SUGGEST_LENGTH = 30
"""Longer "words" (base64, minified text) get no suggestion: English words are shorter."""

_FINE: set[str] = set()
"""Lowercase words already found known and not misspelled, in this process (the hot path skips them)."""
