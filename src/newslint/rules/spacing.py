"""Spacing rules: a missing space after punctuation."""

from __future__ import annotations

import re
from collections import Counter

from newslint.registry import register
from newslint.rule import Rule

# , ; : glued to the next word ("dialogue,despite", "In 1961,it"); never before a digit ("1,000", "10:30")
_CLAUSE = re.compile(r"(?<=\S)[,;:](?=[^\W\d_])")
# . ! ? glued to a capitalised word that starts a new sentence ("contention.This", "in 1934.It",
# "a hospital.A patient", "(189).A&M", "in the 1930s.In", "rose 50%.Not"); a letter and a lowercase
# letter, a digit, a closing bracket or % before it keep out "U.S.", "Ph.D.", "e.g.", initials and
# ellipses. After an initialism or a.m./p.m. only a capitalised word counts ("the U.S.The", "Jersey
# City, N.J.That", "5 p.m.The"; not "U.S.A is"); a word of three letters or more may run into an
# initial ("at City Hall.F. Morris Cochran"; not "Ph.D. in").
_SENTENCE = re.compile(
    r"(?:(?<=[A-Za-z][a-z])|(?<=\d)|(?<=\))|(?<=%)|(?<=\d[a-z]))[.!?][\"”’')]?(?=[A-Z][a-z]|[AI](?=[\s'’])|[A-Z]+&[A-Z])"
    r"|(?:(?<=\b[A-Z]\.[A-Z])|(?<=\b[ap]\.m))\.[\"”’')]?(?=[A-Z][a-z])"
    r"|(?<=[A-Za-z][a-z]{2})\.(?=[A-Z]\.\s[A-Z][a-z])"
)
# a word glued to a dotted domain or file name ("example.com") never has a capital after the dot,
# but brand names do ("Booking.Com"): skip a match followed by a known top-level domain.
_TLD = re.compile(r"(?i)(?:com|org|net|gov|edu|io|uk|de|fr|ru|ua|co|info|news|ai)\b")
# both patterns at once, loosened and written to open with the class of the marks (the engine skips
# in C to them): over ProseText.text (blocks joined by NUL) it finds a superset of their matches, each
# then confirmed by the pattern itself on its block's text
_EITHER = re.compile(r"[,;:.!?](?:(?<=\S[,;:])(?=[^\W\d_])|(?<=[.!?])[\"”’')]?(?=[A-Z]))")


@register
class AfterPunctuation(Rule):
    id = "spacing/after-punctuation"
    summary = "Missing space after a comma, semicolon, colon or sentence-ending mark."
    description = (
        "Flags `,` `;` `:` glued to the next word and `.` `!` `?` glued to a capitalised word that "
        "starts a new sentence. Numbers (`1,000`, `10:30`, `3.5`), abbreviations (`U.S.`, `e.g.`, "
        "`Ph.D.`), URLs, e-mail addresses and inline code are never flagged."
    )
    severity = "error"
    fixable = "always"
    examples = {
        "bad": ["The talks resumed,despite the tensions.", "It was a point of contention.This changed."],
        "good": ["The U.S. and Russia met at 10:30 on Jan. 5 and agreed on 1,000 items, e.g. trade."],
    }

    def run(self, doc, ctx):
        from newslint.kinds.matcher import prose_text

        prose = prose_text(doc, ctx)
        hits = []
        for hit in _EITHER.finditer(prose.text):
            k, pos = prose.locate(hit.start())
            block = prose.blocks[k]
            if block.kind not in self.scope:
                continue
            text = block.text
            m = (_CLAUSE if hit.group(0)[0] in ",;:" else _SENTENCE).match(text, pos)
            if m is not None:
                hits.append((block, text, m))
        yield from self._findings(hits, _names(hits))

    def check(self, block, ctx):
        names = ctx.shared.get("spacing.names")
        if names is None or ctx.shared.get("spacing.doc") is not ctx.document:
            every = [(b, b.text, m) for b in ctx.document.blocks if b.kind in self.scope for m in _hits(b.text)]
            names = ctx.shared["spacing.names"] = _names(every)
            ctx.shared["spacing.doc"] = ctx.document
        yield from self._findings([(block, block.text, m) for m in _hits(block.text)], names)

    def _findings(self, hits, names: Counter):
        """A sentence mark glued the same way twice in one article is a name (``One.Tel``), not a slip."""
        for block, text, m in hits:
            if m.group(0)[0] in ".!?" and names[_glued_token(text, m)] > 1:
                continue
            yield from self._finding(block, text, m)

    def _finding(self, block, text, m):
        mark = m.group(0)
        if mark in ",;:":
            yield self.report(block, m.start(), m.end(), f"Add a space after '{mark}'.", mark + " ")
        elif not _TLD.match(text, m.end()):
            yield self.report(
                block, m.start(), m.end(), f"Add a space after '{mark}' before the next sentence.", mark + " "
            )


def _glued_token(text: str, m) -> str:
    """The words either side of a glued mark, as written, without a possessive (``One.Tel's`` -> ``One.Tel``)."""
    a = m.start()
    while a > 0 and not text[a - 1].isspace():
        a -= 1
    b = m.end()
    while b < len(text) and not text[b].isspace():
        b += 1
    token = text[a:b].strip("\"“”‘’'()[],;:!?.")
    return token[:-2] if token.endswith(("'s", "’s")) else token


def _hits(text: str) -> list:
    return [m for pattern in (_CLAUSE, _SENTENCE) for m in pattern.finditer(text)]


def _names(hits) -> Counter:
    """How often each glued ``word.Word`` of the document occurs."""
    return Counter(_glued_token(text, m) for _, text, m in hits if m.group(0)[0] in ".!?")
