"""The LanguageTool backend behind ``grammar/languagetool``: settings, server, batches, cache, offsets.

newslint never downloads LanguageTool. It talks to a server the user names (``languagetool.url``)
or starts the server of an installation the user points to (``languagetool.path``, an unpacked
LanguageTool distribution with ``languagetool-server.jar``) on a free port of 127.0.0.1. Requests go
through language-tool-python in its remote-server mode, which never downloads anything; it is
imported only when a request must really be sent, so a run with the backend off (or answered
entirely from the cache) never imports it.

Offsets: LanguageTool (Java) counts UTF-16 code units; every match is mapped back to Python
string indices here, then through the block's source map by ``Rule.report``.

The response format is LanguageTool's documented ``/v2/check`` JSON
(https://languagetool.org/http-api/swagger-ui/#!/default/post_check): ``matches[]`` with
``offset``, ``length``, ``message``, ``replacements[].value`` and ``rule.id``/``rule.category.id``.
"""

from __future__ import annotations

import atexit
import copy
import hashlib
import json
import os
import sys
import tempfile
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newslint.errors import ConfigError, NewslintError

RULE_ID = "grammar/languagetool"
SCOPE = frozenset({"heading", "paragraph", "list_item"})
"""Block kinds sent to LanguageTool: running prose. Table cells are fragments, not sentences."""
SEPARATOR = "\n\n"
"""Between the blocks of one request: LanguageTool treats each block as its own paragraph."""
CACHE_FORMAT = 1
STARTUP_TIMEOUT = 120.0
"""Seconds a local installation's server may take to start answering."""
MAX_REPLACEMENTS = 5

# key -> (accepted types, default, description); validated by parse_settings
KEYS: dict[str, tuple[tuple[type, ...], Any, str]] = {
    "url": ((str,), None, "a running LanguageTool server, e.g. http://localhost:8081"),
    "path": ((str,), None, "an unpacked LanguageTool distribution (folder with languagetool-server.jar)"),
    "language": ((str,), "en-US", "language code sent with every request"),
    "disabled-rules": ((list,), [], "LanguageTool rule ids not to run (sent as disabledRules)"),
    "enabled-categories": ((list,), [], "LanguageTool categories to switch on (sent as enabledCategories)"),
    "disabled-categories": (
        (list,),
        ["TYPOS"],
        "LanguageTool categories not to run (default TYPOS: its speller flags every unknown name)",
    ),
    "timeout": ((int, float), 10, "seconds to wait for one answer before giving up"),
    "max-request-chars": ((int,), 10000, "most characters of text in one request (the public API takes 20 KB)"),
    "cache": ((bool,), True, "keep the server's answers in .newslint_cache/languagetool"),
}


class LanguageToolUnavailable(NewslintError):
    """No answer: no server at the URL, too slow, an error answer, or an installation that does not start."""


@dataclass(frozen=True)
class Settings:
    """The validated ``languagetool`` section of a configuration."""

    url: str | None = None
    path: Path | None = None
    language: str = "en-US"
    disabled_rules: tuple[str, ...] = ()
    enabled_categories: tuple[str, ...] = ()
    disabled_categories: tuple[str, ...] = ("TYPOS",)
    timeout: float = 10.0
    max_request_chars: int = 10000
    cache: bool = True

    @property
    def server(self) -> str:
        """Where the answers come from: the URL, or the installation folder."""
        return normalize_url(self.url) if self.url else f"installation {self.path}"

    def identity(self) -> str:
        """Everything besides the text that decides the server's answer (part of the cache key)."""
        where = normalize_url(self.url) if self.url else f"path:{self.path}"
        return json.dumps(
            [
                where,
                self.language,
                sorted(self.disabled_rules),
                sorted(self.enabled_categories),
                sorted(self.disabled_categories),
            ]
        )


def normalize_url(url: str) -> str:
    """The server's base URL with a final slash; a trailing ``/v2`` is dropped (language-tool-python adds it)."""
    url = url.strip().rstrip("/")
    if url.endswith("/v2"):
        url = url[: -len("/v2")]
    return url + "/"


