"""The document model: parse a source text into blocks that rules read."""

from __future__ import annotations

from newslint.document.model import MASK, PROSE_KINDS, Block, Document, Span

MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown", ".mkd")


def parse(path: str, source: str, fmt: str | None = None) -> Document:
    """Parse ``source`` as Markdown or plain text (chosen by ``fmt`` or the path's suffix)."""
    if fmt is None:
        fmt = "markdown" if path.lower().endswith(MARKDOWN_SUFFIXES) else "text"
    if fmt == "markdown":
        from newslint.document.markdown import parse_markdown

        return parse_markdown(path, source)
    from newslint.document.plaintext import parse_plaintext

    return parse_plaintext(path, source)


__all__ = ["MASK", "PROSE_KINDS", "Block", "Document", "Span", "parse"]
