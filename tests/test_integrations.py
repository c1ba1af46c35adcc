"""CI formats, --output-file, --statistics, inline suppressions, per-path configuration,
.gitignore, and the baseline."""

import json
import shutil
import subprocess
from pathlib import Path
from xml.etree import ElementTree

import pytest

from conftest import SAMPLE, lint_text

SCHEMA = Path(__file__).parent / "data" / "sarif" / "sarif-schema-2.1.0.json"
SEL = ("--select", "spacing,spelling")  # exact expectations: only the rules these tests are about
BAD = "Ukraine woudl agree,despite it.\n"  # spelling/misspellings at 1:9, spacing/after-punctuation at 1:20


def _rules(findings):
    return sorted((f.line, f.column, f.rule) for f in findings)


def _json(run_cli, *args):
    code, out, err = run_cli("check", "--format", "json", *args)
    assert code in (0, 1), err
    return [(d["path"], d["line"], d["column"], d["rule"]) for d in json.loads(out)]


@pytest.fixture
def repo(tmp_path, monkeypatch):
    """A folder that is the root of a git work tree (so configuration discovery stops there)."""
    (tmp_path / ".git").mkdir()
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("CI", raising=False)
    return tmp_path


# -- output formats ----------------------------------------------------------------------
def test_github_annotations(run_cli, repo):
    (repo / "a,b.txt").write_text("50% of voters woudl agree,despite it.\n", encoding="utf-8")
    code, out, _ = run_cli("check", "--format", "github", *SEL, "a,b.txt")
    assert code == 1
    lines = out.splitlines()
    assert lines == [
        "::error file=a%2Cb.txt,line=1,col=15,endLine=1,endColumn=20,title=newslint spelling/misspellings::"
        + _message(run_cli, "spelling/misspellings").replace("%", "%25"),
        "::error file=a%2Cb.txt,line=1,col=26,endLine=1,endColumn=27,title=newslint spacing/after-punctuation::"
        + _message(run_cli, "spacing/after-punctuation").replace("%", "%25"),
    ]


def _message(run_cli, rule):
    data = json.loads(run_cli("check", "--format", "json", *SEL, "a,b.txt")[1])
    return next(d["message"] for d in data if d["rule"] == rule)


def test_github_levels_and_escapes():
    from newslint.document.model import Span
    from newslint.finding import Finding
    from newslint.output.github_format import annotation

    f = Finding("style/x", Span(0, 1), "100% sure\nreally", "info", path="dir/a:b.md", line=3, column=2)
    f.end_line, f.end_column = 4, 1
    assert (
        annotation(f)
        == "::notice file=dir/a%3Ab.md,line=3,col=2,endLine=4,title=newslint style/x::100%25 sure%0Areally"
    )
    f.severity = "warning"
    assert annotation(f).startswith("::warning ")


def test_sarif_is_valid_2_1_0_with_rule_metadata(run_cli, repo):
    jsonschema = pytest.importorskip("jsonschema")
    shutil.copy(SAMPLE, repo / "sample.txt")
    (repo / "news").mkdir()
    (repo / "news" / "brief one.md").write_text("# Brief\n\n" + BAD, encoding="utf-8")
    code, out, _ = run_cli("check", "--format", "sarif", ".")
    assert code == 1
    log = json.loads(out)
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft4Validator.check_schema(schema)
    errors = sorted(jsonschema.Draft4Validator(schema).iter_errors(log), key=str)
    assert not errors, errors[0]
    run = log["runs"][0]
    assert log["version"] == "2.1.0" and run["tool"]["driver"]["name"] == "newslint"
    rules = run["tool"]["driver"]["rules"]
    ids = [r["id"] for r in rules]
    assert "spacing/after-punctuation" in ids and all(r["shortDescription"]["text"] for r in rules)
    expected = _json(run_cli, ".")
    assert len(run["results"]) == len(expected)
    levels = {"error": "error", "warning": "warning", "info": "note"}
    data = json.loads(run_cli("check", "--format", "json", ".")[1])
    for result, item in zip(run["results"], data):
        assert result["ruleId"] == item["rule"] and ids[result["ruleIndex"]] == item["rule"]
        assert result["level"] == levels[item["severity"]]
        loc = result["locations"][0]["physicalLocation"]
        assert loc["artifactLocation"]["uri"] == item["path"].replace(" ", "%20")
        region = loc["region"]
        assert (region["startLine"], region["startColumn"]) == (item["line"], item["column"])
        assert (region["endLine"], region["endColumn"]) == (item["end_line"], item["end_column"])
    brief = [r for r in run["results"] if "brief" in r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]]
    spelling = next(r for r in brief if r["ruleId"] == "spelling/misspellings")
    assert spelling["locations"][0]["physicalLocation"]["region"]["snippet"]["text"] == "woudl"
    assert spelling["fixes"][0]["artifactChanges"][0]["replacements"][0]["insertedContent"]["text"] == "would"


