"""grammar/languagetool: mapping LanguageTool's answers, the HTTP path, the cache, errors and start-up.

Unit tests feed answers in LanguageTool's documented /v2/check JSON (tests/lt_responses/); the
HTTP tests run a fake server on 127.0.0.1 (tests/lt_fake.py); one test runs against a real
server when NEWSLINT_LANGUAGETOOL_URL names one.
"""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import ROOT, SAMPLE
from lt_fake import FakeLanguageTool
from newslint import languagetool as lt
from newslint.config import from_mapping
from newslint.errors import ConfigError
from newslint.files import Source
from newslint.runner import Linter, Selection

RESPONSES = Path(__file__).parent / "lt_responses"
REAL_URL = os.environ.get("NEWSLINT_LANGUAGETOOL_URL")
ONLY = ["grammar/languagetool"]  # without newslint's own rules, which win where they flag the same text


@pytest.fixture(autouse=True)
def _fresh(tmp_path, monkeypatch):
    """A cache folder of its own and no backend or warning left from another test."""
    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(tmp_path / "cache"))
    lt.reset()
    yield
    lt.reset()


def _response(name: str) -> tuple[str, dict]:
    text = (RESPONSES / f"{name}.request.txt").read_text(encoding="utf-8")
    return text, json.loads((RESPONSES / f"{name}.response.json").read_text(encoding="utf-8"))


def _config(tmp_path: Path, **section) -> Path:
    import yaml

    path = tmp_path / ".newslint.yaml"
    path.write_text(yaml.safe_dump({"languagetool": section}), encoding="utf-8")
    return path


def _lint(text: str, settings: dict, name: str = "story.md", select=None):
    config = from_mapping({"languagetool": settings}, None)
    return Linter(selection=Selection(select=select)).lint_source(Source(name, text), config).findings


def _lt(findings):
    return [f for f in findings if f.rule == "grammar/languagetool"]


def _fixed(source: str, finding) -> str:
    [edit] = finding.fix.edits
    return source[: edit.span.start] + edit.replacement + source[edit.span.end :]


# -- offsets and mapping, from documented answers ----------------------------------------------


def test_utf16_offsets_round_trip():
    text = "a🎉b😀😀c"
    u16 = lt.Utf16Map(text)
    for i in range(len(text) + 1):
        j = u16.to_utf16(i)
        assert j == len(text[:i].encode("utf-16-le")) // 2
        assert u16.to_python(j) == i


def test_documented_answer_maps_to_the_flagged_word():
    text, data = _response("a_vs_an")
    [m] = lt.assign(lt.parse_response(data, text), text, [lt.Piece(0, 0, 0, len(text))])[0]
    assert text[m.start : m.end] == "a"
    assert (m.rule, m.category, m.replacements) == ("EN_A_VS_AN", "MISC", ("an",))
    assert m.message.startswith("Use “an” instead of ‘a’")


def test_offsets_after_characters_outside_the_bmp():
    """LanguageTool counts UTF-16 units: two emoji shift its offsets by two; the spans still land right."""
    text, data = _response("astral")
    assert data["matches"][0]["offset"] == text.index(" a apple") + 1 + 2
    matches = lt.assign(lt.parse_response(data, text), text, [lt.Piece(0, 0, 0, len(text))])[0]
    assert [text[m.start : m.end] for m in matches] == ["a", "the the"]


def test_batch_answer_is_split_back_to_its_blocks():
    text, data = _response("batch")
    blocks = text.split(lt.SEPARATOR)
    [(joined, layout)] = lt.plan_batches(dict(enumerate(blocks)), 1000)
    assert joined == text
    per_block = lt.assign(lt.parse_response(data, text), joined, layout)
    got = {i: [(blocks[i][m.start : m.end], m.rule) for m in ms] for i, ms in per_block.items()}
    # the toy match that runs from "Friday." across the blank line into the next block is dropped
    assert got == {0: [("a", "EN_A_VS_AN")], 1: [("teh", "MORFOLOGIK_RULE_EN_US")], 2: []}


