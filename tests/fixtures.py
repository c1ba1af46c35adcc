"""Fixture documents: each marks its expected findings in a comment the parser drops.

``<!-- expect: 3:14 5:1 -->`` lists line:column of every finding of the rule under test,
``<!-- expect: none -->`` says there is none. A ``NAME.fixed.EXT`` file beside ``NAME.EXT``
is the expected output of fixing (safe fixes of that rule only).
"""

from __future__ import annotations

import re
from pathlib import Path

FIXTURES = Path(__file__).parent / "fixtures"
EXPECT = re.compile(r"<!--\s*expect:\s*(.*?)\s*-->")


def cases() -> list[tuple[str, Path]]:
    out = []
    for path in sorted(FIXTURES.rglob("*")):
        if path.suffix not in (".md", ".txt") or ".fixed." in path.name:
            continue
        rel = path.relative_to(FIXTURES)
        rule_id = f"{rel.parts[0]}/{rel.parts[1]}"
        out.append((rule_id, path))
    return out


def expected_positions(text: str) -> list[tuple[int, int]]:
    found = EXPECT.findall(text)
    if not found:
        raise AssertionError("fixture has no <!-- expect: ... --> comment")
    positions = []
    for spec in found:
        if spec.strip() == "none":
            continue
        for item in spec.split():
            line, col = item.split(":")
            positions.append((int(line), int(col)))
    return sorted(positions)