def parse_settings(data: Any, path: Path | None) -> Settings:
    """Validate the ``languagetool`` configuration section; errors name the file and the key."""
    origin = str(path) if path else "configuration"

    def where(key: str) -> str:
        return f"{origin}: key 'languagetool.{key}'"

    if not isinstance(data, dict):
        raise ConfigError(f"{origin}: key 'languagetool' must be a mapping (url, path, disabled-rules, ...)")
    values: dict[str, Any] = {}
    for raw_key, value in data.items():
        key = str(raw_key).replace("_", "-")  # disabled_rules is disabled-rules
        if key not in KEYS:
            raise ConfigError(f"{where(str(raw_key))} is unknown (known keys: {', '.join(KEYS)})")
        if key in values:
            raise ConfigError(f"{where(key)} is given twice (as {raw_key!r} too)")
        types = KEYS[key][0]
        if not isinstance(value, types) or (bool not in types and isinstance(value, bool)):
            raise ConfigError(f"{where(key)} must be {' or '.join(t.__name__ for t in types)}")
        if isinstance(value, list) and not all(isinstance(v, str) and v.strip() for v in value):
            raise ConfigError(f"{where(key)} must be a list of non-empty strings")
        values[key] = value
    url, folder = values.get("url"), values.get("path")
    if url is None and folder is None:
        raise ConfigError(f"{origin}: key 'languagetool' needs 'url' (a running server) or 'path' (an installation)")
    if url is not None and folder is not None:
        raise ConfigError(f"{origin}: key 'languagetool' takes 'url' or 'path', not both")
    if url is not None and not url.strip().lower().startswith(("http://", "https://")):
        raise ConfigError(f"{where('url')} must start with http:// or https:// (got {url!r})")
    resolved = None
    if folder is not None:
        base = path.parent if path else Path.cwd()
        resolved = (base / Path(folder).expanduser()).resolve()
    timeout = values.get("timeout", KEYS["timeout"][1])
    if timeout <= 0:
        raise ConfigError(f"{where('timeout')} must be more than 0 seconds")
    limit = values.get("max-request-chars", KEYS["max-request-chars"][1])
    if limit < 200:
        raise ConfigError(f"{where('max-request-chars')} must be at least 200")
    language = values.get("language", KEYS["language"][1]).strip()
    if not language:
        raise ConfigError(f"{where('language')} must not be empty")
    return Settings(
        url=url.strip() if url else None,
        path=resolved,
        language=language,
        disabled_rules=tuple(values.get("disabled-rules", KEYS["disabled-rules"][1])),
        enabled_categories=tuple(values.get("enabled-categories", KEYS["enabled-categories"][1])),
        disabled_categories=tuple(values.get("disabled-categories", KEYS["disabled-categories"][1])),
        timeout=float(timeout),
        max_request_chars=limit,
        cache=values.get("cache", True),
    )


# -- matches and offsets -------------------------------------------------------------------


@dataclass(frozen=True)
class LTMatch:
    """One LanguageTool match on a text, with Python string offsets [start, end)."""

    start: int
    end: int
    rule: str
    category: str
    message: str
    replacements: tuple[str, ...] = ()

    def to_json(self) -> list:
        return [self.start, self.end, self.rule, self.category, self.message, list(self.replacements)]

    @classmethod
    def from_json(cls, item: list) -> LTMatch:
        start, end, rule, category, message, replacements = item
        return cls(start, end, rule, category, message, tuple(replacements))

    def shifted(self, delta: int) -> LTMatch:
        return LTMatch(self.start + delta, self.end + delta, self.rule, self.category, self.message, self.replacements)


class Utf16Map:
    """Converts between Python indices (code points) and UTF-16 code units, LanguageTool's offsets."""

    def __init__(self, text: str) -> None:
        self.wide = [i for i, ch in enumerate(text) if ord(ch) > 0xFFFF]  # Python indices of non-BMP chars
        self.wide16 = [p + k for k, p in enumerate(self.wide)]  # their UTF-16 start offsets

    def to_utf16(self, i: int) -> int:
        return i + bisect_left(self.wide, i)

    def to_python(self, j: int) -> int:
        # chars that end at or before j each took two units: subtract one per such char
        return j - bisect_right(self.wide16, j - 2)


def parse_response(data: dict, text: str) -> list:
    """The ``matches`` of a ``/v2/check`` answer as language-tool-python ``Match`` objects.

    This is exactly what ``LanguageTool.check`` does with the server's JSON, so tests can feed
    documented responses through the same code path.
    """
    from language_tool_python import Match

    return [Match(copy.deepcopy(m), text) for m in data["matches"]]