def test_requests_respect_the_size_limit_and_long_blocks_are_cut_after_sentences():
    sentence = "The council met on Tuesday and approved the budget for next year. "
    long_block = sentence * 40  # 2,680 characters
    texts = {0: "Short lead.", 1: long_block, 2: "Another short paragraph."}
    batches = lt.plan_batches(texts, 500)
    assert all(len(joined) <= 500 for joined, _ in batches)
    rebuilt: dict[int, str] = {}
    for joined, layout in batches:
        for p in layout:
            piece = joined[p.at : p.at + p.length]
            assert texts[p.index][p.offset : p.offset + p.length] == piece
            rebuilt[p.index] = rebuilt.get(p.index, "") + piece
            if p.index == 1 and p.offset + p.length < len(long_block):
                assert piece.endswith("next year.")  # cut at a sentence end
    assert rebuilt == texts


def test_settings_are_validated_with_file_and_key():
    where = Path("/x/.newslint.yaml")
    cases = [
        ({"url": "http://localhost:8081", "colour": 1}, "key 'languagetool.colour' is unknown"),
        ({"disabled-rules": ["X"]}, "needs 'url' (a running server) or 'path'"),
        ({"url": "http://a", "path": "/opt/lt"}, "takes 'url' or 'path', not both"),
        ({"url": "localhost:8081"}, "must start with http:// or https://"),
        ({"url": "http://a", "timeout": "fast"}, "key 'languagetool.timeout' must be int or float"),
        ({"url": "http://a", "timeout": 0}, "must be more than 0 seconds"),
        ({"url": "http://a", "disabled-rules": "EN_QUOTES"}, "key 'languagetool.disabled-rules' must be list"),
        ({"url": "http://a", "cache": 1}, "key 'languagetool.cache' must be bool"),
    ]
    for section, message in cases:
        with pytest.raises(ConfigError) as err:
            from_mapping({"languagetool": section}, where)
        assert str(err.value).startswith(str(where)) and message in str(err.value)
    settings = from_mapping({"languagetool": {"path": "lt"}}, where).languagetool
    assert settings.path == Path("/x/lt") and settings.disabled_categories == ("TYPOS",)
    # the spelling with underscores is the same key
    section = {"url": "http://a", "disabled_rules": ["EN_QUOTES"], "enabled_categories": ["STYLE"]}
    settings = from_mapping({"languagetool": section}, where).languagetool
    assert settings.disabled_rules == ("EN_QUOTES",) and settings.enabled_categories == ("STYLE",)
    with pytest.raises(ConfigError, match="given twice"):
        from_mapping({"languagetool": {"url": "http://a", "disabled_rules": [], "disabled-rules": []}}, where)


# -- the rule through the document model, with the fake server ----------------------------------


def test_markdown_source_positions_and_unsafe_fix():
    source = "# Budget\n\nThe *minister* said he has a apple, see <https://example.com/a>.\n"
    with FakeLanguageTool() as server:
        findings = _lint(source, {"url": server.url}, select=["grammar/languagetool"])
        [sent] = server.checks
    [f] = _lt(findings)
    assert (f.line, f.column, f.end_line, f.end_column) == (3, 28, 3, 29)
    assert source[f.span.start : f.span.end] == "a"
    assert "(LanguageTool EN_A_VS_AN)" in f.message
    assert f.extra == {"languagetool": {"rule": "EN_A_VS_AN", "category": "MISC"}}
    assert f.fix.applicability == "unsafe"
    assert _fixed(source, f) == source.replace("has a apple", "has an apple")
    # markup is not sent, the URL is masked, and each block is its own paragraph
    assert sent["text"].split(lt.SEPARATOR)[0] == "Budget"
    assert "*" not in sent["text"] and "example.com" not in sent["text"]
    assert sent["language"] == "en-US" and sent["disabledCategories"] == "TYPOS"


