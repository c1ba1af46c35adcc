"""Pipe tables: recognition against the GFM spec and markdown-it-py, the table rules, their fixes.

The GFM examples below are the eight of the GitHub Flavored Markdown spec 0.29-gfm, section
"Tables (extension)", examples 198 to 205 (https://github.github.com/gfm/#tables-extension-;
source: github/cmark-gfm, test/spec.txt), verbatim. The same eight, one blank line apart, are the
``gfm-spec.md`` fixture of every table rule under tests/fixtures/table/.
"""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import SAMPLE, lint_text
from newslint.config import from_mapping
from newslint.document import parse
from newslint.errors import ConfigError
from newslint.files import Source
from newslint.fix import fix_until_stable
from newslint.runner import Linter, Selection

GFM_EXAMPLES = {
    198: "| foo | bar |\n| --- | --- |\n| baz | bim |\n",
    199: "| abc | defghi |\n:-: | -----------:\nbar | baz\n",
    200: "| f\\|oo  |\n| ------ |\n| b `\\|` az |\n| b **\\|** im |\n",
    201: "| abc | def |\n| --- | --- |\n| bar | baz |\n> bar\n",
    202: "| abc | def |\n| --- | --- |\n| bar | baz |\nbar\n\nbar\n",
    203: "| abc | def |\n| --- |\n| bar |\n",
    204: "| abc | def |\n| --- | --- |\n| bar |\n| bar | baz | boo |\n",
    205: "| abc | def |\n| --- | --- |\n",
}

# (line, rule) of every table finding, with the reason where the spec calls the input valid
GFM_EXPECTED = {
    198: [],
    # valid GFM ("use of leading and trailing pipes may be inconsistent"); the default style asks for both
    199: [(2, "table/pipe-style")],  # one finding for the table, at its first row without both pipes
    200: [],
    # valid GFM (a block quote ends the table); markdownlint's MD058 reports it too
    201: [(3, "table/blank-lines")],
    # valid GFM, but the prose line "bar" becomes a table row: the blank line is missing
    202: [(3, "table/blank-lines")],
    # "The header row must match the delimiter row in the number of cells. If not, a table will not be recognized"
    203: [(2, "table/delimiter-row"), (3, "table/column-count")],
    # valid GFM: the short row is padded, the excess cell is dropped (markdownlint's MD056 reports both)
    204: [(3, "table/column-count"), (4, "table/column-count")],
    205: [],
}

TABLE_RULES = ["table", "table/empty-cell"]


def _md_tables(text: str) -> list[dict]:
    """Tables as markdown-it-py (GFM tables enabled) sees them: line range and rows of cell texts."""
    from markdown_it import MarkdownIt

    tables: list[dict] = []
    current = None
    for tok in MarkdownIt("commonmark").enable("table").parse(text):
        if tok.type == "table_open":
            current = {"lines": tuple(tok.map), "rows": []}
            tables.append(current)
        elif tok.type == "tr_open" and current is not None:
            current["rows"].append([])
        elif tok.type == "inline" and current is not None and current["rows"]:
            current["rows"][-1].append(tok.content)
        elif tok.type == "table_close":
            current = None
    return tables


def _lint(text: str, path: str = "t.md", select=None, config: dict | None = None):
    linter = Linter(selection=Selection(select=select))
    return linter.lint_source(Source(path, text), from_mapping(config or {}, None)).findings


def _fix(text: str, path: str = "t.md", select=None, config: dict | None = None, unsafe: bool = False) -> str:
    result = fix_until_stable(text, lambda t: _lint(t, path, select, config), unsafe)
    assert not result.unconverged
    return result.text


# -- the GFM spec --------------------------------------------------------------------------


@pytest.mark.parametrize("number", sorted(GFM_EXAMPLES))
def test_gfm_example_findings(number):
    for suffix in ("md", "txt"):
        findings = _lint(GFM_EXAMPLES[number], f"t.{suffix}", select=TABLE_RULES)
        assert sorted((f.line, f.rule) for f in findings) == GFM_EXPECTED[number], suffix