def normalize(match: Any, text: str, u16: Utf16Map | None = None) -> LTMatch | None:
    """A language-tool-python ``Match`` on ``text`` as an ``LTMatch``; None when its span is not in the text.

    ``Match.offset`` is already a Python index (language-tool-python corrects it for characters
    outside the Basic Multilingual Plane) but ``error_length`` still counts UTF-16 units.
    """
    u16 = u16 or Utf16Map(text)
    start = int(match.offset)
    end = u16.to_python(u16.to_utf16(start) + int(match.error_length))
    if not 0 <= start < end <= len(text):
        return None
    replacements = tuple(str(r) for r in (match.replacements or [])[:MAX_REPLACEMENTS])
    return LTMatch(start, end, str(match.rule_id), str(match.category), str(match.message).strip(), replacements)


def split_long(text: str, limit: int) -> list[tuple[int, str]]:
    """(offset, piece) pieces of at most ``limit`` characters, cut after sentences where possible."""
    if len(text) <= limit:
        return [(0, text)]
    from newslint.document.sentences import split_sentences

    ends = sorted({b for _, b in split_sentences(text)})
    pieces = []
    start = 0
    while len(text) - start > limit:
        stop = start + limit
        k = bisect_right(ends, stop) - 1
        cut = ends[k] if k >= 0 and ends[k] > start else -1
        if cut < 0:
            space = text.rfind(" ", start + 1, stop)
            cut = space if space > start else stop
        pieces.append((start, text[start:cut]))
        start = cut
    pieces.append((start, text[start:]))
    return pieces


@dataclass(frozen=True)
class Piece:
    """A part of text number ``index`` starting at ``offset`` in it, placed at ``at`` in the request."""

    index: int
    offset: int
    at: int
    length: int


def plan_batches(texts: dict[int, str], limit: int) -> list[tuple[str, list[Piece]]]:
    """Group the texts (index -> text) into requests of at most ``limit`` characters."""
    batches: list[tuple[str, list[Piece]]] = []
    parts: list[str] = []
    layout: list[Piece] = []
    size = 0
    for index, text in texts.items():
        for offset, piece in split_long(text, limit):
            extra = len(piece) + (len(SEPARATOR) if parts else 0)
            if parts and size + extra > limit:
                batches.append((SEPARATOR.join(parts), layout))
                parts, layout, size = [], [], 0
                extra = len(piece)
            at = size + (len(SEPARATOR) if parts else 0)
            parts.append(piece)
            layout.append(Piece(index, offset, at, len(piece)))
            size += extra
    if parts:
        batches.append((SEPARATOR.join(parts), layout))
    return batches


def assign(matches: list, joined: str, layout: list[Piece]) -> dict[int, list[LTMatch]]:
    """Give every match of a request to the text it lies in, with offsets in that text.

    A match that crosses from one block into the separator or the next block is dropped.
    """
    u16 = Utf16Map(joined)
    starts = [p.at for p in layout]
    out: dict[int, list[LTMatch]] = {p.index: [] for p in layout}
    for match in matches:
        m = normalize(match, joined, u16)
        if m is None:
            continue
        k = bisect_right(starts, m.start) - 1
        if k < 0:
            continue
        piece = layout[k]
        if m.end > piece.at + piece.length:
            continue
        out[piece.index].append(m.shifted(piece.offset - piece.at))
    return out


# -- cache -----------------------------------------------------------------------------------


def cache_dir() -> Path:
    """``$NEWSLINT_CACHE_DIR/languagetool``, else ``.newslint_cache/languagetool`` in the working folder."""
    root = os.environ.get("NEWSLINT_CACHE_DIR") or str(Path.cwd() / ".newslint_cache")
    return Path(root) / "languagetool"


class AnswerCache:
    """The matches LanguageTool found in a text, by (settings, text); one small JSON file each."""

    def __init__(self, directory: Path, identity: str) -> None:
        self.directory = directory
        self.identity = identity

    def _file(self, text: str) -> Path:
        key = hashlib.sha256(json.dumps([CACHE_FORMAT, self.identity, text]).encode("utf-8")).hexdigest()
        return self.directory / key[:2] / f"{key}.json"

    def get(self, text: str) -> list[LTMatch] | None:
        try:
            data = json.loads(self._file(text).read_text(encoding="utf-8"))
            return [LTMatch.from_json(item) for item in data]
        except (OSError, ValueError, TypeError):
            return None

    def put(self, text: str, matches: list[LTMatch]) -> None:
        target = self._file(text)
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=target.parent, suffix=".tmp")
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump([m.to_json() for m in matches], fh, ensure_ascii=False)
            os.replace(tmp, target)
        except OSError:
            pass  # a cache that cannot be written only costs a request next time


