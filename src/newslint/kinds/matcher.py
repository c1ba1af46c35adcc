"""PhraseMatcher: finds many words and phrases in one pass over a text's words."""

from __future__ import annotations

import re

from newslint.errors import ConfigError
from newslint.text import WORD


class PhraseMatcher:
    """Matches whole words and phrases; entries are indexed by their first word (lowercased)."""

    def __init__(self, entries: dict[str, object], ignorecase: bool, origin=None, key: str = "") -> None:
        self.ignorecase = ignorecase
        self.first: dict[str, list[tuple[re.Pattern | None, int, object]]] = {}
        for phrase, value in entries.items():
            if not isinstance(phrase, str) or not phrase.strip():
                raise ConfigError(f"{origin}: key {key!r}: entries must be non-empty strings")
            words = phrase.split()
            head = WORD.match(phrase)
            if head is None or head.start() != 0:
                raise ConfigError(f"{origin}: key {key!r}: {phrase!r} must start with a letter")
            key_word = head.group(0).lower() if ignorecase else head.group(0)
            if head.end() == len(phrase):
                self.first.setdefault(key_word, []).append((None, len(phrase), value))
            else:
                pattern = r"\s+".join(re.escape(w) for w in words) + r"(?![\w])"
                compiled = re.compile(pattern, re.IGNORECASE if ignorecase else 0)
                self.first.setdefault(key_word, []).append((compiled, 0, value))
        for options in self.first.values():
            options.sort(key=lambda o: o[0] is None)  # phrases before single words
        # one pass in C over the text finds the words an entry can start with; only those reach Python
        heads = "|".join(re.escape(w) for w in sorted(self.first, key=len, reverse=True))
        self._heads = re.compile(rf"(?<![^\W\d_'’])(?:{heads})(?![^\W\d_])", re.IGNORECASE if ignorecase else 0)

    def finditer(self, text: str):
        """Yield (start, end, value) for non-overlapping matches, left to right."""
        last_end = 0
        for head in self._heads.finditer(text):
            m = WORD.match(text, head.start())
            if m is None or m.start() < last_end:
                continue
            word = m.group(0)
            options = self.first.get(word.lower() if self.ignorecase else word)
            if options is None:
                # "Ukraine’s" should still match "Ukraine": try the part before the apostrophe
                cut = _split_possessive(word)
                if cut is None:
                    continue
                options = self.first.get(cut.lower() if self.ignorecase else cut)
                if options is None:
                    continue
                word = cut
            if m.start() > 0 and text[m.start() - 1] in "@#":
                continue
            for pattern, length, value in options:
                if pattern is None:
                    if len(word) == length:
                        yield m.start(), m.start() + length, value
                        last_end = m.start() + length
                        break
                else:
                    pm = pattern.match(text, m.start())
                    if pm:
                        yield pm.start(), pm.end(), value
                        last_end = pm.end()
                        break


def _split_possessive(word: str) -> str | None:
    for apostrophe in ("'", "’"):
        i = word.find(apostrophe)
        if i > 0 and word[i + 1 :].lower() in ("s", ""):
            return word[:i]
    return None
