"""Property tests: any text parses, and every position maps back to the source."""

from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import lint_text
from newslint.document import MASK, parse
from strategies import documents

DOCS = st.one_of(documents(60), st.text(max_size=200))


@settings(max_examples=300, deadline=None)
@given(DOCS, st.sampled_from(["a.md", "a.txt"]))
def test_block_text_maps_to_source(text, path):
    doc = parse(path, text)
    for block in doc.blocks:
        assert 0 <= block.span.start <= block.span.end <= len(text)
        for i, ch in enumerate(block.text):
            offset = block.source_offset(i)
            assert 0 <= offset < len(text)
            if ch != MASK and ch != "\n":
                assert text[offset] == ch


@settings(max_examples=300, deadline=None)
@given(DOCS, st.sampled_from(["a.md", "a.txt"]))
def test_finding_positions_delimit_the_flagged_text(text, path):
    doc = parse(path, text)
    for f in lint_text(text, path):
        start = doc.index.offset(f.line, f.column)
        end = doc.index.offset(f.end_line, f.end_column)
        assert (start, end) == (f.span.start, f.span.end)
        assert start <= end <= len(text)
        if f.fix:
            for edit in f.fix.edits:
                assert 0 <= edit.span.start <= edit.span.end <= len(text)