def test_junit_one_case_per_file(run_cli, repo):
    (repo / "bad.txt").write_text(BAD, encoding="utf-8")
    (repo / "good.md").write_text("# Talks\n\nThe talks resumed on Monday, officials said.\n", encoding="utf-8")
    code, out, _ = run_cli("check", "--format", "junit", *SEL, ".")
    assert code == 1
    root = ElementTree.fromstring(out)
    cases = root.findall("./testsuite/testcase")
    assert [c.get("name") for c in cases] == ["bad.txt", "good.md"]
    assert root.get("tests") == "2" and root.get("failures") == "1"
    failure = cases[0].find("failure")
    assert failure.get("message") == "2 problems found"
    assert "bad.txt:1:9: error spelling/misspellings" in failure.text
    assert cases[1].find("failure") is None


def test_output_file_writes_any_format(run_cli, repo):
    (repo / "bad.txt").write_text(BAD, encoding="utf-8")
    for fmt in ("text", "json", "github", "sarif", "junit"):
        target = repo / f"report.{fmt}"
        code, out, _ = run_cli("check", "--format", fmt, "--output-file", str(target), "bad.txt")
        assert code == 1 and out == ""
        written = target.read_text(encoding="utf-8")
        assert "spelling/misspellings" in written
    assert json.loads((repo / "report.json").read_text(encoding="utf-8"))[0]["rule"] == "spelling/misspellings"
    code, _, err = run_cli("check", "--output-file", str(repo / "missing" / "r.txt"), "bad.txt")
    assert code == 2 and "cannot write" in err and "Traceback" not in err


def test_exit_zero(run_cli, repo):
    (repo / "a.txt").write_text(BAD, encoding="utf-8")
    code, out, _ = run_cli("check", "--exit-zero", "a.txt")
    assert code == 0 and "spelling/misspellings" in out
    assert run_cli("check", "--exit-zero", "missing.txt")[0] == 2


def test_statistics_most_frequent_first(run_cli, repo):
    (repo / "a.txt").write_text("Talks resumed,despite it;they said.\nThe govenment agreed,too.\n", encoding="utf-8")
    code, out, _ = run_cli("check", "--statistics", "--select", "spelling,spacing", "a.txt")
    assert code == 1
    lines = out.splitlines()
    assert [line.split() for line in lines] == [
        ["3", "spacing/after-punctuation", "3", "fixable"],
        ["1", "spelling/misspellings", "1", "fixable"],
        ["4", "total"],
    ]
    code, out, _ = run_cli("check", "--statistics", "--format", "json", "--select", "spelling,spacing", "a.txt")
    assert json.loads(out) == [
        {"rule": "spacing/after-punctuation", "count": 3, "fixable": 3},
        {"rule": "spelling/misspellings", "count": 1, "fixable": 1},
    ]
    assert run_cli("check", "--statistics", "--format", "sarif", "a.txt")[0] == 2


# -- inline suppressions -----------------------------------------------------------------
SUPPRESSED_MD = """\
# Council

<!-- newslint-disable-next-line spelling -->
Ukraine woudl agree,despite it.

<!-- newslint-disable spacing/after-punctuation -->
Ukraine woudl agree,despite it.

Ukraine woudl agree,despite it.
<!-- newslint-enable -->

Ukraine woudl agree,despite it. <!-- newslint-disable-line -->
Ukraine woudl agree,despite it.
"""


def test_markdown_directives():
    findings = lint_text(SUPPRESSED_MD, "a.md", select=["spacing", "spelling"])
    assert _rules(findings) == [
        (4, 20, "spacing/after-punctuation"),  # next-line silenced spelling only
        (7, 9, "spelling/misspellings"),  # the range silences spacing only
        (9, 9, "spelling/misspellings"),
        (13, 9, "spelling/misspellings"),  # disable-line silenced line 12 only
        (13, 20, "spacing/after-punctuation"),
    ]


