"""Findings and their fixes: what rules report."""

from __future__ import annotations

from dataclasses import dataclass, field

from newslint.document.model import Span

SEVERITIES = ("error", "warning", "info")
SEVERITY_RANK = {"error": 3, "warning": 2, "info": 1}
APPLICABILITIES = ("safe", "unsafe")


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace the source text in ``span`` with ``replacement``."""

    span: Span
    replacement: str


@dataclass(frozen=True, slots=True)
class Fix:
    """A set of non-overlapping edits applied together, with its applicability."""

    edits: tuple[Edit, ...]
    applicability: str = "safe"

    @classmethod
    def replace(cls, span: Span, replacement: str, applicability: str = "safe") -> Fix:
        return cls((Edit(span, replacement),), applicability)


@dataclass(slots=True)
class Finding:
    """A problem at a source span. The runner fills in path and positions."""

    rule: str
    span: Span
    message: str
    severity: str = "warning"
    fix: Fix | None = None
    path: str = ""
    line: int = 0
    column: int = 0
    end_line: int = 0
    end_column: int = 0
    extra: dict = field(default_factory=dict)

    @property
    def category(self) -> str:
        return self.rule.split("/", 1)[0]

    def sort_key(self) -> tuple:
        return (self.path, self.line, self.column, self.end_line, self.end_column, self.rule, self.message)
