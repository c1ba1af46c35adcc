"""Readability rules: a hard-to-read article or section, an overlong sentence, an overlong paragraph.

Scores are textstat's, computed by ``newslint.metrics`` without importing textstat; the length
rules count words and sentences themselves.
"""

from __future__ import annotations

from newslint.registry import register
from newslint.rule import Rule

_ADVICE = "use shorter sentences and plainer words"


def _first_line_end(text: str) -> int:
    end = text.find("\n")
    return len(text) if end < 0 else end


@register
class Grade(Rule):
    id = "readability/grade"
    summary = "Article or section above the configured Flesch-Kincaid grade."
    description = (
        "Scores the article's running prose, and each section from one heading to the next, with "
        "textstat's Flesch-Kincaid grade (the US school grade a reader needs). Headings, tables, code, "
        "list markers and URLs are left out; sentences come from newslint's splitter. A score above "
        "`max-grade` is reported on the first line of the article or section, with the score. Texts "
        "shorter than `min-words` are not scored: a few sentences give an unstable grade. News usually "
        "aims for grade 8 to 10; the default limit of 14 (college) flags only copy well beyond that "
        "(about one in ten articles of 1961 American press reportage in the Brown corpus). Set a "
        "stricter limit, say 12 for news and 14 for opinion, per folder in the configuration."
    )
    severity = "info"
    document_level = True
    options = {"max-grade": 14.0, "min-words": 100, "sections": True}
    examples = {
        "bad": [
            "The funding arrangement, which was negotiated between the regional development agency and the "
            "municipal authorities over several months, relies on a combination of intergovernmental transfers, "
            "supplementary appropriations and borrowing against anticipated infrastructure revenues. Independent "
            "economists consulted by the council characterised the projected expenditure as considerably higher "
            "than the original administrative estimates, attributing the difference to construction inflation, "
            "environmental remediation requirements and the additional engineering assessments demanded by the "
            "national transportation regulator. Opposition councillors described the documentation presented to "
            "the committee as fundamentally unsatisfactory, arguing that the municipality's contingency provisions "
            "were inadequate for a project of this complexity and that responsibility for potential overruns "
            "remained ambiguous."
        ],
        "good": [
            "The council voted on Tuesday to fix the old bridge on Main Street. Work starts in May and "
            "should take six weeks. The mayor said the road will stay open at night. Buses will use "
            "Park Lane while the work goes on. Shops near the bridge asked for help, and the council "
            "said it would look at ways to keep trade going. A local man who walks his dog there each "
            "day said he was glad. He said the bridge had been in bad shape for years and the town had "
            "waited too long. The vote was seven to two. The work will cost about two million pounds, "
            "most of it from a state grant."
        ],
    }

    def check_document(self, doc, ctx):
        from newslint.metrics import analyse, total

        limit = float(ctx.options["max-grade"])
        min_words = ctx.options["min-words"]
        secs = analyse(doc, ctx.shared)
        if not secs:
            return
        if sum(sec.words for sec in secs) >= min_words:
            grade = _grade(total([sec.counts() for sec in secs]))
            if grade > limit:
                block = secs[0].first
                yield self.report(
                    block,
                    0,
                    _first_line_end(block.text),
                    f"The article reads at Flesch-Kincaid grade {grade:.1f} (limit {limit:g}); {_ADVICE}.",
                )
        if not ctx.options["sections"] or len(secs) < 2:
            return
        for sec in secs:
            if sec.words < min_words:
                continue
            grade = _grade(sec.counts())
            if grade <= limit:
                continue
            name = f"section '{_short(sec.title)}'" if sec.heading is not None else "opening section"
            block = sec.first
            yield self.report(
                block,
                0,
                _first_line_end(block.text),
                f"The {name} reads at Flesch-Kincaid grade {grade:.1f} (limit {limit:g}); {_ADVICE}.",
            )