@pytest.mark.parametrize("number", [198, 199, 200, 201, 202, 204, 205])
def test_gfm_tables_are_recognised_as_markdown_it_sees_them(number):
    """Same rows and cell texts as markdown-it-py's GFM table rule (which unescapes ``\\|``); the
    one difference is by design: the prose line after a table (202) stays prose."""
    text = GFM_EXAMPLES[number]
    doc = parse("t.md", text)
    (expected,) = _md_tables(text)
    (table,) = doc.tables
    rows = [r for r in table.rows if r is not table.delimiter_row]
    first, last = expected["lines"]
    if number == 202:
        last -= 1  # markdown-it reads "bar" as a row; newslint reports the missing blank line instead
    assert (table.first_line, table.last_line + 1) == (first, last)
    columns = table.columns
    want_rows = expected["rows"][:-1] if number == 202 else expected["rows"]
    assert len(rows) == len(want_rows)
    for got, want in zip(rows, want_rows):
        texts = [t.replace("\\|", "|") for t in got.cell_texts(doc.source)]
        # a GFM renderer pads a short row with empty cells and drops the extra ones of a long row
        assert (texts + [""] * columns)[:columns] == want


def test_gfm_example_203_is_no_table_for_markdown_it_but_a_broken_one_here():
    assert _md_tables(GFM_EXAMPLES[203]) == []
    (table,) = parse("t.md", GFM_EXAMPLES[203]).tables
    assert table.delimiter == 1 and len(table.delimiter_row.cells) == 1 and table.columns == 2


@pytest.mark.parametrize("number", sorted(GFM_EXAMPLES))
def test_gfm_examples_fixed_render_the_same_cells(number):
    """After every table fix (unsafe too), markdown-it sees each table with its header's columns
    and the original cell texts."""
    text = GFM_EXAMPLES[number]
    fixed = _fix(text, select=TABLE_RULES, unsafe=True)
    assert not [f for f in _lint(fixed, select=["table"]) if f.fix]
    before = parse("t.md", text).tables
    after = _md_tables(fixed)
    assert len(after) == len(before)
    for table, seen in zip(before, after):
        rows = [r for r in table.rows if r is not table.delimiter_row]
        assert len(seen["rows"]) == len(rows)
        for row, cells in zip(rows, seen["rows"]):
            original = [t.replace("\\|", "|") for t in row.cell_texts(text)]
            assert cells == (original + [""] * table.columns)[: table.columns]


# -- the sample article -------------------------------------------------------------------------


def _sample_tables(text: str) -> list[list[list[str]]]:
    doc = parse(SAMPLE.name, text)
    return [[r.cell_texts(doc.source) for r in t.rows if r is not t.delimiter_row] for t in doc.tables]


def test_sample_tables_are_each_flagged():
    text = SAMPLE.read_text(encoding="utf-8")
    doc = parse(SAMPLE.name, text)
    findings = lint_text(text, SAMPLE.name, select=["table"])
    assert len(doc.tables) == 5
    for table in doc.tables:
        lines = range(table.first_line + 1, table.last_line + 2)
        rules = {f.rule for f in findings if f.line in lines}
        assert rules == {"table/pipe-style", "table/blank-lines"}
        blank = sorted(f.line for f in findings if f.rule == "table/blank-lines" and f.line in lines)
        assert blank == [table.first_line + 1, table.last_line + 1]


def test_sample_fixed_tables_render_with_the_original_cells():
    """The table fixes alone: markdown-it-py with GFM tables sees five tables, two columns each,
    with exactly the original cell texts."""
    text = SAMPLE.read_text(encoding="utf-8")
    original = _sample_tables(text)
    assert len(original) == 5
    fixed = fix_until_stable(text, lambda t: lint_text(t, SAMPLE.name, select=["table"])).text
    rendered = _md_tables(fixed)
    assert [t["rows"] for t in rendered] == original
    assert all(len(row) == 2 for t in rendered for row in t["rows"])
    assert not lint_text(fixed, SAMPLE.name, select=["table"])
    assert fixed.count("\n") == text.count("\n") + 10  # a blank line before and after each table
    # every other line is untouched
    assert [line for line in fixed.split("\n") if line and "|" not in line] == [
        line for line in text.split("\n") if line and "|" not in line
    ]


