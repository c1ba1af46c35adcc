"""``existence``: flag words, phrases or regular expressions."""

from __future__ import annotations

import time

from newslint.errors import ConfigError
from newslint.kinds import YamlRule
from newslint.kinds.matcher import PhraseMatcher, prose_text

DEFAULT_TIMEOUT = 1.0
"""Seconds of regular-expression matching a rule's ``patterns`` may take on one file."""

_timed_out: list[tuple[str, str]] = []  # (rule id, path) of every pattern stopped in this process


class ExistenceRule(YamlRule):
    kind = "existence"
    keys = {"tokens": (list, dict), "patterns": list, "timeout": (int, float)}
    default_message = "Avoid '{match}'."

    def __init__(self, data, origin) -> None:
        super().__init__(data, origin)
        tokens = data.get("tokens", [])
        if not tokens and not data.get("patterns"):
            raise self_error(origin, "tokens", "needs at least one entry (or use 'patterns')")
        reasons = tokens if isinstance(tokens, dict) else dict.fromkeys(tokens, "")
        self.matcher = PhraseMatcher(reasons, self.ignorecase, origin, "tokens") if reasons else None
        self.timeout = float(data.get("timeout", DEFAULT_TIMEOUT))
        if not self.timeout > 0 or isinstance(data.get("timeout"), bool):
            raise self_error(origin, "timeout", "must be a number of seconds above 0")
        self.patterns = [_compile_user(self, p) for p in data.get("patterns", [])]

    def run(self, doc, ctx):
        if self.matcher is not None:
            # one search over the document, for the tokens that can occur in it
            prose = prose_text(doc, ctx)
            matcher = self.matcher.narrowed(prose)
            if matcher is not None:
                for block, start, end, reason in prose.matches(matcher, self.scope):
                    yield self._finding(block, start, end, reason)
        if self.patterns:
            for block in doc.blocks:
                if block.kind in self.scope and block.text:
                    yield from self._check_patterns(block, ctx)

    def check(self, block, ctx):
        if self.matcher is not None:
            for start, end, reason in self.matcher.finditer(block.text):
                yield self._finding(block, start, end, reason)
        if self.patterns:
            yield from self._check_patterns(block, ctx)

    def _finding(self, block, start, end, reason):
        return self.report(block, start, end, self.format(match=block.text[start:end], reason=reason).strip())

    def _check_patterns(self, block, ctx):
        """User patterns run on the ``regex`` module with a time limit per rule and per file: a pattern
        that backtracks catastrophically is stopped and reported once, and the rule's patterns stop
        for the rest of the file."""
        key = ("existence-regex-budget", self.id)
        budget = ctx.shared.get(key, self.timeout)
        if budget is None:
            return  # already timed out on this file
        text = block.text
        for source, pattern in self.patterns:
            pos = 0
            while pos <= len(text):
                started = time.monotonic()
                try:
                    m = pattern.search(text, pos, timeout=max(budget, 0.001))
                except TimeoutError:
                    ctx.shared[key] = None
                    _timed_out.append((self.id, ctx.document.path))
                    yield self.report(
                        block,
                        0,
                        0,
                        f"Pattern {source!r} took more than {self.timeout:g} s on this file and was stopped; "
                        "simplify it (nested repeats such as (a+)+ backtrack without end).",
                    )
                    return
                budget -= time.monotonic() - started
                if m is None:
                    break
                if m.end() > m.start():
                    yield self.report(block, m.start(), m.end(), self.format(match=m.group(0), reason="").strip())
                    pos = m.end()
                else:
                    pos = m.end() + 1
        ctx.shared[key] = budget


def _compile_user(rule: ExistenceRule, pattern: str):
    """A user's pattern, compiled with the ``regex`` module (imported only here), which can time out."""
    import regex

    if not isinstance(pattern, str):
        raise ConfigError(f"{rule.origin}: key 'patterns': entries must be strings")
    try:
        return pattern, regex.compile(pattern, regex.IGNORECASE if rule.ignorecase else 0)
    except (regex.error, ValueError, OverflowError) as exc:
        raise ConfigError(f"{rule.origin}: key 'patterns': bad regular expression {pattern!r} ({exc})") from None


def timed_out() -> list[tuple[str, str]]:
    """(rule id, path) of every user pattern stopped by its time limit in this process."""
    return list(_timed_out)


def self_error(origin, key, what):
    return ConfigError(f"{origin}: key {key!r} {what}")


RULE_CLASS = ExistenceRule
