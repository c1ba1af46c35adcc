"""Table recognition against markdown-it-py's GFM table rule, on real Markdown files.

    python bench/tables.py /usr/share/doc /usr/lib/node_modules      # folders or files

For every Markdown file with a pipe in it: the tables markdown-it-py (CommonMark + GFM tables)
renders, the tables newslint recognises with a delimiter row, where they start, and the cells
of each row (markdown-it unescapes ``\\|``; a GFM renderer pads short rows and drops extra
cells). Prints the agreement, each disagreement, and the table findings per rule, so every
finding on real, correct tables can be reviewed. Not run as a test.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path


def markdown_it_tables(text: str) -> list[tuple[int, list[list[str]]]]:
    from markdown_it import MarkdownIt

    out: list[tuple[int, list[list[str]]]] = []
    rows: list[list[str]] | None = None
    for tok in MarkdownIt("commonmark").enable("table").parse(text):
        if tok.type == "table_open":
            rows = []
            out.append((tok.map[0], rows))
        elif tok.type == "tr_open" and rows is not None:
            rows.append([])
        elif tok.type == "inline" and rows:
            rows[-1].append(tok.content)
        elif tok.type == "table_close":
            rows = None
    return out


def files(args: list[str]) -> list[Path]:
    found: list[Path] = []
    for arg in args:
        p = Path(arg)
        found.extend(sorted(p.rglob("*.md")) if p.is_dir() else [p])
    return found


def main(argv: list[str]) -> int:
    from newslint.config import Config
    from newslint.document import parse
    from newslint.files import Source
    from newslint.runner import Linter, Selection

    linter = Linter(selection=Selection(select=["table"]))
    config = Config()
    counts: Counter[str] = Counter()
    agree = theirs_total = ours_total = 0
    disagreements: list[str] = []
    findings: list[str] = []
    for path in files(argv):
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        if "|" not in text:
            continue
        doc = parse(str(path), text)
        ours = {t.first_line: t for t in doc.tables if t.delimiter == 1}
        theirs = markdown_it_tables(text)
        ours_total += len(ours)
        theirs_total += len(theirs)
        for start, rows in theirs:
            table = ours.get(start)
            if table is None:
                disagreements.append(f"{path}:{start + 1}: markdown-it sees a table, newslint does not")
                continue
            body = [r for r in table.rows if r is not table.delimiter_row]
            cells = [[c.replace("\\|", "|") for c in r.cell_texts(doc.source)] for r in body]
            width = table.columns
            padded = [(r + [""] * width)[:width] for r in cells]
            if padded != rows[: len(padded)]:
                disagreements.append(f"{path}:{start + 1}: cells differ")
            else:
                agree += 1
        starts = {s for s, _ in theirs}
        for start in ours:
            if start not in starts:
                disagreements.append(f"{path}:{start + 1}: newslint sees a table, markdown-it does not")
        for f in linter.lint_source(Source(str(path), text), config).findings:
            counts[f.rule] += 1
            findings.append(f"{path}:{f.line}:{f.column}: {f.rule} {f.message}")
    print(f"markdown-it tables: {theirs_total}, newslint tables with a delimiter row: {ours_total}")
    print(f"same start line and same cells: {agree}")
    for line in disagreements:
        print("  " + line)
    print("table findings per rule:", dict(sorted(counts.items())))
    for line in findings:
        print("  " + line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