def test_sample_fixed_with_every_rule_still_has_five_tables():
    text = SAMPLE.read_text(encoding="utf-8")
    fixed = fix_until_stable(text, lambda t: lint_text(t, SAMPLE.name)).text
    rendered = _md_tables(fixed)
    assert [len(t["rows"]) for t in rendered] == [len(t) for t in _sample_tables(text)]
    assert all(len(row) == 2 for t in rendered for row in t["rows"])
    # other rules may fix a cell's text (a sentence start), never its place
    assert [[[c.lower() for c in r] for r in t["rows"]] for t in rendered] == [
        [[c.lower() for c in r] for r in t] for t in _sample_tables(text)
    ]


def test_sample_check_fix_on_the_command_line(tmp_path, run_cli):
    _, help_text, _ = run_cli("check", "--help")
    if "--fix" not in help_text:
        pytest.skip("newslint check has no --fix yet")
    target = tmp_path / SAMPLE.name
    shutil.copyfile(SAMPLE, target)
    run_cli("check", "--fix", "--select", "table", str(target))
    rendered = _md_tables(target.read_text(encoding="utf-8"))
    assert [t["rows"] for t in rendered] == _sample_tables(SAMPLE.read_text(encoding="utf-8"))


def test_prose_rules_do_not_run_on_delimiter_rows_and_cells_are_blocks():
    text = SAMPLE.read_text(encoding="utf-8")
    doc = parse(SAMPLE.name, text)
    delimiter_lines = {t.delimiter_row.line + 1 for t in doc.tables}
    assert not [f for f in lint_text(text, SAMPLE.name) if f.line in delimiter_lines and f.category != "table"]
    cells = {b.text for b in doc.blocks if b.kind == "table_cell"}
    assert "regular Diplomatic Meetings" in cells
    assert not [b for b in doc.blocks if b.kind in ("paragraph", "heading") and "|" in b.text]


# -- recognition ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "- Reuters | 10:30 GMT\n- AP | 11:05 GMT\n",  # list items with pipes
        "1. Kyiv | 61%\n2. Lviv | 58%\n",
        "News | Sport | Culture\n",  # one line is not a table
        "Use `a|b` to filter.\nOr `c|d` to sort.\n",  # pipes only inside code
        "# Kyiv | Lviv\n# Odesa | Kharkiv\n",
        "A paragraph.\n\n---\n\nAnother.\n",
    ],
)
def test_not_tables(text):
    for path in ("t.md", "t.txt"):
        assert parse(path, text).tables == []
        assert not lint_text(text, path, select=TABLE_RULES)


def test_rows_without_delimiter_are_a_broken_table_and_prose_is_not():
    doc = parse("t.txt", "Turnout by region:\nKyiv | 61%\nLviv | 58%\nThe count ended.\n")
    (table,) = doc.tables
    assert table.delimiter is None and (table.first_line, table.last_line) == (1, 2)
    rules = sorted((f.line, f.rule) for f in lint_text(doc.source, "t.txt", select=["table"]))
    assert (2, "table/delimiter-row") in rules


def test_table_glued_to_a_second_table_is_two_tables():
    text = "| a | b |\n| --- | --- |\n| 1 | 2 |\n| c | d |\n| --- | --- |\n| 3 | 4 |\n"
    tables = parse("t.md", text).tables
    assert [(t.first_line, t.last_line) for t in tables] == [(0, 2), (3, 5)]
    fixed = _fix(text, select=["table"])
    assert [t["rows"] for t in _md_tables(fixed)] == [[["a", "b"], ["1", "2"]], [["c", "d"], ["3", "4"]]]