def test_disable_without_enable_runs_to_the_end_and_all_means_every_rule():
    text = "Fine text here.\n<!-- newslint-disable all -->\n" + BAD + BAD
    assert _rules(lint_text(text, "a.txt", select=["spacing", "spelling"])) == []
    text = BAD + "<!-- newslint-disable -->\n" + BAD
    assert len(lint_text(text, "a.md", select=["spacing", "spelling"])) == 2


def test_enable_of_one_rule_inside_a_wider_disable_reopens_that_rule_only():
    text = (
        "<!-- newslint-disable -->\n\n"
        + BAD
        + "\n<!-- newslint-enable spelling/misspellings -->\n\n"
        + BAD
        + "\n<!-- newslint-disable spelling -->\n\n"
        + BAD
        + "\n<!-- newslint-enable -->\n\n"
        + BAD
    )
    assert _rules(lint_text(text, "a.md", select=["spacing", "spelling"])) == [
        (7, 9, "spelling/misspellings"),  # re-opened by name; spacing stays silenced
        (15, 9, "spelling/misspellings"),  # everything re-opened
        (15, 20, "spacing/after-punctuation"),
    ]


def test_next_line_skips_blank_lines_and_applies_to_one_line():
    text = "<!-- newslint-disable-next-line spacing spelling -->\n\n" + BAD + BAD
    assert _rules(lint_text(text, "a.txt", select=["spacing", "spelling"])) == [
        (4, 9, "spelling/misspellings"),
        (4, 20, "spacing/after-punctuation"),
    ]


def test_plain_text_line_comment_form():
    text = "Council vote\n// newslint-disable-next-line spelling\n" + BAD + "// newslint-disable\n" + BAD
    findings = lint_text(text, "a.txt", select=["spacing", "spelling"])
    assert _rules(findings) == [(3, 20, "spacing/after-punctuation")]
    # the directive lines are comments, not prose: nothing is reported on them
    assert lint_text("// newslint-disable-next-line spelling,casing\nFine.\n", "a.txt") == []
    # in Markdown a `//` line is prose, not a directive
    assert len(lint_text("// newslint-disable\n\n" + BAD, "a.md", select=["spacing", "spelling"])) == 2


def test_directives_in_code_are_not_directives():
    text = "```\n<!-- newslint-disable -->\n```\n\n" + BAD
    assert len(lint_text(text, "a.md", select=["spacing", "spelling"])) == 2


def test_unused_suppressions_reported_with_flag_and_in_ci(run_cli, repo, monkeypatch):
    (repo / "a.md").write_text(
        "<!-- newslint-disable-next-line spelling -->\nThe talks resumed on Monday.\n\n"
        "<!-- newslint-disable-next-line spacing -->\n" + BAD + "\n"
        "<!-- newslint-disable-next-line casing -->\nThe talks resumed.\n",
        encoding="utf-8",
    )
    base = ["--select", "spacing,spelling", "a.md"]
    assert _json(run_cli, *base) == [("a.md", 5, 9, "spelling/misspellings")]
    flagged = _json(run_cli, "--report-unused-suppressions", *base)
    # casing did not run, so its directive is not judged
    assert flagged == [("a.md", 1, 33, "suppression/unused"), ("a.md", 5, 9, "spelling/misspellings")]
    monkeypatch.setenv("CI", "true")
    assert _json(run_cli, *base) == flagged
    assert _json(run_cli, "--no-report-unused-suppressions", *base) == [("a.md", 5, 9, "spelling/misspellings")]
    code, out, _ = run_cli("check", "--report-unused-suppressions", "--select", "spacing,spelling", "a.md")
    assert code == 1
    assert "a.md:1:33: warning suppression/unused newslint-disable-next-line 'spelling' silences nothing" in out


# -- per-path configuration ----------------------------------------------------------------
def _layout(repo, config: str):
    (repo / ".newslint.yaml").write_text(config, encoding="utf-8")
    for folder in ("news", "opinion", "archive/2019"):
        (repo / folder).mkdir(parents=True, exist_ok=True)
        (repo / folder / "story.txt").write_text(BAD, encoding="utf-8")


