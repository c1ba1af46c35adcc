"""The command line: exit codes, formats, inputs and one-line errors."""

import json
import subprocess
import sys

from conftest import SAMPLE


def test_check_sample_text(run_cli):
    code, out, _ = run_cli("check", str(SAMPLE))
    assert code == 1
    lines = out.strip().splitlines()
    assert lines[-1].startswith("Found ")
    assert any(line.startswith(f"{SAMPLE}:1:84: error spacing/after-punctuation") for line in lines)
    assert "\033[" not in out  # no colour when not on a terminal


def test_json_is_one_array_with_the_contract_keys(run_cli):
    code, out, _ = run_cli("check", "--format", "json", str(SAMPLE))
    assert code == 1
    data = json.loads(out)
    assert isinstance(data, list) and data
    keys = {"path", "line", "column", "end_line", "end_column", "rule", "category", "severity", "message", "fix"}
    text = SAMPLE.read_text(encoding="utf-8").split("\n")
    for item in data:
        assert set(item) == keys
        assert item["fix"] is None or item["fix"]["applicability"] in ("safe", "unsafe")
        assert item["line"] == item["end_line"]
        flagged = text[item["line"] - 1][item["column"] - 1 : item["end_column"] - 1]
        assert flagged  # the positions delimit real text
    assert data == sorted(data, key=lambda d: (d["path"], d["line"], d["column"]))


def test_clean_file_exits_zero_and_json_is_empty(run_cli, tmp_path):
    clean = tmp_path / "clean.md"
    clean.write_text("# Talks resume\n\nThe U.S. and Russia met on Monday, officials said.\n", encoding="utf-8")
    assert run_cli("check", str(clean))[0] == 0
    code, out, _ = run_cli("check", "--format", "json", str(clean))
    assert code == 0 and json.loads(out) == []


def test_missing_binary_and_invalid_utf8_exit_two(run_cli, tmp_path):
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Caf\xe9 society.\n".encode("latin-1"))
    good = tmp_path / "good.txt"
    good.write_text("Talks resumed,despite everything.\n", encoding="utf-8")
    for path, words in ((tmp_path / "nope.txt", "no such file"), (binary, "binary"), (latin, "UTF-8")):
        code, out, err = run_cli("check", str(path))
        assert code == 2
        assert words in err and len(err.strip().splitlines()) == 1 and "Traceback" not in err
    code, out, err = run_cli("check", "--format", "json", str(latin), str(good))
    assert code == 2 and len(json.loads(out)) == 1  # the good file is still linted


def test_broken_config_exits_two_with_file_and_key(run_cli, tmp_path):
    (tmp_path / ".git").mkdir()
    (tmp_path / ".newslint.yaml").write_text("selec: [spacing]\n", encoding="utf-8")
    article = tmp_path / "a.txt"
    article.write_text("Fine text.\n", encoding="utf-8")
    code, _, err = run_cli("check", str(article))
    assert code == 2 and ".newslint.yaml" in err and "'selec'" in err
    (tmp_path / ".newslint.yaml").write_text("select: [spacing\n", encoding="utf-8")
    code, _, err = run_cli("check", str(article))
    assert code == 2 and "invalid YAML" in err
    (tmp_path / ".newslint.yaml").write_text("rules:\n  spacing/after-punctuation: {nope: 1}\n", encoding="utf-8")
    code, _, err = run_cli("check", str(article))
    assert code == 2 and "nope" in err
    for size in ("0", "-1"):
        (tmp_path / ".newslint.yaml").write_text(f"max-file-size: {size}\n", encoding="utf-8")
        code, _, err = run_cli("check", str(article))
        assert code == 2 and "max-file-size" in err and "positive" in err and len(err.strip().splitlines()) == 1


def test_config_select_ignore_severity_and_fail_level(run_cli, tmp_path):
    (tmp_path / ".git").mkdir()
    article = tmp_path / "a.txt"
    article.write_text("Ukraine woudl agree,despite it.\n", encoding="utf-8")
    assert {f["rule"] for f in json.loads(run_cli("check", "--format", "json", str(article))[1])} == {
        "spacing/after-punctuation",
        "spelling/misspellings",
    }
    out = run_cli("check", "--format", "json", "--ignore", "spelling", str(article))[1]
    assert {f["rule"] for f in json.loads(out)} == {"spacing/after-punctuation"}
    out = run_cli("check", "--format", "json", "--select", "spelling/misspellings", str(article))[1]
    assert {f["rule"] for f in json.loads(out)} == {"spelling/misspellings"}
    (tmp_path / ".newslint.yaml").write_text("severity: {spacing: info, spelling: info}\n", encoding="utf-8")
    code, out, _ = run_cli("check", "--format", "json", str(article))
    assert code == 0 and {f["severity"] for f in json.loads(out)} == {"info"}
    assert run_cli("check", "--fail-level", "info", str(article))[0] == 1
    code, _, err = run_cli("check", "--select", "nonsense", str(article))
    assert code == 2 and "nonsense" in err


