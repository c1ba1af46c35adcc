"""A fake LanguageTool HTTP server on 127.0.0.1 for the tests.

It speaks the documented ``/v2`` API (``GET /v2/languages``, ``POST /v2/check`` with a form body,
JSON answers with UTF-16 offsets) and applies a few toy rules, honouring ``disabledRules`` and
``disabledCategories``. It can answer slowly, with an error status, or with canned answers.
Run as a script (``python lt_fake.py PORT``) it serves until killed: the fake ``java`` of the
local-installation tests starts it that way.
"""

from __future__ import annotations

import json
import re
import sys
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

LANGUAGES = [
    {"name": "English (US)", "code": "en", "longCode": "en-US"},
    {"name": "English (GB)", "code": "en", "longCode": "en-GB"},
    {"name": "German (Germany)", "code": "de", "longCode": "de-DE"},
]

# (pattern, rule id, category, issue type, message, replacements)
TOY_RULES = [
    (
        re.compile(r"\b[Aa](?= [aeiou]\w)"),
        "EN_A_VS_AN",
        "MISC",
        "misspelling",
        "Use “an” instead of ‘a’ if the following word starts with a vowel sound, e.g. ‘an article’, ‘an hour’.",
        lambda m: ["an" if m.group(0) == "a" else "An"],
    ),
    (
        re.compile(r"\b(\w+) \1\b", re.I),
        "ENGLISH_WORD_REPEAT_RULE",
        "MISC",
        "duplication",
        "Possible typo: you repeated a word.",
        lambda m: [m.group(1)],
    ),
    (
        re.compile(r"(?<=\b[Hh]e )go\b"),
        "HE_VERB_AGR",
        "GRAMMAR",
        "grammar",
        "The pronoun ‘he’ is usually used with a third-person or a past tense verb.",
        lambda m: ["goes", "went"],
    ),
    (
        re.compile(r"\bteh\b"),
        "MORFOLOGIK_RULE_EN_US",
        "TYPOS",
        "misspelling",
        "Possible spelling mistake found.",
        lambda m: ["the", "tea"],
    ),
    (
        re.compile(r"\.[A-Z][a-z]+"),
        "SENTENCE_WHITESPACE",
        "TYPOGRAPHY",
        "whitespace",
        "Add a space between sentences.",
        lambda m: [". " + m.group(0)[1:]],
    ),
]


def utf16(s: str) -> int:
    return len(s.encode("utf-16-le")) // 2


def answer(text: str, params: dict[str, str]) -> dict:
    """A /v2/check answer for ``text`` from the toy rules."""
    disabled = set(filter(None, params.get("disabledRules", "").split(",")))
    disabled_categories = set(filter(None, params.get("disabledCategories", "").split(",")))
    matches = []
    for pattern, rule_id, category, issue, message, replace in TOY_RULES:
        if rule_id in disabled or category in disabled_categories:
            continue
        for m in pattern.finditer(text):
            offset, length = utf16(text[: m.start()]), utf16(m.group(0))
            matches.append(
                {
                    "message": message,
                    "shortMessage": "",
                    "replacements": [{"value": r} for r in replace(m)],
                    "offset": offset,
                    "length": length,
                    "context": {"text": text, "offset": offset, "length": length},
                    "sentence": text,
                    "type": {"typeName": "Other"},
                    "rule": {
                        "id": rule_id,
                        "description": rule_id,
                        "issueType": issue,
                        "category": {"id": category, "name": category.title()},
                    },
                }
            )
    matches.sort(key=lambda d: d["offset"])
    return {
        "software": {"name": "LanguageTool", "version": "fake", "buildDate": "", "apiVersion": 1, "status": ""},
        "language": {"name": "English (US)", "code": params.get("language", "en-US")},
        "matches": matches,
    }


class _Handler(BaseHTTPRequestHandler):
    def log_message(self, *args) -> None:  # quiet
        pass

    def _send(self, status: int, body: str, kind: str = "application/json") -> None:
        data = body.encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", f"{kind}; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self) -> None:
        fake: FakeLanguageTool = self.server.fake
        path = urllib.parse.urlsplit(self.path).path
        fake.record("GET", path, {})
        if path.endswith("/v2/languages"):
            self._send(200, json.dumps(LANGUAGES))
        else:
            self._send(404, "Not found", "text/plain")

    def do_POST(self) -> None:
        fake: FakeLanguageTool = self.server.fake
        path = urllib.parse.urlsplit(self.path).path
        size = int(self.headers.get("Content-Length") or 0)
        params = {k: v[0] for k, v in urllib.parse.parse_qs(self.rfile.read(size).decode("utf-8")).items()}
        fake.record("POST", path, params)
        if not path.endswith("/v2/check"):
            self._send(404, "Not found", "text/plain")
            return
        if fake.delay:
            time.sleep(fake.delay)
        if fake.status:
            self._send(fake.status, fake.body, "text/plain")
            return
        text = params.get("text", "")
        canned = fake.canned.get(text)
        self._send(200, json.dumps(canned if canned is not None else answer(text, params)))


class FakeLanguageTool:
    """``with FakeLanguageTool() as lt:`` serves on ``lt.url`` and records every request."""

    def __init__(self, delay: float = 0.0, status: int = 0, body: str = "", canned: dict | None = None) -> None:
        self.delay = delay
        self.status = status
        self.body = body
        self.canned = canned or {}
        self.requests: list[tuple[str, str, dict]] = []
        self._lock = threading.Lock()
        self.server: ThreadingHTTPServer | None = None

    def record(self, method: str, path: str, params: dict) -> None:
        with self._lock:
            self.requests.append((method, path, params))

    @property
    def checks(self) -> list[dict]:
        return [p for method, path, p in self.requests if method == "POST" and path.endswith("/check")]

    def start(self, port: int = 0) -> FakeLanguageTool:
        server = ThreadingHTTPServer(("127.0.0.1", port), _Handler)
        server.daemon_threads = True
        server.block_on_close = False
        server.fake = self
        self.server = server
        self.url = f"http://127.0.0.1:{server.server_address[1]}"
        threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
        return self

    def stop(self) -> None:
        if self.server is not None:
            self.server.shutdown()
            self.server.server_close()
            self.server = None

    def __enter__(self) -> FakeLanguageTool:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()


if __name__ == "__main__":
    fake = FakeLanguageTool().start(int(sys.argv[1]))
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        pass
