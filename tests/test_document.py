"""The document model: blocks, masking and exact source mapping."""

from conftest import SAMPLE
from newslint.document import MASK, parse
from newslint.document.lines import LineIndex


def test_line_index_round_trip():
    text = "ab\ncdé\r\n\nxyz"
    index = LineIndex(text)
    for offset in range(len(text) + 1):
        line, col = index.line_col(offset)
        assert index.offset(line, col) == offset
    assert index.line_col(3) == (2, 1)
    assert index.line_col(5) == (2, 3)  # "é" is one code point
    assert index.line_span(1) == (3, 6)  # CR is not content


def test_sample_structure():
    doc = parse(str(SAMPLE), SAMPLE.read_text(encoding="utf-8"))
    assert len(doc.tables) == 5
    for table in doc.tables:
        assert table.delimiter == 1
        assert all(len(r.cells) == 2 for r in table.rows)
        assert not table.rows[0].leading_pipe and table.rows[0].trailing_pipe
    kinds = {}
    for b in doc.blocks:
        kinds.setdefault(b.kind, []).append(b)
    headings = [b.text for b in kinds["heading"]]
    assert headings == [
        "Putin’s Stance on Inclusion of ukraine in Peace Talks",
        "Examining the Role of US-russia Relations in Negotiating peace",
        "trust-Building Measures: Essential Steps toward Stabilizing Tensions",
        "Impact of International Diplomacy on the Ukraine Conflict Resolution",
        "Recommendations for Enhancing US-Russia Dialogue",
        "The Future of Ukraine: Navigating Sovereignty and Security in Peace Efforts",
        "To Conclude",
    ]
    assert kinds["list_item"][0].text == "fostering Open Communication: Engaging in clear discussions to rebuild trust."
    assert len(kinds["table_delimiter"]) == 5
    assert {b.text for b in kinds["table_cell"]} >= {"regular Diplomatic Meetings", "Component", "High"}
    for b in doc.blocks:  # plain text maps one to one
        if b.text:
            assert doc.source[b.span.start : b.span.end].find(b.text) >= 0


def test_markdown_blocks_and_offsets():
    src = (
        "---\ntitle: x\n---\n# A *Heading* #\n\nSee [the report](https://x.org/a,b) and `code,here`.\n"
        "> quoted **text**\n\n- item one\n  continues\n\n```\nfenced,code\n```\n\n<!-- note -->\n"
        "| a | b |\n|---|---|\n| c | d |\n"
    )
    doc = parse("a.md", src)
    kinds = [b.kind for b in doc.blocks]
    assert kinds[0] == "front_matter"
    assert "code" in kinds and "comment" in kinds
    texts = {b.kind + ":" + b.text for b in doc.blocks if b.text}
    assert "heading:A Heading" in texts
    assert f"paragraph:See the report and {MASK * 11}." in texts
    assert "paragraph:quoted text" in texts
    assert "list_item:item one\ncontinues" in texts
    assert {"table_cell:a", "table_cell:d"} <= texts
    for b in doc.blocks:
        for i, ch in enumerate(b.text):
            if ch not in (MASK, "\n"):
                assert src[b.source_offset(i)] == ch


def test_plaintext_masks_urls_and_email():
    doc = parse("a.txt", "Write to desk@example.com or see https://example.com/a,b today.\n")
    (block,) = doc.blocks
    assert "example" not in block.text
    assert block.text.startswith("Write to " + MASK)


def test_table_recognised_without_blank_lines_and_escaped_pipes():
    src = "A paragraph.\nName | Note |\n---|---|\nx \\| y | `a|b` |\nNext paragraph.\n"
    doc = parse("a.txt", src)
    (table,) = doc.tables
    assert [len(r.cells) for r in table.rows] == [2, 2, 2]
    assert table.first_line == 1 and table.last_line == 3
    assert [b.kind for b in doc.blocks] == [
        "paragraph",
        "table_cell",
        "table_cell",
        "table_delimiter",
        "table_cell",
        "table_cell",
        "paragraph",
    ]


def test_pipe_rows_without_delimiter_are_a_broken_table():
    doc = parse("a.txt", "a | b\nc | d\n")
    assert len(doc.tables) == 1 and doc.tables[0].delimiter is None


def test_crlf_and_bom_free_text():
    src = "First line,here.\r\nSecond line.\r\n"
    doc = parse("a.txt", src)
    assert [b.text for b in doc.blocks] == ["First line,here.", "Second line."]


def test_plaintext_line_ending_in_a_dash_introduces_the_next():
    # "as follows —" leads into a quotation: a paragraph, whose capitals count as the article's evidence
    doc = parse("a.txt", "Election Night\nOur staff man cabled from Turin as follows —\n“The plant is modern.”\n")
    assert [b.kind for b in doc.blocks] == ["heading", "paragraph", "paragraph"]
