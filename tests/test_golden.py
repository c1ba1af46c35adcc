"""Golden snapshot of the sample article's findings; every entry was checked by hand.

Regenerate with NEWSLINT_UPDATE_GOLDEN=1 and review the diff line by line before committing.
"""

import json
import os
from pathlib import Path

from conftest import ROOT, SAMPLE

GOLDEN = Path(__file__).parent / "golden" / (SAMPLE.stem + ".json")


def test_sample_matches_golden(run_cli, monkeypatch):
    monkeypatch.chdir(ROOT)
    code, out, _ = run_cli("check", "--format", "json", "seeds/" + SAMPLE.name)
    assert code == 1
    got = json.loads(out)
    if os.environ.get("NEWSLINT_UPDATE_GOLDEN"):
        GOLDEN.write_text(json.dumps(got, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    expected = json.loads(GOLDEN.read_text(encoding="utf-8"))
    assert [(d["line"], d["column"], d["rule"]) for d in got] == [(d["line"], d["column"], d["rule"]) for d in expected]
    assert got == expected


def test_sample_correct_text_is_not_flagged(run_cli, monkeypatch):
    """Lines an editor would leave alone get no finding at those spots."""
    monkeypatch.chdir(ROOT)
    data = json.loads(run_cli("check", "--format", "json", "seeds/" + SAMPLE.name)[1])
    lines = SAMPLE.read_text(encoding="utf-8").split("\n")
    for item in data:
        flagged = lines[item["line"] - 1][item["column"] - 1 : item["end_column"] - 1]
        for fine in ("U.S.", "De-escalating", "Long-term", "---|---|"):
            assert fine not in flagged
    delimiter_lines = {i + 1 for i, line in enumerate(lines) if line == "---|---|"}
    assert not [d for d in data if d["line"] in delimiter_lines and not d["rule"].startswith("table/")]