def test_per_file_ignores_and_overrides(run_cli, repo):
    _layout(
        repo,
        "select: [spelling]\n"
        "per-file-ignores:\n  'archive/**': [spelling]\n"
        "overrides:\n"
        "  - files: ['news/**']\n    select: [spacing]\n    severity: {spelling: info}\n"
        "  - files: ['opinion/*.txt']\n    ignore: [spelling/misspellings]\n",
    )
    assert _json(run_cli, ".") == [
        ("news/story.txt", 1, 9, "spelling/misspellings"),
        ("news/story.txt", 1, 20, "spacing/after-punctuation"),
    ]
    data = json.loads(run_cli("check", "--format", "json", "news/story.txt")[1])
    assert [d["severity"] for d in data] == ["info", "error"]
    # the command line's --ignore has the last word, and per-file-ignores hold under --select
    assert _json(run_cli, "--ignore", "spacing", ".") == [("news/story.txt", 1, 9, "spelling/misspellings")]
    assert _json(run_cli, "--select", "spelling", "archive") == []


def test_overrides_options_and_errors_name_file_and_key(run_cli, repo):
    _layout(repo, "overrides:\n  - files: ['news/**']\n    selec: [all]\n")
    code, _, err = run_cli("check", ".")
    assert code == 2 and ".newslint.yaml" in err and "'overrides[0].selec'" in err and "Traceback" not in err
    _layout(repo, "overrides:\n  - select: [all]\n")
    code, _, err = run_cli("check", ".")
    assert code == 2 and "'overrides[0]'" in err and "files" in err
    _layout(repo, "overrides:\n  - files: ['news/**']\n    ignore: [spelin]\n")
    code, _, err = run_cli("check", ".")
    assert code == 2 and "overrides[0].ignore" in err and "spelin" in err
    _layout(repo, "per-file-ignores:\n  'news/**': spelling\n")
    code, _, err = run_cli("check", ".")
    assert code == 2 and "per-file-ignores.news/**" in err
    _layout(repo, "overrides:\n  - files: ['news/**']\n    severity: {spelling: loud}\n")
    code, _, err = run_cli("check", ".")
    assert code == 2 and "overrides[0].severity.spelling" in err


def test_gitignore_respected_for_folders(run_cli, tmp_path, monkeypatch):
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("CI", raising=False)
    subprocess.run(["git", "init", "-q"], check=True)
    (tmp_path / ".gitignore").write_text("drafts/\n*.tmp.txt\n", encoding="utf-8")
    for name in ("drafts/a.txt", "news/b.txt", "news/c.tmp.txt", "news/kept.tmp.txt"):
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text(BAD, encoding="utf-8")
    subprocess.run(["git", "add", "-f", "news/kept.tmp.txt"], check=True)  # tracked: never ignored
    assert sorted({p for p, *_ in _json(run_cli, ".")}) == ["news/b.txt", "news/kept.tmp.txt"]
    assert {p for p, *_ in _json(run_cli, "drafts/a.txt")} == {"drafts/a.txt"}  # named files are linted


def test_force_exclude_applies_exclude_to_named_files(run_cli, repo):
    (repo / ".newslint.yaml").write_text("exclude: ['archive/']\n", encoding="utf-8")
    (repo / "archive").mkdir()
    (repo / "archive" / "old.txt").write_text(BAD, encoding="utf-8")
    (repo / "new.txt").write_text(BAD, encoding="utf-8")
    assert {p for p, *_ in _json(run_cli, *SEL, "archive/old.txt", "new.txt")} == {"archive/old.txt", "new.txt"}
    assert {p for p, *_ in _json(run_cli, *SEL, "--force-exclude", "archive/old.txt", "new.txt")} == {"new.txt"}
    assert {p for p, *_ in _json(run_cli, *SEL, ".")} == {"new.txt"}


# -- baseline -----------------------------------------------------------------------------------
ARTICLE = """\
Talks resume

Officials met in Geneva on Monday,despite the weather.
The govenment said the talks would continue.
The govenment said the talks would continue.
"""


