"""``existence``: flag words, phrases or regular expressions."""

from __future__ import annotations

from newslint.kinds import YamlRule
from newslint.kinds.matcher import PhraseMatcher


class ExistenceRule(YamlRule):
    kind = "existence"
    keys = {"tokens": (list, dict), "patterns": list}
    default_message = "Avoid '{match}'."

    def __init__(self, data, origin) -> None:
        super().__init__(data, origin)
        tokens = data.get("tokens", [])
        if not tokens and not data.get("patterns"):
            raise self_error(origin, "tokens", "needs at least one entry (or use 'patterns')")
        reasons = tokens if isinstance(tokens, dict) else dict.fromkeys(tokens, "")
        self.matcher = PhraseMatcher(reasons, self.ignorecase, origin, "tokens")
        self.patterns = [self.compile(p, "patterns") for p in data.get("patterns", [])]

    def check(self, block, ctx):
        text = block.text
        for start, end, reason in self.matcher.finditer(text):
            yield self.report(block, start, end, self.format(match=text[start:end], reason=reason).strip())
        for pattern in self.patterns:
            for m in pattern.finditer(text):
                if m.end() > m.start():
                    yield self.report(block, m.start(), m.end(), self.format(match=m.group(0), reason="").strip())


def self_error(origin, key, what):
    from newslint.errors import ConfigError

    return ConfigError(f"{origin}: key {key!r} {what}")


RULE_CLASS = ExistenceRule
