import os
from pathlib import Path

import pytest

os.environ["NEWSLINT_DEBUG"] = "1"  # a crashing rule fails the test instead of becoming an error line
os.environ["NEWSLINT_NO_CACHE"] = "1"  # tests see fresh results; test_batch turns the cache on where it tests it

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "seeds" / "000_e110744cb7817473.txt"


@pytest.fixture
def run_cli():
    """Run the click CLI in-process; returns (exit_code, stdout, stderr)."""
    from click.testing import CliRunner

    from newslint.cli import cli

    def run(*args, input=None):
        runner = CliRunner()
        result = runner.invoke(cli, list(args), input=input, catch_exceptions=False)
        return result.exit_code, result.stdout, result.stderr

    return run


def lint_text(text: str, path: str = "t.txt", select=None):
    """Findings for a text, with the default configuration (or only the selected rules)."""
    from newslint.config import Config
    from newslint.files import Source
    from newslint.runner import Linter, Selection

    linter = Linter(selection=Selection(select=select))
    return linter.lint_source(Source(path, text), Config()).findings
