"""The README's rule table and configuration reference are generated; this keeps them current.

Regenerate with: NEWSLINT_UPDATE_README=1 python -m pytest tests/test_readme.py
"""

import os
import re

from conftest import ROOT

README = ROOT / "README.md"


def _section(name: str, body: str, text: str) -> str:
    pattern = re.compile(rf"(<!-- {name}:start -->\n).*?(<!-- {name}:end -->)", re.S)
    return pattern.sub(lambda m: m.group(1) + body + m.group(2), text)


def test_readme_tables_are_current(run_cli):
    from newslint.config import SCHEMA

    code, rules_table, _ = run_cli("rules", "--format", "markdown")
    assert code == 0
    config_table = "| key | type | meaning |\n|---|---|---|\n" + "".join(
        f"| `{key}` | {t.__name__ if isinstance(t, type) else '/'.join(x.__name__ for x in t)} | {doc} |\n"
        for key, (t, doc) in SCHEMA.items()
    )
    text = README.read_text(encoding="utf-8")
    want = _section("config-table", config_table, _section("rules-table", rules_table, text))
    if os.environ.get("NEWSLINT_UPDATE_README"):
        README.write_text(want, encoding="utf-8")
    assert text == want, "README tables are stale: NEWSLINT_UPDATE_README=1 python -m pytest tests/test_readme.py"


def test_quick_start_has_exactly_two_commands_and_ci_runs_the_second():
    text = README.read_text(encoding="utf-8")
    block = re.search(r"## Quick start\n\n```sh\n(.*?)```", text, re.S).group(1)
    commands = [line for line in block.splitlines() if line.strip()]
    assert len(commands) == 2
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert commands[1] in ci