def test_only_prose_blocks_are_sent():
    source = (
        "---\ntitle: a apple\n---\n\nThe vote was close.\n\n```\nx = a apple\n```\n\n"
        "| Party | Seats |\n|---|---|\n| a apple | 12 |\n\n- A list item.\n"
    )
    with FakeLanguageTool() as server:
        findings = _lint(source, {"url": server.url})
        [sent] = server.checks
    assert sent["text"] == "The vote was close.\n\nA list item."
    assert _lt(findings) == []


def test_a_match_on_masked_text_is_dropped():
    # the URL is masked in block text; a LanguageTool match that touches it is not reported
    source = "Read it at https://example.com.Today the talks resume.\n"
    with FakeLanguageTool() as server:
        findings = _lint(source, {"url": server.url}, "story.txt", select=["grammar/languagetool"])
        assert server.checks
    assert _lt(findings) == []


def test_newslint_finding_wins_on_the_same_text():
    source = "It was a point of contention.This changed when he brought a apple.\n"
    with FakeLanguageTool() as server:
        alone = _lint(source, {"url": server.url}, "story.txt", select=["grammar/languagetool"])
        both = _lint(source, {"url": server.url}, "story.txt", select=["grammar/languagetool", "spacing"])
    assert sorted(f.extra["languagetool"]["rule"] for f in _lt(alone)) == ["EN_A_VS_AN", "SENTENCE_WHITESPACE"]
    assert [f.extra["languagetool"]["rule"] for f in _lt(both)] == ["EN_A_VS_AN"]
    assert [f.rule for f in both if f.rule.startswith("spacing/")] == ["spacing/after-punctuation"]


def test_disabled_rules_and_categories_pass_through():
    settings = {
        "disabled-rules": ["EN_A_VS_AN", "SENTENCE_WHITESPACE"],
        "enabled-categories": ["STYLE"],
        "disabled-categories": [],
        "language": "en-GB",
    }
    with FakeLanguageTool() as server:
        findings = _lint("He has a apple and teh the the pear.\n", {"url": server.url, **settings}, "s.txt", ONLY)
        [sent] = server.checks
    assert set(sent["disabledRules"].split(",")) == {"EN_A_VS_AN", "SENTENCE_WHITESPACE"}
    assert sent["enabledCategories"] == "STYLE" and "disabledCategories" not in sent
    assert sent["language"] == "en-GB"
    assert sorted(f.extra["languagetool"]["rule"] for f in _lt(findings)) == [
        "ENGLISH_WORD_REPEAT_RULE",
        "MORFOLOGIK_RULE_EN_US",
    ]


def test_blocks_are_batched_under_the_request_limit():
    paragraphs = [f"Paragraph {i} says the council has a apple budget of {i} million." for i in range(30)]
    with FakeLanguageTool() as server:
        findings = _lint("\n\n".join(paragraphs) + "\n", {"url": server.url, "max-request-chars": 600}, select=ONLY)
        sizes = [len(p["text"]) for p in server.checks]
    assert len(sizes) > 1 and max(sizes) <= 600
    assert [f.line for f in _lt(findings)] == [1 + 2 * i for i in range(30)]


# -- the command line: flag, config, errors, cache ---------------------------------------------


def _article(tmp_path: Path) -> Path:
    path = tmp_path / "story.txt"
    path.write_text(
        "Officials said the talks,which began in May, would resume.\nHe go to Geneva on Friday.\n", encoding="utf-8"
    )
    return path


def test_cli_reports_languagetool_findings_and_caches_the_answers(tmp_path, run_cli):
    article = _article(tmp_path)
    with FakeLanguageTool() as server:
        config = _config(tmp_path, url=server.url)
        code, out, err = run_cli("check", "--format", "json", "--config", str(config), str(article))
        first = len(server.requests)
        lt.reset()  # a new run: nothing in memory, only the cache on disk
        code2, out2, err2 = run_cli("check", "--format", "json", "--config", str(config), str(article))
        assert len(server.requests) == first, "the second run sent a request"
    assert code == code2 == 1 and err == err2 == ""
    assert out == out2
    rules = [(d["line"], d["column"], d["rule"]) for d in json.loads(out)]
    assert (1, 25, "spacing/after-punctuation") in rules and (2, 4, "grammar/languagetool") in rules
    assert first == 2  # /v2/languages once, then one /v2/check for both blocks