def test_dash_cells_in_a_body_row_stay_a_body_row():
    text = "| Team | Score |\n| --- | --- |\n| A | 3 |\n| - | - |\n| B | 1 |\n"
    (table,) = parse("t.md", text).tables
    assert len(table.rows) == 5 and table.delimiter == 1
    assert not lint_text(text, "t.md", select=TABLE_RULES[:1])


def test_pipe_inside_code_does_not_split_but_is_reported():
    text = "| Query | Rows |\n| --- | --- |\n| `a|b` | 4 |\n"
    (table,) = parse("t.md", text).tables
    assert [len(r.cells) for r in table.rows] == [2, 2, 2]
    (finding,) = lint_text(text, "t.md", select=["table"])
    assert finding.rule == "table/column-count" and (finding.line, finding.column) == (3, 5)
    fixed = _fix(text, select=["table"], unsafe=True)
    assert fixed == "| Query | Rows |\n| --- | --- |\n| `a\\|b` | 4 |\n"
    assert _md_tables(fixed)[0]["rows"][1] == ["`a|b`", "4"]


# -- fixes and settings ---------------------------------------------------------------------------


def test_short_row_padding_is_unsafe():
    text = "| a | b | c |\n| --- | --- | --- |\n| 1 | 2 |\n"
    assert _fix(text, select=["table"]) == text
    assert _fix(text, select=["table"], unsafe=True) == "| a | b | c |\n| --- | --- | --- |\n| 1 | 2 | |\n"


def test_long_row_has_no_fix_and_keeps_its_text():
    text = "| a | b |\n| --- | --- |\n| 1 | 2 | 3 |\n"
    (finding,) = lint_text(text, "t.md", select=["table"])
    assert finding.fix is None and text[finding.span.start : finding.span.end] == "3 |"


def test_crlf_file_stays_crlf():
    text = "Results:\r\nRegion | Turnout |\r\n---|---|\r\nKyiv | 61% |\r\nThe count ended.\r\n"
    fixed = _fix(text, "t.txt", select=["table"])
    assert fixed == (
        "Results:\r\n\r\n| Region | Turnout |\r\n| --- | --- |\r\n| Kyiv | 61% |\r\n\r\nThe count ended.\r\n"
    )
    assert "\n" not in fixed.replace("\r\n", "")


def test_align_pads_columns_and_keeps_alignment():
    text = "Region | Turnout |\n:--|--:|\nKyiv | 61% |\nZaporizhzhia | 44% |\n"
    config = {"table": {"align": True}}
    fixed = _fix(text, "t.md", select=["table"], config=config)
    assert fixed == (
        "| Region       | Turnout |\n"
        "| :----------- | ------: |\n"
        "| Kyiv         | 61%     |\n"
        "| Zaporizhzhia | 44%     |\n"
    )
    assert _fix(fixed, "t.md", select=["table"], config=config) == fixed
    assert _md_tables(fixed)[0]["rows"] == [["Region", "Turnout"], ["Kyiv", "61%"], ["Zaporizhzhia", "44%"]]


def test_align_counts_wide_characters_twice():
    text = "| 城市 | n |\n|---|---|\n| Kyiv | 1 |\n"
    fixed = _fix("x\n" + text.replace("| 城市", "城市"), "t.md", select=["table"], config={"table": {"align": True}})
    assert "| 城市 | n   |\n| ---- | --- |\n| Kyiv | 1   |\n" in fixed


@pytest.mark.parametrize(
    ("style", "row"),
    [
        ("leading_only", "| a | b"),
        ("trailing_only", "a | b |"),
        ("no_leading_or_trailing", "a | b"),
        ("leading_and_trailing", "| a | b |"),
    ],
)
def test_pipe_style_setting(style, row):
    text = "a | b |\n--- | --- |\nc | d\n"
    fixed = _fix(text, "t.md", select=["table"], config={"table": {"pipe-style": style}})
    assert fixed.splitlines()[0] == row
    assert not _lint(fixed, "t.md", ["table"], {"table": {"pipe-style": style}})
    assert [t["rows"] for t in _md_tables(fixed)] == [[["a", "b"], ["c", "d"]]]


