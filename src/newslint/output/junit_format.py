"""JUnit XML: one test case per linted file, failed when the file has findings."""

from __future__ import annotations

import re

# characters XML 1.0 cannot carry, even escaped
_INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _clean(text: str) -> str:
    return _INVALID_XML.sub("\ufffd", text)


def render(results, report) -> str:
    import xml.etree.ElementTree as ET

    tests = len(results)
    failures = sum(1 for r in results if r.findings)
    root = ET.Element("testsuites", name="newslint", tests=str(tests), failures=str(failures), errors="0")
    suite = ET.SubElement(
        root, "testsuite", name="newslint", tests=str(tests), failures=str(failures), errors="0", skipped="0"
    )
    for r in results:
        case = ET.SubElement(suite, "testcase", name=_clean(r.path), classname="newslint", file=_clean(r.path))
        if not r.findings:
            continue
        n = len(r.findings)
        failure = ET.SubElement(case, "failure", message=f"{n} problem{'s' if n != 1 else ''} found", type="newslint")
        failure.text = _clean(
            "\n".join(f"{f.path}:{f.line}:{f.column}: {f.severity} {f.rule} {f.message}" for f in r.findings) + "\n"
        )
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
