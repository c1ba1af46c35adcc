"""``json.dumps(obj, indent=2, ensure_ascii=False)``, written faster for the reports' plain data.

With an indent, the standard library encodes in Python, one generator per container; a report of
thousands of findings spent most of its time there. This writer walks dicts with string keys, lists,
tuples, strings, ints, floats, booleans and None, and escapes strings with json's own C function, so
the text is the same byte for byte; anything else (another key type, a subclass it does not know, a
cycle) goes to ``json.dumps`` itself.
"""

from __future__ import annotations

import json
from json.encoder import encode_basestring  # the C function when the accelerator is built

_FLOAT_OUT = {float("inf"): "Infinity", float("-inf"): "-Infinity"}


class _Fallback(Exception):
    """A value this writer does not handle: json.dumps takes over."""


def dumps_indented(obj) -> str:
    """``json.dumps(obj, indent=2, ensure_ascii=False)``."""
    parts: list[str] = []
    try:
        _write(obj, parts, "\n")
    except (_Fallback, RecursionError):
        return json.dumps(obj, indent=2, ensure_ascii=False)
    return "".join(parts)


def write_value(obj, parts: list[str], newline: str) -> None:
    """Append ``obj`` encoded as ``dumps_indented`` would at the indent that ``newline`` (a line break
    and spaces) opens; json.dumps writes what this writer does not handle."""
    try:
        out: list[str] = []
        _write(obj, out, newline)
    except (_Fallback, RecursionError):
        out = [json.dumps(obj, indent=2, ensure_ascii=False).replace("\n", newline)]
    parts.extend(out)


def _write(obj, parts: list[str], newline: str) -> None:
    """Append the encoding of ``obj`` to ``parts``; ``newline``: a line break and the current indent."""
    kind = type(obj)
    if kind is str:
        parts.append(encode_basestring(obj))
    elif obj is None:
        parts.append("null")
    elif obj is True:
        parts.append("true")
    elif obj is False:
        parts.append("false")
    elif kind is int:
        parts.append(int.__repr__(obj))
    elif kind is float:
        if obj != obj:
            parts.append("NaN")
        else:
            parts.append(_FLOAT_OUT.get(obj) or float.__repr__(obj))
    elif kind is dict:
        if not obj:
            parts.append("{}")
            return
        inner = newline + "  "
        sep = "{" + inner
        for key, value in obj.items():
            if type(key) is not str:
                raise _Fallback
            parts.append(sep)
            parts.append(encode_basestring(key))
            parts.append(": ")
            _write(value, parts, inner)
            sep = "," + inner
        parts.append(newline + "}")
    elif kind is list or kind is tuple:
        if not obj:
            parts.append("[]")
            return
        inner = newline + "  "
        sep = "[" + inner
        for value in obj:
            parts.append(sep)
            _write(value, parts, inner)
            sep = "," + inner
        parts.append(newline + "]")
    else:
        raise _Fallback