def test_consistent_style_follows_the_first_header_and_keeps_needed_pipes():
    text = "a | b\n--- | ---\n| c | d |\n\n| x | |\n| --- | --- |\n| y | z |\n"
    findings = _lint(text, "t.md", ["table/pipe-style"], {"table": {"pipe-style": "consistent"}})
    # the first header has no outer pipes, so rows 3, 5, 6, 7 lose theirs; "| x | |" keeps its
    # trailing pipe, without which its empty last cell would vanish. One finding per table.
    assert sorted((f.line, f.rule) for f in findings) == [(3, "table/pipe-style"), (5, "table/pipe-style")]
    assert "(2 more rows of this table: the fix writes them too)" in findings[-1].message
    fixed = _fix(text, "t.md", ["table"], {"table": {"pipe-style": "consistent"}})
    assert fixed.splitlines()[4:] == ["x | |", "--- | ---", "y | z"]


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ({"align": "yes"}, "table.align' must be bool"),
        ({"pipe-style": "both"}, "table.pipe-style' must be one of"),
        ({"padding": 1}, "table.padding' is unknown"),
    ],
)
def test_table_settings_are_validated(table, message):
    with pytest.raises(ConfigError, match=message):
        from_mapping({"table": table}, None)


def test_table_settings_bad_value_is_a_one_line_error(tmp_path):
    (tmp_path / ".newslint.yaml").write_text("table: {align: maybe}\n", encoding="utf-8")
    (tmp_path / "a.md").write_text("x\n", encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "newslint", "check", "a.md"], cwd=tmp_path, capture_output=True, text=True
    )
    assert proc.returncode == 2
    assert proc.stderr.count("\n") == 1 and "table.align" in proc.stderr and "Traceback" not in proc.stderr


def test_blank_line_inside_a_block_quote_is_a_quote_line():
    text = "> Seats:\n> | Party | Seats |\n> | --- | --- |\n> | Fatherland | 26 |\n> Final.\n"
    fixed = _fix(text, "t.md", select=["table"])
    assert fixed == "> Seats:\n>\n> | Party | Seats |\n> | --- | --- |\n> | Fatherland | 26 |\n>\n> Final.\n"
    assert _md_tables(fixed)[0]["rows"] == [["Party", "Seats"], ["Fatherland", "26"]]


def test_missing_delimiter_row_is_inserted_only_as_an_unsafe_fix():
    """Rows without a delimiter row are only guessed to be a table: one finding, and no safe fix
    touches them (a credit block with pipes must not grow pipes); the unsafe fix makes a table."""
    text = "Region | Turnout\nKyiv | 61%\n"
    (finding,) = lint_text(text, "t.md", select=TABLE_RULES)
    assert finding.rule == "table/delimiter-row" and finding.fix.applicability == "unsafe"
    assert _fix(text, "t.md", select=["table"]) == text
    fixed = _fix(text, "t.md", select=["table"], unsafe=True)
    assert fixed == "| Region | Turnout |\n| --- | --- |\n| Kyiv | 61% |\n"


# -- property: any pasted table comes out as a GFM table with the same cells ------------------------

_CELL = st.from_regex(r"[A-Za-z][A-Za-z0-9 ,.']{0,12}[A-Za-z0-9.]", fullmatch=True)


