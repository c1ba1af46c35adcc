import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newslint.document.sentences import _word_before, split_sentences


def sentences(text):
    return [text[a:b] for a, b in split_sentences(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mr. Smith went to Washington. He said no.", ["Mr. Smith went to Washington.", "He said no."]),
        ("The U.S. economy grew 3.5 percent. Prices rose.", ["The U.S. economy grew 3.5 percent.", "Prices rose."]),
        ("Officials in the U.K. said so. The U.N. agreed.", ["Officials in the U.K. said so.", "The U.N. agreed."]),
        ("He talked with the U.S. The talks ended.", ["He talked with the U.S.", "The talks ended."]),
        ("It was 10 a.m. on Jan. 5. Then it rained.", ["It was 10 a.m. on Jan. 5.", "Then it rained."]),
        (
            "Gen. Milley and Dr. Ruiz spoke, e.g. on aid. Later, i.e. today, too.",
            ["Gen. Milley and Dr. Ruiz spoke, e.g. on aid.", "Later, i.e. today, too."],
        ),
        ("J. R. R. Tolkien wrote it. He died.", ["J. R. R. Tolkien wrote it.", "He died."]),
        ('"Really?" he asked. "Yes." She left.', ['"Really?" he asked.', '"Yes."', "She left."]),
        ("He said “no.” Then he left!", ["He said “no.”", "Then he left!"]),
        ("She paused... and went on. Wait... Then stop.", ["She paused... and went on.", "Wait...", "Then stop."]),
        ("Progress. the interplay matters.", ["Progress.", "the interplay matters."]),
        (
            "Acme Inc. The company grew. Acme Inc. shares rose.",
            ["Acme Inc.", "The company grew.", "Acme Inc. shares rose."],
        ),
        ("Pi is 3.14159 exactly? No.", ["Pi is 3.14159 exactly?", "No."]),
        ("", []),
    ],
)
def test_split(text, expected):
    assert sentences(text) == expected


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet='aZ.. (’"x', max_size=60), st.integers(min_value=0, max_value=60))
def test_word_before_is_the_letter_run_ending_there(text, end):
    """The hand-written backward scan finds what ``([A-Za-z][A-Za-z.]*)$`` finds in a 40-character window."""
    end = min(end, len(text))
    found = re.search(r"([A-Za-z][A-Za-z.]*)$", text[max(0, end - 40) : end])
    assert _word_before(text, end) == (found.group(1).lower() if found else "")
