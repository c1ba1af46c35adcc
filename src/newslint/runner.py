"""Runs rules over documents, validates and sorts their findings."""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from operator import attrgetter
from pathlib import Path

from newslint.config import Config, ConfigResolver
from newslint.document import Document, parse
from newslint.errors import ConfigError, NewslintError
from newslint.files import Source, read_source
from newslint.finding import Finding
from newslint.rule import CATEGORIES, Context, Rule

UNUSED_ID = "suppression/unused"  # newslint.suppress.UNUSED_ID, without importing it on the start path


class RuleBugError(Exception):
    """A rule reported something impossible (span outside the source, overlapping edits...)."""


@dataclass
class FileResult:
    path: str
    findings: list[Finding] = field(default_factory=list)
    error: str | None = None
    source: Source | None = None
    document: Document | None = None


@dataclass
class Selection:
    """Command-line choices that override the configuration."""

    select: list[str] | None = None
    ignore: list[str] = field(default_factory=list)
    extra_rules: list[Rule] = field(default_factory=list)
    report_unused: bool | None = None  # suppression/unused on (True) or off (False); None: as selected


class Linter:
    """Lints paths with the configuration that applies to each."""

    def __init__(self, resolver: ConfigResolver | None = None, selection: Selection | None = None) -> None:
        self.resolver = resolver or ConfigResolver()
        self.selection = selection or Selection()
        self._rules: dict[tuple, dict[str, Rule]] = {}
        self._enabled: dict[int, list[tuple[Rule, dict, str]]] = {}
        self._overlap: dict[int, tuple[set[str], dict[str, tuple[str, ...]]]] = {}

    # -- rules -------------------------------------------------------------------------
    def rules(self, config: Config) -> dict[str, Rule]:
        key = (*config.rule_paths, config.path)
        if key not in self._rules:
            from newslint.registry import all_rules

            rules = all_rules(config.rule_paths)
            for rule in [*_vocabulary_rules(config), *self.selection.extra_rules]:
                rules[rule.id] = rule
            self._rules[key] = rules
        return self._rules[key]

    def enabled(self, config: Config) -> list[tuple[Rule, dict, str]]:
        """(rule, options, severity) for every rule this configuration runs."""
        if id(config) in self._enabled:
            return self._enabled[id(config)]
        rules = self.rules(config)
        select = self.selection.select if self.selection.select is not None else config.select
        ignore = [*config.ignore, *self.selection.ignore]
        where = f"{config.path}: key" if config.path else "configuration: key"
        _check_selectors(
            set(rules) | set(CATEGORIES) | {"all"},
            [
                ("--select", self.selection.select or []),
                ("--ignore", self.selection.ignore),
                (f"{where} 'select'", config.select or []),
                (f"{where} 'ignore'", config.ignore),
                (f"{where} 'severity'", config.severity),
                (f"{where} 'rules'", config.rules),
                *config.selector_groups(),
            ],
        )
        out = []
        for rule in rules.values():
            cli_select = self.selection.select is not None
            default_on = rule.enabled_for(config)
            on = config.is_selected(rule.id, default_on, select, ignore, cli_select, self.selection.ignore)
            if rule.id == UNUSED_ID and self.selection.report_unused is not None:
                on = self.selection.report_unused
            if not on:
                continue
            options = dict(rule.options)
            for key, value in config.rules.get(rule.id, {}).items():
                if key not in rule.options:
                    known = ", ".join(rule.options) or "none"
                    raise ConfigError(f"{config.path}: key 'rules.{rule.id}.{key}' is not an option (options: {known})")
                default = rule.options[key]
                if (
                    default is not None
                    and not isinstance(value, type(default))
                    and not (isinstance(default, float) and isinstance(value, int))
                ):
                    raise ConfigError(f"{config.path}: key 'rules.{rule.id}.{key}' must be {type(default).__name__}")
                options[key] = value
            out.append((rule, options, config.severity_of(rule.id, rule.severity)))
        self._enabled[id(config)] = out
        return out

    # -- linting -----------------------------------------------------------------------
    def lint_path(self, path: Path) -> FileResult:
        try:
            config = self.resolver.for_path(path)
            source = read_source(path, config.max_file_size)
        except NewslintError as exc:
            return FileResult(str(path), error=str(exc))
        return self.lint_source(source, config)

    def lint_source(self, source: Source, config: Config | None = None) -> FileResult:
        config = config or self.resolver.for_path(Path(source.path))
        doc = parse(source.path, source.text)
        findings = self.lint_document(doc, config)
        return FileResult(source.path, findings, source=source, document=doc)

    def lint_document(self, doc: Document, config: Config) -> list[Finding]:
        return self.lint_documents([doc], config)[0]

    def lint_documents(self, docs: list[Document], config: Config) -> list[list[Finding]]:
        """The findings of each document. Each rule runs over all the documents in turn, its data (word
        lists, memos) kept in the processor's caches from one to the next: about 10% less time than
        document by document. A rule's error ends the run (for the documents one by one, see
        ``batch.lint_batch``)."""
        shared: list[dict] = [{} for _ in docs]
        found: list[list[Finding]] = [[] for _ in docs]
        for rule, options, severity in self.enabled(config):
            for doc, done, findings in zip(docs, shared, found):
                n = len(doc.source)
                ctx = Context(doc, options, config, done)
                try:
                    for f in rule.run(doc, ctx):
                        if f.rule != rule.id or not 0 <= f.span.start <= f.span.end <= n or f.fix is not None:
                            _validate(f, rule, doc)  # the full checks, and the message of a wrong finding
                        f.severity = severity
                        findings.append(f)
                except RuleBugError:
                    raise
                except NewslintError:
                    raise
                except Exception as exc:  # a crashing rule must not take the whole run down
                    if os.environ.get("NEWSLINT_DEBUG"):
                        raise
                    raise NewslintError(f"{doc.path}: internal error in rule {rule.id}: {exc!r}") from None
        deferring, superseded = self._overlaps(config)
        out = []
        for doc, findings in zip(docs, found):
            if deferring:
                findings = drop_deferred(findings, deferring)
            findings = self._suppress(doc, findings, config)
            if superseded:
                findings = drop_superseded(findings, superseded)
            out.append(locate(doc, findings))
        return out

    def _overlaps(self, config: Config) -> tuple[set[str], dict[str, tuple[str, ...]]]:
        """The enabled rules that defer to others, and those that others supersede (once per configuration)."""
        found = self._overlap.get(id(config))
        if found is None:
            enabled = self.enabled(config)
            deferring = {rule.id for rule, _, _ in enabled if rule.defers_to_other_rules}
            superseded = {rule.id: rule.superseded_by for rule, _, _ in enabled if rule.superseded_by}
            found = self._overlap[id(config)] = (deferring, superseded)
        return found

    def _suppress(self, doc: Document, findings: list[Finding], config: Config) -> list[Finding]:
        if "newslint-" not in doc.source:
            return findings
        from newslint.suppress import apply_suppressions

        enabled = {rule.id: severity for rule, _, severity in self.enabled(config)}
        known = set(self.rules(config)) | set(CATEGORIES) | {"all"}
        return apply_suppressions(
            doc, findings, set(enabled), known, UNUSED_ID in enabled, enabled.get(UNUSED_ID, "warning")
        )