def test_flag_without_a_configured_server_is_one_line_and_exit_2(tmp_path, run_cli):
    article = _article(tmp_path)
    code, out, err = run_cli("check", "--languagetool", str(article))
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "--languagetool needs a LanguageTool server or installation" in err


def test_flag_with_a_server_that_is_down_is_one_line_and_exit_2(tmp_path, run_cli):
    with FakeLanguageTool() as server:
        url = server.url  # a port that nothing listens on once the server stops
    config = _config(tmp_path, url=url)
    code, out, err = run_cli("check", "--languagetool", "--config", str(config), str(_article(tmp_path)))
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and f"cannot reach the LanguageTool server at {url}/: is it running?" in err


def test_config_only_with_a_server_that_is_down_warns_once_and_runs_the_rest(tmp_path, run_cli):
    with FakeLanguageTool() as server:
        url = server.url
    config = _config(tmp_path, url=url)
    second = tmp_path / "second.txt"
    second.write_text("The mayor,who spoke first, left early.\n", encoding="utf-8")
    code, out, err = run_cli("check", "--config", str(config), str(_article(tmp_path)), str(second))
    assert code == 1
    assert err.count("newslint: warning:") == 1 and "grammar/languagetool skipped, the other rules ran" in err
    assert "spacing/after-punctuation" in out and "grammar/languagetool" not in out


def test_slow_server_is_a_clear_error(tmp_path, run_cli):
    with FakeLanguageTool(delay=3) as server:
        config = _config(tmp_path, url=server.url, timeout=0.3)
        started = time.monotonic()
        code, out, err = run_cli("check", "--languagetool", "--config", str(config), str(_article(tmp_path)))
        elapsed = time.monotonic() - started
    assert code == 2 and out == ""
    assert "did not answer within 0.3 s (languagetool.timeout)" in err and err.count("\n") == 1
    assert elapsed < 2.5  # language-tool-python tries twice: about two timeouts, not the 3 s delay


def test_error_answer_is_reported_with_the_servers_words(tmp_path, run_cli):
    body = "Error: Your text exceeds the limit of 1000 characters (it's 1500 characters)."
    with FakeLanguageTool(status=413, body=body) as server:
        config = _config(tmp_path, url=server.url)
        code, _, err = run_cli("check", "--languagetool", "--config", str(config), str(_article(tmp_path)))
    assert code == 2 and "answered with an error: Error: Your text exceeds the limit of 1000 characters" in err


def test_select_without_a_languagetool_section_warns_and_skips(tmp_path, run_cli):
    code, out, err = run_cli("check", "--select", "grammar/languagetool", str(_article(tmp_path)))
    assert code == 0 and "grammar/languagetool" not in out
    assert "grammar/languagetool needs a LanguageTool server or installation" in err


def test_flag_adds_the_rule_to_an_explicit_selection(tmp_path, run_cli):
    with FakeLanguageTool() as server:
        config = _config(tmp_path, url=server.url)
        code, out, _ = run_cli(
            "check", "--languagetool", "--select", "spacing", "--config", str(config), str(_article(tmp_path))
        )
    assert code == 1 and "grammar/languagetool" in out and "spacing/after-punctuation" in out


# -- start-up cost: no language_tool_python unless a request is sent ---------------------------


def _modules_after_check(args: list[str], env: dict | None = None) -> dict:
    code = (
        "import sys\n"
        "from newslint.cli import main\n"
        f"sys.argv = ['newslint', 'check', *{args!r}]\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print('MODULES', 'language_tool_python' in sys.modules, 'requests' in sys.modules)\n"
    )
    run = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, env={**os.environ, **(env or {})}
    )
    line = next(x for x in run.stdout.splitlines() if x.startswith("MODULES"))
    _, ltp, requests = line.split()
    return {"language_tool_python": ltp == "True", "requests": requests == "True", "stderr": run.stderr}


