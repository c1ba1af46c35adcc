"""Hypothesis strategies shared by the property tests: documents built from news prose with the
mechanical errors the shipped rules fix, Markdown and table markup, line endings and odd characters."""

from hypothesis import strategies as st

PIECES = st.sampled_from(
    [
        "Talks resumed,despite tensions.",
        "It was a point of contention.This changed.",
        "Officials woudl not say.",
        "The U.S. and Russia met at 10:30 on Jan. 5 and agreed on 1,000 items.",
        "ukraine",
        "putin said",
        "a enduring peace",
        "an hour",
        "teh",
        "Ukraine",
        "word",
        " ",
        "  ",
        "\n",
        "\r\n",
        "\n\n",
        ",",
        ".",
        ":",
        ";",
        "|",
        "Step | Description |",
        "---|---|",
        "regular meetings | Create platforms |",
        "- ",
        "# ",
        "`",
        "*",
        "[",
        "](",
        ")",
        "<!--",
        "-->",
        "```",
        "https://x.org/a,b",
        "é",
        "’",
        "\t",
        "🙂",
        "the",
        "_",
        "\\",
        "<b>",
        "U.S.",
        "woudl",
        "3.5",
        "> ",
        "1. ",
        "\ufeff",
    ]
)


def documents(max_pieces: int) -> st.SearchStrategy[str]:
    return st.lists(PIECES, max_size=max_pieces).map("".join)
