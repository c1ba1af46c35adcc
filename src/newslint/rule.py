"""The Rule interface shared by Python rules and declarative YAML rules."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, ClassVar

from newslint.document.model import PROSE_KINDS, Block, Document
from newslint.finding import Finding, Fix

CATEGORIES = (
    "casing",
    "spacing",
    "spelling",
    "grammar",
    "capitalization",
    "consistency",
    "style",
    "table",
    "readability",
    "suppression",  # suppression/unused: bookkeeping of inline newslint-disable comments
)


@dataclass
class Context:
    """What a rule sees besides the block: the document, its options and shared per-document data."""

    document: Document
    options: dict[str, Any]
    config: Any = None
    shared: dict[str, Any] = field(default_factory=dict)

    def per_document(self, key: str, doc: Document, build):
        """``build(doc)``, made once per document and shared by the rules under ``key``; the value's
        ``doc`` attribute tells whether it was made for this document."""
        value = self.shared.get(key)
        if value is None or value.doc is not doc:
            value = self.shared[key] = build(doc)
        return value

    def accepted_words(self) -> frozenset[str]:
        """The lowercased words of the configuration's ``vocabulary: accept`` terms (computed once)."""
        cached = self.shared.get("vocabulary.accepted")
        if cached is None:
            from newslint.text import WORD

            terms = getattr(self.config, "accept", None) or []
            cached = frozenset(w.lower() for t in terms for w in WORD.findall(t))
            self.shared["vocabulary.accepted"] = cached
        return cached


class Rule:
    """A check with a stable id ``category/name``.

    Block rules implement ``check(block, ctx)`` and read the kinds in ``scope``;
    document rules set ``document_level = True`` and implement ``check_document``.
    """

    id: ClassVar[str] = ""
    summary: ClassVar[str] = ""
    description: ClassVar[str] = ""
    severity: ClassVar[str] = "warning"
    scope: ClassVar[frozenset[str]] = PROSE_KINDS
    fixable: ClassVar[str] = "never"  # never | sometimes | always
    enabled_by_default: ClassVar[bool] = True
    document_level: ClassVar[bool] = False
    options: ClassVar[dict[str, Any]] = {}
    examples: ClassVar[dict[str, list[str]]] = {"bad": [], "good": []}
    source: ClassVar[str] = "python"
    defers_to_other_rules: ClassVar[bool] = False
    """True: a finding of this rule is dropped where another rule's finding covers the same text."""
    superseded_by: ClassVar[tuple[str, ...]] = ()
    """Rules whose finding at the same place replaces this rule's: one problem, one finding."""

    def enabled_for(self, config: Any) -> bool:
        """On by default under this configuration (a rule may be switched on by its own config section)."""
        return self.enabled_by_default

    @property
    def category(self) -> str:
        return self.id.split("/", 1)[0]

    @property
    def name(self) -> str:
        return self.id.split("/", 1)[1]

    def check(self, block: Block, ctx: Context) -> Iterable[Finding]:
        return ()

    def check_document(self, doc: Document, ctx: Context) -> Iterable[Finding]:
        return ()

    def run(self, doc: Document, ctx: Context) -> Iterator[Finding]:
        if self.document_level:
            yield from self.check_document(doc, ctx)
            return
        for block in doc.blocks:
            if block.kind in self.scope and block.text:
                yield from self.check(block, ctx)

    def report(
        self,
        block: Block,
        start: int,
        end: int,
        message: str,
        replacement: str | None = None,
        applicability: str = "safe",
    ) -> Finding:
        """A finding on ``block.text[start:end]``; a fix only where that text is an unbroken source slice."""
        span = block.source_span(start, end)
        fix = None
        if replacement is not None and block.is_contiguous(start, end):
            fix = Fix.replace(span, replacement, applicability)
        return Finding(self.id, span, message, self.severity, fix)