# -- the server --------------------------------------------------------------------------------


def _die_with_parent():
    """A preexec_fn that has the server get SIGTERM when the process that started it ends, however
    it ends (killed, or a worker process that exits without running atexit); Linux only."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        import ctypes
        import signal

        prctl = ctypes.CDLL(None, use_errno=True).prctl  # resolved here, not in the forked child
    except (OSError, AttributeError):
        return None
    term = int(signal.SIGTERM)

    def preexec() -> None:
        prctl(1, term)  # PR_SET_PDEATHSIG

    return preexec


class LocalServer:
    """The HTTP server of a LanguageTool installation, started by newslint on 127.0.0.1 and stopped at exit.

    language-tool-python's own local mode is not used: it looks for the installation as
    ``$LTP_PATH/LanguageTool-<version>`` and downloads LanguageTool when it is not there.
    """

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.proc = None
        self.url = ""
        self.owner = os.getpid()

    def start(self) -> str:
        import shutil
        import socket
        import subprocess
        import time
        import urllib.request

        jar = self.folder / "languagetool-server.jar"
        if not jar.is_file():
            raise LanguageToolUnavailable(
                f"no LanguageTool installation at {self.folder} (languagetool.path must be an unpacked "
                "LanguageTool distribution, the folder with languagetool-server.jar)"
            )
        java = shutil.which("java")
        if java is None:
            raise LanguageToolUnavailable("cannot start LanguageTool: no 'java' on PATH (it needs Java 17 or later)")
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        log = tempfile.TemporaryFile()  # noqa: SIM115 (the server's output, read if it exits early)
        cmd = [java, "-cp", str(jar), "org.languagetool.server.HTTPServer", "--port", str(port)]
        self.proc = subprocess.Popen(
            cmd,
            cwd=self.folder,
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
            preexec_fn=_die_with_parent(),
        )
        atexit.register(self.stop)
        self.url = f"http://127.0.0.1:{port}/"
        deadline = time.monotonic() + STARTUP_TIMEOUT
        while time.monotonic() < deadline:
            code = self.proc.poll()
            if code is not None:
                log.seek(0)
                lines = log.read().decode("utf-8", "replace").strip().splitlines()
                last = lines[-1].strip() if lines else "no output"
                raise LanguageToolUnavailable(f"LanguageTool at {self.folder} exited with code {code}: {last}")
            try:
                with urllib.request.urlopen(self.url + "v2/languages", timeout=2) as answer:
                    if answer.status == 200:
                        return self.url
            except OSError:
                pass
            time.sleep(0.2)
        self.stop()
        raise LanguageToolUnavailable(
            f"LanguageTool at {self.folder} did not start answering within {STARTUP_TIMEOUT:g} s"
        )

    def stop(self) -> None:
        if self.proc is None or os.getpid() != self.owner or self.proc.poll() is not None:
            return
        self.proc.terminate()
        try:
            self.proc.wait(timeout=10)
        except Exception:
            self.proc.kill()


class Backend:
    """Answers for one configuration's settings, in one process: cache first, then batched requests."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.cache = AnswerCache(cache_dir(), settings.identity()) if settings.cache else None
        self.requests = 0  # /v2/check requests sent (for tests and the README's figures)
        self.failure: str | None = None
        self._client: Any = None
        self._local: LocalServer | None = None

    # the server
    def start(self) -> None:
        """Start the local installation's server now (before worker processes fork); no-op for a URL."""
        if self.settings.path is not None and self._local is None:
            self._guard(self._start_local)

    def _start_local(self) -> None:
        local = LocalServer(self.settings.path)
        self._local = local
        local.start()

    def base_url(self) -> str:
        if self.settings.url:
            return normalize_url(self.settings.url)
        self.start()
        return self._local.url

    def _guard(self, action):
        if self.failure:
            raise LanguageToolUnavailable(self.failure)
        try:
            return action()
        except LanguageToolUnavailable as exc:
            self.failure = str(exc)
            raise

    def client(self) -> Any:
        if self._client is None:
            self._client = self._guard(self._connect)
        return self._client

    def _connect(self) -> Any:
        from language_tool_python import LanguageTool
        from language_tool_python.exceptions import LanguageToolError

        # language-tool-python reads its request timeout from _TIMEOUT (300 s by default)
        cls = type("NewslintLanguageTool", (LanguageTool,), {"_TIMEOUT": self.settings.timeout})
        url = self.base_url()
        try:
            client = cls(language=self.settings.language, remote_server=url)
        except LanguageToolError as exc:
            raise LanguageToolUnavailable(self._describe(exc)) from None
        except ValueError as exc:
            raise NewslintError(
                f"languagetool.language {self.settings.language!r} is not offered by the server at {url} ({exc})"
            ) from None
        client.disabled_rules = set(self.settings.disabled_rules)
        client.enabled_categories = set(self.settings.enabled_categories)
        client.disabled_categories = set(self.settings.disabled_categories)
        return client

    def _describe(self, exc: Exception) -> str:
        where = f"the LanguageTool server at {self.settings.server}"
        if self.settings.path is not None and self._local is not None:
            where = f"the LanguageTool server of {self.settings.path} ({self._local.url})"
        cause = exc.__cause__
        try:
            import requests

            if isinstance(cause, requests.exceptions.Timeout):
                return f"{where} did not answer within {self.settings.timeout:g} s (languagetool.timeout)"
            if isinstance(cause, requests.exceptions.ConnectionError):
                return f"cannot reach {where}: is it running?"
        except ImportError:  # pragma: no cover - requests comes with language-tool-python
            pass
        text = " ".join(str(exc).split())[:200] or type(exc).__name__
        return f"{where} answered with an error: {text}"

    def _request(self, joined: str) -> list:
        from language_tool_python.exceptions import LanguageToolError

        client = self.client()
        self.requests += 1
        try:
            return client.check(joined)
        except LanguageToolError as exc:
            self.failure = self._describe(exc)
            raise LanguageToolUnavailable(self.failure) from None
        except (KeyError, TypeError, ValueError) as exc:
            self.failure = (
                f"the LanguageTool server at {self.settings.server} sent an answer newslint cannot read ({exc!r})"
            )
            raise LanguageToolUnavailable(self.failure) from None

    # the answers
    def check_texts(self, texts: list[str]) -> list[list[LTMatch]]:
        """Matches for each text, offsets in that text: from the cache, else from batched requests."""
        results: dict[int, list[LTMatch]] = {}
        todo: dict[int, str] = {}
        for i, text in enumerate(texts):
            cached = self.cache.get(text) if self.cache else None
            if cached is not None:
                results[i] = cached
            else:
                todo.setdefault(i, text)
        if todo:
            if self.failure:
                raise LanguageToolUnavailable(self.failure)
            found: dict[int, list[LTMatch]] = {i: [] for i in todo}
            for joined, layout in plan_batches(todo, self.settings.max_request_chars):
                for index, matches in assign(self._request(joined), joined, layout).items():
                    found[index].extend(matches)
            for i, matches in found.items():
                matches.sort(key=lambda m: (m.start, m.end, m.rule))
                results[i] = matches
                if self.cache:
                    self.cache.put(todo[i], matches)
        return [results[i] for i in range(len(texts))]


