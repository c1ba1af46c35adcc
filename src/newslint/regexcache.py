"""Compiled regular expressions kept in the per-user cache between runs of the command line.

Python compiles each pattern once per process, in Python code (its parser and code generator): about
20 ms of a one-article run, and as much again in each pool worker for the patterns compiled after the
fork. The compiler's output (the pattern's flags, code and groups) depends only on the pattern, its
flags and the interpreter, so it is kept in ``regex-v1.marshal``, keyed by the interpreter's version and
its regular expression engine's, and handed to the engine directly (``_sre.compile``): the same
pattern objects (``==``), made in microseconds.

``install()`` routes ``re``'s compilation through the store for the rest of the process; only the
command line calls it. On an interpreter whose compiler this module does not know, it does nothing.
"""

from __future__ import annotations

import sys

FORMAT = 1
LIMIT = 1_000  # patterns kept at most: the rules have about 220 (a configuration adds its own); a pattern
# made anew by each process (from a set, in hash order) or an older newslint's would fill it, and it is
# read at every start: a store that would overflow is rebuilt from the patterns this process used

_stored: dict = {}  # (pattern, flags) -> what _sre.compile takes after the pattern
_new: dict = {}  # compiled here and not in the file yet
_used: dict = {}  # the stored entries this process took: what a full store is rebuilt from
_installed = False


def _key() -> tuple:
    import _sre

    return (FORMAT, sys.version, _sre.MAGIC, _sre.CODESIZE, sys.maxunicode)


def _path():
    from newslint.usercache import cache_dir

    return cache_dir() / f"regex-v{FORMAT}.marshal"


def _read() -> dict:
    import marshal

    try:
        with open(_path(), "rb") as fh:
            key, data = marshal.loads(fh.read())
    except (OSError, EOFError, ValueError, TypeError, MemoryError):
        return {}
    return data if key == _key() and type(data) is dict else {}


def install() -> None:
    """Compile ``re``'s patterns from the store (and add new ones to it) for the rest of the process;
    the new ones are written at exit (see ``save``)."""
    global _installed
    if _installed or sys.version_info[:2] not in ((3, 11), (3, 12), (3, 13)):
        return  # (the compiler's steps below are those of these versions)
    import atexit

    try:
        import _sre
        from re import _compiler, _parser
    except ImportError:
        return
    original = _compiler.compile
    debug = _compiler.SRE_FLAG_DEBUG
    stored, new = _stored, _new

    def compile(p, flags=0):
        if (type(p) is not str and type(p) is not bytes) or flags & debug:
            return original(p, flags)
        key = (p, flags)
        parts = stored.get(key)
        if parts is not None:
            try:
                compiled = _sre.compile(p, *parts)
            except Exception:  # a damaged entry (the engine checks the code): compiled again
                del stored[key]
            else:
                _used[key] = parts
                return compiled
        # re._compiler.compile's steps, its output kept
        parsed = _parser.parse(p, flags)
        code = [int(c) for c in _compiler._code(parsed, flags)]
        groups = parsed.state.groups
        groupindex = dict(parsed.state.groupdict)
        indexgroup = [None] * groups
        for name, i in groupindex.items():
            indexgroup[i] = name
        parts = (int(flags | parsed.state.flags), code, groups - 1, groupindex, tuple(indexgroup))
        stored[key] = parts
        if len(new) < LIMIT:
            new[(p, int(flags))] = parts
        return _sre.compile(p, *parts)

    stored.update(_read())
    _compiler.compile = compile
    _installed = True
    atexit.register(save)


def save() -> None:
    """Write the patterns compiled here that the file lacks (merged with what it holds now)."""
    if not _new:
        return
    import marshal

    from newslint.usercache import write_atomic

    try:
        merged = _read()
        if len(merged) + len(_new) > LIMIT:
            # full of patterns no run makes any more (another newslint's, a changed configuration's):
            # started again from this process's own
            merged = dict(_used)
        merged.update(list(_new.items())[: max(0, LIMIT - len(merged))])
        write_atomic(_path(), marshal.dumps((_key(), merged)))
    except (OSError, ValueError, MemoryError):
        pass  # a cache that cannot be written: compiled again next time
    _new.clear()