def test_backend_off_does_not_import_language_tool_python():
    got = _modules_after_check([str(SAMPLE)])
    assert got["language_tool_python"] is False and got["requests"] is False


def test_answers_from_the_cache_do_not_import_language_tool_python(tmp_path):
    article = _article(tmp_path)
    env = {"NEWSLINT_CACHE_DIR": str(tmp_path / "cache")}
    with FakeLanguageTool() as server:
        config = _config(tmp_path, url=server.url)
        first = _modules_after_check(["--config", str(config), str(article)], env)
        sent = len(server.requests)
        second = _modules_after_check(["--config", str(config), str(article)], env)
        assert len(server.requests) == sent == 2
    assert first["language_tool_python"] is True and second["language_tool_python"] is False


# -- a local installation: newslint starts its server, never downloads ----------------------------


def _fake_installation(tmp_path: Path, java_body: str) -> tuple[Path, dict]:
    """A folder with languagetool-server.jar and a fake ``java`` first on PATH."""
    install = tmp_path / "LanguageTool-6.6"
    install.mkdir()
    (install / "languagetool-server.jar").write_bytes(b"PK\x05\x06" + b"\0" * 18)  # an empty zip
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    java = bin_dir / "java"
    java.write_text(f"#!{sys.executable}\n{java_body}", encoding="utf-8")
    java.chmod(java.stat().st_mode | stat.S_IEXEC)
    return install, {"PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}"}


FAKE_JAVA = f"""
import os, sys
args = sys.argv[1:]
assert args[:1] == ["-cp"] and args[1].endswith("languagetool-server.jar"), args
assert args[2] == "org.languagetool.server.HTTPServer", args
open(os.path.join(os.path.dirname(args[1]), "server.pid"), "w").write(str(os.getpid()))
sys.path.insert(0, {str(Path(__file__).parent)!r})
import runpy
sys.argv = ["lt_fake.py", args[args.index("--port") + 1]]
runpy.run_path({str(Path(__file__).parent / "lt_fake.py")!r}, run_name="__main__")
"""


def test_local_installation_is_started_and_stopped(tmp_path):
    install, env = _fake_installation(tmp_path, FAKE_JAVA)
    config = _config(tmp_path, path=str(install))
    run = subprocess.run(
        [sys.executable, "-m", "newslint", "check", "--languagetool", "--config", str(config), str(_article(tmp_path))],
        capture_output=True,
        text=True,
        env={**os.environ, **env, "NEWSLINT_CACHE_DIR": str(tmp_path / "cache")},
        timeout=120,
    )
    assert run.returncode == 1, run.stderr
    assert "grammar/languagetool" in run.stdout and "HE_VERB_AGR" in run.stdout
    pid = int((install / "server.pid").read_text())
    for _ in range(50):  # stopped at exit
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            break
        time.sleep(0.1)
    else:
        os.kill(pid, 9)
        pytest.fail("the LanguageTool server newslint started was left running")


def test_local_installation_never_downloads(tmp_path, monkeypatch):
    from language_tool_python import download_lt

    def no_download(*args, **kwargs):
        raise AssertionError("language_tool_python tried to download LanguageTool")

    for cls in (
        download_lt.LocalLanguageTool,
        download_lt.ReleaseLocalLanguageTool,
        download_lt.SnapshotLocalLanguageTool,
    ):
        monkeypatch.setattr(cls, "download", no_download)
    monkeypatch.setattr(download_lt, "download_zip", no_download)
    install, env = _fake_installation(tmp_path, FAKE_JAVA)
    monkeypatch.setenv("PATH", env["PATH"])
    findings = _lint("He go to Geneva.\n", {"path": str(install)}, "s.txt")
    assert [f.extra["languagetool"]["rule"] for f in _lt(findings)] == ["HE_VERB_AGR"]


