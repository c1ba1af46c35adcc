"""``vocabulary``: accepted terms and their canonical casing (``nato`` -> ``NATO``)."""

from __future__ import annotations

from newslint.kinds import YamlRule
from newslint.kinds.existence import self_error
from newslint.kinds.matcher import PhraseMatcher


class VocabularyRule(YamlRule):
    kind = "vocabulary"
    keys = {"terms": list}
    required = ("terms",)
    default_message = "Write '{replacement}' with this casing, not '{match}'."
    fixable = "always"

    def __init__(self, data, origin) -> None:
        data = {"ignorecase": True, **data}
        super().__init__(data, origin)
        terms = data["terms"]
        if not terms or not all(isinstance(t, str) and t.strip() for t in terms):
            raise self_error(origin, "terms", "must be a non-empty list of strings")
        self.terms = terms
        self.matcher = PhraseMatcher({t: t for t in terms}, True, origin, "terms")

    def check(self, block, ctx):
        text = block.text
        for start, end, canonical in self.matcher.finditer(text):
            found = text[start:end]
            if found == canonical or (found.isupper() and len(found) > 1):
                continue  # all-caps headlines keep their shouting
            msg = self.format(match=found, replacement=canonical)
            yield self.report(block, start, end, msg, canonical, self.applicability)


RULE_CLASS = VocabularyRule
