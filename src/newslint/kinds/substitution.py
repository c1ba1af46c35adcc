"""``substitution``: wrong -> right, with a fix that keeps the original's case."""

from __future__ import annotations

from newslint.kinds import YamlRule
from newslint.kinds.existence import self_error
from newslint.kinds.matcher import PhraseMatcher, prose_text
from newslint.text import match_case


class SubstitutionRule(YamlRule):
    kind = "substitution"
    keys = {"swap": dict}
    required = ("swap",)
    default_message = "Use '{replacement}' instead of '{match}'."
    fixable = "always"

    def __init__(self, data, origin) -> None:
        super().__init__(data, origin)
        swap = data["swap"]
        for wrong, right in swap.items():
            if not isinstance(wrong, str) or not isinstance(right, str):
                raise self_error(origin, "swap", f"entry {wrong!r}: both sides must be strings")
        if not swap:
            raise self_error(origin, "swap", "needs at least one entry")
        self.matcher = PhraseMatcher(swap, self.ignorecase, origin, "swap")

    def run(self, doc, ctx):
        # one search over the document for the entries that can occur in it
        prose = prose_text(doc, ctx)
        matcher = self.matcher.narrowed(prose)
        if matcher is not None:
            for block, start, end, right in prose.matches(matcher, self.scope):
                yield from self._finding(block, start, end, right)

    def check(self, block, ctx):
        for start, end, right in self.matcher.finditer(block.text):
            yield from self._finding(block, start, end, right)

    def _finding(self, block, start, end, right):
        found = block.text[start:end]
        replacement = match_case(found, right)
        if replacement != found:
            msg = self.format(match=found, replacement=replacement)
            yield self.report(block, start, end, msg, replacement, self.applicability)


RULE_CLASS = SubstitutionRule