_BACKENDS: dict[Settings, Backend] = {}
_WARNED: set[str] = set()


def prepare(config: Any) -> None:
    """Before worker processes fork: start the server of the configuration's installation, if any,
    so that the workers share it. A failure is kept and reported when the rule runs."""
    settings = getattr(config, "languagetool", None)
    if settings is not None and settings.path is not None:
        try:
            backend_for(settings).start()
        except LanguageToolUnavailable:
            pass


def backend_for(settings: Settings) -> Backend:
    """One backend per settings per process (a forked worker inherits the parent's)."""
    if settings not in _BACKENDS:
        _BACKENDS[settings] = Backend(settings)
    return _BACKENDS[settings]


def incomplete_run() -> bool:
    """True when LanguageTool failed in this process: findings made since lack its matches.

    A whole-file result cache should not store them, or the next run would not ask again.
    """
    return any(backend.failure for backend in _BACKENDS.values())


def warn_once(message: str) -> None:
    if message in _WARNED:
        return
    _WARNED.add(message)
    sys.stderr.write(f"newslint: warning: {message}\n")
    sys.stderr.flush()


def reset() -> None:
    """Forget backends and warnings (tests)."""
    for backend in _BACKENDS.values():
        if backend._local is not None:
            backend._local.stop()
    _BACKENDS.clear()
    _WARNED.clear()
