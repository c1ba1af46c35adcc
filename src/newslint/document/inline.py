"""Inline prose extraction: keeps text, drops Markdown markup, masks code, URLs, e-mail and tags."""

from __future__ import annotations

import re

from newslint.document.model import MASK

_COMMON = [
    ("code", r"(?P<ticks>`+)(?!`).*?(?<!`)(?P=ticks)(?!`)"),
    ("url", r"(?:\b(?:https?|ftp)://|\bwww\.)[^\s<>\"`]*[^\s<>\"'`.,;:!?)\]}]"),
    ("email", r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+"),
    ("tag", r"<!--.*?-->|</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>|<(?:https?|mailto):[^>\s]*>"),
]
_MARKDOWN = [
    ("image", r"!\[[^\]]*\]\((?:[^()\s]|\([^()]*\))*(?:\s+\"[^\"]*\")?\)"),
    (
        "link",
        r"\[(?P<label>(?:[^\[\]\\]|\\.|\[[^\]]*\])*)\](?P<target>\((?:[^()\s]|\([^()]*\))*(?:\s+\"[^\"]*\")?\)|\[[^\]]*\])",
    ),
    ("escape", r"\\[!-/:-@\[-`{-~]"),
    ("entity", r"&(?:[A-Za-z][A-Za-z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});"),
    ("emph", r"(?<!\s)\*+|\*+(?!\s)|~~|(?<![\w])_+(?=\S)|(?<=\S)_+(?![\w])"),
]
# Text without any of these holds no markup, code, URL, address or tag: the common case. Each is looked
# for with str.find (in C, far faster than one regular expression of them all), "://" only where there
# is a "/" (one character is found faster than three, and news text seldom has one): (character, trigger)
_PLAIN_TRIGGERS = (("`", "`"), ("@", "@"), ("<", "<"), ("/", "://"), ("www.", "www."))
_MD_TRIGGERS = (*_PLAIN_TRIGGERS, *((c, c) for c in "[]!\\&*_~"))
_PLAIN_RE = re.compile("|".join(f"(?P<{name}>{pat})" for name, pat in _COMMON))
_MD_RE = re.compile("|".join(f"(?P<{name}>{pat})" for name, pat in _COMMON + _MARKDOWN))


class TextBuilder:
    """Accumulates block text and its (text_pos, source_pos) pieces."""

    __slots__ = ("_src_end", "parts", "pieces", "pos")

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.pieces: list[tuple[int, int]] = []
        self.pos = 0
        self._src_end = -1

    def add(self, src_start: int, string: str) -> None:
        """Append ``string``, which stands at ``src_start`` in the source, character for character."""
        if not string:
            return
        if src_start != self._src_end:
            self.pieces.append((self.pos, src_start))
        self.parts.append(string)
        self.pos += len(string)
        self._src_end = src_start + len(string)

    def mask(self, src_start: int, length: int) -> None:
        self.add(src_start, MASK * length)

    def text(self) -> str:
        return "".join(self.parts)


def has_markup(source: str, markdown: bool, start: int = 0, end: int | None = None) -> bool:
    """Whether ``source[start:end]`` may hold markup, code, a URL, an address or a tag."""
    start, end = max(start, 0), len(source) if end is None else max(end, 0)  # as a pattern's pos and endpos
    return any(
        source.find(c, start, end) >= 0 and (c == t or source.find(t, start, end) >= 0)
        for c, t in (_MD_TRIGGERS if markdown else _PLAIN_TRIGGERS)
    )


def add_inline(builder: TextBuilder, source: str, start: int, end: int, markdown: bool) -> None:
    """Add the prose of ``source[start:end]`` (one line's content) to ``builder``."""
    pattern = _MD_RE if markdown else _PLAIN_RE
    if not has_markup(source, markdown, start, end):
        builder.add(start, source[start:end])
        return
    pos = start
    for m in pattern.finditer(source, start, end):
        kind = m.lastgroup
        if kind in ("ticks", "label", "target"):  # named sub-groups resolve to their parent
            kind = "code" if m.group("code") else "link"
        builder.add(pos, source[pos : m.start()])
        if kind == "link":
            ls, le = m.span("label")
            add_inline(builder, source, ls, le, markdown)
        elif kind == "escape":
            builder.add(m.start() + 1, source[m.start() + 1 : m.end()])
        elif kind == "emph":
            pass
        else:
            builder.mask(m.start(), m.end() - m.start())
        pos = m.end()
    builder.add(pos, source[pos:end])