def _grade(counts) -> float:
    from newslint.metrics import scores

    return scores(counts, ("flesch_kincaid_grade",))["flesch_kincaid_grade"]


def _short(title: str, width: int = 40) -> str:
    return title if len(title) <= width else title[: width - 1].rstrip() + "…"


@register
class SentenceLength(Rule):
    id = "readability/sentence-length"
    summary = "Sentence longer than the configured number of words."
    description = (
        "Counts the words of every sentence in paragraphs and list items (newslint's sentence splitter; "
        "a word is a whitespace-separated piece with a letter or digit, URLs left out) and flags a "
        "sentence longer than `max-words` (default 35), from its first to its last character. Wire "
        "style guides suggest an average under 20 words; a sentence over 35 is hard to take in at "
        "one reading. About one sentence in ten of real press reportage is longer than 35 words, so "
        "the rule is advice (severity info) unless the configuration raises it."
    )
    severity = "info"
    document_level = True
    options = {"max-words": 35}
    examples = {
        "bad": [
            "The minister, who had spent most of the morning in talks with union leaders and business "
            "groups about the new tax on fuel, said late on Tuesday that the government would not change "
            "its plans even if the strike went ahead next week."
        ],
        "good": [
            "The minister said late on Tuesday that the government would not change its plans. "
            "She had spent the morning in talks with union leaders and business groups."
        ],
    }

    def check_document(self, doc, ctx):
        from newslint.metrics import analyse

        limit = ctx.options["max-words"]
        for sec in analyse(doc, ctx.shared):
            for block, spans, words in sec.parts:
                if not words or max(words) <= limit:
                    continue
                for (start, end), n in zip(spans, words):
                    if n > limit:
                        yield self.report(
                            block,
                            start,
                            end,
                            f"This sentence has {n} words (limit {limit}); split it into shorter sentences.",
                        )


@register
class ParagraphLength(Rule):
    id = "readability/paragraph-length"
    summary = "Paragraph with more sentences or words than configured."
    description = (
        "Flags a paragraph with more than `max-sentences` sentences (default 6) or more than "
        "`max-words` words (default 150), from its first to its last character. News paragraphs are "
        "short: one to three sentences is common. List items, headings and table cells are not "
        "paragraphs."
    )
    severity = "info"
    options = {"max-sentences": 6, "max-words": 150}
    document_level = True
    examples = {
        "bad": [
            "The storm hit the coast at dawn. Winds reached 120 km/h. Trees fell on the main road. "
            "Power failed in three towns. Schools stayed shut. Ferries were cancelled. Police asked "
            "people to stay at home."
        ],
        "good": ["The storm hit the coast at dawn. Winds reached 120 km/h, and power failed in three towns."],
    }

    def check_document(self, doc, ctx):
        from newslint.metrics import analyse

        max_sentences, max_words = ctx.options["max-sentences"], ctx.options["max-words"]
        for sec in analyse(doc, ctx.shared):  # the sentences the other readability rules use
            for block, spans, words in sec.parts:
                # most paragraphs are within both limits: told here, without a generator for each
                if block.kind == "paragraph" and (len(words) > max_sentences or sum(words) > max_words):
                    yield from self._check(block, spans, words, max_sentences, max_words)

    def _check(self, block, spans, words, max_sentences, max_words):
        """A paragraph's sentences that have words: too many, or too many words in all."""
        n = len(words) - words.count(0)
        total = sum(words)
        if not n or (n <= max_sentences and total <= max_words):
            return
        parts = []
        if n > max_sentences:
            parts.append(f"{n} sentences (limit {max_sentences})")
        if total > max_words:
            parts.append(f"{total} words (limit {max_words})")
        first = next(i for i, w in enumerate(words) if w)
        last = len(words) - 1 - next(i for i, w in enumerate(reversed(words)) if w)
        yield self.report(
            block,
            spans[first][0],
            spans[last][1],
            f"This paragraph has {' and '.join(parts)}; break it into shorter paragraphs.",
        )
