"""The pre-commit hooks, run by the real `pre-commit` against throwaway repositories.

pre-commit builds a virtual environment and pip-installs newslint and its dependencies from the
package registry, so these tests need it: they are marked `network` and skip themselves when
NEWSLINT_OFFLINE=1 or when the registry does not answer. `.ci/run` runs them.

The hook repository is a snapshot of this checkout's working tree (committed into a temporary git
repository), so the hooks tested are exactly the code under test, committed or not.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, SAMPLE

pytestmark = [pytest.mark.network, pytest.mark.slow]

CLEAN = "# Council approves budget\n\nThe council voted 7-2 on Tuesday to approve the budget, officials said.\n"
SNAPSHOT = ("src", "rules", "pyproject.toml", "README.md", ".pre-commit-hooks.yaml", "LICENSE")


def _git_env(home: Path) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    env.update(
        GIT_AUTHOR_NAME="newslint tests",
        GIT_AUTHOR_EMAIL="tests@example.invalid",
        GIT_COMMITTER_NAME="newslint tests",
        GIT_COMMITTER_EMAIL="tests@example.invalid",
        GIT_CONFIG_NOSYSTEM="1",
        HOME=str(home),  # no user git config (hooks paths, signing) leaks in
        PRE_COMMIT_HOME=str(home / "pre-commit-cache"),
    )
    env.pop("NEWSLINT_DEBUG", None)
    return env


def _git(cwd: Path, env: dict, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True, text=True).stdout


@pytest.fixture(scope="module")
def hook_repo(tmp_path_factory):
    """(path, rev, env) of a git repository holding a snapshot of this checkout."""
    if os.environ.get("NEWSLINT_OFFLINE") == "1":
        pytest.skip("NEWSLINT_OFFLINE=1: pre-commit needs the package registry to build the hook environment")
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    pytest.importorskip("pre_commit", reason="pre-commit is in the test extras: pip install -e '.[test]'")
    home = tmp_path_factory.mktemp("precommit-home")
    # --isolated: ask the registry itself, not a local wheel folder named in the pip configuration
    pip = [sys.executable, "-m", "pip", "download", "--isolated", "--no-deps", "--no-cache-dir", "-q"]
    probe = subprocess.run(
        [*pip, "-d", str(home / "probe"), "hatchling"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    if probe.returncode != 0:
        pytest.skip(f"package registry unreachable (pip download hatchling failed): {probe.stderr.strip()[-300:]}")
    env = _git_env(home)
    repo = tmp_path_factory.mktemp("newslint-hooks")
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", ".newslint_cache")
    for name in SNAPSHOT:
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(src, repo / name, ignore=ignore)
        elif src.exists():
            shutil.copy2(src, repo / name)
    _git(repo, env, "init", "-q")
    _git(repo, env, "add", "-A")
    _git(repo, env, "commit", "-q", "-m", "snapshot")
    return repo, _git(repo, env, "rev-parse", "HEAD").strip(), env


def _articles(tmp_path: Path, hook_repo, hook_id: str, files: dict[str, str], staged: list[str]) -> Path:
    repo, rev, env = hook_repo
    work = tmp_path / "articles"
    work.mkdir(parents=True)
    _git(work, env, "init", "-q")
    (work / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {repo}\n    rev: {rev}\n    hooks:\n      - id: {hook_id}\n", encoding="utf-8"
    )
    for name, text in files.items():
        (work / name).write_text(text, encoding="utf-8")
    _git(work, env, "add", ".pre-commit-config.yaml", *staged)
    return work


def _run(work: Path, env: dict, hook_id: str) -> subprocess.CompletedProcess:
    # no --files / --all-files: pre-commit passes the staged files that match the hook's types
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", "run", hook_id, "--color", "never"],
        cwd=work,
        env=env,
        capture_output=True,
        text=True,
        timeout=1800,
    )


def test_manifest_declares_both_hooks():
    import yaml

    hooks = {h["id"]: h for h in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))}
    assert set(hooks) == {"newslint", "newslint-fix"}
    for hook in hooks.values():
        assert hook["language"] == "python" and hook["types_or"] == ["markdown", "plain-text"]
        assert hook.get("pass_filenames", True) is True
    assert hooks["newslint"]["entry"] == "newslint check --force-exclude"
    assert hooks["newslint-fix"]["entry"] == "newslint check --fix --exit-zero --force-exclude"


def test_check_hook_fails_on_the_sample_and_passes_on_a_clean_article(tmp_path, hook_repo):
    env = hook_repo[2]
    work = _articles(tmp_path / "bad", hook_repo, "newslint", {"story.txt": SAMPLE.read_text("utf-8")}, ["story.txt"])
    result = _run(work, env, "newslint")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Failed" in result.stdout and "story.txt:1:84: error spacing/after-punctuation" in result.stdout

    # only staged files are checked: the untracked draft with problems is left alone
    files = {"clean.md": CLEAN, "draft.txt": SAMPLE.read_text("utf-8")}
    work = _articles(tmp_path / "good", hook_repo, "newslint", files, ["clean.md"])
    result = _run(work, env, "newslint")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Passed" in result.stdout and "draft.txt" not in result.stdout


def test_fix_hook_fixes_the_sample_and_fails_because_it_changed_it(tmp_path, hook_repo, run_cli):
    env = hook_repo[2]
    original = SAMPLE.read_text("utf-8")
    work = _articles(tmp_path, hook_repo, "newslint-fix", {"story.txt": original}, ["story.txt"])
    result = _run(work, env, "newslint-fix")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "files were modified by this hook" in result.stdout
    fixed = (work / "story.txt").read_text("utf-8")
    # the same result as `newslint check --fix` in this process
    expected = tmp_path / "expected.txt"
    expected.write_text(original, encoding="utf-8")
    run_cli("check", "--fix", str(expected))
    assert fixed == expected.read_text("utf-8") != original
    # a second run has nothing left to change, so it passes (what it cannot fix is the check hook's job)
    _git(work, env, "add", "story.txt")
    again = _run(work, env, "newslint-fix")
    assert again.returncode == 0 and "Passed" in again.stdout, again.stdout + again.stderr
