"""Readability metrics of an article's prose, per article and per section, computed by textstat.

The prose is what a reader reads as running text: paragraphs and list items (without their
markers). Headings, tables, code, front matter and comments are left out, and URLs, e-mail
addresses and inline code are masked by the document model and dropped here. Sentences come
from newslint's own splitter, also split where a missing space glues two sentences together.
textstat gets one text per article or section in which every sentence is on its own line and
ends with the only sentence mark of that line (marks inside a sentence, as in ``U.S.`` or
``3.5``, are dropped: textstat removes punctuation before it counts words, letters and
syllables, so only its sentence count changes, and it then matches newslint's). Every score is
textstat's own function applied to that text, so it equals
``textstat.flesch_kincaid_grade(prepared)`` and so on. As in textstat, a sentence of two
words or fewer is not counted as a sentence (its words still count).

textstat is imported only when a metric is asked for (see ``newslint.syllables``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from newslint.document.model import MASK, Block, Document
from newslint.document.sentences import split_sentences

PROSE = frozenset({"paragraph", "list_item"})
LANG = "en_US"
_WORD = re.compile(r"\S*\w\S*")
_MARKS = re.compile(r"[.!?]+")
_GLUED = re.compile(r"(?<=[a-z]{2})[.!?][\"”’')]?(?=[A-Z][a-z])")
_TLD = re.compile(r"(?i)(?:com|org|net|gov|edu|io|uk|de|fr|ru|ua|co|info|news|ai)\b")

# name -> (label, one-line meaning and what news usually aims for); the order of tables and JSON
METRICS: dict[str, tuple[str, str]] = {
    "words": ("words", "words of running prose (headings, tables, code and URLs left out)"),
    "sentences": ("sent", "sentences of three or more words, split by newslint"),
    "words_per_sentence": ("w/sent", "average sentence length in words; news aims for 15-20, under 25"),
    "flesch_reading_ease": (
        "FRE",
        "Flesch Reading Ease, 0-100, higher is easier; news aims for 60-70, under 50 is hard",
    ),
    "flesch_kincaid_grade": ("FK", "Flesch-Kincaid grade: US school grade needed; news aims for 8-10"),
    "gunning_fog": ("Fog", "Gunning Fog: years of schooling needed on first reading; news aims for 8-12"),
    "smog_index": ("SMOG", "SMOG grade from words of three or more syllables; news aims for 8-12"),
    "coleman_liau_index": ("CLI", "Coleman-Liau grade from letters per word; news aims for 8-12"),
    "dale_chall_readability_score": (
        "DC",
        "Dale-Chall score from words outside 3,000 familiar ones; 7.0-7.9 is grades 9-10, news aims for 7-8",
    ),
}


@dataclass
class Sentence:
    """A sentence of a prose block: ``block.text[start:end]``."""

    block: Block
    start: int
    end: int
    words: int

    @property
    def text(self) -> str:
        return self.block.text[self.start : self.end]


@dataclass
class Section:
    """The prose from one heading to the next (the first section starts at the top)."""

    heading: Block | None
    first: Block | None  # the first block of the section, where it is reported
    sentences: list[Sentence] = field(default_factory=list)

    @property
    def title(self) -> str:
        if self.heading is None:
            return ""
        return " ".join(self.heading.text.replace(MASK, "").split())

    @property
    def words(self) -> int:
        return sum(s.words for s in self.sentences)


def count_words(text: str) -> int:
    """Whitespace-separated pieces with a letter, digit or underscore (textstat counts the same way)."""
    return len(_WORD.findall(text.replace(MASK, " ")))


def block_sentences(block: Block) -> list[Sentence]:
    text = block.text
    return [Sentence(block, a, b, count_words(text[a:b])) for a, b in _split(text)]


def _split(text: str) -> list[tuple[int, int]]:
    """newslint's sentences, also split where a missing space glues two together ("peace.Without").

    The glued boundary is the one spacing/after-punctuation reports: a sentence mark between two
    lowercase letters and a capitalised word, not a domain name ("Booking.com").
    """
    out = []
    for a, b in split_sentences(text):
        for m in _GLUED.finditer(text, a, b):
            if not _TLD.match(text, m.end()):
                out.append((a, m.end()))
                a = m.end()
        out.append((a, b))
    return out


def sections(doc: Document) -> list[Section]:
    """The document's sections with the sentences of their prose, in source order."""
    out = [Section(None, None)]
    for block in doc.blocks:
        if block.kind == "heading":
            if out[-1].heading is not None or out[-1].first is not None:
                out.append(Section(block, block))
            else:
                out[-1] = Section(block, block)
            continue
        if block.kind not in PROSE or not block.text:
            continue
        if out[-1].first is None:
            out[-1].first = block
        out[-1].sentences.extend(block_sentences(block))
    return [s for s in out if s.first is not None]