def test_baseline_absorbs_known_findings_by_text_not_line(run_cli, repo):
    (repo / "news").mkdir()
    story = repo / "news" / "story.txt"
    story.write_text(ARTICLE, encoding="utf-8")
    code, out, err = run_cli("check", *SEL, "--write-baseline", "baseline.json", ".")
    assert code == 0 and out == "" and "wrote 3 findings" in err
    recorded = json.loads((repo / "baseline.json").read_text(encoding="utf-8"))["findings"]
    assert {e["path"] for e in recorded} == {"news/story.txt"}
    assert _json(run_cli, *SEL, "--baseline", "baseline.json", ".") == []
    # edit above the known findings: they move down two lines and stay silent
    story.write_text(
        "Talks resume\n\nA new first paragraph, added today.\n" + ARTICLE.split("\n", 1)[1], encoding="utf-8"
    )
    assert _json(run_cli, *SEL, "--baseline", "baseline.json", ".") == []
    # a third identical sentence is new: two baseline entries absorb two findings, not three
    story.write_text(ARTICLE + "The govenment said the talks would continue.\n", encoding="utf-8")
    assert _json(run_cli, *SEL, "--baseline", "baseline.json", ".") == [
        ("news/story.txt", 6, 5, "spelling/misspellings")
    ]
    # a new problem elsewhere is reported, and the same words in another file are not absorbed
    story.write_text(ARTICLE + "Prices rose,economists said.\n", encoding="utf-8")
    (repo / "other.txt").write_text(ARTICLE, encoding="utf-8")
    assert _json(run_cli, *SEL, "--baseline", "baseline.json", ".") == [
        ("news/story.txt", 6, 12, "spacing/after-punctuation"),
        ("other.txt", 3, 34, "spacing/after-punctuation"),
        ("other.txt", 4, 5, "spelling/misspellings"),
        ("other.txt", 5, 5, "spelling/misspellings"),
    ]
    # run from another folder: paths are kept relative to the baseline file
    code, out, _ = run_cli("check", "--format", "json", *SEL, "--baseline", str(repo / "baseline.json"), str(story))
    assert [d["line"] for d in json.loads(out)] == [6]


def test_baseline_edit_of_the_sentence_itself_resurfaces(run_cli, repo):
    (repo / "a.txt").write_text(ARTICLE, encoding="utf-8")
    run_cli("check", *SEL, "--write-baseline", "b.json", "a.txt")
    (repo / "a.txt").write_text(ARTICLE.replace("on Monday,despite", "on Tuesday,despite"), encoding="utf-8")
    assert _json(run_cli, *SEL, "--baseline", "b.json", "a.txt") == [("a.txt", 3, 35, "spacing/after-punctuation")]


def test_bad_baseline_is_a_one_line_error(run_cli, repo):
    (repo / "a.txt").write_text(BAD, encoding="utf-8")
    for content, words in (("{nope", "not valid JSON"), ('{"version": 9}', "not a newslint baseline")):
        (repo / "b.json").write_text(content, encoding="utf-8")
        code, _, err = run_cli("check", "--baseline", "b.json", "a.txt")
        assert code == 2 and words in err and len(err.strip().splitlines()) == 1
    code, _, err = run_cli("check", "--baseline", "missing.json", "a.txt")
    assert code == 2 and "no such baseline" in err


def test_baseline_and_sarif_work_from_the_source_alone(tmp_path):
    """Results that come back from a worker process carry their source but no document."""
    from newslint.config import Config
    from newslint.files import Source
    from newslint.output import Report, render
    from newslint.runner import Linter, Selection
    from newslint.suppress import filter_baseline, load_baseline, write_baseline

    linter = Linter(selection=Selection(select=["spacing", "spelling"]))
    result = linter.lint_source(Source(str(tmp_path / "a.txt"), ARTICLE), Config())
    result.document = None
    assert write_baseline(tmp_path / "b.json", [result]) == 3
    log = json.loads(render("sarif", [result], Report()))
    assert len(log["runs"][0]["results"]) == 3 and all("fixes" in r for r in log["runs"][0]["results"])
    assert filter_baseline([result], load_baseline(tmp_path / "b.json"), tmp_path / "b.json") == 3
    assert result.findings == []


def test_a_reason_after_two_dashes_is_not_a_name(run_cli, repo):
    (repo / "a.txt").write_text(
        "// newslint-disable-next-line spelling -- the council's own spelling\n" + BAD, encoding="utf-8"
    )
    assert _json(run_cli, *SEL, "--report-unused-suppressions", "a.txt") == [
        ("a.txt", 2, 20, "spacing/after-punctuation")
    ]


def test_a_directive_shown_in_inline_code_is_not_a_directive():
    text = "Write `<!-- newslint-disable -->` to silence newslint.\n\n" + BAD
    assert len(lint_text(text, "a.md", select=["spacing", "spelling"])) == 2