def drop_superseded(findings: list[Finding], superseded: dict[str, tuple[str, ...]]) -> list[Finding]:
    """Drop each finding whose place holds a finding of a rule that supersedes its rule (a lowercase
    name opening a sentence: casing/proper-noun's finding, not capitalization/sentence-start's too)."""
    places = {(f.rule, f.span.start) for f in findings}
    return [f for f in findings if not any((other, f.span.start) in places for other in superseded.get(f.rule, ()))]


def drop_deferred(findings: list[Finding], deferring: set[str]) -> list[Finding]:
    """Drop each finding of a deferring rule (grammar/languagetool) whose text another rule's finding covers."""
    from bisect import bisect_left

    others = sorted((f.span.start, f.span.end) for f in findings if f.rule not in deferring)
    starts = [s for s, _ in others]
    reach = []  # reach[k]: the furthest end among others[0..k]
    for _, end in others:
        reach.append(max(end, reach[-1]) if reach else end)

    def covered(f: Finding) -> bool:
        k = bisect_left(starts, f.span.end) - 1  # the others that start before this finding ends
        return k >= 0 and reach[k] > f.span.start

    return [f for f in findings if f.rule not in deferring or not covered(f)]


def locate(doc: Document, findings: Iterable[Finding]) -> list[Finding]:
    """Fill in path and 1-based positions; drop exact duplicates; sort."""
    index = doc.index
    seen = set()
    out = []
    for f in findings:
        key = (f.rule, f.span.start, f.span.end, f.message)
        if key in seen:
            continue
        seen.add(key)
        f.path = doc.path
        f.line, f.column = index.line_col(f.span.start)
        f.end_line, f.end_column = index.line_col(f.span.end)
        out.append(f)
    out.sort(key=_SORT_KEY)
    return out


_SORT_KEY = attrgetter("path", "line", "column", "end_line", "end_column", "rule", "message")
"""Finding.sort_key, in C."""


def _validate(f: Finding, rule: Rule, doc: Document) -> None:
    n = len(doc.source)
    if f.rule != rule.id:
        raise RuleBugError(f"rule {rule.id} reported a finding as {f.rule}")
    if not 0 <= f.span.start <= f.span.end <= n:
        raise RuleBugError(f"rule {rule.id}: span {f.span} outside the source (0..{n})")
    if f.fix is not None:
        last = -1
        for edit in sorted(f.fix.edits, key=lambda e: e.span.start):
            if edit.span.end > n:
                raise RuleBugError(f"rule {rule.id}: edit {edit.span} outside the source")
            if edit.span.start < last:
                raise RuleBugError(f"rule {rule.id}: overlapping edits in one fix")
            last = edit.span.end
        if f.fix.applicability not in ("safe", "unsafe"):
            raise RuleBugError(f"rule {rule.id}: unknown applicability {f.fix.applicability!r}")


def _check_selectors(known: set[str], groups: list[tuple[str, Iterable[str]]]) -> None:
    for where, names in groups:
        for name in names:
            if name not in known:
                raise ConfigError(f"{where}: unknown rule or category {name!r} (see `newslint rules`)")


def _vocabulary_rules(config: Config) -> list[Rule]:
    rules: list[Rule] = []
    origin = config.path or Path("configuration")
    if config.accept:
        from newslint.kinds.vocabulary import VocabularyRule

        rules.append(
            VocabularyRule(
                {
                    "id": "casing/vocabulary",
                    "terms": config.accept,
                    "summary": "Terms from your vocabulary, in their accepted casing.",
                },
                origin,
            )
        )
    if config.reject:
        from newslint.kinds.existence import ExistenceRule

        rules.append(
            ExistenceRule(
                {
                    "id": "style/rejected-term",
                    "tokens": config.reject,
                    "message": "'{match}' is on the house list of rejected terms.",
                    "summary": "Terms your vocabulary rejects.",
                },
                origin,
            )
        )
    return rules