def prepared_text(sentences: list[Sentence]) -> str:
    """What textstat scores: one sentence per line, marks inside it dropped, ending in one period."""
    lines = []
    for s in sentences:
        if not s.words:
            continue
        body = " ".join(_MARKS.sub("", s.text.replace(MASK, " ")).split())
        lines.append(body + ".")
    return "\n".join(lines)


def score(text: str, names: tuple[str, ...] | None = None) -> dict[str, float]:
    """textstat's metrics of a prepared text (all of METRICS, or only ``names``)."""
    from newslint.syllables import textstat_backend

    ts = textstat_backend()
    m, c = ts.metrics, ts.counts
    compute = {
        "words": lambda: c.count_words(text),
        "sentences": lambda: c.count_sentences(text),
        "words_per_sentence": lambda: m.words_per_sentence(text),
        "flesch_reading_ease": lambda: m.flesch_reading_ease(text, LANG),
        "flesch_kincaid_grade": lambda: m.flesch_kincaid_grade(text, LANG),
        "gunning_fog": lambda: m.gunning_fog(text, LANG),
        "smog_index": lambda: m.smog_index(text, LANG),
        "coleman_liau_index": lambda: m.coleman_liau_index(text),
        "dale_chall_readability_score": lambda: m.dale_chall_readability_score(text, LANG),
    }
    try:
        return {name: compute[name]() for name in (names or METRICS)}
    finally:
        clear_textstat_caches()  # textstat caches by whole text: a 10 MB article would stay in memory


_CACHED: list | None = None


def clear_textstat_caches() -> None:
    """Empty the per-text caches of textstat's functions (the per-word syllable counts stay)."""
    global _CACHED
    if _CACHED is None:
        import sys

        _CACHED = [
            fn
            for name, module in list(sys.modules.items())
            if name.startswith("textstat.")
            for fn in vars(module).values()
            if callable(fn) and hasattr(fn, "cache_clear") and not getattr(fn, "__name__", "").startswith("get_")
        ]
    for fn in _CACHED:
        fn.cache_clear()


def analyse(doc: Document, shared: dict | None = None) -> list[Section]:
    """The document's sections, computed once per document and shared between rules."""
    if shared is not None and "readability.sections" in shared:
        return shared["readability.sections"]
    found = sections(doc)
    if shared is not None:
        shared["readability.sections"] = found
    return found


def document_metrics(doc: Document) -> dict:
    """All metrics of the article and of each section with prose (the shape ``stats --format json`` prints).

    An article without prose has no scores: 0 words and sentences, and None for the rest.
    """
    secs = [sec for sec in sections(doc) if sec.words]
    everything = [s for sec in secs for s in sec.sentences]
    return {
        "metrics": _scores(prepared_text(everything)),
        "sections": [
            {
                "title": sec.title,
                "line": doc.index.line_col(sec.first.span.start)[0],
                "metrics": _scores(prepared_text(sec.sentences)),
            }
            for sec in secs
        ],
    }


def _scores(text: str) -> dict:
    if not text:
        return {name: 0 if name in ("words", "sentences") else None for name in METRICS}
    return score(text)
