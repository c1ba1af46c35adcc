"""Property tests over wider inputs than test_properties.py: any Unicode text (every category
hypothesis draws, control and format characters, unpaired surrogates aside since a file
decoded from UTF-8 cannot hold them) and Markdown documents assembled from block shapes
(front matter, headings, nested lists, block quotes, tables, code, HTML, links). The whole
linter, parse + every default rule + fixing, must never raise, and every finding and edit must
lie inside the source."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import lint_text
from newslint.document import parse
from newslint.fix import fix_until_stable

WORDS = st.sampled_from(
    [
        "Officials",
        "said",
        "the",
        "Ukraine",
        "U.S.",
        "woudl",
        "teh",
        "a",
        "an",
        "hour",
        "NATO",
        "nato",
        "3.5%",
        "$1,000",
        "Jan.",
        "10:30",
        "Mr.",
        "—",
        "“quoted”",
        "it’s",
        "e.g.",
        "café",
        "Kyiv",
        "🙂",
        "\u200b",
        "\u00a0",
        "x" * 40,
    ]
)
PUNCT = st.sampled_from(["", ".", ",", ";", ":", "?", "!", "...", ",despite", ".This", "  "])
SENTENCE = st.lists(st.tuples(WORDS, PUNCT).map("".join), min_size=1, max_size=12).map(" ".join)
# a line of prose, or of anything at all
INLINE = st.one_of(
    SENTENCE,
    SENTENCE.map(lambda s: f"**{s}**"),
    SENTENCE.map(lambda s: f"[{s}](https://example.org/a_b?c=1)"),
    SENTENCE.map(lambda s: f"`{s}`"),
    st.text(max_size=40).map(lambda s: s.replace("\n", " ")),
)
NEWLINE = st.sampled_from(["\n", "\r\n"])


def _table(cells: list[list[str]], leading: bool, delimiter: str) -> str:
    rows = [("| " if leading else "") + " | ".join(c.replace("|", "/") for c in row) + " |" for row in cells]
    width = max(len(row) for row in cells)
    delim = ("|" if leading else "") + "|".join([delimiter] * width) + "|"
    return "\n".join([rows[0], delim, *rows[1:]])


TABLE = st.builds(
    _table,
    st.lists(st.lists(SENTENCE, min_size=1, max_size=4), min_size=1, max_size=5),
    st.booleans(),
    st.sampled_from(["---", ":---", "---:", ":-:", "-"]),
)


@st.composite
def nested_list(draw, depth=0):
    marker = draw(st.sampled_from(["- ", "* ", "1. ", "2) ", "+ "]))
    items = []
    for _ in range(draw(st.integers(1, 3))):
        items.append("  " * depth + marker + draw(INLINE))
        if depth < 3 and draw(st.booleans()):
            items.append(draw(nested_list(depth + 1)))
    return "\n".join(items)


QUOTE = st.lists(INLINE, min_size=1, max_size=3).map(lambda lines: "\n".join("> " + line for line in lines))
NESTED_QUOTE = QUOTE.map(lambda q: "\n".join("> " + line for line in q.split("\n")))
HEADING = st.tuples(st.integers(1, 6), SENTENCE).map(lambda t: "#" * t[0] + " " + t[1])
SETEXT = SENTENCE.map(lambda s: s + "\n" + "=" * max(1, len(s) // 2))
CODE = st.tuples(st.sampled_from(["```", "~~~", "```python"]), st.text(max_size=60)).map(
    lambda t: f"{t[0]}\n{t[1]}\n{t[0][:3]}"
)
HTML = st.sampled_from(["<!-- newslint-disable -->", "<!-- note -->", "<div>\nhidden *text*\n</div>", "<br>", "***"])
REFERENCE = SENTENCE.map(lambda s: f"[{s[:10]}]: https://example.org/{len(s)}")
BLOCK = st.one_of(SENTENCE, INLINE, TABLE, nested_list(), QUOTE, NESTED_QUOTE, HEADING, SETEXT, CODE, HTML, REFERENCE)
FRONT_MATTER = st.one_of(
    st.just(""),
    st.just("---\ntitle: Talks resume\ntags: [a, b]\n---\n\n"),
    st.just("---\nbroken: [\n---\n\n"),
    st.just("---\n"),
)


@st.composite
def markdown_doc(draw):
    blocks = draw(st.lists(BLOCK, max_size=8))
    separators = draw(st.lists(st.sampled_from(["\n\n", "\n", "\n\n\n"]), min_size=len(blocks), max_size=len(blocks)))
    text = draw(FRONT_MATTER) + "".join(b + s for b, s in zip(blocks, separators, strict=True))
    newline = draw(NEWLINE)
    return text.replace("\n", newline) if newline != "\n" else text


ANY_TEXT = st.text(st.characters(exclude_categories=["Cs"]), max_size=300)  # every category but surrogates


def assert_whole_linter_holds(text: str, path: str) -> None:
    doc = parse(path, text)
    findings = lint_text(text, path)
    for f in findings:
        assert 0 <= f.span.start <= f.span.end <= len(text)
        assert doc.index.offset(f.line, f.column) == f.span.start
        for edit in f.fix.edits if f.fix else ():
            assert 0 <= edit.span.start <= edit.span.end <= len(text)
    result = fix_until_stable(text, lambda t: lint_text(t, path), True)
    assert isinstance(result.text, str)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ANY_TEXT, st.sampled_from(["a.md", "a.txt"]))
def test_any_unicode_text_never_raises(text, path):
    assert_whole_linter_holds(text, path)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(markdown_doc(), st.sampled_from(["a.md", "a.markdown", "a.txt"]))
def test_any_markdown_shape_never_raises(text, path):
    assert_whole_linter_holds(text, path)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.lists(st.one_of(markdown_doc(), ANY_TEXT), min_size=2, max_size=3).map("".join))
def test_markdown_shapes_mixed_with_any_text_never_raise(text):
    assert_whole_linter_holds(text, "a.md")