@st.composite
def pasted_tables(draw):
    columns = draw(st.integers(1, 4))
    rows = draw(st.lists(st.lists(_CELL, min_size=columns, max_size=columns), min_size=2, max_size=5))
    aligns = draw(st.lists(st.sampled_from(["---", ":--", "--:", ":-:", "-"]), min_size=columns, max_size=columns))

    def line(cells):
        lead, trail = draw(st.booleans()), draw(st.booleans())
        if columns == 1:
            lead = trail = True
        gap = draw(st.sampled_from([" | ", "|", " |", "| "]))
        return ("| " if lead else "") + gap.join(cells) + (" |" if trail else "")

    delimiter = line(aligns)
    if delimiter.startswith("- "):
        delimiter = "|" + delimiter
    body = [line(rows[0]), delimiter, *(line(r) for r in rows[1:])]
    before = draw(st.sampled_from(["", "The figures follow.\n", "The figures follow.\n\n"]))
    after = draw(st.sampled_from(["", "Officials said so.\n", "\nOfficials said so.\n"]))
    eol = draw(st.sampled_from(["\n", "\r\n"]))
    text = (before + "\n".join(body) + "\n" + after).replace("\n", eol)
    return text, rows, eol


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(pasted_tables(), st.sampled_from(["t.md", "t.txt"]), st.booleans())
def test_any_pasted_table_is_fixed_into_a_gfm_table_with_its_cells(case, path, align):
    text, rows, eol = case
    config = {"table": {"align": align}}
    fixed = _fix(text, path, select=["table"], config=config)
    (table,) = _md_tables(fixed.replace("\r\n", "\n"))
    assert table["rows"] == rows
    assert _fix(fixed, path, select=["table"], config=config) == fixed
    assert not [f for f in _lint(fixed, path, ["table"], config) if f.fix]
    # the prose around the table is untouched, and a CRLF text stays CRLF
    prose = [line for line in text.split(eol) if line and "|" not in line]
    assert [line for line in fixed.split(eol) if line and "|" not in line] == prose
    if eol == "\r\n":
        assert "\n" not in fixed.replace("\r\n", "")


def test_comment_line_next_to_a_table_counts_as_blank():
    """Generated-content markers (as in Node.js's docs) sit right on the table; GFM ends the
    comment's HTML block at its line, so the table renders."""
    text = (
        "Stability:\n\n<!-- SLOT_BEGIN -->\n| API | Stability |\n| --- | --- |\n| Buffer | Stable |\n"
        "<!-- SLOT_END -->\n"
    )
    for path in ("t.md", "t.txt"):
        assert not lint_text(text, path, select=["table"])
    assert _md_tables(text)[0]["rows"] == [["API", "Stability"], ["Buffer", "Stable"]]


def test_delimiter_row_that_reads_as_a_list_item():
    """'- | -' is a list item to markdown-it (and CommonMark), so the table does not render."""
    text = "| a | b |\n- | -\n| c | d |\n"
    assert _md_tables(text) == []
    findings = lint_text(text, "t.md", select=["table/delimiter-row"])
    assert [(f.line, f.column) for f in findings] == [(2, 1)]
    fixed = _fix(text, select=["table"])
    assert fixed == "| a | b |\n| --- | --- |\n| c | d |\n"
    assert _md_tables(fixed)[0]["rows"] == [["a", "b"], ["c", "d"]]


def test_long_table_is_fixed_in_linear_time():
    """An aligned rewrite of a 2,000-row paste: one pass, well under a second or two."""
    import time

    rows = "\n".join(f"Region {i} | {i * 7} votes |" for i in range(2000))
    text = f"Intro.\nName | Votes |\n---|---|\n{rows}\nEnd.\n"
    started = time.perf_counter()
    fixed = _fix(text, select=["table"], config={"table": {"align": True}})
    assert time.perf_counter() - started < 10
    assert fixed.splitlines()[2] == "| Name        | Votes       |"  # "13993 votes" is 11 wide
    assert len(_md_tables(fixed)[0]["rows"]) == 2001


def test_delimiter_row_without_header_is_reported_once_and_left_alone():
    text = "The results:\nResults by constituency\n---|---|\n| Kyiv | 61 percent |\n\nThe count ended.\n"
    for path in ("t.md", "t.txt"):
        findings = lint_text(text, path, select=TABLE_RULES)
        assert [(f.line, f.rule, f.fix) for f in findings] == [(3, "table/delimiter-row", None)]
        assert _fix(text, path, select=["table"], unsafe=True) == text
    doc = parse("t.txt", text)
    assert [b.kind for b in doc.blocks if doc.index.line_col(b.span.start)[0] == 3] == ["table_delimiter"]