def test_pyproject_config_and_vocabulary(run_cli, tmp_path):
    (tmp_path / ".git").mkdir()
    (tmp_path / "pyproject.toml").write_text(
        '[tool.newslint]\nvocabulary = {accept = ["NATO"], reject = ["utilize"]}\n', encoding="utf-8"
    )
    article = tmp_path / "a.md"
    article.write_text("Allies utilize nato bases.\n", encoding="utf-8")
    data = json.loads(run_cli("check", "--format", "json", str(article))[1])
    assert [(d["rule"], d["column"]) for d in data] == [("style/rejected-term", 8), ("casing/vocabulary", 16)]
    assert data[1]["fix"]["replacement"] == "NATO"


def test_stdin_with_filename(run_cli):
    code, out, _ = run_cli(
        "check", "--format", "json", "-", "--stdin-filename", "story.md", input="See `a,b` and this,that.\n"
    )
    data = json.loads(out)
    assert code == 1 and [(d["path"], d["column"]) for d in data] == [("story.md", 19)]


def test_directory_recursion_and_exclude(run_cli, tmp_path):
    (tmp_path / ".git").mkdir()
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "a.md").write_text("One,two.\n", encoding="utf-8")
    (tmp_path / "news" / "b.txt").write_text("Three,four.\n", encoding="utf-8")
    (tmp_path / "news" / "c.html").write_text("Five,six.\n", encoding="utf-8")
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "d.md").write_text("Seven,eight.\n", encoding="utf-8")
    (tmp_path / ".newslint.yaml").write_text("exclude: [drafts]\n", encoding="utf-8")
    out = run_cli("check", "--format", "json", str(tmp_path))[1]
    assert sorted(d["path"].rsplit("/", 1)[1] for d in json.loads(out)) == ["a.md", "b.txt"]


def test_rules_explain_init(run_cli, tmp_path, monkeypatch):
    code, out, _ = run_cli("rules")
    assert code == 0 and "spacing/after-punctuation" in out
    code, out, _ = run_cli("explain", "spacing/after-punctuation")
    assert code == 0 and "Bad:" in out and "Good:" in out
    code, _, err = run_cli("explain", "no/such")
    assert code == 2 and "unknown rule" in err
    monkeypatch.chdir(tmp_path)
    assert run_cli("init")[0] == 0
    from newslint.config import load_file

    load_file(tmp_path / ".newslint.yaml")  # the default it writes is valid
    assert run_cli("init")[0] == 2


def test_python_dash_m_and_version():
    result = subprocess.run([sys.executable, "-m", "newslint", "--version"], capture_output=True, text=True)
    assert result.returncode == 0 and "0.1.0" in result.stdout


def test_no_color_respected(tmp_path):
    """Through a real process: NO_COLOR wins even when colour could be used."""
    article = tmp_path / "a.txt"
    article.write_text("One,two.\n", encoding="utf-8")
    env = {"NO_COLOR": "1", "PATH": "/usr/bin:/bin"}
    result = subprocess.run(
        [sys.executable, "-m", "newslint", "check", str(article)], capture_output=True, text=True, env=env
    )
    assert result.returncode == 1 and "\033[" not in result.stdout


def test_named_paths_told_apart_with_one_stat(run_cli, tmp_path, monkeypatch):
    """A missing path is an error, a file is linted as named (even with a trailing slash, as pathlib
    reads it), an empty path is the current folder."""
    from newslint.files import path_kind as _path_kind

    story = tmp_path / "story.txt"
    story.write_text("The talks resumed.\n", encoding="utf-8")
    assert _path_kind(str(story)) == "file" and _path_kind(str(story) + "/") == "file"
    assert _path_kind(str(tmp_path)) == "dir" and _path_kind("") == "dir"
    assert _path_kind(str(tmp_path / "none.txt")) is None and _path_kind("a\0b") is None
    assert _path_kind(str(story / "below.txt")) is None  # ENOTDIR
    code, _, err = run_cli("check", "--no-cache", str(tmp_path / "none.txt"), str(story))
    assert code == 2 and "none.txt: no such file or folder" in err
    monkeypatch.chdir(tmp_path)
    assert run_cli("check", "--no-cache", "story.txt")[0] == 0
