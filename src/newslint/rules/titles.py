"""casing/title: a two-word title written half capitalised (``Prime minister``, ``foreign Minister``)."""

from __future__ import annotations

import re

from newslint.registry import register
from newslint.rule import Rule

# the first word of a fixed title: a portfolio or rank (not a party: "Labor minister" is a minister of Labor)
_FIRST = """prime foreign deputy vice defence defense health finance interior home justice education
environment trade treasury employment immigration science transport agriculture energy industry tourism
communications culture housing attorney solicitor surgeon inspector auditor secretary governor lord chief""".split()
# the second: the office
_SECOND = "minister secretary president premier general mayor treasurer executive".split()


def _alternation(words: list[str], capital: bool) -> str:
    return "|".join(w.capitalize() if capital else w for w in words)


# a capitalised first word and a lowercase office, or the other way round, as whole words
_HALF = re.compile(
    rf"(?<![^\W_])(?:(?:{_alternation(_FIRST, True)}) ({_alternation(_SECOND, False)})"
    rf"|({_alternation(_FIRST, False)}) (?:{_alternation(_SECOND, True)}))(?![\w-])"
)
_OPENING = " \t\"“‘'(["


def _mid_sentence(text: str, start: int) -> bool:
    """The word at ``start`` does not open its sentence, so its capital is the writer's choice."""
    j = start
    while j and text[j - 1] in _OPENING:
        j -= 1
    return bool(j) and text[j - 1] not in ".!?:;—\n"


@register
class HalfCapitalisedTitle(Rule):
    id = "casing/title"
    summary = "A two-word title written half capitalised (Prime minister, foreign Minister)."
    description = (
        "Flags a fixed two-word title with one word capitalised mid-sentence and the other lowercase: "
        "`Prime minister Ariel Sharon`, `Foreign minister Alexander Downer`, `the vice President`. A house "
        "style writes such a title all capitalised before a name (`Prime Minister`) or all lowercase "
        "(`the prime minister, Ariel Sharon`), never half and half. A capital that opens a sentence is no "
        "choice and is left alone, and so is a party before an office (`Labor minister`). The fix "
        "capitalises the lowercase word (unsafe: the house style may want both lowercase)."
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

    def check(self, block, ctx):
        text = block.text
        if " " not in text:
            return
        for m in _HALF.finditer(text):
            capital_at = m.start() if m.group(1) else m.start(2) + len(m.group(2)) + 1
            if not _mid_sentence(text, capital_at):
                continue
            group = 1 if m.group(1) else 2
            word = m.group(group)
            fixed = word.capitalize()
            title = m.group(0).split(" ")
            whole = " ".join(w.capitalize() for w in title)
            yield self.report(
                block,
                m.start(group),
                m.end(group),
                f"'{m.group(0)}' is half capitalised: write '{whole}' (or '{m.group(0).lower()}').",
                fixed,
                "unsafe",
            )