def test_missing_or_broken_installation_is_one_line(tmp_path, run_cli):
    config = _config(tmp_path, path=str(tmp_path / "nowhere"))
    code, _, err = run_cli("check", "--languagetool", "--config", str(config), str(_article(tmp_path)))
    assert code == 2 and err.count("\n") == 1 and "no LanguageTool installation at" in err

    install, env = _fake_installation(tmp_path, "import sys\nprint('Error: LinkageError occurred')\nsys.exit(1)\n")
    config = _config(tmp_path, path=str(install))
    run = subprocess.run(
        [sys.executable, "-m", "newslint", "check", "--languagetool", "--config", str(config), str(_article(tmp_path))],
        capture_output=True,
        text=True,
        env={**os.environ, **env},
        timeout=60,
    )
    assert run.returncode == 2 and run.stderr.count("\n") == 1
    assert "exited with code 1: Error: LinkageError occurred" in run.stderr


# -- a real server --------------------------------------------------------------------------------


@pytest.mark.skipif(
    not REAL_URL,
    reason="NEWSLINT_LANGUAGETOOL_URL is not set, so there is no real LanguageTool server to test against "
    "(start one as the README's LanguageTool section says, then set it, e.g. http://localhost:8081)",
)
def test_against_a_real_languagetool_server():
    source = (
        "# Talks resume\n\nThe minister said he has a apple for every pupil.\n\n"
        "The talks in Geneva ended on Friday without a deal, officials said.\n"
    )
    findings = _lint(source, {"url": REAL_URL, "cache": False}, select=ONLY)
    found = {(f.line, f.column, f.extra["languagetool"]["rule"]) for f in _lt(findings)}
    assert (3, 26, "EN_A_VS_AN") in found
    [an] = [f for f in _lt(findings) if f.extra["languagetool"]["rule"] == "EN_A_VS_AN"]
    assert _fixed(source, an).count("has an apple") == 1
    assert not [f for f in _lt(findings) if f.line == 5], "a correct news sentence was flagged"


def test_a_failed_backend_marks_the_run_incomplete():
    with FakeLanguageTool() as server:
        url = server.url
    assert not lt.incomplete_run()
    findings = _lint("He go to Geneva.\n", {"url": url}, "s.txt")
    assert _lt(findings) == [] and lt.incomplete_run()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the server's parent-death signal is Linux only")
def test_local_server_dies_with_a_killed_newslint(tmp_path):
    """Even when newslint is killed (no atexit), the server it started does not outlive it."""
    install, env = _fake_installation(tmp_path, FAKE_JAVA)
    code = (
        "import os, signal\n"
        "from newslint.config import from_mapping\n"
        "from newslint import languagetool as lt\n"
        f"lt.prepare(from_mapping({{'languagetool': {{'path': {str(install)!r}}}}}, None))\n"
        "assert not lt.incomplete_run()\n"
        "os.kill(os.getpid(), signal.SIGKILL)\n"
    )
    env = {**os.environ, **env}
    run = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60)
    assert run.returncode == -9, run.stderr
    pid = int((install / "server.pid").read_text())
    for _ in range(50):
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return
        time.sleep(0.1)
    os.kill(pid, 9)
    pytest.fail("the LanguageTool server outlived the killed newslint process")


def test_drop_deferred_matches_a_brute_force_overlap_check():
    import random

    from newslint.document.model import Span
    from newslint.finding import Finding
    from newslint.runner import drop_deferred

    rng = random.Random(9)
    for _ in range(300):
        findings = []
        for _ in range(rng.randint(0, 8)):
            a = rng.randint(0, 30)
            rule = rng.choice(["grammar/languagetool", "spacing/after-punctuation", "spelling/typo"])
            findings.append(Finding(rule, Span(a, a + rng.randint(0, 6)), "m"))
        kept = drop_deferred(findings, {"grammar/languagetool"})
        others = [f.span for f in findings if f.rule != "grammar/languagetool"]
        want = [f for f in findings if f.rule != "grammar/languagetool" or not any(f.span.overlaps(o) for o in others)]
        assert kept == want
